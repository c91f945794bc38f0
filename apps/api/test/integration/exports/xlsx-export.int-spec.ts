import ExcelJS from 'exceljs';
import type { Evaluation, GoalForm, SaveEvaluationRequest } from '@jxt/contracts';
import { layoutIndicatorRows } from '@jxt/domain';
import { formsOfYear } from '../../support/form-steps';
import { login, seedSongjiang, startTestApp, type TestApp } from '../../support/test-app';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The six cells of a row as text (a merged cell's value shows in its first cell only). */
const rowText = (sheet: ExcelJS.Worksheet, row: number) =>
  [1, 2, 3, 4, 5, 6].map((c) => {
    const cell = sheet.getCell(row, c);
    return cell.isMerged && cell.master.address !== cell.address ? '∙' : (cell.text ?? '');
  });

/** Finds the row whose first cell (or second, for the funds and indicator blocks) reads `label`. */
const rowOf = (sheet: ExcelJS.Worksheet, label: string, column = 1) => {
  for (let r = 1; r <= sheet.rowCount; r++) if (sheet.getCell(r, column).text === label) return r;
  throw new Error(`no row labelled ${label}`);
};

describe('export: a form revision and a 自评表 as .xlsx in the official layout (issue 13 point 1)', () => {
  let t: TestApp;
  let filer: string;
  let forms: GoalForm[];

  beforeAll(async () => {
    t = await startTestApp();
    await seedSongjiang(t.ownerUrl, 'x');
    await seedSongjiang(t.ownerUrl, 'y');
    ({ authorization: filer } = await login(t.app, 'x-filer'));
    forms = await formsOfYear(t.app, filer);
  });
  afterAll(() => t.close());

  async function exported(form: GoalForm, authorization = filer) {
    const started = process.hrtime.bigint();
    const response = await t.app.inject({
      method: 'GET',
      url: `/api/forms/${form.id}/export.xlsx`,
      headers: { authorization },
    });
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    expect(response.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    return { response, workbook, sheet: workbook.worksheets[0], ms };
  }

  it('answers the file with its Chinese name, and the sheet reads back as the form prints', async () => {
    const form = forms[2];
    const { response, sheet, workbook, ms } = await exported(form);
    console.log(`[export] ${form.project.name}: ${response.rawPayload.length} bytes in ${ms.toFixed(0)} ms`);
    expect(response.headers['content-type']).toBe(XLSX);
    expect(response.headers['content-disposition']).toContain(
      `filename*=UTF-8''${encodeURIComponent('网络信息系统运行与维护-2021年度绩效目标填报表.xlsx')}`,
    );
    expect(workbook.worksheets).toHaveLength(1);

    expect(sheet.getCell('A1').text).toBe('财政项目支出绩效目标填报表');
    expect(sheet.getCell('A2').text).toBe('（2021年度）');
    expect(rowText(sheet, 3)).toEqual(['项目名称', form.project.name, '∙', '∙', '项目类别', '经常性项目']);
    expect(rowText(sheet, 5)).toEqual([
      '主管部门',
      form.project.printedDepartment ?? '',
      '∙',
      '∙',
      '实施单位',
      form.project.printedImplementingUnit ?? '',
    ]);

    // The funds block: the label merged over four rows, each amount a number with thousands separators.
    const funds = rowOf(sheet, '项目资金总额', 2);
    expect(sheet.getCell(funds, 1).text).toBe('项目资金\n（元）');
    expect(sheet.getCell(funds + 3, 1).master.address).toBe(`A${funds}`);
    const amountAt = (row: number, column: number) => sheet.getCell(row, column);
    expect(amountAt(funds, 3).value).toBe(Number(form.funds.totalAmount));
    expect(amountAt(funds, 3).numFmt).toBe('#,##0.00');
    expect(amountAt(funds, 6).value).toBe(Number(form.funds.annualAmount));
    expect(amountAt(funds + 2, 6).value).toBe(Number(form.funds.carryOverAmount));
    expect(sheet.getCell(funds + 2, 5).text).toBe('上年结转资金');

    // The goals: both texts whole, the total goal's years in its heading.
    const goals = rowOf(sheet, '项目绩效目标');
    expect(sheet.getCell(goals, 2).text).toMatch(/^项目总目标\n（/);
    expect(sheet.getCell(goals + 1, 2).text).toBe(form.totalGoal);
    expect(sheet.getCell(goals + 1, 5).text).toBe(form.annualGoal);
    expect(sheet.getRow(goals + 1).height).toBeGreaterThan(60);

    // The indicators: every 三级指标 in order with its value as written, 一级/二级 merged over their rows.
    const head = rowOf(sheet, '绩效指标');
    expect(rowText(sheet, head)).toEqual(['绩效指标', '一级指标', '二级指标', '三级指标', '∙', '年度指标值']);
    const rows = layoutIndicatorRows(form.indicators.year);
    expect(rows.map((_, i) => [sheet.getCell(head + 1 + i, 4).text, sheet.getCell(head + 1 + i, 6).text])).toEqual(
      rows.map((r) => [r.indicator?.name ?? '', r.indicator?.rawValue ?? '']),
    );
    rows.forEach((r, i) => {
      if (r.level1Span > 0) {
        expect(sheet.getCell(head + 1 + i, 2).text).toBe(form.indicators.year[r.l1].label);
        expect(sheet.getCell(head + i + r.level1Span, 2).master.address).toBe(`B${head + 1 + i}`);
      }
    });
    expect(sheet.getCell(head + rows.length, 1).master.address).toBe(`A${head}`);

    // Borders on the table, the six column widths, the print setup and the filer's footer.
    expect(sheet.getCell(head + 1, 4).border).toMatchObject({ top: { style: 'thin' }, right: { style: 'thin' } });
    expect(sheet.columns.map((c) => c.width)).toEqual([10, 16, 14, 20, 16, 22]);
    expect(sheet.pageSetup).toMatchObject({
      paperSize: 9,
      orientation: 'portrait',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: `${head}:${head}`,
    });
    expect(sheet.headerFooter.oddFooter).toBe('&C第 &P 页，共 &N 页');
    expect(sheet.getCell(sheet.rowCount, 1).text).toMatch(/^填报人：.*联系电话：.*填报日期：.*单位（盖章）$/);
  });

  it('exports each of the three seed forms with all of its indicators and amounts', async () => {
    for (const form of forms) {
      const { sheet } = await exported(form);
      const head = rowOf(sheet, '绩效指标');
      const names = layoutIndicatorRows(form.indicators.year).map((_, i) => sheet.getCell(head + 1 + i, 4).text);
      expect(names).toEqual(
        form.indicators.year.flatMap((l1) => l1.children.flatMap((l2) => l2.indicators.map((i) => i.name))),
      );
      const funds = rowOf(sheet, '项目资金总额', 2);
      expect(sheet.getCell(funds + 1, 3).value).toBe(Number(form.funds.fiscalAmount));
    }
  });

  it('prints the filer’s line as 提交 recorded it and, once finance decided, 审核结果 and 审核意见', async () => {
    const steps: [string, Record<string, unknown>][] = [
      ['x-filer', { action: 'submit', filerName: '张文', filerPhone: '021-57820101' }],
      ['x-supervisor', { action: 'approve' }],
      ['x-supervisor', { action: 'report' }],
      ['x-finance', { action: 'approve', reviewResult: 'good', comment: '指标可进一步细化' }],
    ];
    for (const [user, body] of steps) {
      const { authorization } = await login(t.app, user);
      const current = (
        await t.app.inject({ method: 'GET', url: `/api/forms/${forms[0].id}`, headers: { authorization } })
      ).json<GoalForm>();
      const moved = await t.app.inject({
        method: 'POST',
        url: `/api/forms/${forms[0].id}/transitions`,
        headers: { authorization },
        payload: { ...body, rowVersion: current.rowVersion },
      });
      expect(moved.statusCode).toBe(200);
    }
    const approved = (
      await t.app.inject({ method: 'GET', url: `/api/forms/${forms[0].id}`, headers: { authorization: filer } })
    ).json<GoalForm>();
    const { sheet } = await exported(approved);
    const review = rowOf(sheet, '审核结果');
    expect(rowText(sheet, review)).toEqual(['审核结果', '良', '审核意见', '指标可进一步细化', '∙', '∙']);
    const date = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(
      new Date(approved.submission!.submittedAt),
    );
    const [year, month, day] = date.split('-').map(Number);
    expect(sheet.getCell(sheet.rowCount, 1).text).toBe(
      `填报人：张文\u3000\u3000联系电话：021-57820101\u3000\u3000填报日期：${year}年${month}月${day}日\u3000\u3000单位（盖章）`,
    );
  });

  it('exports a 自评表 with its stored 分值, 得分, 执行率, 总分 and 自评等级, on the 自评表’s nine columns', async () => {
    // forms[0] is finance-approved by the test above: its 自评表, filled in with every target met.
    const opened = await t.app.inject({
      method: 'POST',
      url: `/api/forms/${forms[0].id}/evaluation`,
      headers: { authorization: filer },
    });
    expect(opened.statusCode).toBe(200);
    const draft = opened.json<Evaluation>();
    const body: SaveEvaluationRequest = {
      rowVersion: draft.rowVersion,
      funds: { annualBudget: draft.funds.initialBudget ?? '0', executedAmount: '90000.00' },
      actualGoal: '全年目标均已完成。',
      indicators: draft.indicators.map((i) => ({
        id: i.id,
        actualValue:
          i.target.kind === 'boolean'
            ? i.target.value
              ? '是'
              : '否'
            : i.target.kind === 'quantitative'
              ? `${i.target.value}${i.target.unit ?? ''}`
              : `${i.rawTarget}（已达成）`,
        selfShare: i.target.kind === 'qualitative' ? '0.9' : null,
        deviationReason: i.target.kind === 'qualitative' ? '个别环节尚可改进' : null,
      })),
    };
    const saved = await t.app.inject({
      method: 'PUT',
      url: `/api/evaluations/${draft.id}`,
      headers: { authorization: filer },
      payload: body,
    });
    expect(saved.statusCode).toBe(200);
    const evaluation = saved.json<Evaluation>();

    const response = await t.app.inject({
      method: 'GET',
      url: `/api/evaluations/${evaluation.id}/export.xlsx`,
      headers: { authorization: filer },
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-disposition']).toContain(
      encodeURIComponent(`${evaluation.projectName}-2021年度绩效自评表.xlsx`),
    );
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    expect(sheet.getCell('A1').text).toBe('财政项目支出绩效自评表');
    expect(sheet.columns).toHaveLength(9);

    const funds = rowOf(sheet, '年初预算数', 2);
    expect(sheet.getCell(funds + 1, 2).value).toBe(Number(evaluation.funds.initialBudget));
    expect(sheet.getCell(funds + 1, 5).value).toBe(90000);
    expect(sheet.getCell(funds + 1, 5).numFmt).toBe('#,##0.00');
    expect(sheet.getCell(funds + 1, 8).text).toBe(`${evaluation.score.budget.rate}%`);
    expect(sheet.getCell(funds + 1, 9).value).toBe(Number(evaluation.score.budget.score));

    const head = rowOf(sheet, '绩效指标');
    const printed = evaluation.indicators.map((_, i) => [4, 5, 7, 8].map((c) => sheet.getCell(head + 1 + i, c).value));
    // The rows follow the 一级/二级 grouping, which for this form is the stored order.
    expect(printed).toEqual(
      evaluation.indicators.map((i) => [i.name, i.rawTarget, Number(i.scored.weight), Number(i.scored.score)]),
    );
    const qualitative = evaluation.indicators.findIndex((i) => i.target.kind === 'qualitative');
    expect(sheet.getCell(head + 1 + qualitative, 6).text).toMatch(/（已达成）\n完成档次：.+ 90%$/);
    expect(sheet.getCell(head + 1 + qualitative, 9).text).toBe('个别环节尚可改进');

    const total = rowOf(sheet, '总分');
    expect(total).toBe(head + 1 + evaluation.indicators.length);
    expect([7, 8, 9].map((c) => sheet.getCell(total, c).value)).toEqual([
      100,
      Number(evaluation.score.total),
      `自评等级：${evaluation.score.grade}`,
    ]);
    expect(sheet.pageSetup).toMatchObject({ paperSize: 9, orientation: 'portrait', fitToWidth: 1 });

    const { authorization: outsider } = await login(t.app, 'y-filer');
    expect(
      (
        await t.app.inject({
          method: 'GET',
          url: `/api/evaluations/${evaluation.id}/export.xlsx`,
          headers: { authorization: outsider },
        })
      ).statusCode,
    ).toBe(404);
  });

  it('is scoped like the form: another tenant’s filer and an unknown id get 404, no file', async () => {
    const { authorization: outsider } = await login(t.app, 'y-filer');
    for (const [url, authorization] of [
      [`/api/forms/${forms[0].id}/export.xlsx`, outsider],
      ['/api/forms/00000000-0000-4000-8000-000000000000/export.xlsx', filer],
    ]) {
      const response = await t.app.inject({ method: 'GET', url, headers: { authorization } });
      expect(response.statusCode).toBe(404);
      expect(response.headers['content-type']).toMatch(/json/);
    }
    expect((await t.app.inject({ method: 'GET', url: `/api/forms/${forms[0].id}/export.xlsx` })).statusCode).toBe(401);
  });
});
