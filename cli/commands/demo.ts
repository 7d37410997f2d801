import { computeExitCode, deliver, formatSummary, parseRate } from '../../delivery/index.ts';
import { startLocalReceiver } from '../../mock-server/local-receiver.ts';
import { readScenario } from '../../scenarios/files.ts';
import { plan } from '../../scenarios/index.ts';
import { listEvents } from '../../contracts/index.ts';
import { parseFlags, stringFlag } from '../args.ts';
import type { Command } from '../command.ts';
import { out } from '../io.ts';
import { parseSeed } from '../../generators/inputs.ts';

const ENREACH_SECRET = 'demo-token';
const MLUVII_CREDENTIALS = 'demo:s3cret';

export const demoCommand: Command = {
  name: 'demo',
  help: `Usage: provider-mock demo [--seed S] [--duplicates R]

Starts a small compliant receiver on 127.0.0.1, runs the built-in scenarios
queue-call-answered (Enreach) and chat-session (mluvii) into it the providers' way (X-Benemen
headers and token; Basic auth from the callback URL's userinfo), with duplicates injected, the
auth check and the idempotency probe on, and shows the summary. Exit 0 when every check passes.

  --seed S         seeds the plan and every fault decision (default 1)
  --duplicates R   re-deliver delivered events at rate R: 0..1 or a percentage (default 0.2)

The same against your own receiver:
  provider-mock run queue-call-answered --target https://your.host/enreach --secret … --check-auth`,
  options: { seed: { type: 'string', default: '1' }, duplicates: { type: 'string', default: '0.2' } },
  async run(argv, io) {
    const p = parseFlags('demo', argv, this.options);
    const seed = parseSeed(stringFlag(p, 'seed'), '--seed');
    // The same rate syntax as `run --duplicates` (0.2 or 20%), checked before the receiver starts.
    const duplicates = parseRate(stringFlag(p, 'duplicates') ?? '0.2', '--duplicates');
    const receiver = await startLocalReceiver({ enreachSecret: ENREACH_SECRET, mluviiCredentials: MLUVII_CREDENTIALS });
    try {
      const scenarios = [readScenario('queue-call-answered'), readScenario('chat-session')];
      out(io, `provider-mock demo: ${listEvents('mluvii').length} mluvii and ${listEvents('enreach').length} Enreach event types in the catalog`);
      out(io, `local receiver: ${receiver.url} (POST /enreach, POST /mluvii, GET /probe)`);
      out(io, `scenarios: ${scenarios.map((s) => `${s.provider}/${s.name}`).join(', ')}; seed ${seed}; duplicates ${duplicates}\n`);
      const [user, pass] = MLUVII_CREDENTIALS.split(':');
      const result = await deliver(plan(scenarios, { seed }), {
        targets: {
          enreach: { url: `${receiver.url}/enreach`, secret: ENREACH_SECRET },
          // mluvii takes Basic credentials from the callback URL's userinfo (docs/providers.md M4).
          mluvii: { url: `http://${user}:${pass}@${receiver.url.replace('http://', '')}/mluvii` },
        },
        seed,
        time: { kind: 'instant' },
        faults: { duplicates },
        checkAuth: true,
        checkIdempotency: `${receiver.url}/probe`,
        ...(io.signal ? { signal: io.signal } : {}),
      });
      out(io, formatSummary(result));
      const s = receiver.stats;
      out(io, `\nthe receiver stored ${s.accepted} distinct events (enreach ${s.byProvider.enreach}, mluvii ${s.byProvider.mluvii}), ignored ${s.duplicatesIgnored} repeats, refused ${s.refused.length} request(s) (the wrong-credential probes)`);
      out(io, 'next: provider-mock scenarios, provider-mock plan chat-session, provider-mock run --help');
      return computeExitCode(result);
    } finally {
      await receiver.close();
    }
  },
};
