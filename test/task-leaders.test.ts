// 责任领导 stored (issue 14): the persons a measure names beside its units are kept on the task in
// the library, shown in the API's task view, and carried into the supervision items drafted from
// it — through 拆分 and 合并 too. On both engines, through the HTTP API as the pages use it.
import { describe, expect, it } from 'vitest';
import { importBytes } from '../src/store/import.ts';
import { serverHarness, type Harness } from './server-harness.ts';
import { DIALECTS } from './store-targets.ts';

const PLAN = [
  '通辽市人民政府办公室关于印发2027年重点民生项目推进方案的通知',
  '通政办发〔2027〕3号',
  '各旗县市区人民政府，市直有关部门：',
  '一、建成一批普惠托育机构。新增托位600个。（责任领导：刘某、陈某；牵头单位：市卫健委；责任单位：市财政局）',
  '二、推进老旧管网改造。完成城区燃气管网改造40公里，2027年10月底前完成。（牵头单位：市住建局；责任单位：市财政局）',
  '三、办好社区食堂。',
  '责任领导：孟某',
  '牵头单位：市民政局',
  '责任单位：市商务局',
  '',
  '通辽市人民政府办公室',
  '2027年1月8日',
].join('\n');

interface Item {
  id: number;
  version: number;
  text: string;
  leaders: string[];
}

for (const { dialect, available } of DIALECTS) {
  describe.skipIf(!available)(`责任领导 stored and carried (${dialect})`, () => {
    let documentId = 0;
    const h: Harness = serverHarness(dialect, {
      now: '2027-01-11T09:00:00+08:00',
      setup: async (store) => {
        const o = await importBytes(store, { bytes: Buffer.from(PLAN), name: '民生项目.txt', path: 'upload:plan/民生项目.txt' }, { now: () => new Date('2027-01-11T01:00:00Z'), today: () => '2027-01-11' });
        documentId = o.documentIds![0]!;
      },
    });
    let items: Item[] = [];

    it('keeps each task’s 责任领导 in the library and shows them in the task view', async () => {
      const r = await h.request({ method: 'GET', url: `/api/documents/${documentId}/tasks`, session: h.as('leader') });
      expect(r.status).toBe(200);
      const tasks = r.body as { text: string; leaders: string[]; leads: { name: string }[] }[];
      expect(tasks.map((t) => t.leaders)).toEqual([['刘某', '陈某'], [], ['孟某']]);
      // Persons are never units.
      for (const t of tasks) expect(t.leads.map((u) => u.name).join()).not.toMatch(/某/);
      const row = await h.store.db.selectFrom('tasks').select(['leaders']).where('document_id', '=', documentId).orderBy('seq').execute();
      expect(row.map((x) => JSON.parse(x.leaders) as string[])).toEqual([['刘某', '陈某'], [], ['孟某']]);
    });

    it('carries them into the draft items of a ledger opened from the document, with the 立项 audit event', async () => {
      const r = await h.request({ method: 'POST', url: '/api/supervision/ledgers', payload: { sourceKind: 'document', documentId }, session: h.as('supervisor') });
      expect(r.status).toBe(200);
      items = (r.body as { items: Item[] }).items;
      expect(items.map((i) => i.leaders)).toEqual([['刘某', '陈某'], [], ['孟某']]);
      const one = await h.request({ method: 'GET', url: `/api/supervision/items/${items[0]!.id}`, session: h.as('leader') });
      expect((one.body as Item).leaders).toEqual(['刘某', '陈某']);
      const events = await h.store.db.selectFrom('audit_events').select(['after']).where('action', '=', 'supervision.item.create').where('entity_id', '=', items[0]!.id).execute();
      expect(events.map((e) => (JSON.parse(e.after ?? '{}') as { leaders?: string[] }).leaders)).toEqual([['刘某', '陈某']]);
    });

    it('keeps them through 拆分 and joins them on 合并', async () => {
      const split = await h.request({ method: 'POST', url: `/api/supervision/items/${items[0]!.id}/split`, payload: { version: items[0]!.version, texts: ['新增托位300个。', '新增托位300个（第二批）。'] }, session: h.as('supervisor') });
      expect(split.status).toBe(200);
      const parts = split.body as Item[];
      expect(parts.map((p) => p.leaders)).toEqual([['刘某', '陈某'], ['刘某', '陈某']]);
      const merged = await h.request({ method: 'POST', url: `/api/supervision/ledgers/${(await ledgerOf(items[2]!.id))}/merge`, payload: { itemIds: [items[2]!.id, parts[0]!.id, items[1]!.id] }, session: h.as('supervisor') });
      expect(merged.status).toBe(200);
      expect((merged.body as Item).leaders).toEqual(['孟某', '刘某', '陈某']);
    });

    const ledgerOf = async (itemId: number) => (await h.store.db.selectFrom('supervision_items').select('ledger_id').where('id', '=', itemId).executeTakeFirstOrThrow()).ledger_id;
  });
}
