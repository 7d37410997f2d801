import { ProviderMockError } from '../../contracts/errors.ts';
import { formatIssues, validate } from '../../contracts/index.ts';
import { boolFlag, parseFlags, providerFlag } from '../args.ts';
import type { Command } from '../command.ts';
import { checkReceivers, checkTargetsFor, deliverAndReport, deliveryFlags, deliveryOptions, normalizeJsonFlag, OUTPUT_FLAGS, requireTarget, singleEntry } from '../deliver.ts';
import { err } from '../io.ts';
import { parsePayloads, readInput } from './validate.ts';

/** Issues shown per invalid payload before "… more". */
const SHOWN_ISSUES = 5;

/**
 * `provider-mock send <payload.json|->`: your own body (one JSON payload, or NDJSON), the provider
 * detected from it as `validate` does, checked against the catalog first, then delivered the
 * provider's way with exactly the bytes given.
 */
export const sendCommand: Command = {
  name: 'send',
  help: `Usage: provider-mock send <payload.json|payloads.ndjson|-> --target <url> [--lenient] [--no-validate] [flags]

Delivers your own payload(s) the provider's way. The provider and event type are detected as
provider-mock validate does (mluvii: the {"eventType", "data"} envelope; Enreach: flat with
"EventType"), and every payload is validated first: an invalid one stops before anything is sent
(exit 2, each problem with its JSON path). The body sent is exactly the JSON text given (a
file's surrounding whitespace trimmed; NDJSON: each line), with the provider's headers and auth.

  <file|->                 one JSON payload, NDJSON (one payload per line), or - for stdin
  --provider P             judge every payload as this provider's
  --lenient                validate as a forward-compatible receiver would (unknown enum values,
                           properties and event types pass, with warnings)
  --no-validate            send even what the catalog refuses (to test how a receiver copes)
  -t, --target URL         where to POST (mluvii: Basic auth from the URL's userinfo; Enreach:
                           X-Benemen-Token from --secret / PROVIDER_MOCK_SECRET)
  --secret S, --insecure, --allow-http, --retries N, --retry-schedule LIST, --timeout D,
  --duplicates R, --delay RANGE, --check-auth, --check-idempotency URL, --journal FILE,
  --report FILE, --json [FILE], --no-preflight, --fail-fast, -q/--quiet: as for provider-mock run

Exit codes: 0 delivered and every check passed, 1 not (or a receiver unreachable), 2 bad input.`,
  options: {
    ...deliveryFlags(['instant', 'speed', 'realtime']),
    ...OUTPUT_FLAGS,
    provider: { type: 'string', config: false },
    lenient: { type: 'boolean' },
    'no-validate': { type: 'boolean', config: false },
  },
  async run(argv, io) {
    const { argv: args, jsonToStdout } = normalizeJsonFlag(argv);
    const p = parseFlags('send', args, this.options);
    const file = p.positionals[0];
    if (!file || p.positionals.length > 1) {
      throw new ProviderMockError('PM_USAGE', 'send takes exactly one file (or - for stdin)', { hint: 'provider-mock send payload.json --target http://127.0.0.1:8080/webhook' });
    }
    const options = deliveryOptions(p, io);
    requireTarget('send', options);
    const forced = providerFlag(p);
    const items = parsePayloads(await readInput(file, io), file === '-' ? 'stdin' : file);
    const check = !boolFlag(p, 'no-validate');
    const timeline = items.map((item, i) => {
      const r = validate(item.payload, { mode: boolFlag(p, 'lenient') ? 'lenient' : 'strict', ...(forced ? { provider: forced } : {}) });
      if (!r.provider || r.eventType === undefined) {
        throw new ProviderMockError('PM_SEND_UNKNOWN_PAYLOAD', 'not a payload of either provider: mluvii sends {"eventType": …, "data": {…}}, Enreach a flat object with "EventType"', {
          where: item.where,
          hint: 'or name the provider with --provider',
        });
      }
      if (check && !r.valid) {
        const issues = formatIssues(r.errors);
        const shown = issues.slice(0, SHOWN_ISSUES).join('; ') + (issues.length > SHOWN_ISSUES ? `; … ${issues.length - SHOWN_ISSUES} more (provider-mock validate ${file})` : '');
        throw new ProviderMockError('PM_SEND_INVALID', `not what ${r.provider} sends as ${r.eventType}, so nothing was sent: ${shown}`, {
          where: item.where,
          hint: '--lenient accepts what a forward-compatible receiver should; --no-validate sends it anyway',
        });
      }
      for (const w of formatIssues(r.warnings ?? [])) if (!boolFlag(p, 'quiet')) err(io, `provider-mock: warning: ${item.where}: ${w}`);
      return singleEntry({ seq: i, provider: r.provider, eventType: r.eventType, payload: item.payload, body: item.text, scenario: `send ${file === '-' ? 'stdin' : file}`, step: item.where });
    });
    checkTargetsFor(new Set(timeline.map((e) => e.provider)), options);
    await checkReceivers(p, options, io);
    return deliverAndReport(p, io, { timeline, options, jsonToStdout, expected: { events: timeline.length } });
  },
};
