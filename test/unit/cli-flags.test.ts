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

describe('one flag parser for every command', () => {
  it.each([
    ['--instnat', '--instant'],
    ['--chek-auth', '--check-auth'],
    ['--jounral', '--journal'],
    ['--retires', '--retries'],
    ['--fail-fats', '--fail-fast'],
  ])('run answers %s with "did you mean %s" among its own flags, exit 2', async (typo, meant) => {
    const r = await cli(['run', 'chat-session', '--target', 'http://127.0.0.1:9/x', typo]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(`unknown flag for "run" "${typo}"; did you mean "${meant}"?`);
    // The valid list is run's whole set of flags, not three of them.
    expect(r.stderr).toMatch(/valid values: --target \(-t\), --secret, .*--check-auth, .*--journal, .*--only, --limit/);
  });

  it('takes the documented short aliases, and names an unknown one as typed (-x, not --x) with the short flags there are', async () => {
    const r = await cli(['run', 'chat-session', '-x', 'y']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^provider-mock PM_UNKNOWN_FLAG: unknown flag for "run" "-x" \(short flags of run: -t \(--target\), -q \(--quiet\)\)/);
    const single = await cli(['run', 'chat-session', '-target', 'http://x']);
    expect(single.stderr).toContain('unknown flag for "run" "-target"; did you mean "--target"?');
    const plan = await cli(['plan', 'chat-session', '-t', 'x']);
    expect(plan.stderr).toContain('"plan" "-t" (plan has no short flags)');
    // -n is generate's --count
    const n = await cli(['generate', 'SessionCreated', '-n', '2']);
    expect(n.code).toBe(0);
    expect(n.stdout.trim().split('\n')).toHaveLength(2);
  });

  it.each(['generate', 'plan', 'validate', 'export', 'serve', 'trigger', 'send', 'resend', 'events', 'scenarios', 'pact', 'demo'])(
    '%s suggests among its own flags',
    async (command) => {
      const r = await cli([command, '--provder', 'x']);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(`unknown flag for "${command}" "--provder"`);
      expect(r.stderr).toMatch(/valid values: .*--help, --verbose, --print-config$/m);
    },
  );

  it('says which flag lacks its value', async () => {
    const r = await cli(['run', 'chat-session', '--target']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/PM_BAD_FLAG: run --target: --target needs a value/);
    const t = await cli(['run', 'chat-session', '-t', '--instant']);
    expect(t.stderr).toMatch(/-t \(--target\) needs a value/);
  });
});

describe('help <command>', () => {
  it.each(['demo', 'events', 'generate', 'validate', 'scenarios', 'plan', 'run', 'trigger', 'send', 'resend', 'serve', 'pact', 'export'])(
    'shows the usage of %s, the same as %s --help',
    async (command) => {
      const r = await cli(['help', command]);
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(new RegExp(`^Usage: provider-mock ${command}`));
      expect(r.stdout).toBe((await cli([command, '--help'])).stdout);
    },
  );

  it('answers an unknown command with "did you mean", and lists the commands without one', async () => {
    const r = await cli(['help', 'rnu']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/PM_UNKNOWN_COMMAND: help: unknown command "rnu"; did you mean "run"/);
    const all = await cli(['help']);
    expect(all.code).toBe(0);
    expect(all.stdout).toMatch(/^ {2}trigger +deliver one generated event/m);
    expect((await cli(['help', 'config'])).stdout).toMatch(/PROVIDER_MOCK_<FLAG>/);
  });
});

describe('URL inputs', () => {
  it.each([
    ['127.0.0.1:8088/x', 'http://127.0.0.1:8088/x'],
    ['localhost:8088', 'http://localhost:8088'],
    ['hooks.example.com/enreach', 'https://hooks.example.com/enreach'],
    ['htps://hooks.example.com/enreach', 'https://hooks.example.com/enreach'],
  ])('--target %s is shown as typed with "did you mean %s"', async (given, meant) => {
    const r = await cli(['run', 'queue-call-answered', '--target', given]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`"${given}"`);
    expect(r.stderr).toContain(`did you mean "${meant}"?`);
    expect(r.stderr).not.toContain('"***"');
  });

  it('masks credentials of a URL that lacks its scheme, and checks --check-idempotency the same way', async () => {
    const r = await cli(['run', 'chat-session', '--target', 'me:s3cret@127.0.0.1:8088/x']);
    expect(r.stderr).toContain('"***@127.0.0.1:8088/x"');
    expect(r.stderr).not.toContain('s3cret');
    const probe = await cli(['run', 'chat-session', '--target', 'http://127.0.0.1:9/x', '--check-idempotency', 'localhost:8080/probe']);
    expect(probe.code).toBe(2);
    expect(probe.stderr).toMatch(/PM_DELIVERY_PROBE_URL: --check-idempotency: "localhost:8080\/probe" is not an http\(s\) URL \(did you mean "http:\/\/localhost:8080\/probe"\?\)/);
  });
});

describe('names that differ only in case', () => {
  it.each([
    [['generate', 'sessioncreated'], '"SessionCreated"'],
    [['run', 'Chat-Session', '--target', 'http://127.0.0.1:9/x'], '"chat-session"'],
    [['plan', 'chat-session', '--skip', 'Welcome'], '"welcome"'],
    [['events', '--provider', 'MLUVII'], '"mluvii"'],
    [['export', 'OpenAPI'], '"openapi"'],
  ])('%j suggests exactly the name meant', async (argv, meant) => {
    const r = await cli(argv);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`did you mean ${meant}?`);
  });
});
