import { App, Button, Space, Typography } from 'antd';
import type { ReactNode } from 'react';

export interface EditBarProps {
  /** The draft differs from what was read: shown, and 取消 asks before discarding. */
  dirty: boolean;
  saving: boolean;
  onSave: () => void;
  /** Leave edit mode without saving (at once when nothing changed, else after 放弃修改). */
  onDiscard: () => void;
  /** What the editor says about the draft (counts, live total …), between 编辑中 and the unsaved mark. */
  children?: ReactNode;
}

/** The sticky bar of edit mode: 编辑中, the editor's status, 取消 and 保存. */
export function EditBar({ dirty, saving, onSave, onDiscard, children }: EditBarProps) {
  const { modal } = App.useApp();

  const onCancel = () => {
    if (!dirty) return onDiscard();
    modal.confirm({
      title: '放弃修改？',
      content: '本页的修改尚未保存，取消后将丢失。',
      okText: '放弃修改',
      okButtonProps: { danger: true },
      cancelText: '继续编辑',
      onOk: onDiscard,
    });
  };

  return (
    <div className="form-toolbar form-toolbar-sticky no-print">
      <Space wrap>
        <Typography.Text strong>编辑中</Typography.Text>
        {children}
        {dirty && <Typography.Text type="warning">有未保存的修改</Typography.Text>}
      </Space>
      <Space>
        <Button onClick={onCancel} disabled={saving}>
          取消
        </Button>
        <Button type="primary" onClick={onSave} loading={saving}>
          保存
        </Button>
      </Space>
    </div>
  );
}
