// One way to lay out a sheet of a Duban workbook, so every .xlsx looks the same: an optional title
// row (merged, 宋体 16 bold) and note row, a header row in 黑体 on grey, fixed column widths, the
// header frozen and carrying an autofilter, thin borders, wrapped text, A4 landscape fitted to
// the width. Dates are real Excel dates (so the filter and sorting work) shown the Chinese way,
// 2026年10月8日; a column may instead hold a day as text (the deadline as the document wrote it).
import ExcelJS from 'exceljs';
import { isIsoDate, utcMidnightOf, type IsoDate } from '../calendar/index.ts';
import { ReportError } from './errors.ts';

export const CHINESE_DATE_FORMAT = 'yyyy"年"m"月"d"日"';

export type CellKind = 'text' | 'number' | 'date' | 'percent' | 'score';
export interface SheetColumn<Row> {
  header: string;
  width: number;
  kind?: CellKind;
  value: (row: Row, index: number) => string | number | IsoDate | null;
  /** A fill colour (ARGB) for the cell, from the row (the light of an item). */
  fill?: (row: Row) => string | null;
}

export interface SheetSpec<Row> {
  name: string;
  title?: string;
  /** A line under the title: the filter in force, the date of the figures. */
  note?: string;
  columns: readonly SheetColumn<Row>[];
  rows: readonly Row[];
}

/** A sheet name Excel accepts: no []:*?/\, at most 31 characters, unique in the book. */
export function sheetName(book: ExcelJS.Workbook, wanted: string): string {
  const clean = wanted.replace(/[[\]:*?/\\]/g, '_').trim().slice(0, 31) || '工作表';
  let name = clean;
  for (let k = 2; book.getWorksheet(name) !== undefined; k++) name = `${clean.slice(0, 31 - String(k).length - 1)}_${k}`;
  return name;
}

/** An ISO day as the Date Excel stores (midnight UTC, which exceljs writes as that day's serial). */
export function excelDay(day: IsoDate): Date {
  return utcMidnightOf(day);
}

const thin = { style: 'thin' as const };
const BORDER = { top: thin, left: thin, bottom: thin, right: thin };

/** Adds a sheet laid out as above; returns it (and the header row's number) for extras. */
export function addTableSheet<Row>(book: ExcelJS.Workbook, spec: SheetSpec<Row>): { sheet: ExcelJS.Worksheet; headerRow: number } {
  if (spec.columns.length === 0) throw new ReportError('表格没有列');
  const headerRow = 1 + (spec.title ? 1 : 0) + (spec.note ? 1 : 0);
  const sheet = book.addWorksheet(sheetName(book, spec.name), {
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: `${headerRow}:${headerRow}` },
    views: [{ state: 'frozen', ySplit: headerRow, xSplit: 0 }],
  });
  sheet.columns = spec.columns.map((c) => ({ width: c.width }));
  const n = spec.columns.length;
  let r = 1;
  if (spec.title) {
    sheet.mergeCells(r, 1, r, n);
    const cell = sheet.getCell(r, 1);
    cell.value = spec.title;
    cell.font = { name: '宋体', size: 16, bold: true };
    cell.alignment = { horizontal: 'center', vertical: 'middle' };
    sheet.getRow(r).height = 28;
    r++;
  }
  if (spec.note) {
    sheet.mergeCells(r, 1, r, n);
    const cell = sheet.getCell(r, 1);
    cell.value = spec.note;
    cell.font = { name: '宋体', size: 10.5 };
    r++;
  }
  const header = sheet.getRow(headerRow);
  header.values = spec.columns.map((c) => c.header);
  header.height = 24;
  header.eachCell((cell) => {
    cell.font = { name: '黑体', size: 11, bold: true };
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9D9D9' } };
    cell.border = BORDER;
  });
  spec.rows.forEach((row, index) => {
    const line = sheet.getRow(headerRow + 1 + index);
    spec.columns.forEach((col, k) => {
      const cell = line.getCell(k + 1);
      const value = col.value(row, index);
      const kind = col.kind ?? 'text';
      if (value === null || value === '') cell.value = null;
      else if (kind === 'date') {
        if (typeof value !== 'string' || !isIsoDate(value)) throw new ReportError(`“${col.header}”应为 YYYY-MM-DD 格式的日期：${String(value)}`);
        cell.value = excelDay(value);
        cell.numFmt = CHINESE_DATE_FORMAT;
      } else if (kind === 'number' || kind === 'percent' || kind === 'score') {
        if (typeof value !== 'number' || !Number.isFinite(value)) throw new ReportError(`“${col.header}”应为数字：${String(value)}`);
        cell.value = value;
        cell.numFmt = kind === 'percent' ? '0.0%' : kind === 'score' ? '0.0#' : '0';
      } else cell.value = String(value);
      cell.font = { name: '宋体', size: 10.5 };
      cell.alignment = { vertical: 'top', wrapText: true, ...(kind === 'text' ? {} : { horizontal: 'center' }) };
      cell.border = BORDER;
      const fill = col.fill?.(row) ?? null;
      if (fill !== null) cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: fill } };
    });
  });
  sheet.autoFilter = { from: { row: headerRow, column: 1 }, to: { row: headerRow + spec.rows.length, column: n } };
  return { sheet, headerRow };
}

export function newBook(): ExcelJS.Workbook {
  const book = new ExcelJS.Workbook();
  book.creator = 'Duban 督办';
  return book;
}

export async function bookBuffer(book: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from(await book.xlsx.writeBuffer());
}
