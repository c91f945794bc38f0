import ExcelJS from 'exceljs';
import { Client } from 'pg';
import type { FormHistoryEntry, GoalForm, ProjectListResponse } from '@jxt/contracts';
import type { LoadedTenant } from '../../../src/seeds/load-tenant';
import { approveThroughFinance } from '../../support/form-steps';
import { toSaveRequest } from '@jxt/domain';
import { login, seedSongjiang, startTestApp, type TestApp } from '../../support/test-app';
import { multipartUpload } from '../../support/upload';

interface PreviewSheet {
  sheet: string;
  action: string;
  match: { projectId: string; formId: string | null; status: string | null } | null;
  problems: { row: number; column: string; severity: string; message: string }[];
}
interface Preview {
  id: string;
  forms: PreviewSheet[];
}
interface ConfirmResult {
  id: string;
  forms: { sheet: string; outcome: string; projectId: string | null; formId: string | null }[];
}

const UNIT = '上海市松江区科技创新服务中心（上海市松江区大数据中心）';

/** A regional sheet (项目编码, 万元, separate 指标性质/指标值/度量单位) without problems unless `bad` rows are added. */
function addRegionalSheet(
  workbook: ExcelJS.Workbook,
  sheetName: string,
  {
    name,
    code = '',
    goal = '平台全年可用',
    value = 500,
  }: { name: string; code?: string; goal?: string; value?: number | string },
) {
  const sheet = workbook.addWorksheet(sheetName);
  sheet.addRows([
    ['2021年度项目支出绩效目标申报表'],
    ['项目名称', name, '项目编码', code],
    ['资金情况', '金额（万元）'],
    ['资金总额', 100.5, '年度资金总额', 100.5],
    ['其中：财政资金', 100.5, '其中：当年财政拨款', 100.5],
    ['其他资金', 0, '上年结转资金', 0],
    ['', '', '其他资金', 0],
    ['总体目标', '目标1：建成平台'],
    ['年度目标', `目标1：${goal}`],
    ['一级指标', '二级指标', '三级指标', '指标性质', '指标值', '度量单位'],
    ['产出指标', '数量指标', '指标1：接入企业数', '≥', value, '家'],
    ['满意度指标', '服务对象满意度指标', '指标2：用户满意度', '≥', 90, '%'],
  ]);
  return sheet;
}

async function bytes(workbook: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

describe('POST /api/imports/:id/confirm: a stored preview written in one transaction (issue 13 points 2–3)', () => {
  let t: TestApp;
  let tenant: LoadedTenant;
  const auth: Record<string, string> = {};
  let unitId: string;
  let owner: Client;

  beforeAll(async () => {
    t = await startTestApp();
    tenant = await seedSongjiang(t.ownerUrl, 'imc', [
      { username: 'imc-filer2', displayName: '同单位另一填报人', roles: ['filer'], organization: UNIT },
      { username: 'imc-division-filer', displayName: '内设机构填报人', roles: ['filer'], organization: '科技服务部' },
    ]);
    await seedSongjiang(t.ownerUrl, 'imo');
    for (const name of ['filer', 'filer2', 'division-filer', 'supervisor', 'finance'])
      auth[name] = (await login(t.app, `imc-${name}`)).authorization;
    auth.otherTenant = (await login(t.app, 'imo-filer')).authorization;
    unitId = tenant.organizations.get(UNIT)!;
    owner = new Client({ connectionString: t.ownerUrl });
    await owner.connect();
  });
  afterAll(async () => {
    await owner?.end();
    await t.close();
  });

  const get = (url: string, who = 'filer') =>
    t.app.inject({ method: 'GET', url, headers: { authorization: auth[who] } });
  async function upload(file: Buffer, who = 'filer'): Promise<Preview> {
    const { payload, headers } = await multipartUpload(file);
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/imports',
      headers: { ...headers, authorization: auth[who] },
      payload,
    });
    expect(response.statusCode).toBe(200);
    return response.json<Preview>();
  }
  const confirm = (id: string, body: object, who = 'filer') =>
    t.app.inject({
      method: 'POST',
      url: `/api/imports/${id}/confirm`,
      headers: { authorization: auth[who] },
      payload: body,
    });
  const projects2021 = async () =>
    (await get('/api/projects?year=2021&pageSize=100'))
      .json<ProjectListResponse>()
      .items.map((p) => p.name)
      .sort();
  const form = async (id: string) => (await get(`/api/forms/${id}`)).json<GoalForm>();

  /** The unit's official export of a form, with one cell's text changed (the 年度目标 typed anew in Excel). */
  async function exportedWith(formId: string, from: string, to: string): Promise<Buffer> {
    const response = await get(`/api/forms/${formId}/export.xlsx`);
    expect(response.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    let changed = 0;
    workbook.worksheets[0].eachRow((row) =>
      row.eachCell((cell) => {
        if (cell.value === from) {
          cell.value = to;
          changed += 1;
        }
      }),
    );
    // The 年度目标 may be printed twice (its own cell and the 总目标's when they are the same text).
    expect(changed).toBeGreaterThanOrEqual(1);
    return bytes(workbook);
  }

  it('updates a draft from its edited export: the form’s ids per sheet, the new content, once only', async () => {
    const draft = await form(tenant.forms[0].id);
    const before = await projects2021();
    const preview = await upload(await exportedWith(draft.id, draft.annualGoal!, '导入后改写的年度目标'));
    expect(preview.forms[0]).toMatchObject({ action: 'update', match: { formId: draft.id } });

    const response = await confirm(preview.id, {});
    expect(response.statusCode).toBe(200);
    const result = response.json<ConfirmResult>();
    expect(result).toEqual({
      id: preview.id,
      forms: [
        {
          sheet: preview.forms[0].sheet,
          outcome: 'updated',
          projectId: draft.project.id,
          formId: draft.id,
          evaluationId: null,
        },
      ],
    });
    const after = await form(draft.id);
    expect(after.annualGoal).toBe('导入后改写的年度目标');
    expect(after.rowVersion).toBe(draft.rowVersion + 1);
    expect(after.indicators).toEqual(draft.indicators);
    expect(await projects2021()).toEqual(before);

    // Once only: the same batch again is a 409, and nothing moves.
    const again = await confirm(preview.id, {});
    expect(again.statusCode).toBe(409);
    expect((await form(draft.id)).rowVersion).toBe(after.rowVersion);
  });

  it('creates a project and its draft in the unit chosen for a sheet that needs one; the same file again updates it', async () => {
    const workbook = new ExcelJS.Workbook();
    addRegionalSheet(workbook, '新项目', { name: '导入的新项目', value: '≥abc' });
    const file = await bytes(workbook);
    const preview = await upload(file);
    const [sheet] = preview.forms;
    expect(sheet.action).toBe('needs-unit');
    // The unparsable value is a warning, not an error: it is saved as typed.
    expect(sheet.problems.map((p) => p.severity)).toEqual(['warning']);

    // No unit chosen: a 400 naming the sheet; a unit outside the caller's scope (another tenant's or the division's
    // parent seen from below is tested elsewhere): refused too.
    const without = await confirm(preview.id, {});
    expect(without.statusCode).toBe(400);
    expect(without.json<{ message: string }>().message).toContain('新项目');
    const outside = await confirm(preview.id, {
      sheets: [{ sheet: '新项目', include: true, organizationId: tenant.organizations.get('松江区财政局') }],
    });
    expect([400, 404]).toContain(outside.statusCode);
    expect(await projects2021()).not.toContain('导入的新项目');

    const response = await confirm(preview.id, {
      sheets: [{ sheet: '新项目', include: true, organizationId: unitId }],
    });
    expect(response.statusCode).toBe(200);
    const [created] = response.json<ConfirmResult>().forms;
    expect(created).toMatchObject({ sheet: '新项目', outcome: 'created' });
    const saved = await form(created.formId!);
    expect(saved).toMatchObject({ status: 'draft', year: 2021, annualGoal: '平台全年可用' });
    expect(saved.project).toMatchObject({ id: created.projectId, name: '导入的新项目', organizationId: unitId });
    expect(saved.funds).toMatchObject({ totalAmount: '1005000.00', annualFiscalAmount: '1005000.00' });
    const values = saved.indicators.year.flatMap((g1) => g1.children.flatMap((g2) => g2.indicators));
    expect(values.map((i) => [i.name, i.rawValue])).toEqual([
      ['接入企业数', '≥abc'],
      ['用户满意度', '≥90%'],
    ]);
    // The sheet prints no 目标期间: the new form has none from the start, and its history records no change of one
    // (it was created with the period a new project proposes, then saved blank: "2021 → —").
    expect(saved).toMatchObject({ goalPeriodStart: null, goalPeriodEnd: null });
    const history = await t.app.inject({
      method: 'GET',
      url: `/api/forms/${created.formId}/history`,
      headers: { authorization: auth.filer },
    });
    expect(history.statusCode).toBe(200);
    const changed = history.json<FormHistoryEntry[]>().flatMap((e) => (e.changes ?? []).map((c) => c.field));
    expect(changed.filter((field) => field.startsWith('goalPeriod'))).toEqual([]);

    // The same file again: the draft it created is offered for update, not a second project.
    const again = await upload(file);
    expect(again.forms[0]).toMatchObject({
      action: 'update',
      match: { projectId: created.projectId, formId: created.formId },
    });
    const before = await projects2021();
    const updated = await confirm(again.id, {});
    expect(updated.statusCode).toBe(200);
    expect(updated.json<ConfirmResult>().forms[0]).toMatchObject({ outcome: 'updated', formId: created.formId });
    expect(await projects2021()).toEqual(before);
    expect(before.filter((n) => n === '导入的新项目')).toHaveLength(1);
  });

  it('creates the year’s form of a matched project that has none, by its 项目编码', async () => {
    const source = tenant.forms[1];
    const workbook = new ExcelJS.Workbook();
    const sheet = addRegionalSheet(workbook, '下一年', { name: source.name, code: source.code });
    sheet.getCell('A1').value = '2022年度项目支出绩效目标申报表';
    const preview = await upload(await bytes(workbook));
    expect(preview.forms[0]).toMatchObject({ action: 'create', match: { projectId: source.projectId, formId: null } });
    const response = await confirm(preview.id, {});
    expect(response.statusCode).toBe(200);
    const [created] = response.json<ConfirmResult>().forms;
    expect(created).toMatchObject({ outcome: 'created', projectId: source.projectId });
    const saved = await form(created.formId!);
    expect(saved).toMatchObject({ year: 2022, status: 'draft', annualGoal: '平台全年可用' });
    expect(saved.project.code).toBe(source.code);
  });

  it('refuses a sheet with an error unless it is left out; left out, the other sheets are written', async () => {
    const workbook = new ExcelJS.Workbook();
    addRegionalSheet(workbook, '好表', { name: '无误的项目' });
    const bad = addRegionalSheet(workbook, '坏表', { name: '有误的项目' });
    bad.getCell('B4').value = 12.3456789; // more than 6 decimals in 万元: an error, not taken
    const preview = await upload(await bytes(workbook));
    expect(preview.forms[1].problems.map((p) => [p.row, p.column, p.severity])).toEqual([[4, 'B', 'error']]);
    const choices = (include: boolean) => ({
      sheets: [
        { sheet: '好表', include: true, organizationId: unitId },
        { sheet: '坏表', include, organizationId: unitId },
      ],
    });
    const refused = await confirm(preview.id, choices(true));
    expect(refused.statusCode).toBe(400);
    expect(refused.json<{ message: string }>().message).toContain('坏表');
    expect(await projects2021()).not.toContain('无误的项目');

    const response = await confirm(preview.id, choices(false));
    expect(response.statusCode).toBe(200);
    expect(response.json<ConfirmResult>().forms.map((f) => [f.sheet, f.outcome])).toEqual([
      ['好表', 'created'],
      ['坏表', 'skipped'],
    ]);
    const names = await projects2021();
    expect(names).toContain('无误的项目');
    expect(names).not.toContain('有误的项目');
  });

  it('never touches a submitted or approved form: the preview says so at the sheet, the confirm refuses it', async () => {
    const chain = { filer: auth.filer, supervisor: auth.supervisor, finance: auth.finance };
    await approveThroughFinance(t.app, tenant.forms[2].id, chain);
    const approved = await form(tenant.forms[2].id);
    const file = await exportedWith(approved.id, approved.annualGoal!, '想改已审核的表');
    const preview = await upload(file);
    expect(preview.forms[0]).toMatchObject({ action: 'locked', match: { formId: approved.id } });
    expect(preview.forms[0].problems).toEqual([
      expect.objectContaining({ severity: 'error', message: expect.stringContaining('不会改动') as unknown }),
    ]);
    const refused = await confirm(preview.id, {});
    expect(refused.statusCode).toBe(400);
    expect(refused.json<{ message: string }>().message).toContain(preview.forms[0].sheet);
    const skipped = await confirm(preview.id, { sheets: [{ sheet: preview.forms[0].sheet, include: false }] });
    expect(skipped.statusCode).toBe(200);
    expect(await form(approved.id)).toEqual(approved);
  });

  it('refuses a draft changed in the app after the preview (409 at its rowVersion), naming the sheet', async () => {
    const workbook = new ExcelJS.Workbook();
    addRegionalSheet(workbook, '待提交', { name: '稍后提交的项目' });
    const first = await upload(await bytes(workbook));
    const [created] = (
      await confirm(first.id, { sheets: [{ sheet: '待提交', include: true, organizationId: unitId }] })
    ).json<ConfirmResult>().forms;
    const preview = await upload(await bytes(workbook));
    expect(preview.forms[0]).toMatchObject({ action: 'update', match: { formId: created.formId } });
    // The draft is changed in the app between the preview and the confirm.
    const draft = await form(created.formId!);
    const saved = await t.app.inject({
      method: 'PUT',
      url: `/api/forms/${draft.id}`,
      headers: { authorization: auth.filer },
      payload: { ...toSaveRequest(draft), annualGoal: '在系统里改过' },
    });
    expect(saved.statusCode).toBe(200);
    const response = await confirm(preview.id, {});
    expect(response.statusCode).toBe(409);
    expect(response.json<{ message: string }>().message).toContain('待提交');
    expect((await form(draft.id)).annualGoal).toBe('在系统里改过');
  });

  it('is one transaction: a failure at the third sheet leaves nothing of the first two', async () => {
    const workbook = new ExcelJS.Workbook();
    addRegionalSheet(workbook, '表1', { name: '事务项目甲' });
    addRegionalSheet(workbook, '表2', { name: '事务项目乙' });
    // The same name as 表1 in the same unit and year: refused when it is written, after 表1 and 表2.
    addRegionalSheet(workbook, '表3', { name: '事务项目甲' });
    const preview = await upload(await bytes(workbook));
    expect(preview.forms.map((f) => f.action)).toEqual(['needs-unit', 'needs-unit', 'needs-unit']);
    const before = await projects2021();
    const { rows: countBefore } = await owner.query<{ n: string }>(
      `SELECT (SELECT count(*) FROM project) + (SELECT count(*) FROM goal_form) + (SELECT count(*) FROM indicator) AS n`,
    );
    const response = await confirm(preview.id, {
      sheets: ['表1', '表2', '表3'].map((sheet) => ({ sheet, include: true, organizationId: unitId })),
    });
    expect(response.statusCode).toBe(409);
    expect(response.json<{ message: string }>().message).toContain('表3');
    expect(await projects2021()).toEqual(before);
    const { rows: countAfter } = await owner.query<{ n: string }>(
      `SELECT (SELECT count(*) FROM project) + (SELECT count(*) FROM goal_form) + (SELECT count(*) FROM indicator) AS n`,
    );
    expect(countAfter).toEqual(countBefore);
    // The refused batch is not spent: without the third sheet it goes through.
    const retry = await confirm(preview.id, {
      sheets: ['表1', '表2', '表3'].map((sheet) => ({ sheet, include: sheet !== '表3', organizationId: unitId })),
    });
    expect(retry.statusCode).toBe(200);
  });

  it('is the creator’s alone: another user, unit or tenant gets 404 reading or confirming it', async () => {
    const workbook = new ExcelJS.Workbook();
    addRegionalSheet(workbook, '私有', { name: '别人看不到的项目' });
    const preview = await upload(await bytes(workbook));
    const own = await get(`/api/imports/${preview.id}`);
    expect(own.statusCode).toBe(200);
    expect(own.json<Preview>()).toEqual(preview);
    expect((await get(`/api/imports/${preview.id}`, 'supervisor')).statusCode).toBe(404);
    for (const who of ['filer2', 'division-filer', 'otherTenant']) {
      expect((await get(`/api/imports/${preview.id}`, who)).statusCode).toBe(404);
      const response = await confirm(
        preview.id,
        { sheets: [{ sheet: '私有', include: true, organizationId: unitId }] },
        who,
      );
      expect(response.statusCode).toBe(404);
      expect(response.body).not.toContain('别人看不到的项目');
    }
    expect(await projects2021()).not.toContain('别人看不到的项目');
    // An id that was never issued: 404 as well.
    expect((await confirm('00000000-0000-4000-8000-000000000000', {})).statusCode).toBe(404);
  });

  it('expires: a batch past its time is a 409 that asks for the file again', async () => {
    const workbook = new ExcelJS.Workbook();
    addRegionalSheet(workbook, '过期', { name: '过期的项目' });
    const preview = await upload(await bytes(workbook));
    const { rows } = await owner.query<{ hours: number }>(
      `SELECT round(extract(epoch FROM expires_at - created_at) / 3600)::int AS hours FROM import_batch WHERE id = $1`,
      [preview.id],
    );
    expect(rows[0].hours).toBe(24);
    await owner.query(`UPDATE import_batch SET expires_at = now() - interval '1 minute' WHERE id = $1`, [preview.id]);
    const response = await confirm(preview.id, { sheets: [{ sheet: '过期', include: true, organizationId: unitId }] });
    expect(response.statusCode).toBe(409);
    expect(response.json<{ message: string }>().message).toContain('重新上传');
    expect(await projects2021()).not.toContain('过期的项目');
  });

  it('names the field for choices that do not fit the batch', async () => {
    const workbook = new ExcelJS.Workbook();
    addRegionalSheet(workbook, '选择', { name: '选择的项目' });
    const preview = await upload(await bytes(workbook));
    const response = await confirm(preview.id, { sheets: [{ sheet: '没有这张表', include: true }] });
    expect(response.statusCode).toBe(400);
    expect(response.json<{ fields: { field: string }[] }>().fields[0].field).toBe('sheets.0.sheet');
    const bad = await confirm(preview.id, { sheets: [{ sheet: '选择', include: 'yes', organizationId: 'x' }] });
    expect(bad.statusCode).toBe(400);
  });
});
