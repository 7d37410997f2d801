import { createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';

/**
 * A response body that never changes while the server runs (the catalog, an event's schema and
 * example, the OpenAPI document, the inspector's files): serialized once, sent as bytes, with a
 * strong ETag so a client that has it gets a 304 instead.
 */
export interface CachedBody {
  readonly body: Buffer;
  /** Strong: the SHA-256 of the bytes, so a different body (another filter, an upgraded server) has another tag. */
  readonly etag: string;
  readonly type: string;
}

export function cachedBody(body: string | Buffer, type: string): CachedBody {
  const bytes = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
  return { body: bytes, etag: `"${createHash('sha256').update(bytes).digest('base64url')}"`, type };
}

/**
 * Cache-Control of these bodies. They change only when the server is upgraded, and then without
 * notice: a `max-age` would let a client keep a stale catalog (new event types missing) for that
 * long after a restart, so clients may store the body but must revalidate it each time
 * (`no-cache`); the revalidation is a 304 without a body, which is what the ETag is for. Behind a
 * control token the body is the token holder's: `private` keeps shared caches from storing it
 * (RFC 9111 §5.2.2.7), whatever way the token came (header or `access_token` query).
 */
export function cacheControl(tokenRequired: boolean): string {
  return tokenRequired ? 'private, no-cache' : 'no-cache';
}

/**
 * Whether an `If-None-Match` field value matches `etag` (RFC 9110 §13.1.2): `*`, or a list of
 * entity tags compared weakly (`W/"x"` matches `"x"`). Tags are read by their quotes, since a
 * comma may sit inside one; anything that is not a tag is ignored.
 */
export function ifNoneMatchHits(field: string | undefined, etag: string): boolean {
  if (field === undefined) return false;
  if (field.trim() === '*') return true;
  const opaque = etag.startsWith('W/') ? etag.slice(2) : etag;
  for (const m of field.matchAll(/(?:W\/)?("[^"]*")/g)) if (m[1] === opaque) return true;
  return false;
}

/**
 * Sends `c` (HEAD too: Fastify's HEAD route strips the body and keeps its length), or a 304 with
 * the same ETag and Cache-Control and no body when the client already has it (GET and HEAD are
 * the only methods these routes have, so a match is always "not modified", never 412).
 */
export function sendCached(req: FastifyRequest, reply: FastifyReply, c: CachedBody, cache: string): FastifyReply {
  reply.header('etag', c.etag).header('cache-control', cache);
  if (ifNoneMatchHits(req.headers['if-none-match'], c.etag)) return reply.code(304).send();
  return reply.type(c.type).send(c.body);
}

/**
 * At most `limit` bodies, the least recently used dropped first: for variants whose number the
 * client decides (an example's `?seed=`), so they cannot grow the server without bound.
 */
export class BodyCache {
  readonly #bodies = new Map<string, CachedBody>();
  constructor(readonly limit: number) {}

  get(key: string, make: () => CachedBody): CachedBody {
    let c = this.#bodies.get(key);
    if (c) {
      this.#bodies.delete(key); // re-inserted below: Map order is the recency order
    } else {
      c = make();
      if (this.#bodies.size >= this.limit) this.#bodies.delete(this.#bodies.keys().next().value as string);
    }
    this.#bodies.set(key, c);
    return c;
  }

  get size(): number {
    return this.#bodies.size;
  }
}
