// The pages' choosers over HTTP on both engines: the people a clerk may circulate to (a disabled
// user left out), the leaders a leader may pass a 批示 on to (with the 领导分管表's title and areas
// where a row carries the leader's name, none where no row does), and the directory's canonical
// units searched by name or alias (a unit no document names yet is found too).
import { describe, expect, it } from 'vitest';
import { createUser } from '../src/auth/users.ts';
import { PASSWORD, serverHarness, TEST_UNIT } from './server-harness.ts';
import { DIALECTS } from './store-targets.ts';

for (const { dialect, available } of DIALECTS) {
  describe.skipIf(!available)(`收文 choosers (${dialect})`, () => {
    const h = serverHarness(dialect, {
      setup: async (store) => {
        const at = { actor: { name: 'test' }, now: new Date('2026-12-01T01:00:00Z') };
        await createUser(store.db, { username: 'deputy', displayName: '钱副秘书长', roles: ['leader'], unit: null, password: PASSWORD, mustChangePassword: false }, () => true, at);
        await createUser(store.db, { username: 'gone', displayName: '已离岗人员', roles: ['clerk'], unit: null, password: PASSWORD, mustChangePassword: false }, () => true, at);
      },
    });

    it('lists the people to circulate to, without a disabled user', async () => {
      const users = await h.request({ method: 'GET', url: '/api/admin/users', session: h.as('admin') });
      const gone = (users.body as { id: number; username: string }[]).find((u) => u.username === 'gone')!;
      expect((await h.request({ method: 'PATCH', url: `/api/admin/users/${gone.id}`, payload: { disabled: true }, session: h.as('admin') })).status).toBe(200);
      const r = await h.request({ method: 'GET', url: '/api/incoming/recipients', session: h.as('clerk') });
      expect(r.status).toBe(200);
      const list = (r.body as { users: { username: string; name: string; unit: string | null }[] }).users;
      expect(list.map((u) => u.username)).not.toContain('gone');
      expect(list.find((u) => u.username === 'deputy')).toEqual({ username: 'deputy', name: '钱副秘书长', unit: null });
      expect(list.find((u) => u.username === 'unit')?.unit).toBe(TEST_UNIT);
    });

    it("lists the leaders with the 领导分管表's title and areas matched by name", async () => {
      const saved = await h.request({ method: 'PUT', url: '/api/admin/office-leaders', payload: { leaders: [{ name: '钱副秘书长', title: '副秘书长', areas: ['城建', '交通'], units: [TEST_UNIT] }] }, session: h.as('admin') });
      expect(saved.status).toBe(200);
      const r = await h.request({ method: 'GET', url: '/api/incoming/leaders', session: h.as('leader') });
      expect(r.status).toBe(200);
      const leaders = (r.body as { leaders: { username: string; title: string | null; areas: string[] }[] }).leaders;
      expect(leaders.map((l) => l.username).sort()).toEqual(['deputy', 'leader']);
      expect(leaders.find((l) => l.username === 'deputy')).toMatchObject({ title: '副秘书长', areas: ['城建', '交通'] });
      expect(leaders.find((l) => l.username === 'leader')).toMatchObject({ title: null, areas: [] });
    });

    it("searches the directory's canonical units, found though no document names them", async () => {
      const r = await h.request({ method: 'GET', url: `/api/directory/units?q=${encodeURIComponent('住房和城乡')}`, session: h.as('unit') });
      expect(r.status).toBe(200);
      const names = (r.body as { name: string }[]).map((u) => u.name);
      expect(names).toContain(TEST_UNIT);
      expect(new Set(names).size).toBe(names.length);
      const none = await h.request({ method: 'GET', url: `/api/directory/units?q=${encodeURIComponent('不存在的某某机构')}`, session: h.as('unit') });
      expect(none.body).toEqual([]);
      const capped = await h.request({ method: 'GET', url: '/api/directory/units?limit=5', session: h.as('unit') });
      expect((capped.body as unknown[]).length).toBe(5);
      const library = await h.request({ method: 'GET', url: `/api/units?q=${encodeURIComponent('住房和城乡')}`, session: h.as('unit') });
      expect((library.body as unknown[]).length).toBe(0);
    });
  });
}
