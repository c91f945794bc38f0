import type { ApiError, GoalForm, SaveFormRequest, TaxonomyNode } from '@jxt/contracts';
import { toSaveRequest } from '@jxt/domain';
import type { LoadedTenant } from '../../../src/seeds/load-tenant';
import { approveThroughFinance } from '../../support/form-steps';
import { login, seedSongjiang, startTestApp, type TestApp } from '../../support/test-app';

/**
 * 指标体系 per year (issue 12 point 5, docs/domain.md §3): the admin renames, reorders, adds and retires 一级/二级指标
 * of one year without breaking the forms that use them. A node the year's forms use can be retired (停用), never
 * removed or moved; a locked revision keeps the labels it printed; a form that uses a retired node still opens,
 * saves and submits, while no form may take it up anew.
 */
describe('指标体系 per year: rename, order, add and retire without breaking forms', () => {
  let t: TestApp;
  let tenant: LoadedTenant;
  const auth: Record<string, string> = {};
  // Seed forms: 市民服务 and 网络信息系统运行与维护 use 可持续影响指标; 项目服务管理 does not.
  let citizenFormId: string;
  let serviceFormId: string;
  let networkFormId: string;

  beforeAll(async () => {
    t = await startTestApp();
    tenant = await seedSongjiang(t.ownerUrl, 'tx');
    for (const name of ['filer', 'supervisor', 'finance', 'admin'])
      auth[name] = (await login(t.app, `tx-${name}`)).authorization;
    const byName = (name: string) => tenant.forms.find((f) => f.name === name)!.id;
    citizenFormId = byName('市民服务');
    serviceFormId = byName('项目服务管理');
    networkFormId = byName('网络信息系统运行与维护');
  });
  afterAll(() => t.close());

  const call = (method: 'GET' | 'POST' | 'PUT', url: string, who: string, payload?: object) =>
    t.app.inject({ method, url, headers: { authorization: auth[who] }, ...(payload ? { payload } : {}) });
  const taxonomy = async (year = 2021) =>
    (await call('GET', `/api/taxonomy?year=${year}`, 'filer')).json<TaxonomyNode[]>();
  const getForm = async (id: string) => (await call('GET', `/api/forms/${id}`, 'filer')).json<GoalForm>();
  const saveForm = (id: string, request: SaveFormRequest) => call('PUT', `/api/forms/${id}`, 'filer', request);
  /** The year's nodes as the admin's page sends them, with `change` applied to each. */
  const nodesWith = (
    nodes: TaxonomyNode[],
    change: (node: TaxonomyNode) => Partial<TaxonomyNode> | null = () => ({}),
  ) =>
    nodes.flatMap((node) => {
      const changed = change(node);
      return changed === null ? [] : [{ ...node, ...changed }];
    });
  const putTaxonomy = (nodes: object[], who = 'admin', year = 2021) =>
    call('PUT', `/api/taxonomy/${year}`, who, { nodes });
  const labelsOf = (form: GoalForm) =>
    form.indicators.year.flatMap((l1) => [l1.label, ...l1.children.map((l2) => `${l1.label}/${l2.label}`)]);

  it('refuses to move a 二级指标 the forms use under another 一级 (it would break them), naming the row', async () => {
    const before = await taxonomy();
    const index = before.findIndex((n) => n.code === 'timeliness');
    const moved = await putTaxonomy(
      nodesWith(before, (n) => (n.code === 'timeliness' ? { parentCode: 'benefit' } : {})),
    );
    expect(moved.statusCode).toBe(409);
    const error = moved.json<ApiError>();
    expect(error.fields).toEqual([expect.objectContaining({ field: `nodes.${index}.parentCode`, value: 'benefit' })]);
    expect(error.message).toContain('时效指标');
    expect(error.message).toContain('停用');
    // Nothing changed, and the forms that use it still save.
    expect(await taxonomy()).toEqual(before);
    const form = await getForm(citizenFormId);
    expect((await saveForm(citizenFormId, toSaveRequest(form))).statusCode).toBe(200);
  });

  it('refuses to change the level of a node in use, or to drop it (offering 停用); an unused node may go', async () => {
    const before = await taxonomy();
    const quantity = before.findIndex((n) => n.code === 'quantity');
    const relevelled = await putTaxonomy(
      nodesWith(before, (n) => (n.code === 'quantity' ? { level: 1, parentCode: null } : {})),
    );
    expect(relevelled.statusCode).toBe(409);
    expect(relevelled.json<ApiError>().fields).toEqual([expect.objectContaining({ field: `nodes.${quantity}.level` })]);

    const dropped = await putTaxonomy(nodesWith(before, (n) => (n.code === 'quality' ? null : {})));
    expect(dropped.statusCode).toBe(409);
    const error = dropped.json<ApiError>();
    expect(error.fields).toEqual([{ field: 'nodes', message: expect.stringContaining('质量指标'), value: 'quality' }]);
    expect(error.message).toMatch(/质量指标.*3 张绩效目标表.*停用/);

    // 生态效益指标 is used by no form of 2021: it may be removed.
    const removed = await putTaxonomy(nodesWith(before, (n) => (n.code === 'ecological' ? null : {})));
    expect(removed.statusCode).toBe(200);
    expect((await taxonomy()).map((n) => n.code)).not.toContain('ecological');
  });

  it('refuses a label that is blank or repeats a sibling’s, and an active 二级 under a retired 一级, at the row', async () => {
    const before = await taxonomy();
    const quality = before.findIndex((n) => n.code === 'quality');
    const twin = await putTaxonomy(nodesWith(before, (n) => (n.code === 'quality' ? { label: ' 数量指标 ' } : {})));
    expect(twin.statusCode).toBe(400);
    expect(twin.json<ApiError>().fields).toEqual([
      { field: `nodes.${quality}.label`, message: '“产出指标”下已有名为“数量指标”的二级指标', value: ' 数量指标 ' },
    ]);
    const blank = await putTaxonomy(nodesWith(before, (n) => (n.code === 'quality' ? { label: '   ' } : {})));
    expect(blank.statusCode).toBe(400);
    expect(blank.json<ApiError>().fields?.[0].field).toBe(`nodes.${quality}.label`);

    const social = before.findIndex((n) => n.code === 'social');
    const orphaned = await putTaxonomy(nodesWith(before, (n) => (n.code === 'benefit' ? { retired: true } : {})));
    expect(orphaned.statusCode).toBe(400);
    expect(orphaned.json<ApiError>().fields).toContainEqual({
      field: `nodes.${social}.retired`,
      message: '一级指标“效益指标”已停用，其下的二级指标须一并停用',
      value: false,
    });
  });

  it('adds a 二级指标 and reorders: the year answers the new order, a filer may not change it', async () => {
    const before = await taxonomy();
    const added = await putTaxonomy([
      ...nodesWith(before, (n) =>
        n.code === 'quantity' ? { sortOrder: 3 } : n.code === 'timeliness' ? { sortOrder: 1 } : {},
      ),
      { code: 'green', label: '绿色低碳指标', level: 2, parentCode: 'benefit', sortOrder: 9 },
    ]);
    expect(added.statusCode).toBe(200);
    const after = await taxonomy();
    expect(after.filter((n) => n.parentCode === 'output').map((n) => n.label)).toEqual([
      '时效指标',
      '质量指标',
      '数量指标',
      '成本指标',
    ]);
    expect(after.find((n) => n.code === 'green')).toEqual({
      code: 'green',
      label: '绿色低碳指标',
      level: 2,
      parentCode: 'benefit',
      sortOrder: 9,
      retired: false,
    });
    expect((await putTaxonomy(nodesWith(after), 'filer')).statusCode).toBe(403);
  });

  it('renaming a node leaves a locked revision as printed; open forms follow the new label', async () => {
    await approveThroughFinance(t.app, serviceFormId, {
      filer: auth.filer,
      supervisor: auth.supervisor,
      finance: auth.finance,
    });
    const renamed = await putTaxonomy(
      nodesWith(await taxonomy(), (n) => (n.code === 'quantity' ? { label: '产出数量指标' } : {})),
    );
    expect(renamed.statusCode).toBe(200);
    expect(labelsOf(await getForm(serviceFormId))).toContain('产出指标/数量指标');
    expect(labelsOf(await getForm(serviceFormId))).not.toContain('产出指标/产出数量指标');
    expect(labelsOf(await getForm(citizenFormId))).toContain('产出指标/产出数量指标');
  });

  it('retires a node in use: no longer taken up anew, but the forms that use it open, save and submit', async () => {
    const retired = await putTaxonomy(
      nodesWith(await taxonomy(), (n) => (n.code === 'sustainable' ? { retired: true } : {})),
    );
    expect(retired.statusCode).toBe(200);
    expect((await taxonomy()).find((n) => n.code === 'sustainable')).toMatchObject({
      retired: true,
      label: '可持续影响指标',
    });

    // 网络信息系统运行与维护 keeps its 可持续影响指标 group: it opens with the label, its checks pass, it saves.
    const network = await getForm(networkFormId);
    expect(labelsOf(network)).toContain('效益指标/可持续影响指标');
    expect(network.issues.filter((i) => i.severity === 'error')).toEqual([]);
    const resaved = await saveForm(networkFormId, toSaveRequest(network));
    expect(resaved.statusCode).toBe(200);

    // Dropping the group is allowed; taking the retired node up again is refused at its group.
    const request = toSaveRequest(resaved.json<GoalForm>());
    const benefit = request.indicators.year.findIndex((g) => g.code === 'benefit');
    const group = request.indicators.year[benefit].children.findIndex((g) => g.code === 'sustainable');
    const sustainable = request.indicators.year[benefit].children[group];
    request.indicators.year[benefit].children.splice(group, 1);
    const without = await saveForm(networkFormId, request);
    expect(without.statusCode).toBe(200);
    const again = toSaveRequest(without.json<GoalForm>());
    again.indicators.year[benefit].children.push(sustainable);
    const refused = await saveForm(networkFormId, again);
    expect(refused.statusCode).toBe(400);
    expect(refused.json<ApiError>().fields).toEqual([
      {
        field: `indicators.year.${benefit}.children.${again.indicators.year[benefit].children.length - 1}.code`,
        message: '二级指标“可持续影响指标”已停用，不能新增',
      },
    ]);

    // 市民服务 still uses it and goes through 提交.
    const citizen = await getForm(citizenFormId);
    expect(labelsOf(citizen)).toContain('效益指标/可持续影响指标');
    const submitted = await call('POST', `/api/forms/${citizenFormId}/transitions`, 'filer', {
      action: 'submit',
      rowVersion: citizen.rowVersion,
      filerName: '测试填报人',
      filerPhone: '021-57820101',
    });
    expect(submitted.statusCode).toBe(200);
    expect(submitted.json<GoalForm>().status).toBe('submitted');
  });

  it('启用 puts a retired node back; 开启新年度 copies the year with its retired nodes', async () => {
    const nodes = await taxonomy();
    const enabled = await putTaxonomy(nodesWith(nodes, (n) => (n.code === 'sustainable' ? { retired: false } : {})));
    expect(enabled.json<TaxonomyNode[]>().find((n) => n.code === 'sustainable')?.retired).toBe(false);
    const retiredAgain = await putTaxonomy(
      nodesWith(await taxonomy(), (n) => (n.code === 'green' ? { retired: true } : {})),
    );
    expect(retiredAgain.statusCode).toBe(200);

    expect((await call('POST', '/api/years/2022/open', 'admin')).statusCode).toBe(200);
    const next = await taxonomy(2022);
    expect(next.map(({ code, label, retired }) => ({ code, label, retired }))).toEqual(
      (await taxonomy(2021)).map(({ code, label, retired }) => ({ code, label, retired })),
    );
    expect(next.find((n) => n.code === 'green')?.retired).toBe(true);
  });
});
