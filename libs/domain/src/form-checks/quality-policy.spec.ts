import type { QualityPolicy } from '@jxt/contracts';
// Data, not code: the checks are tried on the customer's forms as the seed loads them.
// eslint-disable-next-line @nx/enforce-module-boundaries
import seedForms from '../../../../seeds/songjiang/forms-2021.json';
import { TAXONOMY } from '../testing/fixtures';
import { checkForm, type FormCheckInput } from './check-form';
import { QUALITY_CHECKS, QUALITY_CODES } from './check-quality';
import { ISSUE_CODES } from './issues';
import {
  applyQualityPolicy,
  DEFAULT_QUALITY_POLICY,
  qualityIssues,
  qualityLevel,
  validateQualityPolicy,
} from './quality-policy';

const SEED_FORMS = seedForms as unknown as (FormCheckInput & { year: number })[];
const withLevel = (code: string, level: 'error' | 'warning' | 'off'): QualityPolicy => ({
  ...DEFAULT_QUALITY_POLICY,
  checks: DEFAULT_QUALITY_POLICY.checks.map((c) => (c.code === code ? { code, level } : c)),
});

describe('the quality policy (per tenant and year)', () => {
  it('makes every goal-quality check a warning by default', () => {
    expect(DEFAULT_QUALITY_POLICY.checks).toHaveLength(QUALITY_CHECKS.length);
    expect(new Set(DEFAULT_QUALITY_POLICY.checks.map((c) => c.level))).toEqual(new Set(['warning']));
    expect(qualityLevel({ ...DEFAULT_QUALITY_POLICY, checks: [] }, QUALITY_CODES.costAboveFunds)).toBe('warning');
  });

  it('finds no error on the three seed forms under the default policy', () => {
    for (const form of SEED_FORMS) {
      const issues = [
        ...checkForm(form, TAXONOMY),
        ...qualityIssues(form, TAXONOMY, { year: form.year, policy: DEFAULT_QUALITY_POLICY }),
      ];
      expect(issues.filter((i) => i.severity === 'error')).toEqual([]);
    }
  });

  it('raises a check to error, or turns it off', () => {
    const form = SEED_FORMS[0]; // 市民服务: its third goal sentence has no indicator
    const as = (level: 'error' | 'warning' | 'off') =>
      qualityIssues(form, TAXONOMY, { year: 2021, policy: withLevel(QUALITY_CODES.goalSentenceUncovered, level) });
    expect(as('error')).toEqual([
      expect.objectContaining({ code: QUALITY_CODES.goalSentenceUncovered, severity: 'error', group: '相关性' }),
    ]);
    expect(as('warning')[0].severity).toBe('warning');
    expect(as('off')).toEqual([]);
  });

  it('uses the tenant rule for 满意度', () => {
    const form = SEED_FORMS[2];
    const noSatisfaction = {
      ...form,
      indicators: { year: form.indicators.year.filter((g) => g.code !== 'satisfaction'), longTerm: null },
    };
    const policy: QualityPolicy = {
      ...withLevel(QUALITY_CODES.satisfactionMissing, 'error'),
      publicService: { categoryCodes: [], functionClassPrefixes: ['206'], nameWords: [] },
    };
    expect(qualityIssues(noSatisfaction, TAXONOMY, { year: 2021, policy })).toContainEqual(
      expect.objectContaining({ code: QUALITY_CODES.satisfactionMissing, severity: 'error', field: 'indicators.year' }),
    );
  });

  it('leaves issues of other codes to the policy default (warning) and keeps the rest of the issue', () => {
    const issue = { field: 'x', severity: 'warning' as const, code: 'quality.cost_above_funds', message: 'm' };
    expect(applyQualityPolicy([issue], withLevel('quality.cost_above_funds', 'error'))).toEqual([
      { ...issue, severity: 'error' },
    ]);
  });

  it('refuses unknown and repeated checks, by field', () => {
    const policy: QualityPolicy = {
      ...DEFAULT_QUALITY_POLICY,
      checks: [
        { code: 'quality.nonsense', level: 'error' },
        { code: QUALITY_CODES.costAboveFunds, level: 'off' },
        { code: QUALITY_CODES.costAboveFunds, level: 'error' },
      ],
    };
    expect(validateQualityPolicy(policy).map((p) => p.field)).toEqual(['policy.checks.0.code', 'policy.checks.2.code']);
    expect(validateQualityPolicy(DEFAULT_QUALITY_POLICY)).toEqual([]);
  });
});

describe('the form checks’ 审核要点', () => {
  it('gives every issue of checkForm its group: funds to 可行性, blanks to 完整性', () => {
    const form = SEED_FORMS[0];
    const broken = { ...form, funds: { ...form.funds, totalAmount: '1.00' }, totalGoal: '' };
    const issues = checkForm(broken, TAXONOMY);
    expect(issues.every((i) => i.group)).toBe(true);
    expect(issues.find((i) => i.code === ISSUE_CODES.fundsTotalMismatch)?.group).toBe('可行性');
    expect(issues.find((i) => i.code === ISSUE_CODES.goalBlank)?.group).toBe('完整性');
  });
});
