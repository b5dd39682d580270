// Raw text → lines the parser can read, with a record of every original line's fate.
// Page markers, the garbled foreign-script cover line and table rules are layout, not text:
// they are dropped here but remembered (LineAccount), so no original line goes missing.
import { closeSpaces, foreignScriptShare, normalizeSpaced, simplifyText } from './chars.ts';
import { isPipeRule, pipeCells } from './pipe-rows.ts';

export interface TextLine {
  /** 1-based line number in the original input. */
  line: number;
  /** Page number from the nearest page marker above, null when the input has none. */
  page: number | null;
  /** The line as it was in the input (one cell of it when a row of <p> cells was split). */
  original: string;
  /** Normalised text with the spaces of Chinese text removed. */
  text: string;
  /** Normalised text with spaces kept (collapsed to one): evidence of columns and cells. */
  spaced: string;
  /** Number of blank input lines directly above this one. */
  blankBefore: number;
  /** True when a page marker or a dropped running header stands between this line and the previous one. */
  afterBreak: boolean;
  /** Cells of a tab-separated table row, each normalised; null for ordinary lines. */
  cells: string[] | null;
  /** Set by repairs that move a piece of text back to where it belongs: always joins the line before. */
  glued?: true;
}

export interface DroppedLine {
  line: number;
  reason: 'page-marker' | 'foreign-script' | 'table-rule' | 'running-header' | 'empty-markup';
  text: string;
}

export interface SplitText {
  lines: TextLine[];
  dropped: DroppedLine[];
  /** Number of original lines (blank ones included). */
  lineCount: number;
}

const PAGE_MARKER = /^\s*#+\s*Page\s+(\d+)\s*(?:[:：]\s*)?$/i;
const TABLE_RULE = /^[\s|:：\-—–=]+$/;
const BULLET_PREFIX = /^\s*[-*•]\s+/;
/** The texts of the <p>…</p> cells of a line, or null when the line has none (one left-to-right pass). */
function pCells(line: string): string[] | null {
  let at = line.indexOf('<p>');
  if (at < 0) return null;
  const cells: string[] = [];
  while (at >= 0) {
    const close = line.indexOf('</p>', at + 3);
    if (close < 0) break;
    cells.push(line.slice(at + 3, close));
    at = line.indexOf('<p>', close + 4);
  }
  return cells.length > 0 ? cells : null;
}

/** One table cell: its <p> paragraphs joined by newlines, each normalised. */
function normalizeCell(cell: string): string {
  const paras = pCells(cell) ?? [cell];
  return paras.map((p) => normalizeSpaced(p)).filter((p) => p !== '').join('\n');
}

/**
 * Where a piece of a file starts, for a file read in parts (src/parse/windows.ts): the number of
 * its first line and the state the lines before it left (page, blank lines, a pending break).
 * A piece is not the start of the file, so a byte-order mark there is text.
 */
export interface LineStart {
  line: number;
  page: number | null;
  blankBefore: number;
  afterBreak: boolean;
}

export function splitLines(raw: string, start?: LineStart): SplitText {
  const source = start === undefined && raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw;
  const rawLines = source.split(/\r\n|\n|\r/);
  // Simplified text, line for line with the original (conversion never adds or removes a break).
  let simpleLines = simplifyText(source).split(/\r\n|\n|\r/);
  if (simpleLines.length !== rawLines.length) simpleLines = rawLines.map((l) => simplifyText(l));
  const lines: TextLine[] = [];
  const dropped: DroppedLine[] = [];
  let page: number | null = start?.page ?? null;
  let blank = start?.blankBefore ?? 0;
  let afterBreak = start?.afterBreak ?? false;
  const firstLine = start?.line ?? 1;

  const push = (lineNo: number, original: string, text: string, spaced: string, cells: string[] | null) => {
    lines.push({ line: lineNo, page, original, text, spaced, blankBefore: blank, afterBreak, cells });
    blank = 0;
    afterBreak = false;
  };

  for (let i = 0; i < rawLines.length; i++) {
    const lineNo = i + firstLine;
    const original = rawLines[i]!;
    const simple = simpleLines[i]!;
    if (original.trim() === '') {
      blank++;
      continue;
    }
    const marker = PAGE_MARKER.exec(original);
    if (marker) {
      page = Number(marker[1]);
      afterBreak = true;
      dropped.push({ line: lineNo, reason: 'page-marker', text: original });
      continue;
    }
    if (foreignScriptShare(original) > 0.5) {
      dropped.push({ line: lineNo, reason: 'foreign-script', text: original });
      continue;
    }
    // A Markdown / pipe table row (| 序号 | 任务 | 牵头单位 |) is a row of cells like a tab-separated one.
    const piped = original.includes('|') || original.includes('｜') ? pipeCells(simple) : null;
    if (piped !== null) {
      if (isPipeRule(original)) {
        dropped.push({ line: lineNo, reason: 'table-rule', text: original });
        continue;
      }
      const cells = piped.map(normalizeCell);
      const spaced = cells.filter((c) => c !== '').join(' ');
      push(lineNo, original, closeSpaces(spaced), spaced, cells);
      continue;
    }
    if (original.includes('\t')) {
      if (TABLE_RULE.test(original)) {
        dropped.push({ line: lineNo, reason: 'table-rule', text: original });
        continue;
      }
      const cells = simple.split('\t').map(normalizeCell);
      const spaced = cells.filter((c) => c !== '').join(' ');
      push(lineNo, original, closeSpaces(spaced), spaced, cells);
      continue;
    }
    const paras = pCells(simple);
    if (paras) {
      // A run of <p> cells outside a table is a sequence of paragraphs that lost their line breaks.
      // Each keeps its own original (unconverted) text; conversion never changes the cell count.
      const originals = pCells(original);
      let any = false;
      for (const [k, p] of paras.entries()) {
        const spaced = normalizeSpaced(p);
        if (spaced === '') continue;
        push(lineNo, originals?.length === paras.length ? originals[k]! : p, closeSpaces(spaced), spaced, null);
        any = true;
      }
      if (!any) dropped.push({ line: lineNo, reason: 'empty-markup', text: original });
      continue;
    }
    const spaced = normalizeSpaced(simple.replace(BULLET_PREFIX, ''));
    if (spaced === '') {
      dropped.push({ line: lineNo, reason: 'empty-markup', text: original });
      continue;
    }
    push(lineNo, original, closeSpaces(spaced), spaced, null);
  }
  return { lines, dropped, lineCount: rawLines.length };
}
