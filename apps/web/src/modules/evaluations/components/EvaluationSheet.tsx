import {
  EVALUATION_FIELD_LABELS as L,
  FORM_FIELD_LABELS as FL,
  type Evaluation,
  type Money,
  type QualitativeBand,
} from '@jxt/contracts';
import {
  bandText,
  formatYuan,
  indicatorTree,
  layoutIndicatorRows,
  type ScoredEvaluation,
  type TreeIndicator,
} from '@jxt/domain';
import type { ReactNode } from 'react';
import { ScoreCell } from './ScoreCell';

/** Inputs that replace the printed values in edit mode (by index into `evaluation.indicators`). */
export interface SheetInputs {
  annualBudget: ReactNode;
  executedAmount: ReactNode;
  actualGoal: ReactNode;
  actual: (index: number) => ReactNode;
  reason: (index: number) => ReactNode;
}

export interface EvaluationSheetProps {
  evaluation: Evaluation;
  /** The scores shown: the stored ones when reading, the live ones while editing or reviewing. */
  scored: ScoredEvaluation;
  inputs?: SheetInputs;
}

const amount = (value: Money | null | undefined) => (value == null || value === '' ? '' : formatYuan(value));

export function EvaluationTitle({ year }: { year: number }) {
  return (
    <header className="sheet-head">
      <h1 className="sheet-title">{L.title}</h1>
      <div className="sheet-year">（{year}年度）</div>
    </header>
  );
}

/** The grid of the head table: the block label, then six equal columns. */
function HeadColumns() {
  return (
    <colgroup>
      <col className="eval-col-side" />
      {[0, 1, 2, 3, 4, 5].map((i) => (
        <col key={i} className="eval-col-sixth" />
      ))}
    </colgroup>
  );
}

/** The grid of the indicator table: label | 一级 | 二级 | 三级 | 年度指标值 | 实际完成值 | 分值 | 得分 | 偏差原因. */
function IndicatorColumns() {
  return (
    <colgroup>
      <col className="eval-col-side" />
      <col className="eval-col-l1" />
      <col className="eval-col-l2" />
      <col className="eval-col-l3" />
      <col className="eval-col-target" />
      <col className="eval-col-actual" />
      <col className="eval-col-weight" />
      <col className="eval-col-score" />
      <col className="eval-col-reason" />
    </colgroup>
  );
}

function HeadTable({ evaluation, scored, inputs }: EvaluationSheetProps) {
  const { funds } = evaluation;
  const rate = scored.budget.rate === null ? '' : `${scored.budget.rate}%`;
  return (
    <table className="sheet-table eval-head">
      <HeadColumns />
      <tbody>
        <tr>
          <th scope="row">{FL.projectName}</th>
          <td colSpan={6}>{evaluation.projectName}</td>
        </tr>
        <tr>
          <th scope="row">{FL.printedDepartment}</th>
          <td colSpan={2}>{evaluation.printedDepartment ?? ''}</td>
          <th scope="row">{FL.printedImplementingUnit}</th>
          <td colSpan={3}>{evaluation.printedImplementingUnit ?? evaluation.organizationName}</td>
        </tr>
        <tr>
          <th scope="rowgroup" rowSpan={2} className="sheet-block">
            {L.funds.replace('（', '\n（')}
          </th>
          <th scope="col">{L.initialBudget}</th>
          <th scope="col">{L.annualBudget}</th>
          <th scope="col">{L.executedAmount}</th>
          <th scope="col">{L.weight}</th>
          <th scope="col">{L.executionRate}</th>
          <th scope="col">{L.score}</th>
        </tr>
        <tr>
          <td className="sheet-amount">{amount(funds.initialBudget)}</td>
          <td className="sheet-amount" data-field="funds.annualBudget">
            {inputs ? inputs.annualBudget : amount(funds.annualBudget)}
          </td>
          <td className="sheet-amount" data-field="funds.executedAmount">
            {inputs ? inputs.executedAmount : amount(funds.executedAmount)}
          </td>
          <td className="eval-number">{scored.budget.weight}</td>
          <td className="eval-number" aria-label={L.executionRate}>
            {rate}
          </td>
          <ScoreCell name={L.executionRate} scored={scored.budget} />
        </tr>
        <tr>
          <th scope="rowgroup" rowSpan={2} className="sheet-block">
            {L.goals}
          </th>
          <th scope="col" colSpan={3}>
            {L.expectedGoal}
          </th>
          <th scope="col" colSpan={3}>
            {L.actualGoal}
          </th>
        </tr>
        <tr className="sheet-goal-row">
          <td colSpan={3} className="sheet-goal">
            {evaluation.expectedGoal ?? ''}
          </td>
          <td colSpan={3} className="sheet-goal" data-field="actualGoal">
            {inputs ? inputs.actualGoal : (evaluation.actualGoal ?? '')}
          </td>
        </tr>
      </tbody>
    </table>
  );
}

interface ActualTextProps {
  indicator: Evaluation['indicators'][number];
  scored: ScoredEvaluation['indicators'][number];
  bands: readonly QualitativeBand[];
  /** Nothing entered yet (the checks' `blank`): why it scores 0 is a to-do, muted, not a mistake in red. */
  pending?: boolean;
}

/** The printed 实际完成值 of a row: the value, how it converted, the band of a qualitative score, the reviewer's change. */
export function ActualText({ indicator, scored, bands, pending = false }: ActualTextProps) {
  const self = bandText(indicator.selfShare, indicator.selfBand, bands);
  return (
    <>
      <div className="eval-actual-value">{indicator.actualValue ?? ''}</div>
      {scored.actualInTargetUnit && <div className="eval-note">折合 {scored.actualInTargetUnit}</div>}
      {self !== null && (
        <div className="eval-note">
          {L.band}：{self}
        </div>
      )}
      {scored.error && (
        <div className={pending ? 'field-note field-note-todo' : 'field-note field-note-error'}>{scored.error}</div>
      )}
    </>
  );
}

/** 偏差原因 as printed, the reviewer's adjustment below it, and the mark when a required reason is missing. */
export function ReasonText({
  indicator,
  scored,
  bands,
}: {
  indicator: Evaluation['indicators'][number];
  scored: ScoredEvaluation['indicators'][number];
  bands: readonly QualitativeBand[];
}) {
  const reviewer = bandText(indicator.reviewerShare, indicator.reviewerBand, bands);
  return (
    <>
      <div className="eval-reason-text">{indicator.deviationReason ?? ''}</div>
      {reviewer !== null && (
        <div className="eval-review-note">
          复核调整：{reviewer}
          {indicator.reviewerReason ? `；${L.reviewerReason}：${indicator.reviewerReason}` : ''}
        </div>
      )}
      {scored.reasonMissing && (
        <div className="field-note field-note-error">未完成或超出目标较多，请填写偏差原因分析及改进措施</div>
      )}
    </>
  );
}

function IndicatorTable({ evaluation, scored, inputs }: EvaluationSheetProps) {
  const tree = indicatorTree(evaluation.indicators);
  const bands = evaluation.policy.policy.qualitativeBands;
  const rows = layoutIndicatorRows(tree);
  const blank = new Set(evaluation.issues.filter((issue) => issue.blank).map((issue) => issue.field));
  const pending = (index: number) =>
    blank.has(`indicators.${index}.actualValue`) || blank.has(`indicators.${index}.selfShare`);
  return (
    <table className="sheet-table sheet-indicators eval-indicators">
      <IndicatorColumns />
      <thead>
        <tr>
          <th scope="col" className="sheet-side-head">
            {FL.indicators}
          </th>
          <th scope="col">{FL.level1}</th>
          <th scope="col">{FL.level2}</th>
          <th scope="col">{FL.level3}</th>
          <th scope="col">{L.targetValue}</th>
          <th scope="col">{L.actualValue}</th>
          <th scope="col">{L.weight}</th>
          <th scope="col">{L.score}</th>
          <th scope="col">{L.deviationReason}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row, i) => {
          const item = row.indicator as TreeIndicator | null;
          if (!item) return null;
          const { indicator, index } = item;
          const s = scored.indicators[index];
          return (
            <tr key={indicator.id} data-indicator={indicator.name}>
              <td className={i === rows.length - 1 ? 'sheet-side sheet-side-last' : 'sheet-side'} aria-hidden="true" />
              {row.level1Span > 0 && (
                <td rowSpan={row.level1Span} className="sheet-group">
                  {tree[row.l1].label}
                </td>
              )}
              {row.level2Span > 0 && (
                <td rowSpan={row.level2Span} className="sheet-group">
                  {tree[row.l1].children[row.l2].label}
                </td>
              )}
              <td>{indicator.name}</td>
              <td className="sheet-value">{indicator.rawTarget}</td>
              <td className="eval-actual" data-field={`indicators.${index}.actualValue`}>
                {inputs ? (
                  inputs.actual(index)
                ) : (
                  <ActualText indicator={indicator} scored={s} bands={bands} pending={pending(index)} />
                )}
              </td>
              <td className="eval-number">{s.weight}</td>
              <ScoreCell name={indicator.name} scored={s} />
              <td
                className={s.reasonMissing ? 'eval-reason eval-reason-missing' : 'eval-reason'}
                data-field={`indicators.${index}.deviationReason`}
              >
                {inputs ? inputs.reason(index) : <ReasonText indicator={indicator} scored={s} bands={bands} />}
              </td>
            </tr>
          );
        })}
        <tr className="eval-total-row">
          <th scope="row" colSpan={6}>
            {L.totalScore}
          </th>
          <td className="eval-number">100</td>
          <td className="eval-number eval-total" data-testid="evaluation-total" aria-label={L.totalScore}>
            {scored.total}
          </td>
          <td className="eval-grade">
            {L.grade}：<strong data-testid="evaluation-grade">{scored.grade}</strong>
          </td>
        </tr>
      </tbody>
    </table>
  );
}

/** 财政项目支出绩效自评表 as the official table: head, funds, goals, indicators, 总分 and grade. */
export function EvaluationSheet(props: EvaluationSheetProps) {
  return (
    <article
      className={props.inputs ? 'goal-sheet eval-sheet eval-sheet-edit' : 'goal-sheet eval-sheet'}
      aria-label={L.title}
    >
      <EvaluationTitle year={props.evaluation.year} />
      <HeadTable {...props} />
      <IndicatorTable {...props} />
    </article>
  );
}
