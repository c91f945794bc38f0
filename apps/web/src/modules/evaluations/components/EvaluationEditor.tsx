import type { Evaluation } from '@jxt/contracts';
import { checkEvaluation, scoreEvaluationContent } from '@jxt/domain';
import { Typography } from 'antd';
import { useMemo, useReducer } from 'react';
import { ConflictDialog } from '../../../ui/ConflictDialog';
import { EditBar } from '../../../ui/EditBar';
import { LeaveGuard } from '../../../ui/LeaveGuard';
import { SaveErrors } from '../../../ui/SaveErrors';
import { useEditorSave } from '../../../ui/use-editor-save';
import { isMistake, issuesByField } from '../../forms/components/FieldNote';
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

/**
 * Edit mode of the 自评表: the same sheet with inputs, scored LIVE by the domain engine (the API runs the same code)
 * under the policy version the evaluation is scored by. One PUT saves it all.
 */
export function EvaluationEditor({ evaluation, onDone, onReload }: EvaluationEditorProps) {
  const [draft, dispatch] = useReducer(draftReducer, evaluation, createDraft);
  const { save, saving, saved, conflict, closeConflict, failure, closeFailure } = useEditorSave(
    useSaveEvaluation(evaluation.id),
    {
      onSaved: onDone,
      onInvalid: (fields, message) => dispatch({ type: 'serverErrors', fields, message }),
    },
  );

  const content = useMemo(() => toContent(draft), [draft]);
  const scored = useMemo(
    () => scoreEvaluationContent(content, evaluation.policy.policy),
    [content, evaluation.policy.policy],
  );
  const issues = useMemo(() => checkEvaluation(content, scored), [content, scored]);
  const byField = useMemo(() => issuesByField(issues), [issues]);
  const inputs = evaluationInputs({ evaluation, draft, scored, issues: byField, dispatch });

  const dirty = draft.dirty && !saved;
  const mistakes = issues.filter(isMistake).length;
  const todos = issues.filter((issue) => issue.severity === 'error' && issue.blank).length;
  // The summary's rows without a field (the server's message alone) print no label.
  const summary = useMemo(
    () =>
      draft.errorSummary.map((item) => ({
        fieldId: item.field || null,
        label: item.field ? item.label : '',
        message: item.message,
      })),
    [draft.errorSummary],
  );

  return (
    <div className="form-editor">
      <EditBar dirty={draft.dirty} saving={saving} onSave={() => save(toRequest(draft))} onDiscard={onDone}>
        <Typography.Text>
          总分 <strong>{scored.total}</strong>（{scored.grade}）
        </Typography.Text>
        <Typography.Text type={mistakes ? 'danger' : todos ? 'secondary' : 'success'}>
          {mistakes
            ? `提交前有 ${mistakes} 处需要修改${todos ? `，${todos} 项待填写` : ''}`
            : todos
              ? `提交前还有 ${todos} 项待填写`
              : '已可提交'}
        </Typography.Text>
      </EditBar>

      <SaveErrors summary={summary} failure={failure} onCloseFailure={closeFailure} onFocus={focusField} />

      <EvaluationSheet evaluation={evaluation} scored={scored} inputs={inputs} />

      <ConflictDialog message={conflict} title="这张自评表已被他人修改" onClose={closeConflict} onReload={onReload} />
      <LeaveGuard dirty={dirty} />
    </div>
  );
}
