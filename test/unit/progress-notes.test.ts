import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { errBesideProgress, type CliIO } from '../../cli/io.ts';
import { createProgress } from '../../delivery/index.ts';
import type { AttemptRecord } from '../../delivery/index.ts';

/** What a terminal shows for the bytes written: `\r` to the line's start, `ESC[2K` clears it, `\n` a new line. */
function screen(bytes: string): string[] {
  const rows: string[][] = [[]];
  let col = 0;
  for (let i = 0; i < bytes.length; i++) {
    const row = rows[rows.length - 1]!;
    if (bytes.startsWith('\x1b[2K', i)) {
      row.length = 0;
      i += 3;
    } else if (bytes[i] === '\r') col = 0;
    else if (bytes[i] === '\n') {
      rows.push([]);
      col = 0;
    } else row[col++] = bytes[i]!;
  }
  return rows.map((r) => r.join('')).filter((r, n, all) => r !== '' || n < all.length - 1);
}

function tty(isTTY: boolean): { io: CliIO; written: () => string } {
  let text = '';
  const stderr = Object.assign(new Writable({ write: (chunk: Buffer, _enc, done) => ((text += chunk.toString()), done()) }), { isTTY });
  return { io: { stdout: stderr, stderr, stdin: process.stdin, env: {}, cwd: process.cwd() }, written: () => text };
}

const rec = { provider: 'mluvii', eventType: 'SessionCreated', entityKey: 'session:1', seq: 0, target: 'http://127.0.0.1:1/h', status: 200, error: null, attempt: 1, outcome: 'delivered', final: true, latencyMs: 1 } as unknown as AttemptRecord;
const counters = { read: 0, planned: 4, sent: 0, delivered: 0, discarded: 0, notSent: 0, retries: 0, duplicates: 0, inFlight: 0 };

describe('a line printed during a run with live progress (the plan worker taking over)', () => {
  it('stands on its own line on a TTY, and the progress goes on below it', async () => {
    const { io, written } = tty(true);
    let t = 0;
    const progress = createProgress(io.stderr, { tty: true, intervalMs: 0, now: () => t });
    progress.start?.({ total: 4 });
    const c = { ...counters };
    for (let i = 0; i < 4; i++) {
      t += 1000;
      c.delivered = i + 1;
      progress.attempt({ ...rec, seq: i }, c);
      if (i === 1) errBesideProgress(io, 'provider-mock: planning in a worker thread from event 3');
    }
    progress.done(c);
    await new Promise((resolve) => setImmediate(resolve));
    expect(screen(written())).toEqual(['provider-mock: planning in a worker thread from event 3', 'provider-mock [████████████████████] 4/4 · 1.0/s · delivered 4 · failed 0']);
  });

  it('is a plain line off a TTY (CI logs get no control codes)', async () => {
    const { io, written } = tty(false);
    errBesideProgress(io, 'provider-mock: planning in a worker thread from event 3');
    await new Promise((resolve) => setImmediate(resolve));
    expect(written()).toBe('provider-mock: planning in a worker thread from event 3\n');
  });
});
