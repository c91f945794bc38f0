import type { FieldIssue } from '@jxt/contracts';

/** Stable codes of the form checks, for the UI and the API to act on (messages may change). */
export const ISSUE_CODES = {
  fundsBlank: 'funds.blank',
  fundsInvalid: 'funds.invalid',
  fundsTotalMismatch: 'funds.total_mismatch',
  fundsAnnualMismatch: 'funds.annual_mismatch',
  fundsAnnualExceedsTotal: 'funds.annual_exceeds_total',
  projectNameBlank: 'project.name_blank',
  projectFieldBlank: 'project.blank',
  projectDateInvalid: 'project.date_invalid',
  projectEndBeforeStart: 'project.end_before_start',
  goalBlank: 'goal.blank',
  goalPeriodBlank: 'goal.period_blank',
  goalPeriodInvalid: 'goal.period_invalid',
  goalPeriodEndBeforeStart: 'goal.period_end_before_start',
  goalPeriodExcludesYear: 'goal.period_excludes_year',
  indicatorsEmpty: 'indicators.empty',
  tooManyIndicators: 'indicators.too_many',
  unknownLevel1: 'indicators.unknown_level1',
  unknownLevel2: 'indicators.unknown_level2',
  level2WrongParent: 'indicators.level2_wrong_parent',
  duplicateLevel1: 'indicators.duplicate_level1',
  duplicateLevel2: 'indicators.duplicate_level2',
  emptyLevel1: 'indicators.empty_level1',
  emptyLevel2: 'indicators.empty_level2',
  indicatorNameBlank: 'indicators.name_blank',
  duplicateIndicatorName: 'indicators.duplicate_name',
  valueBlank: 'indicators.value_blank',
  valueUnrecognised: 'indicators.value_unrecognised',
  valueInvalid: 'indicators.value_invalid',
  weightInvalid: 'indicators.weight_invalid',
} as const;
export type IssueCode = (typeof ISSUE_CODES)[keyof typeof ISSUE_CODES];

export function fieldError(field: string, code: IssueCode, message: string): FieldIssue {
  return { field, severity: 'error', code, message };
}

export function fieldWarning(field: string, code: IssueCode, message: string): FieldIssue {
  return { field, severity: 'warning', code, message };
}

/** True when any issue blocks (warnings never block a save, docs/domain.md §2). */
export function hasErrors(issues: readonly FieldIssue[]): boolean {
  return issues.some((issue) => issue.severity === 'error');
}
