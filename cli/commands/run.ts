import { ProviderMockError } from '../../contracts/errors.ts';
import type { Provider } from '../../contracts/provider.ts';
import { createProgress, deliver, formatSummary, loadProfile, nothingToProbe, parseDeliveryFlags, resolveTarget, toJsonSummary, computeExitCode } from '../../delivery/index.ts';
import type { DeliverOptions } from '../../delivery/index.ts';
import { findBuiltin, readScenarios } from '../../scenarios/files.ts';
import { plan } from '../../scenarios/index.ts';
import { listFlag, parseFlags, stringFlag } from '../args.ts';
import type { Command } from '../command.ts';
import { out, type CliIO } from '../io.ts';
import { parseInstant, parseSeed } from '../../generators/inputs.ts';

/**
 * Every provider the scenarios play needs a target its profile accepts (Enreach: https unless
 * loopback or --allow-http, no userinfo). Checked before anything is sent or journaled, so bad
 * input never ends a run half way.
 */
export function checkTargetsFor(providers: Iterable<Provider>, options: Pick<DeliverOptions, 'target' | 'targets' | 'checkAuth'>): void {
  for (const provider of new Set(providers)) {
    const target = options.target ?? options.targets?.[provider];
    if (!target) {
      const given = Object.keys(options.targets ?? {});
      throw new ProviderMockError('PM_DELIVERY_NO_TARGET', `the scenarios play ${provider} but no ${provider} target was given${given.length ? ` (only ${given.join(', ')})` : ''}`, {
        where: '--target',
        hint: `add --target ${provider}=<url>, or give one --target <url> for all events`,
      });
    }
    const where = options.target ? '--target' : `--target ${provider}=…`;
    const profile = loadProfile(provider);
    const resolved = resolveTarget(target, profile, where);
    const blind = options.checkAuth ? nothingToProbe(resolved, profile, where) : undefined;
    if (blind) throw blind;
  }
}

/**
 * `--json` alone (last, or followed by another flag) prints the JSON summary on stdout, like
 * `events --json` and `plan --json`; `--json FILE` writes it to a file. A scenario after `--json`
 * (a built-in name or a .yaml file) is a scenario, not the file.
 */
export function normalizeJsonFlag(argv: readonly string[]): { argv: string[]; jsonToStdout: boolean } {
  const outArgs: string[] = [];
  let jsonToStdout = false;
  argv.forEach((a, i) => {
    const next = argv[i + 1];
    // `--json chat-session --target …` means "JSON on stdout" followed by a scenario, not a file named chat-session.
    const nextIsScenario = next !== undefined && (/\.ya?ml$/i.test(next) || findBuiltin(next) !== undefined);
    if (a === '--json' && (next === undefined || next.startsWith('--') || nextIsScenario)) jsonToStdout = true;
    else outArgs.push(a);
  });
  return { argv: outArgs, jsonToStdout };
}

export const runCommand: Command = {
  name: 'run',
  help: `Usage: provider-mock run <scenario|file.yaml>… --target <url> [flags]

Plans the scenarios and POSTs every event to the target exactly as the provider would: its
headers and auth, its timeout, its retries and duplicates. Ends with a summary and the receiver
checks; exit 0 when every check passes, 1 when one fails or an event ended undelivered, 2 for bad
input, 130/143 when interrupted: in-flight requests get 1 s, answered ones are journaled as
answered, the rest of the plan is journaled not sent (up to --max-drain entries, about a second),
and the journal and reports are still written. A second Ctrl-C skips what is left of that; a
third exits at once.

Target and auth
  --target URL             every event goes here; or --target mluvii=URL --target enreach=URL
                           mluvii: Basic auth from the URL's userinfo (https://user:pass@host/path),
                           query-string secrets passed through; Enreach: X-Benemen-Token from --secret
  --secret S               Enreach X-Benemen-Token (or env PROVIDER_MOCK_SECRET, kept out of argv)
  --insecure               accept a self-signed certificate (Enreach's InsecureSSL)
  --allow-http             plain http to a non-loopback host (loopback targets may always use http)

Time
  --instant                no waiting between events (the default when CI=true)
  --speed F                F× the scenario's own timing, e.g. 60 = a minute per second (0.001 to 1000000)
  --realtime               the scenario's timing as is

Faults and the provider's delivery (seeded, recorded in the journal)
  --seed S                 seeds the plan and every fault decision (default 1)
  --duplicates R           re-deliver delivered events at rate R (0..1 or 10%): same body, same Id
  --reorder R              swap neighbouring events at rate R (mluvii: only across entities)
  --delay RANGE            jitter before each event, e.g. 0..200ms (at most 1h)
  --retries N              retries after a failed attempt (Enreach 3, ours; mluvii 2, docs/providers.md M2)
  --retry-schedule LIST    waits between retries, e.g. 1s,5s,30s (each 0 to 24h)
  --timeout D              per-attempt timeout (Enreach 5s, its TimeoutSeconds default; 1ms to 1h)
                           A success status counts only once the whole response arrived; a body that
                           breaks off is a failed attempt (retried)
  --concurrency N          requests in flight per target (default 8)

Scenario tweaks
  --set step.path=value    override a step's payload field (repeatable)
  --skip step              leave a step out (repeatable)
  --start ISO              time of offset 0 (default 2024-05-06T13:00:00Z; "now")

Checks and outputs
  --check-auth             after the run, one request per credential of each target with that credential
                           wrong (X-Benemen-Token, Basic password, each secret query parameter): each
                           must get 401/403. A target without credentials is an error (exit 2)
  --check-idempotency URL  after the run GET URL, expect {"count": <distinct events delivered>}
  --journal FILE           NDJSON, one line per attempt (secrets never written)
  --report FILE            JUnit XML, one testcase per check per scenario
  --json [FILE]            JSON summary to FILE, or to stdout instead of the text summary
  --max-drain N            when interrupted, plan entries still read to journal them not sent (default
                           10000); the summary says from which event on the plan was left unread`,
  options: { set: { type: 'string', multiple: true }, skip: { type: 'string', multiple: true }, start: { type: 'string' } },
  async run(argv, io: CliIO) {
    const { argv: args, jsonToStdout } = normalizeJsonFlag(argv);
    const { options, rest } = parseDeliveryFlags(args, io.env);
    const p = parseFlags('run', rest, this.options);
    if (p.positionals.length === 0) {
      throw new ProviderMockError('PM_USAGE', 'run needs at least one scenario (a built-in name or a .yaml file) and --target', {
        hint: 'e.g. provider-mock run queue-call-answered --target https://localhost:8443/webhook; provider-mock scenarios lists the built-ins',
      });
    }
    if (!options.target && !options.targets) {
      throw new ProviderMockError('PM_USAGE', '--target is required: where to deliver the events', { hint: 'e.g. --target http://127.0.0.1:8080/webhook' });
    }
    const seed = parseSeed(options.seed, '--seed');
    const startTime = parseInstant(stringFlag(p, 'start'), '--start', Date.now);
    // Bad scenarios fail here, before anything is sent.
    const scenarios = readScenarios(p.positionals, { cwd: io.cwd, sets: listFlag(p, 'set'), skips: listFlag(p, 'skip') });
    checkTargetsFor(scenarios.map((s) => s.provider), options);
    const timeline = plan(scenarios, { seed, ...(startTime !== undefined ? { startTime } : {}) });
    const result = await deliver(timeline, {
      ...options,
      seed,
      progress: createProgress(io.stderr),
      ...(io.signal ? { signal: io.signal } : {}),
      ...(io.stopNow ? { stopNow: io.stopNow } : {}),
      env: io.env,
    });
    if (jsonToStdout) out(io, JSON.stringify(toJsonSummary(result), null, 2));
    else out(io, formatSummary(result));
    return computeExitCode(result);
  },
};
