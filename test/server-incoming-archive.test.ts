// 归档 through the API on both engines: the administrator sets the 全宗号 (the clerk may not), the
// clerk sees what is ready, files a 阅件 with the proposed 保管期限 and a returned one with another,
// a refusal is a Chinese 400/409 with nothing written, the filed list filters by 年度 and 保管期限,
// the registration's view shows the 档号, and the 归档文件目录 downloads as an .xlsx read back here.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { letterText } from './archive-documents.ts';
import { serverHarness } from './server-harness.ts';
import { DIALECTS } from './store-targets.ts';

function multipart(name: string, text: string): { payload: Buffer; headers: Record<string, string> } {
  const boundary = '----duban-archive-boundary';
  const payload = Buffer.concat([Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: text/plain\r\n\r\n`), Buffer.from(text), Buffer.from(`\r\n--${boundary}--\r\n`)]);
  return { payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

interface View {
  id: number;
  serial: string;
  version: number;
  state: string;
  title: string;
  archive: { code: string; retention: string; pages: number | null } | null;
}

for (const { dialect, available } of DIALECTS) {
  describe.skipIf(!available)(`收文归档 API (${dialect})`, () => {
    const h = serverHarness(dialect, { now: '2026-12-03T10:00:00+08:00' });
    const ids: number[] = [];

    it('lets the administrator set the 全宗号, refuses a bad one in Chinese, and shows the settings to readers', async () => {
      const body = { fondsCode: 'd203', fondsName: '青川县人民政府办公室', units: [], defaults: { 办件: '30年', 阅件: '10年', 退回: '10年' } };
      expect((await h.request({ method: 'PUT', url: '/api/incoming/archive-settings', payload: body, session: h.as('clerk') })).status).toBe(403);
      const bad = await h.request({ method: 'PUT', url: '/api/incoming/archive-settings', payload: { ...body, fondsCode: 'D-203' }, session: h.as('admin') });
      expect(bad.status).toBe(400);
      expect(bad.body).toEqual({ error: '全宗号“D-203”不合规：应为 1 至 10 位字母或数字，如 X001' });
      const before = await h.request({ method: 'GET', url: '/api/incoming/archive-settings', session: h.as('clerk') });
      expect(before.body).toEqual({ settings: null, defaults: body.defaults });
      const saved = await h.request({ method: 'PUT', url: '/api/incoming/archive-settings', payload: body, session: h.as('admin') });
      expect(saved.status).toBe(200);
      expect((saved.body as { settings: { fondsCode: string; setBy: string } }).settings).toMatchObject({ fondsCode: 'D203', setBy: 'admin' });
      const read = await h.request({ method: 'GET', url: '/api/incoming/archive-settings', session: h.as('leader') });
      expect((read.body as { settings: { fondsName: string } }).settings.fondsName).toBe('青川县人民政府办公室');
    });

    it('files what is ready with its 档号; refuses the rest with the reason', async () => {
      for (const [k, year] of [2026, 2026, 2025].entries()) {
        const up = multipart(`函${k}.txt`, letterText(k + 40, year));
        const r = await h.request({ method: 'POST', url: '/api/incoming?channel=收', payload: up.payload, headers: up.headers, session: h.as('clerk') });
        ids.push((r.body as { registered: View[] }).registered[0]!.id);
      }
      await h.request({ method: 'POST', url: `/api/incoming/${ids[0]}/review`, payload: { kind: '阅件' }, session: h.as('clerk') });
      await h.request({ method: 'POST', url: `/api/incoming/${ids[1]}/review`, payload: { kind: '办件' }, session: h.as('clerk') });
      await h.request({ method: 'POST', url: `/api/incoming/${ids[2]}/review`, payload: { returned: true, reason: '应报县档案局' }, session: h.as('clerk') });

      const ready = await h.request({ method: 'GET', url: '/api/incoming/archive/ready', session: h.as('clerk') });
      expect((ready.body as { items: { incoming: View; retention: string; year: number }[] }).items.map((i) => [i.incoming.id, i.retention, i.year])).toEqual([
        [ids[0], '10年', 2026],
        [ids[2], '10年', 2025],
      ]);

      const stale = await h.request({ method: 'POST', url: `/api/incoming/${ids[0]}/archive`, payload: { version: 1 }, session: h.as('clerk') });
      expect(stale.status).toBe(409);
      expect((stale.body as { error: string }).error).toContain('已被他人修改');

      const filed = await h.request({ method: 'POST', url: `/api/incoming/${ids[0]}/archive`, payload: { pages: 2, note: '原件' }, session: h.as('clerk') });
      expect(filed.status).toBe(200);
      expect((filed.body as View).archive).toMatchObject({ code: 'D203-WS·2026-D10-0001', retention: '10年', pages: 2 });
      expect((filed.body as View).state).toBe('archived');

      const refused = await h.request({ method: 'POST', url: `/api/incoming/${ids[1]}/archive`, payload: {}, session: h.as('clerk') });
      expect(refused.status).toBe(400);
      expect((refused.body as { error: string }).error).toMatch(/^收文 （收）2号（已初审）：该办件尚未办结/);
      const badPeriod = await h.request({ method: 'POST', url: `/api/incoming/${ids[2]}/archive`, payload: { retention: '5年' }, session: h.as('clerk') });
      expect(badPeriod.status).toBe(400);
      expect((badPeriod.body as { error: string }).error).not.toMatch(/at |Error/);

      const returned = await h.request({ method: 'POST', url: `/api/incoming/${ids[2]}/archive`, payload: { retention: '永久' }, session: h.as('clerk') });
      expect((returned.body as View).archive!.code).toBe('D203-WS·2025-Y-0001');
      const view = await h.request({ method: 'GET', url: `/api/incoming/${ids[2]}`, session: h.as('leader') });
      expect((view.body as View).archive!.code).toBe('D203-WS·2025-Y-0001');
    });

    it('lists the filed ones by 年度 and 保管期限, and downloads the 归档文件目录', async () => {
      const all = await h.request({ method: 'GET', url: '/api/incoming/archive', session: h.as('clerk') });
      expect((all.body as { items: { code: string }[]; total: number }).items.map((i) => i.code)).toEqual(['D203-WS·2026-D10-0001', 'D203-WS·2025-Y-0001']);
      const y2025 = await h.request({ method: 'GET', url: '/api/incoming/archive?year=2025&retention=永久', session: h.as('clerk') });
      expect((y2025.body as { items: { serial: string }[]; total: number }).items.map((i) => i.serial)).toEqual(['（收）3号']);
      const none = await h.request({ method: 'GET', url: '/api/incoming/archive?year=2025&retention=30年', session: h.as('clerk') });
      expect(none.body).toEqual({ items: [], total: 0 });
      const badYear = await h.request({ method: 'GET', url: '/api/incoming/archive.xlsx?year=abc', session: h.as('clerk') });
      expect(badYear.status).toBe(400);

      const r = await h.app.inject({ method: 'GET', url: '/api/incoming/archive.xlsx?year=2026', headers: { host: '127.0.0.1:8080', cookie: h.as('clerk').cookie } });
      expect(r.statusCode).toBe(200);
      expect(r.headers['content-disposition']).toContain(encodeURIComponent('归档文件目录-2026.xlsx'));
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(r.rawPayload as unknown as ArrayBuffer);
      expect(book.worksheets.map((s) => s.name)).toEqual(['2026-10年']);
      const row = book.worksheets[0]!.getRow(4);
      const v = (await h.request({ method: 'GET', url: `/api/incoming/${ids[0]}`, session: h.as('clerk') })).body as View & { docNumber: string; fromUnit: string; signedOn: string };
      expect([1, 2, 3, 4, 5, 6, 8, 9, 10].map((c) => row.getCell(c).value)).toEqual([1, 'D203-WS·2026-D10-0001', v.docNumber, v.fromUnit, v.title, v.signedOn.replaceAll('-', ''), 2, '10年', '原件']);
      const empty = await h.request({ method: 'GET', url: '/api/incoming/archive.xlsx?year=2020', session: h.as('clerk') });
      expect(empty.status).toBe(404);
      expect((empty.body as { error: string }).error).toContain('2020年收文尚未归档');
    });
  });
}
