// HTML → lines of text the way the parser reads the seeds: one paragraph per line, and tables as
// tab-separated rows (a cell of several paragraphs as <p>…</p> <p>…</p>, the seeds' convention).
// Used for web pages and for the HTML that mammoth makes of a Word file.
import { HTMLElement, NodeType, parse, type Node } from 'node-html-parser';

/** Parses HTML leniently; script, style and pre bodies stay raw text instead of being parsed as markup. */
export function parseHtml(html: string): HTMLElement {
  return parse(html, {
    lowerCaseTagName: true,
    comment: false,
    blockTextElements: { script: true, noscript: true, style: true, pre: true, textarea: true },
  });
}

/** Elements that never hold document text. */
export const SKIPPED_TAGS = new Set(['script', 'style', 'noscript', 'template', 'head', 'title', 'iframe', 'object', 'embed', 'svg', 'canvas', 'select', 'option', 'button', 'input', 'textarea', 'map', 'audio', 'video']);

const BLOCK_TAGS = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'caption', 'center', 'dd', 'details', 'dialog', 'div', 'dl', 'dt', 'fieldset',
  'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hgroup', 'hr', 'html', 'li', 'main', 'menu', 'nav',
  'ol', 'p', 'pre', 'section', 'summary', 'table', 'tbody', 'td', 'tfoot', 'th', 'thead', 'tr', 'ul',
]);

/** Deeper than this the walk stops recursing and takes the plain text (hostile nesting must not overflow the stack). */
const MAX_DEPTH = 300;

export function isElement(node: Node): node is HTMLElement {
  return node.nodeType === NodeType.ELEMENT_NODE;
}

export function tagOf(node: Node): string {
  return isElement(node) ? (node.rawTagName ?? '').toLowerCase() : '';
}

/** Hidden elements (display:none, the hidden attribute) are not shown to readers, so they are not text. */
export function isHidden(el: HTMLElement): boolean {
  if (el.getAttribute('hidden') !== undefined) return true;
  const style = el.getAttribute('style');
  return style !== undefined && /(display\s*:\s*none|visibility\s*:\s*hidden)/i.test(style);
}

/** Collapses HTML white space; non-breaking and ideographic spaces indent paragraphs, so they go at the edges. */
export function cleanLine(s: string): string {
  return s
    .replace(/[ \t\n\r\f\u00a0]+/g, ' ')
    .replace(/^[ \u3000]+|[ \u3000]+$/g, '');
}

/**
 * Elements under a node (document order) whose tag is in `tags`, without recursion: the library's
 * selector engine recurses and overflows on hostile nesting.
 */
export function findAll(root: HTMLElement, tags: ReadonlySet<string>, limit = Number.POSITIVE_INFINITY): HTMLElement[] {
  const found: HTMLElement[] = [];
  const stack: Node[] = [...root.childNodes].reverse();
  while (stack.length > 0 && found.length < limit) {
    const n = stack.pop()!;
    if (!isElement(n)) continue;
    if (tags.has(tagOf(n))) found.push(n);
    for (let i = n.childNodes.length - 1; i >= 0; i--) stack.push(n.childNodes[i]!);
  }
  return found;
}

export function findFirst(root: HTMLElement, tags: ReadonlySet<string>): HTMLElement | null {
  return findAll(root, tags, 1)[0] ?? null;
}

/**
 * All text under a node, without recursion (node-html-parser's own .text recurses, and hostile
 * nesting overflows the stack), stopping once `limit` characters are collected or `maxNodes`
 * nodes visited (callers that look for a short label must not walk a whole page per element).
 */
export function flatText(node: Node, limit = Number.POSITIVE_INFINITY, maxNodes = Number.POSITIVE_INFINITY): string {
  const parts: string[] = [];
  let length = 0;
  let visited = 0;
  // The node itself is read even when it is a skipped kind (a <title> asked for its text).
  const stack: Node[] = isElement(node) ? [...node.childNodes].reverse() : [node];
  while (stack.length > 0 && length < limit && visited++ < maxNodes) {
    const n = stack.pop()!;
    if (n.nodeType === NodeType.TEXT_NODE) {
      const t = n.text;
      parts.push(t);
      length += t.length;
    } else if (isElement(n) && !SKIPPED_TAGS.has(tagOf(n))) for (let i = n.childNodes.length - 1; i >= 0; i--) stack.push(n.childNodes[i]!);
  }
  const text = parts.join('');
  return length > limit ? text.slice(0, limit) : text;
}

class Lines {
  readonly lines: string[] = [];
  private buf: string[] = [];
  add(text: string): void {
    this.buf.push(text);
  }
  flush(): void {
    if (this.buf.length === 0) return;
    const line = cleanLine(this.buf.join(''));
    this.buf = [];
    if (line !== '') this.lines.push(line);
  }
  /** Pre-formatted text keeps its own line breaks. */
  addPre(text: string): void {
    this.flush();
    for (const l of text.split(/\r\n|\n|\r/)) {
      const line = cleanLine(l);
      if (line !== '') this.lines.push(line);
    }
  }
  push(line: string): void {
    this.flush();
    if (line !== '') this.lines.push(line);
  }
}

const TABLE = new Set(['table']);
const CELL_BLOCKS = new Set(['p', 'div', 'br', 'li']);

function rowsOf(table: HTMLElement): HTMLElement[] {
  const rows: HTMLElement[] = [];
  for (const child of table.childNodes) {
    const tag = tagOf(child);
    if (tag === 'tr') rows.push(child as HTMLElement);
    else if (tag === 'thead' || tag === 'tbody' || tag === 'tfoot') for (const r of child.childNodes) if (tagOf(r) === 'tr') rows.push(r as HTMLElement);
  }
  return rows;
}

function cellsOf(row: HTMLElement): HTMLElement[] {
  return row.childNodes.filter((c): c is HTMLElement => tagOf(c) === 'td' || tagOf(c) === 'th');
}

/** A cell's text for a tab-separated row: one paragraph as is, several as <p>…</p> <p>…</p>. */
function cellText(cell: HTMLElement, depth: number): string {
  const sink = new Lines();
  walkChildren(cell, sink, depth + 1);
  sink.flush();
  const paras = sink.lines.map((l) => l.replace(/\t/g, ' '));
  return paras.length <= 1 ? (paras[0] ?? '') : paras.map((p) => `<p>${p}</p>`).join(' ');
}

/**
 * Pages are laid out with tables: a table whose rows hold one cell each, or whose cells hold
 * whole blocks (a nested table, many paragraphs), is layout, and its cells are read as blocks.
 */
export function isLayoutTable(table: HTMLElement): boolean {
  const rows = rowsOf(table).map(cellsOf);
  return (
    rows.every((cells) => cells.filter((c) => flatText(c, 64, 5000).trim() !== '').length <= 1) ||
    rows.some((cells) => cells.some((c) => findFirst(c, TABLE) !== null || findAll(c, CELL_BLOCKS, 41).length > 40))
  );
}

function renderTable(table: HTMLElement, sink: Lines, depth: number): void {
  const rows = rowsOf(table).map(cellsOf);
  if (isLayoutTable(table)) {
    sink.flush();
    for (const cells of rows) for (const c of cells) {
      walkChildren(c, sink, depth + 1);
      sink.flush();
    }
    return;
  }
  sink.flush();
  for (const cells of rows) {
    const texts: string[] = [];
    for (const c of cells) {
      texts.push(cellText(c, depth));
      // Keep columns aligned: a merged cell counts for every column it spans.
      const span = Math.min(Number.parseInt(c.getAttribute('colspan') ?? '1', 10) || 1, 50);
      for (let i = 1; i < span; i++) texts.push('');
    }
    if (texts.every((t) => t === '')) continue;
    sink.push(texts.length === 1 ? texts[0]! : texts.join('\t'));
  }
}

function walk(node: Node, sink: Lines, depth: number): void {
  if (node.nodeType === NodeType.TEXT_NODE) {
    sink.add(node.text);
    return;
  }
  if (!isElement(node)) return;
  const tag = tagOf(node);
  if (SKIPPED_TAGS.has(tag) || isHidden(node)) return;
  if (depth > MAX_DEPTH) {
    sink.push(cleanLine(flatText(node)));
    return;
  }
  if (tag === 'br') {
    sink.flush();
    return;
  }
  if (tag === 'pre') {
    sink.addPre(flatText(node));
    return;
  }
  if (tag === 'table') {
    renderTable(node, sink, depth);
    return;
  }
  const block = BLOCK_TAGS.has(tag);
  if (block) sink.flush();
  walkChildren(node, sink, depth);
  if (block) sink.flush();
}

function walkChildren(el: HTMLElement, sink: Lines, depth: number): void {
  for (const child of el.childNodes) walk(child, sink, depth + 1);
}

/** The lines of text under a node: paragraphs one per line, tables as tab-separated rows. */
export function htmlLines(root: Node): string[] {
  const sink = new Lines();
  walk(root, sink, 0);
  sink.flush();
  return sink.lines;
}
