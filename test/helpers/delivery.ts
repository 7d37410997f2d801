/**
 * What the delivery suites share: receivers that are closed after every test, paths in fresh
 * temp directories, and journals read back line by line.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import { startReceiver, type Receiver, type ReceiverOptions } from './receiver.ts';

/**
 * A `startReceiver` for one test file: every receiver it starts (several per test if need be) is
 * closed after that test, whether it passed or not.
 */
export function receiversClosedAfterEach(): (options?: ReceiverOptions) => Promise<Receiver> {
  const open: Receiver[] = [];
  afterEach(async () => {
    await Promise.all(open.splice(0).map((r) => r.close()));
  });
  return async (options) => {
    const r = await startReceiver(options);
    open.push(r);
    return r;
  };
}

/** A fresh temp directory (`prefix` names it). */
export function tempDir(prefix = 'pm-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** A path `name` in a fresh temp directory. */
export function tempFile(name: string, prefix?: string): string {
  return join(tempDir(prefix), name);
}

/** An NDJSON journal (or any NDJSON file), one parsed object per line. */
export function journalLines(path: string): Record<string, unknown>[] {
  return readFileSync(path, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
}
