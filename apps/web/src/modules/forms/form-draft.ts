/**
 * The edit state of one 绩效目标填报表: GoalForm → editable draft → SaveFormRequest.
 * Pure (no React): the reducer, the conversions and the mapping of the server's 400 field paths
 * to the inputs are unit-tested in form-draft.spec.ts.
 *
 * Every text stays exactly as typed (amounts included: a string, never a float; they open grouped,
 * `8,927,300.00`, and the request carries the decimal string). Rows carry a
 * stable `key` (indicator ids are absent for new rows) so that React keeps each row's state and
 * server errors stay on their row when rows move.
 */
import {
  FORM_FIELD_LABELS,
  FUND_FIELD_LABELS,
  FUND_FIELDS,
  type FieldError,
  type FundField,
  type Funds,
  type GoalForm,
  type IndicatorInput,
  type Level1GroupInput,
  type ProjectHeader,
  type SaveFormRequest,
  type TaxonomyNode,
} from '@jxt/contracts';
import {
  amountForRequest,
  fundTotalOf,
  moneyForInput,
  proposeGoalPeriod,
  sumOfFundParts,
  toSaveRequest,
  type PastedIndicator,
} from '@jxt/domain';
import { withoutError } from '../../ui/field-errors';

export interface DraftIndicator {
  key: string;
  id?: string;
  name: string;
  rawValue: string;
  /** Kept untouched: the columns this screen does not edit (分值, 评分细则 …, the printed 指标性质 and 度量单位). */
  extra: Pick<IndicatorInput, 'weight' | 'scoringNotes' | 'explanation' | 'remark' | 'nature' | 'measureUnit'>;
  /** Why the target is below last year's approved one (issue 14), typed in the checks panel. */
  weakerTargetReason?: string;
}

export interface DraftLevel2 {
  key: string;
  code: string;
  indicators: DraftIndicator[];
}

export interface DraftLevel1 {
  key: string;
  code: string;
  children: DraftLevel2[];
}

/** An indicator offered by the 指标库 or a similar project: where it goes, its typical value and what it prints. */
export interface SuggestedIndicator extends PastedIndicator {
  measureUnit?: string | null;
  explanation?: string | null;
}

export type DraftFunds = Record<FundField, string>;
export type HeaderField = Exclude<keyof ProjectHeader, 'code'>;
export type GoalField = 'totalGoal' | 'annualGoal';
export type GoalPeriodField = 'goalPeriodStart' | 'goalPeriodEnd';
export type IndicatorField = 'name' | 'rawValue';

export interface FieldMessage {
  /** The input it belongs to (see `fieldId*` below), or null when no input shows it. */
  fieldId: string | null;
  /** Where it is, in the words of the form (`项目资金总额`, `三级指标 第3行`). */
  label: string;
  message: string;
}

/** A removed 三级指标, kept so that 撤销 can put it back where it was. */
export interface RemovedIndicator {
  row: DraftIndicator;
  /** Key of its 二级指标 group. */
  groupKey: string;
  index: number;
  /** Its row number on the sheet when it was removed (what the undo bar names). */
  rowNumber: number;
}

/** The `data-field-id` of the 撤销 button: where the keyboard goes after a row is removed. */
export const UNDO_REMOVE_ID = 'undo-remove';
const UNDO_LIMIT = 50;

export interface FormDraft {
  /** The form as read: rowVersion, the long-term set and any field this screen does not edit. */
  base: SaveFormRequest;
  project: ProjectHeader;
  funds: DraftFunds;
  totalGoal: string;
  annualGoal: string;
  /** The years under 项目总目标, `（2021 年- 2021年）`. */
  goalPeriodStart: number | null;
  goalPeriodEnd: number | null;
  /** The form had no years: the editor proposed them (from the planned dates or the form's year); not yet touched. */
  goalPeriodProposed: boolean;
  year: DraftLevel1[];
  /** Removed rows, last removed last: 撤销 restores from the end. */
  removed: RemovedIndicator[];
  dirty: boolean;
  /** Server errors (400) by input id; an edit of that input clears its entry. */
  errors: Record<string, string>;
  /** All messages of the last 400, in the server's order, for the summary. */
  errorSummary: FieldMessage[];
  /** The input to focus after an add or a move, or null. */
  focus: string | null;
  nextKey: number;
}

/** Ids of the inputs (also `data-field-id` in the DOM). */
export const fieldIdIndicator = (key: string, field: IndicatorField | string) => `ind:${key}:${field}`;
export const fieldIdLevel2 = (key: string) => `l2:${key}`;
export const fieldIdLevel1 = (key: string) => `l1:${key}`;

const text = (value: string | null | undefined) => value ?? '';
const orNull = (value: string) => (value.trim() === '' ? null : value);

const ZERO_BY_DEFAULT = ['otherAmount', 'carryOverAmount', 'annualOtherAmount'] as const satisfies readonly FundField[];

export function createDraft(form: GoalForm): FormDraft {
  const base = toSaveRequest(form);
  let next = 1;
  const key = () => `k${next++}`;
  const year = base.indicators.year.map((l1) => ({
    key: key(),
    code: l1.code,
    children: l1.children.map((l2) => ({
      key: key(),
      code: l2.code,
      indicators: l2.indicators.map(
        ({ id, name, rawValue, weight, scoringNotes, explanation, remark, nature, measureUnit, ...more }) => ({
          key: key(),
          id,
          name: text(name),
          rawValue: text(rawValue),
          extra: { weight, scoringNotes, explanation, remark, nature, measureUnit },
          ...(more.weakerTargetReason ? { weakerTargetReason: more.weakerTargetReason } : {}),
        }),
      ),
    })),
  }));
  const funds = Object.fromEntries(FUND_FIELDS.map((field) => [field, moneyForInput(base.funds[field])])) as DraftFunds;
  // A form with no amounts yet (新建项目, next year's draft): 上年结转资金 and both 其他资金 are most often none.
  if (FUND_FIELDS.every((field) => funds[field] === '')) {
    for (const field of ZERO_BY_DEFAULT) funds[field] = '0.00';
  }
  // A form without its years would print "（ 年- 年）": propose them, the filer confirms with a save.
  const proposal = proposeGoalPeriod(form.year, base.project);
  const goalPeriodProposed = base.goalPeriodStart == null || base.goalPeriodEnd == null;
  return {
    base,
    project: { ...base.project },
    funds,
    totalGoal: text(base.totalGoal),
    annualGoal: text(base.annualGoal),
    goalPeriodStart: base.goalPeriodStart ?? proposal.goalPeriodStart,
    goalPeriodEnd: base.goalPeriodEnd ?? proposal.goalPeriodEnd,
    goalPeriodProposed,
    year,
    removed: [],
    dirty: false,
    errors: {},
    errorSummary: [],
    focus: null,
    nextKey: next,
  };
}

export function draftFundsToFunds(funds: DraftFunds): Funds {
  return Object.fromEntries(
    FUND_FIELDS.map((field) => [field, funds[field].trim() === '' ? null : funds[field]]),
  ) as unknown as Funds;
}

export function toRequest(draft: FormDraft): SaveFormRequest {
  const { project } = draft;
  return {
    ...draft.base,
    project: {
      ...project,
      name: project.name,
      categoryCode: project.categoryCode || null,
      continuity: project.continuity || null,
      functionClassCode: project.functionClassCode || null,
      printedDepartment: orNull(text(project.printedDepartment)),
      printedImplementingUnit: orNull(text(project.printedImplementingUnit)),
      plannedStart: project.plannedStart || null,
      plannedEnd: project.plannedEnd || null,
    },
    funds: Object.fromEntries(
      FUND_FIELDS.map((field) => [field, amountForRequest(draft.funds[field])]),
    ) as unknown as Funds,
    totalGoal: orNull(draft.totalGoal),
    annualGoal: orNull(draft.annualGoal),
    goalPeriodStart: draft.goalPeriodStart,
    goalPeriodEnd: draft.goalPeriodEnd,
    indicators: {
      year: draft.year.map((l1): Level1GroupInput => ({
        code: l1.code,
        children: l1.children.map((l2) => ({
          code: l2.code,
          indicators: l2.indicators.map((indicator) => ({
            ...(indicator.id ? { id: indicator.id } : {}),
            name: indicator.name,
            rawValue: indicator.rawValue,
            ...indicator.extra,
            ...(indicator.weakerTargetReason?.trim()
              ? { weakerTargetReason: indicator.weakerTargetReason.trim() }
              : {}),
          })),
        })),
      })),
      longTerm: draft.base.indicators.longTerm,
    },
  };
}

// ---------------------------------------------------------------- actions

export interface IndicatorAt {
  l1: number;
  l2: number;
  index: number;
}

export type DraftAction =
  | { type: 'reset'; form: GoalForm }
  | { type: 'header'; field: HeaderField; value: string | null }
  | { type: 'fund'; field: FundField; value: string }
  | { type: 'goal'; field: GoalField; value: string }
  | { type: 'goalPeriod'; field: GoalPeriodField; value: number | null }
  | { type: 'indicator'; at: IndicatorAt; field: IndicatorField; value: string }
  | { type: 'weakerTargetReason'; at: IndicatorAt; value: string }
  | { type: 'addIndicator'; l1: number; l2: number; /** insert after this index; default at the end */ after?: number }
  | { type: 'removeIndicator'; at: IndicatorAt }
  /** 撤销: the last removed row back at its place. */
  | { type: 'restoreIndicator' }
  | {
      type: 'moveIndicator';
      at: IndicatorAt;
      by: -1 | 1;
      /** keep the keyboard in this input of the moved row */ focusField?: IndicatorField;
    }
  | { type: 'addLevel2'; l1: number; code: string; taxonomy: readonly TaxonomyNode[] }
  | { type: 'removeLevel2'; l1: number; l2: number }
  | { type: 'addLevel1'; code: string; taxonomy: readonly TaxonomyNode[] }
  | { type: 'removeLevel1'; l1: number }
  /** An indicator table pasted from Excel/WPS (parseIndicatorTable): its rows join the tree, after what is there. */
  | { type: 'pasteIndicators'; rows: readonly PastedIndicator[]; taxonomy: readonly TaxonomyNode[] }
  /**
   * 添加 from the 指标库 panel (issue 14 point 2): one indicator under its 一级 and 二级 (made where missing), its typical
   * value and 度量单位 prefilled; the keyboard stays in the panel.
   */
  | { type: 'addSuggested'; row: SuggestedIndicator; taxonomy: readonly TaxonomyNode[] }
  | { type: 'serverErrors'; fields: readonly FieldError[]; message?: string }
  | { type: 'focused' };

function replaceAt<T>(items: readonly T[], index: number, item: T): T[] {
  const next = items.slice();
  next[index] = item;
  return next;
}

/** Applies `change` to one level-2 group, copying only the path down to it. */
function updateLevel2(
  year: DraftLevel1[],
  l1: number,
  l2: number,
  change: (group: DraftLevel2) => DraftLevel2,
): DraftLevel1[] {
  const level1 = year[l1];
  const level2 = level1?.children[l2];
  if (!level2) return year;
  return replaceAt(year, l1, { ...level1, children: replaceAt(level1.children, l2, change(level2)) });
}

function sortIndex(taxonomy: readonly TaxonomyNode[], code: string): number {
  return taxonomy.find((node) => node.code === code)?.sortOrder ?? Number.MAX_SAFE_INTEGER;
}

/** Where a new group goes: before the first existing group that the taxonomy sorts after it. */
function insertSorted<T extends { code: string }>(
  items: readonly T[],
  item: T,
  taxonomy: readonly TaxonomyNode[],
): { items: T[]; index: number } {
  const order = sortIndex(taxonomy, item.code);
  let index = items.findIndex((existing) => sortIndex(taxonomy, existing.code) > order);
  if (index < 0) index = items.length;
  return { items: [...items.slice(0, index), item, ...items.slice(index)], index };
}

export function draftReducer(state: FormDraft, action: DraftAction): FormDraft {
  switch (action.type) {
    case 'reset':
      return createDraft(action.form);

    case 'header': {
      const fieldId = `project.${action.field}`;
      return {
        ...state,
        project: { ...state.project, [action.field]: action.value },
        dirty: true,
        errors: withoutError(state.errors, fieldId),
      };
    }

    case 'fund': {
      const fieldId = `funds.${action.field}`;
      const funds = { ...state.funds, [action.field]: action.value };
      // A part typed: its total is the sum (docs/domain.md §2), unless a part is not money yet.
      const total = fundTotalOf(action.field);
      const sum = total ? sumOfFundParts(draftFundsToFunds(funds), total) : null;
      if (total && sum !== null) funds[total] = moneyForInput(sum);
      return {
        ...state,
        funds,
        dirty: true,
        errors: withoutError(withoutError(state.errors, fieldId), total && sum !== null ? `funds.${total}` : fieldId),
      };
    }

    case 'goal':
      return { ...state, [action.field]: action.value, dirty: true, errors: withoutError(state.errors, action.field) };

    case 'goalPeriod':
      return {
        ...state,
        [action.field]: action.value,
        goalPeriodProposed: false,
        dirty: true,
        errors: withoutError(state.errors, action.field),
      };

    case 'indicator': {
      const { l1, l2, index } = action.at;
      const row = state.year[l1]?.children[l2]?.indicators[index];
      if (!row) return state;
      const year = updateLevel2(state.year, l1, l2, (group) => ({
        ...group,
        indicators: replaceAt(group.indicators, index, { ...row, [action.field]: action.value }),
      }));
      return {
        ...state,
        year,
        dirty: true,
        errors: withoutError(state.errors, fieldIdIndicator(row.key, action.field)),
      };
    }

    case 'weakerTargetReason': {
      const { l1, l2, index } = action.at;
      const row = state.year[l1]?.children[l2]?.indicators[index];
      if (!row) return state;
      const year = updateLevel2(state.year, l1, l2, (group) => ({
        ...group,
        indicators: replaceAt(group.indicators, index, { ...row, weakerTargetReason: action.value }),
      }));
      return { ...state, year, dirty: true };
    }

    case 'addIndicator': {
      const key = `k${state.nextKey}`;
      const row: DraftIndicator = {
        key,
        name: '',
        rawValue: '',
        extra: { weight: null, scoringNotes: null, explanation: null, remark: null, nature: null, measureUnit: null },
      };
      const year = updateLevel2(state.year, action.l1, action.l2, (group) => {
        const at = action.after === undefined ? group.indicators.length : action.after + 1;
        return { ...group, indicators: [...group.indicators.slice(0, at), row, ...group.indicators.slice(at)] };
      });
      if (year === state.year) return state;
      return { ...state, year, dirty: true, nextKey: state.nextKey + 1, focus: fieldIdIndicator(key, 'name') };
    }

    case 'removeIndicator': {
      const { l1, l2, index } = action.at;
      const group = state.year[l1]?.children[l2];
      const row = group?.indicators[index];
      if (!group || !row) return state;
      const year = updateLevel2(state.year, l1, l2, (g) => ({
        ...g,
        indicators: g.indicators.filter((_, i) => i !== index),
      }));
      const removed = [
        ...state.removed,
        { row, groupKey: group.key, index, rowNumber: rowNumberOf(state.year, action.at) },
      ].slice(-UNDO_LIMIT);
      return { ...state, year, removed, dirty: true, focus: UNDO_REMOVE_ID };
    }

    case 'restoreIndicator': {
      const last = state.removed.at(-1);
      if (!last) return state;
      const removed = state.removed.slice(0, -1);
      const l1 = state.year.findIndex((group) => group.children.some((child) => child.key === last.groupKey));
      if (l1 < 0) return { ...state, removed };
      const l2 = state.year[l1].children.findIndex((child) => child.key === last.groupKey);
      const year = updateLevel2(state.year, l1, l2, (group) => {
        const at = Math.min(last.index, group.indicators.length);
        return { ...group, indicators: [...group.indicators.slice(0, at), last.row, ...group.indicators.slice(at)] };
      });
      return { ...state, year, removed, dirty: true, focus: fieldIdIndicator(last.row.key, 'name') };
    }

    case 'moveIndicator': {
      const { l1, l2, index } = action.at;
      const group = state.year[l1]?.children[l2];
      const target = index + action.by;
      if (!group || !group.indicators[index] || target < 0 || target >= group.indicators.length) return state;
      const indicators = group.indicators.slice();
      [indicators[index], indicators[target]] = [indicators[target], indicators[index]];
      const moved = indicators[target];
      return {
        ...state,
        year: updateLevel2(state.year, l1, l2, (g) => ({ ...g, indicators })),
        dirty: true,
        focus: action.focusField ? fieldIdIndicator(moved.key, action.focusField) : state.focus,
      };
    }

    case 'addLevel2': {
      const level1 = state.year[action.l1];
      if (!level1 || level1.children.some((group) => group.code === action.code)) return state;
      const groupKey = `k${state.nextKey}`;
      const rowKey = `k${state.nextKey + 1}`;
      const group: DraftLevel2 = {
        key: groupKey,
        code: action.code,
        indicators: [
          {
            key: rowKey,
            name: '',
            rawValue: '',
            extra: {
              weight: null,
              scoringNotes: null,
              explanation: null,
              remark: null,
              nature: null,
              measureUnit: null,
            },
          },
        ],
      };
      const { items } = insertSorted(level1.children, group, action.taxonomy);
      return {
        ...state,
        year: replaceAt(state.year, action.l1, { ...level1, children: items }),
        dirty: true,
        nextKey: state.nextKey + 2,
        focus: fieldIdIndicator(rowKey, 'name'),
      };
    }

    case 'removeLevel2': {
      const level1 = state.year[action.l1];
      if (!level1?.children[action.l2]) return state;
      const children = level1.children.filter((_, j) => j !== action.l2);
      const year = replaceAt(state.year, action.l1, { ...level1, children });
      return { ...state, year, removed: restorable(state.removed, year), dirty: true };
    }

    case 'addLevel1': {
      if (state.year.some((group) => group.code === action.code)) return state;
      const group: DraftLevel1 = { key: `k${state.nextKey}`, code: action.code, children: [] };
      const { items } = insertSorted(state.year, group, action.taxonomy);
      return { ...state, year: items, dirty: true, nextKey: state.nextKey + 1, focus: fieldIdLevel1(group.key) };
    }

    case 'removeLevel1': {
      if (!state.year[action.l1]) return state;
      const year = state.year.filter((_, i) => i !== action.l1);
      return { ...state, year, removed: restorable(state.removed, year), dirty: true };
    }

    case 'pasteIndicators':
      return action.rows.length ? pasteIndicators(state, action.rows, action.taxonomy) : state;

    case 'addSuggested':
      return { ...pasteIndicators(state, [action.row], action.taxonomy), focus: null };

    case 'serverErrors': {
      const summary = action.fields.map((error) => mapFieldError(state, error));
      const errors: Record<string, string> = {};
      for (const item of summary) if (item.fieldId && !(item.fieldId in errors)) errors[item.fieldId] = item.message;
      if (summary.length === 0 && action.message) summary.push({ fieldId: null, label: '', message: action.message });
      return { ...state, errors, errorSummary: summary };
    }

    case 'focused':
      return state.focus === null ? state : { ...state, focus: null };
  }
}

const isBlankNewRow = (row: DraftIndicator) => !row.id && row.name.trim() === '' && row.rawValue.trim() === '';

/**
 * Adds pasted rows to the tree: each under its 一级 and 二级 (groups made where missing, in the taxonomy's order),
 * after the rows already there. Blank rows not yet saved (the one the filer pasted into) go, and with them any
 * group they alone made.
 */
function pasteIndicators(
  state: FormDraft,
  rows: readonly SuggestedIndicator[],
  taxonomy: readonly TaxonomyNode[],
): FormDraft {
  let nextKey = state.nextKey;
  const key = () => `k${nextKey++}`;
  let year: DraftLevel1[] = state.year
    .map((l1) => ({
      ...l1,
      children: l1.children
        .map((l2) => ({ ...l2, indicators: l2.indicators.filter((row) => !isBlankNewRow(row)) }))
        .filter((l2, i) => l2.indicators.length > 0 || l1.children[i].indicators.length === 0),
    }))
    .filter((l1, i) => l1.children.length > 0 || state.year[i].children.length === 0);
  let first: string | null = null;
  for (const row of rows) {
    let l1 = year.findIndex((group) => group.code === row.level1Code);
    if (l1 < 0)
      ({ items: year, index: l1 } = insertSorted(year, { key: key(), code: row.level1Code, children: [] }, taxonomy));
    const level1 = year[l1];
    let l2 = level1.children.findIndex((group) => group.code === row.level2Code);
    let children = level1.children;
    if (l2 < 0)
      ({ items: children, index: l2 } = insertSorted(
        children,
        { key: key(), code: row.level2Code, indicators: [] },
        taxonomy,
      ));
    const indicator: DraftIndicator = {
      key: key(),
      name: row.name,
      rawValue: row.rawValue,
      extra: {
        weight: null,
        scoringNotes: null,
        explanation: row.explanation ?? null,
        remark: null,
        nature: null,
        measureUnit: row.measureUnit ?? null,
      },
    };
    first ??= indicator.key;
    children = replaceAt(children, l2, { ...children[l2], indicators: [...children[l2].indicators, indicator] });
    year = replaceAt(year, l1, { ...level1, children });
  }
  return {
    ...state,
    year,
    removed: restorable(state.removed, year),
    dirty: true,
    nextKey,
    focus: first ? fieldIdIndicator(first, 'name') : null,
  };
}

/** The removed rows whose group is still there (a row cannot come back into a group that is gone). */
function restorable(removed: RemovedIndicator[], year: readonly DraftLevel1[]): RemovedIndicator[] {
  const keys = new Set(year.flatMap((l1) => l1.children.map((l2) => l2.key)));
  const kept = removed.filter((entry) => keys.has(entry.groupKey));
  return kept.length === removed.length ? removed : kept;
}

// ---------------------------------------------------------------- 400 field paths → inputs

const HEADER_LABELS: Partial<Record<keyof ProjectHeader, string>> = {
  code: FORM_FIELD_LABELS.projectCode,
  name: FORM_FIELD_LABELS.projectName,
  categoryCode: FORM_FIELD_LABELS.category,
  continuity: FORM_FIELD_LABELS.continuity,
  functionClassCode: FORM_FIELD_LABELS.functionClass,
  printedDepartment: FORM_FIELD_LABELS.printedDepartment,
  printedImplementingUnit: FORM_FIELD_LABELS.printedImplementingUnit,
  plannedStart: FORM_FIELD_LABELS.plannedStart,
  plannedEnd: FORM_FIELD_LABELS.plannedEnd,
};
const EDITABLE_HEADER = new Set<string>([
  'name',
  'categoryCode',
  'continuity',
  'functionClassCode',
  'printedDepartment',
  'printedImplementingUnit',
  'plannedStart',
  'plannedEnd',
]);

/** 1-based row number of an indicator in the printed table of the year set. */
export function rowNumberOf(year: readonly DraftLevel1[], at: IndicatorAt): number {
  let n = 0;
  for (let i = 0; i < year.length; i++) {
    for (let j = 0; j < year[i].children.length; j++) {
      const count = year[i].children[j].indicators.length;
      if (i === at.l1 && j === at.l2) return n + at.index + 1;
      n += count;
    }
  }
  return n + 1;
}

const INDICATOR_FIELD_LABELS: Record<string, string> = {
  name: FORM_FIELD_LABELS.level3,
  rawValue: FORM_FIELD_LABELS.targetValue,
  weight: FORM_FIELD_LABELS.weight,
  scoringNotes: FORM_FIELD_LABELS.scoringNotes,
  explanation: FORM_FIELD_LABELS.explanation,
  remark: FORM_FIELD_LABELS.remark,
};

/**
 * A dotted path of the request (`funds.totalAmount`, `project.name`,
 * `indicators.year.0.children.1.indicators.2.rawValue`) → the input that shows it, read against
 * the draft as it was sent (its indices are the request's).
 */
export function mapFieldError(draft: FormDraft, error: FieldError): FieldMessage {
  const { field, message } = error;
  const parts = field.split('.');
  const unmatched = (label: string): FieldMessage => ({ fieldId: null, label, message });

  if (parts[0] === 'project' && parts.length === 2) {
    const name = parts[1] as keyof ProjectHeader;
    const label = HEADER_LABELS[name] ?? parts[1];
    return EDITABLE_HEADER.has(name) ? { fieldId: field, label, message } : unmatched(label);
  }
  if (parts[0] === 'funds' && parts.length === 2 && (FUND_FIELDS as readonly string[]).includes(parts[1])) {
    const fund = parts[1] as FundField;
    const column = fund === 'otherAmount' ? '（项目总额栏）' : fund === 'annualOtherAmount' ? '（年度栏）' : '';
    return { fieldId: field, label: `${FUND_FIELD_LABELS[fund]}${column}`, message };
  }
  if (
    (field === 'totalGoal' || field === 'annualGoal' || field === 'goalPeriodStart' || field === 'goalPeriodEnd') &&
    parts.length === 1
  ) {
    return { fieldId: field, label: FORM_FIELD_LABELS[field], message };
  }
  if (field === 'indicators') return unmatched(FORM_FIELD_LABELS.indicators);
  if (parts[0] === 'indicators' && parts[1] === 'year') {
    const [i, j, k] = [parts[2], parts[4], parts[6]].map((p) => (p === undefined ? undefined : Number(p)));
    const level1 = i === undefined ? undefined : draft.year[i];
    if (!level1) return unmatched(FORM_FIELD_LABELS.indicators);
    if (parts[3] !== 'children' || j === undefined)
      return { fieldId: fieldIdLevel1(level1.key), label: FORM_FIELD_LABELS.level1, message };
    const level2 = level1.children[j];
    if (!level2) return { fieldId: fieldIdLevel1(level1.key), label: FORM_FIELD_LABELS.level1, message };
    if (parts[5] !== 'indicators' || k === undefined)
      return { fieldId: fieldIdLevel2(level2.key), label: FORM_FIELD_LABELS.level2, message };
    const row = level2.indicators[k];
    if (!row) return { fieldId: fieldIdLevel2(level2.key), label: FORM_FIELD_LABELS.level2, message };
    const leaf = parts[7] ?? 'name';
    const rowNumber = rowNumberOf(draft.year, { l1: i!, l2: j, index: k });
    const label = `${INDICATOR_FIELD_LABELS[leaf] ?? leaf} 第${rowNumber}行`;
    // Only name and value have an input here; other columns name the row.
    const fieldId = leaf === 'rawValue' ? fieldIdIndicator(row.key, 'rawValue') : fieldIdIndicator(row.key, 'name');
    return { fieldId, label, message };
  }
  return unmatched(field);
}
