import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getSchema, listEvents, resolveEvent } from '../../contracts/catalog.ts';
import { dereference, generate } from '../../generators/index.ts';
import { buildApp } from '../../mock-server/app.ts';
import { INSPECTOR_DIR } from '../../mock-server/routes/inspector.ts';
import { listBuiltins } from '../../scenarios/files.ts';

/**
 * What never changes while the server runs (the catalog, an event's schema and example, the
 * OpenAPI document, the inspector's files) is served with a strong ETag and revalidated: a client
 * that has the bytes gets a 304 without a body. Over a real port, so the 304 is what goes on the
 * wire (fetch has no HTTP cache of its own: it shows the 304 as is).
 */

interface Got {
  status: number;
  headers: Headers;
  bytes: Buffer;
  text: string;
}

const STRONG_ETAG = /^"[A-Za-z0-9_-]{43}"$/;

/** The catalog as the route has always answered it (its serializer gives JSON.stringify's bytes for this shape). */
function catalogJson(provider?: 'mluvii' | 'enreach'): string {
  return JSON.stringify({
    events: listEvents(provider).map((e) => ({ provider: e.provider, eventType: e.eventType, entity: e.entity, description: e.description, sources: e.sources })),
    scenarios: listBuiltins(provider).map((b) => ({ name: b.name, provider: b.provider, description: b.description })),
  });
}

describe('cached bodies: ETag, Cache-Control, If-None-Match', () => {
  let app: FastifyInstance;
  let base: string;
  // Every body is read, so that no response is left in flight on a kept-alive socket (close() waits for those).
  const get = async (path: string, headers: Record<string, string> = {}, method = 'GET'): Promise<Got> => {
    const r = await fetch(`${base}${path}`, { method, headers });
    const bytes = Buffer.from(await r.arrayBuffer());
    return { status: r.status, headers: r.headers, bytes, text: bytes.toString('utf8') };
  };

  beforeAll(async () => {
    app = await buildApp();
    base = await app.listen({ port: 0, host: '127.0.0.1' });
  });
  afterAll(async () => {
    await app.close();
  });

  it('GET /catalog: the same bytes as before, with a strong ETag and no-cache, every time', async () => {
    const first = await get('/catalog');
    expect(first.status).toBe(200);
    expect(first.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(first.headers.get('etag')).toMatch(STRONG_ETAG);
    expect(first.headers.get('cache-control')).toBe('no-cache');
    const text = first.text;
    expect(text).toBe(catalogJson());
    expect(Number(first.headers.get('content-length'))).toBe(Buffer.byteLength(text));

    const again = await get('/catalog');
    expect(again.headers.get('etag')).toBe(first.headers.get('etag'));
    expect(again.text).toBe(text);
  });

  it('a matching If-None-Match gets 304 with the ETag and Cache-Control and no body', async () => {
    const etag = (await get('/catalog')).headers.get('etag')!;
    for (const field of [etag, `W/${etag}`, `"other", ${etag}`, `"a,b" ,W/${etag} , "c"`, '*']) {
      const r = await get('/catalog', { 'if-none-match': field });
      expect(r.status, field).toBe(304);
      expect(r.headers.get('etag')).toBe(etag);
      expect(r.headers.get('cache-control')).toBe('no-cache');
      expect(r.text).toBe('');
    }
  });

  it('a non-matching If-None-Match gets the full body', async () => {
    const etag = (await get('/catalog')).headers.get('etag')!;
    // A tag that differs, one that only contains ours, and our tag without its quotes are not ours.
    for (const field of ['"nope"', `"x${etag.slice(1)}`, etag.slice(1, -1), '']) {
      const r = await get('/catalog', { 'if-none-match': field });
      expect(r.status, field).toBe(200);
      expect(r.text).toBe(catalogJson());
    }
  });

  it('each filtered catalog has its own body and ETag', async () => {
    const all = await get('/catalog');
    const mluvii = await get('/catalog?provider=mluvii');
    const enreach = await get('/catalog?provider=enreach');
    expect(mluvii.text).toBe(catalogJson('mluvii'));
    expect(enreach.text).toBe(catalogJson('enreach'));
    const tags = [all, mluvii, enreach].map((r) => r.headers.get('etag'));
    expect(new Set(tags).size).toBe(3);
    // The whole catalog's tag does not validate the filtered one, and the other way round.
    expect((await get('/catalog?provider=mluvii', { 'if-none-match': tags[0]! })).status).toBe(200);
    expect((await get('/catalog', { 'if-none-match': tags[1]! })).status).toBe(200);
    expect((await get('/catalog?provider=mluvii', { 'if-none-match': tags[1]! })).status).toBe(304);
  });

  it('HEAD answers the headers of GET without a body, and 304 when the tag matches', async () => {
    const body = await get('/catalog');
    const head = await get('/catalog', {}, 'HEAD');
    expect(head.status).toBe(200);
    expect(head.headers.get('etag')).toBe(body.headers.get('etag'));
    expect(head.headers.get('content-length')).toBe(body.headers.get('content-length'));
    expect(head.headers.get('cache-control')).toBe('no-cache');
    expect(head.text).toBe('');
    expect((await get('/catalog', { 'if-none-match': body.headers.get('etag')! }, 'HEAD')).status).toBe(304);
  });

  it('an event type: schema, resolved schema and the example of its seed, a tag per seed', async () => {
    const e = resolveEvent('QueueCallInUserConnected', 'enreach', 'test');
    const schema = getSchema(e.provider, e.eventType);
    const seven = await get('/catalog/enreach/QueueCallInUserConnected?seed=7');
    expect(seven.status).toBe(200);
    const body = JSON.parse(seven.text) as Record<string, unknown>;
    expect(body['schema']).toEqual(schema);
    expect(body['resolvedSchema']).toEqual(dereference(schema, e.schemaId));
    expect(body['example']).toEqual(generate('enreach', 'QueueCallInUserConnected', { seed: 7 }));
    const tag = seven.headers.get('etag')!;
    expect(tag).toMatch(STRONG_ETAG);

    const eight = await get('/catalog/enreach/QueueCallInUserConnected?seed=8');
    expect(eight.headers.get('etag')).not.toBe(tag);
    expect((JSON.parse(eight.text) as Record<string, unknown>)['example']).toEqual(generate('enreach', 'QueueCallInUserConnected', { seed: 8 }));
    expect((await get('/catalog/enreach/QueueCallInUserConnected?seed=7', { 'if-none-match': tag })).status).toBe(304);
    expect((await get('/catalog/enreach/QueueCallInUserConnected?seed=8', { 'if-none-match': tag })).status).toBe(200);
    // Errors are not cached bodies: no ETag.
    const bad = await get('/catalog/enreach/NoSuchEvent');
    expect(bad.status).toBe(404);
    expect(bad.headers.get('etag')).toBeNull();
  });

  it('the OpenAPI document (/docs/json, /docs/yaml) is served with an ETag and revalidated', async () => {
    const json = await get('/docs/json');
    expect(json.status).toBe(200);
    expect(JSON.parse(json.text)).toEqual(app.swagger());
    const tag = json.headers.get('etag')!;
    expect(tag).toMatch(STRONG_ETAG);
    expect((await get('/docs/json', { 'if-none-match': tag })).status).toBe(304);
    const yaml = await get('/docs/yaml');
    expect(yaml.headers.get('content-type')).toBe('application/x-yaml');
    expect(yaml.text).toBe(app.swagger({ yaml: true }));
    expect(yaml.headers.get('etag')).not.toBe(tag);
  });

  it("the inspector's script and styles: the files' bytes, their security headers, revalidated", async () => {
    for (const name of ['inspector.js', 'inspector.css']) {
      const r = await get(`/inspector/${name}`);
      expect(r.status).toBe(200);
      expect(r.bytes).toEqual(readFileSync(join(INSPECTOR_DIR, name)));
      expect(r.headers.get('cache-control')).toBe('no-cache');
      const tag = r.headers.get('etag')!;
      expect(tag).toMatch(STRONG_ETAG);
      const again = await get(`/inspector/${name}`, { 'if-none-match': tag });
      expect(again.status).toBe(304);
      expect(again.headers.get('x-content-type-options')).toBe('nosniff');
    }
  });
});

describe('cached bodies behind a control token', () => {
  let app: FastifyInstance;
  let base: string;
  beforeAll(async () => {
    app = await buildApp({ security: { token: 'secret-token-for-the-test' } });
    base = await app.listen({ port: 0, host: '127.0.0.1' });
  });
  afterAll(async () => {
    await app.close();
  });

  it('are private (no shared cache keeps them), and a known ETag does not get past the token', async () => {
    const auth = { authorization: 'Bearer secret-token-for-the-test' };
    const get = async (headers: Record<string, string>) => {
      const r = await fetch(`${base}/catalog`, { headers });
      await r.arrayBuffer();
      return r;
    };
    const ok = await get(auth);
    expect(ok.status).toBe(200);
    expect(ok.headers.get('cache-control')).toBe('private, no-cache');
    const tag = ok.headers.get('etag')!;
    expect((await get({ ...auth, 'if-none-match': tag })).status).toBe(304);
    const anonymous = await get({ 'if-none-match': tag });
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get('etag')).toBeNull();
  });
});
