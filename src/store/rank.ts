// BM25 over a bounded candidate set, on both engines. FTS5's bm25() reads, for its IDF, the whole
// index once per phrase of the query and then ranks every matching row: 100–500 ms for the common
// queries at 100,000 documents; PostgreSQL ships no BM25 at all. Search instead takes the most
// recent matches the index returns (it stops after CANDIDATES) and ranks them with FTS5's formula:
// phrase frequencies counted in what the entry keeps for ranking (rank_texts.rank_title, whose
// matches weigh TITLE_WEIGHT, and rank_text, a document's first RANK_CHARS characters), lengths in
// characters, and the collection statistics (IDF, average length) of the candidates.
//
// The engine counts (rankCountsSql), the application does the arithmetic: bringing 200 heads of
// 2,000 Chinese characters into JavaScript cost 10 ms of UTF-8 decoding alone.
import { sql, type RawBuilder } from 'kysely';
import type { QueryTerm } from './tokens.ts';
import { searchable, surePhrase } from './tokens.ts';

/**
 * Ranking reads a document's first this many characters (its title always counts). Reading the
 * whole text of 200 long documents (2.3 million characters for 突发重大动物疫情) took 30 ms; the
 * head of a government document states its subject (purpose, scope, principles). Lucene capped a
 * field at 10,000 tokens by default for the same reason. 3,000 characters: p95 22 ms at 100,000
 * documents, 2,000: 18 ms (bench/store.ts).
 */
export const RANK_CHARS = 2000;

/**
 * The form text is kept in for ranking and phrases are counted in: full-width letters and digits
 * folded, lower-cased. The writer stores rank_title and rank_text in it; needles take it too.
 */
export function rankForm(text: string): string {
  return searchable(text).toLowerCase();
}

/** The first RANK_CHARS characters of `text` (code points, as SQL's substr counts them). */
export function headOf(text: string): string {
  if (text.length <= RANK_CHARS) return text;
  return Array.from(text.slice(0, 2 * RANK_CHARS)).slice(0, RANK_CHARS).join('');
}

const K1 = 1.2;
const B = 0.75;

/**
 * A phrase as it is counted in the kept text: the term as written (a 文号 is already in the
 * contract's form), in rankForm, spaces removed. A phrase the index matched across punctuation or
 * spaces (7 月 14 日) counts 0 here and the row is ranked by its other phrases.
 */
function needle(text: string): string {
  return rankForm(text).replace(/\s+/g, '');
}

function occurrences(text: string, needle: string): number {
  if (needle === '') return 0;
  let n = 0;
  for (let i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + needle.length)) n++;
  return n;
}

/** The phrases of a query as FTS5 sees them: each term's written form, and each of its loose words. */
export function queryPhrases(terms: readonly QueryTerm[]): string[] {
  const out = new Set<string>();
  for (const t of terms) {
    out.add(needle(t.text));
    for (const w of t.words) out.add(needle(w.text));
  }
  out.delete('');
  return [...out];
}

/** How often each phrase occurs in an entry's kept title and text, and the length of both. */
export interface RankCounts {
  titleHits: number[];
  bodyHits: number[];
  length: number;
}

/** The counts of `phrases` in a title and text already in rankForm (the engines' SQL does the same). */
export function countPhrases(title: string, body: string, phrases: readonly string[]): RankCounts {
  return {
    titleHits: phrases.map((p) => occurrences(title, p)),
    bodyHits: phrases.map((p) => occurrences(body, p)),
    length: Array.from(title).length + Array.from(body).length,
  };
}

/**
 * SQL giving, for the ranking texts aliased `r`, the counts of `phrases` in r.rank_title and r.rank_text as
 * columns t0…, b0… and their length as rank_length: the same numbers as countPhrases, made by the
 * engine (replace() removes non-overlapping occurrences left to right, as occurrences counts).
 */
export function rankCountsSql(phrases: readonly string[]): RawBuilder<unknown> {
  // In bytes: octet_length reads a stored length, length() counts the characters.
  const count = (column: string, p: string) => sql`(octet_length(${sql.ref(column)}) - octet_length(replace(${sql.ref(column)}, ${p}, ''))) / ${sql.lit(Buffer.byteLength(p))}`;
  const parts = [sql`length(r.rank_title) + length(r.rank_text) AS rank_length`];
  phrases.forEach((p, i) => {
    parts.push(sql`${count('r.rank_title', p)} AS ${sql.raw(`t${i}`)}`);
    parts.push(sql`${count('r.rank_text', p)} AS ${sql.raw(`b${i}`)}`);
  });
  return sql.join(parts);
}

/** Reads back the columns of rankCountsSql (drivers may return numbers as strings). */
export function readCounts(row: Record<string, unknown>, phraseCount: number): RankCounts {
  const at = (k: string) => Number(row[k] ?? 0);
  return {
    titleHits: Array.from({ length: phraseCount }, (_, i) => at(`t${i}`)),
    bodyHits: Array.from({ length: phraseCount }, (_, i) => at(`b${i}`)),
    length: at('rank_length'),
  };
}

/** BM25 score of each row (higher is better), with IDF and average length taken over `rows`. */
export function bm25FromCounts(rows: readonly RankCounts[], titleWeight: number): number[] {
  const n = rows.length;
  if (n === 0) return [];
  const phraseCount = rows[0]!.bodyHits.length;
  const hits = Array.from({ length: phraseCount }, () => 0);
  const freq = rows.map((r) =>
    r.bodyHits.map((b, i) => {
      const f = titleWeight * r.titleHits[i]! + b;
      if (f > 0) hits[i]!++;
      return f;
    }),
  );
  const avg = rows.reduce((a, r) => a + r.length, 0) / n || 1;
  // Lucene's form of the IDF: positive even for a phrase every candidate holds.
  const idf = hits.map((h) => Math.log(1 + (n - h + 0.5) / (h + 0.5)));
  return freq.map((fs, k) => {
    const norm = K1 * (1 - B + (B * rows[k]!.length) / avg);
    return fs.reduce((s, f, i) => s + (idf[i]! * f * (K1 + 1)) / (f + norm), 0);
  });
}

/**
 * True when an entry's kept text is sure to match the query exactly, by its counts: every term's
 * phrase (or each of its loose words) occurs in rank_text, or in a document's rank_title (the
 * title and 文号 exactly as indexed), and is a surePhrase. False means not known; the engine
 * decides (PostgreSQL search, fts-pg.ts pgConfirmed).
 */
export function shownByCounts(terms: readonly QueryTerm[], phrases: readonly string[], counts: RankCounts, kind: string): boolean {
  const shows = (written: string) => {
    const at = phrases.indexOf(needle(written));
    if (at < 0 || !surePhrase(written)) return false;
    return counts.bodyHits[at]! > 0 || (kind === 'document' && counts.titleHits[at]! > 0);
  };
  return terms.length > 0 && terms.every((t) => shows(t.text) || (t.words.length > 0 && t.words.every((w) => shows(w.text))));
}
