import { describe, expect, it } from 'vitest';
import { provisionalHolidays, statutoryHolidays } from '../src/calendar/provisional.ts';
import { addWorkingDays, isWorkingDay, isProvisionalYear } from '../src/calendar/working-days.ts';

describe('provisional statutory holidays (办法, 2024 amendment)', () => {
  it('computes 2027 from the lunar calendar and solar terms', () => {
    const byName = Object.fromEntries(statutoryHolidays(2027).map((h) => [h.name, h.days]));
    expect(byName['春节']).toEqual(['2027-02-05', '2027-02-06', '2027-02-07', '2027-02-08']);
    expect(byName['清明节']).toEqual(['2027-04-05']);
    expect(byName['端午节']).toEqual(['2027-06-09']);
    expect(byName['中秋节']).toEqual(['2027-09-15']);
    expect(byName['国庆节']).toEqual(['2027-10-01', '2027-10-02', '2027-10-03']);
  });

  it('compensates weekend holiday days on the following working day, no 调休 Saturdays', () => {
    const days = provisionalHolidays(2027);
    // 2027-02-06/07 are Saturday/Sunday: two 补假 days after 春节 (Tue 02-09, Wed 02-10).
    const comp = days.filter((d) => d.name === '春节' && d.kind === 'compensation').map((d) => d.date);
    expect(comp).toEqual(['2027-02-09', '2027-02-10']);
    // 国庆 2027-10-02/03 Sat/Sun → Mon 10-04, Tue 10-05.
    expect(days.filter((d) => d.name === '国庆节' && d.kind === 'compensation').map((d) => d.date)).toEqual([
      '2027-10-04',
      '2027-10-05',
    ]);
    // 2028: 元旦 is a Saturday → Monday 2028-01-03.
    expect(provisionalHolidays(2028).find((d) => d.name === '元旦' && d.kind === 'compensation')?.date).toBe('2028-01-03');
  });

  it('working days go on past the data: a 2026-12-31 deadline + 1 working day is 2027-01-04', () => {
    expect(isProvisionalYear(2027)).toBe(true);
    expect(isProvisionalYear(2026)).toBe(false);
    expect(isWorkingDay('2027-01-01')).toBe(false);
    expect(addWorkingDays('2026-12-31', 1)).toBe('2027-01-04');
    expect(isWorkingDay('2027-02-09')).toBe(false);
    expect(isWorkingDay('2027-02-11')).toBe(true);
    expect(isWorkingDay('2027-02-13')).toBe(false); // no invented 调休 Saturday
  });
});
