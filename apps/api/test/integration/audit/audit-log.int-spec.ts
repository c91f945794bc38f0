import { Client } from 'pg';
import type { AuditEvent, AuditEventListResponse, Organization, User } from '@jxt/contracts';
import { checkAuditRetention, loadConfig } from '../../../src/config/app-config';
import { purgeAuditEvents } from '../../../src/modules/audit/audit-event.repository';
import { withOwnerTransaction } from '../../../src/seeds/owner-transaction';
import { appRoleClient, login, seedSongjiang, startTestApp, TEST_PASSWORD, type TestApp } from '../../support/test-app';

/**
 * The audit log (docs/adr/0020-audit-log.md): what is recorded, that nothing can rewrite it, how long it is kept,
 * and who reads it.
 */
describe('audit log', () => {
  let t: TestApp;
  let owner: Client;
  const auth: Record<string, string> = {};
  let bureauId: string;

  const call = (
    method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE',
    url: string,
    authorization: string,
    payload?: object,
  ) => t.app.inject({ method, url, headers: { authorization }, ...(payload ? { payload } : {}) });
  const attempt = (username: string, password: string, ip: string) =>
    t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password }, remoteAddress: ip });
  /** The events the owner sees (no row-level security), newest first. */
  const stored = async (where: string, params: unknown[] = []) =>
    (
      await owner.query<Record<string, unknown>>(
        `SELECT tenant_id, user_id, username, event_type, status, ip, request_id, target_type, target_id, detail, route
         FROM audit_event WHERE ${where} ORDER BY id DESC`,
        params,
      )
    ).rows;
  const list = async (authorization: string, query = '') => {
    const response = await call('GET', `/api/audit-events${query}`, authorization);
    expect(response.statusCode).toBe(200);
    return response.json<AuditEventListResponse>();
  };

  beforeAll(async () => {
    t = await startTestApp({ LOGIN_MAX_FAILURES_PER_USER: '2', LOGIN_USER_DELAY_SECONDS: '60' });
    await seedSongjiang(t.ownerUrl, 'a', [
      { username: 'a-auditor', displayName: 'a 审计', roles: ['auditor'], organization: '松江区财政局' },
      {
        username: 'a-dept-auditor',
        displayName: 'a 部门审计',
        roles: ['auditor'],
        organization: '松江区科学技术委员会',
      },
      { username: 'a-dept-admin', displayName: 'a 部门管理员', roles: ['admin'], organization: '松江区科学技术委员会' },
    ]);
    await seedSongjiang(t.ownerUrl, 'b');
    owner = new Client({ connectionString: t.ownerUrl });
    await owner.connect();
    for (const name of ['admin', 'filer', 'auditor', 'dept-auditor', 'dept-admin'])
      auth[name] = (await login(t.app, `a-${name}`)).authorization;
    auth.bAdmin = (await login(t.app, 'b-admin')).authorization;
    const organizations = (await call('GET', '/api/organizations', auth.admin)).json<Organization[]>();
    bureauId = organizations.find((o) => o.kind === 'finance_bureau')!.id;
  });
  afterAll(async () => {
    await owner.end();
    await t.close();
  });

  describe('records', () => {
    it('a login with who, from where and the request id', async () => {
      const response = await attempt('a-finance', TEST_PASSWORD, '10.9.0.1');
      expect(response.statusCode).toBe(200);
      const [event] = await stored(`username = 'a-finance' AND event_type = 'login'`);
      expect(event).toMatchObject({ status: 200, ip: '10.9.0.1', request_id: response.headers['x-request-id'] });
      expect(event.tenant_id).toEqual(expect.any(String));
      expect(event.user_id).toEqual(expect.any(String));
    });

    it('a failed login of a known user in its tenant, and of an unknown name with no tenant', async () => {
      expect((await attempt('a-division', 'wrong-password', '10.9.0.2')).statusCode).toBe(401);
      const [known] = await stored(`username = 'a-division' AND event_type = 'login.failed'`);
      expect(known).toMatchObject({ status: 401, ip: '10.9.0.2' });
      expect(known.tenant_id).toEqual(expect.any(String));
      expect((await attempt('nobody-here', 'wrong-password', '10.9.0.2')).statusCode).toBe(401);
      const [unknown] = await stored(`username = 'nobody-here'`);
      expect(unknown).toMatchObject({ event_type: 'login.failed', tenant_id: null, user_id: null, status: 401 });
    });

    it('a throttled login (429), which also leaves its login_audit row', async () => {
      const statuses: number[] = [];
      for (let i = 0; i < 4; i++) statuses.push((await attempt('a-supervisor', `wrong-${i}`, '10.9.0.3')).statusCode);
      expect(statuses).toContain(429);
      const throttled = await stored(`username = 'a-supervisor' AND event_type = 'login.throttled'`);
      expect(throttled.length).toBe(statuses.filter((s) => s === 429).length);
      expect(throttled[0]).toMatchObject({ status: 429, ip: '10.9.0.3' });
      const { rows } = await owner.query(
        `SELECT outcome FROM login_audit WHERE username = 'a-supervisor' AND outcome = 'throttled'`,
      );
      expect(rows).toHaveLength(throttled.length);
    });

    it('a logout', async () => {
      const { authorization } = await login(t.app, 'a-finance');
      expect((await call('POST', '/api/auth/logout', authorization)).statusCode).toBe(204);
      const [event] = await stored(`username = 'a-finance' AND event_type = 'logout'`);
      expect(event).toMatchObject({ status: 204, route: '/api/auth/logout' });
    });

    it('an admin creating a user, with the new id and the request without its password', async () => {
      const response = await call('POST', '/api/users', auth.admin, {
        username: 'a-new-user',
        displayName: '新用户',
        password: TEST_PASSWORD,
        organizationId: bureauId,
        roles: ['finance'],
      });
      expect(response.statusCode).toBe(201);
      const [event] = await stored(`event_type = 'user.create' AND status = 201`);
      expect(event).toMatchObject({ username: 'a-admin', target_type: 'user', target_id: response.json<User>().id });
      expect(event.detail).toMatchObject({ username: 'a-new-user', roles: ['finance'] });
      expect(JSON.stringify(event.detail)).not.toContain(TEST_PASSWORD);
    });

    it('a refused admin request, whose change was rolled back, and a non-admin trying an admin route', async () => {
      const refused = await call('POST', '/api/users', auth.admin, {
        username: 'a-refused-user',
        displayName: '不该有的用户',
        password: TEST_PASSWORD,
        organizationId: bureauId,
        roles: ['filer'],
      });
      expect(refused.statusCode).toBe(400);
      const [event] = await stored(`event_type = 'user.create' AND status = 400`);
      expect(event).toMatchObject({ username: 'a-admin', request_id: refused.headers['x-request-id'] });
      expect((await owner.query(`SELECT 1 FROM app_user WHERE username = 'a-refused-user'`)).rows).toHaveLength(0);

      expect((await call('POST', '/api/users', auth.filer, { username: 'x' })).statusCode).toBe(403);
      const [byFiler] = await stored(`event_type = 'user.create' AND username = 'a-filer'`);
      expect(byFiler).toMatchObject({ status: 403 });
    });

    it("any other write of an admin, as admin.write; a GET and a filer's ordinary write record nothing", async () => {
      const before = Number((await owner.query(`SELECT count(*) AS n FROM audit_event`)).rows[0].n);
      expect((await call('GET', '/api/users', auth.admin)).statusCode).toBe(200);
      expect((await call('GET', '/api/projects?year=2021', auth.filer)).statusCode).toBe(200);
      const [unit] = (await call('GET', '/api/organizations', auth.filer)).json<Organization[]>();
      const created = await call('POST', '/api/projects', auth.filer, {
        organizationId: unit.id,
        year: 2021,
        name: '审计测试项目',
        categoryCode: 'xx',
      });
      expect(created.statusCode).toBeGreaterThanOrEqual(200);
      expect(Number((await owner.query(`SELECT count(*) AS n FROM audit_event`)).rows[0].n)).toBe(before);

      expect((await call('POST', '/api/projects', auth.admin, {})).statusCode).toBe(403);
      const [event] = await stored(`event_type = 'admin.write'`);
      expect(event).toMatchObject({ username: 'a-admin', status: 403, route: '/api/projects' });
    });
  });

  describe('integrity', () => {
    it('refuses UPDATE and DELETE by the app role, even on its own tenant', async () => {
      const client = await appRoleClient(t.appUrl);
      try {
        const [{ tenant_id: tenantId }] = await stored(`username = 'a-admin' AND tenant_id IS NOT NULL`);
        await client.query('BEGIN');
        await client.query(`SELECT set_config('app.tenant_id', $1, true)`, [tenantId]);
        expect((await client.query(`SELECT count(*) AS n FROM audit_event`)).rows[0].n).not.toBe('0');
        await expect(client.query(`UPDATE audit_event SET status = 200`)).rejects.toThrow(/permission denied/);
        await client.query('ROLLBACK');
        await client.query('BEGIN');
        await client.query(`SELECT set_config('app.tenant_id', $1, true)`, [tenantId]);
        await client.query(`SELECT set_config('jxt.audit_purge', 'on', true)`);
        await expect(client.query(`DELETE FROM audit_event`)).rejects.toThrow(/permission denied/);
        await client.query('ROLLBACK');
      } finally {
        await client.end();
      }
    });

    it('refuses UPDATE, DELETE and TRUNCATE by the owner too, but for the purge of old rows', async () => {
      await expect(owner.query(`UPDATE audit_event SET status = 200`)).rejects.toMatchObject({ code: 'JX002' });
      await expect(owner.query(`DELETE FROM audit_event`)).rejects.toMatchObject({ code: 'JX002' });
      await expect(owner.query(`TRUNCATE audit_event`)).rejects.toMatchObject({ code: 'JX002' });
    });
  });

  describe('retention', () => {
    const ages = [0, 100, 179, 181, 200, 400];
    const aged = async () =>
      (
        await owner.query<{ age: number }>(
          `SELECT detail->>'age' AS age FROM audit_event WHERE event_type = 'logout' AND detail ? 'age' ORDER BY 1::int`,
        )
      ).rows.map((r) => Number(r.age));

    beforeAll(async () => {
      for (const age of ages)
        await owner.query(
          `INSERT INTO audit_event (at, event_type, status, detail) VALUES (now() - make_interval(days => $1), 'logout', 204, $2)`,
          [age, { age }],
        );
    });

    it('refuses a retention below 180 days, as a setting and as --days', () => {
      expect(() => checkAuditRetention(179)).toThrow(/at least 180/);
      expect(() => loadConfig({ AUDIT_RETENTION_DAYS: '30' })).toThrow(/AUDIT_RETENTION_DAYS.*at least 180/);
      expect(loadConfig({}).auditRetentionDays).toBe(365);
    });

    it('keeps everything younger than 180 days even when the owner asks for less', async () => {
      await expect(withOwnerTransaction(t.ownerUrl, (q) => purgeAuditEvents(q, 30))).rejects.toMatchObject({
        code: 'JX002',
      });
      expect(await aged()).toEqual(ages.map(Number).sort((a, b) => a - b));
    });

    it('purges what is older than the retention, and nothing younger', async () => {
      expect(await withOwnerTransaction(t.ownerUrl, (q) => purgeAuditEvents(q, 365))).toBe(1);
      expect(await aged()).toEqual([0, 100, 179, 181, 200]);
      expect(await withOwnerTransaction(t.ownerUrl, (q) => purgeAuditEvents(q, 180))).toBe(2);
      expect(await aged()).toEqual([0, 100, 179]);
    });
  });

  describe('readers', () => {
    it('the auditor reads the log of the whole tenant, newest first, with filters and paging', async () => {
      const all = await list(auth.auditor, '?pageSize=200');
      expect(all.total).toBeGreaterThan(5);
      const times = all.items.map((e) => e.at);
      expect([...times].sort().reverse()).toEqual(times);
      expect(all.items.map((e) => e.eventType)).toEqual(
        expect.arrayContaining(['login', 'login.failed', 'user.create']),
      );
      const failed = await list(auth.auditor, '?eventType=login.failed');
      expect(failed.items.every((e) => e.eventType === 'login.failed' && e.status === 401)).toBe(true);
      const byUser = await list(auth.auditor, '?user=a-admin&outcome=failure');
      expect(byUser.items.length).toBeGreaterThan(0);
      expect(byUser.items.every((e: AuditEvent) => e.username === 'a-admin' && e.status >= 400)).toBe(true);
      const page2 = await list(auth.auditor, '?pageSize=2&page=2');
      expect(page2.items.map((e) => e.id)).toEqual(all.items.slice(2, 4).map((e) => e.id));
      const future = await list(
        auth.auditor,
        `?from=${encodeURIComponent(new Date(Date.now() + 3600_000).toISOString())}`,
      );
      expect(future).toMatchObject({ items: [], total: 0 });
    });

    it('the admin reads it too; a filer may not', async () => {
      expect((await list(auth.admin)).total).toBeGreaterThan(0);
      expect((await call('GET', '/api/audit-events', auth.filer)).statusCode).toBe(403);
      expect((await call('GET', '/api/audit-events.csv', auth.filer)).statusCode).toBe(403);
    });

    it('the auditor may do nothing else of the admin', async () => {
      expect((await call('GET', '/api/users', auth.auditor)).statusCode).toBe(403);
      const created = await call('POST', '/api/users', auth.auditor, {
        username: 'a-by-auditor',
        displayName: '审计员建的',
        password: TEST_PASSWORD,
        organizationId: bureauId,
        roles: ['finance'],
      });
      expect(created.statusCode).toBe(403);
      expect((await call('PUT', '/api/deadlines/2021', auth.auditor, { deadlines: [] })).statusCode).toBe(403);
      expect((await call('POST', '/api/organizations', auth.auditor, {})).statusCode).toBe(403);
    });

    it("another tenant's events are not seen, nor those of users outside the reader's subtree", async () => {
      const other = await list(auth.bAdmin, '?pageSize=200');
      expect(other.items.length).toBeGreaterThan(0);
      expect(other.items.every((e) => e.username?.startsWith('b-'))).toBe(true);
      const dept = await list(auth['dept-auditor'], '?pageSize=200');
      expect(dept.items.length).toBeGreaterThan(0);
      expect(
        dept.items.every((e) => ['a-dept-auditor', 'a-dept-admin', 'a-supervisor', 'a-filer'].includes(e.username!)),
      ).toBe(true);
      expect(dept.items.map((e) => e.username)).not.toContain('a-admin');
    });

    it('exports CSV in UTF-8 with a BOM and Chinese headers', async () => {
      const response = await call('GET', '/api/audit-events.csv?eventType=user.create', auth.auditor);
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-type']).toMatch(/^text\/csv; charset=utf-8/);
      expect(response.headers['content-disposition']).toMatch(/attachment/);
      const bytes = response.rawPayload;
      expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const lines = response.body
        .replace(/^\uFEFF/, '')
        .trim()
        .split('\r\n');
      expect(lines[0]).toBe(
        '时间,事件,结果,状态码,用户名,姓名,所属组织,客户端地址,操作对象,对象编号,请求,请求编号,客户端,详情',
      );
      expect(lines.length).toBeGreaterThan(1);
      expect(lines.slice(1).every((line) => line.includes('新建用户'))).toBe(true);
    });
  });
});
