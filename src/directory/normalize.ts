// Names arrive as the text writes them: traditional or simplified, half- or full-width
// brackets, stray spaces, a trailing 、 or 。. Every name and every data key goes through the
// same normalisation, so lookups are plain map hits.
import { toSimplified } from '../text/simplify.ts';

const WIDE: Record<string, string> = { '(': '（', ')': '）', '<': '〈', '>': '〉', '[': '〔', ']': '〕', '［': '〔', '］': '〕' };
/** Punctuation that separates names in a list; never part of a name's edges. */
const EDGE = new Set(['，', '。', '；', '：', '、', ',', '.', ';', ':', '！', '？']);

function isSpace(ch: string): boolean {
  return ch.trim() === '' || ch === '\u200b' || ch === '\ufeff';
}

/** A name ready for lookup: simplified, spaces removed, brackets full-width, list punctuation off its edges. */
export function normalizeName(name: string): string {
  const simplified = toSimplified(name.normalize('NFC'));
  let out = '';
  for (const ch of simplified) {
    if (isSpace(ch)) continue;
    out += WIDE[ch] ?? ch;
  }
  let start = 0;
  let end = out.length;
  while (start < end && EDGE.has(out[start]!)) start++;
  while (end > start && EDGE.has(out[end - 1]!)) end--;
  return out.slice(start, end);
}
