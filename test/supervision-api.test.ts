// 督查督办 through the HTTP API on both engines: a document of our own is imported, the office
// opens its ledger, fixes an unknown unit and issues it; a unit user signs, reports and claims;
// the office returns, then verifies; an extension is granted and one refused; a unit user never
// sees or touches another unit's item; every change is an audit event with before and after.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { importBytes } from '../src/store/import.ts';
import { serverHarness, TEST_UNIT, type Harness, type Session } from './server-harness.ts';
import { DIALECTS } from './store-targets.ts';

const PLAN = [
  '通辽市人民政府办公室关于做好2026年冬季城镇供热保障工作的通知',
  '通政办发〔2026〕88号',
  '各旗县市区人民政府，市直有关部门：',
  '一、排查老旧供热管网。对城区供热管网逐段排查，建立问题清单，2027年1月15日前完成整改。（牵头单位：市住建局；责任单位：市财政局）',
  '二、建立应急抢修队伍。组建专业抢修队伍，储备抢修物资，2026年12月31日前完成。（责任单位：市供热保障专班）',
  '三、做好学校供暖监测。每月5日前报送监测情况。（牵头单位：市教育局；配合单位：各旗县市区人民政府）',
  '',
  '通辽市人民政府办公室',
  '2026年11月20日',
].join('\n');

interface Item {
  id: number;
  state: string;
  version: number;
  text: string;
  deadline: string | null;
  originalDeadline: string | null;
  deadlineText: string | null;
  doneOn: string | null;
  claimedOn: string | null;
  units: { role: string; name: string; canonical: string | null; signedAt: string | null }[];
  latestReport: { percent: number; unit: string } | null;
  pendingExtension: { id: number } | null;
  overdue: boolean;
}

for (const { dialect, available } of DIALECTS) {
  describe.skipIf(!available)(`supervision API (${dialect})`, () => {
    let documentId = 0;
    const h: Harness = serverHarness(dialect, {
      now: '2026-12-07T09:00:00+08:00',
      setup: async (store) => {
        const o = await importBytes(store, { bytes: Buffer.from(PLAN), name: '供热保障通知.txt', path: 'upload:plan/供热保障通知.txt' }, { now: () => new Date('2026-12-07T01:00:00Z'), today: () => '2026-12-07' });
        documentId = o.documentIds![0]!;
      },
    });
    const as = (role: 'supervisor' | 'unit' | 'leader' | 'clerk' | 'admin') => h.as(role);
    const post = (role: Parameters<typeof as>[0], url: string, payload: unknown = {}) => h.request({ method: 'POST', url, payload: payload as Record<string, unknown>, session: as(role) });
    const get = (role: Parameters<typeof as>[0], url: string) => h.request({ method: 'GET', url, session: as(role) });
    let ledgerId = 0;
    let items: Item[] = [];

    it('opens a ledger from the document: one draft item per measure, units resolved or flagged, collectives expanded', async () => {
      const r = await post('supervisor', '/api/supervision/ledgers', { sourceKind: 'document', documentId });
      expect(r.status).toBe(200);
      const ledger = r.body as { id: number; state: string; docNumber: string; items: Item[]; unresolvedUnits: string[] };
      ledgerId = ledger.id;
      items = ledger.items;
      expect(ledger.state).toBe('draft');
      expect(ledger.docNumber).toBe('通政办发〔2026〕88号');
      expect(items.map((i) => i.state)).toEqual(['draft', 'draft', 'draft']);
      expect(items[0]!.units.map((u) => [u.role, u.canonical])).toEqual([
        ['lead', TEST_UNIT],
        ['responsible', '通辽市财政局'],
      ]);
      expect(items[0]!.deadline).toBe('2027-01-15');
      expect(ledger.unresolvedUnits).toEqual(['市供热保障专班']);
      const cooperating = items[2]!.units.filter((u) => u.role === 'cooperating');
      expect(cooperating.length).toBeGreaterThan(3);
      expect(cooperating.every((u) => u.canonical !== null && u.canonical.endsWith('人民政府'))).toBe(true);
      // The same document cannot be opened twice.
      expect((await post('supervisor', '/api/supervision/ledgers', { sourceKind: 'document', documentId })).status).toBe(409);
    });

    it('refuses to issue while a unit is unknown, and issues once the office names it', async () => {
      const refused = await post('supervisor', `/api/supervision/ledgers/${ledgerId}/issue`);
      expect(refused.status).toBe(409);
      expect((refused.body as { error: string }).error).toContain('市供热保障专班');
      const stale = await h.request({ method: 'PATCH', url: `/api/supervision/items/${items[1]!.id}`, payload: { version: items[1]!.version + 5, units: [{ role: 'responsible', name: '市住建局' }] }, session: as('supervisor') });
      expect(stale.status).toBe(409);
      const edit = await h.request({ method: 'PATCH', url: `/api/supervision/items/${items[1]!.id}`, payload: { version: items[1]!.version, units: [{ role: 'responsible', name: '市住建局' }] }, session: as('supervisor') });
      expect(edit.status).toBe(200);
      expect((edit.body as Item).units.map((u) => u.canonical)).toEqual([TEST_UNIT]);
      const issued = await post('supervisor', `/api/supervision/ledgers/${ledgerId}/issue`);
      expect(issued.status).toBe(200);
      const ledger = issued.body as { state: string; items: Item[] };
      expect(ledger.state).toBe('issued');
      expect(ledger.items.map((i) => i.state)).toEqual(['issued', 'issued', 'issued']);
      expect(ledger.items[0]!.originalDeadline).toBe('2027-01-15');
      items = ledger.items;
    });

    it('shows a unit user only their unit’s items, and another unit’s item does not exist to them', async () => {
      const mine = (await get('unit', '/api/supervision/items')).body as { items: Item[]; total: number };
      expect(mine.items.map((i) => i.id).sort()).toEqual([items[0]!.id, items[1]!.id].sort());
      const other = items[2]!.id;
      expect((await get('unit', `/api/supervision/items/${other}`)).status).toBe(404);
      expect((await post('unit', `/api/supervision/items/${other}/sign`)).status).toBe(404);
      expect((await post('unit', `/api/supervision/items/${other}/reports`, { progress: '越权', percent: 1 })).status).toBe(404);
      // Everyone else sees all three; the leader reads but does not act.
      expect(((await get('leader', '/api/supervision/items')).body as { total: number }).total).toBe(3);
      expect((await post('leader', `/api/supervision/items/${items[0]!.id}/sign`)).status).toBe(403);
      expect((await post('clerk', `/api/supervision/ledgers/${ledgerId}/issue`)).status).toBe(403);
    });

    it('walks an item through 签收, 进展, 申请办结, 退回, 办结', async () => {
      const id = items[0]!.id;
      const bench = (await get('unit', '/api/supervision/workbench')).body as { toSign: Item[] };
      expect(bench.toSign.map((i) => i.id)).toContain(id);
      const signed = (await post('unit', `/api/supervision/items/${id}/sign`)).body as Item;
      expect(signed.state).toBe('working');
      expect(signed.units.find((u) => u.canonical === TEST_UNIT)!.signedAt).not.toBeNull();
      expect((await post('unit', `/api/supervision/items/${id}/sign`)).status).toBe(409);
      const reported = (await post('unit', `/api/supervision/items/${id}/reports`, { progress: '已排查管网 32 公里', problems: '资金缺口', percent: 60 })).body as Item;
      expect(reported.latestReport).toMatchObject({ percent: 60, unit: TEST_UNIT });
      expect((await post('unit', `/api/supervision/items/${id}/reports`, { progress: '', percent: 60 })).status).toBe(400);
      const claimed = (await post('unit', `/api/supervision/items/${id}/claim`, { version: reported.version, summary: '整改全部完成' })).body as Item;
      expect(claimed.state).toBe('claimed');
      expect((await get('supervisor', '/api/supervision/approvals')).body).toMatchObject({ claims: [{ id }] });
      expect((await post('supervisor', `/api/supervision/items/${id}/verify`, { version: claimed.version, accept: false })).status).toBe(400);
      const returned = (await post('supervisor', `/api/supervision/items/${id}/verify`, { version: claimed.version, accept: false, opinion: '缺少整改照片' })).body as Item & { stateNote: string };
      expect(returned.state).toBe('returned');
      expect(returned.stateNote).toBe('缺少整改照片');
      const again = (await post('unit', `/api/supervision/items/${id}/claim`, { version: returned.version, summary: '已补充照片' })).body as Item;
      const done = (await post('supervisor', `/api/supervision/items/${id}/verify`, { version: again.version, accept: true })).body as Item;
      expect(done.state).toBe('done');
      // 已办结 counts from the day the unit claimed it.
      expect(done.doneOn).toBe(again.claimedOn);
      const detail = (await get('supervisor', `/api/supervision/items/${id}`)).body as { history: { action: string; label: string; actor: string; before: unknown; after: unknown }[]; reports: unknown[] };
      expect(detail.reports).toHaveLength(1);
      expect(detail.history.map((e) => e.label)).toEqual(['立项', '交办', '签收', '报送进展', '申请办结', '退回', '申请办结', '核验办结']);
      const sign = detail.history.find((e) => e.action === 'supervision.item.sign')!;
      expect(sign.actor).toBe('unit');
      expect(sign.before).toMatchObject({ state: 'issued' });
      expect(sign.after).toMatchObject({ state: 'working' });
    });

    it('grants one extension and refuses another; the original deadline is kept', async () => {
      const id = items[1]!.id;
      expect((await post('unit', `/api/supervision/items/${id}/extensions`, { asked: '2026-12-20', reason: '早于时限' })).status).toBe(400);
      const asked = await post('unit', `/api/supervision/items/${id}/extensions`, { asked: '2027-01-20', reason: '抢修物资到货延迟' });
      expect(asked.status).toBe(200);
      const extension = asked.body as { id: number; decision: null };
      expect(extension.decision).toBeNull();
      expect((await post('unit', `/api/supervision/items/${id}/extensions`, { asked: '2027-01-25', reason: '再申请' })).status).toBe(409);
      expect((await post('unit', `/api/supervision/extensions/${extension.id}/decide`, { approve: true })).status).toBe(403);
      const approved = await post('supervisor', `/api/supervision/extensions/${extension.id}/decide`, { approve: true, opinion: '同意' });
      expect(approved.body).toMatchObject({ decision: 'approved', decidedBy: 'supervisor' });
      const item = (await get('unit', `/api/supervision/items/${id}`)).body as Item;
      expect(item.deadline).toBe('2027-01-20');
      expect(item.originalDeadline).toBe('2026-12-31');
      const second = (await post('unit', `/api/supervision/items/${id}/extensions`, { asked: '2027-02-28', reason: '春节因素' })).body as { id: number };
      expect((await post('supervisor', `/api/supervision/extensions/${second.id}/decide`, { approve: false })).status).toBe(400);
      await post('supervisor', `/api/supervision/extensions/${second.id}/decide`, { approve: false, opinion: '理由不充分' });
      const after = (await get('unit', `/api/supervision/items/${id}`)).body as Item & { extensions: { decision: string }[] };
      expect(after.deadline).toBe('2027-01-20');
      expect(after.extensions.map((e) => e.decision)).toEqual(['approved', 'refused']);
      // Past the deadline an extension is no longer asked for: the item is overdue.
      h.clock.set('2027-01-21T09:00:00+08:00');
      // Sessions idle out over the weeks the clock moved: sign in again.
      const unit = (await h.signIn('unit')) as Session;
      const office = (await h.signIn('supervisor')) as Session;
      const late = (await h.request({ method: 'GET', url: `/api/supervision/items/${id}`, session: unit })).body as Item;
      expect(late.overdue).toBe(true);
      expect((await h.request({ method: 'POST', url: `/api/supervision/items/${id}/extensions`, payload: { asked: '2027-03-01', reason: '补救' }, session: unit })).status).toBe(409);
      const overdue = (await h.request({ method: 'GET', url: '/api/supervision/items?overdue=true', session: office })).body as { items: Item[] };
      expect(overdue.items.map((i) => i.id)).toContain(id);
    });

    it('leaves the ledger alone when its document is imported again', async () => {
      const office = (await h.signIn('supervisor')) as Session;
      const ledger = () => h.request({ method: 'GET', url: `/api/supervision/ledgers/${ledgerId}`, session: office });
      const before = (await ledger()).body;
      const o = await importBytes(h.store, { bytes: Buffer.from(PLAN.replace(/\n/g, '\r\n')), name: '供热保障通知（重发）.txt', path: 'upload:again/供热保障通知.txt' }, h.clock);
      expect(o.status).not.toBe('imported');
      expect((await ledger()).body).toEqual(before);
    });

    it('follows its document when the file is replaced: states kept, a changed measure flagged, a new one drafted', async () => {
      const office = (await h.signIn('supervisor')) as Session;
      const ledger = async () => (await h.request({ method: 'GET', url: `/api/supervision/ledgers/${ledgerId}`, session: office })).body as { documentId: number; items: (Item & { reviewNote: string | null })[] };
      const before = await ledger();
      const revised = PLAN.replace('每月5日前报送监测情况。', '每月5日前报送监测情况，发现问题当日处置。').replace(
        '\n\n通辽市人民政府办公室',
        '\n四、加强供热价格监管。2027年2月底前完成专项检查。（责任单位：市市场监管局）\n\n通辽市人民政府办公室',
      );
      const o = await importBytes(h.store, { bytes: Buffer.from(revised), name: '供热保障通知.txt', path: 'upload:plan/供热保障通知.txt' }, h.clock);
      expect(o.status).toBe('replaced');
      const after = await ledger();
      expect(after.documentId).toBe(o.documentIds![0]);
      expect(after.documentId).not.toBe(before.documentId);
      expect(after.items.slice(0, 3).map((i) => i.state)).toEqual(before.items.map((i) => i.state));
      expect(after.items.slice(0, 3).map((i) => i.text)).toEqual(before.items.map((i) => i.text));
      expect(after.items[0]!.reviewNote).toBeNull();
      expect(after.items[2]!.reviewNote).toContain('发现问题当日处置');
      expect(after.items[3]).toMatchObject({ state: 'draft', deadline: '2027-02-28' });
    });

    it('exports the ledger as .xlsx, filtered as the page is, with lights from the rules', async () => {
      const office = (await h.signIn('supervisor')) as Session;
      const items = (await h.request({ method: 'GET', url: '/api/supervision/items', session: office })).body as { items: (Item & { light: string | null })[] };
      // Open items carry a light; closed ones none.
      for (const i of items.items) expect(i.light === null).toBe(!['issued', 'working', 'claimed', 'returned'].includes(i.state));
      const r = await h.app.inject({ method: 'GET', url: `/api/supervision/ledgers/${ledgerId}/ledger.xlsx?state=done`, headers: { host: '127.0.0.1:8080', cookie: office.cookie } });
      expect(r.statusCode).toBe(200);
      expect(r.headers['content-type']).toContain('spreadsheetml');
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(r.rawPayload as unknown as ArrayBuffer);
      const sheet = book.worksheets[0]!;
      const cells = sheet.getSheetValues().flat().filter((v): v is string => typeof v === 'string');
      expect(cells.some((c) => c.includes('排查老旧供热管网'))).toBe(true);
      expect(cells.some((c) => c.includes('建立应急抢修队伍'))).toBe(false);
      expect(cells).toContain('已办结');
    });

    it('records every change as an audit event and deletes nothing', async () => {
      const events = await h.store.db.selectFrom('audit_events').select(['action', 'before', 'after']).where('action', 'like', 'supervision.%').execute();
      const actions = new Set(events.map((e) => e.action));
      for (const a of ['supervision.ledger.open', 'supervision.item.create', 'supervision.item.edit', 'supervision.item.issue', 'supervision.item.sign', 'supervision.item.report', 'supervision.item.claim', 'supervision.item.return', 'supervision.item.verify', 'supervision.extension.request', 'supervision.extension.approve', 'supervision.extension.refuse']) {
        expect(actions.has(a), a).toBe(true);
      }
      // The unit replaced by the edit is still there, marked removed.
      const removed = await h.store.db.selectFrom('supervision_item_units').select(['name', 'removed_at']).where('item_id', '=', items[1]!.id).execute();
      expect(removed.find((u) => u.name === '市供热保障专班')!.removed_at).not.toBeNull();
    });
  });
}
