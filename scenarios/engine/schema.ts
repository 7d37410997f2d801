import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import { suggestion } from '../../contracts/errors.ts';
import { pointerTokens } from '../../contracts/json-pointer.ts';
import scenarioSchema from '../scenario.schema.json' with { type: 'json' };
import { CODES, scenarioError } from './errors.ts';
import type { DataPath, LoadedSource } from './load.ts';
import { RESERVED_HEADS } from './refs.ts';

/** The language's own JSON Schema (published as scenarios/scenario.schema.json for editor completion). */
export const SCENARIO_SCHEMA: Record<string, unknown> = scenarioSchema;

const STEP_KINDS = ['event', 'steps', 'repeat', 'oneOf', 'parallel', 'include', 'wait'] as const;

/** The keys whose value is a list of steps (a group's, a wait's outcomes). */
const STEP_LISTS = new Set(['steps', 'then', 'abandoned', 'overflow', 'closed']);
const inStepList = (p: readonly (string | number)[]): boolean => typeof p[p.length - 1] === 'number' && STEP_LISTS.has(String(p[p.length - 2]));

let compiled: ValidateFunction | undefined;
function validator(): ValidateFunction {
  if (!compiled) {
    const ajv = new Ajv({ strict: true, strictRequired: false, allErrors: true, allowUnionTypes: true, verbose: true });
    compiled = ajv.compile(SCENARIO_SCHEMA);
  }
  return compiled;
}

function pointerToPath(pointer: string): (string | number)[] {
  return pointerTokens(pointer).map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}

function at(root: unknown, path: DataPath): unknown {
  let cur = root;
  for (const seg of path) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string | number, unknown>)[seg];
  }
  return cur;
}

/** `steps[2].set` for messages. */
function showPath(path: DataPath): string {
  return path.map((s, i) => (typeof s === 'number' ? `[${s}]` : i === 0 ? s : `.${s}`)).join('') || '(top level)';
}

/** The keys a schema node allows, for "did you mean" on an unknown key (ajv `verbose` gives the node). */
function allowedKeys(e: ErrorObject): string[] {
  const props = (e.parentSchema as { properties?: Record<string, unknown> } | undefined)?.properties;
  return props ? Object.keys(props) : [];
}

// A bound (maximum, exclusiveMinimum…) says more than the `type: string` of the ${params.x}
// branch a number also fails (optional: 1.5 is "must be <= 1", not "must be string").
const RANK: Record<string, number> = { additionalProperties: 0, required: 1, enum: 2, minimum: 2.5, maximum: 2.5, exclusiveMinimum: 2.5, exclusiveMaximum: 2.5, type: 3, pattern: 4, propertyNames: 5 };

/** What a number field (or its ${params.x}) may be, for the hint of a schema error there. */
const NUMBER_HINTS: Record<string, string> = {
  optional: 'optional is a probability from 0 to 1 (optional: 0.3), or ${params.x}',
  weight: 'a weight is a number above 0, or ${params.x}',
  sessions: 'sessions is a whole number ≥ 1, or ${params.x}',
  repeat: 'repeat is a whole number (3), a range (3..8) or ${params.x}',
};

/**
 * Checks loaded YAML against the language schema. The first (deepest, most specific) problem is
 * reported with file:line:column and a hint; ajv's instancePath is mapped to the YAML node.
 */
export function checkSchema(src: LoadedSource): void {
  const validate = validator();
  if (validate(src.data)) return;
  const top = src.data;
  if (top !== null && typeof top === 'object' && 'steps' in top && 'parts' in top) {
    throw scenarioError(CODES.schema, 'a scenario has steps or parts, not both', {
      where: src.where(['parts'], { key: true }),
      hint: 'parts: each have their own steps, sessions and arrivals; move the top-level steps into a part',
    });
  }
  // The top-level oneOf (steps | parts) only repeats the "required" errors of its branches.
  const errors = (validate.errors ?? []).filter((e) => e.keyword !== 'if' && !(e.keyword === 'not' && e.schemaPath.includes('/if/')) && !(e.keyword === 'oneOf' && e.instancePath === ''));
  // A step with two kinds (event + oneOf…) gives confusing branch errors: say so directly.
  for (const e of errors) {
    const path = pointerToPath(e.instancePath);
    for (let n = path.length; n >= 0; n--) {
      const p = path.slice(0, n);
      if (!inStepList(p)) continue;
      const step = at(src.data, p);
      if (step && typeof step === 'object') {
        const kinds = STEP_KINDS.filter((k) => k in step && !(k === 'steps' && 'repeat' in step));
        if (kinds.length > 1) {
          throw scenarioError(CODES.schema, `a step has exactly one kind, this one has ${kinds.join(' and ')}`, {
            where: src.where([...p, kinds[1] ?? ''], { key: true }),
            hint: 'split it into two steps, or put the steps inside a group (steps: […])',
            validValues: STEP_KINDS,
          });
        }
      }
      break;
    }
  }
  let best = pick(errors);
  // "missing event" on a step that has no kind at all is better said as "a step needs one of …".
  if (best?.keyword === 'required') {
    const anyOf = errors.find((x) => x.keyword === 'anyOf' && x.instancePath === best?.instancePath);
    if (anyOf) best = anyOf;
  }
  if (!best) throw scenarioError(CODES.schema, 'does not match the scenario schema', { where: src.where([]) });
  throw describe(best, errors, src);
}

function pick(errors: readonly ErrorObject[]): ErrorObject | undefined {
  return [...errors].sort((a, b) => {
    const da = pointerToPath(a.instancePath).length + (a.keyword === 'additionalProperties' || a.keyword === 'required' ? 0.5 : 0);
    const db = pointerToPath(b.instancePath).length + (b.keyword === 'additionalProperties' || b.keyword === 'required' ? 0.5 : 0);
    if (da !== db) return db - da;
    const aa = a.keyword === 'anyOf' ? 1 : 0;
    const bb = b.keyword === 'anyOf' ? 1 : 0;
    if (aa !== bb) return aa - bb;
    return (RANK[a.keyword] ?? 9) - (RANK[b.keyword] ?? 9);
  })[0];
}

function describe(e: ErrorObject, all: readonly ErrorObject[], src: LoadedSource) {
  const path = pointerToPath(e.instancePath);
  const p = e.params as Record<string, unknown>;
  const field = showPath(path);
  const docHint = 'see scenarios/README.md for every key';
  switch (e.keyword) {
    case 'additionalProperties': {
      const key = String(p['additionalProperty']);
      const valid = allowedKeys(e);
      return scenarioError(CODES.schema, `unknown key "${key}" in ${field}${suggestion(key, valid)}`, {
        where: src.where([...path, key], { key: true }),
        hint: docHint,
        validValues: valid,
      });
    }
    case 'required':
      return scenarioError(CODES.schema, `${field} is missing the required key "${String(p['missingProperty'])}"`, {
        where: src.where(path),
        hint: docHint,
      });
    case 'enum':
      return scenarioError(CODES.schema, `${field} must be one of the allowed values (got ${shown(at(src.data, path), path)})`, {
        where: src.where(path),
        validValues: (p['allowedValues'] as unknown[]).map(String),
      });
    case 'anyOf': {
      const stepLike = inStepList(path);
      if (stepLike && all.some((x) => x.instancePath === e.instancePath && x.keyword === 'required')) {
        // Most often a misspelt kind key (evnt:, step:): name it.
        const step = at(src.data, path);
        const known = [...STEP_KINDS, 'name', 'after', 'optional', 'set', 'context', 'unset', 'then', 'abandoned', 'overflow', 'closed'];
        const stray = step && typeof step === 'object' ? Object.keys(step).find((k) => !known.includes(k)) : undefined;
        if (stray !== undefined) {
          return scenarioError(CODES.schema, `unknown key "${stray}" in ${field}${suggestion(stray, known)}`, {
            where: src.where([...path, stray], { key: true }),
            hint: `a step needs one of ${STEP_KINDS.join(', ')}`,
            validValues: known,
          });
        }
        return scenarioError(CODES.schema, `${field}: a step needs one of ${STEP_KINDS.join(', ')}`, {
          where: src.where(path),
          hint: 'an event step is { name, event, after?, set? }; groups use steps/repeat/oneOf/parallel/include',
          validValues: STEP_KINDS,
        });
      }
      const branches = all.filter((x) => x.instancePath === e.instancePath && x !== e && x.schemaPath.startsWith(e.schemaPath.replace(/anyOf$/, 'anyOf/')));
      const expected = [...new Set(branches.map((b) => b.message ?? b.keyword))].join(', or ');
      return scenarioError(CODES.schema, `${field} ${expected || 'does not match any allowed form'} (got ${shown(at(src.data, path), path)})`, {
        where: src.where(path),
        hint: docHint,
      });
    }
    case 'propertyNames': {
      const name = String(p['propertyName']);
      return scenarioError(CODES.schema, `${field} has an invalid key "${name}"`, {
        where: src.where([...path, name], { key: true }),
        hint: field.endsWith('set') ? 'set keys are JSON paths on the wire, e.g. data.userId or Reason' : 'keys are identifiers: letters, digits, _',
      });
    }
    case 'pattern':
    case 'type':
    case 'minimum':
    case 'maximum':
    case 'minItems':
    case 'minLength':
    default: {
      const last = path[path.length - 1];
      const what =
        e.keyword === 'not'
          ? `must not be a reserved word (${RESERVED_HEADS.join(', ')})`
          : e.keyword === 'pattern'
            ? 'has the wrong form'
            : (e.message ?? e.keyword);
      const hint =
        last === 'name'
          ? 'names are letters, digits, _ and -, starting with a letter'
          : typeof last === 'string' && NUMBER_HINTS[last] !== undefined
            ? NUMBER_HINTS[last]
            : docHint;
      return scenarioError(CODES.schema, `${field} ${what} (got ${shown(at(src.data, path), path)})`, { where: src.where(path), hint });
    }
  }
}

/**
 * The offending value, for the message: whole when short; long values are cut (a file that is not
 * a scenario at all must not be echoed back whole, say /etc/passwd given to the server), and a
 * top level that is not a mapping is only named by its type.
 */
function shown(value: unknown, path: readonly unknown[]): string {
  if (path.length === 0 && (value === null || typeof value !== 'object' || Array.isArray(value))) {
    return `${Array.isArray(value) ? 'a list' : value === null ? 'nothing' : `a ${typeof value}`}: the file is not a YAML mapping of scenario keys`;
  }
  const text = JSON.stringify(value) ?? String(value);
  return text.length <= 60 ? text : `${text.slice(0, 40)}… (${text.length} characters)`;
}
