// 分级调度, 考核 and the 月通报 .docx over HTTP on both engines, in a small scenario worked by hand
// (today 2026-12-03; default rules: base 100, 办结 +2 牵头 / +1 配合, 提前 +0.5, 超期 −5 牵头 /
// −2.5 others):
//   X1 住建局 leads, 交通运输局 responsible, 财政局 cooperating; due 2026-11-20, still 办理中;
//      reports by 住建局 on 11-10 and 12-02; a 督办单 (−1) to 住建局 on 11-27.
//   X2 财政局 leads; due 2026-10-30; claimed 10-28, accepted 10-29 (提前办结).
//   X3 住建局 leads; due 2026-12-31, issued 11-20.   X4 财政局 leads; due 2027-03-31, issued 11-05.
// Scores: 住建局 100−5−1 = 94; 财政局 100+2+0.5−2.5 = 100; 交通运输局 100−2.5 = 97.5 (X1 has a 牵头单位,
// so its 责任单位 scores as the others do). Ranks: 财政局 1, 交通运输局 2, 住建局 3.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { openDocx } from './docx-open.ts';
import { serverHarness, TEST_UNIT, type Harness } from './server-harness.ts';
import { insertItem, insertLedger, insertReport } from './supervision-rows.ts';
import { DIALECTS } from './store-targets.ts';

const A = TEST_UNIT;
const B = '通辽市财政局';
const C = '通辽市交通运输局';

type Row = { itemId: number; seq: number; text: string; responsible: string[]; cooperating: string[]; state: string; overdue: boolean; light: string | null; latestReport: { on: string; unit: string; percent: number } | null };
type Dispatch = { period: string; half: number | null; from: string; to: string; asOf: string; leads: { unit: string; rows: Row[] }[]; units: string[] };
type Scores = { year: number; asOf: string; base: number; units: { unit: string; rank: number; total: number; plus: number; minus: number; events: { rule: string; label: string; points: number; date: string; itemId: number | null; itemText: string | null; detail: string }[] }[] };

async function binary(h: Harness, url: string, role: 'supervisor' | 'unit' | 'leader') {
  return h.app.inject({ method: 'GET', url, headers: { host: '127.0.0.1:8080', cookie: h.as(role).cookie } });
}

async function openBook(buffer: Buffer): Promise<ExcelJS.Workbook> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(buffer as unknown as ArrayBuffer);
  return book;
}
const cell = (c: ExcelJS.Cell) => (c.value instanceof Date ? c.value.toISOString().slice(0, 10) : (c.value ?? null));
const rowOf = (sheet: ExcelJS.Worksheet, n: number, width: number) => Array.from({ length: width }, (_, k) => cell(sheet.getRow(n).getCell(k + 1)));

for (const { dialect, available } of DIALECTS) {
  describe.skipIf(!available)(`supervision dispatch, scores and bulletin .docx (${dialect})`, () => {
    const id = { x1: 0, x2: 0, x3: 0, x4: 0 };
    const seq = { x1: 0 };
    const h = serverHarness(dialect, {
      now: '2026-12-03T09:00:00+08:00',
      setup: async (store) => {
        const ledger = await insertLedger(store.db, '冬季供热专项督办');
        id.x1 = await insertItem(store.db, ledger, { units: [['lead', A], ['responsible', C], ['cooperating', B]], deadline: '2026-11-20', issuedOn: '2026-10-09', text: '完成老旧小区供热管网改造' });
        id.x2 = await insertItem(store.db, ledger, { units: [['lead', B]], deadline: '2026-10-30', issuedOn: '2026-10-09', state: 'done', claimedOn: '2026-10-28', doneOn: '2026-10-29', text: '拨付供热补贴资金' });
        id.x3 = await insertItem(store.db, ledger, { units: [['lead', A]], deadline: '2026-12-31', issuedOn: '2026-11-20', text: '开展供热质量巡查' });
        id.x4 = await insertItem(store.db, ledger, { units: [['lead', B]], deadline: '2027-03-31', issuedOn: '2026-11-05', text: '制定明年供热价格方案' });
        await insertReport(store.db, id.x1, A, '2026-11-10');
        await insertReport(store.db, id.x1, A, '2026-12-02');
        await store.db
          .insertInto('supervision_notices')
          .values({ item_id: id.x1, kind: '督办单', year: 2026, seq: 1, number: '督办〔2026〕1号', unit: A, date: '2026-11-27', deadline: '2026-12-04', copied_to: '["分管副市长"]', issued_at: '2026-11-27T01:00:00.000Z', read_at: null, mailed_at: null })
          .execute();
        seq.x1 = (await store.db.selectFrom('supervision_items').select('seq').where('id', '=', id.x1).executeTakeFirstOrThrow()).seq;
      },
    });
    const get = async <T>(url: string, role: 'supervisor' | 'unit' | 'leader' = 'supervisor') => {
      const r = await h.request({ method: 'GET', url, session: h.as(role) });
      expect(r.status, r.text).toBe(200);
      return r.body as T;
    };

    it('the office’s monthly 调度 of November: per lead unit its items as of 11-30, the done-before item left out', async () => {
      const d = await get<Dispatch>('/api/supervision/dispatch?period=2026-11');
      expect([d.period, d.half, d.from, d.to, d.asOf]).toEqual(['2026年11月调度', null, '2026-11-01', '2026-11-30', '2026-11-30']);
      expect(d.units).toEqual([B, A]);
      expect(d.leads.map((l) => [l.unit, l.rows.map((r) => r.itemId)])).toEqual([[B, [id.x4]], [A, [id.x1, id.x3]]]);
      const [x1, x3] = d.leads[1]!.rows;
      expect(x1).toMatchObject({ responsible: [C], cooperating: [B], state: 'working', overdue: true, light: 'red', latestReport: { on: '2026-11-10', unit: A, percent: 60 } });
      expect(x3).toMatchObject({ overdue: false, light: 'green', latestReport: null });
      // October: X2 was in hand (done on 10-29), and X3, X4 not yet issued.
      const oct = await get<Dispatch>('/api/supervision/dispatch?period=2026-10');
      expect(oct.leads.map((l) => [l.unit, l.rows.map((r) => [r.itemId, r.state, r.light, r.overdue])])).toEqual([[B, [[id.x2, 'done', null, false]]], [A, [[id.x1, 'working', 'green', false]]]]);
      const one = await get<Dispatch>(`/api/supervision/dispatch?period=2026-11&lead=${encodeURIComponent(A)}`, 'leader');
      expect(one.leads.map((l) => l.unit)).toEqual([A]);
      expect(one.units).toEqual([B, A]);
    });

    it('the lead unit’s half-monthly 调度: its own unit only, as of today while the half runs', async () => {
      const d = await get<Dispatch>(`/api/supervision/dispatch?period=2026-12-H1&lead=${encodeURIComponent(B)}`, 'unit');
      expect([d.period, d.half, d.from, d.to, d.asOf]).toEqual(['2026年12月上半月调度', 1, '2026-12-01', '2026-12-15', '2026-12-03']);
      expect(d.units).toEqual([A]);
      expect(d.leads.map((l) => [l.unit, l.rows.map((r) => [r.itemId, r.latestReport?.on ?? null])])).toEqual([[A, [[id.x1, '2026-12-02'], [id.x3, null]]]]);
      expect((await get<Dispatch>('/api/supervision/dispatch?period=2026-11-H2')).from).toBe('2026-11-16');
    });

    it('bad and future periods are refused in Chinese', async () => {
      const bad = await h.request({ method: 'GET', url: '/api/supervision/dispatch?period=2026-13', session: h.as('supervisor') });
      expect(bad.status).toBe(400);
      expect((bad.body as { error: string }).error).toContain('调度期次应写作');
      const later = await h.request({ method: 'GET', url: '/api/supervision/dispatch?period=2027-01', session: h.as('supervisor') });
      expect(later.status).toBe(400);
      expect((later.body as { error: string }).error).toBe('2027年1月调度尚未开始（2027-01-01起），暂无调度表');
      const none = await h.request({ method: 'GET', url: `/api/supervision/dispatch.xlsx?period=2026-11&lead=${encodeURIComponent('不存在的单位')}`, session: h.as('supervisor') });
      expect(none.status).toBe(404);
      expect((none.body as { error: string }).error).toContain('没有可调度的牵头单位事项');
    });

    it('the 调度表 .xlsx opened back: a sheet per lead unit, the rows as the JSON has them', async () => {
      const r = await binary(h, '/api/supervision/dispatch.xlsx?period=2026-11', 'supervisor');
      expect(r.statusCode).toBe(200);
      expect(String(r.headers['content-disposition'])).toContain(encodeURIComponent('2026年11月调度表.xlsx'));
      const book = await openBook(r.rawPayload);
      expect(book.worksheets.map((s) => s.name)).toEqual([B, A]);
      const sheet = book.getWorksheet(A)!;
      expect(cell(sheet.getCell('A2'))).toBe('2026年11月调度；截至2026年11月30日，共2项');
      expect(rowOf(sheet, 4, 15)).toEqual([1, '完成老旧小区供热管网改造', C, B, null, '2026-11-20', '办理中', '红灯', '按计划推进', '无', '无', '继续推进', A, '2026-11-10', 0.6]);
      expect(rowOf(sheet, 5, 8)).toEqual([2, '开展供热质量巡查', null, null, null, '2026-12-31', '办理中', '绿灯']);
      expect(cell(sheet.getCell('I5'))).toBeNull();
      // A unit user's workbook has their sheet alone.
      const mine = await openBook((await binary(h, '/api/supervision/dispatch.xlsx?period=2026-12-H1', 'unit')).rawPayload);
      expect(mine.worksheets.map((s) => s.name)).toEqual([A]);
    });

    it('考核 2026: every point traced to its event, totals and ranks as worked by hand', async () => {
      const s = await get<Scores>('/api/supervision/scores?year=2026', 'unit');
      expect([s.year, s.asOf, s.base]).toEqual([2026, '2026-12-03', 100]);
      expect(s.units.map((u) => [u.unit, u.rank, u.total, u.plus, u.minus])).toEqual([[B, 1, 100, 2.5, -2.5], [C, 2, 97.5, 0, -2.5], [A, 3, 94, 0, -6]]);
      const events = (unit: string) => s.units.find((u) => u.unit === unit)!.events.map((e) => [e.rule, e.label, e.points, e.date, e.itemId, e.itemText, e.detail]);
      expect(events(B)).toEqual([
        ['base', '基础分', 100, '2026-01-01', null, null, '2026年度基础分'],
        ['done', '办结', 2, '2026-10-28', id.x2, '拨付供热补贴资金', '2026-10-28办结'],
        ['early', '提前办结', 0.5, '2026-10-28', id.x2, '拨付供热补贴资金', '2026-10-28办结，早于时限2026-10-30'],
        ['overdue', '超期', -2.5, '2026-11-21', id.x1, '完成老旧小区供热管网改造', '时限2026-11-20，截至2026-12-03未办结'],
      ]);
      expect(events(A)).toEqual([
        ['base', '基础分', 100, '2026-01-01', null, null, '2026年度基础分'],
        ['overdue', '超期', -5, '2026-11-21', id.x1, '完成老旧小区供热管网改造', '时限2026-11-20，截至2026-12-03未办结'],
        ['supervise', '督办单', -1, '2026-11-27', id.x1, '完成老旧小区供热管网改造', '督办〔2026〕1号'],
      ]);
      const bad = await h.request({ method: 'GET', url: '/api/supervision/scores?year=26', session: h.as('supervisor') });
      expect(bad.status).toBe(400);
      expect((bad.body as { error: string }).error).toContain('年度应为四位数字');
      expect((await h.request({ method: 'GET', url: '/api/supervision/scores?year=2027', session: h.as('supervisor') })).status).toBe(400);
    });

    it('the 考核 .xlsx opened back: the summary and every point but the base', async () => {
      const r = await binary(h, '/api/supervision/scores.xlsx?year=2026', 'leader');
      expect(r.statusCode).toBe(200);
      const book = await openBook(r.rawPayload);
      const sum = book.getWorksheet('考核汇总')!;
      expect(cell(sum.getCell('A1'))).toBe('2026年度督查督办考核得分');
      expect([4, 5, 6].map((n) => rowOf(sum, n, 6))).toEqual([[1, B, 100, 2.5, -2.5, 100], [2, C, 100, 0, -2.5, 97.5], [3, A, 100, 0, -6, 94]]);
      const detail = book.getWorksheet('计分明细')!;
      const rows = Array.from({ length: detail.rowCount - 2 }, (_, k) => rowOf(detail, k + 3, 6)).filter((x) => typeof x[0] === 'number');
      expect(rows.map((x) => x.slice(1))).toEqual([
        [B, '2026-10-28', '拨付供热补贴资金', '办结：2026-10-28办结', 2],
        [B, '2026-10-28', '拨付供热补贴资金', '提前办结：2026-10-28办结，早于时限2026-10-30', 0.5],
        [B, '2026-11-21', '完成老旧小区供热管网改造', '超期：时限2026-11-20，截至2026-12-03未办结', -2.5],
        [C, '2026-11-21', '完成老旧小区供热管网改造', '超期：时限2026-11-20，截至2026-12-03未办结', -2.5],
        [A, '2026-11-21', '完成老旧小区供热管网改造', '超期：时限2026-11-20，截至2026-12-03未办结', -5],
        [A, '2026-11-27', '完成老旧小区供热管网改造', '督办单：督办〔2026〕1号', -1],
      ]);
    });

    it('the November bulletin .docx: a preview, then the published 第1期, read back field by field', async () => {
      const preview = await binary(h, '/api/supervision/bulletins/2026-11.docx', 'unit');
      expect(preview.statusCode).toBe(200);
      expect(String(preview.headers['content-disposition'])).toContain(encodeURIComponent('督查通报-2026-11-预览.docx'));
      const doc = await openDocx(preview.rawPayload);
      expect(doc.lines).toContain('第1期');
      expect(doc.text).toContain('关于2026年11月督查督办事项办理情况的通报');
      expect(doc.text).toContain('截至2026年11月30日，共有督办事项4件，已办结1件（25.0%），在办3件（75.0%），其中超期未办结1件。');
      const unitRow = (unit: string) => doc.lines.slice(doc.lines.indexOf(unit), doc.lines.indexOf(unit) + 8);
      expect(unitRow(B)).toEqual([B, '2', '1', '100.0%', '0', '—', '100.0', '1']);
      expect(unitRow(C)).toEqual([C, '1', '0', '0.0%', '1', '—', '97.5', '2']);
      expect(unitRow(A)).toEqual([A, '2', '0', '0.0%', '1', '—', '94.0', '3']);
      expect(doc.text).toContain(`红榜（按时办结率不低于90%）：${B}。`);
      expect(doc.text).toContain(`黑榜（按时办结率低于85%）：${C}、${A}。`);
      expect(doc.text).toContain(`1. 第${seq.x1}项：完成老旧小区供热管网改造（牵头单位：${A}；完成时限：2026年11月20日；已超期6个工作日）。`);
      expect(doc.text).toContain('2026年12月3日');

      expect((await h.request({ method: 'POST', url: '/api/supervision/bulletins/2026-11/publish', session: h.as('supervisor') })).status).toBe(200);
      const published = await binary(h, '/api/supervision/bulletins/2026-11.docx', 'leader');
      expect(String(published.headers['content-disposition'])).toContain(encodeURIComponent('督查通报2026年第1期.docx'));
      const pub = await openDocx(published.rawPayload);
      expect(pub.lines).toContain('第1期');
      expect(pub.text).toContain('共有督办事项4件，已办结1件');
      expect((await h.request({ method: 'GET', url: '/api/supervision/bulletins/2026-13.docx', session: h.as('leader') })).status).toBe(400);
    });
  });
}
