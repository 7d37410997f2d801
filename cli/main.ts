import { ProviderMockError, unknownName } from '../contracts/errors.ts';
import pkg from '../package.json' with { type: 'json' };
import type { Command } from './command.ts';
import { COMMANDS } from './commands/index.ts';
import { err, out, type CliIO } from './io.ts';

;

/** `help <topic>` beside the commands (loaded when asked for). */
const TOPICS = { config: async () => (await import('./config.ts')).CONFIG_HELP } as const;

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
    '`provider-mock help <command>` (or `<command> --help`) shows its flags; `provider-mock help config`',
    'how flags are also read from PROVIDER_MOCK_* variables and a config file. Every command takes',
    '--verbose (-v: more output, stack traces) and --print-config (its settings and where they come from).',
  ].join('\n');
}

async function loadCommand(name: string): Promise<Command> {
  const entry = COMMANDS.find((c) => c.name === name);
  if (!entry) throw unknownName('PM_UNKNOWN_COMMAND', 'command', name, COMMANDS.map((c) => c.name));
  return entry.load();
}

/** Every command's flags: only loaded to judge a config-file key the running command does not have. */
async function allFlags(): Promise<{ commands: readonly string[]; flags: ReadonlySet<string> }> {
  const commands = await Promise.all(COMMANDS.map((c) => c.load()));
  return { commands: COMMANDS.map((c) => c.name), flags: new Set(commands.flatMap((c) => Object.keys(c.options))) };
}

/** Secrets typed into argv are visible to every user of the machine (`ps`) and kept in shell history. */
function warnSecretsInArgv(command: Command, argv: readonly string[], io: CliIO, envName: (flag: string) => string): void {
  for (const [name, spec] of Object.entries(command.options)) {
    if (!spec.secret) continue;
    if (argv.some((a) => a === `--${name}` || a.startsWith(`--${name}=`))) {
      err(io, `provider-mock: warning: --${name} on the command line is visible to other users (ps, shell history); set ${envName(name)} or put it in a git-ignored provider-mock.config.yaml instead`);
    }
  }
}

/**
 * Runs one CLI invocation and returns the exit code: 0 ok, 1 a check failed, 2 bad input.
 * User errors print one readable line; the stack only with --verbose.
 */
export async function runCli(argv: readonly string[], io: CliIO): Promise<number> {
  const dash = argv.indexOf('--');
  const flagPart = dash < 0 ? argv : argv.slice(0, dash);
  const verbose = flagPart.includes('--verbose') || flagPart.includes('-v');
  const args = [...flagPart.filter((a) => a !== '--verbose' && a !== '-v'), ...(dash < 0 ? [] : argv.slice(dash))];
  const cio: CliIO = { ...io, verbose: io.verbose === true || verbose };
  const [name, ...rest] = args;
  if (!name || name === '--help' || name === '-h') {
    out(cio, usage());
    return name ? 0 : 2;
  }
  if (name === '--version') {
    out(cio, pkg.version);
    return 0;
  }
  try {
    if (name === 'help') {
      const [topic, ...extra] = rest;
      if (topic === undefined) {
        out(cio, usage());
        return 0;
      }
      if (extra.length) throw new ProviderMockError('PM_USAGE', `help takes one command, got "${rest.join(' ')}"`, { hint: 'e.g. provider-mock help run' });
      if (topic in TOPICS) {
        out(cio, await TOPICS[topic as keyof typeof TOPICS]());
        return 0;
      }
      if (!COMMANDS.some((c) => c.name === topic)) throw unknownName('PM_UNKNOWN_COMMAND', 'command', topic, [...COMMANDS.map((c) => c.name), ...Object.keys(TOPICS)], 'help');
      out(cio, (await loadCommand(topic)).help);
      return 0;
    }
    const command = await loadCommand(name);
    if (rest.includes('--help') || rest.includes('-h')) {
      out(cio, command.help);
      return 0;
    }
    const { envName, formatSettings, resolveSettings } = await import('./config.ts');
    const printConfig = rest.includes('--print-config');
    const own = rest.filter((a) => a !== '--print-config');
    const resolved = await resolveSettings({
      command: name,
      options: command.options,
      argv: own,
      env: cio.env,
      cwd: cio.cwd,
      allFlags,
      commands: COMMANDS.map((c) => c.name),
    });
    if (printConfig) {
      out(cio, formatSettings(name, resolved));
      return 0;
    }
    warnSecretsInArgv(command, own, cio, envName);
    return await command.run(resolved.argv, cio);
  } catch (e) {
    if (e instanceof ProviderMockError) {
      err(cio, e.message);
      if (verbose && e.stack) err(cio, e.stack);
      return e.exitCode;
    }
    err(cio, `provider-mock PM_INTERNAL: ${(e as Error).message ?? String(e)} (this is a bug; rerun with --verbose and report it)`);
    if (verbose && (e as Error).stack) err(cio, (e as Error).stack ?? '');
    return 70;
  }
}
