// A filed registration's 归档 record as the view, the API and the 归档文件目录 show it.
import type { Selectable } from 'kysely';
import type { Retention } from '../../workflow/archive.ts';
import type { IncomingArchiveTable } from '../schema.ts';

export interface ArchiveRecordView {
  /** 档号 (归档号): X001-WS·2026-D30-0012. */
  code: string;
  fondsCode: string;
  year: number;
  retention: Retention;
  /** 机构（问题） code, or null when the office does not use the level. */
  unitCode: string | null;
  /** 件号. */
  item: number;
  /** 责任者 (来文单位). */
  responsible: string | null;
  docNumber: string | null;
  title: string;
  /** 日期 (YYYY-MM-DD): 成文日期, else 收文日期. */
  date: string;
  secrecy: string | null;
  pages: number | null;
  note: string | null;
  archivedAt: string;
  archivedBy: string;
}

export function archiveRecordView(r: Selectable<IncomingArchiveTable>): ArchiveRecordView {
  return {
    code: r.code,
    fondsCode: r.fonds_code,
    year: r.year,
    retention: r.retention as Retention,
    unitCode: r.unit_code === '' ? null : r.unit_code,
    item: r.item,
    responsible: r.responsible,
    docNumber: r.doc_number,
    title: r.title,
    date: r.doc_date,
    secrecy: r.secrecy,
    pages: r.pages,
    note: r.note,
    archivedAt: r.archived_at,
    archivedBy: r.archived_by,
  };
}
