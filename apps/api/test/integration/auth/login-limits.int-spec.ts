import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { LightMyRequestResponse } from 'fastify';
import type { ApiError, SessionSummary } from '@jxt/contracts';
import { createTenant } from '../../../src/seeds/create-tenant';
import { seedSongjiang, startSecondApp, startTestApp, TEST_PASSWORD, type TestApp } from '../../support/test-app';
import { asOwner } from '../../support/owner';

const attempt = (
  app: NestFastifyApplication,
  username: string,
  password: string,
  ip: string,
  headers: Record<string, string> = {},
) =>
  app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password }, remoteAddress: ip, headers });

/** The seconds a 429 tells the client to wait, from its Retry-After header (a whole number, RFC 9110 §10.2.3). */
function retryAfter(response: LightMyRequestResponse): number {
  expect(response.statusCode).toBe(429);
  const header = response.headers['retry-after'];
  expect(String(header)).toMatch(/^\d+$/);
  return Number(header);
}

/** How many times the login path looked a name up and checked a password for it (auth_find_login audits each). */
const passwordChecks = (url: string, username: string) =>
  asOwner(url, async (owner) =>
    Number(
      (
        await owner.query<{ n: string }>(
          `SELECT count(*) AS n FROM login_audit WHERE username = $1 AND outcome <> 'throttled'`,
          [username],
        )
      ).rows[0].n,
    ),
  );

/** Lets `seconds` pass for the login counters (every time they hold moves back). */
const elapse = (url: string, seconds: number) =>
  asOwner(url, (owner) =>
    owner.query(
      `UPDATE login_attempt SET first_at = first_at - make_interval(secs => $1),
         last_at = last_at - make_interval(secs => $1), blocked_until = blocked_until - make_interval(secs => $1)`,
      [seconds],
    ),
  );

describe('login limits under a burst of parallel requests', () => {
  let t: TestApp;
  beforeAll(async () => {
    // The first delay is long, so that no attempt of the burst can arrive after it has passed.
    t = await startTestApp({
      LOGIN_MAX_FAILURES_PER_USER: '5',
      LOGIN_USER_DELAY_SECONDS: '60',
      LOGIN_MAX_FAILURES_PER_ADDRESS: '5',
    });
    await seedSongjiang(t.ownerUrl, 'p');
  });
  afterAll(() => t.close());

  it('checks at most 5 passwords of one user for 30 parallel wrong ones, each from its own address', async () => {
    const answers = await Promise.all(
      Array.from({ length: 30 }, (_, i) => attempt(t.app, 'p-filer', `wrong-${i}`, `10.1.0.${i + 1}`)),
    );
    const checks = await passwordChecks(t.ownerUrl, 'p-filer');
    expect(checks).toBeLessThanOrEqual(5);
    expect(answers.filter((a) => a.statusCode === 401)).toHaveLength(checks);
    const refused = answers.filter((a) => a.statusCode === 429);
    expect(refused).toHaveLength(30 - checks);
    for (const answer of refused) {
      expect(retryAfter(answer)).toBeGreaterThan(0);
      expect(retryAfter(answer)).toBeLessThanOrEqual(60);
      expect(answer.json<ApiError>().message).toMatch(/登录失败次数过多，请 \d+ (秒|分钟)后再试/);
    }
    console.log(`30 parallel wrong passwords for one user: ${checks} password checks, ${refused.length} answered 429`);
  }, 240_000); // today's code hashes most of the 30: slow on a busy machine

  it('checks at most 5 passwords from one address for 30 parallel wrong ones, each for another name', async () => {
    const names = Array.from({ length: 30 }, (_, i) => `spray-${i}`);
    const answers = await Promise.all(names.map((name) => attempt(t.app, name, 'wrong', '10.2.0.1')));
    let checks = 0;
    for (const name of names) checks += await passwordChecks(t.ownerUrl, name);
    expect(checks).toBeLessThanOrEqual(5);
    expect(answers.filter((a) => a.statusCode === 429)).toHaveLength(30 - checks);
    console.log(`30 parallel wrong passwords from one address: ${checks} password checks`);
  }, 240_000);
});

describe('login limits: a progressive delay per user name, a strict limit per address', () => {
  let t: TestApp;
  let second: NestFastifyApplication;
  const limits = {
    LOGIN_MAX_FAILURES_PER_USER: '3',
    LOGIN_USER_DELAY_SECONDS: '60',
    LOGIN_USER_DELAY_MAX_SECONDS: '200',
    LOGIN_MAX_FAILURES_PER_ADDRESS: '5',
    LOGIN_RATE_WINDOW_SECONDS: '600',
  };

  beforeAll(async () => {
    t = await startTestApp(limits);
    second = await startSecondApp(t, limits);
    await seedSongjiang(t.ownerUrl, 'r');
  });
  afterAll(async () => {
    await second.close();
    await t.close();
  });

  it('makes a user wait 60, 120, then at most 200 s after 3 failures, on every process; the right password then gets in', async () => {
    for (const [i, app] of [t.app, second, t.app].entries())
      expect((await attempt(app, 'r-filer', 'bad', `10.0.0.${i + 1}`)).statusCode).toBe(401);
    // A stranger who knows the name: the owner waits a minute, not a quarter of an hour.
    const first = await attempt(second, 'r-filer', TEST_PASSWORD, '10.0.0.4');
    expect(retryAfter(first)).toBeGreaterThan(50);
    expect(retryAfter(first)).toBeLessThanOrEqual(60);
    expect(first.json<ApiError>().message).toContain('登录失败次数过多');
    // Waiting is no failure; after the wait a password is checked again, and the next wait doubles …
    expect(retryAfter(await attempt(t.app, 'r-filer', 'bad', '10.0.0.5'))).toBeLessThanOrEqual(60);
    await elapse(t.ownerUrl, 60);
    expect((await attempt(t.app, 'r-filer', 'bad', '10.0.0.5')).statusCode).toBe(401);
    expect(retryAfter(await attempt(second, 'r-filer', 'bad', '10.0.0.6'))).toBeGreaterThan(110);
    await elapse(t.ownerUrl, 120);
    expect((await attempt(t.app, 'r-filer', 'bad', '10.0.0.7')).statusCode).toBe(401);
    // … up to the cap.
    const capped = retryAfter(await attempt(t.app, 'r-filer', TEST_PASSWORD, '10.0.0.8'));
    expect(capped).toBeGreaterThan(190);
    expect(capped).toBeLessThanOrEqual(200);
    await elapse(t.ownerUrl, 200);
    expect((await attempt(second, 'r-filer', TEST_PASSWORD, '10.0.0.9')).statusCode).toBe(200);
    // Getting in clears the user's failures.
    expect((await attempt(t.app, 'r-filer', 'bad', '10.0.0.10')).statusCode).toBe(401);
    // Another user was never affected.
    expect((await attempt(t.app, 'r-supervisor', TEST_PASSWORD, '10.0.0.11')).statusCode).toBe(200);
  });

  it('forgets a user’s failures after a quiet window', async () => {
    for (let i = 0; i < 3; i++)
      expect((await attempt(t.app, 'r-finance', 'bad', `10.3.0.${i + 1}`)).statusCode).toBe(401);
    expect((await attempt(t.app, 'r-finance', 'bad', '10.3.0.9')).statusCode).toBe(429);
    await elapse(t.ownerUrl, 600);
    for (let i = 0; i < 3; i++)
      expect((await attempt(t.app, 'r-finance', 'bad', `10.3.1.${i + 1}`)).statusCode).toBe(401);
    expect((await attempt(t.app, 'r-finance', TEST_PASSWORD, '10.3.1.9')).statusCode).toBe(429);
  });

  it('counts every spelling of a name as that name (case, surrounding blanks), as the login itself finds it', async () => {
    for (const [i, name] of ['R-ADMIN', ' r-admin ', 'r-Admin'].entries())
      expect((await attempt(t.app, name, 'bad', `10.4.0.${i + 1}`)).statusCode).toBe(401);
    expect(retryAfter(await attempt(second, 'r-admin', TEST_PASSWORD, '10.4.0.9'))).toBeGreaterThan(50);
    await elapse(t.ownerUrl, 60);
    expect((await attempt(second, 'R-Admin', TEST_PASSWORD, '10.4.0.9')).statusCode).toBe(200);
  });

  it('blocks an address that sprays many user names until its window ends, even with a right password', async () => {
    const started = Date.now();
    for (const name of ['x1', 'x2', 'x3', 'x4', 'x5'])
      expect((await attempt(t.app, name, 'bad', '10.9.9.9')).statusCode).toBe(401);
    const blocked = await attempt(second, 'r-admin', TEST_PASSWORD, '10.9.9.9');
    // The window runs from the first attempt: what is left of it, however slowly the five attempts went.
    const spent = Math.ceil((Date.now() - started) / 1000);
    expect(retryAfter(blocked)).toBeGreaterThanOrEqual(600 - spent - 1);
    expect(retryAfter(blocked)).toBeLessThanOrEqual(600);
    expect((await attempt(second, 'r-admin', TEST_PASSWORD, '10.9.9.10')).statusCode).toBe(200);
    await elapse(t.ownerUrl, 300);
    expect(retryAfter(await attempt(t.app, 'r-admin', TEST_PASSWORD, '10.9.9.9'))).toBeLessThanOrEqual(300);
    await elapse(t.ownerUrl, 300);
    expect((await attempt(t.app, 'r-admin', TEST_PASSWORD, '10.9.9.9')).statusCode).toBe(200);
  });

  it('does not count the logins that succeed against their address (an office behind one address)', async () => {
    for (let i = 0; i < 12; i++)
      expect((await attempt(i % 2 ? t.app : second, 'r-supervisor', TEST_PASSWORD, '10.8.8.8')).statusCode).toBe(200);
  });
});

describe('the client address behind proxies (TRUST_PROXY)', () => {
  /** The address the API recorded for a login sent from `remoteAddress` with `forwardedFor`. */
  async function recordedAddress(settings: Record<string, string>): Promise<string> {
    const t = await startTestApp({ LOG_LEVEL: 'silent', ...settings });
    try {
      await createTenant(t.ownerUrl, {
        code: 'proxy',
        name: '代理区',
        financeBureauName: '代理区财政局',
        admin: { username: 'proxy-admin', displayName: '管理员', password: TEST_PASSWORD },
      });
      const login = await attempt(t.app, 'proxy-admin', TEST_PASSWORD, '192.0.2.10', {
        'x-forwarded-for': '203.0.113.66, 198.51.100.7',
      });
      expect(login.statusCode).toBe(200);
      const sessions = await t.app.inject({
        method: 'GET',
        url: '/api/auth/sessions',
        headers: { authorization: `Bearer ${login.json<{ accessToken: string }>().accessToken}` },
      });
      return sessions.json<SessionSummary[]>()[0].ip!;
    } finally {
      await t.close();
    }
  }
  const production = { NODE_ENV: 'production', DATABASE_URL: 'postgres://unused@localhost/unused' };

  it('ignores X-Forwarded-For in production unless TRUST_PROXY says how many proxies to trust', async () => {
    expect(await recordedAddress(production)).toBe('192.0.2.10');
    expect(await recordedAddress({ ...production, TRUST_PROXY: '0' })).toBe('192.0.2.10');
    // One proxy: the address it saw (the last entry); whatever the client wrote before it is not believed.
    expect(await recordedAddress({ ...production, TRUST_PROXY: '1' })).toBe('198.51.100.7');
    expect(await recordedAddress({ ...production, TRUST_PROXY: '2' })).toBe('203.0.113.66');
  });

  it('ignores X-Forwarded-For outside production too, unless TRUST_PROXY is set', async () => {
    expect(await recordedAddress({})).toBe('192.0.2.10');
    expect(await recordedAddress({ TRUST_PROXY: '1' })).toBe('198.51.100.7');
  });
});
