import { TAXONOMY } from '../testing/fixtures';
import {
  amountToYuan,
  composeValue,
  findSheetYear,
  printedValueCells,
  readGoalSheet,
  type SheetGrid,
} from './read-goal-sheet';

const LOOKUPS = {
  taxonomy: TAXONOMY,
  categories: [
    { code: 'recurring', label: '经常性项目' },
    { code: 'one_off', label: '一次性项目' },
  ],
  functionClasses: [
    { code: '20601', label: '科学技术管理事务' },
    { code: '2060103', label: '机关服务' },
  ],
};

/** The official layout as the exporter writes it (form-workbook.ts): merged cells' other cells are ''. */
const OFFICIAL: SheetGrid = [
  ['财政项目支出绩效目标填报表', '', '', '', '', ''],
  ['（2021年度）', '', '', '', '', ''],
  ['项目名称', '市民服务', '', '', '项目类别', '经常性项目'],
  ['新增/延续', '', '', '', '功能分类科目', '机关服务'],
  ['主管部门', '上海市松江区科技创新服务中心', '', '', '实施单位', ''],
  ['计划开始日期', '2021-01-01', '', '', '计划完成日期', '2021-12-31'],
  ['项目资金\n（元）', '项目资金总额', '213500', '', '年度资金申请总额', '213500'],
  ['', '其中：财政资金', '213500', '', '其中：当年财政拨款', '213500'],
  ['', '', '', '', '上年结转资金', '0'],
  ['', '其他资金', '0', '', '其他资金', '0.5'],
  ['项目绩效目标', '项目总目标\n（2021 年- 2021年）', '', '', '年度总目标', ''],
  ['', '1、完成设备维保。\n2、做好培训宣传。', '', '', '到2021年末做好宣传', ''],
  ['绩效指标', '一级指标', '二级指标', '三级指标', '', '年度指标值'],
  ['', '产出指标', '数量指标', '制作告知单完成率', '', '=100%'],
  ['', '', '', '培训次数', '', '=2次'],
  ['', '', '质量指标', '工作完成通过率', '', '=100%'],
  ['', '效益指标', '社会效益指标', '企业满意度', '', '≥90%'],
  ['', '', '', '', '', ''],
  ['填报人：张三\u3000\u3000联系电话：123', '', '', '', '', ''],
];

describe('readGoalSheet: the official layout (issue 13 point 2)', () => {
  const read = readGoalSheet('绩效目标填报表', OFFICIAL, LOOKUPS);

  it('reads the header, the seven amounts in 元 and the goals by their labels', () => {
    expect(read.problems).toEqual([]);
    expect(read.year).toBe(2021);
    expect(read.amountUnit).toBe('元');
    expect(read.form.project).toEqual({
      code: '',
      name: '市民服务',
      categoryCode: 'recurring',
      continuity: null,
      functionClassCode: '2060103',
      printedDepartment: '上海市松江区科技创新服务中心',
      printedImplementingUnit: null,
      plannedStart: '2021-01-01',
      plannedEnd: '2021-12-31',
    });
    expect(read.form.funds).toEqual({
      totalAmount: '213500.00',
      fiscalAmount: '213500.00',
      otherAmount: '0.00',
      annualAmount: '213500.00',
      annualFiscalAmount: '213500.00',
      carryOverAmount: '0.00',
      annualOtherAmount: '0.50',
    });
    expect(read.form.totalGoal).toBe('1、完成设备维保。\n2、做好培训宣传。');
    expect(read.form.annualGoal).toBe('到2021年末做好宣传');
    expect([read.form.goalPeriodStart, read.form.goalPeriodEnd]).toEqual([2021, 2021]);
  });

  it('reads the indicator table, merged 一级/二级 cells repeating the one above, up to the filer line', () => {
    expect(read.form.indicators).toEqual({
      year: [
        {
          code: 'output',
          children: [
            {
              code: 'quantity',
              indicators: [
                { name: '制作告知单完成率', rawValue: '=100%' },
                { name: '培训次数', rawValue: '=2次' },
              ],
            },
            { code: 'quality', indicators: [{ name: '工作完成通过率', rawValue: '=100%' }] },
          ],
        },
        { code: 'benefit', children: [{ code: 'social', indicators: [{ name: '企业满意度', rawValue: '≥90%' }] }] },
      ],
      longTerm: null,
    });
  });

  it('finds the blocks wherever they are: two rows and a column further on', () => {
    const shifted = [['某区财政局', '', ''], ['', '', ''], ...OFFICIAL.map((row) => ['', ...row])];
    const moved = readGoalSheet('s', shifted, LOOKUPS);
    expect(moved.form).toEqual(read.form);
    expect(moved.problems).toEqual([]);
  });
});

/**
 * Another region's layout: 项目编码, amounts in 万元 under 金额（万元）, goals prefixed 目标1:, levels with their points,
 * 指标1: prefixes, separate 指标性质/指标值/度量单位 columns, 分值 and 评分细则, a 长期 and a 年度 block.
 */
const REGIONAL: SheetGrid = [
  ['2022年度项目支出绩效目标申报表'],
  ['项目名称：', '智慧园区平台运维', '项目编码', '2022-KCZX-009'],
  ['主管部门', '区科委', '实施单位', '区大数据中心'],
  ['项目类别', '一次性项目', '项目期限', '一年'],
  ['资金情况', '金额（万元）'],
  ['资金总额', '1059.08', '年度资金总额', '120.5'],
  ['其中：财政资金', '1059.08', '其中：当年财政拨款', '100.4321'],
  ['其他资金', '0', '上年结转资金', '20.0679'],
  ['', '', '其他资金', '0'],
  ['总体目标', '目标1：建成平台\n目标2：稳定运行'],
  ['年度目标', '目标1：平台全年可用'],
  ['长期绩效指标'],
  ['一级指标', '二级指标', '三级指标', '指标性质', '指标值', '度量单位', '分值', '评分细则'],
  ['产出指标(50分)', '数量指标(20分)', '指标1：接入企业数', '≥', '500', '家', '20', '每少10家扣1分'],
  ['效益指标（30分）', '社会效益指标', '指标2：平台可用率', '正向', '99.9', '%', '30', ''],
  ['年度绩效指标'],
  ['一级指标', '二级指标', '三级指标', '指标性质', '指标值', '度量单位', '分值', '评分细则'],
  ['产出指标(50分)', '数量指标', '指标1：巡检次数', '=', '12', '次', '10', '少一次扣1分'],
  ['', '时效指标', '指标2：故障响应时间', '反向', '4', '小时', '10', ''],
  ['', '成本指标', '指标3：运维成本', '≤', '120.5', '万元', '10', ''],
  ['满意度指标', '服务对象满意度指标', '指标4：用户满意度', '定性', '满意', '', '20', ''],
];

describe('readGoalSheet: a regional layout in 万元 with separate value columns (issue 13 point 2)', () => {
  const read = readGoalSheet('智慧园区', REGIONAL, LOOKUPS);

  it('keeps 万元 amounts exact in 元 by shifting the printed digits, and says the sheet printed 万元', () => {
    expect(read.amountUnit).toBe('万元');
    expect(read.form.funds).toEqual({
      totalAmount: '10590800.00',
      fiscalAmount: '10590800.00',
      otherAmount: '0.00',
      annualAmount: '1205000.00',
      annualFiscalAmount: '1004321.00',
      carryOverAmount: '200679.00',
      annualOtherAmount: '0.00',
    });
  });

  it('reads the header from label: value and label | value cells, and strips 目标1: from the goals', () => {
    expect(read.year).toBe(2022);
    expect(read.form.project).toMatchObject({
      code: '2022-KCZX-009',
      name: '智慧园区平台运维',
      categoryCode: 'one_off',
      printedDepartment: '区科委',
      printedImplementingUnit: '区大数据中心',
    });
    expect(read.form.totalGoal).toBe('建成平台\n稳定运行');
    expect(read.form.annualGoal).toBe('平台全年可用');
    expect(read.problems).toEqual([]);
  });

  it('composes the value the grammar reads from 指标性质, 指标值 and 度量单位, in the 长期 and 年度 sets', () => {
    expect(read.form.indicators.longTerm).toEqual([
      {
        code: 'output',
        children: [
          {
            code: 'quantity',
            indicators: [
              {
                name: '接入企业数',
                rawValue: '≥500家',
                nature: '≥',
                measureUnit: '家',
                weight: '20',
                scoringNotes: '每少10家扣1分',
              },
            ],
          },
        ],
      },
      {
        code: 'benefit',
        children: [
          {
            code: 'social',
            indicators: [
              {
                name: '平台可用率',
                rawValue: '≥99.9%',
                nature: '正向',
                measureUnit: '%',
                weight: '30',
                scoringNotes: null,
              },
            ],
          },
        ],
      },
    ]);
    const year = read.form.indicators.year.flatMap((g1) =>
      g1.children.flatMap((g2) => g2.indicators.map((i) => [g1.code, g2.code, i.name, i.rawValue, i.weight])),
    );
    expect(year).toEqual([
      ['output', 'quantity', '巡检次数', '=12次', '10'],
      ['output', 'timeliness', '故障响应时间', '≤4小时', '10'],
      ['output', 'cost', '运维成本', '≤120.5万元', '10'],
      ['satisfaction', 'service_satisfaction', '用户满意度', '满意', '20'],
    ]);
  });

  it('stores each indicator’s printed 指标性质 and 度量单位 with it (a blank cell as null)', () => {
    const year = read.form.indicators.year.flatMap((g1) =>
      g1.children.flatMap((g2) => g2.indicators.map((i) => [i.name, i.nature, i.measureUnit])),
    );
    expect(year).toEqual([
      ['巡检次数', '=', '次'],
      ['故障响应时间', '反向', '小时'],
      ['运维成本', '≤', '万元'],
      ['用户满意度', '定性', null],
    ]);
    // The official layout has no such columns: nothing is set, so an update keeps what the draft has.
    const official = readGoalSheet('s', OFFICIAL, LOOKUPS).form.indicators.year[0].children[0].indicators[0];
    expect(official).not.toHaveProperty('nature');
    expect(official).not.toHaveProperty('measureUnit');
  });

  it('keeps each indicator’s printed 指标性质 and 度量单位 beside the composed value', () => {
    expect(read.indicatorSources.map((s) => [s.set, s.name, s.nature, s.value, s.unit, s.row])).toEqual([
      ['longTerm', '接入企业数', '≥', '500', '家', 14],
      ['longTerm', '平台可用率', '正向', '99.9', '%', 15],
      ['year', '巡检次数', '=', '12', '次', 18],
      ['year', '故障响应时间', '反向', '4', '小时', 19],
      ['year', '运维成本', '≤', '120.5', '万元', 20],
      ['year', '用户满意度', '定性', '满意', '', 21],
    ]);
  });
});

describe('readGoalSheet: problems by sheet, row and column (issue 13 point 3)', () => {
  const grid: SheetGrid = [
    ['（2022年度）'],
    ['项目名称', '测试项目'],
    ['项目资金（万元）', '项目资金总额', '12.3456789', '年度资金申请总额', '十万'],
    ['计划开始日期', '2022-02-30'],
    ['一级指标', '二级指标', '三级指标', '指标值'],
    ['产出指标', '数量指标', '完成数', '≥abc%'],
    ['', '环境指标', '绿化率', '≥30%'],
    ['', '质量指标', '合格率', '很好'],
    ['品牌指标', '知名度', '美誉度', '高'],
  ];
  const read = readGoalSheet('第3张', grid, LOOKUPS);

  it('names each cell it could not take, never rounds, and keeps an unreadable value as typed with a warning', () => {
    expect(read.problems).toEqual([
      {
        sheet: '第3张',
        row: 4,
        column: 'B',
        severity: 'error',
        message: '计划开始日期“2022-02-30”不是日期，未带入',
      },
      {
        sheet: '第3张',
        row: 3,
        column: 'C',
        severity: 'error',
        message: '项目资金总额“12.3456789”万元超过 6 位小数（不足 1 分），未带入，请核对',
      },
      { sheet: '第3张', row: 3, column: 'E', severity: 'error', message: '年度资金申请总额“十万”不是金额数字' },
      {
        sheet: '第3张',
        row: 6,
        column: 'D',
        severity: 'warning',
        message: expect.stringMatching(/^“完成数”的指标值“≥abc%”无法识别：.+（按原样保留）$/) as unknown as string,
      },
      {
        sheet: '第3张',
        row: 7,
        column: 'B',
        severity: 'error',
        message: '二级指标“环境指标”不属于产出指标，其下指标未带入',
      },
      {
        sheet: '第3张',
        row: 9,
        column: 'A',
        severity: 'error',
        message: '一级指标“品牌指标”不在本年度指标体系中，其下指标未带入',
      },
    ]);
    expect(read.form.funds.totalAmount).toBeNull();
    expect(read.form.project.plannedStart).toBeNull();
    expect(read.form.indicators.year).toEqual([
      {
        code: 'output',
        children: [
          { code: 'quantity', indicators: [{ name: '完成数', rawValue: '≥abc%' }] },
          { code: 'quality', indicators: [{ name: '合格率', rawValue: '很好' }] },
        ],
      },
    ]);
  });

  it('reports a sheet without a year or a 项目名称', () => {
    expect(readGoalSheet('空表', [['说明'], ['本表无内容']], LOOKUPS).problems).toEqual([
      { sheet: '空表', row: 1, column: 'A', severity: 'error', message: '未找到年度（如标题下的“（2021年度）”）' },
      { sheet: '空表', row: 1, column: 'A', severity: 'error', message: '未找到项目名称' },
    ]);
  });
});

describe('readGoalSheet: the printed unit', () => {
  it('takes 单位：万元 for the sheet, a label printing its own unit overrides it, and amounts under their headings', () => {
    const read = readGoalSheet(
      's',
      [
        ['（2023年度）'],
        ['项目名称', '甲'],
        ['', '', '单位：万元'],
        ['项目资金总额', '年度资金申请总额', '上年结转资金（元）'],
        ['12.5', '2.25', '1500.5'],
      ],
      LOOKUPS,
    );
    expect(read.amountUnit).toBe('万元');
    expect(read.problems).toEqual([]);
    expect([read.form.funds.totalAmount, read.form.funds.annualAmount, read.form.funds.carryOverAmount]).toEqual([
      '125000.00',
      '22500.00',
      '1500.50',
    ]);
  });
});

describe('amountToYuan and composeValue', () => {
  it.each([
    ['1059.08', '万元', '10590800.00'],
    ['0.000001', '万元', '0.01'],
    ['1,234.5', '万元', '12345000.00'],
    ['１２', '万元', '120000.00'],
    ['213500', '元', '213500.00'],
    ['1,450,000.00', '元', '1450000.00'],
  ] as const)('%s %s → %s 元', (typed, unit, yuan) => {
    expect(amountToYuan(typed, unit, '金额')).toEqual({ ok: true, value: yuan });
  });

  it.each([
    ['0.0000001', '万元'],
    ['213500.005', '元'],
    ['-5', '万元'],
    ['abc', '元'],
  ] as const)('%s %s is a problem, not a rounding', (typed, unit) => {
    expect(amountToYuan(typed, unit, '金额').ok).toBe(false);
  });

  it.each([
    ['≥', '90', '%', '≥90%'],
    ['>=', '90', '%', '≥90%'],
    ['≤', '30', '天', '≤30天'],
    ['正向', '95', '%', '≥95%'],
    ['反向', '5', '%', '≤5%'],
    ['=', '2', '次', '=2次'],
    ['定性', '及时', '', '及时'],
    ['定性', '是', null, '是'],
    ['≥', '≥90%', '%', '≥90%'],
    ['', '100', '个', '100个'],
    [null, '达标', '', '达标'],
    ['≥', '', '%', ''],
  ] as const)('%s | %s | %s → %s', (nature, value, unit, composed) => {
    expect(composeValue(nature, value, unit)).toBe(composed);
  });

  it('says so when 指标性质 is a word it does not know', () => {
    const warnings: string[] = [];
    expect(composeValue('越高越好', '90', '%', (m) => warnings.push(m))).toBe('90%');
    expect(warnings).toEqual(['指标性质“越高越好”无法识别，未并入指标值']);
  });

  it('finds the year in a title or beside a 年度 label', () => {
    expect(findSheetYear([['2023年度项目绩效目标表']])).toBe(2023);
    expect(findSheetYear([['填报年度', '', '2024']])).toBe(2024);
    expect(findSheetYear([['无年份']])).toBeNull();
  });
});

describe('printedValueCells: a stored indicator back in separate 指标性质/指标值/度量单位 cells', () => {
  it('takes out the operator and unit the printed cells add, so that they compose back to the stored value', () => {
    const cases: [string | null, string, string | null, [string, string, string]][] = [
      ['≥', '≥500家', '家', ['≥', '500', '家']],
      ['正向', '≥99.9%', '%', ['正向', '99.9', '%']],
      ['反向', '≤4小时', '小时', ['反向', '4', '小时']],
      ['=', '=12次', '次', ['=', '12', '次']],
      ['定性', '满意', null, ['定性', '满意', '']],
      ['≥', '≥90%', null, ['≥', '90%', '']],
      [null, '≤120.5万元', '万元', ['', '≤120.5', '万元']],
      ['越高越好', '95%', '%', ['越高越好', '95', '%']],
      ['≥', '', '%', ['≥', '', '%']],
    ];
    for (const [nature, rawValue, unit, cells] of cases) {
      const printed = printedValueCells(nature, rawValue, unit);
      expect([printed.nature, printed.value, printed.unit]).toEqual(cells);
      expect(composeValue(printed.nature, printed.value, printed.unit)).toBe(rawValue);
    }
  });

  it('prints a value edited since so that the cells no longer fit it whole, with the other two blank', () => {
    // 500 beside ≥ and 家 would read back as ≥500家.
    expect(printedValueCells('≥', '500', '家')).toEqual({ nature: '', value: '500', unit: '' });
    // ≤5% under ≥ keeps its own operator and reads back as typed.
    const edited = printedValueCells('≥', '≤5%', '%');
    expect(composeValue(edited.nature, edited.value, edited.unit)).toBe('≤5%');
  });
});
