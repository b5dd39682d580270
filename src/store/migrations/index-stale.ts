// A migration that changes what the search index holds does not fill the index itself: it marks
// the index stale, and the store's current code makes every index row again from the stored
// rows after the migrations have run (../index-format.ts). The index must be built by the same
// code that reads it; a migration that called the tokenizer would build it with whatever the
// tokenizer had become by the time an old store is upgraded. Frozen: never edit once shipped.
import { sql } from 'kysely';
import type { AnyDb } from './any-db.ts';

/** Creates store_meta if needed and records that the search index must be rebuilt. */
export async function markIndexStale(db: AnyDb): Promise<void> {
  await sql`CREATE TABLE IF NOT EXISTS store_meta (key text PRIMARY KEY, value text NOT NULL)`.execute(db);
  await sql`INSERT INTO store_meta (key, value) VALUES ('index_format', 'stale')
      ON CONFLICT (key) DO UPDATE SET value = 'stale'`.execute(db);
}
