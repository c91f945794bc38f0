import type { ParsedTarget } from '@jxt/contracts';
import { readTarget } from '../value-grammar';
import {
  indicatorWeights,
  scoreEvaluation,
  scoreIndicator,
  validatePolicy,
  type IndicatorToScore,
} from './score-evaluation';
import { DEFAULT_SCORING_POLICY as P, type ScoringPolicy } from './scoring-policy';
import { convertUnit } from './units';

const t = (raw: string): ParsedTarget => readTarget(raw).target;
const one = (raw: string, actual: string, extra: Partial<IndicatorToScore> = {}, policy: ScoringPolicy = P) =>
  scoreIndicator({ level1Code: 'output', target: t(raw), actual, ...extra }, '10', policy);

describe('scoring: forward (≥, >)', () => {
  it('gives full 分值 at B = A and above, and B / A × 分值 just under', () => {
    expect(one('>=90%', '90%').score).toBe('10.00');
    expect(one('>=90%', '95%').score).toBe('10.00');
    expect(one('>=90%', '89.99%')).toMatchObject({ score: '10.00', needsReason: true });
    expect(one('>=90%', '45%')).toMatchObject({
      score: '5.00',
      rule: '正向：B / A × 分值 = 45 / 90 × 10',
      needsReason: true,
    });
  });

  it("needs a reason for a miss only below the policy's miss threshold (any miss by default)", () => {
    const lenient: ScoringPolicy = { ...P, missThreshold: '0.9' };
    expect(one('>=90%', '85.5%', {}, lenient)).toMatchObject({ score: '9.50', needsReason: false });
    expect(one('>=90%', '80%', {}, lenient)).toMatchObject({ needsReason: true, reasonMissing: true });
    expect(one('≤4小时', '5小时', {}, lenient)).toMatchObject({ score: '8.00', needsReason: true });
    expect(one('否', '是', {}, lenient)).toMatchObject({ needsReason: true });
    expect(one('>=90%', '89.99%')).toMatchObject({ needsReason: true });
  });

  it('needs no reason when met, but one when B over-shoots A by the policy ratio (130 %)', () => {
    expect(one('≥100个', '130个')).toMatchObject({ needsReason: false });
    expect(one('≥100个', '131个')).toMatchObject({ needsReason: true, reasonMissing: true, score: '10.00' });
    expect(one('≥100个', '131个', { deviationReason: '需求增加' })).toMatchObject({ reasonMissing: false });
  });
});

describe('scoring: reverse (≤, <), both formulas', () => {
  const linear: ScoringPolicy = { ...P, reverseFormula: 'linear' };
  it('gives full 分值 at B = A', () => {
    expect(one('≤90万元', '90万元').score).toBe('10.00');
    expect(one('≤90万元', '90万元', {}, linear).score).toBe('10.00');
  });
  it('A / B × 分值 by default, and (1 − (B − A) / A) × 分值 as the other option', () => {
    expect(one('≤4小时', '5小时')).toMatchObject({ score: '8.00', rule: '反向：A / B × 分值 = 4 / 5 × 10' });
    expect(one('≤4小时', '5小时', {}, linear).score).toBe('7.50');
  });
  it('gives 0 from B = 2A under the linear formula, half under the ratio formula', () => {
    expect(one('≤4小时', '8小时', {}, linear).score).toBe('0.00');
    expect(one('≤4小时', '9小时', {}, linear).score).toBe('0.00');
    expect(one('≤4小时', '8小时').score).toBe('5.00');
  });
  it('treats B just over A as a small loss', () => {
    expect(one('≤4小时', '4.04小时').score).toBe('9.90');
  });
});

describe('scoring: equals and A = 0', () => {
  it('scores = like forward', () => {
    expect(one('=100%', '100%').score).toBe('10.00');
    expect(one('=2次', '1次').score).toBe('5.00');
  });
  it('gives full 分值 for A = 0 only when B ≤ 0', () => {
    expect(one('=0%', '0%')).toMatchObject({ score: '10.00', needsReason: false });
    expect(one('=0%', '0.5%')).toMatchObject({ score: '0.00', needsReason: true });
  });
});

describe('scoring: boolean and qualitative', () => {
  it('scores 是/否 all or nothing and refuses a number', () => {
    expect(one('否', '否').score).toBe('10.00');
    expect(one('否', '是')).toMatchObject({ score: '0.00', needsReason: true });
    expect(one('是', '95%').error).toBe('请填写“是”或“否”');
  });
  it('lets the unit score itself inside a band and the reviewer replace it', () => {
    expect(one('提升', '有所提升', { selfShare: '0.9' })).toMatchObject({ score: '9.00', needsReason: false });
    expect(one('提升', '有所提升', { selfShare: '0.9', reviewerShare: '0.7' })).toMatchObject({
      score: '7.00',
      needsReason: false,
    });
    expect(one('提升', '略有提升', { selfShare: '0.7' })).toMatchObject({
      score: '7.00',
      needsReason: true,
      reasonMissing: true,
    });
    expect(one('及时', '', {}).error).toBe('请选择完成档次并给分');
  });
  it('grades a time target (2022年底前) and an invalid target a form still carries by band, never by a formula', () => {
    expect(one('2022年底前', '2022年11月完成', { selfShare: '0.9' })).toMatchObject({ score: '9.00', error: null });
    expect(t('≥abc%').kind).toBe('invalid');
    expect(one('≥abc%', '', { selfShare: '0.8' })).toMatchObject({ score: '8.00', error: null });
  });
});

describe('scoring: the 完成档次 picked is the one scored, at every boundary', () => {
  const w = (share: string) => (Number(share) * 10).toFixed(2);
  // [band picked, share, label in the rule, needs a 偏差原因]
  const picked: ['achieved' | 'partly' | 'missed', string, string, boolean][] = [
    ['achieved', '1', '达成年度指标', false],
    ['achieved', '0.8', '达成年度指标', false],
    ['partly', '0.8', '部分达成并具有一定效果', true],
    ['partly', '0.6', '部分达成并具有一定效果', true],
    ['missed', '0.6', '未达成且效果较差', true],
    ['missed', '0', '未达成且效果较差', true],
  ];
  it.each(picked)('自评 %s at %s reads back as %s', (band, share, label, needsReason) => {
    const scored = one('提升', '有所提升', { selfShare: share, selfBand: band });
    expect(scored).toMatchObject({ score: w(share), needsReason, error: null });
    expect(scored.rule).toBe(`定性（自评）：${label} ${Number(share) * 100}% × 10`);
  });
  it.each(picked)('复核 %s at %s reads back as %s', (band, share, label) => {
    const scored = one('提升', '有所提升', {
      selfShare: '0.9',
      selfBand: 'achieved',
      reviewerShare: share,
      reviewerBand: band,
    });
    expect(scored).toMatchObject({ score: w(share), needsReason: false, error: null });
    expect(scored.rule).toBe(`定性（复核）：${label} ${Number(share) * 100}% × 10`);
  });
  it('refuses a share just outside the band picked, on both sides of every edge', () => {
    expect(one('提升', '有所提升', { selfShare: '0.8001', selfBand: 'partly' })).toMatchObject({
      score: '0.00',
      error: '得分比例应在 60%–80% 之间',
    });
    expect(one('提升', '有所提升', { selfShare: '0.5999', selfBand: 'partly' })).toMatchObject({
      score: '0.00',
      error: '得分比例应在 60%–80% 之间',
    });
    expect(one('提升', '有所提升', { selfShare: '0.7999', selfBand: 'achieved' })).toMatchObject({
      score: '0.00',
      error: '得分比例应在 80%–100% 之间',
    });
    expect(one('提升', '有所提升', { selfShare: '0.6001', selfBand: 'missed' })).toMatchObject({
      score: '0.00',
      error: '得分比例应在 0%–60% 之间',
    });
  });
  it('asks for the percent when a band is picked without one', () => {
    expect(one('提升', '有所提升', { selfBand: 'partly' })).toMatchObject({ score: '0.00', error: '请填写得分比例' });
  });
  it('reads a share stored without its band as before: the first band listed that holds it', () => {
    expect(one('提升', '有所提升', { selfShare: '0.8' }).rule).toBe('定性（自评）：达成年度指标 80% × 10');
    expect(one('提升', '有所提升', { selfShare: '0.6' }).rule).toBe('定性（自评）：部分达成并具有一定效果 60% × 10');
  });
});

describe("scoring: the note says the score in a filer's words; the arithmetic stays in `rule`", () => {
  const linear: ScoringPolicy = { ...P, reverseFormula: 'linear' };
  it.each<[string, string, string, ScoringPolicy?]>([
    ['=100', '100', '实际值 100 达到目标 100，得满分'],
    ['>=90%', '95%', '实际值 95% 达到目标 90%，得满分'],
    ['>80%', '85%', '实际值 85% 超过目标 80%，得满分'],
    ['>=90%', '45%', '实际值 45% 未达到目标 90%（完成 50%），按完成比例得分'],
    ['>=3次', '2次', '实际值 2次 未达到目标 3次（完成 66.67%），按完成比例得分'],
    ['=2次', '1次', '实际值 1次 未达到目标 2次（完成 50%），按完成比例得分'],
    ['≤4小时', '3小时', '实际值 3小时 不超过目标 4小时，得满分'],
    ['<5天', '4天', '实际值 4天 低于目标 5天，得满分'],
    ['≤4小时', '5小时', '实际值 5小时 超出目标 4小时，按目标与实际之比 80% 得分'],
    ['≤4小时', '5小时', '实际值 5小时 超出目标 4小时 25%，按 75% 得分', linear],
    ['≤4小时', '8小时', '实际值 8小时 达到目标 4小时 的两倍及以上，得 0 分', linear],
    ['=0%', '0%', '目标为 0，实际值 0%，得满分'],
    ['=0%', '0.5%', '目标为 0，实际值 0.5% 超出，得 0 分'],
    ['≤90万元', '850000元', '实际值 85万元 不超过目标 90万元，得满分'],
    ['是', '是', '目标“是”，实际“是”，得满分'],
    ['否', '是', '目标“否”，实际“是”，未达成，得 0 分'],
  ])('%s with %s: %s', (target, actual, note, policy = P) => {
    expect(one(target, actual, {}, policy).note).toBe(note);
  });
  it('names the band and the share of 分值 of a qualitative score, by whoever gave it', () => {
    expect(one('提升', '有所提升', { selfShare: '0.8', selfBand: 'partly' }).note).toBe(
      '自评：部分达成并具有一定效果，得分值的 80%',
    );
    expect(one('提升', '有所提升', { selfShare: '0.9', reviewerShare: '0.7', reviewerBand: 'partly' }).note).toBe(
      '复核：部分达成并具有一定效果，得分值的 70%',
    );
    expect(one('及时', '').note).toBe('尚未选择完成档次');
  });
  it('says what is missing when a value cannot be scored', () => {
    expect(one('是', '95%').note).toBe('实际完成值应为“是”或“否”');
    expect(one('>=90%', '九成').note).toBe('实际完成值应为数值');
    expect(one('=2次', '2个').note).toBe('实际完成值的单位与年度指标值不一致');
  });
  it('gives the budget execution rate with the amounts in 元, and says when it is capped', () => {
    const budget = (budgetAmount: string | null, executedAmount: string | null) =>
      scoreEvaluation({ budgetAmount, executedAmount, indicators: [] }, P).budget;
    expect(budget('213500.00', '200000.00')).toMatchObject({
      note: '执行率 93.68%（执行 200,000.00 元 / 预算 213,500.00 元）',
      rule: '预算执行率：min(200000.00 / 213500.00, 1) × 10',
    });
    expect(budget('100.00', '120.00').note).toBe(
      '执行率 120.00%（执行 120.00 元 / 预算 100.00 元），超过 100% 按 100% 计分',
    );
    expect(budget(null, '1.00').note).toBe('缺少全年预算数或全年执行数');
  });
});

describe('scoring: units', () => {
  it('converts exactly between 万元 and 元, 百分比 and %, 日 and 天', () => {
    expect(convertUnit('1.5', '万元', '元')).toEqual({ ok: true, value: '15000' });
    expect(convertUnit('95', '百分比', '%')).toEqual({ ok: true, value: '95' });
    expect(convertUnit('3', '日', '天')).toEqual({ ok: true, value: '3' });
    expect(one('≤90万元', '850000元')).toMatchObject({ score: '10.00', actualInTargetUnit: '85万元' });
  });
  it('refuses a value in an unrelated unit with a clear message', () => {
    expect(convertUnit('3', '次', '个')).toMatchObject({ ok: false });
    expect(one('=2次', '2个').error).toContain('“个”不能换算为“次”');
    expect(one('>=90%', '九成').error).toBe('请填写数值（单位：%）');
  });
  it("reads a bare number in the target's unit", () => {
    expect(one('>=90%', '95')).toMatchObject({ score: '10.00', actualInTargetUnit: null });
    expect(one('=2次', '1')).toMatchObject({ score: '5.00' });
  });
});

describe('scoring: the whole evaluation', () => {
  const indicators: IndicatorToScore[] = [
    { level1Code: 'output', target: t('=100%'), actual: '100%' },
    { level1Code: 'output', target: t('=2次'), actual: '1次', deviationReason: '疫情' },
    { level1Code: 'output', target: t('及时'), actual: '及时', selfShare: '1' },
    { level1Code: 'benefit', target: t('>=90%'), actual: '92%' },
    { level1Code: 'satisfaction', target: t('>=90%'), actual: '90%' },
  ];

  it('caps budget execution over 100 % at the full 10', () => {
    const scored = scoreEvaluation({ budgetAmount: '100.00', executedAmount: '120.00', indicators }, P);
    expect(scored.budget).toMatchObject({ rate: '120.00', score: '10.00' });
  });

  it('splits each 一级 weight over its indicators with remainders so they add up, and totals with the grade', () => {
    const weights = indicatorWeights(indicators, P);
    expect(weights).toEqual(['16.67', '16.67', '16.66', '30.00', '10.00']);
    const scored = scoreEvaluation({ budgetAmount: '213500.00', executedAmount: '213500.00', indicators }, P);
    expect(scored.indicators.map((i) => i.score)).toEqual(['16.67', '8.34', '16.66', '30.00', '10.00']);
    expect(scored).toMatchObject({ total: '91.67', grade: '优' });
  });

  it('moves the 满意度 weight to 产出 and 效益 on a form without 满意度 indicators', () => {
    const without = indicators.filter((i) => i.level1Code !== 'satisfaction');
    expect(indicatorWeights(without, P)).toEqual(['18.34', '18.33', '18.33', '35.00']);
    expect(indicatorWeights(without, { ...P, missingLevel1: { code: 'satisfaction', moveTo: 'output' } })).toEqual([
      '20.00',
      '20.00',
      '20.00',
      '30.00',
    ]);
  });

  it('rounds half-up at .5', () => {
    const integers: ScoringPolicy = { ...P, indicatorDecimals: 0, totalDecimals: 0 };
    expect(
      scoreIndicator({ level1Code: 'output', target: t('>=4次'), actual: '1次' }, '10', { ...P, indicatorDecimals: 1 })
        .score,
    ).toBe('2.5');
    expect(scoreIndicator({ level1Code: 'output', target: t('>=4次'), actual: '1次' }, '10', integers).score).toBe('3');
    expect(
      scoreIndicator({ level1Code: 'output', target: t('>=8次'), actual: '1次' }, '10', { ...P, indicatorDecimals: 2 })
        .score,
    ).toBe('1.25');
    expect(
      scoreIndicator({ level1Code: 'output', target: t('>=8次'), actual: '1次' }, '10', { ...P, indicatorDecimals: 1 })
        .score,
    ).toBe('1.3');
  });

  it('refuses a policy whose weights do not add up to 100', () => {
    expect(validatePolicy(P)).toEqual({ ok: true });
    expect(validatePolicy({ ...P, level1Weights: { output: '50', benefit: '30', satisfaction: '20' } })).toEqual({
      ok: false,
      message: '权重合计应为 100，现为 110',
    });
    expect(validatePolicy({ ...P, overshootRatio: '0.9' })).toEqual({ ok: false, message: '超出目标比例应大于 100%' });
    expect(validatePolicy({ ...P, grades: P.grades.filter((g) => g.min !== '0') })).toEqual({
      ok: false,
      message: '最低一档等级的分数线应为 0，使每个总分都有等级',
    });
    expect(validatePolicy({ ...P, missThreshold: '1.2' })).toEqual({
      ok: false,
      message: '未达标比例应在 0% 到 100% 之间',
    });
  });

  it('is deterministic: the same 60-indicator evaluation scores the same every time', () => {
    const sixty = Array.from({ length: 60 }, (_, i) => indicators[i % indicators.length]);
    const first = scoreEvaluation({ budgetAmount: '100', executedAmount: '95', indicators: sixty }, P);
    for (let i = 0; i < 20; i++)
      expect(scoreEvaluation({ budgetAmount: '100', executedAmount: '95', indicators: sixty }, P)).toEqual(first);
    expect(first.indicators).toHaveLength(60);
  });
});
