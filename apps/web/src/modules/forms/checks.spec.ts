import type { IndicatorInput, SaveFormRequest } from '@jxt/contracts';
import { DEFAULT_QUALITY_POLICY, QUALITY_CODES, toSaveRequest } from '@jxt/domain';
import { SEED_FORM_3 } from '../../testing/seed-form-3';
import { TAXONOMY_2021 } from '../../testing/taxonomy';
import { fixOf, groupChecks, liveChecks } from './checks';

const seed = toSaveRequest(SEED_FORM_3);

/** Seed form 3 grown to 60 三级指标: its own 15, then 45 more spread over its 二级指标. */
function sixtyIndicators(): SaveFormRequest {
  let n = 0;
  const extra = (): IndicatorInput => ({
    name: `补充指标${++n}号运维巡检`,
    rawValue: n % 3 ? `>=${80 + (n % 20)}%` : `=${n}次`,
    weight: null,
    scoringNotes: null,
    explanation: null,
    remark: null,
  });
  const year = seed.indicators.year.map((l1) => ({
    ...l1,
    children: l1.children.map((l2) => ({ ...l2, indicators: [...l2.indicators] })),
  }));
  const slots = year.flatMap((l1) => l1.children);
  for (let i = 0; i < 45; i++) slots[i % slots.length].indicators.push(extra());
  return { ...seed, indicators: { year, longTerm: null } };
}

describe('the editor’s live checks', () => {
  it('finds no error on seed form 3 under the default policy', () => {
    const issues = liveChecks(seed, TAXONOMY_2021, 2021, DEFAULT_QUALITY_POLICY, null);
    expect(issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect(issues.every((i) => i.group)).toBe(true);
  });

  it('runs every check of a 60-indicator form in under 5 ms (median of 50 runs, printed)', () => {
    const form = sixtyIndicators();
    expect(form.indicators.year.flatMap((l1) => l1.children.flatMap((l2) => l2.indicators))).toHaveLength(60);
    const previous = {
      year: 2020,
      indicators: form.indicators.year.flatMap((l1) =>
        l1.children.flatMap((l2) =>
          l2.indicators.map((i) => ({ level1Code: l1.code, level2Code: l2.code, name: i.name, rawValue: i.rawValue })),
        ),
      ),
    };
    for (let i = 0; i < 10; i++) liveChecks(form, TAXONOMY_2021, 2021, DEFAULT_QUALITY_POLICY, previous); // warm up
    const times: number[] = [];
    for (let i = 0; i < 50; i++) {
      const start = performance.now();
      liveChecks(form, TAXONOMY_2021, 2021, DEFAULT_QUALITY_POLICY, previous);
      times.push(performance.now() - start);
    }
    times.sort((a, b) => a - b);
    const median = times[25];
    const p95 = times[47];
    console.log(`[checks] all checks of a 60-indicator form: median ${median.toFixed(2)} ms, p95 ${p95.toFixed(2)} ms`);
    expect(median).toBeLessThan(5);
  });

  it('groups by 审核要点 in the rules’ order, errors first, and says the obvious fix', () => {
    const groups = groupChecks([
      {
        field: 'annualGoal',
        severity: 'warning',
        code: QUALITY_CODES.goalSentenceUncovered,
        message: 'a',
        group: '相关性',
      },
      { field: 'funds.totalAmount', severity: 'error', code: 'funds.total_mismatch', message: 'b' },
      {
        field: 'indicators.year',
        severity: 'warning',
        code: QUALITY_CODES.level1Missing,
        message: 'c',
        group: '完整性',
      },
      {
        field: 'indicators.year',
        severity: 'error',
        code: QUALITY_CODES.satisfactionMissing,
        message: 'd',
        group: '完整性',
      },
    ]);
    expect(groups.map((g) => [g.group, g.issues.map((i) => i.message)])).toEqual([
      ['完整性', ['d', 'c']],
      ['相关性', ['a']],
      ['可行性', ['b']],
    ]);
    expect(fixOf(groups[0].issues[0])).toContain('满意度指标');
    expect(fixOf(groups[2].issues[0])).toBeNull();
  });
});
