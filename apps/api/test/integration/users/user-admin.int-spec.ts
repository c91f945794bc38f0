import type {
  ApiError,
  AuditEventListResponse,
  CreatedUser,
  Organization,
  ResetPasswordResponse,
  User,
} from '@jxt/contracts';
import { checkPassword } from '@jxt/domain';
import { login, seedSongjiang, startTestApp, TEST_PASSWORD, type TestApp } from '../../support/test-app';

/** 用户 (admin): generated initial passwords shown once, 停用/启用, 重置密码, 强制下线, each in the audit log. */
describe('user administration', () => {
  let t: TestApp;
  let admin: string;
  let adminId: string;
  let unitId: string;
  let seq = 0;

  const call = (method: 'GET' | 'POST' | 'PATCH', url: string, authorization: string, payload?: object) =>
    t.app.inject({ method, url, headers: { authorization }, ...(payload ? { payload } : {}) });
  const users = async (authorization = admin) => (await call('GET', '/api/users', authorization)).json<User[]>();
  const tryLogin = (username: string, password: string) =>
    t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
  /** A filer of the unit with a generated password, who has changed it to TEST_PASSWORD-Own and is logged in. */
  const activeFiler = async () => {
    const username = `ua-f${++seq}`;
    const made = (
      await call('POST', '/api/users', admin, {
        username,
        displayName: username,
        organizationId: unitId,
        roles: ['filer'],
      })
    ).json<CreatedUser>();
    const first = await login(t.app, username, made.initialPassword!);
    await call('POST', '/api/auth/password', first.authorization, {
      currentPassword: made.initialPassword,
      newPassword: `${TEST_PASSWORD}-Own`,
    });
    return { ...made, authorization: (await login(t.app, username, `${TEST_PASSWORD}-Own`)).authorization };
  };

  beforeAll(async () => {
    t = await startTestApp();
    await seedSongjiang(t.ownerUrl, 'ua');
    await seedSongjiang(t.ownerUrl, 'ub');
    const session = await login(t.app, 'ua-admin');
    admin = session.authorization;
    adminId = session.session.user.id;
    unitId = (await call('GET', '/api/organizations', admin)).json<Organization[]>().find((o) => o.kind === 'unit')!.id;
  });
  afterAll(() => t.close());

  it('creates a user without a password: a generated one is shown once, passes the rules, and must be changed at the first login', async () => {
    const created = await call('POST', '/api/users', admin, {
      username: 'ua-new',
      displayName: '新填报人',
      organizationId: unitId,
      roles: ['filer'],
    });
    expect(created.statusCode).toBe(201);
    const user = created.json<CreatedUser>();
    expect(user).toMatchObject({ username: 'ua-new', disabled: false, passwordChangeRequired: true });
    expect(checkPassword(user.initialPassword!, { username: 'ua-new' })).toEqual([]);
    // Shown once: the list never carries it.
    const listed = (await users()).find((u) => u.id === user.id)!;
    expect(listed).not.toHaveProperty('initialPassword');
    expect(listed.passwordChangeRequired).toBe(true);

    const first = await login(t.app, 'ua-new', user.initialPassword!);
    expect(first.session.user.restriction).toBe('password_change');
    expect((await call('GET', '/api/projects?year=2021', first.authorization)).statusCode).toBe(403);
    const change = await call('POST', '/api/auth/password', first.authorization, {
      currentPassword: user.initialPassword,
      newPassword: 'Lantern#58-River',
    });
    expect(change.statusCode).toBe(204);
    expect((await login(t.app, 'ua-new', 'Lantern#58-River')).session.user.restriction).toBeNull();
    expect((await users()).find((u) => u.id === user.id)!.passwordChangeRequired).toBe(false);
    // A password the admin chose is taken as given (and not echoed back).
    const chosen = await call('POST', '/api/users', admin, {
      username: 'ua-chosen',
      displayName: '指定密码',
      password: 'Orchard#42-Mist',
      organizationId: unitId,
      roles: ['filer'],
    });
    expect(chosen.json<CreatedUser>().initialPassword).toBeNull();
  });

  it('disabling a user logs them out at once and refuses their login; enabling lets them back in', async () => {
    const filer = await activeFiler();
    expect((await call('GET', '/api/auth/me', filer.authorization)).statusCode).toBe(200);
    const disabled = await call('PATCH', `/api/users/${filer.id}`, admin, { disabled: true });
    expect(disabled.statusCode).toBe(200);
    expect(disabled.json<User>().disabled).toBe(true);
    expect((await call('GET', '/api/auth/me', filer.authorization)).statusCode).toBe(401);
    expect((await tryLogin(filer.username, `${TEST_PASSWORD}-Own`)).statusCode).toBe(401);
    const enabled = await call('PATCH', `/api/users/${filer.id}`, admin, { disabled: false });
    expect(enabled.json<User>().disabled).toBe(false);
    expect((await tryLogin(filer.username, `${TEST_PASSWORD}-Own`)).statusCode).toBe(200);
  });

  it('resets a password: a new generated one shown once, the user logged out at once, the old one refused, the new one must be changed', async () => {
    const filer = await activeFiler();
    const reset = await call('POST', `/api/users/${filer.id}/reset-password`, admin);
    expect(reset.statusCode).toBe(200);
    const { password } = reset.json<ResetPasswordResponse>();
    expect(checkPassword(password, { username: filer.username })).toEqual([]);
    expect((await call('GET', '/api/auth/me', filer.authorization)).statusCode).toBe(401);
    expect((await tryLogin(filer.username, `${TEST_PASSWORD}-Own`)).statusCode).toBe(401);
    expect((await login(t.app, filer.username, password)).session.user.restriction).toBe('password_change');
    expect((await users()).find((u) => u.id === filer.id)!.passwordChangeRequired).toBe(true);
  });

  it('强制下线 ends every session of the user (204) without touching the account', async () => {
    const filer = await activeFiler();
    const second = (await login(t.app, filer.username, `${TEST_PASSWORD}-Own`)).authorization;
    const revoke = await call('POST', `/api/users/${filer.id}/revoke-sessions`, admin);
    expect(revoke.statusCode).toBe(204);
    expect(revoke.body).toBe('');
    for (const session of [filer.authorization, second])
      expect((await call('GET', '/api/auth/me', session)).statusCode).toBe(401);
    expect((await tryLogin(filer.username, `${TEST_PASSWORD}-Own`)).statusCode).toBe(200);
  });

  it('refuses an admin disabling themselves or resetting their own password here', async () => {
    const self = await call('PATCH', `/api/users/${adminId}`, admin, { disabled: true });
    expect(self.statusCode).toBe(403);
    expect(self.json<ApiError>().fields?.[0]).toMatchObject({ field: 'disabled', message: '不能停用自己' });
    const reset = await call('POST', `/api/users/${adminId}/reset-password`, admin);
    expect(reset.statusCode).toBe(403);
    expect((await call('GET', '/api/auth/me', admin)).statusCode).toBe(200);
  });

  it("keeps to the tenant: another tenant's admin neither lists these users nor reaches them (404)", async () => {
    const other = (await login(t.app, 'ub-admin')).authorization;
    const theirs = await users(other);
    expect(theirs.length).toBeGreaterThan(0);
    expect(theirs.every((u) => u.username.startsWith('ub-'))).toBe(true);
    const target = (await users()).find((u) => u.username === 'ua-filer')!;
    for (const [method, url, body] of [
      ['PATCH', `/api/users/${target.id}`, { disabled: true }],
      ['POST', `/api/users/${target.id}/reset-password`, undefined],
      ['POST', `/api/users/${target.id}/revoke-sessions`, undefined],
    ] as const) {
      expect((await call(method, url, other, body)).statusCode).toBe(404);
    }
    expect((await tryLogin('ua-filer', TEST_PASSWORD)).statusCode).toBe(200);
  });

  it('records each admin action on users in the audit log, never a password', async () => {
    const filer = await activeFiler();
    await call('PATCH', `/api/users/${filer.id}`, admin, { disabled: true });
    await call('PATCH', `/api/users/${filer.id}`, admin, { disabled: false });
    await call('POST', `/api/users/${filer.id}/reset-password`, admin);
    await call('POST', `/api/users/${filer.id}/revoke-sessions`, admin);
    const page = (
      await call('GET', `/api/audit-events?user=ua-admin&pageSize=200`, admin)
    ).json<AuditEventListResponse>();
    const mine = page.items.filter((e) => e.targetId === filer.id).reverse();
    expect(mine.map((e) => [e.eventType, e.status, e.detail])).toEqual([
      [
        'user.create',
        201,
        { username: filer.username, displayName: filer.username, organizationId: unitId, roles: ['filer'] },
      ],
      ['user.update', 200, { disabled: true }],
      ['user.update', 200, { disabled: false }],
      ['user.reset_password', 200, null],
      ['user.revoke_sessions', 204, null],
    ]);
    expect(JSON.stringify(page.items)).not.toMatch(/initialPassword|"password"/);
  });
});
