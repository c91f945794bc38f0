import { REVIEW_RESULT_LABELS, type FormStatus, type FormSubmission, type GoalForm } from '@jxt/contracts';
import { chinaDateParts } from '@jxt/domain';
import { SheetColumns } from './SheetColumns';

/** States in which finance's 审核结果 is final and belongs on the printed form: 财政已审核, 不予通过. */
const REVIEWED: ReadonlySet<FormStatus> = new Set<FormStatus>(['finance_approved', 'rejected']);

/**
 * The last row of the sheet once finance has decided: 审核结果 (优/良, or 差) and its 审核意见, on the sheet's grid.
 * A 中 sends the form back, so a form still under way prints none.
 */
export function ReviewResultTable({ form }: { form: GoalForm }) {
  if (!REVIEWED.has(form.status) || !form.reviewResult) return null;
  return (
    <table className="sheet-table sheet-review">
      <SheetColumns />
      <tbody>
        <tr>
          <th scope="row">审核结果</th>
          <td className="sheet-review-result">{REVIEW_RESULT_LABELS[form.reviewResult]}</td>
          <th scope="row">审核意见</th>
          <td colSpan={3} className="sheet-review-comment">
            {form.reviewComment ?? ''}
          </td>
        </tr>
      </tbody>
    </table>
  );
}

/** A value written on its line, or the empty line to write on by hand. */
function OnLine({ value, size }: { value: string | null | undefined; size: 'name' | 'phone' | 'year' | 'day' }) {
  return value ? (
    <span className={`sheet-filled sheet-line-${size}`}>{value}</span>
  ) : (
    <span className={`sheet-blank sheet-line-${size}`} />
  );
}

/**
 * The footer of the paper form, one line under the table: 填报人, 联系电话 and 填报日期 as the 提交 recorded them
 * (the date in China time), blank lines while there is none, and 单位（盖章） at the right, where the unit's round
 * seal is stamped over the label (as on paper it may overlap the table above).
 */
export function FilerFooter({ submission }: { submission: FormSubmission | null }) {
  const date = submission ? chinaDateParts(submission.submittedAt) : null;
  return (
    <footer className="sheet-foot">
      {/* Flex items: the spaces between them only keep the words apart in copied text. */}
      <div className="sheet-foot-line">
        <span className="sheet-foot-item">
          填报人：
          <OnLine value={submission?.name} size="name" />
        </span>{' '}
        <span className="sheet-foot-item">
          联系电话：
          <OnLine value={submission?.phone} size="phone" />
        </span>{' '}
        <span className="sheet-foot-item">
          填报日期：
          <OnLine value={date?.year} size="year" />年<OnLine value={date?.month} size="day" />月
          <OnLine value={date?.day} size="day" />日
        </span>{' '}
        <span className="sheet-foot-item sheet-seal">单位（盖章）</span>
      </div>
    </footer>
  );
}
