import { describe, expect, it } from 'vitest';
import { loadScenario, loadYaml, plan } from '../../scenarios/index.ts';
import { cli } from '../helpers/cli.ts';

/**
 * Bad scenarios fail before anything is planned, with a stable code, file:line:column, what was
 * wrong and the fix or the valid values; the CLI exits 2 and prints nothing on stdout.
 * Fixtures: test/fixtures/scenarios/.
 */

const F = 'test/fixtures/scenarios';

async function planFails(args: string[]): Promise<string> {
  const r = await cli(['plan', ...args]);
  expect(r.code, r.stderr).toBe(2);
  expect(r.stdout).toBe('');
  expect(r.stderr.trim().split('\n')).toHaveLength(1);
  return r.stderr.trim();
}

describe('bad scenarios', () => {
  it('a YAML syntax error names the line and column, and where the unclosed { opened', async () => {
    const msg = await planFails([`${F}/yaml-syntax.yaml`]);
    expect(msg).toMatch(/^provider-mock PM_SCENARIO_YAML: test\/fixtures\/scenarios\/yaml-syntax\.yaml:8:3: YAML syntax error: Flow map .* end with a \}/);
    expect(msg).toContain('the { opened at 7:10 is not closed');
  });

  it('a schema error names the key, its line and column, suggests the right key and lists the valid ones', async () => {
    const msg = await planFails([`${F}/schema-unknown-key.yaml`]);
    expect(msg).toMatch(/PM_SCENARIO_SCHEMA: test\/fixtures\/scenarios\/schema-unknown-key\.yaml:8:5: unknown key "evnt" in steps\[1\]; did you mean "event"/);
    expect(msg).toMatch(/a step needs one of event, steps, repeat, oneOf, parallel, include/);
    expect(msg).toMatch(/valid values: event, steps, repeat, oneOf, parallel, include, wait, name, after/);
  });

  it('an unknown event type is answered with "did you mean" and the valid list', async () => {
    const msg = await planFails([`${F}/unknown-event.yaml`]);
    expect(msg).toMatch(/PM_SCENARIO_UNKNOWN_EVENT: test\/fixtures\/scenarios\/unknown-event\.yaml:8:12: unknown mluvii event type "SessionOperatorJoin"; did you mean "SessionOperatorJoined"/);
    expect(msg).toMatch(/valid values: ApplicationSettingChanged, EmailThreadCreated/);
  });

  it('a reference to a step that does not exist names the closest step', async () => {
    const msg = await planFails([`${F}/unknown-step-ref.yaml`]);
    expect(msg).toBe(
      'provider-mock PM_SCENARIO_UNKNOWN_STEP: test/fixtures/scenarios/unknown-step-ref.yaml:12:20: unknown step "joind"; did you mean "joined"?; valid values: created, joined',
    );
  });

  it('a reference to a later step says where that step is', async () => {
    const msg = await planFails([`${F}/forward-ref.yaml`]);
    expect(msg).toMatch(
      /PM_SCENARIO_FORWARD_REF: test\/fixtures\/scenarios\/forward-ref\.yaml:10:20: \$\{left\.data\.userId\} refers to step "left", which comes later \(test\/fixtures\/scenarios\/forward-ref\.yaml:11:5\)/,
    );
  });

  it('a reference to a field the step\'s event does not have names the field, the closest one and the valid fields', async () => {
    const msg = await planFails([`${F}/bad-ref-field.yaml`]);
    expect(msg).toBe(
      'provider-mock PM_SCENARIO_BAD_REF: test/fixtures/scenarios/bad-ref-field.yaml:10:20: ${joined.data.userid}: SessionOperatorJoined (step "joined") has no field "userid" in data; did you mean "userId"? (a reference reads the payload as sent (see contracts/mluvii/events/SessionOperatorJoined.schema.json)); valid values: id, tenantId, userId, channel, source, time',
    );
  });

  it('a circular include shows the chain', async () => {
    const msg = await planFails([`${F}/circular-a.yaml`]);
    expect(msg).toMatch(
      /PM_SCENARIO_CIRCULAR_INCLUDE: test\/fixtures\/scenarios\/circular-b\.yaml:9:17: circular include: test\/fixtures\/scenarios\/circular-a\.yaml → test\/fixtures\/scenarios\/circular-b\.yaml → test\/fixtures\/scenarios\/circular-a\.yaml/,
    );
  });

  it('an override that breaks the schema names the step, the field and the reason', async () => {
    const msg = await planFails([`${F}/bad-override.yaml`]);
    expect(msg).toMatch(
      /PM_SCENARIO_BAD_OVERRIDE: test\/fixtures\/scenarios\/bad-override\.yaml:10:7: step "joined" \(SessionOperatorJoined\): set data\.userId: must be integer \(got string "not-a-number"\)/,
    );
  });

  it('an override of a field the event does not have lists what it has', async () => {
    const msg = await planFails([`${F}/bad-override-field.yaml`]);
    expect(msg).toMatch(/PM_SCENARIO_BAD_OVERRIDE: test\/fixtures\/scenarios\/bad-override-field\.yaml:8:7: step "incoming" \(QueueCallInComing\): set CallerNumbr: property is not sent by the provider/);
    expect(msg).toMatch(/did you mean CallerNumber/);
  });

  it('a --set that breaks the schema is caught the same way', async () => {
    const msg = await planFails([`${F}/minimal.yaml`, '--set', 'joined.data.userId=abc']);
    expect(msg).toMatch(/PM_SCENARIO_BAD_OVERRIDE: --set joined\.data\.userId=abc: step "joined" \(SessionOperatorJoined\): set data\.userId: must be integer/);
  });

  it('an unknown --skip or --set step is answered with "did you mean" and the step names', async () => {
    expect(await planFails([`${F}/minimal.yaml`, '--skip', 'wellcome'])).toBe(
      'provider-mock PM_SCENARIO_UNKNOWN_STEP: --skip wellcome: unknown step in --skip "wellcome"; did you mean "welcome"?; valid values: created, started, welcome, joined, ended',
    );
    expect(await planFails([`${F}/minimal.yaml`, '--set', 'joind.data.userId=1'])).toMatch(/--set joind\.data\.userId=1: unknown step in --set "joind"; did you mean "joined"\?/);
  });

  it('a bad duration names the accepted forms', async () => {
    const msg = await planFails([`${F}/bad-duration.yaml`]);
    expect(msg).toMatch(/PM_SCENARIO_BAD_DURATION: test\/fixtures\/scenarios\/bad-duration\.yaml:9:12: bad duration "20 seconds" \(a duration is a number with a unit \(500ms, 20s, 1\.5m, 2h\), a range 5s\.\.60s/);
  });

  it('an include param the included scenario does not declare is answered with its params', async () => {
    const msg = await planFails([`${F}/unknown-param.yaml`]);
    expect(msg).toMatch(/PM_SCENARIO_UNKNOWN_PARAM: test\/fixtures\/scenarios\/unknown-param\.yaml:9:9: unknown param of "queue-call-answered" "misssed"; did you mean "missed"\?; valid values: queue, missed, wrapUpMax, patience, queueStatus/);
  });

  it('an unknown scenario name is answered with the built-ins', async () => {
    const msg = await planFails(['chat-sesion']);
    expect(msg).toMatch(/PM_SCENARIO_UNKNOWN_SCENARIO: chat-sesion: unknown scenario "chat-sesion"; did you mean "chat-session"\?; valid values: .*queue-call-answered/);
  });

  it('a missing file is a readable error', async () => {
    expect(await planFails([`${F}/nope.yaml`])).toMatch(/PM_SCENARIO_UNREADABLE: test\/fixtures\/scenarios\/nope\.yaml: cannot read scenario file .*ENOENT/);
  });
});

describe('schema errors map to the YAML position of the offending value', () => {
  const head = 'provider: enreach\nname: t\ndescription: test\n';
  const fails = (yaml: string): string => {
    try {
      plan(loadScenario(yaml, 'x.yaml'));
    } catch (e) {
      return (e as Error).message;
    }
    throw new Error('expected an error');
  };
  /** The same, for problems found while the (lazy) timeline is read. */
  const failsPlanning = (yaml: string): string => {
    try {
      for (const entry of plan(loadScenario(yaml, 'x.yaml'))) void entry;
    } catch (e) {
      return (e as Error).message;
    }
    throw new Error('expected an error');
  };

  it('a wrong type deep inside a oneOf branch', () => {
    const msg = fails(`${head}steps:
  - oneOf:
      - weight: -2
        steps:
          - { name: a, event: QueueCallInComing }
`);
    expect(msg).toBe('provider-mock PM_SCENARIO_SCHEMA: x.yaml:6:17: steps[0].oneOf[0].weight must be > 0 (got -2) (a weight is a number above 0, or ${params.x})');
  });

  it('a probability or sessions out of range says the bound, not the type of the ${params.x} form', () => {
    expect(fails(`${head}steps:\n  - { name: a, event: QueueCallInComing, optional: 1.5 }\n`)).toBe(
      'provider-mock PM_SCENARIO_SCHEMA: x.yaml:5:52: steps[0].optional must be <= 1 (got 1.5) (optional is a probability from 0 to 1 (optional: 0.3), or ${params.x})',
    );
    expect(fails(`${head}sessions: 0\nsteps:\n  - { name: a, event: QueueCallInComing }\n`)).toBe(
      'provider-mock PM_SCENARIO_SCHEMA: x.yaml:4:11: sessions must be >= 1 (got 0) (sessions is a whole number ≥ 1, or ${params.x})',
    );
  });

  it('a reference into the world checks the path against the world, not leaving the value out', () => {
    expect(fails(`${head}steps:\n  - { name: a, event: QueueCallInComing, set: { QueueId: "\${world.queus[0].id}" } }\n`)).toMatch(
      /^provider-mock PM_SCENARIO_BAD_REF: x\.yaml:5:\d+: \$\{world\.queus\[0\]\.id\}: world has no "queus"; did you mean "queues"[^;]*; valid values: .*queues/,
    );
    expect(fails(`${head}world: { sizes: { queues: 3 } }\nsteps:\n  - { name: a, event: QueueCallInComing, set: { QueueId: "\${world.queues[7].id}" } }\n`)).toMatch(
      /PM_SCENARIO_BAD_REF: x\.yaml:6:\d+: \$\{world\.queues\[7\]\.id\}: world\.queues has 3 items, no \[7\] \(use \[instance\]/,
    );
    expect(fails(`${head}steps:\n  - { name: a, event: QueueCallInComing, set: { QueueId: "\${world.queues[0].idd}" } }\n`)).toMatch(/world\.queues\[0\] has no "idd"; did you mean "id"\?/);
    // A default still reads nothing quietly: that is what it is for.
    expect(() => plan(loadScenario(`${head}steps:\n  - { name: a, event: QueueCallInComing, set: { QueueName: "\${world.nothing:-x}" } }\n`, 'x.yaml'))).not.toThrow();
  });

  it('a context key the generators do not read, in context:, unset: or ${context.…}, with the closest key and the valid ones', () => {
    // Silently stored and never read, a misspelt key would change nothing; it is refused where it is written.
    expect(fails(`${head}context:\n  QueueID: x\nsteps:\n  - { name: a, event: QueueCallInComing }\n`)).toMatch(
      /^provider-mock PM_SCENARIO_UNKNOWN_CONTEXT_KEY: x\.yaml:5:3: unknown enreach context key "QueueID"; did you mean "QueueId"\?; valid values: OrganizationId, CallId, LegId, .*TransferTarget, .*OverflowApplet$/,
    );
    expect(fails(`${head}steps:\n  - { name: a, event: QueueCallInComing }\n  - { name: b, event: QueueCallInArrived, unset: [LegId, AgentLeg] }\n`)).toMatch(
      /PM_SCENARIO_UNKNOWN_CONTEXT_KEY: x\.yaml:6:\d+: unknown enreach context key in unset "AgentLeg"; did you mean "AgentLegId"\?/,
    );
    expect(fails(`${head}steps:\n  - { name: a, event: QueueCallInComing }\n  - { name: b, event: QueueCallInArrived, set: { UserId: "\${context.Userid:-x}" } }\n`)).toMatch(
      /PM_SCENARIO_UNKNOWN_CONTEXT_KEY: x\.yaml:6:\d+: unknown enreach context key "Userid"; did you mean "UserId"\?/,
    );
    const mluvii = 'provider: mluvii\nname: t\ndescription: test\n';
    expect(fails(`${mluvii}context:\n  chanel: Chat\nsteps:\n  - { name: a, event: SessionCreated }\n`)).toMatch(/unknown mluvii context key "chanel"; did you mean "channel"\?/);
    // Every key the generators read is accepted.
    expect(() => plan(loadScenario(`${mluvii}context:\n  channel: Chat\n  forwardTarget: group\nsteps:\n  - { name: a, event: SessionForwarded }\n`, 'x.yaml'))).not.toThrow();
  });

  it('a session too big to plan (nested repeats multiply) fails at its step, not by running out of memory', () => {
    const nested = `${head}steps:\n  - repeat: 100000\n    steps:\n      - repeat: 100000\n        steps:\n          - { name: c, event: QueueCallInComing }\n`;
    expect(failsPlanning(nested)).toMatch(
      /^provider-mock PM_SCENARIO_BAD_VALUE: x\.yaml:9:13: one session of "t" would be more than 100000 events \(repeat counts multiply when nested; lower them, and use sessions: N for volume/,
    );
    // A repeat that makes no events still walks its steps: bounded too.
    const empty = `${head}steps:\n  - { name: a, event: QueueCallInComing }\n  - repeat: 1000000000\n    steps:\n      - { name: r, optional: 0, event: QueueCallInArrived }\n`;
    expect(failsPlanning(empty)).toMatch(/PM_SCENARIO_BAD_VALUE: x\.yaml:\d+:\d+: one session of "t" would be more than 1000000 steps/);
  });

  it('a file that is not a scenario is named by its type, and long values are cut, not echoed back whole', () => {
    const passwdLike = Array.from({ length: 20 }, (_, i) => `user${i}:x:${i}:${i}:User ${i}:/home/user${i}:/bin/bash`).join('\n');
    const msg = fails(passwdLike);
    expect(msg).toBe('provider-mock PM_SCENARIO_SCHEMA: x.yaml:1:1: (top level) must be object (got a string: the file is not a YAML mapping of scenario keys) (see scenarios/README.md for every key)');
    const long = fails(`${head}steps:\n  - { name: "a b${'x'.repeat(500)}", event: QueueCallInComing }\n`);
    expect(long).toMatch(/has the wrong form \(got "a bx{36}… \(505 characters\)\)/);
    expect(long.length).toBeLessThan(400);
  });

  it('a YAML alias bomb is a YAML error naming the file, not a crash', () => {
    const bomb = ['a: &a [x, x, x, x, x, x, x, x, x, x]', ...'bcdefgh'.split('').map((k, i) => `${k}: &${k} [${Array(10).fill(`*${'abcdefg'[i]}`).join(', ')}]`)].join('\n');
    expect(fails(`${head}${bomb}\nsteps:\n  - { name: a, event: QueueCallInComing }\n`)).toMatch(/^provider-mock PM_SCENARIO_YAML: x\.yaml: YAML aliases expand too far: .*\(aliases \(\*name\) may expand to at most 1000 nodes/);
  });

  it('an unknown key in arrivals, with the valid keys', () => {
    const msg = fails(`${head}sessions: 3\narrivals:\n  rat: 2/s\nsteps:\n  - { name: a, event: QueueCallInComing }\n`);
    expect(msg).toMatch(/PM_SCENARIO_SCHEMA: x\.yaml:6:3: unknown key "rat" in arrivals; did you mean "rate"\?.*valid values: rate, every/);
  });

  it('a missing required top-level key', () => {
    expect(fails('provider: enreach\nname: t\nsteps:\n  - { name: a, event: QueueCallInComing }\n')).toMatch(/PM_SCENARIO_SCHEMA: x\.yaml:1:1: \(top level\) is missing the required key "description"/);
  });

  it('a step with two kinds', () => {
    expect(fails(`${head}steps:\n  - name: a\n    event: QueueCallInComing\n    repeat: 2\n    steps: [{ name: b, event: QueueCallInArrived }]\n`)).toMatch(
      /PM_SCENARIO_SCHEMA: x\.yaml:7:5: a step has exactly one kind, this one has event and repeat/,
    );
  });

  it('a reference in a timing field may not read a step', () => {
    expect(fails(`${head}steps:\n  - { name: a, event: QueueCallInComing }\n  - { name: b, event: QueueCallInArrived, after: "\${a.MessageTTLSeconds}" }\n`)).toMatch(
      /PM_SCENARIO_BAD_REF: x\.yaml:6:50: \$\{a\.MessageTTLSeconds\}: timing, counts, probabilities and weights are decided before any event exists/,
    );
  });

  it('a world size the generators do not know', () => {
    expect(fails(`${head}world:\n  sizes: { agents: 3 }\nsteps:\n  - { name: a, event: QueueCallInComing }\n`)).toMatch(/PM_SCENARIO_BAD_VALUE: x\.yaml:5:10: world: .*unknown world size "agents"/);
  });

  it('a reference when no step comes before it says so', () => {
    expect(fails(`${head}steps:\n  - { name: a, event: QueueCallInComing, set: { CallId: "\${nothing.CallId}" } }\n`)).toMatch(
      /PM_SCENARIO_UNKNOWN_STEP: x\.yaml:5:57: unknown step "nothing" in \$\{nothing\.CallId\} \(no step comes before this one/,
    );
  });

  it('a reference into a number or a group step, or one left open', () => {
    expect(fails(`${head}steps:\n  - { name: a, event: QueueCallInComing, set: { QueueName: "\${instance.id}" } }\n`)).toMatch(/PM_SCENARIO_BAD_REF: x\.yaml:5:\d+: \$\{instance\.id\}: instance is a number and has no properties/);
    expect(fails(`${head}steps:\n  - name: g\n    steps:\n      - { name: a, event: QueueCallInComing }\n  - { name: b, event: QueueCallInArrived, set: { CallId: "\${g.CallId}" } }\n`)).toMatch(
      /PM_SCENARIO_BAD_REF: x\.yaml:8:\d+: \$\{g\.CallId\}: "g" is a steps step, not an event/,
    );
    expect(fails(`${head}steps:\n  - { name: a, event: QueueCallInComing, set: { QueueName: "\${params" } }\n`)).toMatch(/PM_SCENARIO_BAD_REF: x\.yaml:5:\d+: unclosed reference in "\$\{params"/);
  });

  it('a count, probability, weight or sessions read from a param is checked when it is read', () => {
    const params = (p: string): string => `${head}params:\n  ${p}\n`;
    expect(failsPlanning(`${params('n: lots')}steps:\n  - repeat: "\${params.n}"\n    steps:\n      - { name: a, event: QueueCallInComing }\n`)).toMatch(/PM_SCENARIO_BAD_VALUE: x\.yaml:7:13: bad repeat "lots" \(repeat is a whole number \(3\) or a range \(3\.\.8\)\)/);
    expect(failsPlanning(`${params('p: 2')}steps:\n  - { name: a, event: QueueCallInComing, optional: "\${params.p}" }\n`)).toMatch(/PM_SCENARIO_BAD_VALUE: x\.yaml:7:\d+: bad probability 2/);
    expect(failsPlanning(`${params('w: 0')}steps:\n  - oneOf:\n      - { weight: "\${params.w}", steps: [{ name: a, event: QueueCallInComing }] }\n`)).toMatch(/PM_SCENARIO_BAD_VALUE: x\.yaml:8:\d+: bad weight 0/);
    expect(failsPlanning(`${params('n: 0')}sessions: "\${params.n}"\nsteps:\n  - { name: a, event: QueueCallInComing }\n`)).toMatch(/PM_SCENARIO_BAD_VALUE: x\.yaml:6:\d+: bad sessions 0 \(sessions is a whole number ≥ 1\)/);
  });

  it('an arrival rate without a known unit', () => {
    expect(failsPlanning(`${head}sessions: 2\narrivals: { rate: 2/d }\nsteps:\n  - { name: a, event: QueueCallInComing }\n`)).toMatch(/PM_SCENARIO_BAD_DURATION: x\.yaml:5:\d+: bad rate "2\/d" \(a rate is a count per unit: 2\/s, 30\/m, 120\/h\)/);
  });

  it('a reference that gives a value of the wrong type fails at plan time, naming the step and the field', () => {
    expect(failsPlanning(`${head}params:\n  ttl: abc\nsteps:\n  - { name: a, event: QueueCallInComing, set: { MessageTTLSeconds: "\${params.ttl}" } }\n`)).toMatch(
      /PM_SCENARIO_INVALID_PAYLOAD: x\.yaml:7:5: step "a" \(QueueCallInComing\) planned a payload that breaks its schema: \$\.MessageTTLSeconds: must be integer \(got string "abc"\)/,
    );
  });

  it('a --set without = and an include of the other provider', () => {
    const steps = `${head}steps:\n  - { name: a, event: QueueCallInComing }\n`;
    expect(() => loadScenario(steps, 'x.yaml', { sets: ['a.CallId'] })).toThrow(/PM_SCENARIO_BAD_SET: --set a\.CallId: expected step\.path=value/);
    const mluviiScenario = loadYaml('provider: mluvii\nname: other\ndescription: x\nsteps:\n  - { name: c, event: SessionCreated }\n', 'other.yaml');
    expect(() => loadScenario(`${head}steps:\n  - include: { scenario: other }\n`, 'x.yaml', { load: () => mluviiScenario })).toThrow(
      /PM_SCENARIO_PROVIDER_MISMATCH: x\.yaml:5:\d+: cannot include the mluvii scenario "other" in this enreach scenario/,
    );
  });

  it('a duplicate step name says where the first one is', () => {
    expect(fails(`${head}steps:\n  - { name: a, event: QueueCallInComing }\n  - { name: a, event: QueueCallInArrived }\n`)).toMatch(
      /PM_SCENARIO_DUPLICATE_STEP: x\.yaml:6:13: step name "a" is used twice \(first at x\.yaml:5:5\)/,
    );
  });
});
