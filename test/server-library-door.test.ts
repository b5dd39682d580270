// The library's door, through the upload route and the public library, on both engines: a
// classified document is refused with a message that says why and nothing is stored; an upload
// is imported with its outcome and documents; the public library shows only documents that may
// be public, and nothing at all when it is closed.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { importPaths } from '../src/store/import.ts';
import { serverHarness, type Harness } from './server-harness.ts';
import { DIALECTS } from './store-targets.ts';

const fixtures = join(import.meta.dirname, 'fixtures');
const PUBLIC_NOTICE = ['某某市人民政府关于印发某某市支持小微企业发展若干措施的通知', '某政发〔2026〕21号', '各旗县区人民政府，市直各部门：', '一、对新设小微企业给予一次性开办补贴。（责任单位：市财政局）', '二、对小微企业新增贷款给予贷款贴息，减免担保费。（责任单位：市金融办）', '三、对承租国有房屋的小微企业减免三个月房租。（责任单位：市国资委）', '', '某某市人民政府', '2026年10月9日', '（此件公开发布）'].join('\n');
const INTERNAL_NOTICE = ['某某市人民政府办公室关于做好领导干部值班工作的通知', '某政办发〔2026〕58号', '各旗县区人民政府：', '一、严格执行值班制度。（责任单位：各旗县区人民政府）', '', '某某市人民政府办公室', '2026年11月2日', '（此件不予公开）'].join('\n');

function multipart(files: { name: string; content: Buffer | string }[]): { payload: Buffer; headers: Record<string, string> } {
  const boundary = '----duban-door-boundary';
  const parts = files.flatMap((f) => [
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${f.name}"\r\nContent-Type: application/octet-stream\r\n\r\n`),
    Buffer.from(f.content),
    Buffer.from('\r\n'),
  ]);
  return { payload: Buffer.concat([...parts, Buffer.from(`--${boundary}--\r\n`)]), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

async function rowCounts(h: Harness): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const t of ['source_files', 'documents', 'tasks', 'search_entries']) {
    out[t] = Number((await sql<{ n: number | string }>`SELECT count(*) AS n FROM ${sql.table(t)}`.execute(h.store.db)).rows[0]!.n);
  }
  return out;
}

for (const { dialect, available } of DIALECTS) {
  describe.skipIf(!available)(`the library's door (${dialect})`, () => {
    const h = serverHarness(dialect, { settings: { publicLibrary: true } });
    const upload = (files: { name: string; content: Buffer | string }[], role: 'clerk' | 'leader' = 'clerk') =>
      h.request({ method: 'POST', url: '/api/imports', session: h.as(role), ...multipart(files) });

    it('refuses a document marked 秘密★1年, says why, and stores nothing', async () => {
      const before = await rowCounts(h);
      const r = await upload([{ name: '汛期调度.txt', content: readFileSync(join(fixtures, 'classify', 'secret-notice.txt')) }]);
      expect(r.status).toBe(200);
      const [outcome] = r.body as { status: string; message: string; documentIds: number[] }[];
      expect(outcome!.status).toBe('refused');
      expect(outcome!.message).toContain('秘密★1年');
      expect(outcome!.message).toContain('不得存储、处理国家秘密');
      expect(outcome!.documentIds).toEqual([]);
      expect(await rowCounts(h)).toEqual(before);
      // The refusal itself is on record (without the text).
      const audit = (await h.request({ method: 'GET', url: '/api/admin/audit?action=import-refused', session: h.as('admin') })).body as { items: { actor: string }[] };
      expect(audit.items.map((e) => e.actor)).toContain('clerk');
    });

    it('refuses the same file from the command line’s import too', async () => {
      const outcomes = await importPaths(h.store, [join(fixtures, 'classify', 'secret-same-line.txt'), join(fixtures, 'classify', 'slip-secret.txt')], h.clock);
      expect(outcomes.map((o) => o.status)).toEqual(['refused', 'refused']);
    });

    it('imports uploaded files with their outcome, warnings and documents, and the same file twice changes nothing', async () => {
      const r = await upload([
        { name: '小微企业措施.txt', content: PUBLIC_NOTICE },
        { name: '值班通知.txt', content: INTERNAL_NOTICE },
        { name: '乱码.bin', content: Buffer.from([0, 159, 146, 150, 0, 0]) },
      ]);
      expect(r.status).toBe(200);
      const out = r.body as { name: string; status: string; message?: string; documentIds: number[]; tasks?: number }[];
      expect(out.map((o) => [o.name, o.status])).toEqual([
        ['小微企业措施.txt', 'imported'],
        ['值班通知.txt', 'imported'],
        ['乱码.bin', 'failed'],
      ]);
      expect(out[0]!.documentIds.length).toBe(1);
      expect(out[0]!.tasks).toBe(3);
      expect(out[2]!.message).toMatch(/[\u4e00-\u9fff]/);
      const again = await upload([{ name: '小微企业措施.txt', content: PUBLIC_NOTICE }]);
      expect((again.body as { status: string }[])[0]!.status).toBe('unchanged');
      const doc = (await h.request({ method: 'GET', url: `/api/documents/${out[0]!.documentIds[0]}`, session: h.as('leader') })).body as { access: string; topic: string; preferential: boolean };
      expect(doc).toMatchObject({ access: 'public', preferential: true });
      expect(doc.topic).toBeTruthy();
      expect((await upload([{ name: 'x.txt', content: PUBLIC_NOTICE }], 'leader')).status).toBe(403);
    });

    it('shows only documents that may be public in the public library, without sign-in', async () => {
      const all = ((await h.request({ method: 'GET', url: '/api/documents?limit=100', session: h.as('leader') })).body as { items: { id: number; title: string; access: string }[] }).items;
      const internal = all.find((d) => d.access === 'internal')!;
      const open = all.find((d) => d.access === 'public')!;
      expect(internal.title).toContain('值班');
      const list = (await h.request({ method: 'GET', url: '/api/public/documents' })).body as { items: { id: number; access: string }[]; total: number };
      expect(list.items.every((d) => d.access === 'public')).toBe(true);
      expect(list.items.map((d) => d.id)).toContain(open.id);
      expect(list.items.map((d) => d.id)).not.toContain(internal.id);
      expect((await h.request({ method: 'GET', url: `/api/public/documents/${internal.id}` })).status).toBe(404);
      expect((await h.request({ method: 'GET', url: `/api/public/documents/${internal.id}/outline` })).status).toBe(404);
      expect((await h.request({ method: 'GET', url: `/api/public/documents/${open.id}` })).status).toBe(200);
      const found = (await h.request({ method: 'GET', url: `/api/public/search?q=${encodeURIComponent('值班')}` })).body as { hits: unknown[] };
      expect(found.hits).toEqual([]);
      const signedIn = (await h.request({ method: 'GET', url: `/api/search?q=${encodeURIComponent('值班')}`, session: h.as('leader') })).body as { hits: unknown[] };
      expect(signedIn.hits.length).toBeGreaterThan(0);
      const byNumber = (await h.request({ method: 'GET', url: `/api/public/search?q=${encodeURIComponent('某政办发[2026]58号')}` })).body as { hits: unknown[] };
      expect(byNumber.hits).toEqual([]);
      const stats = (await h.request({ method: 'GET', url: '/api/public/stats' })).body as { documents: number; preferential: number };
      expect(stats.documents).toBe(list.total);
      expect(stats.preferential).toBeGreaterThanOrEqual(1);
    });
  });
}

describe('the public library when closed (sqlite)', () => {
  const h = serverHarness('sqlite');
  it('answers 404 with a Chinese message on every public route', async () => {
    for (const url of ['/api/public/stats', '/api/public/documents', '/api/public/documents/1', `/api/public/search?q=${encodeURIComponent('政策')}`]) {
      const r = await h.request({ method: 'GET', url });
      expect(r.status).toBe(404);
      expect(r.body).toEqual({ error: '公开政策文件库未开放' });
    }
  });
});
