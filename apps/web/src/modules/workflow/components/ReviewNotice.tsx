import { FORM_ACTION_LABELS, REVIEW_RESULT_LABELS, type GoalForm } from '@jxt/contracts';
import { Alert } from 'antd';
import { fieldLabel } from '../field-paths';
import { formatTime } from '../../../ui/format';

/** States in which the reviewer's latest word is what the reader must act on. */
const SHOWN_IN = new Set<GoalForm['status']>(['returned', 'finance_returned', 'rejected']);

/** The reviewer's comment at the top of a returned form: who, which organisation, when, 审核结果, and the field it concerns. */
export function ReviewNotice({ form }: { form: GoalForm }) {
  const review = form.latestReview;
  if (!review || !SHOWN_IN.has(form.status)) return null;
  const result = review.reviewResult ? `（审核结果：${REVIEW_RESULT_LABELS[review.reviewResult]}）` : '';
  return (
    <Alert
      className="form-alert review-notice"
      type={form.status === 'rejected' ? 'error' : 'warning'}
      showIcon
      title={`${review.actorOrganizationName} ${review.actorName} 于 ${formatTime(review.at)} ${FORM_ACTION_LABELS[review.action]}${result}`}
      description={
        <>
          <div className="review-comment">{review.comment}</div>
          {review.field && (
            <div className="review-field">意见针对：{fieldLabel(form, review.field)}（已在表中标出）</div>
          )}
          {review.points && review.points.length > 0 && (
            <ul className="review-points" aria-label="审核要点">
              {review.points.map((point, n) => (
                <li key={n}>
                  【{point.group}】{point.message}（{fieldLabel(form, point.field)}）
                </li>
              ))}
            </ul>
          )}
        </>
      }
    />
  );
}
