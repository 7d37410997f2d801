import { describe, expect, it } from 'vitest';
import { lookahead } from '../../cli/plan-ahead.ts';
import type { TimelineEntry } from '../../scenarios/index.ts';
import { cli } from '../helpers/cli.ts';

const entry = (seq: number): TimelineEntry => ({ seq, at: seq, provider: 'enreach', eventType: 'QueueCallInComing', entityKey: `call:${seq}`, payload: { seq }, scenario: 't', instance: 0, step: 'a' });

/** A plan of n entries that counts how many it planned and whether it was closed; throws at `failAt`. */
function source(n: number, failAt?: number): { timeline: Iterable<TimelineEntry>; planned: () => number; closed: () => boolean } {
  let planned = 0;
  let closed = false;
  function* gen(): Generator<TimelineEntry> {
    try {
      for (let i = 0; i < n; i++) {
        if (i === failAt) throw new Error(`planning failed at ${i}`);
        planned++;
        yield entry(i);
      }
    } finally {
      closed = true;
    }
  }
  return { timeline: gen(), planned: () => planned, closed: () => closed };
}

// `run` in instant mode plans its first events before it sends, for the progress total, and
// must then deliver the same plan once: no second planning pass, same order, errors in place.
describe('run: the plan read ahead', () => {
  it('a plan that ends within the lookahead is complete, with its size, and is planned once', () => {
    const s = source(3);
    const a = lookahead(s.timeline, 10);
    expect(a).toMatchObject({ head: 3, complete: true });
    expect([...a.timeline].map((e) => e.seq)).toEqual([0, 1, 2]);
    expect(s.planned()).toBe(3);
  });

  it('a longer plan: the first n now, the rest while delivering, each entry once, in order', () => {
    const s = source(25);
    const a = lookahead(s.timeline, 10);
    expect(a).toMatchObject({ head: 10, complete: false });
    expect(s.planned()).toBe(10);
    expect([...a.timeline].map((e) => e.seq)).toEqual(Array.from({ length: 25 }, (_, i) => i));
    expect(s.planned()).toBe(25);
  });

  it('a planning error inside the lookahead is thrown after the entries before it (so they are journaled)', () => {
    const a = lookahead(source(25, 4).timeline, 10);
    expect(a.complete).toBe(false);
    const seen: number[] = [];
    expect(() => {
      for (const e of a.timeline) seen.push(e.seq);
    }).toThrow('planning failed at 4');
    expect(seen).toEqual([0, 1, 2, 3]);
  });

  it('stopping the delivery early closes the plan, in the kept entries or after them', () => {
    for (const stopAt of [2, 7]) {
      const s = source(25);
      const a = lookahead(s.timeline, 5);
      for (const e of a.timeline) if (e.seq === stopAt) break;
      expect(s.closed(), `stopped at ${stopAt}`).toBe(true);
    }
  });

  it('--validate takes sample or all; anything else is a clear error with the valid values', async () => {
    const r = await cli(['run', 'queue-call-answered', '--target', 'http://127.0.0.1:9/hook', '--validate', 'some']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/PM_BAD_FLAG: --validate some: unknown --validate mode "some"/);
    expect(r.stderr).toMatch(/valid values: sample, all/);
    const help = await cli(['run', '--help']);
    expect(help.stdout).toMatch(/--validate MODE +which planned payloads are checked/);
  });
});
