// 大事记: a gazette's chronicle → one entry per dated item, in the order printed.
//
// An entry starts with its date ("●7月1日…", "●7月3日—4日…", "1月7日，…" without the bullet); the
// lines after it that carry no date of their own belong to it. The year is printed once, in the
// section's period line (（2023年7月至8月）), or not at all (then the gazette's year is used).
import { daysInMonth } from '../calendar/iso-date.ts';
import { endsSentence, joinWrapped } from '../text/chars.ts';
import { PERIOD_LINE } from '../text/headers.ts';
import type { TextLine } from '../text/lines.ts';
import type { ChronicleEntry, ParseWarning } from '../types.ts';
import { numberOf } from './dates.ts';

const BULLET = /^[●◆■•▲★◇]\s*/;
/** The section heading, possibly with its period: 通辽市人民政府大事记, …大事记（2023年7月至8月）. */
const HEADING = /大事记([（(][^（）()]{0,40}[）)])?$/;
const NUM = '(\\d{1,2}|[一二三四五六七八九十]{1,3})';
const RANGE_SEP = '(?:—{1,2}|–|-|－|~|～|至|到)';
/**
 * A date or range at the start of a line: 7月1日, 7月3日—4日, 7月18—19日, 7月29日—8月2日,
 * 2月28日至3月6日. The first 日 may be left out only when a range follows (7月18—19日).
 */
const DATE_AT_START = new RegExp(`^${NUM}月${NUM}(日)?(?:${RANGE_SEP}(?:${NUM}月)?${NUM}日)?`);
/** What may stand between the date and the entry text. */
const AFTER_DATE = /^[，,、：:\s]+/;
/** A month that falls back by at least this much starts a new year (12月 → 1月); less is a slip in order. */
const YEAR_TURN = 6;

interface DateHead {
  month: number;
  day: number;
  endMonth?: number;
  endDay?: number;
  /** Length of the date in the line's text. */
  length: number;
}

/** The date or range a line starts with, or null. */
function dateAtStart(text: string): DateHead | null {
  const m = DATE_AT_START.exec(text);
  if (!m) return null;
  const ranged = m[5] !== undefined;
  if (!ranged && m[3] === undefined) return null;
  const head: DateHead = { month: numberOf(m[1]!), day: numberOf(m[2]!), length: m[0].length };
  if (ranged) {
    head.endMonth = m[4] !== undefined ? numberOf(m[4]) : head.month;
    head.endDay = numberOf(m[5]!);
  }
  return head;
}

/** A month and day that exist in some year (29 February included: the year is decided later). */
function possible(month: number, day: number): boolean {
  return Number.isInteger(month) && Number.isInteger(day) && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(2000, month);
}

function iso(year: number | null, month: number, day: number): string {
  const md = `${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  // Without a year the date is written the ISO 8601 way for "month and day only".
  return year === null ? `--${md}` : `${year}-${md}`;
}

/**
 * Text to append when joining a line to an entry: a line after a finished sentence is a new item of
 * the same day (kept apart by a line break); text broken mid-sentence joins with nothing, except
 * that two ASCII words keep a space. Only the previous line is looked at, so joining stays linear.
 */
function joinPart(previous: string, after: string): string {
  if (previous === '') return after;
  if (endsSentence(previous)) return `\n${after}`;
  return joinWrapped(previous, after);
}

interface Draft extends DateHead {
  line: number;
  text: string;
  /** The text of the last line joined (decides how the next one joins). */
  last: string;
  /** Years after the first year of the chronicle (a chronicle that runs from December into January). */
  offset: number;
}

function yearOfInput(year: number | null): number | null {
  return year !== null && Number.isInteger(year) && year >= 1900 && year <= 2200 ? year : null;
}

export function readChronicle(lines: readonly TextLine[], year: number | null, warnings: ParseWarning[]): ChronicleEntry[] {
  // The heading and the period line come first; the period line's year is the chronicle's own.
  let first = 0;
  let printedYear: number | null = null;
  while (first < lines.length && first < 3) {
    const t = lines[first]!.text;
    const isHeading = HEADING.test(t) && t.length <= 40 && dateAtStart(t.replace(BULLET, '')) === null;
    if (!isHeading && !PERIOD_LINE.test(t)) break;
    const y = /(\d{4})年/.exec(t);
    if (y && printedYear === null) printedYear = Number(y[1]);
    first++;
  }

  const drafts: Draft[] = [];
  let current: Draft | null = null;
  let prevText = '';
  let prevMonth: number | null = null;
  let offset = 0;

  const append = (text: string) => {
    if (current === null || text === '') return;
    current.text += joinPart(current.last, text);
    current.last = text;
  };

  for (let i = first; i < lines.length; i++) {
    const l = lines[i]!;
    const bullet = BULLET.exec(l.text);
    const body = bullet ? l.text.slice(bullet[0].length) : l.text;
    const head = dateAtStart(body);
    // Without its bullet a date opens an entry only after a finished sentence: "…会议于" / "7月8日召开" is one sentence.
    const opens = head !== null && (bullet !== null || current === null || endsSentence(prevText));
    prevText = l.text;
    if (!opens || head === null) {
      if (bullet !== null) {
        warnings.push({ code: 'chronicle-undated', message: `大事记条目没有可读的日期：${l.text.slice(0, 40)}`, line: l.line });
      }
      if (current === null) {
        warnings.push({ code: 'chronicle-unread', message: `大事记中第一条日期之前的文字：${l.text.slice(0, 40)}`, line: l.line });
      } else append(body);
      continue;
    }
    const endOk = head.endMonth === undefined || possible(head.endMonth, head.endDay!);
    if (!possible(head.month, head.day) || !endOk) {
      warnings.push({ code: 'chronicle-bad-date', message: `大事记日期不存在：${body.slice(0, head.length)}`, line: l.line });
      if (current === null) warnings.push({ code: 'chronicle-unread', message: `大事记中第一条日期之前的文字：${l.text.slice(0, 40)}`, line: l.line });
      else append(body);
      continue;
    }
    if (prevMonth !== null && head.month < prevMonth) {
      if (prevMonth - head.month >= YEAR_TURN) offset++;
      else warnings.push({ code: 'chronicle-order', message: `大事记日期倒序：${head.month}月${head.day}日排在${prevMonth}月之后`, line: l.line });
    }
    prevMonth = head.month;
    current = { ...head, line: l.line, text: '', last: '', offset };
    drafts.push(current);
    append(body.slice(head.length).replace(AFTER_DATE, ''));
  }

  // The period line names the first year. Without it the gazette's year is the year the chronicle
  // ends in: a gazette is printed after the events it records, so a chronicle that turns the year
  // started in the year before.
  const given = yearOfInput(year);
  const base: number | null = printedYear ?? (given !== null ? given - offset : null);
  if (base === null && drafts.length > 0) {
    warnings.push({ code: 'chronicle-no-year', message: '大事记没有注明年份，日期只写月日（--MM-DD）', line: drafts[0]!.line });
  }

  const out: ChronicleEntry[] = [];
  for (const d of drafts) {
    const y = base === null ? null : base + d.offset;
    // 29 February exists only in leap years; with the year known the date can be checked.
    if (y !== null && d.day > daysInMonth(y, d.month)) {
      warnings.push({ code: 'chronicle-bad-date', message: `大事记日期不存在：${y}年${d.month}月${d.day}日`, line: d.line });
    }
    let endDate: string | undefined;
    if (d.endMonth !== undefined && d.endDay !== undefined) {
      // A range that runs from December into January ends in the next year (12月30日—1月2日).
      const endYear = y === null ? null : d.endMonth < d.month ? y + 1 : y;
      if (d.endMonth === d.month && d.endDay <= d.day) {
        warnings.push({ code: 'chronicle-bad-date', message: `大事记日期范围的结束日不在开始日之后：${d.month}月${d.day}日—${d.endDay}日`, line: d.line });
      } else endDate = iso(endYear, d.endMonth, d.endDay);
    }
    const date = iso(y, d.month, d.day);
    out.push(endDate === undefined ? { date, text: d.text, line: d.line } : { date, endDate, text: d.text, line: d.line });
  }
  return out;
}
