/**
 * The newest comment of a form's current round: a transition's comment made at or after the form's last 提交
 * (the 提交 itself may carry one). A 退回 comment of an earlier round is settled by the resubmission and is not
 * shown again (待办's 最新意见, the form's latestReview); a form never submitted (a draft, an 调整 revision) has one
 * round from its first event. `formId` is the SQL expression of the form's id; `column` what the subquery selects.
 */
export const CURRENT_ROUND_COMMENT = (formId: string, column: 'comment' | 'id' = 'comment') => `
  SELECT c.${column} FROM form_event c
  WHERE c.form_id = ${formId} AND c.kind = 'transition' AND c.comment IS NOT NULL
    AND c.id >= coalesce((SELECT max(sub.id) FROM form_event sub WHERE sub.form_id = ${formId} AND sub.kind = 'transition' AND sub.action = 'submit'), 0)
  ORDER BY c.id DESC LIMIT 1`;
