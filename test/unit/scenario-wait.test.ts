import { describe, expect, it } from 'vitest';
import { ProviderMockError } from '../../contracts/errors.ts';
import { loadScenario, plan, type Scenario, type TimelineEntry } from '../../scenarios/index.ts';

/**
 * `wait:` and `parts:` (scenarios/README.md, "The world state"): sessions of a run share the
 * agents of one world state and wait for a free one; the outcome (an agent, the caller's patience,
 * the queue's overflow rule, its opening hours) decides the steps that follow.
 */

const sc = (yaml: string): Scenario => loadScenario(yaml, 'inline.yaml');
const body = (e: TimelineEntry): Record<string, unknown> => (e.provider === 'mluvii' ? (e.payload as { data: Record<string, unknown> }).data : (e.payload as Record<string, unknown>));
const all = (s: Scenario, seed = 1): TimelineEntry[] => [...plan(s, { seed })];
const steps = (t: readonly TimelineEntry[], instance?: number): string[] => t.filter((e) => instance === undefined || e.instance === instance).map((e) => e.step);

function fails(fn: () => unknown): ProviderMockError {
  try {
    fn();
  } catch (e) {
    if (e instanceof ProviderMockError) return e;
    throw e;
  }
  throw new Error('expected a ProviderMockError');
}

/** Enreach calls to a queue of exactly two serving agents: each answered call holds its agent until the hang-up. */
const calls = (sessions: number, wait: string, extra = '') => `provider: enreach
name: calls
description: test
world: { sizes: { users: 2, queues: 1 } }
sessions: ${sessions}
arrivals: { every: 0 }
context:
  QueueId: \${world.queues[0].id}
steps:
  - name: incoming
    event: QueueCallInComing
  - name: arrived
    event: QueueCallInArrived
  - name: offer
    wait:
${wait}
${extra}
  - name: allocated
    event: QueueCallInUserAllocated
  - name: connected
    event: QueueCallInUserConnected
    after: 5s
  - name: disconnected
    event: QueueCallInDisconnected
    after: 2m
`;

describe('wait: a free agent of the run', () => {
  it('gives each waiting call a free agent, one call per agent; a third call waits until one hangs up', () => {
    const t = all(sc(calls(3, '      queue: ${world.queues[0].id}')));
    const allocations = t.filter((e) => e.eventType === 'QueueCallInUserAllocated');
    expect(allocations).toHaveLength(3);
    const [a, b, c] = allocations as [TimelineEntry, TimelineEntry, TimelineEntry];
    expect(body(a)['UserId']).not.toBe(body(b)['UserId']);
    expect(a.at).toBe(0);
    expect(b.at).toBe(0);
    // The third caller gets the agent freed by the first hang-up, at that instant.
    const firstHangUp = t.find((e) => e.eventType === 'QueueCallInDisconnected') as TimelineEntry;
    expect(c.at).toBe(firstHangUp.at);
    expect(c.seq).toBeGreaterThan(firstHangUp.seq);
    expect(body(c)['UserId']).toBe(body(allocations.find((x) => body(x)['CallId'] === body(firstHangUp)['CallId']) as TimelineEntry)['UserId']);
  });

  it('ends a call whose caller gives up first with the abandoned steps, and none of the steps after the wait', () => {
    const t = all(sc(calls(3, '      patience: 30s', `    abandoned:
      - name: gaveUp
        event: QueueCallInDisconnected
        set:
          Reason: remote`)));
    expect(steps(t, 2)).toEqual(['incoming', 'arrived', 'gaveUp']);
    expect((t.find((e) => e.step === 'gaveUp') as TimelineEntry).at).toBe(30_000);
    expect(steps(t, 0)).toEqual(['incoming', 'arrived', 'allocated', 'connected', 'disconnected']);
  });

  it('overflows after overflowAfter, and at once when nobody of the queue is logged in', () => {
    const overflow = `    overflow:
      - name: overflowed
        event: QueueCallInOverflow`;
    const t = all(sc(calls(3, '      overflowAfter: 45s', overflow)));
    expect(steps(t, 2)).toEqual(['incoming', 'arrived', 'overflowed']);
    expect((t.find((e) => e.step === 'overflowed') as TimelineEntry).at).toBe(45_000);
    const offWork = all(sc(calls(1, '      overflowAfter: 45s', overflow).replace('world: { sizes: { users: 2, queues: 1 } }', 'world: { sizes: { users: 2, queues: 1 }, agents: offWork }')));
    expect(steps(offWork)).toEqual(['incoming', 'arrived', 'overflowed']);
    expect((offWork.at(-1) as TimelineEntry).at).toBe(0);
  });

  it('gives a call that asks for another agent one it has not had', () => {
    const t = all(
      sc(`provider: enreach
name: twice
description: test
world: { sizes: { users: 2, queues: 1 } }
context:
  QueueId: \${world.queues[0].id}
steps:
  - name: incoming
    event: QueueCallInComing
  - name: first
    wait: {}
  - name: offered
    event: QueueCallInUserAllocated
  - name: missed
    event: QueueCallInUserCancelled
    after: 20s
  - name: second
    wait: { another: true }
  - name: offeredAgain
    event: QueueCallInUserAllocated
    unset: [LegId]
`),
    );
    const [a, b] = t.filter((e) => e.eventType === 'QueueCallInUserAllocated') as [TimelineEntry, TimelineEntry];
    expect(body(b)['UserId']).not.toBe(body(a)['UserId']);
  });

  it('takes the closed branch when the queue is closed by its opening hours (queue 2: 08-16 Helsinki; the default start is 16:00)', () => {
    const yaml = (queue: number) => `provider: enreach
name: hours
description: test
context:
  QueueId: \${world.queues[${queue}].id}
steps:
  - name: incoming
    event: QueueCallInComing
  - name: hours
    wait: { for: open }
    closed:
      - name: closedMessage
        event: QueueCallInScheduleClosed
  - name: arrived
    event: QueueCallInArrived
`;
    expect(steps(all(sc(yaml(2))))).toEqual(['incoming', 'closedMessage']);
    expect(steps(all(sc(yaml(1))))).toEqual(['incoming', 'arrived']);
    const morning = [...plan(sc(yaml(2)), { seed: 1, startTime: Date.UTC(2024, 4, 6, 7) })];
    expect(steps(morning)).toEqual(['incoming', 'arrived']);
  });

  it('gives up the waits nothing can end: when the run has nothing left that frees an agent, they end abandoned', () => {
    const t = all(sc(calls(3, '      queue: ${world.queues[0].id}').replace('sessions: 3', 'sessions: 3').replace('after: 2m\n', 'after: 2m\n  - name: never\n    wait: { agent: nobody }\n')));
    // Each call waits for an agent that does not exist after its talk: the run still ends.
    expect(t.filter((e) => e.eventType === 'QueueCallInDisconnected')).toHaveLength(3);
  });

  it('mluvii: an operator serves up to three chats at once; the fourth waits until one is concluded', () => {
    const t = all(
      sc(`provider: mluvii
name: chats
description: test
world: { sizes: { operators: 1 } }
sessions: 4
arrivals: { every: 0 }
context:
  channel: Chat
  source: Default
steps:
  - name: created
    event: SessionCreated
  - name: routed
    wait: {}
  - name: joined
    event: SessionOperatorJoined
  - name: concluded
    event: SessionOperatorConcluded
    after: 3m
`),
    );
    const joins = t.filter((e) => e.eventType === 'SessionOperatorJoined');
    expect(joins.map((e) => e.at)).toEqual([0, 0, 0, 180_000]);
    const concluded = t.find((e) => e.eventType === 'SessionOperatorConcluded') as TimelineEntry;
    expect((joins[3] as TimelineEntry).seq).toBeGreaterThan(concluded.seq);
  });

  it('plans the same waits for the same seed', () => {
    const s = sc(calls(5, '      patience: { exp: 1m }', `    abandoned:
      - name: gaveUp
        event: QueueCallInDisconnected`));
    expect(JSON.stringify(all(s, 4))).toBe(JSON.stringify(all(s, 4)));
  });
});

describe('parts: several populations over one world', () => {
  it('plans each part as its own scenario (<name>/<part>, steps named <part>.<step>) over one shared world state', () => {
    const t = all(
      sc(`provider: enreach
name: day
description: test
world: { sizes: { users: 1, queues: 1 }, agents: offWork }
context:
  QueueId: \${world.queues[0].id}
parts:
  - name: shift
    context:
      UserId: \${world.users[0].id}
    steps:
      - name: checkIn
        event: UserAvailability
        after: 1m
        context:
          ProfileId: \${world.availabilityProfiles[0].id}
  - name: calls
    sessions: 2
    arrivals: { every: 10s }
    steps:
      - name: incoming
        event: QueueCallInComing
      - name: offer
        wait: {}
      - name: allocated
        event: QueueCallInUserAllocated
`),
    );
    expect(new Set(t.map((e) => e.scenario))).toEqual(new Set(['day/shift', 'day/calls']));
    expect(t.find((e) => e.eventType === 'UserAvailability')?.step).toBe('shift.checkIn');
    // The calls wait for the agent to log in (the run starts with everyone off work).
    const allocated = t.filter((e) => e.eventType === 'QueueCallInUserAllocated');
    expect(allocated).toHaveLength(1);
    expect((allocated[0] as TimelineEntry).at).toBe(60_000);
  });
});

describe('bad waits and parts', () => {
  it('refuses a wait inside a parallel branch, naming where', () => {
    const e = fails(() =>
      sc(`provider: enreach
name: x
description: test
steps:
  - parallel:
      - steps:
          - name: w
            wait: {}
`),
    );
    expect(e.code).toBe('PM_SCENARIO_BAD_VALUE');
    expect(e.message).toMatch(/inline\.yaml:8:13: a wait cannot be inside a parallel branch/);
  });

  it('refuses overflowAfter without overflow steps, and for: open without closed steps', () => {
    expect(fails(() => sc('provider: enreach\nname: x\ndescription: t\nsteps:\n  - name: w\n    wait: { overflowAfter: 30s }\n')).message).toMatch(/inline\.yaml:6:.*overflowAfter needs overflow: steps/);
    expect(fails(() => sc('provider: enreach\nname: x\ndescription: t\nsteps:\n  - name: w\n    wait: { for: open }\n')).message).toMatch(/needs closed: steps/);
  });

  it('names an unknown wait key with did you mean, and a scenario with both steps and parts', () => {
    const e = fails(() => sc('provider: enreach\nname: x\ndescription: t\nsteps:\n  - name: w\n    wait: { patiense: 30s }\n'));
    expect(e.message).toMatch(/unknown key "patiense".*did you mean "patience"/);
    const both = fails(() => sc('provider: enreach\nname: x\ndescription: t\nsteps:\n  - name: a\n    event: QueueStatus\nparts:\n  - name: p\n    steps:\n      - name: b\n        event: QueueStatus\n'));
    expect(both.message).toMatch(/a scenario has steps or parts, not both/);
    const neither = fails(() => sc('provider: enreach\nname: x\ndescription: t\n'));
    expect(neither.message).toMatch(/missing the required key "steps"/);
  });
});
