import type { ApiReply } from './http.ts';
import { forbidden } from './http.ts';
import { createMluviiAuth, DEFAULT_CLIENT_ID, DEFAULT_CLIENT_SECRET, type MluviiAuth } from './mluvii-auth.ts';
import { EMPTY_READ_SIDE, getSession, getUser, listSessions, unknownQuery, type MluviiReadSide } from './mluvii-reads.ts';
import { createMluviiWebhookRegistry, type MluviiWebhookRegistry } from './mluvii-webhooks.ts';

/** A request as any HTTP layer can describe it. */
interface ApiRequest {
  method: string;
  /** Path without query, e.g. `/api/v1/Webhooks/3`. */
  path: string;
  headers: Record<string, string | undefined>;
  /** The query string's pairs in order (repeated keys kept), e.g. from `URLSearchParams`. */
  query?: readonly (readonly [string, string])[];
  /** Parsed JSON body, if the body was JSON. */
  json?: unknown;
  /** Parsed x-www-form-urlencoded body, if the body was a form. */
  form?: Record<string, string>;
}

/** The swagger's tags: the parts of the API a client may be allowed to use. */
const MLUVII_API_PARTS = ['Webhooks', 'Sessions', 'Users'] as const;
export type MluviiApiPart = (typeof MLUVII_API_PARTS)[number];

export interface MluviiApiOptions {
  clientId?: string;
  clientSecret?: string;
  tokenLifetimeSeconds?: number;
  now?: () => number;
  newToken?: () => string;
  /**
   * The parts of the API the client may use (default all). A good token on any other part is
   * answered 403, as the real API answers a client without the permission (M21 lists 403 on
   * every route): the way to test a client's handling of it.
   */
  grants?: readonly MluviiApiPart[];
  /** Where GET /api/v1/Sessions and /api/v1/Users/{id} read from (default: nothing played). */
  reads?: MluviiReadSide;
}

export interface MluviiApi {
  /** Answers a request of the mluvii surface, or `undefined` when the path is not one of its routes. */
  handle(req: ApiRequest): ApiReply | undefined;
  auth: MluviiAuth;
  webhooks: MluviiWebhookRegistry;
  reads: MluviiReadSide;
}

/** The route patterns, case-insensitive like the real (IIS/ASP.NET) host. */
export const MLUVII_ROUTES = {
  token: /^\/login\/connect\/token\/?$/i,
  webhooks: /^\/api\/v1\/webhooks\/?$/i,
  webhook: /^\/api\/v1\/webhooks\/([^/]+)\/?$/i,
  sessions: /^\/api\/v1\/sessions\/?$/i,
  session: /^\/api\/v1\/sessions\/([^/]+)\/?$/i,
  user: /^\/api\/v1\/users\/([^/]+)\/?$/i,
} as const;

type Handler = (req: ApiRequest, id: string) => ApiReply;

interface Route {
  pattern: RegExp;
  /** Undefined: public (the token endpoint). */
  part?: MluviiApiPart;
  /** Query keys the route binds itself (the others are refused before it runs). */
  takesQuery?: boolean;
  methods: Record<string, Handler>;
}

function methodNotAllowed(allow: string): ApiReply {
  return { status: 405, headers: { allow }, body: { title: 'Method Not Allowed', status: 405, detail: `allowed: ${allow}` } };
}

/**
 * The mluvii Public API surfaces an integrator's code touches: the token endpoint, the webhook
 * registration (mluvii-webhooks.ts) and the reads a receiver makes after a webhook
 * (mluvii-reads.ts). Order of the checks, as in ASP.NET: route and method, then the bearer
 * token (401), then the client's permission (403), then the request's values (400).
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
  const reads = options.reads ?? EMPTY_READ_SIDE;
  const grants = new Set<MluviiApiPart>(options.grants ?? MLUVII_API_PARTS);
  const routes: Route[] = [
    { pattern: MLUVII_ROUTES.token, methods: { POST: (req) => auth.token(req.form) } },
    { pattern: MLUVII_ROUTES.webhooks, part: 'Webhooks', methods: { GET: () => webhooks.list(), POST: (req) => webhooks.create(req.json), DELETE: () => webhooks.removeAll() } },
    {
      pattern: MLUVII_ROUTES.webhook,
      part: 'Webhooks',
      methods: { GET: (_req, id) => webhooks.get(id), PUT: (req, id) => webhooks.update(id, req.json), DELETE: (_req, id) => webhooks.remove(id) },
    },
    { pattern: MLUVII_ROUTES.sessions, part: 'Sessions', takesQuery: true, methods: { GET: (req) => listSessions(reads, req.query ?? []) } },
    { pattern: MLUVII_ROUTES.session, part: 'Sessions', methods: { GET: (_req, id) => getSession(reads, id) } },
    { pattern: MLUVII_ROUTES.user, part: 'Users', methods: { GET: (_req, id) => getUser(reads, id) } },
  ];
  return {
    auth,
    webhooks,
    reads,
    handle(req) {
      for (const route of routes) {
        const m = route.pattern.exec(req.path);
        if (!m) continue;
        const handler = route.methods[req.method.toUpperCase()];
        if (!handler) return methodNotAllowed(Object.keys(route.methods).join(', '));
        if (route.part) {
          const denied = auth.check(req.headers['authorization']);
          if (denied) return denied;
          if (!grants.has(route.part)) {
            return forbidden(`this API client may not use ${route.part} (provider-mock: the client's grants are ${[...grants].join(', ') || 'none'})`);
          }
          if (!route.takesQuery) {
            const refused = unknownQuery(req.query ?? [], []);
            if (refused) return refused;
          }
        }
        let id = m[1] ?? '';
        try {
          id = decodeURIComponent(id);
        } catch {
          // a malformed escape stays as sent; the id binding refuses it
        }
        return handler(req, id);
      }
      return undefined;
    },
  };
}
