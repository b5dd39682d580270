// The official calendar: holidays, 调休 working weekends, and date arithmetic that does not depend
// on the machine's time zone.
import chineseDays from 'chinese-days';
import { afterEach, describe, expect, it } from 'vitest';
import {
  addCalendarDays,
  addMonths,
  addWorkingDays,
  CalendarRangeError,
  calendarCoverage,
  daysBetween,
  holidayName,
  isCovered,
  isWorkingDay,
  lastDayOfMonth,
  parseIsoDate,
  weekday,
  workingDayOnOrAfter,
  workingDayOnOrBefore,
} from '../src/calendar/index.ts';

describe('isWorkingDay', () => {
  it('counts a 调休 Sunday before the Spring Festival as a working day, the Saturday before it not', () => {
    expect(weekday('2024-02-04')).toBe(7);
    expect(isWorkingDay('2024-02-04')).toBe(true);
    expect(isWorkingDay('2024-02-03')).toBe(false);
  });

  it('rests through the whole Spring Festival 2024 (02-10…02-17), weekdays included, and works on 除夕 and the 调休 Sunday after', () => {
    for (let d = '2024-02-10'; d <= '2024-02-17'; d = addCalendarDays(d, 1)) expect(isWorkingDay(d), d).toBe(false);
    expect(isWorkingDay('2024-02-09')).toBe(true); // 除夕 is not an official holiday in 2024
    expect(isWorkingDay('2024-02-18')).toBe(true); // Sunday, 调休上班
    expect(isWorkingDay('2024-02-19')).toBe(true);
    expect(holidayName('2024-02-12')).toBe('春节');
    expect(holidayName('2024-02-19')).toBeNull();
  });

  it('follows 中秋/国庆 2023: 09-29…10-06 off, the weekend 10-07/08 on', () => {
    expect(isWorkingDay('2023-09-28')).toBe(true);
    for (let d = '2023-09-29'; d <= '2023-10-06'; d = addCalendarDays(d, 1)) expect(isWorkingDay(d), d).toBe(false);
    expect(weekday('2023-10-07')).toBe(6);
    expect(isWorkingDay('2023-10-07')).toBe(true);
    expect(isWorkingDay('2023-10-08')).toBe(true);
    expect(isWorkingDay('2023-10-14')).toBe(false); // an ordinary Saturday
  });

  it('works on the 调休 Sunday before 劳动节 2023 (04-23) and rests 04-29…05-03', () => {
    expect(isWorkingDay('2023-04-23')).toBe(true);
    for (let d = '2023-04-29'; d <= '2023-05-03'; d = addCalendarDays(d, 1)) expect(isWorkingDay(d), d).toBe(false);
    expect(isWorkingDay('2023-05-06')).toBe(true); // Saturday, 调休上班
  });

  it('agrees with chinese-days on every day it covers', () => {
    const { from, to } = calendarCoverage();
    let disagreements = 0;
    for (let d = from; d <= to; d = addCalendarDays(d, 1)) {
      const { year, month, day } = parseIsoDate(d);
      // Local midnight: the library reads weekday and date in the local zone.
      if (chineseDays.isWorkday(new Date(year, month - 1, day)) !== isWorkingDay(d)) disagreements++;
    }
    expect(disagreements).toBe(0);
  });
});

describe('a year the data does not cover', () => {
  const { from, to } = calendarCoverage();
  const after = `${Number(to.slice(0, 4)) + 1}-10-01`;
  const before = `${Number(from.slice(0, 4)) - 1}-10-01`;

  it('is an error before the data, a provisional computed year after it', () => {
    expect(isCovered(after)).toBe(false);
    // 10-01 of a later year is 国庆 in the computed (provisional) calendar, not an error.
    expect(isWorkingDay(after)).toBe(false);
    expect(() => isWorkingDay(before)).toThrow(CalendarRangeError);
    expect(() => isWorkingDay(before)).toThrow(/超出节假日安排的收录范围/);
    expect(() => addWorkingDays(`${from.slice(0, 4)}-01-02`, -5)).toThrow(CalendarRangeError);
  });

  it('falls back to Monday–Friday only when asked to', () => {
    const monday = [0, 1, 2, 3, 4, 5, 6].map((k) => addCalendarDays(before, k)).find((d) => weekday(d) === 1)!;
    expect(isWorkingDay(monday, { outside: 'weekends' })).toBe(true);
    expect(isWorkingDay(addCalendarDays(monday, 5), { outside: 'weekends' })).toBe(false);
    expect(addWorkingDays(addCalendarDays(monday, -3), 1, { outside: 'weekends' })).toBe(monday);
  });

  it('still does plain date arithmetic', () => {
    expect(addCalendarDays(after, 31)).toBe(`${after.slice(0, 4)}-11-01`);
  });
});

describe('addWorkingDays', () => {
  it('does not count the start day: 5 working days from Friday 2024-02-02 end on Thursday 02-08, counting the 调休 Sunday', () => {
    expect(addWorkingDays('2024-02-02', 5)).toBe('2024-02-08');
  });

  it('jumps the Spring Festival: one working day after 除夕 is the 调休 Sunday 02-18', () => {
    expect(addWorkingDays('2024-02-09', 1)).toBe('2024-02-18');
    expect(addWorkingDays('2024-02-08', 3)).toBe('2024-02-19');
  });

  it('jumps 中秋/国庆 2023 onto the working Saturday 10-07', () => {
    expect(addWorkingDays('2023-09-28', 1)).toBe('2023-10-07');
    expect(addWorkingDays('2023-09-27', 4)).toBe('2023-10-09');
  });

  it('counts from a rest day too (a notice signed on a Saturday)', () => {
    expect(addWorkingDays('2023-04-22', 1)).toBe('2023-04-23');
  });

  it('returns the start for 0 and counts back for negative n', () => {
    expect(addWorkingDays('2024-02-10', 0)).toBe('2024-02-10');
    expect(addWorkingDays('2024-02-19', -1)).toBe('2024-02-18');
    expect(addWorkingDays('2024-02-18', -1)).toBe('2024-02-09');
  });

  it('rejects fractions and malformed dates', () => {
    expect(() => addWorkingDays('2024-02-02', 1.5)).toThrow(RangeError);
    expect(() => addWorkingDays('2024-2-2', 1)).toThrow(/YYYY-MM-DD/);
    expect(() => addWorkingDays('2023-02-29', 1)).toThrow(/不存在的日期/);
  });
});

describe('shifting to a working day', () => {
  it('goes back to 除夕 from inside the Spring Festival, forward to the 调休 Saturday from inside 国庆', () => {
    expect(workingDayOnOrBefore('2024-02-12')).toBe('2024-02-09');
    expect(workingDayOnOrAfter('2023-10-01')).toBe('2023-10-07');
    expect(workingDayOnOrBefore('2024-02-19')).toBe('2024-02-19');
  });
});

describe('calendar arithmetic', () => {
  it('knows month ends and leap years', () => {
    expect(lastDayOfMonth(2024, 2)).toBe('2024-02-29');
    expect(lastDayOfMonth(2023, 2)).toBe('2023-02-28');
    expect(lastDayOfMonth(2100, 2)).toBe('2100-02-28');
    expect(lastDayOfMonth(2000, 2)).toBe('2000-02-29');
    expect(lastDayOfMonth(2023, 12)).toBe('2023-12-31');
    expect(() => lastDayOfMonth(2023, 13)).toThrow(RangeError);
  });

  it('adds calendar days across months and years', () => {
    expect(addCalendarDays('2023-12-31', 1)).toBe('2024-01-01');
    expect(addCalendarDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addCalendarDays('2024-03-01', -1)).toBe('2024-02-29');
    expect(addCalendarDays('2023-03-09', 60)).toBe('2023-05-08');
    expect(daysBetween('2023-01-01', '2024-01-01')).toBe(365);
  });

  it('adds months the way 民法典 counts them: the same day, or the month end when there is none', () => {
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2023-01-31', 1)).toBe('2023-02-28');
    expect(addMonths('2023-11-15', 3)).toBe('2024-02-15');
    expect(addMonths('2024-03-31', -1)).toBe('2024-02-29');
  });
});

describe('time zones', () => {
  const saved = process.env.TZ;
  afterEach(() => {
    if (saved === undefined) delete process.env.TZ;
    else process.env.TZ = saved;
  });

  it('gives the same answers west and east of Greenwich', () => {
    const answers = () => [
      isWorkingDay('2024-02-05'),
      isWorkingDay('2024-02-04'),
      weekday('2024-03-10'),
      addWorkingDays('2024-02-02', 5),
      addCalendarDays('2024-03-09', 2), // a DST change in New York
      addMonths('2024-10-31', 1),
    ];
    process.env.TZ = 'America/New_York';
    const west = answers();
    process.env.TZ = 'Asia/Shanghai';
    const east = answers();
    process.env.TZ = 'Pacific/Kiritimati';
    const farEast = answers();
    expect(west).toEqual([true, true, 7, '2024-02-08', '2024-03-11', '2024-11-30']);
    expect(east).toEqual(west);
    expect(farEast).toEqual(west);
  });
});
