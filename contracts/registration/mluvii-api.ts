import type { ApiReply } from './http.ts';
import { createMluviiAuth, DEFAULT_CLIENT_ID, DEFAULT_CLIENT_SECRET, type MluviiAuth } from './mluvii-auth.ts';
import { createMluviiWebhookRegistry, type MluviiWebhookRegistry } from './mluvii-webhooks.ts';

/** A request as any HTTP layer can describe it. */
export interface ApiRequest {
  method: string;
  /** Path without query, e.g. `/api/v1/Webhooks/3`. */
  path: string;
  headers: Record<string, string | undefined>;
  /** Parsed JSON body, if the body was JSON. */
  json?: unknown;
  /** Parsed x-www-form-urlencoded body, if the body was a form. */
  form?: Record<string, string>;
}

export interface MluviiApiOptions {
  clientId?: string;
  clientSecret?: string;
  tokenLifetimeSeconds?: number;
  now?: () => number;
  newToken?: () => string;
}

export interface MluviiApi {
  /** Answers a request of the mluvii surface, or `undefined` when the path is not one of its routes. */
  handle(req: ApiRequest): ApiReply | undefined;
  auth: MluviiAuth;
  webhooks: MluviiWebhookRegistry;
}

/** The route patterns, case-insensitive like the real (IIS/ASP.NET) host. */
export const MLUVII_ROUTES = {
  token: /^\/login\/connect\/token\/?$/i,
  webhooks: /^\/api\/v1\/webhooks\/?$/i,
  webhook: /^\/api\/v1\/webhooks\/([^/]+)\/?$/i,
} as const;

function methodNotAllowed(allow: string): ApiReply {
  return { status: 405, headers: { allow }, body: { title: 'Method Not Allowed', status: 405, detail: `allowed: ${allow}` } };
}

/**
 * The mluvii Public API surfaces an integrator's code touches before any webhook flows: the
 * token endpoint and `/api/v1/Webhooks` (see mluvii-auth.ts and mluvii-webhooks.ts for the facts).
 */
export function createMluviiApi(options: MluviiApiOptions = {}): MluviiApi {
  const auth = createMluviiAuth({
    clientId: options.clientId ?? DEFAULT_CLIENT_ID,
    clientSecret: options.clientSecret ?? DEFAULT_CLIENT_SECRET,
    ...(options.tokenLifetimeSeconds !== undefined ? { tokenLifetimeSeconds: options.tokenLifetimeSeconds } : {}),
    now: options.now ?? (() => Date.now()),
    newToken: options.newToken ?? (() => `pm.${globalThis.crypto.randomUUID().replace(/-/g, '')}`),
  });
  const webhooks = createMluviiWebhookRegistry();
  return {
    auth,
    webhooks,
    handle(req) {
      const method = req.method.toUpperCase();
      if (MLUVII_ROUTES.token.test(req.path)) {
        return method === 'POST' ? auth.token(req.form) : methodNotAllowed('POST');
      }
      const one = MLUVII_ROUTES.webhook.exec(req.path);
      const isList = MLUVII_ROUTES.webhooks.test(req.path);
      if (!one && !isList) return undefined;
      const denied = auth.check(req.headers['authorization']);
      if (denied) return denied;
      if (isList) {
        if (method === 'GET') return webhooks.list();
        if (method === 'POST') return webhooks.create(req.json);
        return methodNotAllowed('GET, POST');
      }
      const id = decodeURIComponent(one![1]!);
      if (method === 'PUT') return webhooks.update(id, req.json);
      if (method === 'DELETE') return webhooks.remove(id);
      return methodNotAllowed('PUT, DELETE');
    },
  };
}
