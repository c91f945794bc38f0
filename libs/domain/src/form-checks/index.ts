export { ISSUE_CODES, type IssueCode, hasErrors } from './issues';
export { checkFunds, FUND_SUMS, fundLabel, fundTotalOf, sumOfFundParts, type FundTotal } from './check-funds';
export { checkHeader } from './check-header';
export {
  checkGoalPeriod,
  goalPeriodErrors,
  proposeGoalPeriod,
  isGoalPeriodYear,
  GOAL_PERIOD_YEARS,
  type GoalPeriod,
} from './check-goal-period';
export { checkIndicatorTree } from './check-indicator-tree';
export { checkForm, type FormCheckInput } from './check-form';
export {
  checkGoalQuality,
  DEFAULT_PUBLIC_SERVICE_RULE,
  QUALITY_CHECKS,
  QUALITY_CODES,
  QUALITY_GROUPS,
  type PreviousTargets,
  type QualityCode,
  type QualityContext,
  type QualityGroup,
  type QualityIssue,
} from './check-quality';
export { groupOfCode, withGroup } from './check-groups';
export {
  applyQualityPolicy,
  DEFAULT_QUALITY_POLICY,
  qualityIssues,
  qualityLevel,
  validateQualityPolicy,
} from './quality-policy';
export * from './check-submission';
