// Imported holiday arrangements (src/store/calendar.ts, migration 0017) on both engines: a 2027
// notice makes the year official for every working-day answer (the calendar, the supervision
// core's remembered answers, a deadline read from a document), a newer notice replaces it without
// deleting it, a text that is no notice is refused with nothing written, and a store opened again
// brings its imports back.
import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { HolidayNoticeError } from '../src/calendar/holiday-notice.ts';
import { addWorkingDays, calendarYear, holidayName, isProvisionalYear, isWorkingDay, useImportedArrangements, yearSource } from '../src/calendar/working-days.ts';
import { parseDeadline } from '../src/extract/deadline.ts';
import { importHolidayNotice, loadArrangements } from '../src/store/calendar.ts';
import { openStore } from '../src/store/open.ts';
import { addWorkdays, isProvisional } from '../src/workflow/days.ts';
import { DIALECTS, freshStore, testClock } from './store-targets.ts';

const notice = (name: string) => readFileSync(new URL(`./fixtures/holiday-notices/${name}`, import.meta.url), 'utf8');
const admin = { actor: { name: 'admin', id: 1 }, now: testClock.now() };
/** "5个工作日内" from a document dated the day before 春节 2027. */
const fiveWorkingDays = () => parseDeadline('请于5个工作日内报送', { year: 2027, issued: '2027-02-04' })?.date;

afterAll(() => useImportedArrangements([]));

for (const { dialect, available } of DIALECTS) {
  describe.skipIf(!available)(`imported holiday notices (${dialect})`, () => {
    const fresh = freshStore(dialect);
    const rows = () => fresh.store.db.selectFrom('calendar_arrangements').selectAll().orderBy('id').execute();
    const events = () => fresh.store.db.selectFrom('audit_events').select(['action', 'entity_id', 'before', 'after']).where('action', '=', 'calendar.import').orderBy('id').execute();

    it('a fresh store leaves 2027 provisional', () => {
      expect(isProvisionalYear(2027)).toBe(true);
      expect(isProvisional('2027-02-20')).toBe(true);
      expect(isWorkingDay('2027-02-20')).toBe(false);
      expect(isWorkingDay('2027-02-11')).toBe(true);
      // Across the provisional 春节 (02-05…02-10 off): 02-11, 02-12, 02-15, 02-16, 02-17.
      expect(addWorkingDays('2027-02-04', 5)).toBe('2027-02-17');
      expect(addWorkdays('2027-02-04', 5)).toBe('2027-02-17');
      expect(fiveWorkingDays()).toBe('2027-02-17');
    });

    it('importing the 2027 notice makes the year official: the 调休 Saturday works, the deadline across 春节 moves', async () => {
      const result = await importHolidayNotice(fresh.store.db, admin, { text: notice('2027.txt'), fileName: '2027.txt' });
      expect(result).toMatchObject({ replaced: null, unchanged: false, arrangement: { year: 2027, importedBy: 'admin', fileName: '2027.txt' } });
      expect(isProvisionalYear(2027)).toBe(false);
      expect(yearSource(2027)).toBe('imported');
      expect(isProvisional('2027-02-20')).toBe(false);
      expect(isWorkingDay('2027-02-20')).toBe(true);
      expect(holidayName('2027-02-20')).toBe('春节');
      expect(isWorkingDay('2027-02-11')).toBe(false);
      // 02-05…02-12 off: 02-15 … 02-19; the sixth working day is Saturday 02-20.
      expect(addWorkingDays('2027-02-04', 5)).toBe('2027-02-19');
      expect(addWorkingDays('2027-02-04', 6)).toBe('2027-02-20');
      expect(addWorkdays('2027-02-04', 5)).toBe('2027-02-19');
      expect(fiveWorkingDays()).toBe('2027-02-19');
      const year = calendarYear(2027);
      expect(year.source).toBe('imported');
      expect(year.workdays.map((w) => w.date)).toContain('2027-02-20');
      expect(year.holidays.map((h) => h.name)).toEqual(['元旦', '春节', '清明节', '劳动节', '端午节', '中秋节', '国庆节']);
      expect(await rows()).toHaveLength(1);
      const [event] = await events();
      expect(event?.before).toBeNull();
      expect(JSON.parse(event?.after ?? 'null')).toMatchObject({ year: 2027 });
      // 2026 stays the package's, 2028 provisional.
      expect(yearSource(2026)).toBe('official');
      expect(yearSource(2028)).toBe('provisional');
    });

    it('a second import replaces the first, which is kept', async () => {
      const result = await importHolidayNotice(fresh.store.db, admin, { text: notice('2027-corrected.txt') });
      const [first, second] = await rows();
      expect(result.replaced).toBe(first?.id);
      expect(first?.replaced_at).not.toBeNull();
      expect(second?.replaced_at).toBeNull();
      expect(isWorkingDay('2027-02-20')).toBe(false);
      expect(isWorkingDay('2027-02-27')).toBe(true);
      expect(isWorkingDay('2027-02-12')).toBe(true);
      expect(addWorkdays('2027-02-04', 5)).toBe('2027-02-18');
      const [current] = await loadArrangements(fresh.store.db);
      expect(current).toMatchObject({ id: second?.id, replacedCount: 1 });
      const audit = await events();
      expect(audit).toHaveLength(2);
      expect(JSON.parse(audit[1]?.before ?? 'null').workdays.map((w: { date: string }) => w.date)).toContain('2027-02-20');
    });

    it('the same notice again changes nothing', async () => {
      const result = await importHolidayNotice(fresh.store.db, admin, { text: notice('2027-corrected.txt') });
      expect(result.unchanged).toBe(true);
      expect(await rows()).toHaveLength(2);
      expect(await events()).toHaveLength(2);
    });

    it('a text that is no notice is refused in Chinese, and nothing is written', async () => {
      const before = await rows();
      const error = await importHolidayNotice(fresh.store.db, admin, { text: '某某市人民政府办公室关于做好冬季供暖工作的通知\n一、保障供暖。' }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(HolidayNoticeError);
      expect((error as Error).message).toMatch(/不是国务院办公厅的节假日安排通知/);
      const broken = await importHolidayNotice(fresh.store.db, admin, { text: notice('2027.txt').replace('共8天', '共6天') }).catch((e: unknown) => e);
      expect((broken as Error).message).toMatch(/第二项（春节）/);
      expect(await rows()).toEqual(before);
      expect(await events()).toHaveLength(2);
      expect(isWorkingDay('2027-02-27')).toBe(true);
    });

    it('a store opened again installs its imports into the calendar', async () => {
      useImportedArrangements([]);
      expect(isProvisionalYear(2027)).toBe(true);
      const again = await openStore(fresh.url);
      try {
        expect(yearSource(2027)).toBe('imported');
        expect(isWorkingDay('2027-02-27')).toBe(true);
      } finally {
        await again.close();
      }
    });
  });
}
