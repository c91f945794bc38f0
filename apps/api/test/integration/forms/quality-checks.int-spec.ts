import { Client } from 'pg';
import type { ApiError, GoalForm, QualityPolicy, QualityPolicyVersion } from '@jxt/contracts';
import { DEFAULT_QUALITY_POLICY, QUALITY_CODES, toSaveRequest } from '@jxt/domain';
import type { LoadedTenant } from '../../../src/seeds/load-tenant';
import { approveThroughFinance } from '../../support/form-steps';
import { login, seedSongjiang, startTestApp, type TestApp } from '../../support/test-app';

// Issue 14: the goal-quality checks (审核要点) in the form's `issues`, at the levels of the tenant's policy of the
// year; an error-level check refuses 提交; the reviewer's ticked 审核要点 travel with a 退回 to the filer.
describe('goal-quality checks in the form, by the policy of the year', () => {
  let t: TestApp;
  let tenant: LoadedTenant;
  const auth: Record<string, string> = {};

  beforeAll(async () => {
    t = await startTestApp();
    tenant = await seedSongjiang(t.ownerUrl, 'q');
    for (const name of ['filer', 'supervisor', 'finance', 'admin'])
      auth[name] = (await login(t.app, `q-${name}`)).authorization;
  });
  afterAll(() => t.close());

  const call = (method: 'GET' | 'PUT' | 'POST', url: string, who: string, payload?: object) =>
    t.app.inject({ method, url, headers: { authorization: auth[who] }, payload });
  const get = async (formId: string, who = 'filer') =>
    (await call('GET', `/api/forms/${formId}`, who)).json<GoalForm>();
  const setLevel = async (year: number, code: string, level: 'error' | 'warning' | 'off') => {
    const current = (await call('GET', `/api/quality-policies/${year}`, 'admin')).json<QualityPolicyVersion>();
    const policy: QualityPolicy = {
      ...current.policy,
      checks: current.policy.checks.map((c) => (c.code === code ? { code, level } : c)),
    };
    return call('PUT', `/api/quality-policies/${year}`, 'admin', { policy, baseVersion: current.version });
  };
  const citizenService = () => tenant.forms.find((f) => f.name === '市民服务')!.id;
  const submit = async (formId: string) =>
    call('POST', `/api/forms/${formId}/transitions`, 'filer', {
      action: 'submit',
      filerName: '张文',
      filerPhone: '021-57820101',
      rowVersion: (await get(formId)).rowVersion,
    });

  it('lists each quality check in the GET form answer with its code, 审核要点, severity and field; the form’s own checks have their group too', async () => {
    const form = await get(citizenService());
    expect(form.issues).toContainEqual({
      code: QUALITY_CODES.goalSentenceUncovered,
      group: '相关性',
      severity: 'warning',
      field: 'annualGoal',
      message: expect.stringContaining('年度总目标第 3 条'),
    });
    expect(form.issues.every((i) => i.group)).toBe(true);
    expect(form.issues.filter((i) => i.severity === 'error')).toEqual([]);
  });

  it('answers the default policy (every quality check a warning) as version 0, and only the admin may change it', async () => {
    const current = (await call('GET', '/api/quality-policies/2021', 'filer')).json<QualityPolicyVersion>();
    expect(current).toMatchObject({ year: 2021, version: 0, policy: DEFAULT_QUALITY_POLICY });
    expect((await call('PUT', '/api/quality-policies/2021', 'filer', { policy: current.policy })).statusCode).toBe(403);
    const unknown = await call('PUT', '/api/quality-policies/2021', 'admin', {
      policy: { ...current.policy, checks: [{ code: 'quality.no_such_check', level: 'error' }] },
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json<ApiError>().fields?.map((f) => f.field)).toEqual(['policy.checks.0.code']);
    const badLevel = await call('PUT', '/api/quality-policies/2021', 'admin', {
      policy: { ...current.policy, checks: [{ code: QUALITY_CODES.costAboveFunds, level: 'fatal' }] },
    });
    expect(badLevel.statusCode).toBe(400);
  });

  it('refuses 提交 while an error-level check fails, listing its field; the policy is per year; off lets it through', async () => {
    const saved = await setLevel(2021, QUALITY_CODES.goalSentenceUncovered, 'error');
    expect(saved.statusCode).toBe(200);
    expect(saved.json<QualityPolicyVersion>()).toMatchObject({
      year: 2021,
      version: 1,
      createdByName: expect.any(String),
    });
    expect((await call('GET', '/api/quality-policies/2022', 'filer')).json<QualityPolicyVersion>().version).toBe(0);
    // A stale base version is a 409, not a silent overwrite.
    const stale = await call('PUT', '/api/quality-policies/2021', 'admin', {
      policy: DEFAULT_QUALITY_POLICY,
      baseVersion: 0,
    });
    expect(stale.statusCode).toBe(409);

    const formId = citizenService();
    expect((await get(formId)).issues).toContainEqual(
      expect.objectContaining({ code: QUALITY_CODES.goalSentenceUncovered, severity: 'error', field: 'annualGoal' }),
    );
    const refused = await submit(formId);
    expect(refused.statusCode).toBe(400);
    expect(refused.json<ApiError>().fields).toEqual([
      { field: 'annualGoal', message: expect.stringContaining('没有对应的绩效指标') },
    ]);
    expect((await get(formId)).status).toBe('draft');

    expect((await setLevel(2021, QUALITY_CODES.goalSentenceUncovered, 'off')).statusCode).toBe(200);
    expect((await get(formId)).issues.map((i) => i.code)).not.toContain(QUALITY_CODES.goalSentenceUncovered);
    expect((await submit(formId)).statusCode).toBe(200);
  });

  it('keeps the 审核要点 a reviewer ticks with a 退回, each at its field, and shows them to the filer', async () => {
    const formId = citizenService();
    const points = [
      { group: '相关性', code: null, field: 'annualGoal', message: '第 3 条目标（设备维护）没有对应指标' },
      {
        group: '适当性',
        code: QUALITY_CODES.percentOutOfRange,
        field: 'indicators.year.0.children.0.indicators.0.rawValue',
        message: '完成率目标偏低',
      },
    ];
    const returned = await call('POST', `/api/forms/${formId}/transitions`, 'supervisor', {
      action: 'return',
      comment: '请按勾选的审核要点修改',
      points,
      rowVersion: (await get(formId, 'supervisor')).rowVersion,
    });
    expect(returned.statusCode).toBe(200);
    const seen = await get(formId, 'filer');
    expect(seen.status).toBe('returned');
    expect(seen.latestReview).toMatchObject({ action: 'return', comment: '请按勾选的审核要点修改', points });

    const wrongField = await call('POST', `/api/forms/${formId}/transitions`, 'filer', {
      action: 'submit',
      filerName: '张文',
      filerPhone: '021-57820101',
      points: [{ group: '其他', field: 'a b', message: 'x' }],
      rowVersion: seen.rowVersion,
    });
    expect(wrongField.statusCode).toBe(400);
    expect(
      wrongField
        .json<ApiError>()
        .fields?.map((f) => f.field)
        .sort(),
    ).toEqual(['points.0.field', 'points.0.group']);
  });

  it("warns where a 延续 target is weaker than last year's approved one, unless weakerTargetReason says why", async () => {
    const source = tenant.forms.find((f) => f.name === '网络信息系统运行与维护')!;
    await approveThroughFinance(t.app, source.id, {
      filer: auth.filer,
      supervisor: auth.supervisor,
      finance: auth.finance,
    });
    const carried = await call('POST', `/api/projects/${source.projectId}/forms`, 'filer', { year: 2022 });
    expect(carried.statusCode).toBe(201);
    const draft = carried.json<GoalForm>();
    const weakerOf = (form: GoalForm) => form.issues.filter((i) => i.code === QUALITY_CODES.targetWeakerThanLastYear);
    expect(weakerOf(draft)).toEqual([]);

    // 项目验收合格率 was =100% in 2021's approved revision: 90% is a lower bar.
    const body = toSaveRequest(draft);
    const place = body.indicators.year
      .flatMap((g, i) => g.children.flatMap((c, j) => c.indicators.map((ind, k) => ({ ind, path: [i, j, k] }))))
      .find(({ ind }) => ind.name === '项目验收合格率')!;
    expect(place.ind.rawValue).toBe('=100%');
    place.ind.rawValue = '=90%';
    const lowered = await call('PUT', `/api/forms/${draft.id}`, 'filer', body);
    expect(lowered.statusCode).toBe(200);
    const [i, j, k] = place.path;
    const field = `indicators.year.${i}.children.${j}.indicators.${k}.rawValue`;
    expect(weakerOf(lowered.json<GoalForm>())).toEqual([
      {
        code: QUALITY_CODES.targetWeakerThanLastYear,
        group: '适当性',
        severity: 'warning',
        field,
        message: '“项目验收合格率”的指标值 =90% 低于 2021 年已审核的 =100%；确需下调请填写下调理由',
      },
    ]);

    const explained = toSaveRequest(lowered.json<GoalForm>());
    explained.indicators.year[i].children[j].indicators[k].weakerTargetReason = '服务范围扩大，首年从低设定';
    const withReason = await call('PUT', `/api/forms/${draft.id}`, 'filer', explained);
    expect(withReason.statusCode).toBe(200);
    const form = withReason.json<GoalForm>();
    expect(weakerOf(form)).toEqual([]);
    expect(form.indicators.year[i].children[j].indicators[k].weakerTargetReason).toBe('服务范围扩大，首年从低设定');
  });

  it('warns where a unit differs from the 指标库 entry the form’s unit sees: its own, above it or 共性 — not another branch’s', async () => {
    // A name no seeded entry has: 项目服务管理's first indicator, renamed.
    const formId = tenant.forms.find((f) => f.name === '项目服务管理')!.id;
    const body = toSaveRequest(await get(formId));
    Object.assign(body.indicators.year[0].children[0].indicators[0], { name: '科普讲座场次', rawValue: '=12场' });
    expect((await call('PUT', `/api/forms/${formId}`, 'filer', body)).statusCode).toBe(200);
    const unitIssues = async () =>
      (await get(formId)).issues.filter((i) => i.code === QUALITY_CODES.unitDiffersFromLibrary);

    const owner = new Client({ connectionString: t.ownerUrl });
    await owner.connect();
    const add = (organization: string, tier: string, measureUnit: string) =>
      owner.query(
        `INSERT INTO indicator_library_entry (tenant_id, tier, organization_id, name, name_initials, level1_code, level2_code, measure_unit)
         VALUES ($1, $2, $3, '科普讲座场次', 'kpjzcc', 'output', 'quantity', $4)`,
        [tenant.tenantId, tier, tenant.organizations.get(organization), measureUnit],
      );
    try {
      // The 财政科室 is another branch of the tree, 科技服务部 is below the unit: neither speaks for the form.
      await add('科教文卫科', 'department', '次');
      await add('科技服务部', 'unit', '次');
      expect(await unitIssues()).toEqual([]);
      // The 主管部门 above the unit does.
      await add('松江区科学技术委员会', 'department', '次');
      expect(await unitIssues()).toEqual([
        {
          code: QUALITY_CODES.unitDiffersFromLibrary,
          group: '适当性',
          severity: 'warning',
          field: 'indicators.year.0.children.0.indicators.0.rawValue',
          message: '“科普讲座场次”的单位“场”，与指标库的“次”不一致',
        },
      ]);
      expect((await get(formId)).libraryUnits).toEqual(expect.objectContaining({ 科普讲座场次: '次' }));
      // The unit's own entry is the nearest, and agrees.
      await add('上海市松江区科技创新服务中心（上海市松江区大数据中心）', 'unit', '场');
      expect(await unitIssues()).toEqual([]);
    } finally {
      await owner.query(`DELETE FROM indicator_library_entry WHERE tenant_id = $1 AND name = '科普讲座场次'`, [
        tenant.tenantId,
      ]);
      await owner.end();
    }
  });
});
