// BM25 over a bounded candidate set (SQLite). FTS5's bm25() reads, for its IDF, the whole index
// once per phrase of the query and then ranks every matching row: 100–500 ms for the common
// queries at 100,000 documents. Search instead takes the most recent matches the index returns
// (it stops after CANDIDATES) and ranks them here, with FTS5's formula: phrase frequencies counted
// in the stored text (title matches weigh TITLE_WEIGHT; a document's first RANK_CHARS characters),
// lengths in characters, and the collection statistics (IDF, average length) of the candidates.
import type { QueryTerm } from './tokens.ts';
import { searchable } from './tokens.ts';

const K1 = 1.2;
const B = 0.75;

export interface Rankable {
  /** Text whose matches weigh most (title and 文号, a person and post, a chronicle date). */
  title: string;
  body: string;
}

/**
 * A phrase as it is looked for in the stored text: the term as written (a 文号 is already in the
 * contract's form), full-width letters and digits folded, spaces removed, lower-cased. Counting a
 * string in the raw text with indexOf keeps ranking 200 candidates at a few milliseconds; a phrase
 * the index matched across punctuation or spaces (7 月 14 日) counts 0 here and the row is ranked
 * by its other phrases.
 */
function needle(text: string): string {
  return searchable(text).replace(/\s+/g, '').toLowerCase();
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

const ASCII_LETTER = /[a-z]/;

/** BM25 score of each row (higher is better), with IDF and average length taken over `rows`. */
export function bm25Scores(rows: readonly Rankable[], terms: readonly QueryTerm[], titleWeight: number): number[] {
  const phrases = queryPhrases(terms);
  const n = rows.length;
  if (n === 0) return [];
  const freq: number[][] = [];
  const lengths: number[] = [];
  const hits = phrases.map(() => 0);
  const folds = phrases.some((p) => ASCII_LETTER.test(p));
  for (const r of rows) {
    const title = searchable(r.title).toLowerCase();
    const body = folds ? searchable(r.body).toLowerCase() : r.body;
    lengths.push(title.length + body.length);
    freq.push(
      phrases.map((p, i) => {
        const f = titleWeight * occurrences(title, p) + occurrences(body, p);
        if (f > 0) hits[i]!++;
        return f;
      }),
    );
  }
  const avg = lengths.reduce((a, b) => a + b, 0) / n || 1;
  // Lucene's form of the IDF: positive even for a phrase every candidate holds.
  const idf = hits.map((h) => Math.log(1 + (n - h + 0.5) / (h + 0.5)));
  return freq.map((fs, k) => {
    const norm = K1 * (1 - B + (B * lengths[k]!) / avg);
    return fs.reduce((s, f, i) => s + (idf[i]! * f * (K1 + 1)) / (f + norm), 0);
  });
}
