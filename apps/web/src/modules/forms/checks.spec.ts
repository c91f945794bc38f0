import { DEFAULT_QUALITY_POLICY, QUALITY_CODES, toSaveRequest } from '@jxt/domain';
import { SEED_FORM_3 } from '../../testing/seed-form-3';
import { TAXONOMY_2021 } from '../../testing/taxonomy';
import { fixOf, groupChecks, liveChecks } from './checks';

const seed = toSaveRequest(SEED_FORM_3);

describe('the editor’s live checks', () => {
  it('finds no error on seed form 3 under the default policy', () => {
    const issues = liveChecks(seed, TAXONOMY_2021, 2021, DEFAULT_QUALITY_POLICY, null);
    expect(issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect(issues.every((i) => i.group)).toBe(true);
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
