/**
 * The one label file: every Chinese term the UI and API print, keyed by its stable English code.
 * Taxonomy labels (一级/二级指标) are tenant data, not here; these are the fixed words of the product.
 */

/** 角色 — user roles. */
export const ROLES = ['filer', 'supervisor', 'finance', 'reviewer', 'admin', 'auditor'] as const;
export type Role = (typeof ROLES)[number];
export const ROLE_LABELS: Record<Role, string> = {
  filer: '填报人',
  supervisor: '主管部门审核人',
  finance: '财政审核人',
  reviewer: '评价复核人',
  admin: '管理员',
  // 等保 2.0 (GB/T 22239-2019) calls the one who reads the audit records the 审计管理员.
  auditor: '审计管理员',
};

/** 组织层级 — organisation kinds, top to bottom of the tree. */
export const ORGANIZATION_KINDS = ['finance_bureau', 'finance_division', 'department', 'unit', 'internal'] as const;
export type OrganizationKind = (typeof ORGANIZATION_KINDS)[number];
export const ORGANIZATION_KIND_LABELS: Record<OrganizationKind, string> = {
  finance_bureau: '财政局',
  finance_division: '财政科室',
  department: '主管部门',
  unit: '预算单位',
  internal: '内设机构',
};
/**
 * Which kinds may sit directly under which: 财政局 → 主管部门 → 预算单位 → 内设机构, and the 财政局's own
 * 财政科室 (finance divisions, each assigned the 主管部门 it reviews) beside the 主管部门.
 */
export const ORGANIZATION_CHILD_KINDS: Record<OrganizationKind, readonly OrganizationKind[]> = {
  finance_bureau: ['department', 'finance_division'],
  finance_division: [],
  department: ['unit'],
  unit: ['internal'],
  internal: [],
};

/** 新增/延续 — whether a project is new this year or continues from earlier years. */
export const PROJECT_CONTINUITY = ['new', 'continuing'] as const;
export type ProjectContinuity = (typeof PROJECT_CONTINUITY)[number];
export const PROJECT_CONTINUITY_LABELS: Record<ProjectContinuity, string> = { new: '新增', continuing: '延续' };

/** 绩效指标集 — the year set (年度绩效指标, default) and the optional long-term set (长期绩效指标). */
export const INDICATOR_SETS = ['year', 'longTerm'] as const;
export type IndicatorSet = (typeof INDICATOR_SETS)[number];
export const INDICATOR_SET_LABELS: Record<IndicatorSet, string> = { year: '年度绩效指标', longTerm: '长期绩效指标' };

/** 表单状态 — form states; the transitions between them are data in libs/domain (form-workflow). */
export const FORM_STATUSES = [
  'draft',
  'submitted',
  'supervisor_approved',
  'reported',
  'finance_approved',
  'returned',
  'finance_returned',
  'rejected',
] as const;
export type FormStatus = (typeof FORM_STATUSES)[number];
export const FORM_STATUS_LABELS: Record<FormStatus, string> = {
  draft: '草稿',
  submitted: '已提交',
  supervisor_approved: '主管部门已审核',
  reported: '已报送财政',
  finance_approved: '财政已审核',
  returned: '已退回',
  finance_returned: '财政退回主管部门',
  rejected: '未通过',
};

/** 审批动作 — what a user does to a form: 提交, 撤回, 审核通过, 汇总报送, 退回, 不予通过, 调整. */
export const FORM_ACTIONS = ['submit', 'withdraw', 'approve', 'report', 'return', 'reject', 'reopen'] as const;
export type FormAction = (typeof FORM_ACTIONS)[number];
export const FORM_ACTION_LABELS: Record<FormAction, string> = {
  submit: '提交',
  withdraw: '撤回',
  approve: '审核通过',
  report: '汇总报送',
  return: '退回',
  reject: '不予通过',
  reopen: '调整',
};

/** 审核结果 — finance's review result: 优 and 良 approve, 中 returns, 差 ends the form's path. */
export const REVIEW_RESULTS = ['excellent', 'good', 'fair', 'poor'] as const;
export type ReviewResult = (typeof REVIEW_RESULTS)[number];
export const REVIEW_RESULT_LABELS: Record<ReviewResult, string> = {
  excellent: '优',
  good: '良',
  fair: '中',
  poor: '差',
};

/** Configurable code lists per tenant (项目类别, 资金来源, 单位类型, 功能分类科目). */
export const CODE_LISTS = ['project_category', 'funding_source', 'unit_type', 'function_class'] as const;
export type CodeListName = (typeof CODE_LISTS)[number];
export const CODE_LIST_LABELS: Record<CodeListName, string> = {
  project_category: '项目类别',
  funding_source: '资金来源',
  unit_type: '单位类型',
  function_class: '功能分类科目',
};

/** 项目资金（元）: the seven amounts, whole-life column and this-year column. */
export const FUND_FIELDS = [
  'totalAmount',
  'fiscalAmount',
  'otherAmount',
  'annualAmount',
  'annualFiscalAmount',
  'carryOverAmount',
  'annualOtherAmount',
] as const;
export type FundField = (typeof FUND_FIELDS)[number];
export const FUND_FIELD_LABELS: Record<FundField, string> = {
  totalAmount: '项目资金总额',
  fiscalAmount: '其中：财政资金',
  otherAmount: '其他资金',
  annualAmount: '年度资金申请总额',
  annualFiscalAmount: '其中：当年财政拨款',
  carryOverAmount: '上年结转资金',
  annualOtherAmount: '其他资金',
};

/** Labels of the form's own fields, as the printed 绩效目标填报表 names them. */
export const FORM_FIELD_LABELS = {
  formTitle: '财政项目支出绩效目标填报表',
  projectName: '项目名称',
  projectCode: '项目编码',
  category: '项目类别',
  continuity: '新增/延续',
  functionClass: '功能分类科目',
  printedDepartment: '主管部门',
  printedImplementingUnit: '实施单位',
  plannedStart: '计划开始日期',
  plannedEnd: '计划完成日期',
  funds: '项目资金（元）',
  goals: '项目绩效目标',
  totalGoal: '项目总目标',
  goalPeriodStart: '项目总目标起始年度',
  goalPeriodEnd: '项目总目标终止年度',
  annualGoal: '年度总目标',
  indicators: '绩效指标',
  level1: '一级指标',
  level2: '二级指标',
  level3: '三级指标',
  targetValue: '年度指标值',
  weight: '分值',
  scoringNotes: '评分细则',
  explanation: '指标解释',
  remark: '备注',
  nature: '指标性质',
  measureUnit: '度量单位',
  weakerTargetReason: '指标值下调理由',
} as const;

/** 自评表状态 — self-evaluation states (docs/domain.md §5): 草稿 → 已提交 → 已复核 → 已定稿; 退回 sends it back to the unit. */
export const EVALUATION_STATUSES = ['draft', 'submitted', 'returned', 'reviewed', 'final'] as const;
export type EvaluationStatus = (typeof EVALUATION_STATUSES)[number];
export const EVALUATION_STATUS_LABELS: Record<EvaluationStatus, string> = {
  draft: '草稿',
  submitted: '已提交',
  returned: '已退回',
  reviewed: '已复核',
  final: '已定稿',
};

/** 自评动作 — 提交, 撤回, 退回, 复核, 定稿. */
export const EVALUATION_ACTIONS = ['submit', 'withdraw', 'return', 'review', 'finalise'] as const;
export type EvaluationAction = (typeof EVALUATION_ACTIONS)[number];
export const EVALUATION_ACTION_LABELS: Record<EvaluationAction, string> = {
  submit: '提交',
  withdraw: '撤回',
  return: '退回',
  review: '复核',
  finalise: '定稿',
};

/** 自评表 terms as the official 财政项目支出绩效自评表 prints them. */
export const EVALUATION_FIELD_LABELS = {
  title: '财政项目支出绩效自评表',
  funds: '项目资金（元）',
  initialBudget: '年初预算数',
  annualBudget: '全年预算数',
  executedAmount: '全年执行数',
  weight: '分值',
  executionRate: '执行率',
  score: '得分',
  goals: '年度总体目标',
  expectedGoal: '预期目标',
  actualGoal: '实际完成情况',
  targetValue: '年度指标值',
  actualValue: '实际完成值',
  deviationReason: '偏差原因分析及改进措施',
  totalScore: '总分',
  grade: '自评等级',
  band: '完成档次',
  reviewerReason: '复核调整理由',
} as const;

/** 评分规则 options the admin chooses between (docs/domain.md §4). */
export const REVERSE_FORMULA_LABELS = {
  ratio: 'A / B × 分值（自评表模板）',
  linear: '(1 − (B − A) / A) × 分值，B ≥ 2A 得 0',
} as const;

/** 待办 reasons of the self-evaluation. */
export const EVALUATION_INBOX_REASON_LABELS = {
  to_evaluate: '待自评',
  returned: '自评被退回',
  to_review: '待复核',
  to_finalise: '待定稿',
} as const;

/** Comparison of a quantitative 年度指标值 (≥, >, =, ≤, <), as the value grammar of libs/domain reads it. */
export const COMPARISON_OPERATORS = ['eq', 'gte', 'gt', 'lte', 'lt'] as const;
export type ComparisonOperator = (typeof COMPARISON_OPERATORS)[number];

/** Why a form is in someone's 待办. */
export const INBOX_REASONS = ['to_review', 'to_report', 'returned', 'draft_unsubmitted'] as const;
export type InboxReason = (typeof INBOX_REASONS)[number];

/** Why a 自评表 waits on someone: the unit has an approved form to evaluate, or one returned; the reviewer has one to 复核 or to 定稿. */
export const EVALUATION_INBOX_REASONS = ['to_evaluate', 'returned', 'to_review', 'to_finalise'] as const;
export type EvaluationInboxReason = (typeof EVALUATION_INBOX_REASONS)[number];

/** 重新评分 job states; superseded: a newer policy version was saved while it ran, and that version's job finishes the work. */
export const SCORING_JOB_STATUSES = ['queued', 'running', 'done', 'failed', 'superseded'] as const;
export type ScoringJobStatus = (typeof SCORING_JOB_STATUSES)[number];

/** 批量导出 (issue 13): what is exported, as what, and the job's states (expired: its file was deleted after EXPORT_TTL_HOURS). */
export const EXPORT_KINDS = ['goal', 'evaluation'] as const;
export type ExportKind = (typeof EXPORT_KINDS)[number];
export const EXPORT_KIND_LABELS: Record<ExportKind, string> = { goal: '绩效目标填报表', evaluation: '绩效自评表' };
export const EXPORT_FORMATS = ['xlsx', 'zip'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];
export const EXPORT_FORMAT_LABELS: Record<ExportFormat, string> = {
  xlsx: '一个工作簿（汇总表 + 每表一页）',
  zip: '压缩包（每表一个工作簿）',
};
export const EXPORT_JOB_STATUSES = ['queued', 'running', 'done', 'failed', 'expired'] as const;
export type ExportJobStatus = (typeof EXPORT_JOB_STATUSES)[number];
export const EXPORT_JOB_STATUS_LABELS: Record<ExportJobStatus, string> = {
  queued: '排队中',
  running: '导出中',
  done: '已完成',
  failed: '失败',
  expired: '已过期',
};

/** 完成档次 codes of the scoring policy's qualitative bands (偏差/定性档次). */
export const QUALITATIVE_BAND_CODES = ['achieved', 'partly', 'missed'] as const;
export type QualitativeBandCode = (typeof QUALITATIVE_BAND_CODES)[number];

/** 截止日期 kinds, per tenant and year, set by the admin. */
export const DEADLINE_KINDS = ['submit', 'supervisor_review', 'finance_review'] as const;
export type DeadlineKind = (typeof DEADLINE_KINDS)[number];
export const DEADLINE_KIND_LABELS: Record<DeadlineKind, string> = {
  submit: '单位提交截止日期',
  supervisor_review: '主管部门审核截止日期',
  finance_review: '财政审核截止日期',
};

/** 年度状态: open from 开启新年度 until the admin closes it. */
export const FISCAL_YEAR_STATUSES = ['open', 'closed'] as const;
export type FiscalYearStatus = (typeof FISCAL_YEAR_STATUSES)[number];
export const FISCAL_YEAR_STATUS_LABELS: Record<FiscalYearStatus, string> = { open: '已开启', closed: '已关闭' };

/** Code lists with one version per budget year (the classification changes from year to year); the others are tenant-wide. */
export const YEARLY_CODE_LISTS = ['function_class'] as const;

/** 日志事件 — what the audit log records (docs/adr/0020-audit-log.md). */
export const AUDIT_EVENT_TYPES = [
  'login',
  'login.failed',
  'login.throttled',
  'logout',
  'session.revoke',
  'user.create',
  'user.update',
  'user.revoke_sessions',
  'user.reset_password',
  'organization.create',
  'organization.update',
  'organization.delete',
  'finance_division.update',
  'code_list.update',
  'taxonomy.update',
  'deadline.update',
  'year.open',
  'year.close',
  'scoring_policy.create',
  'scoring_job.create',
  'export.create',
  'admin.write',
] as const;
export type AuditEventType = (typeof AUDIT_EVENT_TYPES)[number];
export const AUDIT_EVENT_TYPE_LABELS: Record<AuditEventType, string> = {
  login: '登录成功',
  'login.failed': '登录失败',
  'login.throttled': '登录受限（尝试过多）',
  logout: '退出登录',
  'session.revoke': '结束会话',
  'user.create': '新建用户',
  'user.update': '修改用户',
  'user.revoke_sessions': '强制用户下线',
  'user.reset_password': '重置用户密码',
  'organization.create': '新建组织',
  'organization.update': '修改组织',
  'organization.delete': '删除组织',
  'finance_division.update': '调整财政科室分管',
  'code_list.update': '修改代码表',
  'taxonomy.update': '修改指标体系',
  'deadline.update': '设置截止日期',
  'year.open': '开启新年度',
  'year.close': '关闭年度',
  'scoring_policy.create': '发布评分规则',
  'scoring_job.create': '重新评分',
  'export.create': '批量导出',
  'admin.write': '管理员其他操作',
};

/**
 * 消息提醒 kinds: a step made the user the next actor (or told the filer its outcome), or a 截止日期 is near
 * (apps/api/src/modules/notifications).
 */
export const NOTIFICATION_KINDS = [
  'form_to_review',
  'form_to_report',
  'form_returned',
  'form_finance_returned',
  'form_approved',
  'form_rejected',
  'evaluation_to_review',
  'evaluation_to_finalise',
  'evaluation_returned',
  'evaluation_final',
  'deadline_reminder',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];
export const NOTIFICATION_KIND_LABELS: Record<NotificationKind, string> = {
  form_to_review: '待审核',
  form_to_report: '待汇总报送',
  form_returned: '已退回',
  form_finance_returned: '财政退回',
  form_approved: '审核通过',
  form_rejected: '不予通过',
  evaluation_to_review: '自评待复核',
  evaluation_to_finalise: '自评待定稿',
  evaluation_returned: '自评被退回',
  evaluation_final: '自评已定稿',
  deadline_reminder: '截止提醒',
};

/**
 * 指标库 tiers (issue 14): 共性指标 set by the 财政局 for the whole tenant, 行业/部门指标 by a 主管部门 for its subtree,
 * a unit's own 个性指标 for its subtree.
 */
export const LIBRARY_TIERS = ['common', 'department', 'unit'] as const;
export type LibraryTier = (typeof LIBRARY_TIERS)[number];
export const LIBRARY_TIER_LABELS: Record<LibraryTier, string> = {
  common: '共性指标',
  department: '行业/部门指标',
  unit: '个性指标',
};

/** Why an indicator is suggested for a form (issue 14 point 2), the main reason first in a suggestion's `reasons`. */
export const SUGGESTION_REASONS = ['goalSentence', 'missingSlot', 'functionClass', 'words', 'similarProjects'] as const;
export type SuggestionReason = (typeof SUGGESTION_REASONS)[number];
export const SUGGESTION_REASON_LABELS: Record<SuggestionReason, string> = {
  goalSentence: '对应年度总目标',
  missingSlot: '补齐二级指标',
  functionClass: '同功能分类科目',
  words: '与项目名称、目标相近',
  similarProjects: '相似项目在用',
};
