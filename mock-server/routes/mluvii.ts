import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { validationProblem, type ApiReply } from '../../contracts/registration/http.ts';
import { maskUrlCredentials } from '../../delivery/redact.ts';

const problem = {
  type: 'object',
  description: 'ASP.NET ProblemDetails (validation errors under `errors`) or an OAuth2 error',
  additionalProperties: true,
} as const;

const webhookModel = {
  type: 'object',
  properties: { id: { type: 'integer' }, eventTypes: { type: 'array', items: { type: 'string' } }, callbackUrl: { type: 'string' } },
  required: ['id', 'eventTypes', 'callbackUrl'],
} as const;

// Passed through as built: contracts/registration checks every answer against these schemas first.
const sessionModel = { type: 'object', additionalProperties: true, description: 'SessionModel (contracts/mluvii/api/SessionModel.schema.json)' } as const;
const userModel = { type: 'object', additionalProperties: true, description: 'UserModel (contracts/mluvii/api/UserModel.schema.json)' } as const;

const addEditBody = {
  description:
    'WebhookAddEditModel: {"eventTypes": [names or integers], "callbackUrl": "https://user:pass@host/path"}, property names in any case; checked by the route itself so errors look like the real host\'s',
} as const;

function send(reply: FastifyReply, r: ApiReply): FastifyReply {
  reply.code(r.status);
  for (const [k, v] of Object.entries(r.headers ?? {})) reply.header(k, v);
  if (r.body === undefined) return reply.send();
  // A bare integer (POST's new id, 409's existing id) goes out as text, as ASP.NET writes it.
  if (typeof r.body === 'number') return reply.type('application/json; charset=utf-8').send(String(r.body));
  return reply.send(r.body);
}

/**
 * Off loopback (or with --allow-target), a callback URL the allow-list refuses is answered like
 * the host's own [Url] validation, after the token check, so the server is no open relay.
 */
function refusedCallback(req: FastifyRequest): ApiReply | undefined {
  const app = req.server;
  if (!app.security.restrictTargets || (req.method !== 'POST' && req.method !== 'PUT')) return undefined;
  if (typeof req.body !== 'object' || req.body === null || Array.isArray(req.body)) return undefined;
  if (app.mluvii.auth.check(req.headers.authorization)) return undefined;
  const body = req.body as Record<string, unknown>;
  const key = Object.keys(body).find((k) => k.toLowerCase() === 'callbackurl');
  const url = key === undefined ? undefined : body[key];
  if (typeof url !== 'string') return undefined;
  const why = app.security.targetRefusal(url);
  return why ? validationProblem({ CallbackUrl: [`provider-mock: ${why}`] }) : undefined;
}

function handle(req: FastifyRequest, reply: FastifyReply): FastifyReply {
  const app = req.server;
  const refused = refusedCallback(req);
  if (refused) return send(reply, refused);
  const isForm = typeof req.body === 'object' && req.body !== null && (req.headers['content-type'] ?? '').startsWith('application/x-www-form-urlencoded');
  const [path = req.url, search = ''] = req.url.split('?', 2) as [string?, string?];
  const r = app.mluvii.handle({
    method: req.method,
    path,
    query: [...new URLSearchParams(search)],
    headers: { authorization: req.headers.authorization },
    json: isForm ? undefined : req.body,
    ...(isForm ? { form: req.body as Record<string, string> } : {}),
  });
  return send(reply, r ? maskedFor(req, r) : { status: 404, body: { title: 'Not Found', status: 404 } });
}

/**
 * A mluvii token is not the control token: webhooks are shown (the list and GET /{id}) with their
 * callback URL's Basic password and query secrets masked unless the caller also holds the control
 * token (plugins/security.ts).
 */
function maskedFor(req: FastifyRequest, r: ApiReply): ApiReply {
  if (r.body === null || typeof r.body !== 'object' || req.server.security.revealsSecrets(req)) return r;
  const mask = (h: unknown): unknown =>
    h && typeof h === 'object' && typeof (h as { callbackUrl?: unknown }).callbackUrl === 'string' ? { ...h, callbackUrl: maskUrlCredentials((h as { callbackUrl: string }).callbackUrl) } : h;
  return { ...r, body: Array.isArray(r.body) ? r.body.map(mask) : mask(r.body) };
}

/**
 * The mluvii Public API as mluvii publishes it (docs/providers.md M11-M13, M21-M24): the token
 * endpoint, /api/v1/Webhooks, and the reads a receiver makes after a webhook (/api/v1/Sessions,
 * /api/v1/Users/{id}). Behaviour lives in contracts/registration (shared with the MSW handlers);
 * this is the HTTP adapter. Routes are case-insensitive (the app sets caseSensitive: false).
 */
export const mluviiRoutes: FastifyPluginAsync = async (app) => {
  const tags = ['mluvii'];
  app.post('/login/connect/token', {
    schema: {
      tags,
      summary: 'OAuth2 client-credentials token (form body: grant_type, client_id, client_secret)',
      consumes: ['application/x-www-form-urlencoded'],
      body: { type: 'object', additionalProperties: { type: 'string' } },
      response: {
        200: { type: 'object', properties: { access_token: { type: 'string' }, expires_in: { type: 'integer' }, token_type: { type: 'string' }, scope: { type: 'string' } } },
        400: problem,
      },
    },
    handler: handle,
  });
  const security = [{ bearer: [] }];
  // 401, 403 and 400 are on every route of the published swagger (M21).
  const guarded = { 400: problem, 401: problem, 403: problem } as const;
  const intId = { type: 'object', properties: { id: { type: 'string', description: 'int32' } }, required: ['id'] } as const;
  const longId = { type: 'object', properties: { id: { type: 'string', description: 'int64' } }, required: ['id'] } as const;
  const none = { type: 'null' } as const;
  app.get('/api/v1/Webhooks', { schema: { tags, security, summary: 'List webhooks', response: { 200: { type: 'array', items: webhookModel }, ...guarded } }, handler: handle });
  app.post('/api/v1/Webhooks', {
    schema: {
      tags,
      security,
      summary: 'Register webhook for given event: 201 with the new id; 409 with the existing id when the callbackUrl is registered already',
      body: addEditBody,
      response: { 201: { type: 'integer', description: 'the new id' }, 409: { type: 'integer', description: 'the existing id' }, ...guarded },
    },
    handler: handle,
  });
  app.delete('/api/v1/Webhooks', { schema: { tags, security, summary: 'Delete all webhooks (404 when none is registered)', response: { 204: none, 404: problem, ...guarded } }, handler: handle });
  app.get('/api/v1/Webhooks/:id', { schema: { tags, security, summary: 'Get webhook', params: intId, response: { 200: webhookModel, 404: problem, ...guarded } }, handler: handle });
  app.put('/api/v1/Webhooks/:id', { schema: { tags, security, summary: 'Update webhook', params: intId, body: addEditBody, response: { 204: none, 404: problem, ...guarded } }, handler: handle });
  app.delete('/api/v1/Webhooks/:id', { schema: { tags, security, summary: 'Delete webhook by id', params: intId, response: { 204: none, 404: problem, ...guarded } }, handler: handle });
  app.get('/api/v1/Sessions', {
    schema: {
      tags,
      security,
      summary: 'Sessions the server\'s runs have played, oldest first. Filters (SessionGetParams): Status, Channel, Source, SessionId, DepartmentId, OperatorUserId (repeat a key for several values), Created.Min/Max/Null, Ended.Min/Max/Null; limit (1-1000, default 100), offset',
      response: { 200: { type: 'array', items: sessionModel }, ...guarded },
    },
    handler: handle,
  });
  app.get('/api/v1/Sessions/:id', { schema: { tags, security, summary: 'Retrieves session by ID', params: longId, response: { 200: sessionModel, 404: problem, ...guarded } }, handler: handle });
  app.get('/api/v1/Users/:id', { schema: { tags, security, summary: 'Retrieves user by ID', params: longId, response: { 200: userModel, 404: problem, ...guarded } }, handler: handle });
  // Other methods reach the router too, which answers 405 with Allow (as ASP.NET does), not the app's 404.
  const declared: Record<string, string[]> = {
    '/login/connect/token': ['POST'],
    '/api/v1/Webhooks': ['GET', 'POST', 'DELETE'],
    '/api/v1/Webhooks/:id': ['GET', 'PUT', 'DELETE'],
    '/api/v1/Sessions': ['GET'],
    '/api/v1/Sessions/:id': ['GET'],
    '/api/v1/Users/:id': ['GET'],
  };
  for (const [url, methods] of Object.entries(declared)) {
    const others = ['GET', 'POST', 'PUT', 'DELETE', 'PATCH'].filter((m) => !methods.includes(m));
    app.route({ method: others, url, schema: { hide: true }, handler: handle });
  }
};
