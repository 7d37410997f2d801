/** The catalog pre-check of pact interactions, on hand-written pact documents (no Pact core). */
import { describe, expect, it } from 'vitest';
import { precheckInteraction, readPact, type MessageInteraction } from '../../pact/index.ts';
import { normalizeRulePath } from '../../pact/precheck.ts';

const where = { pact: 'p.json', consumer: 'c' };

function v4(interaction: Record<string, unknown>): MessageInteraction {
  const pact = readPact({ consumer: { name: 'c' }, provider: { name: 'enreach' }, interactions: [{ type: 'Asynchronous/Messages', ...interaction }], metadata: { pactSpecification: { version: '4.0' } } }, 'p.json');
  return pact!.interactions[0]!;
}

const check = (provider: 'mluvii' | 'enreach', i: MessageInteraction) => precheckInteraction(provider, i, where).map((x) => `${x.path}: ${x.message}`);

describe('reading pacts', () => {
  it('reads V3 message pacts and V4 asynchronous messages alike', () => {
    const v3 = readPact(
      {
        consumer: { name: 'c' },
        provider: { name: 'enreach' },
        messages: [{ description: 'UserStatus', providerStates: [{ name: 's' }], contents: { EventType: 'UserStatus' }, metadata: { contentType: 'application/json' }, matchingRules: { body: { '$.UserId': { matchers: [{ match: 'regex', regex: 'x' }] } } } }],
        metadata: { pactSpecification: { version: '3.0.0' } },
      },
      'v3.json',
    );
    expect(v3).toMatchObject({ consumer: 'c', provider: 'enreach', specification: '3.0.0', interactions: [{ description: 'UserStatus', states: ['s'], content: { EventType: 'UserStatus' } }] });
    expect(v3?.interactions[0]?.rules.get(normalizeRulePath('$.UserId'))).toEqual([{ match: 'regex', regex: 'x' }]);
    expect(v4({ description: 'UserStatus', contents: { content: '{"EventType":"UserStatus"}', contentType: 'application/json' } }).content).toEqual({ EventType: 'UserStatus' });
    expect(readPact({ not: 'a pact' }, 'x.json')).toBeUndefined();
  });

  it('spells rule paths one way', () => {
    expect(normalizeRulePath("$['data'].items[*].name")).toBe(normalizeRulePath('$.data.items[*].name'));
  });

  it('refuses HTTP interactions: the providers only send messages', () => {
    const pact = readPact({ consumer: { name: 'c' }, provider: { name: 'enreach' }, interactions: [{ description: 'get', request: { method: 'GET' }, response: { status: 200 } }] }, 'h.json');
    expect(check('enreach', pact!.interactions[0]!)).toEqual([expect.stringMatching(/^type: Synchronous\/HTTP interaction: enreach only sends webhooks, which are asynchronous messages/)]);
  });
});

describe('checking an interaction against the catalog', () => {
  it('passes a sound interaction', () => {
    const i = v4({
      description: 'QueueCallInUserConnected',
      providerStates: [{ name: 'a queue call was answered' }],
      contents: { content: { EventType: 'QueueCallInUserConnected', CallId: '00000000-0000-0000-0000-000000000000', QueueName: null } },
      metadata: { contentType: 'application/json; charset=utf-8', 'X-Benemen-Event': 'QueueCallInUserConnected' },
      matchingRules: { body: { '$.CallId': { matchers: [{ match: 'regex', regex: '^[0-9a-f-]+$' }] } } },
    });
    expect(check('enreach', i)).toEqual([]);
  });

  it('names a literal value the provider never sends: enum member, const, format', () => {
    const i = v4({
      description: 'QueueCallInUserConnected',
      contents: { content: { EventType: 'QueueCallInUserConnected', RootEntityType: 'Tenant', EntityType: 'User', Timestamp: '2020-01-01 12:00' } },
    });
    expect(check('enreach', i)).toEqual([
      '$.RootEntityType: the pact expects "Tenant", which is not a value the provider sends here: one of "Undefined", "Organization"',
      '$.EntityType: the pact expects "User", but the provider always sends "Queue" here',
      '$.Timestamp: the pact expects "2020-01-01 12:00", but the provider sends a string of format enreach-datetime here',
    ]);
  });

  it('judges matchers by what they can match: a type matcher accepts any member, an integer matcher needs a number', () => {
    const i = v4({
      description: 'QueueCallInUserConnected',
      contents: { content: { RootEntityType: 'Tenant', QueueName: 5 } },
      matchingRules: { body: { '$.RootEntityType': { matchers: [{ match: 'type' }] }, '$.QueueName': { matchers: [{ match: 'integer' }] } } },
    });
    expect(check('enreach', i)).toEqual(['$.QueueName: the pact expects an integer, but the provider sends a string or null here']);
  });

  it('names a null where the provider always sends a value', () => {
    const i = v4({ description: 'SessionCreated', contents: { content: { eventType: 'SessionCreated', data: { id: null } } } });
    expect(check('mluvii', i)).toEqual(['$.data.id: the pact expects null, but the provider sends an integer here']);
  });

  it('lets dictionary keys be anything', () => {
    const i = v4({
      description: 'SessionActivityHeroCardSubmission',
      contents: { content: { data: { params: { 'číslo ŘP': '1' } } } },
      matchingRules: { body: { '$.data.params': { matchers: [{ match: 'values' }] } } },
    });
    expect(check('mluvii', i)).toEqual([]);
  });

  it('checks metadata against what the provider sends', () => {
    const i = v4({ description: 'UserStatus', contents: { content: {} }, metadata: { 'X-Benemen-Event': 'UserStatusChanged', 'X-Signature': 'abc', contentType: 'text/plain' } });
    expect(check('enreach', i)).toEqual([
      'metadata.X-Benemen-Event: the pact expects X-Benemen-Event "UserStatusChanged", but Enreach sends the event type, "UserStatus"',
      'metadata.X-Signature: the pact expects metadata "X-Signature", which enreach never sends (it sends: contentType, X-Benemen-Event)',
      'metadata.contentType: the pact expects content type "text/plain", but enreach sends application/json; charset=utf-8',
    ]);
  });

  it('names a body of another event than the description', () => {
    const i = v4({ description: 'SessionCreated', contents: { content: { eventType: 'SessionEnded', data: {} } } });
    expect(check('mluvii', i)).toEqual(['$.eventType: the description says SessionCreated but the body is a SessionEnded']);
  });

  it('names a state that does not lead to the event', () => {
    const i = v4({ description: 'SessionCreated', providerStates: [{ name: 'an e-mail thread is being handled' }], contents: { content: {} } });
    expect(check('mluvii', i)).toEqual([expect.stringMatching(/^providerState: in the state "an e-mail thread is being handled" mluvii does not send SessionCreated; states that lead to it: "a chat session was created"/)]);
  });
});
