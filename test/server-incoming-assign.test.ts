// 分办 and 承办 over HTTP on both engines: the clerk reads the 分办 form's starting values (the 拟办's
// units, the document's date), is refused an unknown unit in Chinese, assigns to two units (the
// answer names the 督办 ledger it opened); the unit user sees it under 我的承办, may not act on the
// other unit's assignment, signs and replies; a stale version is refused; the clerk concludes it.
import { describe, expect, it } from 'vitest';
import { serverHarness, TEST_UNIT, type Session } from './server-harness.ts';
import { addPeople, instructedIncoming, MEASURES_NOTICE } from './incoming-assign-fixture.ts';
import { DIALECTS } from './store-targets.ts';

const TRANSPORT = '通辽市交通运输局';

interface Assignment {
  id: number;
  unit: string;
  role: string;
  state: string;
  deadline: string;
  urges: { by: string; auto: boolean }[];
}
interface View {
  id: number;
  version: number;
  state: string;
  ledgerId: number | null;
  assignments: Assignment[];
}

for (const { dialect, available } of DIALECTS) {
  describe.skipIf(!available)(`收文 分办、承办 API (${dialect})`, () => {
    let id = 0;
    const h = serverHarness(dialect, {
      now: '2026-09-24T09:00:00+08:00',
      setup: async (store) => {
        await addPeople(store, h.clock);
        id = (await instructedIncoming(store, h.clock, MEASURES_NOTICE, '桥梁排查.txt', { lead: TEST_UNIT, cooperating: [TRANSPORT] })).id;
      },
    });
    const post = (url: string, session: Session, payload: object = {}) => h.request({ method: 'POST', url, payload, session });

    it('assigns, opens the ledger, and the unit signs and replies; the clerk urges and concludes', async () => {
      const draft = await h.request({ method: 'GET', url: `/api/incoming/${id}/assign-draft`, session: h.as('clerk') });
      expect(draft.status).toBe(200);
      expect(draft.body).toMatchObject({ lead: TEST_UNIT, cooperating: [TRANSPORT], unknown: [], deadline: '2026-10-20', deadlineSource: 'document', today: '2026-09-24', opensLedger: true });

      const unknown = await post(`/api/incoming/${id}/assign`, h.as('clerk'), { lead: '某某不存在的局' });
      expect(unknown.status).toBe(400);
      expect((unknown.body as { error: string }).error).toContain('不在单位目录中');
      const bad = await post(`/api/incoming/${id}/assign`, h.as('clerk'), { lead: 42 });
      expect(bad.status).toBe(400);
      expect((bad.body as { error: string }).error).toMatch(/[\u4e00-\u9fff]/);

      const current = (await h.request({ method: 'GET', url: `/api/incoming/${id}`, session: h.as('clerk') })).body as View;
      const assigned = await post(`/api/incoming/${id}/assign`, h.as('clerk'), { lead: TEST_UNIT, cooperating: [TRANSPORT], deadline: '2026-10-16', version: current.version });
      expect(assigned.status).toBe(200);
      const a = assigned.body as View;
      expect(a.state).toBe('assigned');
      expect(a.assignments.map((x) => [x.unit, x.role, x.state, x.deadline])).toEqual([
        [TEST_UNIT, 'lead', 'pending', '2026-10-16'],
        [TRANSPORT, 'cooperate', 'pending', '2026-10-16'],
      ]);
      expect(a.ledgerId).toEqual(expect.any(Number));
      const ledger = await h.request({ method: 'GET', url: `/api/supervision/ledgers/${a.ledgerId}`, session: h.as('supervisor') });
      expect(ledger.status).toBe(200);

      // 我的承办 of the unit user (bound to TEST_UNIT): their own assignment only.
      const mine = await h.request({ method: 'GET', url: '/api/incoming/assigned-to-me', session: h.as('unit') });
      expect(mine.status).toBe(200);
      const list = mine.body as { items: { incoming: View; assignment: Assignment; overdue: boolean }[]; today: string };
      expect(list.today).toBe('2026-09-24');
      expect(list.items.map((i) => [i.incoming.id, i.assignment.unit, i.assignment.state, i.overdue])).toEqual([[id, TEST_UNIT, 'pending', false]]);

      const [own, other] = a.assignments;
      const foreign = await post(`/api/incoming/${id}/assignments/${other!.id}/reply`, h.as('unit'), { text: '代为答复' });
      expect(foreign.status).toBe(404);
      expect((foreign.body as { error: string }).error).toContain(`没有分办给${TEST_UNIT}的`);
      // The clerk may not sign for a unit; the unit may not 办结.
      expect((await post(`/api/incoming/${id}/assignments/${own!.id}/accept`, h.as('clerk'))).status).toBe(403);
      expect((await post(`/api/incoming/${id}/conclude`, h.as('unit'))).status).toBe(403);

      const signed = await post(`/api/incoming/${id}/assignments/${own!.id}/accept`, h.as('unit'), { version: a.version });
      expect(signed.status).toBe(200);
      expect((signed.body as View).assignments[0]!.state).toBe('accepted');
      const stale = await post(`/api/incoming/${id}/assignments/${own!.id}/reply`, h.as('unit'), { text: '已排查完毕。', version: a.version });
      expect(stale.status).toBe(409);

      const urged = await post(`/api/incoming/${id}/assignments/${other!.id}/urge`, h.as('clerk'));
      expect(urged.status).toBe(200);
      expect((urged.body as View).assignments[1]!.urges).toEqual([expect.objectContaining({ by: 'clerk', auto: false })]);

      const early = await post(`/api/incoming/${id}/conclude`, h.as('clerk'));
      expect(early.status).toBe(400);
      expect((early.body as { error: string }).error).toContain('尚未答复');

      const replied = await post(`/api/incoming/${id}/assignments/${own!.id}/reply`, h.as('unit'), { text: '城区道路巡查已完成，整改问题 5 处。' });
      expect(replied.status).toBe(200);
      expect((replied.body as View).assignments[0]).toMatchObject({ state: 'replied', reply: '城区道路巡查已完成，整改问题 5 处。', repliedBy: 'unit' });

      const concluded = await post(`/api/incoming/${id}/conclude`, h.as('clerk'), { note: '已办结。' });
      expect(concluded.status).toBe(200);
      expect(concluded.body).toMatchObject({ state: 'concluded', conclusion: '已办结。', concludedBy: 'clerk' });
      const after = (await h.request({ method: 'GET', url: '/api/incoming/assigned-to-me', session: h.as('unit') })).body as { items: { assignment: Assignment; incoming: View }[] };
      expect(after.items.map((i) => [i.assignment.state, i.incoming.state])).toEqual([['replied', 'concluded']]);
    });
  });
}
