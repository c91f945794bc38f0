import type { ApiError, CarryForwardResponse, GoalForm } from '@jxt/contracts';
import { Client } from 'pg';
import type { LoadedTenant } from '../../../src/seeds/load-tenant';
import { approveThroughFinance, type ApprovalChain } from '../../support/form-steps';
import { login, seedSongjiang, startTestApp, type TestApp } from '../../support/test-app';

/**
 * 结转到下一年度: one action per unit carries every continuing project (planned end in the new year or later) with an
 * approved revision of the year before into a draft of the new year; one result per project.
 */
describe('carrying a unit into the next year', () => {
  let t: TestApp;
  let tenant: LoadedTenant;
  let chain: ApprovalChain;
  let unitId: string;

  const carryForward = (body: object, authorization = chain.filer) =>
    t.app.inject({ method: 'POST', url: '/api/projects/carry-forward', headers: { authorization }, payload: body });

  beforeAll(async () => {
    t = await startTestApp();
    tenant = await seedSongjiang(t.ownerUrl, 'n');
    chain = {
      filer: (await login(t.app, 'n-filer')).authorization,
      supervisor: (await login(t.app, 'n-supervisor')).authorization,
      finance: (await login(t.app, 'n-finance')).authorization,
    };
    const form = (
      await t.app.inject({
        method: 'GET',
        url: `/api/forms/${tenant.forms[0].id}`,
        headers: { authorization: chain.filer },
      })
    ).json<GoalForm>();
    unitId = form.project.organizationId;
  });
  afterAll(() => t.close());

  it('carries the approved project that runs into 2022, skips the one ending in 2021 and the unapproved one, each with its reason', async () => {
    // Seed form 1 ends 2021-12-31, form 3 runs to 2022-12-31; form 2 stays a draft.
    await approveThroughFinance(t.app, tenant.forms[0].id, chain);
    await approveThroughFinance(t.app, tenant.forms[2].id, chain);

    const response = await carryForward({ organizationId: unitId, fromYear: 2021 });
    expect(response.statusCode).toBe(200);
    const body = response.json<CarryForwardResponse>();
    expect(body).toMatchObject({ fromYear: 2021, toYear: 2022, created: 1, skipped: 2, refused: 0 });
    const byCode = new Map(body.results.map((r) => [r.code, r]));
    expect(body.results.map((r) => r.code)).toEqual([...body.results.map((r) => r.code)].sort());
    expect(byCode.get(tenant.forms[0].code)).toMatchObject({
      outcome: 'skipped',
      formId: null,
      message: '计划完成日期 2021-12-31 早于 2022 年度',
    });
    expect(byCode.get(tenant.forms[1].code)).toMatchObject({
      outcome: 'skipped',
      message: '2021 年度没有已审核的版本',
    });
    const created = byCode.get(tenant.forms[2].code)!;
    expect(created).toMatchObject({ outcome: 'created', message: null });

    const form = (
      await t.app.inject({
        method: 'GET',
        url: `/api/forms/${created.formId}`,
        headers: { authorization: chain.filer },
      })
    ).json<GoalForm>();
    expect(form).toMatchObject({ year: 2022, status: 'draft', project: { continuity: 'continuing' } });
    expect(form.carriedFrom).toMatchObject({ formId: tenant.forms[2].id, year: 2021 });
    expect(Object.values(form.funds)).toEqual(Array(7).fill(null));

    // Again: nothing new, the carried project now says it has its 2022 form.
    const again = (
      await carryForward({ organizationId: unitId, fromYear: 2021, toYear: 2022 })
    ).json<CarryForwardResponse>();
    expect(again).toMatchObject({ created: 0, skipped: 3 });
    expect(again.results.find((r) => r.code === tenant.forms[2].code)).toMatchObject({
      outcome: 'skipped',
      message: '已有 2022 年度的绩效目标表',
    });
  });

  it('refuses a target year that is not the year after, naming the field; and a unit outside the caller is 404', async () => {
    const refused = await carryForward({ organizationId: unitId, fromYear: 2021, toYear: 2023 });
    expect(refused.statusCode).toBe(400);
    expect(refused.json<ApiError>().fields).toEqual([expect.objectContaining({ field: 'toYear', value: 2023 })]);
    const bureau = tenant.organizations.get('松江区财政局')!;
    expect((await carryForward({ organizationId: bureau, fromYear: 2021 })).statusCode).toBe(404);
  });

  it('carries 150 approved projects in one action within 10 s', async () => {
    const owner = new Client({ connectionString: t.ownerUrl });
    await owner.connect();
    try {
      await cloneApprovedProjects(owner, tenant.forms[2].id, 150);
    } finally {
      await owner.end();
    }
    const started = performance.now();
    const response = await carryForward({ organizationId: unitId, fromYear: 2021 });
    const ms = performance.now() - started;
    expect(response.statusCode).toBe(200);
    const body = response.json<CarryForwardResponse>();
    expect(body.created).toBe(150);
    console.log(`[carry-forward] ${body.results.length} projects, ${body.created} carried in ${Math.round(ms)} ms`);
    expect(ms).toBeLessThan(10_000);
  });
});

/**
 * `count` copies of a form's project in its unit (codes BENCH-0001…), each with its indicators, then approved the way
 * the lock sees it (status set last, so the locking trigger copies the printed labels).
 */
async function cloneApprovedProjects(owner: Client, formId: string, count: number): Promise<void> {
  const columns = async (table: string, except: string[]) =>
    (
      await owner.query<{ name: string }>(
        `SELECT column_name AS name FROM information_schema.columns
         WHERE table_schema = 'public' AND table_name = $1 AND NOT (column_name = ANY($2)) ORDER BY ordinal_position`,
        [table, except],
      )
    ).rows.map((r) => r.name);
  const formColumns = await columns('goal_form', [
    'id',
    'project_id',
    'project_name',
    'status',
    'organization_path',
    'created_at',
    'updated_at',
  ]);
  const indicatorColumns = await columns('indicator', ['id', 'form_id']);
  await owner.query('BEGIN');
  await owner.query(
    `INSERT INTO project (tenant_id, organization_id, code)
     SELECT p.tenant_id, p.organization_id, 'BENCH-' || lpad(g::text, 4, '0')
     FROM goal_form f JOIN project p ON p.id = f.project_id, generate_series(1, $2::int) g WHERE f.id = $1`,
    [formId, count],
  );
  await owner.query(
    `INSERT INTO goal_form (project_id, project_name, ${formColumns.join(', ')})
     SELECT p.id, f.project_name || '（' || p.code || '）', ${formColumns.map((c) => `f.${c}`).join(', ')}
     FROM goal_form f, project p WHERE f.id = $1 AND p.code LIKE 'BENCH-%'`,
    [formId],
  );
  await owner.query(
    `INSERT INTO indicator (form_id, ${indicatorColumns.join(', ')})
     SELECT n.id, ${indicatorColumns.map((c) => `i.${c}`).join(', ')}
     FROM indicator i, goal_form n JOIN project p ON p.id = n.project_id
     WHERE i.form_id = $1 AND p.code LIKE 'BENCH-%'`,
    [formId],
  );
  await owner.query(
    `UPDATE goal_form SET status = 'finance_approved' FROM project p WHERE p.id = goal_form.project_id AND p.code LIKE 'BENCH-%'`,
  );
  await owner.query('COMMIT');
}
