import type { FieldIssue, FormAction, FormStatus, ReviewResult, Role } from '@jxt/contracts';

/**
 * 审批流程 (docs/domain.md §5) as data: every transition a form can take, who may take it and what it needs.
 * The API enforces it and the SPA shows exactly the buttons it allows; neither has its own copy.
 */
export interface TransitionRule {
  action: FormAction;
  from: FormStatus;
  to: FormStatus;
  /** Roles allowed to take it (organisation scope is checked by the API on top). */
  roles: readonly Role[];
  /** 退回 and 不予通过 must say why; 调整 must say what changes. */
  requiresComment: boolean;
  /** Finance records a 审核结果; the result decides the path (优/良 approve, 中 returns, 差 rejects). */
  reviewResults?: readonly ReviewResult[];
  /** 提交 needs a form whose checks (docs/domain.md §2–§3) report no error. */
  requiresComplete?: boolean;
  /** Approvals: nobody approves a form they submitted themselves. */
  forbidsOwnSubmission?: boolean;
  /** 调整: the approved revision stays as it is; a new revision starts as a draft. */
  createsRevision?: boolean;
}

export const FORM_TRANSITIONS: readonly TransitionRule[] = [
  {
    action: 'submit',
    from: 'draft',
    to: 'submitted',
    roles: ['filer'],
    requiresComment: false,
    requiresComplete: true,
  },
  {
    action: 'submit',
    from: 'returned',
    to: 'submitted',
    roles: ['filer'],
    requiresComment: false,
    requiresComplete: true,
  },
  // A filer may take a submission back while the 主管部门 has not acted on it.
  { action: 'withdraw', from: 'submitted', to: 'draft', roles: ['filer'], requiresComment: false },
  {
    action: 'approve',
    from: 'submitted',
    to: 'supervisor_approved',
    roles: ['supervisor'],
    requiresComment: false,
    forbidsOwnSubmission: true,
  },
  { action: 'return', from: 'submitted', to: 'returned', roles: ['supervisor'], requiresComment: true },
  // 汇总报送: the 主管部门 sends its approved forms to finance (in batches); until then it may still return one.
  { action: 'report', from: 'supervisor_approved', to: 'reported', roles: ['supervisor'], requiresComment: false },
  { action: 'return', from: 'supervisor_approved', to: 'returned', roles: ['supervisor'], requiresComment: true },
  // Finance returns to the 主管部门, who settles it with the unit and approves again, or returns it down.
  {
    action: 'approve',
    from: 'finance_returned',
    to: 'supervisor_approved',
    roles: ['supervisor'],
    requiresComment: false,
    forbidsOwnSubmission: true,
  },
  { action: 'return', from: 'finance_returned', to: 'returned', roles: ['supervisor'], requiresComment: true },
  {
    action: 'approve',
    from: 'reported',
    to: 'finance_approved',
    roles: ['finance'],
    requiresComment: false,
    reviewResults: ['excellent', 'good'],
    forbidsOwnSubmission: true,
  },
  {
    action: 'return',
    from: 'reported',
    to: 'finance_returned',
    roles: ['finance'],
    requiresComment: true,
    reviewResults: ['fair'],
  },
  {
    action: 'reject',
    from: 'reported',
    to: 'rejected',
    roles: ['finance'],
    requiresComment: true,
    reviewResults: ['poor'],
  },
  {
    action: 'reopen',
    from: 'finance_approved',
    to: 'draft',
    roles: ['filer'],
    requiresComment: true,
    createsRevision: true,
  },
];

/** States in which the unit may change the form's content. */
export const EDITABLE_STATUSES: readonly FormStatus[] = ['draft', 'returned'];

export function isEditable(status: FormStatus): boolean {
  return EDITABLE_STATUSES.includes(status);
}

/**
 * States whose revision is locked for good: finance approved it (a change is a new 调整 revision) or rejected it.
 * The database refuses any change to such a revision's content (docs/domain.md §5.1).
 */
export const LOCKED_STATUSES: readonly FormStatus[] = ['finance_approved', 'rejected'];

export function isLocked(status: FormStatus): boolean {
  return LOCKED_STATUSES.includes(status);
}

/** The actions these roles may take on a form in this state (what the SPA offers as buttons). */
export function availableActions(status: FormStatus, roles: readonly Role[]): FormAction[] {
  const actions = FORM_TRANSITIONS.filter((t) => t.from === status && t.roles.some((r) => roles.includes(r))).map(
    (t) => t.action,
  );
  return [...new Set(actions)];
}

export interface TransitionRequest {
  status: FormStatus;
  action: FormAction;
  roles: readonly Role[];
  actorId: string;
  /** Who submitted the form most recently (for the own-submission rule). */
  submittedBy?: string | null;
  comment?: string | null;
  reviewResult?: ReviewResult | null;
  /** The form's check results, for 提交. */
  issues?: readonly FieldIssue[];
}

export type TransitionRefusal =
  | 'not_allowed_in_status'
  | 'role_not_allowed'
  | 'comment_required'
  | 'review_result_required'
  | 'review_result_not_for_action'
  | 'own_submission'
  | 'incomplete';

export type TransitionDecision =
  { ok: true; rule: TransitionRule } | { ok: false; reason: TransitionRefusal; message: string; issues?: FieldIssue[] };

const refuse = (reason: TransitionRefusal, message: string, issues?: FieldIssue[]): TransitionDecision => ({
  ok: false,
  reason,
  message,
  issues,
});

/** Decides one transition: the first rule that fits, or why none does (in the words a user reads). */
export function decideTransition(request: TransitionRequest): TransitionDecision {
  const candidates = FORM_TRANSITIONS.filter((t) => t.from === request.status && t.action === request.action);
  if (!candidates.length) return refuse('not_allowed_in_status', '表单当前状态下不能执行此操作');
  const rule = candidates.find((t) => t.roles.some((r) => request.roles.includes(r)));
  if (!rule) return refuse('role_not_allowed', '当前角色无权执行此操作');
  if (rule.requiresComment && !request.comment?.trim())
    return refuse('comment_required', '请填写意见（退回、不予通过和调整必须说明理由）');
  if (rule.reviewResults) {
    if (!request.reviewResult) return refuse('review_result_required', '请选择审核结果（优、良、中、差）');
    if (!rule.reviewResults.includes(request.reviewResult))
      return refuse('review_result_not_for_action', '审核结果与操作不符：优、良为通过，中为退回，差为不予通过');
  } else if (request.reviewResult) {
    return refuse('review_result_not_for_action', '只有财政审核时记录审核结果');
  }
  if (rule.forbidsOwnSubmission && request.submittedBy && request.submittedBy === request.actorId) {
    return refuse('own_submission', '不能审核自己提交的表');
  }
  if (rule.requiresComplete) {
    const errors = (request.issues ?? []).filter((i) => i.severity === 'error');
    if (errors.length) return refuse('incomplete', `表单还有 ${errors.length} 处需要修改，不能提交`, errors);
  }
  return { ok: true, rule };
}
