import { once } from 'node:events';
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
  /** Aborted on a second SIGINT/SIGTERM: skip what is left of the drain and grace periods, write the outputs, end. */
  stopNow?: AbortSignal;
}

export function out(io: CliIO, text = ''): void {
  io.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
}

export function err(io: CliIO, text: string): void {
  io.stderr.write(text.endsWith('\n') ? text : `${text}\n`);
}

/**
 * A line printed while a run's live progress line may be drawn on a TTY (delivery/progress.ts
 * rewrites one line in place, without a newline): the progress line is cleared first so this line
 * stands on its own; the progress draws itself again below it at its next update.
 */
export function errBesideProgress(io: CliIO, text: string): void {
  err(io, io.stderr.isTTY ? `\r\x1b[2K${text}` : text);
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

/** Longest stretch of writing without a turn of the event loop (a pending Ctrl-C is handled at the next turn). */
const YIELD_EVERY_MS = 20;

/**
 * Output of a command that prints a lot (generate, plan, export, validate): `write` returns a
 * promise to await when stdout is full (backpressure: a slow reader never makes us buffer the
 * output), or when it is time to let the event loop turn so a Ctrl-C is seen; `stopped` is true
 * once the command's signal fired. Waiting for a full pipe ends at the signal too, so a stalled
 * reader cannot keep the command from stopping.
 */
export class OutputWriter {
  readonly #io: CliIO;
  #lastTurn = performance.now();

  constructor(io: CliIO) {
    this.#io = io;
  }

  get stopped(): boolean {
    return this.#io.signal?.aborted === true;
  }

  write(text: string): Promise<void> | undefined {
    const full = !this.#io.stdout.write(text);
    if (full) return this.#drained();
    const now = performance.now();
    if (now - this.#lastTurn < YIELD_EVERY_MS) return undefined;
    this.#lastTurn = now;
    return new Promise((resolve) => setImmediate(resolve));
  }

  async #drained(): Promise<void> {
    const signal = this.#io.signal;
    if (signal?.aborted) return;
    try {
      await once(this.#io.stdout, 'drain', signal ? { signal } : {});
    } catch {
      // aborted: the caller sees `stopped`
    }
    this.#lastTurn = performance.now();
  }
}
