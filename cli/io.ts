import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import type { Readable, Writable } from 'node:stream';
import { ProviderMockError } from '../contracts/errors.ts';

/** What a command may touch: injected so tests run commands in-process. */
export interface CliIO {
  stdout: Writable & { isTTY?: boolean };
  stderr: Writable & { isTTY?: boolean };
  stdin: Readable;
  env: NodeJS.ProcessEnv;
  cwd: string;
  /** Aborted on SIGINT/SIGTERM by cli/bin.ts; commands that run long stop when it fires. */
  signal?: AbortSignal;
  /** `--verbose` / `-v` (a global flag main.ts takes off the argv): more output, stack traces. */
  verbose?: boolean;
}

export function out(io: CliIO, text = ''): void {
  io.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
}

export function err(io: CliIO, text: string): void {
  io.stderr.write(text.endsWith('\n') ? text : `${text}\n`);
}

export async function readAll(stream: Readable): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of stream) chunks.push(typeof c === 'string' ? Buffer.from(c) : (c as Buffer));
  return Buffer.concat(chunks).toString('utf8');
}

/** Writes an output file (`--out`, `--report`) relative to the working directory, creating its folders. */
export async function writeOutput(io: CliIO, file: string, text: string, what: string): Promise<void> {
  const target = resolve(io.cwd, file);
  try {
    await mkdir(dirname(target), { recursive: true });
    await writeFile(target, text);
  } catch (e) {
    throw new ProviderMockError('PM_UNWRITABLE', `cannot write ${what}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`, { where: file });
  }
}
