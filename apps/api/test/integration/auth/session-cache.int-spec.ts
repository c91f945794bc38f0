import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { CurrentUser } from '@jxt/contracts';
import { SessionCache } from '../../../src/common/auth/session-cache';
import { withOwnerTransaction } from '../../../src/seeds/owner-transaction';
import {
  appRoleClient,
  login,
  seedSongjiang,
  startSecondApp,
  startTestApp,
  type TestApp,
} from '../../support/test-app';

/**
 * Each API process keeps the session lookups it made (SessionCache); these prove that a kept session never outlives
 * a change to it: the very next request, on this process or on another one on the same database, is refused or sees
 * the change. Every test first makes both processes keep the session, so a pass is not a lookup that merely
 * happened anyway.
 */
describe('session cache: a kept session ends at once, in every API process on the database', () => {
  let t: TestApp;
  let second: NestFastifyApplication;
  let apps: NestFastifyApplication[];

  beforeAll(async () => {
    t = await startTestApp();
    second = await startSecondApp(t);
    apps = [t.app, second];
    await seedSongjiang(t.ownerUrl, 'c');
  });
  afterAll(async () => {
    await second.close();
    await t.close();
  });

  const me = (app: NestFastifyApplication, authorization: string) =>
    app.inject({ method: 'GET', url: '/api/auth/me', headers: { authorization } });
  const kept = (app: NestFastifyApplication) => app.get(SessionCache).size;

  /** Logs in on the first process and has both processes look the session up and keep it. */
  async function keptEverywhere(username: string) {
    const session = await login(t.app, username);
    for (const app of apps) {
      const before = kept(app);
      expect((await me(app, session.authorization)).statusCode).toBe(200);
      expect(kept(app)).toBe(before + 1);
      // The second request is answered from what the process keeps.
      expect((await me(app, session.authorization)).statusCode).toBe(200);
      expect(kept(app)).toBe(before + 1);
    }
    return session;
  }

  const owner = (sql: string, params: unknown[]) => withOwnerTransaction(t.ownerUrl, (q) => q(sql, params));

  it('refuses a session logged out on one process on the very next request, on both', async () => {
    const { authorization } = await keptEverywhere('c-filer');
    expect(
      (await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { authorization } })).statusCode,
    ).toBe(204);
    expect((await me(second, authorization)).statusCode).toBe(401);
    expect((await me(t.app, authorization)).statusCode).toBe(401);
  });

  it('refuses a logged-out session every time, however the notification races the next request (20 times)', async () => {
    const answers: number[] = [];
    for (let i = 0; i < 20; i++) {
      const { authorization } = await login(t.app, 'c-filer');
      for (const app of apps) expect((await me(app, authorization)).statusCode).toBe(200);
      await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { authorization } });
      answers.push((await me(apps[i % 2], authorization)).statusCode);
    }
    expect(answers).toEqual(Array(20).fill(401));
    // 20 logins (each an argon2 hash) and 100 requests: more than the default minute on a loaded 2-core machine.
  }, 180_000);

  it('refuses a user the admin disables on one process on the very next request on the other', async () => {
    const admin = await login(t.app, 'c-admin');
    const { authorization, session } = await keptEverywhere('c-supervisor');
    const disable = await t.app.inject({
      method: 'PATCH',
      url: `/api/users/${session.user.id}`,
      headers: { authorization: admin.authorization },
      payload: { disabled: true },
    });
    expect(disable.statusCode).toBe(200);
    expect((await me(second, authorization)).statusCode).toBe(401);
    expect((await me(t.app, authorization)).statusCode).toBe(401);
    await owner(`UPDATE app_user SET disabled = false WHERE id = $1`, [session.user.id]);
  });

  it('refuses a user disabled by any writer to the database, without a session being revoked', async () => {
    const { authorization, session } = await keptEverywhere('c-finance');
    await owner(`UPDATE app_user SET disabled = true WHERE id = $1`, [session.user.id]);
    for (const app of apps) expect((await me(app, authorization)).statusCode).toBe(401);
    await owner(`UPDATE app_user SET disabled = false WHERE id = $1`, [session.user.id]);
    // The session itself was never revoked: the user is back.
    for (const app of apps) expect((await me(app, authorization)).statusCode).toBe(200);
  });

  it('answers the next request with changed roles and a renamed unit', async () => {
    const { authorization, session } = await keptEverywhere('c-division');
    await owner(`UPDATE app_user SET roles = '{finance,admin}' WHERE id = $1`, [session.user.id]);
    for (const app of apps)
      expect((await me(app, authorization)).json<CurrentUser>().roles).toEqual(['finance', 'admin']);
    // An admin-only route now answers the same session.
    expect((await second.inject({ method: 'GET', url: '/api/users', headers: { authorization } })).statusCode).toBe(
      200,
    );

    await owner(`UPDATE organization SET name = name || '（新）' WHERE id = $1`, [session.user.organization.id]);
    for (const app of apps)
      expect((await me(app, authorization)).json<CurrentUser>().organization.name).toBe(
        `${session.user.organization.name}（新）`,
      );
  });

  it('lets the app role read the epoch but neither change it nor send an invalidation itself', async () => {
    const client = await appRoleClient(t.appUrl);
    try {
      expect((await client.query('SELECT epoch FROM session_cache_epoch')).rows).toHaveLength(1);
      await expect(client.query('UPDATE session_cache_epoch SET epoch = epoch + 1')).rejects.toThrow(
        /permission denied/,
      );
      await expect(client.query(`SELECT session_cache_invalidate('tenant', gen_random_uuid())`)).rejects.toThrow(
        /permission denied/,
      );
    } finally {
      await client.end();
    }
  });

  it('refuses a revoked session on the next request even when no notification arrives', async () => {
    const { authorization, session } = await keptEverywhere('c-admin');
    // Cut every listening connection: the change below is then heard of by nobody, and only the epoch read in
    // each request's first round trip can tell.
    const cut = await owner(
      `SELECT pg_terminate_backend(pid) AS cut FROM pg_stat_activity
       WHERE application_name = 'jixiaotong-session-cache' AND datname = current_database()`,
      [],
    );
    expect(cut.length).toBeGreaterThanOrEqual(2);
    await owner(`UPDATE user_session SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL`, [
      session.user.id,
    ]);
    for (const app of apps) expect((await me(app, authorization)).statusCode).toBe(401);
  });
});
