import { listBuiltins } from '../../scenarios/files.ts';
import { boolFlag, parseFlags, providerFlag } from '../args.ts';
import type { Command } from '../command.ts';
import { out } from '../io.ts';
import { table } from '../table.ts';

export const scenariosCommand: Command = {
  name: 'scenarios',
  help: `Usage: provider-mock scenarios [--provider mluvii|enreach] [--json]

Lists the built-in scenarios. Plan one with: provider-mock plan <name> [--seed S]
Write your own in YAML: scenarios/README.md describes the language.

  --provider P   only this provider's scenarios
  --json         a JSON array of {name, provider, description, file}`,
  options: { provider: { type: 'string', config: false }, json: { type: 'boolean', config: false } },
  async run(argv, io) {
    const p = parseFlags('scenarios', argv, this.options);
    const list = listBuiltins(providerFlag(p));
    if (boolFlag(p, 'json')) {
      out(io, JSON.stringify(list.map(({ name, provider, description, file }) => ({ name, provider, description, file })), null, 2));
      return 0;
    }
    out(io, table(['name', 'provider', 'description'], list.map((s) => [s.name, s.provider, s.description])));
    out(io, `\n${list.length} built-in scenarios; provider-mock plan <name> shows one as a timeline`);
    return 0;
  },
};
