import { listEvents, validate } from '../../contracts/index.ts';
import { parseFlags } from '../args.ts';
import type { Command } from '../command.ts';
import { out } from '../io.ts';
import { table } from '../table.ts';

export const demoCommand: Command = {
  name: 'demo',
  summary: 'show what the kit knows: the event catalog of both providers',
  help: `Usage: provider-mock demo

Prints the event catalog of both providers, grouped by entity.`,
  options: {},
  async run(argv, io) {
    parseFlags('demo', argv, this.options);
    const groups = new Map<string, number>();
    for (const e of listEvents()) groups.set(`${e.provider}\t${e.entity}`, (groups.get(`${e.provider}\t${e.entity}`) ?? 0) + 1);
    out(io, 'provider-mock: the webhook events of mluvii and Enreach, from contracts/\n');
    out(io, table(['provider', 'entity', 'event types'], [...groups].map(([k, n]) => [...k.split('\t'), String(n)])));
    out(io, `\n${listEvents('mluvii').length} mluvii and ${listEvents('enreach').length} Enreach event types; every one has a JSON Schema under contracts/.`);
    // A self-check a user can trust: the catalog validates a documented payload.
    const sample = { eventType: 'SessionCreated', data: { id: 7371450, tenantId: 62, channel: 'Phone', source: 'OutgoingCall' } };
    out(io, `The mluvii doc's SessionCreated example is ${validate(sample).valid ? 'valid' : 'INVALID'} against the catalog.`);
    out(io, 'Next: provider-mock events --help, provider-mock validate --help');
    return 0;
  },
};
