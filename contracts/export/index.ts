/** OpenAPI 3.1 and AsyncAPI 3 exports of the catalog (`provider-mock export`, `npm run generate`). */
import type { Provider } from '../provider.ts';
import type { SchemaSource } from './components.ts';
import { buildAsyncApi } from './asyncapi.ts';
import { buildOpenApi, type ExportOptions } from './openapi.ts';

export { buildOpenApi, type ExportOptions } from './openapi.ts';
export { buildAsyncApi } from './asyncapi.ts';
export { buildComponents, sourceEvents, SCHEMA_REF_PREFIX, type Components, type SchemaSource, type SourceEvent } from './components.ts';
export { docExamples, eventDocExamples, type DocExample } from './examples.ts';
export { PROFILES, WEBHOOK_CONTENT_TYPE, ENREACH_EVENT_HEADER, ENREACH_TOKEN_HEADER, type WebhookProfile } from './providers.ts';

export const EXPORT_FORMATS = ['openapi', 'asyncapi'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** Where `npm run generate` writes the exports of both providers (repo-relative). */
export const EXPORT_FILES: Record<ExportFormat, string> = {
  openapi: 'contracts/openapi.json',
  asyncapi: 'contracts/asyncapi.json',
};

export function buildExport(format: ExportFormat, opts: ExportOptions = {}): Record<string, unknown> {
  return format === 'openapi' ? buildOpenApi(opts) : buildAsyncApi(opts);
}

/** The document as committed: 2-space JSON with a final newline. */
export function exportText(format: ExportFormat, providers?: readonly Provider[], schemas?: SchemaSource): string {
  return JSON.stringify(buildExport(format, { ...(providers ? { providers } : {}), ...(schemas ? { schemas } : {}) }), null, 2) + '\n';
}
