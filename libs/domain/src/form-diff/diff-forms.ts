import {
  FORM_FIELD_LABELS,
  FUND_FIELDS,
  FUND_FIELD_LABELS,
  INDICATOR_SET_LABELS,
  type IndicatorSet,
  type IndicatorSetsInput,
  type ProjectHeader,
  type SaveFormRequest,
} from '@jxt/contracts';
import { compareMoney } from '../money';

/** The part of a form that a save changes and history records (a SaveFormRequest without its rowVersion). */
export type FormContent = Omit<SaveFormRequest, 'rowVersion'>;

export interface FieldChange {
  /** Dotted path, like the API's field errors: `funds.totalAmount`, `indicators.year.项目验收合格率.rawValue`. */
  field: string;
  /** What a person reads: 项目资金总额, 年度绩效指标 / 质量指标 / 项目验收合格率 / 年度指标值. */
  label: string;
  before: string | null;
  after: string | null;
}

const HEADER_FIELDS: [keyof ProjectHeader, string][] = [
  ['code', FORM_FIELD_LABELS.projectCode],
  ['name', FORM_FIELD_LABELS.projectName],
  ['categoryCode', FORM_FIELD_LABELS.category],
  ['continuity', FORM_FIELD_LABELS.continuity],
  ['functionClassCode', FORM_FIELD_LABELS.functionClass],
  ['printedDepartment', FORM_FIELD_LABELS.printedDepartment],
  ['printedImplementingUnit', FORM_FIELD_LABELS.printedImplementingUnit],
  ['plannedStart', FORM_FIELD_LABELS.plannedStart],
  ['plannedEnd', FORM_FIELD_LABELS.plannedEnd],
];

const INDICATOR_FIELDS = [
  ['rawValue', FORM_FIELD_LABELS.targetValue],
  ['weight', FORM_FIELD_LABELS.weight],
  ['scoringNotes', FORM_FIELD_LABELS.scoringNotes],
  ['explanation', FORM_FIELD_LABELS.explanation],
  ['remark', FORM_FIELD_LABELS.remark],
  ['nature', FORM_FIELD_LABELS.nature],
  ['measureUnit', FORM_FIELD_LABELS.measureUnit],
  ['weakerTargetReason', FORM_FIELD_LABELS.weakerTargetReason],
] as const;

const text = (value: string | number | null | undefined): string | null =>
  value === null || value === undefined || value === '' ? null : String(value);

function sameMoney(a: string | null, b: string | null): boolean {
  if (a === null || b === null) return a === b;
  try {
    return compareMoney(a, b) === 0;
  } catch {
    return a === b;
  }
}

interface FlatIndicator {
  key: string;
  path: string;
  level1: string;
  level2: string;
  name: string;
  values: Record<(typeof INDICATOR_FIELDS)[number][0], string | null>;
}

/** Indicators are matched by id when both sides have one, else by their group and name. */
function flatten(sets: IndicatorSetsInput, set: IndicatorSet): FlatIndicator[] {
  const out: FlatIndicator[] = [];
  for (const level1 of sets[set] ?? []) {
    for (const level2 of level1.children) {
      for (const indicator of level2.indicators) {
        out.push({
          key: indicator.id ?? `${level1.code}/${level2.code}/${indicator.name}`,
          path: `indicators.${set}.${level1.code}.${level2.code}.${indicator.name}`,
          level1: level1.code,
          level2: level2.code,
          name: indicator.name,
          values: {
            rawValue: text(indicator.rawValue),
            weight: text(indicator.weight),
            scoringNotes: text(indicator.scoringNotes),
            explanation: text(indicator.explanation),
            remark: text(indicator.remark),
            nature: text(indicator.nature),
            measureUnit: text(indicator.measureUnit),
            weakerTargetReason: text(indicator.weakerTargetReason),
          },
        });
      }
    }
  }
  return out;
}

/**
 * Every difference between two versions of a form's content, in the form's order: header, funds, goals,
 * then each indicator (added, removed, moved to another group, renamed, value changed). Used for the saved-change
 * history and for the side-by-side comparison of two revisions. `labelOf` turns taxonomy codes into labels.
 */
export function diffForms(
  before: FormContent,
  after: FormContent,
  labelOf: (code: string) => string = (code) => code,
): FieldChange[] {
  const changes: FieldChange[] = [];
  for (const [field, label] of HEADER_FIELDS) {
    const a = text(before.project[field]);
    const b = text(after.project[field]);
    if (a !== b) changes.push({ field: `project.${field}`, label, before: a, after: b });
  }
  for (const field of FUND_FIELDS) {
    const a = text(before.funds[field]);
    const b = text(after.funds[field]);
    if (!sameMoney(a, b))
      changes.push({ field: `funds.${field}`, label: FUND_FIELD_LABELS[field], before: a, after: b });
  }
  for (const [field, label] of [
    ['totalGoal', FORM_FIELD_LABELS.totalGoal],
    ['annualGoal', FORM_FIELD_LABELS.annualGoal],
    ['goalPeriodStart', `${FORM_FIELD_LABELS.totalGoal}起始年度`],
    ['goalPeriodEnd', `${FORM_FIELD_LABELS.totalGoal}终止年度`],
  ] as const) {
    const a = text(before[field]);
    const b = text(after[field]);
    if (a !== b) changes.push({ field, label, before: a, after: b });
  }
  for (const set of ['year', 'longTerm'] as const) {
    const old = flatten(before.indicators, set);
    const next = flatten(after.indicators, set);
    const oldByKey = new Map(old.map((i) => [i.key, i]));
    const nextKeys = new Set(next.map((i) => i.key));
    const where = (i: FlatIndicator) =>
      `${INDICATOR_SET_LABELS[set]} / ${labelOf(i.level1)} / ${labelOf(i.level2)} / ${i.name}`;
    for (const indicator of next) {
      const previous = oldByKey.get(indicator.key);
      if (!previous) {
        changes.push({
          field: indicator.path,
          label: `${where(indicator)}（新增）`,
          before: null,
          after: indicator.values.rawValue,
        });
        continue;
      }
      if (previous.level1 !== indicator.level1 || previous.level2 !== indicator.level2) {
        changes.push({
          field: `${indicator.path}.group`,
          label: `${where(indicator)}（所属指标）`,
          before: `${labelOf(previous.level1)} / ${labelOf(previous.level2)}`,
          after: `${labelOf(indicator.level1)} / ${labelOf(indicator.level2)}`,
        });
      }
      if (previous.name !== indicator.name) {
        changes.push({
          field: `${indicator.path}.name`,
          label: `${where(indicator)}（${FORM_FIELD_LABELS.level3}）`,
          before: previous.name,
          after: indicator.name,
        });
      }
      for (const [field, label] of INDICATOR_FIELDS) {
        if (previous.values[field] !== indicator.values[field]) {
          changes.push({
            field: `${indicator.path}.${field}`,
            label: `${where(indicator)} / ${label}`,
            before: previous.values[field],
            after: indicator.values[field],
          });
        }
      }
    }
    for (const indicator of old) {
      if (!nextKeys.has(indicator.key))
        changes.push({
          field: indicator.path,
          label: `${where(indicator)}（删除）`,
          before: indicator.values.rawValue,
          after: null,
        });
    }
  }
  return changes;
}
