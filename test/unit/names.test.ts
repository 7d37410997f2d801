import { describe, expect, it } from 'vitest';
import { createWorld, type EnreachWorld, type MluviiWorld } from '../../generators/index.ts';
import { FIRST_NAMES } from '../../generators/names.ts';

/** People are called by the common names of their country, the most common most often (generators/names.ts). */
describe('first names', () => {
  const count = (names: readonly string[]): Map<string, number> => {
    const m = new Map<string, number>();
    for (const n of names) m.set(n, (m.get(n) ?? 0) + 1);
    return m;
  };

  it('mluvii operators and guests have common Czech first names, Jana and Jiří far more often than the 25th', () => {
    const w = createWorld('mluvii', { seed: 5, sizes: { operators: 3000, guests: 3000 } }) as MluviiWorld;
    const known = new Set([...FIRST_NAMES.czech.female, ...FIRST_NAMES.czech.male].map(([n]) => n));
    const firsts = [...w.operators.map((o) => o.firstName), ...w.guests.map((g) => g.fullName.split(' ')[0] ?? '')];
    expect(firsts.filter((n) => !known.has(n)), 'names outside the frequency list').toEqual([]);
    const c = count(firsts);
    expect(c.get('Jana') ?? 0).toBeGreaterThan(3 * (c.get('Markéta') ?? 0));
    expect(c.get('Jiří') ?? 0).toBeGreaterThan(3 * (c.get('Radek') ?? 0));
  });

  it('Enreach users have common Finnish first names', () => {
    const w = createWorld('enreach', { seed: 5, sizes: { users: 2000 } }) as EnreachWorld;
    const known = new Set([...FIRST_NAMES.finnish.female, ...FIRST_NAMES.finnish.male].map(([n]) => n));
    expect(w.users.map((u) => u.firstName).filter((n) => !known.has(n))).toEqual([]);
    const c = count(w.users.map((u) => u.firstName));
    expect(c.get('Juha') ?? 0).toBeGreaterThan(c.get('Joonas') ?? 0);
  });
});
