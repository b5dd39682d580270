// A unit's inbox of 三单一函 notices: the tick (src/store/supervision-tick.ts) stores each notice
// with the lead unit it went to, so the inbox is a read of that table — a unit user sees the
// notices sent to their unit, the office all of them. Opening one marks it read (阅知) once, an
// audit event on the item; the .docx is laid out by src/report/notice-docx.ts from the item as
// it stood on the notice's day (its latest report by then, the notices before it).
import { ReportError } from '../../report/errors.ts';
import { noticeDocx, type NoticeDocKind } from '../../report/notice-docx.ts';
import { beijingDayOf } from '../../workflow/cycles.ts';
import { workdaysBetween } from '../../workflow/days.ts';
import { notFound, SupervisionError } from '../../workflow/errors.ts';
import { ITEM_STATE_LABELS, type ItemState } from '../../workflow/types.ts';
import { at, audit, inTransaction, itemFacts, type Command, type Db } from './common.ts';

const json = <T>(text: string | null, fallback: T): T => (text === null || text === '' ? fallback : (JSON.parse(text) as T));

export interface InboxFilter {
  kind?: NoticeDocKind | undefined;
  unread?: boolean | undefined;
  unit?: string | undefined;
  limit: number;
  offset: number;
}

/** The notices of `scope` (a unit user's unit), or of every unit (null), newest first. */
export async function listNotices(db: Db, filter: InboxFilter, scope: string | null) {
  const unit = scope ?? (filter.unit || undefined);
  let q = db.selectFrom('supervision_notices as n').innerJoin('supervision_items as i', 'i.id', 'n.item_id').innerJoin('supervision_ledgers as l', 'l.id', 'i.ledger_id');
  if (unit !== undefined) q = q.where('n.unit', '=', unit);
  if (filter.kind !== undefined) q = q.where('n.kind', '=', filter.kind);
  const unreadQ = q;
  if (filter.unread === true) q = q.where('n.read_at', 'is', null);
  if (filter.unread === false) q = q.where('n.read_at', 'is not', null);
  const [total, unread, rows, units] = await Promise.all([
    q.select((eb) => eb.fn.countAll<number | string>().as('c')).executeTakeFirstOrThrow(),
    unreadQ.where('n.read_at', 'is', null).select((eb) => eb.fn.countAll<number | string>().as('c')).executeTakeFirstOrThrow(),
    q
      .select(['n.id', 'n.kind', 'n.number', 'n.unit', 'n.date', 'n.deadline', 'n.copied_to', 'n.issued_at', 'n.read_at', 'n.mailed_at', 'i.id as item_id', 'i.seq', 'i.text', 'i.state', 'l.title'])
      .orderBy('n.date', 'desc')
      .orderBy('n.id', 'desc')
      .limit(filter.limit)
      .offset(filter.offset)
      .execute(),
    scope !== null ? Promise.resolve([{ unit: scope }]) : db.selectFrom('supervision_notices').select('unit').distinct().orderBy('unit').execute(),
  ]);
  return {
    total: Number(total.c),
    unread: Number(unread.c),
    units: units.map((u) => u.unit),
    items: rows.map((r) => ({
      id: r.id,
      kind: r.kind as NoticeDocKind,
      number: r.number,
      unit: r.unit,
      date: r.date,
      deadline: r.deadline,
      copiedTo: json<string[]>(r.copied_to, []),
      issuedAt: r.issued_at,
      readAt: r.read_at,
      mailedAt: r.mailed_at,
      item: { id: r.item_id, seq: r.seq, text: r.text, state: r.state as ItemState, ledgerTitle: r.title },
    })),
  };
}

async function noticeRow(db: Db, id: number, scope: string | null) {
  const row = await db.selectFrom('supervision_notices').selectAll().where('id', '=', id).executeTakeFirst();
  // To a unit user another unit's notice does not exist.
  if (row === undefined || (scope !== null && row.unit !== scope)) throw notFound('督办文书');
  return row;
}

/** 阅知: the unit user opening their notice. Once; a second call changes nothing. */
export async function markNoticeRead(db: Db, c: Command, id: number): Promise<string> {
  return inTransaction(db, async (trx) => {
    const row = await noticeRow(trx as unknown as Db, id, c.unit);
    if (row.read_at !== null) return row.read_at;
    const when = at(c);
    await trx.updateTable('supervision_notices').set({ read_at: when }).where('id', '=', id).where('read_at', 'is', null).execute();
    await audit(trx, c, 'supervision.notice.read', 'supervision_item', row.item_id, { number: row.number, readAt: null }, { number: row.number, readAt: when });
    return when;
  });
}

/** The notice as a GB/T 9704 .docx. */
export async function noticeDocument(db: Db, id: number, scope: string | null, office: string): Promise<{ buffer: Buffer; number: string; kind: string }> {
  const row = await noticeRow(db, id, scope);
  const facts = await itemFacts(db, row.item_id);
  const ledger = await db.selectFrom('supervision_ledgers').select(['title', 'document_id', 'source_note']).where('id', '=', facts.ledgerId).executeTakeFirstOrThrow();
  const doc = ledger.document_id === null ? undefined : await db.selectFrom('documents').select('doc_number').where('id', '=', ledger.document_id).executeTakeFirst();
  const source = doc?.doc_number ? `《${ledger.title}》（${doc.doc_number}）` : ledger.source_note ? `${ledger.title}（${ledger.source_note}）` : ledger.title;
  const reports = facts.reports.filter((r) => beijingDayOf(r.submittedAt) <= row.date);
  const latest = reports.at(-1);
  const kind = row.kind as NoticeDocKind;
  const copied = json<string[]>(row.copied_to, []);
  const earlier = facts.notices.filter((n) => n.deadline === row.deadline && n.date <= row.date && n.number !== row.number).map((n) => ({ kind: n.kind, number: n.number, date: n.date }));
  try {
    const buffer = await noticeDocx({
      office,
      kind,
      number: row.number,
      date: row.date,
      unit: row.unit,
      deadline: row.deadline,
      // A 督办单 is copied to the unit's 分管领导; where the office's table names none, the copy goes to the post.
      copiedTo: kind === '督办单' && copied.length === 0 ? [`${row.unit}分管领导`] : copied,
      item: {
        text: facts.text,
        source,
        responsible: facts.units.filter((u) => u.role === 'responsible').map((u) => u.canonical ?? u.name),
        cooperating: facts.units.filter((u) => u.role === 'cooperating').map((u) => u.canonical ?? u.name),
        originalDeadline: facts.originalDeadline,
        deadline: facts.deadline,
        deadlineText: facts.deadlineText,
        stateLabel: ITEM_STATE_LABELS[facts.state],
        latestReport: latest ? { on: beijingDayOf(latest.submittedAt), progress: latest.progress } : null,
      },
      ...(kind === '提醒单' ? {} : { overdueWorkingDays: workdaysBetween(row.deadline, row.date) }),
      earlier,
    });
    return { buffer, number: row.number, kind };
  } catch (e) {
    if (e instanceof ReportError) throw new SupervisionError(`无法生成督办文书：${e.message}`, 409);
    throw e;
  }
}
