import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { ProviderMockError } from '../../contracts/errors.ts';
import { formatIssues, validate, type ValidationResult } from '../../contracts/index.ts';
import { boolFlag, parseFlags, providerFlag } from '../args.ts';
import type { Command } from '../command.ts';
import { out, readAll, type CliIO } from '../io.ts';

export interface Item {
  where: string;
  payload: unknown;
  /** The payload's JSON text as written (the file, or its line), for `send`. */
  text: string;
}

/** One JSON document, or NDJSON (one payload per line). Unusable input is exit 2. */
export function parsePayloads(text: string, source: string): Item[] {
  try {
    return [{ where: source, payload: JSON.parse(text), text: text.trim() }];
  } catch (whole) {
    const lines = text.split('\n');
    const nonEmpty = lines.filter((l) => l.trim() !== '');
    if (nonEmpty.length <= 1) {
      throw new ProviderMockError('PM_NOT_JSON', `not JSON: ${(whole as Error).message}`, { where: source, hint: 'give one JSON payload or NDJSON, one payload per line' });
    }
    const items: Item[] = [];
    lines.forEach((line, i) => {
      if (line.trim() === '') return;
      try {
        items.push({ where: `${source}:${i + 1}`, payload: JSON.parse(line), text: line.trim() });
      } catch (e) {
        throw new ProviderMockError('PM_NOT_JSON', `line is not JSON: ${(e as Error).message}`, { where: `${source}:${i + 1}`, hint: 'NDJSON needs one complete JSON payload per line' });
      }
    });
    return items;
  }
}

/** A file's text, or stdin for `-`; an unreadable file is bad input. */
export async function readInput(file: string, io: CliIO): Promise<string> {
  if (file === '-') return readAll(io.stdin);
  try {
    return await readFile(resolve(io.cwd, file), 'utf8');
  } catch (e) {
    throw new ProviderMockError('PM_UNREADABLE', `cannot read file: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`, { where: file });
  }
}

export const validateCommand: Command = {
  name: 'validate',
  help: `Usage: provider-mock validate <file.json|file.ndjson|-> [--lenient] [--provider P] [--json]

Detects the provider (mluvii: {"eventType","data"} envelope; Enreach: flat with "EventType")
and the event type, and checks the payload against its schema.

  --lenient      accept enum values, properties and event types the catalog does not know
                 yet, as a forward-compatible receiver should (mluvii asks clients to; an
                 unknown event type of a known provider is valid with a warning); default strict
  --provider P   judge every payload as this provider's
  --json         one JSON result per payload per line

Exit codes: 0 all valid, 1 any invalid, 2 unusable input (unreadable, not JSON).`,
  options: { lenient: { type: 'boolean' }, provider: { type: 'string', config: false }, json: { type: 'boolean', config: false } },
  async run(argv, io) {
    const p = parseFlags('validate', argv, this.options);
    const file = p.positionals[0];
    if (!file || p.positionals.length > 1) {
      throw new ProviderMockError('PM_USAGE', 'validate takes exactly one file (or - for stdin)', { hint: 'provider-mock validate payload.json' });
    }
    const provider = providerFlag(p);
    const items = parsePayloads(await readInput(file, io), file === '-' ? 'stdin' : file);
    let invalid = 0;
    for (const item of items) {
      const r: ValidationResult = validate(item.payload, { mode: boolFlag(p, 'lenient') ? 'lenient' : 'strict', ...(provider ? { provider } : {}) });
      if (!r.valid) invalid++;
      if (boolFlag(p, 'json')) {
        out(io, JSON.stringify({ where: item.where, ...r }));
        continue;
      }
      const what = r.provider ? `${r.provider} ${r.eventType}` : 'unknown payload';
      out(io, `${r.valid ? 'valid  ' : 'INVALID'} ${item.where}: ${what}${r.warnings?.length ? ' (with warnings)' : ''}`);
      for (const line of formatIssues(r.errors)) out(io, `  ${line}`);
      for (const line of formatIssues(r.warnings ?? [])) out(io, `  warning: ${line}`);
    }
    if (!boolFlag(p, 'json') && items.length > 1) out(io, `${items.length - invalid} valid, ${invalid} invalid`);
    return invalid > 0 ? 1 : 0;
  },
};
