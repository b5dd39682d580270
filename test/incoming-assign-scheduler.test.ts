// The scheduler of `duban serve` issues the automatic 催办 of a 收文 assignment past its deadline:
// once on the first working day after it, not again at a later run the same day, nor after a
// restart (a second scheduler on a new connection). Real stores, both engines.
import { describe, expect, it } from 'vitest';
import { manualClock } from '../src/calendar/clock.ts';
import { startSupervisionScheduler } from '../src/server/scheduler.ts';
import { assignIncoming } from '../src/store/incoming/assign.ts';
import { openStore } from '../src/store/open.ts';
import { addPeople, CLERK, instructedIncoming, PLAIN_LETTER } from './incoming-assign-fixture.ts';
import { DIALECTS, newTarget } from './store-targets.ts';

/** One run of the scheduler (its start run: a server starting, or its daily run), what it logged. */
async function runScheduler(store: Parameters<typeof startSupervisionScheduler>[0], clock: ReturnType<typeof manualClock>): Promise<string[]> {
  const logged: string[] = [];
  const log = { info: (_: object, m: string) => logged.push(m), error: (_: object, m: string) => logged.push(`失败：${m}`) };
  const s = startSupervisionScheduler(store, clock, log, { pattern: '0 0 0 1 1 *' });
  await s.idle();
  await s.stop();
  return logged.filter((m) => m.startsWith('收文催办') || m.startsWith('失败'));
}

for (const { dialect, available } of DIALECTS) {
  describe.skipIf(!available)(`自动催办 by the scheduler (${dialect})`, () => {
    it('urges an unanswered assignment once after its deadline, across later runs and a restart', async () => {
      const target = await newTarget(dialect);
      const store = await openStore(target.url);
      try {
        const clock = manualClock('2026-11-02T09:00');
        await addPeople(store, clock);
        const letter = await instructedIncoming(store, clock, PLAIN_LETTER, '征求意见函.txt', { lead: '通辽市应急管理局', cooperating: [] });
        // Due Friday 6 November; the first working day after it is Monday 9 November.
        await assignIncoming(store, letter.id, { lead: '通辽市应急管理局', cooperating: ['通辽市交通运输局'], deadline: '2026-11-06' }, { actor: { name: CLERK }, clock });
        clock.set('2026-11-08T09:00');
        expect(await runScheduler(store, clock)).toEqual([]);
        clock.set('2026-11-09T09:00');
        expect(await runScheduler(store, clock)).toEqual(['收文催办：逾期未答复的承办 2 项已自动催办']);
        clock.set('2026-11-09T15:00');
        expect(await runScheduler(store, clock)).toEqual([]);
        const reopened = await openStore(target.url);
        try {
          clock.set('2026-11-10T09:00');
          expect(await runScheduler(reopened, clock)).toEqual([]);
        } finally {
          await reopened.close();
        }
        const urges = await store.db.selectFrom('incoming_urges').select(['by', 'at', 'auto_key']).orderBy('id').execute();
        expect(urges.map((u) => [u.by, u.at, u.auto_key !== null])).toEqual([
          ['system', '2026-11-09T01:00:00.000Z', true],
          ['system', '2026-11-09T01:00:00.000Z', true],
        ]);
      } finally {
        await store.close();
        await target.drop();
      }
    });
  });
}
