import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWorld, type EnreachWorld } from '../../generators/index.ts';
import { buildApp } from '../../mock-server/app.ts';
import { registrationResolver, securityGroupIndex } from '../../mock-server/plugins/runs.ts';
import { createSecurity } from '../../mock-server/plugins/security.ts';
import type { TimelineEntry } from '../../scenarios/index.ts';

/** The control token and the target allow-list: no open relay when the server is exposed. */

const TOKEN = 'control-token-123';

async function mluviiToken(app: FastifyInstance): Promise<string> {
  const r = await app.inject({
    method: 'POST',
    url: '/login/connect/token',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    payload: 'grant_type=client_credentials&client_id=provider-mock&client_secret=provider-mock-secret',
  });
  expect(r.statusCode).toBe(200);
  return r.json<{ access_token: string }>().access_token;
}

describe('an exposed server (--host beyond loopback)', () => {
  let app: FastifyInstance;
  beforeAll(async () => {
    app = await buildApp({ security: { token: TOKEN, exposed: true, allowTargets: ['https://hooks.example.com/*', 'receiver:8080'] } });
  });
  afterAll(() => app.close());

  it('refuses to start without a control token', async () => {
    await expect(buildApp({ security: { exposed: true } })).rejects.toThrow(/PM_SERVE_TOKEN_REQUIRED.*--token/);
  });

  it('requires the token on every control route, by Bearer or X-Provider-Mock-Token', async () => {
    for (const [method, url] of [
      ['GET', '/runs'],
      ['POST', '/runs'],
      ['GET', '/runs/x'],
      ['GET', '/runs/x/events'],
      ['POST', '/runs/x/cancel'],
      ['POST', '/emit/mluvii/SessionCreated'],
      ['GET', '/catalog'],
      ['GET', '/catalog/mluvii/SessionCreated'],
      ['GET', '/enreach/webhooks'],
      ['POST', '/enreach/webhooks'],
      ['DELETE', '/enreach/webhooks'],
    ] as const) {
      const r = await app.inject({ method, url });
      expect(r.statusCode, `${method} ${url}`).toBe(401);
      expect(r.headers['www-authenticate']).toMatch(/^Bearer/);
    }
    expect((await app.inject({ url: '/runs', headers: { authorization: 'Bearer wrong' } })).json().message).toBe('wrong control token');
    expect((await app.inject({ url: '/runs', headers: { authorization: `Bearer ${TOKEN}` } })).statusCode).toBe(200);
    expect((await app.inject({ url: '/runs', headers: { 'x-provider-mock-token': TOKEN } })).statusCode).toBe(200);
  });

  it('takes the token from ?access_token= on GET only (EventSource cannot send headers)', async () => {
    expect((await app.inject({ url: `/runs/none/events?access_token=${TOKEN}` })).statusCode).toBe(404);
    expect((await app.inject({ method: 'POST', url: `/runs?access_token=${TOKEN}`, payload: {} })).statusCode).toBe(401);
    // Every control GET takes it, next to its own query parameters.
    for (const url of ['/runs', '/catalog?provider=mluvii', '/catalog/mluvii/SessionCreated?seed=1', '/enreach/webhooks']) {
      expect((await app.inject({ url: `${url}${url.includes('?') ? '&' : '?'}access_token=${TOKEN}` })).statusCode, url).toBe(200);
    }
  });

  it('leaves health, the inspector page, the docs and the mluvii surface (its own OAuth) open', async () => {
    for (const url of ['/health', '/', '/inspector/inspector.js', '/docs/json']) expect((await app.inject({ url })).statusCode, url).toBe(200);
    expect((await app.inject({ url: '/api/v1/Webhooks' })).statusCode).toBe(401); // mluvii's own 401
    await mluviiToken(app);
  });

  const auth = { authorization: `Bearer ${TOKEN}` };

  it('refuses explicit targets outside the allow-list', async () => {
    const r = await app.inject({ method: 'POST', url: '/runs', headers: auth, payload: { scenario: 'chat-session', target: { url: 'http://169.254.169.254/latest' } } });
    expect(r.statusCode).toBe(400);
    expect(r.json()).toMatchObject({ error: 'PM_TARGET_NOT_ALLOWED', where: 'body.target.url' });
    expect(r.json().message).toMatch(/matches no --allow-target pattern/);
  });

  it('refuses scenario files on the server\'s disk (inline YAML and built-ins only)', async () => {
    const r = await app.inject({ method: 'POST', url: '/runs', headers: auth, payload: { scenario: './scenarios/mluvii/chat-session.yaml' } });
    expect(r.statusCode).toBe(400);
    expect(r.json().error).toBe('PM_SCENARIO_FILES_REFUSED');
  });

  it('refuses a mluvii callback URL outside the allow-list, after the token check', async () => {
    const body = { eventTypes: ['SessionCreated'], callbackUrl: 'http://u:p@10.0.0.1/hook' };
    expect((await app.inject({ method: 'POST', url: '/api/v1/Webhooks', payload: body })).statusCode).toBe(401);
    const token = await mluviiToken(app);
    const r = await app.inject({ method: 'POST', url: '/api/v1/Webhooks', headers: { authorization: `Bearer ${token}` }, payload: body });
    expect(r.statusCode).toBe(400);
    expect(r.json().errors.CallbackUrl[0]).toMatch(/allow-target/);
    expect(r.body).not.toContain('u:p@');
    const ok = await app.inject({ method: 'POST', url: '/api/v1/Webhooks', headers: { authorization: `Bearer ${token}` }, payload: { ...body, callbackUrl: 'https://hooks.example.com/mluvii' } });
    expect(ok.statusCode).toBe(201);
  });

  it('refuses an Enreach endpoint outside the allow-list', async () => {
    const doc = (Endpoint: string) => ({ Webhook: { Endpoint }, Subscriptions: [{ EventType: 'UserStatus', AllEntities: true }] });
    const r = await app.inject({ method: 'POST', url: '/enreach/webhooks', headers: auth, payload: doc('https://evil.example.net/x') });
    expect(r.statusCode).toBe(400);
    expect(r.json().error).toBe('PM_TARGET_NOT_ALLOWED');
    expect((await app.inject({ method: 'POST', url: '/enreach/webhooks', headers: auth, payload: doc('http://receiver:8080/enreach') })).statusCode).toBe(201);
  });

  it('answers a refused Enreach endpoint like every control route: where, and how to allow it', async () => {
    const doc = { Webhook: { Endpoint: 'https://evil.example.net/x' }, Subscriptions: [{ EventType: 'UserStatus', AllEntities: true }] };
    const r = await app.inject({ method: 'POST', url: '/enreach/webhooks', headers: auth, payload: [doc] });
    expect(r.statusCode).toBe(400);
    expect(r.json()).toMatchObject({ error: 'PM_TARGET_NOT_ALLOWED', statusCode: 400, where: 'body: $[0].Webhook.Endpoint' });
    expect(r.json().hint).toMatch(/--allow-target/);
  });
});

describe('allow-list patterns', () => {
  it('match scheme://host[:port]/path with *, or host[:port] alone', () => {
    const s = createSecurity({ allowTargets: ['https://*.example.com/hooks/*', 'receiver:*'] });
    expect(s.restrictTargets).toBe(true);
    expect(s.targetRefusal('https://a.example.com/hooks/x?secret=1')).toBeUndefined();
    expect(s.targetRefusal('https://user:pw@a.example.com/hooks/x')).toBeUndefined();
    expect(s.targetRefusal('http://a.example.com/hooks/x')).toMatch(/matches no/);
    expect(s.targetRefusal('https://a.example.com.evil.net/hooks/x')).toMatch(/matches no/);
    expect(s.targetRefusal('http://receiver:8080/x')).toBeUndefined();
    expect(s.targetRefusal('ftp://receiver:21/')).toMatch(/not an http/);
  });

  it('restrict nothing on loopback without patterns, and everything when exposed without them', () => {
    expect(createSecurity({}).targetRefusal('http://10.1.2.3/')).toBeUndefined();
    expect(createSecurity({ exposed: true, token: 't' }).targetRefusal('http://127.0.0.1:8080/')).toMatch(/no open relay/);
  });
});

describe('registrations → targets', () => {
  let app: FastifyInstance;
  beforeAll(async () => {
    app = await buildApp({ security: { allowTargets: ['127.0.0.1:*'] } });
  });
  afterAll(() => app.close());

  const world = createWorld('enreach', { seed: 11 }) as EnreachWorld;
  const user = world.users[0]!;
  const group = world.securityGroups.find((g) => g.userIds.includes(user.id))!;
  const entry = (payload: object, eventType: string, provider: 'mluvii' | 'enreach' = 'enreach'): TimelineEntry => ({ seq: 0, at: 0, provider, eventType, entityKey: 'k', payload, scenario: 's', instance: 0, step: 'x' });

  it('indexes security groups by member, case-insensitively', () => {
    expect(securityGroupIndex([world])(user.id.toUpperCase())).toContain(group.id);
  });

  it('maps Enreach Secret/InsecureSSL/TimeoutSeconds, selects by SecurityGroupId, and skips endpoints the allow-list refuses', async () => {
    app.enreach.configs.push(
      { Webhook: { Endpoint: 'https://127.0.0.1:8443/a', Secret: 's', InsecureSSL: true, TimeoutSeconds: 2 }, Subscriptions: [{ EventType: 'UserStatus', SecurityGroupId: group.id }] },
      { Webhook: { Endpoint: 'https://elsewhere.example/b' }, Subscriptions: [{ EventType: 'UserStatus', AllEntities: true }] },
    );
    const resolve = registrationResolver(app, [world]);
    const r = resolve(entry({ EventType: 'UserStatus', EntityId: user.id }, 'UserStatus'));
    expect(r.targets).toEqual([{ url: 'https://127.0.0.1:8443/a', secret: 's', insecure: true, timeoutMs: 2000 }]);
    expect(r.refused).toEqual([expect.stringMatching(/registration skipped: "https:\/\/elsewhere\.example\/b" matches no --allow-target/)]);
    const other = world.users.find((u) => !u.securityGroupIds.includes(group.id))!;
    expect(resolve(entry({ EventType: 'UserStatus', EntityId: other.id }, 'UserStatus')).targets).toEqual([]);
  });

  it('sends mluvii events to the webhooks subscribed to their type, callbackUrl as is', async () => {
    const token = await mluviiToken(app);
    await app.inject({ method: 'POST', url: '/api/v1/Webhooks', headers: { authorization: `Bearer ${token}` }, payload: { eventTypes: ['sessionCreated'], callbackUrl: 'http://u:p@127.0.0.1:9/m?secret=x' } });
    const resolve = registrationResolver(app, []);
    expect(resolve(entry({ eventType: 'SessionCreated', data: {} }, 'SessionCreated', 'mluvii')).targets).toEqual([{ url: 'http://u:p@127.0.0.1:9/m?secret=x' }]);
    expect(resolve(entry({ eventType: 'SessionEnded', data: {} }, 'SessionEnded', 'mluvii')).targets).toEqual([]);
  });
});
