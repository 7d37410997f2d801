import type { ErrorObject } from 'ajv';
import { validatorFor, type ValidationMode } from './ajv.ts';
import { eventNames, findEvent, type CatalogEntry } from './catalog.ts';
import { listValues, suggestion } from './errors.ts';
import { jsonPointer, pointerTokens } from './json-pointer.ts';
import type { Provider } from './provider.ts';

/** One reason a payload is not what the provider sends. */
export interface ValidationIssue {
  /** JSON path of the offending value, e.g. `$.data.userId` (`$` is the whole payload). */
  path: string;
  message: string;
  expected?: string;
  got?: string;
}

export interface ValidationResult {
  valid: boolean;
  provider?: Provider;
  eventType?: string;
  errors: ValidationIssue[];
  /** What lenient mode let through (an event type the catalog does not know yet). */
  warnings?: ValidationIssue[];
}

export interface ValidateOptions {
  /** Skip detection and judge the payload as this provider's. */
  provider?: Provider;
  /** Skip detection and judge the payload as this event type. */
  eventType?: string;
  mode?: ValidationMode;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * Which provider and event a payload claims to be: mluvii wraps every event in
 * `{ "eventType", "data" }` (docs/providers.md M14); Enreach sends a flat object with `EventType` (docs/providers.md E1, E7).
 */
export function detect(payload: unknown): { provider: Provider; eventType: string } | undefined {
  if (!isObject(payload)) return undefined;
  if (typeof payload['eventType'] === 'string' && 'data' in payload) return { provider: 'mluvii', eventType: payload['eventType'] };
  if (typeof payload['EventType'] === 'string') return { provider: 'enreach', eventType: payload['EventType'] };
  return undefined;
}

/** Validates one payload: detects provider and event type, then checks it against the schema. */
export function validate(payload: unknown, options: ValidateOptions = {}): ValidationResult {
  const found = detect(payload);
  const provider = options.provider ?? found?.provider;
  const eventType = options.eventType ?? found?.eventType;
  if (!provider || eventType === undefined) {
    return {
      valid: false,
      errors: [
        {
          path: '$',
          message:
            'not a payload of either provider: mluvii sends {"eventType": …, "data": {…}}, Enreach a flat object with "EventType"',
          got: describe(payload),
        },
      ],
    };
  }
  const entry: CatalogEntry | undefined = findEvent(provider, eventType);
  if (!entry) {
    const path = provider === 'mluvii' ? '$.eventType' : '$.EventType';
    // Event types get added over time (mluvii's WebhookEventType, docs/providers.md M14, M18), so a
    // forward-compatible receiver accepts one it does not know: lenient mode does, with a warning.
    const shaped = provider === 'mluvii' ? isObject(payload) && isObject(payload['data']) : isObject(payload);
    if ((options.mode ?? 'strict') === 'lenient' && shaped && eventType.trim() !== '') {
      return {
        valid: true,
        provider,
        eventType,
        errors: [],
        warnings: [
          {
            path,
            message: `unknown ${provider} event type "${eventType}"${suggestion(eventType, eventNames(provider))}: accepted in lenient mode (providers add event types over time, docs/providers.md M14, M18); its body is not checked`,
            got: JSON.stringify(eventType),
          },
        ],
      };
    }
    return {
      valid: false,
      provider,
      eventType,
      errors: [
        {
          path,
          message: `unknown ${provider} event type "${eventType}"${suggestion(eventType, eventNames(provider))}`,
          expected: `one of ${listValues(eventNames(provider))} (all ${eventNames(provider).length}: provider-mock events --provider ${provider})`,
          got: JSON.stringify(eventType),
        },
      ],
    };
  }
  const check = validatorFor(entry.schemaId, options.mode ?? 'strict');
  const ok = check(payload);
  return { valid: ok, provider, eventType, errors: ok ? [] : readableErrors(check.errors ?? [], payload) };
}

function describe(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  if (typeof v === 'object') return `an object with keys ${Object.keys(v).slice(0, 8).join(', ') || '(none)'}`;
  const s = JSON.stringify(v);
  return `${typeof v} ${s && s.length > 60 ? `${s.slice(0, 57)}...` : s}`;
}

/** `/data/items/0/name` → `$.data.items[0].name` */
export function pointerToPath(pointer: string): string {
  if (!pointer) return '$';
  return (
    '$' +
    pointerTokens(pointer)
      .map((seg) => (/^\d+$/.test(seg) ? `[${seg}]` : /^[A-Za-z_$][\w$]*$/.test(seg) ? `.${seg}` : `[${JSON.stringify(seg)}]`))
      .join('')
  );
}

function expectation(e: ErrorObject): string | undefined {
  const p = e.params as Record<string, unknown>;
  switch (e.keyword) {
    case 'type':
      return String(p['type']);
    case 'enum':
      return `one of ${(p['allowedValues'] as unknown[]).map((v) => JSON.stringify(v)).join(', ')}`;
    case 'const':
      return JSON.stringify(p['allowedValue']);
    case 'format':
      return `format ${String(p['format'])}`;
    default:
      return undefined;
  }
}

/**
 * Turns ajv's errors into one issue per problem. A nullable enum is an `anyOf` of the enum and
 * null; its branch errors are folded into one "expected one of …, or null".
 */
export function readableErrors(errors: readonly ErrorObject[], payload: unknown): ValidationIssue[] {
  const branchOf = new Set<ErrorObject>();
  const issues: ValidationIssue[] = [];
  for (const e of errors) {
    if (e.keyword !== 'anyOf' && e.keyword !== 'oneOf') continue;
    const prefix = e.schemaPath.slice(0, -e.keyword.length);
    const branches = errors.filter((b) => b !== e && b.instancePath === e.instancePath && b.schemaPath.startsWith(prefix + e.keyword));
    branches.forEach((b) => branchOf.add(b));
    const expected = [...new Set(branches.map((b) => expectation(b) ?? b.message).filter((x): x is string => !!x))].join(', or ');
    issues.push({
      path: pointerToPath(e.instancePath),
      message: `must be ${expected || 'one of the allowed shapes'}`,
      ...(expected ? { expected } : {}),
      got: describe(jsonPointer(payload, e.instancePath)),
    });
  }
  for (const e of errors) {
    if (branchOf.has(e) || e.keyword === 'anyOf' || e.keyword === 'oneOf') continue;
    const p = e.params as Record<string, unknown>;
    if (e.keyword === 'required') {
      issues.push({ path: pointerToPath(`${e.instancePath}/${String(p['missingProperty'])}`), message: 'required property is missing', got: 'nothing' });
    } else if (e.keyword === 'additionalProperties') {
      const name = String(p['additionalProperty']);
      const known = knownProperties(e);
      issues.push({
        path: pointerToPath(`${e.instancePath}/${name}`),
        message: `property is not sent by the provider (unknown property)${suggestion(name, known)}`,
        ...(known.length ? { expected: `one of the properties ${listValues(known)}` } : {}),
        got: describe(jsonPointer(payload, `${e.instancePath}/${name}`)),
      });
    } else {
      const expected = expectation(e);
      issues.push({
        path: pointerToPath(e.instancePath),
        message: expected ? `must be ${expected}` : (e.message ?? `fails ${e.keyword}`),
        ...(expected ? { expected } : {}),
        got: describe(jsonPointer(payload, e.instancePath)),
      });
    }
  }
  return issues;
}

/** The properties the object schema of an `additionalProperties` error allows (ajv `verbose`). */
function knownProperties(e: ErrorObject): string[] {
  const parent = e.parentSchema as { properties?: Record<string, unknown> } | undefined;
  return Object.keys(parent?.properties ?? {});
}

/**
 * One line per issue: `$.data.userId: must be integer (got string "x")`; the expectation is added
 * when the message does not already say it (unknown properties and event types: the valid ones).
 */
export function formatIssues(issues: readonly ValidationIssue[]): string[] {
  return issues.map(
    (i) => `${i.path}: ${i.message}${i.got ? ` (got ${i.got})` : ''}${i.expected && !i.message.includes(i.expected) ? `; expected ${i.expected}` : ''}`,
  );
}
