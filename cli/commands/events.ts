import { listEvents } from '../../contracts/index.ts';
import { boolFlag, parseFlags, providerFlag } from '../args.ts';
import type { Command } from '../command.ts';
import { out } from '../io.ts';
import { table } from '../table.ts';

export const eventsCommand: Command = {
  name: 'events',
  help: `Usage: provider-mock events [--provider mluvii|enreach] [--json]

  --provider P   only this provider's events
  --json         a JSON array of {provider, eventType, entity, entityKey, sources, schemaFile, description}`,
  options: { provider: { type: 'string', config: false }, json: { type: 'boolean', config: false } },
  async run(argv, io) {
    const p = parseFlags('events', argv, this.options);
    const entries = listEvents(providerFlag(p));
    if (boolFlag(p, 'json')) {
      out(io, JSON.stringify(entries, null, 2));
      return 0;
    }
    out(io, table(['provider', 'event type', 'entity', 'sources'], entries.map((e) => [e.provider, e.eventType, e.entity, e.sources.join(', ')])));
    const counts = new Map<string, number>();
    for (const e of entries) counts.set(e.provider, (counts.get(e.provider) ?? 0) + 1);
    out(io, `\n${[...counts].map(([k, n]) => `${n} ${k}`).join(', ')} event types`);
    return 0;
  },
};
