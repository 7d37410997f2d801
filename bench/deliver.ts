/**
 * Benchmark: deliveries per second from the delivery engine (journal on) against a plain undici
 * loop posting the same bodies with the same concurrency, to the same no-op receiver on
 * 127.0.0.1, in the same run. Prints both rates and the ratio (target: engine ≥ 0.8 × raw).
 *
 *   tsx bench/deliver.ts            (BENCH_N=20000 BENCH_CONCURRENCY=16 BENCH_ROUNDS=5)
 *
 * The receiver runs in a worker thread so its work does not share the sender's event loop.
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { Pool } from 'undici';
import { deliver } from '../delivery/index.ts';
import type { TimelineEntry } from '../scenarios/engine/timeline.ts';

const N = Math.min(Number(process.env.BENCH_N ?? 20_000), 200_000);
const CONCURRENCY = Math.min(Number(process.env.BENCH_CONCURRENCY ?? 16), 256);
const ROUNDS = Math.min(Number(process.env.BENCH_ROUNDS ?? 5), 10);

const RECEIVER = `
const { createServer } = require('node:http');
const { parentPort } = require('node:worker_threads');
const server = createServer((req, res) => {
  req.on('data', () => {});
  req.on('end', () => { res.writeHead(200, { 'content-length': '0' }); res.end(); });
});
server.keepAliveTimeout = 60000;
server.listen(0, '127.0.0.1', () => parentPort.postMessage(server.address().port));
parentPort.on('message', (m) => { if (m === 'close') { server.closeAllConnections(); server.close(() => process.exit(0)); } });
`;

function payload(i: number): Record<string, unknown> {
  return {
    Id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
    Timestamp: '2020-01-01T12:00:00Z',
    RootEntityType: 'Organization',
    RootEntityId: 'fd434d24-f685-431d-8df5-386b5d5ffa73',
    EventType: 'QueueCallInUserAllocated',
    EntityType: 'Queue',
    EntityId: '6cb31d7d-9cd9-41dc-a096-62cf31fd0281',
    CallId: `9cae633f-68d0-4315-8b9a-${String(i).padStart(12, '0')}`,
    QueueId: '6cb31d7d-9cd9-41dc-a096-62cf31fd0281',
    QueueName: 'Sales',
    UserId: 'b2a1c1f0-0000-4000-8000-000000000001',
    UserName: 'agent@example.com',
    LegId: `leg-${i}`,
    MessageTTLSeconds: -1,
  };
}

function* timeline(n: number): Generator<TimelineEntry> {
  for (let i = 0; i < n; i++) {
    yield { seq: i, at: 0, provider: 'enreach', eventType: 'QueueCallInUserAllocated', entityKey: `call:${i}`, payload: payload(i), scenario: 'bench', instance: 0, step: 'allocated' };
  }
}

async function raw(origin: string, n: number): Promise<number> {
  const pool = new Pool(origin, { connections: CONCURRENCY, pipelining: 1 });
  let next = 0;
  let ok = 0;
  const t0 = performance.now();
  const worker = async (): Promise<void> => {
    while (next < n) {
      const i = next++;
      const res = await pool.request({
        path: '/webhook',
        method: 'POST',
        headers: { 'Content-Type': 'application/json; charset=utf-8', 'X-Benemen-Event': 'QueueCallInUserAllocated', 'X-Benemen-Token': 'bench-secret' },
        body: JSON.stringify(payload(i)),
      });
      await res.body.dump();
      if (res.statusCode === 200) ok++;
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  const seconds = (performance.now() - t0) / 1000;
  await pool.close();
  if (ok !== n) throw new Error(`raw loop: ${ok}/${n} answered 200`);
  return n / seconds;
}

async function engine(origin: string, n: number, dir: string | undefined): Promise<number> {
  const journal = dir === undefined ? undefined : join(dir, 'bench.ndjson');
  const t0 = performance.now();
  const result = await deliver(timeline(n), {
    target: { url: `${origin}/webhook`, secret: 'bench-secret' },
    time: { kind: 'instant' },
    concurrency: CONCURRENCY,
    journal,
  });
  const seconds = (performance.now() - t0) / 1000;
  if (result.summary.delivered !== n) throw new Error(`engine: ${result.summary.delivered}/${n} delivered`);
  if (journal !== undefined && statSync(journal).size === 0) throw new Error('engine: empty journal');
  return n / seconds;
}

async function main(): Promise<void> {
  const receiver = new Worker(RECEIVER, { eval: true });
  const port = await new Promise<number>((resolve) => receiver.once('message', resolve));
  const origin = `http://127.0.0.1:${port}`;
  const dir = mkdtempSync(join(tmpdir(), 'provider-mock-bench-'));
  try {
    // Warm up both paths (JIT, connections) before measuring.
    await raw(origin, N);
    await engine(origin, N, dir);
    await engine(origin, N, undefined);
    const rawRates: number[] = [];
    const engineRates: number[] = [];
    const noJournalRates: number[] = [];
    const ratios: number[] = [];
    for (let r = 0; r < ROUNDS; r++) {
      // Each round measures both back to back (order alternating), so load from elsewhere on
      // the machine hits both sides of a ratio alike; the headline is the median of the
      // per-round ratios.
      let rawRate: number;
      let engineRate: number;
      if (r % 2 === 0) {
        rawRate = await raw(origin, N);
        engineRate = await engine(origin, N, dir);
      } else {
        engineRate = await engine(origin, N, dir);
        rawRate = await raw(origin, N);
      }
      rawRates.push(rawRate);
      engineRates.push(engineRate);
      ratios.push(engineRate / rawRate);
      noJournalRates.push(await engine(origin, N, undefined));
    }
    const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
    const ratio = median(ratios);
    const best = Math.max(...engineRates) / Math.max(...rawRates);
    const fmt = (x: number): string => x.toFixed(0).padStart(7);
    const list = (xs: number[]): string => xs.map((x) => x.toFixed(0)).join(', ');
    console.log(`bench:deliver  N=${N} concurrency=${CONCURRENCY} rounds=${ROUNDS}`);
    console.log(`  raw undici loop      ${fmt(median(rawRates))} deliveries/s (median)   [${list(rawRates)}]`);
    console.log(`  engine (journal on)  ${fmt(median(engineRates))} deliveries/s (median)   [${list(engineRates)}]`);
    console.log(`  engine (journal off) ${fmt(median(noJournalRates))} deliveries/s (median)   [${list(noJournalRates)}]  (for reference)`);
    console.log(`  ratio engine/raw     ${ratio.toFixed(2)} median of rounds [${ratios.map((x) => x.toFixed(2)).join(', ')}], best/best ${best.toFixed(2)}  (target ≥ 0.80: ${ratio >= 0.8 ? 'met' : 'NOT met'})`);
  } finally {
    receiver.postMessage('close');
    await new Promise((resolve) => receiver.once('exit', resolve));
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
