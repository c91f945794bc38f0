import type { Client } from 'pg';
import type { FormSuggestionsResponse, GoalForm, Organization, ProjectListItem } from '@jxt/contracts';
import { toSaveRequest } from '@jxt/domain';
import type { LoadedTenant } from '../../../src/seeds/load-tenant';
import { asOwner as asOwnerOf } from '../../support/owner';
import { login, seedSongjiang, startTestApp, TEST_PASSWORD, type TestApp } from '../../support/test-app';

/**
 * 推荐指标 of a form (issue 14 point 2, ADR 0034): library entries ranked for the form, with the indicators of similar
 * projects of the year (same 功能分类科目 or similar words): a project in the caller's scope shows its form and target,
 * one beyond it only adds to a count; a form out of scope is 404.
 */
describe('GET /api/forms/:id/suggestions: the library and similar projects, counts only beyond the scope', () => {
  let t: TestApp;
  let tenant: LoadedTenant;
  const auth: Record<string, string> = {};
  let ownFormId: string;
  let siblingFormId: string;
  let siblingId: string;
  const SIBLING_PROJECT = '科技情报共享服务平台运维';
  const SIBLING_ONLY = '情报检索外单位专有指标';
  const SIBLING_VALUE = '>=97.5%';

  const call = (method: 'GET' | 'POST' | 'PUT', url: string, who: string, payload?: object) =>
    t.app.inject({ method, url, headers: { authorization: auth[who] }, ...(payload ? { payload } : {}) });
  const suggestions = async (who: string, formId: string) => {
    const response = await call('GET', `/api/forms/${formId}/suggestions`, who);
    expect(response.statusCode).toBe(200);
    return { body: response.body, ...response.json<FormSuggestionsResponse>() };
  };
  /** A new 2021 project of 功能分类科目 2060103 (the seed forms' own, unless given) with its empty draft, as `who`. */
  const newProject = async (
    who: string,
    organizationId: string,
    code: string,
    name: string,
    functionClassCode: string | null = '2060103',
  ) => {
    const created = await call('POST', '/api/projects', who, {
      organizationId,
      year: 2021,
      code,
      name,
      categoryCode: 'one_off',
      continuity: 'new',
      functionClassCode,
      printedDepartment: null,
      printedImplementingUnit: null,
      plannedStart: '2021-01-01',
      plannedEnd: '2021-12-31',
    });
    expect(created.statusCode).toBe(201);
    return created.json<ProjectListItem>().formId!;
  };

  const asOwner = <T>(work: (owner: Client) => Promise<T>) => asOwnerOf(t.ownerUrl, work);
  /**
   * 2021 projects of 功能分类科目 2060103 added to `organizationId` as the owner (quicker than the API for hundreds),
   * each form printing 公众满意度 `uses` times.
   */
  const addSimilarProjects = (
    owner: Client,
    organizationId: string,
    projects: { code: string; name: string; goal: string | null; uses: number }[],
  ) =>
    owner.query(
      `WITH unit AS (SELECT id, tenant_id, path FROM organization WHERE id = $1),
       wanted AS (SELECT * FROM jsonb_to_recordset($2::jsonb) AS w(code text, name text, goal text, uses int)),
       p AS (
         INSERT INTO project (tenant_id, organization_id, code)
         SELECT unit.tenant_id, unit.id, w.code FROM unit, wanted w
         RETURNING id, tenant_id, code
       ),
       f AS (
         INSERT INTO goal_form (tenant_id, project_id, year, project_name, function_class_code, organization_path,
           annual_goal)
         SELECT p.tenant_id, p.id, 2021, w.name, '2060103', unit.path, w.goal FROM p JOIN wanted w USING (code), unit
         RETURNING id, tenant_id, project_id
       )
       INSERT INTO indicator (tenant_id, form_id, indicator_set, level1_code, level2_code, sort_order, name, raw_value,
         target_kind, target_operator, target_number, target_unit)
       SELECT f.tenant_id, f.id, 'year', 'satisfaction', 'service_satisfaction', n, '公众满意度', '>=8' || n || '%',
         'numeric', '>=', 80 + n, '%'
       FROM f JOIN p ON p.id = f.project_id JOIN wanted w USING (code), generate_series(1, w.uses) AS n`,
      [organizationId, JSON.stringify(projects)],
    );

  beforeAll(async () => {
    t = await startTestApp();
    tenant = await seedSongjiang(t.ownerUrl, 'sug');
    for (const name of ['filer', 'admin']) auth[name] = (await login(t.app, `sug-${name}`)).authorization;
    const organizations = (await call('GET', '/api/organizations', 'admin')).json<Organization[]>();
    const byName = (name: string) => organizations.find((o) => o.name === name)!;
    const sibling = await call('POST', '/api/organizations', 'admin', {
      parentId: byName('松江区科学技术委员会').id,
      kind: 'unit',
      name: '松江区科技情报所',
    });
    expect(sibling.statusCode).toBe(201);
    siblingId = sibling.json<Organization>().id;
    const user = await call('POST', '/api/users', 'admin', {
      username: 'sug-sibling',
      displayName: '情报所填报人',
      password: TEST_PASSWORD,
      organizationId: siblingId,
      roles: ['filer'],
    });
    expect(user.statusCode).toBe(201);
    await asOwner((owner) =>
      owner.query(
        `UPDATE app_user SET password_change_required = false, demo_account = true WHERE username = 'sug-sibling'`,
      ),
    );
    auth.sibling = (await login(t.app, 'sug-sibling')).authorization;

    // The sibling unit's similar project prints 公众满意度 with its own target and an indicator no one else has.
    siblingFormId = await newProject('sibling', siblingId, 'QB-2021-001', SIBLING_PROJECT);
    const draft = (await call('GET', `/api/forms/${siblingFormId}`, 'sibling')).json<GoalForm>();
    const request = toSaveRequest(draft);
    request.annualGoal = '保障科技情报共享服务平台稳定运行，提升服务满意度。';
    request.indicators.year = [
      {
        code: 'output',
        children: [{ code: 'quantity', indicators: [{ name: SIBLING_ONLY, rawValue: '=7个' }] }],
      },
      {
        code: 'satisfaction',
        children: [{ code: 'service_satisfaction', indicators: [{ name: '公众满意度', rawValue: SIBLING_VALUE }] }],
      },
    ];
    const saved = await call('PUT', `/api/forms/${siblingFormId}`, 'sibling', request);
    expect(saved.statusCode).toBe(200);

    // The filer's new project of the same 功能分类科目, its form still empty.
    const unit = tenant.forms[0];
    const seedForm = (await call('GET', `/api/forms/${unit.id}`, 'filer')).json<GoalForm>();
    ownFormId = await newProject('filer', seedForm.project.organizationId, 'KCZX-2021-009', '政务网络安全运维服务');
  }, 240_000);
  afterAll(() => t.close());

  it('ranks library entries for the missing 二级指标 and shows the in-scope similar projects with their targets', async () => {
    const { items, total } = await suggestions('filer', ownFormId);
    expect(total).toBe(items.length);
    expect(items.length).toBeGreaterThanOrEqual(15);
    // An empty form lacks every 二级指标: each suggestion fills one.
    expect(items.every((s) => s.reasons.includes('missingSlot'))).toBe(true);
    // The three seed projects (the filer's unit) and the sibling's all print 公众满意度: four projects, three shown.
    const satisfaction = items.find((s) => s.name === '公众满意度')!;
    expect(satisfaction).toMatchObject({ source: 'library', shared: true, usedBy: 4, valueForm: '>=90%' });
    expect(satisfaction.examples.map((e) => e.formId).sort()).toEqual(
      tenant.forms
        .slice(0, 3)
        .map((f) => f.id)
        .sort(),
    );
    expect(satisfaction.examples.find((e) => e.formId === tenant.forms[0].id)).toMatchObject({
      projectName: '市民服务',
      value: '>=90%',
    });
    // Every shown example is a project of the filer's own unit.
    const shown = new Set(items.flatMap((s) => s.examples.map((e) => e.formId)));
    expect([...shown].every((id) => tenant.forms.some((f) => f.id === id))).toBe(true);
    // Best first.
    expect(items.map((s) => s.score)).toEqual([...items.map((s) => s.score)].sort((a, b) => b - a));
  });

  it('never shows an out-of-scope project’s form, name, values or own indicators: only the count', async () => {
    const { body } = await suggestions('filer', ownFormId);
    for (const secret of [siblingFormId, SIBLING_PROJECT, SIBLING_ONLY, SIBLING_VALUE, '松江区科技情报所'])
      expect(body).not.toContain(secret);
    // The other way round: the sibling sees the filer's unit's projects only as counts.
    const theirs = await suggestions('sibling', siblingFormId);
    // 项目验收合格率: printed by two of the seed projects, which the sibling unit does not see.
    expect(theirs.items.find((s) => s.name === '项目验收合格率')).toMatchObject({
      source: 'library',
      usedBy: 2,
      examples: [],
    });
    expect(theirs.items.every((s) => s.examples.length === 0 && s.source === 'library')).toBe(true);
    for (const form of tenant.forms) expect(theirs.body).not.toContain(form.id);
    for (const secret of ['市民服务', '项目服务管理', '网络信息系统运行与维护', ownFormId])
      expect(theirs.body).not.toContain(secret);
    // Its own indicators are not suggested back to it.
    expect(theirs.items.map((s) => s.name)).not.toContain('公众满意度');
  });

  it('compares a form without a 功能分类科目 with no other project: library entries only, counted by none', async () => {
    const unit = (await call('GET', `/api/forms/${tenant.forms[0].id}`, 'filer')).json<GoalForm>();
    const formId = await newProject('filer', unit.project.organizationId, 'KCZX-2021-010', '市民服务配套', null);
    const { items } = await suggestions('filer', formId);
    expect(items.length).toBeGreaterThanOrEqual(15);
    // The same name as the seed's 市民服务, which has 公众满意度: without the class it is not a similar project.
    expect(items.every((s) => s.source === 'library' && s.usedBy === 0 && s.examples.length === 0)).toBe(true);
  });

  it('still finds the entries fitting the 功能分类科目 or sharing a word among more entries of a 二级指标 than it ranks', async () => {
    // 30 more 共性 entries of 生态效益指标 sharing nothing with the form, more than the CANDIDATES_PER_SLOT read of
    // each 二级指标, all before (by id) one tagged 206 (a prefix of the form's 2060103) and one sharing 网络 with
    // 政务网络安全运维服务: those two are found by what they match, not among the first read.
    await asOwner(async (owner) => {
      await owner.query(
        `WITH bureau AS (
           SELECT b.id, b.tenant_id FROM organization b JOIN organization u ON u.tenant_id = b.tenant_id
           WHERE u.id = $1 AND b.kind = 'finance_bureau'
         ),
         wanted (id, name, initials, codes) AS (
           SELECT ('00000000-0000-4000-8000-' || lpad(n::text, 12, '0'))::uuid, '生态样例指标' || n, 'stylzb' || n,
             '{}'::text[]
           FROM generate_series(1, 30) AS n
           UNION ALL VALUES
             ('ffffffff-ffff-4fff-bfff-fffffffffff1'::uuid, '湿地保护面积', 'sdbhmj', '{206}'::text[]),
             ('ffffffff-ffff-4fff-bfff-fffffffffff2'::uuid, '网络设施节能率', 'wlssjnl', '{}'::text[])
         )
         INSERT INTO indicator_library_entry (id, tenant_id, tier, organization_id, name, name_initials, level1_code,
           level2_code, value_form, function_class_codes)
         SELECT w.id, bureau.tenant_id, 'common', bureau.id, w.name, w.initials, 'benefit', 'ecological', '>=1', w.codes
         FROM bureau, wanted w`,
        [siblingId],
      );
      try {
        const { items } = await suggestions('filer', ownFormId);
        const ecological = items.filter((s) => s.level2Code === 'ecological');
        expect(ecological.slice(0, 2).map((s) => [s.name, s.reasons])).toEqual([
          ['湿地保护面积', ['missingSlot', 'functionClass']],
          ['网络设施节能率', ['missingSlot', 'words']],
        ]);
      } finally {
        await owner.query(
          `DELETE FROM indicator_library_entry WHERE level2_code = 'ecological' AND (name LIKE '生态样例指标%'
           OR name IN ('湿地保护面积', '网络设施节能率'))`,
        );
      }
    });
  });

  it('answers 404 for a form outside the caller’s scope', async () => {
    for (const formId of [ownFormId, tenant.forms[0].id])
      expect((await call('GET', `/api/forms/${formId}/suggestions`, 'sibling')).statusCode).toBe(404);
    expect((await call('GET', `/api/forms/${siblingFormId}/suggestions`, 'filer')).statusCode).toBe(404);
  });
  it('puts the caller’s own similar projects first: with 300 more beyond the scope, the unit’s three still show', async () => {
    // 300 projects of the sibling unit, same 功能分类科目, names sharing 服务 with the form's, each printing 公众满意度.
    const projects = Array.from({ length: 300 }, (_, n) => ({
      code: `QB-SIM-${n + 1}`,
      name: `情报服务项目QB-SIM-${n + 1}`,
      goal: '提供情报服务。',
      uses: 1,
    }));
    await asOwner(async (owner) => {
      await addSimilarProjects(owner, siblingId, projects);
      try {
        const { items } = await suggestions('filer', ownFormId);
        const satisfaction = items.find((s) => s.name === '公众满意度')!;
        // At most 100 similar projects are read: the unit's three first, with their targets; the rest only counted.
        expect(satisfaction.usedBy).toBe(100);
        expect(satisfaction.examples.map((e) => e.formId).sort()).toEqual(
          tenant.forms
            .slice(0, 3)
            .map((f) => f.id)
            .sort(),
        );
      } finally {
        await owner.query(`DELETE FROM project WHERE organization_id = $1 AND code LIKE 'QB-SIM-%'`, [siblingId]);
      }
    });
  });

  it('shows at most three in-scope projects per indicator, the first by name, and counts a project once', async () => {
    // Two more projects of the filer's unit print 公众满意度, one of them twice: five in scope, six with the sibling's.
    const unit = (await call('GET', `/api/forms/${tenant.forms[0].id}`, 'filer')).json<GoalForm>().project;
    await asOwner(async (owner) => {
      await addSimilarProjects(owner, unit.organizationId, [
        { code: 'KCZX-EX-1', name: '档案服务平台运维', goal: null, uses: 1 },
        { code: 'KCZX-EX-2', name: '安全服务巡检', goal: null, uses: 2 },
      ]);
      try {
        const { rows: inScope } = await owner.query<{ id: string; project_name: string }>(
          `SELECT id, project_name FROM goal_form
           WHERE id = ANY($1::uuid[]) OR project_name IN ('档案服务平台运维', '安全服务巡检')`,
          [tenant.forms.slice(0, 3).map((f) => f.id)],
        );
        expect(inScope).toHaveLength(5);
        // By project name in code-point order, as the statement sorts them (COLLATE "C").
        const firstThree = inScope
          .sort((a, b) => (a.project_name < b.project_name ? -1 : a.project_name > b.project_name ? 1 : 0))
          .slice(0, 3);

        const { items } = await suggestions('filer', ownFormId);
        const satisfaction = items.find((s) => s.name === '公众满意度')!;
        expect(satisfaction.usedBy).toBe(6);
        expect(satisfaction.examples.map((e) => [e.formId, e.projectName])).toEqual(
          firstThree.map((f) => [f.id, f.project_name]),
        );
      } finally {
        await owner.query(`DELETE FROM project WHERE code IN ('KCZX-EX-1', 'KCZX-EX-2')`);
      }
    });
  });
});
