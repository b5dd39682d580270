// 月通报 and 考核 from the store: a month's bulletin computed from the items as they are now (as
// of the month's last day, src/workflow/bulletin.ts), published as a snapshot numbered 第N期 within
// its year — once published, the store answers with the snapshot and later changes to items leave
// it alone; and the scores of a year, every point with its event.
import type { Kysely, Transaction } from 'kysely';
import type { IsoDate } from '../calendar/index.ts';
import { computeBulletin, monthEnd, type Bulletin } from '../workflow/bulletin.ts';
import { SupervisionError } from '../workflow/errors.ts';
import type { SupervisionRules } from '../workflow/rules.ts';
import { yearScores, type UnitScore } from '../workflow/scores.ts';
import type { ItemFacts } from '../workflow/types.ts';
import { recordAudit, type Actor } from './audit.ts';
import type { Database } from './schema.ts';
import { loadItemFacts } from './supervision-facts.ts';
import { loadRules } from './supervision-rules.ts';

type Db = Kysely<Database> | Transaction<Database>;

export interface BulletinView extends Bulletin {
  /** 第N期 once published, null before. */
  number: string | null;
  year: number;
  seq: number | null;
  publishedAt: string | null;
}

/** Checks a month written YYYY-MM. */
export function checkMonth(month: string): string {
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(month)) throw new SupervisionError(`月份应写作 YYYY-MM（如 2026-10），现为“${month}”`, 400);
  return month;
}

/** Every item that was ever issued (drafts and dropped drafts are not the ledger's yet). */
async function issuedItems(db: Db): Promise<ItemFacts[]> {
  const ids = (await db.selectFrom('supervision_items').select('id').where('state', 'not in', ['draft', 'dropped']).orderBy('id').execute()).map((r) => r.id);
  return loadItemFacts(db, ids, { reportTexts: false });
}

/** The month's bulletin: its published snapshot, or (not yet published) computed now. */
export async function monthBulletin(db: Db, month: string, rules?: SupervisionRules): Promise<BulletinView> {
  checkMonth(month);
  const row = await db.selectFrom('supervision_bulletins').selectAll().where('month', '=', month).executeTakeFirst();
  if (row) return JSON.parse(row.snapshot) as BulletinView;
  const bulletin = computeBulletin(await issuedItems(db), month, rules ?? (await loadRules(db)));
  return { ...bulletin, number: null, year: Number(month.slice(0, 4)), seq: null, publishedAt: null };
}

/** Publishes a month that has ended: its figures become a snapshot, 第N期 of its year. */
export async function publishBulletin(db: Kysely<Database>, who: { actor: Actor; now: Date; today: IsoDate }, month: string): Promise<BulletinView> {
  checkMonth(month);
  if (who.today <= monthEnd(month)) throw new SupervisionError(`${month} 尚未结束，月通报须在次月发布`, 409);
  return db.transaction().execute(async (trx) => {
    const existing = await trx.selectFrom('supervision_bulletins').select(['seq', 'year']).where('month', '=', month).executeTakeFirst();
    if (existing) throw new SupervisionError(`${month} 的通报已发布（${existing.year}年第${existing.seq}期），不能重复发布`, 409);
    const year = Number(month.slice(0, 4));
    const last = await trx.selectFrom('supervision_bulletins').select((eb) => eb.fn.max('seq').as('seq')).where('year', '=', year).executeTakeFirst();
    const seq = Number(last?.seq ?? 0) + 1;
    const bulletin = computeBulletin(await issuedItems(trx), month, await loadRules(trx));
    const view: BulletinView = { ...bulletin, number: `督查通报${year}年第${seq}期`, year, seq, publishedAt: who.now.toISOString() };
    const inserted = await trx
      .insertInto('supervision_bulletins')
      .values({ month, year, seq, published_at: view.publishedAt!, published_by: who.actor.name, snapshot: JSON.stringify(view) })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(trx, { at: who.now, actor: who.actor, action: 'supervision.bulletin.publish', entity: 'supervision_bulletin', entityId: inserted.id, after: { month, year, seq, totals: view.totals } });
    return view;
  });
}

/** Each unit's score for the year, as of `asOf` (the year's end, or today while the year runs). */
export async function scoresOfYear(db: Db, year: number, asOf: IsoDate, rules?: SupervisionRules): Promise<UnitScore[]> {
  const end = `${year}-12-31`;
  return yearScores(await issuedItems(db), year, rules ?? (await loadRules(db)), asOf < end ? asOf : end);
}
