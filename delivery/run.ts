/**
 * `deliver()`: sends a timeline to receivers the provider's way and accounts for every planned
 * delivery. Streaming: the timeline may be a generator of any length; only deliveries accepted
 * by the dispatcher (bounded) hold a body, and the summary keeps counts and latencies only.
 *
 * Each (event, target) pair is a delivery with its own outcome:
 * - `delivered`: an attempt got a success status of the profile;
 * - `discarded`: the last retry failed (docs/providers.md E3 "retried a few times and then discarded", M2);
 * - `not-sent`: the run stopped (abort signal) before the delivery reached one of the above.
 */
import { ProviderMockError } from '../contracts/errors.ts';
import { PROVIDERS, isProvider } from '../contracts/provider.ts';
import type { Provider } from '../contracts/provider.ts';
import type { TimelineEntry } from '../scenarios/engine/timeline.ts';
import { AbortGroup, ConnectionPools, sendAttempt } from './attempt.ts';
import type { Http1Pool } from './http1.ts';
import type { AttemptResult } from './attempt.ts';
import { emptyScenarioStats, evaluateAuthCheck, evaluateScenarioChecks, totalCounts } from './checks.ts';
import type { AuthProbeOutcome, CheckResult, ScenarioStats } from './checks.ts';
import { checkOutputPath, DEFAULTS, prepareRun } from './config.ts';
import type { DeliverOptions, IdempotencyProbe, RunConfig } from './config.ts';
import { Reorderer } from './faults.ts';
import { identifyEntry, serialize, type Prepared, type Serialized } from './identity.ts';
import { openJournal } from './journal.ts';
import type { AttemptKind, AttemptRecord, JournalSink } from './journal.ts';
import { OrderedDispatcher } from './ordering.ts';
import type { OrderedTask } from './ordering.ts';
import { probeIdempotency } from './probes.ts';
import { loadProfile, rejectsSome2xx, renderHeaders, successPredicate } from './profile.ts';
import type { DeliveryProfile } from './profile.ts';
import { silentProgress } from './progress.ts';
import type { ProgressCounters } from './progress.ts';
import { redactUrl, Redactor, urlSecrets } from './redact.ts';
import { computeExitCode, EXIT, latencySummary, writeReports } from './report.ts';
import type { DeliveryResult, Interruption, RunResult, Summary } from './report.ts';
import { formatTimeMode, Pacer, retryDelayMs, systemClock } from './schedule.ts';
import { nothingToProbe, resolveTarget } from './target.ts';
import type { DeliveryTarget, ResolvedTarget } from './target.ts';
import { toText } from '../contracts/text.ts';


/** Maps an abort reason to the signal it stands for. */
export function interruptionOf(reason: unknown): Interruption {
  const name = typeof reason === 'string' ? reason : (reason as { signal?: unknown; message?: unknown } | undefined)?.signal ?? (reason as { message?: unknown } | undefined)?.message;
  return name === 'SIGINT' || name === 'SIGTERM' ? name : 'abort';
}

/**
 * Aborts `controller` with the signal's name on SIGINT/SIGTERM, so `deliver` reports exit
 * 130/143. Returns a function that removes the handlers.
 */
export function abortOnSignals(controller: AbortController, proc: NodeJS.Process = process): () => void {
  const onInt = (): void => controller.abort('SIGINT');
  const onTerm = (): void => controller.abort('SIGTERM');
  proc.once('SIGINT', onInt);
  proc.once('SIGTERM', onTerm);
  return () => {
    proc.off('SIGINT', onInt);
    proc.off('SIGTERM', onTerm);
  };
}

/**
 * What deliver() reads: a timeline entry, optionally with the exact body to send (`send`, `resend`:
 * the user's or the journal's bytes), else the payload serialized.
 */
export type DeliveryEntry = TimelineEntry & { body?: string; prepared?: Prepared };

interface InvalidTarget {
  invalid: true;
  displayUrl: string;
  message: string;
}

/** Per provider: the profile plus what the hot path would otherwise recompute per event. */
interface CompiledProfile {
  profile: DeliveryProfile;
  isSuccess: (status: number) => boolean;
  /** Some 2xx is not success (Enreach, docs/providers.md E3). */
  strictStatus: boolean;
  retries: number;
  schedule: readonly number[];
}

/** What a Delivery needs from its run; the run's private methods stay private. */
interface DeliveryOwner {
  runDelivery(d: Delivery): Promise<void>;
  dropDelivery(d: Delivery): void;
}

/** One (event, target) pair: the unit that is ordered, attempted, journaled and counted. */
class Delivery implements OrderedTask {
  attempts = 0;
  settled = false;
  /** performance.now() of the first attempt. */
  startedAt: number | undefined;

  constructor(
    readonly owner: DeliveryOwner,
    readonly seq: number,
    readonly scenario: string,
    readonly instance: number,
    readonly step: string,
    readonly provider: Provider,
    readonly eventType: string,
    readonly entityKey: string,
    readonly eventId: string,
    readonly eventIdKind: 'id' | 'content-hash',
    readonly body: Buffer,
    readonly target: ResolvedTarget,
    readonly compiled: CompiledProfile,
    readonly headers: Record<string, string>,
    readonly reordered: boolean,
    readonly stats: ScenarioStats,
    readonly lane: string,
    readonly orderKey: string | undefined,
  ) {}

  run(): Promise<void> {
    return this.owner.runDelivery(this);
  }

  drop(): void {
    this.owner.dropDelivery(this);
  }
}

/**
 * Delivers the timeline. Throws `ProviderMockError` (exit 2) for bad options before anything is
 * sent, or for a bad timeline entry (after closing the journal). Otherwise resolves with the
 * result, whatever the receiver did.
 */
export async function deliver(timeline: Iterable<DeliveryEntry> | AsyncIterable<DeliveryEntry>, options: DeliverOptions): Promise<RunResult> {
  const cfg = prepareRun(options);
  await checkOutputPath(options.report, '--report');
  await checkOutputPath(options.json, '--json');
  const journal = await openJournal(options.journal);
  return new DeliveryRun(cfg, journal).execute(timeline);
}

class DeliveryRun implements DeliveryOwner {
  readonly #cfg: RunConfig;
  readonly #journal: JournalSink;
  readonly #pools: ConnectionPools;
  readonly #dispatcher: OrderedDispatcher;
  readonly #pacer: Pacer;
  readonly #redactor = new Redactor();
  readonly #stop = new AbortController();
  /** In-flight attempts, aborted together when the grace period after a stop ends. */
  readonly #inflight = new AbortGroup();
  #graceTimer: NodeJS.Timeout | undefined;
  #stopReason = '';
  /** performance.now() of the stop, for the drain's time bound. */
  #stoppedAt = 0;
  /** A second stop (stopNow): no more drain, no more grace. */
  #hurry = false;
  /** Entries read after the stop (journaled not sent one by one), and the first one left unread. */
  #drained = 0;
  #unreadFrom: number | null = null;
  #interrupted: Interruption | null = null;
  #fatal: unknown;

  readonly #profiles = new Map<Provider, CompiledProfile>();
  readonly #targetCache = new Map<string, ResolvedTarget | InvalidTarget>();
  /** Static targets resolved per provider (the hot path skips the cache key). */
  readonly #staticResolved = new Map<Provider, ResolvedTarget>();
  /** Profile headers + auth headers per target and event type: built once, shared by requests. */
  readonly #headers = new Map<ResolvedTarget, Map<string, Record<string, string>>>();
  readonly #poolOf = new Map<ResolvedTarget, Http1Pool>();
  readonly #targetJson = new Map<ResolvedTarget, string>();
  /** `{"type":"attempt","runId":…,` quoted once. */
  readonly #runHead: string;
  /** Build AttemptRecord objects only when someone listens (the journal takes JSON text). */
  readonly #wantRecords: boolean;
  #isoMs = -1;
  #iso = '';
  readonly #targetsSeen = new Map<string, string>();
  readonly #authSamples = new Map<string, Delivery>();
  readonly #distinctDelivered: Set<string> | undefined;

  readonly #scenarios = new Map<string, ScenarioStats>();
  readonly #statusCodes: Record<string, number> = {};
  readonly #latencies: number[] = [];
  /** The first message per error kind, for the summary (what "tls ×4" was). */
  readonly #errors: Record<string, string> = {};
  /** Per delivery, for the JUnit report (bounded by recordDeliveries). */
  readonly #deliveries: DeliveryResult[] = [];
  readonly #recordLimit: number;
  #deliveriesOmitted = 0;
  /** performance.now() of each scenario's first attempt and last settled delivery. */
  readonly #spans = new Map<string, { first: number; last: number }>();
  #stopped: string | undefined;
  readonly #counters: ProgressCounters = { read: 0, planned: 0, sent: 0, delivered: 0, discarded: 0, notSent: 0, retries: 0, duplicates: 0, inFlight: 0 };
  #events = 0;
  #authProbes = 0;
  #reordered = 0;
  readonly #startedAt: Date;
  readonly #t0: number;

  constructor(cfg: RunConfig, journal: JournalSink) {
    this.#cfg = cfg;
    this.#journal = journal;
    this.#pools = new ConnectionPools({ connections: cfg.concurrency });
    this.#dispatcher = new OrderedDispatcher({ concurrency: cfg.concurrency, maxQueued: cfg.maxQueued });
    this.#pacer = new Pacer(cfg.time, cfg.clock);
    this.#distinctDelivered = cfg.options.checkIdempotency !== undefined ? new Set() : undefined;
    this.#startedAt = cfg.clock.date();
    this.#t0 = performance.now();
    for (const t of cfg.staticTargets.values()) this.#redactor.add(t.secret, ...urlSecrets(t.url));
    this.#wantRecords = cfg.options.onAttempt !== undefined || cfg.progress !== silentProgress;
    this.#runHead = `{"type":"attempt","runId":${JSON.stringify(cfg.runId)},`;
    this.#recordLimit = cfg.options.recordDeliveries ?? (cfg.options.report ? DEFAULTS.recordDeliveries : 0);
  }

  readonly #quoted = new Map<string, string>();

  /** JSON.stringify for strings that repeat (scenario, step, event type), cached (bounded). */
  #quote(text: string): string {
    let q = this.#quoted.get(text);
    if (q === undefined) {
      q = JSON.stringify(text);
      if (this.#quoted.size < 10_000) this.#quoted.set(text, q);
    }
    return q;
  }

  #quotedTarget(t: ResolvedTarget): string {
    let q = this.#targetJson.get(t);
    if (q === undefined) {
      q = JSON.stringify(t.displayUrl);
      this.#targetJson.set(t, q);
    }
    return q;
  }

  /** ISO time for journal lines; one toISOString per millisecond, not per line. */
  #time(): string {
    const clock = this.#cfg.clock;
    const ms = clock === systemClock ? Date.now() : clock.date().getTime();
    if (ms !== this.#isoMs) {
      this.#isoMs = ms;
      this.#iso = new Date(ms).toISOString();
    }
    return this.#iso;
  }

  get #stopping(): boolean {
    return this.#stop.signal.aborted;
  }

  async execute(timeline: Iterable<DeliveryEntry> | AsyncIterable<DeliveryEntry>): Promise<RunResult> {
    const { options } = this.#cfg;
    const signal = options.signal;
    try {
      this.#cfg.progress.start?.({ ...(options.expected?.events !== undefined ? { total: options.expected.events } : {}), ...(options.expected?.plannedMs !== undefined ? { plannedMs: options.expected.plannedMs } : {}) });
    } catch {
      // a throwing progress must not stop the run
    }
    const onAbort = (): void => this.#halt(interruptionOf(signal?.reason));
    if (signal?.aborted) onAbort();
    else signal?.addEventListener('abort', onAbort, { once: true });
    const now = options.stopNow;
    const onNow = (): void => this.#hurryUp();
    if (now?.aborted) onNow();
    else now?.addEventListener('abort', onNow, { once: true });
    this.#journal.write(this.#runLine());
    try {
      await this.#consume(timeline);
    } catch (err) {
      this.#fatal = err;
      this.#halt('abort', `run failed: ${err instanceof Error ? err.message : String(err)}`);
    }
    await this.#dispatcher.onIdle();
    // A stop after this point (probes, reports) no longer changes any outcome.
    signal?.removeEventListener('abort', onAbort);
    now?.removeEventListener('abort', onNow);
    if (this.#graceTimer) clearTimeout(this.#graceTimer);

    const checks: CheckResult[] = [...this.#scenarios.values()].flatMap(evaluateScenarioChecks);
    if (!this.#stopping) {
      // The idempotency probe first: the auth probe sends a body a lax receiver might store.
      const timed = async (check: Promise<CheckResult>, t0 = performance.now()): Promise<CheckResult> => ({ ...(await check), durationMs: performance.now() - t0 });
      if (options.checkIdempotency !== undefined) checks.push(await timed(this.#idempotencyCheck(options.checkIdempotency)));
      if (options.checkAuth) checks.push(await timed(this.#authCheck()));
    }
    if (this.#stopping) await this.#pools.destroy();
    else await this.#pools.close();

    const summary = this.#summary();
    const endedAt = this.#cfg.clock.date();
    const result: RunResult = {
      runId: this.#cfg.runId,
      seed: this.#cfg.seed,
      startedAt: this.#startedAt.toISOString(),
      endedAt: endedAt.toISOString(),
      durationMs: performance.now() - this.#t0,
      timeMode: formatTimeMode(this.#cfg.time),
      targets: [...new Set(this.#targetsSeen.values())],
      summary,
      checks,
      interrupted: this.#interrupted,
      exitCode: 0,
      ...(this.#stopped !== undefined ? { stopped: this.#stopped } : {}),
      ...(this.#recordLimit > 0 ? { deliveries: this.#deliveries, deliveriesOmitted: this.#deliveriesOmitted } : {}),
    };
    // A run that failed on bad input ends with that error's exit code (2), as the CLI does.
    const fatal = this.#fatal;
    result.exitCode = fatal === undefined ? computeExitCode(result) : fatal instanceof ProviderMockError ? fatal.exitCode : EXIT.failed;
    const error = fatal === undefined ? undefined : this.#redactor.text(fatal instanceof Error ? fatal.message : toText(fatal));
    this.#journal.write({ type: 'summary', runId: result.runId, endedAt: result.endedAt, interrupted: result.interrupted, exitCode: result.exitCode, ...(error !== undefined ? { error } : {}), summary, checks });
    await this.#journal.close();
    if (this.#journal.error) result.journalError = this.#redactor.text(this.#journal.error.message);
    this.#cfg.progress.done(this.#counters);
    if (fatal !== undefined) throw fatal instanceof Error ? fatal : new Error(toText(fatal));
    await writeReports(result, { report: options.report, json: options.json });
    return result;
  }

  /**
   * Reads the timeline (sync or async iterable) and plans each entry. Awaits only when
   * something is pending (pacing, a full queue, an async source), so a long instant-mode
   * timeline costs no promise per entry. After a stop the rest is drained (journaled not sent)
   * within `maxDrain` entries and `drainMs`, yielding to the event loop as it goes so answers
   * to in-flight attempts are still read; the plan past that is left unread (`summary.drain`).
   */
  async #consume(timeline: Iterable<DeliveryEntry> | AsyncIterable<DeliveryEntry>): Promise<void> {
    const reorderer = this.#cfg.faults.reorder > 0 ? new Reorderer(this.#cfg.faults, (a, b) => this.#canSwap(a, b)) : undefined;
    const isAsync = Symbol.asyncIterator in timeline;
    const it = isAsync ? timeline[Symbol.asyncIterator]() : timeline[Symbol.iterator]();
    let finished = false;
    try {
      for (;;) {
        // Read the next entry only when the dispatcher has room (bounded read-ahead).
        const room = this.#stopping ? undefined : this.#dispatcher.space();
        if (room) await room;
        const drainPause = this.#stopping ? this.#drainPause() : undefined;
        if (drainPause) await drainPause;
        const next = it.next();
        const step = isAsync ? await (next as Promise<IteratorResult<DeliveryEntry>>) : (next as IteratorResult<DeliveryEntry>);
        if (step.done) break;
        if (this.#stopping && this.#drainOver()) {
          // This entry and the rest of the plan are left unread: never planned, never counted.
          this.#unreadFrom = typeof step.value?.seq === 'number' ? step.value.seq : this.#events;
          break;
        }
        if (this.#stopping) this.#drained++;
        if (reorderer) {
          for (const planned of reorderer.push(step.value)) {
            const p = this.#entry(planned.entry, planned.reordered);
            if (p) await p;
          }
        } else {
          const p = this.#entry(step.value, false);
          if (p) await p;
        }
      }
      finished = true;
    } finally {
      // A bad entry or a bounded drain ends the reading early: let the source (a generator) clean up.
      if (!finished || this.#unreadFrom !== null) {
        try {
          await it.return?.();
        } catch {
          // keep the first error
        }
      }
    }
    for (const planned of reorderer?.flush() ?? []) {
      const p = this.#entry(planned.entry, planned.reordered);
      if (p) await p;
    }
  }

  /** The drain has read its share: `maxDrain` entries, `drainMs`, or a second stop. */
  #drainOver(): boolean {
    return this.#hurry || this.#drained >= this.#cfg.maxDrain || performance.now() - this.#stoppedAt >= this.#cfg.drainMs;
  }

  /** Every 64 drained entries, a turn of the event loop: answers of in-flight attempts are read, a second signal is seen. */
  #drainPause(): Promise<void> | undefined {
    return this.#drained > 0 && this.#drained % 64 === 0 ? new Promise<void>((resolve) => setImmediate(resolve)) : undefined;
  }

  /**
   * Handles one entry; an entry that cannot be planned (bad input: unknown provider, no target,
   * payload not JSON) stops the run, is journaled not-sent with the error as its reason, and the
   * rest of the timeline is drained as not-sent, so the journal still accounts for every event.
   */
  #entry(entry: DeliveryEntry, reordered: boolean): Promise<void> | undefined {
    try {
      return this.#handle(entry, reordered)?.catch((err: unknown) => this.#planFailed(entry, err));
    } catch (err) {
      this.#planFailed(entry, err);
      return undefined;
    }
  }

  #planFailed(entry: DeliveryEntry, err: unknown): void {
    this.#fatal ??= err;
    this.#halt('abort', `run failed: ${err instanceof Error ? err.message : String(err)}`);
    this.#markUnplannable(entry);
  }

  #handle(entry: DeliveryEntry, reordered: boolean): Promise<void> | undefined {
    this.#events++;
    this.#counters.read++;
    if (this.#stopping) {
      // Drain: account for the rest of the plan without keeping payloads.
      this.#markEntryNotSent(entry);
      return undefined;
    }
    const wait = this.#pacer.waitFor(entry.at, this.#stop.signal);
    if (wait) {
      return wait.then(() => {
        if (this.#stopping) this.#markEntryNotSent(entry);
        else return this.#plan(entry, reordered);
        return undefined;
      });
    }
    return this.#plan(entry, reordered);
  }

  /** Stop sending: wake sleepers, drop queued deliveries, give in-flight attempts a grace period. */
  #halt(kind: Interruption, reason?: string): void {
    if (this.#stopping) return;
    if (reason === undefined) this.#interrupted = kind;
    this.#stopReason = reason ?? (kind === 'abort' ? 'run aborted' : `run stopped by ${kind}`);
    this.#stoppedAt = performance.now();
    this.#stop.abort();
    this.#dispatcher.dropQueued();
    if (this.#cfg.abortGraceMs === 0 || this.#fatal !== undefined) this.#inflight.abortAll();
    else {
      this.#graceTimer = setTimeout(() => this.#inflight.abortAll(), this.#cfg.abortGraceMs);
      this.#graceTimer.unref();
    }
  }

  /** A second stop: in-flight attempts are aborted now and the drain ends; the outputs are still written. */
  #hurryUp(): void {
    this.#hurry = true;
    if (!this.#stopping) this.#halt(interruptionOf(this.#cfg.options.signal?.reason ?? this.#cfg.options.stopNow?.reason));
    this.#inflight.abortAll();
  }

  #profile(provider: unknown, seq: number): CompiledProfile {
    if (typeof provider === 'string') {
      const hit = this.#profiles.get(provider as Provider);
      if (hit) return hit;
    }
    if (!isProvider(provider)) {
      throw new ProviderMockError('PM_DELIVERY_ENTRY', `timeline entry ${seq} has unknown provider "${String(provider)}"`, { where: `timeline[${seq}].provider`, validValues: PROVIDERS });
    }
    const profile = this.#cfg.options.profiles?.[provider] ?? loadProfile(provider);
    const compiled: CompiledProfile = {
      profile,
      isSuccess: successPredicate(profile),
      strictStatus: rejectsSome2xx(profile),
      retries: this.#cfg.options.retries ?? profile.retries,
      schedule: this.#cfg.options.retryScheduleMs ?? profile.retryScheduleMs,
    };
    this.#profiles.set(provider, compiled);
    return compiled;
  }

  #canSwap(a: TimelineEntry, b: TimelineEntry): boolean {
    if (a.provider !== b.provider || a.entityKey !== b.entityKey) return true;
    try {
      // docs/providers.md M7: never swap two events of one mluvii entity.
      return this.#profile(a.provider, a.seq).profile.ordering !== 'per-entity';
    } catch {
      return false;
    }
  }

  #targets(entry: TimelineEntry, profile: DeliveryProfile): (ResolvedTarget | InvalidTarget)[] {
    const { options, staticTargets } = this.#cfg;
    if (options.resolveTargets) {
      return options.resolveTargets(entry).map((t) => this.#resolve(t, profile, false));
    }
    const hit = this.#staticResolved.get(profile.provider);
    if (hit) return [hit];
    const t = staticTargets.get('*') ?? staticTargets.get(profile.provider);
    if (!t) {
      throw new ProviderMockError('PM_DELIVERY_NO_TARGET', `the timeline has ${profile.provider} events but no ${profile.provider} target was given`, {
        where: `timeline[${entry.seq}]`,
        hint: `pass --target ${profile.provider}=<url>, or one --target for all events`,
      });
    }
    const r = this.#resolve(t, profile, true);
    if (!('invalid' in r)) this.#staticResolved.set(profile.provider, r);
    return [r];
  }

  #resolve(t: DeliveryTarget, profile: DeliveryProfile, strict: boolean): ResolvedTarget | InvalidTarget {
    const key = JSON.stringify([profile.provider, t.url, t.secret ?? null, t.insecure === true, t.allowHttp === true, t.timeoutMs ?? null]);
    let r = this.#targetCache.get(key);
    if (!r) {
      this.#redactor.add(t.secret, ...urlSecrets(t.url));
      try {
        const where = strict && this.#cfg.staticTargets.has('*') ? '--target' : `target for ${profile.provider}`;
        r = resolveTarget(t, profile, where);
        this.#redactor.add(...r.secrets);
        // A resolver's target without credentials is reported by the check (warning); a static one is bad input.
        const blind = strict && this.#cfg.options.checkAuth ? nothingToProbe(r, profile, where) : undefined;
        if (blind) throw blind;
      } catch (err) {
        // A static target the profile refuses is bad input; a resolver's one fails its deliveries only.
        if (strict) throw err;
        r = { invalid: true, displayUrl: redactUrl(t.url), message: this.#redactor.text(err instanceof Error ? err.message : String(err)) };
      }
      this.#targetCache.set(key, r);
      this.#targetsSeen.set(key, r.displayUrl);
    }
    return r;
  }

  #scenario(name: string): ScenarioStats {
    let s = this.#scenarios.get(name);
    if (!s) {
      s = emptyScenarioStats(name);
      this.#scenarios.set(name, s);
    }
    return s;
  }

  #plan(entry: DeliveryEntry, reordered: boolean): Promise<void> | undefined {
    const compiled = this.#profile(entry.provider, entry.seq);
    const profile = compiled.profile;
    const targets = this.#targets(entry, profile);
    const serialized = serialize(entry);
    const body = serialized.bytes;
    const { eventId, eventIdKind } = identifyEntry(profile, entry, body);
    this.#eventLine(entry, profile.provider, eventId, serialized);
    if (reordered) this.#reordered++;
    const stats = this.#scenario(entry.scenario);
    if (compiled.strictStatus) stats.strictStatusProfile = true;
    if (profile.expectEmptyResponseBody) stats.expectsEmptyBody = true;
    for (const target of targets) {
      stats.planned++;
      this.#counters.planned++;
      if ('invalid' in target) {
        this.#record({
          ...this.#entryFields(entry, profile.provider),
          eventId, eventIdKind, target: target.displayUrl, kind: 'first', attempt: 0, status: null, error: 'invalid-target', errorMessage: target.message,
          latencyMs: null, queuedMs: null, responseBytes: null, outcome: 'discarded', final: true, reason: target.message,
        });
        continue;
      }
      const orderKey = profile.ordering === 'per-entity' ? `${target.key}\u0000${entry.entityKey}` : undefined;
      const d = new Delivery(
        this, entry.seq, entry.scenario, entry.instance, entry.step, profile.provider, entry.eventType, entry.entityKey, eventId, eventIdKind,
        body, target, compiled, this.#headersFor(target, profile, entry.eventType), reordered, stats, target.key, orderKey,
      );
      if (this.#cfg.options.checkAuth && !this.#authSamples.has(target.key)) this.#authSamples.set(target.key, d);
      if (this.#stopping) {
        this.#notSent(d);
        continue;
      }
      // Keep submission order even when the queue is full: wait for each in turn.
      // The reader waited for room before this entry; a fan-out may overshoot the bound by its width.
      this.#dispatcher.accept(d);
    }
    return undefined;
  }

  #headersFor(target: ResolvedTarget, profile: DeliveryProfile, eventType: string): Record<string, string> {
    let byType = this.#headers.get(target);
    if (!byType) {
      byType = new Map();
      this.#headers.set(target, byType);
    }
    let h = byType.get(eventType);
    if (!h) {
      h = { ...renderHeaders(profile, eventType), ...target.authHeaders };
      // Event types are a small, closed set per provider; bound the cache anyway.
      if (byType.size < 1000) byType.set(eventType, h);
    }
    return h;
  }

  #markEntryNotSent(entry: DeliveryEntry): void {
    let profile: DeliveryProfile;
    let targets: (ResolvedTarget | InvalidTarget)[];
    let id: { eventId: string; eventIdKind: 'id' | 'content-hash' };
    let serialized: Serialized;
    try {
      profile = this.#profile(entry.provider, entry.seq).profile;
      targets = this.#targets(entry, profile);
      serialized = serialize(entry);
      id = identifyEntry(profile, entry, serialized.bytes);
    } catch {
      return this.#markUnplannable(entry);
    }
    // Its body too: `resend --failed` sends what was never sent.
    this.#eventLine(entry, profile.provider, id.eventId, serialized);
    const stats = this.#scenario(entry.scenario);
    for (const t of targets) {
      stats.planned++;
      this.#counters.planned++;
      this.#record({
        ...this.#entryFields(entry, profile.provider),
        ...id, target: t.displayUrl, kind: 'not-sent', attempt: 0, status: null, error: null, latencyMs: null, queuedMs: null, responseBytes: null, outcome: 'not-sent', final: true, reason: this.#stopReason,
      });
    }
  }

  /**
   * The event's line (EventRecord): where it comes from and the exact body, before its attempts
   * (see journal.ts). Assembled like #lineJson: once per event, on the hot path. A body we
   * serialized is JSON.stringify's own output, so it is embedded as JSON (`payload`: no escaping,
   * and JSON.stringify(payload) gives back the same bytes); a body given as text (send, resend)
   * is kept as text (`body`), byte for byte.
   */
  #eventLine(entry: DeliveryEntry, provider: Provider, eventId: string, body: Serialized): void {
    if (!this.#journal.enabled) return;
    const head =
      `{"type":"event","runId":${this.#quote(this.#cfg.runId)},"seq":${num(entry.seq)},"scenario":${this.#quote(String(entry.scenario))},"instance":${num(entry.instance)},` +
      `"step":${this.#quote(String(entry.step))},"provider":"${provider}","eventType":${this.#quote(String(entry.eventType))},"entityKey":${JSON.stringify(String(entry.entityKey))},` +
      `"eventId":${JSON.stringify(eventId)},"at":${num(entry.at)},`;
    // The serialized body goes in as the bytes that are sent (no second encoding of the payload).
    if (typeof entry.body === 'string') this.#journal.writeText(`${head}"body":${JSON.stringify(entry.body)}}\n`);
    else this.#journal.writeParts(`${head}"payload":`, body.bytes, body.text, '}\n');
  }

  /** An entry read after a stop that cannot even be planned still appears once, as not sent. */
  #markUnplannable(entry: TimelineEntry): void {
    const stats = this.#scenario(String(entry.scenario));
    stats.planned++;
    this.#counters.planned++;
    this.#record({
      ...this.#entryFields(entry, entry.provider),
      eventId: '', eventIdKind: 'content-hash', target: '', kind: 'not-sent', attempt: 0, status: null, error: null, latencyMs: null, queuedMs: null, responseBytes: null, outcome: 'not-sent', final: true, reason: this.#stopReason,
    });
  }

  /**
   * The head of a journal line for a delivery that has no `Delivery` (an invalid target, or an
   * entry drained after a stop); String() because an unplannable entry may not even hold strings.
   */
  #entryFields(entry: TimelineEntry, provider: Provider): Pick<AttemptRecord, 'type' | 'runId' | 'time' | 'seq' | 'scenario' | 'instance' | 'step' | 'provider' | 'eventType' | 'entityKey'> {
    return {
      type: 'attempt',
      runId: this.#cfg.runId,
      time: this.#cfg.clock.date().toISOString(),
      seq: entry.seq,
      scenario: String(entry.scenario),
      instance: entry.instance,
      step: String(entry.step),
      provider,
      eventType: String(entry.eventType),
      entityKey: String(entry.entityKey),
    };
  }

  runDelivery(d: Delivery): Promise<void> {
    return this.#run(d);
  }

  dropDelivery(d: Delivery): void {
    this.#notSent(d);
  }

  #notSent(d: Delivery, last?: AttemptResult): void {
    if (d.settled) return;
    d.settled = true;
    const reason = d.attempts > 0 ? `${this.#stopReason} after ${d.attempts} attempt(s)${last ? `; last: ${describe(last)}` : ''}` : this.#stopReason;
    this.#deliveryLine(d, 'not-sent', d.attempts, undefined, 0, 'not-sent', true, reason, this.#time());
  }

  #timeoutOf(d: Delivery): number {
    return d.target.timeoutMs ?? this.#cfg.options.timeoutMs ?? d.compiled.profile.timeoutMs;
  }

  /** The record object, for listeners (onAttempt, progress). */
  #line(d: Delivery, kind: AttemptKind, attempt: number, r: AttemptResult | undefined, jitterMs: number, outcome: AttemptRecord['outcome'], final: boolean, reason: string | undefined, time: string): AttemptRecord {
    const rec: AttemptRecord = {
      type: 'attempt',
      runId: this.#cfg.runId,
      seq: d.seq,
      scenario: d.scenario,
      instance: d.instance,
      step: d.step,
      provider: d.provider,
      eventType: d.eventType,
      entityKey: d.entityKey,
      eventId: d.eventId,
      eventIdKind: d.eventIdKind,
      target: d.target.displayUrl,
      // The same key order as the journal line (#lineJson): a record and its line read alike.
      time,
      kind,
      attempt,
      status: r ? r.status : null,
      error: r ? r.error : null,
      latencyMs: r ? Math.round(r.latencyMs * 10) / 10 : null,
      queuedMs: r ? Math.round(r.queuedMs * 10) / 10 : null,
      responseBytes: r ? r.responseBytes : null,
      outcome,
      final,
    };
    if (r?.errorMessage) rec.errorMessage = this.#redactor.text(r.errorMessage);
    if (jitterMs) rec.jitterMs = jitterMs;
    if (d.reordered) rec.reordered = true;
    if (reason) rec.reason = this.#redactor.text(reason);
    if (r?.responseText) rec.response = this.#redactor.text(r.responseText);
    return rec;
  }

  /**
   * Journals one line of a delivery and counts it. The hot path: the JSON is assembled from a
   * per-delivery head and the attempt's fields (same keys as AttemptRecord), and the record
   * object is only built when a listener wants it.
   */
  #deliveryLine(d: Delivery, kind: AttemptKind, attempt: number, r: AttemptResult | undefined, jitterMs: number, outcome: AttemptRecord['outcome'], final: boolean, reason: string | undefined, time: string): void {
    const countsAsAttempt = r !== undefined && kind !== 'auth-probe';
    this.#count(d.stats, kind, attempt, outcome, final, countsAsAttempt ? r : undefined, countsAsAttempt ? d : undefined);
    if (this.#journal.enabled) this.#journal.writeText(this.#lineJson(d, kind, attempt, r, jitterMs, outcome, final, reason, time));
    if (this.#wantRecords) this.#notify(this.#line(d, kind, attempt, r, jitterMs, outcome, final, reason, time));
    if (final && kind !== 'auth-probe') this.#settled(d, outcome, r, reason);
  }

  /** A delivery has its outcome: its report record, its scenario's time span, and --fail-fast. */
  #settled(d: Delivery, outcome: AttemptRecord['outcome'], r: AttemptResult | undefined, reason: string | undefined): void {
    const now = performance.now();
    const span = this.#spans.get(d.scenario);
    if (span) span.last = now;
    // The report's record, only when a report keeps records (not an object per delivery for nothing).
    if (this.#recordLimit > 0) this.#keepResult({
      seq: d.seq,
      scenario: d.scenario,
      step: d.step,
      provider: d.provider,
      eventType: d.eventType,
      entityKey: d.entityKey,
      target: d.target.displayUrl,
      outcome: outcome === 'delivered' || outcome === 'discarded' ? outcome : 'not-sent',
      attempts: d.attempts,
      status: r ? r.status : null,
      error: r ? r.error : null,
      ...(reason ? { reason: this.#redactor.text(reason) } : {}),
      durationMs: d.startedAt === undefined ? 0 : now - d.startedAt,
    });
    if (outcome === 'discarded') this.#failFast(`#${d.seq} ${d.eventType} ${d.entityKey} was discarded after ${d.attempts} attempt(s)${r ? ` (last: ${describe(r)})` : ''}`);
  }

  #keepResult(res: DeliveryResult): void {
    if (this.#recordLimit === 0) return;
    if (this.#deliveries.length < this.#recordLimit) this.#deliveries.push(res);
    else this.#deliveriesOmitted++;
  }

  /** --fail-fast: the first discarded delivery stops the run (the rest is journaled not-sent). */
  #failFast(what: string): void {
    if (!this.#cfg.options.failFast || this.#stopping) return;
    this.#stopped = `--fail-fast: ${what}`;
    this.#halt('abort', `stopped by ${this.#stopped}`);
  }

  /**
   * Listeners see every record. Their errors are swallowed: a throwing listener must not cost a
   * journal line or leave a delivery unaccounted for.
   */
  #notify(rec: AttemptRecord): void {
    try {
      this.#cfg.options.onAttempt?.(rec);
    } catch {
      // ignored, see above
    }
    try {
      this.#cfg.progress.attempt(rec, this.#counters);
    } catch {
      // ignored, see above
    }
  }

  #lineJson(d: Delivery, kind: AttemptKind, attempt: number, r: AttemptResult | undefined, jitterMs: number, outcome: AttemptRecord['outcome'], final: boolean, reason: string | undefined, time: string): string {
    // One template per line; strings from small sets (scenario, step, event type) and the
    // run id and target are quoted once, unique ones (entity key, event id) per line.
    let line =
      `${this.#runHead}"seq":${num(d.seq)},"scenario":${this.#quote(d.scenario)},"instance":${num(d.instance)},"step":${this.#quote(d.step)},` +
      `"provider":"${d.provider}","eventType":${this.#quote(d.eventType)},"entityKey":${JSON.stringify(d.entityKey)},"eventId":${JSON.stringify(d.eventId)},` +
      `"eventIdKind":"${d.eventIdKind}","target":${this.#quotedTarget(d.target)},"time":"${time}","kind":"${kind}","attempt":${attempt},` +
      `"status":${r?.status ?? null},"error":${r?.error ? `"${r.error}"` : null},"latencyMs":${r ? Math.round(r.latencyMs * 10) / 10 : null},` +
      `"queuedMs":${r ? Math.round(r.queuedMs * 10) / 10 : null},"responseBytes":${r ? r.responseBytes : null},"outcome":"${outcome}","final":${final}`;
    if (r?.errorMessage) line += `,"errorMessage":${JSON.stringify(this.#redactor.text(r.errorMessage))}`;
    if (jitterMs) line += `,"jitterMs":${jitterMs}`;
    if (d.reordered) line += ',"reordered":true';
    if (reason) line += `,"reason":${JSON.stringify(this.#redactor.text(reason))}`;
    if (r?.responseText) line += `,"response":${JSON.stringify(this.#redactor.text(r.responseText))}`;
    return `${line}}\n`;
  }

  /** One delivery: first attempt, retries per the schedule, then maybe a duplicate. */
  async #run(d: Delivery): Promise<void> {
    const { retries, schedule, isSuccess } = d.compiled;
    let last: AttemptResult | undefined;
    for (;;) {
      if (this.#stopping) return this.#notSent(d, last);
      if (d.attempts > 0) {
        await this.#cfg.clock.sleep(retryDelayMs(schedule, d.attempts), this.#stop.signal);
        if (this.#stopping) return this.#notSent(d, last);
      }
      const kind: AttemptKind = d.attempts === 0 ? 'first' : 'retry';
      const jitterMs = this.#cfg.faults.delay ? this.#cfg.faults.jitterMs(d.seq, d.target.key, d.attempts + 1) : 0;
      if (jitterMs > 0) {
        await this.#cfg.clock.sleep(jitterMs, this.#stop.signal);
        if (this.#stopping) return this.#notSent(d, last);
      }
      const time = this.#time();
      last = await this.#send(d);
      this.#counters.inFlight--;
      if (last.error === 'aborted') {
        d.settled = true;
        return this.#deliveryLine(d, kind, d.attempts, last, jitterMs, 'not-sent', true, `${this.#stopReason} during attempt ${d.attempts}`, time);
      }
      // A success status counts only with the whole response read (an `incomplete` 200 is retried).
      if (last.status !== null && last.error === null && isSuccess(last.status)) {
        d.settled = true;
        this.#distinctDelivered?.add(`${d.provider}\u0000${d.eventId}`);
        this.#deliveryLine(d, kind, d.attempts, last, jitterMs, 'delivered', true, undefined, time);
        break;
      }
      if (d.attempts > retries) {
        d.settled = true;
        return this.#deliveryLine(d, kind, d.attempts, last, jitterMs, 'discarded', true, `no success after ${d.attempts} attempts; last: ${describe(last)}`, time);
      }
      this.#deliveryLine(d, kind, d.attempts, last, jitterMs, 'will-retry', false, undefined, time);
    }
    // docs/providers.md E3/M6: a duplicate is the same body (same Id) sent again after a delivery.
    if (this.#cfg.faults.duplicates > 0 && this.#cfg.faults.duplicate(d.seq, d.target.key) && !this.#stopping) {
      const jitterMs = this.#cfg.faults.delay ? this.#cfg.faults.jitterMs(d.seq, d.target.key, d.attempts + 1) : 0;
      if (jitterMs > 0) await this.#cfg.clock.sleep(jitterMs, this.#stop.signal);
      if (this.#stopping) return;
      const time = this.#time();
      const r = await this.#send(d);
      this.#counters.inFlight--;
      this.#deliveryLine(d, 'duplicate', d.attempts, r, jitterMs, 'duplicate', false, undefined, time);
    }
  }

  /** One request of this delivery (journal backpressure first). */
  #send(d: Delivery): Promise<AttemptResult> {
    const full = this.#journal.ready();
    if (full) return full.then(() => this.#send(d));
    if (d.attempts === 0) {
      this.#counters.sent++;
      d.startedAt = performance.now();
      if (!this.#spans.has(d.scenario)) this.#spans.set(d.scenario, { first: d.startedAt, last: d.startedAt });
    }
    d.attempts++;
    this.#counters.inFlight++;
    let pool = this.#poolOf.get(d.target);
    if (!pool) {
      pool = this.#pools.get(d.target.origin, d.target.insecure, d.target.key);
      this.#poolOf.set(d.target, pool);
    }
    return sendAttempt(
      this.#pools,
      {
        pool,
        origin: d.target.origin,
        path: d.target.path,
        insecure: d.target.insecure,
        method: d.compiled.profile.method,
        headers: d.headers,
        body: d.body,
        timeoutMs: this.#timeoutOf(d),
        maxResponseBytes: this.#cfg.maxResponseBytes,
      },
      this.#cfg.options.keepResponseText ?? false,
      this.#inflight,
    );
  }

  /** Updates every counter for one line. `r`/`d` only for lines that are delivery attempts. */
  #count(stats: ScenarioStats, kind: AttemptKind, attempt: number, outcome: AttemptRecord['outcome'], final: boolean, r: AttemptResult | undefined, d: Delivery | undefined): void {
    if (r) {
      stats.attempts++;
      if (kind === 'retry') {
        stats.retries++;
        this.#counters.retries++;
      } else if (kind === 'duplicate') {
        stats.duplicatesSent++;
        this.#counters.duplicates++;
      }
      // A status with a broken response counts as `incomplete`, not as that status.
      const complete = r.status !== null && r.error === null;
      const code = complete ? String(r.status) : (r.error ?? 'error');
      this.#statusCodes[code] = (this.#statusCodes[code] ?? 0) + 1;
      stats.statusCodes[code] = (stats.statusCodes[code] ?? 0) + 1;
      if (!complete && r.error && r.errorMessage && this.#errors[r.error] === undefined) this.#errors[r.error] = this.#redactor.text(r.errorMessage);
      if (complete) this.#latencies.push(r.latencyMs);
      if (r.error === 'timeout' && d) {
        stats.timeouts++;
        stats.timeoutMs = Math.max(stats.timeoutMs, this.#timeoutOf(d));
      }
      if (d && complete && r.status !== null) {
        const ok = d.compiled.isSuccess(r.status);
        if (!ok && r.status >= 200 && r.status < 300) stats.rejected2xx[r.status] = (stats.rejected2xx[r.status] ?? 0) + 1;
        if (ok && r.responseBytes > 0 && d.compiled.profile.expectEmptyResponseBody) stats.successWithBody++;
      }
    }
    if (final) {
      if (outcome === 'delivered') {
        stats.delivered++;
        this.#counters.delivered++;
        if (attempt > 1) stats.deliveredAfterRetry++;
      } else if (outcome === 'discarded') {
        stats.discarded++;
        this.#counters.discarded++;
      } else {
        stats.notSent++;
        this.#counters.notSent++;
      }
    }
  }

  /** Journals and counts a line that has no Delivery (drained, unplannable or invalid-target entries). */
  #record(rec: AttemptRecord): void {
    this.#count(this.#scenario(rec.scenario), rec.kind, rec.attempt, rec.outcome, rec.final, undefined, undefined);
    this.#journal.write(rec);
    this.#notify(rec);
    if (!rec.final) return;
    const outcome = rec.outcome === 'delivered' || rec.outcome === 'discarded' ? rec.outcome : 'not-sent';
    this.#keepResult({
      seq: rec.seq, scenario: rec.scenario, step: rec.step, provider: rec.provider, eventType: rec.eventType, entityKey: rec.entityKey, target: rec.target,
      outcome, attempts: rec.attempt, status: rec.status, error: rec.error, ...(rec.reason ? { reason: rec.reason } : {}), durationMs: 0,
    });
    if (outcome === 'discarded') this.#failFast(`#${rec.seq} ${rec.eventType} ${rec.entityKey} was discarded: ${rec.reason ?? rec.error ?? 'no target'}`);
  }

  /** One probe per credential of each target (docs/providers.md E1, M4, M5), each reported on its own. */
  async #authCheck(): Promise<CheckResult> {
    const probes: AuthProbeOutcome[] = [];
    const unprobed: string[] = [];
    for (const d of this.#authSamples.values()) {
      if (d.target.wrongAuths.length === 0) unprobed.push(d.target.displayUrl);
      for (const [i, wrong] of d.target.wrongAuths.entries()) {
        if (this.#stopping) break;
        const time = this.#time();
        const r = await sendAttempt(
          this.#pools,
          {
            origin: d.target.origin,
            path: wrong.path,
            insecure: d.target.insecure,
            method: d.compiled.profile.method,
            headers: { ...renderHeaders(d.compiled.profile, d.eventType), ...wrong.headers },
            body: d.body,
            timeoutMs: this.#timeoutOf(d),
            maxResponseBytes: this.#cfg.maxResponseBytes,
          },
          false,
          this.#inflight,
        );
        this.#authProbes++;
        probes.push({ target: d.target.displayUrl, what: wrong.what, status: r.status, error: r.error });
        // Journaled, never counted as an attempt or a delivery: the real provider never sends it.
        this.#deliveryLine(d, 'auth-probe', i + 1, r, 0, 'probe', false, wrong.what, time);
      }
    }
    return evaluateAuthCheck(probes, unprobed);
  }

  #idempotencyCheck(probe: string | IdempotencyProbe): Promise<CheckResult> {
    const url = typeof probe === 'string' ? probe : probe.url;
    const insecure = typeof probe === 'string' ? this.#cfg.staticTargets.get('*')?.insecure === true : probe.insecure === true;
    this.#redactor.add(...urlSecrets(url));
    return probeIdempotency({ pools: this.#pools, redactor: this.#redactor, clock: this.#cfg.clock }, url, insecure, this.#distinctDelivered?.size ?? 0);
  }

  #summary(): Summary {
    const scenarios = [...this.#scenarios.values()];
    for (const sc of scenarios) {
      const span = this.#spans.get(sc.scenario);
      sc.durationMs = span ? Math.round(span.last - span.first) : 0;
    }
    return {
      events: this.#events,
      ...totalCounts(scenarios),
      authProbes: this.#authProbes,
      reordered: this.#reordered,
      statusCodes: { ...this.#statusCodes },
      latencyMs: latencySummary(this.#latencies),
      errors: { ...this.#errors },
      drain: this.#stopping ? { read: this.#drained, limit: this.#cfg.maxDrain, unreadFrom: this.#unreadFrom } : null,
      scenarios,
    };
  }

  #runLine(): object {
    const { options } = this.#cfg;
    const byProvider: Record<string, object> = {};
    for (const p of PROVIDERS) {
      let compiled: CompiledProfile;
      try {
        compiled = this.#profile(p, 0);
      } catch {
        continue;
      }
      byProvider[p] = {
        retries: compiled.retries,
        retryScheduleMs: compiled.schedule,
        timeoutMs: options.timeoutMs ?? compiled.profile.timeoutMs,
        successStatuses: compiled.profile.successStatuses,
        ordering: compiled.profile.ordering,
      };
    }
    const probe = options.checkIdempotency;
    return {
      type: 'run',
      runId: this.#cfg.runId,
      startedAt: this.#startedAt.toISOString(),
      seed: this.#cfg.seed,
      timeMode: formatTimeMode(this.#cfg.time),
      concurrency: this.#cfg.concurrency,
      faults: { duplicates: this.#cfg.faults.duplicates, reorder: this.#cfg.faults.reorder, delay: this.#cfg.faults.delay ?? null },
      delivery: byProvider,
      targets: [...this.#cfg.staticTargets.entries()].map(([p, t]) => ({ provider: p === '*' ? 'all' : p, url: redactUrl(t.url), secret: t.secret ? '***' : null, insecure: t.insecure === true })),
      checks: { auth: options.checkAuth === true, idempotency: probe === undefined ? null : redactUrl(typeof probe === 'string' ? probe : probe.url) },
    };
  }
}

/** A number as JSON (non-finite → null, as JSON.stringify would). */
function num(n: number): string {
  return Number.isFinite(n) ? String(n) : 'null';
}

function describe(r: AttemptResult): string {
  if (r.error === 'incomplete') return `status ${r.status} but the response broke off (${r.errorMessage ?? 'incomplete'})`;
  return r.status !== null ? `status ${r.status}` : (r.error ?? 'error');
}
