// 收文's printed forms through the API on both engines: the 文件批办单 of a registration as .docx
// and the 收文登记簿 as .xlsx, opened back and checked field by field; the book follows the
// 收文簿's filter and is written oldest first.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { INCOMING_REGISTER_COLUMNS } from '../src/report/incoming-xlsx.ts';
import { openDocx } from './docx-open.ts';
import { serverHarness } from './server-harness.ts';
import { DIALECTS } from './store-targets.ts';

const NOTICES = [
  ['青川县人民政府办公室关于开展冬季森林防火检查的通知', '青政办发〔2026〕17号', '2026年11月20日', '一、全面排查林区火源隐患。（责任单位：县林业局，各乡镇人民政府）'],
  ['青川县财政局关于报送2027年部门预算草案的函', '青财函〔2026〕9号', '2026年11月25日', '请于12月10日前报送预算草案。'],
].map(([title, number, date, body]) => ({ title: title!, number: number!, text: [title, number, '各乡镇人民政府，县直各部门：', body, title!.startsWith('青川县财政局') ? '青川县财政局' : '青川县人民政府办公室', date].join('\n') }));

function multipart(name: string, text: string): { payload: Buffer; headers: Record<string, string> } {
  const boundary = '----duban-print-boundary';
  const payload = Buffer.concat([Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: text/plain\r\n\r\n`), Buffer.from(text), Buffer.from(`\r\n--${boundary}--\r\n`)]);
  return { payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

async function sheetRows(buffer: Buffer): Promise<string[][]> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(buffer as unknown as ArrayBuffer);
  const sheet = book.worksheets[0]!;
  const rows: string[][] = [];
  sheet.eachRow((row) => rows.push(Array.from(row.values as unknown[]).slice(1).map((c) => (c instanceof Date ? c.toISOString().slice(0, 10) : c === null || c === undefined ? '' : String(c)))));
  return rows;
}

for (const { dialect, available } of DIALECTS) {
  describe.skipIf(!available)(`收文 printed forms (${dialect})`, () => {
    const h = serverHarness(dialect, { now: '2026-12-03T10:00:00+08:00' });
    const ids: number[] = [];

    it('prints the 文件批办单 of a registration with its fields', async () => {
      for (const [k, n] of NOTICES.entries()) {
        const up = multipart(`${k}.txt`, n.text);
        const r = await h.request({ method: 'POST', url: '/api/incoming?channel=政&via=公文交换', payload: up.payload, headers: up.headers, session: h.as('clerk') });
        expect(r.status).toBe(200);
        ids.push((r.body as { registered: { id: number }[] }).registered[0]!.id);
      }
      const r = await h.app.inject({ method: 'GET', url: `/api/incoming/${ids[0]}/slip.docx`, headers: { host: '127.0.0.1:8080', cookie: h.as('leader').cookie } });
      expect(r.statusCode).toBe(200);
      expect(r.headers['content-disposition']).toContain(encodeURIComponent('文件批办单（政）1号.docx'));
      const doc = await openDocx(r.rawPayload);
      expect(doc.lines[0]).toBe('文件批办单');
      for (const text of ['（政）1号', '青川县人民政府办公室', '2026年12月3日', '青政办发〔2026〕17号', '公文交换', NOTICES[0]!.title, '领导批示', '拟办意见', '传阅情况']) expect(doc.text).toContain(text);
      expect((await h.request({ method: 'GET', url: '/api/incoming/999999/slip.docx', session: h.as('clerk') })).status).toBe(404);
    });

    it('exports the 收文登记簿, oldest first, filtered as the 收文簿', async () => {
      await h.request({ method: 'POST', url: `/api/incoming/${ids[1]}/review`, payload: { kind: '阅件', version: 1 }, session: h.as('clerk') });
      const all = await h.app.inject({ method: 'GET', url: '/api/incoming/book.xlsx', headers: { host: '127.0.0.1:8080', cookie: h.as('supervisor').cookie } });
      expect(all.statusCode).toBe(200);
      const rows = await sheetRows(all.rawPayload);
      const header = rows.findIndex((r) => r[0] === '序号');
      expect(rows[header]).toEqual([...INCOMING_REGISTER_COLUMNS]);
      const body = rows.slice(header + 1);
      expect(body.map((r) => [r[0], r[1], r[3], r[4], r[8], r[9], r[10]])).toEqual([
        ['1', '（政）1号', '青川县人民政府办公室', '青政办发〔2026〕17号', '公文交换', '', '已登记'],
        ['2', '（政）2号', '青川县财政局', '青财函〔2026〕9号', '公文交换', '阅件', '已初审'],
      ]);
      const reviewed = await h.app.inject({ method: 'GET', url: '/api/incoming/book.xlsx?state=reviewed&year=2026', headers: { host: '127.0.0.1:8080', cookie: h.as('supervisor').cookie } });
      const filtered = await sheetRows(reviewed.rawPayload);
      expect(filtered.flat().join('|')).toContain('年度：2026；状态：已初审');
      expect(filtered.filter((r) => /^（政）\d+号$/.test(r[1] ?? '')).map((r) => r[1])).toEqual(['（政）2号']);
      expect((await h.request({ method: 'GET', url: '/api/incoming/book.xlsx', session: h.as('unit') })).status).toBe(403);
    });
  });
}
