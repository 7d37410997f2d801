/**
 * The idempotency probe (--check-idempotency): after the run, GET the integrator's probe and
 * compare the distinct-event count it reports with the distinct events delivered. Contract:
 * `200` with JSON `{"count": <n>}`; see delivery/README.md.
 */
import { sendAttempt } from './attempt.ts';
import type { ConnectionPools } from './attempt.ts';
import { evaluateIdempotencyCheck } from './checks.ts';
import type { CheckResult } from './checks.ts';
import { decodeUserinfo, rawQuery, redactUrl } from './redact.ts';
import type { Redactor } from './redact.ts';
import type { Clock } from './schedule.ts';
import { basicAuth } from './target.ts';

export interface ProbeContext {
  pools: ConnectionPools;
  redactor: Redactor;
  clock: Clock;
}

/** GETs the probe (a few times while the count is still low) and judges the count it reports. */
export async function probeIdempotency(ctx: ProbeContext, url: string, insecure: boolean, expected: number): Promise<CheckResult> {
  const u = new URL(url);
  const headers: Record<string, string> = { accept: 'application/json' };
  if (u.username || u.password) headers.authorization = basicAuth(decodeUserinfo(u.username), decodeUserinfo(u.password));
  const query = rawQuery(url);
  const path = `${u.pathname}${query ? `?${query}` : ''}`;
  let reported: number | undefined;
  let problem: string | undefined;
  // The receiver may count asynchronously (docs/providers.md E4: answer first, process later): ask a few times.
  for (let i = 0; i < 5; i++) {
    if (i > 0) await ctx.clock.sleep(200);
    const r = await sendAttempt(ctx.pools, { origin: u.origin, path, insecure, method: 'GET', headers, body: undefined, timeoutMs: 5000, maxResponseBytes: 64 * 1024 }, true);
    problem = undefined;
    reported = undefined;
    if (r.status !== 200) {
      problem = `the probe ${redactUrl(url)} answered ${r.status ?? r.error}${r.errorMessage ? ` (${ctx.redactor.text(r.errorMessage)})` : ''}; expected 200 with {"count": <n>}`;
    } else {
      try {
        const body = JSON.parse(r.responseText ?? '') as { count?: unknown };
        if (typeof body.count === 'number' && Number.isInteger(body.count)) reported = body.count;
        else problem = `the probe ${redactUrl(url)} answered without an integer "count"; expected {"count": <n>}`;
      } catch {
        problem = `the probe ${redactUrl(url)} did not answer JSON; expected {"count": <n>}`;
      }
    }
    if (reported !== undefined && reported >= expected) break;
  }
  return evaluateIdempotencyCheck(expected, reported, problem);
}
