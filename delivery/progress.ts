/**
 * Live progress: on a TTY one line rewritten in place (at most every 100 ms); otherwise plain
 * log lines for retries, discards and the end. Writes only to the injected stream, only
 * redacted text.
 */
import type { AttemptRecord } from './journal.ts';

export interface ProgressStream {
  write(chunk: string): unknown;
  isTTY?: boolean;
}

export interface ProgressCounters {
  read: number;
  planned: number;
  sent: number;
  delivered: number;
  discarded: number;
  notSent: number;
  retries: number;
  duplicates: number;
  inFlight: number;
}

export interface Progress {
  attempt(rec: AttemptRecord, counters: ProgressCounters): void;
  done(counters: ProgressCounters): void;
}

export const silentProgress: Progress = { attempt() {}, done() {} };

export function createProgress(stream: ProgressStream, options: { tty?: boolean; intervalMs?: number; now?: () => number } = {}): Progress {
  const tty = options.tty ?? stream.isTTY === true;
  return tty ? new TtyProgress(stream, options.intervalMs ?? 100, options.now ?? Date.now) : new LineProgress(stream);
}

function line(c: ProgressCounters): string {
  return `sent ${c.sent}/${c.planned} planned · delivered ${c.delivered} · retries ${c.retries} · duplicates ${c.duplicates} · failed ${c.discarded} · not sent ${c.notSent} · in flight ${c.inFlight}`;
}

class TtyProgress implements Progress {
  #last = 0;
  constructor(
    readonly stream: ProgressStream,
    readonly intervalMs: number,
    readonly now: () => number,
  ) {}

  attempt(_rec: AttemptRecord, c: ProgressCounters): void {
    const t = this.now();
    if (t - this.#last < this.intervalMs) return;
    this.#last = t;
    this.stream.write(`\r\x1b[2Kprovider-mock: ${line(c)}`);
  }

  done(c: ProgressCounters): void {
    this.stream.write(`\r\x1b[2Kprovider-mock: ${line(c)}\n`);
  }
}

class LineProgress implements Progress {
  constructor(readonly stream: ProgressStream) {}

  attempt(rec: AttemptRecord): void {
    const what = `${rec.provider} ${rec.eventType} ${rec.entityKey} #${rec.seq} → ${rec.target}`;
    const got = rec.status !== null ? `status ${rec.status}` : `${rec.error ?? 'no answer'}`;
    if (rec.outcome === 'will-retry') this.stream.write(`provider-mock: attempt ${rec.attempt} failed (${got}), will retry: ${what}\n`);
    else if (rec.outcome === 'discarded') this.stream.write(`provider-mock: discarded after ${rec.attempt} attempts (${got}): ${what}\n`);
  }

  done(c: ProgressCounters): void {
    this.stream.write(`provider-mock: ${line(c)}\n`);
  }
}
