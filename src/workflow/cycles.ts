// Reporting cycles: the days reports fall due, and which of them were answered on time, late or
// not at all. The leading units report (the lead unit reports for all, issue 11 item 3); a cycle's
// due day counts from the day after 交办 up to the day the item was claimed done (a finished item
// owes no more reports) or the day asked about.
import { addMonths, daysInMonth, formatIsoDate, parseIsoDate, type IsoDate } from '../calendar/index.ts';
import { fromEpochDay } from '../calendar/index.ts';
import { leadUnits } from './transitions.ts';
import type { ItemFacts, ItemReport, ReportCycle } from './types.ts';

/** The due days of a cycle after `from` (exclusive) up to `to` (inclusive), in order. */
export function reportDueDates(cycle: ReportCycle, from: IsoDate, to: IsoDate): IsoDate[] {
  // Items issued together share their cycle's days: a bulletin over thousands computes each once.
  const key = `${JSON.stringify(cycle)}|${from}|${to}`;
  let dates = dueDates.get(key);
  if (dates === undefined) {
    dates = computeDueDates(cycle, from, to);
    if (dueDates.size > 10_000) dueDates.clear();
    dueDates.set(key, dates);
  }
  return [...dates];
}
const dueDates = new Map<string, IsoDate[]>();

function computeDueDates(cycle: ReportCycle, from: IsoDate, to: IsoDate): IsoDate[] {
  if (to <= from) return [];
  if (cycle.kind === 'none') return [];
  if (cycle.kind === 'dates') return [...new Set(cycle.dates)].filter((d) => d > from && d <= to).sort();
  const out: IsoDate[] = [];
  const start = parseIsoDate(from);
  for (let month = formatIsoDate(start.year, start.month, 1); month <= to; month = addMonths(month, 1)) {
    const { year, month: m } = parseIsoDate(month);
    const due = formatIsoDate(year, m, Math.min(cycle.day, daysInMonth(year, m)));
    if (due > from && due <= to) out.push(due);
  }
  return out;
}

export type ReportStatus = 'on-time' | 'late' | 'missed';

export interface ReportDue {
  itemId: number;
  unit: string;
  due: IsoDate;
  status: ReportStatus;
  /** The Beijing day the answering report came in (null when missed). */
  submittedOn: IsoDate | null;
}

/** The Beijing day of a stored instant (an ISO string with its zone); Beijing is UTC+8 all year. */
export function beijingDayOf(instant: string): IsoDate {
  const ms = Date.parse(instant);
  if (!Number.isFinite(ms)) throw new RangeError(`无效的时间：${instant}`);
  return fromEpochDay(Math.floor((ms + 8 * 3_600_000) / 86_400_000));
}
const dayOf = new Map<string, IsoDate>();
const submittedDay = (r: ItemReport) => {
  let day = dayOf.get(r.submittedAt);
  if (day === undefined) dayOf.set(r.submittedAt, (day = beijingDayOf(r.submittedAt)));
  return day;
};

/**
 * Every report an item owed up to `asOf`, per leading unit and due day, with how it was answered.
 * A report answers a due day when it names it (period), or, naming none, when it came in after the
 * previous answer and by this day: on time. A due day with none comes next: the first report after
 * it and by the next due day (by asOf for the last) answers it late — so a unit that reports on
 * the 8th is late every month, rather than missing one month and on time for the rest — and the
 * next due day then needs a report of its own. A due day with no answer at all is missed.
 */
export function reportsDue(item: ItemFacts, asOf: IsoDate): ReportDue[] {
  if (item.issuedOn === null) return [];
  const end = [asOf, item.claimedOn ?? asOf].sort()[0]!;
  // A due day is owed once it has passed: on the day itself the unit may still report.
  const dues = reportDueDates(item.cycle, item.issuedOn, end).filter((d) => d < asOf);
  const out: ReportDue[] = [];
  for (const lead of leadUnits(item.units)) {
    const unit = lead.canonical ?? lead.name;
    const mine = item.reports.filter((r) => r.unit === unit && submittedDay(r) <= asOf);
    const loose = mine.filter((r) => r.period === null).map(submittedDay).sort();
    /** Loose reports on or before this day have answered a due day already. */
    let used = item.issuedOn;
    dues.forEach((due, i) => {
      const next = dues[i + 1] ?? asOf;
      const onTime = loose.find((d) => d > used && d <= due);
      const late = onTime === undefined ? loose.find((d) => d > due && d <= next) : undefined;
      used = onTime !== undefined ? due : (late ?? due);
      const named = mine.filter((r) => r.period === due).map(submittedDay);
      const first = [...named, onTime ?? late].filter((d): d is IsoDate => d !== undefined).sort()[0] ?? null;
      out.push({ itemId: item.id, unit, due, status: first === null ? 'missed' : first <= due ? 'on-time' : 'late', submittedOn: first });
    });
  }
  return out;
}
