/**
 * bench:serve: requests per second of `serve`'s GET /catalog (the whole catalog, ~40 KB), served
 * from its cached bytes (200) and revalidated (If-None-Match: 304, no body), against the baseline
 * measured in the same run: the same route serializing the catalog on every request
 * (bench/serve-server.ts). Server in a worker thread, client an undici pool at --concurrency (8)
 * on 127.0.0.1; median of --rounds (5) rounds of ≥ --seconds (3) s each, the three variants
 * taking turns within every round so that they share the machine's load.
 *
 *   npm run bench:serve [-- --seconds 1 --rounds 3]
 *
 * It checks that the cached body is byte-identical to the baseline's. No target: it shows what the
 * cache buys (issue 17: "/catalog spends most of its time serializing the same 37 KB").
 */
import { Worker } from 'node:worker_threads';
import { parseArgs } from 'node:util';
import { availableParallelism, cpus } from 'node:os';
import { Pool } from 'undici';
import { median, num } from './stats.ts';

const { values } = parseArgs({ options: { seconds: { type: 'string', default: '3' }, rounds: { type: 'string', default: '5' }, concurrency: { type: 'string', default: '8' } } });
const seconds = Number(values.seconds);
const rounds = Number(values.rounds);
const concurrency = Number(values.concurrency);

// The worker loads TypeScript through tsx's API (Node 20 does not apply an --import tsx of
// execArgv to a worker's entry module).
const entry = new URL('./serve-server.ts', import.meta.url).href;
const worker = new Worker(`import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(entry)}); })`, { eval: true });
const origin = await new Promise<string>((resolve, reject) => {
  worker.once('message', resolve);
  worker.once('error', reject);
});
const pool = new Pool(origin, { connections: concurrency, pipelining: 1 });

async function get(path: string, headers: Record<string, string> = {}): Promise<{ status: number; etag: string | undefined; body: Buffer }> {
  const r = await pool.request({ method: 'GET', path, headers });
  const body = Buffer.from(await r.body.arrayBuffer());
  const etag = r.headers['etag'];
  return { status: r.statusCode, etag: typeof etag === 'string' ? etag : undefined, body };
}

const baseline = await get('/bench/catalog-uncached');
const cached = await get('/catalog');
if (!baseline.body.equals(cached.body) || cached.etag === undefined) throw new Error('the cached catalog is not the baseline bytes, or has no ETag');
if ((await get('/catalog', { 'if-none-match': cached.etag })).status !== 304) throw new Error('If-None-Match did not get a 304');

interface Variant {
  name: string;
  path: string;
  headers: Record<string, string>;
  status: number;
  rates: number[];
}
const variants: Variant[] = [
  { name: 'uncached 200 (baseline)', path: '/bench/catalog-uncached', headers: {}, status: 200, rates: [] },
  { name: 'cached 200', path: '/catalog', headers: {}, status: 200, rates: [] },
  { name: 'cached 304 (If-None-Match)', path: '/catalog', headers: { 'if-none-match': cached.etag }, status: 304, rates: [] },
];

/** `concurrency` loops sending requests back to back for `ms`; requests per second. */
async function load(v: Variant, ms: number): Promise<number> {
  let n = 0;
  const t0 = performance.now();
  const end = t0 + ms;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < end) {
        const r = await get(v.path, v.headers);
        if (r.status !== v.status) throw new Error(`${v.name}: status ${r.status}`);
        n++;
      }
    }),
  );
  return n / ((performance.now() - t0) / 1000);
}


console.log(`bench:serve  GET /catalog (${num(cached.body.length)} bytes), concurrency ${concurrency}, ${rounds} rounds of ${seconds} s per variant`);
console.log(`machine      ${cpus()[0]?.model ?? 'unknown'}, nproc ${availableParallelism()}, Node ${process.version}, ${new Date().toISOString()}`);
for (const v of variants) await load(v, 500); // warm-up
// Within each round the variants take 1-second turns (or shorter, for a short --seconds).
const turn = Math.min(1, seconds);
for (let r = 0; r < rounds; r++) {
  const sums = variants.map(() => 0);
  for (let t = 0; t < seconds / turn; t++) for (const [i, v] of variants.entries()) sums[i]! += await load(v, turn * 1000);
  variants.forEach((v, i) => v.rates.push(sums[i]! / (seconds / turn)));
}
const base = median(variants[0]!.rates);
for (const v of variants) {
  const m = median(v.rates);
  console.log(`${v.name.padEnd(28)} ${num(m).padStart(7)} req/s  ${(m / base).toFixed(2)}x the baseline  (rounds: ${v.rates.map(num).join(', ')})`);
}
await pool.close();
worker.postMessage('close');
