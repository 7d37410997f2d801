/**
 * What a web page can make a browser send must not drive the server: cross-site form posts, foreign
 * origins, DNS rebinding (a foreign Host). Plus the exposed server's mluvii credentials and what its
 * mluvii surface shows of registered passwords.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_CLIENT_SECRET } from '../../contracts/registration/mluvii-auth.ts';
import { buildApp } from '../../mock-server/app.ts';
import { createRequestGuard, hostnameOf } from '../../mock-server/plugins/request-guard.ts';
import { mluviiClient, startServer } from '../../mock-server/server.ts';

const TOKEN = 'control-token-123';

/** Every control route that takes a request body (or none), with a body it would accept as JSON. */
const CONTROL_POSTS = [
  ['POST', '/runs', 'scenario=chat-session&time=instant&target[url]=http://127.0.0.1:9/x'],
  ['POST', '/runs/some-id/cancel', ''],
  ['POST', '/emit/mluvii/SessionCreated', 'target=http://127.0.0.1:9/x'],
  ['POST', '/enreach/webhooks', 'Webhook=x'],
  ['DELETE', '/enreach/webhooks', ''],
] as const;

async function mluviiToken(app: FastifyInstance, secret = DEFAULT_CLIENT_SECRET): Promise<string> {
  const r = await app.inject({
    method: 'POST',
    url: '/login/connect/token',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    payload: `grant_type=client_credentials&client_id=provider-mock&client_secret=${encodeURIComponent(secret)}`,
  });
  expect(r.statusCode, r.body).toBe(200);
  return r.json<{ access_token: string }>().access_token;
}

describe('the control API refuses what a web page can send cross-site', () => {
  let app: FastifyInstance;
  beforeAll(async () => {
    app = await buildApp();
  });
  afterAll(() => app.close());

  it('answers form-encoded, multipart and text/plain bodies on every control route with 415, and starts nothing', async () => {
    for (const type of ['application/x-www-form-urlencoded', 'text/plain', 'multipart/form-data; boundary=x', 'text/plain;charset=UTF-8']) {
      for (const [method, url, payload] of CONTROL_POSTS) {
        const r = await app.inject({ method, url, headers: { 'content-type': type }, payload: payload || 'x' });
        expect(r.statusCode, `${type} ${method} ${url}`).toBe(415);
        expect(r.json()).toMatchObject({ error: 'PM_CONTENT_TYPE', statusCode: 415 });
        expect(r.json().message).toContain(type);
      }
    }
    // A body without any Content-Type is no JSON either.
    const bare = await app.inject({ method: 'POST', url: '/runs', payload: Buffer.from('{"scenario":"chat-session"}') });
    expect(bare.statusCode).toBe(415);
    expect((await app.inject({ url: '/runs' })).json().runs).toEqual([]);
  });

  it('refuses a foreign Origin and a cross-site or same-site Sec-Fetch-Site with 403, on reads and writes', async () => {
    const json = { 'content-type': 'application/json' };
    for (const headers of [
      { ...json, origin: 'http://evil.example' },
      { ...json, origin: 'null' },
      // Another port of the same host is another origin (a dev server on :3000).
      { ...json, origin: 'http://localhost:3000', 'sec-fetch-site': 'same-site' },
      { ...json, 'sec-fetch-site': 'cross-site' },
    ]) {
      const r = await app.inject({ method: 'POST', url: '/runs', headers, payload: { scenario: 'chat-session', time: 'instant', target: { url: 'http://127.0.0.1:9/x' } } });
      expect(r.statusCode, JSON.stringify(headers)).toBe(403);
      expect(r.json().error).toBe('PM_FOREIGN_ORIGIN');
      expect(r.json().hint).toMatch(/--allow-origin/);
    }
    expect((await app.inject({ url: '/runs', headers: { origin: 'http://evil.example' } })).statusCode).toBe(403);
    expect((await app.inject({ url: '/runs', headers: { 'sec-fetch-site': 'cross-site' } })).statusCode).toBe(403);
    expect((await app.inject({ url: '/runs' })).json().runs).toEqual([]);
  });

  it('takes requests from its own pages (same origin) and from clients that are not browsers', async () => {
    const own = { host: 'localhost:4010', origin: 'http://localhost:4010', 'sec-fetch-site': 'same-origin' };
    expect((await app.inject({ url: '/runs', headers: own })).statusCode).toBe(200);
    expect((await app.inject({ url: '/runs', headers: { 'sec-fetch-site': 'none' } })).statusCode).toBe(200);
    const r = await app.inject({ method: 'POST', url: '/runs/nope/cancel', headers: own });
    expect(r.statusCode).toBe(404);
    const withCharset = await app.inject({ method: 'POST', url: '/runs', headers: { 'content-type': 'application/json; charset=utf-8' }, payload: '{"scenario":"no-such"}' });
    expect(withCharset.json().error).toBe('PM_SCENARIO_UNKNOWN_SCENARIO');
  });

  it('answers a Host that does not name this server with 421 on every route (DNS rebinding)', async () => {
    for (const url of ['/runs', '/', '/docs/json', '/health', '/catalog', '/api/v1/Webhooks']) {
      const r = await app.inject({ url, headers: { host: 'rebind.evil.example:4010' } });
      expect(r.statusCode, url).toBe(421);
      expect(r.json()).toMatchObject({ error: 'PM_FOREIGN_HOST' });
      expect(r.json().hint).toMatch(/--allow-host/);
    }
    for (const host of ['localhost:4010', '127.0.0.1:4010', '[::1]:4010', 'LOCALHOST']) {
      expect((await app.inject({ url: '/health', headers: { host } })).statusCode, host).toBe(200);
    }
  });
});

describe('the request guard, configured', () => {
  it('admits the bound address, the --allow-host names and the --allow-origin pages', async () => {
    const app = await buildApp({ requests: { host: '10.1.2.3', allowHosts: ['mock.test', '*.dev.example'], allowOrigins: ['http://localhost:3000'] } });
    try {
      for (const host of ['10.1.2.3:4010', 'mock.test', 'a.dev.example:1']) expect((await app.inject({ url: '/health', headers: { host } })).statusCode, host).toBe(200);
      for (const host of ['10.1.2.4', 'dev.example.evil', 'mock.test.evil']) expect((await app.inject({ url: '/health', headers: { host } })).statusCode, host).toBe(421);
      const page = await app.inject({ url: '/runs', headers: { origin: 'http://localhost:3000', 'sec-fetch-site': 'same-site' } });
      expect(page.statusCode).toBe(200);
    } finally {
      await app.close();
    }
  });

  it('reads host names the way HTTP writes them', () => {
    expect(hostnameOf('Example.COM:80')).toBe('example.com');
    expect(hostnameOf('[::1]:4010')).toBe('::1');
    const guard = createRequestGuard({ host: '0.0.0.0' });
    // Bound to every address: this machine's own addresses are this server.
    expect(guard.hostRefusal('127.0.0.1:1')).toBeUndefined();
    expect(guard.hostRefusal(undefined)).toMatch(/no Host header/);
    expect(guard.hostRefusal('evil.example')).toMatch(/not this server/);
  });
});

describe('an exposed server and the mluvii credentials', () => {
  it('generates a random client_secret when none is given, and refuses the published default', () => {
    const a = mluviiClient(true, undefined);
    const b = mluviiClient(true, undefined);
    expect(a.generated).toBe(true);
    expect(a.secret).not.toBe(DEFAULT_CLIENT_SECRET);
    expect(a.secret).not.toBe(b.secret);
    expect(a.secret?.length).toBeGreaterThanOrEqual(24);
    expect(() => mluviiClient(true, DEFAULT_CLIENT_SECRET)).toThrow(/PM_SERVE_DEFAULT_CREDENTIALS.*published default/);
    expect(mluviiClient(true, 'mine-123')).toEqual({ secret: 'mine-123', generated: false });
    // Loopback keeps the documented default.
    expect(mluviiClient(false, undefined)).toEqual({ secret: undefined, generated: false });
  });

  it('refuses to listen beyond loopback with the default secret, before binding anything', async () => {
    await expect(startServer({ host: '0.0.0.0', port: 0, token: TOKEN, mluviiClientSecret: DEFAULT_CLIENT_SECRET, print: () => {}, handleSignals: false })).rejects.toThrow(
      /PM_SERVE_DEFAULT_CREDENTIALS/,
    );
  });

  it('shows registered Basic passwords and query secrets only to the control-token holder', async () => {
    const app = await buildApp({ mluvii: { clientSecret: 's3cret-client' }, security: { token: TOKEN, exposed: true, allowTargets: ['https://hooks.example.com/*'] } });
    try {
      const token = await mluviiToken(app, 's3cret-client');
      const callbackUrl = 'https://op:pa55word@hooks.example.com/mluvii?secret=q-secret&tenant=62';
      const add = await app.inject({ method: 'POST', url: '/api/v1/Webhooks', headers: { authorization: `Bearer ${token}` }, payload: { eventTypes: ['SessionCreated'], callbackUrl } });
      expect(add.statusCode).toBe(201);
      const one = await app.inject({ url: `/api/v1/Webhooks/${add.json()}`, headers: { authorization: `Bearer ${token}` } });
      expect(one.json().callbackUrl).toBe('https://op:***@hooks.example.com/mluvii?secret=***&tenant=62');
      const asMluviiClient = await app.inject({ url: '/api/v1/Webhooks', headers: { authorization: `Bearer ${token}` } });
      expect(asMluviiClient.json()[0].callbackUrl).toBe('https://op:***@hooks.example.com/mluvii?secret=***&tenant=62');
      expect(asMluviiClient.body).not.toContain('pa55word');
      expect(asMluviiClient.body).not.toContain('q-secret');
      const wrongControl = await app.inject({ url: '/api/v1/Webhooks', headers: { authorization: `Bearer ${token}`, 'x-provider-mock-token': 'nope' } });
      expect(wrongControl.body).not.toContain('pa55word');
      const asHolder = await app.inject({ url: '/api/v1/Webhooks', headers: { authorization: `Bearer ${token}`, 'x-provider-mock-token': TOKEN } });
      expect(asHolder.json()[0].callbackUrl).toBe(callbackUrl);
    } finally {
      await app.close();
    }
  });

  it('keeps showing them on a loopback server without a control token (only local clients reach it)', async () => {
    const app = await buildApp();
    try {
      const token = await mluviiToken(app);
      const callbackUrl = 'http://op:pa55word@127.0.0.1:9/mluvii';
      await app.inject({ method: 'POST', url: '/api/v1/Webhooks', headers: { authorization: `Bearer ${token}` }, payload: { eventTypes: ['SessionCreated'], callbackUrl } });
      expect((await app.inject({ url: '/api/v1/Webhooks', headers: { authorization: `Bearer ${token}` } })).json()[0].callbackUrl).toBe(callbackUrl);
    } finally {
      await app.close();
    }
  });
});
