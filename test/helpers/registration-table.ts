/**
 * One table of mluvii registration behaviour, run against every implementation of it (the pure
 * router, the Fastify server, the MSW handlers), so they cannot drift apart.
 */
import { expect, it } from 'vitest';

export interface HttpCall {
  method: string;
  path: string;
  headers?: Record<string, string>;
  json?: unknown;
  form?: Record<string, string>;
}

export interface HttpAnswer {
  status: number;
  headers: Record<string, string>;
  /** Parsed JSON body, or the raw text when it is not JSON, or undefined when empty. */
  body: unknown;
}

export interface RegistrationSurface {
  call(req: HttpCall): Promise<HttpAnswer>;
  /** Moves the surface's clock forward (token expiry). */
  advance(ms: number): void;
  close?(): Promise<void>;
  clientId: string;
  clientSecret: string;
}

async function token(s: RegistrationSurface): Promise<string> {
  const r = await s.call({
    method: 'POST',
    path: '/login/connect/token',
    form: { response_type: 'token', grant_type: 'client_credentials', client_id: s.clientId, client_secret: s.clientSecret },
  });
  expect(r.status).toBe(200);
  return (r.body as { access_token: string }).access_token;
}

const bearer = (t: string) => ({ authorization: `Bearer ${t}` });
const hook = { eventTypes: ['SessionStarted', 'SessionForwarded', 'SessionEnded'], callbackUrl: 'https://csharp:isawesome@receiver.example/mluviiwebhook' };

/** Registers the table's tests; `make` builds a fresh surface per test. */
export function registrationTable(make: () => Promise<RegistrationSurface>): void {
  const withSurface = (fn: (s: RegistrationSurface) => Promise<void>) => async () => {
    const s = await make();
    try {
      await fn(s);
    } finally {
      await s.close?.();
    }
  };

  it('issues a one-hour bearer token for the client credentials, as /login/connect/token does', withSurface(async (s) => {
    const r = await s.call({ method: 'POST', path: '/login/connect/token', form: { grant_type: 'client_credentials', client_id: s.clientId, client_secret: s.clientSecret } });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ token_type: 'Bearer', expires_in: 3600, access_token: expect.any(String) });
  }));

  it('refuses a wrong client secret with invalid_client', withSurface(async (s) => {
    const r = await s.call({ method: 'POST', path: '/login/connect/token', form: { grant_type: 'client_credentials', client_id: s.clientId, client_secret: 'nope' } });
    expect(r.status).toBe(400);
    expect(r.body).toMatchObject({ error: 'invalid_client' });
  }));

  it('refuses another grant type with unsupported_grant_type', withSurface(async (s) => {
    const r = await s.call({ method: 'POST', path: '/login/connect/token', form: { grant_type: 'password', client_id: s.clientId, client_secret: s.clientSecret } });
    expect(r.status).toBe(400);
    expect(r.body).toMatchObject({ error: 'unsupported_grant_type' });
  }));

  it('requires a bearer token for /api/v1/Webhooks (401 with a Bearer challenge)', withSurface(async (s) => {
    const r = await s.call({ method: 'GET', path: '/api/v1/Webhooks' });
    expect(r.status).toBe(401);
    expect(r.headers['www-authenticate']).toMatch(/^Bearer/);
  }));

  it('registers a webhook, lists it, and answers a second registration of the same callbackUrl with 409 and the id', withSurface(async (s) => {
    const t = await token(s);
    const created = await s.call({ method: 'POST', path: '/api/v1/Webhooks', headers: bearer(t), json: hook });
    expect(created.status).toBe(200);
    const id = created.body as number;
    expect(Number.isInteger(id)).toBe(true);
    const list = await s.call({ method: 'GET', path: '/api/v1/Webhooks', headers: bearer(t) });
    expect(list.body).toEqual([{ id, ...hook }]);
    const again = await s.call({ method: 'POST', path: '/api/v1/Webhooks', headers: bearer(t), json: { ...hook, eventTypes: ['SessionCreated'] } });
    expect(again.status).toBe(409);
    expect(String(again.body)).toBe(String(id));
  }));

  it('updates with PUT /api/v1/Webhooks/{id}, as the official sample does after a 409', withSurface(async (s) => {
    const t = await token(s);
    const id = (await s.call({ method: 'POST', path: '/api/v1/Webhooks', headers: bearer(t), json: hook })).body as number;
    const put = await s.call({ method: 'PUT', path: `/api/v1/Webhooks/${id}`, headers: bearer(t), json: { ...hook, eventTypes: ['SessionCreated'] } });
    expect(put.status).toBe(200);
    const list = await s.call({ method: 'GET', path: '/api/v1/Webhooks', headers: bearer(t) });
    expect(list.body).toEqual([{ id, eventTypes: ['SessionCreated'], callbackUrl: hook.callbackUrl }]);
  }));

  it('binds event names case-insensitively and stores the catalog spelling', withSurface(async (s) => {
    const t = await token(s);
    await s.call({ method: 'POST', path: '/api/v1/Webhooks', headers: bearer(t), json: { eventTypes: ['sessionCreated'], callbackUrl: 'https://r.example/h' } });
    const list = await s.call({ method: 'GET', path: '/api/v1/Webhooks', headers: bearer(t) });
    expect((list.body as { eventTypes: string[] }[])[0]?.eventTypes).toEqual(['SessionCreated']);
  }));

  it('answers missing fields and a bad URL with ASP.NET validation problems', withSurface(async (s) => {
    const t = await token(s);
    const r = await s.call({ method: 'POST', path: '/api/v1/Webhooks', headers: bearer(t), json: { eventTypes: ['SessionCreated'], callbackUrl: 'not a url' } });
    expect(r.status).toBe(400);
    expect(r.body).toMatchObject({ title: 'One or more validation errors occurred.', errors: { CallbackUrl: [expect.stringMatching(/not a valid fully-qualified http, https, or ftp URL/)] } });
    const r2 = await s.call({ method: 'POST', path: '/api/v1/Webhooks', headers: bearer(t), json: {} });
    expect(r2.status).toBe(400);
    expect(Object.keys((r2.body as { errors: object }).errors).sort()).toEqual(['CallbackUrl', 'EventTypes']);
  }));

  it('refuses an event type the catalog does not know, listing the valid ones', withSurface(async (s) => {
    const t = await token(s);
    const r = await s.call({ method: 'POST', path: '/api/v1/Webhooks', headers: bearer(t), json: { eventTypes: ['SessionCreated', 'StatRealTime'], callbackUrl: 'https://r.example/h' } });
    expect(r.status).toBe(400);
    expect((r.body as { errors: Record<string, string[]> }).errors['EventTypes[1]']?.[0]).toMatch(/"StatRealTime" is not a WebhookEventType.*Valid values: .*SessionCreated/);
  }));

  it('matches routes case-insensitively like the real host', withSurface(async (s) => {
    const t = await token(s);
    const r = await s.call({ method: 'GET', path: '/API/V1/webhooks', headers: bearer(t) });
    expect(r.status).toBe(200);
  }));

  it('deletes a webhook, then answers 404 for it', withSurface(async (s) => {
    const t = await token(s);
    const id = (await s.call({ method: 'POST', path: '/api/v1/Webhooks', headers: bearer(t), json: hook })).body as number;
    expect((await s.call({ method: 'DELETE', path: `/api/v1/Webhooks/${id}`, headers: bearer(t) })).status).toBe(200);
    expect((await s.call({ method: 'DELETE', path: `/api/v1/Webhooks/${id}`, headers: bearer(t) })).status).toBe(404);
    expect((await s.call({ method: 'PUT', path: '/api/v1/Webhooks/999', headers: bearer(t), json: hook })).status).toBe(404);
  }));

  it('rejects an expired token with invalid_token', withSurface(async (s) => {
    const t = await token(s);
    s.advance(3600 * 1000 + 1);
    const r = await s.call({ method: 'GET', path: '/api/v1/Webhooks', headers: bearer(t) });
    expect(r.status).toBe(401);
    expect(r.headers['www-authenticate']).toMatch(/invalid_token/);
  }));
}
