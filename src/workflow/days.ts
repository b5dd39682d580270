// Working days for the supervision core: the official calendar (src/calendar), which goes on past
// the years whose arrangement is known with the holidays computed from the 办法 (provisional.ts).
// Only a day before the calendar's data is counted Monday–Friday. Provisional dates are marked as
// such by `isProvisional`; when an administrator's import makes a year official, the official
// answer wins.
import { calendarGeneration, fromEpochDay, isCovered, isWorkingDay, toEpochDay, type IsoDate } from '../calendar/index.ts';

/** The calendar's generation the remembered answers were computed under: an import makes them stale. */
let memoGeneration = calendarGeneration();
function fresh(): void {
  if (memoGeneration === calendarGeneration()) return;
  memoGeneration = calendarGeneration();
  memo.clear();
  spans.clear();
}

/** True when the day is a working day (official, or provisional outside the known years). */
export function isWorkday(date: IsoDate): boolean {
  // Ticks and bulletins ask about the same few hundred days for thousands of items: remember them.
  fresh();
  let known = memo.get(date);
  if (known === undefined) {
    known = isWorkingDay(date, { outside: 'weekends' });
    memo.set(date, known);
  }
  return known;
}
const memo = new Map<IsoDate, boolean>();

/** True when the day's answer is provisional (its year's arrangement is not known yet). */
export function isProvisional(date: IsoDate): boolean {
  return !isCovered(date);
}

/** The n-th working day after `start` (n < 0: before it); the start day itself never counts. */
export function addWorkdays(start: IsoDate, n: number): IsoDate {
  const step = n < 0 ? -1 : 1;
  let remaining = Math.abs(n);
  let day = toEpochDay(start);
  while (remaining > 0) {
    day += step;
    if (isWorkday(fromEpochDay(day))) remaining--;
  }
  return fromEpochDay(day);
}

/** Working days after `from` up to and including `to` (0 when to <= from). */
export function workdaysBetween(from: IsoDate, to: IsoDate): number {
  fresh();
  const key = `${from}|${to}`;
  let count = spans.get(key);
  if (count === undefined) {
    count = 0;
    for (let d = toEpochDay(from) + 1, end = toEpochDay(to); d <= end; d++) if (isWorkday(fromEpochDay(d))) count++;
    if (spans.size > 50_000) spans.clear();
    spans.set(key, count);
  }
  return count;
}
/** Bulletins count the same spans (a deadline to the month's end) for many items. */
const spans = new Map<string, number>();

/** The working days after `from` (exclusive) up to `to` (inclusive), in order. */
export function workdaysAfter(from: IsoDate, to: IsoDate): IsoDate[] {
  const out: IsoDate[] = [];
  for (let d = toEpochDay(from) + 1, end = toEpochDay(to); d <= end; d++) {
    const day = fromEpochDay(d);
    if (isWorkday(day)) out.push(day);
  }
  return out;
}

/**
 * Forgets the remembered answers: the calendar can learn a year while the server runs (an
 * administrator imports the State Council's arrangement), so each tick and bulletin starts afresh.
 */
export function forgetWorkdays(): void {
  memo.clear();
  spans.clear();
}
