import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../mock-server/server.ts';
import { readScenario } from '../../scenarios/files.ts';
import { plan, type TimelineEntry } from '../../scenarios/index.ts';
import { startReceiver, type Receiver } from '../helpers/receiver.ts';

/**
 * The server as a team uses it while developing a receiver: on a real port, their code
 * registers its webhook over HTTP (mluvii: token + /api/v1/Webhooks; Enreach: the configuration
 * route), a run started without a target goes to every matching registration, and the
 * receivers get exactly what the registrations select, with the provider's credentials.
 */

interface RunState {
  run: { id: string; status: string; counts: { delivered: number; planned: number; discarded: number; unsubscribed: number } };
}

async function json<T>(res: Response): Promise<T> {
  return (await res.json()) as T;
}

/** Polls GET /runs/{id} until the run has ended (bounded). */
async function waitForEnd(base: string, id: string): Promise<RunState> {
  for (let i = 0; i < 300; i++) {
    const state = await json<RunState>(await fetch(`${base}/runs/${id}`));
    if (!['queued', 'running'].includes(state.run.status)) return state;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`run ${id} did not end within 300 polls`);
}

describe('provider-mock serve, end to end on a real port', () => {
  let server: RunningServer;
  const banner: string[] = [];
  beforeAll(async () => {
    server = await startServer({ port: 0, handleSignals: false, print: (l) => banner.push(l), env: {} });
  });
  afterAll(async () => {
    await server?.close();
  });

  it('prints the URLs of the inspector, the control API and both provider surfaces on start', () => {
    const text = banner.join('\n');
    expect(text).toContain(`listening on ${server.url}`);
    for (const path of ['/docs', '/runs', '/login/connect/token', '/api/v1/Webhooks', '/enreach/webhooks']) expect(text).toContain(`${server.url}${path}`);
    expect(text).toMatch(/inspector\s+http:\/\/127\.0\.0\.1:\d+\//);
  });

  describe('mluvii: a webhook registered with a token receives only its event types, with Basic auth from the callback URL', () => {
    let receiver: Receiver;
    beforeAll(async () => {
      receiver = await startReceiver();
    });
    afterAll(async () => {
      await receiver?.close();
      // Leave no registration behind for the next describe.
      const token = await getToken(server.url);
      const hooks = await json<{ id: number }[]>(await fetch(`${server.url}/api/v1/Webhooks`, { headers: { authorization: `Bearer ${token}` } }));
      for (const h of hooks) await fetch(`${server.url}/api/v1/Webhooks/${h.id}`, { method: 'DELETE', headers: { authorization: `Bearer ${token}` } });
    });

    it('delivers chat-session to the registration, only SessionCreated, SessionOperatorJoined and SessionEnded', async () => {
      const token = await getToken(server.url);
      const subscribed = ['SessionCreated', 'SessionOperatorJoined', 'SessionEnded'];
      const reg = await fetch(`${server.url}/api/v1/Webhooks`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ eventTypes: subscribed, callbackUrl: `http://hook-user:hook%20pass@127.0.0.1:${receiver.port}/webhook` }),
      });
      expect(reg.status).toBe(201);

      const started = await fetch(`${server.url}/runs`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ scenario: 'chat-session', time: 'instant', seed: 5 }) });
      expect(started.status).toBe(202);
      const { id } = await json<{ id: string }>(started);
      const end = await waitForEnd(server.url, id);
      expect(end.run.status).toBe('done');

      const expected = [...plan(readScenario('chat-session'), { seed: 5 })].filter((e) => subscribed.includes(e.eventType));
      expect(expected.length).toBeGreaterThanOrEqual(3);
      expect(end.run.counts.delivered).toBe(expected.length);
      // mluvii keeps order per entity (docs/providers.md M7): one session, so the receiver sees the plan's order.
      expect(receiver.requests.map((r) => (r.json as { eventType: string }).eventType)).toEqual(expected.map((e) => e.eventType));
      for (const r of receiver.requests) {
        expect(r.method).toBe('POST');
        expect(r.url).toBe('/webhook');
        // docs/providers.md M4: userinfo → Basic (percent-decoded), and not in the request URL.
        expect(r.headers.authorization).toBe(`Basic ${Buffer.from('hook-user:hook pass').toString('base64')}`);
      }
    });
  });

  describe('Enreach: subscriptions filtered by EntityId receive only their entity, with X-Benemen-Token', () => {
    let a: Receiver;
    let b: Receiver;
    beforeAll(async () => {
      [a, b] = await Promise.all([startReceiver(), startReceiver()]);
    });
    afterAll(async () => {
      await Promise.all([a?.close(), b?.close()]);
      await fetch(`${server.url}/enreach/webhooks`, { method: 'DELETE' });
    });

    it('sends each user\'s UserStatus events to the endpoint that subscribed to that user only', async () => {
      const scenarios = ['agent-shift', 'agent-no-answer'];
      const seed = 3;
      // The same plan the server will make (same scenarios, seed and default start).
      const timeline: TimelineEntry[] = [...plan(scenarios.map((s) => readScenario(s)), { seed })];
      const entityOf = (e: TimelineEntry): string => (e.payload as { EntityId: string }).EntityId;
      // The shift's agent, and the agents the call was offered to: two of them subscribed, one each.
      const users = [...new Set(timeline.filter((e) => e.eventType === 'UserStatus').map(entityOf))];
      expect(users.length).toBeGreaterThanOrEqual(2);
      const [userA, userB] = users as [string, string];

      const config = [
        { Webhook: { Endpoint: `${a.origin}/enreach`, Secret: 'secret-a', TimeoutSeconds: 3 }, Subscriptions: [{ EventType: 'UserStatus', EntityId: userA }] },
        { Webhook: { Endpoint: `${b.origin}/enreach`, Secret: 'secret-b' }, Subscriptions: [{ EventType: 'UserStatus', EntityId: userB.toUpperCase() }] },
      ];
      const configured = await fetch(`${server.url}/enreach/webhooks`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(config) });
      expect(configured.status).toBe(201);

      const started = await fetch(`${server.url}/runs`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ scenario: scenarios, seed, time: 'instant' }) });
      expect(started.status).toBe(202);
      const end = await waitForEnd(server.url, (await json<{ id: string }>(started)).id);
      expect(end.run.status).toBe('done');

      const idsFor = (user: string): string[] => timeline.filter((e) => e.eventType === 'UserStatus' && entityOf(e) === user).map((e) => (e.payload as { Id: string }).Id);
      const got = (r: Receiver): string[] => r.requests.map((q) => (q.json as { Id: string }).Id);
      // Enreach promises no order (ours: concurrent), so compare as sets of event ids.
      expect(got(a).sort()).toEqual(idsFor(userA).sort());
      expect(got(b).sort()).toEqual(idsFor(userB).sort());
      for (const q of a.requests) {
        expect(q.headers['x-benemen-token']).toBe('secret-a');
        expect(q.headers['x-benemen-event']).toBe('UserStatus');
        expect((q.json as { EntityId: string }).EntityId).toBe(userA);
      }
      for (const q of b.requests) expect(q.headers['x-benemen-token']).toBe('secret-b');
      // Everything else in the plan was selected by no subscription.
      expect(end.run.counts.unsubscribed).toBe(timeline.length - idsFor(userA).length - idsFor(userB).length);
    });
  });
});

async function getToken(base: string): Promise<string> {
  const res = await fetch(`${base}/login/connect/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'client_credentials', client_id: 'provider-mock', client_secret: 'provider-mock-secret' }).toString(),
  });
  expect(res.status).toBe(200);
  return (await json<{ access_token: string }>(res)).access_token;
}
