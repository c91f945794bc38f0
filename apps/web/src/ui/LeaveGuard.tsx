import { Modal } from 'antd';
import { useLeaveGuard } from './use-leave-guard';

/** An editor's guard against losing unsaved changes: the browser's warning, and 离开此页？ when the app navigates away. */
export function LeaveGuard({ dirty }: { dirty: boolean }) {
  const blocker = useLeaveGuard(dirty);
  return (
    <Modal
      open={blocker.state === 'blocked'}
      title="离开此页？"
      okText="离开（放弃修改）"
      okButtonProps={{ danger: true }}
      cancelText="留下继续编辑"
      onOk={() => blocker.proceed?.()}
      onCancel={() => blocker.reset?.()}
    >
      本页有未保存的修改，离开后将丢失。
    </Modal>
  );
}
