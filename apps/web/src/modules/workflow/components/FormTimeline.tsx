import { FORM_ACTION_LABELS, FORM_STATUS_LABELS, REVIEW_RESULT_LABELS, ROLE_LABELS, type FormFieldChange, type FormHistoryEntry } from '@jxt/contracts';
import { useState } from 'react';
import { formatYuan } from '@jxt/domain';
import { Alert, Button, Card, Empty, Spin, Timeline, Typography } from 'antd';
import { FormStatusTag } from '../../../ui/FormStatusTag';
import { useHistory } from '../hooks';
import { formatTime } from '../format';
import type { FormStatus } from '@jxt/contracts';

const COLORS: Partial<Record<string, string>> = { approve: 'green', report: 'blue', return: 'orange', reject: 'red', reopen: 'purple', save: 'gray' };

const FIRST = 6;

/** The changed fields of a save as old → new; a long list (a first save) folds after a few lines. */
function ChangeList({ changes }: { changes: FormFieldChange[] }) {
  const [open, setOpen] = useState(false);
  const shown = open ? changes : changes.slice(0, FIRST);
  return (
    <ul className="timeline-changes">
      {shown.map((change, i) => (
        <li key={i}>
          <span className="timeline-change-label">{change.label}</span>：
          <del>
            <Value field={change.field} value={change.before} />
          </del>{' '}
          →{' '}
          <ins>
            <Value field={change.field} value={change.after} />
          </ins>
        </li>
      ))}
      {changes.length > FIRST && (
        <li className="timeline-more">
          <Button type="link" size="small" onClick={() => setOpen(!open)}>
            {open ? '收起' : `还有 ${changes.length - FIRST} 处修改，展开`}
          </Button>
        </li>
      )}
    </ul>
  );
}

function Time({ at }: { at: string }) {
  return <span className="timeline-time">{formatTime(at)}</span>;
}

function Who({ entry }: { entry: FormHistoryEntry }) {
  return (
    <span className="timeline-who">
      {entry.actorName}
      {entry.actorRoles.length > 0 && <Typography.Text type="secondary">（{entry.actorRoles.map((r) => ROLE_LABELS[r]).join('、')}）</Typography.Text>}
      <Typography.Text type="secondary"> {entry.actorOrganizationName}</Typography.Text>
    </span>
  );
}

const LONG = 60;

/** A value of a saved change: amounts with separators, long texts cut (whole text on hover). */
function Value({ field, value }: { field: string; value: string | null }) {
  if (value === null || value === '') return <>（空）</>;
  let text = value;
  if (field.startsWith('funds.')) {
    try {
      text = formatYuan(value);
    } catch {
      text = value;
    }
  }
  return text.length > LONG ? <span title={text}>{`${text.slice(0, LONG)}…`}</span> : <>{text}</>;
}

function entryItem(entry: FormHistoryEntry) {
  if (entry.kind === 'save') {
    const changes = entry.changes ?? [];
    return {
      key: entry.id,
      color: COLORS.save,
      content: (
        <div className="timeline-entry">
          <div>
            <strong>保存修改</strong> · <Who entry={entry} />
            <Time at={entry.at} />
          </div>
          {changes.length === 0 ? <Typography.Text type="secondary">内容未变</Typography.Text> : <ChangeList changes={changes} />}
        </div>
      ),
    };
  }
  const action = entry.action ? FORM_ACTION_LABELS[entry.action] : '状态变更';
  return {
    key: entry.id,
    color: (entry.action && COLORS[entry.action]) || 'blue',
    content: (
      <div className="timeline-entry">
        <div>
          <strong>{action}</strong> · <Who entry={entry} />
          <Time at={entry.at} />
        </div>
        <div className="timeline-states">
          {entry.fromStatus ? FORM_STATUS_LABELS[entry.fromStatus] : '新建'} → {entry.toStatus ? FORM_STATUS_LABELS[entry.toStatus] : ''}
          {entry.reviewResult && <span className="timeline-result">审核结果：{REVIEW_RESULT_LABELS[entry.reviewResult]}</span>}
        </div>
        {entry.comment && <div className="timeline-comment">{entry.comment}</div>}
      </div>
    ),
  };
}

/** 审批记录: the form's status and every transition and save, newest first. */
export function FormTimeline({ formId, status }: { formId: string; status: FormStatus }) {
  const history = useHistory(formId);
  return (
    <Card
      className="form-timeline no-print"
      title={
        <span>
          审批记录 <FormStatusTag status={status} />
        </span>
      }
      size="small"
    >
      {history.isPending ? (
        <Spin description="加载中…" />
      ) : history.isError ? (
        <Alert type="error" showIcon title="无法读取审批记录" description={history.error.message} action={<Button onClick={() => void history.refetch()}>重试</Button>} />
      ) : history.data.length === 0 ? (
        <Empty description="暂无记录" />
      ) : (
        <Timeline items={[...history.data].reverse().map(entryItem)} />
      )}
    </Card>
  );
}
