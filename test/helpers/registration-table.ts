/**
 * One table of mluvii Public API behaviour, run against every implementation of it (the pure
 * router, the Fastify server through app.inject(), the MSW handlers), so they cannot drift
 * apart. Its rows cover every route × status of mluvii's published swagger
 * (contracts/mluvii/api/publicapi-swagger-2019.json, docs/providers.md M21): `swaggerCoverage()`
 * fails when a listed status has no row.
 */
import { expect, it } from 'vitest';
import { validatorFor } from '../../contracts/ajv.ts';
import { SESSION_MODEL_SCHEMA_ID, USER_MODEL_SCHEMA_ID, type MluviiApiPart } from '../../contracts/registration/index.ts';
import swagger from '../../contracts/mluvii/api/publicapi-swagger-2019.json' with { type: 'json' };
import type { MluviiRecords } from '../../generators/mluvii/records.ts';
import { playInto } from '../../msw/mluvii-api.ts';
import { readScenario } from '../../scenarios/files.ts';

export interface HttpCall {
  method: string;
  /** Path with the query string, e.g. `/api/v1/Sessions?Status=CLOSED`. */
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
  /** What the read routes answer from (runs fill it on the server; here the table plays into it). */
  records: MluviiRecords;
  close?(): Promise<void>;
  clientId: string;
  clientSecret: string;
}

/** Builds a fresh surface; `grants` limits the parts of the API the client may use. */
export type SurfaceFactory = (opts?: { grants?: readonly MluviiApiPart[] }) => Promise<RegistrationSurface>;

/** Splits `/a?x=1&x=2` into the path and the query pairs, for surfaces that take them apart. */
export function splitPath(path: string): { path: string; query: [string, string][] } {
  const [p = path, q = ''] = path.split('?', 2);
  return { path: p, query: [...new URLSearchParams(q)] };
}

async function token(s: RegistrationSurface): Promise<string> {
  // Exactly the official sample's form body (docs/providers.md M13).
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
/** What the official C# sample posts (docs/providers.md M22). */
const csharpBody = { EventTypes: [3, 5, 4], CallbackUrl: hook.callbackUrl };
const problem = (r: HttpAnswer) => (r.body as { errors: Record<string, string[]> }).errors;

/** The chat-session the read rows play: seed 7 (session 7471832, operator 2114). */
function played(s: RegistrationSurface): { sessionId: number; userId: number } {
  playInto(s.records, { scenario: readScenario('chat-session'), seed: 7 });
  const session = s.records.sessions()[0]!;
  return { sessionId: session.id, userId: session.operators[0]!.userId };
}

type Swagger = { paths: Record<string, Record<string, { responses: Record<string, unknown> }>> };

/** Every (route, method, status) the published swagger lists. */
export function swaggerStatuses(): string[] {
  return Object.entries((swagger as unknown as Swagger).paths).flatMap(([path, methods]) =>
    Object.entries(methods).flatMap(([method, op]) => Object.keys(op.responses).map((status) => `${method.toUpperCase()} ${path} ${status}`)),
  );
}

interface Row {
  /** `POST /api/v1/Webhooks 201`: the swagger route and status this row shows. */
  covers: string;
  name: string;
  grants?: readonly MluviiApiPart[];
  run(s: RegistrationSurface): Promise<void>;
}

/** The rows for 401 and 403 are the same for every secured route. */
function guarded(covers: string, call: (id: string) => HttpCall, part: MluviiApiPart): Row[] {
  const [method, route] = covers.split(' ');
  return [
    {
      covers: `${method} ${route} 401`,
      name: `${method} ${route} without a bearer token: 401 with a Bearer challenge`,
      async run(s) {
        const r = await s.call(call('1'));
        expect(r.status).toBe(401);
        expect(r.headers['www-authenticate']).toMatch(/^Bearer/);
      },
    },
    {
      covers: `${method} ${route} 403`,
      name: `${method} ${route} with a good token of a client not granted ${part}: 403`,
      grants: ['Webhooks', 'Sessions', 'Users'].filter((p) => p !== part) as MluviiApiPart[],
      async run(s) {
        const t = await token(s);
        const c = call('1');
        const r = await s.call({ ...c, headers: { ...c.headers, ...bearer(t) } });
        expect(r.status).toBe(403);
        expect((r.body as { detail: string }).detail).toContain(`may not use ${part}`);
      },
    },
  ];
}

const ROWS: Row[] = [
  // POST /api/v1/Webhooks
  {
    covers: 'POST /api/v1/Webhooks 201',
    name: 'registers a webhook: 201 with the new id as the body and its Location',
    async run(s) {
      const t = await token(s);
      const r = await s.call({ method: 'POST', path: '/api/v1/Webhooks', headers: bearer(t), json: hook });
      expect(r.status).toBe(201);
      expect(Number.isInteger(r.body)).toBe(true);
      expect(r.headers['location']).toBe(`/api/v1/Webhooks/${String(r.body)}`);
    },
  },
  {
    covers: 'POST /api/v1/Webhooks 201',
    name: "binds the official C# sample's body: PascalCase names, integer enum values in WebhookEventType's order",
    async run(s) {
      const t = await token(s);
      const r = await s.call({ method: 'POST', path: '/api/v1/Webhooks', headers: bearer(t), json: csharpBody });
      expect(r.status).toBe(201);
      const got = await s.call({ method: 'GET', path: `/api/v1/Webhooks/${String(r.body)}`, headers: bearer(t) });
      expect(got.body).toEqual({ id: r.body, eventTypes: ['SessionStarted', 'SessionForwarded', 'SessionEnded'], callbackUrl: hook.callbackUrl });
    },
  },
  {
    covers: 'POST /api/v1/Webhooks 201',
    name: 'binds property names and enum names in any case, and integers sent as strings, storing the catalog spelling',
    async run(s) {
      const t = await token(s);
      const r = await s.call({ method: 'POST', path: '/api/v1/Webhooks', headers: bearer(t), json: { EVENTTYPES: ['sessionCreated', 'SESSIONENDED', '1'], callbackurl: 'https://r.example/h' } });
      expect(r.status).toBe(201);
      const list = await s.call({ method: 'GET', path: '/api/v1/Webhooks', headers: bearer(t) });
      expect((list.body as { eventTypes: string[] }[])[0]?.eventTypes).toEqual(['SessionCreated', 'SessionEnded', 'UserStatusChanged']);
    },
  },
  {
    covers: 'POST /api/v1/Webhooks 409',
    name: 'answers a second registration of the same callbackUrl with 409 and the existing id, as the sample expects',
    async run(s) {
      const t = await token(s);
      const id = (await s.call({ method: 'POST', path: '/api/v1/Webhooks', headers: bearer(t), json: csharpBody })).body;
      const again = await s.call({ method: 'POST', path: '/api/v1/Webhooks', headers: bearer(t), json: { ...csharpBody, EventTypes: [2] } });
      expect(again.status).toBe(409);
      expect(String(again.body)).toBe(String(id));
    },
  },
  {
    covers: 'POST /api/v1/Webhooks 400',
    name: 'answers missing fields and a bad URL with ASP.NET validation problems, pointing at a misspelt key',
    async run(s) {
      const t = await token(s);
      const r = await s.call({ method: 'POST', path: '/api/v1/Webhooks', headers: bearer(t), json: { eventTypes: ['SessionCreated'], callbackUrl: 'not a url' } });
      expect(r.status).toBe(400);
      expect(r.body).toMatchObject({ title: 'One or more validation errors occurred.', errors: { CallbackUrl: [expect.stringMatching(/not a valid fully-qualified http, https, or ftp URL/)] } });
      const r2 = await s.call({ method: 'POST', path: '/api/v1/Webhooks', headers: bearer(t), json: { eventTypes: [3], callbakUrl: 'https://r.example/h' } });
      expect(problem(r2)).toEqual({ CallbackUrl: ['The CallbackUrl field is required. (the body has "callbakUrl"; did you mean CallbackUrl?)'] });
      const r3 = await s.call({ method: 'POST', path: '/api/v1/Webhooks', headers: bearer(t), json: {} });
      expect(Object.keys(problem(r3)).sort()).toEqual(['CallbackUrl', 'EventTypes']);
    },
  },
  {
    covers: 'POST /api/v1/Webhooks 400',
    name: 'refuses enum values that are no member, UNKNOWN (0), and a field sent twice, naming the field and the valid values',
    async run(s) {
      const t = await token(s);
      const r = await s.call({ method: 'POST', path: '/api/v1/Webhooks', headers: bearer(t), json: { eventTypes: ['SessionCreated', 'StatRealTime', 99, 0, true], callbackUrl: 'https://r.example/h' } });
      expect(r.status).toBe(400);
      const e = problem(r);
      expect(Object.keys(e)).toEqual(['EventTypes[1]', 'EventTypes[2]', 'EventTypes[3]', 'EventTypes[4]']);
      expect(e['EventTypes[1]']?.[0]).toMatch(/^The value 'StatRealTime' is not valid for EventTypes\[1\]\. .*Send a WebhookEventType member's name \(any case\) or its integer value: UserStatusChanged \(1\), SessionCreated \(2\), SessionStarted \(3\)/);
      expect(e['EventTypes[2]']?.[0]).toMatch(/^The value 99 is not valid for EventTypes\[2\]\. Send a WebhookEventType/);
      expect(e['EventTypes[3]']?.[0]).toMatch(/^The value 0 \(UNKNOWN: UNKNOWN is no event one can subscribe to\) is not valid/);
      expect(e['EventTypes[2]']?.[0]).not.toContain('UNKNOWN (0)');
      const typo = await s.call({ method: 'POST', path: '/api/v1/Webhooks', headers: bearer(t), json: { eventTypes: ['SesionEnded'], callbackUrl: 'https://r.example/h' } });
      expect(problem(typo)['EventTypes[0]']?.[0]).toContain('Did you mean "SessionEnded"?');
      const twice = await s.call({ method: 'POST', path: '/api/v1/Webhooks', headers: bearer(t), json: { eventTypes: [3], EventTypes: [4], callbackUrl: 'https://r.example/h' } });
      expect(problem(twice)['EventTypes']?.[0]).toMatch(/sent twice, as "eventTypes" and "EventTypes"/);
    },
  },
  ...guarded('POST /api/v1/Webhooks', () => ({ method: 'POST', path: '/api/v1/Webhooks', json: hook }), 'Webhooks'),

  // GET /api/v1/Webhooks (the list: not in the 2019 swagger, used by ApiModels clients and ObseumEU)
  {
    covers: 'GET /api/v1/Webhooks 200',
    name: 'lists the registered webhooks as WebhookModel, matching routes in any case like the real host',
    async run(s) {
      const t = await token(s);
      const id = (await s.call({ method: 'POST', path: '/api/v1/Webhooks', headers: bearer(t), json: hook })).body;
      const list = await s.call({ method: 'GET', path: '/API/V1/webhooks', headers: bearer(t) });
      expect(list.status).toBe(200);
      expect(list.body).toEqual([{ id, ...hook }]);
    },
  },

  // GET /api/v1/Webhooks/{id}
  {
    covers: 'GET /api/v1/Webhooks/{id} 200',
    name: 'answers one webhook as WebhookModel',
    async run(s) {
      const t = await token(s);
      const id = (await s.call({ method: 'POST', path: '/api/v1/Webhooks', headers: bearer(t), json: hook })).body;
      const r = await s.call({ method: 'GET', path: `/api/v1/Webhooks/${String(id)}`, headers: bearer(t) });
      expect(r.status).toBe(200);
      expect(r.body).toEqual({ id, ...hook });
    },
  },
  {
    covers: 'GET /api/v1/Webhooks/{id} 404',
    name: 'answers an id no webhook has with 404',
    async run(s) {
      const t = await token(s);
      const r = await s.call({ method: 'GET', path: '/api/v1/Webhooks/999', headers: bearer(t) });
      expect(r.status).toBe(404);
      expect((r.body as { detail: string }).detail).toBe('no webhook with id 999');
    },
  },
  {
    covers: 'GET /api/v1/Webhooks/{id} 400',
    name: 'answers an id that is no int32 with 400 naming the id, and a query parameter the route does not take',
    async run(s) {
      const t = await token(s);
      for (const bad of ['abc', '1.5', '99999999999']) {
        const r = await s.call({ method: 'GET', path: `/api/v1/Webhooks/${bad}`, headers: bearer(t) });
        expect(r.status, bad).toBe(400);
        expect(problem(r)['id']?.[0]).toBe(`The value '${bad}' is not valid for id: send a whole number from -2147483648 to 2147483647.`);
      }
      const q = await s.call({ method: 'GET', path: '/api/v1/Webhooks/1?verbose=1', headers: bearer(t) });
      expect(problem(q)).toEqual({ verbose: ['unknown query parameter "verbose"; this route takes no query parameters.'] });
    },
  },
  ...guarded('GET /api/v1/Webhooks/{id}', (id) => ({ method: 'GET', path: `/api/v1/Webhooks/${id}` }), 'Webhooks'),

  // PUT /api/v1/Webhooks/{id}
  {
    covers: 'PUT /api/v1/Webhooks/{id} 204',
    name: 'updates with PUT after a 409, as the official sample does: 204, no body',
    async run(s) {
      const t = await token(s);
      await s.call({ method: 'POST', path: '/api/v1/Webhooks', headers: bearer(t), json: csharpBody });
      const conflict = await s.call({ method: 'POST', path: '/api/v1/Webhooks', headers: bearer(t), json: { ...csharpBody, EventTypes: [2] } });
      const put = await s.call({ method: 'PUT', path: `/api/v1/Webhooks/${String(conflict.body)}`, headers: bearer(t), json: { ...csharpBody, EventTypes: [2] } });
      expect(put.status).toBe(204);
      expect(put.body).toBeUndefined();
      const list = await s.call({ method: 'GET', path: '/api/v1/Webhooks', headers: bearer(t) });
      expect(list.body).toEqual([{ id: conflict.body, eventTypes: ['SessionCreated'], callbackUrl: hook.callbackUrl }]);
    },
  },
  {
    covers: 'PUT /api/v1/Webhooks/{id} 404',
    name: 'answers a PUT to an unknown id with 404',
    async run(s) {
      const t = await token(s);
      expect((await s.call({ method: 'PUT', path: '/api/v1/Webhooks/999', headers: bearer(t), json: hook })).status).toBe(404);
    },
  },
  {
    covers: 'PUT /api/v1/Webhooks/{id} 400',
    name: "refuses a PUT with a bad body, a bad id, or another webhook's callbackUrl",
    async run(s) {
      const t = await token(s);
      const a = (await s.call({ method: 'POST', path: '/api/v1/Webhooks', headers: bearer(t), json: hook })).body;
      const b = (await s.call({ method: 'POST', path: '/api/v1/Webhooks', headers: bearer(t), json: { ...hook, callbackUrl: 'https://other.example/h' } })).body;
      expect((await s.call({ method: 'PUT', path: `/api/v1/Webhooks/${String(a)}`, headers: bearer(t), json: { eventTypes: 'SessionEnded', callbackUrl: hook.callbackUrl } })).status).toBe(400);
      expect((await s.call({ method: 'PUT', path: '/api/v1/Webhooks/x', headers: bearer(t), json: hook })).status).toBe(400);
      const taken = await s.call({ method: 'PUT', path: `/api/v1/Webhooks/${String(b)}`, headers: bearer(t), json: hook });
      expect(taken.status).toBe(400);
      expect(problem(taken)['CallbackUrl']?.[0]).toContain(`registered already, by webhook ${String(a)}`);
    },
  },
  ...guarded('PUT /api/v1/Webhooks/{id}', (id) => ({ method: 'PUT', path: `/api/v1/Webhooks/${id}`, json: hook }), 'Webhooks'),

  // DELETE /api/v1/Webhooks/{id}
  {
    covers: 'DELETE /api/v1/Webhooks/{id} 204',
    name: 'deletes a webhook: 204, then it is gone',
    async run(s) {
      const t = await token(s);
      const id = (await s.call({ method: 'POST', path: '/api/v1/Webhooks', headers: bearer(t), json: hook })).body;
      expect((await s.call({ method: 'DELETE', path: `/api/v1/Webhooks/${String(id)}`, headers: bearer(t) })).status).toBe(204);
      expect((await s.call({ method: 'GET', path: '/api/v1/Webhooks', headers: bearer(t) })).body).toEqual([]);
    },
  },
  {
    covers: 'DELETE /api/v1/Webhooks/{id} 404',
    name: 'answers a second DELETE of the same id with 404',
    async run(s) {
      const t = await token(s);
      const id = (await s.call({ method: 'POST', path: '/api/v1/Webhooks', headers: bearer(t), json: hook })).body;
      await s.call({ method: 'DELETE', path: `/api/v1/Webhooks/${String(id)}`, headers: bearer(t) });
      expect((await s.call({ method: 'DELETE', path: `/api/v1/Webhooks/${String(id)}`, headers: bearer(t) })).status).toBe(404);
    },
  },
  {
    covers: 'DELETE /api/v1/Webhooks/{id} 400',
    name: 'answers a DELETE of an id that is no int32 with 400',
    async run(s) {
      const t = await token(s);
      expect((await s.call({ method: 'DELETE', path: '/api/v1/Webhooks/first', headers: bearer(t) })).status).toBe(400);
    },
  },
  ...guarded('DELETE /api/v1/Webhooks/{id}', (id) => ({ method: 'DELETE', path: `/api/v1/Webhooks/${id}` }), 'Webhooks'),

  // DELETE /api/v1/Webhooks (all)
  {
    covers: 'DELETE /api/v1/Webhooks 204',
    name: 'deletes all webhooks: 204, then the list is empty',
    async run(s) {
      const t = await token(s);
      await s.call({ method: 'POST', path: '/api/v1/Webhooks', headers: bearer(t), json: hook });
      await s.call({ method: 'POST', path: '/api/v1/Webhooks', headers: bearer(t), json: { ...hook, callbackUrl: 'https://other.example/h' } });
      expect((await s.call({ method: 'DELETE', path: '/api/v1/Webhooks', headers: bearer(t) })).status).toBe(204);
      expect((await s.call({ method: 'GET', path: '/api/v1/Webhooks', headers: bearer(t) })).body).toEqual([]);
    },
  },
  {
    covers: 'DELETE /api/v1/Webhooks 404',
    name: 'answers delete-all with nothing registered with 404',
    async run(s) {
      const t = await token(s);
      const r = await s.call({ method: 'DELETE', path: '/api/v1/Webhooks', headers: bearer(t) });
      expect(r.status).toBe(404);
      expect((r.body as { detail: string }).detail).toBe('no webhook is registered');
    },
  },
  {
    covers: 'DELETE /api/v1/Webhooks 400',
    name: 'answers delete-all with a query parameter (it takes none) with 400, deleting nothing',
    async run(s) {
      const t = await token(s);
      await s.call({ method: 'POST', path: '/api/v1/Webhooks', headers: bearer(t), json: hook });
      const r = await s.call({ method: 'DELETE', path: '/api/v1/Webhooks?id=1', headers: bearer(t) });
      expect(r.status).toBe(400);
      expect((await s.call({ method: 'GET', path: '/api/v1/Webhooks', headers: bearer(t) })).body).toHaveLength(1);
    },
  },
  ...guarded('DELETE /api/v1/Webhooks', () => ({ method: 'DELETE', path: '/api/v1/Webhooks' }), 'Webhooks'),

  // GET /api/v1/Sessions/{id}
  {
    covers: 'GET /api/v1/Sessions/{id} 200',
    name: 'answers a played session as a SessionModel its schema accepts, CLOSED, with the operator of its webhooks',
    async run(s) {
      const t = await token(s);
      const { sessionId, userId } = played(s);
      const r = await s.call({ method: 'GET', path: `/api/v1/Sessions/${sessionId}`, headers: bearer(t) });
      expect(r.status).toBe(200);
      expect(validatorFor(SESSION_MODEL_SCHEMA_ID)(r.body)).toBe(true);
      expect(r.body).toMatchObject({ id: sessionId, status: 'CLOSED', channel: 'Chat', operators: [{ userId }] });
    },
  },
  {
    covers: 'GET /api/v1/Sessions/{id} 404',
    name: 'answers a session no run has played with 404',
    async run(s) {
      const t = await token(s);
      played(s);
      const r = await s.call({ method: 'GET', path: '/api/v1/Sessions/7000000', headers: bearer(t) });
      expect(r.status).toBe(404);
      expect((r.body as { detail: string }).detail).toMatch(/^Session ID not found: no session 7000000 has been played here/);
    },
  },
  {
    covers: 'GET /api/v1/Sessions/{id} 400',
    name: 'answers a session id that is no int64 with 400',
    async run(s) {
      const t = await token(s);
      const r = await s.call({ method: 'GET', path: '/api/v1/Sessions/abc', headers: bearer(t) });
      expect(r.status).toBe(400);
      expect(problem(r)['id']?.[0]).toMatch(/^The value 'abc' is not valid for id: send a whole number/);
    },
  },
  ...guarded('GET /api/v1/Sessions/{id}', (id) => ({ method: 'GET', path: `/api/v1/Sessions/${id}` }), 'Sessions'),

  // GET /api/v1/Users/{id}
  {
    covers: 'GET /api/v1/Users/{id} 200',
    name: 'answers an operator of a played session as a UserModel its schema accepts',
    async run(s) {
      const t = await token(s);
      const { userId } = played(s);
      const r = await s.call({ method: 'GET', path: `/api/v1/Users/${userId}`, headers: bearer(t) });
      expect(r.status).toBe(200);
      expect(validatorFor(USER_MODEL_SCHEMA_ID)(r.body)).toBe(true);
      expect(r.body).toMatchObject({ id: userId, enabled: true, username: expect.stringContaining('@') });
    },
  },
  {
    covers: 'GET /api/v1/Users/{id} 404',
    name: 'answers a user no world of a played run has with 404',
    async run(s) {
      const t = await token(s);
      expect((await s.call({ method: 'GET', path: '/api/v1/Users/2114', headers: bearer(t) })).status).toBe(404);
    },
  },
  {
    covers: 'GET /api/v1/Users/{id} 400',
    name: 'answers a user id that is no int64 with 400',
    async run(s) {
      const t = await token(s);
      expect((await s.call({ method: 'GET', path: '/api/v1/Users/me', headers: bearer(t) })).status).toBe(400);
    },
  },
  ...guarded('GET /api/v1/Users/{id}', (id) => ({ method: 'GET', path: `/api/v1/Users/${id}` }), 'Users'),

  // GET /api/v1/Sessions (the list the C# sample reads, M24; not in the 2019 swagger)
  {
    covers: 'GET /api/v1/Sessions 200',
    name: "answers the official sample's query (Status=CLOSED&Created.Min=<date>&limit=1000) with the played session",
    async run(s) {
      const t = await token(s);
      const { sessionId } = played(s);
      const r = await s.call({ method: 'GET', path: '/api/v1/Sessions?Status=CLOSED&Created.Min=2024-05-06&limit=1000', headers: bearer(t) });
      expect(r.status).toBe(200);
      expect((r.body as { id: number }[]).map((x) => x.id)).toEqual([sessionId]);
      const later = await s.call({ method: 'GET', path: '/api/v1/Sessions?Status=CLOSED&Created.Min=2024-05-07&limit=1000', headers: bearer(t) });
      expect(later.body).toEqual([]);
    },
  },
  {
    covers: 'GET /api/v1/Sessions 200',
    name: 'filters by status, channel, operator, created and ended ranges (names and enums in any case, repeated keys), and pages with limit/offset',
    async run(s) {
      const t = await token(s);
      const { sessionId, userId } = played(s);
      const ids = async (q: string) => ((await s.call({ method: 'GET', path: `/api/v1/Sessions?${q}`, headers: bearer(t) })).body as { id: number }[]).map((x) => x.id);
      expect(await ids('status=active&STATUS=closed')).toEqual([sessionId]);
      expect(await ids('Status[0]=7')).toEqual([sessionId]);
      expect(await ids('Status=ACTIVE')).toEqual([]);
      expect(await ids('Channel=Phone')).toEqual([]);
      expect(await ids(`OperatorUserId=${userId}&Channel=chat`)).toEqual([sessionId]);
      expect(await ids('OperatorUserId=1')).toEqual([]);
      expect(await ids('Ended.Min=2024-05-06T15:00:00%2B02:00&Ended.Max=2024-05-06T16:00:00%2B02:00')).toEqual([sessionId]);
      expect(await ids('Ended.Max=2024-05-06T12:00:00Z')).toEqual([]);
      expect(await ids('Ended.Null=true')).toEqual([]);
      expect(await ids('offset=1')).toEqual([]);
      expect(await ids('limit=1')).toEqual([sessionId]);
    },
  },
  {
    covers: 'GET /api/v1/Sessions 400',
    name: 'refuses a bad filter value, an unknown parameter and a filter the mock does not apply, naming each',
    async run(s) {
      const t = await token(s);
      const r = await s.call({ method: 'GET', path: '/api/v1/Sessions?Status=DONE&Created.Min=yesterday&limit=5000', headers: bearer(t) });
      expect(r.status).toBe(400);
      const e = problem(r);
      expect(e['Status']?.[0]).toMatch(/^The value 'DONE' is not valid for Status\. .*CLOSED \(7\)/);
      expect(e['Created.Min']?.[0]).toMatch(/^The value 'yesterday' is not valid for Created\.Min: send a date or date-time such as 2024-05-06/);
      expect(e['limit']?.[0]).toBe("The value '5000' is not valid for limit: send 1 to 1000 (default 100).");
      const u = await s.call({ method: 'GET', path: '/api/v1/Sessions?Stauts=CLOSED&Browser=CHROME', headers: bearer(t) });
      expect(problem(u)['Stauts']?.[0]).toMatch(/^unknown query parameter "Stauts"; did you mean "Status"\?; this route takes SessionId, /);
      expect(problem(u)['Browser']?.[0]).toMatch(/^provider-mock does not apply the SessionGetParams filter Browser/);
    },
  },
  ...guarded('GET /api/v1/Sessions', () => ({ method: 'GET', path: '/api/v1/Sessions' }), 'Sessions'),
];

/** The rows' coverage of the swagger: what a listed status lacks. */
export function missingCoverage(): string[] {
  const covered = new Set(ROWS.map((r) => r.covers));
  return swaggerStatuses().filter((s) => !covered.has(s));
}

/** Registers the table's tests; `make` builds a fresh surface per test. */
export function registrationTable(make: SurfaceFactory): void {
  const withSurface = (fn: (s: RegistrationSurface) => Promise<void>, grants?: readonly MluviiApiPart[]) => async () => {
    const s = await make(grants ? { grants } : {});
    try {
      await fn(s);
    } finally {
      await s.close?.();
    }
  };

  it('covers every route and status of the published swagger', () => {
    expect(missingCoverage()).toEqual([]);
  });

  for (const row of ROWS) it(`${row.covers}: ${row.name}`, withSurface(row.run, row.grants));

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

  it('rejects an expired token with invalid_token', withSurface(async (s) => {
    const t = await token(s);
    s.advance(3600 * 1000 + 1);
    const r = await s.call({ method: 'GET', path: '/api/v1/Webhooks', headers: bearer(t) });
    expect(r.status).toBe(401);
    expect(r.headers['www-authenticate']).toMatch(/invalid_token/);
  }));

  it('answers a method a route does not have with 405 and the allowed ones', withSurface(async (s) => {
    const r = await s.call({ method: 'PATCH', path: '/api/v1/Webhooks/1' });
    expect(r.status).toBe(405);
    expect(r.headers['allow']).toBe('GET, PUT, DELETE');
  }));
}
