#!/usr/bin/env node
// The `provider-mock` executable (built to dist/cli.js; in development `npm run cli -- …` runs it from
// sources). Only Node built-ins are touched before the signal handlers are in place: an interrupt at any
// moment aborts the command through its signal, so outputs it opened are still completed. The CLI itself,
// and through it only the invoked command's modules, load after that.

const controller = new AbortController();
let signalled: NodeJS.Signals | undefined;
for (const sig of ['SIGINT', 'SIGTERM'] as const) {
  process.on(sig, () => {
    // A second signal stops at once.
    if (signalled) process.exit(sig === 'SIGINT' ? 130 : 143);
    signalled = sig;
    controller.abort(sig);
  });
}

// `provider-mock events --json | head` closes the pipe early: that is not an error.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw e;
  });
}

const { runCli } = await import('./main.ts');
const code = await runCli(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  stdin: process.stdin,
  env: process.env,
  cwd: process.cwd(),
  signal: controller.signal,
});
process.exitCode = signalled && code !== 2 ? (signalled === 'SIGINT' ? 130 : 143) : code;
