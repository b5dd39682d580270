// The task ledger (任务台账) as offices keep it in Excel: one row per task, in the columns
// 序号 / 任务内容 / 牵头单位 / 责任单位 / 配合单位 / 完成时限 / 目标 / 来源文件 / 备注.
import ExcelJS from 'exceljs';
import type { DocumentRecord, Task, Unit } from '../types.ts';

export const LEDGER_COLUMNS = ['序号', '任务内容', '牵头单位', '责任单位', '配合单位', '完成时限', '目标', '来源文件', '备注'] as const;

export interface LedgerRow {
  序号: number;
  任务内容: string;
  牵头单位: string;
  责任单位: string;
  配合单位: string;
  完成时限: string;
  目标: string;
  来源文件: string;
  备注: string;
}

const unitList = (units: readonly Unit[]): string => units.map((u) => u.name).join('、');

/** How a deadline reads in the ledger: the date when there is one, with the document's words. */
function deadlineCell(task: Task): string {
  const d = task.deadline;
  if (d === null) return '';
  if (d.date !== undefined && d.kind === 'date') return d.date;
  if (d.date !== undefined) return `${d.text}（${d.date}）`;
  return d.text;
}

/** Notes a reviewer needs: where the task sits, and units the directory does not know. */
function noteCell(task: Task): string {
  const notes: string[] = [];
  if (task.path.length > 0) notes.push(`条目：${task.path.join('')}`);
  if (task.table) notes.push('来自表格');
  const unknown = [...task.leads, ...task.responsible, ...task.cooperating].filter((u) => u.canonical === null).map((u) => u.name);
  if (unknown.length > 0) notes.push(`待核单位：${[...new Set(unknown)].join('、')}`);
  notes.push(`原文第${task.line}行`);
  return notes.join('；');
}

function sourceCell(doc: DocumentRecord): string {
  const title = doc.title === '' ? '' : `《${doc.title}》`;
  return doc.docNumber === null ? title : `${title}（${doc.docNumber}）`;
}

/** The ledger's rows for the tasks of some documents, numbered from 1. */
export function ledgerRows(documents: readonly DocumentRecord[]): LedgerRow[] {
  const rows: LedgerRow[] = [];
  for (const doc of documents) {
    for (const task of doc.tasks) {
      rows.push({
        序号: rows.length + 1,
        任务内容: task.text,
        牵头单位: unitList(task.leads),
        责任单位: unitList(task.responsible),
        配合单位: unitList(task.cooperating),
        完成时限: deadlineCell(task),
        目标: task.targets.map((t) => t.text).join('；'),
        来源文件: sourceCell(doc),
        备注: noteCell(task),
      });
    }
  }
  return rows;
}

/** Columns of the second sheet, for standing duties (职责分工). */
export const DUTY_COLUMNS = ['序号', '牵头单位', '承担单位', '分工', '职责内容', '时限', '来源文件'] as const;

function addBorders(sheet: ExcelJS.Worksheet, fromRow = 2): void {
  const thin = { style: 'thin' as const };
  sheet.eachRow((row, n) => {
    if (n < fromRow) return;
    row.eachCell({ includeEmpty: true }, (cell) => {
      cell.border = { top: thin, left: thin, bottom: thin, right: thin };
    });
  });
}

const WIDTHS: Record<(typeof LEDGER_COLUMNS)[number], number> = {
  序号: 6, 任务内容: 60, 牵头单位: 18, 责任单位: 30, 配合单位: 24, 完成时限: 14, 目标: 20, 来源文件: 30, 备注: 24,
};

/** The ledger as an .xlsx workbook: a title row, a frozen header, wrapped cells, A4 landscape. */
export async function ledgerWorkbook(documents: readonly DocumentRecord[], title: string): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = 'Duban 督办';
  const sheet = book.addWorksheet('任务台账', {
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '2:2' },
    views: [{ state: 'frozen', ySplit: 2 }],
  });
  sheet.columns = LEDGER_COLUMNS.map((key) => ({ key, width: WIDTHS[key] }));
  sheet.mergeCells(1, 1, 1, LEDGER_COLUMNS.length);
  const titleCell = sheet.getCell(1, 1);
  titleCell.value = title;
  titleCell.font = { name: '宋体', size: 16, bold: true };
  titleCell.alignment = { horizontal: 'center', vertical: 'middle' };
  sheet.getRow(1).height = 28;

  const header = sheet.getRow(2);
  header.values = [...LEDGER_COLUMNS];
  header.font = { name: '黑体', size: 11, bold: true };
  header.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };

  for (const row of ledgerRows(documents)) {
    const added = sheet.addRow(row);
    added.font = { name: '宋体', size: 10.5 };
    added.alignment = { vertical: 'top', wrapText: true };
    added.getCell('序号').alignment = { horizontal: 'center', vertical: 'top' };
  }
  addBorders(sheet);
  const duties = documents.flatMap((doc) => doc.duties.map((duty) => ({ doc, duty })));
  if (duties.length > 0) {
    const sheetOfDuties = book.addWorksheet('职责分工', { views: [{ state: 'frozen', ySplit: 1 }] });
    sheetOfDuties.columns = DUTY_COLUMNS.map((key) => ({ key, width: key === '职责内容' ? 60 : key === '序号' ? 6 : 22 }));
    const head = sheetOfDuties.getRow(1);
    head.values = [...DUTY_COLUMNS];
    head.font = { name: '黑体', size: 11, bold: true };
    duties.forEach(({ doc, duty }, k) => {
      const row = sheetOfDuties.addRow({
        序号: k + 1,
        牵头单位: unitList(duty.lead),
        承担单位: unitList(duty.units),
        分工: duty.role === 'lead' ? '牵头' : '配合',
        职责内容: duty.text,
        时限: duty.deadline?.text ?? '',
        来源文件: sourceCell(doc),
      });
      row.alignment = { vertical: 'top', wrapText: true };
    });
    addBorders(sheetOfDuties, 1);
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}
