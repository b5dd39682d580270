// An empty store answers every read: no hits, empty lists, zero counts — on both engines. (On
// PostgreSQL the search of an empty store once built a query with no index window in it.)
import { describe, expect, it } from 'vitest';
import { libraryStats, listDocuments } from '../src/store/read.ts';
import { search, searchWithFacets } from '../src/store/search.ts';
import { DIALECTS, freshStore } from './store-targets.ts';

for (const { dialect, available } of DIALECTS) {
  describe.skipIf(!available)(`an empty store (${dialect})`, () => {
    const fresh = freshStore(dialect);

    it('finds nothing, without an error', async () => {
      expect(await search(fresh.store, '营商环境', { asOf: '2026-12-03' })).toEqual([]);
      expect(await search(fresh.store, '"7月14日"', { asOf: '2026-12-03' })).toEqual([]);
      const faceted = await searchWithFacets(fresh.store, '通政办发[2023]63号', { asOf: '2026-12-03' });
      expect(faceted).toMatchObject({ hits: [], total: 0, totalCapped: false });
      expect(faceted.facets.kind).toEqual([]);
    });

    it('lists nothing and counts zero', async () => {
      expect(await listDocuments(fresh.store, { limit: 10, offset: 0 }, '2026-12-03')).toEqual({ items: [], total: 0 });
      expect(await libraryStats(fresh.store, '2026-12-03')).toMatchObject({ documents: 0, tasks: 0, appointments: 0, chronicle: 0, units: 0, latest: [] });
    });
  });
}
