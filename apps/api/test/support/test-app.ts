import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateSync } from 'otplib';
import { Client } from 'pg';
import type { LoginResponse } from '@jxt/contracts';
import { loadConfig, type AppConfig } from '../../src/config/app-config';
import { createApp } from '../../src/create-app';
import { APP_ROLE, ensureAppRole } from '../../src/database/app-role';
import { adminQuery } from '../../src/database/schema-tools';
import { quoteIdent, withCredentials, withDatabase } from '../../src/database/urls';
import { loadTenant, type LoadedTenant } from '../../src/seeds/load-tenant';
import { withOwnerTransaction } from '../../src/seeds/owner-transaction';
import { readSongjiangSeed, type SeedUser } from '../../src/seeds/seed-files';
import { enforceContract } from './contract-validator';
import { TEMPLATE_DATABASE } from './test-env';

export const TEST_PASSWORD = 'test-password-1';

/** A fresh database copied from the migrated template: each test file gets its own. */
export async function createTestDatabase(): Promise<{ ownerUrl: string; appUrl: string; drop(): Promise<void> }> {
  const serverUrl = process.env.JXT_TEST_OWNER_URL;
  if (!serverUrl) throw new Error('JXT_TEST_OWNER_URL is not set: run through jest.int.config.cjs');
  const name = `jxt_test_${randomBytes(5).toString('hex')}`;
  await adminQuery(serverUrl, `CREATE DATABASE ${quoteIdent(name)} TEMPLATE ${TEMPLATE_DATABASE}`);
  const ownerUrl = withDatabase(serverUrl, name);
  return {
    ownerUrl,
    appUrl: withCredentials(ownerUrl, APP_ROLE, process.env.APP_DB_PASSWORD ?? ''),
    drop: () => adminQuery(serverUrl, `DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`),
  };
}

/** Folders made for test configs, removed when the test app closes. */
const dataDirs: string[] = [];

export function testConfig(overrides: Record<string, string> = {}): AppConfig {
  const dataDir = mkdtempSync(join(tmpdir(), 'jxt-test-data-'));
  dataDirs.push(dataDir);
  return loadConfig({
    NODE_ENV: 'test',
    DATA_DIR: dataDir,
    SESSION_SECRET: 'integration-tests-secret-0123456789abcdef',
    SEED_DEMO: 'false',
    LOGIN_MAX_FAILURES_PER_USER: '1000',
    LOGIN_MAX_FAILURES_PER_ADDRESS: '1000',
    ...overrides,
  });
}

export interface TestApp {
  app: NestFastifyApplication;
  ownerUrl: string;
  appUrl: string;
  close(): Promise<void>;
}

/**
 * The whole API in-process on its own database; requests go through Fastify's inject (no socket). `configPatch`
 * sets what no environment variable does (e.g. `webDistDir`, a folder with a test index.html); `connectVia` changes
 * the URL the app connects with (e.g. through a TcpProxy that can take the database away).
 */
export async function startTestApp(
  configOverrides: Record<string, string> = {},
  configPatch: Partial<AppConfig> = {},
  { connectVia = (url: string) => url }: { connectVia?: (appUrl: string) => string } = {},
): Promise<TestApp> {
  const db = await createTestDatabase();
  const config = { ...testConfig(configOverrides), ...configPatch };
  const appUrl = await ensureAppRole(db.ownerUrl, config);
  // Every answer of every test is checked against the OpenAPI document (contract-validator.ts).
  const app = enforceContract(await createApp({ config, appDatabaseUrl: connectVia(appUrl), logger: false }));
  return {
    app,
    ownerUrl: db.ownerUrl,
    appUrl,
    close: async () => {
      await app.close();
      await db.drop();
      for (const dir of dataDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Another API process on the same database (e.g. to prove shared rate-limit counters). */
export async function startSecondApp(
  first: TestApp,
  configOverrides: Record<string, string> = {},
  configPatch: Partial<AppConfig> = {},
): Promise<NestFastifyApplication> {
  const config = { ...testConfig(configOverrides), ...configPatch };
  return enforceContract(await createApp({ config, appDatabaseUrl: first.appUrl, logger: false }));
}

/**
 * Loads the seed's real tenant (松江区 tree, taxonomy, the three 2021 forms) under its own code,
 * with users named `<prefix>-<role>` (password TEST_PASSWORD) so that two tenants can live in one database.
 */
export async function seedSongjiang(
  ownerUrl: string,
  prefix: string,
  extraUsers: SeedUser[] = [],
): Promise<LoadedTenant> {
  const seed = readSongjiangSeed();
  const unit = seed.tenant.organizations.children![0].children![0].name;
  const users: SeedUser[] = [
    {
      username: `${prefix}-filer`,
      displayName: `${prefix} 填报人`,
      phone: '021-57820101',
      roles: ['filer'],
      organization: unit,
    },
    {
      username: `${prefix}-supervisor`,
      displayName: `${prefix} 主管`,
      roles: ['supervisor'],
      organization: '松江区科学技术委员会',
    },
    { username: `${prefix}-finance`, displayName: `${prefix} 财政`, roles: ['finance'], organization: '松江区财政局' },
    {
      username: `${prefix}-division`,
      displayName: `${prefix} 科教文卫科`,
      roles: ['finance'],
      organization: '科教文卫科',
    },
    { username: `${prefix}-admin`, displayName: `${prefix} 管理员`, roles: ['admin'], organization: '松江区财政局' },
    ...extraUsers,
  ];
  return withOwnerTransaction(ownerUrl, (q) =>
    loadTenant(q, {
      ...seed,
      users: users.map((u) => ({ ...u, password: TEST_PASSWORD })),
      tenantCode: `${prefix}-songjiang`,
      tenantName: `松江区（${prefix}）`,
    }),
  );
}

/** Logs in and returns the bearer header for later calls. */
export async function login(
  app: NestFastifyApplication,
  username: string,
  password = TEST_PASSWORD,
): Promise<{ authorization: string; session: LoginResponse }> {
  const response = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
  if (response.statusCode !== 200) throw new Error(`login ${username}: ${response.statusCode} ${response.body}`);
  const session = response.json<LoginResponse>();
  return { authorization: `Bearer ${session.accessToken}`, session };
}

/**
 * A user an admin created (or whose password an admin reset) must change the password before anything else: logs in
 * with the admin's password and changes it to `newPassword`, which later logins use.
 */
export async function changeInitialPassword(
  app: NestFastifyApplication,
  username: string,
  initialPassword: string,
  newPassword: string,
): Promise<void> {
  const { authorization } = await login(app, username, initialPassword);
  const response = await app.inject({
    method: 'POST',
    url: '/api/auth/password',
    headers: { authorization },
    payload: { currentPassword: initialPassword, newPassword },
  });
  if (response.statusCode !== 204)
    throw new Error(`password change ${username}: ${response.statusCode} ${response.body}`);
}

/**
 * The first login of a user an admin created, through every step it asks for: the forced password change (to
 * `newPassword`) and, for an admin, the TOTP enrolment. Answers the session, unrestricted now, and the TOTP secret.
 */
export async function firstLogin(
  app: NestFastifyApplication,
  username: string,
  initialPassword = TEST_PASSWORD,
  newPassword = `${TEST_PASSWORD}-Own`,
): Promise<{ authorization: string; totpSecret: string | null }> {
  await changeInitialPassword(app, username, initialPassword, newPassword);
  const { authorization, session } = await login(app, username, newPassword);
  if (session.user.restriction !== 'totp_enrolment') return { authorization, totpSecret: null };
  const setup = await app.inject({ method: 'POST', url: '/api/auth/totp/setup', headers: { authorization } });
  const { secret } = setup.json<{ secret: string }>();
  const confirm = await app.inject({
    method: 'POST',
    url: '/api/auth/totp/confirm',
    headers: { authorization },
    payload: { code: generateSync({ secret }) },
  });
  if (confirm.statusCode !== 200) throw new Error(`TOTP enrolment ${username}: ${confirm.statusCode} ${confirm.body}`);
  return { authorization, totpSecret: secret };
}

/** A pg client logged in as the app's own role, for proving what row-level security lets through. */
export async function appRoleClient(appUrl: string): Promise<Client> {
  const client = new Client({ connectionString: appUrl });
  await client.connect();
  return client;
}
