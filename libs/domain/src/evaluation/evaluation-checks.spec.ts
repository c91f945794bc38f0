import { readTarget } from '../value-grammar';
import { DEFAULT_SCORING_POLICY as P } from '../scoring/scoring-policy';
import { diffEvaluations } from './evaluation-diff';
import { checkEvaluation, scoreEvaluationContent, type EvaluationContent } from './evaluation-checks';

const indicator = (
  raw: string,
  actualValue: string | null,
  extra: Partial<EvaluationContent['indicators'][number]> = {},
) => ({
  level1Code: 'output',
  name: `指标${raw}`,
  target: readTarget(raw).target,
  weight: null,
  actualValue,
  selfShare: null,
  reviewerShare: null,
  deviationReason: null,
  ...extra,
});

const content = (over: Partial<EvaluationContent> = {}): EvaluationContent => ({
  funds: { initialBudget: '213,500.00', annualBudget: '213,500.00', executedAmount: '200,000.00' },
  actualGoal: '保障系统稳定运行',
  indicators: [indicator('>=98%', '99%'), indicator('及时', '及时', { selfShare: '0.9' })],
  ...over,
});

const check = (c: EvaluationContent) => checkEvaluation(c, scoreEvaluationContent(c, P));

describe('self-evaluation checks', () => {
  it('passes a complete evaluation and scores budget execution from amounts with separators', () => {
    const c = content();
    expect(check(c)).toEqual([]);
    expect(scoreEvaluationContent(c, P).budget).toMatchObject({ rate: '93.68', score: '9.37' });
  });

  it('names every missing field: amounts, 实际完成情况, values, bands and reasons', () => {
    const c = content({
      funds: { initialBudget: '1', annualBudget: '', executedAmount: 'abc' },
      actualGoal: ' ',
      indicators: [indicator('>=98%', ''), indicator('及时', '', {}), indicator('=2次', '1次')],
    });
    expect(check(c).map((i) => [i.field, i.code])).toEqual([
      ['funds.annualBudget', 'required'],
      ['funds.executedAmount', 'invalid_money'],
      ['actualGoal', 'required'],
      ['indicators.0.actualValue', 'required'],
      ['indicators.1.actualValue', 'required'],
      ['indicators.1.selfShare', 'required'],
      ['indicators.2.deviationReason', 'reason_required'],
    ]);
  });

  it('names the indicator in every message about it, once per field (not "请填写数值（单位：%）" seven times)', () => {
    const c = content({
      indicators: [
        indicator('>=98%', '', { name: '系统可用率' }),
        indicator('=0%', null, { name: '投诉率' }),
        indicator('及时', '', { name: '工作完成及时率' }),
        indicator('否', ' ', { name: '是否有重大事故' }),
        indicator('>=98%', '九成', { name: '修复率' }),
        indicator('=2次', '1次', { name: '培训次数' }),
        indicator('是', '95%', { name: '是否按时上线' }),
      ],
    });
    expect(check(c).map((i) => i.message)).toEqual([
      '三级指标「系统可用率」：请填写实际完成值（单位：%）',
      '三级指标「投诉率」：请填写实际完成值（单位：%）',
      '三级指标「工作完成及时率」：请填写实际完成值',
      '三级指标「工作完成及时率」：请选择完成档次并给分',
      '三级指标「是否有重大事故」：请填写实际完成值（“是”或“否”）',
      '三级指标「修复率」：实际完成值“九成”不是数值，请填写数值（单位：%）',
      '三级指标「培训次数」：未完成或超出目标较多，请填写偏差原因分析及改进措施',
      '三级指标「是否按时上线」：实际完成值“95%”不是“是”或“否”',
    ]);
  });

  it('marks what is still to fill in as blank (a to-do until 提交) and what is wrong as a plain error', () => {
    const fresh = content({
      funds: { initialBudget: '100', annualBudget: '100', executedAmount: null },
      actualGoal: null,
      indicators: [indicator('>=98%', null), indicator('及时', null), indicator('否', null)],
    });
    const issues = check(fresh);
    expect(issues.length).toBe(6);
    expect(issues.every((i) => i.severity === 'error' && i.blank === true)).toBe(true);

    const wrong = check(
      content({
        funds: { initialBudget: '0', annualBudget: '0', executedAmount: 'abc' },
        indicators: [
          indicator('=2次', '2个'),
          indicator('及时', '及时', { selfShare: '1.5' }),
          indicator('=2次', '1次'),
        ],
      }),
    );
    expect(wrong.map((i) => [i.code, i.blank])).toEqual([
      ['invalid_money', undefined],
      ['zero_budget', undefined],
      ['unscored', undefined],
      ['unscored', undefined],
      ['reason_required', undefined],
    ]);
  });

  it('warns, without blocking, when more was spent than budgeted', () => {
    const issues = check(content({ funds: { initialBudget: '100', annualBudget: '100', executedAmount: '120' } }));
    expect(issues).toEqual([
      expect.objectContaining({ field: 'funds.executedAmount', severity: 'warning', code: 'over_budget' }),
    ]);
  });

  it("warns when the policy gives an indicator's 一级指标 no weight (成本指标 as level 1)", () => {
    const issues = check(
      content({
        indicators: [
          indicator('>=98%', '99%'),
          indicator('≤90万元', '85万元', { level1Code: 'cost', level1Label: '成本指标' }),
        ],
      }),
    );
    expect(issues).toEqual([
      expect.objectContaining({
        field: 'indicators.1.weight',
        severity: 'warning',
        code: 'zero_weight',
        message: '三级指标「指标≤90万元」：评分规则未给一级指标“成本指标”设权重，此指标分值为 0',
      }),
    ]);
  });

  it('keeps the band picked at a shared edge: 部分达成 at 80 % asks for a 偏差原因, a share outside its band blocks', () => {
    const partly = content({ indicators: [indicator('及时', '基本及时', { selfShare: '0.8', selfBand: 'partly' })] });
    expect(check(partly)).toEqual([
      expect.objectContaining({ field: 'indicators.0.deviationReason', code: 'reason_required' }),
    ]);
    expect(scoreEvaluationContent(partly, P).indicators[0].rule).toBe(
      '定性（自评）：部分达成并具有一定效果 80% × 90.00',
    );
    const outside = content({
      indicators: [
        indicator('及时', '基本及时', { selfShare: '0.85', selfBand: 'partly', deviationReason: '略有延误' }),
      ],
    });
    expect(check(outside)).toEqual([
      expect.objectContaining({
        field: 'indicators.0.selfShare',
        code: 'unscored',
        message: '三级指标「指标及时」：得分比例应在 60%–80% 之间',
      }),
    ]);
  });

  it('refuses a unit that does not convert, by the value field', () => {
    const issues = check(content({ indicators: [indicator('=2次', '2个')] }));
    expect(issues).toEqual([
      expect.objectContaining({
        field: 'indicators.0.actualValue',
        message: expect.stringContaining('“个”不能换算为“次”'),
      }),
    ]);
  });
});

describe('self-evaluation diff', () => {
  it('lists each changed field with old and new values, ignoring surrounding spaces', () => {
    const before = {
      annualBudget: '100.00',
      executedAmount: null,
      actualGoal: '完成',
      indicators: [{ id: 'a', name: '系统可用率', actualValue: '99%', selfShare: null, deviationReason: null }],
    };
    const after = {
      ...before,
      executedAmount: '90.00',
      actualGoal: ' 完成 ',
      indicators: [{ ...before.indicators[0], actualValue: '97%' }],
    };
    expect(diffEvaluations(before, after)).toEqual([
      { field: 'funds.executedAmount', label: '全年执行数', before: null, after: '90.00' },
      { field: 'indicators.0.actualValue', label: '实际完成值：系统可用率', before: '99%', after: '97%' },
    ]);
  });

  // The database keeps shares as numeric(5,4) ('1.0000'), the SPA sends '1', and amounts come back as '100.00'.
  const stored = {
    annualBudget: '213500.00',
    executedAmount: '200000.00',
    actualGoal: '完成',
    indicators: [
      {
        id: 'q',
        name: '信息化程度',
        actualValue: '有所提升',
        selfShare: '1.0000',
        selfBand: 'achieved' as const,
        deviationReason: null,
      },
    ],
  };

  it('records nothing for a row saved unchanged: 1.0000 is 1, 200000.00 is 200000', () => {
    const same = { ...stored, executedAmount: '200000', indicators: [{ ...stored.indicators[0], selfShare: '1' }] };
    expect(diffEvaluations(stored, same)).toEqual([]);
  });

  it('records a changed share in percent and a changed band by its label, even at the same share', () => {
    const bands = P.qualitativeBands;
    const lower = {
      ...stored,
      indicators: [{ ...stored.indicators[0], selfShare: '0.8', selfBand: 'partly' as const }],
    };
    expect(diffEvaluations(stored, lower, bands)).toEqual([
      {
        field: 'indicators.0.selfBand',
        label: '完成档次：信息化程度',
        before: '达成年度指标',
        after: '部分达成并具有一定效果',
      },
      { field: 'indicators.0.selfShare', label: '自评得分比例：信息化程度', before: '100%', after: '80%' },
    ]);
    const atEdge = {
      ...stored,
      indicators: [{ ...stored.indicators[0], selfShare: '0.8000', selfBand: 'achieved' as const }],
    };
    const sameShare = {
      ...stored,
      indicators: [{ ...stored.indicators[0], selfShare: '0.8', selfBand: 'partly' as const }],
    };
    expect(diffEvaluations(atEdge, sameShare, bands)).toEqual([
      {
        field: 'indicators.0.selfBand',
        label: '完成档次：信息化程度',
        before: '达成年度指标',
        after: '部分达成并具有一定效果',
      },
    ]);
  });
});
