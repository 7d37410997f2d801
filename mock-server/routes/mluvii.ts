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

const addEditBody = {
  description: 'WebhookAddEditModel: {"eventTypes": [names], "callbackUrl": "https://user:pass@host/path"}; checked by the route itself so errors look like the real host\'s',
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
  const r = app.mluvii.handle({
    method: req.method,
    path: req.url.split('?')[0] ?? req.url,
    headers: { authorization: req.headers.authorization },
    json: isForm ? undefined : req.body,
    ...(isForm ? { form: req.body as Record<string, string> } : {}),
  });
  return send(reply, r ? maskedFor(req, r) : { status: 404, body: { title: 'Not Found', status: 404 } });
}

/**
 * A mluvii token is not the control token: a listing shows callback URLs with their Basic password
 * and query secrets masked unless the caller also holds the control token (plugins/security.ts).
 */
function maskedFor(req: FastifyRequest, r: ApiReply): ApiReply {
  if (!Array.isArray(r.body) || req.server.security.revealsSecrets(req)) return r;
  const body = r.body.map((h: unknown) =>
    h && typeof h === 'object' && typeof (h as { callbackUrl?: unknown }).callbackUrl === 'string' ? { ...h, callbackUrl: maskUrlCredentials((h as { callbackUrl: string }).callbackUrl) } : h,
  );
  return { ...r, body };
}

/**
 * The mluvii Public API surface an integrator's code calls before webhooks flow (docs/providers.md M11-M13):
 * the token endpoint and /api/v1/Webhooks. Behaviour lives in contracts/registration; this is the
 * HTTP adapter. Routes are case-insensitive (the app sets caseSensitive: false).
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
  const secured = [{ bearer: [] }];
  app.get('/api/v1/Webhooks', { schema: { tags, security: secured, summary: 'List webhooks', response: { 200: { type: 'array', items: webhookModel }, 401: problem } }, handler: handle });
  app.post('/api/v1/Webhooks', {
    schema: {
      tags,
      security: secured,
      summary: 'Register a webhook; 409 with the existing id when the callbackUrl is registered already',
      body: addEditBody,
      response: { 200: { type: 'integer', description: 'the new id' }, 400: problem, 401: problem, 409: { type: 'integer', description: 'the existing id' } },
    },
    handler: handle,
  });
  const idParams = { type: 'object', properties: { id: { type: 'string' } }, required: ['id'] } as const;
  app.put('/api/v1/Webhooks/:id', {
    schema: { tags, security: secured, summary: 'Replace a webhook', params: idParams, body: addEditBody, response: { 200: { type: 'null' }, 400: problem, 401: problem, 404: problem } },
    handler: handle,
  });
  app.delete('/api/v1/Webhooks/:id', {
    schema: { tags, security: secured, summary: 'Remove a webhook', params: idParams, response: { 200: { type: 'null' }, 401: problem, 404: problem } },
    handler: handle,
  });
};
