export { PROVIDERS, isProvider, type Provider } from './provider.ts';
export {
  listEvents,
  eventNames,
  findEvent,
  resolveEvent,
  parseProvider,
  getSchema,
  getSchemaById,
  allSchemas,
  type CatalogEntry,
} from './catalog.ts';
export { validate, detect, formatIssues, type ValidationIssue, type ValidationResult, type ValidateOptions } from './validate.ts';
export { validatorFor, type ValidationMode } from './ajv.ts';
export { FORMATS, MLUVII_DATETIME, ENREACH_DATETIME, GUID } from './formats.ts';
export { ProviderMockError, didYouMean } from './errors.ts';
export type { SchemaDoc } from './schema-doc.ts';
