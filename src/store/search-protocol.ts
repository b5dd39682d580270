// The messages between the search pool (search-pool.ts) and its workers (search-worker.ts).
import type { FacetedSearch, SearchOptions } from './search.ts';

export interface SearchWorkerData {
  /** The store, as openStore was given it (a SQLite path or a PostgreSQL URL). */
  target: string;
  /** Answers each worker keeps while the store is unchanged (search-cache.ts); 0: none. */
  cacheEntries: number;
  /** The worker's own module, when it is TypeScript started through search-worker-boot.mjs. */
  entry?: string;
}

export type ToWorker = { type: 'search'; id: number; query: string; options: SearchOptions } | { type: 'close' };

export type ToPool =
  | { type: 'ready' }
  | { type: 'failed'; message: string }
  | { type: 'result'; id: number; result: FacetedSearch }
  | { type: 'error'; id: number; message: string };
