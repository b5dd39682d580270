// Answers of recent searches, kept while the store is unchanged. An office searches the same few
// topics all day, and a search at 100,000 documents costs 5–20 ms of a core, so a search pool
// worker (search-worker.ts) keeps the last CACHE_ENTRIES answers. SQLite says exactly when to
// drop them: PRAGMA data_version changes whenever another connection has committed (the worker's
// own connection is read-only, so that is every write: an import, a sign-in, an audited read).
// PostgreSQL has no such cheap question, so nothing is kept there.
import { sql } from 'kysely';
import type { Store } from './open.ts';
import { searchWithFacets, type FacetedSearch, type SearchOptions } from './search.ts';

export const CACHE_ENTRIES = 256;

export type Search = (query: string, options: SearchOptions) => Promise<FacetedSearch>;

/** searchWithFacets on `store`, answered from the last `entries` answers while the store has not changed. */
export function cachedSearch(store: Store, entries = CACHE_ENTRIES): Search {
  const direct: Search = (query, options) => searchWithFacets(store, query, options);
  if (store.dialect !== 'sqlite' || entries <= 0) return direct;
  const kept = new Map<string, FacetedSearch>();
  let version: number | null = null;
  return async (query, options) => {
    const now = (await sql<{ data_version: number }>`PRAGMA data_version`.execute(store.db)).rows[0]!.data_version;
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
    // Kept under the version read before the search: if a write landed during it, the next
    // search sees a new version and asks again.
    if (version === now) {
      kept.set(key, answer);
      if (kept.size > entries) kept.delete(kept.keys().next().value!);
    }
    return answer;
  };
}
