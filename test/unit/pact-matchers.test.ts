/** Schema → Pact matchers, and the consumer helpers' message building (no Pact core involved). */
import { describe, expect, it } from 'vitest';
import { ENREACH_DATETIME, GUID, MLUVII_DATETIME, listEvents, validate } from '../../contracts/index.ts';
import {
  ENREACH_STATES,
  EVENTS,
  MLUVII_STATES,
  bodyWithMatchers,
  enreachMessage,
  message,
  mluviiMessage,
  providerStates,
  statesFor,
} from '../../pact/index.ts';
import { MatchersV3 } from '@pact-foundation/pact';

type M = Record<string, any>;
const rule = (type: string, extra: M = {}) => expect.objectContaining({ 'pact:matcher:type': type, ...extra });

describe('matchers from the schema', () => {
  const connected = enreachMessage('QueueCallInUserConnected', { fields: ['CallId', 'Timestamp', 'MessageTTLSeconds', 'RootEntityType', 'UserName'] }).content as M;

  it('turns a Guid into a uuid regex (anchored .NET Guid, either case)', () => {
    expect(connected['CallId']).toEqual(rule('regex', { regex: GUID.source, value: '00000000-0000-0000-0000-000000000000' }));
  });

  it('turns the provider timestamp formats into their regexes', () => {
    expect(connected['Timestamp']).toEqual(rule('regex', { regex: ENREACH_DATETIME.source, value: '2020-01-01T12:00:00Z' }));
    const ended = mluviiMessage('SessionEnded').content as M;
    expect(ended['data']['ended']).toEqual(rule('regex', { regex: MLUVII_DATETIME.source }));
  });

  it('matches an enum by a regex of its members, and keeps a const literal', () => {
    expect(connected['RootEntityType']).toEqual(rule('regex', { regex: '^(Undefined|Organization)$', value: 'Organization' }));
    expect(connected['EventType']).toBe('QueueCallInUserConnected');
    const created = mluviiMessage('SessionCreated').content as M;
    expect(created['eventType']).toBe('SessionCreated');
    expect(created['data']['channel']).toEqual(rule('regex', { regex: '^(Chat|AV|Phone)$', value: 'Phone' }));
  });

  it('matches integers as integers, C# decimals as any number, booleans and strings by type', () => {
    expect(connected['MessageTTLSeconds']).toEqual(rule('integer', { value: -1 }));
    const status = enreachMessage('UserStatus', { fields: ['Talking'] }).content as M;
    expect(status['Talking']).toEqual(rule('type', { value: false }));
    expect(connected['UserName']).toEqual(rule('type', { value: 'user.name@example.com' }));
    // A C# decimal: Pact's decimal matcher would refuse 12, which JSON writes without a fraction.
    const metrics = enreachMessage('QueueDailyCallMetrics', { fields: ['InboundAvgWaitTimeSec'], overrides: { InboundAvgWaitTimeSec: 12 } }).content as M;
    expect(metrics['InboundAvgWaitTimeSec']).toEqual(rule('number', { value: 12 }));
  });

  it('turns a non-empty array into eachLike of its first item', () => {
    const ex = structuredClone(mluviiMessage('SessionActivityHeroCard', { nullable: 'example' }).example) as M;
    const body = bodyWithMatchers('mluvii', 'SessionActivityHeroCard', ex) as M;
    expect(body['data']['heroCard']).toEqual(rule('type', { min: 1 }));
    expect(body['data']['heroCard'].value[0]['inputType']).toEqual(rule('regex'));
  });

  it('matches a dictionary by its values, whatever the keys', () => {
    const body = bodyWithMatchers('mluvii', 'SessionActivityHeroCardSubmission', structuredClone(mluviiMessage('SessionActivityHeroCardSubmission').example)) as M;
    expect(body['data']['params']).toEqual(rule('values'));
  });
});

describe('the null rule (Pact cannot say "T or null")', () => {
  it('leaves nullable fields out unless the consumer names them', () => {
    const all = enreachMessage('QueueCallInUserConnected').content as M;
    expect(all).not.toHaveProperty('UserName');
    expect(all).not.toHaveProperty('LegId');
    expect(all).toHaveProperty('CallId');
    const named = enreachMessage('QueueCallInUserConnected', { fields: ['UserName'] }).content as M;
    expect(named['UserName']).toEqual(rule('type'));
  });

  it('lets the example decide with nullable: "example"', () => {
    const all = enreachMessage('QueueCallInUserConnected', { nullable: 'example' }).content as M;
    expect(all['LegId']).toEqual(rule('type', { value: 'Example LegId' }));
  });

  it('leaves a named null out by default, or keeps the literal null with nulls: "literal"', () => {
    const omit = mluviiMessage('SessionForwarded', { fields: ['data.userId'] }).content as M;
    expect(omit['data'] ?? {}).not.toHaveProperty('userId');
    const literal = mluviiMessage('SessionForwarded', { fields: ['data.userId'], nulls: 'literal' }).content as M;
    expect(literal['data']['userId']).toBeNull();
  });

  it('puts a named nullable field with a value in the contract as its type (overrides name it too)', () => {
    const m = mluviiMessage('SessionForwarded', { overrides: { 'data.userId': 2710 } }).content as M;
    expect(m['data']['userId']).toEqual(rule('integer', { value: 2710 }));
  });
});

describe('consumer messages', () => {
  it('carry the event type as description, a provider state, and the provider metadata', () => {
    const e = enreachMessage('QueueCallInUserConnected');
    expect(e).toMatchObject({
      provider: 'enreach',
      description: EVENTS.enreach.QueueCallInUserConnected,
      providerState: ENREACH_STATES.QUEUE_CALL_ANSWERED,
      metadata: { contentType: 'application/json; charset=utf-8', 'X-Benemen-Event': 'QueueCallInUserConnected' },
    });
    expect(mluviiMessage('SessionCreated').metadata).toEqual({ contentType: 'application/json; charset=utf-8' });
  });

  it('build a valid example for every event of the catalog, doc example or not', () => {
    for (const e of listEvents()) {
      const m = message(e.provider, e.eventType, { nullable: 'example' });
      expect(validate(m.example).valid, `${e.provider} ${e.eventType}`).toBe(true);
    }
  });

  it('keep only the named fields (and the event type) with `fields`', () => {
    const m = mluviiMessage('SessionStarted', { fields: ['data.id', 'data.started'] });
    expect(Object.keys(m.content)).toEqual(['data', 'eventType']);
    expect(Object.keys((m.content as M)['data'])).toEqual(['id', 'started']);
  });

  it('apply overrides, and take a Pact matcher as the rule for that field', () => {
    const m = enreachMessage('QueueCallInUserConnected', { overrides: { QueueName: 'Sales', QueueNumber: MatchersV3.equal('+358201234567') }, fields: ['QueueName'] });
    expect((m.content as M)['QueueName']).toEqual(rule('type', { value: 'Sales' }));
    expect((m.content as M)['QueueNumber']).toEqual(rule('equality', { value: '+358201234567' }));
    expect((m.example as M)['QueueNumber']).toBe('+358201234567');
  });

  it('refuse a field the provider never sends, with the nearest name', () => {
    expect(() => enreachMessage('QueueCallInUserConnected', { fields: ['Username'] })).toThrow(/PM_PACT_UNKNOWN_FIELD: .*never sends a field "Username" at \$; did you mean "UserName"\?/);
    expect(() => mluviiMessage('SessionCreated', { overrides: { 'data.operatorId': 1 } })).toThrow(/never sends a field "operatorId" at \$\.data/);
  });

  it('refuse an override the schema does not allow', () => {
    expect(() => mluviiMessage('SessionCreated', { overrides: { 'data.channel': 'Fax' } })).toThrow(/PM_PACT_EXAMPLE: .*data\.channel/);
    expect(() => enreachMessage('UserStatus', { overrides: { Talking: 'yes' } })).toThrow(/PM_PACT_EXAMPLE/);
  });

  it('refuse an unknown event, an unknown state, and a state that does not lead to the event', () => {
    expect(() => message('enreach', 'QueueCallInConnected')).toThrow(/PM_UNKNOWN_EVENT: unknown enreach event type "QueueCallInConnected"/);
    expect(() => enreachMessage('UserStatus', { state: 'a call exists' as never })).toThrow(/PM_PACT_STATE: unknown enreach provider state "a call exists"/);
    expect(() => mluviiMessage('SessionCreated', { state: MLUVII_STATES.EMAIL_THREAD })).toThrow(/does not send SessionCreated; valid values: a chat session was created/);
  });
});

describe('provider states', () => {
  it.each(['mluvii', 'enreach'] as const)('lead to every %s event, and only to events of the catalog', (provider) => {
    const events = new Set(listEvents(provider).map((e) => e.eventType));
    for (const e of events) expect(statesFor(provider, e).length, e).toBeGreaterThan(0);
    for (const s of providerStates(provider)) {
      expect(s.events.length, s.name).toBeGreaterThan(0);
      for (const e of s.events) expect(events.has(e)).toBe(true);
    }
  });

  it('name the built-in scenarios that play them', () => {
    expect(providerStates('enreach').find((s) => s.name === ENREACH_STATES.QUEUE_CALL_ANSWERED)?.scenario).toBe('queue-call-answered');
    expect(providerStates('mluvii').find((s) => s.name === MLUVII_STATES.SESSION_FORWARDED)?.scenario).toBe('forwarded-session');
  });
});
