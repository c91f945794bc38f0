export { ISSUE_CODES, type IssueCode, hasErrors } from './issues';
export { checkFunds, fundLabel } from './check-funds';
export { checkHeader } from './check-header';
export { checkIndicatorTree } from './check-indicator-tree';
export { checkForm, type FormCheckInput } from './check-form';
export * from './check-submission';
