// @ts-check
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const noVscode = {
  name: 'vscode',
  message: 'src/core, src/aws and src/emulator must stay free of the vscode API: move this code to src/ui.',
};

/**
 * The UI reaches the AWS layer only through `await import('../aws')` (bundled apart as dist/aws.js): a value
 * import would pull the whole SDK into dist/extension.js and parse it on activation. Types are free.
 */
const noValueImportOfAws = [
  {
    group: ['**/aws', '**/aws/**'],
    allowTypeImports: true,
    message: 'Load the AWS layer lazily (`await import(\'../aws\')`, see src/ui/connection.ts); import only its types statically (`import type`).',
  },
  {
    group: ['@aws-sdk/*', '@smithy/*'],
    allowTypeImports: true,
    message: 'The AWS SDK belongs in src/aws (dist/aws.js, loaded lazily): import only its types here (`import type`).',
  },
];

export default tseslint.config(
  {
    ignores: ['dist/**', 'dist-vsix/**', 'out/**', 'node_modules/**', '.vscode-test/**', 'test-results/**'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    languageOptions: {
      // Type-aware rules: one program over src, test and scripts (tsconfig.test.json includes all three).
      parserOptions: { project: './tsconfig.test.json', tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      eqeqeq: ['error', 'always'],
      curly: ['error', 'multi-line'],
      'no-console': 'off',
    },
  },
  {
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [noVscode],
        patterns: [
          { group: ['@aws-sdk/*', '@smithy/*'], message: 'src/core is pure logic: no AWS SDK. Put SDK calls in src/aws.' },
          { group: ['**/aws', '**/aws/**', '**/ui', '**/ui/**', '**/emulator', '**/emulator/**'], message: 'src/core depends on nothing else of the extension.' },
        ],
      }],
    },
  },
  {
    files: ['src/aws/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [noVscode],
        patterns: [
          { group: ['**/ui', '**/ui/**', '**/emulator', '**/emulator/**'], message: 'src/aws may depend on src/core only.' },
        ],
      }],
    },
  },
  {
    // Account sessions are unit-tested in plain Node: the views reach them, not the other way round.
    files: ['src/ui/session/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [{ name: 'vscode', message: 'src/ui/session runs in plain Node (unit tests): take what it needs as an interface.' }],
      }],
    },
  },
  {
    files: ['src/emulator/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [noVscode],
        patterns: [
          { group: ['**/core', '**/core/**', '**/aws', '**/aws/**', '**/ui', '**/ui/**', '**/extension'], message: 'The emulator is an independent oracle: it imports nothing of the extension.' },
        ],
      }],
    },
  },
  {
    files: ['src/ui/**/*.ts', 'src/extension.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', { patterns: noValueImportOfAws }],
    },
  },
  {
    files: ['src/ui/tasks/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', {
        patterns: [
          ...noValueImportOfAws,
          {
            group: ['**/commands', '**/commands/**'],
            message: 'Views do not import commands (commands import views): take command ids from src/ui/ids.ts.',
          },
        ],
      }],
    },
  },
  {
    files: ['**/*.js'],
    languageOptions: { globals: globals.node, sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['**/*.mjs'],
    languageOptions: { globals: globals.node, sourceType: 'module' },
  },
);
