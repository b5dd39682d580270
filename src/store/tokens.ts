// Search tokens, made in the application so that SQLite FTS5 and PostgreSQL index the same thing.
//
// Index side: every run of Han characters becomes its overlapping bigrams (知识产权 → 知识 识产
// 产权); a run of one character is that character; runs of ASCII letters and digits are one token
// each (lower-cased); everything else separates. Tokens are written space-separated, which both
// engines split on (FTS5 unicode61, PostgreSQL's 'simple' configuration).
//
// Why bigrams and not jieba words in the index: a query must find a string wherever it occurs,
// and jieba cuts the same characters differently in different contexts (see docs/decisions and
// bench/store-recall.ts for the measurement). A phrase of bigrams matches exactly the documents
// that contain the string, whatever the punctuation or bracket style between its parts.
import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';
import { halfWidthAlnum, isHan, simplifyText } from '../text/chars.ts';
import { adjacencyKeys } from './adjacency-keys.ts';

export interface Token {
  text: string;
  /** Matches any indexed token that starts with `text` (a lone Han character, see queryTokens). */
  prefix: boolean;
}

const ALNUM = /[0-9A-Za-z]/;

/** Calls `emit` for each run of Han characters or of ASCII letters/digits in `text`, in order. */
export function eachRun(text: string, emit: (run: string, han: boolean) => void): void {
  let run = '';
  let han = false;
  for (const ch of text) {
    const h = isHan(ch);
    const a = !h && ALNUM.test(ch);
    if ((h || a) && run !== '' && h === han) {
      run += ch;
      continue;
    }
    if (run !== '') emit(run, han);
    run = h || a ? ch : '';
    han = h;
  }
  if (run !== '') emit(run, han);
}

/** Normalised text for indexing and matching: full-width letters and digits become ASCII. */
export function searchable(text: string): string {
  return halfWidthAlnum(text);
}

/** 1 Han (BMP), 2 ASCII letter or digit, 3 high surrogate (decided by the code point), 0 other. */
function classOf(c: number): number {
  if (c < 0x80) return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) ? 2 : 0;
  if ((c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf) || (c >= 0xf900 && c <= 0xfaff)) return 1;
  if (c >= 0xd800 && c <= 0xdbff) return 3;
  return 0;
}

/**
 * The index tokens of `text`, space-separated. One pass over char codes without allocation per
 * character (this runs over every imported character; a for…of with a regular expression per
 * character ran at 5 MB/s).
 */
export function indexTokens(input: string): string {
  const text = searchable(input);
  const n = text.length;
  let out = '';
  let i = 0;
  while (i < n) {
    let cls = classOf(text.charCodeAt(i));
    let width = 1;
    if (cls === 3) {
      const cp = text.codePointAt(i)!;
      cls = cp >= 0x20000 && cp <= 0x2ffff ? 1 : 0;
      width = 2;
    }
    if (cls === 0) {
      i += width;
      continue;
    }
    if (cls === 2) {
      let j = i + 1;
      while (j < n && classOf(text.charCodeAt(j)) === 2) j++;
      out += (out === '' ? '' : ' ') + text.slice(i, j).toLowerCase();
      i = j;
      continue;
    }
    // A Han run: bigrams of consecutive characters (a character may be two code units).
    let start = i;
    let j = i + width;
    let single = true;
    for (;;) {
      if (j >= n) break;
      let w = 1;
      let c = classOf(text.charCodeAt(j));
      if (c === 3) {
        const cp = text.codePointAt(j)!;
        c = cp >= 0x20000 && cp <= 0x2ffff ? 1 : 0;
        w = 2;
      }
      if (c !== 1) break;
      out += (out === '' ? '' : ' ') + text.slice(start, j + w);
      single = false;
      start = j;
      j += w;
    }
    if (single) out += (out === '' ? '' : ' ') + text.slice(start, j);
    i = j;
  }
  return out;
}

/**
 * The tokens a phrase must match, in order. A Han run of one character at the end of the phrase
 * is a prefix token: in the index that character is either alone (日 at the end of 7月14日) or the
 * start of a bigram (日召开 → 日召). Inside the phrase it is followed by letters or digits, so the
 * text that holds the phrase indexes it alone (月 in 7月14日) and it is matched exactly: a prefix
 * there made the engine merge the lists of every bigram starting with 月 (half the time of 7月14日
 * at 100,000 documents). It misses only a lone character at the very start of a query that the
 * text writes after another Han character (月14日 in 上月14日) — engines have no suffix match.
 */
export function queryTokens(text: string): Token[] {
  const out: Token[] = [];
  eachRun(searchable(text), (run, han) => {
    if (!han) {
      out.push({ text: run.toLowerCase(), prefix: false });
      return;
    }
    const chars = Array.from(run);
    if (chars.length === 1) out.push({ text: run, prefix: true });
    else for (let i = 0; i + 1 < chars.length; i++) out.push({ text: chars[i]! + chars[i + 1]!, prefix: false });
  });
  for (let i = 0; i + 1 < out.length; i++) out[i]!.prefix = false;
  return out;
}

let jieba: Jieba | null = null;
function segmenter(): Jieba {
  jieba ??= Jieba.withDict(dict);
  return jieba;
}

/** Dictionary words of a query term (jieba, precise mode), without punctuation. */
export function queryWords(term: string): string[] {
  return segmenter()
    .cut(searchable(term), false)
    .filter((w) => Array.from(w).some((ch) => isHan(ch) || ALNUM.test(ch)));
}

/** One term of a query: its exact phrase, and (unquoted terms) the words any of whose order also matches. */
export interface QueryTerm {
  /** The term as the user wrote it (for highlighting). */
  text: string;
  phrase: Token[];
  /** Words that must all occur (any order, anywhere) for a loose match; empty for a quoted phrase. */
  words: { text: string; tokens: Token[] }[];
  quoted: boolean;
}

export interface ParsedQuery {
  terms: QueryTerm[];
  /** Document numbers written in the query, in the contract's form (〔〕, no spaces), most specific first. */
  docNumbers: string[];
}

const QUOTED = /["“”「」『』]([^"“”「」『』]+)["“”「」『』]/g;
const DOC_NUMBER_LOOSE = /([\u4e00-\u9fff]{1,16})\s*[〔［[（(【]\s*(\d{4})\s*[〕］\]）)】]\s*第?\s*(\d{1,5})\s*号?/g;
/** The same without the g flag: test() on a global expression would move its lastIndex. */
const HAS_DOC_NUMBER = new RegExp(DOC_NUMBER_LOOSE.source);

/** Candidate 文号 for a loosely written number: the Han code may carry words before it (关于通政办发…). */
function docNumberCandidates(code: string, year: string, serial: string): string[] {
  const chars = Array.from(code);
  const out: string[] = [];
  for (let start = 0; start <= chars.length - 2; start++) out.push(`${chars.slice(start).join('')}〔${year}〕${Number(serial)}号`);
  return out;
}

/**
 * The words of an unquoted term that, all present in any order, also make a match
 * (知识产权融资 finds …知识产权质押融资…). Only words that carry meaning on their own count:
 * two or more Han characters, or a number of three or more digits (a year). Single characters
 * and short numbers are everywhere, so a term made of them (7月14日), or a 文号, matches only
 * as written. Fewer than two such words: no loose match.
 */
function looseWords(term: string): QueryTerm['words'] {
  if (HAS_DOC_NUMBER.test(term)) return [];
  const words = queryWords(term)
    .filter((w) => (/^[0-9a-z]+$/i.test(w) ? w.length >= 3 : Array.from(w).filter(isHan).length >= 2))
    .map((w) => ({ text: w, tokens: queryTokens(w) }));
  return words.length > 1 ? words : [];
}

/** Reads what the user typed: "quoted phrases", other terms split at spaces, and 文号 in any spelling. */
export function parseQuery(input: string): ParsedQuery {
  const text = simplifyText(searchable(input)).trim();
  const docNumbers: string[] = [];
  for (const m of text.matchAll(DOC_NUMBER_LOOSE)) docNumbers.push(...docNumberCandidates(m[1]!, m[2]!, m[3]!));

  const terms: QueryTerm[] = [];
  const rest = text.replace(QUOTED, (_, phrase: string) => {
    const tokens = queryTokens(phrase);
    if (tokens.length > 0) terms.push({ text: phrase, phrase: tokens, words: [], quoted: true });
    return ' ';
  });
  // A 文号 is one term in its written form: 通政办发〔2023〕63 号 and 通政办发(2023)第63号 are
  // 通政办发〔2023〕63号, so the phrase matches the text and the snippet marks it.
  const glued = rest.replace(DOC_NUMBER_LOOSE, (_m, code: string, year: string, serial: string) => `${code}〔${year}〕${Number(serial)}号`);
  for (const part of glued.split(/[\s\u3000]+/)) {
    const tokens = queryTokens(part);
    if (tokens.length === 0) continue;
    terms.push({ text: part, phrase: tokens, words: looseWords(part), quoted: false });
  }
  return { terms, docNumbers };
}

/** FTS5 MATCH syntax for a phrase: "a b c" with a trailing * where a token is a prefix. */
function fts5Phrase(tokens: readonly Token[]): string {
  const parts: string[] = [];
  let run: string[] = [];
  for (const t of tokens) {
    run.push(t.text);
    if (t.prefix) {
      parts.push(`"${run.join(' ')}"*`);
      run = [];
    }
  }
  if (run.length > 0) parts.push(`"${run.join(' ')}"`);
  return parts.join(' + ');
}

/** The query as an FTS5 MATCH expression, or null when it holds nothing searchable. */
export function toFts5(query: ParsedQuery): string | null {
  if (query.terms.length === 0) return null;
  return query.terms
    .map((t) => {
      const exact = fts5Phrase(t.phrase);
      if (t.words.length === 0) return exact;
      return `(${exact} OR (${t.words.map((w) => fts5Phrase(w.tokens)).join(' AND ')}))`;
    })
    .join(' AND ');
}

/** Tokens joined by `op` (<-> for a phrase, & for all of them); tokens (and adjacency keys) are Han characters, letters, digits and _ only, so quoting them needs no escaping. */
function tsTokens(tokens: readonly Token[], op: string): string {
  const body = tokens.map((t) => `'${t.text}'${t.prefix ? ':*' : ''}`).join(` ${op} `);
  return tokens.length > 1 ? `(${body})` : body;
}

/**
 * The query as a PostgreSQL tsquery literal (cast with ::tsquery: the tokens are the index's own,
 * see tsvector.ts), or null when it holds nothing searchable: terms ANDed, each its phrase or
 * (unquoted terms) all of its loose words.
 */
export function toTsQuery(query: ParsedQuery): string | null {
  if (query.terms.length === 0) return null;
  const phrase = (tokens: readonly Token[]) => tsTokens(tokens, '<->');
  return query.terms
    .map((t) => (t.words.length === 0 ? phrase(t.phrase) : `(${phrase(t.phrase)} | (${t.words.map((w) => phrase(w.tokens)).join(' & ')}))`))
    .join(' & ');
}

/**
 * Whether `written`, found as a string in a text, is sure to be matched there by its phrase query:
 * it holds only Han runs of two or more characters and separators other than spaces. Such a string
 * is indexed as the same bigrams at consecutive positions wherever it stands; a number or a lone
 * Han character may be glued to its neighbours in the text and indexed as part of another token
 * (7 in 17月, 月 in 上月), and a space is dropped from the needle that ranking counts.
 */
export function surePhrase(written: string): boolean {
  if (/\s/.test(written)) return false;
  let han = 0;
  let sure = true;
  eachRun(searchable(written), (run, isHanRun) => {
    if (!isHanRun || Array.from(run).length < 2) sure = false;
    else han++;
  });
  return sure && han > 0;
}

/**
 * The query as a PostgreSQL tsquery that holds every token of each phrase anywhere, in any order:
 * a superset of toTsQuery's matches that the GIN index decides without recheck (fts-pg.ts). A
 * prefix token (a last lone Han character, 日 in 7月14日) is left out when the phrase has other
 * tokens: as a prefix the index merges the posting lists of every bigram starting with it (日召,
 * 日起, 日前 …), seconds at 100,000 documents; the exact query checks it on the few candidates.
 * A term with loose words needs only its words' tokens: they are bigrams of the term itself, so
 * an entry holding every token of the phrase holds those too, and "phrase or words" loosens to
 * "the words' tokens". Fewer keys, fewer posting lists for the index to walk (11 → 4 for
 * 突发重大动物疫情). A phrase also asks for the adjacency keys of its numbers (adjacency-keys.ts:
 * 7月14, 14_日), which the index holds for every entry (migration 0007).
 */
export function toLooseTsQuery(query: ParsedQuery): string | null {
  if (query.terms.length === 0) return null;
  return query.terms
    .map((t) => {
      const tokens = t.words.length > 0 ? t.words.flatMap((w) => w.tokens) : t.phrase;
      const kept = tokens.filter((k) => !k.prefix);
      const keys = t.words.length > 0 ? [] : adjacencyKeys(t.phrase.map((k) => k.text)).map((text) => ({ text, prefix: false }));
      const unique = [...new Map([...(kept.length > 0 ? kept : tokens), ...keys].map((k) => [`${k.text}${k.prefix ? '*' : ''}`, k])).values()];
      return tsTokens(unique, '&');
    })
    .join(' & ');
}
