// The 归档文件目录 (catalogue of filed documents) as .xlsx, with the items DA/T 22—2015 sets for
// it: 序号, 档号, 文号, 责任者, 题名, 日期 (eight digits), 密级, 页数, 备注, and the 保管期限 beside
// them. One sheet per 保管期限 (and 机构（问题） where the office uses it) of one 年度, as the
// catalogue is bound per class; each sheet A4 landscape with its header repeated on every page.
import { requireText } from './errors.ts';
import { addTableSheet, bookBuffer, newBook } from './xlsx-sheet.ts';

export interface CatalogueRow {
  code: string;
  docNumber: string | null;
  responsible: string | null;
  title: string;
  /** Eight digits: 20260315. */
  date: string;
  secrecy: string | null;
  pages: number | null;
  retention: string;
  note: string | null;
}

export interface CatalogueGroup {
  retention: string;
  /** The 机构（问题）, when the office uses the level. */
  unit: { code: string; name: string } | null;
  rows: readonly CatalogueRow[];
}

export interface CatalogueInput {
  fondsCode: string;
  fondsName: string;
  year: number;
  groups: readonly CatalogueGroup[];
}

export const CATALOGUE_COLUMNS = ['序号', '档号', '文号', '责任者', '题名', '日期', '密级', '页数', '保管期限', '备注'] as const;

/** The 归档文件目录 .xlsx. */
export async function archiveCatalogueXlsx(input: CatalogueInput): Promise<Buffer> {
  const fondsName = requireText(input.fondsName, '全宗名称');
  requireText(input.fondsCode, '全宗号');
  for (const g of input.groups) for (const r of g.rows) requireText(r.title, '题名');
  const book = newBook();
  for (const g of input.groups) {
    const unit = g.unit === null ? '' : `　机构（问题）：${g.unit.name}（${g.unit.code}）`;
    addTableSheet<CatalogueRow>(book, {
      name: `${input.year}-${g.retention}${g.unit === null ? '' : `-${g.unit.code}`}`,
      title: `${fondsName}归档文件目录`,
      note: `全宗号：${input.fondsCode}　年度：${input.year}　保管期限：${g.retention}${unit}　共${g.rows.length}件`,
      columns: [
        { header: '序号', width: 6, kind: 'number', value: (_r, k) => k + 1 },
        { header: '档号', width: 24, value: (r) => r.code },
        { header: '文号', width: 18, value: (r) => r.docNumber },
        { header: '责任者', width: 20, value: (r) => r.responsible },
        { header: '题名', width: 44, value: (r) => r.title },
        { header: '日期', width: 11, value: (r) => r.date },
        { header: '密级', width: 7, value: (r) => r.secrecy },
        { header: '页数', width: 6, kind: 'number', value: (r) => r.pages },
        { header: '保管期限', width: 9, value: (r) => r.retention },
        { header: '备注', width: 18, value: (r) => r.note },
      ],
      rows: g.rows,
    });
  }
  return bookBuffer(book);
}
