// 分办 and 承办 on SQLite and PostgreSQL: an instructed 办件 with measures is assigned to a 主办 and
// a 协办 unit — the same transaction opens its 督办 ledger with the document's tasks — the units sign
// and reply, the clerk urges and concludes it; refusals (wrong state, unknown unit, another unit's
// reply, a stale version) and a failed write leave the store as it was; the default deadline
// counts working days across 国庆; the scheduler's automatic 催办 comes once, also after a restart.
import { beforeAll, describe, expect, it } from 'vitest';
import { manualClock } from '../src/calendar/clock.ts';
import { actOnAssignment, assignDraft, assignedTo, assignIncoming, autoUrgeAssignments, concludeIncoming, urgeAssignment } from '../src/store/incoming/assign.ts';
import { IncomingError } from '../src/store/incoming/errors.ts';
import { getIncoming } from '../src/store/incoming/read.ts';
import { openLedgerFromDocument } from '../src/store/supervision/ledger.ts';
import { defaultDirectory } from '../src/directory/index.ts';
import type { IncomingView } from '../src/store/incoming/view.ts';
import { openStore, type Store } from '../src/store/open.ts';
import { addPeople, CLERK, instructedIncoming, MEASURES_NOTICE, PLAIN_LETTER } from './incoming-assign-fixture.ts';
import { DIALECTS, freshStore } from './store-targets.ts';

const TRANSPORT = '通辽市交通运输局';
const EMERGENCY = '通辽市应急管理局';
const HOUSING = '通辽市住房和城乡建设局';

async function refusal(p: Promise<unknown>): Promise<IncomingError> {
  const e: unknown = await p.then(
    () => null,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(IncomingError);
  return e as IncomingError;
}

async function auditOf(store: Store, id: number) {
  const rows = await store.db.selectFrom('audit_events').selectAll().where('entity', '=', 'incoming_document').where('entity_id', '=', id).orderBy('id').execute();
  return rows.map((r) => ({ action: r.action, actor: r.actor, before: r.before === null ? null : (JSON.parse(r.before) as IncomingView), after: JSON.parse(r.after!) as IncomingView }));
}

/** Everything 分办 may write, to compare before and after a refused or failed command. */
async function snapshot(store: Store, id: number) {
  return {
    incoming: await getIncoming(store, id),
    audit: (await store.db.selectFrom('audit_events').select('id').execute()).length,
    assignments: await store.db.selectFrom('incoming_assignments').selectAll().orderBy('id').execute(),
    urges: await store.db.selectFrom('incoming_urges').selectAll().orderBy('id').execute(),
    ledgers: await store.db.selectFrom('supervision_ledgers').selectAll().orderBy('id').execute(),
    items: await store.db.selectFrom('supervision_items').select(['id', 'ledger_id', 'text']).orderBy('id').execute(),
  };
}

for (const { dialect, available } of DIALECTS) {
  describe.skipIf(!available)(`分办、承办、催办、办结 on ${dialect}`, () => {
    const target = freshStore(dialect);
    // Thursday 24 September 2026: 中秋 (25–27) and 国庆 (1–7 October, 10 October a 调休 working day) ahead.
    const clock = manualClock('2026-09-24T09:00');
    const as = (name: string, extra: { version?: number; beforeAudit?: () => void } = {}) => ({ actor: { name }, clock, ...extra });
    let measures: IncomingView;
    let letter: IncomingView;

    beforeAll(async () => {
      await addPeople(target.store, clock);
      measures = await instructedIncoming(target.store, clock, MEASURES_NOTICE, '桥梁隐患排查通知.txt', { lead: TRANSPORT, cooperating: [EMERGENCY] });
      letter = await instructedIncoming(target.store, clock, PLAIN_LETTER, '征求意见函.txt', { lead: EMERGENCY, cooperating: [] });
    });

    it('drafts the 分办 from the 拟办, with the date the document sets', async () => {
      const draft = await assignDraft(target.store, measures.id, clock);
      expect(draft).toMatchObject({ lead: TRANSPORT, cooperating: [EMERGENCY], unknown: [], deadline: '2026-10-20', deadlineSource: 'document', workingDays: 15, today: '2026-09-24', opensLedger: true });
    });

    it('gives a document without a date 15 working days on the official calendar, across 国庆', async () => {
      const draft = await assignDraft(target.store, letter.id, clock);
      // 28, 29, 30 September; 8, 9, 10 (调休), 12–16, 19–22 October: the 15th working day is 22 October
      // (15 weekdays would end on 15 October; the holidays push it a week on).
      expect(draft).toMatchObject({ deadline: '2026-10-22', deadlineSource: 'default', opensLedger: false });
      expect((await assignDraft(target.store, letter.id, clock, { workingDays: 3 })).deadline).toBe('2026-09-30');
      const assigned = await assignIncoming(target.store, letter.id, { lead: EMERGENCY }, as(CLERK));
      expect(assigned.assignments.map((a) => [a.unit, a.role, a.deadline, a.deadlineSource])).toEqual([[EMERGENCY, 'lead', '2026-10-22', 'default']]);
      // A document without measures opens no ledger.
      expect(assigned.ledgerId).toBeNull();
      expect(await target.store.db.selectFrom('supervision_ledgers').selectAll().execute()).toEqual([]);
    });

    it('refuses an unknown unit, a passed deadline, a wrong state and a stale version, writing nothing', async () => {
      const { store } = target;
      const untouched = await snapshot(store, measures.id);
      expect((await refusal(assignIncoming(store, measures.id, { lead: '通辽市不存在局' }, as(CLERK)))).message).toContain('单位“通辽市不存在局”不在单位目录中');
      expect((await refusal(assignIncoming(store, measures.id, { lead: TRANSPORT, cooperating: ['交通局外的单位'] }, as(CLERK)))).message).toContain('“交通局外的单位”不在单位目录中');
      expect((await refusal(assignIncoming(store, measures.id, { lead: TRANSPORT, deadline: '2026-09-01' }, as(CLERK)))).message).toContain('已过，不能早于今天');
      expect((await refusal(assignIncoming(store, measures.id, { lead: TRANSPORT, deadline: '10月20日' }, as(CLERK)))).message).toContain('YYYY-MM-DD');
      const stale = await refusal(assignIncoming(store, measures.id, { lead: TRANSPORT }, as(CLERK, { version: measures.version - 1 })));
      expect([stale.kind, stale.message]).toEqual(['conflict', expect.stringContaining('已被他人修改')]);
      // Not yet 办结-able, not yet urgeable.
      expect((await refusal(concludeIncoming(store, measures.id, {}, as(CLERK)))).message).toContain('尚未分办');
      expect(await snapshot(store, measures.id)).toEqual(untouched);
    });

    it('a failing write (the audit hook throws) leaves the store as it was, the ledger too', async () => {
      const { store } = target;
      const untouched = await snapshot(store, measures.id);
      const failed = await assignIncoming(store, measures.id, { lead: TRANSPORT, cooperating: [EMERGENCY] }, as(CLERK, { beforeAudit: () => { throw new Error('磁盘已满'); } })).catch((e: Error) => e);
      expect((failed as Error).message).toBe('磁盘已满');
      expect(await snapshot(store, measures.id)).toEqual(untouched);
    });

    it('assigns to two units, opens the 督办 ledger from the measures, and runs 签收 → 答复 → 办结', async () => {
      const { store } = target;
      const assigned = await assignIncoming(store, measures.id, { lead: TRANSPORT, cooperating: [EMERGENCY, TRANSPORT] }, as(CLERK, { version: measures.version }));
      expect(assigned).toMatchObject({ state: 'assigned', version: measures.version + 1, holders: [TRANSPORT, EMERGENCY] });
      expect(assigned.assignments.map((a) => [a.unit, a.role, a.state, a.deadline, a.deadlineSource, a.assignedBy])).toEqual([
        [TRANSPORT, 'lead', 'pending', '2026-10-20', 'document', CLERK],
        [EMERGENCY, 'cooperate', 'pending', '2026-10-20', 'document', CLERK],
      ]);
      // The ledger: opened in the same step, from this document, one draft item per measure.
      expect(assigned.ledgerId).not.toBeNull();
      const ledger = await store.db.selectFrom('supervision_ledgers').selectAll().where('id', '=', assigned.ledgerId!).executeTakeFirstOrThrow();
      expect([ledger.document_id, ledger.source_kind, ledger.state, ledger.created_by]).toEqual([measures.documentId, 'document', 'draft', CLERK]);
      const items = await store.db.selectFrom('supervision_items').select(['id', 'text', 'deadline']).where('ledger_id', '=', ledger.id).orderBy('seq').execute();
      const tasks = await store.db.selectFrom('tasks').select('text').where('document_id', '=', measures.documentId!).orderBy('seq').execute();
      expect(items.map((i) => i.text)).toEqual(tasks.map((t) => t.text));
      expect(items).toHaveLength(2);
      expect(items[0]!.text).toContain('桥梁');
      const leadUnits = await store.db.selectFrom('supervision_item_units').select(['canonical', 'role']).where('item_id', '=', items[0]!.id).orderBy('seq').execute();
      expect(leadUnits).toEqual([
        { canonical: TRANSPORT, role: 'lead' },
        { canonical: EMERGENCY, role: 'cooperating' },
      ]);
      // Again: refused, the state says why.
      expect((await refusal(assignIncoming(store, measures.id, { lead: TRANSPORT }, as(CLERK)))).message).toContain('已分办');

      // 我的承办 of each unit.
      const mine = await assignedTo(store, EMERGENCY, clock.today());
      expect(mine.map((m) => [m.incoming.id, m.assignment.unit, m.assignment.state, m.overdue])).toEqual([
        [measures.id, EMERGENCY, 'pending', false],
        [letter.id, EMERGENCY, 'pending', false],
      ]);
      expect(await assignedTo(store, HOUSING, clock.today())).toEqual([]);

      const [lead, cooperate] = assigned.assignments;
      // A unit may not sign or reply for another unit.
      const before = await snapshot(store, measures.id);
      const foreign = await refusal(actOnAssignment(store, measures.id, lead!.id, 'reply', { unit: EMERGENCY, text: '代为答复' }, as('yjj')));
      expect([foreign.kind, foreign.message]).toEqual(['not-found', expect.stringContaining(`没有分办给${EMERGENCY}的`)]);
      expect((await refusal(actOnAssignment(store, measures.id, lead!.id, 'accept', { unit: null }, as('nobody')))).message).toContain('未绑定承办单位');
      expect((await refusal(actOnAssignment(store, measures.id, lead!.id, 'reply', { unit: TRANSPORT, text: '  ' }, as('jtj')))).message).toContain('答复内容不能为空');
      // Not 办结 before the lead unit replied.
      expect((await refusal(concludeIncoming(store, measures.id, {}, as(CLERK)))).message).toContain(`主办单位${TRANSPORT}尚未答复`);
      expect(await snapshot(store, measures.id)).toEqual(before);

      clock.advance(60 * 60_000);
      const signed = await actOnAssignment(store, measures.id, lead!.id, 'accept', { unit: TRANSPORT }, as('jtj'));
      expect(signed.assignments[0]).toMatchObject({ state: 'accepted', acceptedBy: 'jtj', acceptedAt: clock.now().toISOString(), repliedAt: null });
      // Signing twice changes nothing and is no event.
      const again = await actOnAssignment(store, measures.id, lead!.id, 'accept', { unit: TRANSPORT }, as('jtj'));
      expect(again.version).toBe(signed.version);

      clock.advance(60 * 60_000);
      const urged = await urgeAssignment(store, measures.id, cooperate!.id, as(CLERK));
      expect(urged.assignments[1]!.urges).toEqual([{ at: clock.now().toISOString(), by: CLERK, auto: false }]);

      clock.set('2026-10-09T10:00');
      const replied = await actOnAssignment(store, measures.id, lead!.id, 'reply', { unit: TRANSPORT, text: '已完成全市 126 座桥梁排查，发现隐患 3 处，已建立台账并限期整改。' }, as('jtj', { version: urged.version }));
      expect(replied.assignments[0]).toMatchObject({ state: 'replied', repliedBy: 'jtj', repliedAt: clock.now().toISOString(), reply: '已完成全市 126 座桥梁排查，发现隐患 3 处，已建立台账并限期整改。' });
      expect(replied.holders).toEqual([EMERGENCY]);
      expect((await refusal(urgeAssignment(store, measures.id, lead!.id, as(CLERK)))).message).toContain('已答复，不必催办');
      expect((await refusal(actOnAssignment(store, measures.id, lead!.id, 'reply', { unit: TRANSPORT, text: '再答一次' }, as('jtj')))).message).toContain('已答复');

      // 办结 with the 协办 unit not replied: allowed (the lead's reply answers for the matter).
      const concluded = await concludeIncoming(store, measures.id, { note: '排查完成，转入督办台账跟踪整改。' }, as(CLERK, { version: replied.version }));
      expect(concluded).toMatchObject({ state: 'concluded', concludedBy: CLERK, concludedAt: clock.now().toISOString(), conclusion: '排查完成，转入督办台账跟踪整改。', holders: [] });
      expect((await refusal(actOnAssignment(store, measures.id, cooperate!.id, 'reply', { unit: EMERGENCY, text: '晚到的答复' }, as('yjj')))).message).toContain('已办结');
      expect((await refusal(concludeIncoming(store, measures.id, {}, as(CLERK)))).message).toContain('已办结');

      // Every step an audit event, with the view before and after.
      const events = (await auditOf(store, measures.id)).filter((e) => e.action.startsWith('incoming-') && !['incoming-register', 'incoming-review', 'incoming-propose', 'incoming-instruct'].includes(e.action));
      expect(events.map((e) => [e.action, e.actor, e.before?.state, e.after.state])).toEqual([
        ['incoming-assign', CLERK, 'instructed', 'assigned'],
        ['incoming-accept', 'jtj', 'assigned', 'assigned'],
        ['incoming-urge', CLERK, 'assigned', 'assigned'],
        ['incoming-reply', 'jtj', 'assigned', 'assigned'],
        ['incoming-conclude', CLERK, 'assigned', 'concluded'],
      ]);
      expect(events[0]!.before!.assignments).toEqual([]);
      expect(events[0]!.after.ledgerId).toBe(assigned.ledgerId);
      expect(events[3]!.before!.assignments[0]!.state).toBe('accepted');
      expect(events[3]!.after.assignments[0]!.state).toBe('replied');
      // The ledger's own 立项 is in the supervision trail.
      const opened = await store.db.selectFrom('audit_events').select(['action', 'actor']).where('entity', '=', 'supervision_ledger').where('entity_id', '=', assigned.ledgerId!).execute();
      expect(opened).toEqual([{ action: 'supervision.ledger.open', actor: CLERK }]);
    });

    it('links the ledger the 督查室 opened from the same document before, opening none', async () => {
      const { store } = target;
      const text = [
        '通辽市交通运输局关于做好冬季道路除雪保通工作的通知',
        '通交发〔2026〕58号',
        '各旗县市区交通运输局：',
        '一、储备除雪物资。11月15日前完成融雪剂储备。（牵头单位：市交通运输局；配合单位：市应急管理局）',
        '通辽市交通运输局',
        '2026年9月22日',
      ].join('\n');
      const snow = await instructedIncoming(store, clock, text, '除雪保通通知.txt', { lead: TRANSPORT, cooperating: [] });
      const opened = await openLedgerFromDocument(store.db, { actor: { name: 'chenke' }, now: clock.now(), today: clock.today(), unit: null }, snow.documentId!, defaultDirectory());
      const ledgers = (await store.db.selectFrom('supervision_ledgers').select('id').execute()).length;
      const assigned = await assignIncoming(store, snow.id, { lead: TRANSPORT }, as(CLERK));
      expect(assigned.ledgerId).toBe(opened);
      expect((await store.db.selectFrom('supervision_ledgers').select('id').execute()).length).toBe(ledgers);
      expect(assigned.assignments[0]!.deadline).toBe('2026-11-15');
    });

    it('urges automatically once, on the first working day after the deadline, also across a restart', async () => {
      const { store } = target;
      // The letter is due 22 October (a Thursday): nothing on the deadline itself.
      clock.set('2026-10-22T09:00');
      expect(await autoUrgeAssignments(store, clock)).toEqual([]);
      const mineOnDeadline = (await assignedTo(store, EMERGENCY, clock.today())).find((m) => m.incoming.id === letter.id)!;
      expect([mineOnDeadline.overdue, mineOnDeadline.daysOverdue]).toEqual([false, 0]);
      // Friday 23 October: the first working day after it.
      clock.set('2026-10-23T09:00');
      const first = await autoUrgeAssignments(store, clock);
      expect(first).toEqual([{ incomingId: letter.id, serial: letter.serial, unit: EMERGENCY }]);
      expect(await autoUrgeAssignments(store, clock)).toEqual([]);
      // A restart: another connection to the same store, the next days.
      const reopened = await openStore(target.url);
      try {
        clock.set('2026-10-26T09:00');
        expect(await autoUrgeAssignments(reopened, clock)).toEqual([]);
      } finally {
        await reopened.close();
      }
      const view = await getIncoming(store, letter.id);
      expect(view.assignments[0]!.urges).toEqual([{ at: '2026-10-23T01:00:00.000Z', by: 'system', auto: true }]);
      const listed = await assignedTo(store, EMERGENCY, clock.today());
      const mine = listed.find((m) => m.incoming.id === letter.id)!;
      expect([mine.overdue, mine.daysOverdue]).toEqual([true, 4]);
      // The concluded one is past its deadline too, unanswered by its 协办 unit, but closed: not overdue, listed after the open one.
      expect(listed.map((m) => [m.incoming.id, m.overdue])).toEqual([
        [letter.id, true],
        [measures.id, false],
      ]);
      const events = (await auditOf(store, letter.id)).filter((e) => e.action === 'incoming-auto-urge');
      expect(events.map((e) => e.actor)).toEqual(['system']);
      // The store refuses a second automatic 催办 of the same assignment outright.
      const dup = await store.db
        .insertInto('incoming_urges')
        .values({ assignment_id: view.assignments[0]!.id, at: clock.now().toISOString(), by: 'system', auto_key: `auto:${view.assignments[0]!.id}` })
        .execute()
        .then(
          () => 'inserted',
          () => 'refused',
        );
      expect(dup).toBe('refused');
      // The concluded document is never urged, though its 协办 unit never replied.
      expect((await getIncoming(store, measures.id)).assignments[1]!.urges.filter((u) => u.auto)).toEqual([]);
    });
  });
}
