// Dates as Chinese official documents write them: 2023年7月21日, 二〇二三年七月二十一日, 2023.7.21.
import Nzh from 'nzh';
import { daysInMonth, formatIsoDate } from '../calendar/iso-date.ts';

const DIGIT_OF: Record<string, string> = { '〇': '0', '○': '0', '零': '0', '一': '1', '二': '2', '三': '3', '四': '4', '五': '5', '六': '6', '七': '7', '八': '8', '九': '9' };

/** A number written in Arabic digits or Chinese numerals (十二, 二十一); NaN when it is neither. */
export function numberOf(text: string): number {
  const t = text.trim();
  if (/^\d+$/.test(t)) return Number(t);
  if (/^[〇○零一二三四五六七八九十百千两]+$/.test(t)) return Number(Nzh.cn.decodeS(t.replace(/两/g, '二')));
  return Number.NaN;
}

/** A year written digit by digit (二〇二三) or in Arabic digits. */
export function yearOf(text: string): number {
  const t = text.trim();
  if (/^\d{4}$/.test(t)) return Number(t);
  if (/^[〇○零一二三四五六七八九]{4}$/.test(t)) return Number([...t].map((c) => DIGIT_OF[c]).join(''));
  return Number.NaN;
}

/** A date as a document prints it, checked: YYYY-MM-DD, YYYY-MM without a day, null when it cannot be (1900–2200 only). */
export function isoDate(year: number, month: number, day?: number): string | null {
  if (!Number.isInteger(year) || !Number.isInteger(month) || month < 1 || month > 12 || year < 1900 || year > 2200) return null;
  if (day === undefined) return `${year}-${String(month).padStart(2, '0')}`;
  if (!Number.isInteger(day) || day < 1 || day > daysInMonth(year, month)) return null;
  return formatIsoDate(year, month, day);
}

const NUM = '[0-9〇○零一二三四五六七八九十两]';
/** A full date anywhere in a string (spaces already removed). */
export const FULL_DATE = new RegExp(`(\\d{4}|[〇○零一二三四五六七八九]{4})年(${NUM}{1,3})月(${NUM}{1,3})日`);
/** A line that is nothing but a date, possibly in brackets: the 成文日期 line. */
export const DATE_LINE = new RegExp(`^[（(]?${FULL_DATE.source}[）)]?$`);

/** ISO form of the first full date in `text`, or null. */
export function findDate(text: string): { iso: string; index: number; length: number } | null {
  const m = FULL_DATE.exec(text);
  if (!m) return null;
  const iso = isoDate(yearOf(m[1]!), numberOf(m[2]!), numberOf(m[3]!));
  return iso === null ? null : { iso, index: m.index, length: m[0].length };
}

/** A date line (the whole text is one date): its ISO form, or null. */
export function dateLine(text: string): string | null {
  if (!DATE_LINE.test(text)) return null;
  return findDate(text)?.iso ?? null;
}

/** 2023.7.21 / 2023-7-21 / 2023/7/21 as used in tables and slips. */
export function dottedDate(text: string): string | null {
  const m = /^(\d{4})[.\-/](\d{1,2})[.\-/](\d{1,2})$/.exec(text.trim());
  if (!m) return null;
  return isoDate(Number(m[1]), Number(m[2]), Number(m[3]));
}
