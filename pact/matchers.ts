/**
 * A catalog schema + an example payload → a message body with Pact (V3/V4) matchers.
 *
 * | schema                                   | matcher                                              |
 * |------------------------------------------|------------------------------------------------------|
 * | `const` (EventType, eventType, data.type) | the literal value (equality)                          |
 * | string `enum`                             | regex `^(A|B|…)$` of the members                      |
 * | format `guid`                             | uuid: regex of a .NET Guid (anchored, either case)    |
 * | format `mluvii-datetime`/`enreach-datetime` | regex of the provider's timestamp format (0–7 fraction digits; one Java date pattern cannot say that) |
 * | `pattern`                                 | regex of the pattern                                  |
 * | string / boolean                          | type ("like")                                         |
 * | integer                                   | integer                                               |
 * | number (C# decimal/double)                | number: Pact's `decimal` would refuse 12, which JSON writes without a fraction |
 * | array                                     | eachLike(first item), at least one                    |
 * | object with known properties              | an object whose keys are matched one by one           |
 * | dictionary / open object                  | `values`: any keys, each value like the first         |
 *
 * Nullable fields: Pact cannot say "a string or null", so a nullable field is in the contract
 * only when the consumer asks for it (`keepNullable`; the consumer helpers ask for the fields
 * named in `fields` or `overrides`), and then the example value decides:
 * - a value → the matcher of its type: the consumer relies on a value being there, so the
 *   interaction's provider state must be one in which the provider sends one;
 * - `null` → left out (default, `nulls: 'omit'`), or kept as the literal null (`nulls: 'literal'`).
 * Nullable fields nobody asked for are left out: a consumer must not depend on them.
 * An empty array or object has no element to match against; it follows the `nulls` rule too.
 */
import { MatchersV3 } from '@pact-foundation/pact';
import { ENREACH_DATETIME, GUID, MLUVII_DATETIME, ProviderMockError, resolveEvent, type Provider } from '../contracts/index.ts';
import { formatPath, type Segment } from './paths.ts';
import { jsonTypeOf, propertySchemas, rootOf, shapeOf, type SchemaAt, type Shape } from './shape.ts';

export type NullRule = 'omit' | 'literal';

export interface MatcherOptions {
  /** What a null (or empty array/object) example value becomes; see the module comment. Default `omit`. */
  nulls?: NullRule;
  /**
   * Whether the nullable field at this JSON path (`$.data.userId`, `$.Items[0].Name`) is part of
   * the contract. Default: every one the example gives a value (the example decides).
   */
  keepNullable?: (path: string) => boolean;
}

/** Leaves a field out of the contract. */
const OMIT = Symbol('omit');

const escapeRegex = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/** Regex matcher of a string enum's members. */
export function enumMatcher(members: readonly string[], example: string): unknown {
  return MatchersV3.regex(`^(${members.map(escapeRegex).join('|')})$`, example);
}

/** A .NET Guid (8-4-4-4-12 hex digits). pact-js's own uuid() regex is lowercase-only and unanchored. */
export function guid(example = '00000000-0000-0000-0000-000000000000'): unknown {
  return MatchersV3.regex(GUID.source, example);
}

/** mluvii DateTimeOffset: offset required, 0 to 7 fraction digits. */
export function mluviiDatetime(example = '2024-05-06T15:31:14.63027+02:00'): unknown {
  return MatchersV3.regex(MLUVII_DATETIME.source, example);
}

/** Enreach DateTime: `Z` optional, 0 to 7 fraction digits. */
export function enreachDatetime(example = '2020-01-01T12:00:00Z'): unknown {
  return MatchersV3.regex(ENREACH_DATETIME.source, example);
}

const FORMAT_MATCHERS: Record<string, (example: string) => unknown> = {
  guid,
  'mluvii-datetime': mluviiDatetime,
  'enreach-datetime': enreachDatetime,
};

/** A Pact matcher object as pact-js builds them (`{"pact:matcher:type": …}`). */
export function isPactMatcher(v: unknown): v is { 'pact:matcher:type': string; value?: unknown } {
  return typeof v === 'object' && v !== null && 'pact:matcher:type' in v;
}

function invalid(path: string, what: string): ProviderMockError {
  return new ProviderMockError('PM_PACT_EXAMPLE', what, { where: path, hint: 'the example must be a payload the provider could send' });
}

function build(ats: readonly SchemaAt[], value: unknown, segs: Segment[], opts: Required<MatcherOptions>): unknown {
  if (isPactMatcher(value)) return value; // the consumer wrote its own matcher for this field
  const path = formatPath(segs);
  const shape = shapeOf(ats);
  const t = jsonTypeOf(value);
  if (shape.hasConst) return value;
  if (value === null) {
    if (!shape.nullable && !(shape.types.size === 0 && !shape.enum)) throw invalid(path, 'null is not allowed here');
    return opts.nulls === 'literal' && opts.keepNullable(path) ? null : OMIT;
  }
  if (shape.nullable && segs.length > 0 && !opts.keepNullable(path)) return OMIT;
  if (shape.enum && typeof value === 'string') {
    const members = shape.enum.filter((m): m is string => typeof m === 'string');
    if (!members.includes(value)) throw invalid(path, `${JSON.stringify(value)} is not one of ${members.join(', ')}`);
    return enumMatcher(members, value);
  }
  switch (t) {
    case 'string': {
      const s = value as string;
      const byFormat = shape.format ? FORMAT_MATCHERS[shape.format] : undefined;
      if (byFormat) return byFormat(s);
      if (shape.pattern) return MatchersV3.regex(shape.pattern, s);
      return MatchersV3.string(s);
    }
    case 'integer':
      return shape.types.has('integer') ? MatchersV3.integer(value as number) : MatchersV3.number(value as number);
    case 'number':
      return MatchersV3.number(value as number);
    case 'boolean':
      return MatchersV3.boolean(value as boolean);
    case 'array': {
      const arr = value as unknown[];
      if (arr.length === 0) return opts.nulls === 'literal' ? [] : OMIT;
      const item = build(shape.items, arr[0], [...segs, 0], opts);
      if (item === OMIT) return opts.nulls === 'literal' ? value : OMIT;
      return MatchersV3.eachLike(item, 1);
    }
    case 'object':
      return buildObject(shape, value as Record<string, unknown>, segs, opts);
    default:
      return value;
  }
}

function buildObject(shape: Shape, obj: Record<string, unknown>, segs: Segment[], opts: Required<MatcherOptions>): unknown {
  const keys = Object.keys(obj);
  if (shape.properties.size === 0) {
    // A dictionary (or an open object): the keys are data, so match the values only.
    const first = keys[0];
    if (first === undefined) return opts.nulls === 'literal' ? {} : OMIT;
    const template = build(shape.additional === false ? [] : shape.additional, obj[first], [...segs, first], opts);
    if (template === OMIT) return opts.nulls === 'literal' ? obj : OMIT;
    return MatchersV3.eachKeyLike(first, template);
  }
  const out: Record<string, unknown> = {};
  for (const key of keys) {
    const schemas = propertySchemas(shape, key);
    if (!schemas) {
      throw new ProviderMockError('PM_PACT_UNKNOWN_FIELD', `the provider never sends a field "${key}" here`, {
        where: formatPath([...segs, key]),
        validValues: [...shape.properties.keys()],
      });
    }
    const m = build(schemas, obj[key], [...segs, key], opts);
    if (m !== OMIT) out[key] = m;
  }
  return out;
}

/**
 * The message body with matchers for one event, built from `example` (a payload of that event:
 * the doc's example, a generated one, or the consumer's own) and the event's schema.
 */
export function bodyWithMatchers(provider: Provider, eventType: string, example: unknown, options: MatcherOptions = {}): unknown {
  const entry = resolveEvent(eventType, provider);
  const body = build([rootOf(entry.schemaId)], example, [], { nulls: options.nulls ?? 'omit', keepNullable: options.keepNullable ?? (() => true) });
  return body === OMIT ? {} : body;
}
