import { readTarget } from '../value-grammar';
import { DEFAULT_SCORING_POLICY as P } from '../scoring/scoring-policy';
import { diffEvaluations } from './evaluation-diff';
import { checkEvaluation, scoreEvaluationContent, type EvaluationContent } from './evaluation-checks';

const indicator = (raw: string, actualValue: string | null, extra: Partial<EvaluationContent['indicators'][number]> = {}) => ({
  level1Code: 'output',
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
      ['indicators.0.actualValue', 'unscored'],
      ['indicators.1.actualValue', 'required'],
      ['indicators.1.selfShare', 'unscored'],
      ['indicators.2.deviationReason', 'reason_required'],
    ]);
  });

  it('warns, without blocking, when more was spent than budgeted', () => {
    const issues = check(content({ funds: { initialBudget: '100', annualBudget: '100', executedAmount: '120' } }));
    expect(issues).toEqual([expect.objectContaining({ field: 'funds.executedAmount', severity: 'warning', code: 'over_budget' })]);
  });

  it('warns when the policy gives an indicator\'s 一级指标 no weight (成本指标 as level 1)', () => {
    const issues = check(content({ indicators: [indicator('>=98%', '99%'), indicator('≤90万元', '85万元', { level1Code: 'cost', level1Label: '成本指标' })] }));
    expect(issues).toEqual([expect.objectContaining({ field: 'indicators.1.weight', severity: 'warning', code: 'zero_weight', message: '评分规则未给一级指标“成本指标”设权重，此指标分值为 0' })]);
  });

  it('refuses a unit that does not convert, by the value field', () => {
    const issues = check(content({ indicators: [indicator('=2次', '2个')] }));
    expect(issues).toEqual([expect.objectContaining({ field: 'indicators.0.actualValue', message: expect.stringContaining('“个”不能换算为“次”') })]);
  });
});

describe('self-evaluation diff', () => {
  it('lists each changed field with old and new values, ignoring surrounding spaces', () => {
    const before = { annualBudget: '100.00', executedAmount: null, actualGoal: '完成', indicators: [{ id: 'a', name: '系统可用率', actualValue: '99%', selfShare: null, deviationReason: null }] };
    const after = { ...before, executedAmount: '90.00', actualGoal: ' 完成 ', indicators: [{ ...before.indicators[0], actualValue: '97%' }] };
    expect(diffEvaluations(before, after)).toEqual([
      { field: 'funds.executedAmount', label: '全年执行数', before: null, after: '90.00' },
      { field: 'indicators.0.actualValue', label: '实际完成值：系统可用率', before: '99%', after: '97%' },
    ]);
  });
});
