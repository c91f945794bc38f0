import type {
  ApiError,
  GoalForm,
  Organization,
  Project,
  ProjectListItem,
  ProjectListResponse,
  User,
  FormHistoryEntry,
  Evaluation,
  PreviousYear,
  SaveEvaluationRequest,
} from '@jxt/contracts';
import { approveThroughFinance, type ApprovalChain } from '../../support/form-steps';
import { login, seedSongjiang, startTestApp, type TestApp } from '../../support/test-app';

describe('organisations, users and projects', () => {
  let t: TestApp;
  let admin: string;
  let filer: string;
  let unitId: string;

  beforeAll(async () => {
    t = await startTestApp();
    await seedSongjiang(t.ownerUrl, 'c');
    admin = (await login(t.app, 'c-admin')).authorization;
    filer = (await login(t.app, 'c-filer')).authorization;
    const orgs = (
      await t.app.inject({ method: 'GET', url: '/api/organizations', headers: { authorization: admin } })
    ).json<Organization[]>();
    unitId = orgs.find((o) => o.kind === 'unit')!.id;
  });
  afterAll(() => t.close());

  it('lists the whole tree to the 财政局 admin: the bureau, its 主管部门 and 财政科室, the unit and its nine 内设机构, top down', async () => {
    const orgs = (
      await t.app.inject({ method: 'GET', url: '/api/organizations', headers: { authorization: admin } })
    ).json<Organization[]>();
    expect(orgs.map((o) => o.kind)).toEqual([
      'finance_bureau',
      'department',
      'finance_division',
      'unit',
      ...Array(9).fill('internal'),
    ]);
    expect(orgs.filter((o) => o.kind === 'internal').map((o) => o.name)[0]).toBe('科技服务部');
  });

  it('creates an organisation only of the kind its parent takes, naming the field otherwise', async () => {
    const wrong = await t.app.inject({
      method: 'POST',
      url: '/api/organizations',
      headers: { authorization: admin },
      payload: { parentId: unitId, kind: 'department', name: '错误' },
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json<ApiError>().fields?.[0].field).toBe('kind');
    const ok = await t.app.inject({
      method: 'POST',
      url: '/api/organizations',
      headers: { authorization: admin },
      payload: { parentId: unitId, kind: 'internal', name: '新设部门' },
    });
    expect(ok.statusCode).toBe(201);
    const created = ok.json<Organization>();
    const renamed = await t.app.inject({
      method: 'PATCH',
      url: `/api/organizations/${created.id}`,
      headers: { authorization: admin },
      payload: { name: '改名部门' },
    });
    expect(renamed.json<Organization>().name).toBe('改名部门');
    expect(
      (
        await t.app.inject({
          method: 'DELETE',
          url: `/api/organizations/${created.id}`,
          headers: { authorization: admin },
        })
      ).statusCode,
    ).toBe(204);
  });

  it('refuses to delete an organisation that still has members, saying what holds it', async () => {
    const response = await t.app.inject({
      method: 'DELETE',
      url: `/api/organizations/${unitId}`,
      headers: { authorization: admin },
    });
    expect(response.statusCode).toBe(409);
    expect(response.json<ApiError>().message).toContain('9 个下级组织');
  });

  it('creates a user who can log in, and refuses a taken user name naming the field', async () => {
    const payload = {
      username: 'c-new',
      displayName: '新用户',
      password: 'Orchard#42-Mist',
      organizationId: unitId,
      roles: ['filer', 'admin'],
    };
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/users',
      headers: { authorization: admin },
      payload,
    });
    expect(created.statusCode).toBe(201);
    expect(created.json<User>()).toMatchObject({ username: 'c-new', roles: ['filer', 'admin'], disabled: false });
    const { session } = await login(t.app, 'c-new', 'Orchard#42-Mist');
    expect(session.user.roles).toEqual(['filer', 'admin']);
    // A password an admin set is changed at the first login.
    expect(session.user.restriction).toBe('password_change');
    const again = await t.app.inject({ method: 'POST', url: '/api/users', headers: { authorization: admin }, payload });
    expect(again.statusCode).toBe(409);
    expect(again.json<ApiError>().fields?.[0]).toMatchObject({ field: 'username', value: 'c-new' });
    const bad = await t.app.inject({
      method: 'POST',
      url: '/api/users',
      headers: { authorization: admin },
      payload: { ...payload, username: 'x y', roles: ['boss'], password: 'short' },
    });
    expect(
      bad
        .json<ApiError>()
        .fields?.map((f) => f.field)
        .sort(),
    ).toEqual(['password', 'roles', 'username']);
  });

  it('creates a project with its first draft form, finds it by name, updates and deletes it', async () => {
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/projects',
      headers: { authorization: filer },
      payload: {
        organizationId: unitId,
        year: 2022,
        code: 'C-2022-001',
        name: '数据安全巡检',
        categoryCode: 'one_off',
        continuity: 'new',
        functionClassCode: '2060103',
        printedDepartment: null,
        printedImplementingUnit: null,
        plannedStart: '2022-01-01',
        plannedEnd: '2022-12-31',
      },
    });
    expect(created.statusCode).toBe(201);
    const item = created.json<ProjectListItem>();
    expect(item).toMatchObject({ year: 2022, formStatus: 'draft', continuity: 'new' });
    const form = (
      await t.app.inject({ method: 'GET', url: `/api/forms/${item.formId}`, headers: { authorization: filer } })
    ).json<GoalForm>();
    expect(form).toMatchObject({
      year: 2022,
      status: 'draft',
      rowVersion: 1,
      goalPeriodStart: 2022,
      goalPeriodEnd: 2022,
      indicators: { year: [], longTerm: null },
    });

    const found = (
      await t.app.inject({
        method: 'GET',
        url: '/api/projects?year=2022&search=安全巡检',
        headers: { authorization: filer },
      })
    ).json<ProjectListResponse>();
    expect(found.items.map((p) => p.code)).toEqual(['C-2022-001']);
    const none = (
      await t.app.inject({
        method: 'GET',
        url: '/api/projects?year=2022&search=不存在',
        headers: { authorization: filer },
      })
    ).json<ProjectListResponse>();
    expect(none).toMatchObject({ items: [], total: 0 });

    // PATCH changes the identity; the printed header is the form's (PUT /api/forms/:id).
    const updated = await t.app.inject({
      method: 'PATCH',
      url: `/api/projects/${item.id}`,
      headers: { authorization: filer },
      payload: { code: 'C-2022-009' },
    });
    expect(updated.json<Project>()).toMatchObject({ code: 'C-2022-009', name: '数据安全巡检' });
    const header = await t.app.inject({
      method: 'PATCH',
      url: `/api/projects/${item.id}`,
      headers: { authorization: filer },
      payload: { printedImplementingUnit: '' },
    });
    expect(header.statusCode).toBe(400);
    expect(
      (await t.app.inject({ method: 'DELETE', url: `/api/projects/${item.id}`, headers: { authorization: filer } }))
        .statusCode,
    ).toBe(204);
    expect(
      (await t.app.inject({ method: 'GET', url: `/api/forms/${item.formId}`, headers: { authorization: filer } }))
        .statusCode,
    ).toBe(404);
  });

  it('generates a 项目编码 when none is given (the year and the next free number) and keeps a given one', async () => {
    const create = (name: string, code?: string) =>
      t.app.inject({
        method: 'POST',
        url: '/api/projects',
        headers: { authorization: filer },
        payload: { organizationId: unitId, year: 2023, name, ...(code === undefined ? {} : { code }) },
      });
    const first = await create('自动编码一');
    const second = await create('自动编码二');
    const together = await Promise.all([create('自动编码三'), create('自动编码四')]);
    expect([first, second, ...together].map((r) => r.statusCode)).toEqual([201, 201, 201, 201]);
    const codes = [first, second, ...together].map((r) => r.json<ProjectListItem>().code);
    expect(codes.slice(0, 2)).toEqual(['2023-0001', '2023-0002']);
    expect(new Set(codes).size).toBe(4);
    expect(codes.slice(2).sort()).toEqual(['2023-0003', '2023-0004']);
    expect((await create('手工编码', 'SJ-2023-XYZ')).json<ProjectListItem>().code).toBe('SJ-2023-XYZ');
  });

  it('proposes the printed 主管部门 and 实施单位 of a new project from the tree, for the unit and its 内设机构', async () => {
    const orgs = (
      await t.app.inject({ method: 'GET', url: '/api/organizations', headers: { authorization: filer } })
    ).json<Organization[]>();
    const unit = orgs.find((o) => o.kind === 'unit')!;
    const internal = orgs.find((o) => o.kind === 'internal')!;
    const proposal = (id: string, authorization = filer) =>
      t.app.inject({ method: 'GET', url: `/api/organizations/${id}/project-header`, headers: { authorization } });
    const expected = { printedDepartment: '松江区科学技术委员会', printedImplementingUnit: unit.name };
    expect((await proposal(unit.id)).json()).toEqual(expected);
    expect((await proposal(internal.id)).json()).toEqual(expected);
    // The 财政局 has neither above it.
    const bureau = (
      await t.app.inject({ method: 'GET', url: '/api/organizations', headers: { authorization: admin } })
    ).json<Organization[]>()[0];
    expect((await proposal(bureau.id, admin)).json()).toEqual({
      printedDepartment: null,
      printedImplementingUnit: null,
    });
    // A filer cannot ask about an organisation above their own.
    expect((await proposal(bureau.id)).statusCode).toBe(404);
  });

  it('refuses a second project of the same name in the same unit and year, naming the field; another year is fine', async () => {
    const create = (year: number, name: string) =>
      t.app.inject({
        method: 'POST',
        url: '/api/projects',
        headers: { authorization: filer },
        payload: { organizationId: unitId, year, name },
      });
    expect((await create(2024, '同名项目')).statusCode).toBe(201);
    const again = await create(2024, ' 同名项目 ');
    expect(again.statusCode).toBe(409);
    expect(again.json<ApiError>().fields).toEqual([
      { field: 'name', message: '本单位 2024 年度已有同名项目', value: ' 同名项目 ' },
    ]);
    expect((await create(2025, '同名项目')).statusCode).toBe(201);
  });

  it('pages the project list and filters it by category and status', async () => {
    const page = (
      await t.app.inject({
        method: 'GET',
        url: '/api/projects?year=2021&page=2&pageSize=2',
        headers: { authorization: filer },
      })
    ).json<ProjectListResponse>();
    expect(page).toMatchObject({ total: 3, page: 2, pageSize: 2 });
    expect(page.items.map((p) => p.code)).toEqual(['2021-KCZX-003']);
    const drafts = (
      await t.app.inject({
        method: 'GET',
        url: '/api/projects?year=2021&status=draft&categoryCode=recurring',
        headers: { authorization: filer },
      })
    ).json<ProjectListResponse>();
    expect(drafts.total).toBe(3);
    const missingYear = await t.app.inject({ method: 'GET', url: '/api/projects', headers: { authorization: filer } });
    expect(missingYear.statusCode).toBe(400);
    expect(missingYear.json<ApiError>().fields?.[0].field).toBe('year');
  });

  it('answers 404 for a malformed id and 401 without a session', async () => {
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/forms/not-a-uuid', headers: { authorization: filer } }))
        .statusCode,
    ).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: '/api/projects?year=2021' })).statusCode).toBe(401);
  });
});

describe('health and API documentation', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('reports the app and the database as up', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ status: 'ok', app: { status: 'up' }, database: { status: 'up' } });
  });

  it('serves the OpenAPI document with every route', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/docs-json' })).json<{
      paths: Record<string, unknown>;
    }>();
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/api/auth/login',
        '/api/projects',
        '/api/forms/{id}',
        '/api/organizations',
        '/api/users',
        '/api/health',
      ]),
    );
    expect((await t.app.inject({ method: 'GET', url: '/api/docs' })).statusCode).toBe(200);
  });
});

describe('forms for another year', () => {
  let t: TestApp;
  let chain: ApprovalChain;
  let projectId: string;
  let approvedId: string;

  const carry = (year: number, body: object = {}) =>
    t.app.inject({
      method: 'POST',
      url: `/api/projects/${projectId}/forms`,
      headers: { authorization: chain.filer },
      payload: { year, ...body },
    });

  beforeAll(async () => {
    t = await startTestApp();
    const tenant = await seedSongjiang(t.ownerUrl, 'y');
    projectId = tenant.forms[2].projectId;
    approvedId = tenant.forms[2].id;
    chain = {
      filer: (await login(t.app, 'y-filer')).authorization,
      supervisor: (await login(t.app, 'y-supervisor')).authorization,
      finance: (await login(t.app, 'y-finance')).authorization,
    };
  });
  afterAll(() => t.close());

  it('refuses next year while the year before has no approved revision, naming the year', async () => {
    const refused = await carry(2022);
    expect(refused.statusCode).toBe(409);
    expect(refused.json<ApiError>()).toMatchObject({
      message: expect.stringContaining('2021 年度没有已审核的版本'),
      fields: [{ field: 'year', value: 2022 }],
    });
  });

  it("opens the 2022 draft from 2021's approved revision: 延续, header, goals and indicators carried, all seven amounts empty, its history says where from", async () => {
    const approved = await approveThroughFinance(t.app, approvedId, chain);
    const response = await carry(2022);
    expect(response.statusCode).toBe(201);
    const form = response.json<GoalForm>();
    expect(form).toMatchObject({ year: 2022, status: 'draft', revision: 1 });
    expect(form.project).toMatchObject({
      continuity: 'continuing',
      name: approved.project.name,
      categoryCode: approved.project.categoryCode,
      plannedEnd: approved.project.plannedEnd,
    });
    expect(form.totalGoal).toBe(approved.totalGoal);
    expect(form.annualGoal).toBe(approved.annualGoal);
    expect(Object.values(form.funds)).toEqual(Array(7).fill(null));
    expect(form.indicators.year.map((g) => g.label)).toEqual(['产出指标', '效益指标', '满意度指标']);
    expect(form.indicators.year.flatMap((g) => g.children.flatMap((c) => c.indicators)).length).toBe(15);
    expect(form.issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect(form.carriedFrom).toEqual({ formId: approvedId, year: 2021, revision: 1, status: 'finance_approved' });

    const history = (
      await t.app.inject({
        method: 'GET',
        url: `/api/forms/${form.id}/history`,
        headers: { authorization: chain.filer },
      })
    ).json<FormHistoryEntry[]>();
    expect(history).toEqual([
      expect.objectContaining({
        kind: 'transition',
        fromStatus: null,
        toStatus: 'draft',
        comment: '由 2021 年度已审核版本生成（第 1 版）',
      }),
    ]);

    const twice = await carry(2022);
    expect(twice.statusCode).toBe(409);
    expect(twice.json<ApiError>()).toMatchObject({ fields: [{ field: 'year', value: 2022 }] });
    expect(
      (await t.app.inject({ method: 'DELETE', url: `/api/forms/${form.id}`, headers: { authorization: chain.filer } }))
        .statusCode,
    ).toBe(204);
  });

  it("answers last year's target and, once the 自评表 has one, last year's actual value of each carried indicator", async () => {
    const form = (await carry(2022)).json<GoalForm>();
    const previous = async (id: string) =>
      t.app.inject({ method: 'GET', url: `/api/forms/${id}/previous-year`, headers: { authorization: chain.filer } });
    const before = (await previous(form.id)).json<PreviousYear>();
    const approved = (
      await t.app.inject({ method: 'GET', url: `/api/forms/${approvedId}`, headers: { authorization: chain.filer } })
    ).json<GoalForm>();
    const first = approved.indicators.year[0].children[0].indicators[0];
    expect(before).toMatchObject({ formId: approvedId, year: 2021, revision: 1 });
    expect(before.indicators).toHaveLength(15);
    expect(before.indicators[0]).toEqual({
      indicatorSet: 'year',
      level1Code: approved.indicators.year[0].code,
      level2Code: approved.indicators.year[0].children[0].code,
      name: first.name,
      target: first.rawValue,
      actual: null,
    });

    // The 2021 自评表 records an actual value: the 2022 form shows it beside last year's target.
    const evaluation = (
      await t.app.inject({
        method: 'POST',
        url: `/api/forms/${approvedId}/evaluation`,
        headers: { authorization: chain.filer },
      })
    ).json<Evaluation>();
    const request: SaveEvaluationRequest = {
      rowVersion: evaluation.rowVersion,
      funds: { annualBudget: null, executedAmount: null },
      actualGoal: null,
      indicators: evaluation.indicators.map((i) => ({
        id: i.id,
        actualValue: i.name === first.name ? '否（全年无中断）' : null,
        selfShare: null,
        deviationReason: null,
      })),
    };
    const saved = await t.app.inject({
      method: 'PUT',
      url: `/api/evaluations/${evaluation.id}`,
      headers: { authorization: chain.filer },
      payload: request,
    });
    expect(saved.statusCode).toBe(200);
    const after = (await previous(form.id)).json<PreviousYear>();
    expect(after.indicators.find((i) => i.name === first.name)).toMatchObject({ actual: '否（全年无中断）' });

    // A form not carried forward has no previous year to show.
    expect((await previous(approvedId)).statusCode).toBe(404);
    await t.app.inject({ method: 'DELETE', url: `/api/forms/${form.id}`, headers: { authorization: chain.filer } });
  });

  it('refuses a year that does not follow an approved one (2023 from 2021)', async () => {
    const refused = await carry(2023);
    expect(refused.statusCode).toBe(409);
    expect(refused.json<ApiError>()).toMatchObject({ fields: [{ field: 'year', value: 2023 }] });
  });
});
