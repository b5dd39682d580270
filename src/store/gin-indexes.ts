// PostgreSQL: the full-text (GIN) indexes of search_entries taken away and built again, for work
// that writes many rows at once (a bulk import, a migration that rewrites every vector). GIN
// keeps its posting lists of bigrams up to date row by row, which costs far more than building
// them once from all rows; pg_restore loads data the same way. The definitions are read from the
// catalogue, so whatever the migrations made (with or without btree_gin) comes back as it was.
import { sql, type Kysely, type Transaction } from 'kysely';

type Db = Kysely<any> | Transaction<any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** Drops the GIN indexes of search_entries; returns what `rebuildIndexes` needs to make them again. */
export async function dropGinIndexes(db: Db): Promise<string[]> {
  const { rows } = await sql<{ name: string; definition: string }>`
    SELECT i.relname AS name, pg_get_indexdef(i.oid) AS definition
      FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_am a ON a.oid = i.relam
      WHERE x.indrelid = 'search_entries'::regclass AND a.amname = 'gin'`.execute(db);
  for (const r of rows) await sql`DROP INDEX ${sql.id(r.name)}`.execute(db);
  return rows.map((r) => r.definition);
}

/**
 * Builds indexes from their definitions. Inside a transaction the sort memory is set for it
 * alone (SET LOCAL); outside, for the connection.
 */
export async function rebuildIndexes(db: Db, definitions: readonly string[], memory = '256MB'): Promise<void> {
  if (definitions.length === 0) return;
  const build = async (c: Db) => {
    await sql.raw(`SET ${db.isTransaction ? 'LOCAL ' : ''}maintenance_work_mem = '${memory}'`).execute(c);
    for (const d of definitions) await sql.raw(d).execute(c);
  };
  if (db.isTransaction) await build(db);
  else await (db as Kysely<any>).connection().execute(build); // eslint-disable-line @typescript-eslint/no-explicit-any
}
