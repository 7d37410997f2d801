import { describe, expect, it } from 'vitest';
import { loadScenario, plan } from '../../scenarios/index.ts';
import { SAMPLE } from '../../scenarios/engine/validation.ts';

// `provider-mock run` checks a sample of the planned payloads (scenarios/engine/validation.ts):
// the plan must not change, every payload of a step with a per-session reference is still
// checked, and a reference of the wrong type still stops the plan at its first payload.
const yaml = (sessions: number, set = ''): string => `provider: enreach
name: t
description: test
sessions: ${sessions}
steps:
  - { name: a, event: QueueCallInComing }
  - { name: b, event: QueueCallInArrived${set} }
`;

/** Payloads a step of n payloads has checked under 'sample'. */
const sampled = (n: number): number => Math.min(n, SAMPLE.first) + Math.max(0, Math.floor((n - SAMPLE.first) / SAMPLE.every));

describe("validate: 'sample'", () => {
  it('plans the same timeline as full validation, checking the first payloads of each step and one in SAMPLE.every after', () => {
    const sc = loadScenario(yaml(200), 'x.yaml');
    const all = plan(sc, { validate: true });
    const some = plan(sc, { validate: 'sample' });
    expect(JSON.stringify([...some])).toBe(JSON.stringify([...all]));
    expect(all.stats.validated).toBe(400);
    expect(some.stats.validated).toBe(2 * sampled(200));
    expect(some.stats.validated).toBe(2 * (16 + 5));
    // A second pass over the same timeline counts from the start again.
    expect([...some]).toHaveLength(400);
    expect(some.stats.validated).toBe(2 * sampled(200));
    const none = plan(sc, { validate: false });
    expect([...none]).toHaveLength(400);
    expect(none.stats.validated).toBe(0);
  });

  it('checks every payload of a step whose set: holds a reference', () => {
    const some = plan(loadScenario(yaml(100, ', set: { MessageTTLSeconds: "${instance}" }'), 'x.yaml'), { validate: 'sample' });
    expect([...some]).toHaveLength(200);
    expect(some.stats.validated).toBe(sampled(100) + 100);
  });

  it('a reference that gives the wrong type still fails, at the step and field', () => {
    const sc = loadScenario(`${yaml(50, ', set: { MessageTTLSeconds: "${params.ttl}" }').replace('sessions: 50\n', 'sessions: 50\nparams:\n  ttl: abc\n')}`, 'x.yaml');
    expect(() => [...plan(sc, { validate: 'sample' })]).toThrow(/PM_SCENARIO_INVALID_PAYLOAD: x\.yaml:\d+:\d+: step "b" \(QueueCallInArrived\) planned a payload that breaks its schema: \$\.MessageTTLSeconds: must be integer \(got string "abc"\)/);
  });
});
