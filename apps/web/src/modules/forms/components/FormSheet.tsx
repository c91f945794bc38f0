import { FORM_FIELD_LABELS as L, FUND_FIELD_LABELS as F, type Funds, type GoalForm, type Money } from '@jxt/contracts';
import { formatYuan } from '@jxt/domain';
import type { ReactNode } from 'react';
import { layoutIndicatorRows } from '../form-layout';

export interface FormSheetProps {
  form: GoalForm;
  /** 项目类别 label of the form's code (from the tenant code list); the code itself when unknown. */
  categoryLabel: string | null;
}

/**
 * The grid of the paper form: the block labels, then five columns shared by every part —
 * header (label | value×3 | label | value), funds (label | amount×2 | label | amount),
 * goals (项目总目标×3 | 年度总目标×2) and indicators (一级 | 二级 | 三级×2 | 年度指标值).
 */
export function SheetColumns({ actions = false }: { actions?: boolean }) {
  return (
    <colgroup>
      <col className="sheet-col-side" />
      <col className="sheet-col-a" />
      <col className="sheet-col-b" />
      <col className="sheet-col-c1" />
      <col className="sheet-col-c2" />
      <col className="sheet-col-e" />
      {actions && <col className="sheet-col-actions" />}
    </colgroup>
  );
}

/** The title block: 财政项目支出绩效目标填报表 and （2021年度）. */
export function SheetTitle({ year }: { year: number }) {
  return (
    <header className="sheet-head">
      <h1 className="sheet-title">{L.formTitle}</h1>
      <div className="sheet-year">（{year}年度）</div>
    </header>
  );
}

/** `项目总目标（2021 年- 2021年）` exactly as the paper prints it; blanks where a year is missing. */
export function totalGoalHeading(start: number | null, end: number | null): ReactNode {
  return (
    <>
      {L.totalGoal}
      <br />（{start ?? '\u3000\u3000'} 年- {end ?? '\u3000\u3000'}年）
    </>
  );
}

const amount = (value: Money | null) => (value == null || value === '' ? '' : formatYuan(value));

function Amount({ funds, field }: { funds: Funds; field: keyof Funds }) {
  return (
    <td className="sheet-amount" colSpan={2} data-field={`funds.${field}`}>
      {amount(funds[field])}
    </td>
  );
}

/**
 * The read view: the official 财政项目支出绩效目标填报表 as a bordered table, every printed
 * value exactly as stored, blank fields as blank cells.
 */
export function FormSheet({ form, categoryLabel }: FormSheetProps) {
  const { project, funds } = form;
  const rows = layoutIndicatorRows(form.indicators.year);
  return (
    <article className="goal-sheet" aria-label={L.formTitle}>
      <SheetTitle year={form.year} />
      <table className="sheet-table">
        <SheetColumns />
        <tbody>
          <tr>
            <th scope="row">{L.projectName}</th>
            <td colSpan={3}>{project.name}</td>
            <th scope="row">{L.category}</th>
            <td>{categoryLabel ?? ''}</td>
          </tr>
          <tr>
            <th scope="row">{L.printedDepartment}</th>
            <td colSpan={3}>{project.printedDepartment ?? ''}</td>
            <th scope="row">{L.printedImplementingUnit}</th>
            <td>{project.printedImplementingUnit ?? ''}</td>
          </tr>
          <tr>
            <th scope="row">{L.plannedStart}</th>
            <td colSpan={3}>{project.plannedStart ?? ''}</td>
            <th scope="row">{L.plannedEnd}</th>
            <td>{project.plannedEnd ?? ''}</td>
          </tr>
          <tr>
            <th scope="rowgroup" rowSpan={4} className="sheet-block">
              {L.funds.replace('（', '\n（')}
            </th>
            <th scope="row">{F.totalAmount}</th>
            <Amount funds={funds} field="totalAmount" />
            <th scope="row">{F.annualAmount}</th>
            <Amount funds={funds} field="annualAmount" />
          </tr>
          <tr>
            <th scope="row">{F.fiscalAmount}</th>
            <Amount funds={funds} field="fiscalAmount" />
            <th scope="row">{F.annualFiscalAmount}</th>
            <Amount funds={funds} field="annualFiscalAmount" />
          </tr>
          <tr>
            <td />
            <td colSpan={2} />
            <th scope="row">{F.carryOverAmount}</th>
            <Amount funds={funds} field="carryOverAmount" />
          </tr>
          <tr>
            <th scope="row">{F.otherAmount}</th>
            <Amount funds={funds} field="otherAmount" />
            <th scope="row">{F.annualOtherAmount}</th>
            <Amount funds={funds} field="annualOtherAmount" />
          </tr>
          <tr>
            <th scope="rowgroup" rowSpan={2} className="sheet-block">
              {L.goals}
            </th>
            <th colSpan={3} scope="col">
              {totalGoalHeading(form.goalPeriodStart, form.goalPeriodEnd)}
            </th>
            <th colSpan={2} scope="col">
              {L.annualGoal}
            </th>
          </tr>
          <tr className="sheet-goal-row">
            <td colSpan={3} className="sheet-goal" data-field="totalGoal">
              {form.totalGoal ?? ''}
            </td>
            <td colSpan={2} className="sheet-goal" data-field="annualGoal">
              {form.annualGoal ?? ''}
            </td>
          </tr>
        </tbody>
      </table>
      <table className="sheet-table sheet-indicators">
        <SheetColumns />
        <thead>
          <tr>
            <th scope="col" className="sheet-side-head">
              {L.indicators}
            </th>
            <th scope="col">{L.level1}</th>
            <th scope="col">{L.level2}</th>
            <th scope="col" colSpan={2}>
              {L.level3}
            </th>
            <th scope="col">{L.targetValue}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row, i) => {
            const level1 = form.indicators.year[row.l1];
            const level2 = row.l2 >= 0 ? level1.children[row.l2] : null;
            return (
              <tr key={row.indicator?.id ?? `g${row.l1}.${row.l2}`}>
                <td className={i === rows.length - 1 ? 'sheet-side sheet-side-last' : 'sheet-side'} aria-hidden="true" />
                {row.level1Span > 0 && (
                  <td rowSpan={row.level1Span} className="sheet-group">
                    {level1.label}
                  </td>
                )}
                {row.level2Span > 0 && (
                  <td rowSpan={row.level2Span} className="sheet-group">
                    {level2?.label ?? ''}
                  </td>
                )}
                <td colSpan={2}>{row.indicator?.name ?? ''}</td>
                <td className="sheet-value">{row.indicator?.rawValue ?? ''}</td>
              </tr>
            );
          })}
          {rows.length === 0 && (
            <tr>
              <td className="sheet-side sheet-side-last" aria-hidden="true" />
              <td />
              <td />
              <td colSpan={2} />
              <td />
            </tr>
          )}
        </tbody>
      </table>
    </article>
  );
}
