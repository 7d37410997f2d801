import { ProviderMockError, resolveEvent } from '../../contracts/index.ts';
import { DEFAULT_TIME, createContext, createWorld, generate, parseOverride } from '../../generators/index.ts';
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
  --count N        how many payloads (default 1); each is independent (its own session/call)
  --sequence       let the payloads share one context instead: same session/call ids, activity ids
                   increasing, 5 s apart
  --seed S         randomness seed, a number or text (default 1)
  --set path=value override by JSON path, applied last and re-validated; repeatable
                   (--set data.userId=2710, --set CallerNumber=+358401234567, --set 'CallbackAttempts[0].Note="Ei vastannut"')
                   values are parsed as JSON when they parse, else taken as text
  --time T         when the events happen: ISO-8601, ms since the epoch or "now" (default 2024-05-02T06:58:58.888Z)
  --world-seed W   seed of the tenant / organization the payloads are drawn from (default 1)

Examples:
  provider-mock generate SessionActivityChatMessage --count 3 --sequence
  provider-mock generate QueueCallInUserConnected --seed 42 --set CallerNumber=+358401234567`,
  options: {
    provider: { type: 'string' },
    count: { type: 'string' },
    sequence: { type: 'boolean' },
    seed: { type: 'string' },
    set: { type: 'string', multiple: true },
    time: { type: 'string' },
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
    // Streamed with backpressure: `generate --count 100000000 | slow-reader` holds a few payloads, not all of them.
    const output = new OutputWriter(io);
    for (let i = 0; i < count; i++) {
      if (output.stopped) return 130;
      // Independent payloads get their own context; its `seq` keeps their randomness apart.
      const context = shared ?? createContext(entry.provider, { seq: i });
      const payload = generate(entry.provider, entry.eventType, {
        seed,
        world,
        context,
        // A sequence moves on a few seconds per event; independent payloads all happen at --time.
        ...(shared ? { time: (time ?? DEFAULT_TIME) + i * 5000 } : time !== undefined ? { time } : {}),
        ...(Object.keys(overrides).length ? { overrides } : {}),
      });
      const full = output.write(`${JSON.stringify(payload)}\n`);
      if (full) await full;
    }
    return output.stopped ? 130 : 0;
  },
};
