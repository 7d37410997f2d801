/**
 * The package build (`npm run build`, run by `prepack`): every subpath export as ESM (`.js`) and CommonJS
 * (`.cjs`) with declarations (`.d.ts`, `.d.cts`), and the CLI as one ESM entry whose commands load lazily,
 * with `run`'s planning worker (cli/plan-worker.ts) as a second entry beside it (a worker loads a file).
 * Why tsdown: see ARCHITECTURE.md ("Build").
 *
 * Data stays data: every `import … from '….json'` is left as an import of the shipped file (made relative
 * to the chunk), so the schemas, examples and package.json are read from the package at run time, and a
 * browser bundler still inlines them for MSW.
 */
import { dirname, relative, resolve, sep } from 'node:path';
import { defineConfig, type UserConfig } from 'tsdown';

/** Subpath export → source entry (dist/<name>.js); `exports` in package.json lists the same names. */
export const ENTRIES = {
  index: 'index.ts',
  contracts: 'contracts/index.ts',
  'contracts-export': 'contracts/export/index.ts',
  generators: 'generators/index.ts',
  scenarios: 'scenarios/index.ts',
  'scenarios-files': 'scenarios/files.ts',
  delivery: 'delivery/index.ts',
  msw: 'msw/index.ts',
  pact: 'pact/index.ts',
  server: 'mock-server/index.ts',
  types: 'contracts/generated/types.ts',
};

const ROOT = import.meta.dirname;

/** JSON imports stay imports of the shipped file, written relative to the chunks in `chunkDir`. */
function shipJsonFiles(chunkDir: string) {
  const up = relative(resolve(ROOT, chunkDir), ROOT).split(sep).join('/');
  return {
    name: 'provider-mock:json-as-shipped-files',
    resolveId(source: string, importer: string | undefined) {
      if (!importer || !source.endsWith('.json') || !source.startsWith('.')) return null;
      const file = relative(ROOT, resolve(dirname(importer), source)).split(sep).join('/');
      return { id: `${up}/${file}`, external: true };
    },
  };
}

const OUT = process.env.PROVIDER_MOCK_OUT_DIR ?? 'dist';

const common: UserConfig = {
  platform: 'node',
  target: 'node20.19',
  fixedExtension: false,
  checks: { legacyCjs: false, pluginTimings: false },
};

export default defineConfig([
  { ...common, outDir: OUT, plugins: [shipJsonFiles(OUT)], entry: ENTRIES, format: ['esm', 'cjs'], dts: true, shims: true },
  // Its own folder: the CLI's chunks (one per command) never share a name with the library's.
  { ...common, outDir: `${OUT}/cli`, plugins: [shipJsonFiles(`${OUT}/cli`)], entry: { index: 'cli/bin.ts', 'plan-worker': 'cli/plan-worker.ts' }, format: ['esm'], dts: false },
]);
