import { afterEach, describe, expect, it, vi } from 'vitest';
import { GUID, ProviderMockError, listEvents, validate } from '../../contracts/index.ts';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { INTERNAL_CONTEXT_KEYS } from '../../generators/context-keys.ts';
import {
  applyOverrides,
  contextKeys,
  createContext,
  createWorld,
  formatTime,
  generate,
  parseOverride,
  type EnreachWorld,
  type MluviiWorld,
} from '../../generators/index.ts';

type Envelope = { eventType: string; data: Record<string, unknown> };
type Body = Record<string, unknown>;

const mluvii = (eventType: string, options: Parameters<typeof generate>[2] = {}): Envelope => generate('mluvii', eventType, options) as Envelope;
const enreach = (eventType: string, options: Parameters<typeof generate>[2] = {}): Body => generate('enreach', eventType, options) as Body;

function thrown(fn: () => unknown): ProviderMockError {
  try {
    fn();
  } catch (e) {
    if (e instanceof ProviderMockError) return e;
    throw e;
  }
  throw new Error('expected a ProviderMockError');
}

describe('determinism', () => {
  it('gives byte-identical JSON for the same seed, for every event type', () => {
    for (const e of listEvents()) {
      const a = JSON.stringify(generate(e.provider, e.eventType, { seed: 42 }));
      const b = JSON.stringify(generate(e.provider, e.eventType, { seed: 42 }));
      expect(a, `${e.provider} ${e.eventType}`).toBe(b);
    }
  });

  it('gives the same bytes for the same sequence replayed with a fresh context and world', () => {
    const run = (): string => {
      const world = createWorld('enreach', { seed: 9 });
      const context = createContext('enreach');
      return ['QueueCallInComing', 'QueueCallInArrived', 'QueueCallInUserAllocated'].map((e, i) => JSON.stringify(generate('enreach', e, { seed: i, world, context }))).join('\n');
    };
    expect(run()).toBe(run());
  });

  it('hashes string seeds: the same text gives the same payload, other text another', () => {
    expect(JSON.stringify(mluvii('SessionCreated', { seed: 'ci-run' }))).toBe(JSON.stringify(mluvii('SessionCreated', { seed: 'ci-run' })));
    expect(mluvii('SessionCreated', { seed: 'ci-run' }).data['id']).not.toBe(mluvii('SessionCreated', { seed: 'ci-run-2' }).data['id']);
  });

  it('gives different ids for different seeds', () => {
    const sessionIds = new Set(Array.from({ length: 50 }, (_, seed) => mluvii('SessionCreated', { seed }).data['id']));
    const ids = new Set(Array.from({ length: 50 }, (_, seed) => enreach('QueueCallInComing', { seed })['Id']));
    const callIds = new Set(Array.from({ length: 50 }, (_, seed) => enreach('QueueCallInComing', { seed })['CallId']));
    expect(sessionIds.size).toBe(50);
    expect(ids.size).toBe(50);
    expect(callIds.size).toBe(50);
  });

  it('never reads the clock or Math.random', () => {
    const random = vi.spyOn(Math, 'random').mockImplementation(() => {
      throw new Error('Math.random called');
    });
    const now = vi.spyOn(Date, 'now').mockImplementation(() => {
      throw new Error('Date.now called');
    });
    try {
      createWorld('mluvii', { seed: 77 });
      createWorld('enreach', { seed: 77 });
      for (const e of listEvents()) generate(e.provider, e.eventType, { seed: 5 });
      expect(random).not.toHaveBeenCalled();
      expect(now).not.toHaveBeenCalled();
    } finally {
      random.mockRestore();
      now.mockRestore();
    }
  });
});

describe('a mluvii chat session shares one context', () => {
  it('keeps the session, tenant and operator, and numbers activities upwards', () => {
    const world = createWorld('mluvii', { seed: 3 }) as MluviiWorld;
    const context = createContext('mluvii');
    const t0 = Date.UTC(2024, 4, 6, 13, 31, 14);
    const steps = [
      'SessionCreated',
      'SessionStarted',
      'SessionOperatorJoined',
      'SessionActivityChatMessage',
      'SessionActivityChatMessage',
      'SessionActivityChatMessage',
      'SessionEnded',
      'SessionOperatorLeft',
    ];
    const events = steps.map((e, i) => mluvii(e, { seed: i, world, context, time: t0 + i * 20_000 }));
    for (const ev of events) expect(validate(ev).valid).toBe(true);

    const sessionIds = events.map((ev) => ev.data['id'] ?? ev.data['sessionId']);
    expect(new Set(sessionIds).size).toBe(1);
    expect(new Set(events.filter((ev) => 'tenantId' in ev.data).map((ev) => ev.data['tenantId'])).size).toBe(1);

    const operatorId = events[2]?.data['userId'];
    expect(world.operators.some((o) => o.id === operatorId)).toBe(true);
    expect(events[7]?.data['userId']).toBe(operatorId);
    for (const chat of events.slice(3, 6)) if (chat.data['client'] === 'User') expect(chat.data['userId']).toBe(operatorId);

    const activityIds = events.slice(3, 6).map((ev) => ev.data['activityId'] as number);
    expect(activityIds[1]).toBeGreaterThan(activityIds[0] as number);
    expect(activityIds[2]).toBeGreaterThan(activityIds[1] as number);

    // SessionEnded reports the start SessionStarted announced.
    expect(events[6]?.data['started']).toBe(events[1]?.data['started']);
    // Channel and source agree across the session.
    expect(new Set(events.filter((ev) => 'channel' in ev.data).map((ev) => `${String(ev.data['channel'])}/${String(ev.data['source'])}`)).size).toBe(1);
    expect(context).toMatchObject({ provider: 'mluvii', sessionId: sessionIds[0], userId: operatorId, activityId: activityIds[2] });
    expect(JSON.parse(JSON.stringify(context))).toEqual(context);
  });

  it('uses what a scenario put in the context', () => {
    const context = createContext('mluvii', { sessionId: 7383798, tenantId: 62, userId: 2710, activityId: 50899287 });
    const ev = mluvii('SessionActivitySessionForwarded', { context });
    expect(ev.data).toMatchObject({ sessionId: 7383798, activityId: 50899288, userId: 2710 });
    const ended = mluvii('SessionActivitySessionEnded', { context });
    expect(ended.data['activityId']).toBeGreaterThan(50899288);
  });
});

describe('an Enreach queue call shares one context', () => {
  it('keeps CallId, QueueId and the agent, with a new Id per event', () => {
    const world = createWorld('enreach', { seed: 4 }) as EnreachWorld;
    const context = createContext('enreach');
    const steps = ['QueueCallInComing', 'QueueCallInArrived', 'QueueCallInUserAllocated', 'QueueCallInUserConnected', 'QueueCallInDisconnected', 'UserWrapUpStarted'];
    const t0 = Date.UTC(2024, 4, 2, 8, 0, 0);
    const events = steps.map((e, i) => enreach(e, { seed: 1, world, context, time: t0 + i * 15_000 }));
    for (const ev of events) expect(validate(ev).valid).toBe(true);

    expect(new Set(events.map((ev) => ev['CallId'])).size).toBe(1);
    expect(new Set(events.map((ev) => ev['QueueId'])).size).toBe(1);
    expect(new Set(events.map((ev) => ev['Id'])).size).toBe(events.length);

    const queue = world.queues.find((q) => q.id === events[0]?.['QueueId']);
    expect(queue).toBeDefined();
    expect(events[0]?.['QueueName']).toBe(queue?.name);
    expect(events[0]?.['QueueNumber']).toBe(queue?.number);
    expect(events[0]?.['TargetNumber']).toBe(queue?.number);

    const userId = events[2]?.['UserId'];
    const user = world.users.find((u) => u.id === userId);
    expect(user).toBeDefined();
    expect(queue?.members.some((m) => m.userId === userId)).toBe(true);
    expect(events[2]?.['UserName']).toBe(user?.userName);
    expect(events[3]).toMatchObject({ UserId: userId, UserName: user?.userName, UserNumber: user?.number });
    expect(events[5]?.['UserId']).toBe(userId);
    expect(events[5]?.['EntityId']).toBe(userId);
    expect(events[0]?.['EntityId']).toBe(queue?.id);
    expect(new Set(events.map((ev) => ev['CallerNumber']).filter(Boolean)).size).toBe(1);
    expect(events[5]?.['MaxWrapUpDurationSec']).toBe(queue?.maxWrapUpDurationSec);
    expect(context).toMatchObject({ CallId: events[0]?.['CallId'], QueueId: queue?.id, UserId: userId });
  });

  it('ends wrap-up within MaxWrapUpDurationSec', () => {
    for (let seed = 0; seed < 50; seed++) {
      const context = createContext('enreach');
      const started = enreach('UserWrapUpStarted', { seed, context });
      const ended = enreach('UserWrapUpTerminated', { seed, context });
      expect(ended['ElapsedTimeSec']).toBeLessThanOrEqual(started['MaxWrapUpDurationSec'] as number);
      expect(ended['Reason'] === 'timer' ? ended['ElapsedTimeSec'] : 0).toBe(ended['Reason'] === 'timer' ? started['MaxWrapUpDurationSec'] : 0);
      expect(['manual', 'timer']).toContain(ended['Reason']);
    }
  });

  it('makes queue metrics that add up', () => {
    for (let seed = 0; seed < 100; seed++) {
      const m = enreach('QueueDailyCallMetrics', { seed }) as Record<string, number>;
      expect(m['InboundAnsweredCalls']).toBeLessThanOrEqual(m['InboundTotalCalls'] as number);
      expect((m['InboundAnsweredCalls'] ?? 0) + (m['InboundRejectedCalls'] ?? 0) + (m['InboundServiceClosedCalls'] ?? 0) + (m['InboundQueueTransfers'] ?? 0)).toBe(m['InboundTotalCalls']);
      expect((m['OutboundAnsweredCalls'] ?? 0) + (m['OutboundRejectedCalls'] ?? 0)).toBe(m['OutboundTotalCalls']);
      const s = enreach('QueueStatus', { seed }) as Record<string, number>;
      expect(s['NbrOfRequesters']).toBe((s['NbrOfQueuingRequesters'] ?? 0) + (s['NbrOfAllocated'] ?? 0) + (s['NbrOfConnected'] ?? 0));
      expect(s['NbrOfAgentsCheckedInQueue']).toBeLessThanOrEqual(s['NbrOfProviders'] as number);
      const c = enreach('CallbackListStatus', { seed }) as Record<string, number>;
      expect((c['TotalAssigned'] ?? 0) + (c['TotalHidingNotBefore'] ?? 0) + (c['TotalFreeForAllocation'] ?? 0)).toBe(c['TotalOpenRequests']);
    }
  });

  it('uses the documented closed sets: Availability, AllocationType, Reason', () => {
    const seen = { availability: new Set<unknown>(), allocation: new Set<unknown>(), reason: new Set<unknown>() };
    for (let seed = 0; seed < 100; seed++) {
      const a = enreach('UserAvailability', { seed });
      seen.availability.add(a['Availability']);
      if (a['Availability'] === 'Available') expect(a['EndTime']).toBe('9999-12-31T23:59:59.9999999');
      seen.allocation.add(enreach('UserCallAllocationResponse', { seed })['AllocationType']);
      seen.reason.add(enreach('QueueCallInDisconnected', { seed })['Reason']);
    }
    expect([...seen.availability].every((v) => ['Available', 'Busy', 'DoNotDisturb', 'OffWork', 'BRB', 'Away'].includes(v as string))).toBe(true);
    expect([...seen.allocation].sort()).toEqual(['agentunavailable', 'allocated', 'nocalls']);
    expect([...seen.reason].sort()).toEqual(['local', 'remote']);
  });
});

describe('overrides', () => {
  it('applies a value by JSON path, last', () => {
    expect(mluvii('SessionOperatorJoined', { seed: 1, overrides: { 'data.userId': 2710 } }).data['userId']).toBe(2710);
    expect(enreach('QueueCallInComing', { seed: 1, overrides: { CallerNumber: '+358401234567' } })['CallerNumber']).toBe('+358401234567');
    const cb = enreach('CallbackChanged', { seed: 1, overrides: { CallbackAttempts: [], 'CallbackAttempts[0]': { Id: '8ad90deb-13ea-4d35-9cf0-030963fc87d7', UserId: null, Timestamp: null, CallbackAttemptTypeId: null, Note: 'x', RecordingId: null, CallId: null }, 'CallbackAttempts[0].Note': 'Ei vastannut' } });
    expect((cb['CallbackAttempts'] as { Note: string }[])[0]?.Note).toBe('Ei vastannut');
  });

  it('lets derived values and later events follow an overridden id', () => {
    const world = createWorld('enreach') as EnreachWorld;
    const agent = world.users[3];
    const context = createContext('enreach');
    const a = enreach('QueueCallInUserAllocated', { seed: 1, world, context, overrides: { UserId: agent?.id } });
    expect(a['UserName']).toBe(agent?.userName);
    expect(enreach('QueueCallInUserConnected', { seed: 2, world, context })['UserId']).toBe(agent?.id);
    const m = createContext('mluvii');
    mluvii('SessionActivityChatMessage', { context: m, overrides: { 'data.activityId': 100 } });
    expect(mluvii('SessionActivityChatMessage', { context: m }).data['activityId']).toBeGreaterThan(100);
  });

  it('leaves the context as it was when the call throws, so the sequence goes on as if it had not happened', () => {
    for (const [provider, first, failing, bad] of [
      ['enreach', 'QueueCallInComing', 'QueueCallInUserConnected', { QueueName: 7 }],
      ['mluvii', 'SessionCreated', 'SessionActivityChatMessage', { 'data.text': 7 }],
    ] as const) {
      const context = createContext(provider);
      const clean = createContext(provider);
      generate(provider, first, { seed: 1, context });
      generate(provider, first, { seed: 1, context: clean });
      const before = JSON.stringify(context);
      // The failing event first makes call or activity ids (written to the context), then its override breaks the schema.
      expect(thrown(() => generate(provider, failing, { seed: 2, context, overrides: bad })).code).toBe('PM_BAD_OVERRIDE');
      expect(JSON.stringify(context), provider).toBe(before);
      expect(JSON.stringify(generate(provider, failing, { seed: 2, context }))).toBe(JSON.stringify(generate(provider, failing, { seed: 2, context: clean })));
      expect(JSON.stringify(context)).toBe(JSON.stringify(clean));
      // A context of a few keys (saved whole rather than journaled), also one with an undefined value.
      const fresh = createContext(provider, { seq: 3, x: undefined });
      expect(thrown(() => generate(provider, failing, { seed: 2, context: fresh, overrides: bad })).code).toBe('PM_BAD_OVERRIDE');
      expect(Object.entries(fresh)).toEqual([['seq', 3], ['x', undefined], ['provider', provider]]);
    }
  });

  it('refuses a wrong type, naming the path and the reason', () => {
    const e = thrown(() => mluvii('SessionOperatorJoined', { overrides: { 'data.userId': 'abc' } }));
    expect(e.code).toBe('PM_BAD_OVERRIDE');
    expect(e.where).toBe('data.userId');
    expect(e.message).toMatch(/must be integer \(got string "abc"\)/);
  });

  it('refuses an unknown enum member with the valid ones', () => {
    const e = thrown(() => mluvii('SessionCreated', { overrides: { 'data.channel': 'Fax' } }));
    expect(e.where).toBe('data.channel');
    expect(e.message).toMatch(/must be one of "Chat", "AV", "Phone"/);
  });

  it('refuses an unknown path into a closed object', () => {
    const e = thrown(() => enreach('QueueCallInComing', { overrides: { Foo: 1 } }));
    expect(e.where).toBe('Foo');
    expect(e.message).toMatch(/unknown property/);
    const typo = thrown(() => enreach('QueueCallInComing', { overrides: { CallerNumbr: '+358401234567' } }));
    expect(typo.where).toBe('CallerNumbr');
    expect(typo.message).toMatch(/did you mean [^?]*"CallerNumber"/);
    expect(typo.message).toMatch(/expected one of the properties RootEntityType, .*CallerNumber/);
    const deep = thrown(() => enreach('QueueCallInComing', { overrides: { 'CallId.x': 1 } }));
    expect(deep.code).toBe('PM_BAD_OVERRIDE');
    expect(deep.message).toMatch(/\$\.CallId is a string/);
  });

  it('refuses a path that does not fit the payload, saying what is there', () => {
    const hero = (path: string): ProviderMockError => thrown(() => mluvii('SessionActivityHeroCard', { overrides: { [path]: 'x' } }));
    expect(hero('data.heroCard.label')).toMatchObject({ code: 'PM_BAD_OVERRIDE', where: 'data.heroCard.label' });
    expect(hero('data.heroCard.label').message).toMatch(/\$\.data\.heroCard is an array: use an \[index\], not \.label/);
    expect(hero('data.heroCard[99].label').message).toMatch(/index 99 is out of range: \$\.data\.heroCard has \d+ item\(s\), so use 0 to \d+/);
    expect(hero('data.sessionId[0]').message).toMatch(/\$\.data\.sessionId is a number; nothing can be set inside it/);
    expect(hero('data.heroCard[0').message).toMatch(/bad override path: unclosed \[/);
    expect(thrown(() => mluvii('SessionCreated', { time: Number.NaN }))).toMatchObject({ code: 'PM_BAD_TIME', where: 'generate(options.time)' });
  });

  it('does not touch the context when an override is refused', () => {
    const context = createContext('mluvii');
    thrown(() => mluvii('SessionOperatorJoined', { context, overrides: { 'data.userId': 'abc' } }));
    expect(context).toEqual({ provider: 'mluvii' });
  });

  it('lets a schema-breaking override through only with validate: false (negative tests)', () => {
    expect(mluvii('SessionCreated', { validate: false, overrides: { 'data.channel': 'Fax' } }).data['channel']).toBe('Fax');
  });

  it('parses path=value with JSON values, else text', () => {
    expect(parseOverride('data.userId=2710')).toEqual(['data.userId', 2710]);
    expect(parseOverride('CallerNumber=+358401234567')).toEqual(['CallerNumber', '+358401234567']);
    expect(parseOverride('data.text=Dobrý den')).toEqual(['data.text', 'Dobrý den']);
    expect(parseOverride('data.x="2710"')).toEqual(['data.x', '2710']);
    expect(parseOverride('data.x=null')).toEqual(['data.x', null]);
    expect(parseOverride('a=b=c')).toEqual(['a', 'b=c']);
    expect(thrown(() => parseOverride('nope')).code).toBe('PM_BAD_OVERRIDE');
    expect(thrown(() => parseOverride('=1')).code).toBe('PM_BAD_OVERRIDE');
    expect(thrown(() => parseOverride('a..b=1')).code).toBe('PM_BAD_OVERRIDE');
    expect(thrown(() => parseOverride('a[x]=1')).code).toBe('PM_BAD_OVERRIDE');
  });

  it('applyOverrides copies: the input payload is unchanged', () => {
    const p = { data: { params: { a: '1' } } };
    const q = applyOverrides(p, { 'data.params["číslo ŘP"]': '147852369' });
    expect(q).toEqual({ data: { params: { a: '1', 'číslo ŘP': '147852369' } } });
    expect(p).toEqual({ data: { params: { a: '1' } } });
  });
});

describe('worlds', () => {
  it('have the configured sizes', () => {
    const m = createWorld('mluvii', { seed: 2, sizes: { tenants: 2, operators: 30, operatorGroups: 3, chatbots: 1, guests: 10, campaigns: 2, forms: 3 } }) as MluviiWorld;
    expect(m.tenants).toHaveLength(2);
    expect(m.operators).toHaveLength(30);
    expect(m.operatorGroups).toHaveLength(6);
    expect(m.chatbots).toHaveLength(2);
    expect(m.guests).toHaveLength(10);
    expect(m.campaigns).toHaveLength(2);
    expect(m.forms.filter((f) => f.kind === 'heroCard')).toHaveLength(3);
    expect(new Set(m.operators.map((o) => o.id)).size).toBe(30);
    const e = createWorld('enreach', { seed: 2, sizes: { users: 40, queues: 7, callLists: 2, securityGroups: 3 } }) as EnreachWorld;
    expect(e.users).toHaveLength(40);
    expect(e.queues).toHaveLength(7);
    expect(e.callLists).toHaveLength(2);
    expect(e.securityGroups).toHaveLength(3);
    expect(e.users.every((u) => u.queueIds.length > 0)).toBe(true);
  });

  it('refuses impossible sizes', () => {
    expect(thrown(() => createWorld('mluvii', { sizes: { operators: 0 } })).where).toBe('sizes.operators');
    expect(thrown(() => createWorld('enreach', { sizes: { users: 1.5 } })).code).toBe('PM_BAD_WORLD_SIZE');
  });

  it('is the same world for the same seed, another for another seed', () => {
    expect(JSON.stringify(createWorld('enreach', { seed: 5 }))).toBe(JSON.stringify(createWorld('enreach', { seed: 5 })));
    expect(JSON.stringify(createWorld('enreach', { seed: 5 }))).not.toBe(JSON.stringify(createWorld('enreach', { seed: 6 })));
  });

  it('gives mluvii Czech operators', () => {
    const m = createWorld('mluvii', { seed: 11, sizes: { operators: 60 } }) as MluviiWorld;
    const names = m.operators.map((o) => o.fullName).join(' ');
    expect(names).toMatch(/[áčďéěíňóřšťúůýž]/i);
    expect(m.operators.filter((o) => o.lastName.endsWith('ová')).length).toBeGreaterThan(3);
    for (const o of m.operators) expect(o.email).toMatch(/^[a-z0-9.]+@[a-z0-9]+\.cz$/);
  });

  it('gives Enreach first.last@company.example users and Finnish E.164 numbers', () => {
    const e = createWorld('enreach', { seed: 11 }) as EnreachWorld;
    for (const u of e.users) {
      expect(u.userName).toMatch(/^[a-z]+\.[a-z-]+\d*@[a-z]+\.example$/);
      expect(u.number).toMatch(/^\+358(4\d|50)\d{7}$/);
      expect(u.id).toMatch(GUID);
    }
    for (const q of e.queues) expect(q.number).toMatch(/^\+358\d{7,10}$/);
    const callers = Array.from({ length: 200 }, (_, seed) => enreach('QueueCallInComing', { seed })['CallerNumber'] as string);
    expect(callers.every((n) => /^\+\d{9,15}$/.test(n))).toBe(true);
    expect(callers.filter((n) => n.startsWith('+358')).length).toBeGreaterThan(170);
  });

  it('refuses a world or context of the other provider', () => {
    expect(thrown(() => generate('mluvii', 'SessionCreated', { world: createWorld('enreach') })).code).toBe('PM_WORLD_PROVIDER');
    expect(thrown(() => generate('mluvii', 'SessionCreated', { context: createContext('enreach') })).code).toBe('PM_CONTEXT_PROVIDER');
  });
});

describe('events', () => {
  it('answers an unknown event type with "did you mean"', () => {
    const e = thrown(() => generate('mluvii', 'SessionCreatd'));
    expect(e.code).toBe('PM_UNKNOWN_EVENT');
    expect(e.message).toMatch(/did you mean "SessionCreated"/);
  });

  it('fills mluvii activities per type: Czech chat, HeroCard forms, file objects, termination reasons', () => {
    const texts = Array.from({ length: 30 }, (_, seed) => mluvii('SessionActivityChatMessage', { seed }).data['text'] as string);
    expect(texts.join(' ')).toMatch(/[áčéěířšúůýž]/);
    const hero = mluvii('SessionActivityHeroCard', { seed: 1 }).data;
    expect(Array.isArray(hero['heroCard'])).toBe(true);
    expect(hero['formFieldSetUUID']).toMatch(GUID);
    const file = mluvii('SessionActivitySharedFile', { seed: 1 }).data['file'] as Record<string, unknown>;
    expect(Object.keys(file)).toEqual(['id', 'operatorOwner', 'departmentOwner', 'name', 'downloadUrl', 'isUploading', 'isDeleted']);
    const ended = mluvii('SessionActivitySessionEnded', { seed: 1 }).data;
    expect(ended['terminationReason']).toEqual(expect.any(String));
    const fwd = mluvii('SessionActivitySessionForwarded', { seed: 2 }).data;
    expect([fwd['toOperatorUserId'], fwd['toGroupId'], fwd['toPhoneNumber']].filter((v) => v !== null)).toHaveLength(1);
  });

  it('forwards to the kind of target the context presets (forwardTarget), in all three forward events', () => {
    for (let seed = 0; seed < 40; seed++) {
      const toGroup = { context: createContext('mluvii', { forwardTarget: 'group' }), seed };
      const act = mluvii('SessionActivitySessionForwarded', toGroup).data;
      const fwd = mluvii('SessionForwarded', toGroup).data;
      const mail = mluvii('EmailThreadForwarded', toGroup).data;
      expect([act['toGroupId'], act['toOperatorUserId'], act['toPhoneNumber']], `seed ${seed}`).toEqual([expect.any(Number), null, null]);
      // Both session events name the same group (the context keeps it as toGroupId).
      expect([fwd['operatorGroupId'], fwd['userId'], fwd['chatbotId']], `seed ${seed}`).toEqual([act['toGroupId'], null, null]);
      expect([mail['operatorGroupId'], mail['userId']], `seed ${seed}`).toEqual([act['toGroupId'], null]);
      const toOperator = { context: createContext('mluvii', { forwardTarget: 'operator' }), seed };
      expect(mluvii('SessionForwarded', toOperator).data).toMatchObject({ userId: expect.any(Number), operatorGroupId: null, chatbotId: null });
      expect(mluvii('SessionActivitySessionForwarded', toOperator).data).toMatchObject({ toOperatorUserId: expect.any(Number), toGroupId: null, toPhoneNumber: null });
    }
  });

  it('submits the HeroCard form the context shows', () => {
    const world = createWorld('mluvii') as MluviiWorld;
    const context = createContext('mluvii');
    const card = mluvii('SessionActivityHeroCard', { world, context, seed: 1 }).data;
    const sub = mluvii('SessionActivityHeroCardSubmission', { world, context, seed: 4 }).data;
    const form = world.forms.find((f) => f.uuid === card['formFieldSetUUID']);
    expect(sub['originalFormID']).toBe(form?.id);
    if (sub['params']) for (const k of Object.keys(sub['params'])) expect(form?.fields.some((f) => f.key === k)).toBe(true);
  });

  it('pairs a Phone channel with a call source', () => {
    for (let seed = 0; seed < 60; seed++) {
      const d = mluvii('SessionCreated', { seed }).data;
      if (d['channel'] === 'Phone') expect(['IncomingCall', 'OutgoingCall', 'Callback', 'Campaign']).toContain(d['source']);
      else expect(['IncomingCall', 'OutgoingCall', 'Campaign']).not.toContain(d['source']);
    }
  });

  it('puts recording paths and transcript ids where the event carries them', () => {
    const context = createContext('enreach');
    const rec = enreach('QueueUserCallRecorded', { context });
    expect(rec['RecordedFilePath']).toMatch(new RegExp(`${String(rec['CallId'])}.*\\.wav$`));
    const tr = enreach('QueueCallTranscribed', { context });
    expect(tr['CallId']).toBe(rec['CallId']);
    expect(tr['TranscriptId']).toMatch(GUID);
  });
});

describe('time formats', () => {
  afterEach(() => vi.restoreAllMocks());

  it('switches the mluvii offset on the EU summer-time dates', () => {
    expect(formatTime('mluvii', Date.UTC(2024, 2, 31, 0, 59, 59))).toMatch(/^2024-03-31T01:59:59(\.\d+)?\+01:00$/);
    expect(formatTime('mluvii', Date.UTC(2024, 2, 31, 1, 0, 0))).toMatch(/^2024-03-31T03:00:00(\.\d+)?\+02:00$/);
    expect(formatTime('mluvii', Date.UTC(2024, 9, 27, 0, 59, 59))).toMatch(/^2024-10-27T02:59:59(\.\d+)?\+02:00$/);
    expect(formatTime('mluvii', Date.UTC(2024, 9, 27, 1, 0, 0))).toMatch(/^2024-10-27T02:00:00(\.\d+)?\+01:00$/);
    expect(formatTime('mluvii', Date.UTC(2025, 2, 30, 1, 0, 0))).toMatch(/\+02:00$/);
  });

  it('shows the fraction-digit variety of the docs and never trailing zeros', () => {
    const digits = (s: string): number => /\.(\d+)/.exec(s)?.[1]?.length ?? 0;
    const mluviiDigits = new Set<number>();
    const enreachDigits = new Set<number>();
    for (let i = 0; i < 2000; i++) {
      const ms = Date.UTC(2024, 4, 6) + i * 7919;
      const m = formatTime('mluvii', ms);
      const e = formatTime('enreach', ms);
      expect(m).not.toMatch(/0[+]/);
      expect(e).not.toMatch(/\.\d*0Z$/);
      mluviiDigits.add(digits(m));
      enreachDigits.add(digits(e));
      // Whole seconds print without a fraction now and then; a shorter form never drops milliseconds.
      enreachDigits.add(digits(formatTime('enreach', Date.UTC(2024, 4, 6) + i * 1000)));
    }
    expect([...mluviiDigits]).toEqual(expect.arrayContaining([6, 5, 3]));
    expect([...enreachDigits]).toEqual(expect.arrayContaining([0, 3, 7]));
    expect(formatTime('enreach', Date.UTC(2020, 0, 1, 12), 'datetime')).not.toMatch(/Z$/);
    // Printed times keep the order of the instants, so a receiver sorting by Timestamp is right.
    for (let i = 0; i < 500; i++) {
      const a = Date.UTC(2024, 4, 6) + i * 137;
      expect(Date.parse(formatTime('enreach', a + 1))).toBeGreaterThanOrEqual(Date.parse(formatTime('enreach', a)));
    }
    // E-mail threads carry whole seconds, like the doc's 2024-05-09T14:40:38+02:00.
    expect(mluvii('EmailThreadCreated', { time: Date.UTC(2024, 4, 9, 12, 40, 38, 512) }).data['created']).toBe('2024-05-09T14:40:38+02:00');
  });
});

describe('context keys (contextKeys(provider): what a scenario may name in context:, unset:, ${context.…})', () => {
  const ROOT = new URL('../..', import.meta.url);
  const readme = readFileSync(new URL('generators/README.md', ROOT), 'utf8');
  /** The README's context table of one provider: the `key` cells between its heading and the next. */
  const documented = (provider: 'mluvii' | 'enreach'): Set<string> => {
    const section = readme.split(/^### /m).find((x) => x.toLowerCase().startsWith(provider)) ?? '';
    return new Set([...section.matchAll(/^\| ([^|]+) \|/gm)].flatMap((m) => [...(m[1] ?? '').matchAll(/`(\w+)`/g)].map((k) => k[1] ?? '')));
  };
  const source = (provider: string): string => {
    const dir = new URL(`generators/${provider}/`, ROOT);
    return readdirSync(dir).map((f) => readFileSync(join(dir.pathname, f), 'utf8')).join('\n');
  };

  it.each(['mluvii', 'enreach'] as const)('%s: every key a generated sequence keeps is listed, and every listed key is documented and read by the code', (provider) => {
    const listed = new Set(contextKeys(provider));
    const kept = new Set<string>();
    const world = createWorld(provider);
    for (let seed = 0; seed < 20; seed++) {
      const context = createContext(provider);
      for (const e of listEvents(provider)) generate(provider, e.eventType, { seed, world, context });
      for (const k of Object.keys(context)) kept.add(k);
    }
    expect([...kept].filter((k) => !listed.has(k) && !(INTERNAL_CONTEXT_KEYS as readonly string[]).includes(k))).toEqual([]);
    const docs = documented(provider);
    expect([...listed].filter((k) => !docs.has(k))).toEqual([]);
    const code = source(provider);
    expect([...listed].filter((k) => !code.includes(`'${k}'`))).toEqual([]);
  });
});
