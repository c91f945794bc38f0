import type { GoalForm, TaxonomyNode, YearsResponse } from '@jxt/contracts';
import type { LoadedTenant } from '../../../src/seeds/load-tenant';
import { login, seedSongjiang, startTestApp, type TestApp } from '../../support/test-app';

const OPENED_BY_SEED = {
  status: 'open',
  openedAt: expect.any(String) as unknown,
  openedByName: null,
  closedAt: null,
  closedByName: null,
  copied: null,
};
const NEVER_OPENED = {
  status: null,
  openedAt: null,
  openedByName: null,
  closedAt: null,
  closedByName: null,
  copied: null,
};

describe('GET /api/years: the years with data, for the 年度 selectors and their defaults', () => {
  let t: TestApp;
  let tenant: LoadedTenant;
  const auth: Record<string, string> = {};

  beforeAll(async () => {
    t = await startTestApp();
    tenant = await seedSongjiang(t.ownerUrl, 'y');
    await seedSongjiang(t.ownerUrl, 'z');
    for (const name of ['filer', 'supervisor', 'finance', 'admin'])
      auth[name] = (await login(t.app, `y-${name}`)).authorization;
    auth.otherTenant = (await login(t.app, 'z-filer')).authorization;
  });
  afterAll(() => t.close());

  const call = (method: 'GET' | 'POST' | 'PUT', url: string, who: string, payload?: object) =>
    t.app.inject({ method, url, headers: { authorization: auth[who] }, ...(payload ? { payload } : {}) });
  const years = async (who = 'filer') => (await call('GET', '/api/years', who)).json<YearsResponse>().years;
  const getForm = async (id: string) => (await call('GET', `/api/forms/${id}`, 'filer')).json<GoalForm>();

  it('lists the seeded year, open, with its three projects and its taxonomy, and nothing of another tenant', async () => {
    expect(await years()).toEqual([
      {
        year: 2021,
        ...OPENED_BY_SEED,
        projects: 3,
        evaluations: 0,
        evaluationsOpen: 0,
        policyVersions: 0,
        taxonomy: true,
      },
    ]);
    expect((await t.app.inject({ method: 'GET', url: '/api/years' })).statusCode).toBe(401);
  });

  it('counts a finance-approved form without a 自评表 as due, and an opened 自评表 as open until it is final', async () => {
    const formId = tenant.forms[2].id;
    for (const [who, body] of [
      ['filer', { action: 'submit', filerName: '张文', filerPhone: '021-57820101' }],
      ['supervisor', { action: 'approve' }],
      ['supervisor', { action: 'report' }],
      ['finance', { action: 'approve', reviewResult: 'excellent', comment: '同意' }],
    ] as const) {
      expect(
        (
          await call('POST', `/api/forms/${formId}/transitions`, who, {
            ...body,
            rowVersion: (await getForm(formId)).rowVersion,
          })
        ).statusCode,
      ).toBe(200);
    }
    expect(await years()).toEqual([expect.objectContaining({ year: 2021, evaluations: 0, evaluationsOpen: 1 })]);
    expect((await call('POST', `/api/forms/${formId}/evaluation`, 'filer')).statusCode).toBe(200);
    // Opening the first 自评表 of a year stores the default policy as version 1.
    expect(await years()).toEqual([
      expect.objectContaining({ year: 2021, projects: 3, evaluations: 1, evaluationsOpen: 1, policyVersions: 1 }),
    ]);
  });

  it("adds a year when next year's form, or only a taxonomy, exists; newest first", async () => {
    expect(
      (await call('POST', `/api/projects/${tenant.forms[2].projectId}/forms`, 'filer', { year: 2022 })).statusCode,
    ).toBe(201);
    const nodes = (await call('GET', '/api/taxonomy?year=2021', 'admin'))
      .json<TaxonomyNode[]>()
      .map(({ code, label, level, parentCode, sortOrder }) => ({ code, label, level, parentCode, sortOrder }));
    expect((await call('PUT', '/api/taxonomy/2024', 'admin', { nodes })).statusCode).toBe(200);
    expect(await years()).toEqual([
      {
        year: 2024,
        ...NEVER_OPENED,
        projects: 0,
        evaluations: 0,
        evaluationsOpen: 0,
        policyVersions: 0,
        taxonomy: true,
      },
      // A new year's form takes the newest taxonomy with it; the year is not open until the admin opens it.
      {
        year: 2022,
        ...NEVER_OPENED,
        projects: 1,
        evaluations: 0,
        evaluationsOpen: 0,
        policyVersions: 0,
        taxonomy: true,
      },
      expect.objectContaining({ year: 2021, projects: 3 }),
    ]);
    // The 财政局's admin sees the same years; the other tenant only its own.
    expect((await years('admin')).map((y) => y.year)).toEqual([2024, 2022, 2021]);
    expect(await years('otherTenant')).toEqual([
      {
        year: 2021,
        ...OPENED_BY_SEED,
        projects: 3,
        evaluations: 0,
        evaluationsOpen: 0,
        policyVersions: 0,
        taxonomy: true,
      },
    ]);
  });
});
