import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureAppRole } from '../../src/database/app-role';
import { makeThrowawayDataDir, startEmbeddedServer } from '../../src/database/embedded/embedded-server';
import { adminQuery, runMigrations } from '../../src/database/schema-tools';
import { withDatabase } from '../../src/database/urls';
import { loadConfig } from '../../src/config/app-config';
import { TEMPLATE_DATABASE } from './test-env';

/**
 * One PostgreSQL for the whole run (embedded with fsync off, or TEST_DATABASE_URL for an external server),
 * and a migrated template database (test workers inherit JXT_TEST_OWNER_URL and APP_DB_PASSWORD from here) that each test file copies (CREATE DATABASE … TEMPLATE, ≈0.1 s).
 */
export default async function globalSetup(): Promise<void> {
  process.env.APP_DB_PASSWORD ??= randomBytes(18).toString('base64url');
  let ownerUrl = process.env.TEST_DATABASE_URL;
  if (!ownerUrl) {
    const throwaway = await makeThrowawayDataDir();
    const server = await startEmbeddedServer({ dataDir: throwaway.dataDir, fast: true });
    ownerUrl = server.url;
    (globalThis as { __jxtServer?: { stop(): Promise<void> } }).__jxtServer = {
      stop: async () => {
        await server.stop();
        await throwaway.remove();
      },
    };
  }
  process.env.JXT_TEST_OWNER_URL = ownerUrl;
  await adminQuery(ownerUrl, `DROP DATABASE IF EXISTS ${TEMPLATE_DATABASE} WITH (FORCE)`);
  await adminQuery(ownerUrl, `CREATE DATABASE ${TEMPLATE_DATABASE}`);
  const templateUrl = withDatabase(ownerUrl, TEMPLATE_DATABASE);
  await runMigrations(templateUrl);
  // The config wants a DATA_DIR; nothing is kept there (APP_DB_PASSWORD is set above), so it goes at once.
  const dataDir = mkdtempSync(join(tmpdir(), 'jxt-test-'));
  try {
    await ensureAppRole(templateUrl, loadConfig({ DATA_DIR: dataDir, SESSION_SECRET: 'x'.repeat(40) }));
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}
