import { describe, expect, it } from 'vitest';
import { EventEmitter } from 'node:events';
import { abortOnSignals, interruptionOf, computeExitCode, createProgress, emptyScenarioStats as emptyStatsFor, evaluateAuthCheck, evaluateIdempotencyCheck, evaluateScenarioChecks, formatSummary, latencySummary, toJUnitXml } from '../../delivery/index.ts';
import type { AttemptRecord, RunResult } from '../../delivery/index.ts';

function result(over: Partial<RunResult> = {}): RunResult {
  const stats = { ...emptyStatsFor('chat <&> "x"'), planned: 2, delivered: 2, attempts: 2 };
  return {
    runId: 'r1', seed: '1', startedAt: '2026-01-01T00:00:00.000Z', endedAt: '2026-01-01T00:00:01.000Z', durationMs: 1000, timeMode: 'instant',
    targets: ['http://127.0.0.1:1/hook'],
    summary: { events: 2, planned: 2, delivered: 2, discarded: 0, notSent: 0, attempts: 2, retries: 0, duplicatesSent: 0, authProbes: 0, reordered: 0, statusCodes: { '200': 2 }, latencyMs: { count: 2, p50: 1, p95: 2, max: 2 }, errors: {}, drain: null, scenarios: [stats] },
    checks: evaluateScenarioChecks(stats),
    interrupted: null,
    exitCode: 0,
    ...over,
  };
}

describe('checks', () => {
  it('fails "delivered" when anything was discarded or not sent, and counts the retries the provider would make', () => {
    const s = { ...emptyStatsFor('s'), planned: 3, delivered: 2, discarded: 1, retries: 4, deliveredAfterRetry: 1 };
    const c = evaluateScenarioChecks(s).find((x) => x.id === 'delivered');
    expect(c?.status).toBe('fail');
    expect(c?.details).toContain('1 discarded');
    expect(c?.details).toContain('4 retries');
  });

  it('fails exact-success-status only under a profile that rejects some 2xx', () => {
    const base = { ...emptyStatsFor('s'), planned: 1, delivered: 1, rejected2xx: { '204': 2 } };
    expect(evaluateScenarioChecks({ ...base, strictStatusProfile: true }).find((x) => x.id === 'exact-success-status')?.status).toBe('fail');
    expect(evaluateScenarioChecks(base).find((x) => x.id === 'exact-success-status')?.status).toBe('skip');
  });

  it('judges auth probes and the idempotency count', () => {
    expect(evaluateAuthCheck([{ target: 't', what: 'w', status: 403, error: null }], []).status).toBe('pass');
    expect(evaluateAuthCheck([{ target: 't', what: 'w', status: 200, error: null }], []).status).toBe('fail');
    expect(evaluateAuthCheck([{ target: 't', what: 'w', status: null, error: 'refused' }], []).status).toBe('fail');
    expect(evaluateAuthCheck([], ['t']).status).toBe('warn');
    expect(evaluateIdempotencyCheck(3, 3, undefined).status).toBe('pass');
    expect(evaluateIdempotencyCheck(3, 5, undefined).details).toContain('counted twice');
    expect(evaluateIdempotencyCheck(3, undefined, 'no JSON').status).toBe('fail');
  });
});

describe('reports', () => {
  it('computes exit codes: 0, 1 on a failed check or undelivered event, 130/143 on signals', () => {
    expect(computeExitCode(result())).toBe(0);
    const failing = result();
    expect(computeExitCode({ ...failing, checks: [{ ...failing.checks[0]!, status: 'fail' }] })).toBe(1);
    expect(computeExitCode({ ...failing, summary: { ...failing.summary, notSent: 1 } })).toBe(1);
    expect(computeExitCode({ ...failing, interrupted: 'SIGINT' })).toBe(130);
    expect(computeExitCode({ ...failing, interrupted: 'SIGTERM' })).toBe(143);
  });

  it('writes well-formed JUnit with escaped names, one testcase per check', () => {
    const xml = toJUnitXml(result());
    expect(xml).toContain('<testsuite name="chat &lt;&amp;&gt; &quot;x&quot;" tests="4" failures="0" skipped="2"');
    expect(xml.match(/<testcase /g)).toHaveLength(4);
    expect(xml.match(/<skipped /g)).toHaveLength(2);
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>')).toBe(true);
  });

  it('computes nearest-rank latency percentiles', () => {
    expect(latencySummary([])).toBeNull();
    const xs = Array.from({ length: 100 }, (_, i) => 100 - i);
    expect(latencySummary(xs)).toEqual({ count: 100, p50: 50, p95: 95, max: 100 });
  });

  it('prints a summary with counts, codes, latency and every check', () => {
    const text = formatSummary(result());
    expect(text).toContain('deliveries planned 2: delivered 2, discarded 0, not sent 0');
    expect(text).toContain('200 ×2');
    expect(text).toContain('p50 1, p95 2, max 2');
    expect(text).toContain('PASS [chat <&> "x"] delivered');
  });
});

describe('progress', () => {
  const counters = { read: 1, planned: 1, sent: 1, delivered: 0, discarded: 0, notSent: 0, retries: 1, duplicates: 0, inFlight: 0 };
  const rec = { provider: 'enreach', eventType: 'UserStatus', entityKey: 'user:1', seq: 0, target: 'http://127.0.0.1:1/h', status: 500, error: null, attempt: 1, outcome: 'will-retry' } as unknown as AttemptRecord;

  /** Feeds `total` settled deliveries (1 s apart on a fake clock) and returns what was written. */
  function play(options: Parameters<typeof createProgress>[1], total: number, planTotal: number | null = total): string[] {
    const out: string[] = [];
    let t = 0;
    const p = createProgress({ write: (s: string) => out.push(s), isTTY: options?.tty ?? false }, { now: () => t, ...options });
    p.start?.(planTotal === null ? {} : { total: planTotal });
    const c = { ...counters, retries: 0, planned: total };
    for (let i = 0; i < total; i++) {
      t += 1000;
      c.delivered = i + 1;
      p.attempt({ ...rec, seq: i, status: 200, outcome: 'delivered', final: true, latencyMs: 2 }, c);
    }
    p.done(c);
    return out;
  }

  it('off a TTY writes one line per 10 % of the plan with done/total, rate and ETA, then the end', () => {
    const out = play({ tty: false }, 20);
    expect(out).toHaveLength(10);
    expect(out[0]).toBe('provider-mock: 10% · 2/20 · 1.0/s · ETA 18s · delivered 2 · failed 0\n');
    expect(out.at(-1)).toBe('provider-mock: done · 20/20 · 1.0/s · delivered 20 · failed 0\n');
    expect(out.every((l) => l.endsWith('\n') && !l.includes('\r') && !l.includes('\x1b'))).toBe(true);
  });

  it('off a TTY with verbose writes one line per delivery: seq, outcome, event, entity, target, answer, attempt', () => {
    const out = play({ tty: false, verbose: true }, 3);
    expect(out).toHaveLength(4);
    expect(out[0]).toBe('provider-mock: #0 delivered enreach UserStatus user:1 → http://127.0.0.1:1/h: 200 in 2 ms (attempt 1)\n');
  });

  it('on a TTY rewrites one live line with a bar, done/total, rate and ETA; colour only when asked', () => {
    const out = play({ tty: true, intervalMs: 100 }, 4);
    expect(out[0]).toBe('\r\x1b[2Kprovider-mock [█████░░░░░░░░░░░░░░░] 1/4 · 1.0/s · ETA 3.0s · delivered 1 · failed 0');
    expect(out.at(-1)?.endsWith('\n')).toBe(true);
    expect(out.join('')).not.toMatch(/\x1b\[3\dm/);
    expect(play({ tty: true, color: true }, 2).join('')).toMatch(/\x1b\[32m/);
  });

  it('without a known total counts what is done; quiet writes nothing', () => {
    expect(play({ tty: true }, 2, null)[0]).toContain('1 done · 1.0/s');
    expect(play({ tty: false, quiet: true }, 5)).toEqual([]);
  });
});

describe('signals', () => {
  it('aborts with the signal name so the run exits 130/143, and can be uninstalled', async () => {
    const emitter = new EventEmitter();
    const fake = emitter as unknown as NodeJS.Process;
    const c = new AbortController();
    const off = abortOnSignals(c, fake);
    emitter.emit('SIGTERM');
    expect(c.signal.reason).toBe('SIGTERM');
    expect(interruptionOf(c.signal.reason)).toBe('SIGTERM');
    expect(interruptionOf(new Error('x'))).toBe('abort');
    off();
    expect(emitter.listenerCount('SIGINT')).toBe(0);
  });
});
