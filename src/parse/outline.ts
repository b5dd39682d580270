// A document's outline: 第X章/第X条, 一、（一）1.（1）, 1.1.1, labels. Nesting follows the order in
// which numbering kinds appear, not a fixed ladder, so documents that skip a level (四、 then 21.)
// or run numbering on across sections (（二） continuing with 5.) nest the way they are read.
import type { OutlineNode } from '../types.ts';
import { firstLine, type Paragraph } from '../text/reflow.ts';
import { lineMarker, markerAt, markerKey, type Marker } from '../text/markers.ts';

/** An outline node with the paragraphs that belong to it (the node's own text and what follows). */
export interface OutlineItem extends OutlineNode {
  kindKey: string;
  /** Paragraphs from the node's heading up to the next node of the outline. */
  paragraphs: Paragraph[];
  children: OutlineItem[];
}

export interface Outline {
  /** Paragraphs before the first numbered heading (preamble, cover notice). */
  preamble: Paragraph[];
  nodes: OutlineItem[];
}

const TOC_HEADING = /^(.{0,40})目\s*录$/;

/** The heading of a numbered paragraph: its first clause, as short as the text allows. */
export function headingOf(text: string): string {
  const stop = text.search(/[。；！？]/);
  const head = stop >= 0 ? text.slice(0, stop) : text;
  return head.length > 60 ? `${head.slice(0, 60)}…` : head.replace(/[：:，]$/, '');
}

/** True when the document numbers plans as "1 总则 / 1.1 …", so a bare "1 " is numbering too. */
function usesDecimalNumbering(paragraphs: readonly Paragraph[]): boolean {
  let n = 0;
  for (const p of paragraphs) if (/^\d{1,2}\.\d{1,2}\s/.test(p.lines[0]!.spaced) && ++n >= 2) return true;
  return false;
}

/**
 * Builds the outline of a document's body paragraphs. A printed table of contents (目录 and the
 * entries after it, up to the point where the numbering starts again) is not part of the outline.
 */
export function buildOutline(paragraphs: readonly Paragraph[]): Outline {
  const bare = usesDecimalNumbering(paragraphs);
  const preamble: Paragraph[] = [];
  const roots: OutlineItem[] = [];
  const stack: OutlineItem[] = [];
  let tocFirstLabel: string | null = null;
  let inToc = false;
  let tocSeen = 0;

  for (let i = 0; i < paragraphs.length; i++) {
    const p = paragraphs[i]!;
    const spaced = p.lines[0]!.spaced;
    if (!inToc && p.cells === null && TOC_HEADING.test(p.text) && p.text.length <= 44) {
      inToc = true;
      tocFirstLabel = null;
      tocSeen = 0;
      (stack[stack.length - 1]?.paragraphs ?? preamble).push(p);
      continue;
    }
    const marker = p.cells !== null ? null : bare ? markerAt(spaced, true) : lineMarker(p.lines[0]!);
    if (inToc) {
      tocSeen++;
      const label = marker?.label ?? (p.cells ? markerAt(p.cells[0] ?? '', true)?.label : undefined) ?? null;
      if (tocFirstLabel === null && label !== null) tocFirstLabel = label;
      else if (label !== null && label === tocFirstLabel) inToc = false;
      else if (tocSeen > 150) inToc = false;
      if (inToc) {
        (stack[stack.length - 1]?.paragraphs ?? preamble).push(p);
        continue;
      }
    }
    if (marker === null) {
      (stack[stack.length - 1]?.paragraphs ?? preamble).push(p);
      continue;
    }
    const key = markerKey(marker);
    const node: OutlineItem = {
      label: marker.label,
      heading: headingOf(p.text.slice(marker.textLength).trim()),
      line: firstLine(p),
      children: [],
      kindKey: key,
      paragraphs: [p],
    };
    const same = stack.findIndex((n) => n.kindKey === key);
    if (same >= 0) stack.length = same;
    else stack.length = outranked(stack, marker.kind);
    const parent = stack[stack.length - 1];
    (parent ? parent.children : roots).push(node);
    stack.push(node);
  }
  return { preamble, nodes: roots };
}

/**
 * Kinds that always stand above the others when they appear: a 第X章 closes any article or list
 * that is open, a 一、 closes any （一）/1./（1） that is open. This keeps a fragment that starts
 * mid-list ((九) … 四、) from nesting 四、 under (九).
 */
const ABOVE: Partial<Record<Marker['kind'], readonly Marker['kind'][]>> = {
  part: [],
  chapter: ['part'],
  section: ['part', 'chapter'],
  article: ['part', 'chapter', 'section'],
  cn: ['part', 'chapter', 'section', 'article'],
};

function outranked(stack: readonly OutlineItem[], kind: Marker['kind']): number {
  const keep = ABOVE[kind];
  if (keep === undefined) return stack.length;
  let depth = 0;
  while (depth < stack.length && keep.includes(stack[depth]!.kindKey as Marker['kind'])) depth++;
  return depth;
}

/** The outline without the paragraphs: what the parse contract prints. */
export function outlineNodes(items: readonly OutlineItem[]): OutlineNode[] {
  return items.map((n) => ({ label: n.label, heading: n.heading, line: n.line, children: outlineNodes(n.children) }));
}
