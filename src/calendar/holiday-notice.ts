// Reads the State Council's yearly notice (国务院办公厅关于20XX年部分节假日安排的通知) into the
// year's official arrangement: the rest days of each holiday and the 调休 weekend days that are
// working days. The notice is a fixed form, one numbered item per holiday:
//
//   一、元旦：1月1日（周四）至3日（周六）放假调休，共3天。1月4日（周日）上班。
//   二、春节：2月15日（农历腊月二十八、周日）至23日（农历正月初七、周一）放假调休，共9天。
//       2月14日（周六）、2月28日（周六）上班。
//
// so the reader is a few patterns, not the document parser: the title gives the year, each item's
// first sentence the rest days (a range may cross a month, 9月30日至10月8日, or a year,
// 2022年12月31日至2023年1月2日), a later sentence ending 上班 the working days. Everything the
// notice says twice is checked against itself — the weekday in brackets against the date, 共N天
// against the range, a 上班 day against the weekend — so a misread or mistyped notice is refused
// with a Chinese message naming the item, rather than imported as a wrong calendar.
import { addCalendarDays, daysBetween, formatIsoDate, isIsoDate, weekday, type IsoDate } from './iso-date.ts';

export interface NoticeHoliday {
  /** As the notice names it: 元旦, 春节, 清明节 … (中秋节、国庆节 when one item holds both). */
  name: string;
  /** The rest days, in order (weekend days inside the holiday included). */
  days: IsoDate[];
}

export interface NoticeWorkday {
  date: IsoDate;
  /** The holiday whose item names this 调休 working day. */
  name: string;
}

export interface HolidayArrangement {
  year: number;
  holidays: NoticeHoliday[];
  workdays: NoticeWorkday[];
}

/** Text that is not such a notice, or a notice that contradicts itself: every problem, in Chinese. */
export class HolidayNoticeError extends Error {
  override name = 'HolidayNoticeError';
  constructor(readonly problems: readonly string[]) {
    super(problems.join('；'));
  }
}

const TITLE = /国务院办公厅关于(\d{4})年部分节假日安排的通知/;
/** The holidays a notice can name (《全国年节及纪念日放假办法》第二条), 清明 and the like with or without 节. */
const HOLIDAY_NAMES = ['元旦', '春节', '清明节', '劳动节', '端午节', '中秋节', '国庆节', '清明', '端午', '中秋', '国庆'];
const NAME = `(?:${HOLIDAY_NAMES.join('|')})`;
/** An item's head: 一、元旦： — the number, the holiday (or two joined by 、), a colon. */
const ITEM = new RegExp(`([一二三四五六七八九十]{1,3})、(${NAME}(?:、${NAME})*)[：:]`, 'g');
/** A date as the notice writes it, with its bracket: [2022年]12月31日（周六） or 3日（农历正月初七、周一）. */
const DATE = String.raw`(?:(\d{4})年)?(?:(\d{1,2})月)?(\d{1,2})日(?:（([^）]*)）)?`;
const REST = new RegExp(String.raw`^${DATE}(?:至${DATE})?放假(?:调休|公休)?(?:，与周末连休)?(?:，共(\d{1,2})天)?$`);
const WORK_LIST = new RegExp(String.raw`^((?:${DATE}[、和及]?)+)上班$`);
const WORK_DATE = new RegExp(DATE, 'g');
const WEEKDAYS = '一二三四五六日';

/** The parts of a DATE match: explicit year, month, day, bracket. */
interface DateParts {
  year?: string;
  month?: string;
  day: string;
  bracket?: string;
}

function weekdayName(date: IsoDate): string {
  return `周${WEEKDAYS[weekday(date) - 1]}`;
}

/** Spaces and line breaks out (a PDF breaks an item anywhere), full-width digits and a few ASCII marks to the notice's own. */
function normalise(text: string): string {
  return text
    .replace(/^\uFEFF/, '')
    .replace(/[\uff10-\uff19]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0))
    .replace(/[\s\u3000]+/g, '')
    .replace(/\(/g, '（')
    .replace(/\)/g, '）')
    .replace(/,/g, '，')
    .replace(/星期([一二三四五六日天])/g, (_, d: string) => `周${d === '天' ? '日' : d}`)
    .replace(/周天/g, '周日');
}

/**
 * Resolves a written date: a missing month is the previous date's (至3日), a missing year the
 * notice's, or the previous date's when the range began in another year. Checks that the day
 * exists, lies in the notice's year or the last days of the year before, and that a weekday in the
 * bracket is the date's. Returns null (with a problem) when not.
 */
function resolve(parts: DateParts, context: { year: number; month: number | null; noticeYear: number }, where: string, problems: string[]): IsoDate | null {
  const year = parts.year ? Number(parts.year) : context.year;
  const month = parts.month ? Number(parts.month) : context.month;
  const written = `${parts.year ? `${parts.year}年` : ''}${parts.month ? `${parts.month}月` : ''}${parts.day}日`;
  if (month === null) {
    problems.push(`${where}：“${written}”没有写月份`);
    return null;
  }
  const date = formatIsoDate(year, month, Number(parts.day));
  if (!isIsoDate(date)) {
    problems.push(`${where}：${year}年${month}月${parts.day}日不存在`);
    return null;
  }
  if (year !== context.noticeYear && year !== context.noticeYear - 1) {
    problems.push(`${where}：${year}年的日期不属于${context.noticeYear}年的通知`);
    return null;
  }
  const said = /周[一二三四五六日]/.exec(parts.bracket ?? '')?.[0];
  if (said !== undefined && said !== weekdayName(date)) {
    problems.push(`${where}：${year}年${month}月${parts.day}日是${weekdayName(date)}，通知写的是${said}（年份或日期有误？）`);
    return null;
  }
  return date;
}

const partsAt = (m: RegExpExecArray, at: number): DateParts => ({ year: m[at], month: m[at + 1], day: m[at + 2]!, bracket: m[at + 3] });

interface Item {
  number: string;
  name: string;
  body: string;
}

/** The numbered items, each with the text up to the next item (the last one up to the end). */
function itemsOf(text: string): Item[] {
  const heads = [...text.matchAll(ITEM)];
  return heads.map((m, i) => ({
    number: m[1]!,
    name: m[2]!,
    body: text.slice(m.index + m[0].length, i + 1 < heads.length ? heads[i + 1]!.index : text.length),
  }));
}

/**
 * The arrangement a notice sets out, or HolidayNoticeError listing what is wrong: not such a
 * notice (no title, no items), or an item that cannot be read or contradicts itself.
 */
export function parseHolidayNotice(text: string): HolidayArrangement {
  const flat = normalise(text);
  const title = TITLE.exec(flat);
  if (!title) {
    throw new HolidayNoticeError(['这不是国务院办公厅的节假日安排通知：没有找到标题“国务院办公厅关于××××年部分节假日安排的通知”']);
  }
  const year = Number(title[1]);
  const items = itemsOf(flat.slice(title.index + title[0].length));
  if (items.length === 0) {
    throw new HolidayNoticeError([`没有找到放假安排：通知中应有“一、元旦：1月1日（周×）放假，共1天。”这样逐项列出的节日`]);
  }
  const problems: string[] = [];
  const holidays: NoticeHoliday[] = [];
  const workdays: NoticeWorkday[] = [];
  for (const item of items) {
    const where = `第${item.number}项（${item.name}）`;
    const sentences = item.body.split('。').filter((s) => s !== '');
    const rest = REST.exec(sentences[0] ?? '');
    if (!rest) {
      problems.push(`${where}：读不出放假日期（应为“1月1日（周×）至3日（周×）放假调休，共3天”这样的写法），原文为“${(sentences[0] ?? '').slice(0, 60)}”`);
      continue;
    }
    const first = resolve(partsAt(rest, 1), { year, month: null, noticeYear: year }, where, problems);
    if (first === null) continue;
    const firstYear = Number(first.slice(0, 4));
    // 12月31日至1月2日 without years: the range runs into the next year.
    const laterYear = rest[6] !== undefined && rest[5] === undefined && Number(rest[6]) < Number(first.slice(5, 7)) ? firstYear + 1 : firstYear;
    const last = rest[7] === undefined ? first : resolve(partsAt(rest, 5), { year: laterYear, month: Number(first.slice(5, 7)), noticeYear: year }, where, problems);
    if (last === null) continue;
    const length = daysBetween(first, last) + 1;
    if (length < 1 || length > 15) {
      problems.push(`${where}：放假日期 ${first} 至 ${last} 不成区间`);
      continue;
    }
    if (rest[9] !== undefined && Number(rest[9]) !== length) {
      problems.push(`${where}：${first} 至 ${last} 是${length}天，通知写的是共${rest[9]}天`);
      continue;
    }
    holidays.push({ name: item.name, days: Array.from({ length }, (_, i) => addCalendarDays(first, i)) });
    for (const sentence of sentences.slice(1)) {
      const work = WORK_LIST.exec(sentence);
      if (!work) continue;
      let month: number | null = null;
      for (const m of work[1]!.matchAll(WORK_DATE)) {
        const date = resolve({ year: m[1], month: m[2], day: m[3]!, bracket: m[4] }, { year, month, noticeYear: year }, where, problems);
        if (date === null) continue;
        month = Number(date.slice(5, 7));
        if (weekday(date) <= 5) problems.push(`${where}：上班日 ${date} 是${weekdayName(date)}，本就是工作日，不是调休`);
        else workdays.push({ date, name: item.name });
      }
    }
  }
  problems.push(...overlaps(holidays, workdays));
  if (problems.length > 0) throw new HolidayNoticeError(problems);
  return { year, holidays, workdays: workdays.sort((a, b) => (a.date < b.date ? -1 : 1)) };
}

/** A day named twice: in two holidays, twice as a working day, or both off and at work. */
function overlaps(holidays: NoticeHoliday[], workdays: NoticeWorkday[]): string[] {
  const problems: string[] = [];
  const off = new Map<IsoDate, string>();
  for (const h of holidays) {
    for (const d of h.days) {
      const other = off.get(d);
      if (other !== undefined) problems.push(`${d} 同时列在${other}和${h.name}的放假日期中`);
      else off.set(d, h.name);
    }
  }
  const seen = new Set<IsoDate>();
  for (const w of workdays) {
    if (off.has(w.date)) problems.push(`${w.date} 既是${off.get(w.date)}的放假日，又列为上班日`);
    if (seen.has(w.date)) problems.push(`上班日 ${w.date} 列了两次`);
    seen.add(w.date);
  }
  return problems;
}
