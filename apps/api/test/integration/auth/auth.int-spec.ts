import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Client } from 'pg';
import type { ApiError, CurrentUser, LoginResponse, SessionSummary } from '@jxt/contracts';
import { createTenant } from '../../../src/seeds/create-tenant';
import { TEST_PASSWORD, login, seedSongjiang, startTestApp, type TestApp } from '../../support/test-app';

function cookiesOf(response: { cookies: { name: string; value: string; httpOnly?: boolean; sameSite?: string }[] }) {
  return Object.fromEntries(response.cookies.map((c) => [c.name, c]));
}

describe('auth: login, sessions, revocation, CSRF', () => {
  let t: TestApp;
  let app: NestFastifyApplication;

  beforeAll(async () => {
    t = await startTestApp();
    app = t.app;
    await seedSongjiang(t.ownerUrl, 'a');
  });
  afterAll(() => t.close());

  it('logs in with passport-local: returns a token and the user, and sets the same token as an httpOnly SameSite cookie', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'a-filer', password: TEST_PASSWORD },
    });
    expect(response.statusCode).toBe(200);
    const body = response.json<LoginResponse>();
    expect(body.user).toMatchObject({
      username: 'a-filer',
      roles: ['filer'],
      organization: { kind: 'unit', name: '上海市松江区科技创新服务中心（上海市松江区大数据中心）' },
    });
    const cookies = cookiesOf(response);
    expect(cookies.jxt_session.value).toBe(body.accessToken);
    expect(cookies.jxt_session.httpOnly).toBe(true);
    expect(cookies.jxt_session.sameSite).toBe('Strict');
    expect(cookies.jxt_csrf.value).toBe(body.csrfToken);
  });

  it("gives the user's 联系电话 with the session (proposed for a 提交); the admin sets it, checked like the 提交's", async () => {
    const { session } = await login(app, 'a-filer');
    expect(session.user.phone).toBe('021-57820101');
    const me = async (authorization: string) =>
      (await app.inject({ method: 'GET', url: '/api/auth/me', headers: { authorization } })).json<CurrentUser>();
    expect((await me(`Bearer ${session.accessToken}`)).phone).toBe('021-57820101');

    const admin = await login(app, 'a-admin');
    expect((await me(admin.authorization)).phone).toBeNull();
    const patch = (payload: Record<string, unknown>) =>
      app.inject({
        method: 'PATCH',
        url: `/api/users/${session.user.id}`,
        headers: { authorization: admin.authorization },
        payload,
      });
    const bad = await patch({ phone: '12345' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json<ApiError>().fields?.map((f) => f.field)).toEqual(['phone']);
    expect((await patch({ phone: ' 13812345678 ' })).json<{ phone: string | null }>().phone).toBe('13812345678');
    expect((await me((await login(app, 'a-filer')).authorization)).phone).toBe('13812345678');
    expect((await patch({ displayName: 'a 填报人' })).json<{ phone: string | null }>().phone).toBe('13812345678'); // untouched when not sent
    expect((await patch({ phone: '' })).json<{ phone: string | null }>().phone).toBeNull();
    await patch({ phone: '021-57820101' });
  });

  it('accepts either the bearer token or the cookie on later calls', async () => {
    const { session } = await login(app, 'a-filer');
    const viaBearer = await app.inject({
      method: 'GET',
      url: '/api/auth/me',
      headers: { authorization: `Bearer ${session.accessToken}` },
    });
    const viaCookie = await app.inject({
      method: 'GET',
      url: '/api/auth/me',
      cookies: { jxt_session: session.accessToken },
    });
    expect(viaBearer.json<CurrentUser>().username).toBe('a-filer');
    expect(viaCookie.json<CurrentUser>().username).toBe('a-filer');
  });

  it('refuses a cookie-authenticated write without the CSRF header, and accepts it with the header', async () => {
    const { session } = await login(app, 'a-filer');
    const cookies = { jxt_session: session.accessToken };
    const without = await app.inject({ method: 'POST', url: '/api/auth/logout', cookies });
    expect(without.statusCode).toBe(403);
    expect(without.json<ApiError>().message).toContain('CSRF');
    const withHeader = await app.inject({
      method: 'POST',
      url: '/api/auth/logout',
      cookies,
      headers: { 'x-csrf-token': session.csrfToken },
    });
    expect(withHeader.statusCode).toBe(204);
  });

  it('gives the same 401 for an unknown user and a wrong password, and a 400 naming each missing field', async () => {
    const unknown = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'nobody', password: 'x' },
    });
    const wrong = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'a-filer', password: 'wrong' },
    });
    expect(unknown.statusCode).toBe(401);
    expect(wrong.statusCode).toBe(401);
    expect(unknown.json<ApiError>().message).toBe(wrong.json<ApiError>().message);
    const empty = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: '' } });
    expect(empty.statusCode).toBe(400);
    expect(
      empty
        .json<ApiError>()
        .fields?.map((f) => f.field)
        .sort(),
    ).toEqual(['password', 'username']);
  });

  it('audits every lookup of the login path', async () => {
    const owner = new Client({ connectionString: t.ownerUrl });
    await owner.connect();
    try {
      await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'ghost-user', password: 'x' } });
      const { rows } = await owner.query(`SELECT outcome FROM login_audit WHERE username = 'ghost-user'`);
      expect(rows).toEqual([{ outcome: 'unknown' }]);
    } finally {
      await owner.end();
    }
  });

  it('ends a session at once on logout', async () => {
    const { authorization } = await login(app, 'a-filer');
    expect((await app.inject({ method: 'GET', url: '/api/auth/me', headers: { authorization } })).statusCode).toBe(200);
    expect((await app.inject({ method: 'POST', url: '/api/auth/logout', headers: { authorization } })).statusCode).toBe(
      204,
    );
    const after = await app.inject({ method: 'GET', url: '/api/auth/me', headers: { authorization } });
    expect(after.statusCode).toBe(401);
  });

  it('lets a user list and revoke their own other sessions', async () => {
    const first = await login(app, 'a-supervisor');
    const second = await login(app, 'a-supervisor');
    const list = (
      await app.inject({ method: 'GET', url: '/api/auth/sessions', headers: { authorization: second.authorization } })
    ).json<SessionSummary[]>();
    const other = list.find((s) => !s.current)!;
    expect(list.filter((s) => s.current)).toHaveLength(1);
    const revoke = await app.inject({
      method: 'DELETE',
      url: `/api/auth/sessions/${other.id}`,
      headers: { authorization: second.authorization },
    });
    expect(revoke.statusCode).toBe(204);
    expect(
      (await app.inject({ method: 'GET', url: '/api/auth/me', headers: { authorization: first.authorization } }))
        .statusCode,
    ).toBe(401);
    expect(
      (await app.inject({ method: 'GET', url: '/api/auth/me', headers: { authorization: second.authorization } }))
        .statusCode,
    ).toBe(200);
  });

  it('ends every session of a user the admin disables, at once; the user can no longer log in', async () => {
    const admin = await login(app, 'a-admin');
    const finance = await login(app, 'a-finance');
    const users = (
      await app.inject({ method: 'GET', url: '/api/users', headers: { authorization: admin.authorization } })
    ).json<{ id: string; username: string }[]>();
    const target = users.find((u) => u.username === 'a-finance')!;
    const disable = await app.inject({
      method: 'PATCH',
      url: `/api/users/${target.id}`,
      headers: { authorization: admin.authorization },
      payload: { disabled: true },
    });
    expect(disable.statusCode).toBe(200);
    expect(
      (await app.inject({ method: 'GET', url: '/api/auth/me', headers: { authorization: finance.authorization } }))
        .statusCode,
    ).toBe(401);
    const again = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'a-finance', password: TEST_PASSWORD },
    });
    expect(again.statusCode).toBe(401);
  });

  it("lets an admin revoke another user's sessions", async () => {
    const admin = await login(app, 'a-admin');
    const filer = await login(app, 'a-filer');
    const users = (
      await app.inject({ method: 'GET', url: '/api/users', headers: { authorization: admin.authorization } })
    ).json<{ id: string; username: string }[]>();
    const target = users.find((u) => u.username === 'a-filer')!;
    const revoke = await app.inject({
      method: 'POST',
      url: `/api/users/${target.id}/revoke-sessions`,
      headers: { authorization: admin.authorization },
    });
    expect(revoke.statusCode).toBe(204);
    expect(revoke.body).toBe('');
    expect(
      (await app.inject({ method: 'GET', url: '/api/auth/me', headers: { authorization: filer.authorization } }))
        .statusCode,
    ).toBe(401);
  });

  it('refuses a role the route does not allow (a filer cannot list users)', async () => {
    const filer = await login(app, 'a-filer');
    const response = await app.inject({
      method: 'GET',
      url: '/api/users',
      headers: { authorization: filer.authorization },
    });
    expect(response.statusCode).toBe(403);
  });

  it('lets the operator create a tenant with its first admin, who can then log in', async () => {
    await createTenant(t.ownerUrl, {
      code: 'pudong',
      name: '浦东新区',
      financeBureauName: '浦东新区财政局',
      admin: { username: 'PD-Admin', displayName: '浦东管理员', password: 'a-long-password' },
    });
    const { session } = await login(app, 'pd-admin', 'a-long-password');
    expect(session.user).toMatchObject({
      roles: ['admin'],
      tenant: { name: '浦东新区' },
      organization: { name: '浦东新区财政局', kind: 'finance_bureau' },
    });
  });
});
