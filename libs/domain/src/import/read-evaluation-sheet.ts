import type { ScoringPolicy } from '@jxt/contracts';
import { MoneyDecimal as D } from '../money/money-decimal';
import { isBandScored, scoreEvaluation, type IndicatorToScore } from '../scoring/score-evaluation';
import { toHalfWidth } from '../text/normalize-width';
import { readTarget } from '../value-grammar/read-target';
import {
  amountToYuan,
  columnLetters,
  labelKey,
  readGoalSheet,
  unitOf,
  type GoalSheetLookups,
  type ImportedForm,
  type ImportProblem,
  type SheetGrid,
} from './read-goal-sheet';

/** The amounts of a past 自评表, in yuan (null where the sheet prints none). */
export interface ImportedEvaluationFunds {
  initialBudget: string | null;
  annualBudget: string | null;
  executedAmount: string | null;
}

/** One indicator row of a past 自评表 as printed: the goal part is in `form`, these are the year-end cells. */
export interface ImportedEvaluationRow {
  /** 1-based sheet row. */
  row: number;
  level1Code: string;
  level2Code: string;
  name: string;
  /** 年度指标值 as typed (the goal revision's value). */
  rawTarget: string;
  /** 实际完成值 as typed. */
  actualValue: string | null;
  /** 分值 and 得分 as printed (plain decimal text), null when blank. */
  weight: string | null;
  score: string | null;
  deviationReason: string | null;
}

export interface ImportedEvaluationSheet {
  sheet: string;
  year: number | null;
  /** The goal revision the 自评表 was scored against: header, 年度资金 (= 年初预算数), 预期目标, indicators. */
  form: ImportedForm;
  amountUnit: '元' | '万元';
  funds: ImportedEvaluationFunds;
  actualGoal: string | null;
  /** The printed 预算执行率 分值 and 得分, and the printed 总分 and 自评等级. */
  printedBudgetWeight: string | null;
  printedBudgetScore: string | null;
  printedTotal: string | null;
  printedGrade: string | null;
  rows: ImportedEvaluationRow[];
  problems: ImportProblem[];
}

/** A sheet is a 自评表 when its title in the first rows says so (docs/domain.md §4.1). */
export function isEvaluationSheet(grid: SheetGrid): boolean {
  return grid.slice(0, 5).some((row) => row.some((cell) => /自评表/.test(cell.replace(/\s+/g, ''))));
}

const EVALUATION_FUND_LABELS: Record<keyof ImportedEvaluationFunds, readonly string[]> = {
  initialBudget: ['年初预算数', '年初预算'],
  annualBudget: ['全年预算数', '全年预算', '调整后预算数'],
  executedAmount: ['全年执行数', '全年执行', '实际执行数', '执行数'],
};
const ACTUAL_LABELS = ['实际完成值', '实际值', '全年实际值', '实际完成情况值'];
const SCORE_LABELS = ['得分', '自评得分'];
const WEIGHT_LABELS = ['分值', '权重', '指标分值'];
const REASON_LABELS = ['偏差原因分析及改进措施', '偏差原因', '原因分析及改进措施', '偏差原因分析'];
const TOTAL_LABELS = ['总分', '合计', '总计'];

/** A printed number (`4.5`, `4.5分`, `１０`) as plain decimal text; null when blank, undefined when not a number. */
function printedNumber(typed: string): string | null | undefined {
  const text = toHalfWidth(typed)
    .replace(/[\s,，]/g, '')
    .replace(/分$/, '');
  if (text === '') return null;
  return /^\d+(?:\.\d+)?$/.test(text) ? new D(text).toString() : undefined;
}

/**
 * Reads one worksheet of a past 财政项目支出绩效自评表 (docs/domain.md §4.1): the goal
 * part through `readGoalSheet` (header, indicators with their 年度指标值 and 分值, found by labels), and the year-end
 * cells beside it — 年初预算数/全年预算数/全年执行数 with the printed 预算执行率 分值 and 得分, 实际完成情况, each
 * indicator's 实际完成值, 得分 and 偏差原因, 总分 and 自评等级. Values are kept as typed; what cannot be read is named
 * in a problem at its cell.
 */
export function readEvaluationSheet(
  sheet: string,
  grid: SheetGrid,
  lookups: GoalSheetLookups,
): ImportedEvaluationSheet {
  const goal = readGoalSheet(sheet, grid, lookups);
  const problems: ImportProblem[] = [...goal.problems];
  const problem = (r: number, c: number, severity: ImportProblem['severity'], message: string) =>
    problems.push({ sheet, row: r + 1, column: columnLetters(c), severity, message });
  const text = (r: number, c: number) => (grid[r]?.[c] ?? '').trim();
  const keyAt = (r: number, c: number) => labelKey(text(r, c));
  const find = (labels: readonly string[], from = 0, to = grid.length): [number, number] | null => {
    const keys = new Set(labels.map(labelKey));
    for (let r = from; r < to; r++)
      for (let c = 0; c < (grid[r]?.length ?? 0); c++) if (keys.has(keyAt(r, c))) return [r, c];
    return null;
  };
  /** The value of a heading label: the cell below when filled, else the first filled cell to its right. */
  const valueOf = (at: [number, number]): [number, number] | null => {
    if (text(at[0] + 1, at[1]) !== '') return [at[0] + 1, at[1]];
    const row = grid[at[0]] ?? [];
    for (let c = at[1] + 1; c < row.length; c++) if (text(at[0], c) !== '') return [at[0], c];
    return null;
  };

  // The indicator table's heading row: where the goal reader found the rows, the year-end columns are beside them.
  const firstRow = goal.indicatorSources[0]?.row;
  let headingRow = -1;
  if (firstRow !== undefined)
    for (let r = firstRow - 2; r >= 0; r--)
      if (find(['三级指标', '指标名称', '三级指标名称', '绩效指标名称'], r, r + 1)) {
        headingRow = r;
        break;
      }
  const tableStart = headingRow >= 0 ? headingRow : grid.length;

  // 项目资金: the three amounts and the printed 预算执行率 分值 and 得分, above the indicator table.
  const funds: ImportedEvaluationFunds = { initialBudget: null, annualBudget: null, executedAmount: null };
  let fundsRow = -1;
  for (const [field, labels] of Object.entries(EVALUATION_FUND_LABELS) as [
    keyof ImportedEvaluationFunds,
    readonly string[],
  ][]) {
    const at = find(labels, 0, tableStart);
    if (!at) {
      problem(0, 0, field === 'initialBudget' ? 'warning' : 'error', `未找到${labels[0]}`);
      continue;
    }
    fundsRow = at[0];
    const value = valueOf(at);
    if (!value) continue;
    const read = amountToYuan(text(...value), unitOf(text(...at)) ?? goal.amountUnit, labels[0]);
    if (read.ok) funds[field] = read.value;
    else problem(...value, 'error', read.message);
  }
  const fundsCell = (labels: readonly string[]): string | null => {
    if (fundsRow < 0) return null;
    const at = find(labels, fundsRow, fundsRow + 1);
    const value = at ? valueOf(at) : null;
    if (!value) return null;
    const n = printedNumber(text(...value));
    if (n === undefined) problem(...value, 'error', `预算执行率的${labels[0]}“${text(...value)}”不是数字`);
    return n ?? null;
  };
  const printedBudgetWeight = fundsCell(WEIGHT_LABELS);
  const printedBudgetScore = fundsCell(SCORE_LABELS);

  // 年度总体目标: 预期目标 is the goal revision's 年度总目标; 实际完成情况 the year-end text.
  const goalText = (label: string): string | null => {
    const at = find([label], 0, tableStart);
    const value = at ? valueOf(at) : null;
    return value ? text(...value).replace(/\r\n?/g, '\n') || null : null;
  };
  const expected = goalText('预期目标');
  const form: ImportedForm = {
    ...goal.form,
    funds: {
      ...goal.form.funds,
      annualAmount: goal.form.funds.annualAmount ?? funds.initialBudget ?? funds.annualBudget,
    },
    annualGoal: expected ?? goal.form.annualGoal,
  };

  // Each indicator row's year-end cells, in the columns the heading row names.
  const column = (labels: readonly string[]) =>
    headingRow >= 0 ? (find(labels, headingRow, headingRow + 1)?.[1] ?? null) : null;
  const actualColumn = column(ACTUAL_LABELS);
  const scoreColumn = column(SCORE_LABELS);
  const weightColumn = column(WEIGHT_LABELS);
  const reasonColumn = column(REASON_LABELS);
  if (headingRow >= 0 && actualColumn === null) problem(headingRow, 0, 'error', '指标表中未找到“实际完成值”列');
  if (headingRow >= 0 && scoreColumn === null) problem(headingRow, 0, 'error', '指标表中未找到“得分”列');
  const cellAt = (r: number, c: number | null) => (c === null ? '' : text(r, c));
  const yearSources = goal.indicatorSources.filter((s) => s.set === 'year');
  const flat = goal.form.indicators.year.flatMap((g1) => g1.children.flatMap((g2) => g2.indicators));
  const rows: ImportedEvaluationRow[] = yearSources.map((source, i) => {
    const r = source.row - 1;
    const number = (c: number | null, label: string) => {
      const n = printedNumber(cellAt(r, c));
      if (n === undefined) problem(r, c!, 'error', `“${source.name}”的${label}“${cellAt(r, c)}”不是数字`);
      return n ?? null;
    };
    return {
      row: source.row,
      level1Code: source.level1Code,
      level2Code: source.level2Code,
      name: source.name,
      rawTarget: flat[i]?.rawValue ?? source.value,
      actualValue: cellAt(r, actualColumn).replace(/\r\n?/g, '\n') || null,
      weight: weightColumn === null ? null : number(weightColumn, '分值'),
      score: scoreColumn === null ? null : number(scoreColumn, '得分'),
      deviationReason: cellAt(r, reasonColumn).replace(/\r\n?/g, '\n') || null,
    };
  });

  // 总分 (its 得分 cell) and 自评等级 (`自评等级：优`), below the table.
  let printedTotal: string | null = null;
  let printedGrade: string | null = null;
  const total = find(TOTAL_LABELS, Math.max(tableStart, 0));
  if (total) {
    const typed = scoreColumn === null ? '' : text(total[0], scoreColumn);
    const n = printedNumber(typed);
    if (n === undefined) problem(total[0], scoreColumn!, 'error', `总分“${typed}”不是数字`);
    printedTotal = n ?? null;
  }
  for (let r = tableStart; r < grid.length && printedGrade === null; r++)
    for (let c = 0; c < (grid[r]?.length ?? 0); c++) {
      const m = /^自评等级[:：]?\s*(.+)$/s.exec(toHalfWidth(text(r, c)));
      if (m) {
        printedGrade = m[1].trim();
        break;
      }
    }

  return {
    sheet,
    year: goal.year,
    form,
    amountUnit: goal.amountUnit,
    funds,
    actualGoal: goalText('实际完成情况'),
    printedBudgetWeight,
    printedBudgetScore,
    printedTotal,
    printedGrade,
    rows,
    problems,
  };
}

/** One score printed beside the system's: `difference` is computed − printed (null when nothing was printed). */
export interface ScoreComparison {
  printed: string | null;
  computed: string;
  difference: string | null;
}

export interface PrintedComparisonRow extends ScoreComparison {
  row: number;
  name: string;
  /** Qualitative rows keep the printed score (a judgement): computed = printed. */
  qualitative: boolean;
}

export interface PrintedComparison {
  budget: ScoreComparison & { rate: string | null };
  rows: PrintedComparisonRow[];
  total: ScoreComparison;
  /** The rows (and 预算执行率/总分) whose printed score the system's arithmetic does not give. */
  differences: { row: number | null; name: string; printed: string | null; computed: string; difference: string }[];
}

/** A printed score beside the computed one (docs/domain.md §4.1). */
export const compareScore = (printed: string | null, computed: string): ScoreComparison => ({
  printed,
  computed,
  difference: printed === null ? null : new D(computed).minus(printed).toString(),
});

/**
 * The reviewer's arithmetic check of a past 自评表 (docs/domain.md §4.1): each quantitative
 * row's 得分 recomputed from its printed 分值 and 实际完成值 by the same `scoreIndicator` that scores a 自评表 now,
 * the 预算执行率 得分 from the amounts and the printed 分值, the qualitative rows' printed 得分 kept (a judgement),
 * 总分 their sum; each compared with what the sheet prints.
 */
export function compareWithPrinted(
  read: Pick<ImportedEvaluationSheet, 'funds' | 'rows' | 'printedBudgetWeight' | 'printedBudgetScore' | 'printedTotal'>,
  policy: ScoringPolicy,
): PrintedComparison {
  const toScore: IndicatorToScore[] = read.rows.map((row) => ({
    level1Code: row.level1Code,
    target: readTarget(row.rawTarget).target,
    actual: row.actualValue ?? '',
    weight: row.weight,
    deviationReason: row.deviationReason,
  }));
  const scored = scoreEvaluation(
    { budgetAmount: read.funds.annualBudget, executedAmount: read.funds.executedAmount, indicators: toScore },
    { ...policy, budgetExecutionWeight: read.printedBudgetWeight ?? policy.budgetExecutionWeight },
  );
  const rows = read.rows.map((row, i): PrintedComparisonRow => {
    const qualitative = isBandScored(toScore[i].target);
    const computed = qualitative ? (row.score ?? '0') : scored.indicators[i].score;
    return { row: row.row, name: row.name, qualitative, ...compareScore(row.score, computed) };
  });
  const sum = rows.reduce((acc, r) => acc.plus(r.computed), new D(scored.budget.score));
  const total = compareScore(
    read.printedTotal,
    sum.toDecimalPlaces(policy.totalDecimals, D.ROUND_HALF_UP).toFixed(policy.totalDecimals),
  );
  const budget = { ...compareScore(read.printedBudgetScore, scored.budget.score), rate: scored.budget.rate };
  const differs = (c: ScoreComparison) => c.difference !== null && !new D(c.difference).isZero();
  const differences = [
    ...(differs(budget) ? [{ row: null, name: '预算执行率', ...budget, difference: budget.difference! }] : []),
    ...rows
      .filter(differs)
      .map((r) => ({ row: r.row, name: r.name, printed: r.printed, computed: r.computed, difference: r.difference! })),
    ...(differs(total) ? [{ row: null, name: '总分', ...total, difference: total.difference! }] : []),
  ].map(({ row, name, printed, computed, difference }) => ({ row, name, printed, computed, difference }));
  return { budget, rows, total, differences };
}

/**
 * The share of its 分值 a kept qualitative 得分 stands for (`4` of `5` → `0.8`), as the 自评表 stores a judgement
 * (docs/domain.md §4): four decimals, at most 1; null without both numbers.
 */
export function printedShare(score: string | null, weight: string | null): string | null {
  if (score === null || weight === null || new D(weight).isZero()) return null;
  return D.min(1, new D(score).dividedBy(weight)).toDecimalPlaces(4, D.ROUND_HALF_UP).toString();
}
