// The schema bundle is derived from the .schema.json files by `npm run generate` (drift-tested),
// so that the catalog works where there is no file system too (MSW in the browser).
import bundleJson from './generated/schemas.json' with { type: 'json' };
import type { SchemaBundle } from './schema-doc.ts';

export const bundle: SchemaBundle = bundleJson as unknown as SchemaBundle;
