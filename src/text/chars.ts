// Character classes and the line-level normalisation every later stage relies on.
// All functions here are pure and linear in the length of their input.
import { toSimplified } from './simplify.ts';

/** Han ideographs (BMP and the common extension blocks) and the CJK symbol/punctuation block. */
export function isHan(ch: string): boolean {
  const c = ch.codePointAt(0) ?? 0;
  return (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf) || (c >= 0xf900 && c <= 0xfaff) || (c >= 0x20000 && c <= 0x2ffff);
}

/** Full-width punctuation and brackets used in Chinese running text. */
export const CJK_PUNCT = '，。、；：？！…—～·“”‘’（）《》〈〉【】〔〕「」『』';

export function isCjkPunct(ch: string): boolean {
  return CJK_PUNCT.includes(ch);
}

/** A character next to which a space carries no meaning in Chinese text. */
export function isCjkContext(ch: string | undefined): boolean {
  return ch !== undefined && ch !== '' && (isHan(ch) || isCjkPunct(ch));
}

export function isSpace(ch: string | undefined): boolean {
  if (ch === undefined || ch === '') return false;
  const c = ch.charCodeAt(0);
  return c === 0x20 || c === 0x09 || c === 0xa0 || c === 0x3000 || (c >= 0x2000 && c <= 0x200b) || c === 0x202f || c === 0x205f || c === 0xfeff;
}

/** Sentence-final punctuation: a line ending in one of these ends its paragraph. */
export const TERMINAL = '。！？；：!?;';
/** Closers that may follow the terminal punctuation of a sentence. */
const CLOSERS = '”’）)」』】〕》〉';

/** True when the text ends a sentence (ignoring trailing closers such as ）or ”). */
export function endsSentence(text: string): boolean {
  let i = text.length - 1;
  while (i >= 0 && (CLOSERS.includes(text[i]!) || isSpace(text[i]))) i--;
  if (i < 0) return false;
  return TERMINAL.includes(text[i]!);
}

/** Mongolian script (the garbled cover line of the seeds' gazettes). */
export function isMongolian(ch: string): boolean {
  const c = ch.codePointAt(0) ?? 0;
  return (c >= 0x1800 && c <= 0x18af) || (c >= 0x11660 && c <= 0x1167f);
}

/** Share of the non-space characters of a line written in a script the parser cannot read. */
export function foreignScriptShare(line: string): number {
  let total = 0;
  let foreign = 0;
  for (const ch of line) {
    if (isSpace(ch)) continue;
    total++;
    if (isMongolian(ch)) foreign++;
  }
  return total === 0 ? 0 : foreign / total;
}

const FULLWIDTH_ALNUM = /[\uff10-\uff19\uff21-\uff3a\uff41-\uff5a\uff05\uff0e\uff0f\uff06]/g;

/** Full-width letters and digits (ＡＢＣ１２３％．) become ASCII; Chinese punctuation is left alone. */
export function halfWidthAlnum(text: string): string {
  return text.replace(FULLWIDTH_ALNUM, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0));
}

const ASCII_TO_CJK: Record<string, string> = { ',': '，', ';': '；', ':': '：', '!': '！', '?': '？', '(': '（', ')': '）' };

/**
 * ASCII punctuation written inside Chinese text becomes its full-width form, so later stages
 * match one alphabet: `(责任单位:市科技局,财政局)` → `（责任单位：市科技局，财政局）`.
 * Punctuation between two ASCII characters (`http://`, `1,000`, `R&D (test)`) stays as it is.
 */
export function widenPunctuation(text: string): string {
  const n = text.length;
  if (!/[,;:!?()]/.test(text)) return text;
  const neighbour = (i: number, step: 1 | -1): string | undefined => {
    let k = i + step;
    while (k >= 0 && k < n && isSpace(text[k])) k += step;
    return k >= 0 && k < n ? text[k] : undefined;
  };
  // Han characters before each position, so "is there Chinese inside this pair" costs O(1).
  const hanBefore = new Uint32Array(n + 1);
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    hanBefore[i + 1] = hanBefore[i]! + (c >= 0x3400 && c <= 0x9fff ? 1 : 0);
  }
  // Parentheses are decided per matched pair, so both halves always end up in the same alphabet.
  const wideParen = new Set<number>();
  const open: number[] = [];
  for (let i = 0; i < n; i++) {
    const ch = text[i];
    if (ch === '(') open.push(i);
    else if (ch === ')') {
      const o = open.pop();
      if (o === undefined) {
        if (neighbour(i, 1) === undefined || isCjkContext(neighbour(i, -1)) || isCjkContext(neighbour(i, 1))) wideParen.add(i);
        continue;
      }
      const widen =
        hanBefore[i]! - hanBefore[o + 1]! > 0 ||
        isCjkContext(neighbour(o, -1)) ||
        isCjkContext(neighbour(i, 1)) ||
        neighbour(o, -1) === undefined ||
        (neighbour(i, 1) === undefined && /^\s*\d+\s*$/.test(text.slice(o + 1, i)));
      if (widen) {
        wideParen.add(o);
        wideParen.add(i);
      }
    }
  }
  for (const o of open) if (neighbour(o, -1) === undefined || isCjkContext(neighbour(o, -1)) || isCjkContext(neighbour(o, 1))) wideParen.add(o);

  // Copy the text between replacements as slices (one piece per character would build a rope
  // that every later regex has to flatten).
  let out = '';
  let from = 0;
  for (let i = 0; i < n; i++) {
    const ch = text[i]!;
    const wide = ASCII_TO_CJK[ch];
    if (wide === undefined) continue;
    const widen = ch === '(' || ch === ')' ? wideParen.has(i) : isCjkContext(neighbour(i, -1)) || isCjkContext(neighbour(i, 1));
    if (!widen) continue;
    out += text.slice(from, i) + wide;
    from = i + 1;
  }
  return from === 0 ? text : out + text.slice(from);
}

/**
 * Removes spaces that PDF extraction puts inside Chinese text (`2023 年5 月29 日`,
 * `通辽市人民政府 关于…`, `12345 与110`): a space touching a Han character or Chinese
 * punctuation goes; a space between two ASCII words stays, collapsed to one.
 */
export function closeSpaces(text: string): string {
  let out = '';
  // The last character written, kept aside: reading it back from `out` flattened the string being
  // built at every run of spaces, which made a long line with many spaces quadratic.
  let last: string | undefined;
  const n = text.length;
  let i = 0;
  while (i < n) {
    if (!isSpace(text[i])) {
      // Copy the run up to the next space as one slice: appending character by character built a
      // rope with one node per character, which every later regex or Set lookup had to flatten.
      let k = i + 1;
      while (k < n && !isSpace(text[k])) k++;
      out += text.slice(i, k);
      last = text[k - 1];
      i = k;
      continue;
    }
    let j = i;
    while (j < n && isSpace(text[j])) j++;
    const after = j < n ? text[j] : undefined;
    if (last !== undefined && after !== undefined && !isCjkContext(last) && !isCjkContext(after)) {
      out += ' ';
      last = ' ';
    }
    i = j;
  }
  return out;
}

/**
 * Typesetting codes of Founder (方正) layout files that leak into extracted text: 〔JP3〕, 〔HT5H〕.
 * They are instructions, not text; a 发文字号's year 〔2023〕 never starts with a letter.
 */
const TYPESETTING_CODE = /〔[A-Z]{1,3}[0-9A-Z.,\-]{0,6}〕/g;

/** Collapses runs of white space to one ASCII space and trims the ends. */
export function collapseSpaces(text: string): string {
  return text.replace(/[ \t\u00a0\u2000-\u200b\u3000\u202f\u205f\ufeff]+/g, ' ').trim();
}

/**
 * The normalised form of one line of input (already simplified, see simplifyText): ASCII letters
 * and digits, Chinese punctuation inside Chinese text. Spaces are kept (collapsed) so that callers that
 * need them as evidence — table cells, two-column scrambles — still see them.
 */
export function normalizeSpaced(line: string): string {
  return collapseSpaces(widenPunctuation(dropReadings(halfWidthAlnum(line.includes('〔') ? line.replace(TYPESETTING_CODE, '') : line))));
}

/** A bracketed run of pinyin letters (candidates; dropReadings checks the rest). Bounded: no backtracking blow-up. */
const READING = /[（(][ a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüêńňǹ]{1,30}[)）]/g;
const TONE_MARK = /[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹ]/;

/**
 * Pinyin readings that web pages print after a character (發(fā), 经（jīng）开区, also inside a
 * 文号) are not text: a bracket of pinyin with a tone mark, right after a Han character, goes.
 * Latin text in brackets without tone marks (生产总值(GDP), (app)) is left alone.
 */
export function dropReadings(text: string): string {
  if (!TONE_MARK.test(text)) return text;
  return text.replace(READING, (match, offset: number) => {
    const before = text.charCodeAt(offset - 1);
    return before >= 0x3400 && before <= 0x9fff && TONE_MARK.test(match) ? '' : match;
  });
}

/**
 * Unicode composition and traditional → simplified for a whole text at once (one call is far
 * cheaper than one per line). Conversion never touches line breaks, so lines stay aligned.
 */
export function simplifyText(text: string): string {
  return toSimplified(text.normalize('NFC'));
}

/** The normalised line with the spaces of Chinese text removed (see closeSpaces). */
export function normalizeLine(line: string): string {
  return closeSpaces(normalizeSpaced(simplifyText(line)));
}

/**
 * What to append when a wrapped line is joined to the text before it: Chinese joins with
 * nothing, two Latin words or a number and a word keep one space between them.
 */
export function joinWrapped(before: string, after: string): string {
  const a = before[before.length - 1] ?? '';
  const b = after[0] ?? '';
  return /[A-Za-z0-9]/.test(a) && /[A-Za-z]/.test(b) ? ` ${after}` : after;
}
