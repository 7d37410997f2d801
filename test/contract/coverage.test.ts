import { describe, expect, it } from 'vitest';
import { listEvents } from '../../contracts/catalog.ts';
import { listBuiltins, readScenario } from '../../scenarios/files.ts';
import { plan } from '../../scenarios/index.ts';

/**
 * Every webhook event type of both providers is played by at least one built-in scenario: the
 * built-ins are the documented flows (docs/providers.md §3), so an event no built-in plans is a
 * flow a receiver cannot try.
 */
describe('the built-in scenarios cover the catalog', () => {
  it('plan every one of the 129 event types (seeds 1-5), and none outside the catalog', () => {
    const planned = new Set<string>();
    for (const b of listBuiltins()) {
      const sc = readScenario(b.file);
      for (let seed = 1; seed <= 5; seed++) for (const e of plan(sc, { seed, validate: false })) planned.add(`${e.provider}/${e.eventType}`);
    }
    const catalog = new Set([...listEvents('mluvii'), ...listEvents('enreach')].map((e) => `${e.provider}/${e.eventType}`));
    expect(catalog.size).toBe(129);
    expect([...catalog].filter((x) => !planned.has(x)).sort(), 'event types no built-in plans').toEqual([]);
    expect([...planned].filter((x) => !catalog.has(x)), 'planned but not in the catalog').toEqual([]);
  }, 300_000);
});
