/**
 * What a run reports: the result type, the exit code, a text summary and a one-line verdict, a
 * JSON summary and JUnit XML (one testsuite per scenario, one testcase per check and per delivery;
 * run-level checks in a suite of their own). Nothing here sees a secret: targets are redacted before they reach the result.
 */
import { writeFile } from 'node:fs/promises';
import { ProviderMockError } from '../contracts/errors.ts';
import type { CheckResult, DeliveryCounts, ScenarioStats } from './checks.ts';
import { explainFailure } from './preflight.ts';
import { paint } from './progress.ts';

export interface LatencySummary {
  count: number;
  p50: number;
  p95: number;
  max: number;
}

/** The run's totals: its scenarios' counts added up, plus what only the run knows. */
export interface Summary extends DeliveryCounts {
  /** Timeline entries read. */
  events: number;
  authProbes: number;
  reordered: number;
  /** Receiver answers by status code, and attempts without one by error kind (`timeout`, `refused`, …). */
  statusCodes: Record<string, number>;
  /** Over attempts that got a whole answer: from the request's write to the response headers. */
  latencyMs: LatencySummary | null;
  /** The first low-level message per error kind (`tls`, `refused`, …), redacted: what the kind stands for. */
  errors: Record<string, string>;
  /** Null unless the run was stopped: how much of the rest of the plan was read to journal it not sent. */
  drain: DrainSummary | null;
  scenarios: ScenarioStats[];
}

/**
 * After a stop the rest of the plan is read (and journaled not sent, one line per delivery) for a
 * bounded count and time; what lies past that is left unread: never planned, so not in `planned`.
 */
export interface DrainSummary {
  /** Timeline entries read after the stop. */
  read: number;
  /** The cap in force (`maxDrain`, `--max-drain`). */
  limit: number;
  /** `seq` of the first entry left unread, or null when the plan was read to its end. */
  unreadFrom: number | null;
}

export type Interruption = 'SIGINT' | 'SIGTERM' | 'abort';

export interface RunResult {
  runId: string;
  seed: string;
  startedAt: string;
  endedAt: string;
  durationMs: number;
  timeMode: string;
  /** Redacted target URLs. */
  targets: string[];
  summary: Summary;
  checks: CheckResult[];
  /** Set when the run was stopped by its AbortSignal (the reason names the signal). */
  interrupted: Interruption | null;
  exitCode: number;
  /** A journal write error (the run itself went on). */
  journalError?: string;
  /** Why the run stopped early on its own (--fail-fast), when it did. */
  stopped?: string;
  /** Per delivery, for the JUnit report (`recordDeliveries`); in plan order. */
  deliveries?: DeliveryResult[];
  /** Deliveries not kept in `deliveries` (over the cap). */
  deliveriesOmitted?: number;
}

/** How one delivery (an event to one target) ended, for reports. */
export interface DeliveryResult {
  seq: number;
  scenario: string;
  step: string;
  provider: string;
  eventType: string;
  entityKey: string;
  target: string;
  outcome: 'delivered' | 'discarded' | 'not-sent';
  /** HTTP requests made for it (first + retries; duplicates not counted). */
  attempts: number;
  /** The last answer: a status, or the error kind. */
  status: number | null;
  error: string | null;
  reason?: string;
  /** From its first attempt to the line that settled it. */
  durationMs: number;
}

/** Exit codes: 0 all checks pass; 1 a check failed (an undelivered event fails `delivered`); 130/143 SIGINT/SIGTERM. Bad input (2) is ProviderMockError.exitCode. */
export const EXIT = { ok: 0, failed: 1, badInput: 2, sigint: 130, sigterm: 143 } as const;

export function computeExitCode(r: Pick<RunResult, 'interrupted' | 'checks' | 'summary'>): number {
  if (r.interrupted === 'SIGINT') return EXIT.sigint;
  if (r.interrupted === 'SIGTERM') return EXIT.sigterm;
  const undelivered = r.summary.discarded + r.summary.notSent > 0;
  return undelivered || r.checks.some((c) => c.status === 'fail') ? EXIT.failed : EXIT.ok;
}

/** Nearest-rank percentiles over all latencies (sorted in place). */
export function latencySummary(samples: number[]): LatencySummary | null {
  if (samples.length === 0) return null;
  samples.sort((a, b) => a - b);
  const at = (p: number): number => round(samples[Math.min(samples.length - 1, Math.max(0, Math.ceil(p * samples.length) - 1))] ?? 0);
  return { count: samples.length, p50: at(0.5), p95: at(0.95), max: round(samples[samples.length - 1] ?? 0) };
}

function round(n: number): number {
  return Math.round(n * 10) / 10;
}

const MARK: Record<CheckResult['status'], string> = { pass: 'PASS', fail: 'FAIL', warn: 'WARN', skip: 'SKIP' };

export interface FormatOptions {
  /** ANSI colours (a TTY without NO_COLOR). */
  color?: boolean;
}

function scenarioNames(r: RunResult): string {
  return r.summary.scenarios.map((s) => s.scenario).join(', ') || '(no events)';
}

/**
 * One line that says how the run went, for `--quiet` and the end of the summary:
 * `PASS queue-call-answered: 17/17 delivered; checks 3 passed, 1 skipped; exit 0`.
 */
export function formatVerdict(r: RunResult, o: FormatOptions = {}): string {
  const c = paint(o.color === true);
  const s = r.summary;
  const failed = r.checks.filter((x) => x.status === 'fail').map((x) => (x.scenario ? `${x.id} [${x.scenario}]` : x.id));
  const count = (st: CheckResult['status']) => r.checks.filter((x) => x.status === st).length;
  const checks = [`${count('pass')} passed`, count('warn') && `${count('warn')} warned`, count('skip') && `${count('skip')} skipped`].filter(Boolean).join(', ');
  const undelivered = [s.discarded && `${s.discarded} discarded`, s.notSent && `${s.notSent} not sent`].filter(Boolean).join(', ');
  const head = r.interrupted ? c.yellow(`INTERRUPTED (${r.interrupted})`) : r.exitCode === 0 ? c.green('PASS') : c.red('FAIL');
  const parts = [`${s.delivered}/${s.planned} delivered${undelivered ? ` (${undelivered})` : ''}`];
  parts.push(failed.length ? `failed checks: ${failed.join(', ')}` : `checks ${checks || 'none'}`);
  if (r.stopped) parts.push(`stopped early by ${r.stopped}`);
  return `${head} ${scenarioNames(r)}: ${parts.join('; ')}; exit ${r.exitCode}`;
}

export function formatSummary(r: RunResult, o: FormatOptions = {}): string {
  const c = paint(o.color === true);
  const mark = { pass: c.green(MARK.pass), fail: c.red(MARK.fail), warn: c.yellow(MARK.warn), skip: c.dim(MARK.skip) };
  const s = r.summary;
  const lines: string[] = [];
  const why = r.interrupted ? ` (interrupted: ${r.interrupted})` : '';
  lines.push(`provider-mock run ${r.runId}${why}, ${r.timeMode}, seed ${r.seed}, ${(r.durationMs / 1000).toFixed(1)} s`);
  lines.push(`  targets: ${r.targets.join(', ') || '(none)'}`);
  lines.push(`  events ${s.events}; deliveries planned ${s.planned}: delivered ${s.delivered}, discarded ${s.discarded}, not sent ${s.notSent}`);
  lines.push(`  attempts ${s.attempts}: retries ${s.retries}, duplicates sent ${s.duplicatesSent}, reordered ${s.reordered}${s.authProbes ? `, auth probes ${s.authProbes}` : ''}`);
  const codes = Object.entries(s.statusCodes)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([k, n]) => `${k} ×${n}`)
    .join(', ');
  lines.push(`  receiver answers: ${codes || '(none)'}`);
  // An error kind alone ("tls ×4") does not say what to do: its cause and fix, once per kind.
  for (const [kind, message] of Object.entries(s.errors ?? {})) {
    const { cause, fix } = explainFailure(kind, message);
    lines.push(`  ${kind}: ${cause} (${fix})`);
  }
  lines.push(s.latencyMs ? `  latency ms (write → response headers): p50 ${s.latencyMs.p50}, p95 ${s.latencyMs.p95}, max ${s.latencyMs.max}` : '  latency: (no answers)');
  if (s.drain?.unreadFrom != null) {
    lines.push(`  plan left unread from event ${s.drain.unreadFrom} on, after ${s.drain.read} entries read after the stop (cap --max-drain ${s.drain.limit}): those events were never planned and are not counted`);
  }
  for (const x of r.checks) lines.push(`  ${mark[x.status]} ${x.scenario ? `[${x.scenario}] ` : ''}${x.id}: ${x.details}`);
  if (r.stopped) lines.push(`  stopped early: ${r.stopped}; the rest of the plan is journaled as not sent`);
  if (r.journalError) lines.push(`  journal: write failed: ${r.journalError}`);
  lines.push(`  exit code ${r.exitCode}`);
  lines.push(formatVerdict(r, o));
  return `${lines.join('\n')}\n`;
}

/** The `--json` summary. */
export function toJsonSummary(r: RunResult): object {
  return {
    runId: r.runId,
    seed: r.seed,
    startedAt: r.startedAt,
    endedAt: r.endedAt,
    durationMs: Math.round(r.durationMs),
    timeMode: r.timeMode,
    targets: r.targets,
    interrupted: r.interrupted,
    exitCode: r.exitCode,
    summary: r.summary,
    checks: r.checks,
    ...(r.journalError ? { journalError: r.journalError } : {}),
    ...(r.stopped ? { stopped: r.stopped } : {}),
  };
}

function xml(s: string): string {
  return s
    .replace(/[^\x09\x0A\x0D\x20-\uD7FF\uE000-\uFFFD]/g, '')
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;');
}

function seconds(ms: number | undefined): string {
  return ((ms ?? 0) / 1000).toFixed(3);
}

/** `discarded after 4 attempts, last answer 503` */
function deliveryOutcome(d: DeliveryResult): string {
  const last = d.status !== null ? `last answer ${d.status}` : d.error ? `last error ${d.error}` : 'never sent';
  return d.outcome === 'delivered' ? `delivered after ${d.attempts} attempt(s), ${d.status ?? ''}`.trim() : `${d.outcome} after ${d.attempts} attempt(s), ${last}`;
}

function deliveryLine(d: DeliveryResult): string {
  return `#${d.seq} ${d.eventType} ${d.entityKey} (step ${d.step}) → ${d.target || '(no target)'}: ${deliveryOutcome(d)}${d.reason ? `; ${d.reason}` : ''}`;
}

function checkCase(c: CheckResult, suite: string, failedDeliveries: readonly DeliveryResult[]): string {
  const open = `    <testcase classname="provider-mock.${xml(suite)}" name="${xml(`${c.id}: ${c.title}`)}" time="${seconds(c.durationMs)}"`;
  if (c.status === 'pass') return `${open}>\n      <system-out>${xml(c.details)}</system-out>\n    </testcase>`;
  if (c.status === 'skip') return `${open}>\n      <skipped message="${xml(c.details)}"/>\n    </testcase>`;
  if (c.status === 'warn') return `${open}>\n      <system-out>${xml(`WARNING: ${c.details}`)}</system-out>\n    </testcase>`;
  // The deliveries behind a failed `delivered` check, by name: a CI dashboard shows them without the journal.
  const shown = c.id === 'delivered' ? failedDeliveries.slice(0, 50).map(deliveryLine) : [];
  const more = c.id === 'delivered' && failedDeliveries.length > shown.length ? [`… ${failedDeliveries.length - shown.length} more in the journal`] : [];
  const body = [c.details, ...shown, ...more].join('\n');
  return `${open}>\n      <failure message="${xml(c.details)}" type="${c.id}">${xml(body)}</failure>\n    </testcase>`;
}

function deliveryCase(d: DeliveryResult, suite: string): string {
  const open = `    <testcase classname="provider-mock.${xml(suite)}.events" name="${xml(`#${d.seq} ${d.eventType} ${d.entityKey}`)}" time="${seconds(d.durationMs)}"`;
  const props = `      <properties><property name="eventType" value="${xml(d.eventType)}"/><property name="entityKey" value="${xml(d.entityKey)}"/><property name="step" value="${xml(d.step)}"/><property name="target" value="${xml(d.target)}"/><property name="attempts" value="${d.attempts}"/><property name="status" value="${d.status ?? xml(d.error ?? '')}"/></properties>`;
  if (d.outcome === 'delivered') return `${open}>\n${props}\n      <system-out>${xml(deliveryLine(d))}</system-out>\n    </testcase>`;
  const message = `${d.eventType} ${d.entityKey}: ${deliveryOutcome(d)}`;
  return `${open}>\n${props}\n      <failure message="${xml(message)}" type="${d.outcome}">${xml(deliveryLine(d))}</failure>\n    </testcase>`;
}

/**
 * JUnit XML: a testsuite per scenario with one testcase per check and one per delivery (when the
 * run kept them: `recordDeliveries`, on with --report), plus `provider-mock run` for run-level
 * checks. Times are real: a check covers its scenario's deliveries (or its probe), a delivery its
 * attempts. A failure names the event type, entity key, attempts and the last answer.
 */
export function toJUnitXml(r: RunResult): string {
  const suites = new Map<string, { checks: CheckResult[]; deliveries: DeliveryResult[] }>();
  const suite = (name: string) => {
    let x = suites.get(name);
    if (!x) {
      x = { checks: [], deliveries: [] };
      suites.set(name, x);
    }
    return x;
  };
  for (const c of r.checks) suite(c.scenario ?? 'provider-mock run').checks.push(c);
  for (const d of r.deliveries ?? []) suite(d.scenario).deliveries.push(d);
  const failedChecks = (list: CheckResult[]) => list.filter((c) => c.status === 'fail').length;
  const skipped = (list: CheckResult[]) => list.filter((c) => c.status === 'skip').length;
  const failedDeliveries = (list: DeliveryResult[]) => list.filter((d) => d.outcome !== 'delivered');
  const all = [...suites.values()];
  const tests = all.reduce((n, x) => n + x.checks.length + x.deliveries.length, 0);
  const failures = all.reduce((n, x) => n + failedChecks(x.checks) + failedDeliveries(x.deliveries).length, 0);
  const out: string[] = ['<?xml version="1.0" encoding="UTF-8"?>'];
  out.push(`<testsuites name="provider-mock ${xml(r.runId)}" tests="${tests}" failures="${failures}" skipped="${r.checks.filter((c) => c.status === 'skip').length}" errors="0" time="${seconds(r.durationMs)}">`);
  for (const [name, x] of suites) {
    const span = r.summary.scenarios.find((s) => s.scenario === name)?.durationMs ?? x.checks.reduce((t, c) => t + (c.durationMs ?? 0), 0);
    const bad = failedDeliveries(x.deliveries);
    out.push(
      `  <testsuite name="${xml(name)}" tests="${x.checks.length + x.deliveries.length}" failures="${failedChecks(x.checks) + bad.length}" skipped="${skipped(x.checks)}" errors="0" time="${seconds(span)}" timestamp="${xml(r.startedAt)}">`,
    );
    if (r.deliveriesOmitted && x.deliveries.length) out.push(`    <properties><property name="deliveries.omitted" value="${r.deliveriesOmitted}"/></properties>`);
    for (const c of x.checks) out.push(checkCase(c, name, bad));
    for (const d of x.deliveries) out.push(deliveryCase(d, name));
    out.push('  </testsuite>');
  }
  out.push('</testsuites>');
  return `${out.join('\n')}\n`;
}

/** Writes the requested report files; a path that cannot be written is bad input (exit 2). */
export async function writeReports(r: RunResult, paths: { report?: string | undefined; json?: string | undefined }): Promise<void> {
  const jobs: [string, string, string][] = [];
  if (paths.report) jobs.push(['--report', paths.report, toJUnitXml(r)]);
  if (paths.json) jobs.push(['--json', paths.json, `${JSON.stringify(toJsonSummary(r), null, 2)}\n`]);
  for (const [flag, path, text] of jobs) {
    try {
      await writeFile(path, text, 'utf8');
    } catch (cause) {
      throw new ProviderMockError('PM_DELIVERY_OUTPUT_PATH', `cannot write ${flag} to "${path}": ${(cause as Error).message}`, { where: flag, cause });
    }
  }
}
