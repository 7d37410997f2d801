import { describe, expect, it } from 'vitest';
import {
  formatDelayRange,
  formatDuration,
  formatRetrySchedule,
  MAX_TIMER_MS,
  Pacer,
  parseDelayRange,
  parseDeliveryFlags,
  parseDuration,
  parseRetrySchedule,
  prepareRun,
  retryDelayMs,
  sleep,
  TIME_LIMITS,
} from '../../delivery/index.ts';
import { ProviderMockError } from '../../contracts/errors.ts';
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

/** The ProviderMockError `fn` throws (exit 2), for its message, where and hint. */
function refusal(fn: () => unknown): ProviderMockError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(ProviderMockError);
    expect((e as ProviderMockError).exitCode).toBe(2);
    return e as ProviderMockError;
  }
  throw new Error('expected a ProviderMockError');
}

describe('range limits of durations and speeds', () => {
  const flags = (...argv: string[]) => () => parseDeliveryFlags(argv, {});

  it('refuses a retry wait above 24 h, naming the limit and the item', () => {
    const e = refusal(flags('--retry-schedule', '1s,600h'));
    expect(e.code).toBe('PM_DELIVERY_DURATION_RANGE');
    expect(e.where).toBe('--retry-schedule');
    expect(e.message).toMatch(/retry wait 2 600h is above the limit 24h/);
    expect(parseRetrySchedule('1s,24h')).toEqual([1000, TIME_LIMITS.retryWaitMs.max]);
  });

  it('refuses a timeout outside 1 ms … 1 h and a --delay bound above 1 h', () => {
    expect(refusal(flags('--timeout', '2h')).message).toMatch(/the duration 2h is above the limit 1h/);
    expect(refusal(flags('--delay', '0..2h')).message).toMatch(/the delay 2h is above the limit 1h/);
    expect(parseDuration('1h', '--timeout', TIME_LIMITS.timeoutMs)).toBe(3_600_000);
    expect(parseDelayRange('0..1h')).toEqual({ minMs: 0, maxMs: 3_600_000 });
  });

  it('refuses a speed below 0.001 or above 1 000 000, naming both limits', () => {
    for (const speed of ['1e-9', '0.0001', '0', '2000000']) {
      const e = refusal(flags('--speed', speed));
      expect(e.code, speed).toBe('PM_DELIVERY_SPEED');
      expect(e.message, speed).toMatch(/outside 0\.001 … 1,000,000|not a speed factor/);
    }
    expect(parseDeliveryFlags(['--speed', '0.001'], {}).options.time).toEqual({ kind: 'speed', factor: 0.001 });
  });

  it('applies the same limits to options given in code', () => {
    const target = { url: 'http://127.0.0.1:1/hook' };
    expect(refusal(() => prepareRun({ target, time: { kind: 'speed', factor: 1e-9 } })).code).toBe('PM_DELIVERY_SPEED');
    expect(refusal(() => prepareRun({ target, retryScheduleMs: [1000, 600 * 3_600_000] })).message).toMatch(/retry wait 2 600h is above the limit 24h/);
    expect(refusal(() => prepareRun({ target, timeoutMs: 2 ** 31 })).message).toMatch(/above the limit 1h/);
    expect(refusal(() => prepareRun({ target: { ...target, timeoutMs: 2 ** 31 } })).message).toMatch(/the timeout .* is above the limit 1h/);
    expect(refusal(() => prepareRun({ target, faults: { delay: { minMs: 0, maxMs: 2 ** 31 } } })).where).toBe('--delay');
  });
});

describe('sleep beyond one timer', () => {
  it('waits a delay longer than a Node timer holds instead of firing at once, and still stops on abort', async () => {
    const warnings: string[] = [];
    const onWarning = (w: Error): void => void warnings.push(w.name);
    process.on('warning', onWarning);
    try {
      const controller = new AbortController();
      let woke = false;
      const long = sleep(MAX_TIMER_MS + 10_000, controller.signal).then(() => (woke = true));
      // An overflowing setTimeout fires after 1 ms; give it far more than that.
      await new Promise((r) => setTimeout(r, 100));
      expect(woke).toBe(false);
      controller.abort();
      await long;
      expect(woke).toBe(true);
      expect(warnings).not.toContain('TimeoutOverflowWarning');
    } finally {
      process.off('warning', onWarning);
    }
  });
});
