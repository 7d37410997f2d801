import { describe, expect, it } from 'vitest';
import { OrderedDispatcher } from '../../delivery/index.ts';

function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

describe('OrderedDispatcher', () => {
  it('runs the next task of a key only after the previous one ended, while other keys proceed', async () => {
    const d = new OrderedDispatcher({ concurrency: 4, maxQueued: 100 });
    const log: string[] = [];
    const gate = deferred();
    await d.submit({ lane: 't', orderKey: 'a', run: async () => { log.push('a1 start'); await gate.promise; log.push('a1 end'); }, drop: () => {} });
    await d.submit({ lane: 't', orderKey: 'a', run: async () => { log.push('a2'); }, drop: () => {} });
    await d.submit({ lane: 't', orderKey: 'b', run: async () => { log.push('b1'); }, drop: () => {} });
    await new Promise((r) => setTimeout(r, 5));
    expect(log).toEqual(['a1 start', 'b1']);
    gate.resolve();
    await d.onIdle();
    expect(log).toEqual(['a1 start', 'b1', 'a1 end', 'a2']);
  });

  it('never runs more than `concurrency` tasks of one lane at once', async () => {
    const d = new OrderedDispatcher({ concurrency: 3, maxQueued: 100 });
    let running = 0;
    let peak = 0;
    for (let i = 0; i < 20; i++) {
      await d.submit({
        lane: 't', orderKey: undefined, drop: () => {},
        run: async () => { running++; peak = Math.max(peak, running); await new Promise((r) => setTimeout(r, 1)); running--; },
      });
    }
    await d.onIdle();
    expect(peak).toBe(3);
  });

  it('makes submit wait when a round of ready tasks is already queued (bounded read-ahead)', async () => {
    const d = new OrderedDispatcher({ concurrency: 1, maxQueued: 100, maxReadyPerLane: 2 });
    const gate = deferred();
    let accepted = 0;
    const submitAll = (async () => {
      for (let i = 0; i < 5; i++) {
        const p = d.submit({ lane: 't', orderKey: undefined, run: () => gate.promise, drop: () => {} });
        if (p) await p;
        accepted++;
      }
    })();
    await new Promise((r) => setTimeout(r, 5));
    expect(accepted).toBe(3); // one running + two ready, the fourth waits
    gate.resolve();
    await submitAll;
    await d.onIdle();
    expect(accepted).toBe(5);
  });

  it('bounds the tasks waiting behind their key separately, so other keys keep flowing until then', async () => {
    const d = new OrderedDispatcher({ concurrency: 4, maxQueued: 3 });
    const gate = deferred();
    const ran: string[] = [];
    let accepted = 0;
    const submitAll = (async () => {
      // Key "a" blocks; its later tasks wait. Key "b" tasks start at once.
      const tasks = ['a', 'a', 'b', 'a', 'b', 'a', 'a', 'b'];
      for (const [i, key] of tasks.entries()) {
        const p = d.submit({ lane: 't', orderKey: key, run: async () => { ran.push(`${key}${i}`); if (i === 0) await gate.promise; }, drop: () => {} });
        if (p) await p;
        accepted++;
      }
    })();
    await new Promise((r) => setTimeout(r, 5));
    // a0 runs; a1, a3, a5 wait (bound 3 reached at a5); b2 and b4 ran; a6 is not accepted yet.
    expect(accepted).toBe(6);
    expect(ran).toEqual(['a0', 'b2', 'b4']);
    gate.resolve();
    await submitAll;
    await d.onIdle();
    expect(ran.filter((x) => x.startsWith('a'))).toEqual(['a0', 'a1', 'a3', 'a5', 'a6']);
  });

  it('drops queued tasks (calling drop) and lets the running ones finish', async () => {
    const d = new OrderedDispatcher({ concurrency: 1, maxQueued: 100, maxReadyPerLane: 10 });
    const gate = deferred();
    const ran: number[] = [];
    const dropped: number[] = [];
    for (let i = 0; i < 4; i++) {
      await d.submit({ lane: 't', orderKey: i % 2 ? 'k' : undefined, run: async () => { ran.push(i); if (i === 0) await gate.promise; }, drop: () => dropped.push(i) });
    }
    expect(d.dropQueued()).toBe(3);
    gate.resolve();
    await d.onIdle();
    expect(ran).toEqual([0]);
    expect(dropped.sort()).toEqual([1, 2, 3]);
  });

  it('keeps lanes independent', async () => {
    const d = new OrderedDispatcher({ concurrency: 1, maxQueued: 100 });
    const gate = deferred();
    const log: string[] = [];
    await d.submit({ lane: 'x', orderKey: undefined, run: async () => { await gate.promise; log.push('x'); }, drop: () => {} });
    await d.submit({ lane: 'y', orderKey: undefined, run: async () => { log.push('y'); }, drop: () => {} });
    await new Promise((r) => setTimeout(r, 5));
    expect(log).toEqual(['y']);
    gate.resolve();
    await d.onIdle();
  });
});
