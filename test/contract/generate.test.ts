import { describe, expect, it } from 'vitest';
import { ENREACH_DATETIME, MLUVII_DATETIME, getSchema, listEvents, validate } from '../../contracts/index.ts';
import { createContext, generate } from '../../generators/index.ts';

const SEEDS = 100;

/** A payload as a plain record (the typed overload gives the generated payload types). */
const rec = (p: unknown): Record<string, unknown> => p as Record<string, unknown>;

function failures(provider: 'mluvii' | 'enreach'): string[] {
  const out: string[] = [];
  for (const e of listEvents(provider)) {
    for (let seed = 0; seed < SEEDS; seed++) {
      // validate: false so the check below is the contracts' own, not the generator's.
      const payload = generate(e.provider, e.eventType, { seed, validate: false });
      const r = validate(payload, { provider: e.provider, eventType: e.eventType });
      if (!r.valid) out.push(`${e.eventType} seed ${seed}: ${r.errors.map((x) => `${x.path} ${x.message}`).join('; ')}`);
    }
  }
  return out;
}

describe('generated payloads pass the strict schemas', () => {
  it(`every mluvii event type × ${SEEDS} seeds`, () => {
    expect(listEvents('mluvii')).toHaveLength(49);
    expect(failures('mluvii')).toEqual([]);
  });

  it(`every Enreach event type × ${SEEDS} seeds`, () => {
    expect(listEvents('enreach')).toHaveLength(80);
    expect(failures('enreach')).toEqual([]);
  });

  it('every event type also passes inside a shared context (ids reused across different events)', () => {
    for (const provider of ['mluvii', 'enreach'] as const) {
      const context = createContext(provider);
      for (const e of listEvents(provider)) {
        const r = validate(generate(provider, e.eventType, { seed: 3, context, validate: false }));
        expect(r.errors, `${provider} ${e.eventType}`).toEqual([]);
      }
    }
  });
});

describe('generated payloads look like the wire', () => {
  it('sends all 26 keys of a generic mluvii activity, with only the relevant ones set', () => {
    const data = rec(generate('mluvii', 'SessionActivityOnHold', { seed: 1 }).data);
    expect(Object.keys(data)).toHaveLength(26);
    const set = Object.entries(data).filter(([, v]) => v !== null).map(([k]) => k);
    // As in the doc's example: sessionId, activityId, time, type, client, userId.
    expect(set.sort()).toEqual(['activityId', 'client', 'sessionId', 'time', 'type', 'userId']);
  });

  it('keeps the wire key order of the schema (the doc examples)', () => {
    const body = rec(generate('enreach', 'QueueCallInUserConnected', { seed: 1 }));
    const schema = getSchema('enreach', 'QueueCallInUserConnected') as unknown as { properties: Record<string, unknown> };
    expect(Object.keys(body)).toEqual(Object.keys(schema.properties));
  });

  it('uses UserName or Username exactly as each Enreach event documents it (docs/providers.md E11)', () => {
    const a = rec(generate('enreach', 'UserCallInComing', { seed: 1 }));
    const b = rec(generate('enreach', 'UserCallInUserConnected', { seed: 1 }));
    const c = rec(generate('enreach', 'QueueCallInUserAllocated', { seed: 1 }));
    expect(a).toHaveProperty('Username');
    expect(a).not.toHaveProperty('UserName');
    expect(b).toHaveProperty('UserName');
    expect(b).not.toHaveProperty('Username');
    // The reference shape (UserName, LegId, DetailedReason, MessageTTLSeconds), not the intro's.
    expect(c).toHaveProperty('UserName');
    expect(c).not.toHaveProperty('Username');
  });

  it('writes Enreach Timestamp in UTC with Z and other DateTimes without Z (docs/providers.md E10)', () => {
    for (let seed = 0; seed < 20; seed++) {
      const body = generate('enreach', 'CallbackChanged', { seed });
      expect(body['Timestamp']).toMatch(/Z$/);
      expect(body['Timestamp']).toMatch(ENREACH_DATETIME);
      expect(body['Modified']).not.toMatch(/Z$/);
      expect(body['CreationTime']).not.toMatch(/Z$/);
    }
  });

  it('writes mluvii times in Prague local time with offset', () => {
    const data = generate('mluvii', 'SessionOperatorJoined', { seed: 1, time: Date.UTC(2024, 0, 15, 9, 30, 0, 123) }).data;
    expect(data.time).toMatch(MLUVII_DATETIME);
    expect(data.time).toMatch(/^2024-01-15T10:30:00\.123\d{0,4}\+01:00$/);
  });
});
