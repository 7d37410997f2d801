/**
 * When the payloads of one `generate --count N` (or the MSW catalog's `?count=N`) happen: one after
 * another, not all at one instant. Independent payloads (each its own session or call) arrive a
 * seeded 5 s to 60 s apart, the way separate contacts reach a contact centre; a `--sequence` (one
 * session or call) moves on 5 s per event. No clock is read: the first payload is at `start`.
 */
import { hashSeed, mixSeed } from './rng/seed.ts';

export interface Gap {
  minMs: number;
  maxMs: number;
}

/** Between independent payloads. */
export const DEFAULT_SERIES_GAP: Gap = { minMs: 5_000, maxMs: 60_000 };
/** Between the events of one sequence (one session or call). */
export const DEFAULT_SEQUENCE_GAP: Gap = { minMs: 5_000, maxMs: 5_000 };

/** The instants of payload 0, 1, 2, …: `start`, then a seeded gap from the range before each next one. */
export function* seriesTimes(start: number, seed: number | string, gap: Gap = DEFAULT_SERIES_GAP): Generator<number> {
  const base = hashSeed(seed);
  let t = start;
  for (let i = 0; ; i++) {
    if (i > 0) {
      const u = mixSeed(base, 'series-gap', i) / 0x1_0000_0000;
      t += Math.round(gap.minMs + u * (gap.maxMs - gap.minMs));
    }
    yield t;
  }
}
