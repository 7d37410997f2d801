#!/usr/bin/env node
// The inspector and MSW example tests drive a real headless Chromium (Debian's package, driven by
// playwright-core). On a fresh machine `npm test` installs it when it is missing and we are root;
// otherwise it says what to run.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const BROWSER = process.env.PROVIDER_MOCK_CHROMIUM ?? '/usr/bin/chromium';
if (existsSync(BROWSER)) process.exit(0);
if (typeof process.getuid === 'function' && process.getuid() === 0) {
  console.log(`provider-mock: ${BROWSER} is missing; installing Debian's chromium (once)…`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  execFileSync('apt-get', ['install', '-y', '-qq', 'chromium'], { stdio: 'inherit', env });
  if (existsSync(BROWSER)) process.exit(0);
}
console.error(
  `provider-mock: the browser tests need Chromium at ${BROWSER}. Install it with \`sudo apt-get install chromium\` ` +
    '(Debian/Ubuntu), or point PROVIDER_MOCK_CHROMIUM at a Chromium binary.',
);
process.exit(1);
