import { FORM_FIELD_LABELS, type FieldIssue, type SaveFormRequest, type TaxonomyNode } from '@jxt/contracts';
import { isBlank } from '../text/normalize-width';
import { checkFunds } from './check-funds';
import { withGroup } from './check-groups';
import { checkHeader } from './check-header';
import { checkIndicatorTree } from './check-indicator-tree';
import { fieldWarning, ISSUE_CODES } from './issues';

/**
 * What the form checks read: the header, the funds and the indicator sets; the two goals when
 * given. A `SaveFormRequest` fits as it is.
 */
export type FormCheckInput = Pick<SaveFormRequest, 'project' | 'funds' | 'indicators'> &
  Partial<Pick<SaveFormRequest, 'totalGoal' | 'annualGoal'>>;

/**
 * Every check of the form's content (docs/domain.md §2–§3): header, goals, funds, indicator tree; each issue with
 * the 审核要点 (`group`) it belongs to.
 */
export function checkForm(content: FormCheckInput, taxonomy: readonly TaxonomyNode[]): FieldIssue[] {
  return [
    ...checkHeader(content.project),
    ...checkGoals(content),
    ...checkFunds(content.funds),
    ...checkIndicatorTree(content.indicators, taxonomy),
  ].map(withGroup);
}

/** A blank 项目总目标 / 年度总目标 is a warning; goals left out of the input are not checked. */
function checkGoals(content: FormCheckInput): FieldIssue[] {
  const issues: FieldIssue[] = [];
  for (const field of ['totalGoal', 'annualGoal'] as const) {
    if (field in content && isBlank(content[field])) {
      issues.push(fieldWarning(field, ISSUE_CODES.goalBlank, `${FORM_FIELD_LABELS[field]}未填写`));
    }
  }
  return issues;
}
