import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../mock-server/app.ts';
import { registrationTable, type RegistrationSurface } from '../helpers/registration-table.ts';

describe('mock server: the mluvii Public API (inject)', () => {
  registrationTable(async (opts = {}) => {
    let now = Date.UTC(2024, 4, 2);
    const app = await buildApp({ mluvii: { now: () => now, ...opts } });
    const surface: RegistrationSurface = {
      clientId: 'provider-mock',
      clientSecret: 'provider-mock-secret',
      advance: (ms) => void (now += ms),
      records: app.mluviiRecords,
      close: () => app.close(),
      async call(req) {
        const r = await app.inject({
          method: req.method as 'GET',
          url: req.path,
          headers: req.headers ?? {},
          ...(req.form ? { payload: new URLSearchParams(req.form).toString(), headers: { ...req.headers, 'content-type': 'application/x-www-form-urlencoded' } } : {}),
          ...(req.json !== undefined ? { payload: JSON.stringify(req.json), headers: { ...req.headers, 'content-type': 'application/json' } } : {}),
        });
        let body: unknown = r.body === '' ? undefined : r.body;
        try {
          body = r.body === '' ? undefined : JSON.parse(r.body);
        } catch {
          /* plain text */
        }
        return { status: r.statusCode, headers: r.headers as Record<string, string>, body };
      },
    };
    return surface;
  });
});

describe('mock server: basics', () => {
  let app: FastifyInstance;
  beforeAll(async () => {
    app = await buildApp();
  });
  afterAll(() => app.close());

  it('answers /health for orchestration', async () => {
    const r = await app.inject({ url: '/health' });
    expect(r.statusCode).toBe(200);
    expect(r.json()).toMatchObject({ status: 'ok' });
  });

  it('answers malformed JSON with 400 and the reason', async () => {
    const r = await app.inject({ method: 'POST', url: '/enreach/webhooks', headers: { 'content-type': 'application/json' }, payload: '{"Webhook":' });
    expect(r.statusCode).toBe(400);
    expect(r.json().message).toMatch(/JSON/);
  });

  it('answers unknown routes with 404 and where to look', async () => {
    const r = await app.inject({ url: '/nope' });
    expect(r.statusCode).toBe(404);
    expect(r.json().message).toMatch(/no route GET \/nope.*\/docs/);
  });

  it('serves the OpenAPI document of its routes at /docs', async () => {
    const r = await app.inject({ url: '/docs/json' });
    expect(r.statusCode).toBe(200);
    const doc = r.json<{ openapi: string; paths: Record<string, unknown> }>();
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/health', '/api/v1/Webhooks', '/login/connect/token', '/enreach/webhooks']));
  });
});

describe('mock server: Enreach configuration', () => {
  let app: FastifyInstance;
  beforeAll(async () => {
    app = await buildApp();
  });
  afterAll(() => app.close());

  it('takes the documented configuration document and lists it with the secret masked', async () => {
    const doc = { Webhook: { Endpoint: 'https://127.0.0.1:8443/hook', Secret: 'MySecretString', InsecureSSL: true }, Subscriptions: [{ EventType: 'QueueCallInUserConnected', AllEntities: true }] };
    const r = await app.inject({ method: 'POST', url: '/enreach/webhooks', payload: doc });
    expect(r.statusCode).toBe(201);
    const list = (await app.inject({ url: '/enreach/webhooks' })).json<{ Webhook: { Secret: string } }[]>();
    expect(list).toHaveLength(1);
    expect(list[0]?.Webhook.Secret).toBe('***');
    expect(JSON.stringify(list)).not.toContain('MySecretString');
  });

  it("refuses the doc's sample event names with did-you-mean and the JSON path", async () => {
    const r = await app.inject({ method: 'POST', url: '/enreach/webhooks', payload: { Webhook: { Endpoint: 'https://x.example/' }, Subscriptions: [{ EventType: 'QueueCallInAllocated', AllEntities: true }] } });
    expect(r.statusCode).toBe(400);
    expect(r.json()).toMatchObject({ error: 'PM_BAD_ENREACH_CONFIG', where: 'body: $.Subscriptions[0].EventType' });
    expect(r.json().message).toMatch(/did you mean "QueueCallInUserAllocated"/);
  });

  it('answers a shape error with one line at the JSON path of the bad value', async () => {
    const post = (payload: object) => app.inject({ method: 'POST', url: '/enreach/webhooks', payload });
    const wrongType = await post({ Webhook: { Endpoint: 'https://x.example/' }, Subscriptions: [{ EventType: 'UserStatus', AllEntities: 'yes' }] });
    expect(wrongType.statusCode).toBe(400);
    expect(wrongType.json()).toEqual({
      error: 'PM_BAD_ENREACH_CONFIG',
      statusCode: 400,
      where: 'body: $.Subscriptions[0].AllEntities',
      message: 'provider-mock PM_BAD_ENREACH_CONFIG: body: $.Subscriptions[0].AllEntities: AllEntities must be a boolean (got string "yes"); valid values: true, false',
      validValues: ['true', 'false'],
    });
    const unknownKey = await post([{ Webhook: { Endpoint: 'https://x.example/', Secrt: 'x' }, Subscriptions: [] }]);
    expect(unknownKey.statusCode).toBe(400);
    expect(unknownKey.json()).toMatchObject({
      where: 'body: $[0].Webhook.Secrt',
      message: 'provider-mock PM_BAD_ENREACH_CONFIG: body: $[0].Webhook.Secrt: unknown Webhook key "Secrt"; did you mean "Secret"?; valid values: Endpoint, InsecureSSL, Secret, Description, TimeoutSeconds',
    });
    const missing = await post({ Subscriptions: [] });
    expect(missing.json()).toMatchObject({
      where: 'body: $.Webhook',
      message:
        'provider-mock PM_BAD_ENREACH_CONFIG: body: $.Webhook: the configuration is missing the required key "Webhook" (an object {"Endpoint": …} with optional InsecureSSL, Secret, Description, TimeoutSeconds)',
    });
    expect((await app.inject({ url: '/enreach/webhooks' })).json()).toHaveLength(1);
  });
});
