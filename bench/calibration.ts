/**
 * A fixed CPU workload that uses no project code, for benches that compare against a figure
 * recorded on another day: on a shared machine the absolute rate of the code under test moves with
 * the load, so a bench measures this workload in the same run (interleaved with its own rounds)
 * and divides by it. Changing the workload invalidates every recorded reference: keep it as is,
 * or change CALIBRATION_METHOD and re-record.
 *
 * One op: JSON.stringify of a fixed 200-record document, JSON.parse of the text, a pass over the
 * parsed records (string keys into a Map, as a planner does with entities), SHA-256 of the text,
 * then 400 small records built in plain JS (template strings, nested objects), counted in a Map
 * and sorted by time. Allocation-heavy like planning (objects, strings, short-lived garbage), half
 * in V8/OpenSSL built-ins and half in JIT-compiled JS (the pure-JS half tracked the planner's rate
 * under load more closely in a trial on this machine: 5 % vs 9 % spread across rounds), and
 * deterministic.
 */
import { createHash } from 'node:crypto';

export const CALIBRATION_METHOD =
  'ops/s of: JSON.stringify of a fixed 200-record document, JSON.parse, a Map keyed by its records, sha256 of the text, 400 records built, counted in a Map and sorted in plain JS (bench/calibration.ts)';

interface Row {
  id: string;
  queue: string;
  agent: number;
  at: number;
  tags: string[];
  note: string;
  answered: boolean;
}

/** The document: made from a fixed linear congruential sequence, so every run builds the same bytes. */
function documentOf(): { rows: Row[] } {
  let x = 12345;
  const next = (): number => (x = (Math.imul(x, 1103515245) + 12345) >>> 0);
  const rows: Row[] = [];
  for (let i = 0; i < 200; i++) {
    rows.push({
      id: `call-${next().toString(16)}`,
      queue: `queue-${next() % 12}`,
      agent: next() % 1000,
      at: 1_714_996_800_000 + (next() % 86_400_000),
      tags: [`t${next() % 7}`, `t${next() % 7}`],
      note: 'x'.repeat(next() % 40),
      answered: next() % 4 !== 0,
    });
  }
  return { rows };
}

const DOC = documentOf();
const KINDS = ['SessionCreated', 'QueueCallInUserConnected', 'UserStatus', 'CallbackRequest', 'QueueStatus'];

interface Item {
  id: string;
  at: number;
  kind: string;
  data: { n: number; agent: string; codes: number[] };
}

/** The pure-JS half: records made, keyed and sorted (the planner's kind of work, without its code). */
function records(): number {
  const items: Item[] = [];
  const byKey = new Map<string, number>();
  let x = 7;
  for (let i = 0; i < 400; i++) {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    const it: Item = { id: `e${x.toString(36)}`, at: 1_714_996_800_000 + (x % 86_400_000), kind: KINDS[i % 5] as string, data: { n: i, agent: `agent-${x % 1000}`, codes: [x % 7, x % 11] } };
    items.push(it);
    const key = `${it.kind}/${it.data.agent}`;
    byKey.set(key, (byKey.get(key) ?? 0) + 1);
  }
  items.sort((p, q) => p.at - q.at || (p.id < q.id ? -1 : 1));
  let len = 0;
  for (let i = 0; i < items.length; i += 20) len += JSON.stringify(items[i]).length;
  return len + byKey.size;
}

/** One op; returns a number that depends on all of its work, so nothing of it can be skipped. */
export function calibrationOp(): number {
  const text = JSON.stringify(DOC);
  const back = JSON.parse(text) as { rows: Row[] };
  const byQueue = new Map<string, number>();
  for (const r of back.rows) byQueue.set(`${r.queue}/${r.agent % 10}`, (byQueue.get(`${r.queue}/${r.agent % 10}`) ?? 0) + (r.answered ? r.tags.length : 1));
  const digest = createHash('sha256').update(text).digest();
  return byQueue.size + (digest[0] as number) + records();
}

/** Whole ops for at least `ms`: how many, and how long they took. */
export function calibrationSlice(ms: number): { ops: number; ms: number } {
  let ops = 0;
  let sink = 0;
  const t0 = performance.now();
  let elapsed: number;
  do {
    for (let i = 0; i < 8; i++) sink += calibrationOp();
    ops += 8;
    elapsed = performance.now() - t0;
  } while (elapsed < ms);
  if (sink === 0) throw new Error('calibration did no work');
  return { ops, ms: elapsed };
}

/** Ops per second over at least `ms` of whole ops. */
export function calibrate(ms: number): number {
  const s = calibrationSlice(ms);
  return s.ops / (s.ms / 1000);
}
