import { EVALUATION_ACTION_LABELS, EVALUATION_STATUS_LABELS, ROLE_LABELS, type EvaluationHistoryEntry, type EvaluationStatus } from '@jxt/contracts';
import { formatYuan } from '@jxt/domain';
import { Alert, Button, Card, Empty, Spin, Timeline, Typography } from 'antd';
import { useState } from 'react';
import { EvaluationStatusTag } from '../../../ui/EvaluationStatusTag';
import { formatTime } from '../../workflow/format';
import { useEvaluationHistory } from '../hooks';

const COLORS: Partial<Record<string, string>> = { submit: 'blue', review: 'green', finalise: 'green', return: 'orange', withdraw: 'gray', save: 'gray' };
const FIRST = 6;
const LONG = 60;

/** A value of a change: amounts with separators, long texts cut (whole text on hover). */
function Value({ field, value }: { field: string; value: string | null }) {
  if (value === null || value === '') return <>（空）</>;
  const text = field.startsWith('funds.') ? formatYuan(value) : value;
  return text.length > LONG ? <span title={text}>{`${text.slice(0, LONG)}…`}</span> : <>{text}</>;
}

function ChangeList({ changes }: { changes: NonNullable<EvaluationHistoryEntry['changes']> }) {
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

function Who({ entry }: { entry: EvaluationHistoryEntry }) {
  return (
    <span className="timeline-who">
      {entry.actorName}
      {entry.actorRoles.length > 0 && <Typography.Text type="secondary">（{entry.actorRoles.map((r) => ROLE_LABELS[r]).join('、')}）</Typography.Text>}
      <Typography.Text type="secondary"> {entry.actorOrganizationName}</Typography.Text>
    </span>
  );
}

function entryItem(entry: EvaluationHistoryEntry) {
  const title = entry.kind === 'save' ? '保存修改' : entry.action ? EVALUATION_ACTION_LABELS[entry.action] : '状态变更';
  const changes = entry.changes ?? [];
  return {
    key: entry.id,
    color: COLORS[entry.kind === 'save' ? 'save' : (entry.action ?? '')] ?? 'blue',
    content: (
      <div className="timeline-entry">
        <div>
          <strong>{title}</strong> · <Who entry={entry} />
          <span className="timeline-time">{formatTime(entry.at)}</span>
        </div>
        {entry.kind === 'transition' && (
          <div className="timeline-states">
            {entry.fromStatus ? EVALUATION_STATUS_LABELS[entry.fromStatus] : '新建'} → {entry.toStatus ? EVALUATION_STATUS_LABELS[entry.toStatus] : ''}
          </div>
        )}
        {entry.comment && <div className="timeline-comment">{entry.comment}</div>}
        {changes.length > 0 && <ChangeList changes={changes} />}
        {entry.kind === 'save' && changes.length === 0 && <Typography.Text type="secondary">内容未变</Typography.Text>}
      </div>
    ),
  };
}

/** 自评记录: every save and step of the 自评表 (who, when, from which state to which, the comment), newest first. */
export function EvaluationTimeline({ evaluationId, status }: { evaluationId: string; status: EvaluationStatus }) {
  const history = useEvaluationHistory(evaluationId);
  return (
    <Card
      className="form-timeline no-print"
      title={
        <span>
          自评记录 <EvaluationStatusTag status={status} />
        </span>
      }
      size="small"
    >
      {history.isPending ? (
        <Spin description="加载中…" />
      ) : history.isError ? (
        <Alert type="error" showIcon title="无法读取自评记录" description={history.error.message} action={<Button onClick={() => void history.refetch()}>重试</Button>} />
      ) : history.data.length === 0 ? (
        <Empty description="暂无记录" />
      ) : (
        <Timeline items={[...history.data].reverse().map(entryItem)} />
      )}
    </Card>
  );
}
