import { describe, expect, it } from 'vitest';
import { compileClonedShape, compileShape, constant, OMIT, type ShapeProp } from '../../generators/shape.ts';

// The compiled shape (new Function) and the fallback a page without eval gets (a CSP that forbids
// it, generators/shape.ts) must build the same object: same keys, same order, same values.
interface G {
  n: number;
  calls: string[];
}
const props: ShapeProp<G>[] = [
  { name: 'Id', fill: (g) => `id-${g.n}` },
  { name: 'Kind', fill: constant('Queue') },
  { name: 'Gone', fill: () => OMIT },
  { name: 'Maybe', fill: (g) => (g.n % 2 ? undefined : g.n) },
  { name: '__proto__', fill: () => 'own key, not the prototype' },
  { name: 'quote"d', fill: (g) => { g.calls.push('quote'); return [g.n]; } },
];

describe('object shapes', () => {
  for (const undefinedOmits of [true, false]) {
    it(`the compiled shape and the no-eval fallback build the same objects (undefinedOmits ${undefinedOmits})`, () => {
      const options = { undefinedOmits, before: (g: G) => g.calls.push('before'), after: (o: Record<string, unknown>, g: G) => { g.calls.push(`after:${Object.keys(o).length}`); } };
      const fast = compileShape(props, options);
      const slow = compileClonedShape(props, options);
      for (const n of [1, 2]) {
        const a: G = { n, calls: [] };
        const b: G = { n, calls: [] };
        const x = fast(a);
        const y = slow(b);
        expect(JSON.stringify(x)).toBe(JSON.stringify(y));
        expect(Object.keys(x)).toEqual(Object.keys(y));
        expect(Object.getPrototypeOf(x)).toBe(Object.prototype);
        expect(a.calls).toEqual(b.calls);
        expect(x).not.toHaveProperty('Gone');
        expect('Maybe' in x).toBe(!(undefinedOmits && n % 2 === 1));
      }
    });
  }
});
