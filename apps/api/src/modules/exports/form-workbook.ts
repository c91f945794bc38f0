import ExcelJS from 'exceljs';
import {
  FORM_FIELD_LABELS as L,
  FUND_FIELD_LABELS as F,
  PROJECT_CONTINUITY_LABELS,
  REVIEW_RESULT_LABELS,
  type Funds,
  type GoalForm,
} from '@jxt/contracts';
import { chinaDateParts, layoutIndicatorRows, printedValueCells } from '@jxt/domain';
import { fitRowHeight, lastRowNumber, linesFor, SHEET_COLUMNS, spanWidth, styleTableCell } from './sheet-style';

/** Number format of every amount: thousands separators and two decimals, as the form prints 元. */
export const YUAN_FORMAT = '#,##0.00';

/** States in which finance's 审核结果 is final and printed on the form (as the web sheet does). */
const REVIEWED = new Set<GoalForm['status']>(['finance_approved', 'rejected']);

const FUND_ROWS: [keyof Funds | null, keyof Funds][] = [
  ['totalAmount', 'annualAmount'],
  ['fiscalAmount', 'annualFiscalAmount'],
  [null, 'carryOverAmount'],
  ['otherAmount', 'annualOtherAmount'],
];

/** The headings of the variant indicator table: 指标性质, 指标值 and 度量单位 in columns of their own. */
export const VARIANT_HEADINGS = [L.level1, L.level2, L.level3, L.nature, '指标值', L.measureUnit] as const;

/**
 * Whether a form came from a layout with separate 指标性质/指标值/度量单位 columns (docs/domain.md §3.2): any of its
 * 年度 indicators keeps a printed 指标性质 or 度量单位. It is exported in that layout again, so that reading the file
 * back gives the same form; any other form in the official one-value-cell layout.
 */
export function hasSeparateValueColumns(form: GoalForm): boolean {
  return [...form.indicators.year, ...(form.indicators.longTerm ?? [])].some((g1) =>
    g1.children.some((g2) => g2.indicators.some((i) => i.nature !== null || i.measureUnit !== null)),
  );
}

/**
 * The indicator fields no official layout prints (分值, 评分细则, 指标解释, 备注, docs/domain.md §3.2), as columns of their
 * own to the right of the indicator table — each only when some indicator of the form has it, so a form without them
 * keeps the official six columns. The importer reads them back by these headings.
 */
const EXTRA_COLUMNS = [
  { field: 'weight', heading: L.weight, width: 8 },
  { field: 'scoringNotes', heading: L.scoringNotes, width: 24 },
  { field: 'explanation', heading: L.explanation, width: 24 },
  { field: 'remark', heading: L.remark, width: 14 },
] as const;
type ExtraColumn = (typeof EXTRA_COLUMNS)[number];

/** The extra columns the form needs: those of EXTRA_COLUMNS some indicator (年度 or 长期) fills. */
export function extraColumnsOf(form: GoalForm): ExtraColumn[] {
  const indicators = [...form.indicators.year, ...(form.indicators.longTerm ?? [])].flatMap((g1) =>
    g1.children.flatMap((g2) => g2.indicators),
  );
  return EXTRA_COLUMNS.filter(({ field }) => indicators.some((i) => (i[field] ?? '').trim() !== ''));
}

/** 填报人, 联系电话, 填报日期 and 单位（盖章）: the line under the table, as the paper form has it. */
export function filerLine(submission: GoalForm['submission']): string {
  const date = submission ? chinaDateParts(submission.submittedAt) : null;
  const blank = '\u3000\u3000\u3000\u3000';
  return [
    `填报人：${submission?.name ?? blank}`,
    `联系电话：${submission?.phone ?? blank}`,
    `填报日期：${date ? `${date.year}年${date.month}月${date.day}日` : '\u3000\u3000年\u3000月\u3000日'}`,
    '单位（盖章）',
  ].join('\u3000\u3000');
}

/** The .xlsx file's name: the project, the year and, after an 调整, the revision. */
export function formFileName(form: GoalForm): string {
  const revision = form.revision > 1 ? `（第${form.revision}版）` : '';
  const name = form.project.name.replace(/[\\/:*?"<>|\r\n]+/g, '_');
  return `${name}-${form.year}年度绩效目标填报表${revision}.xlsx`;
}

/**
 * The official 财政项目支出绩效目标填报表 as one worksheet, on the grid of the printed form (docs/domain.md §2):
 * six columns shared by the header, funds, goals and indicator blocks, the same merged cells, thin borders,
 * amounts as numbers with thousands separators, A4 portrait fitted to the page width, the indicator table's
 * heading repeated on every printed page, the filer's line under the table and page numbers in the footer.
 */
export function addFormSheet(workbook: ExcelJS.Workbook, form: GoalForm, sheetName: string): ExcelJS.Worksheet {
  const sheet = workbook.addWorksheet(sheetName, {
    pageSetup: {
      paperSize: 9, // A4
      orientation: 'portrait',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: true,
      margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.7, header: 0.3, footer: 0.3 },
    },
    // The filer's line is the sheet's last row, as on paper; the page footer numbers the pages.
    headerFooter: { oddFooter: '&C第 &P 页，共 &N 页' },
    views: [{ showGridLines: false }],
  });
  const extras = extraColumnsOf(form);
  const lastColumn = 6 + extras.length;
  sheet.columns = [...SHEET_COLUMNS, ...extras.map((e) => e.width)].map((width) => ({ width }));
  // Wider than the official six columns: landscape, still one page wide.
  if (extras.length > 1) sheet.pageSetup.orientation = 'landscape';

  const title = sheet.addRow([L.formTitle]);
  sheet.mergeCells(title.number, 1, title.number, 6);
  title.height = 30;
  Object.assign(title.getCell(1), {
    font: { name: 'SimSun', size: 16, bold: true },
    alignment: { horizontal: 'center', vertical: 'middle' },
  });
  const yearRow = sheet.addRow([`（${form.year}年度）`]);
  sheet.mergeCells(yearRow.number, 1, yearRow.number, 6);
  Object.assign(yearRow.getCell(1), { font: { name: 'SimSun', size: 12 }, alignment: { horizontal: 'center' } });

  const first = yearRow.number + 1;
  const { project, funds } = form;
  const headerRows: [string, string, string, string][] = [
    [
      L.projectName,
      project.name,
      L.category,
      project.categoryCode ? (project.categoryLabel ?? project.categoryCode) : '',
    ],
    [
      L.continuity,
      project.continuity ? PROJECT_CONTINUITY_LABELS[project.continuity] : '',
      L.functionClass,
      project.functionClassCode ? (project.functionClassLabel ?? project.functionClassCode) : '',
    ],
    [
      L.printedDepartment,
      project.printedDepartment ?? '',
      L.printedImplementingUnit,
      project.printedImplementingUnit ?? '',
    ],
    [L.plannedStart, project.plannedStart ?? '', L.plannedEnd, project.plannedEnd ?? ''],
  ];
  for (const [label, value, label2, value2] of headerRows) {
    const row = sheet.addRow([label, value, null, null, label2, value2]);
    sheet.mergeCells(row.number, 2, row.number, 4);
    fitRowHeight(row, [linesFor(value, spanWidth(2, 4)), linesFor(value2, spanWidth(6, 6))]);
  }

  const fundsFirst = lastRowNumber(sheet) + 1;
  for (const [left, right] of FUND_ROWS) {
    const row = sheet.addRow([
      null,
      left ? F[left] : null,
      left ? amount(funds[left]) : null,
      null,
      F[right],
      amount(funds[right]),
    ]);
    sheet.mergeCells(row.number, 3, row.number, 4);
    for (const column of [3, 6]) row.getCell(column).numFmt = YUAN_FORMAT;
  }
  sheet.mergeCells(fundsFirst, 1, lastRowNumber(sheet), 1);
  sheet.getCell(fundsFirst, 1).value = L.funds.replace('（', '\n（');

  const goalsHead = sheet.addRow([
    L.goals,
    `${L.totalGoal}\n（${form.goalPeriodStart ?? '\u3000\u3000'} 年- ${form.goalPeriodEnd ?? '\u3000\u3000'}年）`,
    null,
    null,
    L.annualGoal,
  ]);
  goalsHead.height = 32;
  const goals = sheet.addRow([null, form.totalGoal ?? '', null, null, form.annualGoal ?? '']);
  sheet.mergeCells(goalsHead.number, 1, goals.number, 1);
  for (const row of [goalsHead, goals]) {
    sheet.mergeCells(row.number, 2, row.number, 4);
    sheet.mergeCells(row.number, 5, row.number, 6);
  }
  fitRowHeight(goals, [
    linesFor(form.totalGoal ?? '', spanWidth(2, 4)),
    linesFor(form.annualGoal ?? '', spanWidth(5, 6)),
  ]);

  // The 年度 indicator table, then the 长期 one when the form has such indicators (its value heading 长期指标值 says
  // which set it is, docs/domain.md §3.2); in the layout the form came from.
  const variant = hasSeparateValueColumns(form);
  const longTerm = form.indicators.longTerm?.length ? form.indicators.longTerm : null;
  const blocks = [
    addIndicatorBlock(sheet, form.indicators.year, variant, longTerm ? 'year' : null, extras),
    ...(longTerm ? [addIndicatorBlock(sheet, longTerm, variant, 'longTerm', extras)] : []),
  ];
  const indicatorHead = blocks[0].head;

  if (REVIEWED.has(form.status) && form.reviewResult) {
    const review = sheet.addRow([
      '审核结果',
      REVIEW_RESULT_LABELS[form.reviewResult],
      '审核意见',
      form.reviewComment ?? '',
    ]);
    sheet.mergeCells(review.number, 4, review.number, 6);
    fitRowHeight(review, [linesFor(form.reviewComment ?? '', spanWidth(4, 6))]);
  }
  const last = lastRowNumber(sheet);
  for (let r = first; r <= last; r++) for (let c = 1; c <= 6; c++) styleTableCell(sheet.getCell(r, c));
  for (const block of blocks)
    for (let r = block.head.number; r <= block.last; r++)
      for (let c = 7; c <= lastColumn; c++) styleTableCell(sheet.getCell(r, c));
  for (let r = first; r <= last; r++)
    for (const column of [3, 6])
      if (sheet.getCell(r, column).numFmt === YUAN_FORMAT) alignAmount(sheet.getCell(r, column));
  for (const cell of [goals.getCell(2), goals.getCell(5)])
    cell.alignment = { ...cell.alignment, horizontal: 'left', vertical: 'top' };
  for (const block of blocks)
    for (let r = block.head.number + 1; r <= block.last; r++) {
      const cell = sheet.getCell(r, variant ? 3 : 4);
      cell.alignment = { ...cell.alignment, horizontal: 'left' };
    }

  sheet.addRow([]);
  const footer = sheet.addRow([filerLine(form.submission)]);
  sheet.mergeCells(footer.number, 1, footer.number, 6);
  footer.getCell(1).font = { name: 'SimSun', size: 11 };

  // On paper the indicator table's heading repeats on every page after the first.
  sheet.pageSetup.printTitlesRow = `${indicatorHead.number}:${indicatorHead.number}`;
  sheet.pageSetup.printArea = `A1:${sheet.getColumn(lastColumn).letter}${footer.number}`;
  return sheet;
}

/**
 * One indicator table: its heading row and a row per 三级指标, 一级/二级 merged over their indicators. Official:
 * 绩效指标 | 一级 | 二级 | 三级 (two columns) | 年度指标值 (长期指标值 for the 长期 set), the block label merged down
 * column A. The variant a form came from (`variant`): a 年度/长期 title row when the form has both sets, then
 * 一级 | 二级 | 三级 | 指标性质 | 指标值 | 度量单位 on the same six columns. `set` null: the form has only 年度 indicators.
 */
function addIndicatorBlock(
  sheet: ExcelJS.Worksheet,
  groups: GoalForm['indicators']['year'],
  variant: boolean,
  set: 'year' | 'longTerm' | null,
  extras: readonly ExtraColumn[],
): { head: ExcelJS.Row; last: number } {
  const setTitle = set === 'longTerm' ? '长期绩效指标' : '年度绩效指标';
  if (variant && set) {
    const title = sheet.addRow([setTitle]);
    sheet.mergeCells(title.number, 1, title.number, 6);
  }
  const head = sheet.addRow(
    variant
      ? [...VARIANT_HEADINGS]
      : [
          set ? setTitle : L.indicators,
          L.level1,
          L.level2,
          L.level3,
          null,
          set === 'longTerm' ? '长期指标值' : L.targetValue,
        ],
  );
  extras.forEach((extra, n) => (head.getCell(7 + n).value = extra.heading));
  if (!variant) sheet.mergeCells(head.number, 4, head.number, 5);
  const [level1Column, level2Column] = variant ? [1, 2] : [2, 3];
  const rows = layoutIndicatorRows(groups);
  // Merged downwards only once every row exists: a merge reaching below the last row would move addRow's place.
  const groupMerges: [number, number, number][] = [];
  for (const layout of rows.length > 0 ? rows : [null]) {
    const level1 = layout ? groups[layout.l1] : null;
    const level2 = layout && level1 && layout.l2 >= 0 ? level1.children[layout.l2] : null;
    const indicator = layout?.indicator;
    const level1Cell = layout?.level1Span ? level1?.label : null;
    const level2Cell = layout?.level2Span ? (level2?.label ?? '') : null;
    const name = indicator?.name ?? '';
    const extraLines = extras.map((extra) => linesFor(indicator?.[extra.field] ?? '', extra.width));
    let row: ExcelJS.Row;
    if (variant) {
      const cells = indicator
        ? printedValueCells(indicator.nature, indicator.rawValue, indicator.measureUnit)
        : { nature: '', value: '', unit: '' };
      row = sheet.addRow([level1Cell, level2Cell, name, cells.nature, cells.value, cells.unit]);
      fitRowHeight(row, [linesFor(name, spanWidth(3, 3)), linesFor(cells.value, spanWidth(5, 5)), ...extraLines]);
    } else {
      row = sheet.addRow([null, level1Cell, level2Cell, name, null, indicator?.rawValue ?? '']);
      sheet.mergeCells(row.number, 4, row.number, 5);
      fitRowHeight(row, [
        linesFor(name, spanWidth(4, 5)),
        linesFor(indicator?.rawValue ?? '', spanWidth(6, 6)),
        ...extraLines,
      ]);
    }
    extras.forEach((extra, n) => {
      const cell = row.getCell(7 + n);
      const value = indicator?.[extra.field] ?? null;
      // 分值 as the number it is (a stored decimal such as "10.00"), the texts left-aligned as the goals are.
      cell.value = extra.field === 'weight' && value !== null ? Number(value) : value;
      if (extra.field === 'weight') cell.numFmt = '0.00';
      else cell.alignment = { horizontal: 'left' };
    });
    if (layout?.level1Span && layout.level1Span > 1) groupMerges.push([row.number, layout.level1Span, level1Column]);
    if (layout?.level2Span && layout.level2Span > 1) groupMerges.push([row.number, layout.level2Span, level2Column]);
  }
  for (const [top, span, column] of groupMerges) sheet.mergeCells(top, column, top + span - 1, column);
  const last = lastRowNumber(sheet);
  if (!variant) sheet.mergeCells(head.number, 1, last, 1);
  return { head, last };
}

/** A stored decimal string as the cell's number; Excel shows it with YUAN_FORMAT. Blank stays blank. */
function amount(value: string | null): number | null {
  return value == null || value === '' ? null : Number(value);
}

function alignAmount(cell: ExcelJS.Cell): void {
  cell.alignment = { ...cell.alignment, horizontal: 'right' };
}

/** One form revision as a workbook of one sheet. */
export function formWorkbook(form: GoalForm): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = '绩效通';
  workbook.title = `${form.project.name} ${form.year}年度绩效目标填报表`;
  addFormSheet(workbook, form, '绩效目标填报表');
  return workbook;
}
