import { ProviderMockError, resolveEvent } from '../../contracts/index.ts';
import { DEFAULT_SEQUENCE_GAP, DEFAULT_SERIES_GAP, DEFAULT_TIME, createContext, createWorld, generate, parseOverride, seriesTimes } from '../../generators/index.ts';
import { formatDelayRange, parseDelayRange } from '../../delivery/schedule.ts';
import { parseInstant, parseSeed } from '../../generators/inputs.ts';
import { boolFlag, intFlag, listFlag, parseFlags, providerFlag, stringFlag } from '../args.ts';
import type { Command } from '../command.ts';
import { OutputWriter } from '../io.ts';


export const generateCommand: Command = {
  name: 'generate',
  help: `Usage: provider-mock generate <EventType> [--provider mluvii|enreach] [--count N] [--seed S] [--set path=value]…

Prints one payload per line (NDJSON): mluvii the {"eventType", "data"} envelope, Enreach the flat body.
Every payload passes the event's strict schema. The same flags always print the same bytes.

  --provider P     the provider; may be omitted when the event name is unique
  -n, --count N    how many payloads (default 1); each is independent (its own session/call), and
                   each happens a while after the one before (--interval)
  --sequence       let the payloads share one context instead: same session/call ids, activity ids
                   increasing
  --interval D     time between payloads: a duration (10s) or a range (5s..60s, seeded); default
                   ${formatDelayRange(DEFAULT_SERIES_GAP)} between independent payloads (separate contacts arriving),
                   ${formatDelayRange(DEFAULT_SEQUENCE_GAP)} within a --sequence
  --seed S         randomness seed, a number or text (default 1)
  --set path=value override by JSON path, applied last and re-validated; repeatable
                   (--set data.userId=2710, --set CallerNumber=+358401234567, --set 'CallbackAttempts[0].Note="Ei vastannut"')
                   values are parsed as JSON when they parse, else taken as text
  --time T         when the first event happens: ISO-8601, ms since the epoch or "now" (default 2024-05-02T06:58:58.888Z)
  --world-seed W   seed of the tenant / organization the payloads are drawn from (default 1)

Examples:
  provider-mock generate SessionActivityChatMessage --count 3 --sequence
  provider-mock generate QueueCallInUserConnected --seed 42 --set CallerNumber=+358401234567`,
  options: {
    provider: { type: 'string', config: false },
    count: { type: 'string', short: 'n', config: false },
    sequence: { type: 'boolean', config: false },
    interval: { type: 'string', config: false },
    seed: { type: 'string' },
    set: { type: 'string', multiple: true, config: false },
    time: { type: 'string', config: false },
    'world-seed': { type: 'string' },
  },
  async run(argv, io) {
    const p = parseFlags('generate', argv, this.options);
    const [eventArg, ...extra] = p.positionals;
    if (!eventArg) throw new ProviderMockError('PM_BAD_FLAG', 'missing the event type', { where: 'generate', hint: 'provider-mock generate <EventType>; provider-mock events lists them' });
    if (extra.length) throw new ProviderMockError('PM_BAD_FLAG', `unexpected argument "${extra[0]}"`, { where: 'generate', hint: 'one event type per call; use --count for more payloads' });
    const entry = resolveEvent(eventArg, providerFlag(p), 'generate <EventType>');
    const count = intFlag(p, 'count', 1, 1);
    const seed = parseSeed(stringFlag(p, 'seed'), '--seed');
    const time = parseInstant(stringFlag(p, 'time'), '--time', Date.now);
    const overrides: Record<string, unknown> = {};
    for (const text of listFlag(p, 'set')) {
      const [path, value] = parseOverride(text);
      overrides[path] = value;
    }
    const world = createWorld(entry.provider, { seed: parseSeed(stringFlag(p, 'world-seed'), '--world-seed') });
    const shared = boolFlag(p, 'sequence') ? createContext(entry.provider) : undefined;
    const interval = stringFlag(p, 'interval');
    const gap = interval !== undefined ? parseDelayRange(interval, '--interval') : shared ? DEFAULT_SEQUENCE_GAP : DEFAULT_SERIES_GAP;
    const times = seriesTimes(time ?? DEFAULT_TIME, seed, gap);
    // Streamed with backpressure: `generate --count 100000000 | slow-reader` holds a few payloads, not all of them.
    const output = new OutputWriter(io);
    for (let i = 0; i < count; i++) {
      if (output.stopped) return 130;
      const at = times.next().value as number;
      // Independent payloads get their own context; its `seq` keeps their randomness apart.
      const context = shared ?? createContext(entry.provider, { seq: i });
      const payload = generate(entry.provider, entry.eventType, {
        seed,
        world,
        context,
        // One after another (generators/series.ts); the first at --time.
        ...(i > 0 || time !== undefined ? { time: at } : {}),
        ...(Object.keys(overrides).length ? { overrides } : {}),
      });
      const full = output.write(`${JSON.stringify(payload)}\n`);
      if (full) await full;
    }
    return output.stopped ? 130 : 0;
  },
};
