import type { FieldIssue } from '@jxt/contracts';
import { ISSUE_CODES } from './issues';
import type { QualityGroup } from './check-quality';

const C = ISSUE_CODES;

/**
 * The 审核要点 (财预〔2015〕88号, docs/domain.md §3.3) each of the form's own checks belongs to: what is missing is
 * 完整性, what is not quantified is 相关性, a value out of measure is 适当性, what cannot be done as planned
 * (dates, goal period, money that does not add up) is 可行性.
 */
const GROUP_OF_CODE: Readonly<Record<string, QualityGroup>> = {
  [C.fundsBlank]: '完整性',
  [C.fundsInvalid]: '可行性',
  [C.fundsTotalMismatch]: '可行性',
  [C.fundsAnnualMismatch]: '可行性',
  [C.fundsAnnualExceedsTotal]: '可行性',
  [C.projectNameBlank]: '完整性',
  [C.projectFieldBlank]: '完整性',
  [C.projectDateInvalid]: '可行性',
  [C.projectEndBeforeStart]: '可行性',
  [C.goalBlank]: '完整性',
  [C.goalPeriodBlank]: '完整性',
  [C.goalPeriodInvalid]: '可行性',
  [C.goalPeriodEndBeforeStart]: '可行性',
  [C.goalPeriodExcludesYear]: '可行性',
  [C.indicatorsEmpty]: '完整性',
  [C.tooManyIndicators]: '适当性',
  [C.unknownLevel1]: '完整性',
  [C.unknownLevel2]: '完整性',
  [C.level2WrongParent]: '完整性',
  [C.duplicateLevel1]: '完整性',
  [C.duplicateLevel2]: '完整性',
  [C.emptyLevel1]: '完整性',
  [C.emptyLevel2]: '完整性',
  [C.indicatorNameBlank]: '完整性',
  [C.duplicateIndicatorName]: '完整性',
  [C.valueBlank]: '完整性',
  [C.valueUnrecognised]: '相关性',
  [C.valueInvalid]: '相关性',
  [C.weightInvalid]: '适当性',
};

/** The 审核要点 of a check's code; 完整性 for a code no table knows (a new check not yet placed). */
export function groupOfCode(code: string): QualityGroup {
  return GROUP_OF_CODE[code] ?? '完整性';
}

/** The issue with its 审核要点 (kept when it already has one). */
export function withGroup<T extends FieldIssue>(issue: T): T {
  return issue.group ? issue : { ...issue, group: groupOfCode(issue.code) };
}
