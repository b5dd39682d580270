// Recurring deadlines expanded into the due dates an office schedules reminders for.
import { describe, expect, it } from 'vitest';
import { parseDeadline } from '../src/extract/deadline.ts';
import { expandRecurring } from '../src/extract/recurrence.ts';
import type { Deadline } from '../src/types.ts';
import { CalendarRangeError, isWorkingDay } from '../src/calendar/index.ts';

const rule = (text: string): Deadline => {
  const d = parseDeadline(text, { year: 2024, issued: '2024-01-10' });
  if (d === null) throw new Error(`no deadline in ${text}`);
  return d;
};

describe('expandRecurring', () => {
  it('moves a monthly due day that falls on a rest day to the working day before', () => {
    expect(expandRecurring(rule('每月3日前将上月数据分送盟统计局'), '2024-01-01', '2024-12-31')).toEqual([
      '2024-01-03',
      '2024-02-02', // 02-03 is a Saturday
      '2024-03-01', // Sunday
      '2024-04-03',
      '2024-04-30', // 05-03 is inside 劳动节
      '2024-06-03',
      '2024-07-03',
      '2024-08-02',
      '2024-09-03',
      '2024-09-30', // 10-03 is inside 国庆
      '2024-11-01',
      '2024-12-03',
    ]);
  });

  it('puts 每季度25日前 into the quarter’s last month, and a report on 上季度 into the first', () => {
    expect(expandRecurring(rule('每季度25日前将本季度建筑企业投资情况分送'), '2024-01-01', '2024-12-31')).toEqual([
      '2024-03-25',
      '2024-06-25',
      '2024-09-25',
      '2024-12-25',
    ]);
    expect(expandRecurring(rule('每季度25日前报送上季度工作进展'), '2024-01-01', '2024-12-31')).toEqual([
      '2024-01-25',
      '2024-04-25',
      '2024-07-25',
      '2024-10-25',
    ]);
  });

  it('gives 每半月 the 15th and the month end, moved off the Spring Festival', () => {
    expect(expandRecurring(rule('每半月调度一次'), '2024-02-01', '2024-03-31')).toEqual(['2024-02-09', '2024-02-29', '2024-03-15', '2024-03-29']);
  });

  it('shifts before by default, after or not at all when asked', () => {
    const yearly = rule('每年4月30日前予以兑现');
    // 2023-04-30 is a Sunday inside 劳动节 (04-29…05-03).
    expect(expandRecurring(yearly, '2023-01-01', '2025-12-31')).toEqual(['2023-04-28', '2024-04-30', '2025-04-30']);
    expect(expandRecurring(yearly, '2023-01-01', '2023-12-31', { shift: 'after' })).toEqual(['2023-05-04']);
    expect(expandRecurring(yearly, '2023-01-01', '2023-12-31', { shift: 'none' })).toEqual(['2023-04-30']);
  });

  it('dates a bare period at its end, on a working day', () => {
    expect(expandRecurring(rule('每月主动向盟统计局报送相关数据'), '2024-03-01', '2024-06-30')).toEqual(['2024-03-29', '2024-04-30', '2024-05-31', '2024-06-28']);
  });

  it('finds the n-th working day of each month, 调休 Sunday included', () => {
    // February 2024: Thu 1, Fri 2, Sun 4 (调休), Mon 5, Tue 6.
    expect(expandRecurring(rule('每月前5个工作日内报送上月数据'), '2024-02-01', '2024-02-29')).toEqual(['2024-02-06']);
  });

  it('clamps a day the month does not have', () => {
    expect(expandRecurring(rule('每月31日前'), '2024-02-01', '2024-04-30', { shift: 'none' })).toEqual(['2024-02-29', '2024-03-31', '2024-04-30']);
  });

  it('expands weekly rules, moving a holiday Friday back', () => {
    expect(expandRecurring(rule('每周五前报送周报'), '2023-09-18', '2023-10-08')).toEqual(['2023-09-22', '2023-09-28']);
    // The Friday of 10-06 is inside 国庆 and moves to the working day before it: 09-28 again, listed once.
  });

  it('lists every day for 每天, every working day for 每个工作日', () => {
    expect(expandRecurring(rule('每天上午10时前'), '2024-02-08', '2024-02-12')).toEqual(['2024-02-08', '2024-02-09', '2024-02-10', '2024-02-11', '2024-02-12']);
    const workdays = expandRecurring(rule('每个工作日下午5点前'), '2024-02-01', '2024-02-29');
    expect(workdays.every((d) => isWorkingDay(d))).toBe(true);
    expect(workdays).toContain('2024-02-04');
    expect(workdays).toContain('2024-02-18');
    expect(workdays).not.toContain('2024-02-12');
  });

  it('gives no dates to a rule that waits for an event', () => {
    expect(expandRecurring(rule('每月（季、年）在自治区正式反馈统计数据后次日'), '2024-01-01', '2024-12-31')).toEqual([]);
  });

  it('gives a single date when it falls in the range, nothing otherwise', () => {
    const once = rule('6月底前');
    expect(expandRecurring(once, '2024-01-01', '2024-12-31')).toEqual(['2024-06-30']);
    expect(expandRecurring(once, '2025-01-01', '2025-12-31')).toEqual([]);
    expect(expandRecurring(rule('长期推进'), '2024-01-01', '2024-12-31')).toEqual([]);
  });

  it('says so when the calendar does not cover the range, unless nothing is shifted', () => {
    expect(() => expandRecurring(rule('每月3日前'), '1999-01-01', '1999-12-31')).toThrow(CalendarRangeError);
    expect(expandRecurring(rule('每月3日前'), '1999-01-01', '1999-03-31', { shift: 'none' })).toEqual(['1999-01-03', '1999-02-03', '1999-03-03']);
  });

  it('returns nothing for an empty range and refuses an absurd one', () => {
    expect(expandRecurring(rule('每月3日前'), '2024-05-01', '2024-04-01')).toEqual([]);
    expect(() => expandRecurring(rule('每天上午10时前'), '1900-01-01', '2100-01-01')).toThrow(RangeError);
  });
});
