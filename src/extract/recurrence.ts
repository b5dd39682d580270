// Concrete due dates of a recurring deadline (每月3日前, 每季度25日前, 每半月 …) for a period, so the
// supervision office can schedule reminders and count late reports.
//
// How a rule becomes dates:
// - a day the text names (每月3日前) is that day of each period; a day the month does not have
//   (每月31日) is the month's last day; a rule without a day (每月报送) is due on the period's last day;
// - 每季度 / 每半年 days fall in the month the rule names (deadline.ts sets it: the quarter's last
//   month unless the text reports on 上季度);
// - 每半月 is due on the 15th and on the last day of each month;
// - 每天 is every calendar day, 每个工作日 every working day; neither is shifted;
// - a due date on a rest day moves to the working day before it by default: offices set "X日前"
//   as the latest day a report reaches them, and nobody receives it on a holiday (`shift: 'after'`
//   gives the legal reading of 《民法典》第二百零三条, `shift: 'none'` the dates as written);
// - a rule that follows an event (每月在自治区反馈数据后次日) has no dates of its own.
// Shifting needs the official calendar: outside its years a CalendarRangeError says so.
import type { Deadline } from '../types.ts';
import {
  addCalendarDays,
  addMonths,
  addWorkingDays,
  daysBetween,
  daysInMonth,
  formatIsoDate,
  isWorkingDay,
  lastDayOfMonth,
  parseIsoDate,
  weekday,
  workingDayOnOrAfter,
  workingDayOnOrBefore,
  type CalendarOptions,
  type IsoDate,
} from '../calendar/index.ts';

export interface ExpandOptions extends CalendarOptions {
  /** Where a due date on a rest day goes: the working day before (default), after, or nowhere. */
  shift?: 'before' | 'after' | 'none';
}

/** More days than this between `from` and `to` is a mistake, not a schedule (about 30 years). */
const MAX_SPAN_DAYS = 11_000;

/**
 * The due dates of `deadline` from `from` to `to` (both included, YYYY-MM-DD), in order. A
 * deadline with one date (date, within-year, relative) gives that date when it falls in the range.
 */
export function expandRecurring(deadline: Deadline, from: IsoDate, to: IsoDate, options: ExpandOptions = {}): IsoDate[] {
  const span = daysBetween(from, to);
  if (span < 0) return [];
  if (span > MAX_SPAN_DAYS) throw new RangeError(`展开区间过长：${from} 至 ${to}`);
  if (deadline.kind !== 'recurring' || deadline.rule === undefined) {
    return deadline.date !== undefined && deadline.date >= from && deadline.date <= to ? [deadline.date] : [];
  }
  const rule = deadline.rule;
  if (rule.event !== undefined) return [];

  const raw: IsoDate[] = [];
  switch (rule.every) {
    case 'day':
    case 'working-day':
      for (let k = 0; k <= span; k++) {
        const d = addCalendarDays(from, k);
        if (rule.every === 'day' || isWorkingDay(d, options)) raw.push(d);
      }
      return raw;
    case 'week': {
      // One week on either side, so a shifted date that lands inside the range is not missed.
      const target = rule.weekday ?? 7;
      for (let k = -7; k <= span + 7; k++) {
        const d = addCalendarDays(from, k);
        if (weekday(d) === target) raw.push(d);
      }
      break;
    }
    default:
      raw.push(...monthlyDates(rule, from, to, options));
  }
  const shifted = raw.map((d) => shiftDate(d, options));
  return [...new Set(shifted)].filter((d) => d >= from && d <= to).sort();
}

type Rule = NonNullable<Deadline['rule']>;

/** Dates of rules counted in months (half-month, month, quarter, half-year, year), a month either side of the range. */
function monthlyDates(rule: Rule, from: IsoDate, to: IsoDate, options: CalendarOptions): IsoDate[] {
  const a = parseIsoDate(from);
  const b = parseIsoDate(to);
  const lastMonth = addMonths(formatIsoDate(b.year, b.month, 1), 1);
  const out: IsoDate[] = [];
  for (let firstDay = addMonths(formatIsoDate(a.year, a.month, 1), -1); firstDay <= lastMonth; firstDay = addMonths(firstDay, 1)) {
    const { year, month } = parseIsoDate(firstDay);
    if (rule.every === 'half-month') {
      out.push(formatIsoDate(year, month, 15), lastDayOfMonth(year, month));
      continue;
    }
    if (!hostsDueDate(rule, month)) continue;
    out.push(dueInMonth(rule, year, month, options));
  }
  return out;
}

/** Whether a month of the year holds the due date of its period. */
function hostsDueDate(rule: Rule, month: number): boolean {
  switch (rule.every) {
    case 'month':
      return true;
    case 'quarter':
      return (month - 1) % 3 === (rule.month ?? 3) - 1;
    case 'half-year':
      return (month - 1) % 6 === (rule.month ?? 6) - 1;
    case 'year':
      return month === (rule.month ?? 12);
    default:
      return false;
  }
}

function dueInMonth(rule: Rule, year: number, month: number, options: CalendarOptions): IsoDate {
  const end = lastDayOfMonth(year, month);
  if (rule.workingDay !== undefined) {
    // The n-th working day of the month: counted from the day before the 1st.
    return addWorkingDays(addCalendarDays(formatIsoDate(year, month, 1), -1), rule.workingDay, options);
  }
  if (rule.day === undefined || rule.day === 'last') return end;
  return formatIsoDate(year, month, Math.min(rule.day, daysInMonth(year, month)));
}

function shiftDate(date: IsoDate, options: ExpandOptions): IsoDate {
  switch (options.shift ?? 'before') {
    case 'none':
      return date;
    case 'after':
      return workingDayOnOrAfter(date, options);
    default:
      return workingDayOnOrBefore(date, options);
  }
}
