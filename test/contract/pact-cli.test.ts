/**
 * `provider-mock pact verify|states`: exit 0 when the pacts verify, 1 when they do not, 2 for
 * bad flags or unreadable pacts, with the interaction and the field named on failure.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { MatchersV3, PactV4 } from '@pact-foundation/pact';
import { beforeAll, describe, expect, it } from 'vitest';
import { artifactFolder } from '../helpers/artifacts.ts';
import { ENREACH_STATES, enreachMessage, mluviiMessage, providerPact, receive } from '../../pact/index.ts';
import { cli, spawnCli } from '../helpers/cli.ts';

const { abs: BASE, rel: REL } = artifactFolder('pacts-cli');
const GOOD = join(BASE, 'good');
const WRONG = join(BASE, 'wrong');
const EMPTY = join(BASE, 'empty');

beforeAll(async () => {
  mkdirSync(EMPTY, { recursive: true });
  writeFileSync(join(EMPTY, 'notes.json'), '{"not":"a pact"}');
  await receive(providerPact('enreach', { consumer: 'cli-good', dir: GOOD }), enreachMessage('QueueCallInUserConnected', { fields: ['CallId', 'QueueName'] }), () => undefined);
  await receive(providerPact('mluvii', { consumer: 'cli-good', dir: GOOD }), mluviiMessage('SessionStarted'), () => undefined);
  const wrong = new PactV4({ consumer: 'cli-wrong', provider: 'enreach', dir: WRONG, logLevel: 'error' });
  await wrong
    .addAsynchronousInteraction()
    .given(ENREACH_STATES.QUEUE_CALL_ANSWERED)
    .expectsToReceive('QueueCallInUserConnected', (b) => {
      b.withJSONContent({ EventType: 'QueueCallInUserConnected', QueueDisplayName: MatchersV3.string('Sales') });
    })
    .executeTest(async () => undefined);
});

describe('provider-mock pact verify', () => {
  it('exits 0 when every pact of the provider verifies', async () => {
    const r = await cli(['pact', 'verify', '--provider', 'enreach', '--pact-dir', GOOD]);
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('OK: 1 pact(s), 1 interaction(s) verified against the enreach generators');
    expect(r.code).toBe(0);
  });

  it('takes a pact file by --pact-url, relative to the working folder', async () => {
    const r = await cli(['pact', 'verify', '--provider', 'mluvii', '--pact-url', `${REL}/good/cli-good-mluvii.json`]);
    expect(r.stdout).toContain('OK: 1 pact(s), 1 interaction(s)');
    expect(r.code).toBe(0);
  });

  it('exits 1 and names the interaction and the field when a pact expects what the provider never sends', async () => {
    const r = await cli(['pact', 'verify', '--provider', 'enreach', '--pact-dir', WRONG]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('catalog   interaction "QueueCallInUserConnected" (given "a queue call was answered") from cli-wrong: $.QueueDisplayName: the pact expects a field "QueueDisplayName" the provider never sends');
    expect(r.stdout).toMatch(/FAILED: 1 pact\(s\), 1 interaction\(s\), provider "enreach": \d+ problem\(s\)/);
  });

  it('writes the result as JSON with --report', async () => {
    const r = await cli(['pact', 'verify', '--provider', 'enreach', '--pact-dir', WRONG, '--report', `${REL}/report/result.json`]);
    expect(r.code).toBe(1);
    const json = JSON.parse(readFileSync(join(BASE, 'report/result.json'), 'utf8')) as { ok: boolean; issues: { path: string; interaction: string }[] };
    expect(json.ok).toBe(false);
    expect(json.issues).toContainEqual(expect.objectContaining({ interaction: 'QueueCallInUserConnected', path: '$.QueueDisplayName' }));
  });

  it('exits 1 and says so when the broker cannot be reached (no broker runs here; nothing listens on port 9)', async () => {
    const r = await cli(['pact', 'verify', '--provider', 'enreach', '--broker-url', 'http://127.0.0.1:9', '--consumer-version-selectors', '{"mainBranch":true}']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("No pacts found for provider 'enreach'");
    expect(r.stdout).toContain('FAILED: pacts from the broker, provider "enreach": 1 problem(s) (catalog pre-check skipped)');
  });

  it('exits 0 through the real executable too', async () => {
    const r = await spawnCli(['pact', 'verify', '--provider', 'enreach', '--pact-dir', GOOD]);
    expect(r.stdout).toContain('OK: 1 pact(s)');
    expect(r.code).toBe(0);
  });

  it.each([
    ['--provider is missing', ['pact', 'verify', '--pact-dir', GOOD], 'pact verify needs --provider (provider-mock pact verify --provider enreach --pact-dir pacts); valid values: mluvii, enreach'],
    ['no source of pacts', ['pact', 'verify', '--provider', 'enreach'], 'pact verify needs a source of pacts'],
    ['two sources', ['pact', 'verify', '--provider', 'enreach', '--pact-dir', GOOD, '--broker-url', 'http://127.0.0.1:9'], 'give one source of pacts, not --pact-dir and --broker-url'],
    ['an unknown provider', ['pact', 'verify', '--provider', 'genesys', '--pact-dir', GOOD], 'unknown provider "genesys"'],
    ['an unreadable folder', ['pact', 'verify', '--provider', 'enreach', '--pact-dir', join(BASE, 'missing')], 'cannot read the pact folder: ENOENT'],
    ['a folder without pacts of the provider', ['pact', 'verify', '--provider', 'enreach', '--pact-dir', EMPTY], 'no pact with provider "enreach" in the folder'],
    ['a missing pact file', ['pact', 'verify', '--provider', 'enreach', '--pact-url', join(BASE, 'nope.json')], 'cannot read pact file: ENOENT'],
    ['selectors that are not JSON', ['pact', 'verify', '--provider', 'enreach', '--broker-url', 'http://127.0.0.1:9', '--consumer-version-selectors', '{mainBranch}'], '--consumer-version-selectors is not JSON'],
    ['selectors without a broker', ['pact', 'verify', '--provider', 'enreach', '--pact-dir', GOOD, '--consumer-version-selectors', '{"mainBranch":true}'], 'only applies with --broker-url'],
    ['--publish with local pacts (nothing would be published)', ['pact', 'verify', '--provider', 'enreach', '--pact-dir', GOOD, '--publish', '--provider-version', '1.0.0'], '--publish only applies with --broker-url'],
    ['broker-only flags with local pacts', ['pact', 'verify', '--provider', 'enreach', '--pact-dir', GOOD, '--enable-pending', '--include-wip-pacts-since', '2024-01-01'], '--enable-pending and --include-wip-pacts-since only apply with --broker-url'],
    ['--publish without --provider-version', ['pact', 'verify', '--provider', 'enreach', '--broker-url', 'http://127.0.0.1:9', '--publish'], '--publish needs --provider-version'],
    ['a --seed that is not a whole number', ['pact', 'verify', '--provider', 'enreach', '--pact-dir', GOOD, '--seed', 'abc'], '--seed abc: --seed must be a whole number'],
    ['pact states without --provider', ['pact', 'states'], 'pact states needs --provider; valid values: mluvii, enreach'],
    ['--json with verify', ['pact', 'verify', '--provider', 'enreach', '--pact-dir', GOOD, '--json'], '--json is for pact states'],
    ['no subcommand', ['pact'], 'pact needs a subcommand'],
    ['an unknown subcommand', ['pact', 'publish'], 'unknown pact subcommand "publish"'],
    ['an unknown flag', ['pact', 'verify', '--provider', 'enreach', '--pact-folder', GOOD], 'unknown flag for "pact" "--pact-folder"'],
  ])('exits 2 for %s', async (_what, argv, message) => {
    const r = await cli(argv);
    expect(r.stderr).toContain(message);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.code).toBe(2);
  });

  it('tells which providers a folder has pacts for when the name does not match', async () => {
    const r = await cli(['pact', 'verify', '--provider', 'enreach', '--provider-name', 'Enreach Voice', '--pact-dir', GOOD]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('it has pacts for "enreach", "mluvii"');
  });
});

describe('provider-mock pact states', () => {
  it('lists the provider states and the events they lead to', async () => {
    const r = await cli(['pact', 'states', '--provider', 'enreach']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/a queue call was answered\s+queue-call-answered\s+.*QueueCallInUserConnected/);
  });

  it('prints JSON with --json', async () => {
    const r = await cli(['pact', 'states', '--provider', 'mluvii', '--json']);
    const states = JSON.parse(r.stdout) as { name: string; events: string[] }[];
    expect(states.find((s) => s.name === 'a chat session ended')?.events).toContain('SessionEnded');
  });
});
