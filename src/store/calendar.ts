// The holiday arrangements an administrator imported (migration 0017): the import of a State
// Council notice, and the installation of the arrangements in force into the process's one
// calendar (src/calendar/working-days.ts). Parse before the transaction, so a text that is no
// notice writes nothing; one transaction per import, the replaced row marked (never deleted) and
// the audit event inside it; the calendar is installed again only after the commit, so a failed
// import leaves both the store and the calendar as they were.
import type { Kysely, Transaction } from 'kysely';
import { z } from 'zod';
import { calendarYear, parseHolidayNotice, useImportedArrangements, type CalendarYear, type HolidayArrangement } from '../calendar/index.ts';
import { recordAudit, type Actor } from './audit.ts';
import type { Database } from './schema.ts';

type Db = Kysely<Database> | Transaction<Database>;

const Holidays = z.array(z.object({ name: z.string(), days: z.array(z.string()) }));
const Workdays = z.array(z.object({ date: z.string(), name: z.string() }));

/** The import in force for a year: what it says and who brought it in. */
export interface ImportedArrangement extends HolidayArrangement {
  id: number;
  fileName: string | null;
  documentId: number | null;
  importedAt: string;
  importedBy: string;
  /** Imports of the year before this one, replaced by it. */
  replacedCount: number;
}

/** The arrangements in force (the newest import of each year), by year. */
export async function loadArrangements(db: Db): Promise<ImportedArrangement[]> {
  const rows = await db.selectFrom('calendar_arrangements').selectAll().orderBy('year').orderBy('id').execute();
  const current = rows.filter((r) => r.replaced_at === null);
  return current.map((r) => ({
    id: r.id,
    year: r.year,
    holidays: Holidays.parse(JSON.parse(r.holidays)),
    workdays: Workdays.parse(JSON.parse(r.workdays)),
    fileName: r.file_name,
    documentId: r.document_id,
    importedAt: r.imported_at,
    importedBy: r.imported_by,
    replacedCount: rows.filter((o) => o.year === r.year && o.replaced_at !== null).length,
  }));
}

/** Makes the store's imported arrangements the calendar's: on opening the store and after each import. */
export async function installCalendar(db: Db): Promise<ImportedArrangement[]> {
  const arrangements = await loadArrangements(db);
  useImportedArrangements(arrangements);
  return arrangements;
}

export interface NoticeSource {
  text: string;
  fileName?: string | null;
  documentId?: number | null;
}

export interface ImportResult {
  arrangement: ImportedArrangement;
  /** The id of the import this one replaced, or null for a year's first. */
  replaced: number | null;
  /** True when the notice says what the import in force already says: nothing was written. */
  unchanged: boolean;
}

const sameDays = (a: HolidayArrangement, b: HolidayArrangement) => JSON.stringify([a.holidays, a.workdays]) === JSON.stringify([b.holidays, b.workdays]);

/**
 * Reads a notice and makes its arrangement the year's: HolidayNoticeError (nothing written) when
 * the text is not such a notice. Importing the arrangement already in force again changes nothing.
 */
export async function importHolidayNotice(db: Kysely<Database>, who: { actor: Actor; now: Date }, source: NoticeSource): Promise<ImportResult> {
  const parsed = parseHolidayNotice(source.text);
  const outcome = await db.transaction().execute(async (trx) => {
    const before = (await loadArrangements(trx)).find((a) => a.year === parsed.year) ?? null;
    if (before !== null && sameDays(before, parsed)) return { id: before.id, replaced: null, unchanged: true };
    const at = who.now.toISOString();
    if (before !== null) await trx.updateTable('calendar_arrangements').set({ replaced_at: at }).where('id', '=', before.id).execute();
    const row = await trx
      .insertInto('calendar_arrangements')
      .values({
        year: parsed.year,
        holidays: JSON.stringify(parsed.holidays),
        workdays: JSON.stringify(parsed.workdays),
        source_text: source.text,
        file_name: source.fileName ?? null,
        document_id: source.documentId ?? null,
        imported_at: at,
        imported_by: who.actor.name,
        replaced_at: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const summary = (a: HolidayArrangement | null) => a && { year: a.year, holidays: a.holidays, workdays: a.workdays };
    await recordAudit(trx, { at: who.now, actor: who.actor, action: 'calendar.import', entity: 'calendar_arrangements', entityId: row.id, before: summary(before), after: summary(parsed) });
    return { id: row.id, replaced: before?.id ?? null, unchanged: false };
  });
  const installed = await installCalendar(db);
  const arrangement = installed.find((a) => a.id === outcome.id);
  if (arrangement === undefined) throw new Error(`imported arrangement ${outcome.id} is not in force`);
  return { arrangement, replaced: outcome.replaced, unchanged: outcome.unchanged };
}

/** A year as the server and the command line show it: its source, holidays, 调休 days and the import in force. */
export interface YearView extends CalendarYear {
  imported: { id: number; fileName: string | null; importedAt: string; importedBy: string; replacedCount: number } | null;
}

export function yearView(year: number, imports: readonly ImportedArrangement[]): YearView {
  const a = imports.find((i) => i.year === year);
  return { ...calendarYear(year), imported: a ? { id: a.id, fileName: a.fileName, importedAt: a.importedAt, importedBy: a.importedBy, replacedCount: a.replacedCount } : null };
}

/** Last year, this year, next year and every imported year, in order. */
export async function yearViews(db: Db, thisYear: number): Promise<YearView[]> {
  const imports = await loadArrangements(db);
  const years = new Set([thisYear - 1, thisYear, thisYear + 1, ...imports.map((a) => a.year)]);
  return [...years].sort((a, b) => a - b).map((y) => yearView(y, imports));
}
