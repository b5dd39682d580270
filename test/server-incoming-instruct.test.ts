// 拟办, 批示 and 传阅 over HTTP on both engines: the administrator keeps the leaders' table (saved
// whole, a leader left out kept inactive), the clerk uploads a notice written for this test,
// sorts it as a 办件, reads Duban's draft (its 呈阅 from that table) and submits it to two leaders in sequence; the second
// leader is refused before the first has acted (409, in Chinese) and sees it in their list only
// then; a stale version is refused; 传阅 to two people and a unit, whose user opens it and marks it
// 已阅; a recalled recipient no longer sees it; the 收文簿 shows 传阅中 until everyone has read it.
import { describe, expect, it } from 'vitest';
import { createUser } from '../src/auth/users.ts';
import { PASSWORD, serverHarness, TEST_UNIT, type Session } from './server-harness.ts';
import { DIALECTS } from './store-targets.ts';

const NOTICE = [
  '通辽市人民政府办公室关于开展冬季城市供水设施安全检查的通知',
  '通政办发〔2026〕81号',
  '市政府各有关部门：',
  '为保障冬季城市供水安全，现将有关事项通知如下。',
  '一、全面排查供水管网。12月25日前完成主要管网防冻排查。（责任单位：市住房和城乡建设局）',
  '通辽市人民政府办公室',
  '2026年12月1日',
].join('\n');

function multipart(name: string, text: string): { payload: Buffer; headers: Record<string, string> } {
  const boundary = '----duban-instruct-boundary';
  const payload = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: text/plain\r\n\r\n`),
    Buffer.from(text),
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

interface View {
  id: number;
  version: number;
  state: string;
  circulating: boolean;
  holders: string[];
  instructions: { leader: string; state: string; action: string | null }[];
  circulation: { id: number; kind: string; name: string; state: string; recalledAt: string | null }[];
}

for (const { dialect, available } of DIALECTS) {
  describe.skipIf(!available)(`收文 拟办、批示、传阅 API (${dialect})`, () => {
    const h = serverHarness(dialect, {
      setup: async (store) => {
        await createUser(store.db, { username: 'leader2', displayName: '第二位领导', roles: ['leader'], unit: null, password: PASSWORD, mustChangePassword: false }, () => true, { actor: { name: 'test' }, now: new Date('2026-12-01T01:00:00Z') });
      },
    });
    const post = (url: string, session: Session, payload: object = {}) => h.request({ method: 'POST', url, payload, session });

    it('takes a 办件 from 拟办 through two leaders to 传阅 and recall', async () => {
      const upload = multipart('供水检查通知.txt', NOTICE);
      const reg = await h.request({ method: 'POST', url: '/api/incoming?channel=政', payload: upload.payload, headers: upload.headers, session: h.as('clerk') });
      const id = (reg.body as { registered: View[] }).registered[0]!.id;
      const reviewed = await post(`/api/incoming/${id}/review`, h.as('clerk'), { kind: '办件' });
      expect(reviewed.status).toBe(200);

      // The administrator keeps the leaders' areas; the draft's 呈阅 follows them.
      const table = await h.request({
        method: 'PUT',
        url: '/api/admin/office-leaders',
        payload: { leaders: [{ name: '测试leader', title: '主任', areas: ['供水', ' 供水 '], units: [] }, { name: '赵副主任', title: '副主任', areas: ['教育'], units: [] }] },
        session: h.as('admin'),
      });
      expect(table.status).toBe(200);
      const [, zhao] = table.body as { id: number; name: string; areas: string[] }[];
      expect((table.body as { areas: string[] }[])[0]!.areas).toEqual(['供水']);
      const twice = await h.request({ method: 'PUT', url: '/api/admin/office-leaders', payload: { leaders: [{ name: '甲', title: '', areas: [], units: [] }, { name: '甲', title: '', areas: [], units: [] }] }, session: h.as('admin') });
      expect(twice.status).toBe(400);
      expect((twice.body as { error: string }).error).toBe('领导“甲”写了两次');
      const kept = await h.request({ method: 'PUT', url: '/api/admin/office-leaders', payload: { leaders: [{ ...(table.body as object[])[0], title: '办公室主任' }] }, session: h.as('admin') });
      expect((kept.body as { name: string; title: string }[]).map((l) => [l.name, l.title])).toEqual([['测试leader', '办公室主任']]);
      // Left out is not deleted: the row stays, inactive, and the trail holds the table before and after.
      const zhaoRow = await h.store.db.selectFrom('office_leaders').select(['name', 'active']).where('id', '=', zhao!.id).executeTakeFirstOrThrow();
      expect(zhaoRow).toEqual({ name: '赵副主任', active: 0 });
      expect((await h.store.db.selectFrom('audit_events').select('action').where('action', '=', 'office-leaders-save').execute()).length).toBe(2);

      const draft = await h.request({ method: 'GET', url: `/api/incoming/${id}/proposal-draft`, session: h.as('clerk') });
      expect(draft.status).toBe(200);
      expect(draft.body).toMatchObject({ lead: '通辽市住房和城乡建设局', action: '抓好贯彻落实', leaders: [{ username: 'leader', name: '测试leader' }], submitTo: ['测试leader'] });
      expect((draft.body as { choices: { username: string }[] }).choices.map((c) => c.username).sort()).toEqual(['leader', 'leader2']);
      // A leader may not draft; the clerk may not instruct.
      expect((await h.request({ method: 'GET', url: `/api/incoming/${id}/proposal-draft`, session: h.as('leader') })).status).toBe(403);

      const leader2 = (await h.signIn('leader2')) as Session;
      const proposed = await post(`/api/incoming/${id}/propose`, h.as('clerk'), { text: '请领导阅示。', leaders: ['leader', 'leader2'], mode: 'sequence', lead: '通辽市住房和城乡建设局', version: 2 });
      expect(proposed.status).toBe(200);
      expect(proposed.body).toMatchObject({ state: 'proposed', version: 3, holders: ['测试leader'] });
      expect(((await h.request({ method: 'GET', url: '/api/incoming/awaiting-me', session: leader2 })).body as { items: View[] }).items).toEqual([]);

      const early = await post(`/api/incoming/${id}/instruct`, leader2, { action: 'circle' });
      expect(early.status).toBe(409);
      expect((early.body as { error: string }).error).toContain('还没有轮到您批示');
      const stale = await post(`/api/incoming/${id}/instruct`, h.as('leader'), { action: 'instruct', text: '同意。', version: 2 });
      expect(stale.status).toBe(409);
      expect((stale.body as { error: string }).error).toContain('已被他人修改');
      const bad = await post(`/api/incoming/${id}/instruct`, h.as('leader'), { action: 'pass' });
      expect(bad.status).toBe(400);
      expect((bad.body as { error: string }).error).toContain('转批须选择一位领导');
      expect((await post(`/api/incoming/${id}/instruct`, h.as('clerk'), { action: 'circle' })).status).toBe(403);

      const mine = (await h.request({ method: 'GET', url: '/api/incoming/awaiting-me', session: h.as('leader') })).body as { items: View[] };
      expect(mine.items.map((v) => v.id)).toEqual([id]);
      const first = await post(`/api/incoming/${id}/instruct`, h.as('leader'), { action: 'instruct', text: '请市住建局抓紧排查。', version: 3 });
      expect(first.body).toMatchObject({ state: 'proposed', holders: ['第二位领导'] });
      expect(((await h.request({ method: 'GET', url: '/api/incoming/awaiting-me', session: leader2 })).body as { items: View[] }).items.map((v) => v.id)).toEqual([id]);
      const second = await post(`/api/incoming/${id}/instruct`, leader2, { action: 'circle' });
      expect(second.status).toBe(200);
      expect(second.body).toMatchObject({ state: 'instructed', holders: [] });

      const sent = await post(`/api/incoming/${id}/circulate`, h.as('clerk'), { users: ['supervisor', 'admin'], units: [TEST_UNIT] });
      expect(sent.status).toBe(200);
      const sentView = sent.body as View;
      expect(sentView.circulation.map((c) => [c.kind, c.name, c.state])).toEqual([
        ['user', '测试supervisor', 'unread'],
        ['user', '测试admin', 'unread'],
        ['unit', TEST_UNIT, 'unread'],
      ]);
      const unknown = await post(`/api/incoming/${id}/circulate`, h.as('clerk'), { units: ['不存在的局'] });
      expect(unknown.status).toBe(400);
      expect((unknown.body as { error: string }).error).toContain('不在单位目录中');

      // The unit's user sees it through their unit, opens it and marks it 已阅.
      const unitList = (await h.request({ method: 'GET', url: '/api/incoming/circulated-to-me', session: h.as('unit') })).body as { items: { incoming: View; recipient: { state: string } }[] };
      expect(unitList.items.map((i) => [i.incoming.id, i.recipient.state])).toEqual([[id, 'unread']]);
      expect((await post(`/api/incoming/${id}/circulation/open`, h.as('unit'))).status).toBe(200);
      const unitRead = await post(`/api/incoming/${id}/circulation/read`, h.as('unit'));
      expect((unitRead.body as View).circulation[2]).toMatchObject({ state: 'read' });
      // Someone it was not sent to gets 404.
      expect((await post(`/api/incoming/${id}/circulation/open`, h.as('leader'))).status).toBe(404);

      const admin = sentView.circulation[1]!;
      const reminded = await post(`/api/incoming/${id}/circulation/${admin.id}/remind`, h.as('clerk'));
      expect(reminded.status).toBe(200);
      const recalled = await post(`/api/incoming/${id}/circulation/${admin.id}/recall`, h.as('clerk'));
      expect(recalled.status).toBe(200);
      expect(((await h.request({ method: 'GET', url: '/api/incoming/circulated-to-me', session: h.as('admin') })).body as { items: unknown[] }).items).toEqual([]);

      const list = (await h.request({ method: 'GET', url: '/api/incoming', session: h.as('leader') })).body as { items: View[] };
      expect(list.items.find((v) => v.id === id)).toMatchObject({ circulating: true, holders: ['测试supervisor'] });
      const circulatingOnly = (await h.request({ method: 'GET', url: '/api/incoming?circulating=true', session: h.as('clerk') })).body as { items: View[]; total: number };
      expect(circulatingOnly).toMatchObject({ total: 1, items: [{ id }] });
      await post(`/api/incoming/${id}/circulation/read`, h.as('supervisor'));
      const after = (await h.request({ method: 'GET', url: `/api/incoming/${id}`, session: h.as('leader') })).body as View;
      expect(after).toMatchObject({ circulating: false, holders: [] });
    });
  });
}
