import { describe, expect, it } from 'vitest';
import { formatIssues, getSchema, listEvents, validate, type CatalogEntry } from '../../contracts/index.ts';
import { eventExamples } from '../helpers/examples.ts';
import { sample, walkProperties } from '../helpers/schema-walk.ts';
import { pointerToPath } from '../../contracts/validate.ts';

/** A valid payload of every event: the doc's example where there is one, else a minimal sample. */
function validPayload(e: CatalogEntry): unknown {
  const ex = eventExamples().find((x) => x.provider === e.provider && x.origin !== 'intro' && validate(x.payload).eventType === e.eventType);
  return structuredClone(ex ? ex.payload : sample(getSchema(e.provider, e.eventType)));
}

function parentAndKey(root: unknown, pointer: string): [Record<string, unknown>, string] {
  const segs = pointer.split('/').slice(1);
  let cur = root as Record<string, unknown>;
  for (const s of segs.slice(0, -1)) cur = cur[s] as Record<string, unknown>;
  return [cur, segs.at(-1)!];
}

interface Prop {
  pointer: string;
  node: Record<string, unknown>;
}

function allProps(e: CatalogEntry): Prop[] {
  const found: Prop[] = [];
  walkProperties(getSchema(e.provider, e.eventType), (f) => found.push(f));
  return found;
}

/** Top-level event properties (mluvii: inside data), the ones every payload carries. */
function eventProps(e: CatalogEntry): Prop[] {
  const depth = e.provider === 'mluvii' ? 2 : 1;
  return allProps(e).filter((f) => f.pointer.split('/').length - 1 === depth);
}

describe.each(listEvents().map((e) => [`${e.provider} ${e.eventType}`, e] as const))('%s', (_name, entry) => {
  const props = eventProps(entry);

  it('accepts a valid payload', () => {
    expect(validate(validPayload(entry)).errors).toEqual([]);
  });

  it('rejects the payload when a required property is removed, naming its path', () => {
    const payload = validPayload(entry);
    const target = props.find((p) => p.pointer.endsWith(entry.entityKey.split('/').pop()!)) ?? props[0]!;
    const [parent, key] = parentAndKey(payload, target.pointer);
    delete parent[key];
    const r = validate(payload);
    expect(r.valid).toBe(false);
    expect(r.errors.map((x) => x.path)).toContain(pointerToPath(target.pointer));
  });

  it('rejects a value of the wrong type, naming its path and the expected type', () => {
    const payload = validPayload(entry);
    const typed = props.find((p) => typeof p.node['type'] === 'string' || Array.isArray(p.node['type'])) ?? props[0]!;
    const types = ([] as unknown[]).concat(typed.node['type'] ?? 'string');
    const wrong = types.includes('string') ? 12345 : 'not-a-number';
    const [parent, key] = parentAndKey(payload, typed.pointer);
    parent[key] = wrong;
    const r = validate(payload);
    expect(r.valid).toBe(false);
    const issue = r.errors.find((x) => x.path === pointerToPath(typed.pointer));
    expect(issue?.got).toContain(typeof wrong);
  });

  it('rejects an enum value the provider does not send (strict), with the valid values', () => {
    const payload = validPayload(entry);
    // The event's own enums first; an event without one still has its event-type constant.
    const enumProp = props.find((p) => Array.isArray(p.node['enum'])) ?? allProps(entry).find((p) => 'const' in p.node)!;
    const [parent, key] = parentAndKey(payload, enumProp.pointer);
    parent[key] = 'NotARealMember';
    const r = validate(payload);
    expect(r.valid).toBe(false);
    const issue = r.errors.find((x) => x.path === pointerToPath(enumProp.pointer));
    expect(issue?.expected).toBeDefined();
  });
});

describe('lenient mode', () => {
  it('accepts enum members the catalog does not know yet, as mluvii asks receivers to', () => {
    const payload = { eventType: 'SessionCreated', data: { id: 1, tenantId: 62, channel: 'Hologram', source: 'Default' } };
    expect(validate(payload).valid).toBe(false);
    expect(validate(payload, { mode: 'lenient' }).valid).toBe(true);
  });

  it('still rejects a wrong event type, a wrong type and a missing property', () => {
    expect(validate({ eventType: 'SessionCreated', data: { id: 'x', tenantId: 62, channel: 'Chat', source: 'Default' } }, { mode: 'lenient' }).valid).toBe(false);
    expect(validate({ eventType: 'SessionCreated', data: { tenantId: 62, channel: 'Chat', source: 'Default' } }, { mode: 'lenient' }).valid).toBe(false);
  });
});

describe('unknown names are answered with "did you mean" and the valid values', () => {
  it('an unknown property: the closest known one and the properties the provider sends there', () => {
    const r = validate({ eventType: 'SessionCreated', data: { id: 1, tenantId: 62, channel: 'Chat', source: 'Default', tenantIdd: 3 } });
    const issue = r.errors.find((x) => x.path === '$.data.tenantIdd');
    expect(issue?.message).toMatch(/unknown property.*did you mean [^?]*"tenantId"/);
    expect(issue?.expected).toBe('one of the properties id, tenantId, channel, source');
    expect(formatIssues(r.errors).join('\n')).toMatch(/\$\.data\.tenantIdd: .*did you mean [^?]*"tenantId".*; expected one of the properties id, tenantId, channel, source/);
  });

  it('an unknown property inside a shared ($ref) shape and in a flat Enreach body', () => {
    const onHold = structuredClone(sampleOf('mluvii', 'SessionActivityOnHold')) as { data: Record<string, unknown> };
    onHold.data['sesionId'] = 1;
    const a = validate(onHold).errors.find((x) => x.path === '$.data.sesionId');
    expect(a?.message).toMatch(/did you mean [^?]*"sessionId"/);
    expect(a?.expected).toContain('activityId');
    const body = { ...(sampleOf('enreach', 'QueueCallInComing') as object), CallerNumbr: '+358401234567' };
    const b = validate(body).errors.find((x) => x.path === '$.CallerNumbr');
    expect(b?.message).toMatch(/did you mean [^?]*"CallerNumber"/);
    expect(b?.expected).toMatch(/^one of the properties RootEntityType, .*CallerNumber/);
  });

  it('an unknown event type: the closest names and the list of the provider\'s event types, printed', () => {
    const r = validate({ eventType: 'SessionCreatd', data: {} });
    expect(r.errors[0]?.message).toMatch(/did you mean "SessionCreated"\?/);
    const line = formatIssues(r.errors)[0] ?? '';
    expect(line).toMatch(/; expected one of ApplicationSettingChanged, EmailThreadCreated, /);
    expect(line).toMatch(/provider-mock events --provider mluvii/);
  });
});

function sampleOf(provider: 'mluvii' | 'enreach', eventType: string): unknown {
  return sample(getSchema(provider, eventType));
}
