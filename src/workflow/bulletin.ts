// 月通报 (亮晒比评) of a month, as of its last day: totals, a table per 承办单位 (the leading and
// responsible units; cooperating units are scored but not ranked), 红榜/黑榜 by the rules and the
// overdue items by name. What counts (decisions.md, "Time side of supervision"):
//   办结 — verified done by the day; 按时 — finished (the accepted claim) by the deadline in force;
//   超期 — not done by the day and its deadline before it; 按时办结率 = 按时办结 ÷ (办结 + 超期),
//   none when both are 0; 反馈及时率 = reports on time ÷ reports owed; 得分 — the year's score so far.
import { lastDayOfMonth, parseIsoDate, type IsoDate } from '../calendar/index.ts';
import { reportsDue, type ReportDue } from './cycles.ts';
import { forgetWorkdays, workdaysBetween } from './days.ts';
import type { SupervisionRules } from './rules.ts';
import { completedOn, yearScores } from './scores.ts';
import { leadUnits } from './transitions.ts';
import type { ItemFacts } from './types.ts';

export interface BulletinRow {
  unit: string;
  /** 承办件数 */
  items: number;
  /** 办结数 */
  done: number;
  doneOnTime: number;
  /** 超期数 */
  overdue: number;
  /** 按时办结率 (0–1), null when nothing was due or done. */
  onTimeRate: number | null;
  reportsOwed: number;
  reportsOnTime: number;
  /** 反馈及时率 (0–1), null when no report was owed. */
  reportRate: number | null;
  /** 得分 */
  score: number;
  /** 排名 (1 = best; equal scores share a rank). */
  rank: number;
}

export interface OverdueItem {
  itemId: number;
  text: string;
  units: string[];
  deadline: IsoDate;
  /** Working days past the deadline as of the bulletin's day. */
  workdaysOver: number;
}

export interface Bulletin {
  /** YYYY-MM */
  month: string;
  asOf: IsoDate;
  totals: { items: number; done: number; open: number; overdue: number };
  rows: BulletinRow[];
  red: string[];
  black: string[];
  overdueItems: OverdueItem[];
}

const name = (u: { canonical: string | null; name: string }) => u.canonical ?? u.name;

/** The month's last day: "2026-10" → 2026-10-31. */
export function monthEnd(month: string): IsoDate {
  const { year, month: m } = parseIsoDate(`${month}-01`);
  return lastDayOfMonth(year, m);
}

export function computeBulletin(all: readonly ItemFacts[], month: string, rules: SupervisionRules): Bulletin {
  forgetWorkdays();
  const asOf = monthEnd(month);
  const items = all.filter((i) => i.issuedOn !== null && i.issuedOn <= asOf && !['draft', 'dropped', 'terminated'].includes(i.state));
  const isDone = (i: ItemFacts) => i.doneOn !== null && i.state === 'done' && i.doneOn <= asOf;
  const isOverdue = (i: ItemFacts) => !isDone(i) && i.deadline !== null && i.deadline < asOf;
  const onTime = (i: ItemFacts) => {
    const c = completedOn(i, asOf);
    return c !== null && (i.deadline === null || c <= i.deadline);
  };
  const dues = new Map<ItemFacts, ReportDue[]>();
  const duesOf = (i: ItemFacts) => {
    let list = dues.get(i);
    if (list === undefined) dues.set(i, (list = reportsDue(i, asOf)));
    return list;
  };
  const scores = new Map(yearScores(all, parseIsoDate(asOf).year, rules, asOf, duesOf).map((s) => [s.unit, s.total]));

  const mine = new Map<string, ItemFacts[]>();
  for (const i of items) {
    for (const u of new Set(i.units.filter((u) => u.role !== 'cooperating').map(name))) {
      const list = mine.get(u);
      if (list) list.push(i);
      else mine.set(u, [i]);
    }
  }
  const rows: BulletinRow[] = [...mine].map(([unit, list]) => {
    const done = list.filter(isDone).length;
    const doneOnTime = list.filter(onTime).length;
    const overdue = list.filter(isOverdue).length;
    const owed = list.flatMap(duesOf).filter((r) => r.unit === unit);
    const reportsOnTime = owed.filter((r) => r.status === 'on-time').length;
    return {
      unit,
      items: list.length,
      done,
      doneOnTime,
      overdue,
      onTimeRate: done + overdue === 0 ? null : doneOnTime / (done + overdue),
      reportsOwed: owed.length,
      reportsOnTime,
      reportRate: owed.length === 0 ? null : reportsOnTime / owed.length,
      score: scores.get(unit) ?? rules.scores.base,
      rank: 0,
    };
  });
  rows.sort((a, b) => b.score - a.score || (a.unit < b.unit ? -1 : 1));
  rows.forEach((r, i) => (r.rank = i > 0 && rows[i - 1]!.score === r.score ? rows[i - 1]!.rank : i + 1));
  const rated = rows.filter((r) => r.onTimeRate !== null);
  return {
    month,
    asOf,
    totals: { items: items.length, done: items.filter(isDone).length, open: items.filter((i) => !isDone(i)).length, overdue: items.filter(isOverdue).length },
    rows,
    red: rated.filter((r) => r.onTimeRate! >= rules.lists.red).map((r) => r.unit),
    black: rated.filter((r) => r.onTimeRate! < rules.lists.black).map((r) => r.unit),
    overdueItems: items
      .filter(isOverdue)
      .map((i) => ({ itemId: i.id, text: i.text, units: leadUnits(i.units).map(name), deadline: i.deadline!, workdaysOver: workdaysBetween(i.deadline!, asOf) }))
      .sort((a, b) => (a.deadline < b.deadline ? -1 : a.deadline > b.deadline ? 1 : a.itemId - b.itemId)),
  };
}
