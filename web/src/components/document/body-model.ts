// Where things sit in a document's body. The body comes reflowed, one paragraph per line, and
// carries no line numbers of its own, so headings and tasks are found by their text, in order.
import type { OutlineNode } from '../../lib/api-types';

export function paragraphsOf(body: string): string[] {
  return body.split('\n').map((p) => p.trim()).filter((p) => p.length > 0);
}

export interface FlatHeading {
  key: string;
  node: OutlineNode;
  depth: number;
}

/** The outline in reading order, each node with a stable key (its path of indexes) and depth. */
export function flattenOutline(outline: readonly OutlineNode[]): FlatHeading[] {
  const out: FlatHeading[] = [];
  const walk = (nodes: readonly OutlineNode[], prefix: string, depth: number) =>
    nodes.forEach((node, i) => {
      const key = prefix ? `${prefix}-${i}` : `${i}`;
      out.push({ key, node, depth });
      walk(node.children, key, depth + 1);
    });
  walk(outline, '', 1);
  return out;
}

const compact = (s: string) => s.replace(/\s+/g, '');

/**
 * The paragraph each heading opens, found forward from the previous heading so a phrase that
 * recurs later (一、 in an annex) is not taken for an earlier one. A heading not found is left out.
 */
export function locateHeadings(paragraphs: readonly string[], headings: readonly FlatHeading[]): Map<string, number> {
  const found = new Map<string, number>();
  const texts = paragraphs.map(compact);
  let from = 0;
  for (const { key, node } of headings) {
    const label = compact(node.label);
    const heading = compact(node.heading);
    const opens = (p: string) => (heading ? p.startsWith(label + heading) || (p.startsWith(label) && p.includes(heading)) : p.startsWith(label));
    let at = texts.findIndex((p, i) => i >= from && opens(p));
    if (at < 0 && heading.length >= 4) at = texts.findIndex((p, i) => i >= from && p.includes(heading));
    if (at < 0) continue;
    found.set(key, at);
    from = at + 1;
  }
  return found;
}

/** Paragraphs shorter than this never count as "contained in a task": 一、 or （此件公开发布） would match anything. */
const MIN_CONTAINED = 10;
const KEY = 20;

/**
 * The paragraphs a task's text covers: those containing the whole text, else those the text
 * contains, else the one containing its first 20 characters. A task whose heading was folded into
 * its text (一、持续优化… + 强化…) matches none of these, so then its longest sentence, then its
 * last 20 characters, find it.
 */
export function locateTask(paragraphs: readonly string[], text: string): number[] {
  const t = compact(text);
  const texts = paragraphs.map(compact);
  if (!t) return [];
  const containing = texts.findIndex((p) => p.includes(t));
  if (containing >= 0) return [containing];
  const contained = texts.flatMap((p, i) => (p.length >= MIN_CONTAINED && t.includes(p) ? [i] : []));
  if (contained.length > 0) return contained;
  const sentences = t.split(/(?<=[。；！？])/).filter((x) => x.length >= MIN_CONTAINED);
  const longest = sentences.sort((a, b) => b.length - a.length)[0];
  for (const key of [t.slice(0, KEY), longest, t.slice(-KEY)]) {
    if (!key) continue;
    const at = texts.findIndex((p) => p.includes(key));
    if (at >= 0) return [at];
  }
  return [];
}

const LEVELS: { re: RegExp; depth: number }[] = [
  { re: /^(第[一二三四五六七八九十百零〇]+[章编])\s*/, depth: 1 },
  { re: /^([一二三四五六七八九十]+、)/, depth: 1 },
  { re: /^(（[一二三四五六七八九十]+）)/, depth: 2 },
];
const HEADING_MAX = 40;

/**
 * A coarse outline read from the body's paragraphs (第X章, 一、, （一）), for views that have the body
 * but no outline from the server. The parser's outline is better; use this only when there is none.
 */
export function outlineFromBody(paragraphs: readonly string[]): OutlineNode[] {
  const root: OutlineNode[] = [];
  let parent: OutlineNode | null = null;
  for (const p of paragraphs) {
    const level = LEVELS.find((l) => l.re.test(p));
    if (!level) continue;
    const label = level.re.exec(p)![1]!;
    const rest = p.slice(p.indexOf(label) + label.length).trim();
    const stop = rest.search(/[。；：]/);
    const heading = (stop >= 0 ? rest.slice(0, stop) : rest).slice(0, HEADING_MAX);
    if (!heading) continue;
    const node: OutlineNode = { label, heading, line: 0, children: [] };
    if (level.depth === 1 || !parent) {
      root.push(node);
      if (level.depth === 1) parent = node;
    } else parent.children.push(node);
  }
  return root;
}

/** What a printed masthead already shows: issuer, title, 文号, date. */
export interface HeadElements {
  issuer: readonly string[];
  title: string;
  docNumber: string | null;
  /** The date as the document writes it (2023年7月21日). */
  dateText: string | null;
}

/**
 * How many of the body's first paragraphs repeat what the masthead shows (the issuer, the title
 * in one or several lines, the 文号 and the date, in any grouping), so that the printed page does
 * not show the head twice. Stops at the first paragraph that says anything else.
 */
export function headParagraphs(paragraphs: readonly string[], head: HeadElements): number {
  const shown = compact([...head.issuer, head.title, head.docNumber ?? '', head.dateText ?? ''].join(''));
  let n = 0;
  while (n < paragraphs.length && n < 8) {
    const p = compact(paragraphs[n]!);
    if (p === '' || !shown.includes(p)) {
      // A line that is the 文号 and the date together (通辽办发〔2023〕35号2023年7月21日) is head too.
      const numberAndDate = compact(`${head.docNumber ?? ''}${head.dateText ?? ''}`);
      if (p === '' || p !== numberAndDate) break;
    }
    n++;
  }
  return n;
}
