/**
 * Dead code and dead exports (npm run deadcode). The entry points are the package's real ones: every
 * subpath export (tsdown's ENTRIES, the same list package.json `exports` maps) and the CLI's bin,
 * plus what runs in this repository (tests, benchmarks, scripts, examples). An export none of them
 * reaches is reported; an export of an entry file is public API and never is.
 */
import type { KnipConfig } from 'knip';
import { ENTRIES } from './tsdown.config.ts';

const config: KnipConfig = {
  entry: [
    ...Object.values(ENTRIES).map((file) => `${file}!`),
    // Config files (eslint, vitest, tsdown, dependency-cruiser) and the bin are found by knip's plugins and package.json.
    // The CLI loads each command's module by path (cli/commands/index.ts), one per command.
    'cli/commands/*.ts!',
    'test/**/*.test.ts',
    'test/helpers/*.ts',
    'bench/*.ts',
    'scripts/*.{ts,mjs}',
    'examples/live-board/{main,serve,build}.ts',
    'examples/pact/**/*.ts',
    'mock-server/inspector/inspector.js!',
  ],
  project: ['**/*.{ts,js,mjs,cjs}!', '!dist/**', '!contracts/generated/**/*.d.ts'],
  ignoreBinaries: [
    // Named in .ci/run and scripts/ensure-chromium.mjs: system tools, not npm packages.
    'apt-get',
    'openssl',
  ],
  ignoreDependencies: [
    // Run by test/package/consumer.test.ts through npx, against the packed tarball.
    '@arethetypeswrong/cli',
    // Installed into the fresh consumer projects of test/package/consumer.test.ts: Pact's declarations import express's.
    '@types/express',
  ],
};

export default config;
