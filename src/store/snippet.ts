// Highlighted snippets: the window of a text around the first match of the query, with every
// match inside it marked. Made from the stored text, not the index (which holds bigrams), and
// matched the way the index matches: the letters of a term in order, whatever punctuation,
// brackets or spaces stand between its runs (通政办发[2023]63号 marks 通政办发〔2023〕63号).
import { eachRun, type QueryTerm } from './tokens.ts';

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const GAP = '[^\\p{Script=Han}0-9A-Za-z]{0,3}';

function patternOf(text: string): string | null {
  const runs: string[] = [];
  eachRun(text, (run) => runs.push(escapeRegExp(run)));
  return runs.length === 0 ? null : runs.join(GAP);
}

type Highlighter = { exact: RegExp | null; any: RegExp | null };

/**
 * The patterns of a query's terms, made once per terms list: search makes a snippet for each of
 * its hits from the same parsed query, and compiling these Unicode-property expressions again for
 * every hit was a tenth of a search's JavaScript. Safe to share: makeSnippet is synchronous and
 * resets `any`'s lastIndex before each use.
 */
const highlighters = new WeakMap<readonly QueryTerm[], Highlighter>();

/** Patterns for the exact terms, and for any term or word of the query (longest first). */
export function highlighter(terms: readonly QueryTerm[]): Highlighter {
  let made = highlighters.get(terms);
  if (!made) {
    made = makeHighlighter(terms);
    highlighters.set(terms, made);
  }
  return made;
}

function makeHighlighter(terms: readonly QueryTerm[]): Highlighter {
  const byLength = (a: string, b: string) => b.length - a.length;
  const exact = terms.map((t) => patternOf(t.text)).filter((p): p is string => p !== null).sort(byLength);
  const words = terms.flatMap((t) => t.words.map((w) => patternOf(w.text))).filter((p): p is string => p !== null);
  const all = [...exact, ...words].sort(byLength);
  return {
    exact: exact.length > 0 ? new RegExp(exact.join('|'), 'iu') : null,
    any: all.length > 0 ? new RegExp(all.join('|'), 'giu') : null,
  };
}

/**
 * A window of about `width` characters around the first exact match (else the first word
 * match, else the start), HTML-escaped, matches in <mark>…</mark>, … where the text is cut.
 */
export function makeSnippet(text: string, terms: readonly QueryTerm[], width = 80): string {
  const flat = text.replace(/\s*\n\s*/g, ' ');
  const { exact, any } = highlighter(terms);
  let at = exact?.exec(flat)?.index ?? -1;
  if (at < 0 && any) {
    any.lastIndex = 0;
    at = any.exec(flat)?.index ?? -1;
  }
  const start = at < 0 ? 0 : Math.max(0, at - Math.floor(width / 4));
  const end = Math.min(flat.length, start + width);
  const window = flat.slice(start, end);
  let out = '';
  let last = 0;
  if (any) {
    any.lastIndex = 0;
    for (const m of window.matchAll(any)) {
      if (m[0] === '') continue;
      out += escapeHtml(window.slice(last, m.index)) + `<mark>${escapeHtml(m[0])}</mark>`;
      last = m.index + m[0].length;
    }
  }
  out += escapeHtml(window.slice(last));
  return `${start > 0 ? '…' : ''}${out}${end < flat.length ? '…' : ''}`;
}
