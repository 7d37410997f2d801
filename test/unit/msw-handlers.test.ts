import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createMluviiApi } from '../../contracts/registration/mluvii-api.ts';
import { createMluviiRecords } from '../../generators/mluvii/records.ts';
import { mluviiApiHandlers } from '../../msw/mluvii-api.ts';
import { webhookReceiverHandlers } from '../../msw/receiver.ts';
import { registrationTable, type RegistrationSurface } from '../helpers/registration-table.ts';
import { eventExamples } from '../helpers/examples.ts';
import { readScenario } from '../../scenarios/files.ts';
import { plan } from '../../scenarios/index.ts';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

async function answer(r: Response) {
  const text = await r.text();
  let body: unknown = text === '' ? undefined : text;
  try {
    body = text === '' ? undefined : JSON.parse(text);
  } catch {
    /* text */
  }
  const headers: Record<string, string> = {};
  r.headers.forEach((v, k) => (headers[k] = v));
  return { status: r.status, headers, body };
}

describe('mluviiApiHandlers (MSW), same behaviour table as the server', () => {
  registrationTable(async (opts = {}) => {
    let now = Date.UTC(2024, 4, 2);
    const base = 'https://tenant.mluvii.example';
    const records = createMluviiRecords();
    server.resetHandlers(...mluviiApiHandlers({ baseUrl: base, now: () => now, records, ...opts }));
    const surface: RegistrationSurface = {
      clientId: 'provider-mock',
      clientSecret: 'provider-mock-secret',
      advance: (ms) => void (now += ms),
      records,
      async call(req) {
        const headers: Record<string, string> = { ...(req.headers ?? {}) };
        let body: string | undefined;
        if (req.form) {
          headers['content-type'] = 'application/x-www-form-urlencoded';
          body = new URLSearchParams(req.form).toString();
        } else if (req.json !== undefined) {
          headers['content-type'] = 'application/json';
          body = JSON.stringify(req.json);
        }
        return answer(await fetch(base + req.path, { method: req.method, headers, ...(body !== undefined ? { body } : {}) }));
      },
    };
    return surface;
  });

  it('refuses a baseUrl that is not an absolute http(s) URL, when the handlers are made', () => {
    for (const baseUrl of ['tenant.mluvii.example', 'ftp://tenant.mluvii.example']) {
      expect(() => mluviiApiHandlers({ baseUrl }), baseUrl).toThrow(
        `provider-mock PM_BAD_OPTION: mluviiApiHandlers(options.baseUrl): baseUrl must be an absolute http(s) URL, got "${baseUrl}" (the origin of the mluvii host your code calls, e.g. https://app.mluvii.com)`,
      );
    }
  });

  it('answers the sessions of `play` as the same scenario and seed stream them: ids, status and times of their webhooks', async () => {
    const scenario = readScenario('forwarded-session');
    server.use(...mluviiApiHandlers({ play: { scenario, seed: 3 } }));
    const ended = [...plan(scenario, { seed: 3 })].find((e) => e.eventType === 'SessionEnded')!.payload as { data: { id: number; started: string; ended: string } };
    const tok = (await (await fetch('https://app.mluvii.com/login/connect/token', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'grant_type=client_credentials&client_id=provider-mock&client_secret=provider-mock-secret',
    })).json()) as { access_token: string };
    const r = await fetch(`https://app.mluvii.com/api/v1/Sessions/${ended.data.id}`, { headers: { authorization: `Bearer ${tok.access_token}` } });
    expect(r.status).toBe(200);
    expect(await r.json()).toMatchObject({ id: ended.data.id, status: 'CLOSED', started: ended.data.started, ended: ended.data.ended });
  });

  it('lets a test inspect the webhooks its code registered', async () => {
    const api = createMluviiApi();
    server.use(...mluviiApiHandlers({ api }));
    const tok = (await (await fetch('https://app.mluvii.com/login/connect/token', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'grant_type=client_credentials&client_id=provider-mock&client_secret=provider-mock-secret',
    })).json()) as { access_token: string };
    await fetch('https://app.mluvii.com/api/v1/Webhooks', {
      method: 'POST',
      headers: { authorization: `Bearer ${tok.access_token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ eventTypes: ['SessionEnded'], callbackUrl: 'https://u:p@crm.example/hook' }),
    });
    expect(api.webhooks.subscribedTo('SessionEnded').map((h) => h.callbackUrl)).toEqual(['https://u:p@crm.example/hook']);
  });
});

describe('webhookReceiverHandlers (MSW)', () => {
  const enreachBody = eventExamples().find((e) => e.provider === 'enreach' && e.file.endsWith('reference/QueueCallInUserConnected.json'))!.payload;
  const mluviiBody = eventExamples().find((e) => e.file.endsWith('en/SessionCreated.json'))!.payload;
  const post = (url: string, body: unknown, headers: Record<string, string>) =>
    fetch(url, { method: 'POST', headers: { 'content-type': 'application/json; charset=utf-8', ...headers }, body: typeof body === 'string' ? body : JSON.stringify(body) });

  it('accepts a valid Enreach webhook with the right token and answers 200 with no body', async () => {
    const receiver = webhookReceiverHandlers({ url: 'https://crm.example/enreach', provider: 'enreach', secret: 'MySecretString' });
    server.use(...receiver);
    const r = await post('https://crm.example/enreach', enreachBody, { 'x-benemen-event': 'QueueCallInUserConnected', 'x-benemen-token': 'MySecretString' });
    expect(r.status).toBe(200);
    expect(await r.text()).toBe('');
    expect(receiver.received).toHaveLength(1);
    expect(receiver.received[0]).toMatchObject({ eventType: 'QueueCallInUserConnected', status: 200, problems: [] });
  });

  it('refuses a wrong X-Benemen-Token with 401 and the reason', async () => {
    const receiver = webhookReceiverHandlers({ url: 'https://crm.example/enreach', provider: 'enreach', secret: 'MySecretString' });
    server.use(...receiver);
    const r = await post('https://crm.example/enreach', enreachBody, { 'x-benemen-event': 'QueueCallInUserConnected', 'x-benemen-token': 'wrong' });
    expect(r.status).toBe(401);
    expect(((await r.json()) as { problems: string[] }).problems).toEqual(['X-Benemen-Token does not match the configured secret']);
  });

  it('refuses a body the provider never sends, or a header that disagrees with it, with 400 and each reason', async () => {
    const receiver = webhookReceiverHandlers({ url: 'https://crm.example/enreach', provider: 'enreach' });
    server.use(...receiver);
    const bad = { ...(enreachBody as object), CallId: 'not-a-guid' };
    const r = await post('https://crm.example/enreach', bad, { 'x-benemen-event': 'QueueCallInUserAllocated' });
    expect(r.status).toBe(400);
    const problems = ((await r.json()) as { problems: string[] }).problems;
    expect(problems).toContainEqual(expect.stringMatching(/^\$\.CallId: must be format guid/));
    expect(problems).toContainEqual('X-Benemen-Event "QueueCallInUserAllocated" differs from the body\'s EventType "QueueCallInUserConnected"');
  });

  it('checks mluvii Basic credentials taken from the callback URL', async () => {
    const receiver = webhookReceiverHandlers({ url: 'https://crm.example/mluviiwebhook', provider: 'mluvii', secret: 'csharp:isawesome' });
    server.use(...receiver);
    const ok = await post('https://crm.example/mluviiwebhook', mluviiBody, { authorization: `Basic ${btoa('csharp:isawesome')}` });
    expect(ok.status).toBe(200);
    const missing = await post('https://crm.example/mluviiwebhook', mluviiBody, {});
    expect(missing.status).toBe(401);
    expect(receiver.received.map((e) => e.status)).toEqual([200, 401]);
  });

  it('checks a mluvii query-string secret', async () => {
    server.use(...webhookReceiverHandlers({ url: 'https://crm.example/MluviiWebhook', provider: 'mluvii', querySecret: 'XYZ' }));
    expect((await post('https://crm.example/MluviiWebhook?secret=XYZ', mluviiBody, {})).status).toBe(200);
    expect((await post('https://crm.example/MluviiWebhook?secret=nope', mluviiBody, {})).status).toBe(401);
  });

  it('refuses an unknown provider or mode when the handlers are made, with the valid values', () => {
    expect(() => webhookReceiverHandlers({ url: 'https://crm.example/h', provider: 'mluvi' as never })).toThrow(
      'provider-mock PM_BAD_OPTION: webhookReceiverHandlers(options.provider): unknown provider "mluvi"; did you mean "mluvii"?; valid values: mluvii, enreach',
    );
    expect(() => webhookReceiverHandlers({ url: 'https://crm.example/h', provider: 'enreach', mode: 'loose' as never })).toThrow(
      /webhookReceiverHandlers\(options\.mode\): unknown mode "loose".*; valid values: strict, lenient$/,
    );
  });

  it('answers a body that is not JSON with 400', async () => {
    server.use(...webhookReceiverHandlers({ url: 'https://crm.example/mluviiwebhook', provider: 'mluvii' }));
    const r = await post('https://crm.example/mluviiwebhook', '{"eventType":', {});
    expect(r.status).toBe(400);
    expect(((await r.json()) as { problems: string[] }).problems[0]).toMatch(/not JSON/);
  });
});
