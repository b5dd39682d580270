// 考核 scores per unit per year, by the rules' points: every point is an event that names its
// rule, its item (or notice) and its day, so a unit can be shown why it has the score it has.
// Leading units (牵头单位, else 责任单位) earn the lead points; every other unit of the item the
// cooperating points. Terminated items (终止) are out of the assessment.
import { reportsDue, type ReportDue } from './cycles.ts';
import type { SupervisionRules } from './rules.ts';
import { leadUnits } from './transitions.ts';
import { addCalendarDays, type IsoDate } from '../calendar/index.ts';
import type { ItemFacts } from './types.ts';

export type ScoreRule = 'base' | 'done' | 'early' | 'overdue' | 'report-late' | 'report-missed' | 'supervise' | 'transfer';
export const SCORE_RULE_LABELS: Record<ScoreRule, string> = {
  base: '基础分',
  done: '办结',
  early: '提前办结',
  overdue: '超期',
  'report-late': '迟报',
  'report-missed': '漏报',
  supervise: '督办单',
  transfer: '移交函',
};

export interface ScoreEvent {
  unit: string;
  rule: ScoreRule;
  points: number;
  /** The day of the event (the base counts from 1 January). */
  date: IsoDate;
  itemId: number | null;
  /** What the point is for, in words: the item's deadline, the report's due day, the notice's number. */
  detail: string;
}

export interface UnitScore {
  unit: string;
  year: number;
  total: number;
  events: ScoreEvent[];
}

const name = (u: { canonical: string | null; name: string }) => u.canonical ?? u.name;
const inYear = (d: IsoDate | null, year: number): d is IsoDate => d !== null && d.startsWith(`${year}-`);
/** Sums of tenths and halves, kept free of binary fractions. */
export const roundPoints = (n: number) => Math.round(n * 100) / 100;

/** The day an item was finished (the lead unit's claim that the office accepted), as of asOf. */
export function completedOn(item: ItemFacts, asOf: IsoDate): IsoDate | null {
  if (item.state !== 'done' || item.doneOn === null || item.doneOn > asOf) return null;
  return item.claimedOn ?? item.doneOn;
}

/** Each unit's score for `year`, counting what happened up to `asOf` (by default the year's end). */
export function yearScores(
  items: readonly ItemFacts[],
  year: number,
  rules: SupervisionRules,
  asOf: IsoDate = `${year}-12-31`,
  /** The reports each item owed as of asOf (a bulletin passes what it has computed already). */
  duesOf: (item: ItemFacts) => ReportDue[] = (item) => reportsDue(item, asOf),
): UnitScore[] {
  const s = rules.scores;
  const events: ScoreEvent[] = [];
  const units = new Set<string>();
  for (const item of items) {
    if (item.issuedOn === null || item.issuedOn > asOf || item.state === 'terminated' || item.state === 'draft' || item.state === 'dropped') continue;
    const leads = new Set(leadUnits(item.units).map(name));
    const all = [...new Set(item.units.map(name))];
    all.forEach((u) => units.add(u));
    const points = (u: string, lead: number, other: number) => (leads.has(u) ? lead : other);
    const done = completedOn(item, asOf);
    const deadline = item.deadline;
    if (inYear(done, year)) {
      for (const u of all) events.push({ unit: u, rule: 'done', points: points(u, s.doneLead, s.doneCooperating), date: done, itemId: item.id, detail: `${done}办结` });
      if (deadline !== null && done < deadline)
        for (const u of leads) events.push({ unit: u, rule: 'early', points: s.early, date: done, itemId: item.id, detail: `${done}办结，早于时限${deadline}` });
    }
    // 超期 happens the day after the deadline and counts in that day's year: an item due on 31
    // December and not done is overdue in the next year's assessment, not in none.
    const overdueOn = deadline === null ? null : addCalendarDays(deadline, 1);
    if (deadline !== null && inYear(overdueOn, year) && overdueOn <= asOf && (done === null || done > deadline)) {
      for (const u of all) events.push({ unit: u, rule: 'overdue', points: points(u, s.overdueLead, s.overdueCooperating), date: overdueOn, itemId: item.id, detail: done === null ? `时限${deadline}，截至${asOf}未办结` : `时限${deadline}，${done}办结` });
    }
    for (const r of duesOf(item)) {
      if (r.status === 'on-time' || !inYear(r.due, year)) continue;
      const late = r.status === 'late';
      events.push({ unit: r.unit, rule: late ? 'report-late' : 'report-missed', points: late ? s.reportLate : s.reportMissed, date: r.due, itemId: item.id, detail: late ? `${r.due}应报，${r.submittedOn}报送` : `${r.due}应报，未报送` });
    }
    for (const n of item.notices) {
      if (!inYear(n.date, year) || n.date > asOf || (n.kind !== '督办单' && n.kind !== '移交函')) continue;
      const supervise = n.kind === '督办单';
      units.add(n.unit);
      events.push({ unit: n.unit, rule: supervise ? 'supervise' : 'transfer', points: supervise ? s.supervise : s.transfer, date: n.date, itemId: item.id, detail: n.number });
    }
  }
  const byUnit = new Map<string, ScoreEvent[]>([...units].sort().map((u) => [u, [{ unit: u, rule: 'base', points: s.base, date: `${year}-01-01`, itemId: null, detail: `${year}年度基础分` }]]));
  for (const e of events) byUnit.get(e.unit)!.push(e);
  return [...byUnit].map(([unit, list]) => {
    list.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : (a.itemId ?? 0) - (b.itemId ?? 0)));
    return { unit, year, total: roundPoints(list.reduce((t, e) => t + e.points, 0)), events: list };
  });
}
