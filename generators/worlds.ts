/** What both providers' worlds are built with: their sizes, and names that never repeat. */
import type { Rng } from './rng/seed.ts';
import type { WorldSizes } from './world-sizes.ts';

/** The sizes a provider reads (the keys of its defaults): the given ones over the defaults. */
export function sizesFor<K extends keyof WorldSizes>(defaults: Readonly<Record<K, number>>, sizes: Partial<WorldSizes>): Record<K, number> {
  const out: Record<K, number> = { ...defaults };
  for (const k of Object.keys(defaults) as K[]) {
    const v = sizes[k];
    if (v !== undefined) out[k] = v;
  }
  return out;
}

/** `n` names from a shuffled pool; past the pool's end they repeat with a number (`Myynti 2`). */
export function distinctNames(rng: Rng, pool: readonly string[], n: number): string[] {
  const shuffled = rng.sample(pool, pool.length);
  return Array.from({ length: n }, (_, i) => (shuffled[i % shuffled.length] as string) + (i >= shuffled.length ? ` ${Math.floor(i / shuffled.length) + 1}` : ''));
}
