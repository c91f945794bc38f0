import ExcelJS from 'exceljs';
import { EVALUATION_FIELD_LABELS as L, FORM_FIELD_LABELS as FL, type Evaluation } from '@jxt/contracts';
import { bandText, indicatorTree, layoutIndicatorRows, type TreeIndicator } from '@jxt/domain';
import { YUAN_FORMAT } from './form-workbook';
import { fitRowHeight, lastRowNumber, linesFor, spanWidth, styleTableCell } from './sheet-style';

/**
 * The nine columns of the printed 自评表: the block label, 一级, 二级, 三级, 年度指标值, 实际完成值, 分值, 得分,
 * 偏差原因分析及改进措施. The head blocks (project, funds, goals) lie on the same grid.
 */
export const EVALUATION_COLUMNS = [10, 12, 12, 22, 12, 18, 8, 8, 26] as const;
const width = (from: number, to: number) => spanWidth(from, to, EVALUATION_COLUMNS);
const LAST = EVALUATION_COLUMNS.length;

/** The .xlsx file's name: the project and the year. */
export function evaluationFileName(evaluation: Evaluation): string {
  const name = evaluation.projectName.replace(/[\\/:*?"<>|\r\n]+/g, '_');
  return `${name}-${evaluation.year}年度绩效自评表.xlsx`;
}

/** 实际完成值 as printed: the value, what it converts to, the band of a qualitative score. */
function actualText(
  indicator: Evaluation['indicators'][number],
  bands: Evaluation['policy']['policy']['qualitativeBands'],
) {
  const self = bandText(indicator.selfShare, indicator.selfBand, bands);
  return [
    indicator.actualValue ?? '',
    indicator.scored.actualInTargetUnit ? `折合 ${indicator.scored.actualInTargetUnit}` : null,
    self !== null ? `${L.band}：${self}` : null,
  ]
    .filter((line) => line !== null && line !== '')
    .join('\n');
}

/** 偏差原因 as printed, and the reviewer's adjustment beneath it. */
function reasonText(
  indicator: Evaluation['indicators'][number],
  bands: Evaluation['policy']['policy']['qualitativeBands'],
) {
  const reviewer = bandText(indicator.reviewerShare, indicator.reviewerBand, bands);
  const adjustment =
    reviewer === null
      ? null
      : `复核调整：${reviewer}${indicator.reviewerReason ? `；${L.reviewerReason}：${indicator.reviewerReason}` : ''}`;
  return [indicator.deviationReason ?? '', adjustment].filter((line) => line !== null && line !== '').join('\n');
}

const decimal = (value: string | null | undefined) => (value == null || value === '' ? null : Number(value));

/**
 * The 财政项目支出绩效自评表 as one worksheet, as the web page prints it (docs/domain.md §4): project, funds with
 * 执行率 and its score, the goals, each indicator with its target, actual value, 分值 and 得分, 总分 and 自评等级.
 * The scores are the stored ones (what the 自评表 says), not recomputed.
 */
export function addEvaluationSheet(
  workbook: ExcelJS.Workbook,
  evaluation: Evaluation,
  sheetName: string,
): ExcelJS.Worksheet {
  const sheet = workbook.addWorksheet(sheetName, {
    pageSetup: {
      paperSize: 9,
      orientation: 'portrait',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: true,
      margins: { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
    },
    headerFooter: { oddFooter: '&C第 &P 页，共 &N 页' },
    views: [{ showGridLines: false }],
  });
  sheet.columns = EVALUATION_COLUMNS.map((w) => ({ width: w }));

  const title = sheet.addRow([L.title]);
  sheet.mergeCells(title.number, 1, title.number, LAST);
  title.height = 30;
  Object.assign(title.getCell(1), {
    font: { name: 'SimSun', size: 16, bold: true },
    alignment: { horizontal: 'center', vertical: 'middle' },
  });
  const yearRow = sheet.addRow([`（${evaluation.year}年度）`]);
  sheet.mergeCells(yearRow.number, 1, yearRow.number, LAST);
  Object.assign(yearRow.getCell(1), { font: { name: 'SimSun', size: 12 }, alignment: { horizontal: 'center' } });
  const first = yearRow.number + 1;

  const name = sheet.addRow([FL.projectName, evaluation.projectName]);
  sheet.mergeCells(name.number, 2, name.number, LAST);
  const unit = evaluation.printedImplementingUnit ?? evaluation.organizationName;
  const units = sheet.addRow([
    FL.printedDepartment,
    evaluation.printedDepartment ?? '',
    null,
    null,
    FL.printedImplementingUnit,
    unit,
  ]);
  sheet.mergeCells(units.number, 2, units.number, 4);
  sheet.mergeCells(units.number, 6, units.number, LAST);
  fitRowHeight(units, [linesFor(evaluation.printedDepartment ?? '', width(2, 4)), linesFor(unit, width(6, LAST))]);

  // 项目资金: 年初预算数 B–C, 全年预算数 D, 全年执行数 E–F, 分值 G, 执行率 H, 得分 I.
  const { funds, score } = evaluation;
  const fundsHead = sheet.addRow([
    L.funds.replace('（', '\n（'),
    L.initialBudget,
    null,
    L.annualBudget,
    L.executedAmount,
    null,
    L.weight,
    L.executionRate,
    L.score,
  ]);
  const fundsRow = sheet.addRow([
    null,
    decimal(funds.initialBudget),
    null,
    decimal(funds.annualBudget),
    decimal(funds.executedAmount),
    null,
    decimal(score.budget.weight),
    score.budget.rate === null ? '' : `${score.budget.rate}%`,
    decimal(score.budget.score),
  ]);
  for (const row of [fundsHead, fundsRow]) {
    sheet.mergeCells(row.number, 2, row.number, 3);
    sheet.mergeCells(row.number, 5, row.number, 6);
  }
  sheet.mergeCells(fundsHead.number, 1, fundsRow.number, 1);
  fundsHead.height = 32;
  for (const column of [2, 4, 5]) fundsRow.getCell(column).numFmt = YUAN_FORMAT;

  const goalsHead = sheet.addRow([L.goals, L.expectedGoal, null, null, null, L.actualGoal]);
  const goals = sheet.addRow([null, evaluation.expectedGoal ?? '', null, null, null, evaluation.actualGoal ?? '']);
  for (const row of [goalsHead, goals]) {
    sheet.mergeCells(row.number, 2, row.number, 5);
    sheet.mergeCells(row.number, 6, row.number, LAST);
  }
  sheet.mergeCells(goalsHead.number, 1, goals.number, 1);
  fitRowHeight(goals, [
    linesFor(evaluation.expectedGoal ?? '', width(2, 5)),
    linesFor(evaluation.actualGoal ?? '', width(6, LAST)),
  ]);

  const indicatorHead = sheet.addRow([
    FL.indicators,
    FL.level1,
    FL.level2,
    FL.level3,
    L.targetValue,
    L.actualValue,
    L.weight,
    L.score,
    L.deviationReason,
  ]);
  indicatorHead.height = 32;
  const tree = indicatorTree(evaluation.indicators);
  const bands = evaluation.policy.policy.qualitativeBands;
  const groupMerges: [number, number, number][] = [];
  for (const layout of layoutIndicatorRows(tree)) {
    const item = layout.indicator as TreeIndicator | null;
    if (!item) continue;
    const { indicator } = item;
    const actual = actualText(indicator, bands);
    const reason = reasonText(indicator, bands);
    const row = sheet.addRow([
      null,
      layout.level1Span > 0 ? tree[layout.l1].label : null,
      layout.level2Span > 0 ? tree[layout.l1].children[layout.l2].label : null,
      indicator.name,
      indicator.rawTarget,
      actual,
      decimal(indicator.scored.weight),
      decimal(indicator.scored.score),
      reason,
    ]);
    if (layout.level1Span > 1) groupMerges.push([row.number, layout.level1Span, 2]);
    if (layout.level2Span > 1) groupMerges.push([row.number, layout.level2Span, 3]);
    fitRowHeight(row, [
      linesFor(indicator.name, width(4, 4)),
      linesFor(actual, width(6, 6)),
      linesFor(reason, width(9, 9)),
    ]);
  }
  for (const [top, span, column] of groupMerges) sheet.mergeCells(top, column, top + span - 1, column);
  if (lastRowNumber(sheet) > indicatorHead.number) sheet.mergeCells(indicatorHead.number, 1, lastRowNumber(sheet), 1);

  const total = sheet.addRow([
    L.totalScore,
    null,
    null,
    null,
    null,
    null,
    100,
    decimal(score.total),
    `${L.grade}：${score.grade}`,
  ]);
  sheet.mergeCells(total.number, 1, total.number, 6);

  const last = lastRowNumber(sheet);
  for (let r = first; r <= last; r++) for (let c = 1; c <= LAST; c++) styleTableCell(sheet.getCell(r, c));
  for (const cell of [fundsRow.getCell(2), fundsRow.getCell(4), fundsRow.getCell(5)])
    cell.alignment = { ...cell.alignment, horizontal: 'right' };
  for (const cell of [goals.getCell(2), goals.getCell(6)])
    cell.alignment = { ...cell.alignment, horizontal: 'left', vertical: 'top' };
  for (let r = indicatorHead.number + 1; r < total.number; r++)
    for (const c of [4, 6, 9]) sheet.getCell(r, c).alignment = { ...sheet.getCell(r, c).alignment, horizontal: 'left' };
  total.getCell(8).font = { name: 'SimSun', size: 11, bold: true };

  sheet.pageSetup.printTitlesRow = `${indicatorHead.number}:${indicatorHead.number}`;
  sheet.pageSetup.printArea = `A1:I${last}`;
  return sheet;
}

/** One 自评表 as a workbook of one sheet. */
export function evaluationWorkbook(evaluation: Evaluation): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = '绩效通';
  workbook.title = `${evaluation.projectName} ${evaluation.year}年度绩效自评表`;
  addEvaluationSheet(workbook, evaluation, '绩效自评表');
  return workbook;
}
