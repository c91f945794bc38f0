#!/usr/bin/env node
import 'reflect-metadata';
import { Command } from 'commander';
import { resolve } from 'node:path';
import { checkAuditRetention, loadConfig } from './config/app-config';
import { openDatabaseServer } from './database/database-server';
import {
  ensureDatabase,
  generateMigration,
  pendingSchemaChanges,
  runMigrations,
  adminQuery,
} from './database/schema-tools';
import { databaseName, quoteIdent } from './database/urls';
import { ensureAppRole } from './database/app-role';
import { writeBackup } from './database/backup/backup';
import { restoreBackup } from './database/backup/restore';
import { createTenant } from './seeds/create-tenant';
import { loadDemoData } from './seeds/demo-seed';
import { withOwnerTransaction } from './seeds/owner-transaction';
import { purgeAuditEvents } from './modules/audit/audit-event.repository';

const program = new Command().name('jixiaotong').description('绩效通 operator commands');

/** Runs `work` with the owner connection URL, starting the embedded server when DATABASE_URL is unset. */
async function withOwnerUrl<T>(
  work: (ownerUrl: string) => Promise<T>,
  options: { shareRunning?: boolean } = {},
): Promise<T> {
  const config = loadConfig();
  const server = await openDatabaseServer(config, undefined, options);
  try {
    await ensureDatabase(server.ownerUrl);
    return await work(server.ownerUrl);
  } finally {
    await server.close();
  }
}

program
  .command('db:migrate')
  .description('apply pending migrations')
  .action(() =>
    withOwnerUrl(async (url) => {
      const done = await runMigrations(url);
      console.log(done.length ? `applied: ${done.join(', ')}` : 'schema is up to date');
    }),
  );

program
  .command('db:check')
  .description('exit 1 when the entities and the migrated schema disagree')
  .action(() =>
    withOwnerUrl(async (url) => {
      await runMigrations(url);
      const { up } = await pendingSchemaChanges(url);
      if (up.length) {
        console.error('entities and migrations disagree; run npm run db:generate -- <Name>:\n' + up.join(';\n'));
        process.exitCode = 1;
      } else console.log('entities and migrations agree');
    }),
  );

program
  .command('db:generate')
  .argument('<name>', 'PascalCase migration name, e.g. AddWeightToIndicator')
  .description('write a migration for the difference between the entities and the migrations')
  .action((name: string) =>
    withOwnerUrl(async (url) => {
      const file = await generateMigration(url, name, resolve(__dirname, '../src/database/migrations'));
      console.log(file ? `wrote ${file}\nadd its class to src/database/migrations/index.ts` : 'no changes');
    }),
  );

program
  .command('db:reset')
  .description('drop and recreate the database, migrate, and load the demo data unless NODE_ENV=production')
  .action(() =>
    withOwnerUrl(async (url) => {
      if (process.env.NODE_ENV === 'production')
        throw new Error('db:reset drops the whole database; it refuses to run with NODE_ENV=production');
      const name = databaseName(url);
      await adminQuery(url, `DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`);
      await ensureDatabase(url);
      await runMigrations(url);
      if (process.env.NODE_ENV !== 'production') await loadDemoData(url);
      console.log(`database ${name} recreated`);
    }),
  );

program
  .command('db:backup')
  .description('write a consistent snapshot of the data (not sessions, not DATA_DIR secrets) while the app runs')
  .requiredOption('--out <file>', 'backup file to write, e.g. backups/jixiaotong-2026-11-30.jxtbak')
  .option('--tenant <tenant>', 'only this tenant (id, code or name)')
  .action((opts: { out: string; tenant?: string }) =>
    withOwnerUrl(
      async (url) => {
        const done = await writeBackup(url, resolve(process.env.INIT_CWD ?? process.cwd(), opts.out), {
          tenant: opts.tenant,
        });
        const total = Object.values(done.rows).reduce((a, b) => a + b, 0);
        const who = done.tenant ? `tenant ${done.tenant.code} (${done.tenant.name})` : 'all tenants';
        console.log(`backup of ${who} written to ${done.file}: ${total} rows, schema ${done.schemaVersion}`);
      },
      { shareRunning: true },
    ),
  );

program
  .command('db:restore')
  .argument('<file>', 'a file written by db:backup')
  .description('load a backup into an empty, migrated database (refuses one that holds data or a newer schema)')
  .action((file: string) =>
    withOwnerUrl(
      async (url) => {
        await runMigrations(url);
        const done = await restoreBackup(url, resolve(process.env.INIT_CWD ?? process.cwd(), file));
        const total = Object.values(done.rows).reduce((a, b) => a + b, 0);
        console.log(`restored ${total} rows from ${file} (schema ${done.schemaVersion}); users log in again`);
      },
      { shareRunning: true },
    ),
  );

program
  .command('audit:purge')
  .description('delete audit records older than the retention (AUDIT_RETENTION_DAYS, default 365, never below 180)')
  .option('--days <days>', 'keep this many days instead of AUDIT_RETENTION_DAYS (at least 180)')
  .action((opts: { days?: string }) => {
    const days =
      opts.days === undefined ? loadConfig().auditRetentionDays : checkAuditRetention(Number(opts.days), '--days');
    return withOwnerUrl(
      async (url) => {
        const deleted = await withOwnerTransaction(url, (q) => purgeAuditEvents(q, days));
        console.log(`audit:purge: ${deleted} records older than ${days} days deleted`);
      },
      { shareRunning: true },
    );
  });

program
  .command('seed:demo')
  .description('load the demo tenant 松江区 with its three 2021 forms and the demo users (password "demo")')
  .action(() =>
    withOwnerUrl(async (url) => {
      if (process.env.NODE_ENV === 'production') throw new Error('the demo seed never runs with NODE_ENV=production');
      await runMigrations(url);
      const loaded = await loadDemoData(url);
      console.log(loaded ? 'demo data loaded' : 'demo tenant already present; nothing done');
    }),
  );

program
  .command('tenant:create')
  .description('create a tenant with its 财政局 root organisation and first admin user')
  .requiredOption('--code <code>', 'short stable code, e.g. songjiang')
  .requiredOption('--name <name>', 'tenant name, e.g. 松江区')
  .requiredOption('--finance-bureau <name>', 'root organisation, e.g. 松江区财政局')
  .requiredOption('--admin <username>', 'first admin login name')
  .option('--admin-name <displayName>', 'first admin display name', '管理员')
  .option('--password <password>', 'first admin password (else read from ADMIN_PASSWORD)')
  .action(
    (opts: {
      code: string;
      name: string;
      financeBureau: string;
      admin: string;
      adminName: string;
      password?: string;
    }) =>
      withOwnerUrl(async (url) => {
        const password = opts.password ?? process.env.ADMIN_PASSWORD;
        if (!password || password.length < 8)
          throw new Error('give the admin password (8+ characters) by --password or ADMIN_PASSWORD');
        await runMigrations(url);
        const result = await createTenant(url, {
          code: opts.code,
          name: opts.name,
          financeBureauName: opts.financeBureau,
          admin: { username: opts.admin, displayName: opts.adminName, password },
        });
        console.log(`tenant ${opts.code} created (id ${result.tenantId}); admin ${opts.admin} can log in`);
      }),
  );

program
  .command('db:app-role')
  .description('create or refresh the non-owner role the app connects as (done on every start)')
  .action(() =>
    withOwnerUrl(async (url) => {
      await runMigrations(url);
      await ensureAppRole(url, loadConfig());
      console.log('app role ready');
    }),
  );

program.parseAsync().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
