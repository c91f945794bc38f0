import type { FieldIssue, TaxonomyNode } from '@jxt/contracts';
import { checkForm, type FormCheckInput } from './check-form';
import { ISSUE_CODES } from './issues';

/**
 * What a blank means at 提交: a draft may be saved half-filled (warnings), a submitted form must be whole.
 * These warnings become errors when the unit submits; 主管部门 and 实施单位 stay warnings, since real
 * published forms leave them blank (the seed's three forms do).
 */
const REQUIRED_AT_SUBMIT = new Set<string>([
  ISSUE_CODES.fundsBlank,
  ISSUE_CODES.goalBlank,
  ISSUE_CODES.indicatorsEmpty,
  ISSUE_CODES.emptyLevel1,
  ISSUE_CODES.emptyLevel2,
  ISSUE_CODES.valueBlank,
]);
const REQUIRED_HEADER_FIELDS = new Set(['project.categoryCode', 'project.plannedStart', 'project.plannedEnd']);
/** Kept in a draft as typed, refused at 提交: a 年度指标值 that starts like a quantity but is none (`≥abc%`). */
const WRONG_AT_SUBMIT = new Set<string>([ISSUE_CODES.valueInvalid]);

/**
 * checkForm's issues as 提交 applies them: the blanks a draft may keep become errors marked `blank` (to-dos until
 * 提交), a value that is not a value becomes an error. Pure, so a page can show what blocks 提交 from the issues the
 * API returned with the form.
 */
export function atSubmission(issues: readonly FieldIssue[]): FieldIssue[] {
  return issues.map((issue) => {
    if (issue.severity !== 'warning') return issue;
    const required =
      REQUIRED_AT_SUBMIT.has(issue.code) ||
      (issue.code === ISSUE_CODES.projectFieldBlank && REQUIRED_HEADER_FIELDS.has(issue.field));
    if (required) return { ...issue, severity: 'error', blank: true };
    return WRONG_AT_SUBMIT.has(issue.code) ? { ...issue, severity: 'error' } : issue;
  });
}

/** The checks of docs/domain.md §2–§3 as 提交 applies them: every failure listed by field. */
export function checkSubmission(content: FormCheckInput, taxonomy: readonly TaxonomyNode[]): FieldIssue[] {
  return atSubmission(checkForm(content, taxonomy));
}
