/**
 * Live progress, written only to the injected stream and only as redacted text:
 * - on a TTY, one line rewritten in place (at most every 100 ms): a bar, done/total, the rate and
 *   the ETA, retries and failures;
 * - elsewhere (CI logs), one plain line per 10 % of the plan (per 1000 deliveries when the total is
 *   unknown), or, `verbose`, one line per delivery as it settles;
 * - `quiet` prints nothing (the caller prints the verdict).
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

/** What is known of the plan when the run starts. */
export interface ProgressPlan {
  /** Deliveries the run will make (the CLI counts the plan first); unknown for streamed plans. */
  total?: number;
  /** Wall-clock time the pacing takes (speed, realtime), for the ETA. */
  plannedMs?: number;
}

export interface Progress {
  start?(plan: ProgressPlan): void;
  attempt(rec: AttemptRecord, counters: ProgressCounters): void;
  done(counters: ProgressCounters): void;
}

export interface ProgressOptions {
  /** Default: the stream's isTTY. */
  tty?: boolean;
  /** One line per settled delivery instead of per 10 %. */
  verbose?: boolean;
  /** Print nothing. */
  quiet?: boolean;
  /** ANSI colours (the caller decides: a TTY and no NO_COLOR). */
  color?: boolean;
  /** TTY redraw interval (default 100 ms). */
  intervalMs?: number;
  now?: () => number;
  /** Plain-line step in percent (default 10). */
  everyPercent?: number;
}

export const silentProgress: Progress = { attempt() {}, done() {} };

export function createProgress(stream: ProgressStream, options: ProgressOptions = {}): Progress {
  if (options.quiet) return silentProgress;
  const tty = options.tty ?? stream.isTTY === true;
  return new LiveProgress(stream, { ...options, tty });
}

const ESC = '\x1b[';
export function paint(on: boolean): { green: (s: string) => string; red: (s: string) => string; yellow: (s: string) => string; dim: (s: string) => string; bold: (s: string) => string } {
  const wrap = (code: string) => (s: string) => (on ? `${ESC}${code}m${s}${ESC}0m` : s);
  return { green: wrap('32'), red: wrap('31'), yellow: wrap('33'), dim: wrap('2'), bold: wrap('1') };
}

/** 1234 ms → `1.2s`, 18 s → `18s`, 83 s → `1m23s`, 2 h → `2h00m`. */
export function formatEta(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) return '?';
  const s = Math.round(ms / 1000);
  if (ms < 10_000) return `${(ms / 1000).toFixed(1)}s`;
  if (s < 60) return `${s}s`;
  if (s < 3600) return `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s`;
  return `${Math.floor(s / 3600)}h${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}m`;
}

class LiveProgress implements Progress {
  readonly #stream: ProgressStream;
  readonly #o: Required<Pick<ProgressOptions, 'tty' | 'verbose' | 'intervalMs' | 'everyPercent'>> & { now: () => number };
  readonly #c: ReturnType<typeof paint>;
  #plan: ProgressPlan = {};
  #t0: number | undefined;
  #lastDraw = 0;
  #nextStep = 1;
  #drawn = false;

  constructor(stream: ProgressStream, o: ProgressOptions & { tty: boolean }) {
    this.#stream = stream;
    this.#o = { tty: o.tty, verbose: o.verbose === true, intervalMs: o.intervalMs ?? 100, everyPercent: o.everyPercent ?? 10, now: o.now ?? Date.now };
    this.#c = paint(o.color === true);
  }

  start(plan: ProgressPlan): void {
    this.#plan = plan;
    this.#t0 = this.#o.now();
  }

  #settled(c: ProgressCounters): number {
    return c.delivered + c.discarded + c.notSent;
  }

  #total(c: ProgressCounters): number | undefined {
    const t = this.#plan.total;
    return t === undefined ? undefined : Math.max(t, c.planned);
  }

  /** `12/17 · 4.1/s · ETA 1.2s` */
  #status(c: ProgressCounters, final: boolean): string {
    const done = this.#settled(c);
    const total = this.#total(c);
    const elapsed = Math.max(1, this.#o.now() - (this.#t0 ?? this.#o.now()));
    const rate = (done * 1000) / elapsed;
    const parts = [total === undefined ? `${done} done` : `${done}/${total}`];
    parts.push(`${rate >= 10 ? Math.round(rate) : rate.toFixed(1)}/s`);
    if (!final && total !== undefined) {
      const byRate = rate > 0 ? ((total - done) / rate) * 1000 : Infinity;
      // A paced run cannot end before its plan does, however fast the receiver answers.
      const byPlan = this.#plan.plannedMs !== undefined ? this.#plan.plannedMs - elapsed : 0;
      parts.push(`ETA ${formatEta(Math.max(byPlan, done === 0 && byPlan > 0 ? byPlan : byRate))}`);
    }
    const failed = c.discarded + c.notSent;
    parts.push(`delivered ${this.#c.green(String(c.delivered))}`);
    parts.push(`failed ${failed ? this.#c.red(String(failed)) : '0'}`);
    if (c.retries) parts.push(`retries ${c.retries}`);
    if (c.duplicates) parts.push(`duplicates ${c.duplicates}`);
    if (!final && c.inFlight) parts.push(`in flight ${c.inFlight}`);
    return parts.join(' · ');
  }

  #bar(c: ProgressCounters): string {
    const total = this.#total(c);
    if (total === undefined || total === 0) return '';
    const width = 20;
    const filled = Math.min(width, Math.round((this.#settled(c) / total) * width));
    return `[${this.#c.green('█'.repeat(filled))}${this.#c.dim('░'.repeat(width - filled))}] `;
  }

  attempt(rec: AttemptRecord, c: ProgressCounters): void {
    this.#t0 ??= this.#o.now();
    if (this.#o.tty) {
      const t = this.#o.now();
      if (t - this.#lastDraw < this.#o.intervalMs) return;
      this.#lastDraw = t;
      this.#drawn = true;
      this.#stream.write(`\r${ESC}2Kprovider-mock ${this.#bar(c)}${this.#status(c, false)}`);
      return;
    }
    if (this.#o.verbose) {
      if (rec.final) this.#stream.write(`provider-mock: ${this.#eventLine(rec)}\n`);
      return;
    }
    if (!rec.final) return;
    const total = this.#total(c);
    const done = this.#settled(c);
    if (total === undefined) {
      if (done % 1000 === 0) this.#stream.write(`provider-mock: ${this.#status(c, false)}\n`);
      return;
    }
    // The last step is done()'s line.
    const pct = Math.floor((done / Math.max(1, total)) * 100);
    if (done >= total || pct < this.#nextStep * this.#o.everyPercent) return;
    while (this.#nextStep * this.#o.everyPercent <= pct) this.#nextStep++;
    this.#stream.write(`provider-mock: ${pct}% · ${this.#status(c, false)}\n`);
  }

  /** `#3 delivered enreach QueueCallInComing CallId:c898… → http://…: 200 in 2.1 ms (attempt 1)` */
  #eventLine(rec: AttemptRecord): string {
    const answer = rec.status !== null ? `${rec.status}${rec.latencyMs !== null ? ` in ${rec.latencyMs} ms` : ''}` : (rec.error ?? 'no answer');
    const outcome = rec.outcome === 'delivered' ? this.#c.green('delivered') : this.#c.red(rec.outcome);
    const why = rec.outcome !== 'delivered' && rec.reason ? ` — ${rec.reason}` : '';
    return `#${rec.seq} ${outcome} ${rec.provider} ${rec.eventType} ${rec.entityKey} → ${rec.target || '(no target)'}: ${rec.attempt ? answer : 'not sent'}${rec.attempt ? ` (attempt ${rec.attempt})` : ''}${why}`;
  }

  done(c: ProgressCounters): void {
    const line = `provider-mock ${this.#o.tty ? this.#bar(c) : ''}${this.#status(c, true)}`;
    if (this.#o.tty) this.#stream.write(`${this.#drawn ? `\r${ESC}2K` : ''}${line}\n`);
    else this.#stream.write(`${line.replace('provider-mock ', 'provider-mock: done · ')}\n`);
  }
}
