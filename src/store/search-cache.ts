// Answers of recent searches, kept while the store is unchanged. An office searches the same few
// topics all day, and a search at 100,000 documents costs 5–20 ms of a core, so a search pool
// worker (search-worker.ts) keeps the last CACHE_ENTRIES answers, dropped at any write:
// - SQLite: PRAGMA data_version changes whenever another connection has committed (the worker's
//   own connection is read-only, so that is every write: an import, a sign-in, an audited read);
// - PostgreSQL: the current snapshot (xmin:xmax:in-progress ids) changes whenever a writing
//   transaction anywhere on the server starts or ends — more often than this store changes (other
//   databases count too), never less: a commit always removes an id from it or moves its bounds.
// The version is read before the search, so an answer computed while a write landed is kept
// under the older version and the next search, seeing a new one, asks again.
import { sql } from 'kysely';
import type { Store } from './open.ts';
import { searchWithFacets, type FacetedSearch, type SearchOptions } from './search.ts';

export const CACHE_ENTRIES = 256;

export type Search = (query: string, options: SearchOptions) => Promise<FacetedSearch>;

/** searchWithFacets on `store`, answered from the last `entries` answers while the store has not changed. */
export function cachedSearch(store: Store, entries = CACHE_ENTRIES): Search {
  const direct: Search = (query, options) => searchWithFacets(store, query, options);
  if (entries <= 0) return direct;
  const kept = new Map<string, FacetedSearch>();
  let version: string | null = null;
  return async (query, options) => {
    const now = await storeVersion(store);
    if (now !== version) {
      kept.clear();
      version = now;
    }
    const key = JSON.stringify([query, options]);
    const hit = kept.get(key);
    if (hit) {
      // Most recently used last: the first key is the one to drop.
      kept.delete(key);
      kept.set(key, hit);
      return hit;
    }
    const answer = await direct(query, options);
    if (version === now) {
      kept.set(key, answer);
      if (kept.size > entries) kept.delete(kept.keys().next().value!);
    }
    return answer;
  };
}

/** A value that changes whenever the store may have changed (see the top of this file). */
async function storeVersion(store: Store): Promise<string> {
  if (store.dialect === 'sqlite') return String((await sql<{ data_version: number }>`PRAGMA data_version`.execute(store.db)).rows[0]!.data_version);
  return (await sql<{ v: string }>`SELECT pg_current_snapshot()::text AS v`.execute(store.db)).rows[0]!.v;
}
