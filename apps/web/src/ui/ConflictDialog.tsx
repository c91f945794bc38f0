import { App, Button, Modal } from 'antd';

export interface ConflictDialogProps {
  /** The server's message of the 409; null: closed. */
  message: string | null;
  /** `这张表已被他人修改`, `这张自评表已被他人修改`. */
  title: string;
  onClose: () => void;
  /** Read the latest version (the editor's changes are discarded); the dialog closes first. */
  onReload: () => Promise<unknown>;
  /** When given, 重新加载 asks once more (this title) before the changes are discarded. */
  confirmTitle?: string;
}

/** A save refused because someone else saved first (409): stay and copy, or reload. */
export function ConflictDialog({ message, title, onClose, onReload, confirmTitle }: ConflictDialogProps) {
  const { modal } = App.useApp();

  const reload = async () => {
    onClose();
    await onReload();
  };

  const onReloadClick = () => {
    if (!confirmTitle) return void reload();
    modal.confirm({
      title: confirmTitle,
      content: '将读取他人保存的最新内容，你在本页的修改会被放弃。',
      okText: '放弃我的修改并重新加载',
      okButtonProps: { danger: true },
      cancelText: '返回',
      onOk: reload,
    });
  };

  return (
    <Modal
      open={message !== null}
      title={title}
      onCancel={onClose}
      footer={[
        <Button key="stay" onClick={onClose}>
          留在本页（复制我的内容）
        </Button>,
        <Button key="reload" type="primary" danger onClick={onReloadClick}>
          重新加载
        </Button>,
      ]}
    >
      <p>{message}</p>
      <p>你的修改尚未保存。重新加载会读取最新内容并放弃本页的修改；也可以先留在本页把需要的内容复制下来。</p>
    </Modal>
  );
}
