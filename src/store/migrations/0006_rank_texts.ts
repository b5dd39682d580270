import { sql, type Migration } from 'kysely';
import type { AnyDb } from './any-db.ts';
import type { Dialect } from './dialect.ts';
import { keepRankTextInRow } from './rank-text-storage.ts';

/**
 * Both engines: the ranking texts of migration 0004 move to a table of their own, rank_texts.
 * Kept on search_entries they made each row ~4 kB: on PostgreSQL every match an index window
 * returns is one heap row read before the candidates are chosen, and at 100,000 documents the
 * 1.9 GB table stayed out of shared buffers (a window of 130 matches: 2 ms read from the OS
 * cache against 0.4 ms in buffers). Without them the table is a few hundred bytes a row; the
 * texts are read for the chosen candidates only. PostgreSQL keeps the old values in existing
 * rows until they are rewritten (DROP COLUMN does not rewrite): 0007 rewrites the table.
 */
export function migration(dialect: Dialect): Migration {
  return {
    async up(db: AnyDb) {
      await db.schema
        .createTable('rank_texts')
        .addColumn('entry_id', 'integer', (c) => c.primaryKey().references('search_entries.id').onDelete('cascade'))
        .addColumn('rank_title', 'text', (c) => c.notNull())
        .addColumn('rank_text', 'text', (c) => c.notNull())
        .execute();
      // PostgreSQL: in the row and uncompressed up to 8 kB, as migration 0004 kept them (the
      // counts refer to rank_text once per phrase; a compressed value is undone at every reference).
      // search_entries goes back to the default row size (2 kB), past which the tsvector moves
      // to the TOAST table: with 0004's 8 kB, most tsvectors stayed in the row, compressed.
      if (dialect === 'postgres') {
        await sql`ALTER TABLE search_entries RESET (toast_tuple_target)`.execute(db);
        await keepRankTextInRow(db, 'rank_texts');
      }
      await sql`INSERT INTO rank_texts (entry_id, rank_title, rank_text) SELECT id, rank_title, rank_text FROM search_entries`.execute(db);
      await db.schema.alterTable('search_entries').dropColumn('rank_text').execute();
      await db.schema.alterTable('search_entries').dropColumn('rank_title').execute();
    },
    async down(db: AnyDb) {
      await db.schema.alterTable('search_entries').addColumn('rank_title', 'text', (c) => c.notNull().defaultTo('')).execute();
      await db.schema.alterTable('search_entries').addColumn('rank_text', 'text', (c) => c.notNull().defaultTo('')).execute();
      if (dialect === 'postgres') await keepRankTextInRow(db, 'search_entries');
      await sql`UPDATE search_entries SET rank_title = r.rank_title, rank_text = r.rank_text FROM rank_texts r WHERE r.entry_id = search_entries.id`.execute(db);
      await db.schema.dropTable('rank_texts').execute();
    },
  };
}
