// One plan through a year, on both engines, through the store's own commands (the ones the API
// and the CLI call): a document imported, its ledger opened and issued; the units sign and report;
// one extension granted, one refused; ticks on chosen days issue exactly the notices worked out
// below by hand (across 中秋 and 国庆 2026 with the 调休 Saturday 10-10, and 元旦 2027); the
// October bulletin and the 2026 and 2027 scores equal the figures worked out by hand; importing
// the source document again changes nothing in the ledger.
//
// The plan (issued 2026-08-21, reports monthly by the 5th, DEFAULT_RULES):
//   A 住建 lead, 财政 responsible, due 09-30: claimed 09-28, verified 09-29 (on time, early).
//   B 教育, due 09-30: 提醒 09-24, 催办 10-08 (first working day after 国庆), 督办 10-13 (the 5th
//     working day after: 10-08, 10-09, Saturday 10-10, 10-12, 10-13), 移交 10-27 (10 working days
//     after the 督办单); claimed 11-03. Its October report came on 10-08, after the 5th: late.
//   C 水务, due 10-30, extended on 09-21 to 11-30: 提醒 11-25; claimed 11-26. No report for
//     November: missed.
//   D 交通, due 12-31, an extension to 2027-03-31 refused: 提醒 12-28, 催办 2027-01-04 (元旦 and a
//     weekend in between); still open in January 2027.
import { describe, expect, it } from 'vitest';
import { manualClock, type Clock } from '../src/calendar/clock.ts';
import { defaultDirectory } from '../src/directory/index.ts';
import { importBytes } from '../src/store/import.ts';
import { openStore, type Store } from '../src/store/open.ts';
import { monthBulletin, scoresOfYear } from '../src/store/supervision-bulletin.ts';
import { loadItemFacts } from '../src/store/supervision-facts.ts';
import { runTick } from '../src/store/supervision-tick.ts';
import {
  claimDone,
  decideExtension,
  issueLedger,
  openLedgerFromDocument,
  reportProgress,
  requestExtension,
  signItem,
  verifyDone,
  type Command,
} from '../src/store/supervision/index.ts';
import type { ItemFacts } from '../src/workflow/types.ts';
import { DIALECTS, newTarget } from './store-targets.ts';

const PLAN = [
  '通辽市人民政府办公室关于印发2026年下半年城市运行保障重点任务的通知',
  '通政办发〔2026〕61号',
  '各旗县市区人民政府，市直有关部门：',
  '一、完成背街小巷路灯更换。2026年9月30日前完成。（牵头单位：市住建局；责任单位：市财政局）',
  '二、开展校园周边交通安全整治。2026年9月30日前完成。（牵头单位：市教育局）',
  '三、完成城区排水管网清淤。2026年10月30日前完成。（牵头单位：市水务局）',
  '四、建成公交车辆智能调度平台。2026年12月31日前完成。（牵头单位：市交通运输局）',
  '',
  '通辽市人民政府办公室',
  '2026年8月20日',
].join('\n');

const at = (day: string): Clock => manualClock(`${day}T10:00`);
const office = (day: string): Command => ({ actor: { name: 'dcs' }, now: at(day).now(), today: day, unit: null });
const unit = (name: string, day: string): Command => ({ actor: { name: `user-of-${name}` }, now: at(day).now(), today: day, unit: name });
const report = { progress: '按计划推进', problems: '', coordination: '', nextSteps: '继续推进', percent: 50 };

for (const { dialect, available } of DIALECTS) {
  describe.skipIf(!available)(`a plan through a year (${dialect})`, () => {
    it('signs, reports, extends, ticks, bulletins and scores as worked out by hand; a re-import changes nothing', async () => {
      const target = await newTarget(dialect);
      const store: Store = await openStore(target.url);
      const db = store.db;
      try {
        const imported = await importBytes(store, { bytes: Buffer.from(PLAN), name: '重点任务.txt', path: 'upload:plan/重点任务.txt' }, at('2026-08-21'));
        const ledgerId = await openLedgerFromDocument(db, office('2026-08-21'), imported.documentIds![0]!, defaultDirectory());
        const issued = await issueLedger(db, office('2026-08-21'), ledgerId);
        expect(issued).toHaveLength(4);
        const facts = async () => loadItemFacts(db, issued);
        const [a, b, c, d] = issued as [number, number, number, number];
        const lead = (i: ItemFacts) => i.units.find((u) => u.role === 'lead')!.canonical!;
        const first = await facts();
        const [zj, jy, sw, jt] = first.map(lead) as [string, string, string, string];
        const cz = first[0]!.units.find((u) => u.role === 'responsible')!.canonical!;
        expect([zj, cz, jy, sw, jt]).toEqual(['通辽市住房和城乡建设局', '通辽市财政局', '通辽市教育局', '通辽市水务局', '通辽市交通运输局']);
        expect(first.map((i) => i.deadline)).toEqual(['2026-09-30', '2026-09-30', '2026-10-30', '2026-12-31']);
        expect(first.every((i) => i.state === 'issued' && i.cycle.kind === 'monthly')).toBe(true);

        const tick = async (day: string) => (await runTick(store, { clock: at(day) })).notices.map((n) => [n.kind, n.itemId, n.unit, n.number, n.date]);
        const version = async (id: number) => (await db.selectFrom('supervision_items').select('version').where('id', '=', id).executeTakeFirstOrThrow()).version;

        // 签收 on 08-24; the responsible unit of A signs too. Everyone is 办理中.
        await signItem(db, unit(zj, '2026-08-24'), a);
        await signItem(db, unit(cz, '2026-08-24'), a);
        await signItem(db, unit(jy, '2026-08-24'), b);
        await signItem(db, unit(sw, '2026-08-24'), c);
        await signItem(db, unit(jt, '2026-08-24'), d);
        expect((await facts()).map((i) => i.state)).toEqual(['working', 'working', 'working', 'working']);

        // September's reports, on time (due 09-05).
        for (const [u, id] of [[zj, a], [jy, b], [sw, c], [jt, d]] as const) await reportProgress(db, unit(u, '2026-09-04'), id, report);
        // C asks for more time before its deadline and gets it; the first deadline is kept.
        const extC = await requestExtension(db, unit(sw, '2026-09-20'), c, '2026-11-30', '汛期后方可施工');
        await decideExtension(db, office('2026-09-21'), extC, true, '同意');
        expect((await facts())[2]).toMatchObject({ deadline: '2026-11-30', originalDeadline: '2026-10-30' });

        expect(await tick('2026-09-24')).toEqual([
          ['提醒单', a, zj, '提醒〔2026〕1号', '2026-09-24'],
          ['提醒单', b, jy, '提醒〔2026〕2号', '2026-09-24'],
        ]);
        await claimDone(db, unit(zj, '2026-09-28'), a, await version(a), '已全部更换');
        await verifyDone(db, office('2026-09-29'), a, await version(a), true, '');
        // October's reports: C early (09-30, counts for the 10-05 due day), D on a holiday, B late.
        await reportProgress(db, unit(sw, '2026-09-30'), c, report);
        await reportProgress(db, unit(jt, '2026-10-04'), d, report);
        await reportProgress(db, unit(jy, '2026-10-08'), b, report);

        expect(await tick('2026-10-08')).toEqual([['催办单', b, jy, '催办〔2026〕1号', '2026-10-08']]);
        expect(await tick('2026-10-13')).toEqual([['督办单', b, jy, '督办〔2026〕1号', '2026-10-13']]);
        expect(await tick('2026-10-27')).toEqual([['移交函', b, jy, '移交〔2026〕1号', '2026-10-27']]);
        // A second run the same day issues nothing.
        expect(await tick('2026-10-27')).toEqual([]);

        // The October bulletin, as of 10-31.
        const october = await monthBulletin(db, '2026-10');
        expect(october.totals).toEqual({ items: 4, done: 1, open: 3, overdue: 1 });
        const row = (u: string) => october.rows.find((r) => r.unit === u)!;
        expect([zj, cz, jy, sw, jt].map((u) => { const r = row(u); return [r.items, r.done, r.doneOnTime, r.overdue, r.onTimeRate, r.reportsOwed, r.reportsOnTime, r.reportRate, r.score, r.rank]; })).toEqual([
          // 住建: done on time and early: 100 + 2 + 0.5. Owed only 09-05 (claimed 09-28).
          [1, 1, 1, 0, 1, 1, 1, 1, 102.5, 1],
          // 财政: a responsible unit beside a lead: the cooperating point, no reports owed.
          [1, 1, 1, 0, 1, 0, 0, null, 101, 2],
          // 教育: overdue −5, the late report −0.1, 督办单 −1, 移交函 −3.
          [1, 0, 0, 1, 0, 2, 1, 0.5, 90.9, 5],
          // 水务 and 交通: nothing done or overdue yet, both reports on time, equal scores share rank 3.
          [1, 0, 0, 0, null, 2, 2, 1, 100, 3],
          [1, 0, 0, 0, null, 2, 2, 1, 100, 3],
        ]);
        expect(october.red).toEqual([zj, cz]);
        expect(october.black).toEqual([jy]);
        // 18 working days after 09-30: 10-08, 10-09, the 调休 Saturday 10-10 and three full weeks.
        expect(october.overdueItems).toEqual([{ itemId: b, text: first[1]!.text, units: [jy], deadline: '2026-09-30', workdaysOver: 18 }]);

        await claimDone(db, unit(jy, '2026-11-03'), b, await version(b), '整治完成');
        await verifyDone(db, office('2026-11-04'), b, await version(b), true, '');
        // November: D reports, C does not.
        await reportProgress(db, unit(jt, '2026-11-04'), d, report);
        expect(await tick('2026-11-25')).toEqual([['提醒单', c, sw, '提醒〔2026〕3号', '2026-11-25']]);
        await claimDone(db, unit(sw, '2026-11-26'), c, await version(c), '清淤完成');
        await verifyDone(db, office('2026-11-27'), c, await version(c), true, '');

        // D asks for a quarter more and is refused: its deadline stands.
        const extD = await requestExtension(db, unit(jt, '2026-12-01'), d, '2027-03-31', '设备到货延迟');
        await decideExtension(db, office('2026-12-02'), extD, false, '年度目标任务，不予延期');
        await reportProgress(db, unit(jt, '2026-12-04'), d, report);
        expect((await facts())[3]).toMatchObject({ deadline: '2026-12-31', originalDeadline: '2026-12-31' });
        expect(await tick('2026-12-28')).toEqual([['提醒单', d, jt, '提醒〔2026〕4号', '2026-12-28']]);
        // 2027: 元旦 (Friday), the weekend; numbers start again for the new year.
        expect(await tick('2027-01-04')).toEqual([['催办单', d, jt, '催办〔2027〕1号', '2027-01-04']]);

        // The 2026 scores: every point traced to its event.
        const scores2026 = new Map((await scoresOfYear(db, 2026, '2026-12-31')).map((s) => [s.unit, s]));
        expect([zj, cz, jy, sw, jt].map((u) => scores2026.get(u)!.total)).toEqual([
          102.5, // 住建: +2 办结, +0.5 提前
          101, // 财政: +1 办结 (cooperating)
          92.9, // 教育: +2 办结 (11-03), −5 超期, −0.1 迟报, −1 督办单, −3 移交函
          102, // 水务: +2 办结, +0.5 提前 (the extended deadline), −0.5 漏报 11-05
          100, // 交通: due on the year's last day, not yet overdue in 2026; every report on time
        ]);
        expect(scores2026.get(jy)!.events.map((e) => [e.rule, e.points, e.date])).toEqual([
          ['base', 100, '2026-01-01'],
          ['overdue', -5, '2026-10-01'],
          ['report-late', -0.1, '2026-10-05'],
          ['supervise', -1, '2026-10-13'],
          ['transfer', -3, '2026-10-27'],
          ['done', 2, '2026-11-03'],
        ]);
        // D became overdue on 2027-01-01: its −5 falls in 2027's assessment, with the unreported 01-05.
        const scores2027 = new Map((await scoresOfYear(db, 2027, '2027-01-29')).map((s) => [s.unit, s]));
        expect(scores2027.get(jt)!.events.map((e) => [e.rule, e.points])).toEqual([
          ['base', 100],
          ['overdue', -5],
          ['report-missed', -0.5],
        ]);

        // The same document again, as a CRLF copy in its place: nothing in the ledger changes.
        const before = await facts();
        const again = await importBytes(store, { bytes: Buffer.from(PLAN.replace(/\n/g, '\r\n')), name: '重点任务.txt', path: 'upload:plan/重点任务.txt' }, at('2027-01-05'));
        expect(again.status).not.toBe('imported');
        expect(await facts()).toEqual(before);
        const notes = await db.selectFrom('supervision_items').select('review_note').where('ledger_id', '=', ledgerId).execute();
        expect(notes.every((n) => n.review_note === null)).toBe(true);
      } finally {
        await store.close();
        await target.drop();
      }
    });
  });
}
