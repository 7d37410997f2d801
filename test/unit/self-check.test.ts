import { describe, expect, it } from 'vitest';
import { schemaWarnings, validatorFor } from '../../contracts/ajv.ts';
import { listEvents } from '../../contracts/index.ts';
import { generate } from '../../generators/index.ts';
import { fastValidatorFor } from '../../generators/self-check.ts';

// Values of every JSON kind, and strings of the formats, put in place of each property in turn.
const VALUES = [null, 1, 1.5, -1, 'x', '', true, [], {}, '2024-05-02T08:00:00Z', '2024-05-02T10:00:00.1+02:00', 'a1b2c3d4-0000-4abc-8def-0123456789ab'];

describe("generate()'s self-check (generators/self-check.ts)", () => {
  it('agrees with the strict validator on every event: its payloads, each property missing, replaced or added', () => {
    const disagree: string[] = [];
    for (const e of listEvents()) {
      const fast = fastValidatorFor(e.schemaId);
      const strict = validatorFor(e.schemaId, 'strict');
      const judge = (p: unknown, what: string): void => {
        if (Boolean(fast(p)) !== Boolean(strict(p))) disagree.push(`${e.provider} ${e.eventType} ${what}: strict says ${String(strict(p))}`);
      };
      for (const seed of [1, 2, 3]) judge(generate(e.provider, e.eventType, { seed, validate: false }), `seed ${seed}`);
      const payload = generate(e.provider, e.eventType, { seed: 4, validate: false }) as Record<string, unknown>;
      const main = (p: Record<string, unknown>): Record<string, unknown> => (e.provider === 'mluvii' ? (p['data'] as Record<string, unknown>) : p);
      const variant = (edit: (o: Record<string, unknown>) => void): Record<string, unknown> => {
        const copy = JSON.parse(JSON.stringify(payload)) as Record<string, unknown>;
        edit(main(copy));
        return copy;
      };
      for (const key of Object.keys(main(payload))) {
        judge(
          variant((o) => delete o[key]),
          `without ${key}`,
        );
        for (const v of VALUES) judge(variant((o) => (o[key] = v)), `${key} = ${JSON.stringify(v)}`);
      }
      judge(variant((o) => (o['Extra'] = 1)), 'with a property the schema does not have');
    }
    expect(disagree).toEqual([]);
    expect(schemaWarnings).toEqual([]);
  });
});
