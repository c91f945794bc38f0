import type { FieldIssue, IndicatorInput, IndicatorSetsInput, Level1GroupInput } from '@jxt/contracts';
import { SEED_INDICATORS, TAXONOMY } from '../testing/fixtures';
import { checkIndicatorTree } from './check-indicator-tree';
import { readTarget } from '../value-grammar';
import { ISSUE_CODES } from './issues';

const ind = (name: string, rawValue: string, weight?: string | null): IndicatorInput => ({ name, rawValue, weight });
const year = (groups: Level1GroupInput[]): IndicatorSetsInput => ({ year: groups, longTerm: null });
const check = (sets: IndicatorSetsInput) => checkIndicatorTree(sets, TAXONOMY);
const brief = (issues: FieldIssue[]) => issues.map((issue) => [issue.field, issue.severity, issue.code]);

describe('checkIndicatorTree — the seed form', () => {
  it('finds nothing in seed form 1', () => {
    expect(check(SEED_INDICATORS)).toEqual([]);
  });
});

describe('checkIndicatorTree — codes and their levels', () => {
  it('refuses an unknown 一级指标 code', () => {
    const issues = check(year([{ code: 'impact', children: [{ code: 'quantity', indicators: [ind('a', '是')] }] }]));
    expect(issues).toEqual([
      {
        field: 'indicators.year.0.code',
        severity: 'error',
        code: ISSUE_CODES.unknownLevel1,
        message: '一级指标“impact”不在指标体系中',
      },
    ]);
  });

  it('says when a 二级指标 code was used as 一级指标', () => {
    const issues = check(year([{ code: 'quantity', children: [] }]));
    expect(issues[0]).toMatchObject({ field: 'indicators.year.0.code', code: ISSUE_CODES.unknownLevel1 });
    expect(issues[0].message).toBe('一级指标“quantity”不在指标体系中（“数量指标”是二级指标）');
  });

  it('refuses an unknown 二级指标 code', () => {
    const issues = check(year([{ code: 'output', children: [{ code: 'speed', indicators: [ind('a', '是')] }] }]));
    expect(issues).toEqual([
      {
        field: 'indicators.year.0.children.0.code',
        severity: 'error',
        code: ISSUE_CODES.unknownLevel2,
        message: '二级指标“speed”不在指标体系中',
      },
    ]);
  });

  it('refuses a 二级指标 under the wrong 一级指标', () => {
    const issues = check(year([{ code: 'benefit', children: [{ code: 'quantity', indicators: [ind('a', '是')] }] }]));
    expect(issues).toEqual([
      {
        field: 'indicators.year.0.children.0.code',
        severity: 'error',
        code: ISSUE_CODES.level2WrongParent,
        message: '二级指标“数量指标”不属于一级指标“效益指标”，应在“产出指标”下',
      },
    ]);
  });
});

describe('checkIndicatorTree — groups are merged cells', () => {
  it('refuses the same 一级指标 twice in one set, once, on the second occurrence', () => {
    const issues = check(
      year([
        { code: 'output', children: [{ code: 'quantity', indicators: [ind('a', '是')] }] },
        { code: 'benefit', children: [{ code: 'social', indicators: [ind('b', '是')] }] },
        { code: 'output', children: [{ code: 'quality', indicators: [ind('c', '是')] }] },
        { code: 'output', children: [{ code: 'timeliness', indicators: [ind('d', '是')] }] },
      ]),
    );
    expect(issues).toEqual([
      {
        field: 'indicators.year.2.code',
        severity: 'error',
        code: ISSUE_CODES.duplicateLevel1,
        message: '一级指标“产出指标”出现了 3 次（第 1、3、4 组），同一一级指标的内容应合并在一起',
      },
    ]);
  });

  it('refuses the same 二级指标 twice under one 一级指标', () => {
    const issues = check(
      year([
        {
          code: 'output',
          children: [
            { code: 'quantity', indicators: [ind('a', '是')] },
            { code: 'quality', indicators: [ind('b', '是')] },
            { code: 'quantity', indicators: [ind('c', '是')] },
          ],
        },
      ]),
    );
    expect(issues).toEqual([
      {
        field: 'indicators.year.0.children.2.code',
        severity: 'error',
        code: ISSUE_CODES.duplicateLevel2,
        message: '二级指标“数量指标”在“产出指标”下出现了 2 次（第 1、3 组），同一二级指标的三级指标应合并在一起',
      },
    ]);
  });

  it('allows the same 一级指标 once in each set', () => {
    const group: Level1GroupInput = { code: 'output', children: [{ code: 'quantity', indicators: [ind('a', '是')] }] };
    expect(check({ year: [group], longTerm: [group] })).toEqual([]);
  });

  it('warns for an empty 二级指标 and an empty 一级指标', () => {
    const issues = check(
      year([
        { code: 'output', children: [{ code: 'quantity', indicators: [] }] },
        { code: 'satisfaction', children: [] },
      ]),
    );
    expect(issues).toEqual([
      {
        field: 'indicators.year.0.children.0.indicators',
        severity: 'warning',
        code: ISSUE_CODES.emptyLevel2,
        message: '二级指标“数量指标”下没有三级指标',
      },
      {
        field: 'indicators.year.1.children',
        severity: 'warning',
        code: ISSUE_CODES.emptyLevel1,
        message: '一级指标“满意度指标”下没有二级指标',
      },
    ]);
  });

  it('warns when the year set is empty, but not for a missing long-term set', () => {
    expect(check({ year: [], longTerm: null })).toEqual([
      {
        field: 'indicators.year',
        severity: 'warning',
        code: ISSUE_CODES.indicatorsEmpty,
        message: '年度绩效指标未填写',
      },
    ]);
    expect(check({ year: SEED_INDICATORS.year, longTerm: [] })).toEqual([]);
  });
});

describe('checkIndicatorTree — indicators', () => {
  const inQuantity = (...indicators: IndicatorInput[]) =>
    year([{ code: 'output', children: [{ code: 'quantity', indicators }] }]);

  it('refuses a blank indicator name, saying where it is', () => {
    const issues = check(inQuantity(ind('  ', '=2次')));
    expect(issues).toEqual([
      {
        field: 'indicators.year.0.children.0.indicators.0.name',
        severity: 'error',
        code: ISSUE_CODES.indicatorNameBlank,
        message: '产出指标 / 数量指标 第 1 个三级指标名称未填写',
      },
    ]);
  });

  it('warns for a blank value and for an unrecognised one, from readTarget', () => {
    const issues = check(
      inQuantity(ind('培训次数', ''), ind('中断事故', '全年无重大中断事故'), ind('完成率', '≥ 95 %')),
    );
    expect(issues).toEqual([
      {
        field: 'indicators.year.0.children.0.indicators.0.rawValue',
        severity: 'warning',
        code: ISSUE_CODES.valueBlank,
        message: '三级指标「培训次数」：年度指标值未填写',
      },
      {
        field: 'indicators.year.0.children.0.indicators.1.rawValue',
        severity: 'warning',
        code: ISSUE_CODES.valueUnrecognised,
        message: '三级指标「中断事故」：未能识别为数值、是/否或常用定性值，按定性指标保存',
      },
    ]);
  });

  it.each(['≥abc%', '≤%', '≥ 98 %%', '80-90%', '1,00个'])(
    'flags %j, which starts like a quantity but is none, naming the indicator and the text as typed (a draft may keep it)',
    (raw) => {
      const issues = check(inQuantity(ind('投诉率', raw)));
      expect(issues).toEqual([
        {
          field: 'indicators.year.0.children.0.indicators.0.rawValue',
          severity: 'warning',
          code: ISSUE_CODES.valueInvalid,
          message: `三级指标「投诉率」：年度指标值“${raw.trim()}”${readTarget(raw).warning}`,
        },
      ]);
      expect(issues[0].message).toMatch(/^三级指标「投诉率」：年度指标值“.+”无法识别为数值：/);
    },
  );

  it.each(['2022年底前', '2023年内完成', '2022年12月底前'])('takes the time target %j without a word', (raw) => {
    expect(check(inQuantity(ind('完成时间', raw)))).toEqual([]);
  });

  it('warns for a duplicate indicator name in one 二级指标 (width and spaces ignored)', () => {
    const issues = check(
      inQuantity(ind('公众满意度', '≥90%'), ind('管理人员满意度', '≥90%'), ind(' 公众满意度 ', '≥80%')),
    );
    expect(issues).toEqual([
      {
        field: 'indicators.year.0.children.0.indicators.2.name',
        severity: 'warning',
        code: ISSUE_CODES.duplicateIndicatorName,
        message: '三级指标「公众满意度」在“产出指标 / 数量指标”下重复',
      },
    ]);
  });

  it('allows the same indicator name under different 二级指标 (the seed has 信息化程度 on two forms)', () => {
    const issues = check(
      year([
        {
          code: 'output',
          children: [
            { code: 'quantity', indicators: [ind('完成率', '=100%')] },
            { code: 'quality', indicators: [ind('完成率', '=100%')] },
          ],
        },
      ]),
    );
    expect(issues).toEqual([]);
  });

  it.each(['10', '0', '2.5', '１０', ' 5 '])('accepts the weight %j', (weight) => {
    expect(check(inQuantity(ind('完成率', '=100%', weight)))).toEqual([]);
  });

  it.each([null, undefined, '', '  '])('accepts no weight (%j)', (weight) => {
    expect(check(inQuantity(ind('完成率', '=100%', weight)))).toEqual([]);
  });

  it.each(['-1', 'abc', '10分', '1e2', '.5'])('refuses the weight %j', (weight) => {
    expect(brief(check(inQuantity(ind('完成率', '=100%', weight))))).toEqual([
      ['indicators.year.0.children.0.indicators.0.weight', 'error', ISSUE_CODES.weightInvalid],
    ]);
  });

  it('names the weight by its label and the value given', () => {
    expect(check(inQuantity(ind('完成率', '=100%', '-1')))[0].message).toBe(
      '三级指标「完成率」的分值应为不小于 0 的数字，不能是“-1”',
    );
  });
});

describe('checkIndicatorTree — the long-term set', () => {
  it('checks it with its own paths and a 长期绩效指标 prefix', () => {
    const issues = check({
      year: SEED_INDICATORS.year,
      longTerm: [{ code: 'output', children: [{ code: 'quantity', indicators: [ind('', '')] }] }],
    });
    expect(brief(issues)).toEqual([
      ['indicators.longTerm.0.children.0.indicators.0.name', 'error', ISSUE_CODES.indicatorNameBlank],
      ['indicators.longTerm.0.children.0.indicators.0.rawValue', 'warning', ISSUE_CODES.valueBlank],
    ]);
    expect(issues[0].message).toBe('长期绩效指标：产出指标 / 数量指标 第 1 个三级指标名称未填写');
    expect(issues[1].message).toBe('长期绩效指标：产出指标 / 数量指标 第 1 个三级指标：年度指标值未填写');
  });
});

describe('checkIndicatorTree — a tenant taxonomy with 成本指标 at level 1 (2021 guidance)', () => {
  it('reads codes from the data it is given, not from a fixed list', () => {
    const taxonomy2021 = [
      ...TAXONOMY.filter((node) => node.code !== 'cost'),
      { code: 'cost', label: '成本指标', level: 1 as const, parentCode: null, sortOrder: 4, retired: false },
      {
        code: 'economic_cost',
        label: '经济成本指标',
        level: 2 as const,
        parentCode: 'cost',
        sortOrder: 1,
        retired: false,
      },
    ];
    const sets = year([
      { code: 'cost', children: [{ code: 'economic_cost', indicators: [ind('单位成本', '≤90万元')] }] },
    ]);
    expect(checkIndicatorTree(sets, taxonomy2021)).toEqual([]);
    expect(brief(checkIndicatorTree(sets, TAXONOMY))).toEqual([
      ['indicators.year.0.code', 'error', ISSUE_CODES.unknownLevel1],
      ['indicators.year.0.children.0.code', 'error', ISSUE_CODES.unknownLevel2],
    ]);
  });
});

describe('checkIndicatorTree — at most 500 三级指标 per form', () => {
  const many = (count: number, longTerm = 0): IndicatorSetsInput => ({
    year: [
      {
        code: 'output',
        children: [{ code: 'quantity', indicators: Array.from({ length: count }, (_, i) => ind(`指标${i}`, '是')) }],
      },
    ],
    longTerm: longTerm
      ? [
          {
            code: 'output',
            children: [
              { code: 'quantity', indicators: Array.from({ length: longTerm }, (_, i) => ind(`长期${i}`, '是')) },
            ],
          },
        ]
      : null,
  });

  it('takes 500', () => {
    expect(check(many(500)).filter((issue) => issue.code === ISSUE_CODES.tooManyIndicators)).toEqual([]);
  });

  it('refuses 501, both sets counted, with one error naming the indicators and nothing else', () => {
    expect(check(many(400, 101))).toEqual([
      {
        field: 'indicators',
        severity: 'error',
        code: ISSUE_CODES.tooManyIndicators,
        message: '每张表最多 500 个三级指标，现有 501 个，请删减',
      },
    ]);
    expect(check(many(3_600))).toHaveLength(1);
  });
});
