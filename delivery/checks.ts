/**
 * Receiver checks: named, documented, each with pass / fail / warn / skip and details.
 * Per-scenario checks judge what the receiver did with that scenario's deliveries; run-level
 * checks (auth, idempotency) are one extra probe each for the whole run.
 */

export type CheckStatus = 'pass' | 'fail' | 'warn' | 'skip';

export type CheckId = 'delivered' | 'within-timeout' | 'exact-success-status' | 'no-response-body' | 'auth-rejected' | 'idempotency';

export interface CheckDefinition {
  id: CheckId;
  title: string;
  /** What it checks and why (with the provider fact it rests on). */
  description: string;
  /** On unless the user opts in. */
  defaultOn: boolean;
  scope: 'scenario' | 'run';
}

export const CHECKS: readonly CheckDefinition[] = [
  {
    id: 'delivered',
    title: 'every event eventually delivered',
    description:
      'Each planned delivery ends delivered, retries included (what the real provider would retry is counted in the details). A delivery discarded after the last retry or not sent fails the check. docs/providers.md E3, M2.',
    defaultOn: true,
    scope: 'scenario',
  },
  {
    id: 'within-timeout',
    title: "each attempt answered within the provider's timeout",
    description: 'No attempt ran into the per-attempt timeout (Enreach TimeoutSeconds, default 5 s, docs/providers.md E2; mluvii: ours, 10 s). A timeout makes the real provider re-send.',
    defaultOn: true,
    scope: 'scenario',
  },
  {
    id: 'exact-success-status',
    title: 'success answered with the status the provider accepts',
    description:
      'Where the profile accepts only some 2xx (Enreach: exactly 200, docs/providers.md E3), a 2xx outside that set fails: the real provider would re-send. Skipped for profiles that accept every 2xx (mluvii).',
    defaultOn: true,
    scope: 'scenario',
  },
  {
    id: 'no-response-body',
    title: 'success answered without a response body',
    description: 'A warning when a successful answer carried a body: Enreach ignores it and asks for none (docs/providers.md E4). Skipped for profiles that say nothing about it.',
    defaultOn: true,
    scope: 'scenario',
  },
  {
    id: 'auth-rejected',
    title: 'a request with wrong credentials is rejected with 401 or 403',
    description:
      '--check-auth: after the run, one extra request per credential of each target, with that credential wrong and the others right: the X-Benemen-Token (docs/providers.md E1), the Basic password (M4), each secret-looking query parameter (M5). Each must get 401 or 403 and is reported on its own; none counts as delivered. A --target without credentials is bad input (exit 2); a registration target without them is a warning.',
    defaultOn: false,
    scope: 'run',
  },
  {
    id: 'idempotency',
    title: "the receiver's distinct-event count equals the distinct events delivered",
    description:
      '--check-idempotency <probe-url>: after the run, GET the probe; it must answer 200 with JSON {"count": <n>}, n = the number of distinct events the receiver accepted. Duplicates and retries (same Id or, for mluvii, identical body) must not raise n (docs/providers.md E3, M6). Compared with the distinct events delivered in this run.',
    defaultOn: false,
    scope: 'run',
  },
];

export interface CheckResult {
  id: CheckId;
  title: string;
  status: CheckStatus;
  details: string;
  /** Undefined for run-level checks. */
  scenario: string | undefined;
  /** Time the check covers: its scenario's deliveries, or the probe's requests (JUnit testcase time). */
  durationMs?: number;
}

/** How deliveries ended and how many requests they took: per scenario, and summed per run. */
export interface DeliveryCounts {
  /** Deliveries = events × their targets; planned = delivered + discarded + notSent. */
  planned: number;
  delivered: number;
  discarded: number;
  notSent: number;
  /** HTTP requests for deliveries (first + retries + duplicates; auth probes not included). */
  attempts: number;
  retries: number;
  duplicatesSent: number;
}

const COUNT_KEYS = ['planned', 'delivered', 'discarded', 'notSent', 'attempts', 'retries', 'duplicatesSent'] as const satisfies readonly (keyof DeliveryCounts)[];

/** The counts of several scenarios added up (the run's totals). */
export function totalCounts(list: Iterable<DeliveryCounts>): DeliveryCounts {
  const sum = Object.fromEntries(COUNT_KEYS.map((k) => [k, 0])) as unknown as DeliveryCounts;
  for (const c of list) for (const k of COUNT_KEYS) sum[k] += c[k];
  return sum;
}

/** Counts per scenario that the scenario checks read. */
export interface ScenarioStats extends DeliveryCounts {
  scenario: string;
  /** Deliveries that needed at least one retry to succeed. */
  deliveredAfterRetry: number;
  timeouts: number;
  /** Largest timeout in force for an attempt that timed out. */
  timeoutMs: number;
  /** Successful-looking 2xx answers the profile does not accept, by status. */
  rejected2xx: Record<string, number>;
  /** Whether any delivery of this scenario used a profile that rejects some 2xx. */
  strictStatusProfile: boolean;
  /** Whether any delivery used a profile that expects empty response bodies. */
  expectsEmptyBody: boolean;
  /** Successful answers with a body, under such a profile. */
  successWithBody: number;
  /** Receiver answers by status, and attempts without one by error kind. */
  statusCodes: Record<string, number>;
  /** From the scenario's first attempt to its last settled delivery. */
  durationMs: number;
}

export function emptyScenarioStats(scenario: string): ScenarioStats {
  return {
    scenario,
    planned: 0,
    delivered: 0,
    discarded: 0,
    notSent: 0,
    attempts: 0,
    retries: 0,
    deliveredAfterRetry: 0,
    duplicatesSent: 0,
    timeouts: 0,
    timeoutMs: 0,
    rejected2xx: {},
    strictStatusProfile: false,
    expectsEmptyBody: false,
    successWithBody: 0,
    statusCodes: {},
    durationMs: 0,
  };
}

function def(id: CheckId): CheckDefinition {
  const d = CHECKS.find((c) => c.id === id);
  if (!d) throw new Error(`unknown check ${id}`);
  return d;
}

function result(id: CheckId, status: CheckStatus, details: string, scenario?: string): CheckResult {
  return { id, title: def(id).title, status, details, scenario };
}

export function evaluateScenarioChecks(s: ScenarioStats): CheckResult[] {
  return scenarioChecks(s).map((c) => ({ ...c, durationMs: s.durationMs }));
}

function scenarioChecks(s: ScenarioStats): CheckResult[] {
  const out: CheckResult[] = [];
  const retried = s.deliveredAfterRetry > 0 ? `; ${s.deliveredAfterRetry} needed retries (${s.retries} retries in all), which the real provider would have made` : '';
  if (s.discarded + s.notSent === 0) {
    out.push(result('delivered', 'pass', `${s.delivered}/${s.planned} delivered${retried}`, s.scenario));
  } else {
    const answers = Object.entries(s.statusCodes)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([k, n]) => `${k} ×${n}`)
      .join(', ');
    out.push(
      result(
        'delivered',
        'fail',
        `${s.delivered}/${s.planned} delivered, ${s.discarded} discarded after the last retry, ${s.notSent} not sent${retried}; receiver answers: ${answers || 'none'}`,
        s.scenario,
      ),
    );
  }
  out.push(
    s.timeouts === 0
      ? result('within-timeout', 'pass', `no attempt of ${s.attempts} timed out`, s.scenario)
      : result('within-timeout', 'fail', `${s.timeouts} of ${s.attempts} attempts got no answer within ${s.timeoutMs} ms`, s.scenario),
  );
  const bad2xx = Object.entries(s.rejected2xx);
  if (!s.strictStatusProfile) out.push(result('exact-success-status', 'skip', 'the profiles used accept every 2xx', s.scenario));
  else if (bad2xx.length === 0) out.push(result('exact-success-status', 'pass', 'no 2xx other than the accepted status', s.scenario));
  else {
    const list = bad2xx.map(([code, n]) => `${code} ×${n}`).join(', ');
    out.push(result('exact-success-status', 'fail', `answered ${list}; only the profile's success status counts, so the real provider re-sends`, s.scenario));
  }
  if (!s.expectsEmptyBody) out.push(result('no-response-body', 'skip', 'the profiles used say nothing about response bodies', s.scenario));
  else if (s.successWithBody === 0) out.push(result('no-response-body', 'pass', 'successful answers had no body', s.scenario));
  else out.push(result('no-response-body', 'warn', `${s.successWithBody} successful answers had a body, which the provider ignores (docs/providers.md E4)`, s.scenario));
  return out;
}

/** Outcome of one auth probe. */
export interface AuthProbeOutcome {
  target: string;
  what: string;
  status: number | null;
  error: string | null;
}

export function evaluateAuthCheck(probes: readonly AuthProbeOutcome[], unprobed: readonly string[]): CheckResult {
  const failed = probes.filter((p) => p.status !== 401 && p.status !== 403);
  const describe = (p: AuthProbeOutcome): string => `${p.target} (${p.what}) → ${p.status ?? p.error ?? 'no answer'}`;
  if (failed.length > 0) {
    return result('auth-rejected', 'fail', `not rejected with 401/403: ${failed.map(describe).join('; ')}`);
  }
  if (probes.length === 0) {
    return result('auth-rejected', 'warn', unprobed.length ? `no credentials configured to get wrong for ${unprobed.join(', ')}` : 'no target was used');
  }
  const tail = unprobed.length ? `; no credentials to check for ${unprobed.join(', ')}` : '';
  return result('auth-rejected', unprobed.length ? 'warn' : 'pass', `${probes.map(describe).join('; ')}${tail}`);
}

export function evaluateIdempotencyCheck(expected: number, reported: number | undefined, problem: string | undefined): CheckResult {
  if (problem !== undefined || reported === undefined) return result('idempotency', 'fail', problem ?? 'the probe reported no count');
  return reported === expected
    ? result('idempotency', 'pass', `the probe reports ${reported} distinct events; ${expected} were delivered`)
    : result('idempotency', 'fail', `the probe reports ${reported} distinct events, but ${expected} distinct events were delivered${reported > expected ? ' (duplicates or retries were counted twice?)' : ''}`);
}
