/**
 * Provider verification with the real generators: every event's default consumer message
 * verifies green, V3 message pacts too, and a pact that expects what the provider never sends
 * fails with the interaction and the field named.
 */
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { Server as NetServer, type AddressInfo } from 'node:net';
import { join } from 'node:path';
import { MatchersV3, MessageConsumerPact, PactV4, asynchronousBodyHandler } from '@pact-foundation/pact';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listEvents } from '../../contracts/index.ts';
import { artifactFolder } from '../helpers/artifacts.ts';
import { ENREACH_STATES, MLUVII_STATES, PACT_PROVIDER, enreachMessage, mluviiMessage, expectMessage, formatVerifyResult, message, providerPact, receive, verifyPacts, type PactIssue } from '../../pact/index.ts';

const BASE = artifactFolder('pacts-verify').abs;

const issueLine = (i: PactIssue) => `${i.source} ${i.interaction} ${i.path}: ${i.message}`;

describe('verifying against the generators', () => {
  it.each(['enreach', 'mluvii'] as const)('passes for the default message of every %s event (one pact, every event)', async (provider) => {
    const dir = join(BASE, `every-${provider}`);
    const pact = providerPact(provider, { consumer: 'everything', dir });
    for (const e of listEvents(provider)) await receive(pact, message(provider, e.eventType), () => undefined);
    const r = await verifyPacts({ provider, pactDir: dir });
    expect(r.issues.map(issueLine)).toEqual([]);
    expect(r.ok).toBe(true);
    expect(r.pacts).toEqual([{ source: join(dir, `everything-${provider}.json`), consumer: 'everything', interactions: listEvents(provider).length }]);
  });

  it('passes for a V3 message pact written with MessageConsumerPact', async () => {
    const dir = join(BASE, 'v3');
    const pact = new MessageConsumerPact({ consumer: 'v3-consumer', provider: PACT_PROVIDER.enreach, dir, logLevel: 'error' });
    const seen: unknown[] = [];
    await expectMessage(pact, enreachMessage('UserStatus', { fields: ['UserId', 'Talking'] })).verify(asynchronousBodyHandler(async (body) => void seen.push(body)));
    expect(seen).toHaveLength(1);
    const file = JSON.parse(readFileSync(join(dir, 'v3-consumer-enreach.json'), 'utf8')) as { messages: unknown[]; metadata: { pactSpecification: { version: string } } };
    expect(file.metadata.pactSpecification.version).toBe('3.0.0');
    expect(file.messages).toHaveLength(1);
    const r = await verifyPacts({ provider: 'enreach', pactDir: dir });
    expect(r.issues.map(issueLine)).toEqual([]);
    expect(r.ok).toBe(true);
  });

  it('uses the state\'s params as the generator context (given(state, { QueueId }))', async () => {
    const dir = join(BASE, 'params');
    const queueId = '0b6d8f0a-3c1e-4e57-9d1a-6f2b1c9e8a77';
    const pact = new PactV4({ consumer: 'params', provider: PACT_PROVIDER.enreach, dir, logLevel: 'error' });
    const msg = enreachMessage('QueueCallInUserConnected', { fields: ['CallId'] });
    await pact
      .addAsynchronousInteraction()
      .given(ENREACH_STATES.QUEUE_CALL_ANSWERED, { QueueId: queueId })
      .expectsToReceive(msg.description, (b) => {
        b.withJSONContent({ ...msg.content, QueueId: queueId }).withMetadata(msg.metadata);
      })
      .executeTest(async () => undefined);
    const r = await verifyPacts({ provider: 'enreach', pactDir: dir });
    expect(r.issues.map(issueLine)).toEqual([]);
  });

  it('a state that fixes a nullable field verifies on every seed; the general state fails on some, with a hint', async () => {
    const dirFor = async (name: string, state: string) => {
      const dir = join(BASE, name);
      const msg = mluviiMessage('SessionForwarded', { state: state as never, fields: ['data.id', 'data.operatorGroupId'] });
      await receive(providerPact('mluvii', { consumer: name, dir }), msg, () => undefined);
      return dir;
    };
    const toGroup = await dirFor('forwarded-to-group', MLUVII_STATES.SESSION_FORWARDED_TO_GROUP);
    const anyTarget = await dirFor('forwarded-anywhere', MLUVII_STATES.SESSION_FORWARDED);
    const failing: string[] = [];
    for (let seed = 0; seed < 12; seed++) {
      const fixed = await verifyPacts({ provider: 'mluvii', pactDir: toGroup, seed });
      expect(fixed.issues.map(issueLine), `seed ${seed}`).toEqual([]);
      const loose = await verifyPacts({ provider: 'mluvii', pactDir: anyTarget, seed });
      failing.push(...loose.issues.map(issueLine));
    }
    // The general state forwards to an operator or a chatbot too, and then operatorGroupId is null.
    expect(failing.length).toBeGreaterThan(0);
    for (const line of failing) {
      expect(line).toMatch(/^verifier SessionForwarded \$\.data\.operatorGroupId: Expected null \(Null\) to be an integer \(the provider sends null here in this state; pick a state that fixes the field/);
    }
  });

  it('reads pacts by URL (a pact served on 127.0.0.1)', async () => {
    const dir = join(BASE, 'url');
    await receive(providerPact('mluvii', { consumer: 'by-url', dir }), message('mluvii', 'SessionCreated'), () => undefined);
    const text = readFileSync(join(dir, 'by-url-mluvii.json'), 'utf8');
    const server: Server = createServer((_req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end(text));
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    try {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/pacts/by-url-mluvii.json`;
      const r = await verifyPacts({ provider: 'mluvii', pactUrls: [url] });
      expect(r.issues.map(issueLine)).toEqual([]);
      expect(r.ok).toBe(true);
      expect(r.pacts[0]?.source).toBe(url);
    } finally {
      server.close();
    }
  });
});

describe('the verification proxy', () => {
  it('listens on 127.0.0.1 only, not on every interface', async () => {
    const dir = join(BASE, 'loopback');
    await receive(providerPact('mluvii', { consumer: 'loopback', dir }), message('mluvii', 'SessionCreated'), () => undefined);
    // Every server started while verifying (Pact's message proxy) reports where it listened.
    const seen: string[] = [];
    const listen = NetServer.prototype.listen;
    NetServer.prototype.listen = function (this: NetServer, ...args: unknown[]) {
      this.once('listening', () => seen.push((this.address() as AddressInfo).address));
      return (listen as (...a: unknown[]) => NetServer).apply(this, args);
    } as typeof listen;
    try {
      const r = await verifyPacts({ provider: 'mluvii', pactDir: dir });
      expect(r.issues.map(issueLine)).toEqual([]);
    } finally {
      NetServer.prototype.listen = listen;
    }
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.every((a) => a === '127.0.0.1'), seen.join(', ')).toBe(true);
  });
});

describe('a consumer pact that expects what the provider never sends', () => {
  const dir = join(BASE, 'wrong');
  let issues: PactIssue[] = [];
  let lines: string[] = [];
  let ok = true;

  beforeAll(async () => {
    // Written with plain pact-js, as a team that does not use our helpers would.
    const pact = new PactV4({ consumer: 'wrong-crm', provider: 'enreach', dir, logLevel: 'error' });
    await pact
      .addAsynchronousInteraction()
      .given(ENREACH_STATES.QUEUE_CALL_ANSWERED)
      .expectsToReceive('QueueCallInUserConnected', (b) => {
        b.withJSONContent({
          EventType: 'QueueCallInUserConnected',
          CallId: MatchersV3.uuid('54fc3541-b8ca-4fee-8159-a7a85c981eed'),
          QueueDisplayName: MatchersV3.string('Sales'), // no such field
          MessageTTLSeconds: MatchersV3.string('-1'), // an integer on the wire
        });
      })
      .executeTest(async () => undefined);
    await pact
      .addAsynchronousInteraction()
      .given(ENREACH_STATES.QUEUE_CALL_ANSWERED)
      .expectsToReceive('QueueCallInConnected', (b) => {
        // The name from the doc's sample configuration, which is not an event (docs/providers.md E12).
        b.withJSONContent({ EventType: 'QueueCallInConnected', CallId: MatchersV3.uuid('54fc3541-b8ca-4fee-8159-a7a85c981eed') });
      })
      .executeTest(async () => undefined);
    await pact
      .addAsynchronousInteraction()
      .given('a call exists')
      .expectsToReceive('UserStatus', (b) => {
        b.withJSONContent({ EventType: 'UserStatus', EntityType: MatchersV3.regex('^(Person|Team)$', 'Person'), Talking: MatchersV3.boolean(true) });
      })
      .executeTest(async () => undefined);
    const r = await verifyPacts({ provider: 'enreach', pactDir: dir });
    issues = r.issues;
    lines = formatVerifyResult(r);
    ok = r.ok;
  });

  afterAll(() => {
    // Left in test-artifacts/ for a look; the folder is git-ignored.
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'result.txt'), lines.join('\n') + '\n');
  });

  it('fails', () => {
    expect(ok).toBe(false);
    expect(lines.at(-1)).toMatch(/^FAILED: 1 pact\(s\), 3 interaction\(s\), provider "enreach"/);
  });

  it('names the interaction and the field that does not exist', () => {
    const i = issues.find((x) => x.source === 'catalog' && x.path === '$.QueueDisplayName');
    expect(i).toMatchObject({ interaction: 'QueueCallInUserConnected', state: ENREACH_STATES.QUEUE_CALL_ANSWERED, consumer: 'wrong-crm' });
    expect(i?.message).toContain('"QueueDisplayName" the provider never sends');
    expect(lines).toContainEqual(expect.stringContaining('interaction "QueueCallInUserConnected" (given "a queue call was answered") from wrong-crm: $.QueueDisplayName'));
  });

  it('names the interaction and the field of the wrong type', () => {
    const i = issues.find((x) => x.source === 'catalog' && x.path === '$.MessageTTLSeconds');
    expect(i?.interaction).toBe('QueueCallInUserConnected');
    expect(i?.message).toBe('the pact expects a string, but the provider sends an integer here');
  });

  it('names an event the catalog does not have, with the nearest names', () => {
    const i = issues.find((x) => x.interaction === 'QueueCallInConnected' && x.source === 'catalog');
    expect(i?.path).toBe('description');
    expect(i?.message).toMatch(/^"QueueCallInConnected" is not an event type of enreach; did you mean "QueueCallIn/);
  });

  it('names an unknown provider state and a regex no value the provider sends can match', () => {
    const mine = issues.filter((x) => x.interaction === 'UserStatus' && x.source === 'catalog');
    expect(mine.map((x) => x.path)).toEqual(['providerState', '$.EntityType']);
    expect(mine[0]?.message).toMatch(/^unknown enreach provider state "a call exists"; valid: "an incoming call is waiting in a service queue", /);
    expect(mine[1]?.message).toBe('the pact\'s regex ^(Person|Team)$ matches none of the values the provider sends here: always "User"');
  });

  it('also reports what Pact\'s own verification found, per interaction and path', () => {
    const verifier = issues.filter((x) => x.source === 'verifier');
    expect(verifier).toContainEqual(
      expect.objectContaining({ interaction: 'QueueCallInUserConnected', path: '$', consumer: 'wrong-crm', message: expect.stringContaining('missing the following keys: QueueDisplayName') }),
    );
    expect(verifier).toContainEqual(expect.objectContaining({ interaction: 'QueueCallInUserConnected', path: '$.MessageTTLSeconds' }));
    expect(verifier.some((x) => x.interaction === 'QueueCallInConnected')).toBe(true);
  });
});
