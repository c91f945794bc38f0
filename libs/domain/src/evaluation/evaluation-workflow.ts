import type { EvaluationAction, EvaluationStatus, FieldIssue, Role } from '@jxt/contracts';

/**
 * 自评流程 (docs/domain.md §5): draft → submitted → reviewed (复核) → final, as data like the form's workflow.
 * The API enforces it and the SPA offers exactly these buttons.
 */
export interface EvaluationTransitionRule {
  action: EvaluationAction;
  from: EvaluationStatus;
  to: EvaluationStatus;
  roles: readonly Role[];
  requiresComment: boolean;
  /** 提交 needs every indicator scored and every required 偏差原因 given. */
  requiresComplete?: boolean;
  /** 复核 and 定稿: nobody reviews a self-evaluation they submitted. */
  forbidsOwnSubmission?: boolean;
  /** 复核 may carry the reviewer's adjustments of qualitative scores. */
  takesAdjustments?: boolean;
}

export const EVALUATION_TRANSITIONS: readonly EvaluationTransitionRule[] = [
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
  { action: 'withdraw', from: 'submitted', to: 'draft', roles: ['filer'], requiresComment: false },
  { action: 'return', from: 'submitted', to: 'returned', roles: ['reviewer'], requiresComment: true },
  {
    action: 'review',
    from: 'submitted',
    to: 'reviewed',
    roles: ['reviewer'],
    requiresComment: false,
    forbidsOwnSubmission: true,
    takesAdjustments: true,
  },
  // After 复核 the reviewer may still send it back before it is final.
  { action: 'return', from: 'reviewed', to: 'returned', roles: ['reviewer'], requiresComment: true },
  {
    action: 'finalise',
    from: 'reviewed',
    to: 'final',
    roles: ['reviewer'],
    requiresComment: false,
    forbidsOwnSubmission: true,
  },
];

/** States in which the unit may change its self-evaluation. */
export const EVALUATION_EDITABLE_STATUSES: readonly EvaluationStatus[] = ['draft', 'returned'];

export function isEvaluationEditable(status: EvaluationStatus): boolean {
  return EVALUATION_EDITABLE_STATUSES.includes(status);
}

export function availableEvaluationActions(status: EvaluationStatus, roles: readonly Role[]): EvaluationAction[] {
  return [
    ...new Set(
      EVALUATION_TRANSITIONS.filter((t) => t.from === status && t.roles.some((r) => roles.includes(r))).map(
        (t) => t.action,
      ),
    ),
  ];
}

export interface EvaluationTransitionRequest {
  status: EvaluationStatus;
  action: EvaluationAction;
  roles: readonly Role[];
  actorId: string;
  submittedBy?: string | null;
  comment?: string | null;
  /** How many adjustments the request carries (only 复核 takes any). */
  adjustmentCount?: number;
  issues?: readonly FieldIssue[];
}

export type EvaluationRefusal =
  | 'not_allowed_in_status'
  | 'role_not_allowed'
  | 'comment_required'
  | 'adjustments_not_allowed'
  | 'own_submission'
  | 'incomplete';

export type EvaluationDecision =
  | { ok: true; rule: EvaluationTransitionRule }
  | { ok: false; reason: EvaluationRefusal; message: string; issues?: FieldIssue[] };

const refuse = (reason: EvaluationRefusal, message: string, issues?: FieldIssue[]): EvaluationDecision => ({
  ok: false,
  reason,
  message,
  issues,
});

export function decideEvaluationTransition(request: EvaluationTransitionRequest): EvaluationDecision {
  const candidates = EVALUATION_TRANSITIONS.filter((t) => t.from === request.status && t.action === request.action);
  if (!candidates.length) return refuse('not_allowed_in_status', '自评表当前状态下不能执行此操作');
  const rule = candidates.find((t) => t.roles.some((r) => request.roles.includes(r)));
  if (!rule) return refuse('role_not_allowed', '当前角色无权执行此操作');
  if (rule.requiresComment && !request.comment?.trim()) return refuse('comment_required', '请填写退回意见');
  if (!rule.takesAdjustments && (request.adjustmentCount ?? 0) > 0)
    return refuse('adjustments_not_allowed', '只有复核时可以调整定性指标得分');
  if (rule.forbidsOwnSubmission && request.submittedBy && request.submittedBy === request.actorId)
    return refuse('own_submission', '不能复核自己提交的自评表');
  if (rule.requiresComplete) {
    const errors = (request.issues ?? []).filter((i) => i.severity === 'error');
    if (errors.length) return refuse('incomplete', `自评表还有 ${errors.length} 处需要填写或修改，不能提交`, errors);
  }
  return { ok: true, rule };
}
