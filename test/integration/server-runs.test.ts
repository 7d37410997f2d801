import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../mock-server/app.ts';
import { prepareScenarioRun } from '../../mock-server/run-spec.ts';
import { readScenario } from '../../scenarios/files.ts';
import { plan } from '../../scenarios/index.ts';
import { startReceiver, type Receiver } from '../helpers/receiver.ts';

/**
 * Runs through the control API against a real local receiver: the app is driven with inject(),
 * deliveries go over real HTTP to 127.0.0.1, and the SSE stream is read from a real port
 * (inject() cannot stream).
 */

interface RunView {
  id: string;
  status: string;
  counts: { events: number; planned: number; delivered: number; discarded: number; notSent: number; attempts: number; retries: number; duplicates: number; unsubscribed: number };
  truncated: boolean;
  warnings: string[];
  journal?: string;
  exitCode?: number;
}
interface EventView {
  seq: number;
  eventType: string;
  entityKey: string;
  outcome: string;
  targets: string[];
  attempts: { kind: string; status: number | null; outcome: string; final: boolean }[];
}

async function startRun(app: FastifyInstance, body: object): Promise<string> {
  const r = await app.inject({ method: 'POST', url: '/runs', payload: body });
  expect(r.statusCode, r.body).toBe(202);
  return r.json<{ id: string }>().id;
}

async function waitFor(app: FastifyInstance, id: string, done: (run: RunView) => boolean): Promise<{ run: RunView; events: EventView[] }> {
  for (let i = 0; i < 400; i++) {
    const r = (await app.inject({ url: `/runs/${id}` })).json<{ run: RunView; events: EventView[] }>();
    if (done(r.run)) return r;
    await new Promise((res) => setTimeout(res, 25));
  }
  throw new Error(`run ${id}: condition not reached within 400 polls`);
}
const ended = (r: RunView): boolean => !['queued', 'running'].includes(r.status);

describe('control API runs against a real receiver', () => {
  let app: FastifyInstance;
  let receiver: Receiver;
  let dataDir: string;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'pm-serve-runs-'));
    app = await buildApp({ runs: { dataDir } });
    receiver = await startReceiver();
  });
  afterEach(() => {
    receiver.behave({ status: 200 });
    receiver.requests.length = 0;
  });
  afterAll(async () => {
    await app?.close();
    await receiver?.close();
  });

  it('delivers a scenario to an explicit target and shows every event with its attempts', async () => {
    const id = await startRun(app, { scenario: 'chat-session', seed: 4, time: 'instant', target: { url: `http://u:p%40ss@127.0.0.1:${receiver.port}/hook?secret=q-secret` } });
    const { run, events } = await waitFor(app, id, ended);
    const planned = [...plan(readScenario('chat-session'), { seed: 4 })];
    expect(run).toMatchObject({ status: 'done', exitCode: 0, truncated: false });
    expect(run.counts).toMatchObject({ events: planned.length, planned: planned.length, delivered: planned.length, discarded: 0, unsubscribed: 0 });
    expect(receiver.requests).toHaveLength(planned.length);
    expect(events.map((e) => e.eventType)).toEqual(planned.map((e) => e.eventType));
    expect(events.every((e) => e.outcome === 'delivered' && e.attempts.length === 1)).toBe(true);
    // The targets shown are redacted: no userinfo, query secrets masked.
    expect(events[0]?.targets).toEqual([`http://127.0.0.1:${receiver.port}/hook?secret=***`]);
  });

  it('shows a delivery: payload, headers with credentials masked, attempts', async () => {
    const id = await startRun(app, { scenario: 'chat-session', time: 'instant', target: { url: `http://u:p%40ss@127.0.0.1:${receiver.port}/hook` } });
    await waitFor(app, id, ended);
    const r = await app.inject({ url: `/runs/${id}/deliveries/0` });
    expect(r.statusCode).toBe(200);
    const d = r.json<{ payload: { eventType: string }; requests: { target: string; headers: Record<string, string> }[]; attempts: unknown[] }>();
    expect(d.payload.eventType).toBe('SessionCreated');
    expect(d.requests).toEqual([{ target: `http://127.0.0.1:${receiver.port}/hook`, headers: { 'Content-Type': 'application/json; charset=utf-8', Authorization: 'Basic ***' } }]);
    expect(d.attempts).toHaveLength(1);
    expect(r.body).not.toContain('p@ss');
    expect(receiver.requests[0]?.headers.authorization).toBe(`Basic ${Buffer.from('u:p@ss').toString('base64')}`);
    expect((await app.inject({ url: `/runs/${id}/deliveries/9999` })).statusCode).toBe(404);
  });

  it('marks retried, duplicated and discarded deliveries', async () => {
    // Enreach counts only 200 (docs/providers.md E3): a 204 is retried; a 500 every time is discarded.
    receiver.behave((req) => {
      const type = (req.json as { EventType?: string }).EventType;
      if (type === 'QueueCallInComing') return { status: 500 };
      return req.index === 1 ? { status: 204 } : { status: 200 };
    });
    const id = await startRun(app, {
      scenario: 'queue-call-answered',
      time: 'instant',
      retries: 1,
      retrySchedule: '5ms',
      faults: { duplicates: 1 },
      target: { url: receiver.url, secret: 'tok' },
    });
    const { run, events } = await waitFor(app, id, ended);
    const byType = new Map(events.map((e) => [e.eventType, e]));
    expect(byType.get('QueueCallInComing')?.outcome).toBe('discarded');
    expect(byType.get('QueueCallInComing')?.attempts.map((a) => a.status)).toEqual([500, 500]);
    expect(events.filter((e) => e.outcome === 'retried')).toHaveLength(1);
    // Every delivered event got a duplicate (rate 1); those not retried show as duplicate.
    expect(events.filter((e) => e.outcome === 'duplicate').length).toBe(events.length - 2);
    expect(run.counts.discarded).toBe(1);
    expect(run.counts.duplicates).toBe(events.length - 1);
    expect(run.exitCode).toBe(1);
    expect(receiver.requests.every((q) => q.headers['x-benemen-token'] === 'tok')).toBe(true);
  });

  it('writes a journal per run to the data directory, without secrets', async () => {
    const id = await startRun(app, { scenario: 'queue-call-answered', time: 'instant', target: { url: receiver.url, secret: 'journal-secret' } });
    const { run } = await waitFor(app, id, ended);
    expect(run.journal).toBe(`${id}.ndjson`);
    const lines = readFileSync(join(dataDir, `${id}.ndjson`), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { type: string });
    expect(lines[0]?.type).toBe('run');
    expect(lines.at(-1)?.type).toBe('summary');
    expect(lines.filter((l) => l.type === 'attempt')).toHaveLength(run.counts.attempts);
    expect(readdirSync(dataDir)).toContain(`${id}.summary.json`);
    expect(readFileSync(join(dataDir, `${id}.ndjson`), 'utf8')).not.toContain('journal-secret');
  });

  it('cancels a running run: the rest of the plan is not sent', async () => {
    const id = await startRun(app, { scenario: 'agent-shift', time: 'realtime', target: { url: receiver.url } });
    await waitFor(app, id, (r) => r.counts.delivered >= 1);
    const c = await app.inject({ method: 'POST', url: `/runs/${id}/cancel` });
    expect(c.statusCode).toBe(200);
    const { run } = await waitFor(app, id, ended);
    expect(run.status).toBe('cancelled');
    expect(run.counts.notSent).toBeGreaterThan(0);
    expect(run.counts.delivered + run.counts.notSent + run.counts.discarded).toBe(run.counts.planned);
    // Cancelling a finished run changes nothing.
    expect(((await app.inject({ method: 'POST', url: `/runs/${id}/cancel` })).json<RunView>()).status).toBe('cancelled');
  });

  it("makes the sessions a run plays readable at /api/v1/Sessions, as its webhooks said; a cancelled run's session stays open", async () => {
    const tok = (
      await app.inject({ method: 'POST', url: '/login/connect/token', headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: 'grant_type=client_credentials&client_id=provider-mock&client_secret=provider-mock-secret' })
    ).json().access_token as string;
    const get = (url: string) => app.inject({ url, headers: { authorization: `Bearer ${tok}` } });
    const id = await startRun(app, { scenario: 'forwarded-session', seed: 11, time: 'instant', target: { url: receiver.url } });
    await waitFor(app, id, ended);
    const sent = receiver.requests.map((r) => r.json as { eventType: string; data: Record<string, unknown> });
    const ended_ = sent.find((e) => e.eventType === 'SessionEnded')!.data;
    const joins = sent.filter((e) => e.eventType === 'SessionOperatorJoined').map((e) => e.data);
    const s = (await get(`/api/v1/Sessions/${String(ended_['id'])}`)).json();
    expect(s).toMatchObject({ id: ended_['id'], status: 'CLOSED', channel: ended_['channel'], source: ended_['source'], started: ended_['started'], ended: ended_['ended'] });
    expect(s.operators.map((o: { userId: number; joined: string }) => [o.userId, o.joined])).toEqual(joins.map((j) => [j['userId'], j['time']]));
    for (const j of joins) expect((await get(`/api/v1/Users/${String(j['userId'])}`)).statusCode).toBe(200);

    receiver.requests.length = 0;
    const open = await startRun(app, { scenario: 'chat-session', seed: 12, time: 'realtime', target: { url: receiver.url } });
    await waitFor(app, open, (r) => r.counts.delivered >= 1);
    await app.inject({ method: 'POST', url: `/runs/${open}/cancel` });
    await waitFor(app, open, ended);
    const first = receiver.requests[0]!.json as { data: { id: number } };
    const half = (await get(`/api/v1/Sessions/${first.data.id}`)).json();
    expect(half.status).not.toBe('CLOSED');
    expect(half.ended).toBeNull();
    expect((await get('/api/v1/Sessions?Status=CLOSED&limit=1000')).json().map((x: { id: number }) => x.id)).not.toContain(first.data.id);
  });

  it('emits one event with overrides', async () => {
    const userId = '0b7c9a3e-1d2f-4a5b-8c6d-7e8f9a0b1c2d';
    const r = await app.inject({ method: 'POST', url: '/emit/enreach/UserStatus', payload: { seed: 3, overrides: { UserId: userId, Talking: true }, target: { url: receiver.url, secret: 's' } } });
    expect(r.statusCode).toBe(202);
    const { id, payload } = r.json<{ id: string; payload: { UserId: string; Talking: boolean } }>();
    expect(payload).toMatchObject({ UserId: userId, Talking: true });
    const { run } = await waitFor(app, id, ended);
    expect(run.counts.delivered).toBe(1);
    expect(receiver.requests[0]?.json).toEqual(payload);
    expect(receiver.requests[0]?.headers['x-benemen-event']).toBe('UserStatus');
  });

  it('goes to Enreach endpoints by security group (the run\'s own world)', async () => {
    const timeline = [...plan(readScenario('agent-shift'), { seed: 1 })];
    const userId = (timeline[0]?.payload as { EntityId: string }).EntityId;
    const groups = groupsOfUser(userId);
    expect(groups.length).toBeGreaterThan(0);
    await app.inject({ method: 'DELETE', url: '/enreach/webhooks' });
    const cfg = await app.inject({
      method: 'POST',
      url: '/enreach/webhooks',
      payload: { Webhook: { Endpoint: receiver.url, Secret: 'g' }, Subscriptions: [{ EventType: 'UserAvailability', SecurityGroupId: groups[0] }] },
    });
    expect(cfg.statusCode).toBe(201);
    const id = await startRun(app, { scenario: 'agent-shift', time: 'instant' });
    const { run } = await waitFor(app, id, ended);
    const expected = timeline.filter((e) => e.eventType === 'UserAvailability').length;
    expect(run.counts.delivered).toBe(expected);
    expect(receiver.requests.map((q) => q.headers['x-benemen-event'])).toEqual(Array(expected).fill('UserAvailability'));
    await app.inject({ method: 'DELETE', url: '/enreach/webhooks' });
  });
});

/** The security groups of a user in the world agent-shift plans with (captured through the run-spec planner). */
function groupsOfUser(userId: string): string[] {
  const prepared = prepareScenarioRun({ scenario: 'agent-shift' }, { cwd: process.cwd(), allowFiles: true });
  const world = prepared.worlds.find((w) => w.provider === 'enreach') as { securityGroups: { id: string; userIds: string[] }[] } | undefined;
  return (world?.securityGroups ?? []).filter((g) => g.userIds.includes(userId)).map((g) => g.id);
}

describe('SSE: /runs/{id}/events on a real port', () => {
  let app: FastifyInstance;
  let base: string;
  let receiver: Receiver;
  beforeAll(async () => {
    app = await buildApp();
    base = await app.listen({ port: 0, host: '127.0.0.1' });
    receiver = await startReceiver();
  });
  afterAll(async () => {
    await app?.close();
    await receiver?.close();
  });

  /** Reads an SSE stream until `end` (bounded by the abort signal). */
  async function readStream(url: string, signal: AbortSignal, onMessage?: (type: string, data: unknown) => void): Promise<{ type: string; data: unknown }[]> {
    const res = await fetch(url, { signal });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
    expect(res.headers.get('cache-control')).toContain('no-cache');
    const messages: { type: string; data: unknown }[] = [];
    const decoder = new TextDecoder();
    let buf = '';
    const reader = res.body!.getReader();
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      buf += decoder.decode(value, { stream: true });
      let i: number;
      while ((i = buf.indexOf('\n\n')) >= 0) {
        const block = buf.slice(0, i);
        buf = buf.slice(i + 2);
        const type = /^event: (.*)$/m.exec(block)?.[1];
        const data = /^data: (.*)$/m.exec(block)?.[1];
        if (type && data) {
          messages.push({ type, data: JSON.parse(data) });
          onMessage?.(type, JSON.parse(data));
        }
      }
    }
    return messages;
  }

  it('streams every attempt as it happens, then end; a late client gets the replay', async () => {
    const body = { scenario: 'queue-call-answered', seed: 9, time: { speed: 2000 }, target: { url: receiver.url } };
    const started = await fetch(`${base}/runs`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    const { id } = (await started.json()) as { id: string };
    const live = await readStream(`${base}/runs/${id}/events`, AbortSignal.timeout(20_000));
    const types = live.map((m) => m.type);
    expect(types[0]).toBe('run');
    expect(types.at(-1)).toBe('end');
    const end = live.at(-1)?.data as RunView;
    expect(end.status).toBe('done');
    expect(types.filter((t) => t === 'attempt')).toHaveLength(end.counts.attempts);
    // Each event is announced before its first attempt.
    const firstEvent = types.indexOf('event');
    expect(firstEvent).toBeGreaterThan(0);
    expect(firstEvent).toBeLessThan(types.indexOf('attempt'));

    const replay = await readStream(`${base}/runs/${id}/events`, AbortSignal.timeout(10_000));
    expect(replay.filter((m) => m.type === 'attempt')).toHaveLength(end.counts.attempts);
    expect(replay.at(-1)?.type).toBe('end');
  });

  it('ends open streams and cancels runs when the server closes', async () => {
    const local = await buildApp();
    const url = await local.listen({ port: 0, host: '127.0.0.1' });
    const started = await fetch(`${url}/runs`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ scenario: 'agent-shift', time: 'realtime', target: { url: receiver.url } }) });
    const { id } = (await started.json()) as { id: string };
    let closing: Promise<void> | undefined;
    const messages = await readStream(`${url}/runs/${id}/events`, AbortSignal.timeout(20_000), (type) => {
      if (type === 'attempt') closing ??= local.close();
    });
    await closing;
    const end = messages.at(-1);
    expect(end?.type).toBe('end');
    expect((end?.data as RunView).status).toBe('cancelled');
  });

  it('answers 404 for an unknown run', async () => {
    const r = await fetch(`${base}/runs/nope/events`);
    expect(r.status).toBe(404);
  });
});
