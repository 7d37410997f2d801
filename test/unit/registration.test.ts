import { describe, expect, it } from 'vitest';
import { createMluviiApi, endpointsFor, parseEnreachConfig } from '../../contracts/registration/index.ts';
import { eventNames } from '../../contracts/catalog.ts';
import { listValues, ProviderMockError } from '../../contracts/errors.ts';
import { createMluviiRecords } from '../../generators/mluvii/records.ts';
import { registrationTable, splitPath, type RegistrationSurface } from '../helpers/registration-table.ts';

describe('mluvii registration API (pure router)', () => {
  registrationTable(async (opts = {}) => {
    let now = Date.UTC(2024, 4, 2);
    const records = createMluviiRecords();
    const api = createMluviiApi({ now: () => now, reads: records, ...opts });
    const surface: RegistrationSurface = {
      clientId: 'provider-mock',
      clientSecret: 'provider-mock-secret',
      advance: (ms) => void (now += ms),
      records,
      async call(req) {
        const headers = Object.fromEntries(Object.entries(req.headers ?? {}).map(([k, v]) => [k.toLowerCase(), v]));
        const { path, query } = splitPath(req.path);
        const r = api.handle({ method: req.method, path, query, headers, json: req.json, ...(req.form ? { form: req.form } : {}) });
        if (!r) return { status: 404, headers: {}, body: undefined };
        return { status: r.status, headers: r.headers ?? {}, body: r.body };
      },
    };
    return surface;
  });

  it('forgets expired tokens when it issues a new one, and takes back only live, well-formed ones after a restart', () => {
    let now = Date.UTC(2024, 4, 2);
    let n = 0;
    const api = createMluviiApi({ now: () => now, newToken: () => `t${++n}` });
    const form = { grant_type: 'client_credentials', client_id: 'provider-mock', client_secret: 'provider-mock-secret' };
    api.auth.token(form);
    now += 1800_000;
    api.auth.token(form);
    expect(api.auth.issued()).toEqual([
      { token: 't1', expiresAt: Date.UTC(2024, 4, 2) + 3600_000 },
      { token: 't2', expiresAt: Date.UTC(2024, 4, 2) + 5400_000 },
    ]);
    now += 1800_000; // t1 expires now
    api.auth.token(form);
    expect(api.auth.issued().map((t) => t.token)).toEqual(['t2', 't3']);

    const restarted = createMluviiApi({ now: () => now });
    expect(restarted.auth.restore([...api.auth.issued(), { token: 'old', expiresAt: now }, { token: 42, expiresAt: now + 1 }, null, 'x'])).toBe(2);
    expect(restarted.auth.check('Bearer t2')).toBeUndefined();
    expect(restarted.auth.check('Bearer old')?.status).toBe(401);
  });

  it('leaves paths that are not its routes to the caller', () => {
    expect(createMluviiApi().handle({ method: 'GET', path: '/api/v1/Departments', headers: {} })).toBeUndefined();
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
      'provider-mock PM_BAD_ENREACH_CONFIG: cfg.json: $[1].Webhook.TimeoutSeconds: TimeoutSeconds must be a whole number of seconds, 1 or more (got number 0)',
    );
  });

  describe('one clean line per error: path, what is wrong, did you mean, valid values', () => {
    const Webhook = { Endpoint: 'https://x.example/' };
    const failure = (doc: unknown): ProviderMockError => {
      try {
        parseEnreachConfig(doc, 'cfg.json');
      } catch (e) {
        expect(e).toBeInstanceOf(ProviderMockError);
        return e as ProviderMockError;
      }
      return expect.unreachable('the configuration was accepted');
    };
    const message = (doc: unknown): string => {
      const e = failure(doc);
      expect(e.code).toBe('PM_BAD_ENREACH_CONFIG');
      expect(e.message).not.toContain('\n');
      expect(e.message).not.toMatch(/must be must|must have required property/);
      return e.message;
    };

    it('an unknown key, with did-you-mean and the keys that object takes', () => {
      expect(message({ Webhook: { ...Webhook, Secrt: 'hidden-value' }, Subscriptions: [] })).toBe(
        'provider-mock PM_BAD_ENREACH_CONFIG: cfg.json: $.Webhook.Secrt: unknown Webhook key "Secrt"; did you mean "Secret"?; valid values: Endpoint, InsecureSSL, Secret, Description, TimeoutSeconds',
      );
      expect(failure({ Webhook: { ...Webhook, Secrt: 'hidden-value' }, Subscriptions: [] }).message).not.toContain('hidden-value');
      expect(message({ Webhook, Subscriptions: [{ EventTyp: 'UserStatus', AllEntities: true }] })).toBe(
        'provider-mock PM_BAD_ENREACH_CONFIG: cfg.json: $.Subscriptions[0].EventTyp: unknown subscription key "EventTyp"; did you mean "EventType"?; valid values: EventType, EntityId, SecurityGroupId, AllEntities',
      );
      expect(message({ Webhok: Webhook, Subscriptions: [] })).toBe(
        'provider-mock PM_BAD_ENREACH_CONFIG: cfg.json: $.Webhok: unknown top-level key "Webhok"; did you mean "Webhook"?; valid values: Webhook, Subscriptions',
      );
    });

    it('a wrong type at its own path, not as a missing selector', () => {
      const e = failure({ Webhook, Subscriptions: [{ EventType: 'UserStatus', AllEntities: 'yes' }] });
      expect(e.message).toBe(
        'provider-mock PM_BAD_ENREACH_CONFIG: cfg.json: $.Subscriptions[0].AllEntities: AllEntities must be a boolean (got string "yes"); valid values: true, false',
      );
      expect(e.where).toBe('cfg.json: $.Subscriptions[0].AllEntities');
      expect(message([config, { Webhook, Subscriptions: [{ EventType: 'UserStatus', AllEntities: 'yes' }] }])).toBe(
        'provider-mock PM_BAD_ENREACH_CONFIG: cfg.json: $[1].Subscriptions[0].AllEntities: AllEntities must be a boolean (got string "yes"); valid values: true, false',
      );
      expect(message({ Webhook, Subscriptions: { EventType: 'UserStatus' } })).toBe(
        'provider-mock PM_BAD_ENREACH_CONFIG: cfg.json: $.Subscriptions: Subscriptions must be an array of subscriptions [{"EventType": …, "AllEntities": true}, …] (got an object with keys EventType)',
      );
    });

    it('a missing required field, with the form it takes', () => {
      expect(message({ Webhook: { Secret: 's' }, Subscriptions: [] })).toBe(
        'provider-mock PM_BAD_ENREACH_CONFIG: cfg.json: $.Webhook.Endpoint: Webhook is missing the required key "Endpoint" (an absolute URL such as https://my.integration.com/webhook/)',
      );
      expect(message({ Webhook })).toBe(
        'provider-mock PM_BAD_ENREACH_CONFIG: cfg.json: $.Subscriptions: the configuration is missing the required key "Subscriptions" (an array of subscriptions [{"EventType": …, "AllEntities": true}, …])',
      );
      expect(message({ Webhook, Subscriptions: [{ EventType: 'UserStatus' }] })).toBe(
        'provider-mock PM_BAD_ENREACH_CONFIG: cfg.json: $.Subscriptions[0]: the subscription selects no entity; it takes one of EntityId (a GUID), SecurityGroupId (a GUID) or AllEntities: true',
      );
    });

    it('a value outside the allowed set, with did-you-mean and the valid values', () => {
      const e = failure({ Webhook, Subscriptions: [{ EventType: 'UserStatos', AllEntities: true }] });
      expect(e.message).toBe(
        `provider-mock PM_BAD_ENREACH_CONFIG: cfg.json: $.Subscriptions[0].EventType: unknown Enreach event type "UserStatos"; did you mean "UserStatus"?; valid values: ${listValues(eventNames('enreach'))}`,
      );
      expect(e.validValues).toEqual(eventNames('enreach'));
      expect(message({ Webhook, Subscriptions: [{ EventType: 'UserStatus', AllEntities: false }] })).toBe(
        'provider-mock PM_BAD_ENREACH_CONFIG: cfg.json: $.Subscriptions[0].AllEntities: AllEntities is false, so the subscription selects no entity; set AllEntities: true, or EntityId or SecurityGroupId instead',
      );
      expect(message({ Webhook, Subscriptions: [{ EventType: 'UserStatus', EntityId: 'e0072f3a-cc7c-42ee-b0ac-34cd7238150a', AllEntities: true }] })).toBe(
        'provider-mock PM_BAD_ENREACH_CONFIG: cfg.json: $.Subscriptions[0]: the subscription sets EntityId and AllEntities: true; it takes exactly one of EntityId (a GUID), SecurityGroupId (a GUID) or AllEntities: true',
      );
      expect(message({ Webhook, Subscriptions: [{ EventType: 'UserStatus', EntityId: 'nope' }] })).toBe(
        'provider-mock PM_BAD_ENREACH_CONFIG: cfg.json: $.Subscriptions[0].EntityId: EntityId must be a GUID such as e0072f3a-cc7c-42ee-b0ac-34cd7238150a (got string "nope")',
      );
      expect(message('x')).toBe(
        'provider-mock PM_BAD_ENREACH_CONFIG: cfg.json: $: the configuration must be an object {"Webhook": {…}, "Subscriptions": […]}, or an array of them (got string "x")',
      );
    });
  });
});
