// 拟办, 批示 and 传阅 on SQLite and PostgreSQL: a notice written for this test is registered and
// sorted as a 办件, Duban drafts its 拟办 from the leaders' table and the document's tasks, the
// clerk submits it to two leaders in sequence, they instruct one after the other (the second may
// not act out of turn, a stale version and a failed write change nothing), and it is circulated to
// three people: their states with times, a reminder, a recall; then 分办 to two units opens the
// document's 督办 ledger, the units reply, the clerk concludes and files it with its 档号. Every
// step is an audit event.
import { beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '../src/auth/users.ts';
import { manualClock } from '../src/calendar/clock.ts';
import { archiveIncoming } from '../src/store/incoming/archive.ts';
import { saveArchiveSettings } from '../src/store/incoming/archive-settings.ts';
import { actOnAssignment, assignIncoming, concludeIncoming } from '../src/store/incoming/assign.ts';
import { actOnRecipient, circulatedTo, circulateIncoming, readCirculated } from '../src/store/incoming/circulate.ts';
import { IncomingError } from '../src/store/incoming/errors.ts';
import { awaitingLeader, instructIncoming } from '../src/store/incoming/instruct.ts';
import { draftIncomingProposal, submitIncomingProposal } from '../src/store/incoming/propose.ts';
import { incomingSlip } from '../src/store/incoming/print.ts';
import { getIncoming, listIncoming } from '../src/store/incoming/read.ts';
import { registerIncoming } from '../src/store/incoming/register.ts';
import { reviewIncoming } from '../src/store/incoming/review.ts';
import type { IncomingView } from '../src/store/incoming/view.ts';
import type { Store } from '../src/store/open.ts';
import { DEFAULT_RETENTIONS } from '../src/workflow/archive.ts';
import { openDocx } from './docx-open.ts';
import { DIALECTS, freshStore } from './store-targets.ts';

/** A city notice with measures for two bureaus, written for this test. */
const NOTICE = [
  '通辽市人民政府办公室关于做好2026年冬季供暖保障工作的通知',
  '通政办发〔2026〕77号',
  '各旗县市区人民政府，市政府各有关部门：',
  '为确保今冬明春供暖平稳运行，经市政府同意，现就有关事项通知如下。',
  '一、落实供暖热源。各供热企业要在12月20日前完成燃料储备。（责任单位：市住房和城乡建设局）',
  '二、做好价格监测。加强供暖期燃料价格监测，及时报告异常情况。（责任单位：市发展和改革委员会）',
  '通辽市人民政府办公室',
  '2026年11月30日',
].join('\n');

/** A 阅件 for the second scenario, written for this test. */
const BRIEFING = ['通辽市应急管理局关于近期森林草原火险形势的通报', '通应急发〔2026〕15号', '各旗县市区应急管理局：', '近期全市降水偏少，火险等级偏高，请各地高度重视。', '通辽市应急管理局', '2026年12月2日'].join('\n');

const PEOPLE: { username: string; name: string; roles: ('clerk' | 'leader' | 'supervisor')[] }[] = [
  { username: 'zhangli', name: '张丽', roles: ['clerk'] },
  { username: 'wangzr', name: '王主任', roles: ['leader'] },
  { username: 'lifzr', name: '李副主任', roles: ['leader'] },
  { username: 'chenke', name: '陈科长', roles: ['supervisor'] },
  { username: 'liuke', name: '刘科长', roles: ['supervisor'] },
  { username: 'sunke', name: '孙科长', roles: ['clerk'] },
];

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
  return rows.map((r) => ({ action: r.action, actor: r.actor, at: r.at, before: r.before === null ? null : (JSON.parse(r.before) as IncomingView), after: JSON.parse(r.after!) as IncomingView }));
}

/** Everything the workflow wrote, to compare before and after a refused or failed command. */
async function snapshot(store: Store, id: number) {
  return {
    incoming: await getIncoming(store, id),
    audit: (await auditOf(store, id)).length,
    steps: await store.db.selectFrom('incoming_instructions').selectAll().orderBy('id').execute(),
    recipients: await store.db.selectFrom('incoming_circulations').selectAll().orderBy('id').execute(),
    reminders: await store.db.selectFrom('incoming_reminders').selectAll().orderBy('id').execute(),
  };
}

for (const { dialect, available } of DIALECTS) {
  describe.skipIf(!available)(`拟办、批示、传阅 on ${dialect}`, () => {
    const target = freshStore(dialect);
    const clock = manualClock('2026-12-04T09:00');
    const as = (name: string, extra: { version?: number; beforeAudit?: () => void } = {}) => ({ actor: { name }, clock, ...extra });
    let id = 0;

    beforeAll(async () => {
      const { store } = target;
      for (const p of PEOPLE) {
        await createUser(store.db, { username: p.username, displayName: p.name, roles: p.roles, unit: null, password: 'Test-Passw0rd', mustChangePassword: false }, () => true, { actor: { name: 'test' }, now: clock.now() });
      }
      // The leaders' areas an administrator keeps: 王主任 takes heating and the city government's documents.
      await store.db.insertInto('office_leaders').values({ name: '王主任', title: '主任', seq: 1, areas: JSON.stringify(['供暖']), units: '[]', updated_at: clock.now().toISOString() }).execute();
      await store.db.insertInto('office_leaders').values({ name: '赵副主任', title: '副主任', seq: 2, areas: JSON.stringify(['教育']), units: '[]', updated_at: clock.now().toISOString() }).execute();
      const { incoming } = await registerIncoming(store, { bytes: Buffer.from(NOTICE, 'utf8'), name: '供暖保障通知.txt' }, { actor: { name: 'zhangli' }, clock, series: '政' });
      id = incoming.id;
    });

    it('runs 初审 → 拟办 → two leaders in sequence → 传阅 to three people → 分办 to two units with a 督办 ledger → 答复 → 办结 → 归档, every step an audit event', async () => {
      const { store } = target;
      // 拟办 before 初审 is refused.
      expect((await refusal(submitIncomingProposal(store, id, { text: '请阅示。', leaders: ['wangzr'], mode: 'sequence' }, as('zhangli')))).message).toContain('尚未初审');
      const reviewed = await reviewIncoming(store, id, { kind: '办件' }, as('zhangli'));
      expect(reviewed).toMatchObject({ state: 'reviewed', kind: '办件', version: 2, instructions: [], circulation: [], circulating: false, holders: [] });

      // The draft: the leader whose area matches, the document's bureaus as lead and cooperating unit.
      const draft = await draftIncomingProposal(store, id);
      expect(draft.leaders).toEqual([{ username: 'wangzr', name: '王主任' }]);
      expect(draft.choices.map((c) => c.username).sort()).toEqual(['lifzr', 'wangzr']);
      expect(draft.lead).toBe('通辽市住房和城乡建设局');
      expect(draft.cooperating).toEqual(['通辽市发展和改革委员会']);
      expect(draft.action).toBe('抓好贯彻落实');
      expect(draft.text).toContain('呈王主任阅示');

      // Not a leader, or a leader chosen twice: refused, nothing written.
      const untouched = await snapshot(store, id);
      expect((await refusal(submitIncomingProposal(store, id, { text: draft.text, leaders: ['chenke'], mode: 'sequence' }, as('zhangli')))).message).toContain('“陈科长”不是领导');
      expect((await refusal(submitIncomingProposal(store, id, { text: draft.text, leaders: ['wangzr', 'wangzr'], mode: 'sequence' }, as('zhangli')))).message).toContain('选了两次');
      expect(await snapshot(store, id)).toEqual(untouched);

      // The clerk edits the draft and submits it: 王主任 first, then 李副主任.
      clock.advance(10 * 60_000);
      const text = `${draft.text}请李副主任阅。`;
      const proposed = await submitIncomingProposal(
        store,
        id,
        { text, leaders: ['wangzr', 'lifzr'], mode: 'sequence', lead: draft.lead, cooperating: draft.cooperating },
        as('zhangli', { version: reviewed.version }),
      );
      expect(proposed).toMatchObject({
        state: 'proposed',
        version: 3,
        submittedProposal: { text, mode: 'sequence', lead: '通辽市住房和城乡建设局', cooperating: ['通辽市发展和改革委员会'], submittedBy: 'zhangli', round: 1, submittedAt: clock.now().toISOString() },
        holders: ['王主任'],
      });
      expect(proposed.instructions.map((s) => [s.leaderName, s.state])).toEqual([
        ['王主任', 'pending'],
        ['李副主任', 'waiting'],
      ]);
      expect((await awaitingLeader(store, 'wangzr')).map((v) => v.id)).toEqual([id]);
      expect(await awaitingLeader(store, 'lifzr')).toEqual([]);

      // 李副主任 may not act before 王主任; a stale version and a failed write change nothing.
      const waiting = await snapshot(store, id);
      const early = await refusal(instructIncoming(store, id, { action: 'circle' }, as('lifzr')));
      expect(early.kind).toBe('conflict');
      expect(early.message).toContain('还没有轮到您批示：请等待王主任批示后再办理');
      const stale = await refusal(instructIncoming(store, id, { action: 'instruct', text: '同意。' }, as('wangzr', { version: reviewed.version })));
      expect(stale.message).toContain('已被他人修改');
      const failed = await instructIncoming(store, id, { action: 'instruct', text: '同意。' }, as('wangzr', { beforeAudit: () => { throw new Error('磁盘已满（测试）'); } })).then(
        () => null,
        (e: unknown) => e as Error,
      );
      expect(failed?.message).toBe('磁盘已满（测试）');
      expect((await refusal(instructIncoming(store, id, { action: 'instruct', text: '  ' }, as('wangzr')))).message).toContain('批示意见不能为空');
      expect(await snapshot(store, id)).toEqual(waiting);

      clock.advance(60 * 60_000);
      const first = await instructIncoming(store, id, { action: 'instruct', text: '请市住建局牵头抓好落实，确保群众温暖过冬。' }, as('wangzr', { version: proposed.version }));
      const firstAt = clock.now().toISOString();
      expect(first).toMatchObject({ state: 'proposed', holders: ['李副主任'], version: 4 });
      expect(first.instructions.map((s) => [s.leaderName, s.state, s.action, s.actedAt])).toEqual([
        ['王主任', 'done', 'instruct', firstAt],
        ['李副主任', 'pending', null, null],
      ]);
      expect(await awaitingLeader(store, 'wangzr')).toEqual([]);
      expect((await awaitingLeader(store, 'lifzr')).map((v) => v.id)).toEqual([id]);
      expect((await refusal(instructIncoming(store, id, { action: 'circle' }, as('wangzr')))).message).toContain('您已办理过此件');

      clock.advance(30 * 60_000);
      const second = await instructIncoming(store, id, { action: 'circle' }, as('lifzr', { version: first.version }));
      expect(second).toMatchObject({ state: 'instructed', holders: [], version: 5 });
      expect(second.instructions[1]).toMatchObject({ leaderName: '李副主任', state: 'done', action: 'circle', text: null, actedAt: clock.now().toISOString() });
      expect((await refusal(instructIncoming(store, id, { action: 'circle' }, as('lifzr')))).message).toContain('批示已完毕');

      // 传阅 to three people.
      clock.advance(60 * 60_000);
      const sentAt = clock.now().toISOString();
      const sent = await circulateIncoming(store, id, { users: ['chenke', 'liuke', 'sunke'] }, as('zhangli', { version: second.version }));
      expect(sent).toMatchObject({ circulating: true, holders: ['陈科长', '刘科长', '孙科长'], state: 'instructed' });
      expect(sent.circulation.map((c) => [c.name, c.state, c.sentAt])).toEqual([
        ['陈科长', 'unread', sentAt],
        ['刘科长', 'unread', sentAt],
        ['孙科长', 'unread', sentAt],
      ]);
      expect((await refusal(circulateIncoming(store, id, { users: ['liuke'] }, as('zhangli')))).message).toContain('“刘科长”已在传阅中');
      expect((await listIncoming(store)).items[0]).toMatchObject({ id, circulating: true });
      expect((await listIncoming(store, { circulating: true })).items.map((v) => v.id)).toEqual([id]);
      expect((await listIncoming(store, { circulating: false })).items.map((v) => v.id)).toEqual([]);

      clock.advance(5 * 60_000);
      const openedAt = clock.now().toISOString();
      const opened = await readCirculated(store, id, { username: 'chenke', unit: null }, 'open', as('chenke'));
      // Opening again changes nothing and is no event.
      expect(await readCirculated(store, id, { username: 'chenke', unit: null }, 'open', as('chenke'))).toEqual(opened);
      clock.advance(5 * 60_000);
      const read = await readCirculated(store, id, { username: 'chenke', unit: null }, 'read', as('chenke'));
      expect(read.circulation[0]).toMatchObject({ state: 'read', openedAt, readAt: clock.now().toISOString(), readBy: 'chenke' });
      expect((await refusal(readCirculated(store, id, { username: 'chenke', unit: null }, 'read', as('chenke')))).message).toContain('您已阅过此件');
      await readCirculated(store, id, { username: 'liuke', unit: null }, 'open', as('liuke'));

      clock.advance(24 * 60 * 60_000);
      const sun = read.circulation[2]!;
      const reminded = await actOnRecipient(store, id, sun.id, 'remind', as('zhangli'));
      expect(reminded.circulation[2]!.reminders).toEqual([{ at: clock.now().toISOString(), by: 'zhangli' }]);
      expect((await refusal(actOnRecipient(store, id, read.circulation[0]!.id, 'remind', as('zhangli')))).message).toContain('“陈科长”已阅，无需提醒');

      // Recall from 刘科长: he no longer sees it, and it is no longer waiting for him.
      const liu = read.circulation[1]!;
      const recalled = await actOnRecipient(store, id, liu.id, 'recall', as('zhangli'));
      expect(recalled.circulation[1]).toMatchObject({ name: '刘科长', state: 'opened', recalledAt: clock.now().toISOString(), recalledBy: 'zhangli' });
      expect(recalled.holders).toEqual(['孙科长']);
      expect(await circulatedTo(store, { username: 'liuke', unit: null })).toEqual([]);
      expect((await refusal(readCirculated(store, id, { username: 'liuke', unit: null }, 'read', as('liuke')))).kind).toBe('not-found');
      expect((await circulatedTo(store, { username: 'sunke', unit: null })).map((c) => [c.incoming.id, c.recipient.state])).toEqual([[id, 'unread']]);

      const done = await readCirculated(store, id, { username: 'sunke', unit: null }, 'read', as('sunke'));
      expect(done.circulation.map((c) => [c.name, c.state, c.recalledAt === null])).toEqual([
        ['陈科长', 'read', true],
        ['刘科长', 'opened', false],
        ['孙科长', 'read', true],
      ]);
      expect(done).toMatchObject({ circulating: false, holders: [] });
      expect((await listIncoming(store)).items[0]).toMatchObject({ id, circulating: false });
      expect((await listIncoming(store, { circulating: true })).items).toEqual([]);

      // The trail: one event per step, in order, each with who, when, the view before and after.
      const audit = await auditOf(store, id);
      expect(audit.map((e) => [e.action, e.actor])).toEqual([
        ['incoming-register', 'zhangli'],
        ['incoming-review', 'zhangli'],
        ['incoming-propose', 'zhangli'],
        ['incoming-instruct', 'wangzr'],
        ['incoming-circle', 'lifzr'],
        ['incoming-circulate', 'zhangli'],
        ['incoming-open', 'chenke'],
        ['incoming-read', 'chenke'],
        ['incoming-open', 'liuke'],
        ['incoming-remind', 'zhangli'],
        ['incoming-recall', 'zhangli'],
        ['incoming-read', 'sunke'],
      ]);
      for (let i = 1; i < audit.length; i++) {
        expect(audit[i]!.before).toEqual(audit[i - 1]!.after);
        expect(audit[i]!.after.version).toBe(audit[i]!.before!.version + 1);
      }
      expect(audit[3]!.at).toBe(firstAt);
      expect(audit.at(-1)!.after).toEqual(done);
      expect(await getIncoming(store, id)).toEqual(done);

      // The 文件批办单 prints the submitted 拟办, both leaders' acts and the recipients still holding or done with it.
      const slip = await openDocx((await incomingSlip(store, id, null)).buffer);
      expect(slip.text).toContain(text);
      expect(slip.text).toContain('请市住建局牵头抓好落实，确保群众温暖过冬。');
      expect(slip.text).toContain('李副主任');
      expect(slip.text).toContain('孙科长');
      expect(slip.text).not.toContain('刘科长');

      // 分办 to the two bureaus of the 拟办, by the date the text sets (12月20日): the document's two
      // measures open its 督办 ledger in the same step.
      clock.advance(60 * 60_000);
      const assigned = await assignIncoming(store, id, { lead: draft.lead!, cooperating: draft.cooperating }, as('zhangli', { version: done.version }));
      expect(assigned).toMatchObject({ state: 'assigned', holders: ['通辽市住房和城乡建设局', '通辽市发展和改革委员会'] });
      expect(assigned.assignments.map((a) => [a.unit, a.role, a.state, a.deadline, a.deadlineSource])).toEqual([
        ['通辽市住房和城乡建设局', 'lead', 'pending', '2026-12-20', 'document'],
        ['通辽市发展和改革委员会', 'cooperate', 'pending', '2026-12-20', 'document'],
      ]);
      expect(assigned.ledgerId).not.toBeNull();
      const ledgerItems = await store.db.selectFrom('supervision_items').select(['text', 'state']).where('ledger_id', '=', assigned.ledgerId!).orderBy('seq').execute();
      expect(ledgerItems.map((i) => i.state)).toEqual(['draft', 'draft']);
      expect(ledgerItems[0]!.text).toContain('燃料储备');
      expect(ledgerItems[1]!.text).toContain('价格监测');

      // 答复: each unit replies (replying signs for it too); 办结 once the 主办 unit has replied.
      const [lead, cooperating] = assigned.assignments;
      clock.advance(2 * 24 * 60 * 60_000);
      const coopReplied = await actOnAssignment(store, id, cooperating!.id, 'reply', { unit: '通辽市发展和改革委员会', text: '已建立燃料价格周报制度。' }, as('fgw'));
      expect((await refusal(concludeIncoming(store, id, {}, as('zhangli', { version: coopReplied.version })))).message).toContain('主办');
      clock.advance(24 * 60 * 60_000);
      const replied = await actOnAssignment(store, id, lead!.id, 'reply', { unit: '通辽市住房和城乡建设局', text: '全市供热企业燃料储备已于12月15日完成。' }, as('zjj'));
      expect(replied.assignments.map((a) => [a.state, a.reply])).toEqual([
        ['replied', '全市供热企业燃料储备已于12月15日完成。'],
        ['replied', '已建立燃料价格周报制度。'],
      ]);
      const concluded = await concludeIncoming(store, id, { note: '两单位均已答复，办结。' }, as('zhangli', { version: replied.version }));
      expect(concluded).toMatchObject({ state: 'concluded', concludedBy: 'zhangli', conclusion: '两单位均已答复，办结。', holders: [] });

      // 归档 with its 档号 after DA/T 22: a 办件 keeps 30 years by default; the next one of the class is 0002.
      await saveArchiveSettings(store, { fondsCode: 'T017', fondsName: '通辽市人民政府办公室', units: [], defaults: DEFAULT_RETENTIONS }, { actor: { name: 'admin' }, clock });
      clock.advance(60 * 60_000);
      const archived = await archiveIncoming(store, id, { pages: 2 }, as('zhangli', { version: concluded.version }));
      expect(archived.state).toBe('archived');
      expect(archived.archive).toMatchObject({ code: 'T017-WS·2026-D30-0001', retention: '30年', year: 2026, pages: 2 });
      expect((await refusal(archiveIncoming(store, id, {}, as('zhangli')))).message).toContain('T017-WS·2026-D30-0001');

      const trail = (await auditOf(store, id)).slice(audit.length).map((e) => [e.action, e.actor]);
      expect(trail).toEqual([
        ['incoming-assign', 'zhangli'],
        ['incoming-reply', 'fgw'],
        ['incoming-reply', 'zjj'],
        ['incoming-conclude', 'zhangli'],
        ['incoming-archive', 'zhangli'],
      ]);
    });

    it('in parallel: sent back to the clerk, submitted again as a second round, passed on to another leader', async () => {
      const { store } = target;
      const { incoming } = await registerIncoming(store, { bytes: Buffer.from(BRIEFING, 'utf8'), name: '火险通报.txt' }, { actor: { name: 'zhangli' }, clock, series: '政' });
      await reviewIncoming(store, incoming.id, { kind: '阅件' }, as('zhangli'));
      const proposed = await submitIncomingProposal(store, incoming.id, { text: '呈王主任、李副主任阅。', leaders: ['wangzr', 'lifzr'], mode: 'parallel' }, as('zhangli'));
      expect(proposed.holders).toEqual(['王主任', '李副主任']);
      // Both may act at once, even at the same instant; each turn is written, neither overwrites the other.
      const third = await registerIncoming(store, { bytes: Buffer.from(BRIEFING.replace('15号', '16号').replace('偏高', '很高'), 'utf8'), name: '火险通报二.txt' }, { actor: { name: 'zhangli' }, clock, series: '政' });
      await reviewIncoming(store, third.incoming.id, { kind: '阅件' }, as('zhangli'));
      await submitIncomingProposal(store, third.incoming.id, { text: '呈阅。', leaders: ['wangzr', 'lifzr'], mode: 'parallel' }, as('zhangli'));
      await Promise.all([instructIncoming(store, third.incoming.id, { action: 'circle' }, as('wangzr')), instructIncoming(store, third.incoming.id, { action: 'circle' }, as('lifzr'))]);
      const both = await getIncoming(store, third.incoming.id);
      expect(both).toMatchObject({ state: 'instructed', version: 5 });
      expect(both.instructions.map((s) => s.state)).toEqual(['done', 'done']);
      // 李副主任 first.
      const back = await instructIncoming(store, incoming.id, { action: 'return', text: '请先核实火险等级数据' }, as('lifzr'));
      expect(back).toMatchObject({ state: 'sent-back', holders: [] });
      expect(back.instructions.map((s) => [s.leaderName, s.state, s.action])).toEqual([
        ['王主任', 'cancelled', null],
        ['李副主任', 'done', 'return'],
      ]);
      expect((await refusal(instructIncoming(store, incoming.id, { action: 'circle' }, as('wangzr')))).message).toContain('没有等待批示的环节');
      expect(await awaitingLeader(store, 'wangzr')).toEqual([]);

      // The clerk submits again: a second round; the first stays as it was.
      const again = await submitIncomingProposal(store, incoming.id, { text: '已核实，呈王主任阅示。', leaders: ['wangzr'], mode: 'sequence' }, as('zhangli'));
      expect(again.submittedProposal).toMatchObject({ round: 2, text: '已核实，呈王主任阅示。' });
      const passed = await instructIncoming(store, incoming.id, { action: 'pass', text: '请李副主任阅处', to: 'lifzr' }, as('wangzr'));
      expect(passed.instructions.map((s) => [s.round, s.seq, s.leaderName, s.state, s.passedFrom])).toEqual([
        [1, 1, '王主任', 'cancelled', null],
        [1, 2, '李副主任', 'done', null],
        [2, 1, '王主任', 'done', null],
        [2, 2, '李副主任', 'pending', 'wangzr'],
      ]);
      expect((await refusal(instructIncoming(store, incoming.id, { action: 'pass', to: 'chenke' }, as('lifzr')))).message).toContain('“陈科长”不是领导');
      const done = await instructIncoming(store, incoming.id, { action: 'circle' }, as('lifzr'));
      expect(done.state).toBe('instructed');
      expect((await auditOf(store, incoming.id)).map((e) => e.action)).toEqual(['incoming-register', 'incoming-review', 'incoming-propose', 'incoming-send-back', 'incoming-propose', 'incoming-pass', 'incoming-circle']);
    });
  });
}
