import { FORM_FIELD_LABELS as L, FUND_FIELDS, FUND_FIELD_LABELS, type GoalForm } from '@jxt/contracts';

export interface FieldOption {
  /** The dotted path the API uses: `funds.totalAmount`, `indicators.year.0.children.1.indicators.2.rawValue`. */
  value: string;
  label: string;
}

export interface FieldOptionGroup {
  label: string;
  options: FieldOption[];
}

const HEADER: [string, string][] = [
  ['project.name', L.projectName],
  ['project.code', L.projectCode],
  ['project.categoryCode', L.category],
  ['project.continuity', L.continuity],
  ['project.functionClassCode', L.functionClass],
  ['project.printedDepartment', L.printedDepartment],
  ['project.printedImplementingUnit', L.printedImplementingUnit],
  ['project.plannedStart', L.plannedStart],
  ['project.plannedEnd', L.plannedEnd],
];

/**
 * The fields a reviewer's comment may point at (退回 …): header fields, the seven amounts, the goals and
 * each 三级指标's 年度指标值 by its name, grouped as the form prints them.
 */
export function fieldOptions(form: GoalForm): FieldOptionGroup[] {
  const indicators: FieldOption[] = [];
  form.indicators.year.forEach((level1, i) =>
    level1.children.forEach((level2, j) =>
      level2.indicators.forEach((indicator, k) =>
        indicators.push({
          value: `indicators.year.${i}.children.${j}.indicators.${k}.rawValue`,
          label: `${level2.label} / ${indicator.name || '（未命名指标）'} / ${L.targetValue}`,
        }),
      ),
    ),
  );
  return [
    { label: '项目信息', options: HEADER.map(([value, label]) => ({ value, label })) },
    {
      label: L.funds,
      options: FUND_FIELDS.map((field) => ({ value: `funds.${field}`, label: FUND_FIELD_LABELS[field] })),
    },
    {
      label: L.goals,
      options: [
        { value: 'totalGoal', label: L.totalGoal },
        { value: 'annualGoal', label: L.annualGoal },
      ],
    },
    { label: L.indicators, options: indicators },
  ];
}

/** What a person reads for a field path (the path itself when the form has no such field any more). */
export function fieldLabel(form: GoalForm, path: string): string {
  for (const group of fieldOptions(form)) {
    const option = group.options.find((o) => o.value === path);
    if (option)
      return group.label === '项目信息' || group.label === L.indicators
        ? option.label
        : `${group.label} / ${option.label}`;
  }
  return path;
}
