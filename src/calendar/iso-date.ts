// Calendar days written 'YYYY-MM-DD': reading, writing and arithmetic, one implementation of each.
//
// A day is a label, not an instant, so nothing here builds a Date: days are counted as integers
// (days since 1970-01-01 in the proleptic Gregorian calendar, Howard Hinnant's civil-date
// algorithms). The answers cannot depend on the machine's time zone, and there is no local
// midnight to get wrong. Which day it is *now* is the clock's business (clock.ts, Beijing time).
//
// Invalid input is an error, not a guess: RangeError with a Chinese message.

/** A calendar date written YYYY-MM-DD (no time, no zone). */
export type IsoDate = string;

export interface Ymd {
  year: number;
  month: number;
  day: number;
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;

/** Days in a month: daysInMonth(2024, 2) → 29. */
export function daysInMonth(year: number, month: number): number {
  if (!Number.isInteger(year)) throw new RangeError(`年份应为整数：${year}`);
  if (!Number.isInteger(month) || month < 1 || month > 12) throw new RangeError(`月份应为 1—12：${month}`);
  return month === 2 && isLeapYear(year) ? 29 : MONTH_DAYS[month - 1]!;
}

export function formatIsoDate(year: number, month: number, day: number): IsoDate {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

const SHAPE = /^\d{4}-\d{2}-\d{2}$/;

/** Reads a YYYY-MM-DD date and checks that it exists (2023-02-29 does not). */
export function parseIsoDate(date: IsoDate): Ymd {
  if (typeof date !== 'string' || !SHAPE.test(date)) throw new RangeError(`日期格式应为 YYYY-MM-DD：${String(date)}`);
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  const day = Number(date.slice(8, 10));
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) throw new RangeError(`不存在的日期：${date}`);
  return { year, month, day };
}

/** True for a YYYY-MM-DD string naming a day that exists. */
export function isIsoDate(value: unknown): value is IsoDate {
  if (typeof value !== 'string' || !SHAPE.test(value)) return false;
  const month = Number(value.slice(5, 7));
  const day = Number(value.slice(8, 10));
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(Number(value.slice(0, 4)), month);
}

/** The last day of a month: lastDayOfMonth(2024, 2) → '2024-02-29'. */
export function lastDayOfMonth(year: number, month: number): IsoDate {
  return formatIsoDate(year, month, daysInMonth(year, month));
}

/** Days from 1970-01-01 to a (year, month, day) that exists. */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

/** The (year, month, day) of a day number (the inverse of daysFromCivil). */
function civilFromDays(n: number): Ymd {
  const z = n + 719_468;
  const era = Math.floor(z / 146_097);
  const dayOfEra = z - era * 146_097;
  const yearOfEra = Math.floor((dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36_524) - Math.floor(dayOfEra / 146_096)) / 365);
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const mp = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

/** The day number of a date: days since 1970-01-01 (negative before it). */
export function toEpochDay(date: IsoDate): number {
  const { year, month, day } = parseIsoDate(date);
  return daysFromCivil(year, month, day);
}

/** The date of a day number (days since 1970-01-01). */
export function fromEpochDay(n: number): IsoDate {
  if (!Number.isInteger(n)) throw new RangeError(`天数应为整数：${n}`);
  const { year, month, day } = civilFromDays(n);
  return formatIsoDate(year, month, day);
}

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export function weekday(date: IsoDate): number {
  // 1970-01-01 was a Thursday (4).
  return ((((toEpochDay(date) + 3) % 7) + 7) % 7) + 1;
}

/** Days from `a` to `b` (negative when b is earlier). */
export function daysBetween(a: IsoDate, b: IsoDate): number {
  return toEpochDay(b) - toEpochDay(a);
}

export function addCalendarDays(date: IsoDate, n: number): IsoDate {
  if (!Number.isInteger(n)) throw new RangeError(`天数应为整数：${n}`);
  return fromEpochDay(toEpochDay(date) + n);
}

/**
 * Months later, the way 《民法典》第二百零二条 counts a period in months: the same day of the
 * month it ends in, or that month's last day when it has no such day (01-31 + 1 month → 02-28/29).
 */
export function addMonths(date: IsoDate, n: number): IsoDate {
  if (!Number.isInteger(n)) throw new RangeError(`月数应为整数：${n}`);
  const { year, month, day } = parseIsoDate(date);
  const index = year * 12 + (month - 1) + n;
  const y = Math.floor(index / 12);
  const m = index - y * 12 + 1;
  return formatIsoDate(y, m, Math.min(day, daysInMonth(y, m)));
}
