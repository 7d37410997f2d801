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

describe('provider-mock demo flags', () => {
  it('refuses a --duplicates that is not a rate with the valid forms, before anything starts', async () => {
    const r = await cli(['demo', '--duplicates', 'lots']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/PM_DELIVERY_RATE: --duplicates: "lots" is not a rate \(a number from 0 to 1 \(0\.1\) or a percentage \(10%\)\)/);
  });
});
