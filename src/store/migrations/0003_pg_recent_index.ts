import { sql, type Migration } from 'kysely';
import type { AnyDb } from './any-db.ts';
import type { Dialect } from './dialect.ts';

/**
 * PostgreSQL: the GIN index holds the id's bucket (id / 1024, fts-pg.ts ID_BUCKET) beside the
 * tsvector, through the btree_gin extension, so search asks the index for the matches among the
 * newest rows only; and tsvectors are compressed with lz4 (faster to read back than pglz; rows
 * written before keep pglz). Where the extension cannot be created (not installed, no right to
 * create it) the plain index stays and search still works, reading every match's row instead.
 */
export function migration(dialect: Dialect): Migration {
  return {
    async up(db: AnyDb) {
      if (dialect !== 'postgres') return;
      await sql`DO $$ BEGIN
          CREATE EXTENSION IF NOT EXISTS btree_gin;
          CREATE INDEX search_entries_tsv_recent ON search_entries USING gin (tsv, (id / 1024));
          DROP INDEX search_entries_tsv;
        EXCEPTION WHEN OTHERS THEN RAISE NOTICE 'search_entries_tsv_recent not created: %', SQLERRM;
        END $$`.execute(db);
      await sql`DO $$ BEGIN
          ALTER TABLE search_entries ALTER COLUMN tsv SET COMPRESSION lz4;
        EXCEPTION WHEN OTHERS THEN RAISE NOTICE 'lz4 not available: %', SQLERRM;
        END $$`.execute(db);
    },
    async down(db: AnyDb) {
      if (dialect !== 'postgres') return;
      await sql`CREATE INDEX IF NOT EXISTS search_entries_tsv ON search_entries USING gin (tsv)`.execute(db);
      await sql`DROP INDEX IF EXISTS search_entries_tsv_recent`.execute(db);
    },
  };
}
