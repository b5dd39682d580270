// Facets count what search ranked, on both engines: for queries whose every ranked match is a
// hit (at most 200), the counts by kind, year, 文种, issuer and topic equal counts made here from
// each hit's own index entry and document, looked up one by one. Search finds those entries by
// their ids and the exact 文号 hits by their document (search.ts facetsOf); this is the model.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { importPaths } from '../src/store/import.ts';
import { searchWithFacets, type Facet } from '../src/store/search.ts';
import { DIALECTS, freshStore, testClock, testDay } from './store-targets.ts';

const seedsDir = join(import.meta.dirname, '..', '..', 'shared', 'seeds');
const haveSeeds = existsSync(join(seedsDir, '000_2754e8a7c3ece080.txt'));

const QUERIES = ['知识产权质押融资', '营商环境', '通政办发[2023]63号', '通辽办发〔2023〕35号', '安全生产', '市财政局', '乡村振兴', '7月14日'];

/** Counts as search shows them: the most frequent 12, ties by value. */
function top(counts: Map<string, number>): Facet[] {
  return [...counts]
    .map(([value, count]) => ({ value, count }))
    .sort((a, b) => b.count - a.count || a.value.localeCompare(b.value))
    .slice(0, 12);
}

for (const { dialect, available } of DIALECTS) {
  describe.skipIf(!available || !haveSeeds)(`search facets on ${dialect}`, () => {
    const fresh = freshStore(dialect);

    it('count the entries of the hits by kind, year, 文种, issuer and topic', async () => {
      await importPaths(fresh.store, [seedsDir], testClock);
      let checked = 0;
      for (const q of QUERIES) {
        const r = await searchWithFacets(fresh.store, q, { asOf: testDay, limit: 200 });
        if (r.totalCapped || r.hits.length === 0) continue;
        expect(r.hits.length).toBe(r.total);
        const model = { kind: new Map<string, number>(), year: new Map<string, number>(), type: new Map<string, number>(), issuer: new Map<string, number>(), topic: new Map<string, number>() };
        const add = (m: Map<string, number>, v: string | number | null) => {
          if (v === null || v === '') return;
          m.set(String(v), (m.get(String(v)) ?? 0) + 1);
        };
        for (const hit of r.hits) {
          const found = await sql<{ year: number | null; doc_kind: string | null; issued_kind: string | null; issuer_text: string; topic: string | null }>`
            SELECT e.year, e.doc_kind, e.issued_kind, e.issuer_text, d.topic FROM search_entries e LEFT JOIN documents d ON d.id = e.document_id
            WHERE e.kind = ${hit.kind} AND e.ref_id = ${hit.id}`.execute(fresh.store.db);
          const e = found.rows[0]!;
          add(model.kind, hit.kind);
          add(model.year, e.year);
          add(model.type, e.issued_kind ?? e.doc_kind);
          for (const issuer of e.issuer_text.split('、')) add(model.issuer, issuer.trim());
          add(model.topic, e.topic);
        }
        expect(r.facets.kind).toEqual(top(model.kind));
        expect(r.facets.year).toEqual(top(model.year));
        expect(r.facets.type).toEqual(top(model.type));
        expect(r.facets.issuer).toEqual(top(model.issuer));
        expect(r.facets.topic).toEqual(top(model.topic));
        checked++;
      }
      // Most of the queries were checked, an exact 文号 among them.
      expect(checked).toBeGreaterThanOrEqual(4);
    });
  });
}
