// A PDF page's text pieces (text, position, size) → lines of text. A PDF has no lines, only glyph
// runs placed on the page, so lines are rebuilt from geometry: pieces on one baseline form a row,
// wide gaps in a row separate table cells (written as tabs, the parser's table rows), and a page
// printed in two columns is read column by column. Pure: no pdf.js here, so it is tested alone.
import { joinWrapped } from '../text/chars.ts';

export interface TextPiece {
  text: string;
  /** Left edge and baseline, in PDF units (y grows upwards). */
  x: number;
  y: number;
  width: number;
  /** Font size (the glyphs' height), in PDF units. */
  size: number;
}

/** A run of pieces in one row with no wide gap inside. */
interface Segment {
  pieces: TextPiece[];
  left: number;
  right: number;
  size: number;
}

interface Row {
  y: number;
  size: number;
  segments: Segment[];
}

/** A gap this many font sizes wide separates table cells (or columns): justified Chinese text spreads glyphs by a fraction of that, Word tables leave about one glyph between cells. */
const CELL_GAP = 0.8;
/** A gap this wide between words is a space (Latin text, numbers); smaller gaps are kerning. */
const WORD_GAP = 0.25;

/** — 3 —, - 12 -, 3, 第3页, 第3页 共9页, 3/9. A bare number has at most three digits: 2022 alone is a cover's year. */
const PAGE_NUMBER = /^(?:[-—–－~～]+\s*\d{1,4}\s*[-—–－~～]+|\d{1,3}|第\s*\d{1,4}\s*页(?:\s*(?:[，,/]\s*)?共\s*\d{1,4}\s*页)?|\d{1,4}\s*\/\s*\d{1,4})$/;

/** Smallest and largest of `values` (a loop: spreading a huge array into Math.min throws). */
function extent(values: Iterable<number>): { min: number; max: number } {
  let min = Infinity;
  let max = -Infinity;
  for (const v of values) {
    if (v < min) min = v;
    if (v > max) max = v;
  }
  return { min, max };
}

function groupRows(pieces: readonly TextPiece[]): { y: number; size: number; pieces: TextPiece[] }[] {
  const sorted = [...pieces].sort((a, b) => b.y - a.y || a.x - b.x);
  const rows: { y: number; size: number; pieces: TextPiece[]; byText: Map<string, TextPiece[]> }[] = [];
  for (const p of sorted) {
    const row = rows[rows.length - 1];
    // Same baseline within about half a glyph: superscripts and jitter stay in the row.
    if (row && Math.abs(row.y - p.y) <= 0.45 * Math.min(row.size, p.size)) {
      // Fake bold prints the same text twice, a fraction of a point apart (looked up by text, so a
      // long row is not compared piece against piece).
      const same = row.byText.get(p.text);
      const twin = same?.some((q) => Math.abs(q.x - p.x) < 0.3 * p.size && Math.abs(q.y - p.y) < 0.3 * p.size) ?? false;
      if (!twin) {
        row.pieces.push(p);
        if (same) same.push(p);
        else row.byText.set(p.text, [p]);
      }
      row.size = Math.max(row.size, p.size);
    } else {
      rows.push({ y: p.y, size: p.size, pieces: [p], byText: new Map([[p.text, [p]]]) });
    }
  }
  for (const r of rows) r.pieces.sort((a, b) => a.x - b.x);
  return rows;
}

function segmentsOf(pieces: readonly TextPiece[]): Segment[] {
  const segments: Segment[] = [];
  for (const p of pieces) {
    const last = segments[segments.length - 1];
    const gap = last ? p.x - last.right : 0;
    if (last && gap < CELL_GAP * Math.max(last.size, p.size)) {
      last.pieces.push(p);
      last.right = Math.max(last.right, p.x + p.width);
      last.size = Math.max(last.size, p.size);
    } else {
      segments.push({ pieces: [p], left: p.x, right: p.x + p.width, size: p.size });
    }
  }
  return segments;
}

function segmentText(s: Segment): string {
  let out = '';
  let right = Number.NEGATIVE_INFINITY;
  for (const p of s.pieces) {
    if (out !== '' && p.x - right >= WORD_GAP * p.size && !out.endsWith(' ') && !p.text.startsWith(' ')) out += ' ';
    out += p.text;
    right = Math.max(right, p.x + p.width);
  }
  return out.trim();
}

/** Cells joined by tabs; letter-spaced headings (目　录, 通　知) are one word, not cells. */
function rowText(segments: readonly Segment[]): string {
  const texts = segments.map(segmentText).filter((t) => t !== '');
  if (texts.length > 1 && texts.every((t) => [...t].length === 1)) return texts.join(' ');
  return texts.join('\t');
}

/**
 * The x position of the gutter when the rows form two columns of prose, else null. Prose columns
 * are recognised by many of their lines being one run that fills the column (a table's rows are
 * several cells), and by few rows crossing the gutter (a title or 文号 over both columns may).
 */
function gutter(rows: readonly Row[]): number | null {
  const segments = rows.flatMap((r) => r.segments);
  if (segments.length < 12) return null;
  const left = extent(segments.map((s) => s.left)).min;
  const right = extent(segments.map((s) => s.right)).max;
  const width = right - left;
  if (width <= 0) return null;
  let best: { x: number; crossing: number } | null = null;
  for (let x = left + 0.3 * width; x <= left + 0.7 * width; x += Math.max(1, width / 200)) {
    const crossing = rows.filter((r) => r.segments.some((s) => s.left < x && s.right > x)).length;
    if (best === null || crossing < best.crossing) best = { x, crossing };
  }
  if (best === null) return null;
  const x = best.x;
  const leftParts = rows.map((r) => r.segments.filter((s) => s.right <= x)).filter((p) => p.length > 0);
  const rightParts = rows.map((r) => r.segments.filter((s) => s.left >= x)).filter((p) => p.length > 0);
  if (leftParts.length < 6 || rightParts.length < 6 || best.crossing > Math.max(3, 0.2 * Math.min(leftParts.length, rightParts.length))) return null;
  const prose = (parts: Segment[][]) => {
    const l = extent(parts.flat().map((s) => s.left)).min;
    const r = extent(parts.flat().map((s) => s.right)).max;
    return parts.filter((p) => p.length === 1 && p[0]!.right - p[0]!.left >= 0.75 * (r - l)).length / parts.length;
  };
  return prose(leftParts) >= 0.4 && prose(rightParts) >= 0.4 ? x : null;
}

export interface PageText {
  lines: string[];
  /** Page numbers printed in the margin (— 3 —, 第3页), left out of the text. */
  droppedPageNumbers: string[];
}

interface Line {
  text: string;
  y: number;
  size: number;
}

/** The font size most of the page's text is set in (by characters), the body text size. */
function bodySize(lines: readonly Line[]): number {
  const weight = new Map<number, number>();
  for (const l of lines) {
    const k = Math.round(l.size * 2) / 2;
    weight.set(k, (weight.get(k) ?? 0) + l.text.length);
  }
  let best = 0;
  let bestWeight = -1;
  for (const [k, w] of weight) if (w > bestWeight) [best, bestWeight] = [k, w];
  return best;
}

/**
 * A title set larger than the body and wrapped over several lines is one paragraph: the lines are
 * joined here, because only the PDF knows their size, and a wrap such as …年度城 | 市内涝… would
 * otherwise read as a new line starting with an organ's name.
 */
function joinDisplayLines(lines: readonly Line[]): Line[] {
  const body = bodySize(lines);
  const out: Line[] = [];
  for (const l of lines) {
    const prev = out[out.length - 1];
    const display = (x: Line) => x.size >= 1.2 * body && !x.text.includes('\t');
    if (prev && display(prev) && display(l) && Math.abs(prev.size - l.size) <= 0.05 * l.size && prev.y - l.y > 0 && prev.y - l.y <= 2 * l.size) {
      out[out.length - 1] = { text: prev.text + joinWrapped(prev.text, l.text), y: l.y, size: l.size };
    } else {
      out.push({ ...l });
    }
  }
  return out;
}

/** The lines of one page, top to bottom (left column before right column on two-column pages). */
export function pageLines(pieces: readonly TextPiece[]): PageText {
  const usable = pieces.filter((p) => p.text.trim() !== '' && Number.isFinite(p.x) && Number.isFinite(p.y) && p.size > 0);
  const rows: Row[] = groupRows(usable).map((r) => ({ y: r.y, size: r.size, segments: segmentsOf(r.pieces) }));
  const lineOf = (r: Row, segments: readonly Segment[]): Line => ({ text: rowText(segments), y: r.y, size: extent(segments.map((s) => s.size)).max });

  const lines: Line[] = [];
  const at = gutter(rows);
  if (at === null) {
    for (const r of rows) lines.push(lineOf(r, r.segments));
  } else {
    // Rows crossing the gutter (a title over both columns) end a band; within a band the left
    // column is read before the right one.
    let leftCol: Line[] = [];
    let rightCol: Line[] = [];
    const flush = () => {
      lines.push(...leftCol, ...rightCol);
      leftCol = [];
      rightCol = [];
    };
    for (const r of rows) {
      if (r.segments.some((s) => s.left < at && s.right > at)) {
        flush();
        lines.push(lineOf(r, r.segments));
        continue;
      }
      const l = r.segments.filter((s) => s.right <= at);
      const rr = r.segments.filter((s) => s.left >= at);
      if (l.length > 0) leftCol.push(lineOf(r, l));
      if (rr.length > 0) rightCol.push(lineOf(r, rr));
    }
    flush();
  }

  const kept = joinDisplayLines(lines.filter((l) => l.text !== '')).map((l) => l.text);
  const droppedPageNumbers: string[] = [];
  // Only the first and last line of a page can be its printed page number.
  if (kept.length > 0 && PAGE_NUMBER.test(kept[kept.length - 1]!.replace(/\t/g, ' ').trim())) droppedPageNumbers.push(kept.pop()!);
  if (kept.length > 0 && PAGE_NUMBER.test(kept[0]!.replace(/\t/g, ' ').trim())) droppedPageNumbers.push(kept.shift()!);
  return { lines: kept, droppedPageNumbers };
}
