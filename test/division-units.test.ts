// The governments of county-level divisions as units: 科尔沁区人民政府 is one unit whether a
// document names it in full, by the division alone, by its short name, or as a member of
// 各旗县市区(人民政府); it is in the directory's list, so a unit user can be bound to it, and that
// user then sees the items of every such reading.
import { describe, expect, it } from 'vitest';
import { defaultDirectory, isKnownUnit, listUnits } from '../src/directory/index.ts';
import { unitLookup } from '../src/store/supervision/units.ts';
import { PASSWORD, serverHarness } from './server-harness.ts';
import { DIALECTS } from './store-targets.ts';
import { insertItem, insertLedger } from './supervision-rows.ts';

const directory = defaultDirectory();

describe('division governments in the directory', () => {
  it('knows each county-level division’s government by its full name, and only that', () => {
    expect(isKnownUnit(directory, '科尔沁区人民政府')).toBe(true);
    expect(isKnownUnit(directory, '科尔沁左翼中旗人民政府')).toBe(true);
    expect(isKnownUnit(directory, '霍林郭勒市人民政府')).toBe(true);
    // Written short or without its organ it is a name to resolve, not the canonical unit.
    expect(isKnownUnit(directory, '科左中旗人民政府')).toBe(false);
    expect(isKnownUnit(directory, '科尔沁区')).toBe(false);
    expect(isKnownUnit(directory, '不存在区人民政府')).toBe(false);
    // A city is a jurisdiction, not a member of itself.
    expect(isKnownUnit(directory, '通辽市人民政府人民政府')).toBe(false);
  });

  it('lists them with their jurisdiction, once each', () => {
    const divisions = listUnits(directory).filter((u) => u.category === 'division');
    const tongliao = divisions.filter((u) => u.jurisdiction === '通辽市').map((u) => u.name);
    expect(tongliao).toContain('科尔沁区人民政府');
    expect(tongliao).toContain('开鲁县人民政府');
    expect(tongliao.every((n) => n.endsWith('人民政府'))).toBe(true);
    expect(new Set(divisions.map((u) => u.name)).size).toBe(divisions.length);
  });

  it('reads every way of naming one as the same unit of a ledger', () => {
    const lookup = unitLookup(directory, '通辽市');
    for (const written of ['科尔沁区人民政府', '科尔沁区', '科尔沁区政府']) expect(lookup(written)).toEqual({ canonical: '科尔沁区人民政府' });
    expect(lookup('科左中旗')).toEqual({ canonical: '科尔沁左翼中旗人民政府' });
    for (const collective of ['各旗县市区人民政府', '各旗县市区']) {
      const members = lookup(collective).members ?? [];
      expect(members).toContain('科尔沁区人民政府');
      expect(members).toContain('科尔沁左翼中旗人民政府');
      expect(members.every((m) => isKnownUnit(directory, m))).toBe(true);
    }
  });
});

for (const { dialect, available } of DIALECTS) {
  describe.skipIf(!available)(`a unit user of a division government (${dialect})`, () => {
    let item = 0;
    const h = serverHarness(dialect, {
      setup: async (store) => {
        const ledger = await insertLedger(store.db);
        item = await insertItem(store.db, ledger, { units: [['responsible', '科尔沁区人民政府']], deadline: '2026-12-31' });
        await insertItem(store.db, ledger, { units: [['responsible', '开鲁县人民政府']], deadline: '2026-12-31' });
      },
    });

    it('is created by the administrator and sees its own item only', async () => {
      const created = await h.request({ method: 'POST', url: '/api/admin/users', session: h.as('admin'), payload: { username: 'kerqin', displayName: '科尔沁区督查专员', roles: ['unit'], unit: '科尔沁区人民政府', password: PASSWORD } });
      expect(created.status).toBe(200);
      const wrong = await h.request({ method: 'POST', url: '/api/admin/users', session: h.as('admin'), payload: { username: 'nowhere', displayName: '无此单位', roles: ['unit'], unit: '不存在区人民政府', password: PASSWORD } });
      expect(wrong.status).toBe(400);
      // The first sign-in asks for a new password; the session it gives reads the unit's items.
      const signedIn = await h.signIn('kerqin');
      expect('cookie' in signedIn).toBe(true);
      const session = signedIn as { cookie: string; csrf: string };
      const changed = await h.request({ method: 'POST', url: '/api/auth/password', session, payload: { currentPassword: PASSWORD, newPassword: 'Horqin-Passw0rd-2026' } });
      expect(changed.status).toBe(200);
      const again = (await h.signIn('kerqin', 'Horqin-Passw0rd-2026')) as { cookie: string; csrf: string };
      const items = (await h.request({ method: 'GET', url: '/api/supervision/items', session: again })).body as { items: { id: number }[] };
      expect(items.items.map((i) => i.id)).toEqual([item]);
    });
  });
}
