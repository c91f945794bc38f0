import {
  EVALUATION_ACTION_LABELS,
  EVALUATION_STATUS_LABELS,
  type EvaluationHistoryEntry,
  type EvaluationStatus,
} from '@jxt/contracts';
import { EvaluationStatusTag } from '../../../ui/EvaluationStatusTag';
import { ChangeList, historyItem, HistoryTimeline, Unchanged } from '../../../ui/HistoryTimeline';
import { useEvaluationHistory } from '../hooks';

const COLORS: Partial<Record<string, string>> = {
  submit: 'blue',
  review: 'green',
  finalise: 'green',
  return: 'orange',
  withdraw: 'gray',
  save: 'gray',
};

function entryItem(entry: EvaluationHistoryEntry) {
  const title =
    entry.kind === 'save'
      ? '保存修改'
      : entry.kind === 'import'
        ? '导入'
        : entry.action
          ? EVALUATION_ACTION_LABELS[entry.action]
          : '状态变更';
  const changes = entry.changes ?? [];
  return historyItem(
    entry,
    title,
    entry.kind === 'import' ? 'purple' : (COLORS[entry.kind === 'save' ? 'save' : (entry.action ?? '')] ?? 'blue'),
    <>
      {entry.kind === 'transition' && (
        <div className="timeline-states">
          {entry.fromStatus ? EVALUATION_STATUS_LABELS[entry.fromStatus] : '新建'} →{' '}
          {entry.toStatus ? EVALUATION_STATUS_LABELS[entry.toStatus] : ''}
        </div>
      )}
      {entry.comment && <div className="timeline-comment">{entry.comment}</div>}
      {/* A 复核 and the 退回 that undoes it list their changes too. */}
      {changes.length > 0 && <ChangeList changes={changes} />}
      {entry.kind === 'save' && changes.length === 0 && <Unchanged />}
      {entry.kind === 'import' && (
        <div className="timeline-states">
          导入为{entry.toStatus ? EVALUATION_STATUS_LABELS[entry.toStatus] : ''}（未经系统审核流程）
        </div>
      )}
    </>,
  );
}

/** 自评记录: every save and step of the 自评表 (who, when, from which state to which, the comment), newest first. */
export function EvaluationTimeline({ evaluationId, status }: { evaluationId: string; status: EvaluationStatus }) {
  const history = useEvaluationHistory(evaluationId);
  return (
    <HistoryTimeline
      title="自评记录"
      status={<EvaluationStatusTag status={status} />}
      history={history}
      item={entryItem}
    />
  );
}
