/**
 * The providers' own JSON examples (contracts/<provider>/examples/), read from disk for the
 * OpenAPI/AsyncAPI exports and the Pact helpers. Node only.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { packageRoot } from '../package-files.ts';
import type { Provider } from '../provider.ts';

export const REPO_ROOT = packageRoot();

export interface DocExample {
  provider: Provider;
  /** The folder under examples/: en, cs (mluvii); reference, intro, misc (Enreach). */
  origin: string;
  /** The event type, or the helper type for Enreach's "Misc" examples: the file name. */
  name: string;
  /** Repo-relative path, with forward slashes. */
  file: string;
  value: unknown;
}

/**
 * Preferred origin first: the English doc for mluvii (the Czech one is cut off), the reference
 * section for Enreach (the intro example is the odd one out, docs/providers.md E11/E13).
 */
const ORIGIN_ORDER: Record<Provider, readonly string[]> = {
  mluvii: ['en', 'cs'],
  enreach: ['reference', 'intro', 'misc'],
};

function walk(dir: string): string[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  return names.flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? walk(p) : n.endsWith('.json') ? [p] : [];
  });
}

const cache = new Map<Provider, DocExample[]>();

/** Every JSON example of a provider but the Enreach configuration sample, sorted by preferred origin then name. */
export function docExamples(provider: Provider): readonly DocExample[] {
  const hit = cache.get(provider);
  if (hit) return hit;
  const order = ORIGIN_ORDER[provider];
  const list = walk(join(REPO_ROOT, 'contracts', provider, 'examples'))
    .map((abs) => {
      const file = relative(REPO_ROOT, abs).split(sep).join('/');
      const origin = file.split('/')[3] ?? '';
      const name = (file.split('/').pop() ?? '').replace(/\.json$/, '');
      return { provider, origin, name, file, value: JSON.parse(readFileSync(abs, 'utf8')) as unknown };
    })
    .filter((e) => order.includes(e.origin))
    .sort((a, b) => order.indexOf(a.origin) - order.indexOf(b.origin) || a.name.localeCompare(b.name));
  cache.set(provider, list);
  return list;
}

/** The examples of one event type, preferred origin first (none for misc helper types). */
export function eventDocExamples(provider: Provider, eventType: string): DocExample[] {
  return docExamples(provider).filter((e) => e.origin !== 'misc' && e.name === eventType);
}
