import type {
  Funds,
  IndicatorInput,
  IndicatorSetsInput,
  Level1GroupInput,
  ProjectContinuity,
  SaveFormRequest,
  TaxonomyNode,
} from '@jxt/contracts';
import { FUND_FIELD_LABELS } from '@jxt/contracts';
import { parseMoney } from '../money/parse-money';
import { removeWhitespace, toHalfWidth } from '../text/normalize-width';
import { readTarget } from '../value-grammar/read-target';

/**
 * One worksheet as the API hands it over: `grid[row][column]`, 0-based, each cell's text as Excel shows it (numbers as
 * their shortest decimal text, dates as yyyy-mm-dd); a merged cell's text is in its top-left cell only, the others
 * are ''.
 */
export type SheetGrid = readonly (readonly string[])[];

export interface ImportProblem {
  sheet: string;
  /** 1-based, as Excel numbers rows. */
  row: number;
  /** Excel's column letters (`C`). */
  column: string;
  /** `error`: the cell's content is not taken; `warning`: taken as typed, to check. */
  severity: 'error' | 'warning';
  message: string;
}

/** The form as the save request takes it (without rowVersion: the form does not exist yet). */
export type ImportedForm = Omit<SaveFormRequest, 'rowVersion'>;

/** What the source printed beside the form data: the amount unit and each indicator's own 指标性质/度量单位 cells. */
export interface ImportedIndicatorSource {
  set: keyof IndicatorSetsInput;
  level1Code: string;
  level2Code: string;
  name: string;
  /** The cells as printed (null where the layout has no such column). */
  nature: string | null;
  value: string;
  unit: string | null;
  row: number;
}

export interface ImportedGoalSheet {
  sheet: string;
  year: number | null;
  form: ImportedForm;
  amountUnit: '元' | '万元';
  indicatorSources: ImportedIndicatorSource[];
  problems: ImportProblem[];
}

export interface CodeListEntry {
  code: string;
  label: string;
}

export interface GoalSheetLookups {
  /** The year's 一级/二级指标 (docs/domain.md §3). */
  taxonomy: readonly TaxonomyNode[];
  /** Code list `project_category`. */
  categories: readonly CodeListEntry[];
  /** Code list `function_class`. */
  functionClasses: readonly CodeListEntry[];
}

/** Excel's letters of a 0-based column. */
export function columnLetters(column: number): string {
  let n = column + 1;
  let out = '';
  while (n > 0) {
    const rest = (n - 1) % 26;
    out = String.fromCharCode(65 + rest) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/**
 * The key a label is matched by: half-width, no whitespace, no trailing colon, no printed unit or points in
 * brackets (`项目资金（万元）`, `产出指标(50分)`), no `指标1:` / `一、` numbering in front.
 */
export function labelKey(text: string): string {
  return removeWhitespace(toHalfWidth(text))
    .replace(/[:：]$/, '')
    .replace(/\((?:单位[:：]?)?(?:万?元|[\d.]+分)\)$/, '')
    .replace(/^(?:[一二三四五六七八九十]+[、.]|\d+[、.](?!\d))/, '');
}

// Header labels (docs/domain.md §2) and the other names regions print them under.
const HEADER_LABELS = {
  name: ['项目名称'],
  code: ['项目编码', '项目代码', '项目编号'],
  printedDepartment: ['主管部门', '主管部门(单位)', '主管单位', '主管部门名称'],
  printedImplementingUnit: ['实施单位', '项目实施单位', '实施单位名称'],
  category: ['项目类别', '项目类型'],
  continuity: ['新增/延续', '新增或延续', '项目属性'],
  functionClass: ['功能分类科目', '功能科目', '支出功能分类'],
  plannedStart: ['计划开始日期', '项目开始日期', '开始日期', '计划开始时间'],
  plannedEnd: ['计划完成日期', '项目完成日期', '完成日期', '计划完成时间', '结束日期'],
} as const;
type HeaderField = keyof typeof HEADER_LABELS;

// The seven amounts, matched by label; 其他资金 appears in both columns and goes by the column it is printed in.
const FUND_LABELS: Record<keyof Funds, readonly string[]> = {
  totalAmount: ['项目资金总额', '资金总额', '项目总金额', '项目总投资'],
  fiscalAmount: ['其中:财政资金', '其中财政资金', '财政资金'],
  otherAmount: ['其他资金'],
  annualAmount: ['年度资金申请总额', '年度资金总额', '年度申请资金', '年度预算金额', '年度资金'],
  annualFiscalAmount: ['其中:当年财政拨款', '其中当年财政拨款', '当年财政拨款', '当年财政资金'],
  carryOverAmount: ['上年结转资金', '上年结转'],
  annualOtherAmount: [],
};

const GOAL_LABELS = {
  totalGoal: ['项目总目标', '总目标', '总体目标', '长期目标', '项目总体目标'],
  annualGoal: ['年度总目标', '年度目标', '年度总体目标', '年度绩效目标'],
} as const;

// The indicator table's columns, found by the heading row's labels.
const TABLE_LABELS = {
  level1: ['一级指标'],
  level2: ['二级指标'],
  name: ['三级指标', '指标名称', '三级指标名称', '绩效指标名称'],
  value: ['年度指标值', '指标值', '目标值', '长期指标值', '指标目标值', '绩效指标值'],
  nature: ['指标性质', '指标方向', '比较方式'],
  unit: ['度量单位', '计量单位', '单位'],
  weight: ['分值', '权重', '指标分值'],
  scoringNotes: ['评分细则', '评分标准', '评分规则'],
  explanation: ['指标解释', '指标说明'],
  remark: ['备注'],
} as const;
type TableColumn = keyof typeof TABLE_LABELS;

/** Rows after the indicator table that end it. */
const TABLE_END = /^(审核结果|审核意见|填报人|联系电话|填报日期|单位\(盖章\)|财政部门审核意见)/;

/** 指标性质 as printed → the operator the value grammar reads; 定性 adds none. */
const NATURE_OPERATORS: Record<string, string> = {
  '≥': '≥',
  '>=': '≥',
  '≧': '≥',
  大于等于: '≥',
  不低于: '≥',
  正向: '≥',
  正向指标: '≥',
  '≤': '≤',
  '<=': '≤',
  '≦': '≤',
  小于等于: '≤',
  不高于: '≤',
  反向: '≤',
  反向指标: '≤',
  '=': '=',
  等于: '=',
  '>': '>',
  大于: '>',
  '<': '<',
  小于: '<',
  定性: '',
  定量: '',
};

const isYear = (n: number) => n >= 2000 && n <= 2100;

/** The form's year as the sheet prints it: `（2021年度）`, `2021年度…`, or a 年度 label with the year beside it. */
export function findSheetYear(grid: SheetGrid): number | null {
  for (const row of grid.slice(0, 12))
    for (const cell of row) {
      const m = /(\d{4})\s*年度/.exec(toHalfWidth(cell));
      if (m && isYear(Number(m[1]))) return Number(m[1]);
    }
  for (const row of grid.slice(0, 12)) {
    const at = row.findIndex((cell) => ['年度', '预算年度', '填报年度'].includes(labelKey(cell)));
    if (at >= 0) {
      const value = row.slice(at + 1).find((cell) => cell.trim() !== '');
      const m = value ? /^(\d{4})/.exec(toHalfWidth(value.trim())) : null;
      if (m && isYear(Number(m[1]))) return Number(m[1]);
    }
  }
  return null;
}

/**
 * Reads one worksheet of a 绩效目标填报表 into the form data the save request takes (docs/domain.md §2–§3, "Import"),
 * finding every block by its labels, never by fixed cells: the official layout the exporter writes and the
 * variants other regions print (amounts in 万元, 指标性质/指标值/度量单位 in separate columns, points in level names,
 * `目标1:` and `指标1:` prefixes, 长期 and 年度 blocks, 分值 and 评分细则 columns). Nothing is invented: what cannot be
 * read is left blank or out and named in a problem at its cell; a value the grammar cannot read is kept as typed
 * with a warning.
 */
export function readGoalSheet(sheet: string, grid: SheetGrid, lookups: GoalSheetLookups): ImportedGoalSheet {
  const problems: ImportProblem[] = [];
  const problem = (r: number, c: number, severity: ImportProblem['severity'], message: string) =>
    problems.push({ sheet, row: r + 1, column: columnLetters(c), severity, message });
  const text = (r: number, c: number) => (grid[r]?.[c] ?? '').trim();
  const keyAt = (r: number, c: number) => labelKey(text(r, c));

  const allLabels = new Set<string>(
    [
      ...Object.values(HEADER_LABELS).flat(),
      ...Object.values(FUND_LABELS).flat(),
      ...Object.values(GOAL_LABELS).flat(),
      ...Object.values(TABLE_LABELS).flat(),
      '项目资金',
      '项目绩效目标',
      '绩效指标',
    ].map(labelKey),
  );
  const isLabel = (r: number, c: number) => {
    const key = keyAt(r, c);
    return allLabels.has(key) || key.startsWith('项目总目标') || key.startsWith('项目资金');
  };
  /** The first filled cell right of a label in its row, unless another label comes first. */
  const rightOf = (r: number, c: number): [number, number] | null => {
    const row = grid[r] ?? [];
    for (let j = c + 1; j < row.length; j++) {
      if (text(r, j) === '') continue;
      return isLabel(r, j) ? null : [r, j];
    }
    return null;
  };
  const find = (labels: readonly string[], from = 0): [number, number] | null => {
    const keys = new Set(labels.map(labelKey));
    for (let r = from; r < grid.length; r++)
      for (let c = 0; c < (grid[r]?.length ?? 0); c++) if (keys.has(keyAt(r, c))) return [r, c];
    return null;
  };

  const year = findSheetYear(grid);
  if (year === null) problem(0, 0, 'error', '未找到年度（如标题下的“（2021年度）”）');

  // Header: the label, then its value to the right (or in the same cell after a colon: `项目名称：…`).
  const header: Partial<Record<HeaderField, { text: string; at: [number, number] }>> = {};
  for (const [field, labels] of Object.entries(HEADER_LABELS) as [HeaderField, readonly string[]][]) {
    const at = find(labels);
    if (at) {
      const value = rightOf(...at);
      if (value) header[field] = { text: text(...value), at: value };
      continue;
    }
    const keys = labels.map(labelKey);
    for (let r = 0; r < grid.length && !header[field]; r++)
      for (let c = 0; c < (grid[r]?.length ?? 0); c++) {
        const m = /^([^:：]+)[:：](.+)$/s.exec(text(r, c));
        if (m && keys.includes(labelKey(m[1]))) {
          header[field] = { text: m[2].trim(), at: [r, c] };
          break;
        }
      }
  }
  const headerText = (field: HeaderField) => header[field]?.text ?? null;
  const name = headerText('name');
  if (!name) problem(0, 0, 'error', '未找到项目名称');

  const codeFrom = (entries: readonly CodeListEntry[], field: HeaderField, label: string): string | null => {
    const cell = header[field];
    if (!cell) return null;
    const key = labelKey(cell.text);
    const leadingCode = /^(\d+)/.exec(key)?.[1];
    const found =
      entries.find((e) => e.code === key || labelKey(e.label) === key) ??
      (leadingCode ? entries.find((e) => e.code === leadingCode) : undefined);
    if (!found) problem(...cell.at, 'warning', `${label}“${cell.text}”不在代码表中，未带入`);
    return found?.code ?? null;
  };
  const continuityCell = header.continuity;
  let continuity: ProjectContinuity | null = null;
  if (continuityCell) {
    const key = labelKey(continuityCell.text);
    if (key.includes('新增')) continuity = 'new';
    else if (key.includes('延续')) continuity = 'continuing';
    else problem(...continuityCell.at, 'warning', `新增/延续“${continuityCell.text}”无法识别，未带入`);
  }
  const date = (field: HeaderField, label: string): string | null => {
    const cell = header[field];
    if (!cell) return null;
    const parsed = readDate(cell.text);
    if (!parsed) problem(...cell.at, 'error', `${label}“${cell.text}”不是日期，未带入`);
    return parsed;
  };

  const project: ImportedForm['project'] = {
    code: headerText('code') ?? '',
    name: name ?? '',
    categoryCode: codeFrom(lookups.categories, 'category', '项目类别'),
    continuity,
    functionClassCode: codeFrom(lookups.functionClasses, 'functionClass', '功能分类科目'),
    printedDepartment: headerText('printedDepartment'),
    printedImplementingUnit: headerText('printedImplementingUnit'),
    plannedStart: date('plannedStart', '计划开始日期'),
    plannedEnd: date('plannedEnd', '计划完成日期'),
  };

  const { funds, amountUnit } = readFunds(grid, { text, keyAt, rightOf, problem, find });
  const goals = readGoals(grid, { text, keyAt, rightOf, find });
  const { indicators, sources } = readIndicatorTables(grid, lookups.taxonomy, { text, keyAt, problem });

  return {
    sheet,
    year,
    form: {
      project,
      funds,
      totalGoal: goals.totalGoal,
      annualGoal: goals.annualGoal,
      goalPeriodStart: goals.periodStart,
      goalPeriodEnd: goals.periodEnd,
      indicators,
    },
    amountUnit,
    indicatorSources: sources,
    problems,
  };
}

interface GridAccess {
  text: (r: number, c: number) => string;
  keyAt: (r: number, c: number) => string;
}

/** yyyy-mm-dd from `2021-01-01`, `2021/1/1`, `2021.1.1` or `2021年1月1日`; null for anything else. */
function readDate(typed: string): string | null {
  const m = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/.exec(toHalfWidth(typed.trim()));
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const probe = new Date(Date.UTC(y, mo - 1, d));
  if (probe.getUTCMonth() !== mo - 1 || probe.getUTCDate() !== d) return null;
  return `${m[1]}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** The printed unit of a heading: `（万元）`, `单位：万元`, `金额(万元)`; null when the text names none. */
export function unitOf(typed: string): '元' | '万元' | null {
  const key = removeWhitespace(toHalfWidth(typed));
  if (/\(万元\)|单位[:：]?万元|^万元$/.test(key)) return '万元';
  if (/\(元\)|单位[:：]?元|^元$/.test(key)) return '元';
  return null;
}

/** Funds with no amount: what a sheet starts from, and what a sheet that is not read shows. */
export function emptyFunds(): Funds {
  return {
    totalAmount: null,
    fiscalAmount: null,
    otherAmount: null,
    annualAmount: null,
    annualFiscalAmount: null,
    carryOverAmount: null,
    annualOtherAmount: null,
  };
}

/**
 * An amount as printed into yuan, exactly: the text's digits shifted four places for 万元 (never through a float);
 * a 万元 amount with more than 6 decimals, or a 元 amount with more than 2, is a problem, never rounded.
 */
export function amountToYuan(
  typed: string,
  unit: '元' | '万元',
  label: string,
): { ok: true; value: string } | { ok: false; message: string } {
  const cleaned = toHalfWidth(typed).replace(/[\s\u00a0,，]/g, '');
  if (unit === '元') {
    const parsed = parseMoney(cleaned, label);
    return parsed.ok ? parsed : { ok: false, message: `${parsed.message}（表上为“${typed}”）` };
  }
  const m = /^(\d+)(?:\.(\d+))?$/.exec(cleaned);
  if (!m) return { ok: false, message: `${label}“${typed}”不是金额数字` };
  const decimals = m[2] ?? '';
  if (decimals.length > 6) {
    return { ok: false, message: `${label}“${typed}”万元超过 6 位小数（不足 1 分），未带入，请核对` };
  }
  const padded = decimals.padEnd(6, '0');
  const parsed = parseMoney(`${m[1]}${padded.slice(0, 4)}.${padded.slice(4)}`, label);
  return parsed.ok ? parsed : { ok: false, message: parsed.message };
}

function readFunds(
  grid: SheetGrid,
  g: GridAccess & {
    rightOf: (r: number, c: number) => [number, number] | null;
    problem: (r: number, c: number, s: ImportProblem['severity'], m: string) => void;
    find: (labels: readonly string[], from?: number) => [number, number] | null;
  },
): { funds: Funds; amountUnit: '元' | '万元' } {
  const funds = emptyFunds();
  // The sheet's unit: the funds heading (项目资金（万元）, 金额（万元）) or a 单位：万元 line; 元 when none says.
  let amountUnit: '元' | '万元' = '元';
  outer: for (let r = 0; r < grid.length; r++)
    for (let c = 0; c < (grid[r]?.length ?? 0); c++) {
      const cellUnit = unitOf(g.text(r, c));
      if (cellUnit && /资金|金额|单位/.test(g.text(r, c))) {
        amountUnit = cellUnit;
        break outer;
      }
    }

  const total = g.find(FUND_LABELS.totalAmount);
  const annual = g.find(FUND_LABELS.annualAmount);
  const labelled = new Map<string, keyof Funds>();
  for (const [field, labels] of Object.entries(FUND_LABELS) as [keyof Funds, readonly string[]][])
    for (const label of labels) labelled.set(labelKey(label), field);

  for (let r = 0; r < grid.length; r++)
    for (let c = 0; c < (grid[r]?.length ?? 0); c++) {
      let field = labelled.get(g.keyAt(r, c));
      if (!field) continue;
      if (field === 'otherAmount' && annual && (!total || Math.abs(c - annual[1]) < Math.abs(c - total[1])))
        field = 'annualOtherAmount';
      if (funds[field] !== null) continue;
      const at = g.rightOf(r, c) ?? below(grid, g, r, c);
      if (!at) continue;
      const label = FUND_FIELD_LABELS[field];
      const unit = unitOf(g.text(r, c)) ?? amountUnit;
      const read = amountToYuan(g.text(...at), unit, label);
      if (read.ok) funds[field] = read.value;
      else g.problem(...at, 'error', read.message);
    }
  return { funds, amountUnit };
}

/** The cell under a label when it holds a number (a heading row over a row of amounts). */
function below(grid: SheetGrid, g: GridAccess, r: number, c: number): [number, number] | null {
  const value = g.text(r + 1, c);
  return r + 1 < grid.length && /^[\d,.，\s]+$/.test(toHalfWidth(value)) && value !== '' ? [r + 1, c] : null;
}

/** `目标1：`, `目标一、` at the start of each line. */
const GOAL_PREFIX = /^[ \t\u3000]*目标\s*[0-9一二三四五六七八九十]+\s*[:：、.．]\s*/gm;

function readGoals(
  grid: SheetGrid,
  g: GridAccess & {
    rightOf: (r: number, c: number) => [number, number] | null;
    find: (labels: readonly string[], from?: number) => [number, number] | null;
  },
): { totalGoal: string | null; annualGoal: string | null; periodStart: number | null; periodEnd: number | null } {
  let periodStart: number | null = null;
  let periodEnd: number | null = null;
  const read = (labels: readonly string[], field: 'total' | 'annual'): string | null => {
    let at: [number, number] | null = null;
    const keys = labels.map(labelKey);
    for (let r = 0; r < grid.length && !at; r++)
      for (let c = 0; c < (grid[r]?.length ?? 0); c++) {
        const key = g.keyAt(r, c);
        // The official heading carries the period: 项目总目标（2021 年- 2021年）.
        if (keys.includes(key) || (field === 'total' && key.startsWith('项目总目标'))) {
          at = [r, c];
          break;
        }
      }
    if (!at) return null;
    if (field === 'total') {
      const m = /(\d{4})\s*年?\s*[-—–~～至到]\s*(\d{4})/.exec(toHalfWidth(g.text(...at)));
      if (m && isYear(Number(m[1])) && isYear(Number(m[2]))) [periodStart, periodEnd] = [Number(m[1]), Number(m[2])];
    }
    const value = g.rightOf(...at) ?? (g.text(at[0] + 1, at[1]) !== '' ? [at[0] + 1, at[1]] : null);
    if (!value) return null;
    const typed = g.text(...value).replace(/\r\n?/g, '\n');
    return typed.replace(GOAL_PREFIX, '') || null;
  };
  return {
    totalGoal: read(GOAL_LABELS.totalGoal, 'total'),
    annualGoal: read(GOAL_LABELS.annualGoal, 'annual'),
    periodStart,
    periodEnd,
  };
}

/** `指标1：`, `1、` before an indicator's name. */
const INDICATOR_PREFIX = /^\s*(?:指标\s*[0-9一二三四五六七八九十]+\s*[:：、.．]|\d+\s*[、.．](?!\d))\s*/;

function readIndicatorTables(
  grid: SheetGrid,
  taxonomy: readonly TaxonomyNode[],
  g: GridAccess & { problem: (r: number, c: number, s: ImportProblem['severity'], m: string) => void },
): { indicators: IndicatorSetsInput; sources: ImportedIndicatorSource[] } {
  const level1 = new Map<string, TaxonomyNode>();
  const level2 = new Map<string, TaxonomyNode[]>();
  const nodeKey = (label: string) => labelKey(label).replace(/指标$/, '');
  for (const node of taxonomy) {
    const keys = [nodeKey(node.label), node.code];
    if (node.level === 1) for (const key of keys) level1.set(key, node);
    else for (const key of keys) level2.set(key, [...(level2.get(key) ?? []), node]);
  }

  const sets: Record<keyof IndicatorSetsInput, Level1GroupInput[]> = { year: [], longTerm: [] };
  const sources: ImportedIndicatorSource[] = [];
  const tableKeys = Object.fromEntries(
    Object.entries(TABLE_LABELS).map(([column, labels]) => [column, labels.map(labelKey)]),
  ) as unknown as Record<TableColumn, string[]>;
  const headingColumns = (r: number): Partial<Record<TableColumn, number>> | null => {
    const columns: Partial<Record<TableColumn, number>> = {};
    for (let c = 0; c < (grid[r]?.length ?? 0); c++) {
      const key = g.keyAt(r, c);
      const column = (Object.keys(tableKeys) as TableColumn[]).find(
        (k) => columns[k] === undefined && tableKeys[k].includes(key),
      );
      if (column) columns[column] = c;
    }
    return columns.name !== undefined && columns.level2 !== undefined ? columns : null;
  };
  const setOf = (typed: string): keyof IndicatorSetsInput | null => {
    const key = labelKey(typed);
    if (key.length > 12) return null;
    if (/^长期(绩效)?指标/.test(key) || key === '长期指标值') return 'longTerm';
    if (/^年度(绩效)?指标/.test(key) && key !== '年度指标值') return 'year';
    return null;
  };

  let r = 0;
  while (r < grid.length) {
    const columns = headingColumns(r);
    if (!columns) {
      r++;
      continue;
    }
    // The block the table belongs to: a 长期/年度 heading in its row or the two rows above, or its value column.
    let set: keyof IndicatorSetsInput = 'year';
    const nearby = [r, r - 1, r - 2].filter((i) => i >= 0).flatMap((i) => (grid[i] ?? []).map((_, c) => g.text(i, c)));
    const named = nearby.map(setOf).find((s) => s !== null);
    if (named) set = named;
    else if (columns.value !== undefined && g.keyAt(r, columns.value).startsWith('长期')) set = 'longTerm';

    let current1: TaxonomyNode | undefined;
    let current2: TaxonomyNode | undefined;
    let skipping2 = false;
    r++;
    for (; r < grid.length; r++) {
      if (headingColumns(r)) break;
      const cells = (grid[r] ?? []).map((_, c) => g.text(r, c)).filter((t) => t !== '');
      if (cells.some((t) => TABLE_END.test(labelKey(t)))) {
        r++;
        break;
      }
      // A heading row inside the table (`长期绩效指标`, `年度绩效指标`) switches the block.
      if (cells.length === 1 && setOf(cells[0])) {
        set = setOf(cells[0])!;
        current1 = current2 = undefined;
        continue;
      }
      const at = (k: TableColumn) => (columns[k] === undefined ? '' : g.text(r, columns[k]));
      const l1 = at('level1');
      const l2 = at('level2');
      if (l1) {
        const found = level1.get(nodeKey(l1));
        if (!found) {
          g.problem(r, columns.level1!, 'error', `一级指标“${l1}”不在本年度指标体系中，其下指标未带入`);
          current1 = current2 = undefined;
          skipping2 = true;
          continue;
        }
        if (found !== current1) current2 = undefined;
        current1 = found;
        skipping2 = false;
      }
      if (l2) {
        const candidates = level2.get(nodeKey(l2)) ?? [];
        const placed =
          candidates.find((n) => n.parentCode === current1?.code) ??
          (columns.level1 === undefined && candidates.length === 1 ? candidates[0] : undefined);
        if (!placed) {
          if (!skipping2 || l1)
            g.problem(
              r,
              columns.level2!,
              'error',
              current1
                ? `二级指标“${l2}”不属于${current1.label}，其下指标未带入`
                : `二级指标“${l2}”不在本年度指标体系中，其下指标未带入`,
            );
          current2 = undefined;
          skipping2 = true;
          continue;
        }
        current2 = placed;
        current1 = taxonomy.find((n) => n.level === 1 && n.code === placed.parentCode) ?? current1;
        skipping2 = false;
      }
      const typedName = at('name');
      const name = typedName.replace(INDICATOR_PREFIX, '');
      if (!name) continue;
      if (!current1 || !current2) {
        if (!skipping2) g.problem(r, columns.name!, 'error', `“${name}”缺少一级或二级指标，未带入`);
        continue;
      }
      const nature = columns.nature === undefined ? null : at('nature');
      const unit = columns.unit === undefined ? null : at('unit');
      const value = at('value');
      const rawValue = composeValue(nature, value, unit, (message) =>
        g.problem(r, columns.nature!, 'warning', message),
      );
      const reading = readTarget(rawValue);
      if (rawValue !== '' && reading.target.kind === 'invalid')
        g.problem(
          r,
          columns.value ?? columns.name!,
          'warning',
          `“${name}”的指标值“${rawValue}”无法识别：${reading.warning ?? ''}（按原样保留）`,
        );
      let weight: string | null = null;
      const typedWeight = at('weight');
      if (typedWeight) {
        const w = toHalfWidth(typedWeight).replace(/分$/, '').trim();
        if (/^\d+(?:\.\d+)?$/.test(w)) weight = w;
        else g.problem(r, columns.weight!, 'error', `“${name}”的分值“${typedWeight}”不是数字，未带入`);
      }
      const indicator: IndicatorInput = { name, rawValue };
      // The printed 指标性质 and 度量单位 are kept beside the composed value, to print it back in this layout (§3.2).
      if (nature !== null) indicator.nature = printedCell(nature, r, columns.nature!, '指标性质', g.problem);
      if (unit !== null) indicator.measureUnit = printedCell(unit, r, columns.unit!, '度量单位', g.problem);
      if (columns.weight !== undefined) indicator.weight = weight;
      if (columns.scoringNotes !== undefined) indicator.scoringNotes = at('scoringNotes') || null;
      if (columns.explanation !== undefined) indicator.explanation = at('explanation') || null;
      if (columns.remark !== undefined) indicator.remark = at('remark') || null;
      place(sets[set], current1.code, current2.code).push(indicator);
      sources.push({
        set,
        level1Code: current1.code,
        level2Code: current2.code,
        name,
        nature,
        value,
        unit,
        row: r + 1,
      });
    }
  }
  return { indicators: { year: sets.year, longTerm: sets.longTerm.length ? sets.longTerm : null }, sources };
}

/** The longest 指标性质 or 度量单位 kept (the stored columns' length). */
export const MAX_PRINTED_CELL = 50;

/** A 指标性质 or 度量单位 cell as stored: blank is null; a longer text is a problem and not kept (it is in the value). */
function printedCell(
  typed: string,
  r: number,
  c: number,
  label: string,
  problem: (r: number, c: number, s: ImportProblem['severity'], m: string) => void,
): string | null {
  if (typed === '') return null;
  if (typed.length <= MAX_PRINTED_CELL) return typed;
  problem(r, c, 'warning', `${label}“${typed.slice(0, 20)}…”超过 ${MAX_PRINTED_CELL} 字，未单独保存（已并入指标值）`);
  return null;
}

/** The group's indicator list, adding the 一级/二级 groups in the order the sheet first prints them. */
function place(groups: Level1GroupInput[], code1: string, code2: string): IndicatorInput[] {
  let group1 = groups.find((g) => g.code === code1);
  if (!group1) groups.push((group1 = { code: code1, children: [] }));
  let group2 = group1.children.find((g) => g.code === code2);
  if (!group2) group1.children.push((group2 = { code: code2, indicators: [] }));
  return group2.indicators;
}

/**
 * The 年度指标值 the value grammar reads, from separate 指标性质, 指标值 and 度量单位 cells: `≥` `90` `%` → `≥90%`,
 * 正向 → ≥, 反向 → ≤, 定性 → the value alone. A value that already carries its operator or unit is not given them
 * twice. Without those columns the value cell is taken as typed.
 */
export function composeValue(
  nature: string | null,
  value: string,
  unit: string | null,
  warn: (message: string) => void = () => undefined,
): string {
  if (nature === null && unit === null) return value;
  const typedValue = value.trim();
  let operator = '';
  const natureKey = nature ? removeWhitespace(toHalfWidth(nature)) : '';
  if (natureKey) {
    const known = NATURE_OPERATORS[natureKey];
    if (known === undefined) warn(`指标性质“${nature}”无法识别，未并入指标值`);
    else operator = known;
  }
  const isQualitative = natureKey === '定性';
  const unitText = unit?.trim() ?? '';
  if (typedValue === '') return '';
  const startsWithOperator = /^[≥≤=<>≧≦＜＞＝]|^(不低于|不高于|不少于|不超过|大于|小于|等于|至少|达到)/.test(
    typedValue,
  );
  const withUnit =
    isQualitative || unitText === '' || typedValue.endsWith(unitText) || !/\d$/.test(typedValue)
      ? typedValue
      : `${typedValue}${unitText}`;
  return startsWithOperator || isQualitative ? withUnit : `${operator}${withUnit}`;
}

/** The three cells of the layout with separate 指标性质, 指标值 and 度量单位 columns. */
export interface PrintedValueCells {
  nature: string;
  value: string;
  unit: string;
}

/**
 * The 指标性质, 指标值 and 度量单位 cells that print a stored indicator back in the layout it came from
 * (docs/domain.md §3.2): the stored 指标性质 and 度量单位, and the 年度指标值 without the operator and unit they
 * add (`≥` `500` `家` for `≥500家`). Whatever is printed composes back to exactly the stored 年度指标值; a value
 * edited since so that they no longer fit (`500` beside `≥` and `家`) is printed whole, with the other two blank.
 */
export function printedValueCells(nature: string | null, rawValue: string, unit: string | null): PrintedValueCells {
  const natureText = nature ?? '';
  const unitText = unit ?? '';
  const operator = NATURE_OPERATORS[removeWhitespace(toHalfWidth(natureText))] ?? '';
  let value = rawValue.trim();
  if (operator && value.startsWith(operator)) value = value.slice(operator.length);
  if (unitText && value.endsWith(unitText) && /\d$/.test(value.slice(0, -unitText.length)))
    value = value.slice(0, -unitText.length);
  const candidates: PrintedValueCells[] = [
    { nature: natureText, value, unit: unitText },
    { nature: natureText, value: rawValue.trim(), unit: unitText },
  ];
  return (
    candidates.find((c) => composeValue(c.nature, c.value, c.unit) === rawValue) ?? {
      nature: '',
      value: rawValue,
      unit: '',
    }
  );
}
