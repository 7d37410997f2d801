/**
 * Seeded fault injection: duplicates, reordering, delay jitter. No `Math.random`: every
 * decision is a hash of (seed, what is decided, which event, which target, which attempt), so a
 * run is reproducible from its seed whatever order concurrent attempts finish in.
 */
import type { TimelineEntry } from '../scenarios/engine/timeline.ts';
import type { DelayRange } from './schedule.ts';

export interface FaultOptions {
  /** Probability (0..1) that a delivered event is sent once more, same body and id (docs/providers.md E3, M6). */
  duplicates?: number;
  /** Probability (0..1) that an event is held back behind the next one (only across entities where the profile orders per entity, docs/providers.md M7). */
  reorder?: number;
  /** Extra wait before every attempt, uniform in the range. */
  delay?: DelayRange;
}

/** Default seed when none is given; the journal records the seed either way. */
export const DEFAULT_SEED = 1;

/** xmur3-style string hash then one mulberry32 step: a uniform float in [0, 1). */
export function unitHash(text: string): number {
  let h = 1779033703 ^ text.length;
  for (let i = 0; i < text.length; i++) {
    h = Math.imul(h ^ text.charCodeAt(i), 3432918353);
    h = (h << 13) | (h >>> 19);
  }
  h = Math.imul(h ^ (h >>> 16), 2246822507);
  h = Math.imul(h ^ (h >>> 13), 3266489909);
  h ^= h >>> 16;
  let t = (h >>> 0) + 0x6d2b79f5;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}

export class Faults {
  readonly seed: string;
  readonly duplicates: number;
  readonly reorder: number;
  readonly delay: DelayRange | undefined;

  constructor(seed: string | number, options: FaultOptions = {}) {
    this.seed = String(seed);
    this.duplicates = options.duplicates ?? 0;
    this.reorder = options.reorder ?? 0;
    this.delay = options.delay && options.delay.maxMs > 0 ? options.delay : undefined;
  }

  random(kind: string, ...keys: readonly (string | number)[]): number {
    return unitHash(`${this.seed}|${kind}|${keys.join('|')}`);
  }

  /** Re-deliver this (event, target) once more after it was delivered? */
  duplicate(seq: number, targetKey: string): boolean {
    return this.duplicates > 0 && this.random('duplicate', seq, targetKey) < this.duplicates;
  }

  /** Hold this event back behind the next one? */
  holdBack(seq: number): boolean {
    return this.reorder > 0 && this.random('reorder', seq) < this.reorder;
  }

  /** Extra wait before this attempt, in ms (0 without --delay). */
  jitterMs(seq: number, targetKey: string, attempt: number): number {
    if (!this.delay) return 0;
    const { minMs, maxMs } = this.delay;
    return Math.round(minMs + this.random('delay', seq, targetKey, attempt) * (maxMs - minMs));
  }
}

export interface PlannedEntry {
  entry: TimelineEntry;
  /** Sent after a later entry because of --reorder. */
  reordered: boolean;
}

/**
 * Swaps an entry with its successor when the fault says so and `canSwap` allows it (mluvii:
 * only entities that differ, docs/providers.md M7). Holds at most one entry. Push entries in timeline
 * order; `flush` at the end.
 */
export class Reorderer {
  #held: TimelineEntry | undefined;
  readonly #faults: Faults;
  readonly #canSwap: (held: TimelineEntry, next: TimelineEntry) => boolean;

  constructor(faults: Faults, canSwap: (held: TimelineEntry, next: TimelineEntry) => boolean) {
    this.#faults = faults;
    this.#canSwap = canSwap;
  }

  /** The entries to send now, in order (zero, one or two). */
  push(entry: TimelineEntry): PlannedEntry[] {
    const out: PlannedEntry[] = [];
    const held = this.#held;
    if (held) {
      this.#held = undefined;
      if (this.#canSwap(held, entry)) {
        out.push({ entry, reordered: false }, { entry: held, reordered: true });
        return out;
      }
      out.push({ entry: held, reordered: false });
    }
    if (this.#faults.holdBack(entry.seq)) this.#held = entry;
    else out.push({ entry, reordered: false });
    return out;
  }

  flush(): PlannedEntry[] {
    const held = this.#held;
    this.#held = undefined;
    return held ? [{ entry: held, reordered: false }] : [];
  }
}

/** The timeline with --reorder applied, as a stream. */
export async function* reorderTimeline(
  source: Iterable<TimelineEntry> | AsyncIterable<TimelineEntry>,
  faults: Faults,
  canSwap: (held: TimelineEntry, next: TimelineEntry) => boolean,
): AsyncGenerator<PlannedEntry> {
  const r = new Reorderer(faults, canSwap);
  for await (const entry of source) yield* r.push(entry);
  yield* r.flush();
}
