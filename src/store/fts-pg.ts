// PostgreSQL: the candidates search ranks (search.ts, with rank.ts as on SQLite), in two steps.
//
// A tsquery with phrases (<->) makes the GIN index uncertain: every row it returns is rechecked
// against its tsvector, which PostgreSQL must de-TOAST (8–80 kB for a document; bigrams hardly
// compress). Checking the phrases of the 200 newest matches that way cost 10–80 ms. So:
//   1. pgLooseCandidates: the newest entries holding every token of the query, phrases loosened to
//      AND, which the index decides alone (no recheck, no tsvector read), with their phrase counts;
//   2. pgConfirmed: of some entries, those the exact query matches. Search asks it only for the
//      best-ranked entries it is about to return whose own text does not already show the phrase.
import { sql, type Kysely, type Transaction } from 'kysely';
import { candidateColumns, filterSql, toCandidates, type Candidate, type MatchFilters } from './fts.ts';
import type { Database } from './schema.ts';

type Db = Kysely<Database> | Transaction<Database>;

/** The tsquery with each phrase loosened to its tokens ANDed: a superset the GIN index answers without recheck. */
export function loosenTsQuery(tsquery: string): string {
  return tsquery.replaceAll(' <-> ', ' & ');
}

/**
 * The window of the newest entries (by id) searched first: a common query finds its candidates
 * among the newest few thousand rows, so the index hands over only those and the heap is read
 * for those rows only. When it held too few, the next step has no bound (MAX_STEPS = 2: with 4
 * steps, each widened by the density the window showed, a rare query paid ~9 ms of index scan a
 * step).
 */
const FIRST_WINDOW = 4_000;
const MAX_STEPS = 2;
/**
 * The GIN index holds id / ID_BUCKET beside the tsvector (migration 0003, btree_gin), so a window
 * is applied inside the index as a handful of keys (one key per id made a window of 36,000 ids a
 * scan of as many index entries: 11 ms); the exact bounds are then checked on the rows.
 */
export const ID_BUCKET = 1024;

export interface LooseCandidates {
  /** Newest first, one row per entry (a long text's chunks count once). */
  rows: Candidate[];
  /** Where to go on for older candidates (pass as `below`), or null when none are left. */
  next: number | null;
}

/**
 * The `cap` newest entries whose tsvector holds every token of `tsquery` (phrases loosened), with
 * ids below `below` when given, unranked (score 0), with the counts of `phrases` (rank.ts).
 */
export async function pgLooseCandidates(db: Db, tsquery: string, filters: MatchFilters, cap: number, phrases: readonly string[], below?: number, firstWindow = FIRST_WINDOW): Promise<LooseCandidates> {
  const loose = loosenTsQuery(tsquery);
  const out: Candidate[] = [];
  const seen = new Set<string>();
  const max = below ?? Number((await sql<{ m: number | null }>`SELECT max(id) + 1 AS m FROM search_entries`.execute(db)).rows[0]?.m ?? 0);
  let upper = max;
  let step = 0;
  let window = firstWindow;
  for (;;) {
    const lower = step + 1 >= MAX_STEPS || window >= max ? null : max - window;
    // `e.id + 0`: bounds and order the primary key cannot serve. With statistics, the planner
    // walked the primary key backwards through the window and de-TOASTed every row's tsvector to
    // test it (4,000 rows, 30 ms); this leaves it the GIN index.
    const bounds =
      lower === null
        ? sql`e.id + 0 < ${upper}`
        : sql`e.id + 0 < ${upper} AND e.id + 0 > ${lower} AND e.id / ${sql.lit(ID_BUCKET)} BETWEEN ${Math.floor(lower / ID_BUCKET)} AND ${Math.floor(upper / ID_BUCKET)}`;
    // The newest ids first, then the counts for those rows only (the bitmap scan returns every
    // match in the window; counting them all undid the compression of hundreds of heads).
    const rows = toCandidates(
      (
        await sql<Record<string, unknown>>`SELECT ${candidateColumns(phrases)}
          FROM (SELECT e.id FROM search_entries e
            WHERE e.tsv @@ CAST(${loose} AS tsquery) AND ${bounds} AND ${filterSql(filters)}
            ORDER BY e.id + 0 DESC LIMIT ${cap}) c
          JOIN search_entries e ON e.id = c.id
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
      upper = rows[rows.length - 1]!.id; // more may match inside this window
      continue;
    }
    if (lower === null) return { rows: out, next: null };
    upper = lower + 1;
    step++;
    // Matches so far over the ids searched: how much further the rest should lie, with a margin.
    window += out.length > 0 ? Math.max(window / 4, (1.5 * window * (cap - out.length)) / out.length) : 9 * window;
    window = Math.ceil(window);
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
