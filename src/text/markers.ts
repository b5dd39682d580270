// Outline numbering and other line openers that start a new paragraph.
// One place decides what counts as a marker, so reflow and the outline builder agree.

const CN_NUM = '一二三四五六七八九十百零〇两';

/** Words a document's title ends with (文种): …的通知, …实施方案, …的批复. */
export const DOC_TYPE_END =
  /(通知|通告|公告|意见|决定|决议|办法|方案|规定|细则|规划|要点|预案|批复|复函|函|报告|请示|纪要|命令|令|通报|条例|规则|章程|指引|清单|目录|计划|措施|纲要|指南|标准|公报)$/;

export type MarkerKind =
  | 'part' // 第一部分 / 第一编
  | 'chapter' // 第一章
  | 'section' // 第一节
  | 'article' // 第一条
  | 'cn' // 一、
  | 'cn-paren' // （一）
  | 'num-paren' // （1）
  | 'num-dot' // 1. 1、 1．
  | 'decimal' // 1.1 / 1.1.1 (and a bare "1 " before a heading in numbered plans)
  | 'circled' // ①
  | 'cn-shi' // 一是
  | 'label'; // 提升任务：/ 重点工程一：

export interface Marker {
  kind: MarkerKind;
  /** The marker as it should be shown: 一、 （一） 1. （1） 第一章 1.1 … */
  label: string;
  /** Depth for decimal markers (1.1.1 → 3), 1 otherwise. */
  depth: number;
  /** Length of the marker in the spaced text, including the space after it. */
  length: number;
  /** Length of the marker in the text with the spaces of Chinese removed (TextLine.text). */
  textLength: number;
}

const RULES: { kind: MarkerKind; re: RegExp; label: (m: RegExpExecArray) => string }[] = [
  { kind: 'part', re: new RegExp(`^第[${CN_NUM}\\d]+[部编](分)?(?=\\s|$|[^\\s，。])\\s*`), label: (m) => m[0].trim() },
  { kind: 'chapter', re: new RegExp(`^第[${CN_NUM}\\d]+章\\s*`), label: (m) => m[0].trim() },
  { kind: 'section', re: new RegExp(`^第[${CN_NUM}\\d]+节\\s*`), label: (m) => m[0].trim() },
  { kind: 'article', re: new RegExp(`^第[${CN_NUM}\\d]+条(?!例)\\s*`), label: (m) => m[0].trim() },
  { kind: 'cn', re: new RegExp(`^([${CN_NUM}]+)\\s*[、．.]\\s*`), label: (m) => `${m[1]}、` },
  { kind: 'cn-paren', re: new RegExp(`^（\\s*([${CN_NUM}]+)\\s*）\\s*`), label: (m) => `（${m[1]}）` },
  { kind: 'num-paren', re: /^（\s*(\d{1,3})\s*）\s*/, label: (m) => `（${m[1]}）` },
  { kind: 'decimal', re: /^(\d{1,2}(?:\.\d{1,2}){1,4})(?![\d%])\.?\s*(?=[^\s\d.])/, label: (m) => m[1]! },
  { kind: 'num-dot', re: /^(\d{1,3})\s*[.．、](?![\d])\s*/, label: (m) => `${m[1]}.` },
  { kind: 'circled', re: /^([①-⑳])\s*/, label: (m) => m[1]! },
  { kind: 'cn-shi', re: new RegExp(`^([${CN_NUM}]{1,3})是(?=[^是])`), label: (m) => `${m[1]}是` },
  {
    kind: 'label',
    re: new RegExp(`^([\u4e00-\u9fff]{1,8}(?:任务|工程|行动|专项|举措))(之?[${CN_NUM}\\d]{1,3})?\\s*[：:]\\s*`),
    label: (m) => `${m[1]}${m[2] ?? ''}`,
  },
];

/** A plan's top-level numbering: "1 总则" — a number, a space, then a short heading. */
const BARE_NUMBER = /^(\d{1,2})\s+(?=[\u4e00-\u9fff])/;

/**
 * The outline marker at the start of a line (spaced form), or null.
 * `bareNumbers` also accepts "1 总则" (digit, space, heading), used inside numbered plans.
 */
export function markerAt(spaced: string, bareNumbers = false): Marker | null {
  for (const rule of RULES) {
    const m = rule.re.exec(spaced);
    if (!m) continue;
    const label = rule.label(m);
    const depth = rule.kind === 'decimal' ? label.split('.').length : 1;
    // Years and amounts are not numbering: "2023年…", "1.5亿元".
    if ((rule.kind === 'num-dot' || rule.kind === 'decimal') && /^\d+(\.\d+)*[年月日号万亿元%％个项件人次家]/.test(spaced.slice(0, m[0].length + 1).replace(/\s/g, ''))) {
      continue;
    }
    return { kind: rule.kind, label, depth, length: m[0].length, textLength: m[0].replace(/\s+/g, '').length };
  }
  if (bareNumbers) {
    const m = BARE_NUMBER.exec(spaced);
    if (m) return { kind: 'decimal', label: m[1]!, depth: 1, length: m[0].length, textLength: m[1]!.length };
  }
  return null;
}

/** What identifies a numbering level: its kind, and for decimal numbering its depth (1.1 ≠ 1.1.1). */
export function markerKey(m: Marker): string {
  return m.kind === 'decimal' ? `decimal:${m.depth}` : m.kind;
}

const cache = new WeakMap<object, Marker | null>();

/** The marker at the start of a line (table rows have none), computed once per line. */
export function lineMarker(line: { spaced: string; cells: unknown }): Marker | null {
  let m = cache.get(line);
  if (m === undefined) {
    m = line.cells === null ? markerAt(line.spaced) : null;
    cache.set(line, m);
  }
  return m;
}

/** A line's text without its numbering marker (the whole text when it has none). */
export function withoutMarker(line: { text: string; spaced: string; cells: unknown }): string {
  const m = lineMarker(line);
  return m === null ? line.text : line.text.slice(m.textLength).trim();
}
