/**
 * How generate() checks its own payloads: the strict schemas, compiled once more, for speed on
 * payloads that pass (nearly all of them), by an ajv of its own:
 *   - it stops at the first error (the strict validator reports all of them, with their schemas);
 *   - `additionalProperties: false` is checked as `maxProperties: <the number of properties>`
 *     where every property is required (all of them and no more keys: no other key), else as the
 *     `propertyNames` enum (a chain of string comparisons); ajv's own code for more than eight
 *     properties asks `hasOwnProperty` of each key;
 *   - "X or null" (`anyOf: [X, {type: 'null'}]`) is checked as `if null, valid, else X`, which
 *     makes no error object for the branch that does not apply;
 *   - no error messages are composed (the strict validator's errors are the ones shown);
 *   - its functions see only generated payloads, whose shapes are fixed per event
 *     (generators/shape.ts), so their property reads stay monomorphic; validate() of whatever a
 *     receiver or a test passes in does not slow them down.
 * It never decides alone that a payload is bad: when it fails, the strict validator (the contract)
 * decides and gives the readable errors. test/unit/self-check.test.ts holds the two to the same
 * verdicts.
 */
import type { Ajv, ValidateFunction } from 'ajv';
import { makeAjv, validatorFor } from '../contracts/ajv.ts';
import { allSchemas } from '../contracts/catalog.ts';
import type { SchemaDoc } from '../contracts/schema-doc.ts';

let ajv: Ajv | undefined;
function fastAjv(): Ajv {
  return (ajv ??= makeAjv(
    allSchemas().map((schema) => ({ ...(forSpeed(schema) as SchemaDoc), $id: schema.$id })),
    { allErrors: false, verbose: false, messages: false },
  ));
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** `{type: 'null'}` and nothing else. */
function isNullType(node: unknown): boolean {
  return isObject(node) && node['type'] === 'null' && Object.keys(node).length === 1;
}

const DATA = new Set(['const', 'enum', 'default', 'examples']);

/** The schema with the rewrite above: the same rules in other keywords. */
function forSpeed(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(forSpeed);
  if (!isObject(node)) return node;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(node)) {
    if (DATA.has(k)) out[k] = v; // values, not schemas
    else out[k] = k === 'properties' || k === 'definitions' ? Object.fromEntries(Object.entries(v as Record<string, unknown>).map(([pk, pv]) => [pk, forSpeed(pv)])) : forSpeed(v);
  }
  // X or null, `anyOf: [X, {type: 'null'}]`, as `if null then valid else X`: ajv's anyOf makes an
  // error object for each branch that fails before one passes (the null branch, or X for a null,
  // which in these payloads is the common value); if/else makes none.
  const anyOf = out['anyOf'];
  if (Array.isArray(anyOf) && anyOf.length === 2 && out['if'] === undefined && out['then'] === undefined && out['else'] === undefined) {
    const nullAt = anyOf.findIndex(isNullType);
    if (nullAt >= 0) {
      delete out['anyOf'];
      Object.assign(out, { if: { type: 'null' }, then: true, else: anyOf[1 - nullAt] as unknown });
    }
  }
  if (out['additionalProperties'] === false && out['patternProperties'] === undefined && out['propertyNames'] === undefined && out['maxProperties'] === undefined) {
    const names = isObject(out['properties']) ? Object.keys(out['properties']) : [];
    const required = new Set(Array.isArray(out['required']) ? (out['required'] as unknown[]) : []);
    delete out['additionalProperties'];
    // Every property required: an object with them all and no more keys than that has no other.
    if (names.every((n) => required.has(n))) out['maxProperties'] = names.length;
    else out['propertyNames'] = { enum: names };
  }
  return out;
}

const compiled = new Map<string, ValidateFunction>();

/** The fast check of one event schema (compiled on first use). */
export function fastValidatorFor(schemaId: string): ValidateFunction {
  let fn = compiled.get(schemaId);
  if (!fn) {
    fn = fastAjv().getSchema(schemaId);
    if (!fn) throw new Error(`no schema with $id ${schemaId}`);
    compiled.set(schemaId, fn);
  }
  return fn;
}

/**
 * Undefined when a payload passes its event schema (the fast check, or the strict validator's word
 * when that fails); else the strict validator, whose `errors` say why.
 */
export function failure(schemaId: string, fast: ValidateFunction, payload: unknown): ValidateFunction | undefined {
  if (fast(payload)) return undefined;
  const strict = validatorFor(schemaId, 'strict');
  return (strict(payload)) ? undefined : strict;
}
