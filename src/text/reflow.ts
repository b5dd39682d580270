// Hard-wrapped lines → paragraphs. PDF extraction breaks lines at the column width (~20 or ~40
// characters), at commas, and at page ends; this module decides, line by line, whether the next
// line continues the paragraph. Chinese is joined with no space. Each paragraph remembers which
// original line every part of its text came from.
import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';
import { endsSentence, isHan } from './chars.ts';
import type { TextLine } from './lines.ts';
import { markerAt } from './markers.ts';

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

/** Original line number of the character at `offset` in a paragraph's text. */
export function lineAt(p: Paragraph, offset: number): number {
  let k = 0;
  while (k + 1 < p.starts.length && p.starts[k + 1]! <= offset) k++;
  return p.lines[k]!.line;
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

const OPENERS = '（(《“‘〈【〔「『';
const CLOSERS_OF: Record<string, string> = { '（': '）', '(': ')', '《': '》', '“': '”', '‘': '’', '〈': '〉', '【': '】', '〔': '〕', '「': '」', '『': '』' };

/** Pushes the brackets `text` opens onto `stack` and pops the ones it closes (mismatches are ignored). */
export function trackBrackets(stack: string[], text: string): string[] {
  for (const ch of text) {
    if (OPENERS.includes(ch)) stack.push(CLOSERS_OF[ch]!);
    else if (stack.length > 0 && ch === stack[stack.length - 1]) stack.pop();
  }
  // A run-away stack (an unclosed bracket early in a long paragraph) must not keep joining forever.
  if (stack.length > 8) stack.splice(0, stack.length - 8);
  return stack;
}

/** True when the text leaves a bracket or quotation open. */
export function hasOpenBracket(text: string): boolean {
  return trackBrackets([], text).length > 0;
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

/**
 * Typical line width of hard-wrapped text among `lines`, or Infinity when the text is not
 * wrapped (each line a whole paragraph). The width is the most common length of lines that do
 * not end a sentence, when that length accounts for a fair share of them.
 */
export function wrapWidth(lines: readonly TextLine[]): number {
  const counts = new Map<number, number>();
  let total = 0;
  for (const l of lines) {
    if (l.cells !== null) continue;
    const n = l.text.length;
    if (n < 12 || n > 80) continue;
    counts.set(n, (counts.get(n) ?? 0) + 1);
    total++;
  }
  let best = 0;
  let bestCount = 0;
  for (const [n, c] of counts) {
    const around = c + (counts.get(n - 1) ?? 0) + (counts.get(n + 1) ?? 0);
    if (around > bestCount || (around === bestCount && n > best)) {
      best = n;
      bestCount = around;
    }
  }
  // Columns narrower than 18 characters are not what hard wrapping looks like in these files.
  return bestCount >= 3 && bestCount >= total * 0.2 && best >= 18 ? best + 1 : Infinity;
}

interface Building {
  para: Paragraph;
  /** Brackets left open by the paragraph so far. */
  open: string[];
}

/** Decides whether `next` continues the paragraph being built. */
function continues(b: Building, next: TextLine, width: number, standalone: (l: TextLine) => boolean): boolean {
  const curLine = b.para.lines[b.para.lines.length - 1]!;
  if (curLine.cells !== null || next.cells !== null) return false;
  if (standalone(curLine) || standalone(next)) return false;
  if (next.glued) return true;
  const cur = curLine.text;
  if (endsSentence(cur)) return false;
  if (markerAt(next.spaced) !== null || STRUCTURAL_START.test(next.text)) return false;
  if (BARE_MARKER_ONLY.test(cur)) return true;
  // No line of Chinese prose starts with these: the line continues the one before.
  if (CONTINUATION_START.test(next.text)) return true;
    // An open bracket joins only a few lines: a lost closing bracket must not swallow the text.
  if (JOINER_END.test(cur) || (b.open.length > 0 && b.para.lines.length < 6)) return true;
  // An attachment line (附件：名称) goes on only where the line is visibly unfinished.
  if (ATTACHMENT_LINE.test(b.para.text)) return false;
  const long = cur.length >= 45 || cur.length >= width - 2;
  const marker = markerAt(curLine.spaced);
  // A numbered line is a heading unless it is long or already holds a finished sentence.
  if (marker !== null && b.para.lines.length === 1) return long || /[。；]/.test(cur);
  // Prose broken off mid-sentence: titles and headings carry no comma.
  if (marker === null && /[，。；]/.test(cur)) return true;
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
  const width = wrapWidth(lines);
  const out: Paragraph[] = [];
  let cur: Building | null = null;
  for (const line of lines) {
    if (cur !== null && continues(cur, line, width, standalone)) {
      const p = cur.para;
      p.starts.push(p.text.length);
      p.lines.push(line);
      p.text += joinText(p.text, line.text);
      trackBrackets(cur.open, line.text);
      continue;
    }
    if (cur !== null) out.push(cur.para);
    cur = { para: startParagraph(line), open: trackBrackets([], line.text) };
  }
  if (cur !== null) out.push(cur.para);
  return out;
}

/** Text to append when joining: Chinese joins with nothing, two ASCII words keep a space. */
function joinText(before: string, after: string): string {
  const a = before[before.length - 1] ?? '';
  const b = after[0] ?? '';
  return /[A-Za-z0-9]/.test(a) && /[A-Za-z]/.test(b) ? ` ${after}` : after;
}
