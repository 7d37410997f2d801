import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ProviderMockError } from '../../contracts/errors.ts';
import { ConnectionPools, deliver, eventBody, formatSummary, sendAttempt } from '../../delivery/index.ts';
import type { TimelineEntry } from '../../scenarios/engine/timeline.ts';
import { journalLines, receiversClosedAfterEach, tempFile } from '../helpers/delivery.ts';
import type { Behaviour, RecordedRequest } from '../helpers/receiver.ts';

const TOKEN = 'tok-9d2c5e1f-secret';
const PASSWORD = 'pw-7q1z-secret';

function enreach(seq: number, scenario = 'queue-call'): TimelineEntry {
  return {
    seq, at: seq, provider: 'enreach', eventType: 'QueueCallInArrived', entityKey: `call:${seq}`,
    payload: { Id: `e-${seq}`, EventType: 'QueueCallInArrived', CallId: `c-${seq}` }, scenario, instance: 0, step: `s${seq}`,
  };
}
function mluvii(seq: number, scenario = 'chat'): TimelineEntry {
  return {
    seq, at: seq, provider: 'mluvii', eventType: 'SessionCreated', entityKey: `session:${seq}`,
    payload: { eventType: 'SessionCreated', data: { id: seq, tenantId: 62 } }, scenario, instance: seq, step: 'created',
  };
}

const FAST = { time: { kind: 'instant' as const }, retryScheduleMs: [5], timeoutMs: 500 };

const tmp = (name: string): string => tempFile(name, 'pm-checks-');

/**
 * A receiver that checks the token (and a `token`/`secret` query parameter when the URL has one) and
 * counts distinct events (by Id, or by body for mluvii) on GET /probe.
 */
function idempotentReceiver(opts: { dedup: boolean; checkQuery?: boolean }): (req: RecordedRequest) => Behaviour {
  const seen = new Set<string>();
  let all = 0;
  return (req) => {
    if (req.method === 'GET' && req.url === '/probe') return { status: 200, body: JSON.stringify({ count: opts.dedup ? seen.size : all }) };
    const enreachAuth = req.headers['x-benemen-token'];
    const basic = req.headers.authorization;
    const okAuth = enreachAuth === TOKEN || basic === `Basic ${Buffer.from(`op:${PASSWORD}`).toString('base64')}`;
    if (!okAuth) return { status: 401 };
    const query = new URLSearchParams(req.url.split('?')[1] ?? '');
    for (const name of ['token', 'secret']) {
      if (opts.checkQuery !== false && query.has(name) && query.get(name) !== `${TOKEN}-q`) return { status: 401 };
    }
    const id = (req.json as { Id?: string }).Id ?? req.body;
    seen.add(id);
    all++;
    return { status: 200 };
  };
}

const startReceiver = receiversClosedAfterEach();

describe('receiver checks and reports', () => {
  it('--check-auth passes when a wrong X-Benemen-Token gets 401, and the probe never counts as delivered', async () => {
    const receiver = await startReceiver({ behaviour: idempotentReceiver({ dedup: true }) });
    const result = await deliver([enreach(0), enreach(1)], { ...FAST, checkAuth: true, target: { url: receiver.url, secret: TOKEN } });
    expect(result.checks.find((c) => c.id === 'auth-rejected')).toMatchObject({ status: 'pass', scenario: undefined });
    expect(result.summary).toMatchObject({ planned: 2, delivered: 2, attempts: 2, authProbes: 1 });
    const probe = receiver.requests.at(-1);
    expect(probe?.headers['x-benemen-token']).not.toBe(TOKEN);
    expect(probe?.headers['x-benemen-token']).toBeTruthy();
  });

  it('--check-auth fails when the receiver accepts a wrong token', async () => {
    const receiver = await startReceiver();
    const result = await deliver([enreach(0)], { ...FAST, checkAuth: true, target: { url: receiver.url, secret: TOKEN } });
    const check = result.checks.find((c) => c.id === 'auth-rejected');
    expect(check?.status).toBe('fail');
    expect(check?.details).toContain('200');
    expect(check?.details).not.toContain(TOKEN);
    expect(result.exitCode).toBe(1);
  });

  it('--check-auth sends wrong Basic credentials for mluvii and expects 401/403', async () => {
    const receiver = await startReceiver({ behaviour: idempotentReceiver({ dedup: true }) });
    const url = `http://op:${PASSWORD}@127.0.0.1:${receiver.port}/hook`;
    const result = await deliver([mluvii(0)], { ...FAST, checkAuth: true, target: { url } });
    expect(result.checks.find((c) => c.id === 'auth-rejected')?.status).toBe('pass');
    const probe = receiver.requests.at(-1);
    expect(probe?.headers.authorization).toMatch(/^Basic /);
    expect(probe?.headers.authorization).not.toBe(`Basic ${Buffer.from(`op:${PASSWORD}`).toString('base64')}`);
  });

  it('--check-auth with nothing to get wrong is bad input (exit 2) before anything is sent', async () => {
    const receiver = await startReceiver();
    const run = deliver([enreach(0)], { ...FAST, checkAuth: true, target: { url: receiver.url } });
    await expect(run).rejects.toMatchObject({ code: 'PM_DELIVERY_CHECK_AUTH', exitCode: 2, where: '--target' });
    await expect(run).rejects.toThrow(/nothing to get wrong.*carries no credentials/);
    expect(receiver.requests).toHaveLength(0);
    const perProvider = deliver([enreach(0)], { ...FAST, checkAuth: true, targets: { enreach: { url: receiver.url } } });
    await expect(perProvider).rejects.toThrow(/--secret or PROVIDER_MOCK_SECRET \(sent as X-Benemen-Token/);
  });

  it('--check-auth sends one probe per credential and reports each: a receiver that ignores the query secret fails', async () => {
    const receiver = await startReceiver({ behaviour: idempotentReceiver({ dedup: true, checkQuery: false }) });
    const url = `http://op:${PASSWORD}@127.0.0.1:${receiver.port}/hook?secret=${TOKEN}-q&tenant=62`;
    const result = await deliver([mluvii(0)], { ...FAST, checkAuth: true, target: { url } });
    const check = result.checks.find((c) => c.id === 'auth-rejected');
    expect(check?.status).toBe('fail');
    expect(check?.details).toContain('(wrong query secret "secret") → 200');
    expect(check?.details).not.toContain('(wrong Basic password)');
    expect(result.summary.authProbes).toBe(2);
    const probes = receiver.requests.slice(-2);
    // The Basic probe keeps the query secret right; the query probe keeps Basic right.
    expect(probes[0]?.url).toBe(`/hook?secret=${TOKEN}-q&tenant=62`);
    expect(probes[0]?.headers.authorization).not.toBe(`Basic ${Buffer.from(`op:${PASSWORD}`).toString('base64')}`);
    expect(probes[1]?.url).toBe('/hook?secret=provider-mock-wrong-credential&tenant=62');
    expect(probes[1]?.headers.authorization).toBe(`Basic ${Buffer.from(`op:${PASSWORD}`).toString('base64')}`);
    expect(check?.details).not.toContain(TOKEN);
  });

  it('--check-auth probes a secret in an Enreach endpoint URL, with and without X-Benemen-Token', async () => {
    const receiver = await startReceiver({ behaviour: idempotentReceiver({ dedup: true }) });
    const both = await deliver([enreach(0)], { ...FAST, checkAuth: true, target: { url: `${receiver.url}?secret=${TOKEN}-q`, secret: TOKEN } });
    expect(both.checks.find((c) => c.id === 'auth-rejected')).toMatchObject({ status: 'pass' });
    expect(both.checks.find((c) => c.id === 'auth-rejected')?.details).toMatch(/wrong X-Benemen-Token\) → 401.*wrong query secret "secret"\) → 401/);
    expect(both.summary.authProbes).toBe(2);
  });

  it('--check-idempotency passes when the probe counts distinct events despite duplicates and retries', async () => {
    const behave = idempotentReceiver({ dedup: true });
    let n = 0;
    const receiver = await startReceiver({ behaviour: (req) => (req.method === 'POST' && n++ === 0 ? { status: 500 } : behave(req)) });
    const result = await deliver([enreach(0), enreach(1), enreach(2)], {
      ...FAST,
      faults: { duplicates: 1 },
      checkIdempotency: `${receiver.origin}/probe`,
      target: { url: receiver.url, secret: TOKEN },
    });
    expect(result.summary.duplicatesSent).toBe(3);
    expect(result.checks.find((c) => c.id === 'idempotency')).toMatchObject({ status: 'pass' });
  });

  it('--check-idempotency fails when the receiver counts every request', async () => {
    const receiver = await startReceiver({ behaviour: idempotentReceiver({ dedup: false }) });
    const result = await deliver([enreach(0), enreach(1)], { ...FAST, faults: { duplicates: 1 }, checkIdempotency: `${receiver.origin}/probe`, target: { url: receiver.url, secret: TOKEN } });
    const check = result.checks.find((c) => c.id === 'idempotency');
    expect(check?.status).toBe('fail');
    expect(check?.details).toContain('reports 4');
    expect(result.exitCode).toBe(1);
  });

  it('writes JUnit with one testcase per check per scenario, a JSON summary, and never a secret', async () => {
    const receiver = await startReceiver({ behaviour: idempotentReceiver({ dedup: true }) });
    const journal = tmp('run.ndjson');
    const report = tmp('junit.xml');
    const json = tmp('summary.json');
    const progress: string[] = [];
    const entries = [enreach(0, 'queue-call'), enreach(1, 'queue-call'), enreach(2, 'callback')];
    const result = await deliver(entries, {
      ...FAST,
      journal,
      report,
      json,
      checkAuth: true,
      target: { url: `${receiver.url}?token=${TOKEN}-q`, secret: TOKEN },
      progress: { write: (s: string) => progress.push(s), isTTY: false },
    });
    const xml = readFileSync(report, 'utf8');
    expect(xml.match(/<testsuite /g)).toHaveLength(3);
    // Per scenario: its 4 checks and one testcase per event.
    expect(xml).toContain('<testsuite name="queue-call" tests="6"');
    expect(xml).toContain('<testsuite name="callback" tests="5"');
    expect(xml).toContain('<testsuite name="provider-mock run" tests="1"');
    expect(xml).toContain('name="delivered: every event eventually delivered"');
    const summary = JSON.parse(readFileSync(json, 'utf8')) as { exitCode: number; summary: { planned: number; delivered: number } };
    expect(summary).toMatchObject({ exitCode: 0, summary: { planned: 3, delivered: 3 } });
    for (const text of [xml, readFileSync(json, 'utf8'), readFileSync(journal, 'utf8'), progress.join(''), formatSummary(result), JSON.stringify(result)]) {
      expect(text).not.toContain(TOKEN);
    }
    expect(readFileSync(journal, 'utf8')).toContain('token=***');
  });

  it('never writes Basic credentials or a query secret in the journal, the summary or errors', async () => {
    const receiver = await startReceiver({ behaviour: { status: 500 } });
    const journal = tmp('run.ndjson');
    const json = tmp('summary.json');
    const url = `http://op:${PASSWORD}@127.0.0.1:${receiver.port}/hook?secret=${TOKEN}`;
    const result = await deliver([mluvii(0)], { ...FAST, journal, json, target: { url } });
    const b64 = Buffer.from(`op:${PASSWORD}`).toString('base64');
    for (const text of [readFileSync(journal, 'utf8'), readFileSync(json, 'utf8'), formatSummary(result)]) {
      expect(text).not.toContain(PASSWORD);
      expect(text).not.toContain(TOKEN);
      expect(text).not.toContain(b64);
    }
  });

  it('exit codes: 0 when every check passes, 1 when an event ends undelivered, 2 (thrown) for bad input', async () => {
    const receiver = await startReceiver();
    expect((await deliver([enreach(0)], { ...FAST, target: { url: receiver.url } })).exitCode).toBe(0);
    receiver.behave({ status: 500 });
    expect((await deliver([enreach(0)], { ...FAST, retries: 0, target: { url: receiver.url } })).exitCode).toBe(1);
    const bad = deliver([enreach(0)], { ...FAST, target: { url: 'ftp://127.0.0.1/x' } });
    await expect(bad).rejects.toMatchObject({ code: 'PM_DELIVERY_TARGET_SCHEME', exitCode: 2 });
    await expect(deliver([enreach(0)], { ...FAST })).rejects.toBeInstanceOf(ProviderMockError);
  });

  it('refuses journal and report paths it cannot write, before sending anything', async () => {
    const receiver = await startReceiver();
    const missing = join(tmpdir(), 'pm-does-not-exist', 'x', 'run.ndjson');
    await expect(deliver([enreach(0)], { ...FAST, journal: missing, target: { url: receiver.url } })).rejects.toMatchObject({ code: 'PM_DELIVERY_OUTPUT_PATH', where: '--journal', exitCode: 2 });
    await expect(deliver([enreach(0)], { ...FAST, report: missing, target: { url: receiver.url } })).rejects.toMatchObject({ code: 'PM_DELIVERY_OUTPUT_PATH', where: '--report' });
    expect(receiver.requests).toHaveLength(0);
  });

  it('a timeline entry for a provider without a target is bad input: the journal still accounts for every entry and ends with exit code 2', async () => {
    const receiver = await startReceiver();
    const journal = tmp('run.ndjson');
    const run = deliver([enreach(0), mluvii(1), enreach(2), enreach(3)], { ...FAST, journal, targets: { enreach: { url: receiver.url } } });
    await expect(run).rejects.toMatchObject({ code: 'PM_DELIVERY_NO_TARGET', exitCode: 2 });
    const lines = journalLines(journal);
    const last = lines.at(-1) as { type: string; exitCode: number; error: string; summary: { events: number; planned: number; delivered: number; discarded: number; notSent: number } };
    expect(last).toMatchObject({ type: 'summary', exitCode: 2 });
    expect(last.error).toContain('PM_DELIVERY_NO_TARGET');
    expect(last.summary).toMatchObject({ events: 4, planned: 4 });
    expect(last.summary.delivered + last.summary.discarded + last.summary.notSent).toBe(4);
    const finals = lines.filter((l) => l.type === 'attempt' && l.final === true);
    expect(finals.map((l) => l.seq).sort()).toEqual([0, 1, 2, 3]);
    // The bad entry and everything after it: not sent, and the reason names the error.
    for (const l of finals.filter((f) => (f.seq as number) >= 1)) {
      expect(l.outcome).toBe('not-sent');
      expect(String(l.reason)).toContain('PM_DELIVERY_NO_TARGET');
    }
  });

  it('--check-idempotency fails with the probe URL and the expected form when the probe answers wrongly', async () => {
    const clock = { now: () => performance.now(), date: () => new Date(), sleep: async () => {} };
    const answers: [Behaviour, string][] = [
      [{ status: 404 }, 'answered 404'],
      [{ status: 200, body: 'twelve' }, 'did not answer JSON'],
      [{ status: 200, body: '{"total":1}' }, 'without an integer "count"'],
    ];
    for (const [answer, problem] of answers) {
      const receiver = await startReceiver({ behaviour: (req) => (req.method === 'GET' ? answer : { status: 200 }) });
      const result = await deliver([enreach(0)], { ...FAST, clock, checkIdempotency: `${receiver.origin}/probe?token=${TOKEN}`, target: { url: receiver.url } });
      const check = result.checks.find((c) => c.id === 'idempotency');
      expect(check?.status).toBe('fail');
      expect(check?.details).toContain(problem);
      expect(check?.details).toContain(`${receiver.origin}/probe?token=***`);
      expect(check?.details).toContain('{"count": <n>}');
      expect(check?.details).not.toContain(TOKEN);
      expect(result.exitCode).toBe(1);
    }
  });

  it('fans one event out to every target a resolver returns, each with its own outcome', async () => {
    const receiver = await startReceiver();
    const other = await startReceiver({ behaviour: { status: 500 } });
    const result = await deliver([enreach(0), enreach(1)], {
      ...FAST,
      retries: 0,
      resolveTargets: () => [{ url: receiver.url }, { url: other.url }, { url: 'ftp://nowhere/x' }],
    });
    expect(result.summary).toMatchObject({ events: 2, planned: 6, delivered: 2, discarded: 4 });
    expect(receiver.requests).toHaveLength(2);
    expect(other.requests).toHaveLength(2);
  });
});

describe('journal and listeners', () => {
  it('writes journal lines that carry exactly the records given to onAttempt, to an injected stream too', async () => {
    const { PassThrough } = await import('node:stream');
    const receiver = await startReceiver({ behaviour: [{ status: 500 }, { status: 200 }] });
    const stream = new PassThrough();
    const chunks: Buffer[] = [];
    stream.on('data', (c: Buffer) => chunks.push(c));
    const records: unknown[] = [];
    await deliver([enreach(0), mluvii(1)], { ...FAST, journal: stream, target: { url: receiver.url }, onAttempt: (a) => records.push(a) });
    const text = Buffer.concat(chunks).toString('utf8').trim().split('\n');
    const lines = text.map((l) => JSON.parse(l) as { type: string });
    expect(lines.filter((l) => l.type === 'attempt')).toEqual(records);
    // Byte for byte, key order included: a record reads like its journal line.
    expect(text.filter((l) => l.startsWith('{"type":"attempt"'))).toEqual(records.map((r) => JSON.stringify(r)));
    expect(stream.writableEnded).toBe(false);
  });

  it('ignores a listener that throws: every delivery is still journaled and counted', async () => {
    const receiver = await startReceiver();
    const journal = tmp('run.ndjson');
    const result = await deliver([enreach(0), enreach(1)], {
      ...FAST,
      journal,
      target: { url: receiver.url },
      onAttempt: () => {
        throw new Error('listener bug');
      },
    });
    expect(result.summary.delivered).toBe(2);
    // run, 2 × (event, attempt), summary
    expect(readFileSync(journal, 'utf8').trim().split('\n')).toHaveLength(6);
  });
});

describe('what a run records for reports and replays', () => {
  it('journals each event with the exact body sent, before its attempts, and sends a given body byte for byte', async () => {
    const receiver = await startReceiver();
    const journal = tmp('bodies.ndjson');
    const body = '{"EventType":"QueueCallInArrived",  "Id":"e-7","CallId":"c-7"}';
    await deliver([enreach(0), { ...enreach(7), body }], { ...FAST, journal, target: { url: receiver.url } });
    const lines = journalLines(journal);
    const events = lines.filter((l) => l['type'] === 'event');
    // What we serialized is embedded as JSON (its bytes are JSON.stringify of it); a body given as text stays text.
    expect(events.map((e) => [e['seq'], e['payload'], e['body']])).toEqual([
      [0, enreach(0).payload, undefined],
      [7, undefined, body],
    ]);
    expect(events.map((e) => eventBody(e))).toEqual([JSON.stringify(enreach(0).payload), body]);
    expect(receiver.requests.find((r) => (r.json as { Id: string }).Id === 'e-0')?.body).toBe(JSON.stringify(enreach(0).payload));
    expect(events[0]).toMatchObject({ eventType: 'QueueCallInArrived', entityKey: 'call:0', eventId: 'e-0', scenario: 'queue-call', step: 's0', at: 0 });
    // The event line comes before the first attempt of its seq.
    const firstAttempt = lines.findIndex((l) => l['type'] === 'attempt' && l['seq'] === 7);
    expect(lines.findIndex((l) => l['type'] === 'event' && l['seq'] === 7)).toBeLessThan(firstAttempt);
    expect(receiver.requests.map((r) => r.body)).toContain(body);
  });

  it('measures latency from the write to the response headers, apart from the wait for a connection', async () => {
    // One connection, two requests at once: the second waits for the first's answer (300 ms) before it is written.
    const receiver = await startReceiver({ behaviour: { status: 200, delayMs: 300 } });
    const pools = new ConnectionPools({ connections: 1 });
    const req = { origin: receiver.origin, path: '/webhook', insecure: false, method: 'POST', headers: { 'content-type': 'application/json' }, body: Buffer.from('{}'), timeoutMs: 20_000, maxResponseBytes: 1024 };
    try {
      const [first, second] = await Promise.all([sendAttempt(pools, req), sendAttempt(pools, req)]);
      expect([first.status, second.status]).toEqual([200, 200]);
      // Each latency is the receiver's own time (its 300 ms) ...
      expect(first.latencyMs).toBeGreaterThanOrEqual(290);
      expect(second.latencyMs).toBeGreaterThanOrEqual(290);
      // ... and the second one's wait for the connection is counted apart, as queueing.
      expect(second.queuedMs).toBeGreaterThanOrEqual(250);
    } finally {
      await pools.close();
    }
  });

  it('keeps the answer body for listeners when asked (the inspector), and per-delivery results for JUnit', async () => {
    const receiver = await startReceiver({ behaviour: { status: 500, body: 'queue table locked' } });
    const records: { response?: string }[] = [];
    const report = tmp('junit.xml');
    const result = await deliver([enreach(0)], { ...FAST, retries: 1, keepResponseText: 8, report, target: { url: receiver.url }, onAttempt: (a) => records.push(a) });
    expect(records.map((r) => r.response)).toEqual(['queue ta', 'queue ta']);
    expect(result.deliveries).toEqual([
      expect.objectContaining({ seq: 0, eventType: 'QueueCallInArrived', entityKey: 'call:0', outcome: 'discarded', attempts: 2, status: 500, error: null }),
    ]);
    expect(result.deliveries?.[0]?.durationMs).toBeGreaterThan(0);
    expect(readFileSync(report, 'utf8')).toContain('<failure message="QueueCallInArrived call:0: discarded after 2 attempt(s), last answer 500" type="discarded">');
  });

  it('with failFast stops at the first discarded delivery and accounts for the rest as not sent', async () => {
    const receiver = await startReceiver({ behaviour: { status: 500 } });
    const entries = Array.from({ length: 20 }, (_, i) => enreach(i));
    const result = await deliver(entries, { ...FAST, retries: 0, concurrency: 1, failFast: true, target: { url: receiver.url } });
    expect(result.stopped).toMatch(/^--fail-fast: #0 QueueCallInArrived call:0 was discarded after 1 attempt\(s\) \(last: status 500\)$/);
    expect(result.exitCode).toBe(1);
    expect(result.interrupted).toBeNull();
    expect(result.summary.planned).toBe(20);
    expect(result.summary.discarded + result.summary.notSent).toBe(20);
    expect(result.summary.notSent).toBeGreaterThan(0);
  });
});
