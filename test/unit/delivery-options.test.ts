import { describe, expect, it } from 'vitest';
import { ProviderMockError } from '../../contracts/errors.ts';
import { parseDeliveryFlags } from '../../delivery/index.ts';

const NO_CI = {};

function fails(args: string[] | Record<string, string | boolean>, code: string, where?: string, env: Record<string, string> = NO_CI): ProviderMockError {
  let caught: unknown;
  try {
    parseDeliveryFlags(args, env);
  } catch (e) {
    caught = e;
  }
  expect(caught).toBeInstanceOf(ProviderMockError);
  const e = caught as ProviderMockError;
  expect(e.code).toBe(code);
  expect(e.exitCode).toBe(2);
  if (where) expect(e.where).toBe(where);
  return e;
}

describe('parseDeliveryFlags', () => {
  it('turns CLI strings into typed options', () => {
    const { options, rest } = parseDeliveryFlags(
      ['run', 'chat', '--target', 'https://r.example/hook', '--duplicates', '0.1', '--reorder=5%', '--delay', '0..200ms', '--retry-schedule', '1s,5s,30s', '--retries', '3', '--timeout', '5s', '--speed', '60', '--journal', 'run.ndjson', '--report', 'junit.xml', '--json', 'summary.json', '--check-auth', '--check-idempotency', 'http://127.0.0.1:9/probe', '--seed', '42', '--concurrency', '4', '--insecure', '--verbose'],
      NO_CI,
    );
    expect(rest).toEqual(['run', 'chat', '--verbose']);
    expect(options).toMatchObject({
      target: { url: 'https://r.example/hook', insecure: true },
      faults: { duplicates: 0.1, reorder: 0.05, delay: { minMs: 0, maxMs: 200 } },
      retryScheduleMs: [1000, 5000, 30000],
      retries: 3,
      timeoutMs: 5000,
      time: { kind: 'speed', factor: 60 },
      journal: 'run.ndjson',
      report: 'junit.xml',
      json: 'summary.json',
      checkAuth: true,
      checkIdempotency: { url: 'http://127.0.0.1:9/probe', insecure: true },
      seed: '42',
      concurrency: 4,
    });
  });

  it('accepts a record of values with camelCase or kebab-case keys', () => {
    const { options } = parseDeliveryFlags({ retrySchedule: '10ms', 'allow-http': true, instant: true, target: 'http://r.example/x' }, NO_CI);
    expect(options).toMatchObject({ retryScheduleMs: [10], time: { kind: 'instant' }, target: { url: 'http://r.example/x', allowHttp: true } });
  });

  it('makes instant the default everywhere, CI or not; --realtime and --speed are asked for', () => {
    expect(parseDeliveryFlags([], { CI: 'true' }).options.time).toEqual({ kind: 'instant' });
    expect(parseDeliveryFlags([], NO_CI).options.time).toEqual({ kind: 'instant' });
    expect(parseDeliveryFlags(['--realtime'], { CI: 'true' }).options.time).toEqual({ kind: 'realtime' });
    expect(parseDeliveryFlags(['--speed', '60'], NO_CI).options.time).toEqual({ kind: 'speed', factor: 60 });
  });

  it('takes the secret from PROVIDER_MOCK_SECRET when --secret is not given', () => {
    const { options } = parseDeliveryFlags(['--target', 'https://r.example/x'], { PROVIDER_MOCK_SECRET: 'envsecret' });
    expect(options.target?.secret).toBe('envsecret');
    expect(parseDeliveryFlags(['--target', 'https://r.example/x', '--secret', 'flag'], { PROVIDER_MOCK_SECRET: 'env' }).options.target?.secret).toBe('flag');
  });

  it('splits provider=url targets per provider', () => {
    const { options } = parseDeliveryFlags(['--target', 'mluvii=http://m.example/hook?secret=1', '--target', 'enreach=https://e.example/hook'], NO_CI);
    expect(options.targets?.mluvii?.url).toBe('http://m.example/hook?secret=1');
    expect(options.targets?.enreach?.url).toBe('https://e.example/hook');
  });

  it('rejects a rate that is not a number from 0 to 1', () => {
    fails(['--duplicates', 'abc'], 'PM_DELIVERY_RATE', '--duplicates');
    fails(['--duplicates', '1.5'], 'PM_DELIVERY_RATE', '--duplicates');
    fails(['--reorder', '-0.1'], 'PM_DELIVERY_RATE', '--reorder');
    fails(['--reorder', '150%'], 'PM_DELIVERY_RATE', '--reorder');
  });

  it('rejects a delay that is not a range', () => {
    fails(['--delay', '200..100ms'], 'PM_DELIVERY_DELAY_RANGE', '--delay');
    fails(['--delay', 'soon'], 'PM_DELIVERY_DELAY_RANGE', '--delay');
    fails(['--delay', '1..2..3ms'], 'PM_DELIVERY_DELAY_RANGE', '--delay');
  });

  it('rejects a retry schedule with a bad item, naming the item', () => {
    const e = fails(['--retry-schedule', '1s,,5s'], 'PM_DELIVERY_RETRY_SCHEDULE', '--retry-schedule');
    expect(e.message).toContain('item 2');
    fails(['--retry-schedule', '5'], 'PM_DELIVERY_RETRY_SCHEDULE', '--retry-schedule');
  });

  it('rejects retries that are not a whole number from 0 to 100', () => {
    fails(['--retries', '-1'], 'PM_DELIVERY_RETRIES', '--retries');
    fails(['--retries', 'three'], 'PM_DELIVERY_RETRIES', '--retries');
    fails(['--retries', '101'], 'PM_DELIVERY_RETRIES', '--retries');
  });

  it('rejects a timeout without a unit, with a hint that suggests one', () => {
    const e = fails(['--timeout', '5'], 'PM_DELIVERY_DURATION', '--timeout');
    expect(e.hint).toContain('5s');
    expect(fails(['--timeout', '0'], 'PM_DELIVERY_DURATION_RANGE', '--timeout').message).toMatch(/below the minimum 1ms/);
  });

  it('rejects a speed that is not a positive number', () => {
    fails(['--speed', '0'], 'PM_DELIVERY_SPEED', '--speed');
    fails(['--speed', 'fast'], 'PM_DELIVERY_SPEED', '--speed');
  });

  it('rejects contradictory time modes', () => {
    const e = fails(['--instant', '--realtime'], 'PM_DELIVERY_TIME_MODE_CONFLICT');
    expect(e.validValues).toContain('--instant');
    fails(['--instant', '--speed', '60'], 'PM_DELIVERY_TIME_MODE_CONFLICT');
  });

  it('rejects a flag without its value', () => {
    fails(['--duplicates'], 'PM_DELIVERY_FLAG_VALUE', '--duplicates');
    fails(['--timeout', '--instant'], 'PM_DELIVERY_FLAG_VALUE', '--timeout');
    fails({ journal: true }, 'PM_DELIVERY_FLAG_VALUE', '--journal');
    fails(['--journal='], 'PM_DELIVERY_FLAG_VALUE', '--journal');
  });

  it('rejects a bad switch value and unknown keys in the record form', () => {
    fails(['--instant=maybe'], 'PM_DELIVERY_FLAG_VALUE', '--instant');
    const e = fails({ duplicate: '0.1' }, 'PM_DELIVERY_UNKNOWN_FLAG');
    expect(e.validValues).toContain('--duplicates');
  });

  it('rejects bad targets: not a URL, not http(s), unknown provider, two plain targets, mixed forms, two for a provider', () => {
    fails(['--target', 'receiver:8080/x'], 'PM_DELIVERY_TARGET_URL', '--target');
    fails(['--target', 'nope'], 'PM_DELIVERY_TARGET_URL', '--target');
    const u = fails(['--target', 'genesys=https://g.example/x'], 'PM_DELIVERY_UNKNOWN_PROVIDER', '--target');
    expect(u.validValues).toEqual(['mluvii', 'enreach']);
    fails(['--target', 'https://a.example', '--target', 'https://b.example'], 'PM_DELIVERY_TARGET_CONFLICT');
    fails(['--target', 'https://a.example', '--target', 'enreach=https://b.example'], 'PM_DELIVERY_TARGET_CONFLICT');
    fails(['--target', 'enreach=https://a.example', '--target', 'enreach=https://b.example'], 'PM_DELIVERY_TARGET_CONFLICT');
    fails(['--target', 'enreach=ftp://a.example'], 'PM_DELIVERY_TARGET_SCHEME');
  });

  it('rejects plain http to a remote Enreach target unless --allow-http', () => {
    const e = fails(['--target', 'enreach=http://e.example/hook'], 'PM_DELIVERY_PLAIN_HTTP');
    expect(e.hint).toContain('--allow-http');
    expect(parseDeliveryFlags(['--target', 'enreach=http://e.example/hook', '--allow-http'], NO_CI).options.targets?.enreach?.allowHttp).toBe(true);
    expect(parseDeliveryFlags(['--target', 'enreach=http://127.0.0.1:8080/hook'], NO_CI).options.targets?.enreach?.url).toBe('http://127.0.0.1:8080/hook');
    // docs/providers.md M8: mluvii accepts plain http.
    expect(parseDeliveryFlags(['--target', 'mluvii=http://m.example/hook'], NO_CI).options.targets?.mluvii).toBeDefined();
  });

  it('rejects userinfo on an Enreach target and points to --secret', () => {
    const e = fails(['--target', 'enreach=https://u:p@e.example/hook'], 'PM_DELIVERY_TARGET_USERINFO');
    expect(e.hint).toContain('--secret');
    expect(e.message).not.toContain('u:p');
  });

  it('rejects a probe that is not an http(s) URL, an empty secret and a bad concurrency', () => {
    fails(['--check-idempotency', 'probe'], 'PM_DELIVERY_PROBE_URL', '--check-idempotency');
    fails(['--secret='], 'PM_DELIVERY_FLAG_VALUE', '--secret');
    fails(['--concurrency', '0'], 'PM_DELIVERY_CONCURRENCY', '--concurrency');
  });

  it('rejects an empty seed, an empty retry schedule, a list for a switch and a concurrency out of range', () => {
    expect(fails(['--seed', ' '], 'PM_DELIVERY_FLAG_VALUE', '--seed').message).toContain('the seed is empty');
    expect(fails(['--retry-schedule='], 'PM_DELIVERY_RETRY_SCHEDULE', '--retry-schedule').hint).toContain('1s,5s,30s');
    expect(fails({ instant: ['yes'] } as never, 'PM_DELIVERY_FLAG_VALUE', '--instant').message).toContain('is a switch and takes no list');
    expect(fails(['--concurrency', '1025'], 'PM_DELIVERY_CONCURRENCY', '--concurrency').message).toContain('"1025" is not a whole number from 1 to 1024');
    fails(['--concurrency', 'four'], 'PM_DELIVERY_CONCURRENCY', '--concurrency');
  });

  it('never echoes credentials of a bad URL in the error', () => {
    const e = fails(['--target', 'ftp://user:hunter2@x.example/?token=abc'], 'PM_DELIVERY_TARGET_URL');
    expect(e.message).not.toContain('hunter2');
    expect(e.message).not.toContain('abc');
  });
});
