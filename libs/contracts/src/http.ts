/**
 * The shapes of the HTTP API, by the names its OpenAPI document gives them. They are generated, not written here:
 * the API's DTO classes (apps/api/src/modules/<module>/dto) are the one source; `npm run contract` writes
 * libs/contracts/openapi.json from them and ./generated/openapi.ts from that (docs/adr/0012-http-contract.md).
 * The API, libs/domain, the SPA and the browser tests all import these aliases.
 */
import type { components } from './generated/openapi';

export type { components as ApiComponents, operations as ApiOperations, paths as ApiPaths } from './generated/openapi';

type Schemas = components['schemas'];

/** Money is a decimal string of yuan with two decimals (`"18963662.79"`), never a float. */
export type Money = string;

// Errors and checks
export type ApiError = Schemas['ApiError'];
export type FieldError = Schemas['FieldError'];
export type FieldIssue = Schemas['FieldIssue'];
// Goal-quality checks (issue 14): per-year tenant policy
export type CheckLevel = Schemas['CheckLevel'];
export type QualityCheckSetting = Schemas['QualityCheckSetting'];
export type PublicServiceRule = Schemas['PublicServiceRule'];
export type QualityPolicy = Schemas['QualityPolicy'];
export type QualityPolicyVersion = Schemas['QualityPolicyVersion'];
export type SaveQualityPolicyRequest = Schemas['SaveQualityPolicyRequest'];

// auth
export type LoginRequest = Schemas['LoginRequest'];
export type LoginResponse = Schemas['LoginResponse'];
export type CurrentUser = Schemas['CurrentUser'];
export type SessionSummary = Schemas['SessionSummary'];
export type SessionRestriction = Schemas['SessionRestriction'];
export type LoginChallengeResponse = Schemas['LoginChallengeResponse'];
export type TotpLoginRequest = Schemas['TotpLoginRequest'];
export type ChangePasswordRequest = Schemas['ChangePasswordRequest'];
export type TotpEnrolment = Schemas['TotpEnrolment'];
export type TotpCodeRequest = Schemas['TotpCodeRequest'];
export type TotpRecoveryCodes = Schemas['TotpRecoveryCodes'];
export type DisableTotpRequest = Schemas['DisableTotpRequest'];
export type SecuritySettings = Schemas['SecuritySettings'];
export type UpdateSecuritySettingsRequest = Schemas['UpdateSecuritySettingsRequest'];

// organisations and users
export type Organization = Schemas['Organization'];
export type ProjectHeaderProposal = Schemas['ProjectHeaderProposal'];
export type CreateOrganizationRequest = Schemas['CreateOrganizationRequest'];
export type UpdateOrganizationRequest = Schemas['UpdateOrganizationRequest'];
export type FinanceDivision = Schemas['FinanceDivision'];
export type FinanceDivisionAssignment = Schemas['FinanceDivisionAssignment'];
export type AssignDepartmentsRequest = Schemas['AssignDepartmentsRequest'];
export type User = Schemas['User'];
export type CreateUserRequest = Schemas['CreateUserRequest'];
export type UpdateUserRequest = Schemas['UpdateUserRequest'];
export type CreatedUser = Schemas['CreatedUser'];
export type ResetPasswordResponse = Schemas['ResetPasswordResponse'];
// 批量导入 of organisations and users (the template workbook)
export type OnboardingProblem = Schemas['OnboardingProblem'];
export type OnboardingPreview = Schemas['OnboardingPreview'];
export type OnboardingResult = Schemas['OnboardingResult'];
export type OnboardedUser = Schemas['OnboardedUser'];

// catalogue
export type CodeListItem = Schemas['CodeListItem'];
export type CodeListEntry = Schemas['CodeListEntry'];
export type ReplaceCodeListRequest = Schemas['ReplaceCodeListRequest'];
export type TaxonomyNode = Schemas['TaxonomyNode'];
export type TaxonomyNodeInput = Schemas['TaxonomyNodeInput'];
export type ReplaceTaxonomyRequest = Schemas['ReplaceTaxonomyRequest'];

// projects
export type ProjectHeader = Schemas['ProjectHeader'];
export type Project = Schemas['Project'];
export type ProjectFormSummary = Schemas['ProjectFormSummary'];
export type ProjectDetail = Schemas['ProjectDetail'];
export type ProjectListItem = Schemas['ProjectListItem'];
export type ProjectListResponse = Schemas['ProjectListResponse'];
export type CreateProjectRequest = Schemas['CreateProjectRequest'];
export type UpdateProjectRequest = Schemas['UpdateProjectRequest'];

// 绩效目标表
export type Funds = Schemas['Funds'];
export type QuantitativeTarget = Schemas['QuantitativeTarget'];
export type BooleanTarget = Schemas['BooleanTarget'];
export type QualitativeTarget = Schemas['QualitativeTarget'];
export type InvalidTarget = Schemas['InvalidTarget'];
export type EmptyTarget = Schemas['EmptyTarget'];
/** A 年度指标值 read by the value grammar of libs/domain. The raw text is kept beside it, unchanged. */
export type ParsedTarget = Indicator['target'];
export type TargetReading = Pick<Indicator, 'target' | 'warning'>;
export type IndicatorInput = Schemas['IndicatorInput'];
export type Indicator = Schemas['Indicator'];
export type Level2GroupInput = Schemas['Level2GroupInput'];
export type Level1GroupInput = Schemas['Level1GroupInput'];
export type Level2Group = Schemas['Level2Group'];
export type Level1Group = Schemas['Level1Group'];
export type IndicatorSetsInput = Schemas['IndicatorSetsInput'];
export type IndicatorSets = Schemas['IndicatorSets'];
export type FormProject = Schemas['FormProject'];
export type CarriedFrom = Schemas['CarriedFrom'];
export type CarryForwardRequest = Schemas['CarryForwardRequest'];
export type CarryForwardResult = Schemas['CarryForwardResult'];
export type CarryForwardResponse = Schemas['CarryForwardResponse'];
export type CarryOutcome = Schemas['CarryOutcome'];
export type PreviousIndicator = Schemas['PreviousIndicator'];
export type PreviousYear = Schemas['PreviousYear'];
export type GoalForm = Schemas['GoalForm'];
/** The content a save sends and a form answers, beside the header and the indicators. */
export type GoalFormContent = Pick<
  GoalForm,
  'funds' | 'totalGoal' | 'annualGoal' | 'goalPeriodStart' | 'goalPeriodEnd'
>;
export type FormSubmission = Schemas['FormSubmission'];
export type SaveFormRequest = Schemas['SaveFormRequest'];
export type CreateFormRequest = Schemas['CreateFormRequest'];

// 审批
export type TransitionRequest = Schemas['TransitionRequest'];
export type SubmissionFiler = Schemas['SubmissionFiler'];
export type FormFieldChange = Schemas['FormFieldChange'];
export type FormHistoryEntry = Schemas['FormHistoryEntry'];
export type BatchTransitionForm = Schemas['BatchTransitionForm'];
export type BatchTransitionRequest = Schemas['BatchTransitionRequest'];
export type BatchTransitionResult = Schemas['BatchTransitionResult'];
export type BatchTransitionResponse = Schemas['BatchTransitionResponse'];
export type InboxItem = Schemas['InboxItem'];
export type InboxCounts = Schemas['InboxCounts'];
export type InboxResponse = Schemas['InboxResponse'];
export type Deadline = Schemas['Deadline'];
export type SetDeadlinesRequest = Schemas['SetDeadlinesRequest'];
export type LatestReview = Schemas['LatestReview'];
export type ReviewPoint = Schemas['ReviewPoint'];
export type FormRevisionSummary = Schemas['FormRevisionSummary'];

// 绩效自评 and 评分规则
export type QualitativeBand = Schemas['QualitativeBand'];
export type GradeBand = Schemas['GradeBand'];
export type MissingLevel1 = Schemas['MissingLevel1'];
export type ScoringPolicy = Schemas['ScoringPolicy'];
export type ScoringPolicyVersion = Schemas['ScoringPolicyVersion'];
export type SaveScoringPolicyRequest = Schemas['SaveScoringPolicyRequest'];
export type StartScoringJobRequest = Schemas['StartScoringJobRequest'];
export type ScoringJob = Schemas['ScoringJob'];
export type SaveScoringPolicyResponse = Schemas['SaveScoringPolicyResponse'];

// 批量导出
export type StartExportRequest = Schemas['StartExportRequest'];
export type ExportJob = Schemas['ExportJob'];
export type IndicatorScore = Schemas['IndicatorScore'];
export type EvaluationIndicator = Schemas['EvaluationIndicator'];
export type EvaluationFunds = Schemas['EvaluationFunds'];
export type EvaluationBudgetScore = Schemas['EvaluationBudgetScore'];
export type EvaluationScore = Schemas['EvaluationScore'];
export type EvaluationComment = Schemas['EvaluationComment'];
export type Evaluation = Schemas['Evaluation'];
export type EvaluationFundsInput = Schemas['EvaluationFundsInput'];
export type EvaluationIndicatorInput = Schemas['EvaluationIndicatorInput'];
export type SaveEvaluationRequest = Schemas['SaveEvaluationRequest'];
export type ReviewerAdjustment = Schemas['ReviewerAdjustment'];
export type EvaluationTransitionRequest = Schemas['EvaluationTransitionRequest'];
export type EvaluationFieldChange = Schemas['EvaluationFieldChange'];
export type EvaluationHistoryEntry = Schemas['EvaluationHistoryEntry'];
export type EvaluationSummary = Schemas['EvaluationSummary'];
export type EvaluationListResponse = Schemas['EvaluationListResponse'];
export type EvaluationInboxItem = Schemas['EvaluationInboxItem'];
export type EvaluationInboxCounts = Schemas['EvaluationInboxCounts'];
export type EvaluationInboxResponse = Schemas['EvaluationInboxResponse'];

// 年度 and health
export type YearSummary = Schemas['YearSummary'];
export type YearsResponse = Schemas['YearsResponse'];
export type FiscalYearCopied = Schemas['FiscalYearCopied'];
export type OpenYearResponse = Schemas['OpenYearResponse'];
export type HealthApp = Schemas['HealthApp'];
export type HealthDatabase = Schemas['HealthDatabase'];
export type HealthReport = Schemas['HealthReport'];

// 日志 (audit log)
export type AuditEvent = Schemas['AuditEvent'];
export type AuditEventListResponse = Schemas['AuditEventListResponse'];

// 消息提醒
export type Notification = Schemas['Notification'];
export type NotificationListResponse = Schemas['NotificationListResponse'];
export type MarkAllReadResponse = Schemas['MarkAllReadResponse'];
export type ReminderSettings = Schemas['ReminderSettings'];
export type SetReminderSettingsRequest = Schemas['SetReminderSettingsRequest'];
export type NotificationEmailSettings = Schemas['NotificationEmailSettings'];
export type SetNotificationEmailRequest = Schemas['SetNotificationEmailRequest'];

// 导入 (.xlsx workbooks)
export type ImportProblem = Schemas['ImportProblem'];
export type ImportPreviewSheet = Schemas['ImportPreviewSheet'];
export type ImportPreview = Schemas['ImportPreview'];
export type ImportSheetChoice = Schemas['ImportSheetChoice'];
export type ImportConfirmRequest = Schemas['ImportConfirmRequest'];
export type ImportConfirmSheet = Schemas['ImportConfirmSheet'];
export type ImportConfirmResult = Schemas['ImportConfirmResult'];

// 指标库
export type LibraryEntry = Schemas['LibraryEntry'];
export type LibraryListResponse = Schemas['LibraryListResponse'];
export type LibraryEntryRequest = Schemas['LibraryEntryRequest'];
export type CreateLibraryEntryRequest = Schemas['CreateLibraryEntryRequest'];
export type LibraryEntryFromFormRequest = Schemas['LibraryEntryFromFormRequest'];
export type SuggestionExample = Schemas['SuggestionExample'];
export type FormSuggestion = Schemas['FormSuggestion'];
export type FormSuggestionsResponse = Schemas['FormSuggestionsResponse'];
