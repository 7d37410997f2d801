/**
 * What a web page must not be able to do to a server on the developer's machine. A page on another
 * site can make the browser send a form POST (`application/x-www-form-urlencoded`, `text/plain`,
 * `multipart/form-data`) to 127.0.0.1 without any CORS check, and DNS rebinding can point a name it
 * controls at 127.0.0.1 so that its own script reads the answers. So:
 * - every route: the `Host` header must name this server (the bound address, a loopback name, this
 *   machine's addresses when bound to all of them, or an `--allow-host`), else 421;
 * - control routes: a body must be `application/json` (415 otherwise: no form can send it without a
 *   CORS preflight, which this server never answers), and a request a browser marks as coming from
 *   another site (`Origin` not this server, `Sec-Fetch-Site: cross-site | same-site`) is refused (403),
 *   unless its origin is an `--allow-origin`.
 * Clients that are not browsers (curl, SDKs, tests) send neither header and are not affected. The
 * inspector page is same-origin and keeps working.
 */
import { hostname, networkInterfaces } from 'node:os';
import type { FastifyReply, FastifyRequest, onRequestAsyncHookHandler } from 'fastify';
import fp from 'fastify-plugin';
import { isLoopbackHost } from '../../delivery/target.ts';

export interface RequestGuardOptions {
  /** The address the server listens on (`--host`); `0.0.0.0` / `::` admit this machine's addresses and name. */
  host?: string;
  /** More names clients may use in `Host` (`--allow-host`): exact names, or `*.example.com`. */
  allowHosts?: readonly string[];
  /** Browser origins (`--allow-origin http://localhost:3000`) allowed to call the control API. */
  allowOrigins?: readonly string[];
}

export interface RequestGuard {
  /** Undefined when a `Host` header names this server, else why not. */
  hostRefusal(hostHeader: string | undefined): string | undefined;
  /** onRequest of every route: 421 for a foreign Host. */
  checkHost: onRequestAsyncHookHandler;
  /** onRequest of the control routes: 403 for a foreign origin, 415 for a body that is not JSON. */
  checkControl: onRequestAsyncHookHandler;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Host, Origin and content-type rules against cross-site requests and DNS rebinding. */
    requestGuard: RequestGuard;
  }
}

const ANY_ADDRESS = new Set(['0.0.0.0', '::', '[::]', '']);

/** `Host: a.example:4010` → `a.example`; `[::1]:4010` → `::1`. */
export function hostnameOf(hostHeader: string): string {
  const h = hostHeader.trim().toLowerCase();
  if (h.startsWith('[')) return h.slice(1, h.indexOf(']') > 0 ? h.indexOf(']') : undefined);
  const colon = h.indexOf(':');
  // More than one colon without brackets: an IPv6 address without a port.
  return colon >= 0 && h.indexOf(':', colon + 1) < 0 ? h.slice(0, colon) : h;
}

function hostPattern(p: string): (h: string) => boolean {
  const name = p.trim().toLowerCase().replace(/^\[|\]$/g, '');
  if (name.startsWith('*.')) return (h) => h.endsWith(name.slice(1));
  return (h) => h === name;
}

/** The names and addresses this machine answers to, for a server bound to all of them. */
function localNames(): string[] {
  const names = [hostname().toLowerCase()];
  for (const list of Object.values(networkInterfaces())) for (const a of list ?? []) names.push(a.address.toLowerCase().replace(/%.*$/, ''));
  return names;
}

/** The page's origin is this server as the request names it (default ports normalised by the origin's scheme). */
function sameOrigin(origin: string, hostHeader: string | undefined): boolean {
  if (hostHeader === undefined) return false;
  try {
    const o = new URL(origin);
    return o.host === new URL(`${o.protocol}//${hostHeader}`).host;
  } catch {
    // `Origin: null` (a sandboxed frame, a file: page) or garbage: not this server.
    return false;
  }
}

function refuse(reply: FastifyReply, statusCode: number, error: string, message: string, hint: string): FastifyReply {
  return reply.code(statusCode).send({ error, message, statusCode, hint });
}

export function createRequestGuard(opts: RequestGuardOptions = {}): RequestGuard {
  const bound = (opts.host ?? '127.0.0.1').toLowerCase().replace(/^\[|\]$/g, '');
  const exact = new Set<string>([bound, ...(ANY_ADDRESS.has(bound) ? localNames() : [])]);
  const patterns = (opts.allowHosts ?? []).map(hostPattern);
  const allowOrigins = new Set((opts.allowOrigins ?? []).map((o) => o.trim().toLowerCase().replace(/\/+$/, '')));
  const hostRefusal = (hostHeader: string | undefined): string | undefined => {
    if (hostHeader === undefined || hostHeader.trim() === '') return 'the request has no Host header';
    const h = hostnameOf(hostHeader);
    if (isLoopbackHost(h) || exact.has(h) || patterns.some((p) => p(h))) return undefined;
    return `Host "${hostHeader}" is not this server`;
  };
  const hostHint = `call it by ${ANY_ADDRESS.has(bound) ? 'one of its addresses' : bound} or localhost, or start it with --allow-host <name> (a page must not reach it through a DNS name it controls)`;

  const checkHost: onRequestAsyncHookHandler = async (req: FastifyRequest, reply: FastifyReply) => {
    const why = hostRefusal(req.headers.host);
    if (why) await refuse(reply, 421, 'PM_FOREIGN_HOST', why, hostHint);
  };

  const checkControl: onRequestAsyncHookHandler = async (req: FastifyRequest, reply: FastifyReply) => {
    const origin = req.headers.origin;
    const site = req.headers['sec-fetch-site'];
    const allowed = typeof origin === 'string' && allowOrigins.has(origin.toLowerCase());
    if (!allowed) {
      let foreign: string | undefined;
      if (typeof origin === 'string' && !sameOrigin(origin, req.headers.host)) foreign = `a page at ${origin}`;
      if (!foreign && (site === 'cross-site' || site === 'same-site')) foreign = `a page on another site (Sec-Fetch-Site: ${site})`;
      if (foreign) {
        return void (await refuse(reply, 403, 'PM_FOREIGN_ORIGIN', `the control API does not take requests from ${foreign}`, 'only this server\'s own pages and clients that are not browsers may call it; start the server with --allow-origin <origin> to allow a page'));
      }
    }
    const type = req.headers['content-type'];
    const hasBody = (req.headers['content-length'] !== undefined && req.headers['content-length'] !== '0') || req.headers['transfer-encoding'] !== undefined;
    if (type === undefined ? hasBody : (type.split(';', 1)[0] ?? '').trim().toLowerCase() !== 'application/json') {
      await refuse(reply, 415, 'PM_CONTENT_TYPE', `control routes take JSON bodies only, not ${type === undefined ? 'a body without Content-Type' : `"${type}"`}`, 'send "Content-Type: application/json" (a web form cannot, which is the point)');
    }
  };

  return { hostRefusal, checkHost, checkControl };
}

/** Decorates `app.requestGuard` and checks `Host` on every route; control routes add `checkControl`. */
export const requestGuardPlugin = fp<RequestGuardOptions>(
  async (app, opts) => {
    const guard = createRequestGuard(opts);
    app.decorate('requestGuard', guard);
    app.addHook('onRequest', guard.checkHost);
  },
  { name: 'request-guard' },
);
