import ExcelJS from 'exceljs';
import { columnLetters, type ImportProblem, type SheetGrid } from '@jxt/domain';

/** More rows or columns than any 填报表 has: a sheet is read up to here (the rest is not a form). */
export const MAX_GRID_ROWS = 3000;
export const MAX_GRID_COLUMNS = 40;

/**
 * A number as Excel shows it in the formula bar: at most 15 significant digits (Excel keeps no more), written as the
 * shortest decimal text. An .xlsx stores a number as a binary double's text, so `1059.08` may come back as
 * 1059.0800000000001 after a formula or another program; `Number(n.toPrecision(15))` gives back 1059.08, and
 * `String` of that is its shortest form. No display format is applied to amounts: `0.00` showing 1059.083 as
 * 1059.08 would hide a third decimal that the importer must report, not round. A percent format is the exception:
 * 0.9 shown as 90% is typed as 90%, so the text is 90%.
 */
export function numberText(value: number, numFmt: string | undefined): string {
  if (!Number.isFinite(value)) return '';
  const percent = numFmt ? /%/.test(numFmt.replace(/"[^"]*"/g, '')) : false;
  const shown = Number((percent ? value * 100 : value).toPrecision(15));
  const text = Object.is(shown, -0) ? '0' : String(shown);
  // String() writes 1e21 and 1e-7 in exponent form; amounts and values never read that way.
  const plain = /e/i.test(text) ? expandExponent(text) : text;
  return percent ? `${plain}%` : plain;
}

function expandExponent(text: string): string {
  const [mantissa, exponentText] = text.toLowerCase().split('e');
  const exponent = Number(exponentText);
  const negative = mantissa.startsWith('-');
  const [whole, fraction = ''] = mantissa.replace('-', '').split('.');
  const digits = whole + fraction;
  const point = whole.length + exponent;
  const out =
    point <= 0
      ? `0.${'0'.repeat(-point)}${digits}`
      : point >= digits.length
        ? digits + '0'.repeat(point - digits.length)
        : `${digits.slice(0, point)}.${digits.slice(point)}`;
  return (negative ? '-' : '') + out.replace(/^0+(?=\d)/, '');
}

/** A date cell as yyyy-mm-dd (exceljs reads a date-formatted number as a Date at UTC midnight). */
function dateText(date: Date): string {
  return Number.isNaN(date.getTime()) ? '' : date.toISOString().slice(0, 10);
}

/** One cell's text for the reader: the saved result of a formula (exceljs evaluates none), rich text joined. */
export function cellText(cell: ExcelJS.Cell): string {
  const value = cell.value;
  if (value == null) return '';
  if (typeof value === 'number') return numberText(value, cell.numFmt);
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return dateText(value);
  if ('richText' in value) return value.richText.map((run) => run.text).join('');
  if ('formula' in value || 'sharedFormula' in value) {
    const result = (value as ExcelJS.CellFormulaValue).result;
    if (result == null || typeof result === 'object') return result instanceof Date ? dateText(result) : '';
    return typeof result === 'number' ? numberText(result, cell.numFmt) : String(result);
  }
  if ('text' in value && typeof value.text === 'string') return value.text;
  return '';
}

/**
 * Text PostgreSQL can store: an .xlsx may carry NUL (as `_x0000_`) or a lone surrogate, which neither a text column
 * nor jsonb (the stored preview) takes; they are dropped (NUL) or shown as U+FFFD, never a 500 at the confirm.
 */
export function storable(text: string): string {
  return /[\u0000\uD800-\uDFFF]/.test(text)
    ? text
        .replace(/\u0000/g, '')
        .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD')
    : text;
}

/** A worksheet as the reader's grid: a merged range's text in its top-left cell only. */
export function sheetGrid(sheet: ExcelJS.Worksheet): SheetGrid {
  const rows = Math.min(sheet.rowCount, MAX_GRID_ROWS);
  const columns = Math.min(sheet.columnCount, MAX_GRID_COLUMNS);
  const grid: string[][] = [];
  for (let r = 1; r <= rows; r++) {
    const row = sheet.getRow(r);
    const cells: string[] = [];
    for (let c = 1; c <= columns; c++) {
      const cell = row.getCell(c);
      cells.push(cell.isMerged && cell.master.address !== cell.address ? '' : storable(cellText(cell)));
    }
    grid.push(cells);
  }
  return grid;
}

/**
 * The cells the reader cannot take a formula's result from (exceljs evaluates none): a formula saved without a result
 * (written by a program that does not calculate) or with an error value (#DIV/0!, #N/A …). Each is an error at its
 * cell; the cell reads as blank.
 */
export function formulaProblems(sheet: ExcelJS.Worksheet, sheetName: string): ImportProblem[] {
  const problems: ImportProblem[] = [];
  const rows = Math.min(sheet.rowCount, MAX_GRID_ROWS);
  const columns = Math.min(sheet.columnCount, MAX_GRID_COLUMNS);
  for (let r = 1; r <= rows; r++) {
    const row = sheet.getRow(r);
    if (!row.hasValues) continue;
    for (let c = 1; c <= columns; c++) {
      const value = row.getCell(c).value;
      if (value === null || typeof value !== 'object' || !('formula' in value || 'sharedFormula' in value)) continue;
      const { result, formula: own } = value as ExcelJS.CellFormulaValue;
      const formula = storable(own ?? (value as ExcelJS.CellSharedFormulaValue).sharedFormula ?? '').slice(0, 60);
      const at = { sheet: sheetName, row: r, column: columnLetters(c - 1), severity: 'error' as const };
      // A formula whose result is '' (=IF(…,"",…)) saved that result: only a missing one is a problem.
      if (result == null)
        problems.push({
          ...at,
          message: `公式“=${formula}”没有保存计算结果（系统不计算公式），未带入：请在 Excel 或 WPS 中打开并保存后再导入，或改为数值`,
        });
      else if (typeof result === 'object' && 'error' in result)
        problems.push({
          ...at,
          message: `公式“=${formula}”的结果是错误值 ${String(result.error)}，未带入：请在表中改正后再导入`,
        });
    }
  }
  return problems;
}
