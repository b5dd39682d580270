// The format of the search index and of the other data the code derives from stored rows: what
// the tokenizer (tokens.ts), the PostgreSQL vectors (tsvector.ts, adjacency-keys.ts), the ranking
// texts (index-text.ts, rank.ts) and the classification of documents (src/classify: access,
// topics) make of a text.
// The index must be built by the code that queries it, so the store records the format its index
// was built in (store_meta.index_format) and, when it differs from INDEX_FORMAT — a new version
// of Duban that tokenizes differently, or a migration that marked the index stale — the index is
// made again from the stored rows (reindex.ts) right after the migrations, once.
//
// Changing what the index holds means raising INDEX_FORMAT: test/store-index-format.test.ts keeps a
// fingerprint of the index texts of sample entries per format and fails when they change under
// the same number.
import { sql, type Kysely } from 'kysely';
import type { Dialect } from './dialect.ts';
import { rebuildSearchIndex } from './reindex.ts';
import type { Database } from './schema.ts';

export const INDEX_FORMAT = 2;

/**
 * Rebuilds the index when its recorded format is not INDEX_FORMAT. One transaction, which first
 * takes the write lock (SQLite) or the row lock (PostgreSQL) on the format row, so that of two
 * processes opening a stale store one rebuilds and the other finds it current.
 */
export async function ensureIndexFormat(db: Kysely<Database>, dialect: Dialect): Promise<{ rebuilt: boolean }> {
  const current = String(INDEX_FORMAT);
  const quick = await sql<{ value: string }>`SELECT value FROM store_meta WHERE key = 'index_format'`.execute(db);
  if (quick.rows[0]?.value === current) return { rebuilt: false };
  return db.transaction().execute(async (trx) => {
    const row =
      dialect === 'sqlite'
        ? (await sql`UPDATE store_meta SET value = value WHERE key = 'index_format'`.execute(trx),
          await sql<{ value: string }>`SELECT value FROM store_meta WHERE key = 'index_format'`.execute(trx))
        : await sql<{ value: string }>`SELECT value FROM store_meta WHERE key = 'index_format' FOR UPDATE`.execute(trx);
    if (row.rows[0]?.value === current) return { rebuilt: false };
    await rebuildSearchIndex(trx, dialect);
    await sql`INSERT INTO store_meta (key, value) VALUES ('index_format', ${current}) ON CONFLICT (key) DO UPDATE SET value = ${current}`.execute(trx);
    return { rebuilt: true };
  });
}
