import { stringify as toYaml } from 'yaml';
import { EXPORT_FORMATS, exportText } from '../../contracts/export/index.ts';
import { oneOf, parseFlags, providerFlag, stringFlag } from '../args.ts';
import type { Command } from '../command.ts';
import { err, OutputWriter, writeOutput } from '../io.ts';

const SLICE = 64 * 1024;

export const exportCommand: Command = {
  name: 'export',
  help: `Usage: provider-mock export openapi|asyncapi [--provider mluvii|enreach] [--out file]

openapi   OpenAPI 3.1: one webhooks operation per event (body = the event schema, the
          provider's headers as parameters, its authentication as security, doc examples)
asyncapi  AsyncAPI 3.0: one message and one receive operation per event, same schemas

  --provider P   only this provider's events (default: both)
  -o, --out FILE write to FILE (folders are created) instead of stdout; a .yaml or .yml FILE
                 gets YAML, any other JSON

Committed copies of both providers: contracts/openapi.json, contracts/asyncapi.json.
Exit codes: 0 written, 2 bad flags or unwritable file.`,
  options: { provider: { type: 'string', config: false }, out: { type: 'string', short: 'o', config: false } },
  async run(argv, io) {
    const p = parseFlags('export', argv, this.options);
    const format = oneOf(p, 'export', 'format', EXPORT_FORMATS, 'provider-mock export openapi --out openapi.json');
    const provider = providerFlag(p);
    const providers = provider === undefined ? undefined : [provider];
    const text = exportText(format, providers);
    const file = stringFlag(p, 'out');
    if (file === undefined || file === '-') {
      // In slices, with backpressure: a slow reader holds one slice at a time in the pipe; Ctrl-C stops it.
      const output = new OutputWriter(io);
      for (let at = 0; at < text.length && !output.stopped; at += SLICE) {
        const full = output.write(text.slice(at, at + SLICE));
        if (full) await full;
      }
      return output.stopped ? 130 : 0;
    }
    // The same document as YAML for a .yaml/.yml file (both specifications allow either).
    const yaml = /\.ya?ml$/i.test(file);
    await writeOutput(io, file, yaml ? toYaml(JSON.parse(text), { lineWidth: 0, aliasDuplicateObjects: false }) : text, `the ${format} document`);
    err(io, `wrote ${file} (${format}${provider ? `, ${provider}` : ''}, ${yaml ? 'YAML' : 'JSON'})`);
    return 0;
  },
};
