// Hard-wrapped lines → paragraphs. PDF extraction breaks lines at the column width (~20 or ~40
// characters), at commas, and at page ends; this module decides, line by line, whether the next
// line continues the paragraph. Chinese is joined with no space. Each paragraph remembers which
// original line every part of its text came from.
import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';
import { trackBrackets } from './brackets.ts';
import { startsWithClauseLabel } from './clause-labels.ts';
import { endsSentence, isHan, joinWrapped } from './chars.ts';
import type { TextLine } from './lines.ts';
import { DOC_TYPE_END, lineMarker, markerKey } from './markers.ts';

export interface Paragraph {
  text: string;
  /** The lines the paragraph was joined from, in order. */
  lines: TextLine[];
  /** Offset in `text` at which each line's text starts (parallel to `lines`). */
  starts: number[];
  /** Table cells when the paragraph is one table row. */
  cells: string[] | null;
}

/** First original line of a paragraph. */
export function firstLine(p: Paragraph): number {
  return p.lines[0]!.line;
}

let jieba: Jieba | null = null;
function segmenter(): Jieba {
  jieba ??= Jieba.withDict(dict);
  return jieba;
}

/** True when a dictionary word spans the break between `a` and `b` (保证对 | 接联动 → 对接). */
export function wordSpansBreak(a: string, b: string): boolean {
  const left = a.slice(-4);
  const right = b.slice(0, 4);
  if (left.length === 0 || right.length === 0 || !isHan(left[left.length - 1]!) || !isHan(right[0]!)) return false;
  let offset = 0;
  for (const word of segmenter().cut(left + right, false)) {
    const end = offset + word.length;
    if (offset < left.length && end > left.length) return true;
    offset = end;
  }
  return false;
}

const JOINER_END = /[，、（(《“‘〈【〔—\-－和与及或的]$/;
/** Line openers that always start a new paragraph (besides outline markers). */
const STRUCTURAL_START =
  /^(●|◆|■|附件|附\s*件|（此件|此件|【|联系人|联系电话|抄送|印发|主办单位|\d{4}年\d{1,2}月\d{1,2}日$|[\u4e00-\u9fff]{1,12}[〔［\[（]\d{4}[〕］\]）]\s*\d+\s*号)/;
const ATTACHMENT_LINE = /^附\s*件\s*[：:]/;
const CONTINUATION_START = /^[和与及的等、，。；：）》”’〕】]/;
const BARE_MARKER_ONLY = /^(（[一二三四五六七八九十百\d]+）|[一二三四五六七八九十百]+、|\d{1,3}[.．、])$/;

export interface ReflowOptions {
  /** Lines that must stand alone (titles the caller already recognised). */
  standalone?: (line: TextLine) => boolean;
}

const WINDOW = 15;
const MIN_COLUMN = 18;
const MAX_COLUMN = 80;

/**
 * Column width of hard-wrapped text around each line, or Infinity where the text is not wrapped
 * (each line a whole paragraph). Within ±15 lines, the most common length (give or take one) is
 * the column when at least six lines have it: wrapped text fills its column line after line,
 * while headings of similar length are too few and too far apart to look like one. Local, because
 * one file mixes wrapped and unwrapped pages. Linear: the window's counts are updated as it slides.
 */
export function wrapWidths(lines: readonly TextLine[]): number[] {
  const n = lines.length;
  const lengths = lines.map((l) => (l.cells === null && l.text.length >= MIN_COLUMN && l.text.length <= MAX_COLUMN ? l.text.length : 0));
  const counts = new Uint16Array(MAX_COLUMN + 2);
  const add = (i: number, d: number) => {
    const len = lengths[i];
    if (len) counts[len] = counts[len]! + d;
  };
  for (let i = 0; i < Math.min(n, WINDOW + 1); i++) add(i, 1);
  const out = new Array<number>(n);
  for (let i = 0; i < n; i++) {
    let best = 0;
    let bestCount = 0;
    for (let len = MIN_COLUMN; len <= MAX_COLUMN; len++) {
      const around = counts[len - 1]! + counts[len]! + counts[len + 1]!;
      if (around > bestCount || (around === bestCount && around > 0)) {
        best = len;
        bestCount = around;
      }
    }
    out[i] = bestCount >= 6 ? best + 1 : Infinity;
    if (i + WINDOW + 1 < n) add(i + WINDOW + 1, 1);
    if (i - WINDOW >= 0) add(i - WINDOW, -1);
  }
  return out;
}

interface Building {
  para: Paragraph;
  /** Brackets left open by the paragraph so far. */
  open: string[];
  /** The paragraph so far holds sentence punctuation: it is prose, not a title or a heading. */
  prose: boolean;
  /** The paragraph is an attachment line (附件：…) or a numbered item of the list that follows it. */
  attachment: boolean;
}

/** Punctuation found in running prose but not in a title or a heading line (a title ending in its 文种 may hold 、). */
const PROSE = /[，。；、]/;
/** A line whose first clause is one or two characters long starts in the middle of a sentence. */
const SHORT_CLAUSE_START = /^[^\s，。；：、（）]{1,2}[，。；：、]/;

function isProse(text: string): boolean {
  return PROSE.test(text) && !DOC_TYPE_END.test(text);
}

const SIBLING_REACH = 40;

/**
 * For each numbered line: do its nearest siblings (same kind of numbering, within 40 lines) read
 * as sentences — ending one, holding a full stop, or filling the column? Then a short numbered
 * line without a stop is the first line of such an item, cut off, not a heading:
 * （三）提出防范 / 和整改措施； among （二）…； （四）…。
 */
function sentenceItems(lines: readonly TextLine[], widths: readonly number[]): boolean[] {
  const kinds = lines.map((l) => {
    const m = lineMarker(l);
    return m === null ? null : markerKey(m);
  });
  const sentence = (i: number) => {
    // A bare marker line ((二) alone) is read together with the line after it.
    const bare = BARE_MARKER_ONLY.test(lines[i]!.text) && lines[i + 1] !== undefined;
    const t = bare ? lines[i]!.text + lines[i + 1]!.text : lines[i]!.text;
    return endsSentence(t) || /[。；]/.test(t) || t.length >= widths[bare ? i + 1 : i]! - 2;
  };
  return lines.map((_, i) => {
    const kind = kinds[i];
    if (kind === null) return false;
    for (let j = i - 1; j >= Math.max(0, i - SIBLING_REACH); j--) if (kinds[j] === kind) { if (sentence(j)) return true; break; }
    for (let j = i + 1; j < Math.min(lines.length, i + SIBLING_REACH); j++) if (kinds[j] === kind) return sentence(j);
    return false;
  });
}

/** Decides whether `next` continues the paragraph being built. */
function continues(b: Building, next: TextLine, width: number, itemLike: boolean, standalone: (l: TextLine) => boolean): boolean {
  const curLine = b.para.lines[b.para.lines.length - 1]!;
  if (curLine.cells !== null || next.cells !== null) return false;
  if (standalone(curLine) || standalone(next)) return false;
  if (next.glued) return true;
  const cur = curLine.text;
  // Inside an open bracket a ： or ； separates the parts of one clause (（牵头单位：X；/ 配合单位：Y）),
  // and a 。 may precede the next label (（牵头部门：X。/ 配合部门：Y）).
  if (b.open.length > 0 && b.para.lines.length < 6 && lineMarker(next) === null && (/[：；]$/.test(cur) || (/。$/.test(cur) && startsWithClauseLabel(next.text)))) return true;
  // 责任单位： alone on its line, outside brackets: the units follow on the next.
  if (b.open.length === 0 && b.para.lines.length === 1 && /[：:]$/.test(cur) && startsWithClauseLabel(cur) && lineMarker(next) === null && !startsWithClauseLabel(next.text)) return true;
  if (endsSentence(cur)) return false;
  if (lineMarker(next) !== null || STRUCTURAL_START.test(next.text)) return false;
  // Outside brackets, a label line (牵头单位：X / 责任单位：Y / 完成时限：…) under a measure is a
  // paragraph of its own: the next label starts another, and a label line that neither fills the
  // column nor ends on a joiner (、，：) is complete — the line after it is the next measure.
  if (b.open.length === 0 && startsWithClauseLabel(next.text)) return false;
  if (b.open.length === 0 && startsWithClauseLabel(b.para.lines[0]!.text)) {
    if (!/[、，,：:；;]$/.test(cur) && cur.length < width - 2 && cur.length < 45) return false;
  }
  if (BARE_MARKER_ONLY.test(cur)) return true;
  // No line of Chinese prose starts with these: the line continues the one before.
  if (CONTINUATION_START.test(next.text) || SHORT_CLAUSE_START.test(next.text)) return true;
    // An open bracket joins only a few lines: a lost closing bracket must not swallow the text.
  if (JOINER_END.test(cur) || (b.open.length > 0 && b.para.lines.length < 6)) return true;
  // An attachment line (附件：名称) goes on only where the line is visibly unfinished.
  if (b.attachment) return false;
  const long = cur.length >= 45 || cur.length >= width - 2;
  const marker = lineMarker(curLine);
  // A numbered line is a heading unless it is long or already holds a finished sentence.
  if (marker !== null && b.para.lines.length === 1) return long || /[。；]/.test(cur) || itemLike;
  // Prose broken off mid-sentence: titles and headings carry no comma.
  if (marker === null && b.prose) return true;
  if (next.afterBreak) return true;
  if (long) return true;
  return wordSpansBreak(cur, next.text);
}

function startParagraph(line: TextLine): Paragraph {
  return { text: line.text, lines: [line], starts: [0], cells: line.cells };
}

/** Joins lines into paragraphs (see the module comment). */
export function reflow(lines: readonly TextLine[], options: ReflowOptions = {}): Paragraph[] {
  const standalone = options.standalone ?? (() => false);
  const widths = wrapWidths(lines);
  const items = sentenceItems(lines, widths);
  const out: Paragraph[] = [];
  let cur: Building | null = null;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    // The width that matters is the one around the line being continued.
    if (cur !== null && continues(cur, line, widths[Math.max(0, i - 1)]!, items[Math.max(0, i - 1)]!, standalone)) {
      const p = cur.para;
      // The paragraph text ends with the previous line's text, and joinWrapped reads only its last
      // character: taking it from the growing paragraph flattened that string at every line
      // (quadratic on a long paragraph, e.g. pages joined across page markers).
      const previous = p.lines[p.lines.length - 1]!.text;
      p.starts.push(p.text.length);
      p.lines.push(line);
      p.text += joinWrapped(previous === '' ? p.text : previous, line.text);
      trackBrackets(cur.open, line.text);
      cur.prose ||= isProse(line.text);
      continue;
    }
    const marker = lineMarker(line);
    const attachment: boolean = ATTACHMENT_LINE.test(line.text) || (cur !== null && cur.attachment && marker?.kind === 'num-dot');
    if (cur !== null) out.push(cur.para);
    cur = { para: startParagraph(line), open: trackBrackets([], line.text), prose: marker === null && isProse(line.text), attachment };
  }
  if (cur !== null) out.push(cur.para);
  return out;
}
