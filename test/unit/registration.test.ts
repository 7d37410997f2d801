import { describe, expect, it } from 'vitest';
import { createMluviiApi, endpointsFor, parseEnreachConfig } from '../../contracts/registration/index.ts';
import { ProviderMockError } from '../../contracts/errors.ts';
import { registrationTable, type RegistrationSurface } from '../helpers/registration-table.ts';

describe('mluvii registration API (pure router)', () => {
  registrationTable(async () => {
    let now = Date.UTC(2024, 4, 2);
    const api = createMluviiApi({ now: () => now });
    const surface: RegistrationSurface = {
      clientId: 'provider-mock',
      clientSecret: 'provider-mock-secret',
      advance: (ms) => void (now += ms),
      async call(req) {
        const headers = Object.fromEntries(Object.entries(req.headers ?? {}).map(([k, v]) => [k.toLowerCase(), v]));
        const r = api.handle({ method: req.method, path: req.path, headers, json: req.json, ...(req.form ? { form: req.form } : {}) });
        if (!r) return { status: 404, headers: {}, body: undefined };
        return { status: r.status, headers: r.headers ?? {}, body: r.body };
      },
    };
    return surface;
  });

  it('leaves paths that are not its routes to the caller', () => {
    expect(createMluviiApi().handle({ method: 'GET', path: '/api/v1/Sessions', headers: {} })).toBeUndefined();
  });
});

describe('Enreach webhook configuration', () => {
  const userId = '6cb31d7d-9cd9-41dc-a096-62cf31fd0281';
  const config = {
    Webhook: { Endpoint: 'https://127.0.0.1:8443/hook', Secret: 's3cret', InsecureSSL: true },
    Subscriptions: [
      { EventType: 'UserStatus', EntityId: userId },
      { EventType: 'QueueCallInUserConnected', AllEntities: true },
      { EventType: 'UserAvailability', SecurityGroupId: '9118bef9-fb49-ed11-8713-6c24087ddf1c' },
    ],
  };

  it('selects events by type and entity, all entities, or security group', () => {
    const configs = parseEnreachConfig(config);
    expect(endpointsFor(configs, { EventType: 'UserStatus', EntityId: userId })).toHaveLength(1);
    expect(endpointsFor(configs, { EventType: 'UserStatus', EntityId: '00000000-0000-0000-0000-000000000001' })).toHaveLength(0);
    expect(endpointsFor(configs, { EventType: 'QueueCallInUserConnected', EntityId: 'anything' })).toHaveLength(1);
    const groups = () => ['9118bef9-fb49-ed11-8713-6c24087ddf1c'];
    expect(endpointsFor(configs, { EventType: 'UserAvailability', EntityId: userId }, groups)).toHaveLength(1);
    expect(endpointsFor(configs, { EventType: 'UserAvailability', EntityId: userId })).toHaveLength(0);
  });

  it("refuses the doc's own sample, whose event names do not exist, with did-you-mean and the JSON path", () => {
    const sample = { Webhook: { Endpoint: 'https://my.integration.com/wehook/' }, Subscriptions: [{ EventType: 'QueueCallInConnected', AllEntities: true }] };
    try {
      parseEnreachConfig(sample, 'enreach.json');
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ProviderMockError);
      expect((e as Error).message).toMatch(/enreach\.json: \$\.Subscriptions\[0\]\.EventType: unknown Enreach event type "QueueCallInConnected"; did you mean "QueueCallIn/);
    }
  });

  it('names the JSON path of a shape error', () => {
    expect(() => parseEnreachConfig([config, { Webhook: { Endpoint: 'https://x.example/', TimeoutSeconds: 0 }, Subscriptions: [] }], 'cfg.json')).toThrow(
      /cfg\.json: \$\[1\]\.Webhook\.TimeoutSeconds: must be >= 1/,
    );
  });
});
