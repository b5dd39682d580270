// Reading numbers and words at a position of a clause, for the deadline and target scanners.
//
// Both scanners walk a text once and try a few readers at each position. Every reader here looks
// at a bounded window (a number is at most MAX_DIGITS long, a word list has short words), so a
// scan costs a constant per position and stays linear however long or strange its input is; no
// regular expression with open repetition is run over the text.
import Nzh from 'nzh';
import { yearOf } from '../parse/dates.ts';
import { closeSpaces, halfWidthAlnum, simplifyText } from '../text/chars.ts';

/** Longer runs of digits are identifiers (phone numbers, codes), never quantities or dates. */
const MAX_DIGITS = 16;
/** Longest well-formed Chinese numeral we read (九千九百九十九 is seven characters). */
const MAX_CN = 8;

const CN_DIGIT = '一二两三四五六七八九';
const CN_ZERO = '零〇○';
const CN_UNIT: Readonly<Record<string, number>> = { 十: 10, 百: 100, 千: 1000 };

/**
 * The form the scanners read: one line (wraps joined with nothing, as Chinese text joins),
 * simplified characters, ASCII digits and letters, no spaces inside Chinese text or between a
 * number and its unit (`3 月底前` → `3月底前`, `２０２３年` → `2023年`). ASCII punctuation is not
 * widened here (the scanners treat `,` `;` `(` like `，` `；` `（`): widening is the costliest step
 * of the line normaliser, and text from the parser is already widened.
 */
export function scanForm(text: string): string {
  return closeSpaces(halfWidthAlnum(simplifyText(text.replace(/[\r\n]+/g, ''))));
}

export function isAsciiDigit(ch: string | undefined): boolean {
  return ch !== undefined && ch >= '0' && ch <= '9';
}

/** Characters a number can start with (百 for 百分之 too). */
export const NUMBER_START = `0123456789${CN_DIGIT}${CN_ZERO}十百千`;

/**
 * A table over UTF-16 code units: membership costs one array read. Scanners keep their own table
 * of the characters a reading can start at, and skip every other character without a call.
 */
export function charTable(chars: Iterable<string>): Uint8Array {
  const table = new Uint8Array(0x10000);
  for (const c of chars) table[c.charCodeAt(0)] = 1;
  return table;
}

const CN_NUMERALS = charTable([...CN_DIGIT, ...CN_ZERO, ...Object.keys(CN_UNIT)]);

export function isCnNumeral(ch: string | undefined): boolean {
  return ch !== undefined && ch !== '' && CN_NUMERALS[ch.charCodeAt(0)] === 1;
}

export function isAsciiLetter(ch: string | undefined): boolean {
  return ch !== undefined && /^[A-Za-z]$/.test(ch);
}

export interface NumberRead {
  value: number;
  /** Index just after the number. */
  end: number;
  /** Written in Arabic digits (else in Chinese numerals). */
  arabic: boolean;
  /** Count of characters as written (a year needs four digits). */
  length: number;
}

/**
 * The number that starts at `i`: Arabic digits with an optional decimal part and thousands
 * separators (1,000), or a well-formed Chinese numeral (十五, 二十一, 两, 三百零五). A position in
 * the middle of a number reads nothing, so a number is only ever read from its first character.
 */
export function readNumber(t: string, i: number): NumberRead | null {
  const ch = t[i];
  if (isAsciiDigit(ch)) {
    if (isAsciiDigit(t[i - 1]) || t[i - 1] === '.' || t[i - 1] === ',') return null;
    let j = i;
    let digits = '';
    while (j < t.length && digits.length <= MAX_DIGITS) {
      const c = t[j]!;
      if (isAsciiDigit(c)) digits += c;
      else if (c === ',' && isAsciiDigit(t[j + 1]) && isAsciiDigit(t[j + 2]) && isAsciiDigit(t[j + 3]) && !isAsciiDigit(t[j + 4])) {
        // A thousands separator only: 1,000 — not the comma of a list such as 1,2,3.
      } else break;
      j++;
    }
    if (digits.length > MAX_DIGITS) return null;
    if (t[j] === '.' && isAsciiDigit(t[j + 1])) {
      digits += '.';
      j++;
      let decimals = 0;
      while (j < t.length && isAsciiDigit(t[j]) && decimals <= 6) {
        digits += t[j];
        j++;
        decimals++;
      }
      if (decimals > 6) return null;
    }
    return { value: Number(digits), end: j, arabic: true, length: j - i };
  }
  if (!isCnNumeral(ch) || isCnNumeral(t[i - 1])) return null;
  let j = i;
  while (j < t.length && isCnNumeral(t[j]) && j - i <= MAX_CN) j++;
  if (j - i > MAX_CN) return null;
  const written = t.slice(i, j);
  // 二〇二三 is a year written digit by digit, read as 2023, not as a quantity.
  if (written.length === 4 && !/[十百千]/.test(written)) {
    const year = yearOf(written);
    return Number.isNaN(year) ? null : { value: year, end: j, arabic: false, length: 4 };
  }
  if (!wellFormedChinese(written)) return null;
  const value = Number(Nzh.cn.decodeS(written.replace(/两/g, '二').replace(/[〇○]/g, '零')));
  return Number.isFinite(value) ? { value, end: j, arabic: false, length: written.length } : null;
}

/**
 * True for a Chinese numeral in the positional form (digit, unit, digit, unit …, units falling,
 * 零 between units): 十五, 二十, 一百零五. nzh reads any string, so 十四五 (the 14th five-year plan)
 * would come out as 45; here it is no number.
 */
function wellFormedChinese(s: string): boolean {
  let lastUnit = Infinity;
  let digitBefore = false;
  for (let k = 0; k < s.length; k++) {
    const c = s[k]!;
    const unit = CN_UNIT[c];
    if (unit !== undefined) {
      if (unit >= lastUnit) return false;
      if (!digitBefore && !(unit === 10 && k === 0)) return false;
      lastUnit = unit;
      digitBefore = false;
    } else if (CN_ZERO.includes(c)) {
      if (k === 0 || k === s.length - 1 || digitBefore) return false;
    } else {
      if (digitBefore) return false;
      digitBefore = true;
    }
  }
  return s.length > 0;
}

/** The longest of `words` that starts at `i`, or null. `words` must be sorted longest first. */
export function wordAt(t: string, i: number, words: readonly string[]): string | null {
  for (const w of words) if (t.startsWith(w, i)) return w;
  return null;
}

/** The longest of `words` that ends just before `i`, or null. `words` must be sorted longest first. */
export function wordBefore(t: string, i: number, words: readonly string[]): string | null {
  for (const w of words) if (i >= w.length && t.startsWith(w, i - w.length)) return w;
  return null;
}

/** The characters the words start with: a scanner asks wordAt only where one of them stands. */
export function firstChars(words: readonly string[]): ReadonlySet<string> {
  return new Set(words.map((w) => w[0]!));
}

/** Sorts a word list longest first, so that wordAt/wordBefore prefer 不超过 to 超过 and 超过 to 超. */
export function longestFirst(words: readonly string[]): readonly string[] {
  return [...new Set(words)].sort((a, b) => b.length - a.length);
}

/** Ends a clause: the marks between which a deadline or a target is read. */
const CLAUSE_BREAK = charTable('，。；：、！？（）〔〕【】《》“”,;:!?()[]\n');

export function isClauseBreak(ch: string | undefined): boolean {
  return ch === undefined || ch === '' || CLAUSE_BREAK[ch.charCodeAt(0)] === 1;
}

/** Ends a sentence: a target's year (到2025年，…) holds until here. */
export function isSentenceBreak(ch: string | undefined): boolean {
  return ch === '。' || ch === '；' || ch === '！' || ch === '？' || ch === ';' || ch === '!' || ch === '?' || ch === '\n';
}

/** Start of the clause that holds position `i`, looking back at most `limit` characters. */
export function clauseStart(t: string, i: number, limit: number): number {
  let k = i;
  while (k > 0 && i - k < limit && !isClauseBreak(t[k - 1])) k--;
  return k;
}

/** End of the clause that holds position `i`, looking ahead at most `limit` characters. */
export function clauseEnd(t: string, i: number, limit: number): number {
  let k = i;
  while (k < t.length && k - i < limit && !isClauseBreak(t[k])) k++;
  return k;
}

/** Index of `word` starting in [from, from + limit), or -1: indexOf without running to the end of a long text. */
export function indexWithin(t: string, word: string, from: number, limit: number): number {
  const stop = Math.min(t.length, from + limit);
  for (let k = from; k < stop; k++) if (t.startsWith(word, k)) return k;
  return -1;
}
