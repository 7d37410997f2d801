// The providers' own examples, from the derived bundle (works without a file system).
import examplesJson from './generated/examples.json' with { type: 'json' };
import type { Provider } from './provider.ts';

export interface StoredDocExample {
  provider: Provider;
  /** en, cs (mluvii); reference, intro, misc (Enreach). */
  origin: string;
  /** Event type (or Enreach helper type for misc), plus `.2` for a second example of one event. */
  name: string;
  file: string;
  value: unknown;
}

const all = examplesJson as unknown as StoredDocExample[];

/** The doc examples of one event type, the preferred doc first (English mluvii doc, Enreach reference section). */
export function examplesOf(provider: Provider, eventType: string): StoredDocExample[] {
  return all.filter((e) => e.provider === provider && e.origin !== 'misc' && e.name.split('.')[0] === eventType);
}
