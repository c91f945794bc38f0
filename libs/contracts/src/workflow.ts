import type { FormAction, FormStatus, ReviewResult, Role } from './labels';

/** POST /api/forms/:id/transitions */
export interface TransitionRequest {
  action: FormAction;
  /** Required for 退回, 不予通过 and 调整. */
  comment?: string | null;
  /** Finance's 审核结果: 优/良 with approve, 中 with return, 差 with reject. */
  reviewResult?: ReviewResult | null;
  /** The field the comment is about (dotted path like `funds.totalAmount`), shown beside it to the filer. */
  field?: string | null;
  /** 填报人 — required with 提交 (proposed from the user's profile), printed in the form's footer. */
  filerName?: string | null;
  /** 联系电话 — required with 提交: a mobile number or a landline with its area code. */
  filerPhone?: string | null;
  rowVersion: number;
}

/** Who filed a submission and how to reach them, as the 提交 recorded it. */
export interface SubmissionFiler {
  /** 填报人 */
  name: string;
  /** 联系电话 */
  phone: string;
}

/** One changed field of a saved form (history and revision comparison). */
export interface FormFieldChange {
  field: string;
  label: string;
  before: string | null;
  after: string | null;
}

/** GET /api/forms/:id/history — append-only. */
export interface FormHistoryEntry {
  id: string;
  kind: 'transition' | 'save';
  action: FormAction | null;
  fromStatus: FormStatus | null;
  toStatus: FormStatus | null;
  actorName: string;
  actorRoles: Role[];
  actorOrganizationName: string;
  comment: string | null;
  field: string | null;
  reviewResult: ReviewResult | null;
  changes: FormFieldChange[] | null;
  /** 填报人 and 联系电话 of a 提交 (null for every other entry, and for 提交 recorded before they were asked). */
  filer: SubmissionFiler | null;
  rowVersion: number;
  at: string;
}

/** POST /api/forms/transitions/batch — each form checked and committed on its own. */
export interface BatchTransitionRequest {
  action: FormAction;
  comment?: string | null;
  reviewResult?: ReviewResult | null;
  /** With 提交: the same 填报人 and 联系电话 for every form of the batch. */
  filerName?: string | null;
  filerPhone?: string | null;
  forms: { id: string; rowVersion: number }[];
}

export interface BatchTransitionResult {
  formId: string;
  ok: boolean;
  status?: FormStatus;
  rowVersion?: number;
  statusCode?: number;
  message?: string;
}

export interface BatchTransitionResponse {
  results: BatchTransitionResult[];
  succeeded: number;
  failed: number;
}

/** Why an item is in someone's inbox. */
export type InboxReason = 'to_review' | 'to_report' | 'returned' | 'draft_due';

export interface InboxItem {
  formId: string;
  rowVersion: number;
  projectCode: string;
  projectName: string;
  organizationName: string;
  year: number;
  revision: number;
  status: FormStatus;
  reason: InboxReason;
  /** When the form entered its current state. */
  since: string;
  /** The deadline that applies to this step, if the admin set one. */
  dueDate: string | null;
  overdue: boolean;
  /** The latest comment (e.g. why it was returned). */
  lastComment: string | null;
}

export interface InboxResponse {
  items: InboxItem[];
  counts: Record<InboxReason, number>;
  total: number;
  overdue: number;
}

/** 截止日期 per tenant and year, set by the admin. */
export type DeadlineKind = 'submit' | 'supervisor_review' | 'finance_review';
export const DEADLINE_KINDS: readonly DeadlineKind[] = ['submit', 'supervisor_review', 'finance_review'];
export const DEADLINE_KIND_LABELS: Record<DeadlineKind, string> = {
  submit: '单位提交截止日期',
  supervisor_review: '主管部门审核截止日期',
  finance_review: '财政审核截止日期',
};

export interface Deadline {
  year: number;
  kind: DeadlineKind;
  /** ISO date */
  dueDate: string;
}

/** Which 主管部门 a 财政科室 reviews. */
export interface FinanceDivisionAssignment {
  divisionId: string;
  departmentIds: string[];
}

/** The latest reviewer's word on a form (shown at the top of a returned form). */
export interface LatestReview {
  action: FormAction;
  comment: string;
  field: string | null;
  reviewResult: ReviewResult | null;
  actorName: string;
  actorOrganizationName: string;
  at: string;
}

/** A form's revisions (调整 makes a new one; the approved one stays readable). */
export interface FormRevisionSummary {
  id: string;
  revision: number;
  status: FormStatus;
  updatedAt: string;
}
