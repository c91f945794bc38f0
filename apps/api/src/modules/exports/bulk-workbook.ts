import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import archiver from 'archiver';
import ExcelJS from 'exceljs';
import { addMoney } from '@jxt/domain';
import { YUAN_FORMAT } from './form-workbook';
import { styleTableCell } from './sheet-style';

/** Excel refuses a sheet name longer than 31 characters or holding any of these (and one starting or ending with '). */
const SHEET_NAME_MAX = 31;
const SHEET_NAME_FORBIDDEN = /[\\/?*[\]:]/g;
const FILE_NAME_FORBIDDEN = /[\\/:*?"<>|\r\n]+/g;

/** One column of the 汇总 sheet; `money` columns hold amounts in 元 (decimal strings) and get a 合计. */
export interface SummaryColumn {
  header: string;
  width: number;
  money?: boolean;
}

/** One form (or 自评表) of a bulk export as the 汇总 lists it. */
export interface SummaryRow {
  id: string;
  /** What its sheet and its file in a .zip are named after: 项目编码 and 项目名称. */
  code: string;
  name: string;
  /** The cells after 序号, one per column after the first; money as decimal strings. */
  values: (string | number | null)[];
}

/** What a bulk export writes: the 汇总 and how to read and lay out each form. */
export interface BulkPlan<T> {
  title: string;
  columns: SummaryColumn[];
  rows: SummaryRow[];
  /** Reads a page of whole forms by id (one query), in the given order. */
  loadPage(ids: string[]): Promise<T[]>;
  idOf(item: T): string;
  /** Adds the form's sheet in the official layout (form-workbook.ts, evaluation-workbook.ts). */
  addSheet(workbook: ExcelJS.Workbook, item: T, sheetName: string): ExcelJS.Worksheet;
  /** The form as a workbook of its own (a .zip's entry). */
  workbook(item: T): ExcelJS.Workbook;
  /** Called after each page with the number of forms written; throws to stop (the app is stopping). */
  progress(done: number): Promise<void>;
}

/** Forms read and written per page: one query each, and the progress the SPA sees moves in these steps. */
export const PAGE_SIZE = 50;

/**
 * Sheet names for the 汇总 and each form: `<项目编码> <项目名称>` cut to Excel's 31 characters, without the characters
 * Excel refuses, unique without regard to case (Excel's rule) by a `(2)`, `(3)` … suffix.
 */
export function sheetNames(rows: readonly Pick<SummaryRow, 'code' | 'name'>[], reserved: string[]): string[] {
  const taken = new Set(reserved.map((name) => name.toLowerCase()));
  const cut = (text: string, max: number) => Array.from(text).slice(0, max).join('').trim();
  return rows.map(({ code, name }) => {
    const base = cut(`${code} ${name}`.replace(SHEET_NAME_FORBIDDEN, '_').replace(/^'+|'+$/g, ''), SHEET_NAME_MAX);
    let candidate = base || 'Sheet';
    for (let n = 2; taken.has(candidate.toLowerCase()); n++) {
      const suffix = `(${n})`;
      candidate = cut(base, SHEET_NAME_MAX - suffix.length) + suffix;
    }
    taken.add(candidate.toLowerCase());
    return candidate;
  });
}

/** File names of a .zip's workbooks: `<项目编码> <项目名称>.xlsx`, unique. */
export function entryNames(rows: readonly Pick<SummaryRow, 'code' | 'name'>[], reserved: string[]): string[] {
  const taken = new Set(reserved.map((name) => name.toLowerCase()));
  return rows.map(({ code, name }) => {
    const base = `${code} ${name}`.replace(FILE_NAME_FORBIDDEN, '_').slice(0, 120).trim();
    let candidate = `${base}.xlsx`;
    for (let n = 2; taken.has(candidate.toLowerCase()); n++) candidate = `${base}(${n}).xlsx`;
    taken.add(candidate.toLowerCase());
    return candidate;
  });
}

export const SUMMARY_SHEET = '汇总';

/**
 * The 汇总 sheet: a title, one row per form (序号 and the plan's columns, amounts with thousands separators, the name
 * of the form's own sheet), and 合计 of the money columns. A4 landscape fitted to the width, the heading repeated.
 */
export function addSummarySheet(
  workbook: ExcelJS.Workbook,
  plan: Pick<BulkPlan<unknown>, 'title' | 'columns' | 'rows'>,
  sheetNamesOfRows: string[] | null,
): ExcelJS.Worksheet {
  const columns: SummaryColumn[] = [
    { header: '序号', width: 6 },
    ...plan.columns,
    ...(sheetNamesOfRows ? [{ header: '工作表', width: 24 }] : []),
  ];
  const sheet = workbook.addWorksheet(SUMMARY_SHEET, {
    pageSetup: {
      paperSize: 9,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: true,
      margins: { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
      printTitlesRow: '3:3',
    },
    headerFooter: { oddFooter: '&C第 &P 页，共 &N 页' },
    views: [{ state: 'frozen', ySplit: 3, showGridLines: false }],
  });
  sheet.columns = columns.map(({ width }) => ({ width }));
  const last = columns.length;

  const title = sheet.addRow([plan.title]);
  sheet.mergeCells(1, 1, 1, last);
  title.height = 28;
  Object.assign(title.getCell(1), {
    font: { name: 'SimSun', size: 16, bold: true },
    alignment: { horizontal: 'center', vertical: 'middle' },
  });
  const count = sheet.addRow([`共 ${plan.rows.length} 张　金额单位：元`]);
  sheet.mergeCells(2, 1, 2, last);
  count.getCell(1).alignment = { horizontal: 'right' };
  count.getCell(1).font = { name: 'SimSun', size: 10 };

  const head = sheet.addRow(columns.map((c) => c.header));
  head.height = 22;
  head.eachCell((cell) => {
    styleTableCell(cell);
    cell.font = { name: 'SimSun', size: 11, bold: true };
  });

  const moneyColumns = plan.columns.flatMap((c, i) => (c.money ? [i] : []));
  const totals = moneyColumns.map(() => '0');
  plan.rows.forEach((row, index) => {
    const values = row.values.map((value, i) => (plan.columns[i].money && value != null ? Number(value) : value));
    moneyColumns.forEach((column, i) => (totals[i] = addMoney(totals[i], row.values[column] as string | null)));
    const added = sheet.addRow([index + 1, ...values, ...(sheetNamesOfRows ? [sheetNamesOfRows[index]] : [])]);
    for (let c = 1; c <= last; c++) {
      const cell = added.getCell(c);
      styleTableCell(cell);
      const column = columns[c - 1];
      if (column.money) cell.numFmt = YUAN_FORMAT;
      cell.alignment = { ...cell.alignment, horizontal: column.money ? 'right' : c === 1 ? 'center' : 'left' };
    }
    added.commit();
  });

  const totalRow = sheet.addRow([
    '合计',
    ...plan.columns.map((column, i) => (column.money ? Number(totals[moneyColumns.indexOf(i)]) : null)),
    ...(sheetNamesOfRows ? [null] : []),
  ]);
  for (let c = 1; c <= last; c++) {
    const cell = totalRow.getCell(c);
    styleTableCell(cell);
    cell.font = { name: 'SimSun', size: 11, bold: true };
    if (columns[c - 1].money) {
      cell.numFmt = YUAN_FORMAT;
      cell.alignment = { ...cell.alignment, horizontal: 'right' };
    }
  }
  sheet.pageSetup.printArea = `A1:${sheet.getColumn(last).letter}${totalRow.number}`;
  return sheet;
}

function* pages(ids: string[]): Generator<string[]> {
  for (let i = 0; i < ids.length; i += PAGE_SIZE) yield ids.slice(i, i + PAGE_SIZE);
}

/**
 * One workbook, streamed to `path`: the 汇总 first (committed before any form is read, so that nothing waits in
 * memory behind it), then one sheet per form in the 汇总's order, each committed as soon as it is laid out. Only one
 * page of forms and one sheet's rows are held at a time.
 */
export async function writeBulkWorkbook<T>(path: string, plan: BulkPlan<T>): Promise<void> {
  const stream = createWriteStream(path);
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: false });
  workbook.creator = '绩效通';
  workbook.title = plan.title;
  const names = sheetNames(plan.rows, [SUMMARY_SHEET]);
  const nameOf = new Map(plan.rows.map((row, i) => [row.id, names[i]]));
  addSummarySheet(workbook, plan, names).commit();
  try {
    for (const ids of pages(plan.rows.map((row) => row.id))) {
      const items = await plan.loadPage(ids);
      for (const item of items) plan.addSheet(workbook, item, nameOf.get(plan.idOf(item))!).commit();
      await plan.progress(ids.length);
    }
    await workbook.commit();
  } catch (err) {
    stream.destroy();
    throw err;
  }
}

/**
 * A .zip of single-form workbooks (and the 汇总 as `汇总.xlsx`), streamed to `path`. Each workbook is built in memory
 * (one form) and handed to the archive, which writes it before the next is made. The workbooks are already
 * compressed, so the archive stores them as they are.
 */
export async function writeBulkZip<T>(path: string, plan: BulkPlan<T>): Promise<void> {
  const stream = createWriteStream(path);
  const zip = archiver('zip', { store: true });
  const closed = new Promise<void>((resolve, reject) => {
    stream.on('close', resolve);
    stream.on('error', reject);
    zip.on('error', reject);
  });
  zip.pipe(stream);
  const append = async (buffer: ExcelJS.Buffer, name: string) => {
    const entered = once(zip, 'entry');
    zip.append(Buffer.from(buffer), { name });
    await entered;
  };
  try {
    const summary = new ExcelJS.Workbook();
    summary.creator = '绩效通';
    summary.title = plan.title;
    const files = entryNames(plan.rows, [`${SUMMARY_SHEET}.xlsx`]);
    const fileOf = new Map(plan.rows.map((row, i) => [row.id, files[i]]));
    addSummarySheet(summary, plan, null);
    await append(await summary.xlsx.writeBuffer(), `${SUMMARY_SHEET}.xlsx`);
    for (const ids of pages(plan.rows.map((row) => row.id))) {
      const items = await plan.loadPage(ids);
      for (const item of items)
        await append(await plan.workbook(item).xlsx.writeBuffer(), fileOf.get(plan.idOf(item))!);
      await plan.progress(ids.length);
    }
    await zip.finalize();
    await closed;
  } catch (err) {
    zip.abort();
    stream.destroy();
    throw err;
  }
}

/** A name as a file name may carry it (the organisation in a download's name). */
export function safeFileName(text: string): string {
  return text.replace(FILE_NAME_FORBIDDEN, '_');
}
