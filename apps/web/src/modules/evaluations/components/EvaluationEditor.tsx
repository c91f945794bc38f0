import type { Evaluation } from '@jxt/contracts';
import { checkEvaluation, scoreEvaluationContent } from '@jxt/domain';
import { Alert, App, Button, Modal, Space, Typography } from 'antd';
import { useCallback, useEffect, useMemo, useReducer, useState } from 'react';
import { useBlocker, type BlockerFunction } from 'react-router';
import { ApiRequestError } from '../../../api/http';
import { issuesByField } from '../../forms/components/FieldNote';
import { createDraft, draftReducer, toContent, toRequest } from '../evaluation-draft';
import { useSaveEvaluation } from '../hooks';
import { evaluationInputs } from './EvaluationInputs';
import { EvaluationSheet } from './EvaluationSheet';

export interface EvaluationEditorProps {
  evaluation: Evaluation;
  /** Leave edit mode (after a save, or a confirmed cancel). */
  onDone: () => void;
  /** Fetch the evaluation again and leave edit mode (after a 409, local edits discarded). */
  onReload: () => Promise<unknown>;
}

/** Puts the focus on the input of an API field path (the error summary's links). */
function focusField(path: string) {
  const element = document.querySelector<HTMLElement>(`[data-field-id="${CSS.escape(path)}"]`);
  element?.scrollIntoView({ block: 'center', behavior: 'smooth' });
  element?.focus();
}

/** Warns before the tab closes or the app navigates away while there are unsaved changes. */
function useLeaveGuard(dirty: boolean) {
  useEffect(() => {
    if (!dirty) return;
    const warn = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      event.returnValue = '';
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);
  const shouldBlock = useCallback<BlockerFunction>(({ currentLocation, nextLocation }) => dirty && currentLocation.pathname !== nextLocation.pathname, [dirty]);
  return useBlocker(shouldBlock);
}

/**
 * Edit mode of the 自评表: the same sheet with inputs, scored LIVE by the domain engine (the API runs the same code)
 * under the policy version the evaluation is scored by. One PUT saves it all.
 */
export function EvaluationEditor({ evaluation, onDone, onReload }: EvaluationEditorProps) {
  const [draft, dispatch] = useReducer(draftReducer, evaluation, createDraft);
  const save = useSaveEvaluation(evaluation.id);
  const { message, modal } = App.useApp();
  const [conflict, setConflict] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  const content = useMemo(() => toContent(draft), [draft]);
  const scored = useMemo(() => scoreEvaluationContent(content, evaluation.policy.policy), [content, evaluation.policy.policy]);
  const issues = useMemo(() => checkEvaluation(content, scored), [content, scored]);
  const byField = useMemo(() => issuesByField(issues), [issues]);
  const inputs = evaluationInputs({ evaluation, draft, scored, issues: byField, dispatch });

  const dirty = draft.dirty && !save.isSuccess;
  const blocker = useLeaveGuard(dirty);
  const open = issues.filter((issue) => issue.severity === 'error').length;

  const onSave = () => {
    setFailure(null);
    save.mutate(toRequest(draft), {
      onSuccess: () => {
        message.success('已保存');
        onDone();
      },
      onError: (error) => {
        if (error instanceof ApiRequestError && error.status === 409) setConflict(error.body.message);
        else if (error instanceof ApiRequestError && error.status === 400) {
          dispatch({ type: 'serverErrors', fields: error.body.fields ?? [], message: error.body.message });
          window.scrollTo({ top: 0, behavior: 'smooth' });
        } else setFailure(error.message || '保存失败，请稍后再试');
      },
    });
  };

  const onCancel = () => {
    if (!draft.dirty) return onDone();
    modal.confirm({
      title: '放弃修改？',
      content: '本页的修改尚未保存，取消后将丢失。',
      okText: '放弃修改',
      okButtonProps: { danger: true },
      cancelText: '继续编辑',
      onOk: onDone,
    });
  };

  return (
    <div className="form-editor">
      <div className="form-toolbar form-toolbar-sticky no-print">
        <Space wrap>
          <Typography.Text strong>编辑中</Typography.Text>
          <Typography.Text>
            总分 <strong>{scored.total}</strong>（{scored.grade}）
          </Typography.Text>
          <Typography.Text type={open ? 'danger' : 'success'}>{open ? `提交前还有 ${open} 处需要填写或修改` : '已可提交'}</Typography.Text>
          {draft.dirty && <Typography.Text type="warning">有未保存的修改</Typography.Text>}
        </Space>
        <Space>
          <Button onClick={onCancel} disabled={save.isPending}>
            取消
          </Button>
          <Button type="primary" onClick={onSave} loading={save.isPending}>
            保存
          </Button>
        </Space>
      </div>

      {draft.errorSummary.length > 0 && (
        <Alert
          type="error"
          showIcon
          className="form-alert no-print"
          title={`未保存：有 ${draft.errorSummary.length} 处需要修改（你的输入都还在）`}
          description={
            <ul className="issue-list">
              {draft.errorSummary.map((item, i) => (
                <li key={i}>
                  {item.field ? (
                    <a href={`#${item.field}`} onClick={(e) => (e.preventDefault(), focusField(item.field))}>
                      {item.label}
                    </a>
                  ) : null}
                  {item.field ? '：' : ''}
                  {item.message}
                </li>
              ))}
            </ul>
          }
        />
      )}
      {failure && <Alert type="error" showIcon className="form-alert no-print" title="保存失败" description={failure} closable onClose={() => setFailure(null)} />}

      <EvaluationSheet evaluation={evaluation} scored={scored} inputs={inputs} />

      <Modal
        open={conflict !== null}
        title="这张自评表已被他人修改"
        onCancel={() => setConflict(null)}
        footer={[
          <Button key="stay" onClick={() => setConflict(null)}>
            留在本页（复制我的内容）
          </Button>,
          <Button
            key="reload"
            type="primary"
            danger
            onClick={async () => {
              setConflict(null);
              await onReload();
            }}
          >
            重新加载
          </Button>,
        ]}
      >
        <p>{conflict}</p>
        <p>你的修改尚未保存。重新加载会读取最新内容并放弃本页的修改；也可以先留在本页把需要的内容复制下来。</p>
      </Modal>

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
    </div>
  );
}
