// The 收文 API on both engines: a clerk uploads seed 002 and gets its registration with the slip's
// 运转号, a second upload of it is reported as registered before, a leader reads the 收文簿 and
// the registration, the clerk 初审s it, and a unit user may not read it.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { serverHarness } from './server-harness.ts';
import { DIALECTS } from './store-targets.ts';

const seed = join(import.meta.dirname, '..', '..', 'shared', 'seeds', '002_8f04a4cc19cf5a4c.txt');

function multipart(name: string, bytes: Buffer): { payload: Buffer; headers: Record<string, string> } {
  const boundary = '----duban-incoming-boundary';
  const payload = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: text/plain\r\n\r\n`),
    bytes,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

interface Body {
  registered: { id: number; serial: string; title: string; state: string; version: number }[];
  failed: { name: string; kind: string; error: string; first?: { serial: string } }[];
}

for (const { dialect, available } of DIALECTS) {
  describe.skipIf(!available || !existsSync(seed))(`收文 API (${dialect})`, () => {
    const h = serverHarness(dialect);

    it('registers an upload, refuses it the second time, lists it, reviews it', async () => {
      const upload = multipart('002.txt', readFileSync(seed));
      const first = await h.request({ method: 'POST', url: '/api/incoming', payload: upload.payload, headers: upload.headers, session: h.as('clerk') });
      expect(first.status).toBe(200);
      const body = first.body as Body;
      expect(body.failed).toEqual([]);
      expect(body.registered[0]).toMatchObject({ serial: '（党）198号', state: 'registered' });
      const id = body.registered[0]!.id;

      const again = await h.request({ method: 'POST', url: '/api/incoming', payload: upload.payload, headers: upload.headers, session: h.as('clerk') });
      expect((again.body as Body).failed[0]).toMatchObject({ name: '002.txt', kind: 'duplicate', first: { serial: '（党）198号' } });

      const list = await h.request({ method: 'GET', url: '/api/incoming', session: h.as('leader') });
      expect(list.body).toMatchObject({ total: 1, items: [{ id, serial: '（党）198号' }] });
      const one = await h.request({ method: 'GET', url: `/api/incoming/${id}`, session: h.as('leader') });
      expect(one.body).toMatchObject({ id, fromUnit: '中共通辽市委员会办公室', docNumber: '通党发〔2023〕8号' });
      expect((await h.request({ method: 'GET', url: `/api/incoming/${id}`, session: h.as('unit') })).status).toBe(403);

      const review = await h.request({ method: 'POST', url: `/api/incoming/${id}/review`, payload: { kind: '办件', version: 1 }, session: h.as('clerk') });
      expect(review.status).toBe(200);
      expect(review.body).toMatchObject({ state: 'reviewed', kind: '办件', version: 2 });
      const stale = await h.request({ method: 'POST', url: `/api/incoming/${id}/review`, payload: { kind: '阅件', version: 1 }, session: h.as('clerk') });
      expect(stale.status).toBe(409);
      expect((stale.body as { error: string }).error).toContain('已被他人修改');
      const late = await h.request({ method: 'POST', url: `/api/incoming/${id}/review`, payload: { returned: true, reason: '缺页' }, session: h.as('clerk') });
      expect(late.status).toBe(400);
      expect((late.body as { error: string }).error).toContain('已初审，不能再退回');
      expect((await h.request({ method: 'GET', url: '/api/incoming/999999', session: h.as('clerk') })).status).toBe(404);
    });
  });
}
