// Deadlines (完成时限) as the documents write them, read from a clause or a task's text.
//
//   date         2023年6月30日前, 于12月1日前, 3月底前, 上半年, 年底前, 三季度末 (year from the document)
//   within-year  年内, 今年内, 2023年内                                   (date: 12-31)
//   relative     5个工作日内, 3日内, 60日内，可延长60日, 收到通知后10个工作日内, 一年内
//   recurring    每月3日前, 每季度25日前, 每天上午10时前, 每年4月30日前, 每半月
//   ongoing      长期推进, 持续推进, 长期坚持 — as a clause of their own, not as a verb (持续推进X行动)
//
// A time word is a deadline only when the text marks it as one: a tail (前, 以前, 止, 内, 底前,
// 完成), a 于/截至 in front, a label (完成时限：…), or the time word being the whole text (a table
// cell, a clause's deadline part). 到2025年，… names the year a target is for, not a due date, and
// 自2023年3月12日起 is a start. The scan tries a few readers at each position, each reading a
// bounded window, so it is linear in the length of the text. Dates and ongoing clauses are read
// here, periods in deadline-period.ts, recurring rules in deadline-rule.ts.
import type { Deadline } from '../types.ts';
import { addMonths, daysBetween, daysInMonth, formatIsoDate, isIsoDate, parseIsoDate } from '../calendar/iso-date.ts';
import { readPeriod } from './deadline-period.ts';
import { readRule } from './deadline-rule.ts';
import { describesNoun, MONTH_PART_LIST, MONTH_PARTS, TAILS } from './deadline-words.ts';
import { charTable, firstChars, isAsciiDigit, isClauseBreak, isCnNumeral, longestFirst, NUMBER_START, readNumber, scanForm, wordAt, wordBefore } from './numerals.ts';

export interface DeadlineContext {
  /** The document's year, for dates that omit it. */
  year: number | null;
  /** The document's date (成文日期), YYYY-MM-DD, for relative deadlines and year ends. */
  issued: string | null;
}


/** Labels of a deadline part: what follows them is a deadline without any further mark. */
const LABELS = longestFirst(['完成时限', '完成时间', '办结时限', '时限要求', '时间要求', '时间节点', '截止时间', '截止日期', '完成期限', '办理时限', '时限']);
const LABEL_FIRST = firstChars(LABELS);
/** A label's value ends at the end of its sentence or of the bracket around it. */
const LABEL_END = '。；）;)';
/** How far a label's value reaches (it ends earlier at 。；）). */
const LABEL_REACH = 60;

/** Words before a time that make it a due date (于12月1日报送, 截至6月底). */
const PREFIXES = longestFirst(['截止到', '截至', '截止', '于']);
/** Words after a time that make it a start, not a due date. */
const STARTS = longestFirst(['开始', '以来', '以后', '之后', '起', '后']);

const YEAR_WORDS: ReadonlyMap<string, number> = new Map([
  ['下一年度', 1], ['下一年', 1], ['下年度', 1], ['下年', 1], ['次年', 1], ['明年', 1],
  ['本年度', 0], ['今年', 0], ['本年', 0], ['当年', 0],
]);
const YEAR_WORD_LIST = longestFirst([...YEAR_WORDS.keys()]);
const MONTH_WORDS: ReadonlyMap<string, number> = new Map([['下个月', 1], ['下月', 1], ['次月', 1], ['本月', 0], ['当月', 0]]);
const MONTH_WORD_LIST = longestFirst([...MONTH_WORDS.keys()]);

const ONGOING = longestFirst([
  '长期推进', '长期坚持', '长期开展', '长期实施', '长期执行', '持续推进', '持续开展', '持续实施', '常态化推进', '常态化开展', '长期', '持续', '常态化',
]);

interface Found {
  deadline: Deadline;
  start: number;
  end: number;
  labelled: boolean;
}

/** What a reader at one position needs to know about the text around it. */
interface Scan {
  t: string;
  context: DeadlineContext;
  /** The document's year (explicit, else the issue date's). */
  base: number | null;
  /** A year the text itself wrote earlier (2022年3月底前…，6月底前…): later dates without a year take it. */
  carry: number | null;
  /** Positions [start, end) of label values (完成时限：…). */
  labelFrom: number;
  labelTo: number;
  /** The text without its surrounding brackets and punctuation: a time word that is all of it is a deadline. */
  coreStart: number;
  coreEnd: number;
}

/** Every deadline in the text, in reading order. */
export function parseDeadlines(text: string, context: DeadlineContext): Deadline[] {
  return scanDeadlines(text, context).map((f) => f.deadline);
}

/**
 * The deadline of a clause or task text, or null. A labelled value (完成时限：…) wins; otherwise a
 * date, the latest one when there are stages (3月底前试点，6月底前推开 → 6月底), then a relative
 * period, a recurring rule, an ongoing clause.
 */
export function parseDeadline(text: string, context: DeadlineContext): Deadline | null {
  const found = scanDeadlines(text, context);
  if (found.length === 0) return null;
  const labelled = found.filter((f) => f.labelled);
  return choose(labelled.length > 0 ? labelled : found);
}

const KIND_ORDER: Readonly<Record<Deadline['kind'], number>> = { date: 0, 'within-year': 0, relative: 1, recurring: 2, ongoing: 3 };

function choose(found: Found[]): Deadline {
  let best = found[0]!;
  for (const f of found.slice(1)) {
    const a = KIND_ORDER[f.deadline.kind];
    const b = KIND_ORDER[best.deadline.kind];
    if (a < b) best = f;
    else if (a === b && a === 0 && f.deadline.date !== undefined && (best.deadline.date === undefined || f.deadline.date > best.deadline.date)) best = f;
  }
  return best.deadline;
}

function scanDeadlines(text: string, context: DeadlineContext): Found[] {
  const t = scanForm(typeof text === 'string' ? text : '');
  const issuedYear = validIssued(context.issued)?.slice(0, 4);
  const scan: Scan = {
    t,
    context: { year: context.year, issued: validIssued(context.issued) },
    base: plausibleYear(context.year) ?? (issuedYear === undefined ? null : Number(issuedYear)),
    carry: null,
    labelFrom: -1,
    labelTo: -1,
    coreStart: 0,
    coreEnd: t.length,
  };
  while (scan.coreStart < t.length && isClauseBreak(t[scan.coreStart])) scan.coreStart++;
  while (scan.coreEnd > scan.coreStart && isClauseBreak(t[scan.coreEnd - 1])) scan.coreEnd--;

  const found: Found[] = [];
  let i = 0;
  while (i < t.length) {
    if (READING_START[t.charCodeAt(i)] === 0) {
      i++;
      continue;
    }
    const label = LABEL_FIRST.has(t[i]!) ? wordAt(t, i, LABELS) : null;
    if (label !== null && (t[i + label.length] === '：' || t[i + label.length] === ':')) {
      scan.labelFrom = i + label.length + 1;
      let k = scan.labelFrom;
      while (k < t.length && k - scan.labelFrom < LABEL_REACH && !LABEL_END.includes(t[k]!)) k++;
      scan.labelTo = k;
      i = scan.labelFrom;
      continue;
    }
    const f = readAt(scan, i);
    if (f !== null) {
      found.push(f);
      i = Math.max(f.end, i + 1);
    } else i++;
  }
  return found;
}

function plausibleYear(year: number | null): number | null {
  return typeof year === 'number' && Number.isInteger(year) && year >= 1900 && year <= 2200 ? year : null;
}

function validIssued(issued: string | null): string | null {
  if (!isIsoDate(issued)) return null;
  return plausibleYear(parseIsoDate(issued).year) === null ? null : issued;
}

function readAt(s: Scan, i: number): Found | null {
  const ch = s.t[i]!;
  if (ch === '每') {
    const read = readRule(s.t, i, (end) => inLabel(s, i) || (i === s.coreStart && end === s.coreEnd));
    return read === null ? null : hit(s, i, read.end, { kind: 'recurring', rule: read.rule });
  }
  const ongoing = readOngoing(s, i);
  if (ongoing !== null) return ongoing;
  if (isAsciiDigit(ch) || isCnNumeral(ch) || TIME_WORD_FIRST.has(ch)) {
    const date = readCalendarTime(s, i);
    if (date !== null) return date;
    const period = readPeriod(s.t, i, s.context.issued);
    return period === null ? null : hit(s, period.start, period.end, period.deadline);
  }
  return null;
}

/** First characters of the time words that start without a number: 年底, 上半年, 第三季度, 本月, 次年, 今年, 半年内. */
const TIME_WORD_FIRST: ReadonlySet<string> = new Set('年上下第本当次明今半');

/** Every character a reader can start at; the scan passes over the others without looking further. */
const READING_START = charTable([NUMBER_START, ...TIME_WORD_FIRST, '每', ...LABEL_FIRST, ...firstChars(ONGOING)].join(''));

function inLabel(s: Scan, i: number): boolean {
  return i >= s.labelFrom && i < s.labelTo;
}

function hit(s: Scan, start: number, end: number, deadline: Omit<Deadline, 'text'>): Found {
  return { deadline: { ...deadline, text: s.t.slice(start, end) } as Deadline, start, end, labelled: inLabel(s, start) };
}

// ── ongoing ────────────────────────────────────────────────────────────────────────────────────

/** Marks that end a clause after an ongoing word; an opening mark (持续推进“三医”…) means an object follows. */
const CLAUSE_CLOSE = '，。；、！？）〕】”,;.!?)';

function readOngoing(s: Scan, i: number): Found | null {
  if (i > 0 && !isClauseBreak(s.t[i - 1])) return null;
  const word = wordAt(s.t, i, ONGOING);
  if (word === null) return null;
  const next = s.t[i + word.length];
  if (next !== undefined && !CLAUSE_CLOSE.includes(next)) return null;
  return hit(s, i, i + word.length, { kind: 'ongoing' });
}

// ── dates: 2023年6月30日前, 3月底前, 年底前, 上半年, 三季度末, 年内 ───────────────────────────────────

interface When {
  /** Year as written (2023年), or null. */
  year: number | null;
  /** Years after the document's (次年 → 1), when the year is a word. */
  shift: number | null;
  /** Months after the document's month (下月 → 1), when the month is a word. */
  monthShift: number | null;
  month: number;
  day: number | 'last';
  kind: 'date' | 'within-year';
  /** Why the day is a reading rather than what the text says. */
  note?: string;
}

function readCalendarTime(s: Scan, i: number): Found | null {
  const t = s.t;
  let p = i;
  let year: number | null = null;
  let shift: number | null = null;
  let monthShift: number | null = null;

  const n = readNumber(t, i);
  if (n !== null && t[n.end] === '年' && n.length === 4 && n.value >= 1900 && n.value <= 2200) {
    year = n.value;
    p = n.end + 1;
  } else {
    const yearWord = wordAt(t, i, YEAR_WORD_LIST);
    const monthWord = yearWord === null ? wordAt(t, i, MONTH_WORD_LIST) : null;
    if (yearWord !== null) {
      shift = YEAR_WORDS.get(yearWord)!;
      p = i + yearWord.length;
    } else if (monthWord !== null) {
      monthShift = MONTH_WORDS.get(monthWord)!;
      p = i + monthWord.length;
    } else if (t[i] === '年' && '底末内中'.includes(t[i + 1] ?? '') && !isCnNumeral(t[i - 1]) && !isAsciiDigit(t[i - 1]) && !(i > 0 && '个半近前'.includes(t[i - 1]!))) {
      // 年底前, 年内, 年中: the document's own year.
      shift = 0;
    }
  }
  if (shift !== null && t[p] === '年') p++; // the bare 年 of 年底前, 年内

  let when: When | null = null;
  let q = p;
  const hasYear = year !== null || shift !== null;
  if (monthShift !== null) {
    const part = readMonthPart(t, q);
    if (part !== null) {
      when = { year: null, shift: null, monthShift, month: 0, day: part.day, kind: 'date' };
      q = part.end;
    }
  } else if (hasYear && (t[q] === '底' || t[q] === '末')) {
    when = { year, shift, monthShift: null, month: 12, day: 'last', kind: 'date' };
    q++;
  } else if (hasYear && t[q] === '内') {
    when = { year, shift, monthShift: null, month: 12, day: 'last', kind: 'within-year' };
  } else if (hasYear && t[q] === '中' && t[q - 1] === '年') {
    when = { year, shift, monthShift: null, month: 6, day: 'last', kind: 'date' };
    q++;
  } else {
    const half = wordAt(t, q, ['上半年', '下半年']);
    const quarter = half === null ? readQuarter(t, q) : null;
    const month = half === null && quarter === null ? readMonth(t, q) : null;
    if (half !== null) {
      when = { year, shift, monthShift: null, month: half === '上半年' ? 6 : 12, day: 'last', kind: 'date' };
      q += half.length;
    } else if (quarter !== null) {
      when = { year, shift, monthShift: null, month: quarter.quarter * 3, day: 'last', kind: 'date' };
      q = quarter.end;
      if (t[q] === '末' || t[q] === '底') q++;
    } else if (month !== null) {
      when = { year, shift, monthShift: null, month: month.month, day: month.day, kind: 'date' };
      if (month.note !== undefined) when.note = month.note;
      q = month.end;
    } else if (hasYear && year !== null && wordAt(t, q, ['以前', '之前', '前']) !== null) {
      when = { year, shift, monthShift: null, month: 12, day: 'last', kind: 'date', note: `“${year}年前”按${year}年底计` };
    }
  }
  if (when === null) return null;

  // Is it a due date? A start (起, 以来) never is; a tail, a prefix, a label or being the whole text makes it one.
  if (wordAt(t, q, STARTS) !== null) return null;
  const tail = wordAt(t, q, TAILS);
  const end = q + (tail?.length ?? 0);
  const marked = tail !== null || wordBefore(t, i, PREFIXES) !== null || inLabel(s, i) || (i === s.coreStart && q === s.coreEnd);
  if (!marked) return null;
  // …前建成的老旧小区: the date describes something, it is not when something is due.
  if (tail !== null && describesNoun(t, end)) return null;
  if (tail === '前' && when.note === undefined && when.day === 'last' && (t[q - 1] === '月' || t[q - 1] === '份')) {
    // 6月前: "before June" or "by June"? Offices write it for the latter; the reviewer should see it.
    when.note = `“${t.slice(i, end)}”按该月月底计`;
  }

  const deadline = resolveWhen(s, when);
  if (deadline === null) return null;
  if (when.year !== null) s.carry = when.year;
  return hit(s, i, end, deadline);
}

function readQuarter(t: string, i: number): { quarter: number; end: number } | null {
  let p = i;
  if (t[p] === '第') p++;
  const n = readNumber(t, p);
  if (n === null || n.value < 1 || n.value > 4 || !Number.isInteger(n.value)) return null;
  const word = wordAt(t, n.end, ['季度', '季']);
  if (word === null) return null;
  return { quarter: n.value, end: n.end + word.length };
}

function readMonth(t: string, i: number): { month: number; day: number | 'last'; end: number; note?: string } | null {
  const n = readNumber(t, i);
  if (n === null || t[n.end] !== '月' || !Number.isInteger(n.value) || n.value < 1 || n.value > 12) return null;
  let p = n.end + 1;
  if (t[p] === '份') p++;
  const part = readMonthPart(t, p);
  if (part !== null) return { month: n.value, day: part.day, end: part.end };
  return { month: n.value, day: 'last', end: p };
}

/** The day of a month: 30日, 30号, 底, 末, 上旬 … */
function readMonthPart(t: string, i: number): { day: number | 'last'; end: number } | null {
  const d = readNumber(t, i);
  if (d !== null && (t[d.end] === '日' || t[d.end] === '号') && Number.isInteger(d.value) && d.value >= 1 && d.value <= 31) {
    return { day: d.value, end: d.end + 1 };
  }
  const part = wordAt(t, i, MONTH_PART_LIST);
  if (part === null) return null;
  // 月中 alone, not 月中下旬 or 中央: only when a tail follows.
  if (part === '中' && wordAt(t, i + 1, TAILS) === null) return null;
  return { day: MONTH_PARTS.get(part)!, end: i + part.length };
}

/** Turns a reading into a deadline: the year from the text, the carried year or the document. */
function resolveWhen(s: Scan, when: When): Omit<Deadline, 'text'> | null {
  const out: Omit<Deadline, 'text'> = { kind: when.kind };
  const notes: string[] = [];
  if (when.note !== undefined) notes.push(when.note);
  let year: number | null;
  let month = when.month;
  if (when.monthShift !== null) {
    const issued = s.context.issued;
    if (issued === null) {
      out.uncertain = '“本月/下月”需要文件日期，文件无成文日期';
      return out;
    }
    ({ year, month } = parseIsoDate(addMonths(issued, when.monthShift)));
  } else if (when.year !== null) {
    year = when.year;
  } else if (when.shift !== null) {
    year = s.base === null ? null : s.base + when.shift;
  } else {
    year = s.carry ?? s.base;
  }
  if (year === null) {
    out.uncertain = '时限未写年份，文件也无年份，无法确定日期';
    return out;
  }
  const last = daysInMonth(year, month);
  const day = when.day === 'last' ? last : when.day;
  if (day > last) return null; // 2月30日: not a date
  let date = formatIsoDate(year, month, day);

  const issued = s.context.issued;
  if (issued === null && when.year !== null && s.base !== null && when.year < s.base - 1) return null;
  if (issued !== null) {
    const before = daysBetween(date, issued);
    if (when.year !== null && before > 366) return null; // 2005年底前建成的: a date in the past, not a due date
    if (when.year === null && when.shift === null && when.monthShift === null && s.carry === null && before > 92) {
      // Written without a year and a season before the document: the next year is meant
      // (a plan of November 2023 with 3月底前 means March 2024).
      date = formatIsoDate(year + 1, month, when.day === 'last' ? daysInMonth(year + 1, month) : day);
      notes.push(`未写年份，早于成文日期（${issued}），按次年计`);
    } else if (before > 0) {
      notes.push(`时限早于成文日期（${issued}）`);
    }
  }
  out.date = date;
  if (notes.length > 0) out.uncertain = notes.join('；');
  return out;
}
