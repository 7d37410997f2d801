#!/usr/bin/env node
// Runs the TypeScript CLI through tsx, so `npx provider-mock …` works right after `npm ci`
// with no build step.
import { register } from 'tsx/esm/api';

register();
// `provider-mock events --json | head` closes the pipe early: that is not an error.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (e) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw e;
  });
}
const { runCli } = await import('../cli/main.ts');

const controller = new AbortController();
let signalled;
for (const sig of ['SIGINT', 'SIGTERM']) {
  process.on(sig, () => {
    // A second signal stops at once.
    if (signalled) process.exit(sig === 'SIGINT' ? 130 : 143);
    signalled = sig;
    controller.abort(sig);
  });
}
const code = await runCli(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  stdin: process.stdin,
  env: process.env,
  cwd: process.cwd(),
  signal: controller.signal,
});
process.exitCode = signalled && code !== 2 ? (signalled === 'SIGINT' ? 130 : 143) : code;
