// Recurring deadlines: 每月3日前, 每季度25日前, 每天上午10时前, 每年4月30日前, 每周五前, 每半月.
//
// A rule needs a due point inside its period (a day, a month of the period, a time of day, the
// n-th working day); a bare period is a rule only when what recurs is a report. Where the due dates
// fall in a calendar is recurrence.ts's job.
import type { Deadline } from '../types.ts';
import { MONTH_PART_LIST, MONTH_PARTS, TAILS } from './deadline-words.ts';
import { clauseEnd, indexWithin, isAsciiDigit, longestFirst, readNumber, wordAt } from './numerals.ts';

type Rule = NonNullable<Deadline['rule']>;

const EVERY: readonly (readonly [string, Rule['every']])[] = [
  ['每个工作日', 'working-day'], ['每半个月', 'half-month'], ['每半月', 'half-month'], ['每个月', 'month'], ['每星期', 'week'], ['每季度', 'quarter'],
  ['每半年', 'half-year'], ['每年度', 'year'], ['每天', 'day'], ['每日', 'day'], ['每周', 'week'], ['每月', 'month'], ['每季', 'quarter'], ['每年', 'year'],
];
const DAY_PERIODS: ReadonlyMap<string, number> = new Map([['上午', 0], ['早上', 0], ['中午', 0], ['下午', 12], ['晚上', 12], ['晚', 12]]);
const DAY_PERIOD_LIST = longestFirst([...DAY_PERIODS.keys()]);
const WEEKDAYS = '一二三四五六日天';
/** A bare 每月/每季度 is a due date only when what is due is a report (每月主动报送, 每半月调度一次). */
const REPORT_WORDS = ['报', '调度', '分送', '反馈'];
/** Month of a quarter or half-year named in words. */
const PERIOD_MONTHS = longestFirst(['首月', '第一个月', '第1个月', '第二个月', '第2个月', '第三个月', '第3个月', '末月', '最后一个月']);

/**
 * The rule that starts with 每 at `i`, and where its words end. `standsAlone(end)` says whether the
 * words up to `end` are all the text or a label's value: a bare period (每半月) is then a rule too.
 */
export function readRule(t: string, i: number, standsAlone: (end: number) => boolean): { rule: Rule; end: number } | null {
  let every: Rule['every'] | null = null;
  let p = i;
  for (const [word, e] of EVERY) {
    if (t.startsWith(word, i)) {
      every = e;
      p = i + word.length;
      break;
    }
  }
  if (every === null) return null;
  const everyEnd = p;
  // 每月（季、年）: the first period stands; the others in brackets are variants of it.
  if (t[p] === '（' || t[p] === '(') {
    const close = indexWithin(t, t[p] === '（' ? '）' : ')', p, 10);
    if (close > p) p = close + 1;
  }
  if (t[p] === '的') p++;
  const rule: Rule = { every };
  const due = readDuePoint(t, p, rule);
  if (due !== null) {
    p = due;
    const time = readTime(t, p);
    if (time !== null) {
      rule.time = time.time;
      p = time.end;
    }
    if (t.startsWith('左右', p)) {
      rule.approximate = true;
      p += 2;
    }
    const tail = wordAt(t, p, TAILS);
    if (tail !== null) p += tail.length;
    // 每季度25日前将本季度… is due inside the quarter; …报送上季度… in the quarter after it.
    if ((every === 'quarter' || every === 'half-year') && rule.month === undefined && (rule.day !== undefined || rule.workingDay !== undefined)) {
      const clause = t.slice(p, clauseEnd(t, p, 30));
      rule.month = clause.includes('上季度') || clause.includes('上半年') ? 1 : every === 'quarter' ? 3 : 6;
    }
    return { rule, end: p };
  }
  // 每月（季、年）在自治区正式反馈统计数据后次日: due after an event.
  const event = eventDue(t, p);
  if (event !== null) {
    rule.event = event.event;
    return { rule, end: event.end };
  }
  // A bare period is a due date when what recurs is a report: 每月主动向…报送, 每半月调度一次.
  const clause = t.slice(p, clauseEnd(t, p, 20));
  if (standsAlone(everyEnd) || REPORT_WORDS.some((w) => clause.includes(w))) return { rule, end: everyEnd };
  return null;
}

/** Reads when inside each period something is due, filling `rule`; returns the end, or null. */
function readDuePoint(t: string, i: number, rule: Rule): number | null {
  let p = i;
  switch (rule.every) {
    case 'day':
    case 'working-day': {
      const time = readTime(t, p);
      if (time === null) return null;
      rule.time = time.time;
      return time.end;
    }
    case 'week': {
      if (t[p] === '周') p++;
      else if (t.startsWith('星期', p)) p += 2;
      const k = WEEKDAYS.indexOf(t[p] ?? '');
      const digit = isAsciiDigit(t[p]) && !isAsciiDigit(t[p + 1]) ? Number(t[p]) : 0;
      const weekday = k >= 0 ? Math.min(k + 1, 7) : digit >= 1 && digit <= 7 ? digit : 0;
      if (weekday === 0) return null;
      rule.weekday = weekday;
      return p + 1;
    }
    case 'half-month':
      return null;
    case 'month':
      return readDayOfMonth(t, p, rule);
    case 'quarter':
    case 'half-year':
    case 'year': {
      if (t[p] === '末' || t[p] === '底' || (t[p] === '年' && (t[p + 1] === '底' || t[p + 1] === '末'))) {
        // 每季度末, 每年底, 每年年底: the period's last day.
        rule.month = rule.every === 'quarter' ? 3 : rule.every === 'half-year' ? 6 : 12;
        rule.day = 'last';
        return p + (t[p] === '年' ? 2 : 1);
      }
      if (t.startsWith('结束后', p) || t.startsWith('后', p)) {
        // 每季度结束后15日内: the 15th of the next period's first month, the same dates as 每季度首月15日前.
        const q = p + (t[p] === '结' ? 3 : 1);
        const end = readDayOfMonth(t, q, rule, true);
        if (end === null) return null;
        rule.month = 1;
        return end;
      }
      if (rule.every === 'year') {
        const n = readNumber(t, p);
        if (n === null || t[n.end] !== '月' || !Number.isInteger(n.value) || n.value < 1 || n.value > 12) return null;
        rule.month = n.value;
        p = n.end + 1;
        if (t[p] === '份') p++;
        const end = readDayOfMonth(t, p, rule);
        if (end !== null) return end;
        rule.day = 'last';
        return p;
      }
      const named = wordAt(t, p, PERIOD_MONTHS);
      if (named !== null) {
        rule.month = named.startsWith('末') || named.startsWith('最后') ? (rule.every === 'quarter' ? 3 : 6) : /[二2]/.test(named) ? 2 : /[三3]/.test(named) ? 3 : 1;
        p += named.length;
      }
      const end = readDayOfMonth(t, p, rule);
      if (end === null && named === null) return null;
      if (end === null) rule.day = 'last';
      return end ?? p;
    }
  }
}

/**
 * The day inside a month: 3日, 5号, 底, 末, 初, 上旬 …, 前5个工作日, 5个工作日内. With `afterEnd`
 * (每月结束后10日内) a count of days is read as that day of the following month.
 */
function readDayOfMonth(t: string, i: number, rule: Rule, afterEnd = false): number | null {
  let p = i;
  if (t[p] === '前' || t[p] === '第') p++;
  const n = readNumber(t, p);
  if (n !== null && Number.isInteger(n.value) && n.value >= 1 && n.value <= 31) {
    if (t[n.end] === '日' || t[n.end] === '号' || (afterEnd && t[n.end] === '天')) {
      rule.day = n.value;
      return n.end + 1;
    }
    const wd = wordAt(t, n.end, ['个工作日', '工作日']);
    if (wd !== null && n.value <= 23) {
      rule.workingDay = n.value;
      return n.end + wd.length;
    }
    return null;
  }
  if (afterEnd) return null;
  const part = wordAt(t, p, MONTH_PART_LIST);
  if (part === null || part === '中') return null;
  rule.day = MONTH_PARTS.get(part)!;
  return p + part.length;
}

/** 上午10时, 下午3点半, 10:30 → HH:MM. */
function readTime(t: string, i: number): { time: string; end: number } | null {
  let p = i;
  const period = wordAt(t, p, DAY_PERIOD_LIST);
  let offset = 0;
  if (period !== null) {
    offset = DAY_PERIODS.get(period)!;
    p += period.length;
  }
  const h = readNumber(t, p);
  if (h === null || !Number.isInteger(h.value) || h.value > 24) return null;
  let hour = h.value;
  let minute = 0;
  p = h.end;
  if (t[p] === ':' || t[p] === '：') {
    const m = readNumber(t, p + 1);
    if (m === null || !m.arabic || m.length !== 2 || m.value > 59) return null;
    minute = m.value;
    p = m.end;
  } else if (t[p] === '时' || t[p] === '点') {
    p++;
    if (t[p] === '半') {
      minute = 30;
      p++;
    } else {
      const m = readNumber(t, p);
      if (m !== null && t[m.end] === '分' && Number.isInteger(m.value) && m.value < 60) {
        minute = m.value;
        p = m.end + 1;
      }
    }
  } else return null;
  if (hour < 12 && offset === 12) hour += 12;
  return { time: `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`, end: p };
}

/** …在X后次日, …X后3日内, …X后5个工作日内, read within the clause after a period word. */
function eventDue(t: string, i: number): { event: string; end: number } | null {
  const stop = clauseEnd(t, i, 40);
  for (let k = i; k < stop; k++) {
    if (t[k] !== '后') continue;
    let end = -1;
    if (t.startsWith('次日', k + 1)) end = k + 3;
    else {
      const n = readNumber(t, k + 1);
      const unit = n === null ? null : wordAt(t, n.end, ['个工作日', '工作日', '日', '天']);
      if (n !== null && unit !== null) end = n.end + unit.length + (t[n.end + unit.length] === '内' ? 1 : 0);
    }
    if (end < 0) continue;
    let event = t.slice(i, k);
    const lead = wordAt(event, 0, ['在', '于', '待']);
    if (lead !== null) event = event.slice(lead.length);
    return event === '' ? null : { event, end };
  }
  return null;
}
