/**
 * The options of `deliver()`, their defaults, and their validation: everything wrong with them
 * is a `ProviderMockError` (exit 2) thrown before anything is sent.
 */
import { randomUUID } from 'node:crypto';
import { access, constants } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { Writable } from 'node:stream';
import { ProviderMockError } from '../contracts/errors.ts';
import { PROVIDERS, isProvider } from '../contracts/provider.ts';
import type { Provider } from '../contracts/provider.ts';
import type { TimelineEntry } from '../scenarios/engine/timeline.ts';
import { DEFAULT_SEED, Faults } from './faults.ts';
import type { FaultOptions } from './faults.ts';
import type { AttemptRecord } from './journal.ts';
import { loadProfile } from './profile.ts';
import type { DeliveryProfile } from './profile.ts';
import { createProgress, silentProgress } from './progress.ts';
import type { Progress, ProgressStream } from './progress.ts';
import { redactUrl } from './redact.ts';
import { checkDurationRange, checkSpeed, systemClock, TIME_LIMITS } from './schedule.ts';
import type { Clock, TimeMode } from './schedule.ts';
import { nothingToProbe, resolveTarget } from './target.ts';
import type { DeliveryTarget } from './target.ts';

export interface IdempotencyProbe {
  url: string;
  insecure?: boolean;
}

export interface DeliverOptions {
  /** One receiver for every event. Exactly one of target / targets / resolveTargets. */
  target?: DeliveryTarget;
  /** One receiver per provider; events of a provider without one are bad input. */
  targets?: Partial<Record<Provider, DeliveryTarget>>;
  /** Fan-out: every target returned gets its own delivery of the event (registered webhooks). */
  resolveTargets?: (entry: TimelineEntry) => readonly DeliveryTarget[];
  /** Replace the profiles read from contracts/<provider>/delivery.json. */
  profiles?: Partial<Record<Provider, DeliveryProfile>>;
  runId?: string;
  /** Seed for every fault decision (default 1); recorded in the journal. */
  seed?: string | number;
  /** Default instant (no waiting between events); speed and realtime are asked for. */
  time?: TimeMode;
  /** Retries after the first attempt; default from the profile (Enreach 3 ours, mluvii 2 docs/providers.md M2). */
  retries?: number;
  /** Waits before retry 1, 2, …, the last repeating; default from the profile. */
  retryScheduleMs?: readonly number[];
  /** Per-attempt timeout; a target's own timeoutMs wins; default from the profile. */
  timeoutMs?: number;
  faults?: FaultOptions;
  /** Attempts in flight per target (default 8). */
  concurrency?: number;
  /**
   * Deliveries waiting behind an earlier event of their entity (per-entity ordering) before
   * reading the timeline pauses (default 1024). Deliveries ready to start are bounded
   * separately, to one round of the concurrency per target.
   */
  maxQueued?: number;
  /** Response bytes read per attempt before the rest is dropped (default 64 KiB). */
  maxResponseBytes?: number;
  /** NDJSON journal: a path (truncated) or a stream (not ended). */
  journal?: string | Writable;
  /** JUnit XML path. */
  report?: string;
  /** JSON summary path. */
  json?: string;
  /** One extra request per target with wrong credentials; must get 401/403. */
  checkAuth?: boolean;
  /** After the run, GET this probe and compare its {"count"} with the distinct events delivered. */
  checkIdempotency?: string | IdempotencyProbe;
  /**
   * Stop: no new attempts; in-flight ones get `abortGraceMs` to finish, then are aborted; the rest
   * of the timeline is read for up to `drainMs` / `maxDrain` entries and journaled not sent.
   */
  signal?: AbortSignal;
  /**
   * Stop at the first delivery discarded (after its retries): the rest is journaled not-sent with
   * the reason, in-flight attempts get the grace period, and the run fails (exit 1).
   */
  failFast?: boolean;
  /** Keep this many bytes of each response body as text in the records (`response`, journal too); default 0. */
  keepResponseText?: number;
  /** Per-delivery results kept for the JUnit report (one testcase each); default 10000 with `report`, else 0. */
  recordDeliveries?: number;
  /** What the caller knows of the plan, for live progress: events and the planned wall-clock duration. */
  expected?: { events?: number; plannedMs?: number };
  /** Aborted after `signal` (a second Ctrl-C): end the grace period and the drain now; the outputs are still written. */
  stopNow?: AbortSignal;
  /** Default 1000 ms. */
  abortGraceMs?: number;
  /**
   * After a stop, at most this many more timeline entries are read to journal them one by one as
   * not sent (default 10 000); the plan past them is left unread and the summary says so
   * (`summary.drain`). Reading a plan costs its payloads: a 200 000-event plan would take a minute.
   */
  maxDrain?: number;
  /** …and for at most this long (default 1000 ms, the same window in-flight attempts get). */
  drainMs?: number;
  /** Every journal line of kind attempt, as written (redacted). */
  onAttempt?: (record: AttemptRecord) => void;
  /** Live progress: a stream (TTY → live line, else plain lines), a custom Progress, or false (default). */
  progress?: ProgressStream | Progress | false;
  clock?: Clock;
  /** Environment (PROVIDER_MOCK_SECRET for programmatic flag parsing); default process.env. */
  env?: Record<string, string | undefined>;
}

export const DEFAULTS = { concurrency: 8, maxQueued: 1024, maxResponseBytes: 64 * 1024, abortGraceMs: 1000, maxDrain: 10_000, drainMs: 1000, recordDeliveries: 10_000 } as const;

/** The largest `maxDrain` (`--max-drain`, serve `--max-drain`). */
export const MAX_DRAIN_LIMIT = 1_000_000;

/**
 * Instant, everywhere: a run that waits the scenario's own timing (minutes) is asked for with
 * --realtime or --speed, never implied by where it runs (it used to depend on CI=true, and a run
 * on a laptop waited ten minutes in silence).
 */
export function defaultTimeMode(_env?: Record<string, string | undefined>): TimeMode {
  return { kind: 'instant' };
}

export interface RunConfig {
  runId: string;
  seed: string;
  time: TimeMode;
  clock: Clock;
  concurrency: number;
  maxQueued: number;
  maxResponseBytes: number;
  abortGraceMs: number;
  maxDrain: number;
  drainMs: number;
  faults: Faults;
  options: DeliverOptions;
  progress: Progress;
  staticTargets: Map<Provider | '*', DeliveryTarget>;
}

/** An absolute http: or https: URL. */
export function isHttpUrl(text: string): boolean {
  return URL.canParse(text) && ['http:', 'https:'].includes(new URL(text).protocol);
}

function badOption(code: string, what: string, where: string, hint?: string): ProviderMockError {
  return new ProviderMockError(code, what, { where, ...(hint ? { hint } : {}) });
}

function checkRate(v: number | undefined, where: string): void {
  if (v !== undefined && !(Number.isFinite(v) && v >= 0 && v <= 1)) throw badOption('PM_DELIVERY_RATE', `${String(v)} is not a rate`, where, 'a number from 0 to 1, e.g. 0.1');
}

/** Checks the options (bad input throws `ProviderMockError`, exit 2) and fills in defaults. */
export function prepareRun(options: DeliverOptions): RunConfig {
  const given = [options.target, options.targets, options.resolveTargets].filter((x) => x !== undefined).length;
  if (given === 0) throw badOption('PM_DELIVERY_NO_TARGET', 'no receiver to deliver to', '--target', 'pass --target <url>, or --target mluvii=<url> --target enreach=<url>');
  if (given > 1) throw badOption('PM_DELIVERY_TARGET_CONFLICT', 'give either one target, targets per provider, or a resolver, not several', 'deliver options');
  const intIn = (v: number | undefined, min: number, max: number, code: string, where: string): void => {
    if (v !== undefined && !(Number.isInteger(v) && v >= min && v <= max)) throw badOption(code, `${String(v)} is not an integer from ${min} to ${max}`, where);
  };
  intIn(options.concurrency, 1, 1024, 'PM_DELIVERY_CONCURRENCY', '--concurrency');
  intIn(options.retries, 0, 100, 'PM_DELIVERY_RETRIES', '--retries');
  if (options.timeoutMs !== undefined) {
    if (!Number.isInteger(options.timeoutMs)) throw badOption('PM_DELIVERY_TIMEOUT', `${String(options.timeoutMs)} ms is not a whole number of milliseconds`, '--timeout');
    checkDurationRange(options.timeoutMs, TIME_LIMITS.timeoutMs, '--timeout', 'the timeout');
  }
  intIn(options.maxQueued, 1, 1_000_000, 'PM_DELIVERY_OPTION', 'maxQueued');
  intIn(options.maxResponseBytes, 0, 1 << 30, 'PM_DELIVERY_OPTION', 'maxResponseBytes');
  intIn(options.abortGraceMs, 0, 600_000, 'PM_DELIVERY_OPTION', 'abortGraceMs');
  intIn(options.keepResponseText, 0, 1 << 20, 'PM_DELIVERY_OPTION', 'keepResponseText');
  intIn(options.recordDeliveries, 0, 10_000_000, 'PM_DELIVERY_OPTION', 'recordDeliveries');
  intIn(options.maxDrain, 0, MAX_DRAIN_LIMIT, 'PM_DELIVERY_OPTION', '--max-drain');
  intIn(options.drainMs, 0, 600_000, 'PM_DELIVERY_OPTION', 'drainMs');
  options.retryScheduleMs?.forEach((ms, i) => checkDurationRange(ms, TIME_LIMITS.retryWaitMs, '--retry-schedule', `retry wait ${i + 1}`));
  checkRate(options.faults?.duplicates, '--duplicates');
  checkRate(options.faults?.reorder, '--reorder');
  const delay = options.faults?.delay;
  if (delay && !(delay.minMs >= 0 && delay.maxMs >= delay.minMs)) throw badOption('PM_DELIVERY_DELAY_RANGE', 'the delay range is empty or negative', '--delay');
  if (delay) checkDurationRange(delay.maxMs, TIME_LIMITS.delayMs, '--delay', 'the delay');
  const time = options.time ?? defaultTimeMode(options.env);
  if (time.kind === 'speed') checkSpeed(time.factor, '--speed');
  const seed = String(options.seed ?? DEFAULT_SEED);
  const profileOf = (p: Provider): DeliveryProfile => options.profiles?.[p] ?? loadProfile(p);

  const staticTargets = new Map<Provider | '*', DeliveryTarget>();
  if (options.target) {
    // The per-provider https rule is checked on first use; the URL itself now.
    const asMluvii = resolveTarget(options.target, { ...profileOf('mluvii'), plainHttp: 'allowed', auth: { kind: 'basic-from-userinfo' } });
    // No userinfo, no secret, no query secret: --check-auth has nothing to get wrong for either provider.
    if (options.checkAuth && !options.target.secret) {
      const blind = nothingToProbe(asMluvii, undefined, '--target');
      if (blind) throw blind;
    }
    staticTargets.set('*', options.target);
  }
  if (options.targets) {
    for (const [name, t] of Object.entries(options.targets)) {
      if (!isProvider(name)) throw new ProviderMockError('PM_DELIVERY_UNKNOWN_PROVIDER', `unknown provider "${name}" in targets`, { validValues: PROVIDERS });
      if (!t) continue;
      const resolved = resolveTarget(t, profileOf(name), `--target ${name}=…`);
      const blind = options.checkAuth ? nothingToProbe(resolved, profileOf(name), `--target ${name}=…`) : undefined;
      if (blind) throw blind;
      staticTargets.set(name, t);
    }
  }
  if (options.checkIdempotency !== undefined) {
    const url = typeof options.checkIdempotency === 'string' ? options.checkIdempotency : options.checkIdempotency.url;
    if (!isHttpUrl(url)) throw badOption('PM_DELIVERY_PROBE_URL', `"${redactUrl(url)}" is not an http(s) URL`, '--check-idempotency', 'the URL of your receiver\'s probe, e.g. http://127.0.0.1:8080/probe/count');
  }
  let progress: Progress = silentProgress;
  const p = options.progress;
  if (p && 'attempt' in p && 'done' in p) progress = p;
  else if (p && 'write' in p) progress = createProgress(p);
  return {
    runId: options.runId ?? randomUUID(),
    seed,
    time,
    clock: options.clock ?? systemClock,
    concurrency: options.concurrency ?? DEFAULTS.concurrency,
    maxQueued: options.maxQueued ?? DEFAULTS.maxQueued,
    maxResponseBytes: options.maxResponseBytes ?? DEFAULTS.maxResponseBytes,
    abortGraceMs: options.abortGraceMs ?? DEFAULTS.abortGraceMs,
    maxDrain: options.maxDrain ?? DEFAULTS.maxDrain,
    drainMs: options.drainMs ?? DEFAULTS.drainMs,
    faults: new Faults(seed, options.faults ?? {}),
    options,
    progress,
    staticTargets,
  };
}

/** A report path whose directory cannot be written is bad input, found before anything is sent. */
export async function checkOutputPath(path: string | undefined, flag: string): Promise<void> {
  if (!path) return;
  try {
    await access(dirname(path), constants.W_OK);
  } catch (cause) {
    throw new ProviderMockError('PM_DELIVERY_OUTPUT_PATH', `cannot write ${flag} to "${path}": its directory is missing or not writable`, { where: flag, cause });
  }
}
