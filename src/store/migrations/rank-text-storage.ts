// PostgreSQL storage settings of a rank_text column, shared by 0004 and 0006. Frozen: never edit
// once shipped (a later change of the settings is a migration of its own).
import { sql } from 'kysely';
import type { AnyDb } from './any-db.ts';

/**
 * `table`.rank_text stays in the row, uncompressed while the row fits in 8 kB, lz4 where it must
 * be compressed (see 0004 and 0006 for why).
 */
export async function keepRankTextInRow(db: AnyDb, table: 'search_entries' | 'rank_texts'): Promise<void> {
  await sql`ALTER TABLE ${sql.table(table)} ALTER COLUMN rank_text SET STORAGE MAIN`.execute(db);
  await sql`ALTER TABLE ${sql.table(table)} SET (toast_tuple_target = 8160)`.execute(db);
  await sql.raw(`DO $$ BEGIN
      ALTER TABLE ${table} ALTER COLUMN rank_text SET COMPRESSION lz4;
    EXCEPTION WHEN OTHERS THEN RAISE NOTICE 'lz4 not available: %', SQLERRM;
    END $$`).execute(db);
}
