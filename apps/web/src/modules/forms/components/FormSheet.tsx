import {
  FORM_FIELD_LABELS as L,
  FUND_FIELD_LABELS as F,
  PROJECT_CONTINUITY_LABELS,
  type Funds,
  type GoalForm,
  type Money,
} from '@jxt/contracts';
import { formatYuan } from '@jxt/domain';
import { Tooltip } from 'antd';
import { createContext, useContext, type ReactNode } from 'react';
import { layoutIndicatorRows } from '@jxt/domain';
import { FilerFooter, ReviewResultTable } from './FormSheetFooter';
import { SheetColumns } from './SheetColumns';

export interface FormSheetProps {
  form: GoalForm;
  /** 项目类别 label of the form's code (from the tenant code list); the code itself when unknown. */
  categoryLabel: string | null;
  /** 功能分类科目 as this revision prints it (its label, e.g. 机关服务 for 2060103); the code itself only when no label is known. */
  functionClassLabel?: string | null;
  /** Dotted path of the field a reviewer's comment concerns (`funds.totalAmount` …): marked on the sheet. */
  highlightField?: string | null;
  /** The comment, shown beside the marked field. */
  highlightNote?: string | null;
}

const Highlight = createContext<{ field: string | null; note: string | null }>({ field: null, note: null });

/** The marker beside the field a reviewer's comment concerns: a ⚠ with the comment as tooltip and for screen readers. */
export function FieldFlag({ note }: { note: string | null }) {
  const text = note ? `审核意见：${note}` : '审核意见所指栏目';
  return (
    <Tooltip title={text}>
      <span className="sheet-flag no-print" role="note" aria-label={text} tabIndex={0}>
        ⚠ 审核意见
      </span>
    </Tooltip>
  );
}

/** Class and marker of a cell: flagged when its path is the highlighted one. */
function useFlag(path: string): { className: string | undefined; marker: ReactNode } {
  const { field, note } = useContext(Highlight);
  return field === path
    ? { className: 'sheet-flagged', marker: <FieldFlag note={note} /> }
    : { className: undefined, marker: null };
}

function Cell({
  path,
  className,
  colSpan,
  children,
}: {
  path: string;
  className?: string;
  colSpan?: number;
  children: ReactNode;
}) {
  const flag = useFlag(path);
  return (
    <td
      className={[className, flag.className].filter(Boolean).join(' ') || undefined}
      colSpan={colSpan}
      data-field={path}
    >
      {children}
      {flag.marker}
    </td>
  );
}

/** The 绩效指标 table's header row, as printed (edit mode adds the 操作 column). */
export function IndicatorTableHead({ actions = false }: { actions?: boolean }) {
  return (
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
        {actions && (
          <th scope="col" className="no-print">
            操作
          </th>
        )}
      </tr>
    </thead>
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
    <Cell className="sheet-amount" colSpan={2} path={`funds.${field}`}>
      {amount(funds[field])}
    </Cell>
  );
}

/**
 * The read view: the official 财政项目支出绩效目标填报表 as a bordered table, every printed
 * value exactly as stored, blank fields as blank cells; finance's 审核结果 once decided, and the
 * footer (填报人, 联系电话, 填报日期, 单位（盖章）).
 */
export function FormSheet({
  form,
  categoryLabel,
  functionClassLabel = null,
  highlightField = null,
  highlightNote = null,
}: FormSheetProps) {
  const { project, funds } = form;
  const rows = layoutIndicatorRows(form.indicators.year);
  return (
    <Highlight.Provider value={{ field: highlightField, note: highlightNote }}>
      <article className="goal-sheet" aria-label={L.formTitle}>
        <SheetTitle year={form.year} />
        <table className="sheet-table">
          <SheetColumns />
          <tbody>
            <tr>
              <th scope="row">{L.projectName}</th>
              <Cell colSpan={3} path="project.name">
                {project.name}
              </Cell>
              <th scope="row">{L.category}</th>
              <Cell path="project.categoryCode">{categoryLabel ?? ''}</Cell>
            </tr>
            <tr>
              <th scope="row">{L.continuity}</th>
              <Cell colSpan={3} path="project.continuity">
                {project.continuity ? PROJECT_CONTINUITY_LABELS[project.continuity] : ''}
              </Cell>
              <th scope="row">{L.functionClass}</th>
              <Cell path="project.functionClassCode">{functionClassLabel ?? ''}</Cell>
            </tr>
            <tr>
              <th scope="row">{L.printedDepartment}</th>
              <Cell colSpan={3} path="project.printedDepartment">
                {project.printedDepartment ?? ''}
              </Cell>
              <th scope="row">{L.printedImplementingUnit}</th>
              <Cell path="project.printedImplementingUnit">{project.printedImplementingUnit ?? ''}</Cell>
            </tr>
            <tr>
              <th scope="row">{L.plannedStart}</th>
              <Cell colSpan={3} path="project.plannedStart">
                {project.plannedStart ?? ''}
              </Cell>
              <th scope="row">{L.plannedEnd}</th>
              <Cell path="project.plannedEnd">{project.plannedEnd ?? ''}</Cell>
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
              <Cell colSpan={3} className="sheet-goal" path="totalGoal">
                {form.totalGoal ?? ''}
              </Cell>
              <Cell colSpan={2} className="sheet-goal" path="annualGoal">
                {form.annualGoal ?? ''}
              </Cell>
            </tr>
          </tbody>
        </table>
        <table className="sheet-table sheet-indicators">
          <SheetColumns />
          <IndicatorTableHead />
          <tbody>
            {rows.map((row, i) => {
              const level1 = form.indicators.year[row.l1];
              const level2 = row.l2 >= 0 ? level1.children[row.l2] : null;
              return (
                <tr key={row.indicator?.id ?? `g${row.l1}.${row.l2}`}>
                  <td
                    className={i === rows.length - 1 ? 'sheet-side sheet-side-last' : 'sheet-side'}
                    aria-hidden="true"
                  />
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
                  {row.indicator ? (
                    <Cell
                      className="sheet-value"
                      path={`indicators.year.${row.l1}.children.${row.l2}.indicators.${row.index}.rawValue`}
                    >
                      {row.indicator.rawValue}
                    </Cell>
                  ) : (
                    <td className="sheet-value" />
                  )}
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
        <ReviewResultTable form={form} />
        <FilerFooter submission={form.submission} />
      </article>
    </Highlight.Provider>
  );
}
