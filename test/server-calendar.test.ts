// The calendar over HTTP on both engines: the years with their source, a notice imported pasted
// (as 管理员) and as a .docx (as 督查室), the import replacing the year's earlier one, and a text
// that is no notice refused in Chinese with nothing written.
import { readFileSync } from 'node:fs';
import { Document, Packer, Paragraph } from 'docx';
import { afterAll, describe, expect, it } from 'vitest';
import { useImportedArrangements } from '../src/calendar/working-days.ts';
import { serverHarness } from './server-harness.ts';
import { DIALECTS } from './store-targets.ts';

const notice = (name: string) => readFileSync(new URL(`./fixtures/holiday-notices/${name}`, import.meta.url), 'utf8');

interface YearView {
  year: number;
  source: string;
  holidays: { name: string; days: string[] }[];
  workdays: { date: string; name: string }[];
  imported: { id: number; fileName: string | null; importedBy: string; replacedCount: number } | null;
}

async function docxOf(text: string): Promise<string> {
  const doc = new Document({ sections: [{ children: text.split('\n').map((line) => new Paragraph(line)) }] });
  return (await Packer.toBuffer(doc)).toString('base64');
}

afterAll(() => useImportedArrangements([]));

for (const { dialect, available } of DIALECTS) {
  describe.skipIf(!available)(`calendar API (${dialect})`, () => {
    const h = serverHarness(dialect);
    const years = async () => {
      const r = await h.request({ method: 'GET', url: '/api/calendar/years', session: h.as('unit') });
      expect(r.status).toBe(200);
      return Object.fromEntries((r.body as { years: YearView[] }).years.map((y) => [y.year, y]));
    };
    const rowCount = async () => (await h.store.db.selectFrom('calendar_arrangements').select('id').execute()).length;

    it('lists last year, this year and next with their source', async () => {
      const y = await years();
      expect(Object.keys(y)).toEqual(['2025', '2026', '2027']);
      expect(y[2026]).toMatchObject({ source: 'official', imported: null });
      expect(y[2026]?.workdays.map((w) => w.date)).toContain('2026-10-10');
      expect(y[2027]).toMatchObject({ source: 'provisional', workdays: [] });
      expect(y[2027]?.holidays.find((hd) => hd.name === '春节')?.days).toContain('2027-02-10');
    });

    it('imports a pasted notice (管理员): the year becomes imported with its 调休 days', async () => {
      const r = await h.request({ method: 'POST', url: '/api/calendar/notices', payload: { text: notice('2027.txt') }, session: h.as('admin') });
      expect(r.status).toBe(200);
      expect(r.body).toMatchObject({ replaced: null, unchanged: false, year: { year: 2027, source: 'imported', imported: { importedBy: 'admin', replacedCount: 0 } } });
      const y = await years();
      expect(y[2027]?.source).toBe('imported');
      expect(y[2027]?.workdays.map((w) => w.date)).toContain('2027-02-20');
      const audit = await h.store.db.selectFrom('audit_events').select(['actor', 'action']).where('action', '=', 'calendar.import').execute();
      expect(audit).toEqual([{ actor: 'admin', action: 'calendar.import' }]);
    });

    it('imports a .docx (督查室): it replaces the earlier import, which is kept', async () => {
      const first = (await years())[2027]?.imported?.id;
      const r = await h.request({ method: 'POST', url: '/api/calendar/notices', payload: { file: { name: '2027年节假日安排.docx', content: await docxOf(notice('2027-corrected.txt')) } }, session: h.as('supervisor') });
      expect(r.status).toBe(200);
      expect(r.body).toMatchObject({ replaced: first, year: { source: 'imported', imported: { fileName: '2027年节假日安排.docx', importedBy: 'supervisor', replacedCount: 1 } } });
      const y = await years();
      expect(y[2027]?.workdays.map((w) => w.date)).toContain('2027-02-27');
      expect(y[2027]?.workdays.map((w) => w.date)).not.toContain('2027-02-20');
      expect(await rowCount()).toBe(2);
    });

    it('refuses what is no notice, in Chinese, and writes nothing', async () => {
      const before = await rowCount();
      const cases: [unknown, RegExp][] = [
        [{ text: '某某市人民政府办公室关于做好冬季供暖工作的通知\n一、保障供暖。' }, /未导入：这不是国务院办公厅的节假日安排通知/],
        [{ text: notice('2027.txt').replace('6月9日（周三）', '6月9日（周四）') }, /第五项（端午节）：2027年6月9日是周三，通知写的是周四/],
        [{ file: { name: 'notice.xlsx', content: Buffer.from('PK').toString('base64') } }, /读不了文件/],
        [{}, /请粘贴通知全文或上传通知文件/],
        [{ text: notice('2027.txt'), file: { name: 'a.txt', content: '' } }, /二选一/],
      ];
      for (const [payload, message] of cases) {
        const r = await h.request({ method: 'POST', url: '/api/calendar/notices', payload: payload as Record<string, unknown>, session: h.as('admin') });
        expect({ status: r.status, body: r.body }).toMatchObject({ status: 400, body: { error: expect.stringMatching(message) } });
      }
      expect(await rowCount()).toBe(before);
      expect((await years())[2027]?.workdays.map((w) => w.date)).toContain('2027-02-27');
    });

    it('is for administrators and the 督查室 only', async () => {
      for (const role of ['unit', 'leader', 'clerk'] as const) {
        const r = await h.request({ method: 'POST', url: '/api/calendar/notices', payload: { text: notice('2027.txt') }, session: h.as(role) });
        expect(r.status).toBe(403);
      }
      expect(await rowCount()).toBe(2);
    });
  });
}
