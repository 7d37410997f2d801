/**
 * A folder of test-artifacts/ (git-ignored) for one test file's run: `test-artifacts/<name>/run-<pid>-<n>`.
 * Two suites may run at once in one checkout, so no test file writes into (or deletes) a fixed
 * folder: each run has its own, left for a look afterwards; runs older than a day are removed
 * (never a folder a suite running now could be using).
 */
import { mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { ROOT } from './examples.ts';

const DAY_MS = 24 * 60 * 60 * 1000;

export interface ArtifactFolder {
  /** Absolute path. */
  abs: string;
  /** The same, relative to the checkout (the tests' working folder), for CLI arguments and messages. */
  rel: string;
}

export function artifactFolder(name: string): ArtifactFolder {
  const parent = join(ROOT, 'test-artifacts', name);
  mkdirSync(parent, { recursive: true });
  for (const old of readdirSync(parent)) {
    const dir = join(parent, old);
    try {
      if (old.startsWith('run-') && Date.now() - statSync(dir).mtimeMs > DAY_MS) rmSync(dir, { recursive: true, force: true });
    } catch {
      // another suite removed it first
    }
  }
  const abs = join(parent, `run-${process.pid}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`);
  mkdirSync(abs, { recursive: true });
  return { abs, rel: relative(ROOT, abs) };
}
