import { Ajv, type Options, type ValidateFunction } from 'ajv';
import { allSchemas } from './catalog.ts';
import { FORMATS } from './formats.ts';
import { ANNOTATION_KEYWORDS, type SchemaDoc } from './schema-doc.ts';

/**
 * How strictly a payload is judged.
 * - `strict` (default): exactly what the provider sends: known properties only, enum members only.
 * - `lenient`: what a forward-compatible receiver should accept. mluvii tells clients to tolerate
 *   enum values they do not know yet, because new ones get added (docs/providers.md M14, the vendor's
 *   README: UNKNOWN is only a deserialization fallback); we extend that to new properties.
 *   String enums become plain strings and unknown properties are allowed; `const`s (the event
 *   type itself), types, formats and required properties still hold.
 */
export type ValidationMode = 'strict' | 'lenient';

/** Warnings ajv logged while adding or compiling schemas; the contract tests require none. */
export const schemaWarnings: string[] = [];

const logger = {
  log: () => undefined,
  warn: (...args: unknown[]) => void schemaWarnings.push(args.map(String).join(' ')),
  error: (...args: unknown[]) => void schemaWarnings.push(args.map(String).join(' ')),
};

/**
 * An ajv with our formats and annotation keywords and these schemas. `options` change how it
 * reports, never what it accepts (generators/self-check.ts compiles for speed with them).
 */
export function makeAjv(schemas: readonly SchemaDoc[], options: Pick<Options, 'allErrors' | 'verbose' | 'messages'> = {}): Ajv {
  // verbose: errors carry their parent schema, so an unknown property can be answered with the
  // properties the provider does send there (readableErrors in validate.ts).
  const ajv = new Ajv({ strict: true, allErrors: true, verbose: true, logger, ...options });
  ajv.addVocabulary([...ANNOTATION_KEYWORDS]);
  for (const [name, re] of Object.entries(FORMATS)) ajv.addFormat(name, re);
  // Used by the Enreach webhook configuration document (Webhook.Endpoint).
  ajv.addFormat('uri', (s: string) => URL.canParse(s));
  for (const s of schemas) ajv.addSchema(s);
  return ajv;
}

/** Lenient copy of a schema: string enums widened to strings, closed objects opened. */
function widen(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(widen);
  if (node === null || typeof node !== 'object') return node;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(node)) {
    if (k === 'enum' && Array.isArray(v) && v.every((m) => typeof m === 'string' || m === null)) {
      continue;
    }
    if (k === 'additionalProperties' && v === false) continue;
    out[k] = widen(v);
  }
  // An enum that also allowed null keeps allowing it once the enum is gone.
  const en = (node as Record<string, unknown>)['enum'];
  if (Array.isArray(en) && en.includes(null) && out['type'] === undefined) out['type'] = ['string', 'null'];
  return out;
}

let strictAjv: Ajv | undefined;
let lenientAjv: Ajv | undefined;

export function ajvFor(mode: ValidationMode): Ajv {
  if (mode === 'strict') return (strictAjv ??= makeAjv(allSchemas()));
  return (lenientAjv ??= makeAjv(allSchemas().map((s) => widen(s) as SchemaDoc)));
}

const validators: Record<ValidationMode, Map<string, ValidateFunction>> = { strict: new Map(), lenient: new Map() };

/**
 * The compiled validator of one schema document; compiled on first use, then kept here (ajv's own
 * getSchema normalizes the id with a regular expression on every call, which a validate() per
 * payload paid).
 */
export function validatorFor(schemaId: string, mode: ValidationMode = 'strict'): ValidateFunction {
  const cache = validators[mode === 'strict' ? 'strict' : 'lenient'];
  const kept = cache.get(schemaId);
  if (kept !== undefined) return kept;
  const fn = ajvFor(mode).getSchema(schemaId);
  if (!fn) throw new Error(`no schema with $id ${schemaId}`);
  cache.set(schemaId, fn);
  return fn;
}
