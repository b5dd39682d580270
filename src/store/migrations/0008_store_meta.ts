import { sql, type Migration } from 'kysely';
import type { AnyDb } from './any-db.ts';

/**
 * store_meta: facts about the store as a whole; first of all the format its search index was
 * built in (../index-format.ts). A store that ran 0001–0007 as they first shipped holds an index
 * of format 1, built by the migrations themselves; a store whose index a migration marked stale
 * (index-stale.ts) keeps that mark, and the current code rebuilds it after the migrations.
 */
export function migration(): Migration {
  return {
    async up(db: AnyDb) {
      await sql`CREATE TABLE IF NOT EXISTS store_meta (key text PRIMARY KEY, value text NOT NULL)`.execute(db);
      await sql`INSERT INTO store_meta (key, value) VALUES ('index_format', '1') ON CONFLICT (key) DO NOTHING`.execute(db);
    },
    async down(db: AnyDb) {
      await db.schema.dropTable('store_meta').ifExists().execute();
    },
  };
}
