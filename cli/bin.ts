#!/usr/bin/env node
// The `provider-mock` executable (built to dist/cli/index.js; in development `npm run cli -- …` runs it from
// sources). Only Node built-ins are touched before the signal handlers are in place: an interrupt at any
// moment aborts the command through its signal, so outputs it opened are still completed. The CLI itself,
// and through it only the invoked command's modules, load after that. (A signal in the first tens of
// milliseconds, while Node itself boots, ends the process before any of this runs: nothing was sent or
// written then, and the shell reports 130/143 all the same.)
//
// First SIGINT/SIGTERM: stop (no new requests; in-flight ones get their grace; the rest of the plan is
// journaled as not sent, bounded); second: skip the rest of the drain and grace, still write every output;
// third: exit at once.

const controller = new AbortController();
const now = new AbortController();
let signalled: NodeJS.Signals | undefined;
let signals = 0;
const exitCodeOf = (sig: NodeJS.Signals): number => (sig === 'SIGINT' ? 130 : 143);
for (const sig of ['SIGINT', 'SIGTERM'] as const) {
  process.on(sig, () => {
    signals++;
    if (signals >= 3) process.exit(exitCodeOf(signalled ?? sig));
    if (signals === 2) {
      process.stderr.write('provider-mock: stopping now; writing the outputs (a third signal exits at once)\n');
      now.abort(sig);
      return;
    }
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
  stopNow: now.signal,
});
// A command that never waited (a short synchronous one) has not seen a signal that already arrived: one
// turn of the event loop delivers it before the exit code is chosen.
await new Promise((resolve) => setImmediate(resolve));
process.exitCode = signalled && code !== 2 ? exitCodeOf(signalled) : code;
if (signalled) {
  // Every output file is written by now; only stdout may still hold bytes for a reader that stopped
  // reading. Do not wait for it forever (the timer does not keep a finished process alive).
  setTimeout(() => process.exit(), 1000).unref();
}
