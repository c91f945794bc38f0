// Lint for every project. Module boundaries come from Nx project tags:
// scope:shared libs import only scope:shared; scope:api and scope:web may import shared, never each other.
import nx from '@nx/eslint-plugin';
import tseslint from 'typescript-eslint';

/** Text that reads as a SQL statement (upper-case keywords, as this codebase writes SQL). */
const SQL_TEXT = String.raw`/\b(SELECT|INSERT INTO|DELETE FROM|UPDATE [a-z_]+ SET|SAVEPOINT|set_config)\b/`;

const SQL_NOT_YET_IN_REPOSITORIES = [
  'apps/api/src/common/tenancy/sql.ts',
  'apps/api/src/modules/evaluations/evaluation-inbox.service.ts',
  'apps/api/src/modules/evaluations/evaluation-query.ts',
  'apps/api/src/modules/evaluations/evaluation-scoring.ts',
  'apps/api/src/modules/evaluations/evaluation-workflow.service.ts',
  'apps/api/src/modules/evaluations/evaluations.service.ts',
  'apps/api/src/modules/evaluations/scoring-jobs.service.ts',
  'apps/api/src/modules/evaluations/scoring-policies.service.ts',
  'apps/api/src/modules/workflow/inbox.service.ts',
];

export default tseslint.config(
  { ignores: ['**/dist/**', '**/node_modules/**', '**/.data/**', '**/*.cjs', '**/*.mjs'] },
  ...tseslint.configs.recommended,
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
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // SQL lives in repositories (*.repository.ts), migrations and the database layer (src/database/), nowhere else:
    // docs/adr/0011-repositories.md. A service asks a repository; it never writes SQL or calls query().
    files: ['apps/api/src/**/*.ts'],
    ignores: [
      'apps/api/src/**/*.repository.ts',
      'apps/api/src/database/**',
      'apps/api/src/**/*.spec.ts',
      // Not yet moved into their repositories (issue 10); each file leaves this list when it is.
      ...SQL_NOT_YET_IN_REPOSITORIES,
    ],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: 'CallExpression[callee.property.name=/^(query|queryRows|queryPrepared)$/]',
          message: 'Queries run in repositories (*.repository.ts), through Db: docs/adr/0011-repositories.md.',
        },
        {
          selector: 'CallExpression[callee.name=/^(queryRows|queryPrepared)$/]',
          message: 'Queries run in repositories (*.repository.ts), through Db: docs/adr/0011-repositories.md.',
        },
        {
          selector: `TemplateElement[value.raw=${SQL_TEXT}]`,
          message: 'SQL text belongs in a repository (*.repository.ts): docs/adr/0011-repositories.md.',
        },
        {
          selector: `Literal[value=${SQL_TEXT}]`,
          message: 'SQL text belongs in a repository (*.repository.ts): docs/adr/0011-repositories.md.',
        },
      ],
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
);
