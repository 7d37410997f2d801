import type { OptionSpec } from './args.ts';
import type { CliIO } from './io.ts';

export interface Command {
  name: string;
  /** Usage and flag descriptions for `provider-mock <name> --help`. */
  help: string;
  options: OptionSpec;
  /** Returns the exit code. Errors for the user are thrown as ProviderMockError. */
  run(argv: readonly string[], io: CliIO): Promise<number>;
}
