// PostgreSQL: the newest matches of a query, unranked (search.ts ranks them with rank.ts, as on
// SQLite). A tsquery with phrases (<->) makes the GIN index uncertain: every row it returns is
// rechecked against its tsvector, which PostgreSQL must de-TOAST (8–50 kB for a document; bigrams
// hardly compress), and ts_rank_cd read it again; a common query paid that for thousands of rows.
// Here the index answers the query with its phrases loosened to AND (all the tokens, anywhere),
// which it decides alone, the newest rows come off that set by id, and only those are checked
// against the real query.
import { sql, type Kysely, type Transaction } from 'kysely';
import { filterSql, type MatchFilters, type MatchRow } from './fts.ts';
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
 * step; 2 steps: p50 41 → 33 ms at 37,250 documents).
 */
const FIRST_WINDOW = 4_000;
const MAX_STEPS = 2;
/**
 * The GIN index holds id / ID_BUCKET beside the tsvector (migration 0003, btree_gin), so a window
 * is applied inside the index as a handful of keys (one key per id made a window of 36,000 ids a
 * scan of as many index entries: 11 ms); the exact bounds are then checked on the rows.
 */
export const ID_BUCKET = 1024;

/**
 * The `cap` newest entries matching `tsquery`, newest first, unranked (score 0); a long text's
 * chunks count once. Candidates come from the loosened query (no recheck), newest first, in
 * batches of at least `cap`; only those are checked against the exact query, and an older batch
 * or a wider window is read only while too few passed.
 */
export async function pgCandidateEntries(db: Db, tsquery: string, filters: MatchFilters, cap: number, firstWindow = FIRST_WINDOW): Promise<MatchRow[]> {
  const loose = loosenTsQuery(tsquery);
  const exactNeeded = loose !== tsquery;
  const out: MatchRow[] = [];
  const seen = new Set<string>();
  const max = Number((await sql<{ m: number | null }>`SELECT max(id) AS m FROM search_entries`.execute(db)).rows[0]?.m ?? 0);
  let below = max + 1;
  let step = 0;
  let window = firstWindow;
  let batch = Math.max(cap, 200);
  for (;;) {
    const lower = step + 1 >= MAX_STEPS || window >= max ? null : max - window;
    // `e.id + 0`: bounds and order the primary key cannot serve. With statistics, the planner
    // walked the primary key backwards through the window and de-TOASTed every row's tsvector to
    // test it (4,000 rows, 30 ms); this leaves it the GIN index.
    const bounds =
      lower === null
        ? sql`e.id + 0 < ${below}`
        : sql`e.id + 0 < ${below} AND e.id + 0 > ${lower} AND e.id / ${sql.lit(ID_BUCKET)} BETWEEN ${Math.floor(lower / ID_BUCKET)} AND ${Math.floor(below / ID_BUCKET)}`;
    // One statement: the newest loose matches, and for those rows only, whether they match the
    // exact query. ts_match_vq is @@ in a form the planner cannot send to the GIN index (through
    // the index it rechecked every match of the phrases in the store: 3,600 rows, 70 ms).
    const rows = (
      await sql<MatchRow & { ok: boolean }>`SELECT c.id, c.kind, c.ref_id, c.document_id, c.source_file_id, c.title, c.date, 0 AS score,
          ${exactNeeded ? sql`ts_match_vq(c.tsv, to_tsquery('simple', ${tsquery}))` : sql`true`} AS ok
        FROM (SELECT e.id, e.kind, e.ref_id, e.document_id, e.source_file_id, e.title, e.date, e.tsv
          FROM search_entries e
          WHERE e.tsv @@ to_tsquery('simple', ${loose}) AND ${bounds} AND ${filterSql(filters)}
          ORDER BY e.id + 0 DESC LIMIT ${batch}) c
        ORDER BY c.id DESC`.execute(db)
    ).rows;
    const full = rows.length === batch; // more may match inside this window
    const kept: MatchRow[] = rows.filter((r) => r.ok).map(({ ok: _, ...r }) => r);
    // Few of the loose matches hold the phrases: read more at a time.
    if (kept.length * 2 < rows.length) batch *= 4;
    for (const r of kept) {
      const key = `${r.kind}:${r.ref_id}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push(r);
      if (out.length >= cap) return out;
    }
    if (full) {
      below = rows[rows.length - 1]!.id;
      continue;
    }
    if (lower === null) return out;
    below = lower + 1;
    step++;
    // Matches so far over the ids searched: how much further the rest should lie, with a margin.
    window += out.length > 0 ? Math.max(window / 4, (1.5 * window * (cap - out.length)) / out.length) : 9 * window;
    window = Math.ceil(window);
  }
}
