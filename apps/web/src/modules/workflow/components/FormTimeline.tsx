import { FORM_ACTION_LABELS, FORM_STATUS_LABELS, REVIEW_RESULT_LABELS, type FormHistoryEntry, type FormStatus } from '@jxt/contracts';
import { FormStatusTag } from '../../../ui/FormStatusTag';
import { ChangeList, historyItem, HistoryTimeline, Unchanged } from '../../../ui/HistoryTimeline';
import { useHistory } from '../hooks';

const COLORS: Partial<Record<string, string>> = { approve: 'green', report: 'blue', return: 'orange', reject: 'red', reopen: 'purple', save: 'gray' };

function entryItem(entry: FormHistoryEntry) {
  if (entry.kind === 'save') {
    const changes = entry.changes ?? [];
    return historyItem(entry, '保存修改', COLORS.save, changes.length === 0 ? <Unchanged /> : <ChangeList changes={changes} />);
  }
  const action = entry.action ? FORM_ACTION_LABELS[entry.action] : '状态变更';
  return historyItem(
    entry,
    action,
    (entry.action && COLORS[entry.action]) || 'blue',
    <>
      <div className="timeline-states">
        {entry.fromStatus ? FORM_STATUS_LABELS[entry.fromStatus] : '新建'} → {entry.toStatus ? FORM_STATUS_LABELS[entry.toStatus] : ''}
        {entry.reviewResult && <span className="timeline-result">审核结果：{REVIEW_RESULT_LABELS[entry.reviewResult]}</span>}
      </div>
      {entry.comment && <div className="timeline-comment">{entry.comment}</div>}
    </>,
  );
}

/** 审批记录: the form's status and every transition and save, newest first. */
export function FormTimeline({ formId, status }: { formId: string; status: FormStatus }) {
  const history = useHistory(formId);
  return <HistoryTimeline title="审批记录" status={<FormStatusTag status={status} />} history={history} item={entryItem} />;
}
