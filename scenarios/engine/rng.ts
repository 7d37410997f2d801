/**
 * Seeded randomness for the planner: every choice (optional steps, branches, repeat counts,
 * delays, arrivals) comes from a PRNG derived from the run seed, never from Math.random or the
 * clock, so a plan is reproducible from (seed, scenario, instance).
 */
import { hashString } from '../../generators/rng/seed.ts';

/** A 32-bit hash of the parts (FNV-1a over their joined text, avalanched), used to derive seeds. */
function hash32(...parts: readonly (string | number)[]): number {
  return hashString(parts.map(String).join('\u0000'));
}

/** A seed derived from a parent seed and a path of names/indices. */
export function deriveSeed(seed: number | string, ...parts: readonly (string | number)[]): number {
  return hash32(seed, ...parts);
}

export interface Rng {
  /** Uniform in [0, 1). */
  next(): number;
  /** Uniform integer in [min, max] (inclusive). */
  int(min: number, max: number): number;
  /** Standard normal (Box–Muller). */
  normal(): number;
}

/** mulberry32: small, fast and good enough for planning choices. */
export function createRng(seed: number): Rng {
  let a = seed >>> 0;
  const next = (): number => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    normal: () => {
      const u = Math.max(next(), Number.EPSILON);
      const v = next();
      return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    },
  };
}
