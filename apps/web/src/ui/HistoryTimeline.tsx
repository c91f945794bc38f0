import { ROLE_LABELS, type Role } from '@jxt/contracts';
import { EMPTY_MARK, fieldValueText } from '@jxt/domain';
import type { UseQueryResult } from '@tanstack/react-query';
import { Alert, Button, Card, Empty, Spin, Timeline, Typography, type TimelineProps } from 'antd';
import { useState, type ReactNode } from 'react';
import { formatTime } from './format';
import './history-timeline.css';

/** What every history entry (a form's, a 自评表's) says about who did it and when. */
export interface HistoryEntryBase {
  id: string;
  actorName: string;
  actorRoles: Role[];
  actorOrganizationName: string;
  at: string;
}

/** One changed field of a save (or a 复核): old → new. */
export interface HistoryChange {
  field: string;
  label: string;
  before: string | null;
  after: string | null;
}

type TimelineItem = NonNullable<TimelineProps['items']>[number];

const FIRST = 6;
const LONG = 60;

/** How a change's stored value reads: null for a blank. */
export type ChangeValueText = (field: string, value: string | null) => string | null;

/**
 * A value of a change as the form prints it (fieldValueText), struck through when it is the old one; a blank is a
 * plain — (nothing to strike through); long texts cut (whole text on hover).
 */
function Value({ text, as: Tag }: { text: string | null; as: 'del' | 'ins' }) {
  if (text === null) return <span className="timeline-empty">{EMPTY_MARK}</span>;
  return <Tag>{text.length > LONG ? <span title={text}>{`${text.slice(0, LONG)}…`}</span> : text}</Tag>;
}

/**
 * The changed fields as old → new; a long list (a first save) folds after a few lines. `valueText` reads the stored
 * values (codes by the tenant's lists …); by default amounts are grouped and the rest shown as stored.
 */
export function ChangeList({
  changes,
  valueText = fieldValueText,
}: {
  changes: readonly HistoryChange[];
  valueText?: ChangeValueText;
}) {
  const [open, setOpen] = useState(false);
  const shown = open ? changes : changes.slice(0, FIRST);
  return (
    <ul className="timeline-changes">
      {shown.map((change, i) => (
        <li key={i}>
          <span className="timeline-change-label">{change.label}</span>：
          <Value as="del" text={valueText(change.field, change.before)} /> →{' '}
          <Value as="ins" text={valueText(change.field, change.after)} />
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

/** A save that changed nothing. */
export function Unchanged() {
  return <Typography.Text type="secondary">内容未变</Typography.Text>;
}

function Who({ entry }: { entry: HistoryEntryBase }) {
  return (
    <span className="timeline-who">
      {entry.actorName}
      {entry.actorRoles.length > 0 && (
        <Typography.Text type="secondary">（{entry.actorRoles.map((r) => ROLE_LABELS[r]).join('、')}）</Typography.Text>
      )}
      <Typography.Text type="secondary"> {entry.actorOrganizationName}</Typography.Text>
    </span>
  );
}

/** One entry of the timeline: `<title> · who (roles) organisation  time`, then what the entry says (`body`). */
export function historyItem(
  entry: HistoryEntryBase,
  title: string,
  color: string | undefined,
  body: ReactNode,
): TimelineItem {
  return {
    key: entry.id,
    color,
    content: (
      <div className="timeline-entry">
        <div>
          <strong>{title}</strong> · <Who entry={entry} />
          <span className="timeline-time">{formatTime(entry.at)}</span>
        </div>
        {body}
      </div>
    ),
  };
}

export interface HistoryTimelineProps<T extends HistoryEntryBase> {
  /** `审批记录`, `自评记录`. */
  title: string;
  /** The state tag beside the title. */
  status: ReactNode;
  history: UseQueryResult<T[], Error>;
  /** The timeline item of an entry (see historyItem). */
  item: (entry: T) => TimelineItem;
}

/** The card under a sheet: its history, newest first (loading, error with 重试, empty). */
export function HistoryTimeline<T extends HistoryEntryBase>({ title, status, history, item }: HistoryTimelineProps<T>) {
  return (
    <Card
      className="form-timeline no-print"
      title={
        <span>
          {title} {status}
        </span>
      }
      size="small"
    >
      {history.isPending ? (
        <Spin description="加载中…" />
      ) : history.isError ? (
        <Alert
          type="error"
          showIcon
          title={`无法读取${title}`}
          description={history.error.message}
          action={<Button onClick={() => void history.refetch()}>重试</Button>}
        />
      ) : history.data.length === 0 ? (
        <Empty description="暂无记录" />
      ) : (
        <Timeline items={[...history.data].reverse().map(item)} />
      )}
    </Card>
  );
}
