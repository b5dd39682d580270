// When a document is in force, as its own text says. Pure: the store adds repeals by other
// documents and compares with today's date.
//
//   自印发之日起施行 / 自发布之日起实施     valid from the document's date
//   自印发之日30日后施行                   valid from the date + 30 days
//   自2023年9月1日起施行                   valid from that day
//   有效期2年 / 有效期三年 / 有效期6个月    valid until from + period − 1 day
//   有效期至2025年12月31日                  valid until that day
//   暂行 / 试行 in the title, no period    valid for two years (the usual term of a provisional
//                                         regulation; 施行已满2年 is a reason to clear it, seed 000)
import { addCalendarDays, addMonths } from '../calendar/iso-date.ts';
import { FULL_DATE, findDate, numberOf } from '../parse/dates.ts';

export interface Validity {
  validFrom: string | null;
  /** Last day in force, null when open-ended. */
  validUntil: string | null;
  provisional: boolean;
  /** The sentence the dates were read from. */
  note: string | null;
}

export interface ValiditySource {
  title: string;
  date: string | null;
  body: string;
}

const NUM = '[0-9一二三四五六七八九十两]+';
const FROM_ISSUE = new RegExp(`自(?:印发|发布|公布|下发)之日(?:起|(${NUM})日后)(?:施行|实施|执行|生效)`);
const FROM_DATE = new RegExp(`自(${FULL_DATE.source})起(?:施行|实施|执行|生效)`);
const PERIOD = new RegExp(`有效期(?:为|限为)?(${NUM})(个月|年)`);
const UNTIL = new RegExp(`有效期(?:至|到)(${FULL_DATE.source})`);
/** A 有效期 that belongs to the document itself, not to a licence or certificate it mentions. */
const ABOUT_ITSELF = /施行|实施|执行|生效|本(?:办法|规定|细则|方案|意见|通知|措施|规划|预案|政策|决定|条例|规则|制度|文件)/;

export function readValidity(doc: ValiditySource): Validity {
  let validFrom: string | null = null;
  let validUntil: string | null = null;
  let note: string | null = null;
  let period: { n: number; months: boolean } | null = null;

  for (const sentence of doc.body.split(/[。\n]/)) {
    const s = sentence.replace(/\s+/g, '');
    if (s === '') continue;
    let hit = false;
    const fromIssue = FROM_ISSUE.exec(s);
    if (fromIssue && doc.date !== null && validFrom === null) {
      // A count that reads as no number (3十, a typing slip) gives no date rather than a wrong one.
      const days = fromIssue[1] ? numberOf(fromIssue[1]) : 0;
      if (Number.isInteger(days) && days >= 0) {
        validFrom = addCalendarDays(doc.date, days);
        hit = true;
      }
    }
    const fromDate = FROM_DATE.exec(s);
    if (fromDate && validFrom === null) {
      validFrom = findDate(fromDate[1]!)?.iso ?? null;
      hit = validFrom !== null;
    }
    if (ABOUT_ITSELF.test(s)) {
      const until = UNTIL.exec(s);
      if (until && validUntil === null) {
        validUntil = findDate(until[1]!)?.iso ?? null;
        hit = true;
      }
      const p = PERIOD.exec(s);
      if (p && period === null) {
        const n = numberOf(p[1]!);
        if (Number.isFinite(n) && n > 0) {
          period = { n, months: p[2] === '个月' };
          hit = true;
        }
      }
    }
    if (hit) note ??= sentence.trim().slice(0, 200);
  }

  const provisional = /暂行|试行/.test(doc.title);
  const start = validFrom ?? doc.date;
  if (validUntil === null && start !== null) {
    if (period !== null) validUntil = addCalendarDays(addMonths(start, period.months ? period.n : period.n * 12), -1);
    else if (provisional) validUntil = addCalendarDays(addMonths(start, 24), -1);
  }
  return { validFrom, validUntil, provisional, note };
}

export type ValidityStatus = 'valid' | 'expired' | 'repealed' | 'pending';

/** The status on `asOf` (YYYY-MM-DD); `repealed` when a document in the store repeals it. */
export function validityStatus(v: Pick<Validity, 'validFrom' | 'validUntil'>, repealed: boolean, asOf: string): ValidityStatus {
  if (repealed) return 'repealed';
  if (v.validUntil !== null && v.validUntil < asOf) return 'expired';
  if (v.validFrom !== null && v.validFrom > asOf) return 'pending';
  return 'valid';
}
