import { Logger } from '@nestjs/common';
import type { OpenAPIObject } from '@nestjs/swagger';
import type { ApiError, Organization, User } from '@jxt/contracts';
import { Client } from 'pg';
import { randomUUID } from 'node:crypto';
import { DATABASE_UNAVAILABLE } from '../../../src/common/http/database-errors';
import { APP_CONFIG, type AppConfig } from '../../../src/config/app-config';
import { ChallengeSigner } from '../../../src/modules/auth/second-factor-crypto';
import type { LoadedTenant } from '../../../src/seeds/load-tenant';
import { TcpProxy } from '../../support/tcp-proxy';
import { login, seedSongjiang, startTestApp, TEST_PASSWORD, type TestApp } from '../../support/test-app';

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** A concrete URL for an operation of the document: ids, years and code lists filled in. */
const urlOf = (path: string) =>
  path
    .replace('{year}', '2021')
    .replace('{list}', 'project_category')
    .replace(/\{[^}]+\}/g, randomUUID());

/**
 * What an operator and a user see when the database fails (issue 11): an error nobody mapped is a 500 whose request
 * id is in the body, in X-Request-Id and in the log line with its SQLSTATE; a database that cannot be reached is a
 * 503 数据库暂不可用 on every route of the OpenAPI document, login included, and the app serves again as soon as it
 * is back, without a restart. The app reaches PostgreSQL through a TCP proxy this test takes down and up.
 */
describe('database errors: a request id for the unknown, 503 when the database is away', () => {
  let t: TestApp;
  let tenant: LoadedTenant;
  const proxy = (() => {
    const server = new URL(process.env.JXT_TEST_OWNER_URL!);
    return new TcpProxy(server.hostname, Number(server.port));
  })();
  let admin: string;

  beforeAll(async () => {
    await proxy.up();
    t = await startTestApp({}, {}, { connectVia: (url) => proxy.through(url) });
    tenant = await seedSongjiang(t.ownerUrl, 'd');
    admin = (await login(t.app, 'd-admin')).authorization;
  });
  afterAll(async () => {
    await proxy.up().catch(() => undefined);
    await t.close();
    await proxy.down();
  });

  it('answers an error it cannot name with 500, the request id in the body and the header, logged with its SQLSTATE', async () => {
    const owner = new Client({ connectionString: t.ownerUrl });
    await owner.connect();
    try {
      // A refusal no mapping knows (SQLSTATE P0001), raised where an admin renames an organisation.
      await owner.query(`
        CREATE FUNCTION test_unmapped() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN RAISE EXCEPTION 'unmapped refusal' USING ERRCODE = 'P0001'; END $$;
        CREATE TRIGGER test_unmapped BEFORE UPDATE ON organization FOR EACH ROW
          WHEN (NEW.name = '未知错误') EXECUTE FUNCTION test_unmapped();`);
      const unitId = tenant.organizations.get('松江区科学技术委员会')!;
      const logged = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
      const response = await t.app.inject({
        method: 'PATCH',
        url: `/api/organizations/${unitId}`,
        headers: { authorization: admin },
        payload: { name: '未知错误' },
      });
      const lines = logged.mock.calls.map(([line]) => String(line));
      logged.mockRestore();

      expect(response.statusCode).toBe(500);
      const requestId = response.headers['x-request-id'] as string;
      expect(requestId).toMatch(/^[0-9a-f-]{36}$/);
      const body = response.json<ApiError>();
      expect(body).toMatchObject({ statusCode: 500, requestId });
      expect(body.message).toContain(requestId);
      expect(body.message).not.toMatch(/unmapped refusal|P0001/); // the cause stays in the log
      expect(lines).toContainEqual(
        expect.stringMatching(new RegExp(`^500 request ${requestId} PATCH /api/organizations/\\S+ code P0001: `)),
      );
      const organizations = await t.app.inject({
        method: 'GET',
        url: '/api/organizations',
        headers: { authorization: admin },
      });
      expect(organizations.json<Organization[]>().find((o) => o.id === unitId)?.name).toBe('松江区科学技术委员会');
    } finally {
      await owner.query('DROP TRIGGER test_unmapped ON organization; DROP FUNCTION test_unmapped()');
      await owner.end();
    }
  });

  it('answers every route of the document with 503 数据库暂不可用 while the database is away, and serves again once it is back', async () => {
    const document = (await t.app.inject({ method: 'GET', url: '/api/docs-json' })).json<OpenAPIObject>();
    const operations = Object.entries(document.paths).flatMap(([path, item]) =>
      Object.keys(item as object)
        .filter((method) => ['get', 'post', 'put', 'patch', 'delete'].includes(method))
        .map((method) => [method.toUpperCase() as Method, path] as const),
    );
    expect(operations.length).toBeGreaterThan(40);
    const warn = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    // The login's second step refuses a challenge it did not sign without asking the database; a signed one
    // (as a right password would have given d-admin) meets the database first, as the login does.
    const { sessionSecret } = t.app.get<AppConfig>(APP_CONFIG);
    const { session } = await login(t.app, 'd-admin');
    const challengeToken = new ChallengeSigner(sessionSecret).sign({
      userId: session.user.id,
      tenantId: session.user.tenant.id,
      username: 'd-admin',
      expiresAt: Date.now() + 60_000,
    });
    await proxy.down();
    try {
      const answers: string[] = [];
      for (const [method, path] of operations) {
        const isLogin = path === '/api/auth/login';
        const isSecondStep = path === '/api/auth/login/totp';
        const response = await t.app.inject({
          method,
          url: urlOf(path),
          headers: isLogin || isSecondStep ? {} : { authorization: admin },
          ...(method === 'GET' || method === 'DELETE'
            ? {}
            : {
                payload: isLogin
                  ? { username: 'd-admin', password: TEST_PASSWORD }
                  : isSecondStep
                    ? { challengeToken, code: '123456' }
                    : {},
              }),
        });
        const body = response.json<ApiError & { status?: string }>();
        const ok =
          response.statusCode === 503 &&
          (path === '/api/health'
            ? body.status === 'error'
            : body.message === DATABASE_UNAVAILABLE &&
              body.requestId === response.headers['x-request-id'] &&
              response.headers['retry-after'] === '5');
        if (!ok) answers.push(`${method} ${path} → ${response.statusCode} ${response.body}`);
      }
      expect(answers).toEqual([]);
    } finally {
      await proxy.up();
      warn.mockRestore();
    }

    // Back: the pool makes new connections; no restart.
    const users = await t.app.inject({ method: 'GET', url: '/api/users', headers: { authorization: admin } });
    expect(users.statusCode).toBe(200);
    expect(users.json<User[]>().some((u) => u.username === 'd-admin')).toBe(true);
    expect((await t.app.inject({ method: 'GET', url: '/api/health' })).statusCode).toBe(200);
  });
});
