// @ts-check
// ESLint for the book's TypeScript (`npm run lint:code`, `eslint . --max-warnings 0`):
// typescript-eslint's strict, type-checked rules over the site, its plugins and
// components, the tools and the tests; React's rules of hooks on components;
// Docusaurus' own rules. Code in examples/ has its own linters (ruff, clippy).
import js from '@eslint/js';
import docusaurus from '@docusaurus/eslint-plugin';
import {defineConfig, globalIgnores} from 'eslint/config';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default defineConfig(
  globalIgnores([
    'build/',
    'build-*/',
    '.docusaurus/',
    'examples/',
    'target/',
    'test-results/',
    'playwright-report/',
    'static/',
    'tests/unit/fixtures/',
  ]),
  js.configs.recommended,
  tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: {projectService: true, tsconfigRootDir: import.meta.dirname},
      globals: {...globals.node},
    },
    rules: {
      // node:test's describe/it/test return promises that the runner itself awaits.
      '@typescript-eslint/no-floating-promises': [
        'error',
        {allowForKnownSafeCalls: [{from: 'package', package: 'node:test', name: ['describe', 'it', 'test']}]},
      ],
      // Numbers read naturally in messages (`line ${line}`); objects and undefined stay forbidden.
      '@typescript-eslint/restrict-template-expressions': ['error', {allowNumber: true}],
      // tsconfig has noUncheckedIndexedAccess, so every index is `T | undefined` and the compiler
      // already makes each access be handled; `match[1]!` after a successful match, or `lines[i]!`
      // inside `i < lines.length`, is how that is written here. The rule would only move each `!`
      // into a cast or a dead branch.
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    extends: [reactHooks.configs.flat['recommended-latest']],
    // The plugin's configs are in the old format; its rules, as it recommends them.
    plugins: {'@docusaurus': docusaurus},
    rules: docusaurus.configs.recommended.rules,
    languageOptions: {globals: {...globals.browser}},
  },
  {
    // Plain JavaScript configs are not part of the TypeScript project.
    files: ['**/*.{js,cjs,mjs}'],
    extends: [tseslint.configs.disableTypeChecked],
    languageOptions: {sourceType: 'commonjs', globals: {...globals.node}},
    // A .cjs config (cspell's) is CommonJS: require is how it imports.
    rules: {'@typescript-eslint/no-require-imports': 'off'},
  },
  {files: ['**/*.mjs'], languageOptions: {sourceType: 'module'}},
);
