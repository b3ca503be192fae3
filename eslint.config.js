// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

/** Node built-ins, forbidden in the pure engine. */
const nodeBuiltins = [
  'node:*',
  'fs',
  'path',
  'os',
  'crypto',
  'http',
  'https',
  'net',
  'child_process',
  'stream',
  'worker_threads',
  'url',
  'util',
  'zlib',
  'buffer',
];

/** Layers point one way: engine <- model <- train/server <- cli/web. */
const upper = (names) =>
  names.map((name) => ({
    group: [name, `${name}/*`],
    message: `Layering: this package may not depend on ${name} (engine <- model <- train/server <- cli/web).`,
  }));

export default tseslint.config(
  {
    ignores: ['**/node_modules/**', '**/dist/**', 'packages/web/dist/**', '**/*.model', 'coverage/**', 'artifacts/**'],
  },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module' },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      eqeqeq: ['error', 'smart'],
      'no-console': 'off',
    },
  },
  {
    files: ['**/*.{js,mjs}'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    files: ['packages/engine/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ...upper(['@attune/model', '@attune/train', '@attune/server', '@attune/cli', '@attune/web']),
            {
              group: nodeBuiltins,
              message: 'The engine is pure: no I/O and no Node-only APIs, so it runs in the browser too.',
            },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        { name: 'process', message: 'The engine is pure: pass configuration in, do not read process.' },
        { name: 'fetch', message: 'The engine does no I/O.' },
        { name: 'require', message: 'ESM only.' },
      ],
    },
  },
  {
    files: ['packages/model/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: upper(['@attune/train', '@attune/server', '@attune/cli', '@attune/web']) },
      ],
    },
  },
  {
    files: ['packages/train/**/*.ts', 'packages/server/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: upper(['@attune/cli', '@attune/web']) }],
    },
  },
  {
    files: ['packages/web/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ...upper(['@attune/train', '@attune/cli', '@attune/model']),
            {
              group: ['@attune/server/*'],
              message: 'The web app talks to the server over HTTP; import only its shared types from @attune/server.',
            },
          ],
        },
      ],
    },
  },
);
