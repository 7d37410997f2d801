/**
 * Benchmark: CPU time of a CLI call before (and including) its small job, as a ratio to `node -e 0`
 * measured in the same run, in pairs, so a busy machine slows both sides alike. The CLI is the one users
 * get: the package is packed and installed into a fresh project (scripts/pack.ts), and its bin is run.
 *
 *   npm run bench:startup            (BENCH_ROUNDS=9; at least 7)
 *
 * Targets (issue "a CLI that starts fast"): `--help` ≤ 4×, `generate` ≤ 6× the bare `node -e 0`.
 * CPU is user + system time of the child, read by bash's `time` (getrusage), not wall time.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { consumerProject, packInto } from '../scripts/pack.ts';
import { median } from './stats.ts';

const ROUNDS = Math.max(7, Math.min(Number(process.env.BENCH_ROUNDS ?? 9), 50));

const CASES: { name: string; args: string[]; target?: number }[] = [
  { name: 'provider-mock --help', args: ['--help'], target: 4 },
  { name: 'provider-mock events', args: ['events'] },
  { name: 'provider-mock generate SessionCreated --seed 1', args: ['generate', 'SessionCreated', '--seed', '1'], target: 6 },
];

/** User + system CPU milliseconds of one run of `node …args`. */
function cpuMs(cwd: string, args: readonly string[]): number {
  const quoted = [process.execPath, ...args].map((a) => `'${a.replace(/'/g, `'\\''`)}'`).join(' ');
  const out = execFileSync('bash', ['-c', `TIMEFORMAT='%3U %3S'; { time ${quoted} >/dev/null 2>&1 ; } 2>&1`], { cwd, encoding: 'utf8' });
  const [user, sys] = out.trim().split(/\s+/).map(Number);
  return ((user ?? NaN) + (sys ?? NaN)) * 1000;
}


const dir = mkdtempSync(join(tmpdir(), 'pm-bench-startup-'));
try {
  console.error('packing and installing the package into a fresh project…');
  const app = consumerProject(join(dir, 'app'), [packInto(dir)]);
  const bin = join(app, 'node_modules/provider-mock/dist/cli/index.js');
  cpuMs(app, [bin, '--help']); // warm the file cache
  console.log(`startup CPU, median of ${ROUNDS} pairs against \`node -e 0\` (same run, ${new Date().toISOString().slice(0, 10)}, node ${process.version})`);
  let failed = false;
  for (const c of CASES) {
    const ratios: number[] = [];
    const base: number[] = [];
    const cli: number[] = [];
    for (let i = 0; i < ROUNDS; i++) {
      const b = cpuMs(app, ['-e', '0']);
      const t = cpuMs(app, [bin, ...c.args]);
      base.push(b);
      cli.push(t);
      ratios.push(t / b);
    }
    const ratio = median(ratios);
    const verdict = c.target === undefined ? '' : ratio <= c.target ? `  ok (target ≤ ${c.target}×)` : `  OVER the target ≤ ${c.target}×`;
    if (c.target !== undefined && ratio > c.target) failed = true;
    console.log(`  ${c.name.padEnd(48)} ${median(cli).toFixed(0).padStart(5)} ms vs ${median(base).toFixed(0).padStart(3)} ms  = ${ratio.toFixed(2)}×${verdict}`);
  }
  process.exitCode = failed ? 1 : 0;
} finally {
  rmSync(dir, { recursive: true, force: true });
}
