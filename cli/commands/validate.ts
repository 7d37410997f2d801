import { open } from 'node:fs/promises';
import { resolve } from 'node:path';
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import { ProviderMockError } from '../../contracts/errors.ts';
import { formatIssues, validate, type ValidationResult } from '../../contracts/index.ts';
import { boolFlag, parseFlags, providerFlag } from '../args.ts';
import type { Command } from '../command.ts';
import { out, OutputWriter, type CliIO } from '../io.ts';

export interface Item {
  where: string;
  payload: unknown;
  /** The payload's JSON text as written (the file, or its line), for `send`. */
  text: string;
}

function notJson(message: string, where: string, ndjson: boolean): ProviderMockError {
  return ndjson
    ? new ProviderMockError('PM_NOT_JSON', `line is not JSON: ${message}`, { where, hint: 'NDJSON needs one complete JSON payload per line' })
    : new ProviderMockError('PM_NOT_JSON', `not JSON: ${message}`, { where, hint: 'give one JSON payload or NDJSON, one payload per line' });
}

/** One JSON document, or NDJSON (one payload per line). Unusable input is exit 2. */
export function parsePayloads(text: string, source: string): Item[] {
  try {
    return [{ where: source, payload: JSON.parse(text), text: text.trim() }];
  } catch (whole) {
    const lines = text.split('\n');
    const nonEmpty = lines.filter((l) => l.trim() !== '');
    if (nonEmpty.length <= 1) throw notJson((whole as Error).message, source, false);
    const items: Item[] = [];
    lines.forEach((line, i) => {
      if (line.trim() === '') return;
      try {
        items.push({ where: `${source}:${i + 1}`, payload: JSON.parse(line), text: line.trim() });
      } catch (e) {
        throw notJson((e as Error).message, `${source}:${i + 1}`, true);
      }
    });
    return items;
  }
}

/**
 * The payloads of a stream, as they arrive: when its first line is JSON it is NDJSON, validated
 * line by line (a file of millions of payloads never sits in memory); otherwise it is one
 * document (pretty-printed JSON), read whole. The same results as parsePayloads: a lone payload
 * is named by its source, payloads of NDJSON by `source:line`.
 */
export async function* streamPayloads(lines: AsyncIterable<string>, source: string): AsyncGenerator<Item> {
  let lineNo = 0;
  let pending: Item | undefined;
  let count = 0;
  let document: string[] | undefined;
  for await (const line of lines) {
    lineNo++;
    if (document) {
      document.push(line);
      continue;
    }
    if (line.trim() === '') continue;
    let payload: unknown;
    try {
      payload = JSON.parse(line);
    } catch (e) {
      if (count > 0) {
        // The payloads before the bad line are still judged.
        if (pending) yield pending;
        throw notJson((e as Error).message, `${source}:${lineNo}`, true);
      }
      // Not a line of NDJSON: one document spread over lines.
      document = [...Array<string>(lineNo - 1).fill(''), line];
      continue;
    }
    count++;
    const item = { where: `${source}:${lineNo}`, payload, text: line.trim() };
    if (pending) yield pending;
    if (count === 1) pending = item;
    else {
      pending = undefined;
      yield item;
    }
  }
  if (document) {
    yield* parsePayloads(document.join('\n'), source);
    return;
  }
  if (pending) yield count === 1 ? { ...pending, where: source } : pending;
  if (count === 0) throw notJson('the input is empty', source, false);
}

async function openInput(file: string, io: CliIO): Promise<Readable> {
  if (file === '-') return io.stdin;
  try {
    const handle = await open(resolve(io.cwd, file), 'r');
    return handle.createReadStream({ encoding: 'utf8' });
  } catch (e) {
    throw new ProviderMockError('PM_UNREADABLE', `cannot read file: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`, { where: file });
  }
}

/** A file's whole text, or stdin's for `-` (send: one payload file); an unreadable file is bad input. */
export async function readInput(file: string, io: CliIO): Promise<string> {
  const chunks: string[] = [];
  for await (const c of await openInput(file, io)) chunks.push(typeof c === 'string' ? c : Buffer.from(c as Uint8Array).toString('utf8'));
  return chunks.join('');
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
    const input = await openInput(file, io);
    const lines = createInterface({ input, crlfDelay: Infinity });
    // Ctrl-C ends the reading even while a pipe is silent.
    const stop = (): void => lines.close();
    io.signal?.addEventListener('abort', stop, { once: true });
    const output = new OutputWriter(io);
    const print = async (text: string): Promise<void> => {
      const full = output.write(`${text}\n`);
      if (full) await full;
    };
    let invalid = 0;
    let total = 0;
    try {
      for await (const item of streamPayloads(lines, file === '-' ? 'stdin' : file)) {
        if (output.stopped) break;
        total++;
        const r: ValidationResult = validate(item.payload, { mode: boolFlag(p, 'lenient') ? 'lenient' : 'strict', ...(provider ? { provider } : {}) });
        if (!r.valid) invalid++;
        if (boolFlag(p, 'json')) {
          await print(JSON.stringify({ where: item.where, ...r }));
          continue;
        }
        const what = r.provider ? `${r.provider} ${r.eventType}` : 'unknown payload';
        await print(`${r.valid ? 'valid  ' : 'INVALID'} ${item.where}: ${what}${r.warnings?.length ? ' (with warnings)' : ''}`);
        for (const line of formatIssues(r.errors)) await print(`  ${line}`);
        for (const line of formatIssues(r.warnings ?? [])) await print(`  warning: ${line}`);
      }
    } finally {
      io.signal?.removeEventListener('abort', stop);
      lines.close();
      if (input !== io.stdin) input.destroy();
    }
    if (output.stopped) return 130;
    if (!boolFlag(p, 'json') && total > 1) out(io, `${total - invalid} valid, ${invalid} invalid`);
    return invalid > 0 ? 1 : 0;
  },
};
