import {
  FORM_FIELD_LABELS as L,
  FUND_FIELD_LABELS as F,
  type CodeListItem,
  type FundField,
  type ProjectHeader,
} from '@jxt/contracts';
import { checkFunds, checkHeader, fundLabel } from '@jxt/domain';
import { DatePicker, Input, Select } from 'antd';
import dayjs from 'dayjs';
import { memo, useMemo, type Dispatch } from 'react';
import { draftFundsToFunds, type DraftAction, type DraftFunds, type HeaderField } from '../form-draft';
import { FieldNote, issuesByField, statusOf } from './FieldNote';
import { totalGoalHeading } from './FormSheet';

type Errors = Record<string, string>;

interface HeaderEditorProps {
  project: ProjectHeader;
  categories: readonly CodeListItem[];
  errors: Errors;
  dispatch: Dispatch<DraftAction>;
}

/** 项目名称 / 项目类别 / 主管部门 / 实施单位 / 计划开始日期 / 计划完成日期, with checkHeader run live. */
export const HeaderEditorRows = memo(function HeaderEditorRows({ project, categories, errors, dispatch }: HeaderEditorProps) {
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
  const known = categories.some((item) => item.code === project.categoryCode);
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
            options={[
              ...categories.map((item) => ({ value: item.code, label: item.label })),
              ...(project.categoryCode && !known ? [{ value: project.categoryCode, label: project.categoryCode }] : []),
            ]}
          />
          <FieldNote {...category} />
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

/** The seven amounts, typed text kept as is; checkFunds runs on every change and each message sits by its field. */
export const FundsEditorRows = memo(function FundsEditorRows({ funds, errors, dispatch }: FundsEditorProps) {
  const issues = useMemo(() => issuesByField(checkFunds(draftFundsToFunds(funds))), [funds]);
  const cell = (field: FundField) => {
    const path = `funds.${field}`;
    const fieldIssues = issues.get(path);
    const id = `note-${path}`;
    return (
      <td className="sheet-amount-input" colSpan={2}>
        <Input
          value={funds[field]}
          onChange={(e) => dispatch({ type: 'fund', field, value: e.target.value })}
          inputMode="decimal"
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
  totalGoal: string;
  annualGoal: string;
  goalPeriodStart: number | null;
  goalPeriodEnd: number | null;
  errors: Errors;
  dispatch: Dispatch<DraftAction>;
}

/** 项目总目标 and 年度总目标 side by side. */
export const GoalsEditorRows = memo(function GoalsEditorRows({ totalGoal, annualGoal, goalPeriodStart, goalPeriodEnd, errors, dispatch }: GoalsEditorProps) {
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
        issues={value.trim() === '' ? [{ field, severity: 'warning', code: 'goal.blank', message: `${L[field]}未填写` }] : []}
      />
    </>
  );
  return (
    <>
      <tr>
        <th scope="rowgroup" rowSpan={2} className="sheet-block">
          {L.goals}
        </th>
        <th colSpan={3} scope="col">
          {totalGoalHeading(goalPeriodStart, goalPeriodEnd)}
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
