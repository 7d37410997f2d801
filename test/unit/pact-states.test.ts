import { describe, expect, it } from 'vitest';
import { providerStates } from '../../pact/constants.ts';
import { listBuiltins } from '../../scenarios/files.ts';

describe('Pact provider states', () => {
  it('each name a built-in scenario that plays the situation, of the same provider', () => {
    const builtins = new Set(listBuiltins().map((b) => `${b.provider}/${b.name}`));
    for (const provider of ['mluvii', 'enreach'] as const) {
      for (const s of providerStates(provider)) {
        expect(s.scenario, s.name).toBeDefined();
        expect(builtins.has(`${provider}/${s.scenario}`), `${s.name} → ${s.scenario}`).toBe(true);
      }
    }
  });
});
