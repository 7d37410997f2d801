import type { Provider } from './provider.ts';

/** A JSON Schema document as stored under contracts/ (draft-07, with our x-* annotations). */
export interface SchemaDoc {
  $id: string;
  title?: string;
  description?: string;
  'x-provider'?: Provider;
  'x-event-type'?: string;
  'x-entity'?: string;
  'x-entity-key'?: string;
  'x-sources'?: string[];
  'x-payload-class'?: string;
  [keyword: string]: unknown;
}

/** The derived bundle in contracts/generated/schemas.json. */
export interface SchemaBundle {
  /** Every schema document, sorted by $id; `file` is its path relative to the repository root. */
  schemas: { file: string; schema: SchemaDoc }[];
}

/** The annotation keywords our schemas carry; registered with ajv so strict mode accepts them. */
export const ANNOTATION_KEYWORDS = [
  'x-provider',
  'x-event-type',
  'x-entity',
  'x-entity-key',
  'x-sources',
  'x-payload-class',
] as const;

/** `generic-activity.schema.json` → `GenericActivity`, `mluvii` → `Mluvii`: names for derived types and components. */
export function pascalName(s: string): string {
  return s
    .replace(/\.schema\.json$/, '')
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((w) => w[0]!.toUpperCase() + w.slice(1))
    .join('');
}
