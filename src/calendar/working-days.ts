// The official calendar (法定节假日 and 调休): which days are working days, counted on
// 'YYYY-MM-DD' strings (the arithmetic itself is iso-date.ts).
//
// The holiday data is chinese-days' own JSON export (dist/chinese-days.json, built by the library
// from the State Council's yearly notices). We read that data rather than call the library's
// isWorkday: the library takes the weekday from the *local* time zone after parsing the string as
// UTC, so on a machine west of Greenwich it calls Monday 2024-02-05 a rest day. Here every date is a
// calendar date computed in UTC, so the answer does not depend on where the server runs.
//
// A year the data does not cover has no known arrangement yet (the notice for year Y appears in
// November of Y-1). Guessing "weekends only" there would be silently wrong around every holiday,
// so such dates raise CalendarRangeError unless the caller asks for the weekend fallback explicitly.
//
// Over both lies what an administrator imported from the State Council's notice (holiday-notice.ts,
// stored by src/store/calendar.ts): an imported year is official, and it wins over the computed
// year and over the package's data alike — the notice is the source the package itself is built
// from, and a later notice (a correction, an extra day off) must be able to change a year the
// package already holds (docs/decisions.md). The process has one calendar: the store installs the
// imported arrangements when it opens and again after each import (useImportedArrangements), and
// every answer below reads them; `calendarGeneration()` changes with them, so that callers that
// remember answers (src/workflow/days.ts) know to forget.
import data from 'chinese-days/dist/chinese-days.json' with { type: 'json' };
import { fromEpochDay, parseIsoDate, toEpochDay, weekday, type IsoDate } from './iso-date.ts';
import type { HolidayArrangement } from './holiday-notice.ts';
import { provisionalHolidays } from './provisional.ts';

interface HolidayData {
  /** Rest days of an official holiday (weekends inside the holiday included): date → "English,中文,天数". */
  holidays: Record<string, string>;
  /** Weekend days that are working days (调休上班): date → the holiday they make up for. */
  workdays: Record<string, string>;
}

const HOLIDAYS = (data as HolidayData).holidays;
const MAKEUP_WORKDAYS = (data as HolidayData).workdays;

/** The first and last year whose holiday arrangement the data holds. */
const COVERED = (() => {
  let first = Infinity;
  let last = -Infinity;
  for (const key of Object.keys(HOLIDAYS)) {
    const year = Number(key.slice(0, 4));
    if (year < first) first = year;
    if (year > last) last = year;
  }
  return { first, last };
})();

/** A date outside the years whose holiday arrangement is known. */
export class CalendarRangeError extends RangeError {
  readonly date: IsoDate;
  constructor(date: IsoDate) {
    super(`${date} 超出节假日安排的收录范围（${COVERED.first}—${COVERED.last}年），无法判断是否为工作日`);
    this.name = 'CalendarRangeError';
    this.date = date;
  }
}

export interface CalendarOptions {
  /**
   * What to do with a date whose year's arrangement is not known: 'error' (the default) throws
   * CalendarRangeError; 'weekends' treats Monday–Friday as working days, which is right except
   * around holidays — for callers that mark such results as provisional.
   */
  outside?: 'error' | 'weekends';
}

export function calendarCoverage(): { from: IsoDate; to: IsoDate } {
  return { from: `${COVERED.first}-01-01`, to: `${COVERED.last}-12-31` };
}

/** What the imported notices say of a day: a rest day of a holiday, or a 调休 working day. */
interface ImportedDay {
  work: boolean;
  name: string;
}
let importedDays = new Map<IsoDate, ImportedDay>();
let importedYears = new Set<number>();
let generation = 0;

/**
 * Installs the imported arrangements in force (one per year; the store's current ones), replacing
 * whatever was installed before. A day listed by a notice answers from the notice; any other day of
 * an imported year is a working day when it is Monday–Friday.
 */
export function useImportedArrangements(arrangements: readonly HolidayArrangement[]): void {
  const days = new Map<IsoDate, ImportedDay>();
  const years = new Set<number>();
  for (const a of [...arrangements].sort((x, y) => x.year - y.year)) {
    years.add(a.year);
    for (const h of a.holidays) for (const date of h.days) days.set(date, { work: false, name: h.name });
    for (const w of a.workdays) days.set(w.date, { work: true, name: w.name });
  }
  importedDays = days;
  importedYears = years;
  generation++;
}

/** Changes each time the imported arrangements change: remembered working-day answers are stale. */
export function calendarGeneration(): number {
  return generation;
}

/** Where a year's holidays come from: an imported notice, the package's data, or the 办法 (provisional). */
export type YearSource = 'imported' | 'official' | 'provisional';

export function yearSource(year: number): YearSource {
  if (importedYears.has(year)) return 'imported';
  if (year >= COVERED.first && year <= COVERED.last) return 'official';
  return 'provisional';
}

export interface CalendarYear {
  year: number;
  source: YearSource;
  /** Each holiday's rest days, in the order of the year. */
  holidays: { name: string; days: IsoDate[] }[];
  /** The 调休 weekend days that are working days. */
  workdays: { date: IsoDate; name: string }[];
}

function grouped(entries: [IsoDate, string][]): { name: string; days: IsoDate[] }[] {
  const out: { name: string; days: IsoDate[] }[] = [];
  for (const [date, name] of entries.sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    const last = out[out.length - 1];
    if (last && last.name === name) last.days.push(date);
    else out.push({ name, days: [date] });
  }
  return out;
}

/** The holidays and 调休 working days of a year, from whichever source is in force for it. */
export function calendarYear(year: number): CalendarYear {
  const source = yearSource(year);
  const prefix = `${String(year).padStart(4, '0')}-`;
  const inYear = <T,>(entries: [IsoDate, T][]) => entries.filter(([d]) => d.startsWith(prefix));
  if (source === 'imported') {
    const days = inYear([...importedDays.entries()]);
    return {
      year,
      source,
      holidays: grouped(days.filter(([, d]) => !d.work).map(([date, d]) => [date, d.name])),
      workdays: days.filter(([, d]) => d.work).map(([date, d]) => ({ date, name: d.name })).sort((a, b) => (a.date < b.date ? -1 : 1)),
    };
  }
  if (source === 'official') {
    const name = (entry: string) => entry.split(',')[1] ?? entry;
    return {
      year,
      source,
      holidays: grouped(inYear(Object.entries(HOLIDAYS)).map(([d, e]) => [d, name(e)])),
      workdays: inYear(Object.entries(MAKEUP_WORKDAYS)).map(([date, e]) => ({ date, name: name(e) })).sort((a, b) => (a.date < b.date ? -1 : 1)),
    };
  }
  return { year, source, holidays: grouped(inYear([...provisionalYear(year).entries()])), workdays: [] };
}

// Years after the data are computed from the 办法 (provisional.ts) and marked provisional: the
// calendar must go on past the last notice the data holds. Years before it stay an error.
const provisionalCache = new Map<number, Map<IsoDate, string>>();
function provisionalYear(year: number): Map<IsoDate, string> {
  let days = provisionalCache.get(year);
  if (days === undefined) {
    days = new Map(provisionalHolidays(year).map((d) => [d.date, d.name]));
    provisionalCache.set(year, days);
  }
  return days;
}

/** True when the year's holidays are computed, not taken from an official arrangement. */
export function isProvisionalYear(year: number): boolean {
  return year > COVERED.last && !importedYears.has(year);
}

/** True when the official arrangement for the date's year is known. */
export function isCovered(date: IsoDate): boolean {
  const { year } = parseIsoDate(date);
  return importedYears.has(year) || (year >= COVERED.first && year <= COVERED.last);
}

/** True on a working day of the official calendar: Monday–Friday that is no holiday, or a 调休 weekend day. */
export function isWorkingDay(date: IsoDate, options: CalendarOptions = {}): boolean {
  const { year } = parseIsoDate(date);
  const imported = importedDays.get(date);
  if (imported !== undefined) return imported.work;
  if (importedYears.has(year)) return weekday(date) <= 5;
  if (year > COVERED.last) return weekday(date) <= 5 && !provisionalYear(year).has(date);
  if (year < COVERED.first) {
    if (options.outside !== 'weekends') throw new CalendarRangeError(date);
    return weekday(date) <= 5;
  }
  if (MAKEUP_WORKDAYS[date] !== undefined) return true;
  return weekday(date) <= 5 && HOLIDAYS[date] === undefined;
}

/** The official holiday a date belongs to (春节, 国庆节 …), or null; a 调休 working day names the holiday it serves. */
export function holidayName(date: IsoDate): string | null {
  const { year } = parseIsoDate(date);
  const imported = importedDays.get(date);
  if (imported !== undefined) return imported.name;
  if (importedYears.has(year)) return null;
  if (year > COVERED.last) return provisionalYear(year).get(date) ?? null;
  const entry = HOLIDAYS[date] ?? MAKEUP_WORKDAYS[date];
  if (entry === undefined) return null;
  // "Spring Festival,春节,4": the Chinese name is the second field.
  return entry.split(',')[1] ?? entry;
}

/**
 * The n-th working day after `start`: the start day itself is never counted, the first day that
 * can count is the day after it (《民法典》第二百零一条: 开始的当日不计入). So a notice issued on a
 * Friday with "5个工作日内" is due on the following Friday, and 0 gives `start` unchanged. A
 * negative n counts back (the n-th working day before start), for reminders ahead of a due date.
 */
export function addWorkingDays(start: IsoDate, n: number, options: CalendarOptions = {}): IsoDate {
  if (!Number.isInteger(n)) throw new RangeError(`工作日数应为整数：${n}`);
  const step = n < 0 ? -1 : 1;
  let remaining = Math.abs(n);
  let day = toEpochDay(start);
  while (remaining > 0) {
    day += step;
    if (isWorkingDay(fromEpochDay(day), options)) remaining--;
  }
  return fromEpochDay(day);
}

/** The date itself when it is a working day, else the last working day before it. */
export function workingDayOnOrBefore(date: IsoDate, options: CalendarOptions = {}): IsoDate {
  let day = toEpochDay(date);
  while (!isWorkingDay(fromEpochDay(day), options)) day--;
  return fromEpochDay(day);
}

/** The date itself when it is a working day, else the first working day after it. */
export function workingDayOnOrAfter(date: IsoDate, options: CalendarOptions = {}): IsoDate {
  let day = toEpochDay(date);
  while (!isWorkingDay(fromEpochDay(day), options)) day++;
  return fromEpochDay(day);
}
