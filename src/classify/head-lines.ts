// The lines of a file where GB/T 9704 puts the marks of a document's 版头: 份号, 密级和保密期限,
// 紧急程度 at the top left, above the 发文机关标志, and the lines of the title block and 文号 below
// it. Marks are looked for only here, never in the body: body sentences speak of 秘密 and 内部
// (保守调查的秘密, 商业秘密, 内部管理) without marking anything.
//
// A line of `<p>…</p>` cells (a web page whose paragraphs lost their line breaks) is read cell by
// cell, as the parser reads it: its first cell may be a mark.
//
// Pure: the raw text and the parse in, lines out. Linear: the text is split once, and only the
// few lines of each head are read.
import { normalizeLine } from '../text/chars.ts';
import type { ParseResult } from '../types.ts';

export interface HeadLine {
  /** 1-based line of the original text. */
  line: number;
  /** The line (or `<p>` cell) as written, trimmed. */
  original: string;
  /** The same as the mark grammars read it (see markText). */
  text: string;
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
/** Characters of a document's title that find its first cell in a line of `<p>` cells. */
const TITLE_PROBE = 8;

function isBody(raw: string): boolean {
  return raw.length > MAX_MARK_LINE || SENTENCE_STOP.test(raw);
}

/** The parser's normalisation (simplified, spaces of Chinese text closed): to compare with a parsed title. */
function normalised(raw: string): string {
  return normalizeLine(raw).replace(/\s+/g, '');
}

/**
 * Traditional forms of the characters marks are written with; the other characters of a mark are
 * the same in both scripts. A table, not OpenCC: every head line is read, and conversion of the
 * whole line cost more than everything else the scan does.
 */
const TRADITIONAL: Record<string, string> = {
  機: '机', 絕: '绝', 祕: '秘', 內: '内', 僅: '仅', 級: '级', 號: '号', 個: '个', 長: '长', 兩: '两', 資: '资', 發: '发',
  參: '参', 閱: '阅', 電: '电', 請: '请', 傳: '传', 費: '费', 嚴: '严',
};
const TRADITIONAL_CHAR = new RegExp(`[${Object.keys(TRADITIONAL).join('')}]`, 'g');

/**
 * A line as the mark grammars read it: compatibility forms folded (NFKC: full-width digits and
 * letters, ＊, （：become ASCII), traditional mark characters simplified, every space removed.
 */
export function markText(raw: string): string {
  return raw.normalize('NFKC').replace(/\s+/g, '').replace(TRADITIONAL_CHAR, (c) => TRADITIONAL[c]!);
}

/** True when the character at `i` ends a line: \n, or a \r not followed by \n (\r\n ends at its \n). */
function endsLine(s: string, i: number): boolean {
  const c = s.charCodeAt(i);
  return c === 10 || (c === 13 && s.charCodeAt(i + 1) !== 10);
}

/**
 * The file's lines, split as the parser splits them (\r\n, \n or \r; a BOM dropped) so that line
 * numbers agree. Only where each line starts is kept, and a line is cut out when it is read: the
 * heads are a few lines per document, and splitting a 100 MB file into strings cost ~100 MB at
 * the end of its import, when every other structure of it is still alive.
 */
export class FileLines {
  readonly length: number;
  private readonly starts: Uint32Array;
  private readonly source: string;

  constructor(text: string) {
    this.source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
    const s = this.source;
    let count = 1;
    for (let i = 0; i < s.length; i++) if (endsLine(s, i)) count++;
    // One more start than lines: the end of the last line, as if a break followed it.
    const starts = new Uint32Array(count + 1);
    let n = 1;
    for (let i = 0; i < s.length; i++) if (endsLine(s, i)) starts[n++] = i + 1;
    starts[count] = s.length + 1;
    this.starts = starts;
    this.length = count;
  }

  /** Line `i` (0-based) without its break. */
  at(i: number): string {
    const start = this.starts[i]!;
    let end = this.starts[i + 1]! - 1;
    if (end > start && this.source.charCodeAt(end - 1) === 13 && this.source.charCodeAt(end) === 10) end--;
    return this.source.slice(start, Math.min(end, this.source.length));
  }
}

/** A position in the file: a line (0-based) and a `<p>` cell of it (0 for an ordinary line). */
interface Position {
  line: number;
  cell: number;
}

/** Blank lines a head scan steps over between two of its lines: a 版头 is never spread wider. */
const MAX_GAP = 50;

/**
 * The non-blank pieces of each line, split on demand: the cells of a `<p>` line, or the line
 * itself. Only the lines around the heads are ever split, so a large file costs no more than
 * its split into lines.
 */
class Pieces {
  private readonly cache = new Map<number, string[]>();

  constructor(readonly lines: FileLines) {}

  of(line: number): string[] {
    let cells = this.cache.get(line);
    if (cells === undefined) {
      const text = this.lines.at(line);
      cells = (text.includes('<p>') ? text.split(/<\/?p>/) : [text]).map((c) => c.trim()).filter((c) => c !== '');
      this.cache.set(line, cells);
    }
    return cells;
  }

  private readonly starts = new Map<number, Map<string, number[]>>();

  /** For a line of cells: the cells (ascending) of each title beginning (TITLE_PROBE characters, normalised). */
  titleStarts(line: number): Map<string, number[]> {
    let map = this.starts.get(line);
    if (map === undefined) {
      map = new Map();
      for (const [cell, text] of this.of(line).entries()) {
        const key = normalised(text.slice(0, 4 * TITLE_PROBE)).slice(0, TITLE_PROBE);
        const list = map.get(key);
        if (list) list.push(cell);
        else map.set(key, [cell]);
      }
      this.starts.set(line, map);
    }
    return map;
  }

  raw(at: Position): string {
    return this.of(at.line)[at.cell]!;
  }

  /** The piece before `at`, over at most MAX_GAP blank lines, or null. */
  before(at: Position): Position | null {
    if (at.cell > 0) return { line: at.line, cell: at.cell - 1 };
    for (let line = at.line - 1; line >= 0 && line >= at.line - 1 - MAX_GAP; line--) {
      const n = this.of(line).length;
      if (n > 0) return { line, cell: n - 1 };
    }
    return null;
  }

  /** The piece after `at`, over at most MAX_GAP blank lines, or null. */
  after(at: Position): Position | null {
    if (at.cell + 1 < this.of(at.line).length) return { line: at.line, cell: at.cell + 1 };
    for (let line = at.line + 1; line < this.lines.length && line <= at.line + 1 + MAX_GAP; line++) {
      if (this.of(line).length > 0) return { line, cell: 0 };
    }
    return null;
  }

  /** The first piece at or after the start of `line`, or null. */
  first(line: number): Position | null {
    if (line >= this.lines.length) return null;
    return this.of(line).length > 0 ? { line, cell: 0 } : this.after({ line, cell: 0 });
  }
}

/** Position of the first element of the ascending `sorted` that is at least `value` (its length when none). */
function firstAtLeast(sorted: readonly number[], value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! >= value) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** A key for a position (cells beyond the millionth of one line are not told apart: no head is there). */
function keyOf(at: Position): number {
  return at.line * 0x100000 + Math.min(at.cell, 0xfffff);
}

/**
 * The head lines of every document and of the top of the file, each once, in file order. A line
 * in a document's head belongs to that document even when it is also near the top of the file.
 */
export function headLines(text: string, result: ParseResult): HeadLine[] {
  const pieces = new Pieces(new FileLines(text));
  const owner = new Map<number, { at: Position; documentIndex: number | null }>();
  // A document with a title outranks a fragment (the parser makes one of the 份号/密级 lines above
  // the first 版头, which have no title), and any document outranks the top of the file.
  const rank = (documentIndex: number | null) => (documentIndex === null ? 0 : result.documents[documentIndex]!.title === '' ? 1 : 2);
  const take = (at: Position, documentIndex: number | null) => {
    const key = keyOf(at);
    const current = owner.get(key);
    if (current === undefined || rank(documentIndex) > rank(current.documentIndex)) owner.set(key, { at, documentIndex });
  };
  // The front matter (cover, masthead, table of contents) is the file's, not the first document's head.
  const front = result.accounting.regions.find((r) => r.kind === 'front-matter');
  const frontEnd = front ? front.endLine - 1 : -1;

  const searched = new Map<number, number>();
  for (const [k, doc] of result.documents.entries()) {
    if (doc.line < 1) continue;
    let first = pieces.first(doc.line - 1);
    if (first === null) continue;
    // Several documents may start on one line of <p> cells: this one starts at the first cell
    // after the previous document's that begins with its title.
    if (pieces.of(first.line).length > 1 && doc.title !== '') {
      const starts = pieces.titleStarts(first.line).get(doc.title.slice(0, TITLE_PROBE)) ?? [];
      const from = searched.get(first.line) ?? 0;
      const cell = starts[firstAtLeast(starts, from)];
      if (cell !== undefined) {
        first = { line: first.line, cell };
        searched.set(first.line, cell + 1);
      }
    }
    // Upwards: the 份号 and 密级 lines and the 发文机关标志, up to the previous document's body.
    for (let at = pieces.before(first), seen = 0; at !== null && at.line > frontEnd && seen < ABOVE; at = pieces.before(at), seen++) {
      if (isBody(pieces.raw(at))) break;
      take(at, k);
    }
    // Downwards: the title block and 文号, up to the first sentence of the body.
    const last = Math.max(doc.endLine, doc.line) - 1;
    for (let at: Position | null = first, seen = 0; at !== null && at.line <= last && seen < BELOW; at = pieces.after(at), seen++) {
      if (isBody(pieces.raw(at))) break;
      take(at, k);
    }
  }
  // The top of the file, down to the first sentence: a short document's body starts within
  // TOP lines, and a line of it (…不得泄露 / 秘密 / 和个人信息。) is no mark. A cover is all of it.
  for (let at = pieces.first(0), seen = 0; at !== null && (seen < TOP || at.line <= frontEnd); at = pieces.after(at), seen++) {
    if (isBody(pieces.raw(at))) break;
    take(at, null);
  }

  return [...owner.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([, { at, documentIndex }]) => {
      const raw = pieces.raw(at);
      return { line: at.line + 1, original: raw, text: markText(raw), documentIndex };
    });
}
