import { sql, type Migration } from 'kysely';
import type { AnyDb } from './any-db.ts';
import type { Dialect } from './dialect.ts';

/**
 * PostgreSQL: the GIN index also holds id / 16384 (fts-pg.ts COARSE_BUCKET), so a window wider
 * than a few fine buckets is one or two index keys rather than dozens of scans (a query with five
 * matches per thousand entries read 48 fine buckets: 50–100 ms at 100,000 documents). Built anew
 * (a few minutes at 100,000 documents); where btree_gin is missing, nothing changes.
 */
export function migration(dialect: Dialect): Migration {
  return {
    async up(db: AnyDb) {
      if (dialect !== 'postgres') return;
      await sql`DO $$ BEGIN
          IF EXISTS (SELECT 1 FROM pg_class WHERE relname = 'search_entries_tsv_recent') THEN
            CREATE INDEX search_entries_tsv_windows ON search_entries USING gin (tsv, (id / 1024), (id / 16384));
            DROP INDEX search_entries_tsv_recent;
          END IF;
        END $$`.execute(db);
    },
    async down(db: AnyDb) {
      if (dialect !== 'postgres') return;
      await sql`DO $$ BEGIN
          IF EXISTS (SELECT 1 FROM pg_class WHERE relname = 'search_entries_tsv_windows') THEN
            CREATE INDEX search_entries_tsv_recent ON search_entries USING gin (tsv, (id / 1024));
            DROP INDEX search_entries_tsv_windows;
          END IF;
        END $$`.execute(db);
    },
  };
}
