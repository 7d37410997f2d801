import { PROVIDERS, ProviderMockError } from '../../contracts/index.ts';
import { providerStates } from '../../pact/constants.ts';
import type { ConsumerVersionSelector, VerifyOptions } from '../../pact/verify.ts';
import { withPeer } from '../peers.ts';
import { boolFlag, intFlag, oneOf, listFlag, parseFlags, providerFlag, stringFlag, type Parsed } from '../args.ts';
import type { Command } from '../command.ts';
import { out, writeOutput } from '../io.ts';
import { table } from '../table.ts';

const SUBCOMMANDS = ['verify', 'states'] as const;

/** `--consumer-version-selectors` takes a JSON object or array; the flag may repeat. */
export function parseSelectors(values: readonly string[]): ConsumerVersionSelector[] {
  return values.flatMap((v) => {
    let parsed: unknown;
    try {
      parsed = JSON.parse(v) as unknown;
    } catch (e) {
      throw new ProviderMockError('PM_BAD_FLAG', `--consumer-version-selectors is not JSON: ${(e as Error).message}`, {
        where: `--consumer-version-selectors ${v}`,
        hint: `e.g. '{"mainBranch":true}' or '[{"mainBranch":true},{"deployedOrReleased":true}]'`,
      });
    }
    const list = Array.isArray(parsed) ? parsed : [parsed];
    if (!list.every((s) => typeof s === 'object' && s !== null && !Array.isArray(s))) {
      throw new ProviderMockError('PM_BAD_FLAG', '--consumer-version-selectors must be a JSON object or an array of objects', { where: `--consumer-version-selectors ${v}` });
    }
    return list as ConsumerVersionSelector[];
  });
}

function verifyOptions(p: Parsed, cwd: string): VerifyOptions {
  const provider = providerFlag(p);
  if (provider === undefined) {
    throw new ProviderMockError('PM_USAGE', 'pact verify needs --provider', { validValues: PROVIDERS, hint: 'provider-mock pact verify --provider enreach --pact-dir pacts' });
  }
  const pactDir = stringFlag(p, 'pact-dir');
  const pactUrls = listFlag(p, 'pact-url');
  const brokerUrl = stringFlag(p, 'broker-url');
  const given = [pactDir && '--pact-dir', pactUrls.length && '--pact-url', brokerUrl && '--broker-url'].filter(Boolean);
  if (given.length !== 1) {
    throw new ProviderMockError('PM_USAGE', given.length ? `give one source of pacts, not ${given.join(' and ')}` : 'pact verify needs a source of pacts', {
      hint: 'one of --pact-dir <folder>, --pact-url <file or URL> (repeatable), --broker-url <Pact Broker>',
    });
  }
  const selectors = parseSelectors(listFlag(p, 'consumer-version-selectors'));
  if (selectors.length && !brokerUrl) {
    throw new ProviderMockError('PM_USAGE', '--consumer-version-selectors only applies with --broker-url');
  }
  // Flags that only a broker acts on: with local pacts Pact would ignore them and report success.
  const brokerOnly = [
    boolFlag(p, 'publish') && '--publish',
    boolFlag(p, 'enable-pending') && '--enable-pending',
    stringFlag(p, 'include-wip-pacts-since') !== undefined && '--include-wip-pacts-since',
  ].filter((f): f is string => typeof f === 'string');
  if (brokerOnly.length && !brokerUrl) {
    throw new ProviderMockError('PM_USAGE', `${brokerOnly.join(' and ')} only ${brokerOnly.length > 1 ? 'apply' : 'applies'} with --broker-url`, {
      hint: 'local pacts (--pact-dir, --pact-url) are verified without publishing; a broker keeps the results',
    });
  }
  if (boolFlag(p, 'publish') && stringFlag(p, 'provider-version') === undefined) {
    throw new ProviderMockError('PM_USAGE', '--publish needs --provider-version', {
      hint: 'the version the broker records the results under, e.g. --provider-version "$GIT_SHA"',
    });
  }
  const seed = stringFlag(p, 'seed') === undefined ? undefined : intFlag(p, 'seed', 0);
  const str = (name: string) => stringFlag(p, name);
  return {
    provider,
    cwd,
    ...(pactDir ? { pactDir } : {}),
    ...(pactUrls.length ? { pactUrls } : {}),
    ...(brokerUrl ? { brokerUrl } : {}),
    ...(selectors.length ? { consumerVersionSelectors: selectors } : {}),
    ...(str('provider-name') ? { providerName: str('provider-name') } : {}),
    ...(str('provider-version') ? { providerVersion: str('provider-version') } : {}),
    ...(str('provider-version-branch') ? { providerVersionBranch: str('provider-version-branch') } : {}),
    ...(str('include-wip-pacts-since') ? { includeWipPactsSince: str('include-wip-pacts-since') } : {}),
    ...(boolFlag(p, 'enable-pending') ? { enablePending: true } : {}),
    ...(boolFlag(p, 'publish') ? { publishVerificationResult: true } : {}),
    ...(boolFlag(p, 'skip-precheck') ? { skipPrecheck: true } : {}),
    ...(seed !== undefined ? { seed } : {}),
  };
}

export const pactCommand: Command = {
  name: 'pact',
  help: `Usage: provider-mock pact verify --provider mluvii|enreach (--pact-dir D | --pact-url U… | --broker-url B) [flags]
       provider-mock pact states --provider mluvii|enreach [--json]

verify: checks every message interaction of the pacts against the catalog (the description
must be an event type; every expected field must exist, with a type the provider sends), then
runs Pact's message verification with the messages our generators build (the provider state
chooses the situation). Every problem is printed with its interaction and JSON path.

  --provider P                   mluvii or enreach
  --pact-dir D                   every pact in folder D whose provider is P (or --provider-name)
  --pact-url U                   a pact file or URL (repeatable)
  --broker-url B                 a Pact Broker; credentials from PACT_BROKER_TOKEN or
                                 PACT_BROKER_USERNAME/PACT_BROKER_PASSWORD (no catalog pre-check)
  --consumer-version-selectors J JSON selector(s), default [{"mainBranch":true},{"deployedOrReleased":true}]
  --provider-name N              the provider name your pacts use (default: the provider id)
  --provider-version V           with --publish: publish the results to the broker as version V
  --provider-version-branch B    the provider's branch, for the broker
  --publish                      publish verification results to the broker (needs --broker-url
                                 and --provider-version)
  --enable-pending               broker pending pacts do not fail the run
  --include-wip-pacts-since DATE also verify work-in-progress pacts since DATE
  --seed N                       vary the generated messages (same seed, same messages)
  --skip-precheck                run the Pact verification only
  --report FILE                  also write the result as JSON to FILE (Pact's own verifier
                                 prints its report to stdout itself, so stdout is not pure JSON)

states: the provider states consumers may use in given(…), and the events each leads to.

Exit codes: 0 verified, 1 verification failed, 2 bad flags or unreadable pacts.`,
  options: {
    provider: { type: 'string', config: false },
    'pact-dir': { type: 'string', path: true },
    'pact-url': { type: 'string', multiple: true },
    'broker-url': { type: 'string' },
    'consumer-version-selectors': { type: 'string', multiple: true },
    'provider-name': { type: 'string' },
    'provider-version': { type: 'string' },
    'provider-version-branch': { type: 'string' },
    publish: { type: 'boolean' },
    'enable-pending': { type: 'boolean' },
    'include-wip-pacts-since': { type: 'string' },
    seed: { type: 'string' },
    'skip-precheck': { type: 'boolean' },
    report: { type: 'string', path: true },
    json: { type: 'boolean', config: false },
  },
  async run(argv, io) {
    const p = parseFlags('pact', argv, this.options);
    const sub = oneOf(p, 'pact', 'subcommand', SUBCOMMANDS, 'provider-mock pact --help');
    if (sub === 'states') {
      const provider = providerFlag(p);
      if (provider === undefined) throw new ProviderMockError('PM_USAGE', 'pact states needs --provider', { validValues: PROVIDERS });
      const states = providerStates(provider);
      if (boolFlag(p, 'json')) out(io, JSON.stringify(states, null, 2));
      else {
        const fixes = (s: (typeof states)[number]) => Object.entries(s.context ?? {}).map(([k, v]) => `${k}=${String(v)}`).join(' ');
        out(io, table(['provider state', 'scenario', 'fixes', 'events'], states.map((s) => [s.name, s.scenario ?? '', fixes(s), s.events.join(', ')])));
      }
      return 0;
    }
    if (boolFlag(p, 'json')) throw new ProviderMockError('PM_USAGE', '--json is for pact states; pact verify writes JSON with --report FILE');
    const options = verifyOptions(p, io.cwd);
    const report = stringFlag(p, 'report');
    // Pact's verifier (and its native core) loads only here: `pact states` works without it.
    const { verifyPacts, formatVerifyResult } = await withPeer('@pact-foundation/pact', 'provider-mock pact verify', () => import('../../pact/verify.ts'));
    const result = await verifyPacts(options);
    for (const line of formatVerifyResult(result)) out(io, line);
    if (report !== undefined) await writeOutput(io, report, JSON.stringify(result, null, 2) + '\n', 'the report');
    return result.ok ? 0 : 1;
  },
};
