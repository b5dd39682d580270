// The two full-text engines: index writes, filters, and the candidate rows search ranks.
// SQLite: a contentless FTS5 table keyed by search_entries.id (candidates here).
// PostgreSQL: a tsvector column on search_entries with a GIN index (candidates in fts-pg.ts).
// Both see the same application-made tokens (tokens.ts), so they find the same rows; both
// rank with rank.ts. rawEngineMatch is each engine's own ranking, for the benchmark.
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Dialect } from './dialect.ts';
import type { Database, SearchEntryTable } from './schema.ts';
import { indexTokens } from './tokens.ts';
import { encodeTsvector } from './tsvector.ts';
import { adjacencyKeys } from './adjacency-keys.ts';
import type { EntryTexts, IndexText } from './index-text.ts';
import { rankCountsSql, readCounts, type RankCounts } from './rank.ts';
import type { Insertable } from 'kysely';
import { likeText } from './like.ts';

/** Title matches weigh this much more than body matches (FTS5 bm25 column weight). */
export const TITLE_WEIGHT = 8;
/**
 * PostgreSQL keeps token positions only up to 16383: a phrase further into a document would
 * never match. Long texts are indexed in chunks of at most this many tokens, one row each.
 */
const PG_CHUNK_TOKENS = 12_000;

export interface IndexRow extends EntryTexts {
  entry: Insertable<SearchEntryTable>;
}

type Db = Kysely<Database> | Transaction<Database>;

/** Splits a token list into chunks of at most PG_CHUNK_TOKENS tokens. */
function chunks(tokens: readonly string[]): (readonly string[])[] {
  if (tokens.length <= PG_CHUNK_TOKENS) return [tokens];
  const out: string[][] = [];
  for (let i = 0; i < tokens.length; i += PG_CHUNK_TOKENS) out.push(tokens.slice(i, i + PG_CHUNK_TOKENS));
  return out;
}

/**
 * PostgreSQL: the tsvectors a text is indexed as, one per row (a long text is several chunks):
 * the title's tokens, the chunk's, and their adjacency keys (adjacency-keys.ts).
 */
export function pgVectors(text: IndexText): Buffer[] {
  const title = indexTokens(text.title).split(' ');
  return chunks(indexTokens(text.body).split(' ')).map((body) => encodeTsvector(title, body, adjacencyKeys([...title, ...body])));
}

const BATCH = 200;

/** The ranking texts of `rows`, whose search_entries rows got `ids` (in the same order). */
async function writeRankTexts(db: Db, rows: readonly IndexRow[], ids: readonly number[]): Promise<void> {
  await db
    .insertInto('rank_texts')
    .values(rows.map((r, k) => ({ entry_id: ids[k]!, rank_title: r.rank.title, rank_text: r.rank.text })))
    .execute();
}

/** Ids RETURNING gave for a multi-row INSERT, in the order of its VALUES list: both engines number the rows in that order, but neither promises the order RETURNING lists them in. */
function inValuesOrder(rows: readonly { id: number }[]): number[] {
  return rows.map((r) => r.id).sort((a, b) => a - b);
}

/** Adds rows to search_entries and the engine's index. */
export async function writeIndex(db: Db, dialect: Dialect, rows: readonly IndexRow[]): Promise<void> {
  if (dialect === 'sqlite') {
    for (let i = 0; i < rows.length; i += BATCH) {
      const batch = rows.slice(i, i + BATCH);
      const sorted = inValuesOrder(await db.insertInto('search_entries').values(batch.map((r) => r.entry)).returning('id').execute());
      await writeRankTexts(db, batch, sorted);
      const values = batch.map((r, k) => sql`(${sorted[k]!}, ${indexTokens(r.title)}, ${indexTokens(r.body)})`);
      await sql`INSERT INTO search_fts(rowid, title, body) VALUES ${sql.join(values)}`.execute(db);
      // Documents' titles again in the small title index (migration 0002), for search's candidates.
      const titled = batch.flatMap((r, k) => (r.entry.kind === 'document' && r.title.trim() !== '' ? [sql`(${sorted[k]!}, ${indexTokens(r.title)})`] : []));
      if (titled.length > 0) await sql`INSERT INTO title_fts(rowid, title) VALUES ${sql.join(titled)}`.execute(db);
    }
    return;
  }
  // GIN adds new entries to a pending list and merges that list into the index when it outgrows
  // gin_pending_list_limit (4 MB by default): each merge rewrites the posting lists of every
  // bigram it holds. Merging 64 MB at a time, sorted in memory, wrote 40% less WAL for the same
  // rows (bench/store.ts); finishWrites merges what is left once the import is done, because
  // searches read the pending list row by row.
  await sql`SET LOCAL gin_pending_list_limit = '64MB'`.execute(db);
  await sql`SET LOCAL work_mem = '256MB'`.execute(db);
  // A long text is several rows (chunks), each with the entry's fields and ranking texts.
  const expanded: (IndexRow & { tsv: Buffer })[] = [];
  for (const r of rows) for (const tsv of pgVectors(r)) expanded.push({ ...r, tsv });
  for (let i = 0; i < expanded.length; i += BATCH) {
    const batch = expanded.slice(i, i + BATCH);
    const ids = await (db as unknown as Kysely<Database & { search_entries: SearchEntryTable & { tsv: unknown } }>)
      .insertInto('search_entries')
      .values(
        batch.map((r) => ({
          ...r.entry,
          // Sent in binary (tsvector.ts): the weights and positions to_tsvector and setweight would give.
          tsv: sql`${r.tsv}::tsvector`,
        })),
      )
      .returning('id')
      .execute();
    await writeRankTexts(db, batch, inValuesOrder(ids));
  }
}

/**
 * After a batch of imports: PostgreSQL merges the GIN pending list into the index now (see
 * writeIndex) rather than leaving it to autovacuum, so searches do not scan it. SQLite: nothing.
 */
export async function finishWrites(db: Kysely<Database>, dialect: Dialect): Promise<void> {
  if (dialect !== 'postgres') return;
  try {
    await db.transaction().execute(async (trx) => {
      await sql`SET LOCAL work_mem = '256MB'`.execute(trx);
      await sql`SELECT gin_clean_pending_list(i.indexrelid)
          FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_am a ON a.oid = c.relam
          WHERE i.indrelid = 'search_entries'::regclass AND a.amname = 'gin'`.execute(trx);
    });
  } catch {
    // A role that does not own the index may not merge it; autovacuum will. The import is done.
  }
}

export interface MatchFilters {
  kinds?: readonly string[];
  issuer?: string;
  year?: number;
  docKind?: string;
  unit?: string;
  /** Only entries of documents with this validity on `asOf` (documents and their tasks). */
  validity?: 'valid' | 'expired' | 'repealed' | 'pending';
  /** Only entries of documents of this topic (documents and their tasks). */
  topic?: string;
  /** Only entries that may appear in the public library. */
  publicOnly?: boolean;
  asOf: string;
}

export interface MatchRow {
  id: number;
  kind: string;
  ref_id: number;
  document_id: number | null;
  source_file_id: number;
  title: string;
  date: string | null;
  /** Higher is better on both engines. */
  score: number;
}

/** A match with what search ranks it by: the counts of the query's phrases (rank.ts). */
export interface Candidate extends MatchRow {
  counts: RankCounts;
}

/**
 * The columns of a candidate row: the entry's (`e`), then the phrase counts of rankCountsSql over
 * its ranking texts (`r`, joined with rankTextsJoin).
 */
export function candidateColumns(phrases: readonly string[]) {
  return sql`e.id, e.kind, e.ref_id, e.document_id, e.source_file_id, e.title, e.date, 0 AS score, ${rankCountsSql(phrases)}`;
}

/** Joins the ranking texts of entry `e` as `r`, for candidateColumns. */
export const rankTextsJoin = sql`JOIN rank_texts r ON r.entry_id = e.id`;

/** Rows selected with candidateColumns, as candidates. */
export function toCandidates(rows: readonly Record<string, unknown>[], phrases: readonly string[]): Candidate[] {
  return rows.map((r) => ({
    id: r.id as number,
    kind: r.kind as string,
    ref_id: r.ref_id as number,
    document_id: r.document_id as number | null,
    source_file_id: r.source_file_id as number,
    title: r.title as string,
    date: r.date as string | null,
    score: 0,
    counts: readCounts(r, phrases.length),
  }));
}

function hasFilters(f: MatchFilters): boolean {
  return Boolean(f.kinds?.length || f.issuer || f.year !== undefined || f.docKind || f.unit || f.validity || f.topic || f.publicOnly);
}

/** SQL for the validity of document `d` on `asOf` (same rules as links/validity.ts validityStatus). */
export function validitySql(docAlias: string, asOf: string) {
  return sql<string>`CASE
    WHEN EXISTS (SELECT 1 FROM document_links l WHERE l.to_document_id = ${sql.ref(`${docAlias}.id`)} AND l.relation = 'repeals') THEN 'repealed'
    WHEN ${sql.ref(`${docAlias}.valid_until`)} IS NOT NULL AND ${sql.ref(`${docAlias}.valid_until`)} < ${asOf} THEN 'expired'
    WHEN ${sql.ref(`${docAlias}.valid_from`)} IS NOT NULL AND ${sql.ref(`${docAlias}.valid_from`)} > ${asOf} THEN 'pending'
    ELSE 'valid' END`;
}

export function filterSql(f: MatchFilters) {
  const parts = [sql`1 = 1`];
  if (f.kinds?.length) parts.push(sql`e.kind IN (${sql.join(f.kinds.map((k) => sql`${k}`))})`);
  if (f.issuer) parts.push(likeText('e.issuer_text', f.issuer));
  if (f.year !== undefined) parts.push(sql`e.year = ${f.year}`);
  if (f.docKind) parts.push(sql`(e.doc_kind = ${f.docKind} OR e.issued_kind = ${f.docKind})`);
  if (f.unit) parts.push(likeText('e.units', f.unit));
  if (f.publicOnly) parts.push(sql`e.public = 1`);
  if (f.topic) parts.push(sql`e.document_id IS NOT NULL AND EXISTS (SELECT 1 FROM documents td WHERE td.id = e.document_id AND td.topic = ${f.topic})`);
  if (f.validity) {
    parts.push(sql`e.document_id IS NOT NULL AND EXISTS (SELECT 1 FROM documents vd WHERE vd.id = e.document_id AND ${validitySql('vd', f.asOf)} = ${f.validity})`);
  }
  return sql.join(parts, sql` AND `);
}

/**
 * SQLite: the `cap` most recently indexed entries that match, newest first, unranked. The index
 * walks its lists from the highest rowid down and stops at `cap`, so a query that matches half the
 * store costs what a rare one does; search ranks these (rank.ts).
 */
export async function candidateEntries(db: Db, engineQuery: string, filters: MatchFilters, cap: number, phrases: readonly string[]): Promise<Candidate[]> {
  const q = hasFilters(filters)
    ? sql<Record<string, unknown>>`SELECT ${candidateColumns(phrases)}
        FROM search_fts JOIN search_entries e ON e.id = search_fts.rowid ${rankTextsJoin}
        WHERE search_fts MATCH ${engineQuery} AND ${filterSql(filters)}
        ORDER BY search_fts.rowid DESC LIMIT ${cap}`
    : sql<Record<string, unknown>>`SELECT ${candidateColumns(phrases)}
        FROM (SELECT rowid AS id FROM search_fts WHERE search_fts MATCH ${engineQuery} ORDER BY rowid DESC LIMIT ${cap}) m
        JOIN search_entries e ON e.id = m.id ${rankTextsJoin} ORDER BY m.id DESC`;
  return toCandidates((await q.execute(db)).rows, phrases);
}

/**
 * SQLite: the `cap` most recently indexed documents whose title or 文号 matches, newest first,
 * from the small title index (migration 0002).
 */
export async function titleCandidates(db: Db, engineQuery: string, filters: MatchFilters, cap: number, phrases: readonly string[]): Promise<Candidate[]> {
  const q = sql<Record<string, unknown>>`SELECT ${candidateColumns(phrases)}
      FROM title_fts JOIN search_entries e ON e.id = title_fts.rowid ${rankTextsJoin}
      WHERE title_fts MATCH ${engineQuery} AND ${filterSql(filters)}
      ORDER BY title_fts.rowid DESC LIMIT ${cap}`;
  return toCandidates((await q.execute(db)).rows, phrases);
}

/** The engine alone: the same query straight on its index, ids and rank only (benchmark baseline). */
export async function rawEngineMatch(db: Db, dialect: Dialect, engineQuery: string, limit: number): Promise<number[]> {
  if (dialect === 'sqlite') {
    const r = await sql<{ id: number }>`SELECT rowid AS id FROM search_fts WHERE search_fts MATCH ${engineQuery} ORDER BY bm25(search_fts, ${sql.lit(TITLE_WEIGHT)}, 1.0) LIMIT ${limit}`.execute(db);
    return r.rows.map((x) => x.id);
  }
  const r = await sql<{ id: number }>`SELECT id FROM search_entries, CAST(${engineQuery} AS tsquery) q WHERE tsv @@ q ORDER BY ts_rank_cd('{0.1, 0.2, 0.4, 1.0}', tsv, q, 1) DESC LIMIT ${limit}`.execute(db);
  return r.rows.map((x) => x.id);
}
