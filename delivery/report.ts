/**
 * What a run reports: the result type, the exit code, a text summary, a JSON summary and JUnit
 * XML (one testsuite per scenario, one testcase per check; run-level checks in a suite of
 * their own). Nothing here sees a secret: targets are redacted before they reach the result.
 */
import { writeFile } from 'node:fs/promises';
import { ProviderMockError } from '../contracts/errors.ts';
import type { CheckResult, DeliveryCounts, ScenarioStats } from './checks.ts';

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
  /** Over attempts that got a whole answer. */
  latencyMs: LatencySummary | null;
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

export function formatSummary(r: RunResult): string {
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
  lines.push(s.latencyMs ? `  latency ms: p50 ${s.latencyMs.p50}, p95 ${s.latencyMs.p95}, max ${s.latencyMs.max}` : '  latency: (no answers)');
  if (s.drain?.unreadFrom != null) {
    lines.push(`  plan left unread from event ${s.drain.unreadFrom} on, after ${s.drain.read} entries read after the stop (cap --max-drain ${s.drain.limit}): those events were never planned and are not counted`);
  }
  for (const c of r.checks) lines.push(`  ${MARK[c.status]} ${c.scenario ? `[${c.scenario}] ` : ''}${c.id}: ${c.details}`);
  if (r.journalError) lines.push(`  journal: write failed: ${r.journalError}`);
  lines.push(`  exit code ${r.exitCode}`);
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

/** JUnit XML: a testsuite per scenario (its checks), plus `provider-mock run` for run-level checks. */
export function toJUnitXml(r: RunResult): string {
  const suites = new Map<string, CheckResult[]>();
  for (const c of r.checks) {
    const name = c.scenario ?? 'provider-mock run';
    const list = suites.get(name) ?? [];
    list.push(c);
    suites.set(name, list);
  }
  const count = (list: CheckResult[], st: CheckResult['status']): number => list.filter((c) => c.status === st).length;
  const out: string[] = ['<?xml version="1.0" encoding="UTF-8"?>'];
  const all = r.checks;
  out.push(
    `<testsuites name="provider-mock ${xml(r.runId)}" tests="${all.length}" failures="${count(all, 'fail')}" skipped="${count(all, 'skip')}" errors="0" time="${(r.durationMs / 1000).toFixed(3)}">`,
  );
  for (const [name, list] of suites) {
    out.push(`  <testsuite name="${xml(name)}" tests="${list.length}" failures="${count(list, 'fail')}" skipped="${count(list, 'skip')}" errors="0" timestamp="${xml(r.startedAt)}">`);
    for (const c of list) {
      const open = `    <testcase classname="provider-mock.${xml(name)}" name="${xml(`${c.id}: ${c.title}`)}" time="0"`;
      if (c.status === 'pass') out.push(`${open}>\n      <system-out>${xml(c.details)}</system-out>\n    </testcase>`);
      else if (c.status === 'fail') out.push(`${open}>\n      <failure message="${xml(c.details)}" type="${c.id}">${xml(c.details)}</failure>\n    </testcase>`);
      else if (c.status === 'skip') out.push(`${open}>\n      <skipped message="${xml(c.details)}"/>\n    </testcase>`);
      else out.push(`${open}>\n      <system-out>${xml(`WARNING: ${c.details}`)}</system-out>\n    </testcase>`);
    }
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
