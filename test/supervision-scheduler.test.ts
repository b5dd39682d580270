// The scheduler of `duban serve`: croner at 09:00 Asia/Shanghai and once at start, runs never
// overlapping, a failed run reported and the next one still made, nothing after stop; and the
// supervision tick it runs, on a real store (both engines). No timed assertions: the tests wait
// for runs to happen, never for a duration.
import { describe, expect, it } from 'vitest';
import { manualClock } from '../src/calendar/clock.ts';
import { openStore } from '../src/store/open.ts';
import { startScheduler, startSupervisionScheduler, TICK_PATTERN } from '../src/server/scheduler.ts';
import { insertItem, insertLedger } from './supervision-rows.ts';
import { DIALECTS, newTarget } from './store-targets.ts';

/** A promise and the function that resolves it. */
function signal() {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

describe('scheduler', () => {
  it('runs at 09:00 Beijing time (01:00 UTC) by default', async () => {
    const s = startScheduler({ run: async () => {}, runAtStart: false });
    const next = s.nextRun()!;
    expect(TICK_PATTERN).toBe('0 0 9 * * *');
    expect([next.getUTCHours(), next.getUTCMinutes(), next.getUTCSeconds()]).toEqual([1, 0, 0]);
    await s.stop();
    expect(s.nextRun()).toBeNull();
  });

  it('runs once at start and then on its pattern, one run at a time; a failure does not stop it', async () => {
    let runs = 0;
    let running = 0;
    let overlapped = false;
    const errors: unknown[] = [];
    const third = signal();
    const s = startScheduler({
      pattern: '* * * * * *',
      run: async () => {
        running++;
        if (running > 1) overlapped = true;
        runs++;
        await new Promise((r) => setImmediate(r));
        running--;
        if (runs === 2) throw new Error('数据库暂时不可用');
        if (runs === 3) third.resolve();
      },
      onError: (e) => errors.push(e),
    });
    // The start run happens without waiting for the pattern.
    await s.idle();
    expect(runs).toBeGreaterThanOrEqual(1);
    await third.promise;
    await s.stop();
    const after = runs;
    await s.idle();
    expect(runs).toBe(after);
    expect(overlapped).toBe(false);
    expect(errors.map((e) => (e as Error).message)).toEqual(['数据库暂时不可用']);
  });
});

for (const { dialect, available } of DIALECTS) {
  describe.skipIf(!available)(`scheduler over the store (${dialect})`, () => {
    it('the start run issues the day’s notices; a timed run the same day issues none again', async () => {
      const target = await newTarget(dialect);
      const store = await openStore(target.url);
      try {
        const ledger = await insertLedger(store.db);
        const id = await insertItem(store.db, ledger, { units: [['lead', '县卫生健康委']], deadline: '2026-09-30' });
        const logged: string[] = [];
        const log = { info: (_: object, m: string) => logged.push(m), error: (_: object, m: string) => logged.push(`失败：${m}`) };
        const timed = signal();
        let count = 0;
        const s = startSupervisionScheduler(store, manualClock('2026-09-24T09:00'), { ...log, info: (o, m) => (log.info(o, m), ++count === 2 && timed.resolve()) }, { pattern: '* * * * * *' });
        await timed.promise;
        await s.stop();
        const notices = await store.db.selectFrom('supervision_notices').select(['item_id', 'kind', 'number']).execute();
        expect(notices).toEqual([{ item_id: id, kind: '提醒单', number: '提醒〔2026〕1号' }]);
        expect(logged[0]).toBe('督办文书：检查 1 个工作日，签发 1 件');
        expect(logged[1]).toBe('督办文书：检查 1 个工作日，签发 0 件');
      } finally {
        await store.close();
        await target.drop();
      }
    });
  });
}
