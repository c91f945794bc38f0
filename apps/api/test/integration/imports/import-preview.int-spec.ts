import ExcelJS from 'exceljs';
import type { GoalForm, IndicatorSetsInput } from '@jxt/contracts';
import { toSaveRequest } from '@jxt/domain';
import { DEFAULT_IMPORT_MAX_MB } from '../../../src/config/app-config';
import { formsOfYear } from '../../support/form-steps';
import { login, seedSongjiang, startTestApp, type TestApp } from '../../support/test-app';
import { multipartUpload } from '../../support/upload';

interface PreviewSheet {
  sheet: string;
  kind: string;
  name: string | null;
  code: string | null;
  year: number | null;
  indicatorCount: number;
  amountUnit: string;
  funds: Record<string, string | null>;
  action: string;
  match: { by: string; projectId: string; formId: string | null; status: string | null } | null;
  form: (Omit<ReturnType<typeof toSaveRequest>, 'rowVersion'> & { indicators: IndicatorSetsInput }) | null;
  indicatorSources: { name: string; nature: string | null; value: string; unit: string | null }[];
  problems: { sheet: string; row: number; column: string; severity: string; message: string }[];
}

/** The form data a save takes, without what the official layout does not print (ids; blank optional fields). */
function comparable(form: GoalForm) {
  const { rowVersion: _rowVersion, ...request } = toSaveRequest(form);
  const tree = (groups: IndicatorSetsInput['year'] | null) =>
    groups?.map((g1) => ({
      code: g1.code,
      children: g1.children.map((g2) => ({
        code: g2.code,
        indicators: g2.indicators.map((i) => ({ name: i.name, rawValue: i.rawValue })),
      })),
    })) ?? null;
  // 项目编码 is not printed on the official form (docs/domain.md §2): the sheet finds its project by name.
  return {
    ...request,
    project: { ...request.project, code: '' },
    indicators: { year: tree(request.indicators.year) ?? [], longTerm: tree(request.indicators.longTerm) },
  };
}

describe('POST /api/imports: a workbook read into what it would create or update (issue 13 points 2–3)', () => {
  let t: TestApp;
  let filer: string;
  let outsider: string;
  let forms: GoalForm[];

  beforeAll(async () => {
    t = await startTestApp();
    await seedSongjiang(t.ownerUrl, 'imp', [
      // A filer of a 内设机构 under the unit: the unit's own projects are outside their scope.
      { username: 'imp-division-filer', displayName: '内设机构填报人', roles: ['filer'], organization: '科技服务部' },
    ]);
    ({ authorization: filer } = await login(t.app, 'imp-filer'));
    ({ authorization: outsider } = await login(t.app, 'imp-division-filer'));
    forms = await formsOfYear(t.app, filer);
  });
  afterAll(() => t.close());

  const upload = ({ payload, headers }: { payload: Buffer; headers: Record<string, string> }, authorization = filer) =>
    t.app.inject({ method: 'POST', url: '/api/imports', headers: { ...headers, authorization }, payload });
  const preview = async (file: Buffer | string | null, authorization = filer, type?: string) => {
    return upload(await multipartUpload(file, { type }), authorization);
  };

  async function exported(form: GoalForm): Promise<Buffer> {
    const response = await t.app.inject({
      method: 'GET',
      url: `/api/forms/${form.id}/export.xlsx`,
      headers: { authorization: filer },
    });
    expect(response.statusCode).toBe(200);
    return response.rawPayload;
  }

  it('gives back each seed form field for field and amount for amount from its own export, matched by name', async () => {
    expect(forms).toHaveLength(3);
    for (const form of forms) {
      const response = await preview(await exported(form));
      expect(response.statusCode).toBe(200);
      const {
        id,
        forms: sheets,
        problems,
      } = response.json<{ id: string; forms: PreviewSheet[]; problems: unknown[] }>();
      // The preview is stored for its confirm step.
      expect(id).toMatch(/^[0-9a-f-]{36}$/);
      expect(problems).toEqual([]);
      expect(sheets).toHaveLength(1);
      const [sheet] = sheets;
      expect(sheet.problems).toEqual([]);
      expect(sheet).toMatchObject({ kind: 'goal', name: form.project.name, year: 2021, amountUnit: '元' });
      expect(sheet.form).toEqual(comparable(form));
      expect(sheet.funds).toEqual(form.funds);
      expect(sheet.match).toMatchObject({ by: 'name', projectId: form.project.id, formId: form.id });
      expect(form.status).toBe('draft');
      expect(sheet.action).toBe('update');
    }
  });

  /** A regional workbook: 项目编码, 金额（万元）, 指标性质/指标值/度量单位 columns, levels with points. */
  async function regionalWorkbook(code: string, name: string): Promise<Buffer> {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('区级项目');
    sheet.addRows([
      ['2021年度项目支出绩效目标申报表'],
      ['项目名称', name, '项目编码', code],
      ['主管部门', '区科委', '实施单位', '区大数据中心'],
      ['资金情况', '金额（万元）'],
      ['资金总额', 1059.08, '年度资金总额', null],
      ['其中：财政资金', 1059.08, '其中：当年财政拨款', 100.4321],
      ['其他资金', 0, '上年结转资金', 20.0679],
      ['', '', '其他资金', 0.12345678],
      ['总体目标', '目标1：建成平台'],
      ['年度目标', '目标1：平台全年可用'],
      ['一级指标', '二级指标', '三级指标', '指标性质', '指标值', '度量单位', '分值', '评分细则'],
      ['产出指标(50分)', '数量指标(20分)', '指标1：接入企业数', '≥', 500, '家', 20, '每少10家扣1分'],
      ['', '质量指标', '指标2：平台可用率', '正向', 0.999, '', 30, ''],
      ['', '环境指标', '指标3：绿化率', '≥', 30, '%', 10, ''],
      ['满意度指标', '服务对象满意度指标', '指标4：用户满意度', '≥', '≥abc', '%', 20, ''],
    ]);
    // 年度资金总额 as a formula whose saved result is a binary float: the shortest text of 15 digits is 120.5.
    sheet.getCell('D5').value = { formula: 'D6+D7', result: 120.49999999999999 };
    // A percent-formatted cell holds 0.999 and shows 99.9%.
    sheet.getCell('E13').numFmt = '0.0%';
    return Buffer.from(await workbook.xlsx.writeBuffer());
  }

  it('reads a regional layout in 万元 exactly, composes the values, matches by 项目编码 and names each problem', async () => {
    const form = forms[0];
    const response = await preview(await regionalWorkbook(form.project.code, '改过名的项目'));
    expect(response.statusCode).toBe(200);
    const [sheet] = response.json<{ forms: PreviewSheet[] }>().forms;
    expect(sheet).toMatchObject({ sheet: '区级项目', code: form.project.code, year: 2021, amountUnit: '万元' });
    expect(sheet.match).toMatchObject({ by: 'code', projectId: form.project.id });
    expect(sheet.funds).toEqual({
      totalAmount: '10590800.00',
      fiscalAmount: '10590800.00',
      otherAmount: '0.00',
      annualAmount: '1205000.00',
      annualFiscalAmount: '1004321.00',
      carryOverAmount: '200679.00',
      annualOtherAmount: null,
    });
    expect(sheet.form!.totalGoal).toBe('建成平台');
    const values = sheet.form!.indicators.year.flatMap((g1) =>
      g1.children.flatMap((g2) => g2.indicators.map((i) => [g2.code, i.name, i.rawValue, i.weight])),
    );
    expect(values).toEqual([
      ['quantity', '接入企业数', '≥500家', '20'],
      ['quality', '平台可用率', '≥99.9%', '30'],
      ['service_satisfaction', '用户满意度', '≥abc', '20'],
    ]);
    expect(sheet.indicatorCount).toBe(3);
    expect(sheet.problems.map((p) => [p.row, p.column, p.severity, p.message])).toEqual([
      [8, 'D', 'error', '其他资金“0.12345678”万元超过 6 位小数（不足 1 分），未带入，请核对'],
      [14, 'B', 'error', '二级指标“环境指标”不属于产出指标，其下指标未带入'],
      [15, 'E', 'warning', expect.stringContaining('“用户满意度”的指标值“≥abc”无法识别') as unknown as string],
    ]);
  });

  it('several sheets are several forms; a 自评表 sheet is listed as such and not read', async () => {
    const workbook = new ExcelJS.Workbook();
    for (const [i, form] of forms.slice(0, 2).entries()) {
      const one = new ExcelJS.Workbook();
      await one.xlsx.load((await exported(form)) as unknown as ArrayBuffer);
      const copy = workbook.addWorksheet(`表${i + 1}`);
      one.worksheets[0].eachRow((row, r) => (copy.getRow(r).values = row.values));
    }
    workbook.addWorksheet('自评').addRow(['财政项目支出绩效自评表']);
    const response = await preview(Buffer.from(await workbook.xlsx.writeBuffer()));
    const sheets = response.json<{ forms: PreviewSheet[] }>().forms;
    expect(sheets.map((s) => [s.sheet, s.kind, s.name])).toEqual([
      ['表1', 'goal', forms[0].project.name],
      ['表2', 'goal', forms[1].project.name],
      ['自评', 'evaluation', null],
    ]);
  });

  it('does not reveal a project outside the caller’s scope: the sheet needs a unit', async () => {
    const form = forms[0];
    const response = await preview(await regionalWorkbook(form.project.code, form.project.name), outsider);
    expect(response.statusCode).toBe(200);
    const [sheet] = response.json<{ forms: PreviewSheet[] }>().forms;
    expect(sheet.action).toBe('needs-unit');
    expect(sheet.match).toBeNull();
    for (const id of [form.project.id, form.id, form.project.organizationId, form.project.organizationName])
      expect(response.body).not.toContain(id);
    // The same file from the unit's own filer finds it.
    const own = (await preview(await regionalWorkbook(form.project.code, form.project.name))).json<{
      forms: PreviewSheet[];
    }>();
    expect(own.forms[0].match).toMatchObject({ projectId: form.project.id });
  });

  it('answers 400 naming the field file for a missing, empty or non-.xlsx upload, and writes nothing', async () => {
    const before = await t.app.inject({
      method: 'GET',
      url: '/api/projects?year=2021',
      headers: { authorization: filer },
    });
    const refusals = [
      await preview('项目名称,市民服务\n'),
      await preview(Buffer.from('%PDF-1.4 not a workbook'), filer, 'application/pdf'),
      await preview(Buffer.alloc(0)),
      await preview(null),
      // The file under another field name is no file.
      await upload(await multipartUpload(await exported(forms[0]), { field: 'upload' })),
      // Not multipart at all.
      await t.app.inject({
        method: 'POST',
        url: '/api/imports',
        headers: { authorization: filer, 'content-type': 'application/json' },
        payload: { file: 'x' },
      }),
    ];
    for (const response of refusals) {
      expect(response.statusCode).toBe(400);
      expect(response.json<{ fields: { field: string }[] }>().fields[0].field).toBe('file');
    }
    for (const form of forms) expect((await preview(await exported(form))).statusCode).toBe(200);
    const after = await t.app.inject({
      method: 'GET',
      url: '/api/projects?year=2021',
      headers: { authorization: filer },
    });
    expect(after.body).toBe(before.body);
    // Without a session: 401.
    const anonymous = await t.app.inject({
      method: 'POST',
      url: '/api/imports',
      ...(await multipartUpload(await exported(forms[0]))),
    });
    expect(anonymous.statusCode).toBe(401);
  });

  it('bounds the upload: a file over the limit is a 413, not read', async () => {
    // The default of the setting IMPORT_MAX_MB (import-bad-files.int-spec.ts sets 1 MB).
    const response = await preview(Buffer.alloc(DEFAULT_IMPORT_MAX_MB * 1024 * 1024 + 1));
    expect(response.statusCode).toBe(413);
    expect(response.json<{ message: string }>().message).toBeTruthy();
  });

  it('round-trips a generated form of 60 indicators under every 二级指标, amounts to the cent', async () => {
    const groups: [string, string[]][] = [
      ['output', ['quantity', 'quality', 'timeliness', 'cost']],
      ['benefit', ['economic', 'social', 'ecological', 'sustainable']],
      ['satisfaction', ['service_satisfaction']],
    ];
    const values = ['≥90%', '=2次', '及时', '≤30天', '是', '2022年底前', '≥abc%', '90%左右', '100', '不低于95%'];
    let n = 0;
    const request = toSaveRequest(forms[2]);
    request.indicators = {
      year: groups.map(([code, children]) => ({
        code,
        children: children.map((child, i) => ({
          code: child,
          indicators: Array.from({ length: code === 'output' && i === 0 ? 12 : 6 }, () => {
            n += 1;
            return { name: `第${n}项指标`, rawValue: values[n % values.length] };
          }),
        })),
      })),
      longTerm: null,
    };
    request.funds = {
      totalAmount: '18963662.79',
      fiscalAmount: '18963662.70',
      otherAmount: '0.09',
      annualAmount: '18963662.79',
      annualFiscalAmount: '18963662.70',
      carryOverAmount: '0.00',
      annualOtherAmount: '0.09',
    };
    const saved = await t.app.inject({
      method: 'PUT',
      url: `/api/forms/${forms[2].id}`,
      headers: { authorization: filer },
      payload: request,
    });
    expect(saved.statusCode).toBe(200);
    const form = saved.json<GoalForm>();
    expect(n).toBe(60);

    const response = await preview(await exported(form));
    const [sheet] = response.json<{ forms: PreviewSheet[] }>().forms;
    expect(sheet.indicatorCount).toBe(60);
    expect(sheet.form).toEqual(comparable(form));
    // The six unparsable values are kept as typed, each with a warning at its row.
    expect(sheet.problems.map((p) => [p.severity, p.column])).toEqual(Array(6).fill(['warning', 'F']));
  });
});
