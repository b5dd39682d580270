// The upload route reports duplicates as `duban import` does: a second copy of a notice, in
// another encoding and with other line ends, is not stored and says which document it repeats
// and from which upload; text with no document is refused with a reason and stored with
// ?force=true. On both engines; the notice is written for this test.
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { encodeGb18030 } from './input-fixture.ts';
import { serverHarness } from './server-harness.ts';
import { DIALECTS } from './store-targets.ts';

const NOTICE = ['河川县人民政府办公室关于做好冬季清雪除冰工作的通知', '河政办发〔2025〕31号', '各乡镇人民政府，县直有关部门：', '一、县城区主次干道降雪停止后24小时内完成清雪。（责任单位：县住建局）', '二、做好融雪剂和机械储备。（责任单位：县城管局）', '', '河川县人民政府办公室', '2025年11月20日'].join('\n');

function multipart(files: { name: string; content: Uint8Array | string }[]): { payload: Buffer; headers: Record<string, string> } {
  const boundary = '----duban-duplicates-boundary';
  const parts = files.flatMap((f) => [
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${f.name}"\r\nContent-Type: application/octet-stream\r\n\r\n`),
    Buffer.from(f.content),
    Buffer.from('\r\n'),
  ]);
  return { payload: Buffer.concat([...parts, Buffer.from(`--${boundary}--\r\n`)]), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

interface Outcome {
  name: string;
  status: string;
  message?: string;
  documentIds: number[];
  duplicates?: { title: string; docNumber: string | null; documentId: number; file: string; matchedBy: string }[];
}

for (const { dialect, available } of DIALECTS) {
  describe.skipIf(!available)(`uploads and duplicates (${dialect})`, () => {
    const h = serverHarness(dialect);
    const upload = (files: { name: string; content: Uint8Array | string }[], query = '') =>
      h.request({ method: 'POST', url: `/api/imports${query}`, session: h.as('clerk'), ...multipart(files) });
    const documents = async () => Number((await sql<{ n: number | string }>`SELECT count(*) AS n FROM documents`.execute(h.store.db)).rows[0]!.n);

    it('stores a notice once and reports its GBK copy as a duplicate of the first upload', async () => {
      const r = await upload([
        { name: '清雪通知.txt', content: NOTICE },
        { name: '清雪通知（GBK）.txt', content: encodeGb18030(NOTICE.replace(/\n/g, '\r\n')) },
      ]);
      expect(r.status).toBe(200);
      const [first, copy] = r.body as Outcome[];
      expect(first!.status).toBe('imported');
      expect(copy!.status).toBe('duplicate');
      expect(copy!.documentIds).toEqual([]);
      expect(copy!.message).toContain('《河川县人民政府办公室关于做好冬季清雪除冰工作的通知》（河政办发〔2025〕31号）已由 上传的 清雪通知.txt 导入');
      expect(copy!.duplicates).toEqual([{ title: '河川县人民政府办公室关于做好冬季清雪除冰工作的通知', docNumber: '河政办发〔2025〕31号', documentId: first!.documentIds[0], file: '上传的 清雪通知.txt', matchedBy: 'identity' }]);
      expect(await documents()).toBe(1);
    });

    it('refuses an upload with no document, and stores it when forced', async () => {
      const noise = 'qk7 zzv 嗯嗯 啊啊 ####\n'.repeat(30);
      const before = await documents();
      const [refused] = (await upload([{ name: '乱码.txt', content: noise }])).body as Outcome[];
      expect(refused!.status).toBe('refused');
      expect(refused!.message).toMatch(/^未识别出公文/);
      expect(await documents()).toBe(before);
      const [forced] = (await upload([{ name: '乱码.txt', content: noise }], '?force=true')).body as Outcome[];
      expect(forced!.status).toBe('imported');
      expect(await documents()).toBe(before + 1);
    });
  });
}
