import { ProviderMockError, resolveEvent } from '../../contracts/index.ts';
import { createContext, createWorld, generate, parseOverride } from '../../generators/index.ts';
import { parseInstant, parseSeed } from '../../generators/inputs.ts';
import { listFlag, parseFlags, providerFlag, stringFlag } from '../args.ts';
import type { Command } from '../command.ts';
import { checkReceivers, checkTargetsFor, deliverAndReport, deliveryFlags, deliveryOptions, normalizeJsonFlag, OUTPUT_FLAGS, requireTarget, singleEntry } from '../deliver.ts';

/**
 * `provider-mock trigger <EventType>`: one generated event, delivered and graded the provider's way
 * (like `stripe trigger`): the same payload `generate` prints for the same flags, the provider's
 * headers, auth, timeout and retries, then the checks of a run.
 */
export const triggerCommand: Command = {
  name: 'trigger',
  help: `Usage: provider-mock trigger <EventType> --target <url> [--provider P] [--set path=value]… [flags]

Generates one realistic, schema-valid event (the payload provider-mock generate prints for the
same --seed, --set and --time) and delivers it the provider's way: its headers and auth, its
timeout and retries (Enreach: only 200 counts, docs/providers.md E3; mluvii: any 2xx). Prints the
summary and the checks; exit 0 delivered and every check passed, 1 not, 2 bad input.

  <EventType>              e.g. SessionCreated, QueueCallInUserConnected (provider-mock events lists them)
  --provider P             mluvii or enreach; needed only when the name exists for both
  --set path=value         override a field by JSON path (repeatable): --set data.userId=2710,
                           --set CallerNumber=+358401234567 (values parse as JSON when they can)
  --seed S                 the payload's randomness (default 1)
  --time T                 when the event happens: ISO-8601, ms since the epoch or "now" (default "now")
  --world-seed W           the tenant / organization the payload is drawn from (default 1)

  -t, --target URL         where to POST it (mluvii: Basic auth from the URL's userinfo; Enreach:
                           X-Benemen-Token from --secret / PROVIDER_MOCK_SECRET)
  --secret S, --insecure, --allow-http, --retries N, --retry-schedule LIST, --timeout D,
  --duplicates R, --delay RANGE, --check-auth, --check-idempotency URL, --journal FILE,
  --report FILE, --json [FILE], --no-preflight, -q/--quiet: as for provider-mock run

The target is checked first (DNS, TCP, TLS): an unreachable one is one line, exit 1.`,
  options: {
    ...deliveryFlags(['instant', 'speed', 'realtime', 'reorder', 'concurrency']),
    ...OUTPUT_FLAGS,
    provider: { type: 'string', config: false },
    set: { type: 'string', multiple: true, config: false },
    time: { type: 'string', config: false },
    'world-seed': { type: 'string' },
  },
  async run(argv, io) {
    const { argv: args, jsonToStdout } = normalizeJsonFlag(argv);
    const p = parseFlags('trigger', args, this.options);
    const [eventArg, ...extra] = p.positionals;
    if (!eventArg) throw new ProviderMockError('PM_USAGE', 'trigger needs an event type', { hint: 'provider-mock trigger SessionCreated --target http://127.0.0.1:8080/webhook; provider-mock events lists them' });
    if (extra.length) throw new ProviderMockError('PM_USAGE', `trigger takes one event type, got also "${extra.join(' ')}"`, { hint: 'trigger one event per call, or put several in a scenario and use provider-mock run' });
    const entry = resolveEvent(eventArg, providerFlag(p), 'trigger <EventType>');
    const options = deliveryOptions(p, io);
    requireTarget('trigger', options);
    checkTargetsFor([entry.provider], options);
    const seed = parseSeed(options.seed, '--seed');
    const overrides: Record<string, unknown> = {};
    for (const text of listFlag(p, 'set')) {
      const [path, value] = parseOverride(text);
      overrides[path] = value;
    }
    // A triggered event happens now, unless the user pins it (generate's default is a fixed instant, for reproducible output).
    const time = parseInstant(stringFlag(p, 'time') ?? 'now', '--time', Date.now);
    const world = createWorld(entry.provider, { seed: parseSeed(stringFlag(p, 'world-seed'), '--world-seed') });
    const payload = generate(entry.provider, entry.eventType, {
      seed,
      world,
      context: createContext(entry.provider),
      ...(time !== undefined ? { time } : {}),
      ...(Object.keys(overrides).length ? { overrides } : {}),
    });
    await checkReceivers(p, options, io);
    const timeline = [singleEntry({ seq: 0, provider: entry.provider, eventType: entry.eventType, payload, scenario: `trigger ${entry.eventType}` })];
    return deliverAndReport(p, io, { timeline, options: { ...options, seed }, jsonToStdout, expected: { events: 1 } });
  },
};
