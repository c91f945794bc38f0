// @ts-check
// Lint for every project. Module boundaries come from Nx project tags:
// scope:shared libs import only scope:shared; scope:api and scope:web may import shared, never each other.
// Type-aware: each TypeScript file is linted with the program of its project's tsconfig.json (project service);
// the plain JavaScript tools, scripts and configs with tools/tsconfig.json, which type-checks them (checkJs).
import nx from '@nx/eslint-plugin';
import prettier from 'eslint-config-prettier';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: ['**/dist/**', '**/node_modules/**', '**/.data/**', '**/coverage/**', '**/test-results/**'],
  },
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      // A promise nobody awaits loses its error (an unhandled rejection) and its ordering; one handed to a
      // callback that expects void (an event handler, Array#forEach) is never awaited either.
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/await-thenable': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['**/*.ts', '**/*.tsx'],
    plugins: { '@nx': nx },
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: true,
          allow: [],
          depConstraints: [
            { sourceTag: 'scope:shared', onlyDependOnLibsWithTags: ['scope:shared'] },
            { sourceTag: 'scope:api', onlyDependOnLibsWithTags: ['scope:shared', 'scope:api'] },
            { sourceTag: 'scope:web', onlyDependOnLibsWithTags: ['scope:shared', 'scope:web'] },
            { sourceTag: 'type:domain', onlyDependOnLibsWithTags: ['type:domain', 'type:contracts'] },
            { sourceTag: 'type:contracts', onlyDependOnLibsWithTags: ['type:contracts'] },
          ],
        },
      ],
    },
  },
  {
    // Scripts and configs in plain JavaScript (Node): one program for all of them, tools/tsconfig.json.
    files: ['**/*.mjs', '**/*.cjs'],
    languageOptions: {
      parserOptions: { projectService: false, project: './tools/tsconfig.json', tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      // CommonJS files (jest configs, the embedded server's child) load with require().
      '@typescript-eslint/no-require-imports': 'off',
    },
  },
  {
    // libs/domain is pure: no framework, no I/O (the SPA runs the same code).
    files: ['libs/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: ['@nestjs/*', 'typeorm', 'react', 'react-*', 'node:*', 'fs', 'pg', 'class-validator'] },
      ],
    },
  },
  {
    // The SPA: the rules of hooks and complete effect dependencies (a missing one reads a stale value). Not the
    // plugin's React Compiler diagnostics (its recommended set): half the SPA's lint time, and no compiler here.
    files: ['apps/web/src/**/*.ts', 'apps/web/src/**/*.tsx'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
    },
  },
  // Last: turns off every stylistic rule that Prettier (prettier --check in CI) owns.
  prettier,
);
