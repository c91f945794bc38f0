import type { ApiError, CodeListItem, GoalForm, SaveFormRequest, TaxonomyNode } from '@jxt/contracts';
import { toSaveRequest } from '@jxt/domain';
import { login, seedSongjiang, startTestApp, type TestApp } from '../../support/test-app';

describe('tenant configuration: code lists and the indicator taxonomy (data per tenant and year)', () => {
  let t: TestApp;
  let admin: string;
  let filer: string;
  let formId: string;

  beforeAll(async () => {
    t = await startTestApp();
    const tenant = await seedSongjiang(t.ownerUrl, 'k');
    formId = tenant.forms[0].id;
    admin = (await login(t.app, 'k-admin')).authorization;
    filer = (await login(t.app, 'k-filer')).authorization;
  });
  afterAll(() => t.close());

  const get = <T>(url: string, authorization = filer) =>
    t.app.inject({ method: 'GET', url, headers: { authorization } }).then((r) => r.json<T>());
  const put = (url: string, payload: object, authorization = admin) =>
    t.app.inject({ method: 'PUT', url, headers: { authorization }, payload });

  it("serves the tenant's code lists and the year's taxonomy with stable codes and printed labels", async () => {
    const categories = await get<CodeListItem[]>('/api/code-lists?list=project_category');
    expect(categories.map((c) => c.label)).toEqual(['经常性项目', '一次性项目', '阶段性项目']);
    const taxonomy = await get<TaxonomyNode[]>('/api/taxonomy?year=2021');
    expect(taxonomy.filter((n) => n.level === 1).map((n) => `${n.code}:${n.label}`)).toEqual([
      'output:产出指标',
      'benefit:效益指标',
      'satisfaction:满意度指标',
    ]);
    expect(taxonomy.find((n) => n.code === 'service_satisfaction')).toMatchObject({
      level: 2,
      parentCode: 'satisfaction',
      label: '服务对象满意度指标',
    });
  });

  it('lets the admin lift 成本指标 to level 1 for a year (2021 national guidance) and forms of that year use it', async () => {
    const current = await get<TaxonomyNode[]>('/api/taxonomy?year=2021');
    const nodes = [
      ...current
        .filter((n) => n.code !== 'cost')
        .map(({ code, label, level, parentCode, sortOrder }) => ({ code, label, level, parentCode, sortOrder })),
      { code: 'cost_level1', label: '成本指标', level: 1, parentCode: null, sortOrder: 4 },
      { code: 'economic_cost', label: '经济成本指标', level: 2, parentCode: 'cost_level1', sortOrder: 1 },
    ];
    const response = await put('/api/taxonomy/2021', { nodes });
    expect(response.statusCode).toBe(200);
    const form = await get<GoalForm>(`/api/forms/${formId}`);
    const request: SaveFormRequest = toSaveRequest(form);
    request.indicators.year.push({
      code: 'cost_level1',
      children: [{ code: 'economic_cost', indicators: [{ name: '单次培训成本', rawValue: '≤5000元' }] }],
    });
    const saved = await t.app.inject({
      method: 'PUT',
      url: `/api/forms/${formId}`,
      headers: { authorization: filer },
      payload: request,
    });
    expect(saved.statusCode).toBe(200);
    expect(saved.json<GoalForm>().indicators.year.at(-1)).toMatchObject({
      label: '成本指标',
      children: [{ label: '经济成本指标' }],
    });
  });

  it("refuses a taxonomy that drops codes the year's forms use, or a level-2 row without a level-1 parent", async () => {
    const inUse = await put('/api/taxonomy/2021', {
      nodes: [{ code: 'output', label: '产出指标', level: 1, parentCode: null, sortOrder: 1 }],
    });
    expect(inUse.statusCode).toBe(409);
    expect(inUse.json<ApiError>().message).toContain('不能删除，可改为停用');
    const orphan = await put('/api/taxonomy/2030', {
      nodes: [{ code: 'quantity', label: '数量指标', level: 2, parentCode: 'output', sortOrder: 1 }],
    });
    expect(orphan.statusCode).toBe(400);
    expect(orphan.json<ApiError>().fields?.[0].field).toBe('nodes.0.parentCode');
  });

  it('lets the admin replace a code list, refusing to drop a code still in use; a filer may not', async () => {
    const forbidden = await put('/api/code-lists/funding_source', { items: [{ code: 'x', label: 'x' }] }, filer);
    expect(forbidden.statusCode).toBe(403);
    const funding = await put('/api/code-lists/funding_source', {
      items: [
        { code: 'general_budget', label: '一般公共预算资金' },
        { code: 'special_bond', label: '专项债券资金' },
      ],
    });
    expect(funding.json<CodeListItem[]>().map((i) => i.label)).toEqual(['一般公共预算资金', '专项债券资金']);
    const dropUsed = await put('/api/code-lists/project_category', {
      items: [{ code: 'one_off', label: '一次性项目' }],
    });
    expect(dropUsed.statusCode).toBe(409);
    expect(dropUsed.json<ApiError>().message).toContain('recurring');
  });

  it('versions 功能分类科目 per year: each year its own list, existing forms keep the label of their year', async () => {
    const form = await get<GoalForm>(`/api/forms/${formId}`);
    const code = form.project.functionClassCode!;
    const v2021 = await get<CodeListItem[]>('/api/code-lists?list=function_class&year=2021');
    expect(v2021.every((i) => i.year === 2021)).toBe(true);
    expect(v2021.find((i) => i.code === code)?.label).toBe(form.project.functionClassLabel);
    // Tenant-wide lists carry no year.
    expect((await get<CodeListItem[]>('/api/code-lists?list=project_category')).every((i) => i.year === null)).toBe(
      true,
    );

    const noYear = await put('/api/code-lists/function_class', { items: [{ code: '206', label: '科学技术支出' }] });
    expect(noYear.statusCode).toBe(400);
    expect(noYear.json<ApiError>().fields).toEqual([{ field: 'year', message: '请指定年度', value: null }]);
    const yearOnTenantWide = await put('/api/code-lists/funding_source?year=2022', {
      items: [{ code: 'general_budget', label: '一般公共预算资金' }],
    });
    expect(yearOnTenantWide.statusCode).toBe(400);
    expect(yearOnTenantWide.json<ApiError>().fields?.[0].field).toBe('year');
    // A code the year's forms use cannot leave that year's version.
    const dropUsed = await put('/api/code-lists/function_class?year=2021', {
      items: v2021.filter((i) => i.code !== code).map(({ code: c, label }) => ({ code: c, label })),
    });
    expect(dropUsed.statusCode).toBe(409);
    expect(dropUsed.json<ApiError>().message).toContain(code);

    // 2022's classification renames the code and drops another: 2021 and its form are untouched.
    const dropped = v2021.find((i) => i.code !== code)!.code;
    const v2022Items = v2021
      .filter((i) => i.code !== dropped)
      .map((i) => ({ code: i.code, label: i.code === code ? `${i.label}（2022 口径）` : i.label }));
    const saved = await put('/api/code-lists/function_class?year=2022', { items: v2022Items });
    expect(saved.statusCode).toBe(200);
    expect(saved.json<CodeListItem[]>().map(({ year, code: c, label }) => ({ year, code: c, label }))).toEqual(
      v2022Items.map((i) => ({ year: 2022, ...i })),
    );
    expect(await get<CodeListItem[]>('/api/code-lists?list=function_class&year=2021')).toEqual(v2021);
    expect((await get<GoalForm>(`/api/forms/${formId}`)).project.functionClassLabel).toBe(
      form.project.functionClassLabel,
    );
    // Without a year: the newest version.
    expect((await get<CodeListItem[]>('/api/code-lists?list=function_class')).map((i) => i.year)).toEqual(
      v2022Items.map(() => 2022),
    );
  });
});
