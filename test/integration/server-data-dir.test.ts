/**
 * `serve --data-dir` across a restart: registrations and run history come back (inject on two
 * apps over one data directory), and the server logs one line per delivery.
 */
import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { buildApp } from '../../mock-server/app.ts';
import { startServer } from '../../mock-server/server.ts';
import { receiversClosedAfterEach } from '../helpers/delivery.ts';

const startReceiver = receiversClosedAfterEach();
const apps: FastifyInstance[] = [];
afterEach(async () => {
  await Promise.all(apps.splice(0).map((a) => a.close()));
});

async function app(dataDir: string): Promise<FastifyInstance> {
  const a = await buildApp({ runs: { dataDir } });
  apps.push(a);
  return a;
}

async function bearer(a: FastifyInstance): Promise<Record<string, string>> {
  const r = await a.inject({
    method: 'POST',
    url: '/login/connect/token',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    payload: 'grant_type=client_credentials&client_id=provider-mock&client_secret=provider-mock-secret',
  });
  return { authorization: `Bearer ${r.json<{ access_token: string }>().access_token}` };
}

async function ended(a: FastifyInstance, id: string): Promise<void> {
  for (let i = 0; i < 400; i++) {
    const r = (await a.inject({ url: `/runs/${id}` })).json<{ run: { status: string } }>();
    if (!['queued', 'running'].includes(r.run.status)) return;
    await new Promise((res) => setTimeout(res, 10));
  }
  throw new Error('the run did not end');
}

describe('serve --data-dir', () => {
  it('restores mluvii webhooks (with their ids), Enreach configurations and the run history after a restart', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'pm-datadir-'));
    const receiver = await startReceiver();
    const first = await app(dataDir);
    const auth = await bearer(first);
    for (const path of ['one', 'two', 'three']) {
      const r = await first.inject({ method: 'POST', url: '/api/v1/Webhooks', headers: auth, payload: { eventTypes: ['SessionCreated', 'SessionEnded'], callbackUrl: `http://me:pw@127.0.0.1:${receiver.port}/${path}` } });
      expect(r.statusCode).toBe(201);
    }
    expect((await first.inject({ method: 'DELETE', url: '/api/v1/Webhooks/2', headers: auth })).statusCode).toBe(204);
    const cfg = { Webhook: { Endpoint: receiver.url, Secret: 'enreach-secret' }, Subscriptions: [{ EventType: 'QueueCallInComing', AllEntities: true }] };
    expect((await first.inject({ method: 'POST', url: '/enreach/webhooks', payload: cfg })).statusCode).toBe(201);
    const started = await first.inject({ method: 'POST', url: '/runs', payload: { scenario: ['chat-session', 'queue-call-answered'], time: 'instant', seed: 4 } });
    expect(started.statusCode).toBe(202);
    const id = started.json<{ id: string }>().id;
    await ended(first, id);
    const before = (await first.inject({ url: `/runs/${id}` })).json<{ run: { counts: object }; events: unknown[] }>();
    // The file with the receivers' credentials is the owner's only.
    expect(statSync(join(dataDir, 'registrations.json')).mode & 0o777).toBe(0o600);
    await first.close();

    const second = await app(dataDir);
    const auth2 = await bearer(second);
    const hooks = (await second.inject({ url: '/api/v1/Webhooks', headers: auth2 })).json<{ id: number; callbackUrl: string }[]>();
    expect(hooks.map((h) => [h.id, h.callbackUrl.replace(/.*\//, '')])).toEqual([
      [1, 'one'],
      [3, 'three'],
    ]);
    // The next webhook gets the next id, as it would have before the restart.
    const next = await second.inject({ method: 'POST', url: '/api/v1/Webhooks', headers: auth2, payload: { eventTypes: ['SessionEnded'], callbackUrl: `http://127.0.0.1:${receiver.port}/four` } });
    expect(next.json()).toBe(4);
    const enreach = (await second.inject({ url: '/enreach/webhooks' })).json<{ Webhook: { Endpoint: string; Secret: string } }[]>();
    expect(enreach).toEqual([{ ...cfg, Webhook: { Endpoint: receiver.url, Secret: '***' } }]);

    const runs = (await second.inject({ url: '/runs' })).json<{ runs: { id: string; status: string; restored?: boolean }[] }>();
    expect(runs.runs).toEqual([expect.objectContaining({ id, status: 'done', restored: true })]);
    const after = (await second.inject({ url: `/runs/${id}` })).json<{ run: { counts: object }; events: { seq: number; outcome: string; attempts: unknown[] }[] }>();
    expect(after.run.counts).toEqual(before.run.counts);
    expect(after.events).toHaveLength(before.events.length);
    expect(after.events.filter((e) => e.outcome === 'delivered').length).toBeGreaterThan(0);
    const detail = (await second.inject({ url: `/runs/${id}/deliveries/0` })).json<{ payload: { eventType: string }; attempts: unknown[] }>();
    expect(detail.payload.eventType).toBe('SessionCreated');
    expect(detail.attempts.length).toBeGreaterThan(0);
    // The inspector's first paint lists it.
    expect((await second.inject({ url: '/' })).body).toContain(`data-run="${id}"`);
    // Journals hold no credentials.
    expect(readFileSync(join(dataDir, `${id}.ndjson`), 'utf8')).not.toMatch(/enreach-secret|me:pw/);
  });

  it('keeps the mluvii bearer tokens it issued across a restart (a client\'s cached token goes on working) until they expire', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'pm-datadir-'));
    const first = await app(dataDir);
    const auth = await bearer(first);
    expect((await first.inject({ url: '/api/v1/Webhooks', headers: auth })).statusCode).toBe(200);
    await first.close();

    const second = await app(dataDir);
    expect((await second.inject({ url: '/api/v1/Webhooks', headers: auth })).statusCode).toBe(200);
    const saved = JSON.parse(readFileSync(join(dataDir, 'registrations.json'), 'utf8')) as { mluviiTokens: { token: string; expiresAt: number }[] };
    expect(saved.mluviiTokens.map((t) => `Bearer ${t.token}`)).toEqual([auth['authorization']]);
    expect(saved.mluviiTokens[0]!.expiresAt).toBeGreaterThan(Date.now() + 3500_000);
    // A token nobody issued is still refused after the restart.
    expect((await second.inject({ url: '/api/v1/Webhooks', headers: { authorization: 'Bearer pm.forged' } })).statusCode).toBe(401);
    await second.close();

    // The same data directory an hour and a minute later: the token has expired and is not taken back.
    const later = await buildApp({ runs: { dataDir }, mluvii: { now: () => Date.now() + 3660_000 } });
    apps.push(later);
    const r = await later.inject({ url: '/api/v1/Webhooks', headers: auth });
    expect(r.statusCode).toBe(401);
    expect(r.headers['www-authenticate']).toContain('invalid_token');
  });

  it('logs one line per delivery, and none with quiet', async () => {
    const receiver = await startReceiver();
    const lines: string[] = [];
    const server = await startServer({ port: 0, handleSignals: false, print: (l) => lines.push(l), env: {} });
    try {
      const r = await fetch(`${server.url}/runs`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ scenario: 'chat-session', time: 'instant', target: { url: receiver.url } }) });
      const { id } = (await r.json()) as { id: string };
      await ended(server.app, id);
      const log = lines.filter((l) => l.includes(`run ${id.slice(0, 8)} #`));
      expect(log).toHaveLength(15);
      expect(log[0]).toMatch(new RegExp(`^\\d\\d:\\d\\d:\\d\\d run ${id.slice(0, 8)} #0 delivered mluvii SessionCreated session:\\d+ → http://127\\.0\\.0\\.1:\\d+/webhook: 200 in [\\d.]+ ms \\(attempt 1\\)$`));
      expect(lines.some((l) => l.includes(`run ${id.slice(0, 8)} done: chat-session: 15/15 delivered, exit 0`))).toBe(true);
    } finally {
      await server.close();
    }
    const quietLines: string[] = [];
    const quiet = await startServer({ port: 0, handleSignals: false, print: (l) => quietLines.push(l), env: {}, quiet: true });
    try {
      const r = await fetch(`${quiet.url}/runs`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ scenario: 'chat-session', time: 'instant', target: { url: receiver.url } }) });
      await ended(quiet.app, ((await r.json()) as { id: string }).id);
      expect(quietLines.filter((l) => / run [0-9a-f]{8} /.test(l))).toEqual([]);
    } finally {
      await quiet.close();
    }
  });
});
