// @ts-check
/**
 * Import rules inside the apps, checked in CI by `npm run check:layers` (tools/check-layers.mjs), which also
 * refuses any cycle between the web app's feature folders (a folder-level rule this config cannot express).
 * Boundaries between projects (apps and libs) are ESLint's `@nx/enforce-module-boundaries`.
 *
 * Web layers (apps/web/src): app/ (router, providers, the signed-in shell) composes the feature folders
 * modules/<feature>/; the features use the shared ui/ and api/; testing/ serves the specs.
 * API layers (apps/api/src): modules/<module>/ (a Nest module: controllers, services, its repositories) use each
 * other only through exported services; all of them use common/ and database/ (docs/architecture.md).
 *
 * @type {import('dependency-cruiser').IConfiguration}
 */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment:
        'A file that reaches itself through its imports at run time (load order, undefined at start-up): move what ' +
        'both sides need into a third file. Cycles through `import type` alone are erased by the compiler.',
      from: {},
      to: { circular: true, viaOnly: { dependencyTypesNot: ['type-only'] } },
    },
    {
      name: 'web-shared-imports-no-feature',
      severity: 'error',
      comment:
        'ui/, api/ and testing/ serve every feature, so they import none (a spec may use a feature fixture); ' +
        'what a feature and the shared code both need belongs in the shared folder.',
      from: { path: '^apps/web/src/(ui|api|testing)/', pathNot: '[.]spec[.]tsx?$' },
      to: { path: '^apps/web/src/modules/' },
    },
    {
      name: 'web-feature-imports-no-app',
      severity: 'error',
      comment: 'app/ composes the features (routes, shell); a feature importing it would close a loop.',
      from: { path: '^apps/web/src/modules/' },
      to: { path: '^apps/web/src/app/' },
    },
    {
      name: 'web-test-helpers-only-in-tests',
      severity: 'error',
      comment: 'Fixtures and render helpers stay out of the bundle: only specs and other test helpers import them.',
      from: { path: '^apps/web/src/', pathNot: '([.]spec[.]tsx?$|/testing/)' },
      to: { path: '^apps/web/src/(testing|.*/testing)/' },
    },
    {
      name: 'api-modules-only-through-services',
      severity: 'error',
      comment:
        'An API module uses another only through what its Nest module exports: the *.module.ts to import and the ' +
        '*.service.ts to inject (and the response DTO classes, dto/*.response.ts, that document what such a ' +
        "service returns). Never another module's repository, controller or helper files: what two modules both " +
        'need goes to common/ (helpers), database/ (entities, shared SQL fragments) or libs/domain (rules).',
      from: { path: '^apps/api/src/modules/([^/]+)/' },
      to: {
        path: '^apps/api/src/modules/',
        pathNot: ['^apps/api/src/modules/$1/', '[.](service|module)[.]ts$', '/dto/[^/]+[.]response[.]ts$'],
      },
    },
    {
      name: 'api-shared-layers-import-no-module',
      severity: 'error',
      comment:
        'common/ and database/ serve every module, so they import none (the schema, the access layer, guards and ' +
        'filters know no feature).',
      from: { path: '^apps/api/src/(common|database)/', pathNot: '[.]spec[.]ts$' },
      to: { path: '^apps/api/src/modules/' },
    },
  ],
  options: {
    includeOnly: '^apps/(web|api)/src/',
    doNotFollow: { path: 'node_modules' },
    // Type-only imports couple folders as much as value imports.
    tsPreCompilationDeps: true,
  },
};
