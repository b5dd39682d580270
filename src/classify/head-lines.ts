// The lines of a file where GB/T 9704 puts the marks of a document's 版头: 份号, 密级和保密期限,
// 紧急程度 at the top left, above the 发文机关标志, and the lines of the title block and 文号 below
// it. Marks are looked for only here, never in the body: body sentences speak of 秘密 and 内部
// (保守调查的秘密, 商业秘密, 内部管理) without marking anything.
//
// Pure: the raw text and the parse in, lines out. Linear: the text is split once, and only the
// few lines of each head are normalised.
import { normalizeLine } from '../text/chars.ts';
import type { ParseResult } from '../types.ts';

export interface HeadLine {
  /** 1-based line of the original text. */
  line: number;
  /** The line as written (trimmed). */
  original: string;
  /**
   * The line normalised (simplified, half-width letters and digits, Chinese punctuation) with
   * every space removed, and each `<p>` cell of a web-page line separately: a mark is often
   * its own cell.
   */
  texts: string[];
  /** The document whose head holds the line, null for the top of the file outside any head. */
  documentIndex: number | null;
}

/** Non-blank lines above a document's first line that still belong to its 版头. */
const ABOVE = 8;
/** Non-blank lines from a document's first line down (title block, 文号, 紧急程度) before the body. */
const BELOW = 10;
/** Non-blank lines at the top of the file (a cover, a routing slip's corner, a draft's first page). */
const TOP = 12;
/** A mark line is short; a longer line is text and ends a head. */
const MAX_MARK_LINE = 80;
/** A line holding a sentence stop is body text: the head ends there. */
const SENTENCE_STOP = /[。；;]/;

function isBody(raw: string): boolean {
  return raw.length > MAX_MARK_LINE || SENTENCE_STOP.test(raw);
}

/** A normalised line without spaces; the cells of a `<p>…</p>` line each on their own. */
function normalisedTexts(raw: string): string[] {
  const whole = normalizeLine(raw.replace(/<\/?p>/g, ' ')).replace(/\s+/g, '');
  if (!raw.includes('<p>')) return [whole];
  const cells = raw
    .split(/<\/?p>/)
    .map((c) => normalizeLine(c).replace(/\s+/g, ''))
    .filter((c) => c !== '');
  return [whole, ...cells];
}

/** The file's lines (same splitting as the parser's, so line numbers agree). */
export function fileLines(text: string): string[] {
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  return source.split(/\r\n|\n|\r/);
}

/**
 * The head lines of every document and of the top of the file, each once, in file order. A line
 * in a document's head belongs to that document even when it is also near the top of the file.
 */
export function headLines(text: string, result: ParseResult): HeadLine[] {
  const lines = fileLines(text);
  const owner = new Map<number, number | null>();
  // A document with a title outranks a fragment (the parser makes one of the 份号/密级 lines above
  // the first 版头, which have no title), and any document outranks the top of the file.
  const rank = (documentIndex: number | null) => (documentIndex === null ? 0 : result.documents[documentIndex]!.title === '' ? 1 : 2);
  const take = (index: number, documentIndex: number | null) => {
    const current = owner.get(index);
    if (current === undefined || rank(documentIndex) > rank(current)) owner.set(index, documentIndex);
  };
  const raw = (index: number) => lines[index]!.trim();
  // The front matter (cover, masthead, table of contents) is the file's, not the first document's head.
  const front = result.accounting.regions.find((r) => r.kind === 'front-matter');
  const frontEnd = front ? front.endLine - 1 : -1;

  for (const [k, doc] of result.documents.entries()) {
    const first = doc.line - 1;
    if (first < 0 || first >= lines.length) continue;
    // Upwards: the 份号 and 密级 lines and the 发文机关标志, up to the previous document's body.
    for (let i = first - 1, seen = 0; i > frontEnd && seen < ABOVE; i--) {
      const r = raw(i);
      if (r === '') continue;
      if (isBody(r)) break;
      take(i, k);
      seen++;
    }
    // Downwards: the title block and 文号, up to the first sentence of the body.
    const last = Math.min(lines.length, Math.max(doc.endLine, doc.line));
    for (let i = first, seen = 0; i < last && seen < BELOW; i++) {
      const r = raw(i);
      if (r === '') continue;
      if (isBody(r)) break;
      take(i, k);
      seen++;
    }
  }
  // The top of the file, down to the first sentence: a short document's body starts within
  // TOP lines, and a line of it (…不得泄露 / 秘密 / 和个人信息。) is no mark. A cover is all of it.
  for (let i = 0, seen = 0; i < lines.length && (seen < TOP || i <= frontEnd); i++) {
    const r = raw(i);
    if (r === '') continue;
    if (isBody(r)) break;
    take(i, null);
    seen++;
  }

  return [...owner]
    .sort((a, b) => a[0] - b[0])
    .map(([index, documentIndex]) => ({ line: index + 1, original: raw(index), texts: normalisedTexts(raw(index)), documentIndex }));
}
