import type { FastifyInstance, InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../mock-server/app.ts';

/**
 * Robustness: a few thousand malformed requests (seeded, so a failure is reproducible by its
 * index) to every route of the app, through inject(). None may be answered 5xx, and the app
 * must still answer /health afterwards. The values never contain a usable http URL, so nothing
 * is ever delivered.
 */

const SEED = 20240506;
const REQUESTS = 3000;

/** mulberry32: small, seeded, no Math.random. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const KEYS = [
  'scenario', 'yaml', 'seed', 'time', 'speed', 'start', 'set', 'skip', 'faults', 'duplicates', 'reorder', 'delay', 'retries', 'retrySchedule', 'timeout',
  'concurrency', 'target', 'url', 'secret', 'insecure', 'allowHttp', 'overrides', 'Webhook', 'Endpoint', 'Secret', 'InsecureSSL', 'TimeoutSeconds',
  'Subscriptions', 'EventType', 'EntityId', 'AllEntities', 'SecurityGroupId', 'eventTypes', 'callbackUrl', 'grant_type', 'client_id', 'client_secret',
  '__proto__', 'constructor', 'data.userId', '', 'a'.repeat(300),
];
const STRINGS = [
  '', ' ', 'chat-session', 'queue-call-answered', 'chat-sesion', 'instant', 'realtime', 'SessionCreated', 'UserStatus', 'nope', '../../etc/passwd',
  './x.yaml', '/etc/passwd.yaml', 'provider: mluvii\nname: x\nsteps: [', '${world.users[99999].id}', '0..200ms', '1s,5s', 'none', '5s', '-1', 'NaN',
  'javascript:alert(1)', 'file:///etc/passwd', 'not a url', 'http//missing-colon', '\u0000', '\uFFFF', '😀'.repeat(50), 'x'.repeat(5000), '%00', '{}', '[]',
];
const NUMBERS = [0, -1, 1, 0.5, 1e308, -1e308, 2 ** 53, 123456789012345, 3.14, 1e-9];

function value(rnd: () => number, depth: number): unknown {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)] as T;
  const r = rnd();
  if (depth > 4 || r < 0.3) return pick(STRINGS);
  if (r < 0.45) return pick(NUMBERS);
  if (r < 0.5) return rnd() < 0.5;
  if (r < 0.55) return null;
  if (r < 0.75) return Array.from({ length: Math.floor(rnd() * 4) }, () => value(rnd, depth + 1));
  const o: Record<string, unknown> = {};
  for (let i = Math.floor(rnd() * 5); i > 0; i--) o[pick(KEYS)] = value(rnd, depth + 1);
  return o;
}

const CONTENT_TYPES = [
  'application/json',
  'application/json; charset=utf-8',
  'application/x-www-form-urlencoded',
  'text/plain',
  'application/octet-stream',
  'multipart/form-data; boundary=xyz',
  'application/problem+json',
  'text/event-stream',
  'application/json; charset=latin1',
  'garbage',
];

/** One malformed body: broken JSON, random bytes, wrong types, prototype poisoning, deep nesting, oversize. */
function body(rnd: () => number): { payload?: string | Buffer; contentType?: string } {
  const ct = CONTENT_TYPES[Math.floor(rnd() * CONTENT_TYPES.length)];
  const kind = Math.floor(rnd() * 9);
  switch (kind) {
    case 0: {
      const text = JSON.stringify(value(rnd, 0)) ?? 'null';
      return { payload: text.slice(0, Math.floor(rnd() * text.length)), contentType: 'application/json' };
    }
    case 1:
      return { payload: Buffer.from(Array.from({ length: Math.floor(rnd() * 300) }, () => Math.floor(rnd() * 256))), ...(ct ? { contentType: ct } : {}) };
    case 2:
      return { payload: JSON.stringify(value(rnd, 0)) ?? 'null', contentType: 'application/json' };
    case 3:
      return { payload: '{"__proto__": {"polluted": true}, "constructor": {"prototype": {"x": 1}}}', contentType: 'application/json' };
    case 4: {
      const depth = 500 + Math.floor(rnd() * 20_000);
      return { payload: `${'['.repeat(depth)}${']'.repeat(depth)}`, contentType: 'application/json' };
    }
    case 5:
      return { payload: `{"yaml": "${'a'.repeat(1024 * 1024 + 10)}"}`, contentType: 'application/json' };
    case 6:
      return { payload: new URLSearchParams({ grant_type: String(value(rnd, 3)), client_id: String(value(rnd, 3)), x: '%%%' }).toString().replace(/%25/g, '%'), contentType: 'application/x-www-form-urlencoded' };
    case 7:
      return {};
    default:
      return { payload: JSON.stringify(value(rnd, 0)) ?? 'null', ...(ct ? { contentType: ct } : {}) };
  }
}

const PARAMS: Record<string, readonly string[]> = {
  id: ['x', 'a'.repeat(100), '00000000-0000-0000-0000-000000000000', '%2e%2e', '..', '%00', '%FF', '1'],
  provider: ['mluvii', 'enreach', 'MLUVII', 'x'],
  eventType: ['SessionCreated', 'UserStatus', 'Nope', '%2e%2e', 'a'.repeat(200)],
  seq: ['0', '-1', 'abc', '99999999999999999999', '1.5'],
};

describe('every route survives malformed input', () => {
  let app: FastifyInstance;
  let routes: { method: string; path: string }[] = [];

  beforeAll(async () => {
    app = await buildApp();
    const doc = (await app.inject({ url: '/docs/json' })).json<{ paths: Record<string, Record<string, unknown>> }>();
    routes = Object.entries(doc.paths).flatMap(([path, ops]) => Object.keys(ops).map((m) => ({ method: m.toUpperCase(), path })));
    routes.push({ method: 'GET', path: '/docs' }, { method: 'PATCH', path: '/runs' }, { method: 'GET', path: '/nope/{id}' });
  });
  afterAll(() => app.close());

  it(`answers ${REQUESTS} seeded malformed requests without a 5xx`, async () => {
    expect(routes.length).toBeGreaterThan(15);
    const rnd = prng(SEED);
    const failures: string[] = [];
    for (let i = 0; i < REQUESTS; i++) {
      const route = routes[i % routes.length]!;
      const url = route.path.replace(/\{(\w+)\}/g, (_m, name: string) => {
        const pool = PARAMS[name] ?? ['x'];
        return pool[Math.floor(rnd() * pool.length)]!;
      });
      const query = rnd() < 0.2 ? `?seed=${encodeURIComponent(String(value(rnd, 3)))}&provider=x&access_token=` : '';
      const b = body(rnd);
      const opts: InjectOptions = {
        method: route.method,
        url: url + query,
        headers: {
          ...(b.contentType ? { 'content-type': b.contentType } : {}),
          ...(rnd() < 0.1 ? { authorization: 'Bearer x' } : {}),
        },
        ...(b.payload !== undefined && route.method !== 'GET' ? { payload: b.payload } : {}),
      };
      const r = await app.inject(opts);
      // The SSE route answers a stream; everything else is JSON or the static files.
      if (r.statusCode >= 500) failures.push(`#${i} ${route.method} ${opts.url as string} (${b.contentType ?? 'no type'}, ${String(b.payload ?? '').slice(0, 80)}) → ${r.statusCode} ${r.body.slice(0, 200)}`);
      if (failures.length >= 10) break;
    }
    expect(failures).toEqual([]);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect((await app.inject({ url: '/health' })).statusCode).toBe(200);
  }, 120_000);
});
