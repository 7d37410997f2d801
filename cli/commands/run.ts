import { ProviderMockError, unknownName } from '../../contracts/errors.ts';
import { formatEta } from '../../delivery/index.ts';
import type { DeliverOptions, TimeMode } from '../../delivery/index.ts';
import { readScenarios } from '../../scenarios/files.ts';
import type { TimelineEntry } from '../../scenarios/index.ts';
import type { ValidationMode } from '../../scenarios/index.ts';
import { boolFlag, intFlag, listFlag, parseFlags, stringFlag } from '../args.ts';
import type { Command } from '../command.ts';
import { checkReceivers, checkTargetsFor, deliverAndReport, DELIVERY_FLAGS, deliveryOptions, normalizeJsonFlag, OUTPUT_FLAGS } from '../deliver.ts';
import { err, errBesideProgress, type CliIO } from '../io.ts';
import { parseInstant, parseSeed } from '../../generators/inputs.ts';
import { entrySelector, lookahead, planInWorker, planTimeline, planWorkerFlag, type PlanRequest } from '../plan-ahead.ts';

/** A paced run counts its plan up front (a second pass: the planned duration, the ETA) up to this many events. */
const COUNT_LIMIT = 100_000;
/**
 * An instant run plans this many events before it sends (kept, not planned twice): a plan that
 * ends within them has its total on the progress line; a longer one shows done and the rate.
 */
const HEAD_EVENTS = 5_000;
const VALIDATION_MODES = ['sample', 'all'] as const;

/** Counts the events a plan makes and its last offset (a second planning pass without validation), up to a bound. */
export function measurePlan(timeline: Iterable<TimelineEntry>, limit = COUNT_LIMIT): { events: number | undefined; lastAt: number } {
  let events = 0;
  let lastAt = 0;
  for (const e of timeline) {
    if (++events > limit) return { events: undefined, lastAt };
    lastAt = Math.max(lastAt, e.at);
  }
  return { events, lastAt };
}

/** `--validate sample|all`: which planned payloads are checked against their schema (scenarios/engine/validation.ts). */
function validationFlag(raw: string | undefined): ValidationMode {
  if (raw === undefined || raw === 'sample') return 'sample';
  if (raw === 'all') return true;
  throw unknownName('PM_BAD_FLAG', '--validate mode', raw, VALIDATION_MODES, `--validate ${raw}`);
}

/** Wall-clock time a time mode takes for scenario time `ms`. */
function wallMs(time: TimeMode | undefined, ms: number): number {
  if (!time || time.kind === 'instant') return 0;
  return time.kind === 'speed' ? ms / time.factor : ms;
}

export const runCommand: Command = {
  name: 'run',
  help: `Usage: provider-mock run <scenario|file.yaml>… --target <url> [flags]

Plans the scenarios and POSTs every event to the target exactly as the provider would: its
headers and auth, its timeout, its retries and duplicates. Ends with a summary and the receiver
checks; exit 0 when every check passes, 1 when one fails, an event ended undelivered or a
receiver cannot be reached, 2 for bad input, 130/143 when interrupted: in-flight requests get 1 s,
answered ones are journaled as answered, the rest of the plan is journaled not sent (up to
--max-drain entries, about a second), and the journal and reports are still written. A second
Ctrl-C skips what is left of that; a third exits at once.

Target and auth
  -t, --target URL         every event goes here; or --target mluvii=URL --target enreach=URL
                           mluvii: Basic auth from the URL's userinfo (https://user:pass@host/path),
                           query-string secrets passed through; Enreach: X-Benemen-Token from the secret
  --secret S               Enreach X-Benemen-Token; better from env PROVIDER_MOCK_SECRET or the config file
  --insecure               accept a certificate that does not verify (Enreach's InsecureSSL)
  --allow-http             plain http to a non-loopback host (loopback targets may always use http)
  --no-preflight           skip the check that connects to each target (DNS, TCP, TLS) before anything
                           is planned; an unreachable target otherwise stops the run at once (exit 1)

Time (default: instant, everywhere)
  --instant                no waiting between events
  --speed F                F× the scenario's own timing, e.g. 60 = a minute per second (0.001 to 1000000)
  --realtime               the scenario's timing as is
                           (with --speed/--realtime the planned duration and an ETA are printed first)

What to send
  --only NAME              only events of this step or event type (repeatable, or a,b)
  --limit N                stop after N events
  --set step.path=value    override a step's payload field (repeatable)
  --skip step              leave a step out (repeatable)
  --start ISO              time of offset 0 (default 2024-05-06T13:00:00Z; "now")
  --validate MODE          which planned payloads are checked against their event schema:
                           sample (default) every payload of a step whose set: holds a \${reference},
                           of the others the first 16 per step and then one in 32; all: every one.
                           The generators are proven by the contract tests (every event x 100 seeds)
                           and literal set: values are checked when the scenario loads; what is left
                           to catch is a reference of the wrong type (scenarios/engine/validation.ts)
  --plan-worker on|off     on: an instant run's events are planned, validated and serialized in a
                           worker thread beside the one that sends them (same plan, same journal).
                           Off by default: on a 2-core machine it measured no faster, as the receiver
                           and the kernel use the second core (bench/README.md "Delivering"); try it
                           where cores are idle, with npm run bench:deliver -- --plan-worker on.
                           Where the worker takes over is printed (with --quiet: under --verbose)

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
  --fail-fast              stop at the first event discarded after its retries (the rest is journaled
                           as not sent; exit 1)

Checks and outputs
  --check-auth             after the run, one request per credential of each target with that credential
                           wrong (X-Benemen-Token, Basic password, each secret query parameter): each
                           must get 401/403. A target without credentials is an error (exit 2)
  --check-idempotency URL  after the run GET URL, expect {"count": <distinct events delivered>}
  --journal FILE           NDJSON: each event with its exact body, then one line per attempt (secrets
                           never written); provider-mock resend reads it
  --report FILE            JUnit XML: per scenario one testcase per check and one per event
  --json [FILE]            JSON summary to FILE, or to stdout instead of the text summary
  --max-drain N            when interrupted, plan entries still read to journal them not sent (default
                           10000); the summary says from which event on the plan was left unread
  -q, --quiet              print only the verdict line (no progress, no summary)
  -v, --verbose            progress as one line per event (off a terminal); stack traces

Progress goes to stderr: a live line on a terminal (done/total, rate, ETA), else one line per 10 %.
Colour only on a terminal, never with NO_COLOR. Flags also come from PROVIDER_MOCK_<FLAG> and a
config file (provider-mock help config; --print-config shows what applies).`,
  options: {
    ...DELIVERY_FLAGS,
    ...OUTPUT_FLAGS,
    only: { type: 'string', multiple: true, config: false },
    limit: { type: 'string', config: false },
    set: { type: 'string', multiple: true, config: false },
    skip: { type: 'string', multiple: true, config: false },
    start: { type: 'string' },
    validate: { type: 'string' },
    'plan-worker': { type: 'string' },
  },
  async run(argv, io: CliIO) {
    const { argv: args, jsonToStdout } = normalizeJsonFlag(argv);
    const p = parseFlags('run', args, this.options);
    const options = deliveryOptions(p, io);
    if (p.positionals.length === 0) {
      throw new ProviderMockError('PM_USAGE', 'run needs at least one scenario (a built-in name or a .yaml file) and --target', {
        hint: 'e.g. provider-mock run queue-call-answered --target https://localhost:8443/webhook; provider-mock scenarios lists the built-ins',
      });
    }
    if (!options.target && !options.targets) {
      throw new ProviderMockError('PM_USAGE', '--target is required: where to deliver the events', { hint: 'e.g. --target http://127.0.0.1:8080/webhook, or PROVIDER_MOCK_TARGET' });
    }
    const seed = parseSeed(options.seed, '--seed');
    const startTime = parseInstant(stringFlag(p, 'start'), '--start', Date.now);
    const limit = intFlag(p, 'limit', Infinity, 1);
    const validation: ValidationMode = validationFlag(stringFlag(p, 'validate'));
    const planWorker = planWorkerFlag(stringFlag(p, 'plan-worker'));
    const request: PlanRequest = { refs: p.positionals, cwd: io.cwd, sets: listFlag(p, 'set'), skips: listFlag(p, 'skip'), only: listFlag(p, 'only'), limit, seed, startTime, validate: validation };
    // Bad scenarios and targets fail here, before anything is sent.
    const scenarios = readScenarios(request.refs, { cwd: request.cwd, sets: request.sets, skips: request.skips });
    checkTargetsFor(scenarios.map((s) => s.provider), options);
    // --only names are checked here too (bad input before anything is sent).
    entrySelector(scenarios, request.only, limit);
    // Fail fast: a receiver that is not there is one line now, not every event's retries.
    await checkReceivers(p, options, io);
    const timeline = (validate: ValidationMode) => planTimeline({ ...request, validate }, scenarios);
    const quiet = boolFlag(p, 'quiet');
    const paced = options.time !== undefined && options.time.kind !== 'instant';
    let expected: DeliverOptions['expected'];
    if (!paced) {
      // Instant: the plan is read once; its first events now, for the progress line's total.
      const ahead = lookahead(timeline(validation), quiet ? 0 : HEAD_EVENTS, planWorker === 'on' ? (planned, own) => planInWorker(request, planned, own, jsonToStdout || (quiet && !io.verbose) ? undefined : (line) => errBesideProgress(io, line)) : undefined);
      if (ahead.complete) expected = { events: ahead.head };
      return deliverAndReport(p, io, { timeline: ahead.timeline, options: { ...options, seed }, jsonToStdout, ...(expected ? { expected } : {}) });
    }
    // Paced: CPU is not what limits the run (events wait for their time), so no worker plans ahead.
    if (planWorker === 'on') err(io, 'provider-mock: warning: --plan-worker on applies to --instant runs only; this paced run plans each event on the sending thread as it falls due');
    // A second pass (without validation) counts the plan for the ETA.
    const { events, lastAt } = measurePlan(timeline(false));
    const plannedMs = wallMs(options.time, lastAt);
    expected = { ...(events !== undefined ? { events } : {}), plannedMs };
    if (!quiet && !jsonToStdout) {
      const mode = options.time?.kind === 'speed' ? `at speed ${options.time.factor}` : 'in real time';
      const count = events === undefined ? `more than ${COUNT_LIMIT} events` : `${events} events`;
      const until = new Date(Date.now() + plannedMs).toLocaleTimeString('en-GB', { hour12: false });
      err(io, `provider-mock: ${count} over ${formatEta(lastAt)} of scenario time, sent ${mode}: planned duration ${formatEta(plannedMs)}, ETA ${until} (--instant sends them at once)`);
    }
    return deliverAndReport(p, io, { timeline: timeline(validation), options: { ...options, seed }, jsonToStdout, ...(expected ? { expected } : {}) });
  },
};
