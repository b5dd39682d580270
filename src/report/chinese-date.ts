// Dates as official documents write them. GB/T 9704-2012 §7.3.5.3: the 成文日期 is written in Arabic
// numerals with the year in full and no leading zeros (2026年10月8日). Times of instructions and
// readings are shown in Beijing time, whatever zone the instant was stored in.
import { beijingDateTime, instantFrom, isIsoDate, parseIsoDate, type IsoDate } from '../calendar/index.ts';
import { ReportError } from './errors.ts';

/** '2026-10-08' → '2026年10月8日'. */
export function chineseDate(date: IsoDate, field = '日期'): string {
  if (!isIsoDate(date)) throw new ReportError(`${field}应为 YYYY-MM-DD 格式的有效日期：${String(date)}`);
  const { year, month, day } = parseIsoDate(date);
  return `${year}年${month}月${day}日`;
}

/** '2026-10' → '2026年10月'. */
export function chineseMonth(month: string, field = '月份'): string {
  const m = /^(\d{4})-(\d{2})$/.exec(String(month));
  if (m === null || Number(m[2]) < 1 || Number(m[2]) > 12) throw new ReportError(`${field}应为 YYYY-MM 格式：${String(month)}`);
  return `${Number(m[1])}年${Number(m[2])}月`;
}

/** An instant (ISO string with a zone) → '2026年10月8日 09:30', Beijing time. */
export function chineseDateTime(instant: string, field = '时间'): string {
  let stamp: string;
  try {
    stamp = beijingDateTime(instantFrom(instant));
  } catch {
    throw new ReportError(`${field}不是有效的时间：${String(instant)}`);
  }
  return `${chineseDate(stamp.slice(0, 10), field)} ${stamp.slice(11, 16)}`;
}

/** 'YYYY-MM-DD' or an instant → the Chinese form (a day, or a day and a time). */
export function chineseDayOrTime(value: string, field = '时间'): string {
  return isIsoDate(value) ? chineseDate(value, field) : chineseDateTime(value, field);
}
