import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validate } from '../../contracts/index.ts';
import { buildApp } from '../../mock-server/app.ts';
import { markOutcome, type AttemptView } from '../../mock-server/run-manager.ts';
import { readScenario } from '../../scenarios/files.ts';
import { plan } from '../../scenarios/index.ts';

/** The control API through inject(): no port is opened and, here, nothing is delivered. */

async function token(app: FastifyInstance): Promise<string> {
  const r = await app.inject({
    method: 'POST',
    url: '/login/connect/token',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    payload: 'grant_type=client_credentials&client_id=provider-mock&client_secret=provider-mock-secret',
  });
  return r.json<{ access_token: string }>().access_token;
}

/** A mluvii webhook for an event type the given scenarios never emit: runs go through, nothing is sent. */
async function registerUnrelated(app: FastifyInstance): Promise<void> {
  const r = await app.inject({
    method: 'POST',
    url: '/api/v1/Webhooks',
    headers: { authorization: `Bearer ${await token(app)}` },
    payload: { eventTypes: ['EmailThreadParamsUpdated'], callbackUrl: 'http://127.0.0.1:9/never' },
  });
  expect(r.statusCode).toBe(201);
}

async function waitEnded(app: FastifyInstance, id: string): Promise<{ run: { status: string; counts: Record<string, number> }; events: { outcome: string }[] }> {
  for (let i = 0; i < 200; i++) {
    const r = (await app.inject({ url: `/runs/${id}` })).json<{ run: { status: string; counts: Record<string, number> }; events: { outcome: string }[] }>();
    if (!['queued', 'running'].includes(r.run.status)) return r;
    await new Promise((res) => setTimeout(res, 10));
  }
  throw new Error('run did not end within 200 polls');
}

describe('POST /runs: bad requests are 400 with the reason, never 500', () => {
  let app: FastifyInstance;
  beforeAll(async () => {
    app = await buildApp();
  });
  afterAll(() => app.close());

  const post = (payload: unknown) => app.inject({ method: 'POST', url: '/runs', payload: payload as object });

  it('names an unknown property, with did-you-mean and the valid ones', async () => {
    const r = await post({ scenario: 'chat-session', sed: 4 });
    expect(r.statusCode).toBe(400);
    expect(r.json().message).toMatch(/body has an unknown property "sed"; did you mean "seed"( or [^;]+)?\?; valid: scenario, yaml, seed/);
  });

  it('answers an unknown built-in with did-you-mean', async () => {
    const r = await post({ scenario: 'chat-sesion' });
    expect(r.statusCode).toBe(400);
    expect(r.json()).toMatchObject({ error: 'PM_SCENARIO_UNKNOWN_SCENARIO' });
    expect(r.json().message).toMatch(/did you mean "chat-session"/);
  });

  it('points into an inline scenario by line and column', async () => {
    const yaml = 'provider: mluvii\nname: mine\ndescription: d\nsteps:\n  - name: a\n    event: SessionCreatd\n';
    const r = await post({ yaml });
    expect(r.statusCode).toBe(400);
    expect(r.json()).toMatchObject({ error: 'PM_SCENARIO_UNKNOWN_EVENT', where: 'inline.yaml:6:12' });
    expect(r.json().message).toMatch(/did you mean "SessionCreated"/);
  });

  it('lets an inline scenario include built-ins but no file', async () => {
    const withFile = 'provider: mluvii\nname: mine\ndescription: d\nsteps:\n  - include: { scenario: ../../etc/passwd.yaml }\n';
    const r = await post({ yaml: withFile });
    expect(r.statusCode).toBe(400);
    expect(r.json().message).toMatch(/cannot include the file .*built-ins only/);
    await registerUnrelated(app);
    const withBuiltin = 'provider: mluvii\nname: mine\ndescription: d\nsteps:\n  - include: { scenario: chat-session }\n';
    const ok = await post({ yaml: withBuiltin, time: 'instant' });
    expect(ok.statusCode).toBe(202);
    await waitEnded(app, ok.json().id);
  });

  it('refuses an override that breaks the schema, naming the step and field', async () => {
    const r = await post({ scenario: 'chat-session', set: ['joined.data.userId=not-a-number'] });
    expect(r.statusCode).toBe(400);
    expect(r.json().error).toMatch(/PM_SCENARIO_BAD_OVERRIDE|PM_BAD_OVERRIDE/);
  });

  it('names a bad set or skip entry by its place in the body, not as a CLI flag', async () => {
    for (const [payload, where, message] of [
      [{ scenario: 'chat-session', set: ['joined.data.userId=7', 'joined.data.userId=abc'] }, 'body.set[1]', /step "joined" \(SessionOperatorJoined\): set data\.userId: must be integer/],
      [{ scenario: 'chat-session', set: ['joined'] }, 'body.set[0]', /expected step\.path=value \(e\.g\. "set": \["joined\.data\.userId=42"\]\)/],
      [{ scenario: 'chat-session', set: ['nope.x=1'] }, 'body.set[0]', /unknown step in set "nope"; valid values: created, started/],
      [{ scenario: 'chat-session', skip: ['joined', 'nope'] }, 'body.skip[1]', /unknown step in skip "nope"; valid values: created, started/],
      [{ scenario: ['chat-session', 'queue-call-answered'], skip: ['nope'] }, 'body.skip[0]', /unknown step in skip "nope"/],
    ] as const) {
      const r = await post(payload);
      expect(r.statusCode, where).toBe(400);
      expect(r.json(), where).toMatchObject({ where });
      expect(r.json().message, where).toMatch(message);
      expect(r.json().message, where).not.toContain('--');
    }
  });

  it('checks timing, faults and delivery options', async () => {
    expect((await post({ scenario: 'chat-session', time: 'fast' })).json().message).toMatch(/body\.time must be "instant" or "realtime"/);
    expect((await post({ scenario: 'chat-session', faults: { duplicates: 2 } })).json().message).toMatch(/body\.faults\.duplicates must be <= 1/);
    expect((await post({ scenario: 'chat-session', faults: { delay: 'soon' } })).statusCode).toBe(400);
    expect((await post({ scenario: 'chat-session', retrySchedule: 'x' })).statusCode).toBe(400);
    expect((await post({ scenario: 'chat-session', start: 'yesterday' })).json().message).toMatch(/"yesterday" is not an instant: give an ISO-8601 date-time, ms since the epoch or "now"/);
    expect((await post({})).json().message).toMatch(/give "scenario".*or "yaml"/);
  });

  it('range-checks every duration and speed, naming the limit (400 before the run is accepted)', async () => {
    for (const [payload, message] of [
      [{ time: { speed: 1e-9 } }, /body\.time\.speed must be >= 0\.001/],
      [{ time: { speed: 1e9 } }, /body\.time\.speed must be <= 1000000/],
      [{ retrySchedule: '1s,600h' }, /retry wait 2 600h is above the limit 24h/],
      [{ timeout: 2 ** 31 }, /body\.timeout must be <= 3600000/],
      [{ timeout: '30h' }, /the duration 30h is above the limit 1h/],
      [{ faults: { delay: '0..2h' } }, /the delay 2h is above the limit 1h/],
    ] as const) {
      const r = await post({ scenario: 'chat-session', ...payload });
      expect(r.statusCode, JSON.stringify(payload)).toBe(400);
      expect(r.json().message, JSON.stringify(payload)).toMatch(message);
    }
    const doc = { Webhook: { Endpoint: 'http://127.0.0.1:9/e', TimeoutSeconds: 100_000 }, Subscriptions: [{ EventType: 'UserStatus', AllEntities: true }] };
    const enreach = await app.inject({ method: 'POST', url: '/enreach/webhooks', payload: doc });
    expect(enreach.statusCode).toBe(400);
    expect(enreach.json()).toMatchObject({ where: 'body: $.Webhook.TimeoutSeconds' });
    expect(enreach.json().message).toMatch(/TimeoutSeconds .* is above the limit 1h/);
  });

  it('names the accepted forms of a field that takes several, or the rule of the form the value picked', async () => {
    for (const [payload, message] of [
      [{ time: 5 }, 'body.time must be "instant" or "realtime" or {"speed": number}'],
      [{ time: {} }, "body.time must have required property 'speed'"],
      [{ scenario: [] }, 'body.scenario must NOT have fewer than 1 items'],
      [{ timeout: [] }, 'body.timeout must be string or integer'],
    ] as const) {
      const r = await post({ scenario: 'chat-session', ...payload });
      expect(r.statusCode, message).toBe(400);
      expect(r.json().message).toBe(message);
    }
  });

  it('names the field and the valid form of a bad delay, retry schedule, timeout or start', async () => {
    for (const [payload, where, form] of [
      [{ faults: { delay: 'soon' } }, 'body.faults.delay', /e\.g\. 0\.\.200ms/],
      [{ retrySchedule: 'x' }, 'body.retrySchedule', /1s,5s,30s/],
      [{ timeout: 'forever' }, 'body.timeout', /250ms, 5s/],
      [{ start: 'yesterday' }, 'body.start', /ISO-8601 date-time, ms since the epoch or "now"/],
      [{ seed: ' ' }, 'body.seed', /the seed is empty.*a whole number \(7\) or any text/],
    ] as const) {
      const r = await post({ scenario: 'chat-session', ...payload });
      expect(r.statusCode, where).toBe(400);
      expect(r.json(), where).toMatchObject({ statusCode: 400, where });
      expect(r.json().message, where).toMatch(form);
    }
  });

  it('refuses a target the provider would not call (Enreach: no userinfo, docs/providers.md E1)', async () => {
    const r = await post({ scenario: 'queue-call-answered', target: { url: 'http://user:pw@127.0.0.1:9/x' } });
    expect(r.statusCode).toBe(400);
    expect(r.json().error).toBe('PM_DELIVERY_TARGET_USERINFO');
    expect(r.body).not.toContain(':pw@');
  });

  it('answers malformed JSON and oversized bodies with 400 and 413', async () => {
    const bad = await app.inject({ method: 'POST', url: '/runs', headers: { 'content-type': 'application/json' }, payload: '{"scenario":' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toMatch(/JSON/);
    const big = await app.inject({ method: 'POST', url: '/runs', headers: { 'content-type': 'application/json' }, payload: JSON.stringify({ yaml: 'x'.repeat(600 * 1024) }) });
    expect(big.statusCode).toBe(413);
  });
});

describe('POST /runs without a target', () => {
  let app: FastifyInstance;
  beforeAll(async () => {
    app = await buildApp({ runs: { maxRuns: 3 } });
  });
  afterAll(() => app.close());

  it('is 409 while nothing is registered, listing what is', async () => {
    const r = await app.inject({ method: 'POST', url: '/runs', payload: { scenario: 'queue-call-answered' } });
    expect(r.statusCode).toBe(409);
    expect(r.json()).toMatchObject({ error: 'PM_NO_REGISTRATION' });
    expect(r.json().hint).toMatch(/Registered now: mluvii webhooks: none; Enreach endpoints: none/);
  });

  it('runs when something is registered; events no registration selects are "unsubscribed"', async () => {
    await registerUnrelated(app);
    const r = await app.inject({ method: 'POST', url: '/runs', payload: { scenario: 'chat-session', seed: 3, time: 'instant' } });
    expect(r.statusCode).toBe(202);
    expect(r.headers.location).toBe(`/runs/${r.json().id}`);
    const { run, events } = await waitEnded(app, r.json().id);
    const planned = [...plan(readScenario('chat-session'), { seed: 3 })].length;
    expect(run.status).toBe('done');
    expect(run.counts).toMatchObject({ events: planned, planned: 0, delivered: 0, unsubscribed: planned });
    expect(events.every((e) => e.outcome === 'unsubscribed')).toBe(true);
  });

  it('replays a finished run over SSE and ends the stream', async () => {
    const list = (await app.inject({ url: '/runs' })).json<{ runs: { id: string }[] }>();
    const id = list.runs[0]!.id;
    const r = await app.inject({ url: `/runs/${id}/events` });
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toBe('text/event-stream; charset=utf-8');
    const types = [...r.body.matchAll(/^event: (\w+)$/gm)].map((m) => m[1]);
    expect(types[0]).toBe('run');
    expect(types.at(-1)).toBe('end');
    expect(types.filter((t) => t === 'event').length).toBeGreaterThan(0);
  });

  it('keeps a bounded history, newest first', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) {
      const r = await app.inject({ method: 'POST', url: '/runs', payload: { scenario: 'chat-session', seed: i, time: 'instant' } });
      ids.push(r.json().id);
      await waitEnded(app, r.json().id);
    }
    const runs = ((await app.inject({ url: '/runs' })).json<{ runs: { id: string }[] }>()).runs.map((r) => r.id);
    expect(runs).toEqual(ids.slice(-3).reverse());
    expect((await app.inject({ url: `/runs/${ids[0]}` })).statusCode).toBe(404);
  });

  it('queues runs beyond the active limit, and cancels a queued one at once', async () => {
    const local = await buildApp({ runs: { maxActive: 1, maxQueued: 1 } });
    try {
      await registerUnrelated(local);
      const start = () => local.inject({ method: 'POST', url: '/runs', payload: { scenario: 'operator-shift', time: 'realtime' } });
      const first = await start();
      const second = await start();
      expect(first.json().status).toBe('running');
      expect(second.json().status).toBe('queued');
      const third = await start();
      expect(third.statusCode).toBe(429);
      expect(third.json().error).toBe('PM_TOO_MANY_RUNS');
      const cancelled = await local.inject({ method: 'POST', url: `/runs/${second.json().id}/cancel` });
      expect(cancelled.json().status).toBe('cancelled');
    } finally {
      // Closing cancels the running one and waits for it.
      await local.close();
    }
  });

  it('answers unknown runs and deliveries with 404', async () => {
    expect((await app.inject({ url: '/runs/nope' })).statusCode).toBe(404);
    expect((await app.inject({ method: 'POST', url: '/runs/nope/cancel' })).statusCode).toBe(404);
    expect((await app.inject({ url: '/runs/nope/deliveries/0' })).statusCode).toBe(404);
    expect((await app.inject({ url: '/runs/nope/deliveries/-1' })).statusCode).toBe(400);
  });
});

describe('queries and bodies a control route does not take are refused, not ignored', () => {
  let app: FastifyInstance;
  beforeAll(async () => {
    app = await buildApp();
  });
  afterAll(() => app.close());

  it('names the unknown query parameter and the valid ones', async () => {
    for (const [method, url, message] of [
      ['GET', '/runs?limit=5', 'querystring has an unknown property "limit"; valid: access_token'],
      ['GET', '/runs/x?verbose=1', 'querystring has an unknown property "verbose"; valid: access_token'],
      ['GET', '/runs/x/deliveries/0?full=1', 'querystring has an unknown property "full"; valid: access_token'],
      ['GET', '/runs/x/events?since=3', 'querystring has an unknown property "since"; valid: access_token'],
      ['GET', '/catalog?providr=mluvii', 'querystring has an unknown property "providr"; did you mean "provider"?; valid: provider, access_token'],
      ['GET', '/catalog/mluvii/SessionCreated?sed=1', 'querystring has an unknown property "sed"; did you mean "seed"?; valid: seed, access_token'],
      ['GET', '/enreach/webhooks?EntityId=x', 'querystring has an unknown property "EntityId"; valid: access_token'],
      // A natural slip: the run's options in the query instead of the body.
      ['POST', '/runs?seed=3', 'querystring has an unknown property "seed"; it takes none'],
      ['POST', '/runs/x/cancel?force=1', 'querystring has an unknown property "force"; it takes none'],
      ['POST', '/emit/mluvii/SessionCreated?seed=1', 'querystring has an unknown property "seed"; it takes none'],
      ['DELETE', '/enreach/webhooks?Endpoint=x', 'querystring has an unknown property "Endpoint"; it takes none'],
    ] as const) {
      const r = await app.inject({ method, url, ...(method === 'POST' && url.startsWith('/runs?') ? { payload: { scenario: 'chat-session' } } : {}) });
      expect(r.statusCode, url).toBe(400);
      expect(r.json().message, url).toBe(message);
    }
  });

  it('refuses a body on cancel and on DELETE /enreach/webhooks, and takes none or {}', async () => {
    const cancel = await app.inject({ method: 'POST', url: '/runs/x/cancel', payload: { reason: 'done' } });
    expect(cancel.statusCode).toBe(400);
    expect(cancel.json().message).toBe('body has an unknown property "reason"; it takes none');
    const del = await app.inject({ method: 'DELETE', url: '/enreach/webhooks', payload: { Endpoint: 'https://x.example/' } });
    expect(del.statusCode).toBe(400);
    expect(del.json().message).toBe('body has an unknown property "Endpoint"; it takes none');
    expect((await app.inject({ method: 'POST', url: '/runs/x/cancel' })).statusCode).toBe(404);
    expect((await app.inject({ method: 'POST', url: '/runs/x/cancel', payload: {} })).statusCode).toBe(404);
    expect((await app.inject({ method: 'DELETE', url: '/enreach/webhooks' })).statusCode).toBe(204);
  });
});

describe('cancelling a run with a huge plan', () => {
  it('reads a bounded number of further events, says the rest was left unread, and stays responsive', async () => {
    // 100000 sessions an hour apart: without the bound, the cancel would drain (and journal) all of them first.
    const app = await buildApp({ runs: { maxDrainAfterCancel: 50 } });
    try {
      await registerUnrelated(app);
      const yaml = 'provider: mluvii\nname: huge\ndescription: d\nsessions: 100000\narrivals: { every: 1h }\nsteps:\n  - name: a\n    event: SessionCreated\n';
      const r = await app.inject({ method: 'POST', url: '/runs', payload: { yaml, time: 'realtime' } });
      expect(r.statusCode, r.body).toBe(202);
      const id = r.json<{ id: string }>().id;
      let before = 0;
      for (let i = 0; i < 200 && before === 0; i++) {
        before = ((await app.inject({ url: `/runs/${id}` })).json<{ run: { counts: { events: number } } }>()).run.counts.events;
        if (before === 0) await new Promise((res) => setTimeout(res, 10));
      }
      expect(before).toBeGreaterThan(0);
      expect((await app.inject({ method: 'POST', url: `/runs/${id}/cancel` })).statusCode).toBe(200);
      const { run } = (await waitEnded(app, id)) as { run: { status: string; counts: Record<string, number>; warnings?: string[] } };
      expect(run.status).toBe('cancelled');
      expect(run.counts['events']).toBeLessThanOrEqual(before + 50);
      expect(run.warnings).toEqual(expect.arrayContaining([expect.stringMatching(/^cancelled: the plan was left unread from event \d+ on \(50 entries read after the cancel, --max-drain 50\); those events were neither sent nor counted$/)]));
      expect((await app.inject({ url: '/health' })).statusCode).toBe(200);
      const view = (await app.inject({ url: `/runs/${id}` })).json<{ run: { drain?: { read: number; limit: number; unreadFrom: number | null } } }>();
      expect(view.run.drain).toMatchObject({ limit: 50 });
      expect(view.run.drain?.read).toBeLessThanOrEqual(50);
      expect(view.run.drain?.unreadFrom).toEqual(expect.any(Number));
    } finally {
      await app.close();
    }
  });
});

describe('queued and cancelled runs keep a record', () => {
  /** Polls until the run has ended (its journal is flushed once endedAt is set). */
  async function ended(app: FastifyInstance, id: string): Promise<{ status: string; endedAt?: string; journal?: string; counts: Record<string, number> }> {
    for (let i = 0; i < 500; i++) {
      const run = ((await app.inject({ url: `/runs/${id}` })).json<{ run: { status: string; endedAt?: string; journal?: string; counts: Record<string, number> } }>()).run;
      if (run.endedAt) return run;
      await new Promise((res) => setTimeout(res, 10));
    }
    throw new Error('run did not end within 500 polls');
  }

  /** Every planned delivery has one final line, all of them not sent, and the summary says so. */
  function expectAllNotSent(file: string): { planned: number } {
    const lines = readFileSync(file, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines[0]?.type).toBe('run');
    const summary = lines.at(-1) as { type: string; summary: { planned: number; notSent: number; attempts: number } };
    expect(summary.type).toBe('summary');
    const finals = lines.filter((l) => l.type === 'attempt' && l.final === true);
    expect(finals).toHaveLength(summary.summary.planned);
    expect(finals.every((l) => l.outcome === 'not-sent')).toBe(true);
    expect(summary.summary).toMatchObject({ notSent: summary.summary.planned, attempts: 0 });
    return summary.summary;
  }

  it('journals every planned delivery of a queued run cancelled before it started, and of queued runs at shutdown', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'pm-queued-'));
    const app = await buildApp({ runs: { maxActive: 1, maxQueued: 5, dataDir } });
    let closed = false;
    try {
      // Nothing listens on port 9: the running run keeps retrying, the others wait behind it.
      const start = async (): Promise<string> => {
        const r = await app.inject({ method: 'POST', url: '/runs', payload: { scenario: 'chat-session', time: 'realtime', target: { url: 'http://127.0.0.1:9/hook' } } });
        expect(r.statusCode, r.body).toBe(202);
        return r.json<{ id: string }>().id;
      };
      const running = await start();
      const queued = [await start(), await start(), await start()];
      const cancel = await app.inject({ method: 'POST', url: `/runs/${queued[0]}/cancel` });
      expect(cancel.json().status).toBe('cancelled');
      const first = await ended(app, queued[0] ?? '');
      expect(first.counts['planned']).toBeGreaterThan(0);
      expect(first.counts['notSent']).toBe(first.counts['planned']);
      expect(expectAllNotSent(join(dataDir, first.journal ?? '')).planned).toBe(first.counts['planned']);
      // Shutdown cancels the running run and the two still queued: each leaves a complete journal.
      await app.close();
      closed = true;
      for (const id of [running, ...queued]) {
        const lines = readFileSync(join(dataDir, `${id}.ndjson`), 'utf8').trim().split('\n');
        const summary = JSON.parse(lines.at(-1) ?? '{}') as { type: string; summary: { planned: number; delivered: number; discarded: number; notSent: number } };
        expect(summary.type, id).toBe('summary');
        expect(summary.summary.planned, id).toBeGreaterThan(0);
        expect(summary.summary.delivered + summary.summary.discarded + summary.summary.notSent, id).toBe(summary.summary.planned);
      }
      for (const id of queued.slice(1)) expectAllNotSent(join(dataDir, `${id}.ndjson`));
    } finally {
      if (!closed) await app.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

describe('POST /emit and the catalog', () => {
  let app: FastifyInstance;
  beforeAll(async () => {
    app = await buildApp();
  });
  afterAll(() => app.close());

  it('lists every event type and built-in scenario', async () => {
    const r = await app.inject({ url: '/catalog' });
    const body = r.json<{ events: { provider: string }[]; scenarios: { name: string }[] }>();
    expect(body.events.filter((e) => e.provider === 'mluvii').length).toBeGreaterThan(40);
    expect(body.scenarios.map((s) => s.name)).toEqual(expect.arrayContaining(['chat-session', 'queue-call-answered']));
    const enreach = (await app.inject({ url: '/catalog?provider=enreach' })).json<{ events: { provider: string }[] }>();
    expect(new Set(enreach.events.map((e) => e.provider))).toEqual(new Set(['enreach']));
  });

  it('gives one event type its schema and a schema-valid example (same seed, same example)', async () => {
    const r = await app.inject({ url: '/catalog/enreach/UserStatus?seed=7' });
    expect(r.statusCode).toBe(200);
    const body = r.json<{ schema: { $id: string }; resolvedSchema: object; example: unknown }>();
    expect(body.schema.$id).toMatch(/UserStatus/);
    expect(JSON.stringify(body.resolvedSchema)).not.toContain('$ref');
    expect(validate(body.example, { provider: 'enreach', eventType: 'UserStatus' }).valid).toBe(true);
    expect((await app.inject({ url: '/catalog/enreach/UserStatus?seed=7' })).json().example).toEqual(body.example);
  });

  it('answers an unknown event type with 404 and did-you-mean, an unknown provider with 400', async () => {
    const r = await app.inject({ url: '/catalog/mluvii/SessionStart' });
    expect(r.statusCode).toBe(404);
    expect(r.json().message).toMatch(/did you mean "SessionStarted"/);
    expect((await app.inject({ url: '/catalog/genesys/X' })).statusCode).toBe(400);
  });

  it('emit: refuses a breaking override (400), unknown events (404), and no registration (409)', async () => {
    const bad = await app.inject({ method: 'POST', url: '/emit/mluvii/SessionCreated', payload: { overrides: { 'data.id': 'abc' } } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error).toBe('PM_BAD_OVERRIDE');
    expect((await app.inject({ method: 'POST', url: '/emit/mluvii/SessionCreatd', payload: {} })).statusCode).toBe(404);
    const none = await app.inject({ method: 'POST', url: '/emit/mluvii/SessionCreated' });
    expect(none.statusCode).toBe(409);
  });
});

describe('the app as documented', () => {
  let app: FastifyInstance;
  beforeAll(async () => {
    app = await buildApp();
    await app.ready();
  });
  afterAll(() => app.close());

  it('declares params and a response schema on every route, and a body schema on every control POST', async () => {
    const doc = (await app.inject({ url: '/docs/json' })).json<{ paths: Record<string, Record<string, { responses?: object; parameters?: { in: string }[]; requestBody?: object }>> }>();
    for (const p of ['/runs', '/runs/{id}', '/runs/{id}/events', '/runs/{id}/cancel', '/runs/{id}/deliveries/{seq}', '/emit/{provider}/{eventType}', '/catalog', '/catalog/{provider}/{eventType}', '/', '/health']) {
      expect(Object.keys(doc.paths), p).toContain(p);
    }
    for (const [path, ops] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(ops)) {
        expect(op.responses, `${method} ${path}`).toBeDefined();
        const pathParams = [...path.matchAll(/\{(\w+)\}/g)].length;
        expect((op.parameters ?? []).filter((x) => x.in === 'path').length, `${method} ${path}`).toBe(pathParams);
      }
    }
    for (const p of ['/runs', '/emit/{provider}/{eventType}', '/enreach/webhooks']) expect(doc.paths[p]?.['post']?.requestBody, p).toBeDefined();
  });

  it('serves the inspector page and its two files, with a strict content policy', async () => {
    const page = await app.inject({ url: '/' });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(page.headers['content-security-policy']).toContain("default-src 'self'");
    expect(page.body).toContain('<script type="module" src="/inspector/inspector.js"></script>');
    const js = await app.inject({ url: '/inspector/inspector.js' });
    expect(js.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(js.body).toContain('EventSource');
    expect((await app.inject({ url: '/inspector/inspector.css' })).headers['content-type']).toBe('text/css; charset=utf-8');
    expect((await app.inject({ url: '/inspector/../app.ts' })).statusCode).toBe(404);
  });
});

describe('markOutcome: the colour of a mark', () => {
  const a = (p: Partial<AttemptView>): AttemptView => ({ seq: 0, target: 't', kind: 'first', attempt: 1, status: 200, error: null, latencyMs: 1, responseBytes: 0, outcome: 'delivered', final: true, time: '', ...p });
  it('is the worst of its deliveries', () => {
    expect(markOutcome(0, [])).toBe('unsubscribed');
    expect(markOutcome(1, [])).toBe('pending');
    expect(markOutcome(1, [a({})])).toBe('delivered');
    expect(markOutcome(1, [a({ status: 500, outcome: 'will-retry', final: false })])).toBe('retried');
    expect(markOutcome(1, [a({ status: 500, outcome: 'will-retry', final: false }), a({ kind: 'retry', attempt: 2 })])).toBe('retried');
    expect(markOutcome(1, [a({}), a({ kind: 'duplicate', outcome: 'duplicate', final: false })])).toBe('duplicate');
    expect(markOutcome(2, [a({}), a({ status: 500, outcome: 'discarded' })])).toBe('discarded');
    expect(markOutcome(1, [a({ kind: 'not-sent', status: null, outcome: 'not-sent', attempt: 0 })])).toBe('not-sent');
  });
});
