import { sql, type Migration } from 'kysely';
import type { AnyDb } from './any-db.ts';
import type { Dialect } from './dialect.ts';
import { markIndexStale } from './index-stale.ts';

/**
 * SQLite: a second, small FTS5 index over documents' titles and 文号. Search ranks a bounded set of
 * candidates (search.ts); the newest body matches alone would leave out an older document whose
 * title matches, so the title index adds the newest title matches to the set. Titles are short,
 * so this index is a fraction of the body index and its lists are quick to walk.
 */
export function migration(dialect: Dialect): Migration {
  return {
    async up(db: AnyDb) {
      if (dialect !== 'sqlite') return;
      await sql`CREATE VIRTUAL TABLE title_fts USING fts5(title, content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 0')`.execute(db);
      await sql`CREATE TRIGGER search_entries_delete_title AFTER DELETE ON search_entries WHEN old.kind = 'document' BEGIN DELETE FROM title_fts WHERE rowid = old.id; END`.execute(db);
      // Documents already in the store get their titles into it when the index is rebuilt.
      await markIndexStale(db);
    },
    async down(db: AnyDb) {
      if (dialect !== 'sqlite') return;
      await sql`DROP TRIGGER IF EXISTS search_entries_delete_title`.execute(db);
      await sql`DROP TABLE IF EXISTS title_fts`.execute(db);
    },
  };
}
