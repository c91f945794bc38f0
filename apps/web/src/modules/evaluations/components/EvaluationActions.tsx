import {
  EVALUATION_ACTION_LABELS,
  type CurrentUser,
  type Evaluation,
  type EvaluationAction,
  type EvaluationTransitionRequest,
} from '@jxt/contracts';
import { availableEvaluationActions, EVALUATION_TRANSITIONS } from '@jxt/domain';
import { App, Form, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import { ApiRequestError } from '../../../api/http';
import { StepButtons } from '../../../ui/StepButtons';
import { toFailure, type StepFailure } from '../../../ui/StepFailureAlert';
import { useEvaluationTransition } from '../hooks';
import { EvaluationStepFailure } from './EvaluationStepFailure';
import { ReviewDialog } from './ReviewDialog';

export interface EvaluationActionsProps {
  evaluation: Evaluation;
  me: CurrentUser;
  /** After a 409: fetch the evaluation again. */
  onReload?: () => unknown;
}

/** The steps the rules allow this user on this 自评表; 复核 and 定稿 not on one's own submission (the API would refuse). */
export function visibleEvaluationActions(
  evaluation: Pick<Evaluation, 'status' | 'submittedBy'>,
  me: Pick<CurrentUser, 'id' | 'roles'>,
): EvaluationAction[] {
  return availableEvaluationActions(evaluation.status, me.roles).filter((action) => {
    const rule = EVALUATION_TRANSITIONS.find(
      (t) => t.from === evaluation.status && t.action === action && t.roles.some((r) => me.roles.includes(r)),
    );
    return !(rule?.forbidsOwnSubmission && evaluation.submittedBy !== null && evaluation.submittedBy === me.id);
  });
}

const CONFIRM_TEXT: Partial<Record<EvaluationAction, string>> = {
  submit: '提交后自评表交复核，复核期间不能修改。',
  withdraw: '撤回后自评表回到草稿，可以继续修改。',
  finalise: '定稿后自评表不能再修改，得分按当前评分规则版本保留。',
};

/** The action bar of a 自评表: exactly the allowed steps as buttons, each with its dialog. */
export function EvaluationActions({ evaluation, me, onReload }: EvaluationActionsProps) {
  return (
    <StepButtons
      actions={visibleEvaluationActions(evaluation, me)}
      labels={EVALUATION_ACTION_LABELS}
      className="workflow-actions evaluation-actions"
      primary={['submit', 'review', 'finalise']}
      danger={['return']}
      dialog={(action, close) =>
        action === 'review' ? (
          <ReviewDialog evaluation={evaluation} onClose={close} onReload={onReload} />
        ) : (
          <StepDialog key={action} evaluation={evaluation} action={action} onClose={close} onReload={onReload} />
        )
      }
    />
  );
}

interface StepDialogProps {
  evaluation: Evaluation;
  action: EvaluationAction;
  onClose: () => void;
  onReload?: () => unknown;
}

/** 提交 / 撤回 / 退回 / 定稿: a confirmation, with the comment 退回 requires. */
function StepDialog({ evaluation, action, onClose, onReload }: StepDialogProps) {
  const rule = EVALUATION_TRANSITIONS.find((t) => t.from === evaluation.status && t.action === action);
  const requiresComment = rule?.requiresComment ?? false;
  const transition = useEvaluationTransition(evaluation.id);
  const { message } = App.useApp();
  const [values] = Form.useForm<{ comment?: string }>();
  const [failure, setFailure] = useState<StepFailure | null>(null);
  const label = EVALUATION_ACTION_LABELS[action];
  const commentLabel = action === 'return' ? '退回意见' : '意见';

  const onFinish = ({ comment }: { comment?: string }) => {
    setFailure(null);
    const body: EvaluationTransitionRequest = { action, rowVersion: evaluation.rowVersion };
    if (requiresComment) body.comment = comment?.trim() || null;
    transition.mutate(body, {
      onSuccess: () => {
        message.success(`已${label}`);
        onClose();
      },
      onError: (error) => {
        if (error instanceof ApiRequestError) {
          const comments = (error.body.fields ?? []).filter((f) => f.field === 'comment');
          values.setFields(comments.map((f) => ({ name: 'comment', errors: [f.message] })));
        }
        setFailure(toFailure(error));
      },
    });
  };

  return (
    <Modal
      open
      title={`${label}：${evaluation.projectName}`}
      okText={`确认${label}`}
      okButtonProps={{ danger: action === 'return', loading: transition.isPending }}
      cancelText="取消"
      onOk={() => values.submit()}
      onCancel={onClose}
      destroyOnHidden
      width={560}
    >
      {CONFIRM_TEXT[action] && <Typography.Paragraph>{CONFIRM_TEXT[action]}</Typography.Paragraph>}
      <Form form={values} layout="vertical" onFinish={onFinish} requiredMark>
        {requiresComment && (
          <Form.Item
            name="comment"
            label={commentLabel}
            rules={[{ required: true, whitespace: true, message: `请填写${commentLabel}` }]}
          >
            <Input.TextArea rows={4} maxLength={2000} showCount placeholder="必填" />
          </Form.Item>
        )}
      </Form>
      {failure && <EvaluationStepFailure failure={failure} label={label} onClose={onClose} onReload={onReload} />}
    </Modal>
  );
}
