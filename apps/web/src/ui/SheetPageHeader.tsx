import { Button, Space, Typography } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router';

export interface SheetPageHeaderProps {
  /** The list to go back to: path and link text (`← 项目列表`). */
  backTo: string;
  backLabel: string;
  title: ReactNode;
  /** The state tag, then what else the page says about the record (code, version, last change …). */
  children: ReactNode;
  /** Edit mode: the buttons are hidden (the edit bar has its own). */
  editing: boolean;
  canEdit: boolean;
  onEdit: () => void;
  /** The workflow steps, shown before 编辑 and 打印. */
  actions?: ReactNode;
}

/** The screen-only head of a sheet page (a 填报表, a 自评表): back link, title, state, details; the steps, 编辑 and 打印. */
export function SheetPageHeader({ backTo, backLabel, title, children, editing, canEdit, onEdit, actions }: SheetPageHeaderProps) {
  return (
    <div className="form-meta no-print">
      <Space wrap size="middle">
        <Link to={backTo}>← {backLabel}</Link>
        <Typography.Title level={4} className="form-meta-title">
          {title}
        </Typography.Title>
        {children}
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
        </Space>
      )}
    </div>
  );
}
