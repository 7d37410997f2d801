import { describe, expect, it } from 'vitest';
import { validate } from '../../contracts/index.ts';
import { formatOffset, parseDuration, sample } from '../../scenarios/engine/duration.ts';
import { loadYaml } from '../../scenarios/engine/load.ts';
import { createRng, deriveSeed } from '../../scenarios/engine/rng.ts';
import { createWorld, type EnreachWorld } from '../../generators/index.ts';
import { DEFAULT_START, loadScenario, plan, type Scenario, type TimelineEntry } from '../../scenarios/index.ts';

/** The engine with the real generators, on scenarios written inline (loadScenario is pure). */

const head = (provider: string, extra = ''): string => `provider: ${provider}\nname: t\ndescription: test\n${extra}`;
const sc = (yaml: string, opts: Parameters<typeof loadScenario>[2] = {}): Scenario => loadScenario(yaml, 'inline.yaml', opts);
const body = (e: TimelineEntry): Record<string, unknown> => (e.provider === 'mluvii' ? (e.payload as { data: Record<string, unknown> }).data : (e.payload as Record<string, unknown>));
const all = (s: Scenario, seed: number | string = 1): TimelineEntry[] => [...plan(s, { seed })];

describe('timing', () => {
  it('reads fixed delays, ranges and distributions', () => {
    expect(parseDuration('20s', 'x')).toEqual({ kind: 'fixed', ms: 20_000 });
    expect(parseDuration('1.5m', 'x')).toEqual({ kind: 'fixed', ms: 90_000 });
    expect(parseDuration('500ms', 'x')).toEqual({ kind: 'fixed', ms: 500 });
    expect(parseDuration('2h', 'x')).toEqual({ kind: 'fixed', ms: 7_200_000 });
    expect(parseDuration(0, 'x')).toEqual({ kind: 'fixed', ms: 0 });
    expect(parseDuration('5s..60s', 'x')).toEqual({ kind: 'uniform', min: 5000, max: 60_000 });
    expect(parseDuration({ exp: '30s', max: '2m' }, 'x')).toEqual({ kind: 'exp', mean: 30_000, min: 0, max: 120_000 });
    expect(parseDuration({ normal: '30s', sd: '5s' }, 'x')).toEqual({ kind: 'normal', mean: 30_000, sd: 5000, min: 0, max: Infinity });
  });

  it('samples within bounds, with the mean a distribution names', () => {
    const rng = createRng(7);
    const uni = Array.from({ length: 2000 }, () => sample(parseDuration('5s..60s', 'x'), rng));
    expect(Math.min(...uni)).toBeGreaterThanOrEqual(5000);
    expect(Math.max(...uni)).toBeLessThanOrEqual(60_000);
    const exp = Array.from({ length: 5000 }, () => sample(parseDuration({ exp: '30s' }, 'x'), rng));
    const mean = exp.reduce((a, b) => a + b, 0) / exp.length;
    expect(mean).toBeGreaterThan(27_000);
    expect(mean).toBeLessThan(33_000);
    const clamped = Array.from({ length: 2000 }, () => sample(parseDuration({ normal: '10s', sd: '20s' }, 'x'), rng));
    expect(Math.min(...clamped)).toBe(0);
  });

  it('refuses a duration without a unit, naming the forms', () => {
    expect(() => parseDuration('20', 'f.yaml:3:4')).toThrow(/PM_SCENARIO_BAD_DURATION: f\.yaml:3:4: bad duration "20".*500ms, 20s, 1\.5m, 2h/);
    expect(() => parseDuration('60s..5s', 'x')).toThrow(/range ends before it starts/);
    expect(() => parseDuration({ normal: '3s' }, 'x')).toThrow(/normal needs sd/);
  });

  it('shows offsets as +mm:ss.mmm', () => {
    expect(formatOffset(20_500)).toBe('+00:20.500');
    expect(formatOffset(3_723_000)).toBe('+1:02:03.000');
  });

  it('places each step `after` the previous one and stamps payloads with startTime + at', () => {
    const s = sc(`${head('mluvii', 'context: { channel: Chat, source: Default }\n')}steps:
  - { name: created, event: SessionCreated }
  - { name: started, event: SessionStarted, after: 0 }
  - { name: joined, event: SessionOperatorJoined, after: 20s }
  - { name: left, event: SessionOperatorLeft, after: 1.5m }
`);
    const start = Date.parse('2024-05-06T15:00:00+02:00');
    const t = [...plan(s, { seed: 1, startTime: start })];
    expect(t.map((e) => [e.eventType, e.at])).toEqual([
      ['SessionCreated', 0],
      ['SessionStarted', 0],
      ['SessionOperatorJoined', 20_000],
      ['SessionOperatorLeft', 110_000],
    ]);
    expect(Date.parse(String(body(t[2] as TimelineEntry)['time']))).toBe(start + 20_000);
    expect(t.map((e) => e.seq)).toEqual([0, 1, 2, 3]);
    expect(new Set(t.map((e) => e.entityKey)).size).toBe(1);
    expect(t[0]?.entityKey).toMatch(/^session:\d+$/);
  });
});

describe('references', () => {
  const refs = `${head('enreach')}steps:
  - { name: incoming, event: QueueCallInComing }
  - { name: never, event: QueueCallInIvrSelection, optional: 0 }
  - name: arrived
    event: QueueCallInArrived
    after: 1s
    set:
      QueueName: "call \${incoming.CallId} $\${literal}"
      MessageTTLSeconds: \${incoming.MessageTTLSeconds}
      CallerNumber: \${never.CallerNumber:-+358401234567}
      TargetNumber: \${never.TargetNumber}
`;

  it('interpolate text, keep the type of a whole-value reference, and fall back to defaults', () => {
    const [incoming, arrived] = all(sc(refs));
    if (!incoming || !arrived) throw new Error('two events expected');
    expect(body(arrived)['QueueName']).toBe(`call ${String(body(incoming)['CallId'])} \${literal}`);
    expect(body(arrived)['MessageTTLSeconds']).toBe(body(incoming)['MessageTTLSeconds']);
    expect(typeof body(arrived)['MessageTTLSeconds']).toBe('number');
    expect(body(arrived)['CallerNumber']).toBe('+358401234567');
    // No default: the override is left out and the generator's value stays.
    expect(body(arrived)['TargetNumber']).toMatch(/^\+\d+/);
  });

  it('read the world, the context, ${instance} and round-robin [instance]', () => {
    const s = sc(`${head('enreach', 'sessions: 4\narrivals: { every: 1s }\n')}steps:
  - name: status
    event: UserStatus
    context:
      UserId: \${world.users[instance].id}
  - name: again
    event: UserStatus
    after: 1s
    set:
      ServiceTerminals: \${instance}
      UserId: \${context.UserId}
`);
    const t = all(s);
    // The world the engine builds: seeded from (run seed, 'world', provider).
    const world = createWorld('enreach', { seed: deriveSeed(1, 'world', 'enreach') }) as EnreachWorld;
    const users = world.users.map((u) => u.id);
    for (const e of t) {
      expect(body(e)['UserId']).toBe(users[e.instance]);
      if (e.step === 'again') expect(body(e)['ServiceTerminals']).toBe(e.instance);
    }
  });

  it('bind params of an include (with: values, else defaults) and name its steps <include>.<step>', () => {
    const files: Record<string, string> = {
      'call.yaml': `provider: enreach
name: call
description: a call
params:
  reason: remote
  ttl: 60
steps:
  - { name: incoming, event: QueueCallInComing }
  - name: gone
    event: QueueCallInDisconnected
    after: 10s
    set: { Reason: "\${params.reason}", MessageTTLSeconds: "\${params.ttl}" }
`,
    };
    const load = (ref: string) => loadYaml(files[ref] ?? '', ref);
    const s = sc(
      `${head('enreach')}steps:
  - { name: first, include: { scenario: call.yaml, with: { reason: local } } }
  - { name: second, after: 1m, include: { scenario: call.yaml } }
  - name: after
    event: QueueCallInDisconnected
    set:
      TechReason: \${first.gone.Reason}
`,
      { load },
    );
    const t = all(s);
    expect(t.map((e) => e.step)).toEqual(['first.incoming', 'first.gone', 'second.incoming', 'second.gone', 'after']);
    expect(t.map((e) => body(e)['Reason']).filter((_, i) => i % 2 === 1).slice(0, 2)).toEqual(['local', 'remote']);
    expect(body(t[1] as TimelineEntry)['MessageTTLSeconds']).toBe(60);
    expect(body(t[4] as TimelineEntry)['TechReason']).toBe('local');
  });
});

describe('shape: optional, oneOf, repeat, parallel', () => {
  it('takes an optional step with its probability', () => {
    const s = sc(`${head('enreach', 'sessions: 400\narrivals: { every: 1s }\n')}steps:
  - { name: incoming, event: QueueCallInComing }
  - { name: ivr, event: QueueCallInIvrSelection, optional: 0.3, after: 1s }
`);
    const taken = all(s).filter((e) => e.step === 'ivr').length / 400;
    expect(taken).toBeGreaterThan(0.22);
    expect(taken).toBeLessThan(0.38);
  });

  it('chooses oneOf branches by weight', () => {
    const s = sc(`${head('enreach', 'sessions: 400\narrivals: { every: 1s }\n')}steps:
  - { name: incoming, event: QueueCallInComing }
  - oneOf:
      - { weight: 3, steps: [{ name: answered, event: QueueCallInUserConnected }] }
      - { steps: [{ name: overflow, event: QueueCallInOverflow }] }
`);
    const t = all(s);
    expect(t.filter((e) => e.step === 'answered').length + t.filter((e) => e.step === 'overflow').length).toBe(400);
    const share = t.filter((e) => e.step === 'answered').length / 400;
    expect(share).toBeGreaterThan(0.67);
    expect(share).toBeLessThan(0.83);
  });

  it('repeats a body a count in the range, and a later reference reads the last iteration', () => {
    const s = sc(`${head('mluvii', 'sessions: 60\narrivals: { every: 10m }\ncontext: { channel: Chat, source: Default }\n')}steps:
  - { name: created, event: SessionCreated }
  - repeat: 2..4
    steps: [{ name: message, event: SessionActivityChatMessage, after: 1s }]
  - name: ended
    event: SessionActivitySessionEnded
    after: 1s
    set: { data.text: "last \${message.data.activityId}" }
`);
    const t = all(s);
    const counts = new Set<number>();
    for (let i = 0; i < 60; i++) {
      const mine = t.filter((e) => e.instance === i);
      const msgs = mine.filter((e) => e.step === 'message');
      counts.add(msgs.length);
      expect(body(mine.at(-1) as TimelineEntry)['text']).toBe(`last ${String(body(msgs.at(-1) as TimelineEntry)['activityId'])}`);
    }
    expect(counts).toEqual(new Set([2, 3, 4]));
  });

  it('interleaves parallel branches by time, and the next step waits for the longest', () => {
    const s = sc(`${head('enreach')}steps:
  - { name: incoming, event: QueueCallInComing }
  - parallel:
      - steps:
          - { name: a1, event: QueueCallInArrived, after: 1s }
          - { name: a2, event: QueueCallInRecording, after: 10s }
      - after: 5s
        steps:
          - { name: b1, event: QueueStatus }
          - { name: b2, event: QueueStatus, after: 20s }
  - { name: done, event: QueueCallInDisconnected, after: 1s }
`);
    expect(all(s).map((e) => [e.step, e.at])).toEqual([
      ['incoming', 0],
      ['a1', 1000],
      ['b1', 5000],
      ['a2', 11_000],
      ['b2', 25_000],
      ['done', 26_000],
    ]);
  });

  it('switches the operator in charge through context:, and unset: makes new ids', () => {
    const s = sc(`${head('enreach')}steps:
  - { name: incoming, event: QueueCallInComing }
  - { name: first, event: QueueCallInUserAllocated, context: { UserId: "\${world.users[0].id}" } }
  - name: second
    event: QueueCallInUserAllocated
    after: 20s
    unset: [LegId]
    context: { UserId: "\${world.users[1].id}" }
  - { name: connected, event: QueueCallInUserConnected, after: 2s }
`);
    const [incoming, first, second, connected] = all(s);
    if (!incoming || !first || !second || !connected) throw new Error('4 events expected');
    expect(body(first)['UserId']).not.toBe(body(second)['UserId']);
    expect(body(connected)['UserId']).toBe(body(second)['UserId']);
    expect(body(first)['LegId']).not.toBe(body(second)['LegId']);
    expect(body(connected)['LegId']).toBe(body(second)['LegId']);
    expect(new Set([incoming, first, second, connected].map((e) => e.entityKey)).size).toBe(1);
  });
});

describe('command-line tweaks', () => {
  const minimal = `${head('mluvii', 'context: { channel: Chat, source: Default }\n')}steps:
  - { name: created, event: SessionCreated }
  - { name: welcome, event: SessionActivityWelcomeMessage, after: 1s }
  - { name: joined, event: SessionOperatorJoined, after: 10s }
`;
  it('--set overrides a field of one step (YAML-typed value), --skip leaves a step out', () => {
    const t = all(sc(minimal, { sets: ['joined.data.userId=2710', 'created.data.channel=Phone'], skips: ['welcome'] }));
    expect(t.map((e) => e.step)).toEqual(['created', 'joined']);
    expect(body(t[1] as TimelineEntry)['userId']).toBe(2710);
    expect(body(t[0] as TimelineEntry)['channel']).toBe('Phone');
  });
});

describe('determinism and load', () => {
  const call = `${head('enreach', 'sessions: 5\narrivals: { rate: 1/s }\n')}steps:
  - { name: incoming, event: QueueCallInComing }
  - { name: arrived, event: QueueCallInArrived, after: 1s..5s }
  - { name: gone, event: QueueCallInDisconnected, after: { exp: 30s } }
`;
  it('gives the same timeline for the same seed (numbers or strings), another for another seed', () => {
    const s = sc(call);
    expect(JSON.stringify(all(s, 5))).toBe(JSON.stringify(all(sc(call), 5)));
    expect(JSON.stringify(all(s, 'abc'))).toBe(JSON.stringify(all(s, 'abc')));
    expect(JSON.stringify(all(s, 5))).not.toBe(JSON.stringify(all(s, 6)));
  });

  it('gives each instance its own ids, and merges instances in time order', () => {
    const t = all(sc(call));
    expect(new Set(t.map((e) => e.entityKey)).size).toBe(5);
    for (let i = 1; i < t.length; i++) expect((t[i] as TimelineEntry).at).toBeGreaterThanOrEqual((t[i - 1] as TimelineEntry).at);
    for (const e of t) expect(validate(e.payload).valid).toBe(true);
  });

  it('starts instances every fixed interval', () => {
    const s = sc(`${head('enreach', 'sessions: 4\narrivals: { every: 2s }\n')}steps:\n  - { name: incoming, event: QueueCallInComing }\n`);
    expect(all(s).map((e) => e.at)).toEqual([0, 2000, 4000, 6000]);
  });

  it('plans sessions: 10000 lazily: instances start as they arrive and only the overlapping ones are held', () => {
    const s = sc(`${head('enreach', 'sessions: 10000\narrivals: { rate: 5/s }\n')}steps:
  - { name: incoming, event: QueueCallInComing }
  - { name: arrived, event: QueueCallInArrived, after: 1s..3s }
  - { name: connected, event: QueueCallInUserConnected, after: { exp: 10s, max: 1m } }
  - { name: gone, event: QueueCallInDisconnected, after: 5s..60s }
`);
    const timeline = plan(s, { seed: 9, validate: false });
    let n = 0;
    let last = -1;
    let maxStartedAhead = 0;
    for (const e of timeline) {
      expect(e.at >= last).toBe(true);
      last = e.at;
      n++;
      // Lazily started: never more than a few instances beyond the one being emitted.
      maxStartedAhead = Math.max(maxStartedAhead, timeline.stats.started - e.instance);
      if (n === 1000) {
        expect(timeline.stats.started).toBeLessThan(400);
      }
    }
    expect(n).toBe(40_000);
    expect(timeline.stats.started).toBe(10_000);
    // ~5/s × (up to ~2 min per call): a few hundred at most, never the 10 000.
    expect(timeline.stats.maxLive).toBeLessThan(1000);
    expect(maxStartedAhead).toBeLessThan(1000);
  });

  it('can stop early without planning the rest', () => {
    const s = sc(`${head('enreach', 'sessions: 10000\narrivals: { every: 1s }\n')}steps:\n  - { name: incoming, event: QueueCallInComing }\n`);
    const timeline = plan(s);
    let n = 0;
    for (const _ of timeline) if (++n === 10) break;
    expect(timeline.stats.started).toBeLessThanOrEqual(11);
  });

  it('defaults to a fixed start time, so plans are reproducible', () => {
    const t = all(sc(`${head('enreach')}steps:\n  - { name: incoming, event: QueueCallInComing }\n`));
    expect(Math.floor(Date.parse(String(body(t[0] as TimelineEntry)['Timestamp'])) / 1000)).toBe(DEFAULT_START / 1000);
  });
});
