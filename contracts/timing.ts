/**
 * Timer primitives and the ranges every user-given duration must fall in. They sit in contracts/
 * because both delivery/ (retries, pacing) and msw/ (paced streams) use them, and msw/ may not
 * import delivery/ (ARCHITECTURE.md "Boundaries").
 */

/** The longest delay one Node timer takes (2³¹−1 ms, about 24.8 days); a longer one would fire after 1 ms. */
export const MAX_TIMER_MS = 2 ** 31 - 1;

/**
 * Waits `ms`, or less when `signal` aborts (it resolves, never rejects). Its abort listener goes
 * with it: a run (or a paced MSW stream) sleeps once per event on one signal. A wait longer than
 * one timer can hold (realtime pacing of a scenario weeks long) is chained timer by timer.
 */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise<void>((resolve) => {
    if (!(ms > 0) || signal?.aborted) return resolve();
    let timer: NodeJS.Timeout | undefined;
    const done = (): void => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    };
    const arm = (left: number): void => {
      timer = left > MAX_TIMER_MS ? setTimeout(arm, MAX_TIMER_MS, left - MAX_TIMER_MS) : setTimeout(done, left);
    };
    arm(Number.isFinite(ms) ? ms : Number.MAX_SAFE_INTEGER);
    signal?.addEventListener('abort', done, { once: true });
  });
}

/**
 * The ranges of every duration and speed a user gives (flags, API bodies, options). Each stays far
 * below what one timer holds (MAX_TIMER_MS), so no wait the user asked for can overflow into "at once".
 * The providers wait seconds between retries and time out after seconds (docs/providers.md E2, E3, M2).
 */
export const TIME_LIMITS = {
  /** Per-attempt timeout: 1 ms … 1 h. */
  timeoutMs: { min: 1, max: 3_600_000 },
  /** One retry wait: 0 … 24 h. */
  retryWaitMs: { min: 0, max: 86_400_000 },
  /** --delay jitter bounds: 0 … 1 h. */
  delayMs: { min: 0, max: 3_600_000 },
  /** Time-mode factor: 0.001 (a scenario second per 1000 s) … 1 000 000. */
  speed: { min: 0.001, max: 1_000_000 },
} as const;

export type DurationLimit = { readonly min: number; readonly max: number };
