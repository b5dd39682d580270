import { sql, type Migration } from 'kysely';
import type { AnyDb } from './any-db.ts';
import type { Dialect } from './dialect.ts';
import { markIndexStale } from './index-stale.ts';
import { keepRankTextInRow } from './rank-text-storage.ts';

/**
 * Both engines: what search ranks an entry by, kept on the entry in rank.ts's rankForm:
 * `rank_title` (a document's title and 文号, an appointment's person and post, a chronicle
 * entry's title) and `rank_text` (a document's first RANK_CHARS characters, the whole text of the
 * others). The engine counts the query's phrases in them for the candidates (rank.ts): reading
 * the head of 200 documents into JavaScript instead cost 10 ms, and on PostgreSQL reading it from
 * the TOASTed bodies another 7–15 ms.
 */
export function migration(dialect: Dialect): Migration {
  return {
    async up(db: AnyDb) {
      await db.schema.alterTable('search_entries').addColumn('rank_title', 'text', (c) => c.notNull().defaultTo('')).execute();
      await db.schema.alterTable('search_entries').addColumn('rank_text', 'text', (c) => c.notNull().defaultTo('')).execute();
      // PostgreSQL: kept in the row and, up to a row of 8 kB, not compressed. The counts refer to
      // rank_text once per phrase, and PostgreSQL undoes the compression of a value at every
      // reference (three phrases: 20 ms for 200 rows instead of 2). A row is compressed only past
      // toast_tuple_target (2 kB by default); the tsvector, far larger, still goes to the TOAST
      // table first. lz4 for the heads that must be compressed (4-byte characters).
      if (dialect === 'postgres') await keepRankTextInRow(db, 'search_entries');
      // Existing entries get their values when the index is rebuilt (index-stale.ts).
      await markIndexStale(db);
    },
    async down(db: AnyDb) {
      await db.schema.alterTable('search_entries').dropColumn('rank_text').execute();
      await db.schema.alterTable('search_entries').dropColumn('rank_title').execute();
    },
  };
}
