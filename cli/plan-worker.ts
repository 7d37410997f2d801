/**
 * `run`'s planning worker (started by cli/plan-ahead.ts): plans the request's timeline (the same
 * scenario files, flags, seed and start time as the sending thread, so the same plan), skips what
 * the sender is planning itself (up to `margin` entries past the sender's shared read position)
 * and posts the rest in batches of BATCH, each entry with its payload serialized and identified as
 * the sender would (delivery/identity.ts), so the sender does no per-payload work. It runs at most
 * `credits` batches ahead: each batch read gives one back.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { identify, serialize } from '../delivery/identity.ts';
import { loadProfile } from '../delivery/profile.ts';
import type { TimelineEntry } from '../scenarios/index.ts';
import { BATCH, fingerprint, planTimeline, toWireError, type WireEntry, type WorkerInput, type WorkerMessage } from './plan-ahead.ts';

const port = parentPort;
if (!port) throw new Error('cli/plan-worker.ts runs as a worker thread (cli/plan-ahead.ts starts it)');
const input = workerData as WorkerInput;
let credits = input.credits;
let wake: (() => void) | undefined;
port.on('message', (n: number) => {
  credits += n;
  wake?.();
});

function wire(e: TimelineEntry): WireEntry | TimelineEntry {
  let s;
  try {
    s = serialize(e);
  } catch {
    // Not JSON: the sender serializes it again and journals the failure as its own.
    return e;
  }
  // loadProfile() keeps each provider's profile once loaded.
  const id = identify(loadProfile(e.provider), e.payload, s.bytes);
  return [e.seq, e.at, e.provider, e.eventType, e.entityKey, e.scenario, e.instance, e.step, s.text, id.eventId, id.eventIdKind];
}

const post = (m: WorkerMessage): void => port.postMessage(m);

async function main(): Promise<void> {
  const position = new Int32Array(input.position);
  let index = 0;
  let from = -1;
  let batch: (WireEntry | TimelineEntry)[] = [];
  let previous: TimelineEntry | undefined;
  let check: string | undefined;
  try {
    for (const e of planTimeline(input.request)) {
      const i = index++;
      // Behind the sender or just ahead of it: it plans these itself.
      if (from < 0 && i < Atomics.load(position, 0) + input.margin) {
        previous = e;
        continue;
      }
      if (from < 0) {
        from = i;
        // The sender's last entry before the hand-over, as planned here: it compares it with its own.
        check = previous ? fingerprint(previous) : undefined;
      }
      batch.push(wire(e));
      if (batch.length < BATCH) continue;
      post({ kind: 'batch', from, entries: batch, ...(check !== undefined ? { check } : {}) });
      check = undefined;
      from += batch.length;
      batch = [];
      if (--credits <= 0) {
        while (credits <= 0) await new Promise<void>((resolve) => (wake = resolve));
        wake = undefined;
      }
    }
  } catch (err) {
    // Thrown where it happened: the entries before it are delivered first.
    if (batch.length > 0) post({ kind: 'batch', from, entries: batch, ...(check !== undefined ? { check } : {}) });
    post({ kind: 'error', error: toWireError(err) });
    return;
  }
  if (batch.length > 0) post({ kind: 'batch', from, entries: batch, ...(check !== undefined ? { check } : {}) });
  post({ kind: 'end' });
}

void main();
