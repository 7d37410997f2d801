/**
 * How `run` reads its plan: the first events planned now (for the progress line's total, and so a
 * short run never waits for a thread), then the rest of the same plan either from this thread or
 * from a planning worker (cli/plan-worker.ts) that plans, validates, serializes and identifies the
 * events on another core while this thread sends them.
 *
 * The worker plans exactly what this thread would: the same scenario files, flags, seed and start
 * time (planning is a pure function of them, scenarios/engine/plan.ts), so the journal is the same
 * byte for byte apart from times. It skips the entries already planned here and sends the rest in
 * batches, in plan order, at most CREDITS batches ahead of what was read (bounded memory). If it
 * cannot start, or dies, this thread plans on from where the worker stopped; a planning error in
 * the worker is thrown where it happened, as it would be here. Opt-in (`--plan-worker on`): on a
 * 2-core machine it measured no faster (bench/README.md "Delivering").
 */
import { Worker } from 'node:worker_threads';
import { ProviderMockError, unknownName } from '../contracts/errors.ts';
import type { DeliveryEntry } from '../delivery/index.ts';
import type { ValidationMode } from '../scenarios/engine/validation.ts';
import { readScenarios } from '../scenarios/files.ts';
import { plan } from '../scenarios/index.ts';
import type { Scenario, TimelineEntry } from '../scenarios/index.ts';

/** Everything a plan is made from: a worker given the same request plans the same timeline. */
export interface PlanRequest {
  refs: readonly string[];
  cwd: string;
  sets: readonly string[];
  skips: readonly string[];
  only: readonly string[];
  limit: number;
  seed: number | string;
  startTime: number | undefined;
  validate: ValidationMode;
}

/** `--plan-worker on|off`: plan in a worker thread beside the sending one, or on it (the default). */
export type PlanWorkerMode = 'on' | 'off';
const PLAN_WORKER_MODES = ['on', 'off'] as const;

/** Entries per batch the worker posts (one message each). */
export const BATCH = 256;
/** Batches the worker may have posted ahead of what was read (bounded memory). */
const CREDITS = 4;
/** How far ahead of the sender's read position the worker starts posting (a few batches: it must arrive first). */
const MARGIN = 4 * BATCH;

export function planWorkerFlag(raw: string | undefined): PlanWorkerMode {
  if (raw === undefined) return 'off';
  if ((PLAN_WORKER_MODES as readonly string[]).includes(raw)) return raw as PlanWorkerMode;
  throw unknownName('PM_BAD_FLAG', '--plan-worker mode', raw, PLAN_WORKER_MODES, `--plan-worker ${raw}`);
}

/**
 * `--only step|EventType` (repeatable) and `--limit N`: the part of the plan a run sends. An
 * `--only` name that no scenario's event steps or event types has is bad input, with "did you
 * mean". Entries keep their plan `seq`.
 */
export function entrySelector(scenarios: readonly Scenario[], only: readonly string[], limit: number): (timeline: Iterable<TimelineEntry>) => Iterable<TimelineEntry> {
  const names = new Set<string>();
  for (const sc of scenarios) {
    for (const [qname, node] of sc.names) {
      if (node.kind !== 'event') continue;
      names.add(qname);
      names.add(node.event);
    }
  }
  const wanted = new Set<string>();
  for (const raw of only.flatMap((o) => o.split(','))) {
    const name = raw.trim();
    if (name === '') continue;
    if (!names.has(name)) throw unknownName('PM_UNKNOWN_STEP', 'step or event type in --only', name, [...names], `--only ${name}`);
    wanted.add(name);
  }
  return function* select(timeline) {
    if (limit <= 0) return;
    let n = 0;
    for (const e of timeline) {
      if (wanted.size > 0 && !wanted.has(e.step) && !wanted.has(e.eventType)) continue;
      yield e;
      if (++n >= limit) return;
    }
  };
}

/** The timeline a request describes, from already-read scenarios (this thread) or read now (the worker). */
export function planTimeline(req: PlanRequest, scenarios: readonly Scenario[] = readScenarios(req.refs, { cwd: req.cwd, sets: req.sets, skips: req.skips })): Iterable<TimelineEntry> {
  const select = entrySelector(scenarios, req.only, req.limit);
  return select(plan([...scenarios], { seed: req.seed, validate: req.validate, ...(req.startTime !== undefined ? { startTime: req.startTime } : {}) }));
}

/** A plan's first `n` entries, planned now, and the rest of it (not yet planned). */
export interface Lookahead<T = Iterable<TimelineEntry> | AsyncIterable<DeliveryEntry>> {
  /** How many entries were planned now. */
  head: number;
  /** The plan ended within them (its size is known without a second pass). */
  complete: boolean;
  /** The whole plan to deliver: the head, then the rest. */
  timeline: T;
}

/**
 * The first `n` entries of a timeline planned now, and the whole timeline to deliver: those
 * entries, then the rest of the same plan (planned once; closing it closes the plan). `complete`
 * when the plan ended within them. A planning error is kept and thrown where it happened, so
 * deliver() journals what came before it. `rest`, when given, delivers what follows the head
 * instead of this thread's plan (a worker); it gets the number of entries already planned and
 * this thread's plan, paused after them, to fall back on.
 */
export function lookahead(timeline: Iterable<TimelineEntry>, n: number): Lookahead<Iterable<TimelineEntry>>;
export function lookahead(timeline: Iterable<TimelineEntry>, n: number, rest: ((planned: number, own: Iterator<TimelineEntry>) => AsyncIterable<DeliveryEntry>) | undefined): Lookahead;
export function lookahead(timeline: Iterable<TimelineEntry>, n: number, rest?: (planned: number, own: Iterator<TimelineEntry>) => AsyncIterable<DeliveryEntry>): Lookahead {
  const it = timeline[Symbol.iterator]();
  const head: TimelineEntry[] = [];
  let complete = false;
  let failure: { error: unknown } | undefined;
  try {
    while (head.length < n) {
      const step = it.next();
      if (step.done) {
        complete = true;
        break;
      }
      head.push(step.value);
    }
  } catch (error) {
    failure = { error };
  }
  const planned = head.length;
  const more = !complete && !failure;
  function* own(): Generator<TimelineEntry> {
    try {
      yield* head.splice(0);
      if (failure) throw failure.error;
      if (more) yield* { [Symbol.iterator]: () => it };
    } finally {
      // Stopped while still in the kept entries: close the plan too (yield* closes it after that).
      if (more) it.return?.();
    }
  }
  async function* handedOver(next: (planned: number, own: Iterator<TimelineEntry>) => AsyncIterable<DeliveryEntry>): AsyncGenerator<DeliveryEntry> {
    let started = false;
    try {
      yield* head.splice(0);
      started = true;
      yield* next(planned, it);
    } finally {
      // Stopped while still in the kept entries: close the plan (once started, `next` closes it).
      if (!started) it.return?.();
    }
  }
  const timeline2 = more && rest ? handedOver(rest) : own();
  return { head: planned, complete: complete && !failure, timeline: timeline2 };
}

/** A wire entry: the TimelineEntry's fields, the payload's JSON text and id (delivery/identity.ts `Prepared`). */
export type WireEntry = [seq: number, at: number, provider: TimelineEntry['provider'], eventType: string, entityKey: string, scenario: string, instance: number, step: string, json: string, eventId: string, eventIdKind: 'id' | 'content-hash'];

/** What the worker posts: batches in plan order (an entry whose payload is not JSON comes as planned), then an error or the end. */
export type WorkerMessage =
  | { kind: 'batch'; from: number; entries: (WireEntry | TimelineEntry)[]; /** fingerprint() of the entry before `from` (first batch). */ check?: string }
  | { kind: 'error'; error: WireError }
  | { kind: 'end' };

export interface WireError {
  message: string;
  stack?: string | undefined;
  /** Set for a ProviderMockError: rebuilt as one (same code, where, hint, exit code). */
  pm?: { code: string; what: string; where?: string | undefined; hint?: string | undefined; validValues?: readonly string[] | undefined; exitCode: number };
}

export function toWireError(err: unknown): WireError {
  if (err instanceof ProviderMockError) {
    return { message: err.message, stack: err.stack, pm: { code: err.code, what: err.what, where: err.where, hint: err.hint, validValues: err.validValues, exitCode: err.exitCode } };
  }
  return err instanceof Error ? { message: err.message, stack: err.stack } : { message: String(err) };
}

export function fromWireError(w: WireError): Error {
  if (w.pm) {
    return new ProviderMockError(w.pm.code, w.pm.what, {
      ...(w.pm.where !== undefined ? { where: w.pm.where } : {}),
      ...(w.pm.hint !== undefined ? { hint: w.pm.hint } : {}),
      ...(w.pm.validValues !== undefined ? { validValues: w.pm.validValues } : {}),
      exitCode: w.pm.exitCode,
    });
  }
  const e = new Error(w.message);
  if (w.stack) e.stack = w.stack;
  return e;
}

function toEntry(w: WireEntry): DeliveryEntry {
  return { seq: w[0], at: w[1], provider: w[2], eventType: w[3], entityKey: w[4], payload: undefined, scenario: w[5], instance: w[6], step: w[7], prepared: { json: w[8], eventId: w[9], eventIdKind: w[10] } };
}

/** What the worker is given: the request, the sender's read position (shared) and how far past it to start. */
export interface WorkerInput {
  request: PlanRequest;
  /** One Int32: how many entries the sending thread has read from its own plan. */
  position: SharedArrayBuffer;
  margin: number;
  credits: number;
}

/**
 * The worker, next to this module: the built .js in the package; from sources (tsx, vitest) a
 * bootstrap that registers tsx's loader in the worker first (a loader given to the main thread
 * does not reach worker threads) and then imports the .ts module.
 */
function startWorker(input: WorkerInput): Worker {
  if (!import.meta.url.endsWith('.ts')) return new Worker(new URL('./plan-worker.js', import.meta.url), { workerData: input });
  const source = new URL('./plan-worker.ts', import.meta.url).href;
  const boot = `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(source)}); });`;
  return new Worker(boot, { eval: true, workerData: input });
}

/** What a hand-over compares: the same entry planned by both threads must be the same, time and body. */
export function fingerprint(e: Pick<TimelineEntry, 'seq' | 'at' | 'payload'>, json: string | undefined = JSON.stringify(e.payload)): string {
  return `${e.seq} ${e.at} ${json ?? ''}`;
}

/**
 * The rest of the plan (after the first `planned` entries, in plan order): a worker starts, plans
 * ahead of this thread (skipping what this thread reads meanwhile, told through a shared counter)
 * and posts from a position MARGIN past it, while this thread goes on planning; from that position
 * on the worker's entries are used and this thread's plan is closed. Nothing waits for the
 * worker: it only takes over once it is ahead, and only when the last entry this thread planned is
 * the worker's too (the same time and body: a scenario file changed since the run read it would
 * make another plan). Falls back to this thread's own plan when the worker cannot start, fails or
 * disagrees before it took over, and to planning here again (skipping what was read) when it dies
 * later; a planning error after it took over is thrown in place.
 */
export async function* planInWorker(req: PlanRequest, planned: number, own: Iterator<TimelineEntry>, tell: (line: string) => void = () => {}): AsyncGenerator<DeliveryEntry> {
  let read = planned;
  let ownOpen = true;
  let last: TimelineEntry | undefined;
  /** The worker's last entry of a batch this thread had read past: what the next batch follows. */
  let carried: string | undefined;
  let worker: Worker | undefined;
  const inbox: (WorkerMessage | { kind: 'died'; error: unknown })[] = [];
  let wake: (() => void) | undefined;
  const receive = (m: WorkerMessage | { kind: 'died'; error: unknown }): void => {
    inbox.push(m);
    wake?.();
  };
  const position = new Int32Array(new SharedArrayBuffer(4));
  Atomics.store(position, 0, read);
  try {
    try {
      worker = startWorker({ request: req, position: position.buffer, margin: MARGIN, credits: CREDITS });
      worker.on('message', receive);
      worker.on('error', (error) => receive({ kind: 'died', error }));
      worker.on('exit', (code) => receive({ kind: 'died', error: new Error(`the planning worker exited with code ${code}`) }));
    } catch {
      worker = undefined;
    }
    for (;;) {
      if (ownOpen && (inbox.length === 0 || !worker)) {
        // Until the worker is ahead: this thread plans on, and says how far it has read.
        const step = own.next();
        if (step.done) return;
        read++;
        Atomics.store(position, 0, read);
        last = step.value;
        yield step.value;
        continue;
      }
      while (inbox.length === 0) await new Promise<void>((resolve) => (wake = resolve));
      wake = undefined;
      const m = inbox.shift() as (typeof inbox)[number];
      if (m.kind === 'died') {
        tell(`provider-mock: the planning worker stopped (${m.error instanceof Error ? m.error.message : String(m.error)}); planning goes on in this thread from event ${read + 1}`);
        // Not taken over yet: this thread's own plan goes on where it is.
        if (ownOpen) {
          yield* { [Symbol.iterator]: () => own };
          return;
        }
        // Later: plan again here and skip what was read (the same plan, so the same entries follow).
        let skip = read;
        for (const e of planTimeline(req)) {
          if (skip > 0) skip--;
          else yield e;
        }
        return;
      }
      if (m.kind === 'error' || m.kind === 'end') {
        // Before it took over, this thread's plan goes on (and meets the same error in place).
        if (ownOpen) {
          yield* { [Symbol.iterator]: () => own };
          return;
        }
        if (m.kind === 'error') throw fromWireError(m.error);
        return;
      }
      let i = 0;
      if (ownOpen) {
        // Take over at the batch's position: plan here up to it (this thread may be past it already).
        while (read < m.from) {
          const step = own.next();
          if (step.done) return;
          read++;
          last = step.value;
          yield step.value;
        }
        const at = read - 1 - m.from;
        if (at >= m.entries.length - 1) {
          // This thread read past the whole batch: it plans on, a later batch takes over.
          carried = m.entries.length > 0 ? wireFingerprint(m.entries[m.entries.length - 1] as WireEntry | TimelineEntry) : m.check;
          worker?.postMessage(1);
          continue;
        }
        const theirs = at < 0 ? (m.check ?? carried) : wireFingerprint(m.entries[at] as WireEntry | TimelineEntry);
        if (!last || theirs !== fingerprint(last)) {
          tell(`provider-mock: the planning worker planned event ${read} differently (a scenario file changed since the run read it?); planning goes on in this thread`);
          await stop(worker);
          worker = undefined;
          yield* { [Symbol.iterator]: () => own };
          return;
        }
        own.return?.();
        ownOpen = false;
        i = at + 1;
        tell(`provider-mock: planning in a worker thread from event ${read + 1}`);
      }
      for (; i < m.entries.length; i++) {
        const w = m.entries[i] as WireEntry | TimelineEntry;
        read++;
        // An entry the worker could not serialize comes as planned: the sender journals it as it would its own.
        yield Array.isArray(w) ? toEntry(w) : w;
      }
      worker?.postMessage(1);
    }
  } finally {
    if (ownOpen) own.return?.();
    await stop(worker);
  }
}

function wireFingerprint(w: WireEntry | TimelineEntry): string {
  return Array.isArray(w) ? fingerprint({ seq: w[0], at: w[1], payload: undefined }, w[8]) : fingerprint(w);
}

/** Done or stopped early: the worker waits for credits until it is ended. */
async function stop(worker: Worker | undefined): Promise<void> {
  if (!worker) return;
  worker.removeAllListeners('exit');
  worker.removeAllListeners('message');
  await worker.terminate();
}
