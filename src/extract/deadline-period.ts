// Relative deadlines: 5个工作日内, 3日内, 收到通知后10个工作日内, 60日内，可延长60日, 一年内.
//
// The length and unit are read as written; the last day is counted from the document's date, the
// only start the system knows (an event the text names instead is kept in `from`). Every reader
// looks at a bounded window around its position.
import type { Deadline } from '../types.ts';
import { addCalendarDays, addMonths, addWorkingDays, CalendarRangeError, workingDayOnOrAfter } from '../calendar/index.ts';
import { describesNoun } from './deadline-words.ts';
import { clauseStart, indexWithin, isSentenceBreak, longestFirst, readNumber, wordAt, wordBefore } from './numerals.ts';

type RelativeUnit = NonNullable<Deadline['unit']>;

/** Words before a period that look back (近三年内, 签订合同前一年内): a window in the past, not a deadline. */
const LOOK_BACK = longestFirst(['过去', '最近', '近', '前']);
const RELATIVE_UNITS: readonly (readonly [string, RelativeUnit])[] = [
  ['个工作日', 'working-day'], ['工作日', 'working-day'], ['个自然日', 'day'], ['自然日', 'day'], ['个小时', 'hour'], ['小时', 'hour'],
  ['个星期', 'week'], ['个月', 'month'], ['星期', 'week'], ['天', 'day'], ['日', 'day'], ['周', 'week'], ['年', 'year'],
];
const WITHIN = longestFirst(['以内', '之内', '内']);
/** Ends of the text before a period that name the event it runs from (收到通知后, 自…之日起). */
const FROM_ENDS = longestFirst(['之日起', '日起', '之后', '以后', '起', '后']);

export interface PeriodRead {
  deadline: Omit<Deadline, 'text'>;
  start: number;
  end: number;
}

/**
 * The period that starts with the number at `i` (or 半): its length, unit, the event it runs from,
 * an extension, and its last day counted from `issued` when that is known.
 */
export function readPeriod(t: string, i: number, issued: string | null): PeriodRead | null {
  let amount: number;
  let p: number;
  let unit: RelativeUnit | null = null;
  if (t[i] === '半') {
    // 半个月内 → 15 days, 半年内 → 6 months.
    const w = wordAt(t, i + 1, ['个月', '月', '年']);
    if (w === null) return null;
    [amount, unit] = w === '年' ? [6, 'month'] : [15, 'day'];
    p = i + 1 + w.length;
  } else {
    const n = readNumber(t, i);
    if (n === null || n.value <= 0 || n.value > 1000 || !Number.isInteger(n.value)) return null;
    amount = n.value;
    p = n.end;
    for (const [word, u] of RELATIVE_UNITS) {
      if (t.startsWith(word, p)) {
        unit = u;
        p += word.length;
        break;
      }
    }
    if (unit === null) return null;
  }
  const within = wordAt(t, p, WITHIN);
  if (within === null) return null;
  let end = p + within.length;
  // 近三年内, 签订合同前一年内: a window in the past.
  if (wordBefore(t, i, LOOK_BACK) !== null) return null;
  if (describesNoun(t, end)) return null;

  const deadline: Omit<Deadline, 'text'> = { kind: 'relative', amount, unit };
  let start = i;
  const from = eventBefore(t, i);
  if (from !== null) {
    deadline.from = from.event;
    start = from.start;
  }
  const ext = extensionAfter(t, end, amount, unit);
  if (ext !== null) {
    deadline.extension = ext.extension;
    // The text takes the extension only when it follows at once (60日内，可延长60日), not across a clause.
    if (ext.at - end <= 2) end = ext.end;
  }
  const dated = relativeDate(issued, amount, unit);
  if (dated.date !== undefined) deadline.date = dated.date;
  const notes = [dated.note, from !== null && dated.date !== undefined ? `按成文日期起算，实际应自“${from.event}”起算` : undefined].filter((x): x is string => x !== undefined);
  if (notes.length > 0) deadline.uncertain = notes.join('；');
  return { deadline, start, end };
}

/** The event a period runs from, when the clause says so just before it: 自收到调查报告之日起, 收到通知后. */
function eventBefore(t: string, i: number): { event: string; start: number } | null {
  const end = wordBefore(t, i, FROM_ENDS);
  if (end === null) return null;
  const stop = i - end.length;
  const start = clauseStart(t, stop, 30);
  const clause = t.slice(start, stop);
  // The event starts after 自/从, or after the modal that introduces the period (调查组应在…之日起).
  let cut = Math.max(clause.lastIndexOf('自'), clause.lastIndexOf('从'));
  let width = 1;
  if (cut < 0) {
    for (const m of EVENT_LEADS) {
      const k = clause.lastIndexOf(m);
      if (k >= 0 && (m.length > 1 || k === 0) && k + m.length > cut + width) [cut, width] = [k, m.length];
    }
  }
  const event = cut < 0 ? clause : clause.slice(cut + width);
  if (event === '') return null;
  return { event, start: cut < 0 ? start : start + cut + width };
}

/** Words that introduce the event a period runs from; a one-character word only at the clause's start. */
const EVENT_LEADS = ['应当在', '应当于', '应当', '应在', '应于', '须在', '需在', '要在', '于', '在'];

/** 可延长60日 → 60; 可延长至90日 (of a 60-day period) → 30. Same unit as the period. */
function extensionAfter(t: string, i: number, amount: number, unit: RelativeUnit): { extension: number; at: number; end: number } | null {
  const stop = Math.min(t.length, i + 30);
  const at0 = indexWithin(t, '延长', i, 30);
  if (at0 < 0) return null;
  for (let k = at0 + 2; k < stop && k < at0 + 12; k++) {
    if (isSentenceBreak(t[k])) return null;
    const n = readNumber(t, k);
    if (n === null) continue;
    const word = RELATIVE_UNITS.find(([w]) => t.startsWith(w, n.end));
    if (word === undefined || word[1] !== unit) return null;
    const to = t[k - 1] === '至' || t[k - 1] === '到';
    const extension = to ? n.value - amount : n.value;
    const at = t[at0 - 1] === '可' ? at0 - 1 : at0;
    return extension > 0 ? { extension, at, end: n.end + word[0].length } : null;
  }
  return null;
}

/**
 * The last day of a period counted from the document's date. The start day is not counted
 * (《民法典》第二百零一条); a period in calendar days, weeks, months or years that ends on a rest day
 * ends on the next working day (第二百零三条); working days are counted on the official calendar.
 */
function relativeDate(issued: string | null, amount: number, unit: RelativeUnit): { date?: string; note?: string } {
  if (issued === null || unit === 'hour') return {};
  try {
    switch (unit) {
      case 'working-day':
        return { date: addWorkingDays(issued, amount) };
      case 'day':
        return { date: workingDayOnOrAfter(addCalendarDays(issued, amount)) };
      case 'week':
        return { date: workingDayOnOrAfter(addCalendarDays(issued, amount * 7)) };
      case 'month':
        return { date: workingDayOnOrAfter(addMonths(issued, amount)) };
      case 'year':
        return { date: workingDayOnOrAfter(addMonths(issued, amount * 12)) };
    }
  } catch (e) {
    if (e instanceof CalendarRangeError) return { note: `${e.message}，未计算到期日` };
    throw e;
  }
}
