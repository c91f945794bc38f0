import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Client } from 'pg';
import { generateSync } from 'otplib';
import type {
  ApiError,
  CurrentUser,
  LoginChallengeResponse,
  LoginResponse,
  SecuritySettings,
  TotpEnrolment,
  TotpRecoveryCodes,
  User,
} from '@jxt/contracts';
import { changeInitialPassword, login, seedSongjiang, startTestApp, type TestApp } from '../../support/test-app';

/**
 * A code of the authenticator for `secret`, `steps` periods after `from` (default now; 1: the next one, within the drift
 * allowed). A test that compares codes passes one `from`, so a 30-s period ending mid-test cannot change which is which.
 */
const codeFor = (secret: string, steps = 0, from = Date.now()) =>
  generateSync({ secret, epoch: Math.floor(from / 1000) + steps * 30 });

const STRONG = 'Lanterns-7-Ridge';
const STRONGER = 'Orchard#42-Mist';

describe('accounts: password rules, forced change, TOTP, security settings', () => {
  let t: TestApp;
  let app: NestFastifyApplication;
  let admin: string;
  let bureauId: string;
  let unitId: string;

  const call = (method: 'GET' | 'POST' | 'PUT' | 'PATCH', url: string, authorization?: string, payload?: object) =>
    app.inject({ method, url, headers: authorization ? { authorization } : {}, ...(payload && { payload }) });
  const loginRaw = (username: string, password: string) =>
    call('POST', '/api/auth/login', undefined, { username, password });
  const bearer = (session: LoginResponse) => `Bearer ${session.accessToken}`;
  const fieldsOf = (response: { json<T>(): T }) =>
    response.json<ApiError>().fields?.map((f) => [f.field, f.message]) ?? [];

  const createUser = async (username: string, roles: string[], organizationId: string, password = STRONG) => {
    const response = await call('POST', '/api/users', admin, {
      username,
      displayName: username,
      password,
      organizationId,
      roles,
    });
    expect(response.statusCode).toBe(201);
    return response.json<User>();
  };

  beforeAll(async () => {
    t = await startTestApp({ SESSION_CACHE_SECONDS: '0' });
    app = t.app;
    const seeded = await seedSongjiang(t.ownerUrl, 's', [
      {
        username: 's-dept-admin',
        displayName: '主管部门管理员',
        roles: ['admin'],
        organization: '松江区科学技术委员会',
      },
    ]);
    bureauId = seeded.organizations.get('松江区财政局')!;
    unitId = [...seeded.organizations.values()].find((id) => id !== bureauId)!;
    const units = await call('GET', '/api/organizations', (await login(app, 's-admin')).authorization);
    unitId = units.json<{ id: string; kind: string }[]>().find((o) => o.kind === 'unit')!.id;
    admin = (await login(app, 's-admin')).authorization;
  });
  afterAll(() => t.close());

  it('refuses a password an admin sets that breaks a rule: 400 naming `password` with the rule in Chinese', async () => {
    const tries: [string, string][] = [
      ['Ab1!short', '密码至少 10 个字符'],
      ['alllowercase-only', '密码须包含大写字母、小写字母、数字、符号中的至少三类'],
      ['X1!s-weakling', '密码不能是用户名，也不能包含用户名'],
      ['Password123!', '密码过于常见，请换一个'],
    ];
    for (const [password, message] of tries) {
      const response = await call('POST', '/api/users', admin, {
        username: 's-weakling',
        displayName: '弱',
        password,
        organizationId: unitId,
        roles: ['filer'],
      });
      expect(response.statusCode).toBe(400);
      expect(fieldsOf(response)).toEqual([['password', message]]);
    }
    const user = await createUser('s-reset', ['filer'], unitId);
    const reset = await call('PATCH', `/api/users/${user.id}`, admin, { password: 'S-Reset-2026!' });
    expect(reset.statusCode).toBe(400);
    expect(fieldsOf(reset)).toEqual([['password', '密码不能是用户名，也不能包含用户名']]);
  });

  it('makes a user whose password an admin set change it first: until then only me, logout and the change', async () => {
    await createUser('s-newbie', ['filer'], unitId);
    const first = (await login(app, 's-newbie', STRONG)).session;
    const second = (await login(app, 's-newbie', STRONG)).session;
    expect(first.user.restriction).toBe('password_change');

    const refused = await call('GET', '/api/projects?year=2021', bearer(first));
    expect(refused.statusCode).toBe(403);
    expect(refused.json<ApiError>()).toMatchObject({ code: 'password_change_required', message: '请先修改初始密码' });
    const me = await call('GET', '/api/auth/me', bearer(first));
    expect(me.statusCode).toBe(200);
    expect(me.json<CurrentUser>().restriction).toBe('password_change');

    const change = (currentPassword: string, newPassword: string) =>
      call('POST', '/api/auth/password', bearer(first), { currentPassword, newPassword });
    const wrong = await change('not-the-password', STRONGER);
    expect(wrong.statusCode).toBe(400);
    expect(fieldsOf(wrong)).toEqual([['currentPassword', '当前密码不正确']]);
    const weak = await change(STRONG, 's-newbie-2026!X');
    expect(fieldsOf(weak)).toEqual([['newPassword', '密码不能是用户名，也不能包含用户名']]);
    const same = await change(STRONG, STRONG);
    expect(fieldsOf(same)).toEqual([['newPassword', '新密码不能与当前密码相同']]);
    expect((await change(STRONG, STRONGER)).statusCode).toBe(204);

    // This session may now do what a filer does; the other one (it knew the old password) has ended.
    expect((await call('GET', '/api/projects?year=2021', bearer(first))).statusCode).toBe(200);
    expect((await call('GET', '/api/auth/me', bearer(second))).statusCode).toBe(401);
    expect((await loginRaw('s-newbie', STRONG)).statusCode).toBe(401);
    expect((await login(app, 's-newbie', STRONGER)).session.user.restriction).toBeNull();

    // An admin's reset makes it required again.
    const id = first.user.id;
    expect((await call('PATCH', `/api/users/${id}`, admin, { password: 'Reset-Again-77' })).statusCode).toBe(200);
    expect((await login(app, 's-newbie', 'Reset-Again-77')).session.user.restriction).toBe('password_change');
  });

  it('exempts the seed’s demo users: the seeded admin has no restriction and needs no second factor', async () => {
    const { session } = await login(app, 's-admin');
    expect(session.user).toMatchObject({ restriction: null, totpEnabled: false, totpRequired: false });
  });

  it('makes an admin who is not a demo user enrol TOTP after the password, then log in with a code only once', async () => {
    await createUser('s-boss', ['admin'], bureauId);
    const { session } = await login(app, 's-boss', STRONG);
    expect(
      (await call('POST', '/api/auth/password', bearer(session), { currentPassword: STRONG, newPassword: STRONGER }))
        .statusCode,
    ).toBe(204);
    const me = (await call('GET', '/api/auth/me', bearer(session))).json<CurrentUser>();
    expect(me).toMatchObject({ restriction: 'totp_enrolment', totpEnabled: false, totpRequired: true });
    const refused = await call('GET', '/api/users', bearer(session));
    expect(refused.statusCode).toBe(403);
    expect(refused.json<ApiError>().code).toBe('totp_enrolment_required');

    const setup = await call('POST', '/api/auth/totp/setup', bearer(session));
    expect(setup.statusCode).toBe(200);
    const { secret, otpauthUri } = setup.json<TotpEnrolment>();
    expect(otpauthUri).toMatch(/^otpauth:\/\/totp\/.*s-boss\?.*secret=/);
    const badConfirm = await call('POST', '/api/auth/totp/confirm', bearer(session), { code: '000000' });
    expect(badConfirm.statusCode).toBe(400);
    expect(fieldsOf(badConfirm)[0][0]).toBe('code');
    const enrolledAt = Date.now();
    const enrolmentCode = codeFor(secret, 0, enrolledAt);
    const confirm = await call('POST', '/api/auth/totp/confirm', bearer(session), { code: enrolmentCode });
    expect(confirm.statusCode).toBe(200);
    const { recoveryCodes } = confirm.json<TotpRecoveryCodes>();
    expect(recoveryCodes).toHaveLength(10);
    expect(new Set(recoveryCodes).size).toBe(10);
    expect((await call('GET', '/api/users', bearer(session))).statusCode).toBe(200);

    // At rest: the secret is encrypted, the recovery codes hashed.
    const owner = new Client({ connectionString: t.ownerUrl });
    await owner.connect();
    const { rows } = await owner.query<{ totp_secret: string; totp_recovery_codes: string[] }>(
      `SELECT totp_secret, totp_recovery_codes FROM app_user WHERE username = 's-boss'`,
    );
    await owner.end();
    expect(rows[0].totp_secret).not.toContain(secret);
    expect(rows[0].totp_secret.startsWith('v1.')).toBe(true);
    expect(rows[0].totp_recovery_codes.some((h) => recoveryCodes.some((c) => h.includes(c)))).toBe(false);

    // The password now opens no session, only a challenge; the code does.
    const challenged = await loginRaw('s-boss', STRONGER);
    expect(challenged.statusCode).toBe(202);
    expect(challenged.cookies).toHaveLength(0);
    const { challengeToken } = challenged.json<LoginChallengeResponse>();
    const second = (code: string, token = challengeToken) =>
      call('POST', '/api/auth/login/totp', undefined, { challengeToken: token, code });
    expect((await second('123456')).statusCode).toBe(401);
    // The code used to confirm the enrolment is used up; the next period's code (within the drift) gets in, once.
    expect((await second(enrolmentCode)).statusCode).toBe(401);
    const next = codeFor(secret, 1, enrolledAt);
    const signedIn = await second(next);
    expect(signedIn.statusCode).toBe(200);
    expect(signedIn.json<LoginResponse>().user).toMatchObject({ username: 's-boss', restriction: null });
    const again = await loginRaw('s-boss', STRONGER);
    expect((await second(next, again.json<LoginChallengeResponse>().challengeToken)).statusCode).toBe(401);
    // A recovery code serves once.
    expect((await second(recoveryCodes[0].toUpperCase())).statusCode).toBe(200);
    expect((await second(recoveryCodes[0])).statusCode).toBe(401);
    // A forged or altered challenge is no challenge.
    expect((await second(recoveryCodes[1], challengeToken.replace(/.$/, 'x'))).statusCode).toBe(401);

    // An admin who must hold a second factor cannot switch it off.
    const disable = await call('POST', '/api/auth/totp/disable', bearer(signedIn.json<LoginResponse>()), {
      password: STRONGER,
    });
    expect(disable.statusCode).toBe(403);
  });

  it('lets any user enrol TOTP and switch it off again with the password', async () => {
    const { session } = await login(app, 's-filer');
    const { secret } = (await call('POST', '/api/auth/totp/setup', bearer(session))).json<TotpEnrolment>();
    expect((await call('POST', '/api/auth/totp/confirm', bearer(session), { code: codeFor(secret) })).statusCode).toBe(
      200,
    );
    expect((await loginRaw('s-filer', 'test-password-1')).statusCode).toBe(202);
    const wrong = await call('POST', '/api/auth/totp/disable', bearer(session), { password: 'nope' });
    expect(fieldsOf(wrong)).toEqual([['password', '密码不正确']]);
    expect(
      (await call('POST', '/api/auth/totp/disable', bearer(session), { password: 'test-password-1' })).statusCode,
    ).toBe(204);
    expect((await loginRaw('s-filer', 'test-password-1')).statusCode).toBe(200);
  });

  it('keeps security settings per tenant: bounds checked, editable only by an admin of the 财政局', async () => {
    const read = await call('GET', '/api/auth/security-settings', admin);
    expect(read.json<SecuritySettings>()).toMatchObject({
      idleTimeoutMinutes: 30,
      sessionMaxHours: 12,
      passwordMinLength: 10,
      editable: true,
    });
    const valid = {
      maxFailuresPerUser: 5,
      userDelaySeconds: 2,
      userDelayMaxSeconds: 600,
      idleTimeoutMinutes: 15,
      sessionMaxHours: 8,
      passwordMinLength: 14,
    };
    const bad = await call('PUT', '/api/auth/security-settings', admin, {
      ...valid,
      passwordMinLength: 8,
      idleTimeoutMinutes: 0,
      maxFailuresPerUser: 1000,
    });
    expect(bad.statusCode).toBe(400);
    expect(fieldsOf(bad).map(([f]) => f)).toEqual(['maxFailuresPerUser', 'idleTimeoutMinutes', 'passwordMinLength']);
    expect(fieldsOf(bad).find(([f]) => f === 'passwordMinLength')![1]).toBe('密码最短长度须为 10–64 的整数');
    const inverted = await call('PUT', '/api/auth/security-settings', admin, {
      ...valid,
      userDelayMaxSeconds: 60,
      userDelaySeconds: 120,
    });
    expect(fieldsOf(inverted).map(([f]) => f)).toEqual(['userDelayMaxSeconds']);

    const department = (await login(app, 's-dept-admin')).authorization;
    expect((await call('GET', '/api/auth/security-settings', department)).json<SecuritySettings>().editable).toBe(
      false,
    );
    expect((await call('PUT', '/api/auth/security-settings', department, valid)).statusCode).toBe(403);
    expect(
      (await call('PUT', '/api/auth/security-settings', (await login(app, 's-filer')).authorization, valid)).statusCode,
    ).toBe(403);

    const saved = await call('PUT', '/api/auth/security-settings', admin, valid);
    expect(saved.statusCode).toBe(200);
    expect(saved.json<SecuritySettings>()).toMatchObject(valid);

    // The new minimum length binds passwords set from now on, and the lifetime new sessions.
    const short = await call('POST', '/api/users', admin, {
      username: 's-short',
      displayName: '短',
      password: 'Abcdef-1234',
      organizationId: unitId,
      roles: ['filer'],
    });
    expect(fieldsOf(short)).toEqual([['password', '密码至少 14 个字符']]);
    const { session } = await login(app, 's-finance');
    const hours = (Date.parse(session.expiresAt) - Date.now()) / 3600_000;
    expect(hours).toBeGreaterThan(7.9);
    expect(hours).toBeLessThanOrEqual(8);
  });

  it('counts wrong codes against the login limits the tenant set: the sixth try after five wrong ones waits (429)', async () => {
    // The tenant's 安全设置 (previous test): 5 failures, then a wait of 2 s doubling — the env's 1,000 no longer apply.
    await createUser('s-counted', ['filer'], unitId, 'Counted-Ridge-2026!');
    await changeInitialPassword(app, 's-counted', 'Counted-Ridge-2026!', STRONGER + '-c');
    const { session } = await login(app, 's-counted', STRONGER + '-c');
    const { secret } = (await call('POST', '/api/auth/totp/setup', bearer(session))).json<TotpEnrolment>();
    await call('POST', '/api/auth/totp/confirm', bearer(session), { code: codeFor(secret) });
    const { challengeToken } = (await loginRaw('s-counted', STRONGER + '-c')).json<LoginChallengeResponse>();
    const second = (code: string) => call('POST', '/api/auth/login/totp', undefined, { challengeToken, code });
    for (let i = 0; i < 5; i++) expect((await second('000000')).statusCode).toBe(401);
    const waiting = await second(codeFor(secret, 1));
    expect(waiting.statusCode).toBe(429);
    expect(Number(waiting.headers['retry-after'])).toBeGreaterThan(0);
  });

  it('ends a session idle for longer than the tenant’s idle time-out', async () => {
    const { session } = await login(app, 's-supervisor');
    expect((await call('GET', '/api/auth/me', bearer(session))).statusCode).toBe(200);
    const owner = new Client({ connectionString: t.ownerUrl });
    await owner.connect();
    // 14 minutes idle of the 15 allowed: still in (and seen again now) …
    await owner.query(`UPDATE user_session SET last_seen_at = now() - interval '14 minutes' WHERE id = $1`, [
      await sessionId(owner, session.accessToken),
    ]);
    expect((await call('GET', '/api/auth/me', bearer(session))).statusCode).toBe(200);
    // … 16 minutes: ended.
    await owner.query(`UPDATE user_session SET last_seen_at = now() - interval '16 minutes' WHERE id = $1`, [
      await sessionId(owner, session.accessToken),
    ]);
    await owner.end();
    const gone = await call('GET', '/api/auth/me', bearer(session));
    expect(gone.statusCode).toBe(401);
  });

  async function sessionId(owner: Client, token: string): Promise<string> {
    const me = await call('GET', '/api/auth/sessions', `Bearer ${token}`);
    void owner;
    return me.json<{ id: string; current: boolean }[]>().find((s) => s.current)!.id;
  }
});
