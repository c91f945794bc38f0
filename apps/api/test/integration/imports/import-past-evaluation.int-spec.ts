import ExcelJS from 'exceljs';
import type {
  Evaluation,
  EvaluationHistoryEntry,
  FormHistoryEntry,
  GoalForm,
  ImportPreview,
  SaveEvaluationRequest,
} from '@jxt/contracts';
import type { LoadedTenant } from '../../../src/seeds/load-tenant';
import { approveThroughFinance } from '../../support/form-steps';
import { login, seedSongjiang, startTestApp, type TestApp } from '../../support/test-app';
import { multipartUpload } from '../../support/upload';

const UNIT = '上海市松江区科技创新服务中心（上海市松江区大数据中心）';

/**
 * A 2019 自评表 in the official layout (evaluation-workbook.ts), amounts in 万元 and level names with points; the
 * 验收合格率 row's printed 得分 (20) is not what the rule gives (96% ≥ 95%: full 25).
 */
async function pastEvaluation(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('2019自评');
  sheet.addRows([
    ['财政项目支出绩效自评表'],
    ['（2019年度）'],
    ['项目名称', '往年社区宣传服务'],
    ['主管部门', '区科技创新服务中心', null, null, '实施单位', '区科委'],
    ['项目资金\n（万元）', '年初预算数', null, '全年预算数', '全年执行数', null, '分值', '执行率', '得分'],
    [null, 21.35, null, 20, 18, null, 10, '90%', 9],
    ['年度总体目标', '预期目标', null, null, null, '实际完成情况'],
    [null, '做好宣传', null, null, null, '已完成宣传'],
    ['绩效指标', '一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分', '原因分析及改进措施'],
    [null, '产出指标(50分)', '数量指标', '培训次数', '≥4次', '3次', 25, 18.75, '停办一次'],
    [null, null, '质量指标', '验收合格率', '≥95%', '96%', 25, 20, null],
    [null, '效益指标(30分)', '社会效益指标', '群众知晓度', '明显提高', '有所提高', 30, 21, '宣传不足'],
    [null, '满意度指标(10分)', '服务对象满意度指标', '满意度', '≥90%', '92%', 10, 10, null],
    ['总分', null, null, null, null, null, 100, 78.75, '自评等级：中'],
  ]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

describe('导入 of a past 自评表 as a record of its year (issue 13 point 4, docs/domain.md §4.1)', () => {
  let t: TestApp;
  let tenant: LoadedTenant;
  let authorization: string;

  beforeAll(async () => {
    t = await startTestApp();
    tenant = await seedSongjiang(t.ownerUrl, 'ipe');
    authorization = (await login(t.app, 'ipe-filer')).authorization;
  });
  afterAll(async () => {
    await t.close();
  });

  const get = (url: string) => t.app.inject({ method: 'GET', url, headers: { authorization } });
  async function upload(file: Buffer): Promise<ImportPreview> {
    const { payload, headers } = await multipartUpload(file);
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/imports',
      headers: { ...headers, authorization },
      payload,
    });
    expect(response.statusCode).toBe(200);
    return response.json<ImportPreview>();
  }
  const confirm = (id: string, body: object) =>
    t.app.inject({ method: 'POST', url: `/api/imports/${id}/confirm`, headers: { authorization }, payload: body });

  it('previews it as a 自评表 with the arithmetic check, writes nothing, then confirms an approved, locked, imported record', async () => {
    const file = await pastEvaluation();
    const preview = await upload(file);
    const [sheet] = preview.forms;
    expect(sheet).toMatchObject({
      kind: 'evaluation',
      name: '往年社区宣传服务',
      year: 2019,
      indicatorCount: 4,
      action: 'needs-unit',
      amountUnit: '万元',
      problems: [],
    });
    expect(sheet.evaluation!.funds).toEqual({
      initialBudget: '213500.00',
      annualBudget: '200000.00',
      executedAmount: '180000.00',
    });
    expect(sheet.evaluation!.budget).toMatchObject({ weight: '10', printed: '9', computed: '9.00' });
    expect(sheet.evaluation!.differences).toEqual([
      { row: 11, name: '验收合格率', printed: '20', computed: '25.00', difference: '5' },
      { row: null, name: '总分', printed: '78.75', computed: '83.75', difference: '5' },
    ]);
    // Nothing written by the preview.
    const before = await get('/api/projects?year=2019&pageSize=100');
    expect(before.json<{ total: number }>().total).toBe(0);

    const unitId = tenant.organizations.get(UNIT)!;
    const response = await confirm(preview.id, {
      sheets: [{ sheet: '2019自评', include: true, organizationId: unitId }],
    });
    expect(response.statusCode).toBe(200);
    const [result] = response.json<{ forms: { outcome: string; formId: string; evaluationId: string }[] }>().forms;
    expect(result).toMatchObject({ outcome: 'created' });

    const form = (await get(`/api/forms/${result.formId}`)).json<GoalForm>();
    expect(form).toMatchObject({ year: 2019, status: 'finance_approved', locked: true, origin: 'imported' });
    expect(form.funds.annualAmount).toBe('213500.00');
    // The history says it was imported, and shows no 提交 or 审核.
    const history = (await get(`/api/forms/${result.formId}/history`)).json<FormHistoryEntry[]>();
    expect(history.filter((e) => e.kind === 'import')).toHaveLength(1);
    expect(history.some((e) => e.action === 'submit' || e.action === 'approve' || e.action === 'report')).toBe(false);

    const evaluation = (await get(`/api/evaluations/${result.evaluationId}`)).json<Evaluation>();
    expect(evaluation.status).toBe('final');
    expect(evaluation.funds).toEqual({
      initialBudget: '213500.00',
      annualBudget: '200000.00',
      executedAmount: '180000.00',
    });
    expect(evaluation.indicators.map((i) => [i.name, i.actualValue, i.printedScore, i.scored.score])).toEqual([
      ['培训次数', '3次', '18.75', '18.75'],
      ['验收合格率', '96%', '20', '25.00'],
      // Qualitative: the printed judgement kept (as 70 % of 分值 30).
      ['群众知晓度', '有所提高', '21', '21.00'],
      ['满意度', '92%', '10', '10.00'],
    ]);
    expect(evaluation.indicators[0].deviationReason).toBe('停办一次');
    expect(evaluation.score).toMatchObject({ total: '83.75', budget: { score: '9.00' } });
    expect(evaluation.imported).toMatchObject({ budgetScore: '9', total: '78.75', grade: '中' });
    expect(evaluation.imported!.differences.map((d) => [d.name, d.printed, d.computed, d.difference])).toEqual([
      ['验收合格率', '20', '25.00', '5'],
      ['总分', '78.75', '83.75', '5'],
    ]);
    const evaluationHistory = (await get(`/api/evaluations/${result.evaluationId}/history`)).json<
      EvaluationHistoryEntry[]
    >();
    expect(evaluationHistory.filter((e) => e.kind === 'import')).toHaveLength(1);

    // Locked: a save of the 自评表 is refused.
    const save = await t.app.inject({
      method: 'PUT',
      url: `/api/evaluations/${result.evaluationId}`,
      headers: { authorization },
      payload: {
        rowVersion: evaluation.rowVersion,
        funds: { annualBudget: '200000.00', executedAmount: '200000.00' },
        actualGoal: '改写',
        indicators: evaluation.indicators.map((i) => ({
          id: i.id,
          actualValue: i.actualValue,
          selfShare: i.selfShare,
          deviationReason: i.deviationReason,
        })),
      },
    });
    expect(save.statusCode).toBe(409);

    // The same file again: reported as already imported, nothing changes.
    const again = await upload(file);
    expect(again.forms[0]).toMatchObject({ kind: 'evaluation', action: 'locked', match: { formId: result.formId } });
    expect(again.forms[0].problems[0].message).toMatch(/^已导入/);
    const second = await confirm(again.id, {});
    expect(second.statusCode).toBe(200);
    expect(second.json<{ forms: unknown[] }>().forms[0]).toMatchObject({
      outcome: 'exists',
      formId: result.formId,
      evaluationId: result.evaluationId,
    });
    const after = (await get(`/api/evaluations/${result.evaluationId}`)).json<Evaluation>();
    expect(after.rowVersion).toBe(evaluation.rowVersion);
    expect((await get('/api/projects?year=2019&pageSize=100')).json<{ total: number }>().total).toBe(1);
  });

  it('reads the official export of a 自评表 back as an earlier year of the same project: the same scores, no difference', async () => {
    const chain = {
      filer: authorization,
      supervisor: (await login(t.app, 'ipe-supervisor')).authorization,
      finance: (await login(t.app, 'ipe-finance')).authorization,
    };
    const network = tenant.forms[2].id;
    await approveThroughFinance(t.app, network, chain);
    const opened = await t.app.inject({
      method: 'POST',
      url: `/api/forms/${network}/evaluation`,
      headers: { authorization },
    });
    expect(opened.statusCode).toBe(200);
    const e = opened.json<Evaluation>();
    const body: SaveEvaluationRequest = {
      rowVersion: e.rowVersion,
      funds: { annualBudget: '8927300.00', executedAmount: '8480935.00' },
      actualGoal: '系统全年稳定运行',
      indicators: e.indicators.map((i) => ({
        id: i.id,
        actualValue:
          i.target.kind === 'boolean'
            ? i.target.value
              ? '是'
              : '否'
            : i.target.kind === 'quantitative'
              ? `${i.target.value}${i.target.unit ?? ''}`
              : '已达成',
        selfShare: i.target.kind === 'qualitative' ? '0.9' : null,
        deviationReason: null,
      })),
    };
    const saved = await t.app.inject({
      method: 'PUT',
      url: `/api/evaluations/${e.id}`,
      headers: { authorization },
      payload: body,
    });
    expect(saved.statusCode).toBe(200);
    const filled = saved.json<Evaluation>();

    const exported = await get(`/api/evaluations/${e.id}/export.xlsx`);
    expect(exported.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(exported.rawPayload as unknown as ArrayBuffer);
    workbook.worksheets[0].getCell('A2').value = '（2020年度）';
    const preview = await upload(Buffer.from(await workbook.xlsx.writeBuffer()));
    const [sheet] = preview.forms;
    expect(sheet).toMatchObject({
      kind: 'evaluation',
      year: 2020,
      action: 'create',
      name: filled.projectName,
      indicatorCount: filled.indicators.length,
    });
    expect(sheet.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(sheet.evaluation!.differences).toEqual([]);
    expect(sheet.evaluation!.total).toMatchObject({ computed: filled.score.total, difference: '0' });

    const response = await confirm(preview.id, {});
    expect(response.statusCode).toBe(200);
    const [result] = response.json<{ forms: { outcome: string; formId: string; evaluationId: string }[] }>().forms;
    expect(result.outcome).toBe('created');
    const past = (await get(`/api/evaluations/${result.evaluationId}`)).json<Evaluation>();
    expect(past).toMatchObject({ year: 2020, status: 'final', projectId: filled.projectId });
    expect(past.score.total).toBe(filled.score.total);
    expect(past.imported!.differences).toEqual([]);
    expect(past.indicators.map((i) => i.scored.score)).toEqual(filled.indicators.map((i) => i.scored.score));
  });
});
