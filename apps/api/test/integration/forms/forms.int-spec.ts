import type { ApiError, GoalForm, Indicator, SaveFormRequest } from '@jxt/contracts';
import { addMoney, countIndicators, toSaveRequest } from '@jxt/domain';
import type { Pool } from 'pg';
import type { DataSource } from 'typeorm';
import { APP_DATA_SOURCE } from '../../../src/database/database.module';
import { readSongjiangSeed } from '../../../src/seeds/seed-files';
import { formsOfYear } from '../../support/form-steps';
import { login, seedSongjiang, startTestApp, type TestApp } from '../../support/test-app';

const allIndicators = (form: GoalForm): Indicator[] =>
  form.indicators.year.flatMap((l1) => l1.children.flatMap((l2) => l2.indicators));

describe("forms: the seed unit's three 2021 forms through the API", () => {
  let t: TestApp;
  let authorization: string;
  let forms: GoalForm[];
  const seed = readSongjiangSeed();

  beforeAll(async () => {
    t = await startTestApp();
    await seedSongjiang(t.ownerUrl, 'f');
    ({ authorization } = await login(t.app, 'f-filer'));
    forms = await formsOfYear(t.app, authorization);
  });
  afterAll(() => t.close());

  it('holds 35 indicators, 11 + 9 + 15, in the printed order with the printed values', () => {
    expect(forms.map((f) => f.project.name)).toEqual(['市民服务', '项目服务管理', '网络信息系统运行与维护']);
    expect(forms.map((f) => countIndicators(f.indicators).total)).toEqual([11, 9, 15]);
    forms.forEach((form, index) => {
      const printed = seed.forms[index].indicators.year.flatMap((l1) =>
        l1.children.flatMap((l2) => l2.indicators.map((i) => [l1.code, l2.code, i.name, i.rawValue])),
      );
      const served = form.indicators.year.flatMap((l1) =>
        l1.children.flatMap((l2) => l2.indicators.map((i) => [l1.code, l2.code, i.name, i.rawValue])),
      );
      expect(served).toEqual(printed);
    });
  });

  it('holds all seven amounts of each form exactly, adding up to the 项目支出 column (10,590,800.00)', () => {
    forms.forEach((form, index) => expect(form.funds).toEqual(seed.forms[index].funds));
    expect(addMoney(...forms.map((f) => f.funds.annualAmount))).toBe('10590800.00');
  });

  it('returns the raw text and the parsed target of every indicator', () => {
    const byName = new Map(allIndicators(forms[0]).map((i) => [i.name, i]));
    expect(byName.get('组织企业人事专办员培训次数')).toMatchObject({
      rawValue: '=2次',
      target: { kind: 'quantitative', operator: 'eq', value: '2', unit: '次' },
      warning: null,
    });
    expect(byName.get('受益对象满意度')).toMatchObject({
      rawValue: '>=90%',
      target: { kind: 'quantitative', operator: 'gte', value: '90', unit: '%' },
    });
    expect(byName.get('工作完成及时率')).toMatchObject({ rawValue: '及时', target: { kind: 'qualitative' } });
    const network = new Map(allIndicators(forms[2]).map((i) => [i.name, i]));
    expect(network.get('全年度是否有重大的网站中断事故')).toMatchObject({
      rawValue: '否',
      target: { kind: 'boolean', value: false },
    });
    expect(network.get('投诉率')).toMatchObject({
      rawValue: '=0%',
      target: { kind: 'quantitative', operator: 'eq', value: '0', unit: '%' },
    });
  });

  it('keeps blank printed fields blank and flags them as warnings, never invented', () => {
    const network = forms[2];
    expect(network.project.printedDepartment).toBeNull();
    expect(network.project.printedImplementingUnit).toBeNull();
    const warned = network.issues.filter((i) => i.severity === 'warning').map((i) => i.field);
    expect(warned).toEqual(expect.arrayContaining(['project.printedDepartment', 'project.printedImplementingUnit']));
    expect(network.issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect(network.project.plannedEnd).toBe('2022-12-31');
  });
});

describe('forms: saving', () => {
  let t: TestApp;
  let filer: string;
  let formId: string;

  const get = async () =>
    (
      await t.app.inject({ method: 'GET', url: `/api/forms/${formId}`, headers: { authorization: filer } })
    ).json<GoalForm>();
  const put = (body: unknown, authorization = filer) =>
    t.app.inject({ method: 'PUT', url: `/api/forms/${formId}`, headers: { authorization }, payload: body as object });

  beforeAll(async () => {
    t = await startTestApp();
    const tenant = await seedSongjiang(t.ownerUrl, 's');
    formId = tenant.forms[2].id;
    ({ authorization: filer } = await login(t.app, 's-filer'));
  });
  afterAll(() => t.close());

  it('round-trips money to the cent (18,963,662.79) and changes a value with its parsed reading', async () => {
    const form = await get();
    const request: SaveFormRequest = toSaveRequest(form);
    request.funds = {
      ...request.funds,
      totalAmount: '18963662.79',
      fiscalAmount: '18963662.79',
      annualAmount: '18963662.79',
      annualFiscalAmount: '18963662.79',
    };
    request.indicators.year[0].children[1].indicators[0].rawValue = '≥95%';
    const response = await put(request);
    expect(response.statusCode).toBe(200);
    const saved = response.json<GoalForm>();
    expect(saved.rowVersion).toBe(form.rowVersion + 1);
    expect(saved.funds.totalAmount).toBe('18963662.79');
    const again = await get();
    expect(again.funds).toEqual(saved.funds);
    expect(again.indicators.year[0].children[1].indicators[0]).toMatchObject({
      name: '项目验收合格率',
      rawValue: '≥95%',
      target: { kind: 'quantitative', operator: 'gte', value: '95', unit: '%' },
    });
    expect(again.updatedBy).toBe('s 填报人');
  });

  it('answers 409 to a save with a stale rowVersion, saying someone else changed the form, and keeps the newer data', async () => {
    const form = await get();
    const first = toSaveRequest(form);
    first.annualGoal = '甲的修改';
    expect((await put(first)).statusCode).toBe(200);
    const stale = toSaveRequest(form);
    stale.annualGoal = '乙的修改';
    const conflict = await put(stale);
    expect(conflict.statusCode).toBe(409);
    expect(conflict.json<ApiError>().message).toMatch(/s 填报人 已于 .* 修改了此表.*请重新加载/);
    expect((await get()).annualGoal).toBe('甲的修改');
  });

  it("answers 400 naming each bad field, keeps the user's text in the answer, and saves nothing", async () => {
    const before = await get();
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the request is made malformed on purpose below
    const request = toSaveRequest(before) as unknown as Record<string, any>;
    request.funds.totalAmount = '12,34.5x';
    request.funds.annualAmount = 1000.5;
    request.project.plannedStart = '2021-13-45';
    request.indicators.year[0].children[0].code = 'no_such_group';
    request.indicators.year[0].children[0].indicators[0].name = '已修改但不应保存';
    const response = await put(request);
    expect(response.statusCode).toBe(400);
    const body = response.json<ApiError>();
    const fields = body.fields!.map((f) => f.field);
    expect(fields).toEqual(expect.arrayContaining(['funds.totalAmount', 'funds.annualAmount', 'project.plannedStart']));
    expect(body.fields!.find((f) => f.field === 'funds.totalAmount')!.value).toBe('12,34.5x');
    const after = await get();
    expect(after.rowVersion).toBe(before.rowVersion);
    expect(after.indicators).toEqual(before.indicators);
  });

  it("refuses an indicator group that is not in the tenant's taxonomy (400 with its path) and saves nothing", async () => {
    const before = await get();
    const request = toSaveRequest(before);
    request.indicators.year[0].children[0].code = 'no_such_group';
    request.annualGoal = '不应保存';
    const response = await put(request);
    expect(response.statusCode).toBe(400);
    expect(response.json<ApiError>().fields!.map((f) => f.field)).toContain('indicators.year.0.children.0.code');
    expect((await get()).annualGoal).toBe(before.annualGoal);
  });

  it('rolls the whole save back when any part fails (a taken project code): the tree and the funds stay as they were', async () => {
    const before = await get();
    const request = toSaveRequest(before);
    request.project.code = '2021-KCZX-001'; // another project's code
    request.funds.otherAmount = '1.00';
    request.funds.totalAmount = addMoney(request.funds.fiscalAmount, '1.00'); // consistent, so only the code fails
    request.indicators.year[0].children[0].indicators.pop();
    const response = await put(request);
    expect(response.json<ApiError>()).toMatchObject({ statusCode: 409, fields: [{ field: 'project.code' }] });
    const after = await get();
    expect(after).toEqual(before);
  });

  it('adds, removes and reorders level-3 indicators and keeps the ids of the ones kept', async () => {
    const before = await get();
    const request = toSaveRequest(before);
    const quantity = request.indicators.year[0].children[0].indicators;
    const [first, second] = quantity;
    quantity.splice(0, 2, second, first, { name: '新增指标：巡检次数', rawValue: '≥12次' });
    request.indicators.year[2].children[0].indicators.pop();
    const saved = (await put(request)).json<GoalForm>();
    const savedQuantity = saved.indicators.year[0].children[0].indicators;
    expect(savedQuantity.slice(0, 3).map((i) => i.name)).toEqual([second.name, first.name, '新增指标：巡检次数']);
    expect(savedQuantity[0].id).toBe(second.id);
    expect(savedQuantity[2].target).toEqual({ kind: 'quantitative', operator: 'gte', value: '12', unit: '次' });
    expect(countIndicators(saved.indicators).total).toBe(countIndicators(before.indicators).total);
  });

  it('keeps unrecognised text as typed, as qualitative with a warning', async () => {
    const request = toSaveRequest(await get());
    request.indicators.year[1].children[0].indicators[0].rawValue = '大约九成左右';
    const saved = (await put(request)).json<GoalForm>();
    const indicator = saved.indicators.year[1].children[0].indicators[0];
    expect(indicator.rawValue).toBe('大约九成左右');
    expect(indicator.target.kind).toBe('qualitative');
    expect(indicator.warning).toBeTruthy();
  });

  it("does not let a supervisor save a unit's form (filers fill in forms)", async () => {
    const { authorization } = await login(t.app, 's-supervisor');
    const response = await put(toSaveRequest(await get()), authorization);
    expect(response.statusCode).toBe(403);
  });

  it('rolls a save back when its indicator rows fail after its content was written (one indicator twice)', async () => {
    const history = async () =>
      (
        await t.app.inject({ method: 'GET', url: `/api/forms/${formId}/history`, headers: { authorization: filer } })
      ).json<unknown[]>();
    const before = await get();
    const entries = (await history()).length;
    const request = toSaveRequest(before);
    request.annualGoal = '不应保存';
    const group = request.indicators.year[0].children[0].indicators;
    group.push({ ...group[0] });
    const response = await put(request);
    expect(response.json<ApiError>()).toMatchObject({
      statusCode: 409,
      message: '与已有记录重复（编码或名称已被使用）',
    });
    expect(await get()).toEqual(before);
    expect(await history()).toHaveLength(entries);
  });

  it('leaves no database connection checked out after the saves above, the refused and failed ones included', () => {
    const pool = (t.app.get<DataSource>(APP_DATA_SOURCE).driver as unknown as { master: Pool }).master;
    expect(pool.totalCount).toBeGreaterThan(0);
    expect(pool.idleCount).toBe(pool.totalCount);
    expect(pool.waitingCount).toBe(0);
  });
});

describe('forms: a 年度指标值 that starts like a quantity but is none (issue 9 point 7)', () => {
  let t: TestApp;
  let filer: string;
  let formId: string;

  const get = async () =>
    (
      await t.app.inject({ method: 'GET', url: `/api/forms/${formId}`, headers: { authorization: filer } })
    ).json<GoalForm>();
  const put = (body: SaveFormRequest) =>
    t.app.inject({
      method: 'PUT',
      url: `/api/forms/${formId}`,
      headers: { authorization: filer },
      payload: body as object,
    });
  const submit = async () =>
    t.app.inject({
      method: 'POST',
      url: `/api/forms/${formId}/transitions`,
      headers: { authorization: filer },
      payload: {
        action: 'submit',
        filerName: '张文',
        filerPhone: '021-57820101',
        rowVersion: (await get()).rowVersion,
      },
    });
  /** The dotted path of an indicator's value, found by its name. */
  const valuePath = (form: GoalForm, name: string) => {
    for (const [i, l1] of form.indicators.year.entries())
      for (const [j, l2] of l1.children.entries())
        for (const [k, indicator] of l2.indicators.entries())
          if (indicator.name === name)
            return { i, j, k, field: `indicators.year.${i}.children.${j}.indicators.${k}.rawValue` };
    throw new Error(`no indicator ${name}`);
  };

  beforeAll(async () => {
    t = await startTestApp();
    const tenant = await seedSongjiang(t.ownerUrl, 'v');
    formId = tenant.forms[2].id;
    ({ authorization: filer } = await login(t.app, 'v-filer'));
  });
  afterAll(() => t.close());

  it('saves "≥abc%" in a draft exactly as typed, read as invalid, and refuses 提交 naming that indicator\'s field', async () => {
    const form = await get();
    const at = valuePath(form, '投诉率');
    const request = toSaveRequest(form);
    request.indicators.year[at.i].children[at.j].indicators[at.k].rawValue = '≥abc%';
    const saved = await put(request);
    expect(saved.statusCode).toBe(200);

    const draft = await get();
    const indicator = draft.indicators.year[at.i].children[at.j].indicators[at.k];
    expect(indicator).toMatchObject({ name: '投诉率', rawValue: '≥abc%', target: { kind: 'invalid', text: '≥abc%' } });
    expect(indicator.warning).toMatch(/^无法识别为数值：/);
    expect(draft.issues).toContainEqual(
      expect.objectContaining({ field: at.field, severity: 'warning', code: 'indicators.value_invalid' }),
    );

    const refused = await submit();
    expect(refused.statusCode).toBe(400);
    const body = refused.json<ApiError>();
    expect(body.fields).toEqual([
      { field: at.field, message: expect.stringMatching(/^三级指标「投诉率」：年度指标值“≥abc%”无法识别为数值：/) },
    ]);
    expect(body.message).toContain('三级指标「投诉率」');
    const after = await get();
    expect(after.status).toBe('draft');
    expect(after.indicators.year[at.i].children[at.j].indicators[at.k].rawValue).toBe('≥abc%');
  });

  it('keeps "≥ 98 %%" as typed too, and takes the time target "2022年底前" as qualitative without a warning', async () => {
    const form = await get();
    const complaints = valuePath(form, '投诉率');
    const request = toSaveRequest(form);
    request.indicators.year[complaints.i].children[complaints.j].indicators[complaints.k].rawValue = '≥ 98 %%';
    request.indicators.year[0].children[0].indicators[0].rawValue = '2022年底前';
    expect((await put(request)).statusCode).toBe(200);
    const saved = await get();
    expect(saved.indicators.year[complaints.i].children[complaints.j].indicators[complaints.k]).toMatchObject({
      rawValue: '≥ 98 %%',
      target: { kind: 'invalid', text: '≥ 98 %%' },
    });
    expect(saved.indicators.year[0].children[0].indicators[0]).toMatchObject({
      rawValue: '2022年底前',
      target: { kind: 'qualitative', text: '2022年底前' },
      warning: null,
    });
  });

  it('submits once the value is a value', async () => {
    const form = await get();
    const at = valuePath(form, '投诉率');
    const request = toSaveRequest(form);
    request.indicators.year[at.i].children[at.j].indicators[at.k].rawValue = '≤1%';
    expect((await put(request)).statusCode).toBe(200);
    const submitted = await submit();
    expect(submitted.statusCode).toBe(200);
    expect(submitted.json<GoalForm>().status).toBe('submitted');
  });
});
