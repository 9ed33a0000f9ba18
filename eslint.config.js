// Lint is where the process boundaries of docs/architecture.md §2 (Layers) are enforced:
//   shared/   imports nothing of node, electron or react
//   renderer/ imports only shared/ (and browser libraries)
//   electron  is imported only by main.ts, preload/*, windows/* and the Electron storage implementations
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import { builtinModules } from 'node:module';

const nodeBuiltins = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];

const noElectron = {
  name: 'electron',
  message:
    'Only electron/main.ts, electron/preload/*, electron/windows/* and electron/storage/electron-*.ts may import electron (docs/architecture.md §2).',
};

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'node_modules/**',
      'test-results/**',
      'playwright-report/**',
      'coverage/**',
      'bin/**',
      'scripts/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        projectService: {
          allowDefaultProject: ['eslint.config.js'],
        },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      curly: ['error', 'all'],
      eqeqeq: ['error', 'always'],
      'no-console': 'error',
      // One responsibility per file: a file past 400 lines is doing more than one thing.
      'max-lines': ['error', { max: 400 }],
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/ban-ts-comment': [
        'error',
        { 'ts-ignore': true, 'ts-nocheck': true, 'ts-expect-error': 'allow-with-description' },
      ],
      '@typescript-eslint/restrict-template-expressions': [
        'error',
        { allowNumber: true, allowBoolean: true },
      ],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/no-floating-promises': 'error',
    },
  },
  {
    files: ['eslint.config.js', '.dependency-cruiser.cjs'],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    // electron-builder's hooks (packaging/*.mjs) are plain JavaScript run by Node: linted without type information.
    files: ['packaging/**/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    files: ['packaging/**/*.mjs'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    // dependency-cruiser reads its config with require().
    files: ['.dependency-cruiser.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: { ...globals.node } },
  },
  // --- Node side ---------------------------------------------------------------------------------------
  {
    files: ['electron/**/*.ts', 'e2e/**/*.ts', 'bench/**/*.ts', '*.config.ts'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    files: ['electron/**/*.ts'],
    ignores: [
      'electron/main.ts',
      'electron/preload/**',
      'electron/windows/**',
      'electron/storage/electron-*.ts',
    ],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [noElectron],
          patterns: [
            { group: ['**/renderer/**'], message: 'The main-process side never imports renderer code.' },
          ],
        },
      ],
    },
  },
  {
    // The host's files reach Electron's values only through ElectronApi (docs/architecture.md §1.1), so they load
    // under Node and are tested against a fake; only main.ts (and the preloads) import electron's values.
    files: ['electron/windows/**/*.ts', 'electron/storage/electron-*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'electron',
              allowTypeImports: true,
              message:
                'Take Electron values from ElectronApi (windows/electron-api.ts); only main.ts imports them.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['electron/preload/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: nodeBuiltins.map((name) => ({ name, message: 'Preloads run sandboxed: no node modules.' })),
          patterns: [
            {
              group: ['../core/**', '../providers/**', '../storage/**', '../hosts/**'],
              message: 'Preloads only bridge IPC; they import shared/ and electron.',
            },
          ],
        },
      ],
    },
  },
  // --- shared/: pure TypeScript ---------------------------------------------------------------------------
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            ...nodeBuiltins.map((name) => ({
              name,
              message: 'shared/ is pure TypeScript: no node modules.',
            })),
            { name: 'electron', message: 'shared/ never imports electron.' },
            { name: 'react', message: 'shared/ never imports react.' },
          ],
          patterns: [
            {
              group: ['**/electron/**', '**/renderer/**', 'react-*'],
              message: 'shared/ imports only shared/ and zod.',
            },
          ],
        },
      ],
    },
  },
  // --- renderer/: browser only ------------------------------------------------------------------------------
  {
    files: ['renderer/**/*.ts', 'renderer/**/*.tsx'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          paths: [
            ...nodeBuiltins.map((name) => ({ name, message: 'The renderer never imports node modules.' })),
            { name: 'electron', message: 'The renderer never imports electron; use src/bridge.ts.' },
          ],
          patterns: [
            {
              group: ['**/electron/**'],
              message: 'The renderer imports only shared/ — talk to main through the IPC contract.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.test.ts', '**/*.test.tsx', 'e2e/**/*.ts'],
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
);
