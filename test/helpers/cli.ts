import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { runCli } from '../../cli/main.ts';
import type { CliIO } from '../../cli/io.ts';
import { ROOT } from './examples.ts';

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

function collector(): { stream: PassThrough; text: () => string } {
  const stream = new PassThrough();
  const chunks: Buffer[] = [];
  stream.on('data', (c: Buffer) => chunks.push(c));
  return { stream, text: () => Buffer.concat(chunks).toString('utf8') };
}

/** Runs the CLI in-process with captured output; the environment is only what `env` gives (no CI, no PROVIDER_MOCK_*). */
export async function cli(argv: string[], opts: { stdin?: string; env?: NodeJS.ProcessEnv; cwd?: string; signal?: AbortSignal; tty?: boolean } = {}): Promise<CliResult> {
  const stdout = collector();
  const stderr = collector();
  // A terminal, as far as the CLI can tell (live progress, colour).
  if (opts.tty) for (const s of [stdout.stream, stderr.stream]) Object.assign(s, { isTTY: true });
  const io: CliIO = {
    stdout: stdout.stream,
    stderr: stderr.stream,
    stdin: Readable.from([opts.stdin ?? '']),
    env: opts.env ?? {},
    cwd: opts.cwd ?? ROOT,
    ...(opts.signal ? { signal: opts.signal } : {}),
  };
  const code = await runCli(argv, io);
  await new Promise((r) => setImmediate(r));
  return { code, stdout: stdout.text(), stderr: stderr.text() };
}

/**
 * The executable from sources (`npm run cli`): cli/bin.ts through tsx, as a child process. The packaged
 * dist/cli/index.js is what test/package/ runs, from an installed tarball.
 */
export const DEV_CLI: readonly string[] = ['--import', 'tsx', join(ROOT, 'cli/bin.ts')];

/** Runs the CLI from sources in a child process, as a user would through npx. */
export function spawnCli(argv: string[], opts: { stdin?: string; env?: NodeJS.ProcessEnv; timeoutMs?: number } = {}): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...DEV_CLI, ...argv], {
      cwd: ROOT,
      env: { ...process.env, ...opts.env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), opts.timeoutMs ?? 60_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code: code ?? -1, stdout, stderr });
    });
    child.stdin.end(opts.stdin ?? '');
  });
}
