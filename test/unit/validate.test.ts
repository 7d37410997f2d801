import { describe, expect, it } from 'vitest';
import { detect, resolveEvent, validate } from '../../contracts/index.ts';
import { ProviderMockError } from '../../contracts/errors.ts';

const sessionCreated = { eventType: 'SessionCreated', data: { id: 7371450, tenantId: 62, channel: 'Phone', source: 'OutgoingCall' } };

describe('validate()', () => {
  it('detects mluvii by its {eventType, data} envelope and Enreach by a flat EventType', () => {
    expect(detect(sessionCreated)).toEqual({ provider: 'mluvii', eventType: 'SessionCreated' });
    expect(detect({ EventType: 'UserStatus', Id: 'x' })).toEqual({ provider: 'enreach', eventType: 'UserStatus' });
    expect(detect({ foo: 1 })).toBeUndefined();
  });

  it('says when a payload belongs to neither provider', () => {
    for (const p of [{ foo: 1 }, [], 'text', null, 42]) {
      const r = validate(p);
      expect(r.valid).toBe(false);
      expect(r.errors[0]?.message).toMatch(/not a payload of either provider/);
      expect(r.errors[0]?.path).toBe('$');
    }
  });

  it('answers an unknown event type with "did you mean" instead of crashing', () => {
    const r = validate({ EventType: 'QueueCallInConnected', Id: 'x' });
    expect(r.valid).toBe(false);
    expect(r.errors[0]?.path).toBe('$.EventType');
    expect(r.errors[0]?.message).toMatch(/unknown enreach event type "QueueCallInConnected"; did you mean "QueueCallIn/);
  });

  it('names the JSON path, the expectation and the value of each problem', () => {
    const r = validate({ ...sessionCreated, data: { ...sessionCreated.data, tenantId: 'sixty-two', extra: true } });
    expect(r.valid).toBe(false);
    expect(r.errors).toContainEqual(expect.objectContaining({ path: '$.data.tenantId', expected: 'integer', got: 'string "sixty-two"' }));
    expect(r.errors).toContainEqual(expect.objectContaining({ path: '$.data.extra', message: expect.stringMatching(/unknown property/) }));
  });

  it('reports a missing property at its own path', () => {
    const { source: _omit, ...data } = sessionCreated.data;
    const r = validate({ eventType: 'SessionCreated', data });
    expect(r.errors).toContainEqual(expect.objectContaining({ path: '$.data.source', message: 'required property is missing' }));
  });
});

describe('resolveEvent()', () => {
  it('finds an event without the provider when its name is unique', () => {
    expect(resolveEvent('QueueCallInUserConnected').provider).toBe('enreach');
    expect(resolveEvent('SessionCreated').provider).toBe('mluvii');
  });

  it('answers a misspelt name with suggestions and the valid list', () => {
    try {
      resolveEvent('SesionCreated');
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ProviderMockError);
      expect((e as ProviderMockError).message).toMatch(/unknown event type "SesionCreated"; did you mean "SessionCreated"/);
      expect((e as ProviderMockError).validValues).toContain('UserStatus');
      expect((e as ProviderMockError).exitCode).toBe(2);
    }
  });
});
