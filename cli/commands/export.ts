import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { ProviderMockError, parseProvider } from '../../contracts/index.ts';
import { EXPORT_FORMATS, exportText, type ExportFormat } from '../../contracts/export/index.ts';
import { parseFlags, stringFlag } from '../args.ts';
import type { Command } from '../command.ts';
import { err } from '../io.ts';

export const exportCommand: Command = {
  name: 'export',
  summary: 'write the catalog as an OpenAPI 3.1 or AsyncAPI 3 document',
  help: `Usage: provider-mock export openapi|asyncapi [--provider mluvii|enreach] [--out file]

openapi   OpenAPI 3.1: one webhooks operation per event (body = the event schema, the
          provider's headers as parameters, its authentication as security, doc examples)
asyncapi  AsyncAPI 3.0: one message and one receive operation per event, same schemas

  --provider P   only this provider's events (default: both)
  --out FILE     write to FILE (folders are created) instead of stdout

Committed copies of both providers: contracts/openapi.json, contracts/asyncapi.json.
Exit codes: 0 written, 2 bad flags or unwritable file.`,
  options: { provider: { type: 'string' }, out: { type: 'string' } },
  async run(argv, io) {
    const p = parseFlags('export', argv, this.options);
    const [format, ...extra] = p.positionals;
    if (!format || !(EXPORT_FORMATS as readonly string[]).includes(format) || extra.length) {
      throw new ProviderMockError('PM_USAGE', format ? `unknown export format "${[format, ...extra].join(' ')}"` : 'export needs a format', {
        validValues: EXPORT_FORMATS,
        hint: 'provider-mock export openapi --out openapi.json',
      });
    }
    const providerArg = stringFlag(p, 'provider');
    const providers = providerArg === undefined ? undefined : [parseProvider(providerArg, '--provider')];
    const text = exportText(format as ExportFormat, providers);
    const file = stringFlag(p, 'out');
    if (file === undefined || file === '-') {
      io.stdout.write(text);
      return 0;
    }
    const target = resolve(io.cwd, file);
    try {
      await mkdir(dirname(target), { recursive: true });
      await writeFile(target, text);
    } catch (e) {
      throw new ProviderMockError('PM_UNWRITABLE', `cannot write the ${format} document: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`, { where: file });
    }
    err(io, `wrote ${file} (${format}${providers ? `, ${providers[0]}` : ''})`);
    return 0;
  },
};
