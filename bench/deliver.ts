/**
 * bench:deliver: a real `provider-mock run` (the CLI's run command in-process: scenario files
 * loaded, the plan made while sending, payloads validated as the run validates them, delivered
 * with the provider's profile, the journal written) against a plain undici loop that POSTs the
 * very bodies that run sent (read back from its journal), with the same headers, auth and
 * concurrency, to the same no-op receiver on 127.0.0.1, in the same process and round.
 *
 *   npm run bench:deliver                                   # both providers, 5 rounds of >= 3 s
 *   npm run bench:deliver -- --provider mluvii --rounds 1 --seconds 0.5 --sessions 200   # smoke run
 *   npm run bench:deliver -- --plan-worker on              # the real runs plan in a worker thread (run --plan-worker)
 *   node --cpu-prof --cpu-prof-dir=prof --import tsx bench/deliver.ts --provider mluvii --real-only
 *   npx tsx bench/profile-summary.ts prof/CPU.*.cpuprofile        # where a real run's time goes
 *
 * Workloads (scenario files written to a temporary folder that include the built-ins, in their
 * default worlds, sessions arriving at 2 a minute, as a contact centre's busy hour):
 * - enreach: `queue-call-answered` (missed 0.25) x sessions;
 * - mluvii: `chat-session` x sessions (per-entity ordering on: the profile's default,
 *   docs/providers.md M7).
 * The run validates payloads as `provider-mock run` does by default (--validate sample).
 * A round runs the workload (and, back to back in alternating order, the raw loop over the same
 * bodies) repeatedly until each side has spent >= --seconds; its ratio is real events/s over raw
 * events/s. The verdict is the median of the rounds' ratios: >= 0.80 for each provider.
 *
 * The receiver runs in a worker thread so its work does not share the senders' event loop. Each
 * side also prints the process's CPU time per event (sender, receiver and journal together): the
 * difference is what a real run costs on top of the bare HTTP exchange; and each thread's busy
 * time per event: a thread near 1 s busy per second limits the rate, and a receiver that waits
 * between requests costs more per request (each one wakes it).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { PassThrough } from 'node:stream';
import { parseArgs } from 'node:util';
import { Worker } from 'node:worker_threads';
import { Pool } from 'undici';
import { runCommand } from '../cli/commands/run.ts';
import type { CliIO } from '../cli/io.ts';
import type { Provider } from '../contracts/provider.ts';
import { loadProfile, parseJournal, renderHeaders } from '../delivery/index.ts';
import { median, num, sessionsYaml } from './stats.ts';

const { values } = parseArgs({
  options: {
    provider: { type: 'string', multiple: true },
    sessions: { type: 'string', default: '2000' },
    concurrency: { type: 'string', default: '8' },
    rounds: { type: 'string', default: '5' },
    seconds: { type: 'string', default: '3' },
    'real-only': { type: 'boolean', default: false },
    'plan-worker': { type: 'string', default: 'off' },
  },
});
const providers = (values.provider ?? ['enreach', 'mluvii']) as Provider[];
const sessions = Number(values.sessions);
const concurrency = Number(values.concurrency);
const rounds = Number(values.rounds);
const seconds = Number(values.seconds);
const TARGET_RATIO = 0.8;
const planWorker = values['plan-worker'];
if (planWorker !== 'on' && planWorker !== 'off') {
  console.error('bench:deliver: --plan-worker on|off');
  process.exit(1);
}
if (![sessions, concurrency, rounds, seconds].every((n) => Number.isFinite(n) && n > 0) || !providers.every((p) => p === 'enreach' || p === 'mluvii')) {
  console.error('bench:deliver: --provider enreach|mluvii (repeatable); --sessions, --concurrency, --rounds, --seconds take positive numbers');
  process.exit(1);
}

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

const SCENARIOS: Record<Provider, (n: number) => string> = {
  enreach: (n) => sessionsYaml({ provider: 'enreach', name: 'bench-enreach', description: `${n} queue calls at 2/min`, sessions: n, rate: '2/min', step: 'call', include: 'queue-call-answered', with: { missed: 0.25 } }),
  mluvii: (n) => sessionsYaml({ provider: 'mluvii', name: 'bench-mluvii', description: `${n} chats at 2/min`, sessions: n, rate: '2/min', step: 'chat', include: 'chat-session' }),
};

const SECRET = 'bench-secret';

interface Workload {
  provider: Provider;
  file: string;
  journal: string;
  targetUrl: string;
  /** What the raw loop sends: the bodies and headers of one real run, in its order. */
  requests: { body: string; headers: Record<string, string> }[];
}

function silentIO(dir: string): CliIO {
  const sink = (): PassThrough => {
    const s = new PassThrough();
    s.resume();
    return s;
  };
  return { stdout: sink(), stderr: sink(), stdin: new PassThrough(), env: {}, cwd: dir };
}

/** One real run of the workload; its events count (every one must be delivered). */
async function realRun(w: Workload, dir: string): Promise<number> {
  const argv = [w.file, '--target', w.targetUrl, '--concurrency', String(concurrency), '--journal', w.journal, '--quiet', '--no-preflight', '--plan-worker', planWorker, ...(w.provider === 'enreach' ? ['--secret', SECRET] : [])];
  const code = await runCommand.run(argv, silentIO(dir));
  if (code !== 0) throw new Error(`bench:deliver: provider-mock run ${w.provider} exited ${code}`);
  return w.requests.length;
}

/** The raw loop: the same bodies, headers and concurrency, one undici pool, no planning, no journal. */
async function rawRun(w: Workload, origin: string): Promise<number> {
  const pool = new Pool(origin, { connections: concurrency, pipelining: 1 });
  let next = 0;
  let ok = 0;
  const n = w.requests.length;
  const worker = async (): Promise<void> => {
    while (next < n) {
      const r = w.requests[next++] as Workload['requests'][number];
      const res = await pool.request({ path: '/webhook', method: 'POST', headers: r.headers, body: r.body });
      await res.body.dump();
      if (res.statusCode === 200) ok++;
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  await pool.close();
  if (ok !== n) throw new Error(`raw loop: ${ok}/${n} answered 200`);
  return n;
}

interface Timed {
  /** Events per second of wall time. */
  rate: number;
  /** CPU of the whole process (sender, receiver worker, journal writes) per event, in microseconds. */
  cpuUs: number;
  /** Time the sending thread's event loop was busy (running code or in a syscall), per event, in microseconds. */
  senderUs: number;
  /** The same for the receiver's thread. */
  receiverUs: number;
}

/**
 * Runs `fn` until at least `seconds` have passed: events per second over all its runs, the
 * process's CPU per event, and each thread's busy time per event (event-loop utilisation), so a
 * reader sees which thread limits the rate and what the receiver's share of the CPU is.
 */
async function timed(fn: () => Promise<number>, receiver: Worker): Promise<Timed> {
  let events = 0;
  const c0 = process.cpuUsage();
  const s0 = performance.eventLoopUtilization();
  const r0 = receiver.performance.eventLoopUtilization();
  const t0 = performance.now();
  for (;;) {
    events += await fn();
    const elapsed = (performance.now() - t0) / 1000;
    if (elapsed >= seconds) {
      const cpu = process.cpuUsage(c0);
      const sender = performance.eventLoopUtilization(s0);
      const recv = receiver.performance.eventLoopUtilization(r0);
      return { rate: events / elapsed, cpuUs: (cpu.user + cpu.system) / events, senderUs: (sender.active * 1000) / events, receiverUs: (recv.active * 1000) / events };
    }
  }
}

async function prepare(provider: Provider, dir: string, origin: string): Promise<Workload> {
  const file = join(dir, `bench-${provider}.yaml`);
  writeFileSync(file, SCENARIOS[provider](sessions));
  const url = new URL('/webhook', origin);
  if (provider === 'mluvii') {
    // mluvii's Basic auth comes from the URL's userinfo (docs/providers.md M3).
    url.username = 'bench';
    url.password = SECRET;
  }
  const w: Workload = { provider, file, journal: join(dir, `bench-${provider}.ndjson`), targetUrl: url.href, requests: [] };
  // A first run (unmeasured: warms the JIT and the connections) gives the raw loop its bodies.
  await realRun({ ...w, requests: [] }, dir);
  const journal = parseJournal(readFileSync(w.journal, 'utf8'), w.journal);
  const profile = loadProfile(provider);
  const auth: Record<string, string> = provider === 'enreach' ? { 'X-Benemen-Token': SECRET } : { Authorization: `Basic ${Buffer.from(`bench:${SECRET}`).toString('base64')}` };
  const headerCache = new Map<string, Record<string, string>>();
  for (const ev of journal.events) {
    let headers = headerCache.get(ev.eventType);
    if (headers === undefined) {
      headers = { ...renderHeaders(profile, ev.eventType), ...auth };
      headerCache.set(ev.eventType, headers);
    }
    const body = typeof ev.body === 'string' ? ev.body : JSON.stringify(ev.payload);
    w.requests.push({ body, headers });
  }
  if (w.requests.length === 0) throw new Error(`bench:deliver: the ${provider} run journaled no events`);
  await rawRun(w, origin);
  return w;
}


async function main(): Promise<number> {
  const receiver = new Worker(RECEIVER, { eval: true });
  const port = await new Promise<number>((resolve) => receiver.once('message', resolve));
  const origin = `http://127.0.0.1:${port}`;
  const dir = mkdtempSync(join(tmpdir(), 'provider-mock-bench-deliver-'));
  let failed = false;
  try {
    console.log(`bench:deliver  provider-mock run (plan + deliver + journal) vs a raw undici loop over the same bodies`);
    console.log(`machine        ${cpus()[0]?.model ?? 'unknown CPU'}, ${availableParallelism()} CPUs, ${Math.round(totalmem() / 2 ** 30)} GiB, ${process.platform} ${process.arch}, Node ${process.version}, ${new Date().toISOString()}`);
    console.log(`workload       ${sessions} sessions per run, concurrency ${concurrency}, ${rounds} rounds of >= ${seconds} s per side, receiver in a worker thread, planning ${planWorker === 'on' ? 'in a worker thread (--plan-worker on)' : 'on the sending thread'}`);
    for (const provider of providers) {
      const w = await prepare(provider, dir, origin);
      if (values['real-only']) {
        // For a profile: real runs only, no raw loop and no verdict.
        const t = await timed(() => realRun(w, dir), receiver);
        console.log(`${provider.padEnd(8)}       real run ${num(t.rate)} events/s, ${t.cpuUs.toFixed(0)} us CPU per event, busy per event: sender ${t.senderUs.toFixed(0)} us, receiver ${t.receiverUs.toFixed(0)} us (real runs only, no verdict)`);
        continue;
      }
      const real: Timed[] = [];
      const raw: Timed[] = [];
      const ratios: number[] = [];
      for (let r = 0; r < rounds; r++) {
        // Back to back, order alternating, so load from elsewhere hits both sides of a ratio alike.
        let a: Timed;
        let b: Timed;
        if (r % 2 === 0) {
          a = await timed(() => realRun(w, dir), receiver);
          b = await timed(() => rawRun(w, origin), receiver);
        } else {
          b = await timed(() => rawRun(w, origin), receiver);
          a = await timed(() => realRun(w, dir), receiver);
        }
        real.push(a);
        raw.push(b);
        ratios.push(a.rate / b.rate);
      }
      const ratio = median(ratios);
      const ok = ratio >= TARGET_RATIO;
      failed ||= !ok;
      const ordering = loadProfile(provider).ordering;
      console.log(`${provider.padEnd(8)}       ${num(w.requests.length)} events per run (ordering ${ordering})`);
      for (const [label, side] of [['real run', real], ['raw loop', raw]] as const) {
        const rates = side.map((t) => t.rate);
        const us = (pick: (t: Timed) => number): string => median(side.map(pick)).toFixed(0);
        console.log(`  ${label}     ${num(median(rates)).padStart(7)} events/s median   [${rates.map(num).join(', ')}]   CPU ${us((t) => t.cpuUs)} us/event; busy per event: sender ${us((t) => t.senderUs)} us, receiver ${us((t) => t.receiverUs)} us`);
      }
      console.log(`  ratio        ${ratio.toFixed(2)}x median of rounds [${ratios.map((x) => x.toFixed(2)).join(', ')}]  (target >= ${TARGET_RATIO.toFixed(2)}: ${ok ? 'met' : 'NOT met'})`);
    }
  } finally {
    receiver.postMessage('close');
    await new Promise((resolve) => receiver.once('exit', resolve));
    rmSync(dir, { recursive: true, force: true });
  }
  return failed ? 1 : 0;
}

process.exitCode = await main();
