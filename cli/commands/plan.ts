import { ProviderMockError } from '../../contracts/errors.ts';
import { formatOffset } from '../../scenarios/engine/duration.ts';
import type { TimelineEntry } from '../../scenarios/engine/timeline.ts';
import { plan } from '../../scenarios/index.ts';
import { readScenarios } from '../../scenarios/files.ts';
import { parseInstant, parseSeed } from '../../generators/inputs.ts';
import { boolFlag, intFlag, listFlag, parseFlags, stringFlag } from '../args.ts';
import type { Command } from '../command.ts';
import { out, OutputWriter } from '../io.ts';


const MLUVII_KEYS = ['userId', 'activityId', 'operatorGroupId', 'toOperatorUserId', 'toGroupId', 'status', 'terminationReason'];
const ENREACH_KEYS = ['CallId', 'LegId', 'AgentLegId', 'UserId', 'QueueId', 'CallBackId', 'Reason'];

/** The ids a reader follows along a session or call; GUIDs shortened to their first 8 digits. */
export function keyIds(e: TimelineEntry): string {
  const body = (e.provider === 'mluvii' ? (e.payload as { data?: unknown }).data : e.payload) as Record<string, unknown> | undefined;
  if (!body || typeof body !== 'object') return '';
  const entityProp = e.entityKey.slice(0, e.entityKey.indexOf(':'));
  return (e.provider === 'mluvii' ? MLUVII_KEYS : ENREACH_KEYS)
    .filter((k) => k !== entityProp && body[k] !== null && body[k] !== undefined)
    .map((k) => {
      const v = String(body[k]);
      return `${k}=${/^[0-9a-f]{8}-[0-9a-f-]{27}$/i.test(v) ? v.slice(0, 8) : v}`;
    })
    .join(' ');
}

function shortKey(key: string): string {
  return key.replace(/([0-9a-f]{8})-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi, '$1');
}


export const planCommand: Command = {
  name: 'plan',
  help: `Usage: provider-mock plan <name|file.yaml>… [--seed S] [--json] [--set step.path=value]… [--skip step]… [--start ISO] [--limit N]

Plans the scenarios (no network) and prints the timeline: offset from the start, event type,
entity key (what the provider orders delivery by), and the ids to follow.

  --seed S             everything random derives from it (default 1); same seed, same plan
  --json               a JSON array of timeline entries {seq, at, provider, eventType, entityKey, payload, scenario, instance, step}
  --set step.path=v    override a field of a step's payload, e.g. --set joined.data.userId=2710 (repeatable)
  --skip step          leave a step (or a named group) out (repeatable)
  --start ISO          the time of offset 0 (default 2024-05-06T13:00:00Z, so plans are reproducible; "now" for now)
  --limit N            stop after N entries

List the built-ins with: provider-mock scenarios. Exit code 2 for a bad scenario or flag.`,
  options: {
    seed: { type: 'string', default: '1' },
    json: { type: 'boolean', config: false },
    set: { type: 'string', multiple: true, config: false },
    skip: { type: 'string', multiple: true, config: false },
    start: { type: 'string' },
    limit: { type: 'string', config: false },
  },
  async run(argv, io) {
    const p = parseFlags('plan', argv, this.options);
    if (p.positionals.length === 0) {
      throw new ProviderMockError('PM_USAGE', 'plan needs at least one scenario (a built-in name or a .yaml file)', { hint: 'provider-mock scenarios lists the built-ins' });
    }
    const seed = parseSeed(stringFlag(p, 'seed'), '--seed');
    const startTime = parseInstant(stringFlag(p, 'start'), '--start', Date.now);
    const limit = intFlag(p, 'limit', Infinity, 1);
    const scenarios = readScenarios(p.positionals, { cwd: io.cwd, sets: listFlag(p, 'set'), skips: listFlag(p, 'skip') });
    const timeline = plan(scenarios, { seed, ...(startTime !== undefined ? { startTime } : {}) });
    const json = boolFlag(p, 'json');
    const showInstance = scenarios.length > 1 || scenarios.some((s) => !('lit' in s.sessions) || s.sessions.lit > 1);
    const enreach = scenarios.some((s) => s.provider === 'enreach');
    const keyWidth = enreach ? 22 : 18;
    // Waits when stdout is full, so a 10 000-session plan never piles up in memory; stops at Ctrl-C.
    const output = new OutputWriter(io);
    const write = async (text: string): Promise<void> => {
      const full = output.write(text);
      if (full) await full;
    };
    let n = 0;
    if (json) await write('[');
    else {
      const head = ['offset'.padEnd(12), ...(showInstance ? ['instance'.padEnd(24)] : []), 'event'.padEnd(38), 'entity'.padEnd(keyWidth), 'ids'];
      out(io, head.join('  '));
      out(io, head.map((h) => '-'.repeat(Math.max(h.trim().length, h.length))).join('  '));
    }
    for (const e of timeline) {
      if (n >= limit || output.stopped) break;
      if (json) await write(`${n === 0 ? '\n' : ',\n'}${JSON.stringify(e)}`);
      else {
        const cells = [formatOffset(e.at).padEnd(12), ...(showInstance ? [`${e.scenario}#${e.instance}`.padEnd(24)] : []), e.eventType.padEnd(38), shortKey(e.entityKey).padEnd(keyWidth), keyIds(e)];
        await write(`${cells.join('  ').trimEnd()}\n`);
      }
      n++;
    }
    if (json) await write(n === 0 ? ']\n' : '\n]\n');
    else {
      const s = timeline.stats;
      out(io, `\n${n} events from ${s.started} instance${s.started === 1 ? '' : 's'} of ${scenarios.map((x) => x.name).join(', ')}; seed ${seed}${n >= limit ? ` (stopped at --limit ${limit})` : output.stopped ? ' (interrupted)' : ''}`);
    }
    return output.stopped ? 130 : 0;
  },
};
