import { EVALUATION_FIELD_LABELS as L, type Evaluation, type FieldIssue, type ParsedTarget } from '@jxt/contracts';
import { isBandScored, type ScoredEvaluation } from '@jxt/domain';
import { Input } from 'antd';
import type { Dispatch } from 'react';
import { FieldNote, isMistake, statusOf } from '../../forms/components/FieldNote';
import { type EvaluationDraft, type EvaluationDraftAction, type FundsField } from '../evaluation-draft';
import type { SheetInputs } from './EvaluationSheet';
import { QualitativeShareInput } from './QualitativeShareInput';

export interface EvaluationInputsArgs {
  evaluation: Evaluation;
  draft: EvaluationDraft;
  scored: ScoredEvaluation;
  /** checkEvaluation of the draft, by field path. */
  issues: ReadonlyMap<string, FieldIssue[]>;
  dispatch: Dispatch<EvaluationDraftAction>;
}

/** The messages of a field: the server's (400) and the live checks. */
function noteOf(args: EvaluationInputsArgs, path: string) {
  return { id: `note-${path}`, serverError: args.draft.errors[path], issues: args.issues.get(path) };
}

function MoneyInput({ args, field }: { args: EvaluationInputsArgs; field: FundsField }) {
  const path = `funds.${field}`;
  const note = noteOf(args, path);
  return (
    <>
      <Input
        className="amount-input"
        aria-label={L[field]}
        data-field-id={path}
        inputMode="decimal"
        value={args.draft[field]}
        status={statusOf(note.serverError, note.issues)}
        aria-describedby={note.serverError || note.issues ? note.id : undefined}
        onChange={(e) => args.dispatch({ type: 'funds', field, value: e.target.value })}
      />
      <FieldNote {...note} />
    </>
  );
}

function ActualGoalInput({ args }: { args: EvaluationInputsArgs }) {
  const note = noteOf(args, 'actualGoal');
  return (
    <>
      <Input.TextArea
        aria-label={L.actualGoal}
        data-field-id="actualGoal"
        autoSize={{ minRows: 4, maxRows: 16 }}
        maxLength={4000}
        value={args.draft.actualGoal}
        status={statusOf(note.serverError, note.issues)}
        onChange={(e) => args.dispatch({ type: 'actualGoal', value: e.target.value })}
      />
      <FieldNote {...note} />
    </>
  );
}

/** What a 实际完成值 should look like, as the empty input's placeholder: `数值，单位：%`, `是 / 否`, `完成情况`. */
function placeholderFor(target: ParsedTarget): string {
  if (target.kind === 'quantitative') return target.unit ? `数值，单位：${target.unit}` : '数值';
  return target.kind === 'boolean' ? '是 / 否' : '完成情况';
}

function ActualInput({ args, index }: { args: EvaluationInputsArgs; index: number }) {
  const indicator = args.evaluation.indicators[index];
  const row = args.draft.indicators[index];
  const scored = args.scored.indicators[index];
  const qualitative = isBandScored(indicator.target);
  const note = noteOf(args, `indicators.${index}.actualValue`);
  const shareNote = noteOf(args, `indicators.${index}.selfShare`);
  return (
    <>
      <Input
        aria-label={`${L.actualValue}：${indicator.name}`}
        data-field-id={`indicators.${index}.actualValue`}
        value={row.actualValue}
        placeholder={placeholderFor(indicator.target)}
        status={statusOf(note.serverError, note.issues)}
        onChange={(e) => args.dispatch({ type: 'indicator', index, field: 'actualValue', value: e.target.value })}
      />
      {scored.actualInTargetUnit && <div className="eval-note">折合 {scored.actualInTargetUnit}</div>}
      <FieldNote {...note} />
      {qualitative && (
        <>
          <QualitativeShareInput
            name={indicator.name}
            bands={args.evaluation.policy.policy.qualitativeBands}
            band={row.band}
            percent={row.percent}
            status={statusOf(shareNote.serverError, shareNote.issues)}
            onBand={(band) => args.dispatch({ type: 'band', index, band })}
            onPercent={(value) => args.dispatch({ type: 'indicator', index, field: 'percent', value })}
          />
          <FieldNote {...shareNote} />
        </>
      )}
    </>
  );
}

function ReasonInput({ args, index }: { args: EvaluationInputsArgs; index: number }) {
  const indicator = args.evaluation.indicators[index];
  const path = `indicators.${index}.deviationReason`;
  const note = noteOf(args, path);
  const needs = args.scored.indicators[index].needsReason;
  return (
    <>
      <Input.TextArea
        aria-label={`偏差原因：${indicator.name}`}
        data-field-id={path}
        autoSize={{ minRows: 1, maxRows: 8 }}
        maxLength={2000}
        placeholder={needs ? '必填：未完成或超出目标较多' : undefined}
        value={args.draft.indicators[index].deviationReason}
        status={statusOf(note.serverError, note.issues)}
        aria-invalid={Boolean(note.serverError || note.issues?.some(isMistake))}
        aria-describedby={note.serverError || note.issues ? note.id : undefined}
        onChange={(e) => args.dispatch({ type: 'indicator', index, field: 'deviationReason', value: e.target.value })}
      />
      <FieldNote {...note} />
    </>
  );
}

/** The inputs of edit mode, placed by EvaluationSheet into the cells they replace. */
export function evaluationInputs(args: EvaluationInputsArgs): SheetInputs {
  return {
    annualBudget: <MoneyInput args={args} field="annualBudget" />,
    executedAmount: <MoneyInput args={args} field="executedAmount" />,
    actualGoal: <ActualGoalInput args={args} />,
    actual: (index) => <ActualInput args={args} index={index} />,
    reason: (index) => <ReasonInput args={args} index={index} />,
  };
}
