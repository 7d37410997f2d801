import { describe, expect, it } from 'vitest';
import { formatDelayRange, formatDuration, formatRetrySchedule, Pacer, parseDelayRange, parseDuration, parseRetrySchedule, retryDelayMs } from '../../delivery/index.ts';
import type { Clock } from '../../delivery/index.ts';

/** A fake clock: sleeping advances time at once and records the wait. */
function fakeClock(): Clock & { waits: number[]; t: number } {
  const c = {
    t: 0,
    waits: [] as number[],
    now: () => c.t,
    date: () => new Date(c.t),
    sleep: async (ms: number) => {
      c.waits.push(ms);
      c.t += ms;
    },
  };
  return c;
}

describe('durations and schedules', () => {
  it('parses and formats durations', () => {
    expect(parseDuration('250ms', 'x')).toBe(250);
    expect(parseDuration('1.5s', 'x')).toBe(1500);
    expect(parseDuration('2m', 'x')).toBe(120_000);
    expect(parseDuration('0', 'x')).toBe(0);
    expect(formatDuration(1500)).toBe('1.5s');
    expect(formatDuration(200)).toBe('200ms');
    expect(formatDuration(60_000)).toBe('1m');
  });

  it('round-trips a retry schedule, and "none" retries at once', () => {
    expect(parseRetrySchedule('1s, 5s,30s')).toEqual([1000, 5000, 30000]);
    expect(formatRetrySchedule([1000, 5000, 30000])).toBe('1s,5s,30s');
    expect(parseRetrySchedule('none')).toEqual([]);
    expect(formatRetrySchedule([])).toBe('none');
  });

  it('repeats the last wait when there are more retries than items', () => {
    expect([1, 2, 3, 4].map((n) => retryDelayMs([10, 20], n))).toEqual([10, 20, 20, 20]);
    expect(retryDelayMs([], 3)).toBe(0);
  });

  it('parses a delay range with the unit on the upper bound', () => {
    expect(parseDelayRange('0..200ms')).toEqual({ minMs: 0, maxMs: 200 });
    expect(parseDelayRange('50ms..1s')).toEqual({ minMs: 50, maxMs: 1000 });
    expect(parseDelayRange('100ms')).toEqual({ minMs: 100, maxMs: 100 });
    expect(formatDelayRange({ minMs: 0, maxMs: 200 })).toBe('0..200ms');
  });
});

describe('Pacer (time modes)', () => {
  it('instant never waits', async () => {
    const clock = fakeClock();
    const p = new Pacer({ kind: 'instant' }, clock);
    for (const at of [0, 60_000, 120_000]) await p.waitFor(at);
    expect(clock.waits).toEqual([]);
  });

  it('realtime waits the timeline offsets', async () => {
    const clock = fakeClock();
    const p = new Pacer({ kind: 'realtime' }, clock);
    for (const at of [0, 1000, 1000, 2500]) await p.waitFor(at);
    expect(clock.waits).toEqual([1000, 1500]);
  });

  it('speed 60 plays a scenario minute in a second', async () => {
    const clock = fakeClock();
    const p = new Pacer({ kind: 'speed', factor: 60 }, clock);
    for (const at of [0, 60_000, 120_000]) await p.waitFor(at);
    expect(clock.waits).toEqual([1000, 1000]);
  });

  it('does not wait for entries that are already late', async () => {
    const clock = fakeClock();
    const p = new Pacer({ kind: 'realtime' }, clock);
    await p.waitFor(0);
    clock.t += 5000;
    await p.waitFor(1000);
    expect(clock.waits).toEqual([]);
  });
});
