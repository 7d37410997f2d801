import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { listValues, ProviderMockError } from '../../contracts/errors.ts';
import { isProvider, PROVIDERS } from '../../contracts/provider.ts';
import { parseJournal } from '../../delivery/index.ts';
import type { DeliveryEntry, EventRecord } from '../../delivery/index.ts';
import { boolFlag, listFlag, parseFlags, stringFlag } from '../args.ts';
import type { Command } from '../command.ts';
import { out } from '../io.ts';
import { checkReceivers, checkTargetsFor, deliverAndReport, deliveryFlags, deliveryOptions, normalizeJsonFlag, OUTPUT_FLAGS, requireTarget, singleEntry } from '../deliver.ts';

/** The events of a journal by seq (with their bodies), and the seq of those with a delivery that did not get through. */
export function journalEvents(text: string, file: string): { events: Map<number, EventRecord>; failed: Set<number> } {
  const j = parseJournal(text, file);
  for (const e of j.events) {
    if (!isProvider(e.provider)) throw new ProviderMockError('PM_JOURNAL', `event ${e.seq} has unknown provider "${String(e.provider)}"`, { where: file, validValues: PROVIDERS });
  }
  const failed = new Set(j.attempts.filter((a) => a.final && a.outcome !== 'delivered').map((a) => a.seq));
  return { events: new Map(j.events.map((e) => [e.seq, e])), failed };
}

/** `--seq 3 --seq 5,7-9` → [3, 5, 7, 8, 9]. */
export function parseSeqs(values: readonly string[]): number[] {
  const out: number[] = [];
  for (const part of values.flatMap((v) => v.split(','))) {
    const t = part.trim();
    const range = /^(\d+)-(\d+)$/.exec(t);
    if (range) {
      const [a, b] = [Number(range[1]), Number(range[2])];
      if (b < a || b - a > 100_000) throw new ProviderMockError('PM_BAD_FLAG', `"${t}" is not a range from low to high`, { where: '--seq', hint: 'e.g. --seq 3, --seq 3,5, --seq 7-9' });
      for (let n = a; n <= b; n++) out.push(n);
    } else if (/^\d+$/.test(t)) out.push(Number(t));
    else throw new ProviderMockError('PM_BAD_FLAG', `"${t}" is not an event seq`, { where: '--seq', hint: 'the seq of an event in the journal (a whole number), e.g. --seq 3, --seq 3,5, --seq 7-9' });
  }
  return [...new Set(out)];
}

/**
 * `provider-mock resend --journal run.ndjson`: the journal's events again, with exactly the bodies
 * the first run sent (its `event` lines), to the target given now. The journal holds no secret, so
 * auth is given again the way run takes it.
 */
export const resendCommand: Command = {
  name: 'resend',
  help: `Usage: provider-mock resend --journal run.ndjson [--failed | --seq N…] --target <url> [flags]

Delivers events of an earlier run again, the provider's way, with exactly the bodies that run
sent: the journal keeps each event's body (its "event" lines). Same Id, same bytes: what a
receiver sees when the provider re-sends. Events keep their seq.

  --journal FILE           the journal of the earlier run (run/trigger/send --journal, or serve's
                           --data-dir/<run id>.ndjson)
  --failed                 only events with a delivery that ended discarded or not sent
  --seq N                  only these events (repeatable; 3,5 and 7-9 work too)
                           (neither: every event of the journal)
  -t, --target URL         where to POST them: required, as the journal records targets without
                           their credentials
  --new-journal FILE       the journal of this resend (another file than --journal)

Credentials are never in a journal, so give them again as for provider-mock run: mluvii in the
target's userinfo (https://user:pass@host/path) or query string; Enreach's X-Benemen-Token from
PROVIDER_MOCK_SECRET, the config file, or --secret.

  --secret S, --insecure, --allow-http, --retries N, --retry-schedule LIST, --timeout D,
  --duplicates R, --delay RANGE, --concurrency N, --check-auth, --check-idempotency URL,
  --report FILE, --json [FILE], --no-preflight, --fail-fast, -q/--quiet: as for provider-mock run

Exit codes: 0 every event delivered and every check passed, 1 not (or a receiver unreachable), 2 bad input.`,
  options: {
    ...deliveryFlags(['instant', 'speed', 'realtime', 'reorder', 'journal']),
    ...OUTPUT_FLAGS,
    journal: { type: 'string', path: true },
    'new-journal': { type: 'string', path: true, config: false },
    failed: { type: 'boolean', config: false },
    seq: { type: 'string', multiple: true, config: false },
  },
  async run(argv, io) {
    const { argv: args, jsonToStdout } = normalizeJsonFlag(argv);
    const p = parseFlags('resend', args, this.options);
    if (p.positionals.length) throw new ProviderMockError('PM_USAGE', `resend takes no positional arguments, got "${p.positionals.join(' ')}"`, { hint: 'provider-mock resend --journal run.ndjson --failed --target …' });
    const file = stringFlag(p, 'journal');
    if (!file) throw new ProviderMockError('PM_USAGE', 'resend needs --journal: the journal of the run to resend from', { hint: 'provider-mock run … --journal run.ndjson, then provider-mock resend --journal run.ndjson --failed --target …' });
    const seqs = parseSeqs(listFlag(p, 'seq'));
    if (seqs.length && boolFlag(p, 'failed')) throw new ProviderMockError('PM_USAGE', '--failed and --seq pick events two ways: give one', { hint: '--failed resends what did not get through; --seq N picks events by number' });
    const newJournal = stringFlag(p, 'new-journal');
    if (newJournal !== undefined && resolve(io.cwd, newJournal) === resolve(io.cwd, file)) {
      throw new ProviderMockError('PM_USAGE', '--new-journal would overwrite the journal being read', { where: '--new-journal', hint: 'give another file' });
    }
    const options = deliveryOptions(p, io);
    requireTarget('resend', options);
    let text: string;
    try {
      text = await readFile(resolve(io.cwd, file), 'utf8');
    } catch (e) {
      throw new ProviderMockError('PM_UNREADABLE', `cannot read the journal: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`, { where: `--journal ${file}` });
    }
    const journal = journalEvents(text, file);
    if (journal.events.size === 0) {
      throw new ProviderMockError('PM_JOURNAL', 'the journal holds no events with their bodies', {
        where: `--journal ${file}`,
        hint: 'give a journal written by provider-mock run/trigger/send --journal (journals of older versions have no "event" lines)',
      });
    }
    let picked: EventRecord[];
    if (seqs.length) {
      const missing = seqs.filter((n) => !journal.events.has(n));
      if (missing.length) {
        throw new ProviderMockError('PM_UNKNOWN_SEQ', `no event with seq ${missing.join(', ')} in the journal`, { where: '--seq', hint: `the journal has seq ${listValues([...journal.events.keys()].map(String), 20)}` });
      }
      picked = seqs.map((n) => journal.events.get(n) as EventRecord);
    } else if (boolFlag(p, 'failed')) {
      picked = [...journal.events.values()].filter((e) => journal.failed.has(e.seq));
    } else {
      picked = [...journal.events.values()];
    }
    picked.sort((a, b) => a.seq - b.seq);
    if (picked.length === 0) {
      out(io, `provider-mock resend: nothing to resend: every event of ${file} was delivered (${journal.events.size} events)`);
      return 0;
    }
    const timeline: DeliveryEntry[] = picked.map((e) => {
      const common = { seq: e.seq, at: e.at, provider: e.provider, eventType: e.eventType, scenario: e.scenario, step: e.step, instance: e.instance, entityKey: e.entityKey };
      // A serialized payload goes out as JSON.stringify(payload) again: the same bytes. A body given as text, as that text.
      if (typeof e.body !== 'string') return singleEntry({ ...common, payload: e.payload });
      let payload: unknown;
      try {
        payload = JSON.parse(e.body);
      } catch {
        payload = undefined;
      }
      return singleEntry({ ...common, payload, body: e.body });
    });
    checkTargetsFor(new Set(timeline.map((e) => e.provider)), options);
    await checkReceivers(p, options, io);
    const { journal: _input, ...rest } = options;
    return deliverAndReport(p, io, {
      timeline,
      options: { ...rest, ...(newJournal !== undefined ? { journal: resolve(io.cwd, newJournal) } : {}) },
      jsonToStdout,
      expected: { events: timeline.length },
    });
  },
};
