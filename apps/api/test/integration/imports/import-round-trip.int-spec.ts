import ExcelJS from 'exceljs';
import type { GoalForm, Indicator, IndicatorSetsInput, Level1Group } from '@jxt/contracts';
import { toSaveRequest } from '@jxt/domain';
import type { LoadedTenant } from '../../../src/seeds/load-tenant';
import { approveThroughFinance, formsOfYear } from '../../support/form-steps';
import { login, seedSongjiang, startTestApp, type TestApp } from '../../support/test-app';
import { multipartUpload } from '../../support/upload';

interface PreviewSheet {
  sheet: string;
  action: string;
  amountUnit: string;
  funds: Record<string, string | null>;
  form: { indicators: IndicatorSetsInput } | null;
  problems: { row: number; column: string; severity: string; message: string }[];
}
interface Preview {
  id: string;
  forms: PreviewSheet[];
  problems: unknown[];
}
interface ConfirmResult {
  forms: { sheet: string; outcome: string; projectId: string | null; formId: string | null }[];
}

const UNIT = '上海市松江区科技创新服务中心（上海市松江区大数据中心）';

/** Everything a save sends: the form field for field (ids included), without the rowVersion that moves with it. */
function fields(form: GoalForm) {
  const { rowVersion: _rowVersion, ...request } = toSaveRequest(form);
  return request;
}

const OPERATOR_SIGNS: Record<string, string> = { ge: '≥', gt: '>', le: '≤', lt: '<', eq: '=' };

/** 指标性质 and 度量单位 as a region prints them beside a value: its operator and unit, or 定性. */
function printedAsRegion(indicator: Indicator): Pick<Indicator, 'nature' | 'measureUnit'> {
  const target = indicator.target;
  if (target.kind === 'quantitative')
    return { nature: OPERATOR_SIGNS[target.operator] ?? null, measureUnit: target.unit || null };
  return { nature: '定性', measureUnit: null };
}

const withPrinted = (groups: Level1Group[], printed: (i: Indicator) => Pick<Indicator, 'nature' | 'measureUnit'>) =>
  groups.map((g1) => ({
    ...g1,
    children: g1.children.map((g2) => ({
      ...g2,
      indicators: g2.indicators.map((i) => ({ ...i, ...printed(i) })),
    })),
  }));

const allIndicators = (form: GoalForm) =>
  [...form.indicators.year, ...(form.indicators.longTerm ?? [])].flatMap((g1) =>
    g1.children.flatMap((g2) => g2.indicators),
  );

/** The indicator table's heading row of an exported sheet, as its cells read. */
async function headingRow(file: Buffer): Promise<string[]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(file as unknown as ArrayBuffer);
  let heading: string[] = [];
  workbook.worksheets[0].eachRow((row) => {
    const cells = (row.values as unknown[]).slice(1).map((v) => (v == null ? '' : String(v)));
    if (cells.includes('三级指标')) heading = cells;
  });
  return heading;
}

describe('指标性质 and 度量单位 kept with each indicator; export → import gives the same form in both layouts (issue 13 points 2, 9)', () => {
  let t: TestApp;
  let tenant: LoadedTenant;
  const auth: Record<string, string> = {};
  let unitId: string;
  let seedForms: GoalForm[];

  beforeAll(async () => {
    t = await startTestApp();
    tenant = await seedSongjiang(t.ownerUrl, 'irt');
    for (const name of ['filer', 'supervisor', 'finance'])
      auth[name] = (await login(t.app, `irt-${name}`)).authorization;
    unitId = tenant.organizations.get(UNIT)!;
    seedForms = await formsOfYear(t.app, auth.filer);
  });
  afterAll(() => t.close());

  const get = (url: string) => t.app.inject({ method: 'GET', url, headers: { authorization: auth.filer } });
  const read = async (id: string) => {
    const response = await get(`/api/forms/${id}`);
    expect(response.statusCode).toBe(200);
    return response.json<GoalForm>();
  };
  const put = (form: GoalForm, body: object) =>
    t.app.inject({
      method: 'PUT',
      url: `/api/forms/${form.id}`,
      headers: { authorization: auth.filer },
      payload: body,
    });
  async function exported(id: string): Promise<Buffer> {
    const response = await get(`/api/forms/${id}/export.xlsx`);
    expect(response.statusCode).toBe(200);
    return response.rawPayload;
  }
  async function upload(file: Buffer): Promise<Preview> {
    const { payload, headers } = await multipartUpload(file);
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/imports',
      headers: { ...headers, authorization: auth.filer },
      payload,
    });
    expect(response.statusCode).toBe(200);
    return response.json<Preview>();
  }
  async function confirm(id: string, body: object = {}): Promise<ConfirmResult> {
    const response = await t.app.inject({
      method: 'POST',
      url: `/api/imports/${id}/confirm`,
      headers: { authorization: auth.filer },
      payload: body,
    });
    expect(response.statusCode).toBe(200);
    return response.json<ConfirmResult>();
  }

  /**
   * Export, preview (an update of the same draft, no problem but the warnings expected at the value column: a value
   * the grammar cannot read is kept as typed), confirm; the form read afterwards.
   */
  async function roundTrip(
    form: GoalForm,
    warnings: { count: number; column: string } = { count: 0, column: '' },
  ): Promise<{ after: GoalForm; sheet: PreviewSheet; file: Buffer }> {
    const file = await exported(form.id);
    const preview = await upload(file);
    expect(preview.problems).toEqual([]);
    const [sheet] = preview.forms;
    expect(sheet.problems.map((p) => [p.severity, p.column])).toEqual(
      Array(warnings.count).fill(['warning', warnings.column]),
    );
    expect(sheet.action).toBe('update');
    expect(sheet.funds).toEqual(form.funds);
    const result = await confirm(preview.id);
    expect(result.forms).toEqual([
      { sheet: sheet.sheet, outcome: 'updated', projectId: form.project.id, formId: form.id, evaluationId: null },
    ]);
    return { after: await read(form.id), sheet, file };
  }

  it('the seed forms: official layout (one 年度指标值 cell), export → preview → confirm, field for field', async () => {
    expect(seedForms).toHaveLength(3);
    for (const form of seedForms) {
      expect(allIndicators(form).every((i) => i.nature === null && i.measureUnit === null)).toBe(true);
      const { after, file } = await roundTrip(form);
      expect(await headingRow(file)).toEqual([
        '绩效指标',
        '一级指标',
        '二级指标',
        '三级指标',
        '三级指标',
        '年度指标值',
      ]);
      expect(fields(after)).toEqual(fields(form));
    }
  });

  it('the seed forms with printed 指标性质/度量单位: saved, exported in the separate-column layout, read back field for field', async () => {
    for (const seed of seedForms) {
      const current = await read(seed.id);
      const request = toSaveRequest({
        ...current,
        indicators: {
          year: withPrinted(current.indicators.year, printedAsRegion),
          longTerm: current.indicators.longTerm,
        },
      });
      const saved = await put(current, request);
      expect(saved.statusCode).toBe(200);
      const form = saved.json<GoalForm>();
      // Stored as sent: the value the grammar reads is unchanged beside them.
      const stored = allIndicators(form);
      expect(stored.map((i) => [i.rawValue, i.nature, i.measureUnit])).toEqual(
        allIndicators(current).map((i) => [i.rawValue, printedAsRegion(i).nature, printedAsRegion(i).measureUnit]),
      );
      expect(stored.some((i) => i.nature === '定性')).toBe(true);

      const { after, sheet, file } = await roundTrip(form);
      expect(await headingRow(file)).toEqual(['一级指标', '二级指标', '三级指标', '指标性质', '指标值', '度量单位']);
      const previewed = sheet.form!.indicators.year.flatMap((g1) => g1.children.flatMap((g2) => g2.indicators));
      expect(previewed.map((i) => [i.name, i.rawValue, i.nature, i.measureUnit])).toEqual(
        stored.map((i) => [i.name, i.rawValue, i.nature, i.measureUnit]),
      );
      expect(fields(after)).toEqual(fields(form));
    }
  });

  it('a generated form of 60 年度 indicators (and 3 长期) round-trips in both layouts, amounts to the cent', async () => {
    const groups: [string, string[]][] = [
      ['output', ['quantity', 'quality', 'timeliness', 'cost']],
      ['benefit', ['economic', 'social', 'ecological', 'sustainable']],
      ['satisfaction', ['service_satisfaction']],
    ];
    // [指标性质, 年度指标值, 度量单位] as a region prints them; the value is what the grammar reads.
    const printed: [string, string, string | null][] = [
      ['≥', '≥90%', '%'],
      ['=', '=2次', '次'],
      ['定性', '及时', null],
      ['反向', '≤30天', '天'],
      ['定性', '是', null],
      ['正向', '≥500家', '家'],
      ['≤', '≤120.5万元', '万元'],
      ['>', '>80%', '%'],
      ['定性', '2022年底前', null],
      ['≥', '≥abc%', '%'],
    ];
    const base = await read(seedForms[2].id);
    const build = (withNature: boolean) => {
      let n = 0;
      const request = toSaveRequest(base);
      request.indicators = {
        year: groups.map(([code, children]) => ({
          code,
          children: children.map((child, i) => ({
            code: child,
            indicators: Array.from({ length: code === 'output' && i === 0 ? 12 : 6 }, () => {
              n += 1;
              const [nature, rawValue, measureUnit] = printed[n % printed.length];
              return withNature
                ? { name: `第${n}项指标`, rawValue, nature, measureUnit }
                : { name: `第${n}项指标`, rawValue };
            }),
          })),
        })),
        // A 长期 set too: printed as a second table (长期指标值, or its own 长期绩效指标 title) and read back into it.
        longTerm: [
          {
            code: 'output',
            children: [
              {
                code: 'quantity',
                indicators: printed
                  .slice(0, 3)
                  .map(([nature, rawValue, measureUnit], i) =>
                    withNature
                      ? { name: `长期第${i + 1}项`, rawValue, nature, measureUnit }
                      : { name: `长期第${i + 1}项`, rawValue },
                  ),
              },
            ],
          },
        ],
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
      return request;
    };

    // The last table's value heading (the 长期 one) and the value column: F in the official layout, E (指标值) in the
    // other; six values of ≥abc% are kept with a warning.
    for (const [withNature, heading, valueColumn] of [
      [false, '长期指标值', 'F'],
      [true, '度量单位', 'E'],
    ] as const) {
      const current = await read(base.id);
      const saved = await put(current, { ...build(withNature), rowVersion: current.rowVersion });
      expect(saved.statusCode).toBe(200);
      const form = saved.json<GoalForm>();
      expect(form.indicators.year.flatMap((g1) => g1.children.flatMap((g2) => g2.indicators))).toHaveLength(60);
      expect(allIndicators(form)).toHaveLength(63);
      const { after, sheet, file } = await roundTrip(form, { count: 6, column: valueColumn });
      expect((await headingRow(file)).at(-1)).toBe(heading);
      expect(sheet.funds.otherAmount).toBe('0.09');
      expect(fields(after)).toEqual(fields(form));
      expect(allIndicators(after).filter((i) => i.nature !== null)).toHaveLength(withNature ? 63 : 0);
    }
  });

  /**
   * Another region's workbook as Excel writes it: 项目编码, amounts in 万元 to 4 decimals, goals prefixed 目标1:, levels
   * with their points, 指标1: prefixes, 指标性质 (≥, 正向, 反向, 定性)/指标值/度量单位, 分值 and 评分细则, 长期 and 年度 blocks.
   */
  function regionalWorkbook(name: string): ExcelJS.Workbook {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('智慧园区');
    sheet.addRows([
      ['2021年度项目支出绩效目标申报表'],
      ['项目名称：', name, '项目编码', '2021-RT-0001'],
      ['主管部门', '区科委', '实施单位', '区大数据中心'],
      ['资金情况', '金额（万元）'],
      ['资金总额', 1059.08, '年度资金总额', 120.5],
      ['其中：财政资金', 1059.08, '其中：当年财政拨款', 100.4321],
      ['其他资金', 0, '上年结转资金', 20.0679],
      ['', '', '其他资金', 0],
      ['总体目标', '目标1：建成平台\n目标2：稳定运行'],
      ['年度目标', '目标1：平台全年可用'],
      ['长期绩效指标'],
      ['一级指标', '二级指标', '三级指标', '指标性质', '指标值', '度量单位', '分值', '评分细则'],
      ['产出指标(50分)', '数量指标(20分)', '指标1：接入企业数', '≥', 500, '家', 20, '每少10家扣1分'],
      ['效益指标（30分）', '社会效益指标', '指标2：平台可用率', '正向', 99.9, '%', 30, ''],
      ['年度绩效指标'],
      ['一级指标', '二级指标', '三级指标', '指标性质', '指标值', '度量单位', '分值', '评分细则'],
      ['产出指标(50分)', '数量指标', '指标1：巡检次数', '=', 12, '次', 10, '少一次扣1分'],
      ['', '时效指标', '指标2：故障响应时间', '反向', 4, '小时', 10, ''],
      ['', '成本指标', '指标3：运维成本', '≤', 120.5, '万元', 10, ''],
      ['满意度指标', '服务对象满意度指标', '指标4：用户满意度', '定性', '满意', '', 20, ''],
    ]);
    return workbook;
  }

  let regional: GoalForm;

  it('an exceljs workbook in another region’s layout is stored as printed: 万元 exact, 长期 and 年度, 分值, 评分细则, 指标性质, 度量单位', async () => {
    const preview = await upload(Buffer.from(await regionalWorkbook('智慧园区平台运维').xlsx.writeBuffer()));
    const [sheet] = preview.forms;
    expect(sheet).toMatchObject({ action: 'needs-unit', amountUnit: '万元', problems: [] });
    const result = await confirm(preview.id, {
      sheets: [{ sheet: '智慧园区', include: true, organizationId: unitId }],
    });
    regional = await read(result.forms[0].formId!);
    expect(regional.project).toMatchObject({ code: '2021-RT-0001', name: '智慧园区平台运维' });
    expect(regional.funds).toEqual({
      totalAmount: '10590800.00',
      fiscalAmount: '10590800.00',
      otherAmount: '0.00',
      annualAmount: '1205000.00',
      annualFiscalAmount: '1004321.00',
      carryOverAmount: '200679.00',
      annualOtherAmount: '0.00',
    });
    expect([regional.totalGoal, regional.annualGoal]).toEqual(['建成平台\n稳定运行', '平台全年可用']);
    const rows = (groups: Level1Group[] | null) =>
      (groups ?? []).flatMap((g1) =>
        g1.children.flatMap((g2) =>
          g2.indicators.map((i) => [g2.code, i.name, i.nature, i.rawValue, i.measureUnit, i.weight, i.scoringNotes]),
        ),
      );
    expect(rows(regional.indicators.longTerm)).toEqual([
      ['quantity', '接入企业数', '≥', '≥500家', '家', '20.00', '每少10家扣1分'],
      ['social', '平台可用率', '正向', '≥99.9%', '%', '30.00', null],
    ]);
    expect(rows(regional.indicators.year)).toEqual([
      ['quantity', '巡检次数', '=', '=12次', '次', '10.00', '少一次扣1分'],
      ['timeliness', '故障响应时间', '反向', '≤4小时', '小时', '10.00', null],
      ['cost', '运维成本', '≤', '≤120.5万元', '万元', '10.00', null],
      ['service_satisfaction', '用户满意度', '定性', '满意', null, '20.00', null],
    ]);
    // Exported again in the layout it came from, 分值 and 评分细则 in columns of their own, and read back to the same form.
    const again = await roundTrip(regional);
    expect((await headingRow(again.file)).slice(3)).toEqual(['指标性质', '指标值', '度量单位', '分值', '评分细则']);
    // The preview's 分值 is the cell's number ("10"), the stored one numeric(7,2) ("10.00").
    const withNumericWeight = (groups: Level1Group[]) =>
      rows(groups).map((row) => row.map((cell, n) => (n === 5 && cell !== null ? Number(cell) : cell)));
    expect(withNumericWeight(again.sheet.form!.indicators.year as Level1Group[])).toEqual(
      withNumericWeight(regional.indicators.year),
    );
    const after = again.after;
    expect(fields(after)).toEqual(fields(regional));
  });

  it('分值, 评分细则, 指标解释 and 备注 are printed in columns of their own and read back from the file', async () => {
    const current = await read(seedForms[1].id);
    const request = toSaveRequest(current);
    const [first, second] = request.indicators.year[0].children[0].indicators;
    Object.assign(first, {
      weight: '12.5',
      scoringNotes: '每少一次扣2分',
      explanation: '全年组织的次数',
      remark: '含线上',
    });
    Object.assign(second, { explanation: '按合同约定的验收结论计' });
    const saved = await put(current, request);
    expect(saved.statusCode).toBe(200);
    const form = saved.json<GoalForm>();

    const { after, sheet, file } = await roundTrip(form);
    // After the six columns of its layout (this form keeps printed 指标性质/度量单位: 指标性质 | 指标值 | 度量单位).
    expect(await headingRow(file)).toEqual([
      '一级指标',
      '二级指标',
      '三级指标',
      '指标性质',
      '指标值',
      '度量单位',
      '分值',
      '评分细则',
      '指标解释',
      '备注',
    ]);
    // The preview is read from the file alone: what it holds was printed.
    const extras = (indicators: { weight?: string | null; scoringNotes?: string | null }[]) =>
      indicators.map((i) => {
        const { weight, scoringNotes, explanation, remark } = i as Indicator;
        return [weight === null || weight === undefined ? null : Number(weight), scoringNotes, explanation, remark];
      });
    const previewed = sheet.form!.indicators.year.flatMap((g1) => g1.children.flatMap((g2) => g2.indicators));
    const stored = form.indicators.year.flatMap((g1) => g1.children.flatMap((g2) => g2.indicators));
    expect(extras(previewed).slice(0, 2)).toEqual([
      [12.5, '每少一次扣2分', '全年组织的次数', '含线上'],
      [null, null, '按合同约定的验收结论计', null],
    ]);
    expect(extras(previewed)).toEqual(extras(stored).map((e) => e.map((v) => v ?? null)));
    expect(fields(after)).toEqual(fields(form));
    // Printed landscape, still one page wide, the print area over the extra columns.
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(file as unknown as ArrayBuffer);
    const { pageSetup } = workbook.worksheets[0];
    expect([
      pageSetup.orientation,
      pageSetup.fitToWidth,
      pageSetup.printArea?.split(':')[1].replace(/\d+/, ''),
    ]).toEqual(['landscape', 1, 'J']);
  });

  it('the fields are validated at the edge: more than 50 characters is a 400 naming the indicator’s field', async () => {
    const current = await read(regional.id);
    const request = toSaveRequest(current);
    request.indicators.year[0].children[0].indicators[0].measureUnit = '单'.repeat(51);
    const response = await put(current, request);
    expect(response.statusCode).toBe(400);
    expect(response.json<{ fields: { field: string }[] }>().fields.map((f) => f.field)).toEqual([
      'indicators.year.0.children.0.indicators.0.measureUnit',
    ]);
  });

  it('the lock keeps them; 调整 and the next year’s form copy them; a save without them stores none', async () => {
    const seed = await read(seedForms[0].id);
    const printed = allIndicators(seed).map((i) => [i.name, i.nature, i.measureUnit]);
    expect(printed.some(([, nature]) => nature !== null)).toBe(true);
    const locked = await approveThroughFinance(t.app, seed.id, {
      filer: auth.filer,
      supervisor: auth.supervisor,
      finance: auth.finance,
    });
    expect(locked.status).toBe('finance_approved');
    expect(allIndicators(await read(seed.id)).map((i) => [i.name, i.nature, i.measureUnit])).toEqual(printed);
    // The locked revision prints in the layout it came from.
    expect((await headingRow(await exported(seed.id))).slice(3)).toEqual(['指标性质', '指标值', '度量单位']);

    const reopened = await t.app.inject({
      method: 'POST',
      url: `/api/forms/${seed.id}/transitions`,
      headers: { authorization: auth.filer },
      payload: { action: 'reopen', comment: '年度资金调整', rowVersion: locked.rowVersion },
    });
    expect(reopened.statusCode).toBe(200);
    const revision = reopened.json<GoalForm>();
    expect(revision.revision).toBe(2);
    expect(allIndicators(revision).map((i) => [i.name, i.nature, i.measureUnit])).toEqual(printed);

    const next = await t.app.inject({
      method: 'POST',
      url: `/api/projects/${seed.project.id}/forms`,
      headers: { authorization: auth.filer },
      payload: { year: 2022 },
    });
    expect(next.statusCode).toBe(201);
    const nextYear = next.json<GoalForm>();
    expect(nextYear.year).toBe(2022);
    expect(allIndicators(nextYear).map((i) => [i.name, i.nature, i.measureUnit])).toEqual(printed);

    // A client that sends no 指标性质/度量单位 saves none: the form is printed in the official layout again.
    const request = toSaveRequest(revision);
    for (const g1 of request.indicators.year)
      for (const g2 of g1.children)
        for (const indicator of g2.indicators) {
          delete indicator.nature;
          delete indicator.measureUnit;
        }
    const saved = await put(revision, request);
    expect(saved.statusCode).toBe(200);
    expect(allIndicators(saved.json<GoalForm>()).every((i) => i.nature === null && i.measureUnit === null)).toBe(true);
    expect((await headingRow(await exported(revision.id))).at(-1)).toBe('年度指标值');
    // The approved revision is untouched.
    expect(allIndicators(await read(seed.id)).map((i) => [i.name, i.nature, i.measureUnit])).toEqual(printed);
  });
});
