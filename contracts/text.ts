/**
 * Text for an untyped value in a message (YAML and JSON inputs, error causes): strings as they are,
 * numbers and booleans as `String` writes them, null and undefined as nothing, and objects as JSON
 * rather than `[object Object]`, so an error names what the user actually wrote.
 */
export function toText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value === null || value === undefined) return '';
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  if (typeof value === 'symbol') return value.description ?? '';
  if (typeof value === 'function') return value.name;
  if (value instanceof Error) return value.message;
  try {
    return JSON.stringify(value) ?? '';
  } catch {
    return Object.prototype.toString.call(value);
  }
}
