import { describe, expect, it } from 'vitest';
import { Faults, reorderTimeline, unitHash } from '../../delivery/index.ts';
import type { TimelineEntry } from '../../scenarios/engine/timeline.ts';

function entry(seq: number, entityKey: string): TimelineEntry {
  return { seq, at: seq, provider: 'mluvii', eventType: 'E', entityKey, payload: {}, scenario: 's', instance: 0, step: 'x' };
}

async function collect<T>(it: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const x of it) out.push(x);
  return out;
}

describe('seeded faults', () => {
  it('gives the same decisions for the same seed and different ones for another seed', () => {
    const a = new Faults(42, { duplicates: 0.5 });
    const b = new Faults(42, { duplicates: 0.5 });
    const c = new Faults(43, { duplicates: 0.5 });
    const pick = (f: Faults): boolean[] => Array.from({ length: 64 }, (_, i) => f.duplicate(i, 't'));
    expect(pick(a)).toEqual(pick(b));
    expect(pick(a)).not.toEqual(pick(c));
  });

  it('hits roughly the asked rate', () => {
    const f = new Faults('rate', { duplicates: 0.1 });
    const n = Array.from({ length: 5000 }, (_, i) => f.duplicate(i, 't')).filter(Boolean).length;
    expect(n).toBeGreaterThan(350);
    expect(n).toBeLessThan(650);
  });

  it('keeps jitter inside the range and never decides anything at rate 0', () => {
    const f = new Faults(1, { delay: { minMs: 10, maxMs: 20 } });
    for (let i = 0; i < 200; i++) {
      const j = f.jitterMs(i, 't', 1);
      expect(j).toBeGreaterThanOrEqual(10);
      expect(j).toBeLessThanOrEqual(20);
    }
    const none = new Faults(1);
    expect(Array.from({ length: 100 }, (_, i) => none.duplicate(i, 't') || none.holdBack(i)).some(Boolean)).toBe(false);
    expect(none.jitterMs(1, 't', 1)).toBe(0);
  });

  it('unitHash is uniform-ish in [0, 1)', () => {
    const xs = Array.from({ length: 1000 }, (_, i) => unitHash(`k${i}`));
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...xs)).toBeLessThan(1);
    expect(xs.filter((x) => x < 0.5).length).toBeGreaterThan(400);
  });

  it('reorders neighbours but never two events of one entity when the swap is refused', async () => {
    const f = new Faults(3, { reorder: 1 });
    const src = [entry(0, 'a'), entry(1, 'a'), entry(2, 'b'), entry(3, 'c')];
    const out = await collect(reorderTimeline(src, f, (x, y) => x.entityKey !== y.entityKey));
    expect(out.map((p) => p.entry.seq)).toEqual([0, 2, 1, 3]);
    expect(out.filter((p) => p.reordered).map((p) => p.entry.seq)).toEqual([1]);
  });

  it('loses no entry and holds at most one', async () => {
    const f = new Faults(9, { reorder: 0.4 });
    const src = Array.from({ length: 200 }, (_, i) => entry(i, `k${i % 3}`));
    const out = await collect(reorderTimeline(src, f, () => true));
    expect(out.map((p) => p.entry.seq).sort((a, b) => a - b)).toEqual(src.map((e) => e.seq));
    out.forEach((p, i) => expect(Math.abs(p.entry.seq - i)).toBeLessThanOrEqual(1));
  });
});
