/**
 * Reads pact files and checks every message interaction against the catalog before the real
 * Pact verification, so that a pact expecting something the provider never sends is reported
 * in the catalog's terms: the interaction, the JSON path, what the provider sends instead.
 */
import { FORMATS, didYouMean, eventNames, findEvent, type Provider } from '../contracts/index.ts';
import { ENREACH_EVENT_HEADER, WEBHOOK_CONTENT_TYPE } from '../contracts/export/providers.ts';
import { EVENT_TYPE_FIELD, findState, messageMetadata, providerStates, statesFor } from './constants.ts';
import { formatPath, type Segment } from './paths.ts';
import { acceptsType, describeTypes, jsonTypeOf, propertySchemas, rootOf, shapeOf, type JsonType, type SchemaAt, type Shape } from './shape.ts';
import { toText } from '../contracts/text.ts';

/** One reason a pact expects something the provider does not send. */
export interface PactIssue {
  /** `catalog`: found by our pre-check; `verifier`: reported by Pact's own verification. */
  source: 'catalog' | 'verifier';
  /** The pact file or URL. */
  pact?: string;
  consumer?: string;
  /** The interaction description (our event type, when the pact is right). */
  interaction: string;
  state?: string;
  /** JSON path into the message (`$.data.userId`), `description`, `providerState` or `metadata.<key>`. */
  path: string;
  message: string;
}

/** The parts of a message interaction the pre-check looks at, whatever the pact version. */
export interface MessageInteraction {
  description: string;
  states: string[];
  content: unknown;
  metadata: Record<string, unknown>;
  /** Body matching rules: pact path (`$.a[*].b`) → matcher kinds and their options. */
  rules: Map<string, Record<string, unknown>[]>;
  /** Set when the interaction is not an asynchronous message (HTTP, synchronous message). */
  unsupported?: string;
}

export interface PactFile {
  source: string;
  consumer: string;
  provider: string;
  specification: string;
  interactions: MessageInteraction[];
}

type Json = Record<string, unknown>;
const isObj = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

function rulesOf(raw: unknown): Map<string, Json[]> {
  const out = new Map<string, Json[]>();
  const body = isObj(raw) ? raw['body'] : undefined;
  if (!isObj(body)) return out;
  for (const [path, rule] of Object.entries(body)) {
    const matchers = isObj(rule) && Array.isArray(rule['matchers']) ? (rule['matchers'] as Json[]) : [];
    out.set(normalizeRulePath(path), matchers);
  }
  return out;
}

/** `$.a.b`, `$['a'].b`, `$.a[0]`, `$.a[*]`, `$.a.*` → one canonical spelling. */
export function normalizeRulePath(path: string): string {
  const segs: string[] = [];
  const re = /\.([^.[\]]+)|\[['"]([^'"]+)['"]\]|\[(\d+|\*)\]/g;
  const src = path.replace(/^\$/, '');
  for (let m = re.exec(src); m; m = re.exec(src)) {
    segs.push(m[1] ?? m[2] ?? m[3] ?? '');
  }
  return segs.join('\u0000');
}

function ruleKeyCandidates(segs: readonly Segment[]): string[] {
  // Every combination of "index or *" for array positions and "key or *" for object keys.
  let keys: string[][] = [[]];
  for (const s of segs) {
    const alts = typeof s === 'number' ? [String(s), '*'] : [s, '*'];
    keys = keys.flatMap((k) => alts.map((a) => [...k, a]));
    if (keys.length > 64) keys = keys.slice(0, 64);
  }
  return keys.map((k) => k.join('\u0000'));
}

function parseContent(content: unknown): unknown {
  if (typeof content === 'string') {
    try {
      return JSON.parse(content) as unknown;
    } catch {
      return content;
    }
  }
  return content;
}

/** Reads a parsed pact document (V2/V3 message pact, V4 pact). */
export function readPact(doc: unknown, source: string): PactFile | undefined {
  if (!isObj(doc) || !isObj(doc['consumer']) || !isObj(doc['provider'])) return undefined;
  const meta = isObj(doc['metadata']) ? doc['metadata'] : {};
  const spec = isObj(meta['pactSpecification']) ? toText(meta['pactSpecification']['version']) : isObj(meta['pact-specification']) ? toText(meta['pact-specification']['version']) : '';
  const states = (i: Json): string[] => {
    if (Array.isArray(i['providerStates'])) return (i['providerStates'] as unknown[]).map((s) => (isObj(s) ? toText(s['name']) : String(s)));
    if (typeof i['providerState'] === 'string') return [i['providerState']];
    return [];
  };
  const interactions: MessageInteraction[] = [];
  for (const raw of (Array.isArray(doc['messages']) ? doc['messages'] : []) as unknown[]) {
    if (!isObj(raw)) continue;
    interactions.push({
      description: toText(raw['description']),
      states: states(raw),
      content: parseContent(raw['contents']),
      metadata: isObj(raw['metadata']) ? raw['metadata'] : {},
      rules: rulesOf(raw['matchingRules']),
    });
  }
  for (const raw of (Array.isArray(doc['interactions']) ? doc['interactions'] : []) as unknown[]) {
    if (!isObj(raw)) continue;
    const type = typeof raw['type'] === 'string' ? raw['type'] : raw['request'] ? 'Synchronous/HTTP' : '';
    const base = { description: toText(raw['description']), states: states(raw), metadata: {}, rules: new Map<string, Json[]>() };
    if (type === 'Asynchronous/Messages') {
      const contents = isObj(raw['contents']) ? raw['contents'] : {};
      interactions.push({ ...base, content: parseContent(contents['content']), metadata: isObj(raw['metadata']) ? raw['metadata'] : {}, rules: rulesOf(raw['matchingRules']) });
    } else {
      interactions.push({ ...base, content: undefined, unsupported: type || 'unknown interaction type' });
    }
  }
  return {
    source,
    consumer: toText(doc['consumer']['name']),
    provider: toText(doc['provider']['name']),
    specification: spec,
    interactions,
  };
}

function matcherKinds(rules: Map<string, Json[]>, segs: readonly Segment[]): Json[] {
  for (const key of ruleKeyCandidates(segs)) {
    const r = rules.get(key);
    if (r) return r;
  }
  return [];
}

interface WalkCtx {
  rules: Map<string, Json[]>;
  issue: (path: string, message: string) => void;
}

function safeRegex(src: unknown): RegExp | undefined {
  if (typeof src !== 'string') return undefined;
  try {
    return new RegExp(src);
  } catch {
    return undefined;
  }
}

/** What the provider sends, for messages: "a string (format guid)", "one of A, B". */
const TYPE_WORD: Record<string, string> = { integer: 'an integer', number: 'a number', string: 'a string', boolean: 'a boolean', object: 'an object', array: 'an array', null: 'null' };

function sends(shape: Shape): string {
  if (shape.hasConst) return `always ${JSON.stringify(shape.constValue)}`;
  if (shape.enum) return `one of ${shape.enum.map((m) => JSON.stringify(m)).join(', ')}${shape.nullable ? ' or null' : ''}`;
  if (shape.types.size === 0) return describeTypes(shape);
  const types = [...shape.types].map((t) => TYPE_WORD[t] ?? t);
  if (shape.nullable) types.push('null');
  return `${types.join(' or ')}${shape.format ? ` (format ${shape.format})` : ''}`;
}

/** The JSON types a Pact matcher kind can match (kinds not listed match anything). */
const MATCHER_TYPES: Record<string, JsonType[]> = {
  integer: ['integer'],
  decimal: ['number', 'integer'],
  number: ['number', 'integer'],
  boolean: ['boolean'],
  regex: ['string'],
  timestamp: ['string'],
  datetime: ['string'],
  date: ['string'],
  time: ['string'],
  include: ['string'],
  values: ['object'],
  eachKey: ['object'],
  eachValue: ['object'],
};

function walk(ats: readonly SchemaAt[], value: unknown, segs: Segment[], typeCascade: boolean, ctx: WalkCtx): void {
  const shape = shapeOf(ats);
  const path = formatPath(segs);
  const t = jsonTypeOf(value);
  const matchers = matcherKinds(ctx.rules, segs);
  const kinds = matchers.map((m) => toText(m['match']));

  if (!acceptsType(shape, t)) {
    ctx.issue(path, `the pact expects ${TYPE_WORD[t] ?? t}, but the provider sends ${sends(shape)} here`);
    return;
  }
  for (const m of matchers) {
    const kind = toText(m['match']);
    const need = MATCHER_TYPES[kind];
    if (need && shape.types.size > 0 && !need.some((n) => acceptsType(shape, n))) {
      ctx.issue(path, `the pact's ${kind} matcher cannot match what the provider sends here: ${sends(shape)}`);
      return;
    }
    if (kind === 'null' && !shape.nullable) {
      ctx.issue(path, `the pact expects null, but the provider always sends ${sends(shape)} here`);
      return;
    }
    if (kind === 'regex') {
      const re = safeRegex(m['regex']);
      const candidates = shape.hasConst ? [shape.constValue] : shape.enum;
      if (re && candidates && !candidates.some((c) => typeof c === 'string' && re.test(c))) {
        ctx.issue(path, `the pact's regex ${String(m['regex'])} matches none of the values the provider sends here: ${sends(shape)}`);
        return;
      }
    }
  }

  // Without a matcher the value is compared for equality: it must be a value the provider can send.
  const literal = !typeCascade && (kinds.length === 0 || kinds.every((k) => k === 'equality'));
  if (literal && value !== null && t !== 'object' && t !== 'array') {
    if (shape.hasConst && JSON.stringify(shape.constValue) !== JSON.stringify(value)) {
      ctx.issue(path, `the pact expects ${JSON.stringify(value)}, but the provider always sends ${JSON.stringify(shape.constValue)} here`);
      return;
    }
    if (shape.enum && !shape.enum.includes(value)) {
      ctx.issue(path, `the pact expects ${JSON.stringify(value)}, which is not a value the provider sends here: ${sends(shape)}`);
      return;
    }
    const fmt = shape.format ? (FORMATS as Record<string, RegExp>)[shape.format] : undefined;
    if (fmt && typeof value === 'string' && !fmt.test(value)) {
      ctx.issue(path, `the pact expects ${JSON.stringify(value)}, but the provider sends a string of format ${shape.format} here`);
      return;
    }
  }

  const cascade = typeCascade || kinds.includes('type');
  if (t === 'object') {
    const dictionary = kinds.some((k) => k === 'values' || k === 'eachKey' || k === 'eachValue');
    for (const [key, child] of Object.entries(value as Json)) {
      const next = propertySchemas(shape, key);
      if (!next) {
        if (dictionary && shape.properties.size === 0) continue;
        const known = [...shape.properties.keys()];
        const near = didYouMean(key, known);
        ctx.issue(
          formatPath([...segs, key]),
          `the pact expects a field "${key}" the provider never sends${near.length ? `; did you mean "${near[0]}"?` : ''} (fields here: ${known.join(', ') || 'none'})`,
        );
        continue;
      }
      walk(next, child, [...segs, key], cascade, ctx);
    }
  } else if (t === 'array') {
    (value as unknown[]).forEach((item, i) => walk(shape.items, item, [...segs, i], cascade, ctx));
  }
}

/** Checks one message interaction against the catalog; returns its issues (none when it is sound). */
export function precheckInteraction(provider: Provider, i: MessageInteraction, where: { pact: string; consumer: string }): PactIssue[] {
  const issues: PactIssue[] = [];
  const state = i.states[0];
  const issue = (path: string, message: string) =>
    issues.push({ source: 'catalog', pact: where.pact, consumer: where.consumer, interaction: i.description, ...(state !== undefined ? { state } : {}), path, message });

  if (i.unsupported) {
    issue('type', `${i.unsupported} interaction: ${provider} only sends webhooks, which are asynchronous messages (use a message pact: addAsynchronousInteraction or MessageConsumerPact)`);
    return issues;
  }
  const entry = findEvent(provider, i.description);
  if (!entry) {
    const near = didYouMean(i.description, eventNames(provider));
    issue(
      'description',
      `"${i.description}" is not an event type of ${provider}${near.length ? `; did you mean "${near[0]}"?` : ''} (the description must be the event type; provider-mock events --provider ${provider} lists all ${eventNames(provider).length})`,
    );
    return issues;
  }
  for (const s of i.states) {
    const def = findState(provider, s);
    if (!def) {
      issue('providerState', `unknown ${provider} provider state "${s}"; valid: ${providerStates(provider).map((d) => `"${d.name}"`).join(', ')}`);
    } else if (!def.events.includes(entry.eventType)) {
      issue('providerState', `in the state "${s}" ${provider} does not send ${entry.eventType}; states that lead to it: ${statesFor(provider, entry.eventType).map((d) => `"${d.name}"`).join(', ')}`);
    }
  }
  const sent = messageMetadata(provider, entry.eventType);
  for (const [key, expected] of Object.entries(i.metadata)) {
    const plain = isObj(expected) && 'value' in expected ? expected['value'] : expected;
    const actualKey = Object.keys(sent).find((k) => k.toLowerCase() === key.toLowerCase());
    if (!actualKey) {
      issue(`metadata.${key}`, `the pact expects metadata "${key}", which ${provider} never sends (it sends: ${Object.keys(sent).join(', ')})`);
      continue;
    }
    if (actualKey === ENREACH_EVENT_HEADER && plain !== entry.eventType && !isObj(expected)) {
      issue(`metadata.${key}`, `the pact expects ${key} ${JSON.stringify(plain)}, but Enreach sends the event type, ${JSON.stringify(entry.eventType)}`);
    }
    if (actualKey === 'contentType' && typeof plain === 'string' && !WEBHOOK_CONTENT_TYPE.startsWith(plain.split(';')[0]!.trim())) {
      issue(`metadata.${key}`, `the pact expects content type ${JSON.stringify(plain)}, but ${provider} sends ${WEBHOOK_CONTENT_TYPE}`);
    }
  }
  const content = i.content;
  const field = EVENT_TYPE_FIELD[provider];
  if (isObj(content) && typeof content[field] === 'string' && content[field] !== entry.eventType && findEvent(provider, content[field])) {
    issue(`$.${field}`, `the description says ${entry.eventType} but the body is a ${String(content[field])}`);
    return issues;
  }
  walk([rootOf(entry.schemaId)], content, [], false, { rules: i.rules, issue });
  return issues;
}

export function formatIssue(i: PactIssue): string {
  const given = i.state ? ` (given "${i.state}")` : '';
  const from = i.consumer ? ` from ${i.consumer}` : '';
  return `interaction "${i.interaction}"${given}${from}: ${i.path}: ${i.message}`;
}
