/**
 * Runs started through the control API: each one is a `deliver()` over a scenario timeline,
 * with its history kept in memory (bounded), its attempts streamed to subscribers (SSE) as they
 * happen, and optionally its journal written to a data directory. Headers shown to anyone are
 * masked; payloads are kept only up to a per-run cap.
 */
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { ProviderMockError } from '../contracts/errors.ts';
import type { Provider } from '../contracts/provider.ts';
import { deliver, formatTimeMode, loadProfile, redactUrl, renderHeaders, resolveTarget } from '../delivery/index.ts';
import type { AttemptRecord, DeliverOptions, DeliveryTarget, DrainSummary, RunResult, Summary, TimeMode } from '../delivery/index.ts';
import type { TimelineEntry } from '../scenarios/index.ts';

export type RunStatus = 'queued' | 'running' | 'done' | 'cancelled' | 'failed';

/** How an event's mark is coloured: the worst of its deliveries. */
export type MarkOutcome = 'pending' | 'delivered' | 'retried' | 'duplicate' | 'discarded' | 'not-sent' | 'unsubscribed';

export interface AttemptView {
  seq: number;
  /** Redacted receiver URL. */
  target: string;
  kind: AttemptRecord['kind'];
  attempt: number;
  status: number | null;
  error: string | null;
  errorMessage?: string;
  latencyMs: number | null;
  queuedMs?: number | null;
  responseBytes: number | null;
  /** The response body's first bytes (RESPONSE_TEXT_BYTES), for the inspector. */
  response?: string;
  outcome: AttemptRecord['outcome'];
  final: boolean;
  reason?: string;
  time: string;
}

/** Response body bytes kept per attempt for the inspector (and written to the data dir's journal). */
const RESPONSE_TEXT_BYTES = 2048;

/** A timeline entry as the inspector shows it (no payload: GET /runs/{id}/deliveries/{seq} has it). */
export interface EventSummary extends Omit<TimelineEntry, 'payload'> {
  /** Redacted receiver URLs this event goes to (empty: nothing subscribed to it). */
  targets: string[];
  outcome: MarkOutcome;
}

export interface EventView extends EventSummary {
  attempts: AttemptView[];
}

export interface EventDetail extends EventView {
  payload: unknown;
  /** One request per target: its URL (redacted) and headers (credentials masked). */
  requests: { target: string; headers: Record<string, string>; timeoutMs?: number; insecure?: boolean; error?: string }[];
}

/** The counts a run shares with delivery's summary, under the summary's names (and meanings). */
const SUMMARY_COUNTS = ['events', 'planned', 'delivered', 'discarded', 'notSent', 'attempts', 'retries'] as const;

/** Delivery's counts so far (final once the run has ended), plus what only the server knows. */
export type RunCounts = Pick<Summary, (typeof SUMMARY_COUNTS)[number]> & {
  /** Summary's `duplicatesSent`. */
  duplicates: number;
  /** Events no registration selected. */
  unsubscribed: number;
};

/** Every key of RunCounts, in the order the API lists them. */
export const RUN_COUNT_KEYS = [...SUMMARY_COUNTS, 'duplicates', 'unsubscribed'] as const satisfies readonly (keyof RunCounts)[];

export interface RunView {
  id: string;
  status: RunStatus;
  scenarios: string[];
  seed: string;
  time: string;
  /** `explicit`: the request's target; `registrations`: mluvii webhooks / Enreach subscriptions. */
  targetMode: 'explicit' | 'registrations';
  createdAt: string;
  startedAt?: string;
  endedAt?: string;
  counts: RunCounts;
  /** Some events or attempts were not kept (caps); counts are still complete. */
  truncated: boolean;
  warnings: string[];
  error?: string;
  exitCode?: number;
  /** Journal file name in the data directory. */
  journal?: string;
  /** Read back from the data directory at start (serve --data-dir): finished before this server started. */
  restored?: boolean;
  /** A stopped run: entries read after the stop (journaled not sent), the cap, and the first event left unread. */
  drain?: DrainSummary;
}

export type RunMessage =
  | { type: 'run'; data: RunView }
  | { type: 'event'; data: EventSummary }
  | { type: 'attempt'; data: AttemptView & { counts: RunCounts } }
  | { type: 'end'; data: RunView };

export type Subscriber = (msg: RunMessage) => void;

export interface RunSpec {
  names: string[];
  seed: string | number;
  time: TimeMode;
  timeline: Iterable<TimelineEntry>;
  options: Omit<DeliverOptions, 'target' | 'targets' | 'resolveTargets'>;
  /** One receiver for every event. */
  target?: DeliveryTarget;
  /** Without `target`: the registered receivers of an event, read when the event is sent. */
  registered?: (entry: TimelineEntry) => { targets: DeliveryTarget[]; refused: string[] };
  /**
   * Called as each event is about to be sent (subscribed or not: the session happens either way),
   * never for the events a cancelled run leaves unsent: what the provider's own records know.
   */
  played?: (entry: TimelineEntry) => void;
}

export interface RunManagerOptions {
  /** Runs kept in history (finished ones are evicted oldest first). Default 50. */
  maxRuns?: number;
  /** Runs delivering at once; more wait as `queued`. Default 4. */
  maxActive?: number;
  /** Runs waiting to start before POST /runs answers 429. Default 20. */
  maxQueued?: number;
  /** Events (with payloads) kept per run. Default 1000. */
  maxEventsPerRun?: number;
  /** Attempts kept per run. Default 5000. */
  maxAttemptsPerRun?: number;
  /** Journal (`<id>.ndjson`) and JSON summary (`<id>.summary.json`) per run. */
  dataDir?: string;
  /** Grace for in-flight attempts when a run is cancelled (default 1000 ms). */
  abortGraceMs?: number;
  /**
   * `serve --max-drain`: timeline entries still read after a cancel, so delivery journals them as
   * not sent (default 10 000, also bounded to about a second). Past it the rest of the plan is left
   * unread, and the run's summary (`drain`) and warnings say from which event on: draining a huge
   * plan (a scenario with millions of sessions) would keep the server busy for as long as it takes.
   */
  maxDrainAfterCancel?: number;
  /** Every attempt record of every run, as it happens (serve's log line per delivery). */
  onAttempt?: (run: Run, rec: AttemptRecord) => void;
  /** A run has ended (serve --data-dir keeps its view for the next start). */
  onFinish?: (run: Run) => void;
}

const MAX_WARNINGS = 20;

interface StoredEvent extends TimelineEntry {
  targets: DeliveryTarget[];
  /** Delivery has asked where it goes (until then the targets are unknown). */
  resolved: boolean;
  attempts: AttemptView[];
}

/** `instant`, `realtime`, `speed 60` (formatTimeMode's text) back to a TimeMode. */
function parseTimeMode(text: string): TimeMode {
  const m = /^speed (\d*\.?\d+)$/.exec(text);
  if (m) return { kind: 'speed', factor: Number(m[1]) };
  return text === 'realtime' ? { kind: 'realtime' } : { kind: 'instant' };
}

function emptyCounts(): RunCounts {
  return Object.fromEntries(RUN_COUNT_KEYS.map((k) => [k, 0])) as RunCounts;
}

/** The mark colour of an event from its attempts. */
export function markOutcome(targets: number, attempts: readonly AttemptView[]): MarkOutcome {
  if (targets === 0) return 'unsubscribed';
  const finals = attempts.filter((a) => a.final);
  if (finals.some((a) => a.outcome === 'discarded')) return 'discarded';
  if (finals.some((a) => a.outcome === 'not-sent')) return 'not-sent';
  const retried = attempts.some((a) => a.kind === 'retry' || a.outcome === 'will-retry');
  if (finals.length < targets) return retried ? 'retried' : 'pending';
  if (retried) return 'retried';
  if (attempts.some((a) => a.kind === 'duplicate')) return 'duplicate';
  return 'delivered';
}

function maskAuth(name: string, value: string): string {
  if (/^authorization$/i.test(name)) return value.startsWith('Basic ') ? 'Basic ***' : value.startsWith('Bearer ') ? 'Bearer ***' : '***';
  return '***';
}

/** What the provider would send to a target: the profile's headers and the auth headers, credentials masked. */
function maskedRequest(provider: Provider, eventType: string, t: DeliveryTarget): EventDetail['requests'][number] {
  const profile = loadProfile(provider);
  const base = { target: redactUrl(t.url), ...(t.timeoutMs !== undefined ? { timeoutMs: t.timeoutMs } : {}), ...(t.insecure ? { insecure: true } : {}) };
  try {
    const r = resolveTarget(t, profile, 'target');
    const headers = renderHeaders(profile, eventType);
    for (const [k, v] of Object.entries(r.authHeaders)) headers[k] = maskAuth(k, v);
    return { ...base, headers };
  } catch (e) {
    return { ...base, headers: renderHeaders(profile, eventType), error: e instanceof Error ? e.message : String(e) };
  }
}

export class Run {
  readonly id: string;
  status: RunStatus = 'queued';
  readonly names: string[];
  readonly seed: string;
  readonly time: TimeMode;
  readonly targetMode: 'explicit' | 'registrations';
  readonly createdAt: string;
  startedAt: string | undefined;
  endedAt: string | undefined;
  counts: RunCounts = emptyCounts();
  truncated = false;
  readonly warnings: string[] = [];
  error: string | undefined;
  exitCode: number | undefined;
  journal: string | undefined;
  /** Set once a stopped run has ended: how much of the rest of its plan was read (summary.drain). */
  drain: DrainSummary | null = null;
  readonly controller = new AbortController();
  cancelRequested = false;
  readonly subscribers = new Set<Subscriber>();
  /** Settles when the run has ended (journal flushed). */
  done: Promise<void> = Promise.resolve();
  spec: RunSpec | undefined;
  readonly #events = new Map<number, StoredEvent>();
  readonly #maxEvents: number;
  readonly #maxAttempts: number;
  #attemptsKept = 0;

  readonly restored: boolean;

  /** A run to start from `spec`, or (`past`) one read back from the data directory, already ended. */
  constructor(id: string, spec: RunSpec | undefined, maxEvents: number, maxAttempts: number, past?: RunView) {
    this.id = id;
    this.spec = spec;
    this.names = past?.scenarios ?? spec?.names ?? [];
    this.seed = past?.seed ?? String(spec?.seed ?? '');
    this.time = past ? parseTimeMode(past.time) : (spec?.time ?? { kind: 'instant' });
    this.targetMode = past?.targetMode ?? (spec?.target ? 'explicit' : 'registrations');
    this.createdAt = past?.createdAt ?? new Date().toISOString();
    this.restored = past !== undefined;
    if (past) {
      this.status = past.status;
      this.startedAt = past.startedAt;
      this.endedAt = past.endedAt;
      this.counts = { ...past.counts };
      this.truncated = past.truncated;
      this.warnings.push(...past.warnings);
      this.error = past.error;
      this.exitCode = past.exitCode;
      this.journal = past.journal;
    }
    this.#maxEvents = maxEvents;
    this.#maxAttempts = maxAttempts;
  }

  /** A restored run's event, with the targets and attempts its journal recorded. */
  restoreEvent(entry: TimelineEntry, targets: readonly string[], attempts: readonly AttemptView[]): void {
    if (this.#events.size >= this.#maxEvents) {
      this.truncated = true;
      return;
    }
    const kept = attempts.slice(0, Math.max(0, this.#maxAttempts - this.#attemptsKept));
    if (kept.length < attempts.length) this.truncated = true;
    this.#attemptsKept += kept.length;
    this.#events.set(entry.seq, { ...entry, targets: targets.map((url) => ({ url })), resolved: true, attempts: [...kept] });
  }

  /** Ended and its journal flushed (a queued run shows `cancelled` at once, and finishes once it journaled its plan). */
  get finished(): boolean {
    return this.endedAt !== undefined;
  }

  view(): RunView {
    return {
      id: this.id,
      status: this.status,
      scenarios: this.names,
      seed: this.seed,
      time: formatTimeMode(this.time),
      targetMode: this.targetMode,
      createdAt: this.createdAt,
      ...(this.startedAt ? { startedAt: this.startedAt } : {}),
      ...(this.endedAt ? { endedAt: this.endedAt } : {}),
      counts: { ...this.counts },
      truncated: this.truncated,
      warnings: [...this.warnings],
      ...(this.error !== undefined ? { error: this.error } : {}),
      ...(this.exitCode !== undefined ? { exitCode: this.exitCode } : {}),
      ...(this.journal !== undefined ? { journal: this.journal } : {}),
      ...(this.restored ? { restored: true } : {}),
      ...(this.drain ? { drain: { ...this.drain } } : {}),
    };
  }

  #summary(e: StoredEvent): EventSummary {
    return {
      seq: e.seq,
      at: e.at,
      provider: e.provider,
      eventType: e.eventType,
      entityKey: e.entityKey,
      scenario: e.scenario,
      instance: e.instance,
      step: e.step,
      targets: e.targets.map((t) => redactUrl(t.url)),
      outcome: e.resolved ? markOutcome(e.targets.length, e.attempts) : 'pending',
    };
  }

  events(): EventView[] {
    return [...this.#events.values()].map((e) => ({ ...this.#summary(e), attempts: [...e.attempts] }));
  }

  detail(seq: number): EventDetail | undefined {
    const e = this.#events.get(seq);
    if (!e) return undefined;
    return { ...this.#summary(e), attempts: [...e.attempts], payload: e.payload, requests: e.targets.map((t) => maskedRequest(e.provider, e.eventType, t)) };
  }

  warn(text: string): void {
    if (this.warnings.includes(text)) return;
    if (this.warnings.length < MAX_WARNINGS) this.warnings.push(text);
  }

  broadcast(msg: RunMessage): void {
    for (const s of [...this.subscribers]) {
      try {
        s(msg);
      } catch {
        this.subscribers.delete(s);
      }
    }
  }

  /** Replays what is kept so far: every event followed by its attempts. */
  replay(send: Subscriber): void {
    send({ type: 'run', data: this.view() });
    for (const e of this.#events.values()) {
      send({ type: 'event', data: this.#summary(e) });
      for (const a of e.attempts) send({ type: 'attempt', data: { ...a, counts: this.counts } });
    }
  }

  /** A timeline entry was read by delivery. */
  onEntry(entry: TimelineEntry): void {
    this.counts.events++;
    if (this.#events.size >= this.#maxEvents) {
      this.truncated = true;
      return;
    }
    this.#events.set(entry.seq, { ...entry, targets: [], resolved: false, attempts: [] });
  }

  /** Delivery asks where an entry goes (once per entry, when it is about to be sent). */
  resolve(entry: TimelineEntry): DeliveryTarget[] {
    const spec = this.spec;
    // Delivery also asks for the events it accounts for as not sent after a cancel; those never happened.
    if (!this.controller.signal.aborted) spec?.played?.(entry);
    let targets: DeliveryTarget[] = [];
    if (spec?.target) targets = [spec.target];
    else if (spec?.registered) {
      const r = spec.registered(entry);
      targets = r.targets;
      for (const w of r.refused) this.warn(w);
    }
    this.counts.planned += targets.length;
    if (targets.length === 0) this.counts.unsubscribed++;
    const e = this.#events.get(entry.seq);
    if (e) {
      e.targets = targets;
      e.resolved = true;
      this.broadcast({ type: 'event', data: this.#summary(e) });
    }
    return targets;
  }

  onAttempt(rec: AttemptRecord): void {
    const c = this.counts;
    const sent = rec.status !== null || (rec.error !== null && rec.error !== 'invalid-target');
    if (sent && rec.kind !== 'auth-probe' && rec.kind !== 'not-sent') {
      c.attempts++;
      if (rec.kind === 'retry') c.retries++;
      if (rec.kind === 'duplicate') c.duplicates++;
    }
    if (rec.final) {
      if (rec.outcome === 'delivered') c.delivered++;
      else if (rec.outcome === 'discarded') c.discarded++;
      else c.notSent++;
    }
    const e = this.#events.get(rec.seq);
    if (!e) return;
    if (this.#attemptsKept >= this.#maxAttempts) {
      this.truncated = true;
      return;
    }
    this.#attemptsKept++;
    const a: AttemptView = {
      seq: rec.seq,
      target: rec.target,
      kind: rec.kind,
      attempt: rec.attempt,
      status: rec.status,
      error: rec.error,
      ...(rec.errorMessage ? { errorMessage: rec.errorMessage } : {}),
      latencyMs: rec.latencyMs,
      queuedMs: rec.queuedMs,
      responseBytes: rec.responseBytes,
      ...(rec.response !== undefined ? { response: rec.response } : {}),
      outcome: rec.outcome,
      final: rec.final,
      ...(rec.reason ? { reason: rec.reason } : {}),
      time: rec.time,
    };
    e.attempts.push(a);
    this.broadcast({ type: 'attempt', data: { ...a, counts: { ...c } } });
  }

  /** Takes the authoritative counts of the finished run. */
  settle(result: RunResult): void {
    const s = result.summary;
    for (const k of SUMMARY_COUNTS) this.counts[k] = s[k];
    this.counts.duplicates = s.duplicatesSent;
    this.exitCode = result.exitCode;
    this.drain = s.drain;
    if (s.drain?.unreadFrom != null) {
      this.warn(
        `cancelled: the plan was left unread from event ${s.drain.unreadFrom} on (${s.drain.read} entries read after the cancel, --max-drain ${s.drain.limit}); those events were neither sent nor counted`,
      );
    }
    if (result.journalError) this.warn(`journal: ${result.journalError}`);
  }
}

/** Wraps the timeline so every entry is recorded as delivery reads it. */
function* observe(timeline: Iterable<TimelineEntry>, run: Run): Generator<TimelineEntry> {
  for (const entry of timeline) {
    run.onEntry(entry);
    yield entry;
  }
}

export class RunManager {
  readonly #runs = new Map<string, Run>();
  readonly #queue: Run[] = [];
  #active = 0;
  #closing = false;
  /** Aborted by hurry(): every run skips what is left of its drain and grace. */
  readonly #now = new AbortController();
  readonly #opts: Required<Omit<RunManagerOptions, 'dataDir' | 'onAttempt' | 'onFinish'>> & Pick<RunManagerOptions, 'onAttempt' | 'onFinish'> & { dataDir: string | undefined };

  constructor(opts: RunManagerOptions = {}) {
    this.#opts = {
      maxRuns: opts.maxRuns ?? 50,
      maxActive: opts.maxActive ?? 4,
      maxQueued: opts.maxQueued ?? 20,
      maxEventsPerRun: opts.maxEventsPerRun ?? 1000,
      maxAttemptsPerRun: opts.maxAttemptsPerRun ?? 5000,
      abortGraceMs: opts.abortGraceMs ?? 1000,
      maxDrainAfterCancel: opts.maxDrainAfterCancel ?? 10_000,
      dataDir: opts.dataDir,
      ...(opts.onAttempt ? { onAttempt: opts.onAttempt } : {}),
      ...(opts.onFinish ? { onFinish: opts.onFinish } : {}),
    };
  }

  /** Puts a run read back from the data directory into the history (oldest first). */
  adopt(run: Run): void {
    this.#runs.set(run.id, run);
    this.#evict();
  }

  get caps(): { maxEventsPerRun: number; maxAttemptsPerRun: number; maxRuns: number } {
    return { maxEventsPerRun: this.#opts.maxEventsPerRun, maxAttemptsPerRun: this.#opts.maxAttemptsPerRun, maxRuns: this.#opts.maxRuns };
  }

  /** Accepts a run: it starts now, or waits as `queued`. Throws ProviderMockError (429) when the queue is full or the server is closing. */
  start(spec: RunSpec): Run {
    if (this.#closing) throw new ProviderMockError('PM_SERVER_CLOSING', 'the server is shutting down');
    if (this.#active >= this.#opts.maxActive && this.#queue.length >= this.#opts.maxQueued) {
      throw new ProviderMockError('PM_TOO_MANY_RUNS', `${this.#active} runs are delivering and ${this.#queue.length} are queued`, { hint: 'wait for one to end, or cancel one (POST /runs/{id}/cancel)' });
    }
    const run = new Run(randomUUID(), spec, this.#opts.maxEventsPerRun, this.#opts.maxAttemptsPerRun);
    this.#runs.set(run.id, run);
    this.#evict();
    if (this.#active < this.#opts.maxActive) this.#launch(run);
    else this.#queue.push(run);
    return run;
  }

  get(id: string): Run | undefined {
    return this.#runs.get(id);
  }

  /** Newest first. */
  list(): Run[] {
    return [...this.#runs.values()].reverse();
  }

  /**
   * Cancels a queued or running run; a finished one is left as it is. A queued run is still
   * played out, with its signal already aborted, so its journal accounts for every planned
   * delivery as not sent (bounded like any drain) instead of leaving no record.
   */
  cancel(id: string, reason = 'cancelled'): Run | undefined {
    const run = this.#runs.get(id);
    if (!run || run.finished) return run;
    run.cancelRequested = true;
    run.controller.abort(reason);
    const queued = this.#queue.indexOf(run);
    if (queued >= 0) {
      this.#queue.splice(queued, 1);
      run.status = 'cancelled';
      // Outside the active slots: it sends nothing and ends within its drain bound.
      run.done = this.#execute(run);
    }
    return run;
  }

  /** Cancels everything and waits until every run has ended and flushed its journal. */
  async shutdown(): Promise<void> {
    this.#closing = true;
    const runs = [...this.#runs.values()];
    for (const r of runs) this.cancel(r.id, 'server shutting down');
    await Promise.allSettled(runs.map((r) => r.done));
  }

  /** A second stop signal during shutdown: runs end their drain and grace now (journals are still written). */
  hurry(): void {
    this.#now.abort();
  }

  #evict(): void {
    if (this.#runs.size <= this.#opts.maxRuns) return;
    for (const r of this.#runs.values()) {
      if (this.#runs.size <= this.#opts.maxRuns) break;
      if (r.finished) this.#runs.delete(r.id);
    }
  }

  #launch(run: Run): void {
    this.#active++;
    run.done = this.#execute(run).finally(() => {
      this.#active--;
      const next = this.#queue.shift();
      if (next) this.#launch(next);
    });
  }

  async #execute(run: Run): Promise<void> {
    const spec = run.spec;
    if (!spec) return;
    // A run cancelled while queued never starts: it only journals its plan as not sent.
    if (!run.controller.signal.aborted) {
      run.status = 'running';
      run.startedAt = new Date().toISOString();
      run.broadcast({ type: 'run', data: run.view() });
    }
    const dir = this.#opts.dataDir;
    if (dir) run.journal = `${run.id}.ndjson`;
    try {
      const result = await deliver(observe(spec.timeline, run), {
        ...spec.options,
        runId: run.id,
        seed: spec.seed,
        time: spec.time,
        resolveTargets: (entry) => run.resolve(entry),
        onAttempt: (rec) => {
          run.onAttempt(rec);
          this.#opts.onAttempt?.(run, rec);
        },
        keepResponseText: RESPONSE_TEXT_BYTES,
        signal: run.controller.signal,
        stopNow: this.#now.signal,
        abortGraceMs: this.#opts.abortGraceMs,
        maxDrain: this.#opts.maxDrainAfterCancel,
        env: {},
        ...(dir ? { journal: join(dir, `${run.id}.ndjson`), json: join(dir, `${run.id}.summary.json`) } : {}),
      });
      run.settle(result);
      this.#finish(run, run.cancelRequested || result.interrupted ? 'cancelled' : 'done');
    } catch (e) {
      run.error = e instanceof ProviderMockError ? e.message : `unexpected error: ${e instanceof Error ? e.message : String(e)}`;
      this.#finish(run, run.cancelRequested ? 'cancelled' : 'failed');
    }
  }

  #finish(run: Run, status: RunStatus): void {
    run.status = status;
    run.endedAt = new Date().toISOString();
    // The plan (and its closures over worlds and registrations) is no longer needed.
    run.spec = undefined;
    const view = run.view();
    run.broadcast({ type: 'end', data: view });
    run.subscribers.clear();
    try {
      this.#opts.onFinish?.(run);
    } catch {
      // keeping history must not break the run's end
    }
    this.#evict();
  }
}
