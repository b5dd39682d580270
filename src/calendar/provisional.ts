// The statutory holidays of a year computed from 《全国年节及纪念日放假办法》 (as amended in 2024,
// in force 2025): 元旦 1 day, 春节 4 days (农历除夕、正月初一至初三), 清明 1 day (the solar term),
// 劳动节 2 days (5月1日、2日), 端午 1 day, 中秋 1 day, 国庆 3 days (10月1日至3日).
//
// This is the *provisional* calendar for a year whose State Council notice is not yet known.
// A holiday day that falls on a Saturday or Sunday is compensated (补假) on the first working day
// after the holiday, as the 办法 says (第六条). No 调休 Saturdays are invented: which weekends become
// working days is decided only by the notice, so a provisional year has none (docs/decisions.md).
// Lunar dates and 清明 come from tyme4ts.
import { LunarDay, SolarTerm } from 'tyme4ts';
import { addCalendarDays, formatIsoDate, weekday, type IsoDate } from './iso-date.ts';

export interface ProvisionalDay {
  date: IsoDate;
  /** The holiday the day belongs to: 元旦, 春节 … */
  name: string;
  /** 'statutory' for the day itself, 'compensation' for a 补假 day after a weekend holiday day. */
  kind: 'statutory' | 'compensation';
}

function solar(day: { getYear(): number; getMonth(): number; getDay(): number }): IsoDate {
  return formatIsoDate(day.getYear(), day.getMonth(), day.getDay());
}

function run(first: IsoDate, n: number): IsoDate[] {
  return Array.from({ length: n }, (_, i) => addCalendarDays(first, i));
}

/** The statutory days of each holiday of the year, before compensation. */
export function statutoryHolidays(year: number): { name: string; days: IsoDate[] }[] {
  if (!Number.isInteger(year) || year < 1901 || year > 9999) throw new RangeError(`年份无效：${year}`);
  const newYearsEve = solar(LunarDay.fromYmd(year, 1, 1).getSolarDay().next(-1));
  return [
    { name: '元旦', days: [formatIsoDate(year, 1, 1)] },
    { name: '春节', days: run(newYearsEve, 4) },
    { name: '清明节', days: [solar(SolarTerm.fromName(year, '清明').getJulianDay().getSolarDay())] },
    { name: '劳动节', days: run(formatIsoDate(year, 5, 1), 2) },
    { name: '端午节', days: [solar(LunarDay.fromYmd(year, 5, 5).getSolarDay())] },
    { name: '中秋节', days: [solar(LunarDay.fromYmd(year, 8, 15).getSolarDay())] },
    { name: '国庆节', days: run(formatIsoDate(year, 10, 1), 3) },
  ];
}

const isWeekend = (d: IsoDate) => weekday(d) >= 6;

/**
 * The rest days of the year's holidays with 补假: each statutory day on a weekend adds one rest day
 * on the next weekday after the holiday that is not already a rest day. Sorted by date. A 春节 that
 * begins in late January of `year` is counted in `year`, as the 办法 counts by 农历 year start.
 */
export function provisionalHolidays(year: number): ProvisionalDay[] {
  const taken = new Map<IsoDate, ProvisionalDay>();
  const holidays = statutoryHolidays(year);
  for (const h of holidays) for (const date of h.days) taken.set(date, { date, name: h.name, kind: 'statutory' });
  for (const h of holidays) {
    let owed = h.days.filter(isWeekend).length;
    let day = h.days[h.days.length - 1]!;
    while (owed > 0) {
      day = addCalendarDays(day, 1);
      if (isWeekend(day) || taken.has(day)) continue;
      taken.set(day, { date: day, name: h.name, kind: 'compensation' });
      owed--;
    }
  }
  return [...taken.values()].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}
