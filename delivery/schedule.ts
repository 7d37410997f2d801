/**
 * Time: durations, the retry schedule, the jitter range, and how scenario time maps to wall
 * time (instant / speed / realtime). The clock and sleep are injected so tests can replace them.
 *
 * What the time mode scales: only the timeline's `at` offsets (scenario time). Retry spacing,
 * jitter and per-attempt timeouts are delivery behaviour in real time and are never scaled: a
 * receiver's response time is real, and a retry schedule the user set is meant literally.
 * Payload timestamps are never touched (they are the scenario's).
 */
import { ProviderMockError } from '../contracts/errors.ts';
import { sleep, TIME_LIMITS, type DurationLimit } from '../contracts/timing.ts';

// The timer primitives and the ranges live in contracts/timing.ts (msw/ paces streams with them too).
export { MAX_TIMER_MS, sleep, TIME_LIMITS, type DurationLimit } from '../contracts/timing.ts';

export type TimeMode =
  /** No waiting between timeline entries (the default when CI=true). */
  | { kind: 'instant' }
  /** Timeline offsets divided by `factor` (60 = a scenario minute per second). */
  | { kind: 'speed'; factor: number }
  /** Timeline offsets as written. */
  | { kind: 'realtime' };

export interface Clock {
  /** Milliseconds, monotonic enough for pacing. */
  now(): number;
  /** Resolves after `ms`, or early (without throwing) when `signal` aborts. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
  /** Wall time for journal lines. */
  date(): Date;
}

export const systemClock: Clock = {
  now: () => performance.now(),
  date: () => new Date(),
  sleep,
};

const UNITS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };
const DURATION_FORM = 'a number with a unit: 250ms, 5s, 1.5s, 2m (0 needs no unit)';


/** A duration outside its range: the error names the limit it broke and the valid range. */
export function checkDurationRange(ms: number, limit: DurationLimit, where: string, what = 'the duration'): number {
  if (Number.isFinite(ms) && ms >= limit.min && ms <= limit.max) return ms;
  const shown = Number.isFinite(ms) ? formatDuration(ms) : String(ms);
  const broken = ms < limit.min ? `below the minimum ${formatDuration(limit.min)}` : `above the limit ${formatDuration(limit.max)}`;
  throw new ProviderMockError('PM_DELIVERY_DURATION_RANGE', `${what} ${shown} is ${broken}`, { where, hint: `give ${formatDuration(limit.min)} to ${formatDuration(limit.max)}` });
}

/** A speed factor outside TIME_LIMITS.speed: the error names both limits. */
export function checkSpeed(factor: number, where: string): number {
  const { min, max } = TIME_LIMITS.speed;
  if (Number.isFinite(factor) && factor >= min && factor <= max) return factor;
  throw new ProviderMockError('PM_DELIVERY_SPEED', `speed ${String(factor)} is outside ${min} … ${max.toLocaleString('en-US')}`, {
    where,
    hint: `a factor from ${min} (a scenario second per ${1 / min} s) to ${max} (${max} scenario seconds per second); 60 = a minute per second, 1 = real time`,
  });
}

/**
 * `250ms`, `5s`, `1.5s`, `2m`, `0`. A bare number other than 0 is refused: seconds or ms? With
 * `limit`, a value outside it is refused naming the limit.
 */
export function parseDuration(text: string, flag: string, limit?: DurationLimit): number {
  const t = text.trim();
  const m = t === '0' ? null : /^(\d+(?:\.\d+)?)(ms|s|m|h)$/.exec(t);
  if (t !== '0' && !m) {
    throw new ProviderMockError('PM_DELIVERY_DURATION', `"${text}" is not a duration`, {
      where: flag,
      hint: /^\d+(\.\d+)?$/.test(t) ? `add a unit, e.g. ${t}s or ${t}ms` : DURATION_FORM,
    });
  }
  const ms = m ? Math.round(Number(m[1]) * (UNITS[m[2] ?? 'ms'] ?? 1)) : 0;
  return limit ? checkDurationRange(ms, limit, flag) : ms;
}

/** 1500 → `1.5s`, 200 → `200ms`, 60000 → `1m`, 86400000 → `24h`. */
export function formatDuration(ms: number): string {
  if (ms === 0) return '0';
  if (ms % 3_600_000 === 0) return `${ms / 3_600_000}h`;
  if (ms % 60_000 === 0) return `${ms / 60_000}m`;
  if (ms >= 1000 && ms % 100 === 0) return `${ms / 1000}s`;
  return `${ms}ms`;
}

/** `1s,5s,30s` → [1000, 5000, 30000]; `none` → [] (retries immediately). */
export function parseRetrySchedule(text: string, flag = '--retry-schedule'): number[] {
  const t = text.trim();
  if (t === 'none') return [];
  if (t === '') {
    throw new ProviderMockError('PM_DELIVERY_RETRY_SCHEDULE', 'the retry schedule is empty', {
      where: flag,
      hint: 'a comma-separated list of waits before retry 1, 2, …: 1s,5s,30s (or "none" to retry at once)',
    });
  }
  return t.split(',').map((part, i) => {
    let ms: number;
    try {
      ms = parseDuration(part, flag);
    } catch (cause) {
      throw new ProviderMockError('PM_DELIVERY_RETRY_SCHEDULE', `item ${i + 1} "${part.trim()}" of "${text}" is not a duration`, {
        where: flag,
        hint: `a comma-separated list of waits before retry 1, 2, …: 1s,5s,30s; each item ${DURATION_FORM}`,
        cause,
      });
    }
    return checkDurationRange(ms, TIME_LIMITS.retryWaitMs, flag, `retry wait ${i + 1}`);
  });
}

export function formatRetrySchedule(schedule: readonly number[]): string {
  return schedule.length === 0 ? 'none' : schedule.map(formatDuration).join(',');
}

/** The wait before retry `n` (1-based): the n-th item, the last one repeating; 0 for an empty schedule. */
export function retryDelayMs(schedule: readonly number[], n: number): number {
  if (schedule.length === 0) return 0;
  return schedule[Math.min(n, schedule.length) - 1] ?? 0;
}

export interface DelayRange {
  minMs: number;
  maxMs: number;
}

/** `0..200ms`, `50ms..1s`, `100ms` (fixed). A unit on the upper bound applies to a bare lower bound. */
export function parseDelayRange(text: string, flag = '--delay'): DelayRange {
  const t = text.trim();
  const parts = t.split('..');
  const fail = (what: string): ProviderMockError =>
    new ProviderMockError('PM_DELIVERY_DELAY_RANGE', what, { where: flag, hint: 'a range min..max with units, e.g. 0..200ms or 50ms..1s, or one duration such as 100ms' });
  if (parts.length > 2 || parts.some((p) => p.trim() === '')) throw fail(`"${text}" is not a delay range`);
  const hiText = (parts[1] ?? parts[0] ?? '').trim();
  let loText = (parts[0] ?? '').trim();
  const unit = /(ms|s|m|h)$/.exec(hiText)?.[1];
  if (/^\d+(\.\d+)?$/.test(loText) && unit) loText += unit;
  let minMs: number;
  let maxMs: number;
  try {
    minMs = parseDuration(loText, flag);
    maxMs = parseDuration(hiText, flag);
  } catch {
    throw fail(`"${text}" is not a delay range`);
  }
  if (minMs > maxMs) throw fail(`"${text}": the lower bound is above the upper bound`);
  checkDurationRange(maxMs, TIME_LIMITS.delayMs, flag, 'the delay');
  return { minMs, maxMs };
}

export function formatDelayRange(r: DelayRange): string {
  return r.minMs === r.maxMs ? formatDuration(r.minMs) : `${formatDuration(r.minMs)}..${formatDuration(r.maxMs)}`;
}

export function formatTimeMode(mode: TimeMode): string {
  return mode.kind === 'speed' ? `speed ${mode.factor}` : mode.kind;
}

/**
 * Paces timeline entries: `waitFor(at)` resolves when the entry is due. The origin is the
 * first call, so a run that starts late does not burst.
 */
export class Pacer {
  readonly #mode: TimeMode;
  readonly #clock: Clock;
  #origin: number | undefined;

  constructor(mode: TimeMode, clock: Clock) {
    this.#mode = mode;
    this.#clock = clock;
  }

  /** Wall milliseconds after the run's start at which scenario offset `at` is due. */
  dueOffset(at: number): number {
    switch (this.#mode.kind) {
      case 'instant':
        return 0;
      case 'realtime':
        return at;
      case 'speed':
        return at / this.#mode.factor;
    }
  }

  /** A promise to await when the entry is not due yet, else undefined (no promise per entry in instant mode). */
  waitFor(at: number, signal?: AbortSignal): Promise<void> | undefined {
    if (this.#mode.kind === 'instant') return undefined;
    const now = this.#clock.now();
    this.#origin ??= now;
    const wait = this.#origin + this.dueOffset(at) - now;
    return wait > 0 ? this.#clock.sleep(wait, signal) : undefined;
  }
}
