// The ledger page's filters on both engines, against the items' own views: a red, yellow or green
// light, a unit, overdue, a state, and paging each give exactly the items whose view says so, in
// the page's order, with the right total — whichever of the filters SQL applies and whichever the
// pure core's light decides. Items of our own: deadlines before, near and after the day, monthly
// reports given and missed, finished and open, lead and cooperating units.
import { describe, expect, it } from 'vitest';
import { DEFAULT_RULES } from '../src/workflow/rules.ts';
import { lightsBy } from '../src/workflow/lights.ts';
import { listItems, type ItemFilter, type ReadContext } from '../src/store/supervision/read.ts';
import type { ItemState, UnitRole } from '../src/workflow/types.ts';
import { DIALECTS, freshStore } from './store-targets.ts';
import { insertItem, insertLedger, insertReport } from './supervision-rows.ts';

const TODAY = '2026-11-20';
const UNITS = ['甲市发展改革委', '甲市财政局', '甲市教育局', '甲市住建局'];
/** Deadlines around TODAY: past (red), the day itself (not yet overdue), within 3 working days (yellow), later, none. */
const DEADLINES = ['2026-10-30', '2026-11-19', '2026-11-20', '2026-11-23', '2026-11-24', '2026-12-15', '2027-01-31', null];
const STATES: ItemState[] = ['working', 'working', 'issued', 'claimed', 'returned', 'done'];

for (const { dialect, available } of DIALECTS) {
  describe.skipIf(!available)(`the ledger page's filters (${dialect})`, () => {
    const target = freshStore(dialect);
    const ctx = (scope: string | null = null): ReadContext => ({ today: TODAY, scope, lightOf: lightsBy(DEFAULT_RULES) });

    it('gives for each filter exactly the items whose view matches, in order, with the total', async () => {
      const db = target.store.db;
      const ledger = await insertLedger(db);
      let n = 0;
      for (const deadline of DEADLINES) {
        for (const state of STATES) {
          const lead = UNITS[n % UNITS.length]!;
          const other = UNITS[(n + 1 + (n % 3)) % UNITS.length]!;
          const units: [UnitRole, string][] = [
            ['lead', lead],
            [n % 2 === 0 ? 'cooperating' : 'responsible', other],
          ];
          const id = await insertItem(db, ledger, { units, deadline, state, issuedOn: '2026-08-03', cycle: { kind: 'monthly', day: 5 }, doneOn: state === 'done' ? '2026-11-02' : null, claimedOn: state === 'done' || state === 'claimed' ? '2026-11-01' : null });
          // Every third item reported each month; the others missed November (yellow for the open ones).
          for (const day of n % 3 === 0 ? ['2026-09-03', '2026-10-04', '2026-11-04'] : ['2026-09-03', '2026-10-04']) await insertReport(db, id, lead, day);
          n++;
        }
      }
      const everything = await listItems(db, { limit: 1000, offset: 0 }, ctx());
      expect(everything.total).toBe(n);
      const all = everything.items;
      const lights = new Set(all.map((i) => i.light));
      // The fixture has every light and closed items without one.
      expect([...lights].sort()).toEqual(['green', 'red', 'yellow', null].sort());

      const same = async (filter: Omit<ItemFilter, 'limit' | 'offset'>, expected: typeof all, scope: string | null = null) => {
        const got = await listItems(db, { ...filter, limit: 1000, offset: 0 }, ctx(scope));
        expect(got.items.map((i) => i.id), JSON.stringify(filter)).toEqual(expected.map((i) => i.id));
        expect(got.total).toBe(expected.length);
        // Paged: the second page of five is the sixth to tenth of them.
        const page = await listItems(db, { ...filter, limit: 5, offset: 5 }, ctx(scope));
        expect(page.items.map((i) => i.id)).toEqual(expected.slice(5, 10).map((i) => i.id));
        expect(page.total).toBe(expected.length);
      };
      for (const light of ['red', 'yellow', 'green'] as const) await same({ light }, all.filter((i) => i.light === light));
      await same({ overdue: true }, all.filter((i) => i.overdue));
      await same({ overdue: false }, all.filter((i) => !i.overdue));
      await same({ state: 'working' }, all.filter((i) => i.state === 'working'));
      for (const unit of UNITS) {
        const mine = all.filter((i) => i.units.some((u) => u.canonical === unit));
        await same({ unit }, mine);
        await same({ unit, light: 'yellow' }, mine.filter((i) => i.light === 'yellow'));
        // A unit user sees their unit's items only, whatever else they ask.
        await same({}, mine, unit);
        await same({ light: 'red' }, mine.filter((i) => i.light === 'red'), unit);
      }
    });
  });
}
