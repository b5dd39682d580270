// The time side of 督查督办 on a real store, SQLite and PostgreSQL: the tick over chosen days
// (中秋, 国庆 with its 调休 Saturday, 元旦 2027), run twice, after a restart and catching up days
// the server was down; numbering per year and kind without gaps; every notice audited; rules
// saved and audited, a bad edit refused with the store unchanged; a bulletin worked out by hand,
// published as a snapshot that later changes leave alone; scores traced to their events.
import { describe, expect, it } from 'vitest';
import { manualClock } from '../src/calendar/clock.ts';
import { openStore, type Store } from '../src/store/open.ts';
import { monthBulletin, publishBulletin, scoresOfYear } from '../src/store/supervision-bulletin.ts';
import { loadRules, saveRules } from '../src/store/supervision-rules.ts';
import { runTick } from '../src/store/supervision-tick.ts';
import { SupervisionError } from '../src/workflow/errors.ts';
import { DEFAULT_RULES } from '../src/workflow/rules.ts';
import { approveExtension, insertItem, insertLedger, insertReport, setState } from './supervision-rows.ts';
import { DIALECTS, newTarget } from './store-targets.ts';

const at = (day: string) => manualClock(`${day}T09:00`);
const tick = (store: Store, day: string) => runTick(store, { clock: at(day) });
const brief = (r: Awaited<ReturnType<typeof runTick>>) => r.notices.map((n) => [n.kind, n.itemId, n.number, n.date, n.deadline]);

for (const { dialect, available } of DIALECTS) {
  describe.skipIf(!available)(`supervision time (${dialect})`, () => {
    it('ticks across 中秋, 国庆 and 元旦 2027: each notice once, numbered without gaps, caught up after a restart', async () => {
      const target = await newTarget(dialect);
      let store = await openStore(target.url);
      let db = store.db;
      try {
        await db.insertInto('office_leaders').values({ name: '张明', title: '副县长', seq: 1, areas: '["发展改革"]', units: '["县发展改革委"]', updated_at: '2026-01-05T01:00:00.000Z' }).execute();
        const ledger = await insertLedger(db);
        const a = await insertItem(db, ledger, { units: [['lead', '县发展改革委'], ['cooperating', '县财政局']], deadline: '2026-09-30' });
        const b = await insertItem(db, ledger, { units: [['lead', '县住建局']], deadline: '2026-09-30' });
        const c = await insertItem(db, ledger, { units: [['responsible', '县交通运输局']], deadline: '2026-12-31' });
        const d = await insertItem(db, ledger, { units: [['lead', '县水利局']], deadline: '2026-09-30' });
        await insertItem(db, ledger, { units: [['lead', '县水利局']], deadline: '2026-09-30', state: 'draft' });
        await insertItem(db, ledger, { units: [['lead', '县水利局']], deadline: '2026-09-30', state: 'done', claimedOn: '2026-09-20', doneOn: '2026-09-21' });

        const first = await tick(store, '2026-09-24');
        expect(brief(first)).toEqual([
          ['提醒单', a, '提醒〔2026〕1号', '2026-09-24', '2026-09-30'],
          ['提醒单', b, '提醒〔2026〕2号', '2026-09-24', '2026-09-30'],
          ['提醒单', d, '提醒〔2026〕3号', '2026-09-24', '2026-09-30'],
        ]);
        expect(first.notices[0]!.unit).toBe('县发展改革委');
        // Twice the same day: nothing new.
        expect((await tick(store, '2026-09-24')).notices).toEqual([]);

        // D's extension is granted: a new cycle against 2026-11-30.
        await approveExtension(db, d, '县水利局', '2026-11-30', '2026-09-25');
        // Down over 中秋 and 国庆: one run on 10-08 catches up 9-28, 9-29, 9-30 and 10-08.
        const second = await tick(store, '2026-10-08');
        expect(second.days).toEqual(['2026-09-28', '2026-09-29', '2026-09-30', '2026-10-08']);
        expect(brief(second)).toEqual([
          ['催办单', a, '催办〔2026〕1号', '2026-10-08', '2026-09-30'],
          ['催办单', b, '催办〔2026〕2号', '2026-10-08', '2026-09-30'],
        ]);
        await setState(db, b, 'done', { claimedOn: '2026-10-09', doneOn: '2026-10-09' });

        // A restart: the store is opened again and the next run catches up 10-09, the 调休 Saturday 10-10, 10-12, 10-13.
        await store.close();
        store = await openStore(target.url);
        db = store.db;
        const third = await tick(store, '2026-10-13');
        expect(third.days).toEqual(['2026-10-09', '2026-10-10', '2026-10-12', '2026-10-13']);
        expect(brief(third)).toEqual([['督办单', a, '督办〔2026〕1号', '2026-10-13', '2026-09-30']]);
        expect(third.notices[0]!.copiedTo).toEqual(['副县长张明']);

        expect(brief(await tick(store, '2026-10-27'))).toEqual([['移交函', a, '移交〔2026〕1号', '2026-10-27', '2026-09-30']]);
        expect(brief(await tick(store, '2026-11-25'))).toEqual([['提醒单', d, '提醒〔2026〕4号', '2026-11-25', '2026-11-30']]);
        // Down for a month: each notice dated on its own day.
        expect(brief(await tick(store, '2026-12-28'))).toEqual([
          ['催办单', d, '催办〔2026〕3号', '2026-12-01', '2026-11-30'],
          ['督办单', d, '督办〔2026〕2号', '2026-12-07', '2026-11-30'],
          ['移交函', d, '移交〔2026〕2号', '2026-12-21', '2026-11-30'],
          ['提醒单', c, '提醒〔2026〕5号', '2026-12-28', '2026-12-31'],
        ]);
        // 元旦 2027 and a weekend: the 催办单 on 01-04, numbered from 1 in the new year.
        const newYear = await tick(store, '2027-01-04');
        expect(newYear.days).toEqual(['2026-12-29', '2026-12-30', '2026-12-31', '2027-01-04']);
        expect(brief(newYear)).toEqual([['催办单', c, '催办〔2027〕1号', '2027-01-04', '2026-12-31']]);
        expect(newYear.notices[0]!.unit).toBe('县交通运输局');
        // Run again the same day (an item issued after the morning's run would get today's notices): nothing new.
        expect(await tick(store, '2027-01-04')).toEqual({ days: ['2027-01-04'], notices: [] });
        // On a Saturday, the working days since are caught up: C's 督办单 on its fifth working day after 12-31 (1-4…1-8).
        const saturday = await tick(store, '2027-01-09');
        expect(saturday.days).toEqual(['2027-01-05', '2027-01-06', '2027-01-07', '2027-01-08']);
        expect(brief(saturday)).toEqual([['督办单', c, '督办〔2027〕1号', '2027-01-08', '2026-12-31']]);

        const rows = await db.selectFrom('supervision_notices').select(['kind', 'year', 'seq']).orderBy('kind').orderBy('year').orderBy('seq').execute();
        const groups = new Map<string, number[]>();
        for (const r of rows) groups.set(`${r.kind}${r.year}`, [...(groups.get(`${r.kind}${r.year}`) ?? []), r.seq]);
        for (const seqs of groups.values()) expect(seqs).toEqual(seqs.map((_, i) => i + 1));
        const audits = await db.selectFrom('audit_events').select(['entity_id', 'after']).where('action', '=', 'supervision.notice.issue').execute();
        expect(audits).toHaveLength(rows.length);
        expect(audits.map((e) => JSON.parse(e.after!).number).sort()).toEqual((await db.selectFrom('supervision_notices').select('number').execute()).map((r) => r.number).sort());
        const ticks = await db.selectFrom('supervision_ticks').select(['day', 'notices']).orderBy('day').execute();
        expect(ticks.reduce((t, r) => t + r.notices, 0)).toBe(rows.length);
        expect(ticks.map((t) => t.day)).toContain('2026-10-10');
        expect(ticks.map((t) => t.day)).not.toContain('2026-10-11');

        // Scores of 2026 as of the year's end, each point traced: 县发展改革委 led A (overdue, 督办单, 移交函).
        const scores = await scoresOfYear(db, 2026, '2027-01-04');
        const ndrc = scores.find((s) => s.unit === '县发展改革委')!;
        expect(ndrc.events.map((e) => [e.rule, e.points, e.itemId, e.detail])).toEqual([
          ['base', 100, null, '2026年度基础分'],
          ['overdue', -5, a, '时限2026-09-30，截至2026-12-31未办结'],
          ['supervise', -1, a, '督办〔2026〕1号'],
          ['transfer', -3, a, '移交〔2026〕1号'],
        ]);
        expect(ndrc.total).toBe(91);
        expect(scores.find((s) => s.unit === '县财政局')!.total).toBe(97.5);
        // 县住建局: done 10-09 after a 09-30 deadline: +2 and −5.
        expect(scores.find((s) => s.unit === '县住建局')!.total).toBe(97);
      } finally {
        await store.close();
        await target.drop();
      }
    });

    it('rules are saved and audited; a bad edit is refused in Chinese and changes nothing', async () => {
      const target = await newTarget(dialect);
      const store = await openStore(target.url);
      try {
        const who = { actor: { name: 'admin' }, now: new Date('2026-12-04T01:00:00Z') };
        expect(await loadRules(store.db)).toEqual(DEFAULT_RULES);
        const saved = await saveRules(store.db, who, { notices: { reminderBefore: 5 }, lists: { red: 0.95 } });
        expect(saved.notices.reminderBefore).toBe(5);
        expect(await loadRules(store.db)).toEqual(saved);
        await expect(saveRules(store.db, who, { scores: { transfer: 3 } })).rejects.toThrow(/移交函扣分应为扣分/);
        await expect(saveRules(store.db, who, { scores: { transfer: 3 } })).rejects.toBeInstanceOf(SupervisionError);
        expect(await loadRules(store.db)).toEqual(saved);
        const events = await store.db.selectFrom('audit_events').select(['actor', 'before', 'after']).where('action', '=', 'supervision.rules.edit').execute();
        expect(events).toHaveLength(1);
        expect(JSON.parse(events[0]!.before!).notices.reminderBefore).toBe(3);
        expect(JSON.parse(events[0]!.after!).notices.reminderBefore).toBe(5);
        // The tick uses the saved rules: 5 working days before 2026-12-31 is 12-24.
        const ledger = await insertLedger(store.db);
        const id = await insertItem(store.db, ledger, { units: [['lead', '县民政局']], deadline: '2026-12-31' });
        expect(brief(await runTick(store, { clock: at('2026-12-24') }))).toEqual([['提醒单', id, '提醒〔2026〕1号', '2026-12-24', '2026-12-31']]);
      } finally {
        await store.close();
        await target.drop();
      }
    });

    it('a bulletin worked out by hand; published, it is a snapshot numbered 第N期', async () => {
      const target = await newTarget(dialect);
      const store = await openStore(target.url);
      try {
        const db = store.db;
        const ledger = await insertLedger(db);
        // 甲局: done on time (claimed 10-12 for 10-15), done late (claimed 10-20 for 10-09), open past 10-16.
        const a1 = await insertItem(db, ledger, { units: [['lead', '甲局'], ['cooperating', '乙局']], deadline: '2026-10-15', state: 'done', claimedOn: '2026-10-12', doneOn: '2026-10-13' });
        await insertItem(db, ledger, { units: [['lead', '甲局']], deadline: '2026-10-09', state: 'done', claimedOn: '2026-10-20', doneOn: '2026-10-21' });
        const a3 = await insertItem(db, ledger, { units: [['lead', '甲局']], deadline: '2026-10-16' });
        // 乙局: one reporting monthly by the 5th since 08-20: 09-05 on time, 10-05 late.
        const b1 = await insertItem(db, ledger, { units: [['lead', '乙局']], deadline: '2026-12-31', issuedOn: '2026-08-20', cycle: { kind: 'monthly', day: 5 } });
        await insertReport(db, b1, '乙局', '2026-09-04');
        await insertReport(db, b1, '乙局', '2026-10-08', '2026-10-05');
        const live = await monthBulletin(db, '2026-10');
        expect(live.number).toBeNull();
        expect(live.totals).toEqual({ items: 4, done: 2, open: 2, overdue: 1 });
        // 甲局: 100 + 2 + 0.5 (a1) + 2 (a2) − 5 (a2 late) − 5 (a3 overdue) = 94.5; 按时 1 of (2 done + 1 overdue).
        // 乙局: 100 + 1 (cooperating on a1) − 0.1 (late report) = 100.9; nothing done or overdue as lead: no rate.
        expect(live.rows.map((r) => [r.rank, r.unit, r.items, r.done, r.overdue, r.onTimeRate === null ? null : Math.round(r.onTimeRate * 1000) / 1000, r.reportRate, r.score])).toEqual([
          [1, '乙局', 1, 0, 0, null, 0.5, 100.9],
          [2, '甲局', 3, 2, 1, 0.333, null, 94.5],
        ]);
        expect(live.red).toEqual([]);
        expect(live.black).toEqual(['甲局']);
        expect(live.overdueItems.map((o) => [o.itemId, o.units, o.workdaysOver])).toEqual([[a3, ['甲局'], 10]]);

        const who = (day: string) => ({ actor: { name: 'office' }, now: new Date(`${day}T02:00:00Z`), today: day });
        await expect(publishBulletin(db, who('2026-10-31'), '2026-10')).rejects.toThrow(/尚未结束/);
        const sept = await publishBulletin(db, who('2026-11-02'), '2026-09');
        const oct = await publishBulletin(db, who('2026-11-02'), '2026-10');
        expect([sept.number, oct.number]).toEqual(['督查通报2026年第1期', '督查通报2026年第2期']);
        await expect(publishBulletin(db, who('2026-11-03'), '2026-10')).rejects.toThrow(/已发布（2026年第2期）/);
        await expect(monthBulletin(db, '2026-13')).rejects.toThrow(/月份应写作 YYYY-MM/);

        // Later changes: a3 is finished, a1's record changes. October's bulletin stays as published.
        await setState(db, a3, 'done', { claimedOn: '2026-11-05', doneOn: '2026-11-06' });
        await db.updateTable('supervision_items').set({ deadline: '2026-10-01' }).where('id', '=', a1).execute();
        const again = await monthBulletin(db, '2026-10');
        expect(again).toEqual(oct);
        expect(again.totals.overdue).toBe(1);
        // November (not published) sees the change: a3 done late.
        expect((await monthBulletin(db, '2026-11')).totals).toMatchObject({ done: 3, overdue: 0 });
        const audit = await db.selectFrom('audit_events').select('after').where('action', '=', 'supervision.bulletin.publish').execute();
        expect(audit).toHaveLength(2);
      } finally {
        await store.close();
        await target.drop();
      }
    });
  });
}
