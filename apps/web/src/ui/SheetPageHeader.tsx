import { Button, Space, Typography } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { formatTime } from './format';

export interface SheetPageHeaderProps {
  /** The list to go back to: path and link text (`← 项目列表`). */
  backTo: string;
  backLabel: string;
  title: ReactNode;
  /** The state tag, then what else the page says about the record (code, revision, links …). */
  children: ReactNode;
  /**
   * Who changed the record last and when, shown last. The row version (a counter of saves and workflow steps,
   * kept for the optimistic lock) is not shown: beside "修订 1" a "版本 9" read as a ninth revision.
   */
  lastChange: { by: string | null; at: string };
  /** Edit mode: the buttons are hidden (the edit bar has its own). */
  editing: boolean;
  canEdit: boolean;
  onEdit: () => void;
  /** The workflow steps, shown before 编辑 and 打印. */
  actions?: ReactNode;
  /** The record as an .xlsx in the official layout (导出 Excel), when the server offers one. */
  exportHref?: string;
}

/** The screen-only head of a sheet page (a 填报表, a 自评表): back link, title, state, details; the steps, 编辑 and 打印. */
export function SheetPageHeader({
  backTo,
  backLabel,
  title,
  children,
  lastChange,
  editing,
  canEdit,
  onEdit,
  actions,
  exportHref,
}: SheetPageHeaderProps) {
  return (
    <div className="form-meta no-print">
      <Space wrap size="middle">
        <Link to={backTo}>← {backLabel}</Link>
        <Typography.Title level={4} className="form-meta-title">
          {title}
        </Typography.Title>
        {children}
        <Typography.Text type="secondary">
          最后修改：{lastChange.by ? `${lastChange.by} ` : ''}
          {formatTime(lastChange.at)}
        </Typography.Text>
      </Space>
      {!editing && (
        <Space wrap>
          {actions}
          {canEdit && (
            <Button type="primary" onClick={onEdit}>
              编辑
            </Button>
          )}
          <Button onClick={() => window.print()}>打印</Button>
          {exportHref && (
            <Button href={exportHref} download>
              导出 Excel
            </Button>
          )}
        </Space>
      )}
    </div>
  );
}
