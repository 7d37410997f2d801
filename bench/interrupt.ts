/**
 * Benchmark: how long the compiled `provider-mock run` takes to exit after SIGINT, 5 s into a
 * 200 000-event instant run against a no-op receiver on 127.0.0.1 (target: ≤ 3 s; the drain and the
 * grace for in-flight attempts are bounded to about a second each). Each round prints the time to
 * exit, the deliveries made, and how much of the rest of the plan the drain read. The CLI is built
 * into a temp folder (scripts/build-cli.ts).
 *
 *   npm run bench:interrupt          (BENCH_ROUNDS=3, at most 10)
 *
 * Before the bounded drain the same run took 27–40 s to exit and journaled answered requests as aborted.
 */
import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { buildCli } from '../scripts/build-cli.ts';

const ROUNDS = Math.max(1, Math.min(Number(process.env.BENCH_ROUNDS ?? 3), 10));
const TARGET_MS = 3000;

const server = createServer((req, res) => {
  req.resume();
  req.on('end', () => {
    res.writeHead(200, { 'content-length': '0' });
    res.end();
  });
});
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const target = `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhook`;

console.error('building the CLI into a temp folder…');
const built = await buildCli();
const scenario = join(built.dir, 'big.yaml');
writeFileSync(scenario, 'provider: mluvii\nname: big\ndescription: 200 000 sessions\nsessions: 200000\narrivals: { every: 10ms }\nsteps:\n  - name: created\n    event: SessionCreated\n');

let worst = 0;
try {
  console.log(`SIGINT 5 s into a 200 000-event instant run (node ${process.version}, ${new Date().toISOString().slice(0, 10)})`);
  for (let i = 0; i < ROUNDS; i++) {
    const journal = join(built.dir, `run-${i}.ndjson`);
    const child = spawn(process.execPath, [built.bin, 'run', scenario, '--target', target, '--instant', '--journal', journal, '--report', join(built.dir, `junit-${i}.xml`)], { stdio: 'ignore' });
    await new Promise((r) => setTimeout(r, 5000));
    const t0 = performance.now();
    child.kill('SIGINT');
    const code = await new Promise<number | null>((r) => child.on('close', r));
    const ms = performance.now() - t0;
    worst = Math.max(worst, ms);
    const lines = readFileSync(journal, 'utf8').trim().split('\n');
    const summary = (JSON.parse(lines.at(-1) ?? '{}') as { summary?: { delivered: number; drain: { read: number; unreadFrom: number | null } | null } }).summary;
    console.log(`  round ${i + 1}: exit ${code} after ${Math.round(ms)} ms; delivered ${summary?.delivered}, drained ${summary?.drain?.read}, unread from event ${summary?.drain?.unreadFrom}`);
  }
  console.log(`worst ${Math.round(worst)} ms: ${worst <= TARGET_MS ? 'ok' : 'OVER'} (target ≤ ${TARGET_MS} ms)`);
} finally {
  built.remove();
  server.close();
}
if (worst > TARGET_MS) process.exitCode = 1;
