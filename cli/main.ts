import { ProviderMockError, unknownName } from '../contracts/errors.ts';
import type { Command } from './command.ts';
import { demoCommand } from './commands/demo.ts';
import { eventsCommand } from './commands/events.ts';
import { exportCommand } from './commands/export.ts';
import { generateCommand } from './commands/generate.ts';
import { planCommand } from './commands/plan.ts';
import { pactCommand } from './commands/pact.ts';
import { runCommand } from './commands/run.ts';
import { scenariosCommand } from './commands/scenarios.ts';
import { serveCommand } from './commands/serve.ts';
import { validateCommand } from './commands/validate.ts';
import { err, out, type CliIO } from './io.ts';

/** Every command; the CLI only parses flags and calls the library. */
export const COMMANDS: readonly Command[] = [demoCommand, eventsCommand, generateCommand, validateCommand, scenariosCommand, planCommand, runCommand, serveCommand, pactCommand, exportCommand];

function usage(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return [
    'Usage: provider-mock <command> [flags]',
    '',
    'Plays the webhook senders of mluvii and Enreach (Benemen) against your receiver.',
    '',
    'Commands:',
    ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'Run `provider-mock <command> --help` for its flags. --verbose prints stack traces.',
  ].join('\n');
}

/**
 * Runs one CLI invocation and returns the exit code: 0 ok, 1 a check failed, 2 bad input.
 * User errors print one readable line; the stack only with --verbose.
 */
export async function runCli(argv: readonly string[], io: CliIO): Promise<number> {
  const verbose = argv.includes('--verbose');
  const args = argv.filter((a) => a !== '--verbose');
  const [name, ...rest] = args;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    out(io, usage());
    return name ? 0 : 2;
  }
  if (name === '--version') {
    const pkg = (await import('../package.json', { with: { type: 'json' } })).default as { version: string };
    out(io, pkg.version);
    return 0;
  }
  const command = COMMANDS.find((c) => c.name === name);
  try {
    if (!command) throw unknownName('PM_UNKNOWN_COMMAND', 'command', name, COMMANDS.map((c) => c.name));
    if (rest.includes('--help') || rest.includes('-h')) {
      out(io, command.help);
      return 0;
    }
    return await command.run(rest, io);
  } catch (e) {
    if (e instanceof ProviderMockError) {
      err(io, e.message);
      if (verbose && e.stack) err(io, e.stack);
      return e.exitCode;
    }
    err(io, `provider-mock PM_INTERNAL: ${(e as Error).message ?? String(e)} (this is a bug; rerun with --verbose and report it)`);
    if (verbose && (e as Error).stack) err(io, (e as Error).stack ?? '');
    return 70;
  }
}
