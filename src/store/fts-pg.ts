// PostgreSQL: the candidates search ranks (search.ts, with rank.ts as on SQLite), in two steps.
//
// A tsquery with phrases (<->) makes the GIN index uncertain: every row it returns is rechecked
// against its tsvector, which PostgreSQL must de-TOAST (8–80 kB for a document; bigrams hardly
// compress). Checking the phrases of the 200 newest matches that way cost 10–80 ms. So:
//   1. pgLooseCandidates: the newest entries holding every token of the query (phrases loosened to
//      AND, tokens.ts toLooseTsQuery), which the index decides alone (no recheck, no tsvector
//      read), with their phrase counts;
//   2. pgConfirmed: of some entries, those the exact query matches. Search asks it only for the
//      best-ranked entries it is about to return whose own text does not already show the phrase.
import { sql, type Kysely, type Transaction } from 'kysely';
import { candidateColumns, filterSql, rankTextsJoin, toCandidates, type Candidate, type MatchFilters } from './fts.ts';
import type { Database } from './schema.ts';

type Db = Kysely<Database> | Transaction<Database>;

/**
 * The GIN index holds id / ID_BUCKET and id / COARSE_BUCKET beside the tsvector (migrations 0003,
 * 0005; btree_gin). A bucket asked for by equality is one more exact key in the GIN scan, which
 * then skips through the posting lists of common bigrams to that bucket's rows (0.4 ms at 100,000
 * documents). A range of buckets is not: btree_gin reads `BETWEEN a AND b` as two open ranges,
 * each a partial match that collects every row of every bucket on its side (50–100 ms). So a
 * window is a list of buckets, one index scan each, newest first: fine ones for the first window
 * (a common word fills it), coarse ones for wider windows.
 */
export const ID_BUCKET = 1024;
export const COARSE_BUCKET = 16_384;
/** Buckets of the first window: the newest ~4,000 entries. */
const FIRST_BUCKETS = 4;
/** At most this many coarse buckets in one window (one index scan each). */
const MAX_COARSE = 8;
/**
 * Past the first window, when the query's density says fewer than this many older entries match,
 * they are read in one scan without buckets: a rare query's posting lists are short, and the rows
 * the index returns are few.
 */
const FEW_MATCHES = 2_000;

export interface LooseCandidates {
  /** Newest first, one row per entry (a long text's chunks count once). */
  rows: Candidate[];
  /** Where to go on for older candidates (pass as `below`), or null when none are left. */
  next: number | null;
}

/** The next window below `upper`: `count` ids wanted; fine buckets while few, else coarse ones. */
function windowBelow(upper: number, count: number): { size: number; buckets: number[]; lowest: number } {
  const size = count <= FIRST_BUCKETS * ID_BUCKET ? ID_BUCKET : COARSE_BUCKET;
  const top = Math.floor((upper - 1) / size);
  const n = Math.min(size === ID_BUCKET ? FIRST_BUCKETS : MAX_COARSE, Math.max(1, Math.ceil(count / size)));
  const buckets = Array.from({ length: Math.min(n, top + 1) }, (_, k) => top - k);
  return { size, buckets, lowest: buckets[buckets.length - 1]! * size };
}

/**
 * The `cap` newest entries matching `looseQuery` (tokens.ts toLooseTsQuery), with ids below
 * `below` when given, unranked (score 0), with the counts of `phrases` (rank.ts).
 */
export async function pgLooseCandidates(db: Db, looseQuery: string, filters: MatchFilters, cap: number, phrases: readonly string[], below?: number, firstBuckets = FIRST_BUCKETS): Promise<LooseCandidates> {
  const out: Candidate[] = [];
  const seen = new Set<string>();
  const end = below ?? Number((await sql<{ m: number | null }>`SELECT max(id) + 1 AS m FROM search_entries`.execute(db)).rows[0]?.m ?? 0);
  // Nothing indexed (or nothing below `below`): no window to search.
  if (end <= 0) return { rows: [], next: null };
  let upper = end; // ids below this are still to search
  let wantedIds = firstBuckets * ID_BUCKET;
  for (;;) {
    const window = windowBelow(upper, wantedIds);
    // One scan without buckets for the rest once few matches are expected there.
    const searched = end - upper;
    const expected = searched === 0 ? Infinity : (out.length / searched) * upper;
    const unbounded = window.lowest === 0 || expected <= FEW_MATCHES;
    const where = (bucket: number | null) => sql`e.tsv @@ CAST(${looseQuery} AS tsquery) AND e.id + 0 < ${upper}
        ${bucket === null ? sql`` : sql`AND e.id / ${sql.lit(window.size)} = ${sql.lit(bucket)}`} AND ${filterSql(filters)}`;
    // `e.id + 0`: an order the primary key cannot serve. With statistics, the planner walked the
    // primary key backwards and de-TOASTed every row's tsvector to test it; this leaves it the
    // GIN index. The counts are made for the `cap` newest rows only.
    const ids = unbounded
      ? sql`SELECT e.id FROM search_entries e WHERE ${where(null)} ORDER BY e.id + 0 DESC LIMIT ${cap}`
      : sql.join(
          window.buckets.map((b) => sql`(SELECT e.id FROM search_entries e WHERE ${where(b)} ORDER BY e.id + 0 DESC LIMIT ${cap})`),
          sql` UNION ALL `,
        );
    const rows = toCandidates(
      (
        await sql<Record<string, unknown>>`SELECT ${candidateColumns(phrases)}
          FROM (SELECT w.id FROM (${ids}) w ORDER BY w.id DESC LIMIT ${cap}) c
          JOIN search_entries e ON e.id = c.id ${rankTextsJoin}
          ORDER BY e.id DESC`.execute(db)
      ).rows,
      phrases,
    );
    for (const r of rows) {
      const key = `${r.kind}:${r.ref_id}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push(r);
      if (out.length >= cap) return { rows: out, next: r.id };
    }
    if (rows.length === cap) {
      upper = rows[rows.length - 1]!.id; // more may match in this window: go on below the last
      continue;
    }
    if (unbounded) return { rows: out, next: null };
    upper = window.lowest;
    // Matches so far over the ids searched: how many ids should hold the rest, with a margin.
    const density = out.length / Math.max(1, end - upper);
    wantedIds = density > 0 ? Math.ceil((1.5 * (cap - out.length)) / density) : MAX_COARSE * COARSE_BUCKET;
  }
}

/**
 * Keys (`kind:ref_id`) of the given entries that `tsquery` matches exactly. A document is matched
 * by any of its chunks (fts.ts indexes a long text in several rows).
 */
export async function pgConfirmed(db: Db, tsquery: string, entries: readonly Pick<Candidate, 'id' | 'kind' | 'ref_id'>[]): Promise<Set<string>> {
  if (entries.length === 0) return new Set();
  const documents = entries.filter((e) => e.kind === 'document').map((e) => e.ref_id);
  const others = entries.filter((e) => e.kind !== 'document').map((e) => e.id);
  const which = [
    ...(documents.length > 0 ? [sql`(e.kind = 'document' AND e.document_id IN (${sql.join(documents)}))`] : []),
    ...(others.length > 0 ? [sql`e.id IN (${sql.join(others)})`] : []),
  ];
  // ts_match_vq is @@ in a form the planner cannot send to the GIN index: the rows come by their
  // keys, and only their tsvectors are read.
  const rows = await sql<{ kind: string; ref_id: number }>`SELECT DISTINCT e.kind, e.ref_id FROM search_entries e
      WHERE (${sql.join(which, sql` OR `)}) AND ts_match_vq(e.tsv, CAST(${tsquery} AS tsquery))`.execute(db);
  return new Set(rows.rows.map((r) => `${r.kind}:${r.ref_id}`));
}
