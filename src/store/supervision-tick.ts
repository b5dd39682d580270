// The daily step of 三单一函: for each working day since the last recorded tick up to today, issue
// the notices due that day (src/workflow/notices.ts), numbered per year and kind without gaps
// (催办〔2026〕12号), each one an audit event, one transaction per day. Idempotent: a day already
// ticked is not ticked again except today (an item issued after this morning's run may owe a notice
// today), and the unique keys of migration 0013 (item, kind, deadline; kind, year, seq) make a
// second writer fail rather than issue twice. Days the server was down are caught up in order,
// each notice dated on its own day. The first tick a store ever runs starts from today.
import type { Kysely } from 'kysely';
import { OPEN_STATES, NOTICE_NUMBER_WORD, type Notice, type NoticeKind } from '../workflow/types.ts';
import type { Clock } from '../calendar/clock.ts';
import type { IsoDate } from '../calendar/index.ts';
import { forgetWorkdays, isWorkday, workdaysAfter } from '../workflow/days.ts';
import { dueNotices, forgetSchedules, noticeNumber } from '../workflow/notices.ts';
import type { SupervisionRules } from '../workflow/rules.ts';
import { recordAudit, type Actor } from './audit.ts';
import type { Database } from './schema.ts';
import { loadItemFacts } from './supervision-facts.ts';
import { loadRules } from './supervision-rules.ts';

export interface TickOptions {
  clock: Clock;
  rules?: SupervisionRules;
  actor?: Actor;
}

export interface TickResult {
  /** The working days this run ticked, in order. */
  days: IsoDate[];
  /** The notices this run issued. */
  notices: Notice[];
}

const SYSTEM: Actor = { name: 'system' };

/** The days a tick today has to run for. */
async function daysToRun(db: Kysely<Database>, today: IsoDate): Promise<IsoDate[]> {
  const last = await db.selectFrom('supervision_ticks').select((eb) => eb.fn.max('day').as('day')).executeTakeFirst();
  const lastDay = (last?.day as string | null | undefined) ?? null;
  if (lastDay === null || lastDay > today) return isWorkday(today) ? [today] : [];
  const days = workdaysAfter(lastDay, today);
  return lastDay === today && isWorkday(today) ? [today] : days;
}

/** The 分管领导 of each unit, from the office's table of leaders. */
async function leaderTable(db: Kysely<Database>): Promise<(unit: string) => string[]> {
  const rows = await db.selectFrom('office_leaders').select(['name', 'title', 'units']).where('active', '=', 1).orderBy('seq').execute();
  const byUnit = new Map<string, string[]>();
  for (const r of rows) {
    for (const u of JSON.parse(r.units) as string[]) byUnit.set(u, [...(byUnit.get(u) ?? []), `${r.title}${r.name}`]);
  }
  return (unit) => byUnit.get(unit) ?? [];
}

export async function runTick(store: { db: Kysely<Database> }, options: TickOptions): Promise<TickResult> {
  const { db } = store;
  forgetWorkdays();
  forgetSchedules();
  const today = options.clock.today();
  const days = await daysToRun(db, today);
  if (days.length === 0) return { days, notices: [] };
  const rules = options.rules ?? (await loadRules(db));
  const leadersOf = await leaderTable(db);
  const actor = options.actor ?? SYSTEM;
  const ids = (
    await db.selectFrom('supervision_items').select('id').where('state', 'in', [...OPEN_STATES]).where('deadline', 'is not', null).where('issued_on', 'is not', null).orderBy('id').execute()
  ).map((r) => r.id);
  const items = await loadItemFacts(db, ids, { reportTexts: false });
  const byId = new Map(items.map((i) => [i.id, i]));
  const issued: Notice[] = [];
  for (const day of days) {
    const now = options.clock.now();
    const dayNotices = await db.transaction().execute(async (trx) => {
      const next = new Map<string, number>();
      const seqFor = async (kind: NoticeKind, year: number) => {
        const key = `${kind}${year}`;
        let seq = next.get(key);
        if (seq === undefined) {
          const row = await trx.selectFrom('supervision_notices').select((eb) => eb.fn.max('seq').as('seq')).where('kind', '=', kind).where('year', '=', year).executeTakeFirst();
          seq = Number(row?.seq ?? 0);
        }
        next.set(key, seq + 1);
        return seq + 1;
      };
      const out: Notice[] = [];
      for (const item of items) {
        for (const due of dueNotices(item, day, { rules, leadersOf })) {
          const year = Number(day.slice(0, 4));
          const seq = await seqFor(due.kind, year);
          const notice: Notice = { ...due, number: noticeNumber(NOTICE_NUMBER_WORD[due.kind], year, seq) };
          await trx
            .insertInto('supervision_notices')
            .values({ item_id: item.id, kind: due.kind, year, seq, number: notice.number, unit: due.unit, date: day, deadline: due.deadline, copied_to: JSON.stringify(due.copiedTo), issued_at: now.toISOString() })
            .execute();
          await recordAudit(trx, { at: now, actor, action: 'supervision.notice.issue', entity: 'supervision_item', entityId: item.id, after: notice });
          out.push(notice);
        }
      }
      const tick = await trx.selectFrom('supervision_ticks').select('notices').where('day', '=', day).executeTakeFirst();
      if (tick) await trx.updateTable('supervision_ticks').set({ ran_at: now.toISOString(), notices: tick.notices + out.length }).where('day', '=', day).execute();
      else await trx.insertInto('supervision_ticks').values({ day, ran_at: now.toISOString(), notices: out.length }).execute();
      return out;
    });
    // The day's notices are now the items' own: the next day sees them (a 移交函 after its 督办单).
    for (const n of dayNotices) byId.get(n.itemId)!.notices.push(n);
    issued.push(...dayNotices);
  }
  return { days, notices: issued };
}
