// A unit's progress report with attachments, through the HTTP API on both engines: the report and
// its files are one write; each file comes back byte for byte to whoever may see the item and to
// no one else; a file of a type or a size the rule refuses, or too many files, is refused with a
// Chinese message and nothing is written — neither the report nor any of its files.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ATTACHMENT_LIMITS } from '../src/api/report-attachments.ts';
import { serverHarness, TEST_UNIT, type Harness, type Session } from './server-harness.ts';
import { DIALECTS } from './store-targets.ts';
import { insertItem, insertLedger } from './supervision-rows.ts';

interface Part {
  name: string;
  value?: string;
  file?: { filename: string; content: Buffer; type?: string };
}

function multipart(parts: readonly Part[]): { payload: Buffer; headers: Record<string, string> } {
  const boundary = '----duban-attachment-test';
  const chunks: Buffer[] = [];
  for (const p of parts) {
    if (p.file) {
      chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${p.name}"; filename="${p.file.filename}"\r\nContent-Type: ${p.file.type ?? 'application/octet-stream'}\r\n\r\n`));
      chunks.push(p.file.content, Buffer.from('\r\n'));
    } else {
      chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${p.name}"\r\n\r\n${p.value ?? ''}\r\n`));
    }
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(chunks), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

const fields = (progress: string, percent: string): Part[] => [
  { name: 'progress', value: progress },
  { name: 'problems', value: '个别小区管网老化' },
  { name: 'percent', value: percent },
];

/** Bytes of our own: a small "photo" and a "table", different from each other, not text. */
const photo = Buffer.from(Array.from({ length: 3000 }, (_, i) => (i * 7 + 3) % 256));
const table = Buffer.from(Array.from({ length: 1200 }, (_, i) => (i * 13 + 1) % 256));

for (const { dialect, available } of DIALECTS) {
  describe.skipIf(!available)(`report attachments (${dialect})`, () => {
    let mine = 0;
    let other = 0;
    const h: Harness = serverHarness(dialect, {
      now: '2026-12-07T09:00:00+08:00',
      setup: async (store) => {
        const ledger = await insertLedger(store.db);
        mine = await insertItem(store.db, ledger, { units: [['lead', TEST_UNIT]], deadline: '2026-12-31', state: 'working' });
        other = await insertItem(store.db, ledger, { units: [['lead', '通辽市财政局']], deadline: '2026-12-31', state: 'working' });
      },
    });
    const upload = (session: Session, item: number, parts: Part[]) => h.request({ method: 'POST', url: `/api/supervision/items/${item}/reports/upload`, session, ...multipart(parts) });
    const download = async (session: Session, id: number) => {
      const r = await h.app.inject({ method: 'GET', url: `/api/supervision/attachments/${id}`, headers: { host: '127.0.0.1:8080', cookie: session.cookie } });
      return { status: r.statusCode, bytes: r.rawPayload, headers: r.headers, error: r.statusCode === 200 ? null : (r.json() as { error: string }).error };
    };
    const counts = async () => ({
      reports: Number((await h.store.db.selectFrom('supervision_reports').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n),
      files: Number((await h.store.db.selectFrom('supervision_attachments').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n),
    });
    let attachments: { id: number; name: string; bytes: number }[] = [];

    it('takes a report with two files in one request and lists them on the item', async () => {
      const r = await upload(h.as('unit'), mine, [
        ...fields('已完成城区三个片区管网排查', '40'),
        { name: 'file', file: { filename: '排查现场照片.jpg', content: photo, type: 'image/jpeg' } },
        { name: 'file', file: { filename: '问题清单.xlsx', content: table } },
      ]);
      expect(r.status).toBe(200);
      expect((r.body as { latestReport: { percent: number; progress: string } }).latestReport).toMatchObject({ percent: 40, progress: '已完成城区三个片区管网排查' });
      const detail = (await h.request({ method: 'GET', url: `/api/supervision/items/${mine}`, session: h.as('supervisor') })).body as { reports: { problems: string; attachments: typeof attachments }[] };
      expect(detail.reports).toHaveLength(1);
      expect(detail.reports[0]!.problems).toBe('个别小区管网老化');
      attachments = detail.reports[0]!.attachments;
      expect(attachments.map((a) => [a.name, a.bytes])).toEqual([
        ['排查现场照片.jpg', photo.length],
        ['问题清单.xlsx', table.length],
      ]);
      // The audit event names each file with its digest.
      const event = await h.store.db.selectFrom('audit_events').select('after').where('action', '=', 'supervision.item.report').executeTakeFirstOrThrow();
      const after = (typeof event.after === 'string' ? JSON.parse(event.after) : event.after) as { attachments: { name: string; sha256: string }[] };
      expect(after.attachments.map((a) => a.sha256)).toEqual([createHash('sha256').update(photo).digest('hex'), createHash('sha256').update(table).digest('hex')]);
    });

    it('gives each file back byte for byte, as a download, to the office and the unit', async () => {
      for (const role of ['unit', 'supervisor', 'leader'] as const) {
        const got = await download(h.as(role), attachments[0]!.id);
        expect(got.status).toBe(200);
        expect(Buffer.compare(got.bytes, photo)).toBe(0);
        expect(got.headers['content-type']).toBe('image/jpeg');
        expect(String(got.headers['content-disposition'])).toContain(`filename*=UTF-8''${encodeURIComponent('排查现场照片.jpg')}`);
        expect(String(got.headers['content-disposition'])).toMatch(/^attachment;/);
      }
      const second = await download(h.as('unit'), attachments[1]!.id);
      expect(Buffer.compare(second.bytes, table)).toBe(0);
      expect(second.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    });

    it('hides another unit’s files from a unit user, and refuses roles without the permission', async () => {
      const theirs = await upload(h.as('unit'), other, [...fields('越权报送', '10'), { name: 'file', file: { filename: 'a.pdf', content: photo } }]);
      expect(theirs.status).toBe(404);
      expect(await counts()).toEqual({ reports: 1, files: 2 });
      expect((await download(h.as('unit'), 999_999)).status).toBe(404);
      // The office reports nothing itself; a clerk may not read supervision at all.
      expect((await upload(h.as('supervisor'), mine, fields('代报', '50'))).status).toBe(403);
      expect((await download(h.as('clerk'), attachments[0]!.id)).status).toBe(403);
    });

    it('refuses a file of a type that could run in a browser, an empty file and too many files, writing nothing', async () => {
      const script = await upload(h.as('unit'), mine, [...fields('第二次报送', '50'), { name: 'file', file: { filename: '说明.pdf', content: table } }, { name: 'file', file: { filename: '页面.html', content: Buffer.from('<script>alert(1)</script>') } }]);
      expect(script.status).toBe(400);
      expect((script.body as { error: string }).error).toContain('“页面.html”的类型不能上传');
      const empty = await upload(h.as('unit'), mine, [...fields('第二次报送', '50'), { name: 'file', file: { filename: '空白.docx', content: Buffer.alloc(0) } }]);
      expect((empty.body as { error: string }).error).toBe('附件“空白.docx”是空文件');
      const many = Array.from({ length: ATTACHMENT_LIMITS.files + 1 }, (_, i): Part => ({ name: 'file', file: { filename: `照片${i + 1}.png`, content: photo } }));
      const tooMany = await upload(h.as('unit'), mine, [...fields('第二次报送', '50'), ...many]);
      expect(tooMany.status).toBe(400);
      expect((tooMany.body as { error: string }).error).toBe(`一次报送最多附 ${ATTACHMENT_LIMITS.files} 个文件`);
      expect(await counts()).toEqual({ reports: 1, files: 2 });
    });

    it('refuses a file over the size limit and bad report fields with Chinese messages, writing nothing', async () => {
      const big = Buffer.alloc(ATTACHMENT_LIMITS.fileBytes + 1, 1);
      const tooBig = await upload(h.as('unit'), mine, [...fields('第二次报送', '50'), { name: 'file', file: { filename: '航拍视频.zip', content: big } }]);
      expect(tooBig.status).toBe(400);
      expect((tooBig.body as { error: string }).error).toBe('附件“航拍视频.zip”超过 20 MB，请压缩或拆分后再上传');
      for (const percent of ['150', '1e2', '0x10', '']) {
        const bad = await upload(h.as('unit'), mine, [...fields('第二次报送', percent), { name: 'file', file: { filename: '说明.pdf', content: table } }]);
        expect(bad.status).toBe(400);
        expect((bad.body as { error: string }).error).toMatch(/^报送内容有误：完成进度：/);
      }
      const noText = await upload(h.as('unit'), mine, [...fields('   ', '50'), { name: 'file', file: { filename: '说明.pdf', content: table } }]);
      expect((noText.body as { error: string }).error).toContain('工作进展');
      const json = await h.request({ method: 'POST', url: `/api/supervision/items/${mine}/reports/upload`, session: h.as('unit'), payload: { progress: 'x', percent: 1 } });
      expect(json.status).toBe(400);
      expect((json.body as { error: string }).error).toContain('multipart/form-data');
      expect(await counts()).toEqual({ reports: 1, files: 2 });
    });
  });
}
