import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyReply, FastifyRequest, onRequestAsyncHookHandler } from 'fastify';
import fp from 'fastify-plugin';
import { ProviderMockError } from '../../contracts/errors.ts';
import { isLoopbackHost } from '../../delivery/target.ts';
import { redactUrl } from '../../delivery/redact.ts';

/** Env var read for the control token when `--token` is not given (keeps it out of the process list). */
export const TOKEN_ENV = 'PROVIDER_MOCK_TOKEN';

export interface SecurityOptions {
  /** Control token: when set, control routes need `Authorization: Bearer <token>` or `X-Provider-Mock-Token`. */
  token?: string;
  /**
   * Where webhooks may go (explicit run targets, mluvii callback URLs, Enreach endpoints). A
   * pattern with `://` is matched against `scheme://host[:port]/path`, one without against
   * `host[:port]`; `*` matches any run of characters. Empty = no restriction, unless `exposed`.
   */
  allowTargets?: readonly string[];
  /**
   * The server listens beyond loopback (`--host`): a token is required, targets are limited to
   * `allowTargets` (nothing when none are given: no open relay), and scenario files on the
   * server's disk are refused (inline YAML and built-ins only).
   */
  exposed?: boolean;
}

export interface Security {
  readonly tokenRequired: boolean;
  readonly restrictTargets: boolean;
  readonly allowScenarioFiles: boolean;
  readonly allowTargets: readonly string[];
  /** Undefined when the URL may receive webhooks, else why not. */
  targetRefusal(url: string): string | undefined;
  /** Throws ProviderMockError (400) when the URL may not receive webhooks. */
  checkTarget(url: string, where: string): void;
  /** The onRequest hook of the control routes (a no-op when no token is required). */
  requireToken: onRequestAsyncHookHandler;
  /**
   * Whether an answer to this request may show credentials (URL passwords, query secrets): only to
   * the control-token holder (`X-Provider-Mock-Token`, or the bearer itself), and to everyone on a
   * loopback server without a token (only local clients reach it; plugins/request-guard.ts).
   */
  revealsSecrets(req: FastifyRequest): boolean;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** The control token and the target allow-list (no open relay when exposed). */
    security: Security;
  }
}

function globToRegExp(glob: string): RegExp {
  const body = glob
    .split('*')
    .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('.*');
  return new RegExp(`^${body}$`, 'i');
}

/** `scheme://host[:port]/path` without userinfo, query or fragment; undefined when not an http(s) URL. */
function normalized(url: string): { full: string; host: string } | undefined {
  try {
    const u = new URL(url);
    if (u.protocol !== 'http:' && u.protocol !== 'https:') return undefined;
    return { full: `${u.protocol}//${u.host}${u.pathname}`, host: u.host };
  } catch {
    return undefined;
  }
}

function digest(s: string): Buffer {
  return createHash('sha256').update(s, 'utf8').digest();
}

/** Constant-time comparison (both sides hashed to the same length first). */
function sameToken(given: string, expected: string): boolean {
  return timingSafeEqual(digest(given), digest(expected));
}

/** The token a request carries: `Authorization: Bearer`, `X-Provider-Mock-Token`, or `?access_token=` (EventSource cannot set headers). */
function tokenOf(req: FastifyRequest, allowQuery: boolean): string | undefined {
  const auth = req.headers.authorization;
  const m = typeof auth === 'string' ? /^Bearer\s+(\S+)$/i.exec(auth) : null;
  if (m?.[1]) return m[1];
  const h = req.headers['x-provider-mock-token'];
  if (typeof h === 'string' && h !== '') return h;
  if (allowQuery) {
    const q = (req.query as Record<string, unknown> | undefined)?.['access_token'];
    if (typeof q === 'string' && q !== '') return q;
  }
  return undefined;
}

export function createSecurity(opts: SecurityOptions = {}): Security {
  const token = opts.token !== undefined && opts.token !== '' ? opts.token : undefined;
  if (opts.exposed && token === undefined) {
    throw new ProviderMockError('PM_SERVE_TOKEN_REQUIRED', 'listening beyond 127.0.0.1 needs a control token', {
      where: '--host',
      hint: `pass --token <T> or set ${TOKEN_ENV}; clients send it as "Authorization: Bearer <T>"`,
    });
  }
  const allowTargets = [...(opts.allowTargets ?? [])];
  const patterns = allowTargets.map((p) => ({ text: p, full: p.includes('://'), re: globToRegExp(p) }));
  const restrictTargets = opts.exposed === true || patterns.length > 0;
  const targetRefusal = (url: string): string | undefined => {
    if (!restrictTargets) return undefined;
    const n = normalized(url);
    if (!n) return `"${redactUrl(url)}" is not an http(s) URL`;
    if (patterns.some((p) => p.re.test(p.full ? n.full : n.host))) return undefined;
    return patterns.length === 0
      ? `"${redactUrl(url)}" is not allowed: this server listens beyond loopback and no --allow-target pattern was given, so it delivers nowhere (no open relay)`
      : `"${redactUrl(url)}" matches no --allow-target pattern (${allowTargets.join(', ')})`;
  };
  const requireToken: onRequestAsyncHookHandler = async (req: FastifyRequest, reply: FastifyReply) => {
    if (token === undefined) return;
    const given = tokenOf(req, req.method === 'GET');
    if (given !== undefined && sameToken(given, token)) return;
    await reply
      .code(401)
      .header('www-authenticate', 'Bearer realm="provider-mock control"')
      .send({
        error: 'PM_CONTROL_TOKEN',
        message: given === undefined ? 'this server requires its control token: send "Authorization: Bearer <token>" (or X-Provider-Mock-Token)' : 'wrong control token',
        statusCode: 401,
      });
  };
  return {
    tokenRequired: token !== undefined,
    restrictTargets,
    allowScenarioFiles: opts.exposed !== true,
    allowTargets,
    targetRefusal,
    checkTarget(url, where) {
      const why = targetRefusal(url);
      if (why) throw new ProviderMockError('PM_TARGET_NOT_ALLOWED', why, { where, hint: 'start the server with --allow-target <pattern>, e.g. --allow-target "https://hooks.example.com/*"' });
    },
    requireToken,
    revealsSecrets(req) {
      if (token === undefined) return true;
      const header = req.headers['x-provider-mock-token'];
      const given = typeof header === 'string' && header !== '' ? header : tokenOf(req, false);
      return given !== undefined && sameToken(given, token);
    },
  };
}

/** Decorates `app.security`; control routes add `app.security.requireToken` as an onRequest hook. */
export const securityPlugin = fp<SecurityOptions>(
  async (app, opts) => {
    app.decorate('security', createSecurity(opts));
  },
  { name: 'security' },
);

/** Exposed when the host is not a loopback name or address. */
export function isExposedHost(host: string): boolean {
  return !isLoopbackHost(host);
}
