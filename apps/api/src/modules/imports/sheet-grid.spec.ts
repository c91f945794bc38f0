import ExcelJS from 'exceljs';
import { cellText, numberText, sheetGrid } from './sheet-grid';

describe('cell text for the import reader', () => {
  it.each([
    [120.49999999999999, undefined, '120.5'],
    [0.1 + 0.2, undefined, '0.3'],
    [1059.08, '#,##0.00', '1059.08'],
    [1059.083, '0.00', '1059.083'],
    [213500, '#,##0.00', '213500'],
    [1e21, undefined, '1000000000000000000000'],
    [1e-7, undefined, '0.0000001'],
    [0.999, '0.0%', '99.9%'],
    [0.95, '0%', '95%'],
    [-0, undefined, '0'],
  ])('%p with format %p reads %p', (value, numFmt, text) => {
    expect(numberText(value, numFmt)).toBe(text);
  });

  it('reads a formula’s saved result, rich text, dates, and a merged range in its first cell only', () => {
    const sheet = new ExcelJS.Workbook().addWorksheet('s');
    sheet.getCell('A1').value = { formula: 'B1+C1', result: 100.43209999999999 };
    sheet.getCell('B1').value = { richText: [{ text: '项目' }, { text: '名称' }] };
    sheet.getCell('C1').value = new Date(Date.UTC(2021, 0, 1));
    sheet.getCell('A2').value = '合并';
    sheet.mergeCells('A2:C2');
    sheet.getCell('A3').value = { formula: 'A1/0', result: { error: '#DIV/0!' } } as ExcelJS.CellFormulaValue;
    expect(cellText(sheet.getCell('A1'))).toBe('100.4321');
    expect(sheetGrid(sheet)).toEqual([
      ['100.4321', '项目名称', '2021-01-01'],
      ['合并', '', ''],
      ['', '', ''],
    ]);
  });

  it('keeps only text PostgreSQL can store: NUL dropped, a lone surrogate shown as U+FFFD', () => {
    const sheet = new ExcelJS.Workbook().addWorksheet('s');
    sheet.getCell('A1').value = '项目\u0000名称';
    sheet.getCell('B1').value = '坏\uD800字';
    sheet.getCell('C1').value = '好😀字';
    expect(sheetGrid(sheet)).toEqual([['项目名称', '坏\uFFFD字', '好😀字']]);
  });
});
