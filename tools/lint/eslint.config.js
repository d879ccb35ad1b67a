// ESLint for the whole workspace (flat config). Formatting is Prettier's job, so the
// rules that would argue with it are off (eslint-config-prettier, last).
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import lit from 'eslint-plugin-lit';
import wc from 'eslint-plugin-wc';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      '**/dist/**',
      '**/node_modules/**',
      '**/.svelte-kit/**',
      '**/.angular/**',
      'demo/frameworks/sveltekit/build/**',
      // Generated copies of packages/shared/src (linted there).
      'packages/*/src/shared/**',
      // Generated from custom-elements.json.
      'packages/chatkit-embed/types/**',
      // Agent Builder exports kept as downloaded: the loader must take them unchanged.
      'packages/chatkit-embed-server/test/fixtures/workflows/**',
      '.data/**',
      '.tmp/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      // `_` marks a parameter a signature needs but the body does not.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
    },
  },
  // The element and what runs in the page: browser globals, Lit and web-component rules.
  {
    files: [
      'packages/chatkit-embed/src/**/*.ts',
      'packages/chatkit-embed/test/browser/**/*.ts',
      'packages/chatkit-embed/test/fixtures/**/*.ts',
      'packages/chatkit-embed-server/src/admin/inbox/**/*.ts',
      'demo/**/*.{ts,tsx}',
    ],
    ...lit.configs['flat/recommended'],
    ...wc.configs['flat/recommended'],
    languageOptions: { globals: globals.browser },
    plugins: { ...lit.configs['flat/recommended'].plugins, ...wc.configs['flat/recommended'].plugins },
    rules: { ...lit.configs['flat/recommended'].rules, ...wc.configs['flat/recommended'].rules },
  },
  // The Agents SDK's types are generic over the agent's context and output
  // (`Agent<TContext, TOutput>`); accepting any agent means `Agent<any, any>`, as the SDK
  // itself writes it.
  {
    files: ['packages/chatkit-embed-server/src/agents/**/*.ts', 'packages/chatkit-embed-server/src/workflow/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  // Tests read arbitrary JSON off the wire, and their templates carry URLs with query
  // strings (`&key=`, which HTML does not read as a character reference).
  {
    files: ['**/test/**/*.ts', 'test/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off', 'lit/attribute-value-entities': 'off' },
  },
  // The benchmark's page functions run in Chromium.
  { files: ['bench/browser.mjs', 'bench/inbox.mjs'], languageOptions: { globals: { ...globals.node, ...globals.browser } } },
  // Everything else runs in Node: the server, the scripts, the configs and the Node tests.
  {
    ignores: ['packages/chatkit-embed-server/src/admin/inbox/**'],
    files: [
      'packages/chatkit-embed-server/**/*.ts',
      'packages/shared/**/*.ts',
      '**/*.mjs',
      '**/*.js',
      '**/*.config.ts',
      'test/**/*.ts',
      'packages/chatkit-embed/test/{unit,e2e}/**/*.ts',
      'packages/chatkit-embed/scripts/**',
    ],
    languageOptions: { globals: globals.node },
  },
  prettier,
);
