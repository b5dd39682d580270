// The 收文登记簿 (incoming register) as .xlsx: one row per registered document, in the order given
// (the register page's order and filter). Field names follow ../shared/gold/routing_slip.json.
import type { IsoDate } from '../calendar/index.ts';
import { chineseDate } from './chinese-date.ts';
import { requireText } from './errors.ts';
import { addTableSheet, bookBuffer, newBook } from './xlsx-sheet.ts';

export interface IncomingRegisterRow {
  serial: string;
  receivedOn: IsoDate;
  fromUnit: string;
  docNumber: string | null;
  title: string;
  secrecy: string | null;
  urgency: string | null;
  channel: string | null;
  /** 办件 or 阅件 after 初审; null before. */
  kind: '办件' | '阅件' | null;
  /** 待初审, 拟办中, 批示中, 传阅中, 承办中, 已办结, 已归档 … as the register shows it. */
  stateLabel: string;
  /** Where it is now (who holds it), for "always know where the document is". */
  holder: string | null;
  leadUnit: string | null;
  dueOn: IsoDate | null;
  archiveNumber: string | null;
}

export interface IncomingRegisterInput {
  title: string;
  filter?: string | null;
  asOf: IsoDate;
  rows: readonly IncomingRegisterRow[];
}

export const INCOMING_REGISTER_COLUMNS = [
  '序号', '运转号', '收文日期', '来文单位', '文号', '文件标题', '密级', '紧急程度', '来文方式', '办件/阅件', '状态', '当前持有', '承办单位', '办理时限', '归档号',
] as const;

/** The 收文登记簿 .xlsx. */
export async function incomingRegisterXlsx(input: IncomingRegisterInput): Promise<Buffer> {
  requireText(input.title, '登记簿标题');
  const asOf = chineseDate(input.asOf, '登记簿日期');
  for (const r of input.rows) {
    requireText(r.serial, '运转号');
    requireText(r.title, '文件标题');
  }
  const book = newBook();
  addTableSheet<IncomingRegisterRow>(book, {
    name: '收文登记簿',
    title: input.title,
    note: `截至${asOf}，共${input.rows.length}件${input.filter ? `；筛选条件：${input.filter}` : ''}`,
    columns: [
      { header: '序号', width: 6, kind: 'number', value: (_r, k) => k + 1 },
      { header: '运转号', width: 14, value: (r) => r.serial },
      { header: '收文日期', width: 15, kind: 'date', value: (r) => r.receivedOn },
      { header: '来文单位', width: 24, value: (r) => r.fromUnit },
      { header: '文号', width: 18, value: (r) => r.docNumber },
      { header: '文件标题', width: 44, value: (r) => r.title },
      { header: '密级', width: 8, value: (r) => r.secrecy },
      { header: '紧急程度', width: 9, value: (r) => r.urgency },
      { header: '来文方式', width: 10, value: (r) => r.channel },
      { header: '办件/阅件', width: 9, value: (r) => r.kind },
      { header: '状态', width: 10, value: (r) => r.stateLabel },
      { header: '当前持有', width: 14, value: (r) => r.holder },
      { header: '承办单位', width: 18, value: (r) => r.leadUnit },
      { header: '办理时限', width: 15, kind: 'date', value: (r) => r.dueOn },
      { header: '归档号', width: 16, value: (r) => r.archiveNumber },
    ],
    rows: input.rows,
  });
  return bookBuffer(book);
}
