import type ExcelJS from 'exceljs';

/**
 * Widths (in Excel's character units) of the six columns of the printed 填报表: the block label, then the columns
 * the header, funds, goals and indicator blocks share (as the web sheet's SheetColumns). Not 9: exceljs does not
 * write its default width.
 */
export const SHEET_COLUMNS = [10, 16, 14, 20, 16, 22] as const;

/** The width of columns `from`..`to` (1-based, inclusive) of a grid: what a merged cell offers its text. */
export const spanWidth = (from: number, to: number, columns: readonly number[] = SHEET_COLUMNS): number =>
  columns.slice(from - 1, to).reduce((sum, width) => sum + width, 0);

const THIN: ExcelJS.Border = { style: 'thin', color: { argb: 'FF000000' } };
const LINE_POINTS = 15;

/** Width of a text in Excel's character units: a CJK or full-width character takes two. */
export function textWidth(text: string): number {
  let width = 0;
  for (const ch of text)
    width += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u.test(ch)
      ? 2
      : 1;
  return width;
}

/** The lines a wrapped text takes in a cell `width` units wide (each paragraph on its own lines). */
export function linesFor(text: string, width: number): number {
  return text
    .split(/\r?\n/)
    .reduce((lines, paragraph) => lines + Math.max(1, Math.ceil(textWidth(paragraph) / (width - 1))), 0);
}

/**
 * Excel does not grow a row for wrapped text in merged cells: the row is given the height its longest cell needs.
 */
export function fitRowHeight(row: ExcelJS.Row, lines: number[]): void {
  const most = Math.max(1, ...lines);
  row.height = Math.max(20, most * LINE_POINTS + 5);
}

/** Every cell of the table: thin borders, 宋体 11, wrapped, centred (labels and short values are). */
export function styleTableCell(cell: ExcelJS.Cell): void {
  cell.border = { top: THIN, left: THIN, bottom: THIN, right: THIN };
  cell.font = { name: 'SimSun', size: 11 };
  cell.alignment = { wrapText: true, vertical: 'middle', horizontal: 'center', ...cell.alignment };
}

/**
 * The number of the sheet's last row (0 when it has none). `rowCount` exists on a Worksheet but not on the streaming
 * writer's sheet (a bulk export), which keeps only its uncommitted rows; `lastRow` is on both.
 */
export function lastRowNumber(sheet: ExcelJS.Worksheet): number {
  return sheet.lastRow?.number ?? 0;
}
