// ESLint flat config: the recommended JavaScript rules plus typescript-eslint's type-aware set
// (ARCHITECTURE.md "Guards" says why ESLint rather than Biome). Every rule turned off below
// says why on its line; nothing is disabled wholesale.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'test-artifacts/**', '**/*.generated.d.ts', 'examples/live-board/dist/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.node },
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      // `_name` marks a parameter or binding kept for its position or to drop it from a rest.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_', ignoreRestSiblings: true }],
      // Interface methods (CLI commands, route handlers, deliver hooks) are async by contract even when one implementation needs no await.
      '@typescript-eslint/require-await': 'off',
      // Payload and header checks match control characters on purpose (RFC 9110 field values, NDJSON lines).
      'no-control-regex': 'off',
    },
  },
  {
    files: ['test/**'],
    rules: {
      // Tests read untyped JSON bodies (receiver captures, journals, HTTP responses) and assert on their shape.
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-explicit-any': 'off',
      // vitest's expect(fn).toThrow / spies pass methods around unbound on purpose.
      '@typescript-eslint/unbound-method': 'off',
      // Tests compare libraries' enums (e.g. @asyncapi/parser's DiagnosticSeverity) with the numbers their docs give.
      '@typescript-eslint/no-unsafe-enum-comparison': 'off',
    },
  },
  {
    files: ['contracts/generated/types.ts'],
    // json-schema-to-typescript writes `{}` for objects the providers' docs leave open (SmartRouting ExtraData, feedback custom fields); the schemas, not this file, are edited.
    rules: { '@typescript-eslint/no-empty-object-type': 'off' },
  },
  {
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
    // dependency-cruiser's config is CommonJS by its convention.
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['mock-server/inspector/**', 'examples/live-board/**'],
    languageOptions: { globals: { ...globals.browser } },
  },
);
