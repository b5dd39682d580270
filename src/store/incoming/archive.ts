// 归档: the clerk files a finished registration (src/workflow/archive.ts says which) under the
// office's 全宗, with its 保管期限 (the default for its kind unless chosen), 机构（问题） where the
// office uses that level, 页数 and 备注. One command (command.ts): the 件号 taken from the counter
// of its 全宗, 年度, 保管期限 and 机构, the record written with the 档号, the registration set
// 已归档, the audit event with before and after — or, on any refusal or failure, nothing.
// Also: the registrations ready to file, the filed ones, and the 归档文件目录 of a 年度.
import { sql, type Transaction } from 'kysely';
import { ReportError } from '../../report/errors.ts';
import { archiveCatalogueXlsx, type CatalogueGroup } from '../../report/archive-xlsx.ts';
import { archiveCode, archiveRefusal, archiveUnit, archiveYear, catalogueDate, checkPages, defaultRetention, DEFAULT_RETENTIONS, isRetention, RETENTIONS, type Retention } from '../../workflow/archive.ts';
import type { Store } from '../open.ts';
import type { Database } from '../schema.ts';
import { archiveRecordView, type ArchiveRecordView } from './archive-view.ts';
import { currentArchiveSettings } from './archive-settings.ts';
import { incomingCommand, type CommandOptions } from './command.ts';
import { IncomingError } from './errors.ts';
import { viewsOf } from './progress.ts';
import type { IncomingView } from './view.ts';

export interface ArchiveInput {
  /** 保管期限; default: the settings' default for the registration's kind. */
  retention?: Retention | null;
  /** 机构（问题） code or name; required when the office uses the level. */
  unit?: string | null;
  pages?: number | null;
  note?: string | null;
}

const NOTE_MAX = 500;

/**
 * The next 件号 of a class. The counter row is the lock, as for the 运转号 (serials.ts): on
 * PostgreSQL the upsert takes the row's lock, so a second filing in the same class waits for the
 * first to commit or roll back and then reads its number; SQLite's transactions begin IMMEDIATE.
 * A rolled-back filing gives its number back: 件号 neither repeat (a unique constraint) nor skip.
 */
async function takeItem(trx: Transaction<Database>, fondsCode: string, year: number, retention: Retention, unitCode: string): Promise<number> {
  const row = await trx
    .insertInto('incoming_archive_counters')
    .values({ fonds_code: fondsCode, year, retention, unit_code: unitCode, last: 1 })
    .onConflict((oc) => oc.columns(['fonds_code', 'year', 'retention', 'unit_code']).doUpdateSet({ last: sql<number>`incoming_archive_counters.last + 1` }))
    .returning('last')
    .executeTakeFirstOrThrow();
  return Number(row.last);
}

export async function archiveIncoming(store: Store, id: number, input: ArchiveInput, options: CommandOptions): Promise<IncomingView> {
  return incomingCommand(store, id, options, '归档', async ({ trx, before, now, refuse }) => {
    const blocked = archiveRefusal(before);
    if (blocked !== null) return refuse(before.archive === null ? blocked : `${blocked}（档号 ${before.archive.code}）`, before.state === 'archived' ? 'conflict' : 'invalid');
    const settings = await currentArchiveSettings(trx);
    if (settings === null) throw new IncomingError('conflict', '尚未设置全宗号：请管理员先在“归档设置”中填写全宗号与全宗名称，再归档');
    const retention = input.retention ?? defaultRetention(before, settings.defaults);
    if (!isRetention(retention)) return refuse(`保管期限只能是 ${RETENTIONS.join('、')}，不能是“${String(retention)}”`);
    const unit = archiveUnit(settings, input.unit);
    if ('refused' in unit) return refuse(unit.refused);
    const pages = checkPages(input.pages);
    if ('refused' in pages) return refuse(pages.refused);
    const note = input.note?.trim() || null;
    if (note !== null && note.length > NOTE_MAX) return refuse(`备注不能超过 ${NOTE_MAX} 字`);
    const year = archiveYear(before.signedOn, before.receivedOn);
    const item = await takeItem(trx, settings.fondsCode, year, retention, unit.unit ?? '');
    await trx
      .insertInto('incoming_archives')
      .values({
        incoming_id: id,
        fonds_code: settings.fondsCode,
        year,
        retention,
        unit_code: unit.unit ?? '',
        item,
        code: archiveCode({ fondsCode: settings.fondsCode, year, retention, unitCode: unit.unit, item }),
        responsible: before.fromUnit,
        doc_number: before.docNumber,
        title: before.title,
        doc_date: before.signedOn ?? before.receivedOn,
        secrecy: before.secrecy,
        pages: pages.pages,
        note,
        settings_id: settings.id,
        archived_at: now.toISOString(),
        archived_by: options.actor.name,
      })
      .execute();
    return { action: 'incoming-archive', set: { state: 'archived' } };
  });
}

/** A registration that may be filed now, with the 保管期限 the dialog proposes. */
export interface ReadyItem {
  incoming: IncomingView;
  retention: Retention;
  /** The 年度 it will be filed under. */
  year: number;
}

/** States a registration may be filed from (the core decides, per registration, with its 传阅). */
const FILABLE_STATES = ['reviewed', 'instructed', 'returned', 'concluded'] as const;

/** The registrations ready to file, oldest first (at most `limit`). */
export async function readyToArchive(store: Store, limit = 500): Promise<ReadyItem[]> {
  const settings = await currentArchiveSettings(store.db);
  const defaults = settings?.defaults ?? DEFAULT_RETENTIONS;
  const rows = await store.db.selectFrom('incoming_documents').selectAll().where('state', 'in', FILABLE_STATES).orderBy('received_at').orderBy('id').limit(limit * 2).execute();
  const views = await viewsOf(store.db, rows);
  return views
    .filter((v) => archiveRefusal(v) === null)
    .slice(0, limit)
    .map((incoming) => ({ incoming, retention: defaultRetention(incoming, defaults), year: archiveYear(incoming.signedOn, incoming.receivedOn) }));
}

export interface ArchiveFilter {
  /** 全宗号: only what was filed under it (an office whose 全宗号 changed keeps the old ones apart). */
  fondsCode?: string;
  year?: number;
  retention?: Retention;
  limit?: number;
  offset?: number;
}

/** A filed registration: its record, with the registration's id and 运转号. */
export interface ArchivedItem extends ArchiveRecordView {
  incomingId: number;
  serial: string;
}

const retentionOrder = (r: string) => RETENTIONS.indexOf(r as Retention);

/** The filed registrations in the catalogue's order: 年度, 保管期限 (永久 first), 机构, 件号. */
export async function listArchived(store: Store, filter: ArchiveFilter = {}): Promise<{ items: ArchivedItem[]; total: number }> {
  let q = store.db.selectFrom('incoming_archives as a').innerJoin('incoming_documents as d', 'd.id', 'a.incoming_id');
  if (filter.fondsCode !== undefined) q = q.where('a.fonds_code', '=', filter.fondsCode);
  if (filter.year !== undefined) q = q.where('a.year', '=', filter.year);
  if (filter.retention !== undefined) q = q.where('a.retention', '=', filter.retention);
  const rows = await q.selectAll('a').select('d.serial_label').execute();
  const items = rows
    .map((r) => ({ incomingId: r.incoming_id, serial: r.serial_label, ...archiveRecordView(r) }))
    .sort((a, b) => b.year - a.year || retentionOrder(a.retention) - retentionOrder(b.retention) || (a.unitCode ?? '').localeCompare(b.unitCode ?? '') || a.item - b.item);
  const offset = filter.offset ?? 0;
  return { items: items.slice(offset, offset + (filter.limit ?? 100)), total: items.length };
}

/** The 归档文件目录 of a 年度 (one 保管期限, or all) under the 全宗 in force, one sheet per 保管期限 and 机构. */
export async function archiveCatalogue(store: Store, filter: { year: number; retention?: Retention }): Promise<Buffer> {
  const settings = await currentArchiveSettings(store.db);
  if (settings === null) throw new IncomingError('conflict', '尚未设置全宗号与全宗名称，无法生成归档文件目录');
  const { items } = await listArchived(store, { ...filter, fondsCode: settings.fondsCode, limit: 1_000_000 });
  if (items.length === 0) throw new IncomingError('not-found', `${filter.year}年${filter.retention ? `保管期限为${filter.retention}的` : ''}收文尚未归档，没有可导出的归档文件目录`);
  const groups: CatalogueGroup[] = [];
  for (const a of items) {
    let g = groups.find((x) => x.retention === a.retention && (x.unit?.code ?? null) === a.unitCode);
    if (!g) {
      const unit = a.unitCode === null ? null : { code: a.unitCode, name: settings.units.find((u) => u.code === a.unitCode)?.name ?? a.unitCode };
      groups.push((g = { retention: a.retention, unit, rows: [] }));
    }
    (g.rows as CatalogueGroup['rows'][number][]).push({ code: a.code, docNumber: a.docNumber, responsible: a.responsible, title: a.title, date: catalogueDate(a.date), secrecy: a.secrecy, pages: a.pages, retention: a.retention, note: a.note });
  }
  try {
    return await archiveCatalogueXlsx({ fondsCode: settings.fondsCode, fondsName: settings.fondsName, year: filter.year, groups });
  } catch (e) {
    if (e instanceof ReportError) throw new IncomingError('conflict', `无法生成归档文件目录：${e.message}`);
    throw e;
  }
}
