import {
  FORM_FIELD_LABELS as L,
  FUND_FIELDS,
  FUND_FIELD_LABELS,
  INDICATOR_SET_LABELS,
  type GoalForm,
  type IndicatorSetsInput,
} from '@jxt/contracts';
import {
  copyIndicatorSets,
  diffForms,
  fieldValueText,
  toSaveRequest,
  type CodeListLabels,
  type FieldChange,
  type FormContent,
} from '@jxt/domain';

export interface CompareRow {
  key: string;
  section: string;
  label: string;
  left: string | null;
  right: string | null;
  changed: boolean;
  /** Changed parts of the row other than its shown value (分值, 评分细则 … of an indicator), values as shown. */
  details: FieldChange[];
}

/** A revision's content without indicator ids: each revision has its own ids, so indicators match by group and name. */
function content(form: GoalForm): FormContent {
  const { rowVersion: _rowVersion, ...rest } = toSaveRequest(form);
  return { ...rest, indicators: copyIndicatorSets(form.indicators) };
}

/**
 * Side-by-side rows of two revisions (left = older, right = newer): every header field, amount, goal and
 * indicator of either, each marked changed when diffForms reports a change under its path. Values read as each
 * revision prints them (fieldValueText: 项目类别 and 功能分类科目 by the revision's own labels — a locked one keeps
 * those it had — else by the tenant's `lists`; amounts grouped); null is a blank.
 */
export function compareRevisions(left: GoalForm, right: GoalForm, lists: CodeListLabels = {}): CompareRow[] {
  const labels = new Map<string, string>();
  for (const form of [left, right])
    for (const set of [form.indicators.year, form.indicators.longTerm ?? []])
      for (const l1 of set) {
        labels.set(l1.code, l1.label);
        for (const l2 of l1.children) labels.set(l2.code, l2.label);
      }
  const labelOf = (code: string) => labels.get(code) ?? code;
  const a = content(left);
  const b = content(right);
  const changes = diffForms(a, b, labelOf);
  const changedUnder = (path: string) => changes.filter((c) => c.field === path || c.field.startsWith(`${path}.`));
  const rows: CompareRow[] = [];
  const push = (section: string, key: string, label: string, l: string | null, r: string | null, path = key) => {
    const found = changedUnder(path);
    rows.push({ key, section, label, left: l, right: r, changed: found.length > 0, details: [] });
    return found;
  };

  const header: [keyof FormContent['project'], string][] = [
    ['code', L.projectCode],
    ['name', L.projectName],
    ['categoryCode', L.category],
    ['continuity', L.continuity],
    ['functionClassCode', L.functionClass],
    ['printedDepartment', L.printedDepartment],
    ['printedImplementingUnit', L.printedImplementingUnit],
    ['plannedStart', L.plannedStart],
    ['plannedEnd', L.plannedEnd],
  ];
  const leftLists = printedLabels(left, lists);
  const rightLists = printedLabels(right, lists);
  const text = (path: string, value: string | null | undefined) => fieldValueText(path, value, lists);
  for (const [field, label] of header) {
    const path = `project.${field}`;
    push(
      '项目信息',
      path,
      label,
      fieldValueText(path, a.project[field], leftLists),
      fieldValueText(path, b.project[field], rightLists),
    );
  }
  for (const field of FUND_FIELDS)
    push(
      L.funds,
      `funds.${field}`,
      FUND_FIELD_LABELS[field],
      text(`funds.${field}`, a.funds[field]),
      text(`funds.${field}`, b.funds[field]),
    );
  push(L.goals, 'goalPeriod', `${L.totalGoal}年度`, period(a), period(b), '__none__');
  rows[rows.length - 1].changed = changedUnder('goalPeriodStart').length + changedUnder('goalPeriodEnd').length > 0;
  push(L.goals, 'totalGoal', L.totalGoal, a.totalGoal, b.totalGoal);
  push(L.goals, 'annualGoal', L.annualGoal, a.annualGoal, b.annualGoal);

  for (const set of ['year', 'longTerm'] as const) {
    const before = flat(a.indicators[set]);
    const after = flat(b.indicators[set]);
    const keys = [...new Set([...after.keys(), ...before.keys()])];
    for (const key of keys) {
      const old = before.get(key);
      const next = after.get(key);
      const [l1, l2, name] = key.split('\u0000');
      const path = `indicators.${set}.${l1}.${l2}.${name}`;
      const found = push(
        INDICATOR_SET_LABELS[set],
        path,
        `${labelOf(l1)} / ${labelOf(l2)} / ${name}`,
        old ? old.rawValue : null,
        next ? next.rawValue : null,
      );
      const row = rows[rows.length - 1];
      if (!old || !next) row.changed = true;
      // The value is in the columns; its other changed parts (分值, 评分细则 …) are listed under it.
      row.details = found
        .filter((c) => !c.field.endsWith('.rawValue') && c.field !== path)
        .map((c) => ({ ...c, before: text(c.field, c.before), after: text(c.field, c.after) }));
    }
  }
  return rows;
}

/** The tenant's lists with the revision's own 项目类别 and 功能分类科目 labels first (what that revision prints). */
function printedLabels(form: GoalForm, lists: CodeListLabels): CodeListLabels {
  const own = (code: string | null, label: string | null, items: CodeListLabels['project_category'] = []) =>
    code !== null && label !== null ? [{ code, label }, ...items] : items;
  return {
    ...lists,
    project_category: own(form.project.categoryCode, form.project.categoryLabel, lists.project_category),
    function_class: own(form.project.functionClassCode, form.project.functionClassLabel, lists.function_class),
  };
}

function period(content: FormContent): string | null {
  if (content.goalPeriodStart === null && content.goalPeriodEnd === null) return null;
  return `${content.goalPeriodStart ?? ''} 年 - ${content.goalPeriodEnd ?? ''} 年`;
}

function flat(groups: IndicatorSetsInput['year'] | null) {
  const map = new Map<string, { rawValue: string }>();
  for (const l1 of groups ?? [])
    for (const l2 of l1.children)
      for (const i of l2.indicators) map.set([l1.code, l2.code, i.name].join('\u0000'), { rawValue: i.rawValue });
  return map;
}
