import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

// fileURLToPath, not URL.pathname: a checkout path with a space (or any %-escape) must still resolve.
export const ROOT = fileURLToPath(new URL('../..', import.meta.url)).replace(/\/$/, '');

export interface StoredExample {
  /** Repo-relative path. */
  file: string;
  provider: 'mluvii' | 'enreach';
  /** The folder under examples/: en, cs (mluvii); reference, intro, misc, config (Enreach). */
  origin: string;
  text: string;
}

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? walk(p) : n.endsWith('.json') ? [p] : [];
  });
}

/** Every provider example stored under contracts/<provider>/examples/. */
export function storedExamples(): StoredExample[] {
  return (['mluvii', 'enreach'] as const).flatMap((provider) =>
    walk(join(ROOT, 'contracts', provider, 'examples')).map((abs) => {
      const file = relative(ROOT, abs);
      return { file, provider, origin: file.split('/')[3] ?? '', text: readFileSync(abs, 'utf8') };
    }),
  );
}

/** Event examples only (not the Enreach configuration sample nor its "Misc" helper-type examples). */
export function eventExamples(): (StoredExample & { payload: unknown })[] {
  return storedExamples()
    .filter((e) => e.origin !== 'config' && e.origin !== 'misc')
    .map((e) => ({ ...e, payload: JSON.parse(e.text) as unknown }));
}
