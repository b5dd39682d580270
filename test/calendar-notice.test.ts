// The State Council's yearly holiday notice read into an arrangement (src/calendar/holiday-notice.ts).
// The notices under test/fixtures/holiday-notices/ are written for these tests in the official
// style; 2026.txt states the real 2026 arrangement, so the parser is checked against chinese-days.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import data from 'chinese-days/dist/chinese-days.json' with { type: 'json' };
import { HolidayNoticeError, parseHolidayNotice } from '../src/calendar/holiday-notice.ts';
import { weekday } from '../src/calendar/iso-date.ts';

const notice = (name: string) => readFileSync(new URL(`./fixtures/holiday-notices/${name}`, import.meta.url), 'utf8');

function problemsOf(text: string): readonly string[] {
  try {
    parseHolidayNotice(text);
  } catch (e) {
    if (e instanceof HolidayNoticeError) return e.problems;
    throw e;
  }
  throw new Error('the notice was accepted');
}

describe('parseHolidayNotice', () => {
  it('agrees with chinese-days on the 2026 arrangement', () => {
    const a = parseHolidayNotice(notice('2026.txt'));
    expect(a.year).toBe(2026);
    const package2026 = (table: Record<string, string>) => Object.keys(table).filter((d) => d.startsWith('2026-')).sort();
    expect(a.holidays.flatMap((h) => h.days).sort()).toEqual(package2026(data.holidays));
    expect(a.workdays.map((w) => w.date)).toEqual(package2026(data.workdays));
    expect(a.holidays.map((h) => h.name)).toEqual(['元旦', '春节', '清明节', '劳动节', '端午节', '中秋节', '国庆节']);
    expect(a.holidays.find((h) => h.name === '春节')?.days).toHaveLength(9);
    // 「2月14日（周六）、2月28日（周六）上班」: two working days of one item.
    expect(a.workdays.filter((w) => w.name === '春节').map((w) => w.date)).toEqual(['2026-02-14', '2026-02-28']);
  });

  it('reads a 2027 notice: single days, 调休 Saturdays, every 上班 day a weekend day', () => {
    const a = parseHolidayNotice(notice('2027.txt'));
    expect(a.year).toBe(2027);
    expect(a.holidays.find((h) => h.name === '端午节')?.days).toEqual(['2027-06-09']);
    expect(a.holidays.find((h) => h.name === '春节')?.days).toEqual(['2027-02-05', '2027-02-06', '2027-02-07', '2027-02-08', '2027-02-09', '2027-02-10', '2027-02-11', '2027-02-12']);
    expect(a.workdays.map((w) => w.date)).toEqual(['2027-01-30', '2027-02-20', '2027-05-08', '2027-09-26', '2027-10-09']);
    for (const w of a.workdays) expect(weekday(w.date)).toBeGreaterThanOrEqual(6);
  });

  it('reads a 2028 notice: ranges across months, 星期 and full-width digits, one item for two holidays, a line broken inside an item', () => {
    const a = parseHolidayNotice(notice('2028.txt'));
    expect(a.year).toBe(2028);
    const joint = a.holidays.find((h) => h.name === '中秋节、国庆节');
    expect(joint?.days[0]).toBe('2028-09-30');
    expect(joint?.days.at(-1)).toBe('2028-10-08');
    expect(joint?.days).toHaveLength(9);
    expect(a.holidays.find((h) => h.name === '劳动节')?.days).toEqual(['2028-04-29', '2028-04-30', '2028-05-01', '2028-05-02', '2028-05-03']);
    expect(a.workdays.filter((w) => w.name === '清明节').map((w) => w.date)).toEqual(['2028-04-08']);
    expect(a.workdays).toHaveLength(7);
  });

  it('reads a range written across the year, with its years', () => {
    const text = '国务院办公厅关于2029年部分节假日安排的通知\n一、元旦：2028年12月30日（周六）至2029年1月1日（周一）放假，共3天。\n二、春节：2月12日（周一）至18日（周日）放假调休，共7天。2028年12月23日（周六）上班。';
    const a = parseHolidayNotice(text);
    expect(a.holidays[0]?.days).toEqual(['2028-12-30', '2028-12-31', '2029-01-01']);
    expect(a.workdays.map((w) => w.date)).toEqual(['2028-12-23']);
  });

  it('refuses text that is not such a notice, in Chinese', () => {
    expect(problemsOf('某某市人民政府办公室关于做好冬季供暖工作的通知\n一、保障供暖。')[0]).toMatch(/不是国务院办公厅的节假日安排通知/);
    expect(problemsOf('国务院办公厅关于2027年部分节假日安排的通知\n经国务院批准，现将有关事项通知如下。')[0]).toMatch(/没有找到放假安排/);
    expect(problemsOf('')[0]).toMatch(/没有找到标题/);
  });

  it('refuses a notice that contradicts itself, naming the item', () => {
    const base = notice('2027.txt');
    // A weekday that is not the date's: the wrong year's notice, or a typing error.
    expect(problemsOf(base.replace('6月9日（周三）', '6月9日（周四）'))).toEqual([expect.stringMatching(/第五项（端午节）：2027年6月9日是周三，通知写的是周四/)]);
    // 共N天 that is not the range's length.
    expect(problemsOf(base.replace('共8天', '共6天'))).toEqual([expect.stringMatching(/第二项（春节）.*是8天，通知写的是共6天/)]);
    // A 上班 day on a weekday is no 调休.
    expect(problemsOf(base.replace('5月8日（周六）上班', '5月7日（周五）上班'))).toEqual([expect.stringMatching(/第四项（劳动节）：上班日 2027-05-07 是周五/)]);
    // A day that does not exist, and an item whose days cannot be read.
    expect(problemsOf(base.replace('6月9日（周三）', '6月31日'))[0]).toMatch(/2027年6月31日不存在/);
    expect(problemsOf(base.replace('9月15日（周三）放假，共1天', '9月中旬放假'))[0]).toMatch(/第六项（中秋节）：读不出放假日期/);
    // A day both off and at work.
    expect(problemsOf(base.replace('5月8日（周六）上班', '5月1日（周六）上班')).join()).toMatch(/2027-05-01 既是劳动节的放假日，又列为上班日/);
  });
});
