import {
  FORM_FIELD_LABELS as L,
  FUND_FIELD_LABELS as F,
  PROJECT_CONTINUITY,
  PROJECT_CONTINUITY_LABELS,
  type CodeListItem,
  type FundField,
  type ProjectHeader,
} from '@jxt/contracts';
import { checkFunds, checkGoalPeriod, checkHeader, fundLabel, replaceYear } from '@jxt/domain';
import { Button, DatePicker, Input, InputNumber, Select } from 'antd';
import dayjs from 'dayjs';
import { memo, useMemo, type Dispatch } from 'react';
import { MoneyInput } from '../../../ui/MoneyInput';
import {
  draftFundsToFunds,
  type DraftAction,
  type DraftFunds,
  type GoalPeriodField,
  type HeaderField,
} from '../form-draft';
import { FieldNote, issuesByField, statusOf } from './FieldNote';

type Errors = Record<string, string>;

interface HeaderEditorProps {
  project: ProjectHeader;
  categories: readonly CodeListItem[];
  /** The tenant's 功能分类科目 (`function_class`), 类 → 款 → 项 by code length. */
  functionClasses: readonly CodeListItem[];
  errors: Errors;
  dispatch: Dispatch<DraftAction>;
}

/** Options of a code list: label shown, code kept; a stored code the list lacks is still offered, as itself. */
function codeOptions(items: readonly CodeListItem[], current: string | null) {
  const options = items.map((item) => ({ value: item.code, label: item.label }));
  return current && !items.some((item) => item.code === current)
    ? [...options, { value: current, label: current }]
    : options;
}

/** 功能分类科目: 类 (3 digits), 款 (5) and 项 (7) indented; searched by words or code; the label alone once chosen. */
function functionClassOptions(items: readonly CodeListItem[], current: string | null) {
  return codeOptions(items, current).map((option) => ({
    ...option,
    search: `${option.value} ${option.label}`,
    depth: option.value.length <= 3 ? 0 : option.value.length <= 5 ? 1 : 2,
  }));
}

/**
 * 项目名称 / 项目类别 / 新增/延续 / 功能分类科目 / 主管部门 / 实施单位 / 计划开始日期 / 计划完成日期,
 * with checkHeader run live.
 */
export const HeaderEditorRows = memo(function HeaderEditorRows({
  project,
  categories,
  functionClasses,
  errors,
  dispatch,
}: HeaderEditorProps) {
  const issues = useMemo(() => issuesByField(checkHeader(project)), [project]);
  const set = (field: HeaderField) => (value: string | null) => dispatch({ type: 'header', field, value });
  const note = (field: HeaderField) => {
    const path = `project.${field}`;
    return { serverError: errors[path], issues: issues.get(path), id: `note-${path}` };
  };
  const textInput = (field: 'name' | 'printedDepartment' | 'printedImplementingUnit', label: string) => {
    const n = note(field);
    return (
      <>
        <Input
          value={project[field] ?? ''}
          onChange={(e) => set(field)(e.target.value)}
          aria-label={label}
          data-field-id={`project.${field}`}
          status={statusOf(n.serverError, n.issues)}
          aria-describedby={n.serverError || n.issues ? n.id : undefined}
        />
        <FieldNote {...n} />
      </>
    );
  };
  const dateInput = (field: 'plannedStart' | 'plannedEnd', label: string) => {
    const n = note(field);
    const value = project[field];
    const parsed = value ? dayjs(value, 'YYYY-MM-DD', true) : null;
    return (
      <>
        <DatePicker
          value={parsed?.isValid() ? parsed : null}
          onChange={(date) => set(field)(date ? date.format('YYYY-MM-DD') : null)}
          format="YYYY-MM-DD"
          aria-label={label}
          data-field-id={`project.${field}`}
          status={statusOf(n.serverError, n.issues)}
          style={{ width: '100%' }}
        />
        <FieldNote {...n} />
      </>
    );
  };
  const category = note('categoryCode');
  const continuity = note('continuity');
  const functionClass = note('functionClassCode');
  return (
    <>
      <tr>
        <th scope="row">
          <label>{L.projectName}</label>
        </th>
        <td colSpan={3}>{textInput('name', L.projectName)}</td>
        <th scope="row">{L.category}</th>
        <td>
          <Select
            value={project.categoryCode ?? undefined}
            onChange={(value: string | undefined) => set('categoryCode')(value ?? null)}
            allowClear
            placeholder="请选择"
            aria-label={L.category}
            data-field-id="project.categoryCode"
            status={statusOf(category.serverError, category.issues)}
            style={{ width: '100%' }}
            options={codeOptions(categories, project.categoryCode)}
          />
          <FieldNote {...category} />
        </td>
      </tr>
      <tr>
        <th scope="row">{L.continuity}</th>
        <td colSpan={3}>
          <Select
            value={project.continuity ?? undefined}
            onChange={(value: string | undefined) => set('continuity')(value ?? null)}
            allowClear
            placeholder="请选择"
            aria-label={L.continuity}
            data-field-id="project.continuity"
            status={statusOf(continuity.serverError, continuity.issues)}
            style={{ width: '100%' }}
            options={PROJECT_CONTINUITY.map((code) => ({ value: code, label: PROJECT_CONTINUITY_LABELS[code] }))}
          />
          <FieldNote {...continuity} />
        </td>
        <th scope="row">{L.functionClass}</th>
        <td>
          <Select
            value={project.functionClassCode ?? undefined}
            onChange={(value: string | undefined) => set('functionClassCode')(value ?? null)}
            allowClear
            showSearch={{ optionFilterProp: 'search' }}
            placeholder="请选择或搜索"
            aria-label={L.functionClass}
            data-field-id="project.functionClassCode"
            status={statusOf(functionClass.serverError, functionClass.issues)}
            style={{ width: '100%' }}
            popupMatchSelectWidth={false}
            options={functionClassOptions(functionClasses, project.functionClassCode)}
            optionRender={(option) => (
              <span className={`function-class-option function-class-depth-${option.data.depth}`}>
                <span className="function-class-code">{option.data.value}</span>
                {option.data.label}
              </span>
            )}
          />
          <FieldNote {...functionClass} />
        </td>
      </tr>
      <tr>
        <th scope="row">{L.printedDepartment}</th>
        <td colSpan={3}>{textInput('printedDepartment', L.printedDepartment)}</td>
        <th scope="row">{L.printedImplementingUnit}</th>
        <td>{textInput('printedImplementingUnit', L.printedImplementingUnit)}</td>
      </tr>
      <tr>
        <th scope="row">{L.plannedStart}</th>
        <td colSpan={3}>{dateInput('plannedStart', L.plannedStart)}</td>
        <th scope="row">{L.plannedEnd}</th>
        <td>{dateInput('plannedEnd', L.plannedEnd)}</td>
      </tr>
    </>
  );
});

interface FundsEditorProps {
  funds: DraftFunds;
  errors: Errors;
  dispatch: Dispatch<DraftAction>;
}

/**
 * The seven amounts, with thousands separators as typed (MoneyInput), otherwise the text as typed;
 * checkFunds runs on every change and each message sits by its field.
 */
export const FundsEditorRows = memo(function FundsEditorRows({ funds, errors, dispatch }: FundsEditorProps) {
  const issues = useMemo(() => issuesByField(checkFunds(draftFundsToFunds(funds))), [funds]);
  const cell = (field: FundField) => {
    const path = `funds.${field}`;
    const fieldIssues = issues.get(path);
    const id = `note-${path}`;
    return (
      <td className="sheet-amount-input" colSpan={2}>
        <MoneyInput
          value={funds[field]}
          onChange={(value) => dispatch({ type: 'fund', field, value })}
          aria-label={fundLabel(field)}
          data-field-id={path}
          status={statusOf(errors[path], fieldIssues)}
          aria-describedby={errors[path] || fieldIssues ? id : undefined}
          className="amount-input"
          suffix="元"
        />
        <FieldNote id={id} serverError={errors[path]} issues={fieldIssues} />
      </td>
    );
  };
  return (
    <>
      <tr>
        <th scope="rowgroup" rowSpan={4} className="sheet-block">
          {L.funds.replace('（', '\n（')}
        </th>
        <th scope="row">{F.totalAmount}</th>
        {cell('totalAmount')}
        <th scope="row">{F.annualAmount}</th>
        {cell('annualAmount')}
      </tr>
      <tr>
        <th scope="row">{F.fiscalAmount}</th>
        {cell('fiscalAmount')}
        <th scope="row">{F.annualFiscalAmount}</th>
        {cell('annualFiscalAmount')}
      </tr>
      <tr>
        <td />
        <td colSpan={2} />
        <th scope="row">{F.carryOverAmount}</th>
        {cell('carryOverAmount')}
      </tr>
      <tr>
        <th scope="row">{F.otherAmount}</th>
        {cell('otherAmount')}
        <th scope="row">{F.annualOtherAmount}</th>
        {cell('annualOtherAmount')}
      </tr>
    </>
  );
});

interface GoalsEditorProps {
  /** The form's year: the period should contain it. */
  year: number;
  totalGoal: string;
  annualGoal: string;
  goalPeriodStart: number | null;
  goalPeriodEnd: number | null;
  /** The years were proposed by the editor (the form had none). */
  goalPeriodProposed: boolean;
  /** 延续: the year the form was carried from, whose mentions in the goals the editor offers to move on. */
  carriedFromYear: number | null;
  errors: Errors;
  dispatch: Dispatch<DraftAction>;
}

/** 项目总目标 with its years, `（2021 年- 2022年）` as printed but with two inputs, and 年度总目标 side by side. */
export const GoalsEditorRows = memo(function GoalsEditorRows(props: GoalsEditorProps) {
  const { year, totalGoal, annualGoal, goalPeriodStart, goalPeriodEnd, goalPeriodProposed, carriedFromYear } = props;
  const { errors, dispatch } = props;
  const periodIssues = useMemo(
    () => issuesByField(checkGoalPeriod({ goalPeriodStart, goalPeriodEnd }, year)),
    [goalPeriodStart, goalPeriodEnd, year],
  );
  const yearInput = (field: GoalPeriodField, value: number | null) => (
    <InputNumber<number>
      value={value}
      onChange={(next) => dispatch({ type: 'goalPeriod', field, value: typeof next === 'number' ? next : null })}
      precision={0}
      controls={false}
      size="small"
      inputMode="numeric"
      className="goal-period-input"
      aria-label={L[field]}
      data-field-id={field}
      status={statusOf(errors[field], periodIssues.get(field))}
      aria-describedby={errors[field] || periodIssues.get(field) ? `note-${field}` : undefined}
    />
  );
  // 延续: one click moves a carried goal's years on; the filer sees how many first.
  function yearOffer(field: 'totalGoal' | 'annualGoal', value: string) {
    if (carriedFromYear === null) return null;
    const replacement = replaceYear(value, carriedFromYear, year);
    if (replacement.count === 0) return null;
    return (
      <Button
        type="link"
        size="small"
        className="year-replacement"
        onClick={() => dispatch({ type: 'goal', field, value: replacement.text })}
      >
        将文中 {carriedFromYear} 年改为 {year} 年（{replacement.count} 处）
      </Button>
    );
  }
  const area = (field: 'totalGoal' | 'annualGoal', value: string) => (
    <>
      <Input.TextArea
        value={value}
        onChange={(e) => dispatch({ type: 'goal', field, value: e.target.value })}
        autoSize={{ minRows: 6, maxRows: 24 }}
        aria-label={L[field]}
        data-field-id={field}
        status={errors[field] ? 'error' : value.trim() === '' ? 'warning' : undefined}
      />
      <FieldNote
        serverError={errors[field]}
        issues={
          value.trim() === '' ? [{ field, severity: 'warning', code: 'goal.blank', message: `${L[field]}未填写` }] : []
        }
      />
      {yearOffer(field, value)}
    </>
  );
  return (
    <>
      <tr>
        <th scope="rowgroup" rowSpan={2} className="sheet-block">
          {L.goals}
        </th>
        <th colSpan={3} scope="col">
          {L.totalGoal}
          <br />（{yearInput('goalPeriodStart', goalPeriodStart)} 年- {yearInput('goalPeriodEnd', goalPeriodEnd)}年）
          <FieldNote
            id="note-goalPeriodStart"
            serverError={errors.goalPeriodStart}
            issues={periodIssues.get('goalPeriodStart')}
          />
          <FieldNote
            id="note-goalPeriodEnd"
            serverError={errors.goalPeriodEnd}
            issues={periodIssues.get('goalPeriodEnd')}
          />
          {goalPeriodProposed && (
            <div className="field-note field-note-info">本表原未填写年度，已按计划日期和本表年度建议，保存后生效</div>
          )}
        </th>
        <th colSpan={2} scope="col">
          {L.annualGoal}
        </th>
      </tr>
      <tr>
        <td colSpan={3} className="sheet-goal-input">
          {area('totalGoal', totalGoal)}
        </td>
        <td colSpan={2} className="sheet-goal-input">
          {area('annualGoal', annualGoal)}
        </td>
      </tr>
    </>
  );
});
