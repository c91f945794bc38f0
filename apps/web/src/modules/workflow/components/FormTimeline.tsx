import {
  FORM_ACTION_LABELS,
  FORM_STATUS_LABELS,
  REVIEW_RESULT_LABELS,
  type FormHistoryEntry,
  type FormStatus,
} from '@jxt/contracts';
import { fieldValueText } from '@jxt/domain';
import { useCallback } from 'react';
import { FormStatusTag } from '../../../ui/FormStatusTag';
import { ChangeList, historyItem, HistoryTimeline, Unchanged, type ChangeValueText } from '../../../ui/HistoryTimeline';
import { useCodeList, useFunctionClasses } from '../../forms/hooks';
import { useHistory } from '../hooks';

const COLORS: Partial<Record<string, string>> = {
  approve: 'green',
  report: 'blue',
  return: 'orange',
  reject: 'red',
  reopen: 'purple',
  save: 'gray',
};

function entryItem(entry: FormHistoryEntry, valueText: ChangeValueText) {
  if (entry.kind === 'save') {
    const changes = entry.changes ?? [];
    return historyItem(
      entry,
      '保存修改',
      COLORS.save,
      changes.length === 0 ? <Unchanged /> : <ChangeList changes={changes} valueText={valueText} />,
    );
  }
  // A past year's record imported from its 自评表 (docs/domain.md §4.1): locked without 提交 or 审核.
  if (entry.kind === 'import')
    return historyItem(
      entry,
      '导入',
      'purple',
      <>
        <div className="timeline-states">
          导入为{entry.toStatus ? FORM_STATUS_LABELS[entry.toStatus] : ''}（未经系统审核流程）
        </div>
        {entry.comment && <div className="timeline-comment">{entry.comment}</div>}
      </>,
    );
  // No action and no earlier status: the form's creation (a next year's form carried forward).
  const action = entry.action ? FORM_ACTION_LABELS[entry.action] : entry.fromStatus ? '状态变更' : '新建';
  return historyItem(
    entry,
    action,
    (entry.action && COLORS[entry.action]) || 'blue',
    <>
      <div className="timeline-states">
        {entry.fromStatus ? FORM_STATUS_LABELS[entry.fromStatus] : '新建'} →{' '}
        {entry.toStatus ? FORM_STATUS_LABELS[entry.toStatus] : ''}
        {entry.reviewResult && (
          <span className="timeline-result">审核结果：{REVIEW_RESULT_LABELS[entry.reviewResult]}</span>
        )}
      </div>
      {entry.filer && (
        <div className="timeline-filer">
          填报人：{entry.filer.name}　联系电话：{entry.filer.phone}
        </div>
      )}
      {entry.comment && <div className="timeline-comment">{entry.comment}</div>}
    </>,
  );
}

/** 审批记录: the form's status and every transition and save, newest first. */
export function FormTimeline({ formId, year, status }: { formId: string; year: number; status: FormStatus }) {
  const history = useHistory(formId);
  // A save's history keeps the codes it stored; they read by the tenant's labels (功能分类科目: the form year's version).
  const categories = useCodeList('project_category');
  const functionClasses = useFunctionClasses(year);
  const valueText = useCallback<ChangeValueText>(
    (field, value) =>
      fieldValueText(field, value, { project_category: categories.data, function_class: functionClasses.data }),
    [categories.data, functionClasses.data],
  );
  return (
    <HistoryTimeline
      title="审批记录"
      status={<FormStatusTag status={status} />}
      history={history}
      item={(entry) => entryItem(entry, valueText)}
    />
  );
}
