import type { Client } from 'pg';
import type {
  ApiError,
  Evaluation,
  FormHistoryEntry,
  GoalForm,
  Organization,
  SaveEvaluationRequest,
  SaveFormRequest,
  TaxonomyNode,
} from '@jxt/contracts';
import { toSaveRequest } from '@jxt/domain';
import type { LoadedTenant } from '../../../src/seeds/load-tenant';
import { appRoleClient, login, seedSongjiang, startTestApp, type TestApp } from '../../support/test-app';

/**
 * A locked revision (a finance-approved or rejected 填报表, a final 自评表) prints the same content, field for
 * field, whatever happens later to its project, its organisation, the year's taxonomy, later years or 调整 drafts
 * (docs/domain.md §5.1). Only derived fields may change: the list of revisions, the latest review,
 * the checks and the link to a 自评表.
 */
function lockedContent(form: GoalForm): Omit<GoalForm, 'revisions' | 'latestReview' | 'issues' | 'evaluationId'> {
  const { revisions: _r, latestReview: _l, issues: _i, evaluationId: _e, ...content } = form;
  return content;
}

function lockedEvaluation(evaluation: Evaluation): Omit<Evaluation, 'latestComment' | 'issues'> {
  const { latestComment: _l, issues: _i, ...content } = evaluation;
  return content;
}

describe('locked revisions keep their content (header, funds, goals, indicators, labels as printed)', () => {
  let t: TestApp;
  let tenant: LoadedTenant;
  const auth: Record<string, string> = {};
  let client: Client;

  beforeAll(async () => {
    t = await startTestApp();
    tenant = await seedSongjiang(t.ownerUrl, 'l', [
      { username: 'l-reviewer', displayName: 'l 复核人', roles: ['reviewer'], organization: '松江区财政局' },
    ]);
    for (const name of ['filer', 'supervisor', 'finance', 'admin', 'reviewer'])
      auth[name] = (await login(t.app, `l-${name}`)).authorization;
    client = await appRoleClient(t.appUrl);
  });
  afterAll(async () => {
    await client.end();
    await t.close();
  });

  const call = (method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', url: string, who: string, payload?: object) =>
    t.app.inject({ method, url, headers: { authorization: auth[who] }, ...(payload ? { payload } : {}) });
  const getForm = async (id: string, who = 'filer') => (await call('GET', `/api/forms/${id}`, who)).json<GoalForm>();
  const save = (id: string, request: SaveFormRequest) => call('PUT', `/api/forms/${id}`, 'filer', request);

  async function approve(formId: string): Promise<void> {
    const steps: [string, Record<string, unknown>][] = [
      ['filer', { action: 'submit', filerName: '张文', filerPhone: '021-57820101' }],
      ['supervisor', { action: 'approve' }],
      ['supervisor', { action: 'report' }],
      ['finance', { action: 'approve', reviewResult: 'excellent', comment: '同意' }],
    ];
    for (const [who, body] of steps) {
      const response = await call('POST', `/api/forms/${formId}/transitions`, who, {
        ...body,
        rowVersion: (await getForm(formId)).rowVersion,
      });
      expect(response.statusCode).toBe(200);
    }
  }

  /** Runs one SQL statement as the app role inside the tenant, rolled back; returns the SQLSTATE it failed with. */
  async function refusalAsApp(sql: string, params: unknown[]): Promise<string | null> {
    await client.query('BEGIN');
    try {
      await client.query(`SELECT set_config('app.tenant_id', $1, true)`, [tenant.tenantId]);
      await client.query(sql, params);
      return null;
    } catch (err) {
      return (err as { code?: string }).code ?? 'unknown';
    } finally {
      await client.query('ROLLBACK');
    }
  }

  const citizen = () => tenant.forms.find((f) => f.name === '市民服务')!;
  let approved: GoalForm;

  it('the issue as found: a later year and an 调整 draft change their own header, never the approved one', async () => {
    const { id, projectId } = citizen();
    await approve(id);
    approved = await getForm(id);
    expect(approved.status).toBe('finance_approved');

    const created = await call('POST', `/api/projects/${projectId}/forms`, 'filer', { year: 2022 });
    expect(created.statusCode).toBe(201);
    const next = toSaveRequest(created.json<GoalForm>());
    next.project = {
      ...next.project,
      name: '市民服务（2022）',
      plannedStart: '2022-01-01',
      plannedEnd: '2022-12-31',
      printedImplementingUnit: '松江区大数据中心',
    };
    expect((await save(created.json<GoalForm>().id, next)).statusCode).toBe(200);
    expect(lockedContent(await getForm(id))).toEqual(lockedContent(approved));

    const reopened = await call('POST', `/api/forms/${id}/transitions`, 'filer', {
      action: 'reopen',
      comment: '调整名称',
      rowVersion: approved.rowVersion,
    });
    expect(reopened.statusCode).toBe(200);
    const draft = toSaveRequest(reopened.json<GoalForm>());
    draft.project = { ...draft.project, name: '市民服务（调整）', printedDepartment: '松江区科委' };
    draft.indicators.year[0].children[0].indicators[0].rawValue = '=4次';
    expect((await save(reopened.json<GoalForm>().id, draft)).statusCode).toBe(200);

    const after = await getForm(id);
    expect(lockedContent(after)).toEqual(lockedContent(approved));
    expect(after.project.name).toBe('市民服务');
    expect((await getForm(reopened.json<GoalForm>().id)).project.name).toBe('市民服务（调整）');
    expect((await getForm(created.json<GoalForm>().id)).project.name).toBe('市民服务（2022）');
  });

  it('PATCH /api/projects/:id changes only the identity; the printed header goes through the form', async () => {
    const { projectId } = citizen();
    const rename = await call('PATCH', `/api/projects/${projectId}`, 'filer', { name: '改名' });
    expect(rename.statusCode).toBe(400);
    expect(rename.json<ApiError>().fields).toEqual([expect.objectContaining({ field: 'name' })]);
    const nulled = await call('PATCH', `/api/projects/${projectId}`, 'filer', { name: null });
    expect(nulled.statusCode).toBe(400);
    const code = await call('PATCH', `/api/projects/${projectId}`, 'filer', { code: null });
    expect(code.statusCode).toBe(400);
    expect(lockedContent(await getForm(citizen().id))).toEqual(lockedContent(approved));

    // A change of the project's code between a read and a save of an open form makes that save stale (409), with
    // the change in the form's history, instead of the save quietly putting the old code back.
    const service = tenant.forms.find((f) => f.name === '项目服务管理')!;
    const read = await getForm(service.id);
    expect(
      (await call('PATCH', `/api/projects/${service.projectId}`, 'filer', { code: 'FW-2021-002' })).statusCode,
    ).toBe(200);
    expect((await save(service.id, toSaveRequest(read))).statusCode).toBe(409);
    const fresh = await getForm(service.id);
    expect(fresh).toMatchObject({
      rowVersion: read.rowVersion + 1,
      project: { code: 'FW-2021-002', name: read.project.name },
    });
    const history = (await call('GET', `/api/forms/${service.id}/history`, 'filer')).json<FormHistoryEntry[]>();
    expect(history.at(-1)).toMatchObject({
      kind: 'save',
      changes: [{ field: 'project.code', label: '项目编码', before: service.code, after: 'FW-2021-002' }],
    });
  });

  it("the database refuses every write to a locked revision's content, as the app role, with its own SQLSTATE", async () => {
    const id = approved.id;
    const indicatorId = approved.indicators.year[0].children[0].indicators[0].id;
    expect(await refusalAsApp(`UPDATE goal_form SET project_name = 'x' WHERE id = $1`, [id])).toBe('JX001');
    expect(await refusalAsApp(`UPDATE goal_form SET annual_amount = 1 WHERE id = $1`, [id])).toBe('JX001');
    expect(await refusalAsApp(`UPDATE goal_form SET status = 'draft' WHERE id = $1`, [id])).toBe('JX001');
    expect(await refusalAsApp(`DELETE FROM goal_form WHERE id = $1`, [id])).toBe('JX001');
    expect(await refusalAsApp(`UPDATE indicator SET raw_value = '=9次' WHERE id = $1`, [indicatorId])).toBe('JX001');
    expect(await refusalAsApp(`DELETE FROM indicator WHERE form_id = $1`, [id])).toBe('JX001');
    expect(
      await refusalAsApp(
        `INSERT INTO indicator (tenant_id, form_id, indicator_set, level1_code, level2_code, sort_order, name, raw_value, target_kind)
         VALUES ($1, $2, 'year', 'output', 'quantity', 99, '新增', '=1次', 'quantitative')`,
        [tenant.tenantId, id],
      ),
    ).toBe('JX001');
    // What the system keeps current passes: the unit's path, rewritten when a unit moves.
    expect(
      await refusalAsApp(`UPDATE goal_form SET organization_path = organization_path || '' WHERE id = $1`, [id]),
    ).toBeNull();
    // A draft is not locked.
    expect(
      await refusalAsApp(`UPDATE goal_form SET project_name = 'x' WHERE id = $1`, [
        tenant.forms.find((f) => f.name === '项目服务管理')!.id,
      ]),
    ).toBeNull();
  });

  it('carries a new year forward from the approved revision, not from a newer 调整 draft, and says so', async () => {
    const network = tenant.forms.find((f) => f.name === '网络信息系统运行与维护')!;
    await approve(network.id);
    const base = await getForm(network.id);
    const reopened = (
      await call('POST', `/api/forms/${network.id}/transitions`, 'filer', {
        action: 'reopen',
        comment: '调整',
        rowVersion: base.rowVersion,
      })
    ).json<GoalForm>();
    const draft = toSaveRequest(reopened);
    const firstValue = draft.indicators.year[0].children[0].indicators[0];
    const approvedValue = firstValue.rawValue;
    firstValue.rawValue = '=99次';
    expect((await save(reopened.id, draft)).statusCode).toBe(200);

    const created = await call('POST', `/api/projects/${network.projectId}/forms`, 'filer', { year: 2022 });
    expect(created.statusCode).toBe(201);
    const next = created.json<GoalForm>();
    expect(next.indicators.year[0].children[0].indicators[0].rawValue).toBe(approvedValue);
    expect(next.carriedFrom).toEqual({ formId: network.id, year: 2021, revision: 1, status: 'finance_approved' });
    expect(next.project.continuity).toBe('continuing');
  });

  it('a final 自评表 keeps its printed header and labels when the project, the unit and the taxonomy change later', async () => {
    const network = tenant.forms.find((f) => f.name === '网络信息系统运行与维护')!;
    const opened = await call('POST', `/api/forms/${network.id}/evaluation`, 'filer');
    expect(opened.statusCode).toBe(200);
    let e = opened.json<Evaluation>();
    const request: SaveEvaluationRequest = {
      rowVersion: e.rowVersion,
      funds: { annualBudget: '8927300.00', executedAmount: '8927300.00' },
      actualGoal: '全部完成。',
      indicators: e.indicators.map((i) => ({
        id: i.id,
        actualValue:
          i.target.kind === 'boolean'
            ? i.target.value
              ? '是'
              : '否'
            : i.target.kind === 'quantitative'
              ? `${i.target.value}${i.target.unit ?? ''}`
              : '达成',
        selfShare: i.target.kind === 'qualitative' ? '1' : null,
        deviationReason: '无',
      })),
    };
    e = (await call('PUT', `/api/evaluations/${e.id}`, 'filer', request)).json<Evaluation>();
    for (const [who, action] of [
      ['filer', 'submit'],
      ['reviewer', 'review'],
      ['reviewer', 'finalise'],
    ] as const) {
      const response = await call('POST', `/api/evaluations/${e.id}/transitions`, who, {
        action,
        rowVersion: e.rowVersion,
        adjustments: [],
      });
      expect(response.statusCode).toBe(200);
      e = response.json<Evaluation>();
    }
    expect(e.status).toBe('final');

    const organizations = (await call('GET', '/api/organizations', 'admin')).json<Organization[]>();
    const unitId = (await getForm(network.id)).project.organizationId;
    expect(
      (await call('PATCH', `/api/organizations/${unitId}`, 'admin', { name: '松江区数据中心（更名）' })).statusCode,
    ).toBe(200);
    expect(organizations.length).toBeGreaterThan(0);
    const taxonomy = (await call('GET', '/api/taxonomy?year=2021', 'admin')).json<TaxonomyNode[]>();
    expect(
      (
        await call('PUT', '/api/taxonomy/2021', 'admin', {
          nodes: taxonomy.map((n) => ({ ...n, label: `${n.label}！` })),
        })
      ).statusCode,
    ).toBe(200);

    const after = (await call('GET', `/api/evaluations/${e.id}`, 'filer')).json<Evaluation>();
    expect(lockedEvaluation(after)).toEqual(lockedEvaluation(e));
    expect(await refusalAsApp(`UPDATE self_evaluation SET actual_goal = 'x' WHERE id = $1`, [e.id])).toBe('JX001');
    expect(
      await refusalAsApp(`UPDATE evaluation_indicator SET actual_value = 'x' WHERE evaluation_id = $1`, [e.id]),
    ).toBe('JX001');
  });

  it("renaming or moving the unit and relabelling the year's taxonomy leave the approved revision as printed", async () => {
    const organizations = (await call('GET', '/api/organizations', 'admin')).json<Organization[]>();
    const unit = organizations.find((o) => o.id === approved.project.organizationId)!;
    const renamed = await call('PATCH', `/api/organizations/${unit.id}`, 'admin', { name: '松江区数据局' });
    expect(renamed.statusCode).toBe(200);
    const bureau = organizations.find((o) => o.kind === 'finance_bureau')!;
    const department = await call('POST', '/api/organizations', 'admin', {
      parentId: bureau.id,
      kind: 'department',
      name: '松江区数据管理委员会',
    });
    expect(department.statusCode).toBe(201);
    expect(
      (await call('PATCH', `/api/organizations/${unit.id}`, 'admin', { parentId: department.json<Organization>().id }))
        .statusCode,
    ).toBe(200);

    const taxonomy = (await call('GET', '/api/taxonomy?year=2021', 'admin')).json<TaxonomyNode[]>();
    const relabelled = taxonomy.map((n) => ({ ...n, label: `${n.label}（新）` }));
    expect((await call('PUT', '/api/taxonomy/2021', 'admin', { nodes: relabelled })).statusCode).toBe(200);

    const after = await getForm(approved.id, 'admin');
    expect(lockedContent(after)).toEqual(lockedContent(approved));
    expect(after.project.organizationName).toBe(approved.project.organizationName);
    expect(after.project.organizationName).not.toBe('松江区数据局');
    // A draft of the same year follows the tree and the taxonomy.
    const draft = await getForm(tenant.forms.find((f) => f.name === '项目服务管理')!.id, 'admin');
    expect(draft.project.organizationName).toBe('松江区数据局');
    expect(draft.indicators.year[0].label).toMatch(/（新）$/);
  });
});
