import { describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli.ts';

describe('flags shared by the commands', () => {
  it.each([
    ['events', ['events']],
    ['scenarios', ['scenarios']],
    ['validate', ['validate', 'payload.json']],
    ['generate', ['generate', 'SessionCreated']],
    ['export', ['export', 'openapi']],
    ['pact states', ['pact', 'states']],
    ['pact verify', ['pact', 'verify', '--pact-dir', 'pacts']],
  ])('%s refuses an unknown --provider with did-you-mean and the valid ones, exit 2', async (_name, argv) => {
    const r = await cli([...argv, '--provider', 'enreah']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^provider-mock PM_UNKNOWN_PROVIDER: --provider: unknown provider "enreah"; did you mean "enreach"\?; valid values: mluvii, enreach\n$/);
  });

  it('pact states without --provider names the flag and the valid providers', async () => {
    const r = await cli(['pact', 'states']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/PM_USAGE: pact states needs --provider; valid values: mluvii, enreach/);
  });
});

describe('--seed and the instants (--start, --time), read one way by every command', () => {
  it('gives the same plan for --seed 7 and --seed " 7 ", and another for --seed -7', async () => {
    const plan = async (seed: string) => (await cli(['plan', 'chat-session', '--json', '--seed', seed])).stdout;
    const seven = await plan('7');
    expect(seven).toMatch(/"eventType"/);
    expect(await plan(' 7 ')).toBe(seven);
    expect(await plan('-7')).not.toBe(seven);
  });

  it.each([
    ['generate', ['generate', 'SessionCreated', '--seed', ' '], '--seed'],
    ['generate --world-seed', ['generate', 'SessionCreated', '--world-seed', ''], '--world-seed'],
    ['plan', ['plan', 'chat-session', '--seed', ''], '--seed'],
  ])('%s refuses an empty seed, naming the flag and the valid forms', async (_name, argv, flag) => {
    const r = await cli(argv);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(`provider-mock PM_BAD_SEED: ${flag}: the seed is empty (a whole number (7) or any text (nightly); the same seed gives the same payloads)\n`);
  });

  it('takes an instant as ISO-8601, ms since the epoch or "now", and refuses anything else', async () => {
    const iso = await cli(['generate', 'UserStatusChanged', '--time', '2024-05-06T13:46:07Z']);
    const ms = await cli(['generate', 'UserStatusChanged', '--time', String(Date.parse('2024-05-06T13:46:07Z'))]);
    expect(iso.code).toBe(0);
    expect(ms.stdout).toBe(iso.stdout);
    const now = await cli(['generate', 'UserStatusChanged', '--time', 'now']);
    expect(now.code).toBe(0);
    expect(now.stdout).not.toBe(iso.stdout);
    const bad = await cli(['generate', 'UserStatusChanged', '--time', 'teatime']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/PM_BAD_TIME: --time: "teatime" is not an instant: give an ISO-8601 date-time, ms since the epoch or "now"/);
  });
});

describe('provider-mock demo flags', () => {
  it('refuses a --duplicates that is not a rate with the valid forms, before anything starts', async () => {
    const r = await cli(['demo', '--duplicates', 'lots']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/PM_DELIVERY_RATE: --duplicates: "lots" is not a rate \(a number from 0 to 1 \(0\.1\) or a percentage \(10%\)\)/);
  });
});
