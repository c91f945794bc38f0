import { Client } from 'pg';
import type {
  AuditEventListResponse,
  CodeListItem,
  Deadline,
  GoalForm,
  OpenYearResponse,
  ScoringPolicyVersion,
  TaxonomyNode,
  YearSummary,
  YearsResponse,
} from '@jxt/contracts';
import type { LoadedTenant } from '../../../src/seeds/load-tenant';
import { login, seedSongjiang, startTestApp, type TestApp } from '../../support/test-app';

/** 开启新年度 and 关闭年度 (issue 12 point 5; ADR 0023). */
describe('POST /api/years/{year}/open and /close: open and closed years', () => {
  let t: TestApp;
  let tenant: LoadedTenant;
  let owner: Client;
  const auth: Record<string, string> = {};

  beforeAll(async () => {
    t = await startTestApp();
    tenant = await seedSongjiang(t.ownerUrl, 'o');
    await seedSongjiang(t.ownerUrl, 'p');
    owner = new Client({ connectionString: t.ownerUrl });
    await owner.connect();
    for (const name of ['filer', 'supervisor', 'admin']) auth[name] = (await login(t.app, `o-${name}`)).authorization;
    auth.otherAdmin = (await login(t.app, 'p-admin')).authorization;
  });
  afterAll(async () => {
    await owner.end();
    await t.close();
  });

  const call = (method: 'GET' | 'POST' | 'PUT', url: string, who: string, payload?: object) =>
    t.app.inject({ method, url, headers: { authorization: auth[who] }, ...(payload ? { payload } : {}) });
  const year = async (y: number, who = 'admin') =>
    (await call('GET', '/api/years', who)).json<YearsResponse>().years.find((s) => s.year === y);
  const taxonomy = async (y: number) =>
    (await call('GET', `/api/taxonomy?year=${y}`, 'filer'))
      .json<TaxonomyNode[]>()
      .map(({ code, label, level, parentCode, sortOrder }) => ({ code, label, level, parentCode, sortOrder }));
  const functionClasses = async (y: number) =>
    (await call('GET', `/api/code-lists?list=function_class&year=${y}`, 'filer'))
      .json<CodeListItem[]>()
      .map(({ code, label, sortOrder }) => ({ code, label, sortOrder }));
  const deadlines = async (y: number) =>
    (await call('GET', `/api/deadlines?year=${y}`, 'filer'))
      .json<Deadline[]>()
      .sort((a, b) => a.kind.localeCompare(b.kind));
  /** Everything of the tenant that 开启新年度 writes, as the owner reads it. */
  const snapshot = async () =>
    (
      await owner.query(
        `SELECT (SELECT json_agg(y ORDER BY y.year) FROM fiscal_year y WHERE y.tenant_id = $1) AS years,
                (SELECT json_agg(t ORDER BY t.year, t.code) FROM indicator_taxonomy t WHERE t.tenant_id = $1) AS taxonomy,
                (SELECT json_agg(c ORDER BY c.list, c.year, c.code) FROM code_list_item c WHERE c.tenant_id = $1) AS code_lists,
                (SELECT json_agg(p ORDER BY p.year, p.version) FROM scoring_policy p WHERE p.tenant_id = $1) AS policies,
                (SELECT json_agg(d ORDER BY d.year, d.kind) FROM workflow_deadline d WHERE d.tenant_id = $1) AS deadlines`,
        [tenant.tenantId],
      )
    ).rows[0] as Record<string, unknown>;

  it('copies 2021 into 2022: taxonomy, 功能分类科目, the current 评分规则, deadlines one year on; nothing set beforehand is overwritten', async () => {
    expect(await year(2021)).toMatchObject({ status: 'open', copied: null });
    expect(await year(2022)).toBeUndefined();
    expect(
      (await call('PUT', '/api/deadlines/2021', 'admin', { submit: '2021-03-15', supervisor_review: '2021-03-31' }))
        .statusCode,
    ).toBe(200);
    // A deadline of 2022 set before the year is opened stays as set.
    expect((await call('PUT', '/api/deadlines/2022', 'admin', { supervisor_review: '2022-04-10' })).statusCode).toBe(
      200,
    );
    const current = (await call('GET', '/api/scoring-policies/2021', 'admin')).json<ScoringPolicyVersion>();
    const saved = await call('PUT', '/api/scoring-policies/2021', 'admin', {
      policy: { ...current.policy, overshootRatio: '1.2' },
      baseVersion: current.version,
    });
    expect(saved.statusCode).toBe(200);
    const policy2021 = (await call('GET', '/api/scoring-policies/2021', 'admin')).json<ScoringPolicyVersion>();
    expect(policy2021).toMatchObject({ version: 1, policy: { overshootRatio: '1.2' } });

    const response = await call('POST', '/api/years/2022/open', 'admin');
    expect(response.statusCode).toBe(200);
    const opened = response.json<OpenYearResponse>();
    const nodes2021 = await taxonomy(2021);
    const classes2021 = await functionClasses(2021);
    expect(nodes2021.length).toBeGreaterThan(5);
    expect(classes2021.length).toBeGreaterThan(3);
    expect(opened).toEqual({
      changed: true,
      year: expect.objectContaining({
        year: 2022,
        status: 'open',
        openedByName: expect.any(String) as unknown,
        closedAt: null,
        copied: {
          fromYear: 2021,
          taxonomyNodes: nodes2021.length,
          functionClasses: classes2021.length,
          scoringPolicyVersion: policy2021.version,
          deadlines: 1,
        },
      }) as unknown,
    });
    expect(await taxonomy(2022)).toEqual(nodes2021);
    expect(await functionClasses(2022)).toEqual(classes2021);
    expect(
      (await call('GET', '/api/code-lists?list=function_class&year=2022', 'filer')).json<CodeListItem[]>()[0].year,
    ).toBe(2022);
    expect(await deadlines(2022)).toEqual([
      { year: 2022, kind: 'submit', dueDate: '2022-03-15' },
      { year: 2022, kind: 'supervisor_review', dueDate: '2022-04-10' },
    ]);
    const policy2022 = (await call('GET', '/api/scoring-policies/2022', 'admin')).json<ScoringPolicyVersion>();
    expect(policy2022).toMatchObject({ year: 2022, version: 1, policy: policy2021.policy });
    // The other tenant has no 2022.
    expect((await call('GET', '/api/years', 'otherAdmin')).json<YearsResponse>().years.map((y) => y.year)).toEqual([
      2021,
    ]);
  });

  it('running 开启新年度 twice changes nothing', async () => {
    const before = await snapshot();
    const again = await call('POST', '/api/years/2022/open', 'admin');
    expect(again.statusCode).toBe(200);
    expect(again.json<OpenYearResponse>()).toMatchObject({ changed: false, year: { year: 2022, status: 'open' } });
    expect(await snapshot()).toEqual(before);
  });

  it('refuses a skipped year, a non-year, and anyone but the admin — each explained', async () => {
    const skipped = await call('POST', '/api/years/2024/open', 'admin');
    expect(skipped.statusCode).toBe(409);
    expect(skipped.json()).toMatchObject({
      message: '只能开启 2023 年度（最近开启的是 2022 年度）',
      fields: [{ field: 'year', value: 2024 }],
    });
    expect((await call('POST', '/api/years/abc/open', 'admin')).statusCode).toBe(400);
    expect((await call('POST', '/api/years/2023/open', 'filer')).statusCode).toBe(403);
    expect((await call('POST', '/api/years/2022/close', 'supervisor')).statusCode).toBe(403);
    expect((await call('POST', '/api/years/2030/close', 'admin')).json()).toMatchObject({
      statusCode: 404,
      message: '2030 年度未开启过，无法关闭',
    });
    expect(await year(2023)).toBeUndefined();
  });

  it('closing a year keeps its forms readable; closing it again is refused; 开启 opens it again without copying', async () => {
    const closed = await call('POST', '/api/years/2021/close', 'admin');
    expect(closed.statusCode).toBe(200);
    expect(closed.json<YearSummary>()).toMatchObject({
      year: 2021,
      status: 'closed',
      closedAt: expect.any(String) as unknown,
      closedByName: expect.any(String) as unknown,
    });
    const form = await call('GET', `/api/forms/${tenant.forms[0].id}`, 'filer');
    expect(form.statusCode).toBe(200);
    expect(form.json<GoalForm>().year).toBe(2021);
    expect((await call('POST', '/api/years/2021/close', 'admin')).json()).toMatchObject({
      statusCode: 409,
      message: '2021 年度已关闭',
    });

    const before = await snapshot();
    const reopened = await call('POST', '/api/years/2021/open', 'admin');
    expect(reopened.json<OpenYearResponse>()).toMatchObject({
      changed: true,
      year: { year: 2021, status: 'open', closedAt: null, closedByName: null, copied: null },
    });
    const after = await snapshot();
    expect({ ...after, years: null }).toEqual({ ...before, years: null });
  });

  it('records every 开启新年度 and 关闭年度 in the audit log, refusals included', async () => {
    const events = (await call('GET', '/api/audit-events?eventType=year.open', 'admin')).json<AuditEventListResponse>();
    expect(events.items.map((e) => [e.targetId, e.status])).toEqual([
      ['2021', 200],
      ['2023', 403],
      ['abc', 400],
      ['2024', 409],
      ['2022', 200],
      ['2022', 200],
    ]);
    const closes = (
      await call('GET', '/api/audit-events?eventType=year.close', 'admin')
    ).json<AuditEventListResponse>();
    expect(closes.items.map((e) => [e.targetId, e.status])).toEqual([
      ['2021', 409],
      ['2021', 200],
      ['2030', 404],
      ['2022', 403],
    ]);
  });
});
