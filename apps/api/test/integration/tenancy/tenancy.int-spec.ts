import type { GoalForm, Organization, ProjectListItem, ProjectListResponse } from '@jxt/contracts';
import { toSaveRequest } from '@jxt/domain';
import type { LoadedTenant } from '../../../src/seeds/load-tenant';
import { changeInitialPassword, login, seedSongjiang, startTestApp, type TestApp } from '../../support/test-app';

// Row-level security table by table, and the composite foreign keys: row-level-security.int-spec.ts.

describe('organisation scoping through the API', () => {
  let t: TestApp;
  let a: LoadedTenant;
  let b: LoadedTenant;
  let otherUnitFormId: string;

  beforeAll(async () => {
    t = await startTestApp();
    a = await seedSongjiang(t.ownerUrl, 'a');
    b = await seedSongjiang(t.ownerUrl, 'b');
    // A second unit under the same 主管部门, with its own filer and one project.
    const admin = await login(t.app, 'a-admin');
    const orgs = (
      await t.app.inject({ method: 'GET', url: '/api/organizations', headers: { authorization: admin.authorization } })
    ).json<Organization[]>();
    const department = orgs.find((o) => o.kind === 'department')!;
    const unit = (
      await t.app.inject({
        method: 'POST',
        url: '/api/organizations',
        headers: { authorization: admin.authorization },
        payload: { parentId: department.id, kind: 'unit', name: '松江区科技情报所', unitTypeCode: 'public_welfare_1' },
      })
    ).json<Organization>();
    await t.app.inject({
      method: 'POST',
      url: '/api/users',
      headers: { authorization: admin.authorization },
      payload: {
        username: 'a-filer2',
        displayName: '第二单位填报人',
        password: 'Initial-Pass-2026',
        organizationId: unit.id,
        roles: ['filer'],
      },
    });
    await changeInitialPassword(t.app, 'a-filer2', 'Initial-Pass-2026', 'password-2-Own');
    const filer2 = await login(t.app, 'a-filer2', 'password-2-Own');
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/projects',
      headers: { authorization: filer2.authorization },
      payload: {
        organizationId: unit.id,
        year: 2021,
        code: 'QB-2021-01',
        name: '科技情报服务',
        categoryCode: 'recurring',
      },
    });
    expect(created.statusCode).toBe(201);
    otherUnitFormId = created.json<ProjectListItem>().formId;
  });
  afterAll(() => t.close());

  const list = async (username: string, password?: string) => {
    const { authorization } = await login(t.app, username, password);
    return (
      await t.app.inject({ method: 'GET', url: '/api/projects?year=2021', headers: { authorization } })
    ).json<ProjectListResponse>();
  };

  it("shows a unit its own projects only, with each project's form id", async () => {
    const own = await list('a-filer');
    expect(own.items.map((p) => p.code).sort()).toEqual(['2021-KCZX-001', '2021-KCZX-002', '2021-KCZX-003']);
    expect(own.items.every((p) => a.forms.some((f) => f.id === p.formId))).toBe(true);
    const other = await list('a-filer2', 'password-2-Own');
    expect(other.items.map((p) => p.code)).toEqual(['QB-2021-01']);
  });

  it('shows the 主管部门 and the 财政局 every unit under them', async () => {
    expect((await list('a-supervisor')).total).toBe(4);
    expect((await list('a-finance')).total).toBe(4);
  });

  it("answers 404, never data, for another unit's form and another tenant's form", async () => {
    const { authorization } = await login(t.app, 'a-filer');
    const otherUnit = await t.app.inject({
      method: 'GET',
      url: `/api/forms/${otherUnitFormId}`,
      headers: { authorization },
    });
    expect(otherUnit.statusCode).toBe(404);
    const otherTenant = await t.app.inject({
      method: 'GET',
      url: `/api/forms/${b.forms[0].id}`,
      headers: { authorization },
    });
    expect(otherTenant.statusCode).toBe(404);
    expect(otherTenant.body).not.toContain(b.forms[0].name);
    const own = await t.app.inject({ method: 'GET', url: `/api/forms/${a.forms[0].id}`, headers: { authorization } });
    expect(own.json<GoalForm>().project.name).toBe('市民服务');
  });

  it("refuses to save into another unit's form (404) and leaves it unchanged", async () => {
    const owner = await login(t.app, 'a-filer2', 'password-2-Own');
    const before = (
      await t.app.inject({
        method: 'GET',
        url: `/api/forms/${otherUnitFormId}`,
        headers: { authorization: owner.authorization },
      })
    ).json<GoalForm>();
    const intruder = await login(t.app, 'a-filer');
    const response = await t.app.inject({
      method: 'PUT',
      url: `/api/forms/${otherUnitFormId}`,
      headers: { authorization: intruder.authorization },
      payload: { ...toSaveRequest(before), project: { ...toSaveRequest(before).project, name: '被篡改' } },
    });
    expect(response.statusCode).toBe(404);
    const after = (
      await t.app.inject({
        method: 'GET',
        url: `/api/forms/${otherUnitFormId}`,
        headers: { authorization: owner.authorization },
      })
    ).json<GoalForm>();
    expect(after.project.name).toBe('科技情报服务');
    expect(after.rowVersion).toBe(before.rowVersion);
  });

  it("keeps organisation lists inside the caller's subtree and tenant", async () => {
    const filer = await login(t.app, 'a-filer');
    const orgs = (
      await t.app.inject({ method: 'GET', url: '/api/organizations', headers: { authorization: filer.authorization } })
    ).json<Organization[]>();
    expect(orgs[0].name).toBe('上海市松江区科技创新服务中心（上海市松江区大数据中心）');
    expect(orgs).toHaveLength(10); // the unit and its nine 内设机构
    const otherTenant = await login(t.app, 'b-finance');
    const bOrgs = (
      await t.app.inject({
        method: 'GET',
        url: '/api/organizations',
        headers: { authorization: otherTenant.authorization },
      })
    ).json<Organization[]>();
    expect(bOrgs.some((o) => o.name === '松江区科技情报所')).toBe(false);
  });
});

describe('财政科室: a finance division reviews only the 主管部门 assigned to it', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
    await seedSongjiang(t.ownerUrl, 'd');
  });
  afterAll(() => t.close());

  it('shows the division the forms of its assigned department, and none once the admin takes the assignment away', async () => {
    const division = await login(t.app, 'd-division');
    const list = () =>
      t.app
        .inject({ method: 'GET', url: '/api/projects?year=2021', headers: { authorization: division.authorization } })
        .then((r) => r.json<ProjectListResponse>());
    expect((await list()).total).toBe(3);

    const admin = await login(t.app, 'd-admin');
    const divisions = (
      await t.app.inject({
        method: 'GET',
        url: '/api/finance-divisions',
        headers: { authorization: admin.authorization },
      })
    ).json<{ divisionId: string; name: string; departmentIds: string[] }[]>();
    expect(divisions).toEqual([expect.objectContaining({ name: '科教文卫科', departmentIds: [expect.any(String)] })]);
    const cleared = await t.app.inject({
      method: 'PUT',
      url: `/api/finance-divisions/${divisions[0].divisionId}`,
      headers: { authorization: admin.authorization },
      payload: { departmentIds: [] },
    });
    expect(cleared.statusCode).toBe(200);
    expect((await list()).total).toBe(0);

    const notADepartment = await t.app.inject({
      method: 'PUT',
      url: `/api/finance-divisions/${divisions[0].divisionId}`,
      headers: { authorization: admin.authorization },
      payload: { departmentIds: [divisions[0].divisionId] },
    });
    expect(notADepartment.statusCode).toBe(400);
    expect(notADepartment.json<{ fields: { field: string }[] }>().fields[0].field).toBe('departmentIds.0');
  });
});

describe('moving a unit to another 主管部门 carries its forms along', () => {
  let t: TestApp;
  let tenant: LoadedTenant;

  beforeAll(async () => {
    t = await startTestApp();
    tenant = await seedSongjiang(t.ownerUrl, 'm');
  });
  afterAll(() => t.close());

  it("takes the unit's submitted form out of the old 主管部门's inbox and into nobody else's by accident", async () => {
    const filer = await login(t.app, 'm-filer');
    const supervisor = await login(t.app, 'm-supervisor');
    const admin = await login(t.app, 'm-admin');
    const formId = tenant.forms[0].id;
    const form = (
      await t.app.inject({
        method: 'GET',
        url: `/api/forms/${formId}`,
        headers: { authorization: filer.authorization },
      })
    ).json<GoalForm>();
    await t.app.inject({
      method: 'POST',
      url: `/api/forms/${formId}/transitions`,
      headers: { authorization: filer.authorization },
      payload: { action: 'submit', filerName: '填报人', filerPhone: '021-57820101', rowVersion: form.rowVersion },
    });
    const inbox = () =>
      t.app
        .inject({ method: 'GET', url: '/api/inbox', headers: { authorization: supervisor.authorization } })
        .then((r) => r.json<{ total: number }>());
    expect((await inbox()).total).toBe(1);

    const orgs = (
      await t.app.inject({ method: 'GET', url: '/api/organizations', headers: { authorization: admin.authorization } })
    ).json<Organization[]>();
    const bureau = orgs.find((o) => o.kind === 'finance_bureau')!;
    const unit = orgs.find((o) => o.kind === 'unit')!;
    const other = (
      await t.app.inject({
        method: 'POST',
        url: '/api/organizations',
        headers: { authorization: admin.authorization },
        payload: { parentId: bureau.id, kind: 'department', name: '松江区经济委员会' },
      })
    ).json<Organization>();
    const moved = await t.app.inject({
      method: 'PATCH',
      url: `/api/organizations/${unit.id}`,
      headers: { authorization: admin.authorization },
      payload: { parentId: other.id },
    });
    expect(moved.statusCode).toBe(200);

    expect((await inbox()).total).toBe(0);
    const list = await t.app.inject({
      method: 'GET',
      url: '/api/projects?year=2021',
      headers: { authorization: supervisor.authorization },
    });
    expect(list.json<ProjectListResponse>().total).toBe(0);
    // The filer still sees and owns the form.
    expect(
      (
        await t.app.inject({
          method: 'GET',
          url: `/api/forms/${formId}`,
          headers: { authorization: filer.authorization },
        })
      ).statusCode,
    ).toBe(200);
  });
});
