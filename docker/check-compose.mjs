// @ts-check
// Checks docker-compose.yml without a Docker engine: parses it and asserts the services,
// health checks, dependency order, required secrets and named volumes exist.
// Run from the repository root: node docker/check-compose.mjs
// Uses the `js-yaml` that @nestjs/swagger already brings into node_modules (no new dependency).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(join(root, 'package.json'));
const yaml = require('js-yaml');

/** The parsed YAML: shapes are what this script asserts, so it reads them loosely. @type {any} */
const compose = yaml.load(readFileSync(join(root, 'docker-compose.yml'), 'utf8'));
/** @type {{ services: Record<string, any>, volumes: Record<string, unknown> }} */
const { services = {}, volumes = {} } = compose;
/** @type {string[]} */
const problems = [];
/** @param {unknown} ok @param {string} message */
const check = (ok, message) => ok || problems.push(message);

for (const name of ['db', 'api']) check(services[name], `service "${name}" is missing`);
const { db = {}, api = {} } = services;

check(/^postgres:16(\b|$)/.test(String(db.image)), 'db must use the postgres:16 image');
check(JSON.stringify(db.healthcheck?.test ?? '').includes('pg_isready'), 'db needs a pg_isready health check');

check(api.build?.dockerfile === 'docker/api.Dockerfile', 'api must build from docker/api.Dockerfile');
check(api.depends_on?.db?.condition === 'service_healthy', 'api must wait for db to be healthy');
check(JSON.stringify(api.healthcheck?.test ?? '').includes('/api/health'), 'api needs a health check on /api/health');
const env = api.environment ?? {};
check(env.NODE_ENV === 'production', 'api must run with NODE_ENV=production');
check(String(env.PORT) === '3000', 'api PORT must be 3000');
check(/^postgres(ql)?:\/\/.+@db:5432\//.test(String(env.DATABASE_URL)), 'api DATABASE_URL must point at db:5432');
for (const secret of ['SESSION_SECRET', 'APP_DB_PASSWORD']) {
  check(
    String(env[secret]).includes(`\${${secret}:?`),
    `${secret} must come from the environment with \${${secret}:?…}`,
  );
}

// Every named volume used by a service is declared at the top level.
for (const [name, service] of Object.entries(services)) {
  for (const mount of service.volumes ?? []) {
    const source = typeof mount === 'string' ? mount.split(':')[0] : mount.source;
    if (source && !source.startsWith('.') && !source.startsWith('/')) {
      check(Object.hasOwn(volumes, source), `volume "${source}" of ${name} is not declared under volumes:`);
    }
  }
}
check(
  (db.volumes ?? []).some((/** @type {unknown} */ m) => String(m).endsWith(':/var/lib/postgresql/data')),
  'db data must live on a named volume',
);

// The Dockerfile the compose file builds: a few facts the compose file relies on.
const dockerfile = readFileSync(join(root, 'docker/api.Dockerfile'), 'utf8');
/** @type {[RegExp, string][]} */
const dockerfileFacts = [
  [/^FROM node:20-bookworm-slim|NODE_IMAGE=node:20-bookworm-slim/m, 'Dockerfile must use node:20-bookworm-slim'],
  [/^USER node$/m, 'Dockerfile must run as the node user'],
  [/^EXPOSE 3000$/m, 'Dockerfile must expose 3000'],
  [/^HEALTHCHECK .*\n?.*\/api\/health/m, 'Dockerfile needs a HEALTHCHECK on /api/health'],
  [/^CMD \["node", "apps\/api\/dist\/main\.js"\]$/m, 'Dockerfile must start apps/api/dist/main.js'],
];
for (const [pattern, message] of dockerfileFacts) {
  check(pattern.test(dockerfile), message);
}

if (problems.length) {
  console.error(`docker-compose.yml: ${problems.length} problem(s)\n- ${problems.join('\n- ')}`);
  process.exit(1);
}
console.log(
  `docker-compose.yml: services ${Object.keys(services).join(', ')}; volumes ${Object.keys(volumes).join(', ')}: ok`,
);
