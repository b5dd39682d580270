// 考核 and the 月通报 as documents: a year's scores with every point traced to its event (the API's
// Scores view and the .xlsx through scoresXlsx), and a month's bulletin as the .docx through
// bulletinDocx — the published snapshot, or a preview computed now. Read only.
import type { IsoDate } from '../calendar/index.ts';
import type { Scores } from '../api/supervision-office.ts';
import { bulletinDocx } from '../report/bulletin-docx.ts';
import { ReportError } from '../report/errors.ts';
import { scoresXlsx } from '../report/supervision-xlsx.ts';
import { beijingDayOf } from '../workflow/cycles.ts';
import { SupervisionError } from '../workflow/errors.ts';
import { roundPoints, SCORE_RULE_LABELS } from '../workflow/scores.ts';
import type { Db } from './supervision/common.ts';
import { monthBulletin, scoresOfYear } from './supervision-bulletin.ts';
import { loadRules } from './supervision-rules.ts';

/** The report layer's own checks answer 400 in Chinese, as the store's do. */
async function reporting<T>(make: () => Promise<T>): Promise<T> {
  try {
    return await make();
  } catch (e) {
    if (e instanceof ReportError) throw new SupervisionError(e.message, 400);
    throw e;
  }
}

/** The year's scores as of today (the year's end once it is over), ranked: equal totals share a rank. */
export async function scoresView(db: Db, year: number, today: IsoDate): Promise<Scores> {
  const rules = await loadRules(db);
  const end = `${year}-12-31`;
  const asOf = today < end ? today : end;
  if (asOf < `${year}-01-01`) throw new SupervisionError(`${year}年度尚未开始，暂无考核得分`, 400);
  const scores = await scoresOfYear(db, year, asOf, rules);
  const ids = [...new Set(scores.flatMap((s) => s.events.map((e) => e.itemId).filter((id): id is number => id !== null)))];
  const texts = new Map(
    ids.length === 0 ? [] : (await db.selectFrom('supervision_items').select(['id', 'text']).where('id', 'in', ids).execute()).map((r) => [r.id, r.text] as const),
  );
  const units = scores.map((s) => {
    const sum = (keep: (p: number) => boolean) => roundPoints(s.events.filter((e) => e.rule !== 'base' && keep(e.points)).reduce((t, e) => t + e.points, 0));
    return {
      unit: s.unit,
      rank: 0,
      total: s.total,
      plus: sum((p) => p > 0),
      minus: sum((p) => p < 0),
      events: s.events.map((e) => ({ rule: e.rule, label: SCORE_RULE_LABELS[e.rule], points: e.points, date: e.date, itemId: e.itemId, itemText: e.itemId === null ? null : (texts.get(e.itemId) ?? null), detail: e.detail })),
    };
  });
  units.sort((a, b) => b.total - a.total || a.unit.localeCompare(b.unit, 'zh'));
  units.forEach((u, k) => (u.rank = k > 0 && units[k - 1]!.total === u.total ? units[k - 1]!.rank : k + 1));
  return { year, asOf, base: rules.scores.base, units };
}

/** The 考核 workbook: the summary and every point but the base, each with its reason. */
export async function scoresWorkbook(db: Db, year: number, today: IsoDate): Promise<Buffer> {
  const view = await scoresView(db, year, today);
  return reporting(() =>
    scoresXlsx({
      year,
      base: view.base,
      units: view.units.map((u) => ({
        unit: u.unit,
        points: u.events.filter((e) => e.rule !== 'base').map((e) => ({ on: e.date, item: e.itemText ?? '', reason: `${e.label}：${e.detail}`, points: e.points })),
      })),
    }),
  );
}

const pct = (share: number) => `${Math.round(share * 1000) / 10}%`;

/**
 * The month's bulletin as .docx. Published: its number and day. A preview carries the number it
 * would get if published now (the year's next) and today's date, and says 预览 in its name.
 */
export async function bulletinDocument(db: Db, month: string, today: IsoDate, office: string): Promise<{ buffer: Buffer; name: string }> {
  const b = await monthBulletin(db, month);
  const lists = (await loadRules(db)).lists;
  let issue = b.seq;
  if (issue === null) {
    const last = await db.selectFrom('supervision_bulletins').select((eb) => eb.fn.max('seq').as('seq')).where('year', '=', b.year).executeTakeFirst();
    issue = Number(last?.seq ?? 0) + 1;
  }
  const date = b.publishedAt === null ? today : beijingDayOf(b.publishedAt);
  const ids = b.overdueItems.map((i) => i.itemId);
  const seqs = new Map(ids.length === 0 ? [] : (await db.selectFrom('supervision_items').select(['id', 'seq']).where('id', 'in', ids).execute()).map((r) => [r.id, r.seq] as const));
  const buffer = await reporting(() =>
    bulletinDocx({
      office,
      issue: issue!,
      month,
      asOf: b.asOf,
      date,
      totals: { total: b.totals.items, done: b.totals.done, working: b.totals.open, overdue: b.totals.overdue },
      units: b.rows.map((r) => ({ unit: r.unit, assigned: r.items, done: r.done, overdue: r.overdue, onTimeRate: r.onTimeRate, feedbackRate: r.reportRate, score: r.score, rank: r.rank })),
      redList: b.red,
      blackList: b.black,
      redRule: `按时办结率不低于${pct(lists.red)}`,
      blackRule: `按时办结率低于${pct(lists.black)}`,
      overdueItems: b.overdueItems.map((i) => ({ ref: String(seqs.get(i.itemId) ?? i.itemId), text: i.text, lead: i.units.join('、'), deadline: i.deadline, overdueWorkingDays: i.workdaysOver })),
      to: '各承办单位',
    }),
  );
  return { buffer, name: b.number === null ? `督查通报-${month}-预览.docx` : `${b.number}.docx` };
}
