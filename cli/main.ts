import { ProviderMockError, unknownName } from '../contracts/errors.ts';
import pkg from '../package.json' with { type: 'json' };
import { COMMANDS } from './commands/index.ts';
import { err, out, type CliIO } from './io.ts';

export { COMMANDS } from './commands/index.ts';

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
    out(io, pkg.version);
    return 0;
  }
  const entry = COMMANDS.find((c) => c.name === name);
  try {
    if (!entry) throw unknownName('PM_UNKNOWN_COMMAND', 'command', name, COMMANDS.map((c) => c.name));
    const command = await entry.load();
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
