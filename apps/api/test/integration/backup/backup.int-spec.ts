import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { Client } from 'pg';
import type { GoalForm } from '@jxt/contracts';
import { toSaveRequest } from '@jxt/domain';
import { createApp } from '../../../src/create-app';
import { ensureAppRole } from '../../../src/database/app-role';
import { APP_DATABASE_NAME } from '../../../src/database/database-server';
import { makeThrowawayDataDir, startEmbeddedServer } from '../../../src/database/embedded/embedded-server';
import { ensureDatabase, runMigrations } from '../../../src/database/schema-tools';
import { withDatabase } from '../../../src/database/urls';
import { writeBackup } from '../../../src/database/backup/backup';
import { EXCLUDED_TABLES } from '../../../src/database/backup/catalog';
import { restoreBackup, RestoreRefused } from '../../../src/database/backup/restore';
import { approveThroughFinance } from '../../support/form-steps';
import {
  createTestDatabase,
  login,
  seedSongjiang,
  startTestApp,
  testConfig,
  TEST_PASSWORD,
  type TestApp,
} from '../../support/test-app';

/** Every table's rows as PostgreSQL prints them (row_to_json, UTC), sorted: what "row for row" compares. */
async function contents(client: Client): Promise<Record<string, string[]>> {
  await client.query(`SET TimeZone = 'UTC'`);
  const tables = await client.query<{ name: string }>(
    `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = 'public' AND c.relkind = 'r' ORDER BY c.relname`,
  );
  const out: Record<string, string[]> = {};
  for (const { name } of tables.rows) {
    if (EXCLUDED_TABLES.includes(name)) continue;
    const rows = await client.query<{ j: string }>(`SELECT row_to_json(t)::text AS j FROM "${name}" t`);
    out[name] = rows.rows.map((r) => r.j).sort();
  }
  return out;
}

async function connect(url: string): Promise<Client> {
  const client = new Client({ connectionString: url });
  await client.connect();
  return client;
}

describe('db:backup and db:restore: a consistent snapshot under load, restored row for row', () => {
  let t: TestApp;
  const dir = mkdtempSync(join(tmpdir(), 'jxt-backup-'));
  const file = join(dir, 'all.jxtbak');
  let formId: string;
  let lockedFormId: string;
  let filer: string;
  let snapshot: Record<string, string[]> = {};
  let snapshotRowVersion = 0;
  let savesDuringBackup = 0;
  const drops: (() => Promise<void>)[] = [];

  beforeAll(async () => {
    t = await startTestApp();
    const tenant = await seedSongjiang(t.ownerUrl, 'b');
    await seedSongjiang(t.ownerUrl, 'c');
    formId = tenant.forms[2].id;
    lockedFormId = tenant.forms[0].id;
    ({ authorization: filer } = await login(t.app, 'b-filer'));
    // One form approved: its rows are locked by triggers that the restore must get past.
    await approveThroughFinance(t.app, lockedFormId, {
      filer,
      supervisor: (await login(t.app, 'b-supervisor')).authorization,
      finance: (await login(t.app, 'b-finance')).authorization,
    });
  });
  afterAll(async () => {
    for (const drop of drops) await drop();
    await t.close();
    rmSync(dir, { recursive: true, force: true });
  });

  /** Saves the form with a new target value (`≥n%`) of its first 年度 indicator. */
  const save = async (app = t.app, authorization = filer, percent = 95): Promise<number> => {
    const form = (
      await app.inject({ method: 'GET', url: `/api/forms/${formId}`, headers: { authorization } })
    ).json<GoalForm>();
    const request = toSaveRequest(form);
    request.indicators.year[0].children[1].indicators[0].rawValue = `≥${percent}%`;
    const response = await app.inject({
      method: 'PUT',
      url: `/api/forms/${formId}`,
      headers: { authorization },
      payload: request as object,
    });
    if (response.statusCode !== 200) throw new Error(`save: ${response.statusCode} ${response.body}`);
    return response.json<GoalForm>().rowVersion;
  };

  it('backs up while forms are being saved, and the file holds exactly the snapshot it read', async () => {
    let saves = 0;
    let writing = true;
    let failure: unknown = null;
    const writer = (async () => {
      while (writing) {
        await save(t.app, filer, 50 + (saves % 50));
        saves++;
      }
    })().catch((err: unknown) => {
      failure = err;
    });
    /** Waits (at most 20 s) until `count` saves have committed; fails with the writer's error if it stopped. */
    const savesReach = async (count: number) => {
      const until = Date.now() + 20_000;
      while (saves < count) {
        if (failure) throw failure;
        if (Date.now() > until) throw new Error(`only ${saves} saves of ${count} in 20 s`);
        await new Promise((r) => setTimeout(r, 20));
      }
    };
    await savesReach(2);

    const summary = await writeBackup(t.ownerUrl, file, {
      onSnapshot: async (id) => {
        // What the backup sees, read on another connection through the same exported snapshot.
        const reader = await connect(t.ownerUrl);
        try {
          await reader.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
          await reader.query(`SET TRANSACTION SNAPSHOT '${id}'`);
          snapshot = await contents(reader);
          snapshotRowVersion = (
            await reader.query<{ v: number }>('SELECT row_version AS v FROM goal_form WHERE id = $1', [formId])
          ).rows[0].v;
          await reader.query('COMMIT');
        } finally {
          await reader.end();
        }
        // Saves go on after the snapshot was taken and before the tables are read.
        const before = saves;
        await savesReach(before + 2);
        savesDuringBackup = saves - before;
      },
    });
    writing = false;
    await writer;
    expect(failure).toBeNull();

    expect(savesDuringBackup).toBeGreaterThanOrEqual(2);
    expect(summary.rows.user_session).toBeUndefined();
    expect(summary.rows.login_attempt).toBeUndefined();
    expect(summary.rows.app_user).toBe(10);
    const owner = await connect(t.ownerUrl);
    const now = (await owner.query<{ v: number }>('SELECT row_version AS v FROM goal_form WHERE id = $1', [formId]))
      .rows[0].v;
    await owner.end();
    // The database moved on; the backup did not.
    expect(now).toBeGreaterThanOrEqual(snapshotRowVersion + 2);
    console.log(
      `backup under load: ${savesDuringBackup} form saves committed while it ran; ` +
        `${Object.values(summary.rows).reduce((a, b) => a + b, 0)} rows in ${Object.keys(summary.rows).length} tables`,
    );
  });

  it('restores into an empty database row for row; restored users log in with their passwords', async () => {
    await save(t.app, filer, 42); // a change after the backup that must not come back
    const fresh = await createTestDatabase();
    drops.push(fresh.drop);
    const restored = await restoreBackup(fresh.ownerUrl, file);
    expect(restored.tenant).toBeNull();

    const client = await connect(fresh.ownerUrl);
    try {
      expect(await contents(client)).toEqual(snapshot);
      const sessions = await client.query<{ n: number }>('SELECT count(*)::int AS n FROM user_session');
      expect(sessions.rows[0].n).toBe(0);
    } finally {
      await client.end();
    }

    const config = testConfig();
    const app = await createApp({ config, appDatabaseUrl: await ensureAppRole(fresh.ownerUrl, config), logger: false });
    try {
      const { authorization } = await login(app, 'b-filer', TEST_PASSWORD);
      const form = (
        await app.inject({ method: 'GET', url: `/api/forms/${formId}`, headers: { authorization } })
      ).json<GoalForm>();
      expect(form.rowVersion).toBe(snapshotRowVersion);
      // New rows get fresh ids (sequences were moved past the restored ones) and the locked form stays locked.
      expect(await save(app, authorization, 77)).toBe(snapshotRowVersion + 1);
      const locked = await app.inject({
        method: 'GET',
        url: `/api/forms/${lockedFormId}`,
        headers: { authorization },
      });
      expect(locked.json<GoalForm>().status).toBe('finance_approved');
    } finally {
      await app.close();
    }
  });

  it('refuses a database that holds data, and a backup of a newer schema, naming why', async () => {
    await expect(restoreBackup(t.ownerUrl, file)).rejects.toBeInstanceOf(RestoreRefused);
    await expect(restoreBackup(t.ownerUrl, file)).rejects.toThrow(/the database is not empty \(rows in .*\btenant\b/);

    const older = await createTestDatabase();
    drops.push(older.drop);
    const client = await connect(older.ownerUrl);
    const newest = (
      await client.query<{ name: string }>(
        `DELETE FROM schema_migration WHERE id = (SELECT max(id) FROM schema_migration) RETURNING name`,
      )
    ).rows[0].name;
    await client.end();
    await expect(restoreBackup(older.ownerUrl, file)).rejects.toThrow(
      `the backup's schema version ${newest} is newer than this database's`,
    );
  });

  it('npm run db:backup -- --out FILE --tenant CODE and db:restore FILE work from the command line', () => {
    const cli = resolve(__dirname, '../../../dist/cli.js');
    const one = join(dir, 'one.jxtbak');
    const env = (url: string) => ({
      ...process.env,
      DATABASE_URL: url,
      DATA_DIR: dir,
      NODE_ENV: 'test',
      SESSION_SECRET: 'integration-tests-secret-0123456789abcdef',
    });
    const backup = spawnSync(process.execPath, [cli, 'db:backup', '--out', one, '--tenant', 'b-songjiang'], {
      env: env(t.ownerUrl),
      encoding: 'utf8',
    });
    expect(backup.stderr).toBe('');
    expect(backup.status).toBe(0);
    expect(backup.stdout).toContain('backup of tenant b-songjiang');
    return (async () => {
      const fresh = await createTestDatabase();
      drops.push(fresh.drop);
      const restore = spawnSync(process.execPath, [cli, 'db:restore', one], {
        env: env(fresh.ownerUrl),
        encoding: 'utf8',
      });
      expect(restore.stderr).toBe('');
      expect(restore.status).toBe(0);
      const client = await connect(fresh.ownerUrl);
      try {
        const tenants = await client.query<{ code: string }>('SELECT code FROM tenant');
        expect(tenants.rows.map((r) => r.code)).toEqual(['b-songjiang']);
        const users = await client.query<{ username: string }>('SELECT username FROM app_user ORDER BY username');
        expect(users.rows.map((r) => r.username)).toEqual([
          'b-admin',
          'b-division',
          'b-filer',
          'b-finance',
          'b-supervisor',
        ]);
      } finally {
        await client.end();
      }
      const again = spawnSync(process.execPath, [cli, 'db:restore', one], {
        env: env(fresh.ownerUrl),
        encoding: 'utf8',
      });
      expect(again.status).toBe(1);
      expect(again.stderr).toContain('the database is not empty');
    })();
  });

  it('on the embedded default, db:backup uses the server the running app started (DATA_DIR in use)', async () => {
    const throwaway = await makeThrowawayDataDir('jxt-backup-embedded-');
    const dataDir = dirname(throwaway.dataDir);
    // What `npm start` does: the embedded server under DATA_DIR/postgres, owned by this (still running) process.
    const server = await startEmbeddedServer({ dataDir: join(dataDir, 'postgres'), fast: true });
    try {
      const ownerUrl = withDatabase(server.url, APP_DATABASE_NAME);
      await ensureDatabase(ownerUrl);
      await runMigrations(ownerUrl);
      await seedSongjiang(ownerUrl, 'e');
      const env: NodeJS.ProcessEnv = {
        ...process.env,
        DATA_DIR: dataDir,
        NODE_ENV: 'test',
        SESSION_SECRET: 'integration-tests-secret-0123456789abcdef',
      };
      delete env.DATABASE_URL;
      const out = join(dir, 'embedded.jxtbak');
      const backup = spawnSync(
        process.execPath,
        [resolve(__dirname, '../../../dist/cli.js'), 'db:backup', '--out', out],
        {
          env,
          encoding: 'utf8',
        },
      );
      expect(backup.stderr).toBe('');
      expect(backup.status).toBe(0);
      expect(backup.stdout).toMatch(/backup of all tenants written to .*embedded\.jxtbak: \d+ rows/);
      // The app's server is still the one serving: the command neither stopped nor replaced it.
      const client = await connect(ownerUrl);
      const users = await client.query<{ n: number }>('SELECT count(*)::int AS n FROM app_user');
      await client.end();
      expect(users.rows[0].n).toBe(5);
    } finally {
      await server.stop();
      await throwaway.remove();
    }
  });
});
