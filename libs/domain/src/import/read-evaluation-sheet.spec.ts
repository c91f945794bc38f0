import { DEFAULT_SCORING_POLICY } from '../scoring/scoring-policy';
import { TAXONOMY } from '../testing/fixtures';
import { compareWithPrinted, isEvaluationSheet, printedShare, readEvaluationSheet } from './read-evaluation-sheet';
import type { SheetGrid } from './read-goal-sheet';

const LOOKUPS = { taxonomy: TAXONOMY, categories: [], functionClasses: [] };

/** The official 自评表 layout as the exporter writes it (evaluation-workbook.ts). */
const OFFICIAL: SheetGrid = [
  ['财政项目支出绩效自评表', '', '', '', '', '', '', '', ''],
  ['（2023年度）', '', '', '', '', '', '', '', ''],
  ['项目名称', '市民服务', '', '', '', '', '', '', ''],
  ['主管部门', '区科技创新服务中心', '', '', '实施单位', '区科委', '', '', ''],
  ['项目资金\n（元）', '年初预算数', '', '全年预算数', '全年执行数', '', '分值', '执行率', '得分'],
  ['', '213500', '', '200000', '180000', '', '10', '90%', '9'],
  ['年度总体目标', '预期目标', '', '', '', '实际完成情况', '', '', ''],
  ['', '做好宣传', '', '', '', '已完成宣传', '', '', ''],
  [
    '绩效指标',
    '一级指标',
    '二级指标',
    '三级指标',
    '年度指标值',
    '实际完成值',
    '分值',
    '得分',
    '偏差原因分析及改进措施',
  ],
  ['', '产出指标', '数量指标', '培训次数', '≥4次', '3次', '25', '18.75', '疫情停办一次'],
  ['', '', '质量指标', '验收合格率', '≥95%', '96%', '25', '20', ''],
  ['', '效益指标', '社会效益指标', '群众知晓度', '明显提高', '提高\n完成档次：部分达成', '30', '21', '宣传不足'],
  ['', '满意度指标', '服务对象满意度指标', '满意度', '≥90%', '92%', '10', '10', ''],
  ['总分', '', '', '', '', '', '100', '78.75', '自评等级：中'],
];

describe('readEvaluationSheet', () => {
  it('knows a 自评表 by its title', () => {
    expect(isEvaluationSheet(OFFICIAL)).toBe(true);
    expect(isEvaluationSheet([['财政项目支出绩效目标填报表']])).toBe(false);
  });

  it('reads the header, the amounts with the printed 预算执行率 分值/得分, and each row as printed', () => {
    const read = readEvaluationSheet('自评', OFFICIAL, LOOKUPS);
    expect(read.problems).toEqual([]);
    expect(read.year).toBe(2023);
    expect(read.form.project).toMatchObject({
      name: '市民服务',
      printedDepartment: '区科技创新服务中心',
      printedImplementingUnit: '区科委',
    });
    expect(read.funds).toEqual({ initialBudget: '213500.00', annualBudget: '200000.00', executedAmount: '180000.00' });
    expect(read.form.funds.annualAmount).toBe('213500.00');
    expect(read.form.annualGoal).toBe('做好宣传');
    expect(read.actualGoal).toBe('已完成宣传');
    expect([read.printedBudgetWeight, read.printedBudgetScore, read.printedTotal, read.printedGrade]).toEqual([
      '10',
      '9',
      '78.75',
      '中',
    ]);
    expect(
      read.rows.map((r) => [r.row, r.level1Code, r.level2Code, r.name, r.rawTarget, r.actualValue, r.weight, r.score]),
    ).toEqual([
      [10, 'output', 'quantity', '培训次数', '≥4次', '3次', '25', '18.75'],
      [11, 'output', 'quality', '验收合格率', '≥95%', '96%', '25', '20'],
      [12, 'benefit', 'social', '群众知晓度', '明显提高', '提高\n完成档次：部分达成', '30', '21'],
      [13, 'satisfaction', 'service_satisfaction', '满意度', '≥90%', '92%', '10', '10'],
    ]);
    expect(read.rows[0].deviationReason).toBe('疫情停办一次');
    expect(read.form.indicators.year[0].children[0].indicators[0]).toMatchObject({ name: '培训次数', weight: '25' });
  });

  it('reads amounts in 万元, level names with points and a 得分 that is not a number as a problem at its cell', () => {
    const grid = OFFICIAL.map((row) => [...row]);
    grid[4][0] = '项目资金（万元）';
    grid[5] = ['', '21.35', '', '20', '18', '', '10', '90%', '9'];
    grid[9][1] = '产出指标(50分)';
    grid[10][7] = '二十';
    const read = readEvaluationSheet('自评', grid, LOOKUPS);
    expect(read.funds).toEqual({ initialBudget: '213500.00', annualBudget: '200000.00', executedAmount: '180000.00' });
    expect(read.rows[0].level1Code).toBe('output');
    expect(read.rows[1].score).toBeNull();
    expect(read.problems).toEqual([
      expect.objectContaining({ row: 11, column: 'H', severity: 'error', message: '“验收合格率”的得分“二十”不是数字' }),
    ]);
  });
});

describe('compareWithPrinted', () => {
  it('recomputes the quantitative rows and 预算执行率 from the printed 分值, keeps the qualitative score, lists each difference', () => {
    const read = readEvaluationSheet('自评', OFFICIAL, LOOKUPS);
    const c = compareWithPrinted(read, DEFAULT_SCORING_POLICY);
    expect(c.budget).toMatchObject({ printed: '9', computed: '9.00', rate: '90.00', difference: '0' });
    expect(c.rows.map((r) => [r.name, r.printed, r.computed, r.difference, r.qualitative])).toEqual([
      ['培训次数', '18.75', '18.75', '0', false],
      // 96% ≥ 95%: full 分值, the sheet printed 20.
      ['验收合格率', '20', '25.00', '5', false],
      // A judgement: kept as printed.
      ['群众知晓度', '21', '21', '0', true],
      ['满意度', '10', '10.00', '0', false],
    ]);
    expect(c.total).toEqual({ printed: '78.75', computed: '83.75', difference: '5' });
    expect(c.differences).toEqual([
      { row: 11, name: '验收合格率', printed: '20', computed: '25.00', difference: '5' },
      { row: null, name: '总分', printed: '78.75', computed: '83.75', difference: '5' },
    ]);
  });

  it("scores 预算执行率 with the printed 分值, not the policy's", () => {
    const read = readEvaluationSheet('自评', OFFICIAL, LOOKUPS);
    const c = compareWithPrinted(
      { ...read, printedBudgetWeight: '20', printedBudgetScore: '18' },
      DEFAULT_SCORING_POLICY,
    );
    expect(c.budget).toMatchObject({ printed: '18', computed: '18.00', difference: '0' });
  });

  it('turns a kept qualitative score into its share of 分值', () => {
    expect(printedShare('21', '30')).toBe('0.7');
    expect(printedShare('2', '3')).toBe('0.6667');
    expect(printedShare(null, '30')).toBeNull();
  });
});
