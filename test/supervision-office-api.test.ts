// The office's routes on both engines: a manual tick on 2026-12-03 issues the 提醒单 of two items
// due 2026-12-08 (3 working days before), each into its lead unit's inbox; a unit user sees only
// its own, opens the .docx (read back field by field) and marks it read once (audited); a second
// tick issues nothing; the rules are edited as data, a bad edit refused in Chinese, unchanged.
import { describe, expect, it } from 'vitest';
import { openDocx } from './docx-open.ts';
import { serverHarness, TEST_UNIT } from './server-harness.ts';
import { insertItem, insertLedger } from './supervision-rows.ts';
import { DIALECTS } from './store-targets.ts';

for (const { dialect, available } of DIALECTS) {
  describe.skipIf(!available)(`supervision office API (${dialect})`, () => {
    let mine = 0;
    let other = 0;
    const h = serverHarness(dialect, {
      now: '2026-12-03T09:00:00+08:00',
      settings: { office: '科尔沁区人民政府督查室' },
      setup: async (store) => {
        const ledger = await insertLedger(store.db);
        mine = await insertItem(store.db, ledger, { units: [['lead', TEST_UNIT], ['cooperating', '通辽市财政局']], deadline: '2026-12-08', issuedOn: '2026-11-20', text: '完成老旧小区供热管网改造' });
        other = await insertItem(store.db, ledger, { units: [['lead', '通辽市财政局']], deadline: '2026-12-08', issuedOn: '2026-11-20', text: '拨付供热补贴资金' });
      },
    });
    type Inbox = { items: { id: number; kind: string; number: string; unit: string; readAt: string | null; item: { id: number } }[]; total: number; unread: number };

    it('a tick lands each notice in its lead unit’s inbox; a unit sees only its own; a second tick issues nothing', async () => {
      const tick = await h.request({ method: 'POST', url: '/api/supervision/tick', session: h.as('supervisor') });
      expect(tick.status).toBe(200);
      const issued = (tick.body as { notices: { kind: string; itemId: number; number: string; unit: string }[] }).notices;
      expect(issued.map((n) => [n.kind, n.itemId, n.number, n.unit])).toEqual([
        ['提醒单', mine, '提醒〔2026〕1号', TEST_UNIT],
        ['提醒单', other, '提醒〔2026〕2号', '通辽市财政局'],
      ]);
      expect(((await h.request({ method: 'POST', url: '/api/supervision/tick', session: h.as('supervisor') })).body as { notices: unknown[] }).notices).toEqual([]);
      const office = (await h.request({ method: 'GET', url: '/api/supervision/notices', session: h.as('supervisor') })).body as Inbox;
      expect(office.total).toBe(2);
      const unit = (await h.request({ method: 'GET', url: '/api/supervision/notices', session: h.as('unit') })).body as Inbox;
      expect(unit.items.map((n) => [n.number, n.item.id])).toEqual([['提醒〔2026〕1号', mine]]);
      expect(unit.unread).toBe(1);
      // Asking for another unit's inbox still answers the unit's own.
      const asked = (await h.request({ method: 'GET', url: `/api/supervision/notices?unit=${encodeURIComponent('通辽市财政局')}`, session: h.as('unit') })).body as Inbox;
      expect(asked.items.map((n) => n.unit)).toEqual([TEST_UNIT]);
    });

    it('the notice as .docx, read back; another unit’s notice does not exist to the unit', async () => {
      const office = (await h.request({ method: 'GET', url: '/api/supervision/notices', session: h.as('supervisor') })).body as Inbox;
      const own = office.items.find((n) => n.item.id === mine)!;
      const theirs = office.items.find((n) => n.item.id === other)!;
      const r = await h.app.inject({ method: 'GET', url: `/api/supervision/notices/${own.id}.docx`, headers: { host: '127.0.0.1:8080', cookie: h.as('unit').cookie } });
      expect(r.statusCode).toBe(200);
      const doc = await openDocx(r.rawPayload);
      expect(doc.text).toContain('提醒〔2026〕1号');
      expect(doc.text).toContain('督办事项到期提醒单');
      expect(doc.lines).toContain(`${TEST_UNIT}：`);
      expect(doc.text).toContain('完成老旧小区供热管网改造');
      expect(doc.text).toContain('配合单位：通辽市财政局');
      expect(doc.text).toContain('2026年12月8日到期');
      expect(doc.text).toContain('2026年12月3日');
      expect(doc.lines).toContain('科尔沁区人民政府督查室'); // the office as `--office` names it signs
      expect((await h.request({ method: 'GET', url: `/api/supervision/notices/${theirs.id}.docx`, session: h.as('unit') })).status).toBe(404);
      expect((await h.request({ method: 'POST', url: `/api/supervision/notices/${theirs.id}/read`, session: h.as('unit') })).status).toBe(404);
    });

    it('阅知 once, audited on the item', async () => {
      const unit = (await h.request({ method: 'GET', url: '/api/supervision/notices', session: h.as('unit') })).body as Inbox;
      const id = unit.items[0]!.id;
      const first = (await h.request({ method: 'POST', url: `/api/supervision/notices/${id}/read`, session: h.as('unit') })).body as { readAt: string };
      h.clock.advance(60_000);
      const second = (await h.request({ method: 'POST', url: `/api/supervision/notices/${id}/read`, session: h.as('unit') })).body as { readAt: string };
      expect(second.readAt).toBe(first.readAt);
      const after = (await h.request({ method: 'GET', url: '/api/supervision/notices', session: h.as('unit') })).body as Inbox;
      expect(after.unread).toBe(0);
      const events = await h.store.db.selectFrom('audit_events').select(['entity_id', 'actor']).where('action', '=', 'supervision.notice.read').execute();
      expect(events).toEqual([{ entity_id: mine, actor: 'unit' }]);
    });

    it('rules: edited by the office, a bad edit refused in Chinese and the rules unchanged', async () => {
      const put = (payload: unknown, role: 'supervisor' | 'admin' | 'leader' = 'supervisor') => h.request({ method: 'PUT', url: '/api/supervision/rules', payload: payload as Record<string, unknown>, session: h.as(role) });
      const ok = await put({ lists: { red: 0.95 } });
      expect(ok.status).toBe(200);
      expect((ok.body as { rules: { lists: { red: number; black: number } } }).rules.lists).toEqual({ red: 0.95, black: 0.85 });
      const bad = await put({ lists: { black: 0.99 } });
      expect(bad.status).toBe(400);
      expect((bad.body as { error: string }).error).toContain('黑榜线不应高于红榜线');
      expect((await put({ lights: { yellowWithin: 2 } }, 'leader')).status).toBe(403);
      const now = (await h.request({ method: 'GET', url: '/api/supervision/rules', session: h.as('leader') })).body as { rules: { lists: { red: number; black: number } }; updatedBy: string };
      expect(now.rules.lists).toEqual({ red: 0.95, black: 0.85 });
      expect(now.updatedBy).toBe('supervisor');
      expect(await h.store.db.selectFrom('audit_events').select('action').where('action', '=', 'supervision.rules.edit').execute()).toHaveLength(1);
    });

    it('月通报: a month not over is refused publication; November published as 第1期 with the red and black lines', async () => {
      const early = await h.request({ method: 'POST', url: '/api/supervision/bulletins/2026-12/publish', session: h.as('supervisor') });
      expect(early.status).toBe(409);
      const pub = await h.request({ method: 'POST', url: '/api/supervision/bulletins/2026-11/publish', session: h.as('supervisor') });
      expect(pub.status).toBe(200);
      expect(pub.body).toMatchObject({ number: '督查通报2026年第1期', seq: 1, totals: { items: 2, done: 0, open: 2, overdue: 0 }, lists: { red: 0.95, black: 0.85 } });
      const list = (await h.request({ method: 'GET', url: '/api/supervision/bulletins', session: h.as('unit') })).body as { month: string; seq: number }[];
      expect(list.map((b) => [b.month, b.seq])).toEqual([['2026-11', 1]]);
      expect((await h.request({ method: 'GET', url: '/api/supervision/bulletins/2026-13', session: h.as('leader') })).status).toBe(400);
    });
  });
}
