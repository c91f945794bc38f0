import {
  FORM_ACTION_LABELS,
  REVIEW_RESULT_LABELS,
  type CurrentUser,
  type FormAction,
  type GoalForm,
  type ReviewPoint,
  type ReviewResult,
  type TransitionRequest,
} from '@jxt/contracts';
import {
  availableActions,
  checkFilerName,
  checkFilerPhone,
  FILER_NAME_MAX,
  FILER_PHONE_MAX,
  FORM_TRANSITIONS,
} from '@jxt/domain';
import { App, Form, Input, Modal, Radio, Select, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { ApiRequestError } from '../../../api/http';
import { StepButtons } from '../../../ui/StepButtons';
import { StepFailureAlert, toFailure, type StepFailure } from '../../../ui/StepFailureAlert';
import { fieldOptions } from '../field-paths';
import { useTransition } from '../hooks';

export interface WorkflowActionsProps {
  form: GoalForm;
  me: CurrentUser;
  /** After 调整: the new revision (the page navigates to it). */
  onReopened?: (revision: GoalForm) => void;
  /** After a 409: fetch the form again. */
  onReload?: () => unknown;
  /** The 审核要点 the reviewer ticked in the checklist: sent with a 退回 or 不予通过. */
  points?: readonly ReviewPoint[];
}

interface StepValues {
  comment?: string;
  field?: string;
  reviewResult?: ReviewResult;
  filerName?: string;
  filerPhone?: string;
}

/** The buttons the rules allow this user on this form, and each step's dialog. */
export function visibleActions(form: GoalForm, me: CurrentUser): FormAction[] {
  const actions = availableActions(form.status, me.roles);
  // Nobody approves their own submission: the API would refuse it.
  return actions.filter((action) => !(action === 'approve' && form.submittedBy !== null && form.submittedBy === me.id));
}

/** What the dialog of a step asks for, from the rules of libs/domain. */
function stepOf(form: GoalForm, action: FormAction, roles: CurrentUser['roles']) {
  const rule = FORM_TRANSITIONS.find(
    (t) => t.from === form.status && t.action === action && t.roles.some((r) => roles.includes(r)),
  );
  const results = rule?.reviewResults ?? [];
  return {
    requiresComment: rule?.requiresComment ?? false,
    reviewResults: results,
    /** 中 and 差 are the only result of their step: shown, not chosen. */
    fixedResult: results.length === 1 ? results[0] : undefined,
    asksField: action === 'return',
    isFinance: results.length > 0,
  };
}

/** The step's own inputs: the server's messages about them show on the inputs, not in the alert. */
const DIALOG_FIELDS: readonly string[] = ['comment', 'reviewResult', 'field', 'filerName', 'filerPhone'];

/** An antd rule from one of libs/domain's checks (the API applies the same). */
const checkRule = (check: (value: string | undefined) => string | null) => ({
  validator: (_: unknown, value: string | undefined) => {
    const problem = check(value);
    return problem ? Promise.reject(new Error(problem)) : Promise.resolve();
  },
});

const COMMENT_LABEL: Partial<Record<FormAction, string>> = {
  return: '退回意见',
  reject: '不予通过理由',
  reopen: '调整原因',
};
const CONFIRM_TEXT: Partial<Record<FormAction, string>> = {
  submit: '提交后表单将交主管部门审核，审核期间不能修改。',
  withdraw: '撤回后表单回到草稿，可以继续修改。',
  approve: '确认审核通过这张表？',
  report: '汇总报送后表单将交财政审核。',
  reopen: '调整将基于财政已审核的表新建一个修订版本（草稿），原版本保持不变、仍可查看。新修订需重新提交审核。',
};

export function WorkflowActions({ form, me, onReopened, onReload, points }: WorkflowActionsProps) {
  return (
    <StepButtons
      actions={visibleActions(form, me)}
      labels={FORM_ACTION_LABELS}
      className="workflow-actions"
      primary={['approve', 'submit']}
      danger={['reject']}
      dialog={(action, close) => (
        <StepDialog
          key={action}
          form={form}
          me={me}
          action={action}
          onClose={close}
          onReopened={onReopened}
          onReload={onReload}
          points={points}
        />
      )}
    />
  );
}

interface StepDialogProps extends WorkflowActionsProps {
  action: FormAction;
  onClose: () => void;
}

function StepDialog({ form, me, action, onClose, onReopened, onReload, points = [] }: StepDialogProps) {
  const sentPoints = action === 'return' || action === 'reject' ? points : [];
  const step = stepOf(form, action, me.roles);
  const transition = useTransition(form.id);
  const { message } = App.useApp();
  const [values] = Form.useForm<StepValues>();
  const [failure, setFailure] = useState<StepFailure | null>(null);
  const options = useMemo(() => (step.asksField ? fieldOptions(form) : []), [form, step.asksField]);
  const label = FORM_ACTION_LABELS[action];
  const commentLabel = COMMENT_LABEL[action] ?? (step.isFinance ? '审核意见' : '意见');

  const onFinish = (input: StepValues) => {
    setFailure(null);
    const body: TransitionRequest = {
      action,
      rowVersion: form.rowVersion,
      comment: input.comment?.trim() || null,
      field: input.field ?? null,
      reviewResult: step.fixedResult ?? input.reviewResult ?? null,
    };
    if (!step.asksField) delete body.field;
    if (sentPoints.length) body.points = [...sentPoints];
    if (!step.isFinance) delete body.reviewResult;
    if (action === 'submit') {
      body.filerName = input.filerName?.trim();
      body.filerPhone = input.filerPhone?.trim();
    }
    transition.mutate(body, {
      onSuccess: (next) => {
        message.success(`已${label}`);
        onClose();
        if (action === 'reopen') onReopened?.(next);
      },
      onError: (error) => {
        if (error instanceof ApiRequestError) {
          const fields = error.body.fields ?? [];
          values.setFields(
            fields
              .filter((f) => DIALOG_FIELDS.includes(f.field))
              .map((f) => ({ name: f.field as keyof StepValues, errors: [f.message] })),
          );
        }
        setFailure(toFailure(error, DIALOG_FIELDS));
      },
    });
  };

  return (
    <Modal
      open
      title={`${label}：${form.project.name || '（未命名项目）'}`}
      okText={`确认${label}`}
      okButtonProps={{ danger: action === 'return' || action === 'reject', loading: transition.isPending }}
      cancelText="取消"
      onOk={() => values.submit()}
      onCancel={onClose}
      destroyOnHidden
      width={560}
    >
      {CONFIRM_TEXT[action] && <Typography.Paragraph>{CONFIRM_TEXT[action]}</Typography.Paragraph>}
      <Form
        form={values}
        layout="vertical"
        onFinish={onFinish}
        requiredMark
        // 填报人 and 联系电话 are proposed from the profile; what is sent is printed in the form's footer.
        initialValues={{ reviewResult: step.fixedResult, filerName: me.displayName, filerPhone: me.phone ?? '' }}
      >
        {action === 'submit' && (
          <>
            <Form.Item name="filerName" label="填报人" required rules={[checkRule(checkFilerName)]}>
              <Input maxLength={FILER_NAME_MAX} autoComplete="name" />
            </Form.Item>
            <Form.Item
              name="filerPhone"
              label="联系电话"
              required
              rules={[checkRule(checkFilerPhone)]}
              extra="手机号或带区号的固定电话；与填报人一起打印在表尾。"
            >
              <Input
                maxLength={FILER_PHONE_MAX}
                inputMode="tel"
                autoComplete="tel"
                placeholder="如 021-57821234 或 138 1234 5678"
              />
            </Form.Item>
          </>
        )}
        {step.isFinance && (
          <Form.Item name="reviewResult" label="审核结果" rules={[{ required: true, message: '请选择审核结果' }]}>
            {step.fixedResult ? (
              <Radio.Group
                options={[{ value: step.fixedResult, label: REVIEW_RESULT_LABELS[step.fixedResult] }]}
                disabled
              />
            ) : (
              <Radio.Group options={step.reviewResults.map((r) => ({ value: r, label: REVIEW_RESULT_LABELS[r] }))} />
            )}
          </Form.Item>
        )}
        {(step.requiresComment || step.isFinance || action === 'approve') && (
          <Form.Item
            name="comment"
            label={commentLabel}
            rules={step.requiresComment ? [{ required: true, whitespace: true, message: `请填写${commentLabel}` }] : []}
          >
            <Input.TextArea rows={4} maxLength={2000} showCount placeholder={step.requiresComment ? '必填' : '选填'} />
          </Form.Item>
        )}
        {sentPoints.length > 0 && (
          <Form.Item label={`随${label}附上的审核要点（${sentPoints.length} 条）`}>
            <ul className="review-points">
              {sentPoints.map((p, n) => (
                <li key={n}>
                  【{p.group}】{p.message}
                </li>
              ))}
            </ul>
          </Form.Item>
        )}
        {step.asksField && (
          <Form.Item name="field" label="意见针对的栏目（选填）">
            <Select
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              placeholder="整张表"
              options={options}
              aria-label="意见针对的栏目"
            />
          </Form.Item>
        )}
      </Form>
      {failure && (
        <StepFailureAlert
          failure={failure}
          label={label}
          conflictTitle="这张表已被他人处理或修改"
          onClose={onClose}
          onReload={onReload}
        />
      )}
    </Modal>
  );
}
