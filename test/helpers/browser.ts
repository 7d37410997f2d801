import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { ROOT } from './examples.ts';

/** Debian's Chromium (installed by `npm test` / .ci/run when missing). */
export const CHROMIUM = process.env['PROVIDER_MOCK_CHROMIUM'] ?? '/usr/bin/chromium';

/** Where tests leave screenshots for a person to look at. */
export const ARTIFACTS = join(ROOT, 'test-artifacts');

/**
 * A real headless Chromium (playwright gives each launch a fresh profile). The background-networking
 * flags matter: this machine's network is closed, and without them Chromium keeps trying to reach
 * Google's hosts.
 */
export async function launchBrowser(): Promise<Browser> {
  mkdirSync(ARTIFACTS, { recursive: true });
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}
