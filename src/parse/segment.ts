// The layout of a file: front matter, documents, personnel and chronicle sections, a routing
// slip. Documents are found by their 发文字号 line (the anchor) and the title block next to it;
// everything between two documents' title blocks belongs to the first one.
import { closesUnopened } from '../text/brackets.ts';
import { endsSentence } from '../text/chars.ts';
import { frontMatterEnd, PERIOD_LINE, TOC_ENTRY } from '../text/headers.ts';
import type { TextLine } from '../text/lines.ts';
import { DOC_TYPE_END, lineMarker, markerKey, withoutMarker } from '../text/markers.ts';
import { wordSpansBreak } from '../text/reflow.ts';
import { dateLine } from './dates.ts';
import { docNumberAtStart } from './doc-number.ts';
import { endsLikeOrgan, issuerFromMark, startsLikeOrgan } from './issuer.ts';
import { looksLikeAddressees } from './recipients.ts';
import { isPageChrome, isPageHeadLine, readWebHead, WEB_META, type WebHead } from './web-head.ts';

export { WEB_META };

export type SectionKind = 'appointments' | 'chronicle' | 'routing-slip';

export interface Section {
  kind: SectionKind;
  /** Index of the heading line (the first line of the section). */
  start: number;
  /** Exclusive end index. */
  end: number;
}

export interface DocumentSpan {
  /** First line index of the document (its title block, or the anchor when the title follows it). */
  start: number;
  end: number;
  /** Index of the 发文字号 line, null for a document without a number. */
  anchor: number | null;
  docNumber: string | null;
  /** What the anchor line carries after the number (usually the date). */
  anchorRest: string;
  /** Indices of the title lines. */
  title: number[];
  /** Compilation headings above the document (三、华东, （一）上海), outermost first. */
  groups: number[];
  /** True for text whose head lies outside the file (a compilation part starting mid-document). */
  fragment: boolean;
  /** The portal page's metadata above the document (a web page copied as text), when it has one. */
  page?: WebHead;
}

export interface Layout {
  frontEnd: number;
  documents: DocumentSpan[];
  sections: Section[];
}

/** A compilation's own heading for a document ends with the date in brackets: …的通知（2023年5月29日）. */
export const TRAILING_DATE = /（\d{4}年\d{1,2}月\d{1,2}日）$/;
const SECTION_HEADING = /^.{0,24}(人事任免|任免事项|大事记)$/;
const SLIP_TITLE = /^.{0,12}(批办单|处理笺|阅办单|阅文单|收文处理单|办文单)$/;

function isAnchor(l: TextLine): { docNumber: string; rest: string } | null {
  if (l.cells !== null) return null;
  const hit = docNumberAtStart(l.text);
  if (!hit) return null;
  // Only the number, or the number followed by the date: 通政发[2023]108号 2023年7月26日.
  if (hit.rest === '' || dateLine(hit.rest) !== null) return hit;
  return null;
}

/** True when the text could be (part of) a document title. */
function titleLike(text: string): boolean {
  return (
    !/[。；：]/.test(text) &&
    !/^(（?此件|【|附\s*件|●)/.test(text) &&
    !/】$/.test(text) &&
    !TOC_ENTRY.test(text) &&
    dateLine(text) === null &&
    !PERIOD_LINE.test(text)
  );
}

/** A joined title block is a title when it names a 文种 or says 关于. */
export function isTitle(text: string): boolean {
  const core = text.replace(TRAILING_DATE, '');
  return core.length >= 6 && (core.includes('关于') || DOC_TYPE_END.test(core));
}

function sectionKindAt(lines: readonly TextLine[], i: number): SectionKind | null {
  const l = lines[i]!;
  if (l.cells !== null || !SECTION_HEADING.test(l.text)) return null;
  const next = lines[i + 1];
  if (next === undefined) return null;
  const kind: SectionKind = l.text.endsWith('大事记') ? 'chronicle' : 'appointments';
  if (PERIOD_LINE.test(next.text)) return kind;
  if (kind === 'chronicle' && /^●/.test(next.text)) return kind;
  if (kind === 'appointments' && /(研究决定|决定：|任命)/.test(next.text)) return kind;
  return null;
}

const BRACKETED_DATE = /^（\d{4}年\d{1,2}月\d{1,2}日）$/;
// The marks GB/T 9704 sets above the 版头 on lines of their own: 份号, 密级 (with its 保密期限) and
// 紧急程度. They stand above a title that has no 版头, and are never part of it.
const HEAD_MARK = /^[【〔（(]?\s*(?:\d{6}|(?:绝密|机密|秘密)(?:\s*★\s*[^\s★]{0,6})?|特急|加急|特提|平急|急件)\s*[】〕）)]?$/;

/** Title lines above the anchor, or [] when there is none. `floor` is the first index it may use. */
function titleAbove(lines: readonly TextLine[], anchor: number, floor: number): number[] {
  const candidates: number[] = [];
  for (let i = anchor - 1, seen = 0; i >= floor && candidates.length < 6 && seen < 10; i--, seen++) {
    const l = lines[i]!;
    if (WEB_META.test(l.text)) continue;
    // A compilation heading's date can wrap onto a line of its own: …的通知 / （2024年3月15日）.
    if (candidates.length === 0 && BRACKETED_DATE.test(l.text)) {
      candidates.unshift(i);
      continue;
    }
    if (l.cells !== null || endsSentence(l.text) || !titleLike(l.text) || issuerFromMark(l.text) !== null) break;
    if (SECTION_HEADING.test(l.text) || HEAD_MARK.test(l.text.trim())) break;
    candidates.unshift(i);
  }
  const text = (from: number) => candidates.slice(from).map((i) => lines[i]!.text).join('');
  // The shortest tail that reads as a title …
  let from = candidates.length - 1;
  while (from >= 0 && !isTitle(text(from))) from--;
  if (from < 0) return [];
  // … grown upwards while the title is visibly incomplete: it opens with 关于 (the issuer's name
  // is on the line above), it closes a bracket it never opened, or it does not start with an organ.
  while (from > 0) {
    const tail = withoutMarker(lines[candidates[from]!]!).concat(text(from + 1));
    const above = lines[candidates[from - 1]!]!;
    if (lineMarker(lines[candidates[from]!]!) !== null) break;
    if (tail.startsWith('关于')) {
      if (endsLikeOrgan(above.text) && above.text.length <= 40) from--;
      break;
    }
    // An organ's name starts the title, unless the line above ends in the middle of a word (…年度城 / 市内涝…).
    if (!closesUnopened(tail, '》）〉”」') && startsLikeOrgan(tail) && !wordSpansBreak(above.text, tail)) break;
    from--;
  }
  return candidates.slice(from);
}

/** Title lines below the anchor (GB/T 9704 puts the title after the number), or []. */
function titleBelow(lines: readonly TextLine[], anchor: number, ceiling: number): number[] {
  const out: number[] = [];
  for (let i = anchor + 1; i < ceiling && out.length < 4; i++) {
    const l = lines[i]!;
    if (l.cells !== null || !titleLike(l.text) || /^[（(].*\d{4}年/.test(l.text)) break;
    out.push(i);
  }
  return isTitle(out.map((k) => lines[k]!.text).join('')) ? out : [];
}

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from }, (_, k) => from + k);
}

/**
 * A compilation's numbered heading for a document, `1. …关于…的通知（2023年5月29日）`, possibly
 * wrapped over up to five lines: the index of its last line, or null.
 */
function compilationHeadingAt(lines: readonly TextLine[], i: number): number | null {
  const first = lines[i]!;
  const marker = lineMarker(first);
  if (marker === null || marker.kind !== 'num-dot') return null;
  let text = '';
  for (let j = i; j < Math.min(lines.length, i + 5); j++) {
    const l = lines[j]!;
    if (l.cells !== null || (j > i && lineMarker(l) !== null)) return null;
    text += l.text;
    if (TRAILING_DATE.test(text)) return isTitle(text.slice(marker.textLength)) ? j : null;
    if (/[。；]/.test(l.text)) return null;
  }
  return null;
}

/**
 * Compilation headings hold until a heading of the same kind replaces them: a document under
 * （二）江苏 after 三、华东 sits under both, and so does every document after it until 四、.
 */
function carryGroups(lines: readonly TextLine[], documents: DocumentSpan[], carried: number): void {
  const keyOf = (index: number) => {
    const m = lineMarker(lines[index]!);
    return m === null ? 'none' : markerKey(m);
  };
  const stack: { key: string; index: number }[] = Array.from({ length: carried }, (_, index) => ({ key: keyOf(index), index }));
  for (const d of documents) {
    for (const g of d.groups) {
      const key = keyOf(g);
      const same = stack.findIndex((e) => e.key === key);
      if (same >= 0) stack.length = same;
      stack.push({ key, index: g });
    }
    d.groups = stack.map((e) => e.index);
  }
}

/** Compilation headings directly above a title block: short numbered lines such as （五）内蒙古. */
function groupsAbove(lines: readonly TextLine[], start: number, floor: number): number[] {
  const out: number[] = [];
  for (let i = start - 1; i >= floor && out.length < 3; i--) {
    const l = lines[i]!;
    const m = lineMarker(l);
    if (m === null) break;
    const rest = l.spaced.slice(m.length).trim();
    if (rest.length === 0 || rest.length > 12 || /[，。；：、（）]/.test(rest)) break;
    out.unshift(i);
  }
  return out;
}

/**
 * Position of the first element of the ascending `sorted` greater than `value` (its length when
 * none). A binary search: a linear scan per document made files with many documents quadratic.
 */
function firstAfter(sorted: readonly number[], value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! > value) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/**
 * A later part of a file (src/parse/windows.ts): it starts at a document, and its first `carried`
 * lines are the compilation headings (三、华东, （二）江苏) that still hold there, copied from
 * before the part; they only open the group stack.
 */
export interface Continuation {
  carried: number;
}

/**
 * A portal page with no 发文字号 line: the document starts at the page head; its title is the
 * title block right under the head, else the title repeated inside it (above the metadata), and
 * its number the metadata's 文号, if any.
 */
function pageDocument(lines: readonly TextLine[], start: number, end: number, page: WebHead): DocumentSpan {
  const below: number[] = [];
  for (let i = page.end + 1; i < Math.min(end, page.end + 5) && titleLike(lines[i]!.text) && !looksLikeAddressees(lines[i]!.text); i++) {
    below.push(i);
    if (isTitle(below.map((k) => lines[k]!.text).join(''))) break;
  }
  // The title lines inside the head: above the metadata, or above the 发布时间 line.
  const loose: number[] = [];
  for (let i = start; i <= page.end; i++) if (!isPageChrome(lines[i]!) && titleLike(lines[i]!.text)) loose.push(i);
  const named = loose.filter((i) => lines[i]!.text === page.title || isTitle(lines[i]!.text));
  let title: number[] = [];
  if (isTitle(below.map((k) => lines[k]!.text).join(''))) title = below;
  else if (named.length > 0) title = [named[named.length - 1]!];
  // A title that names no 文种 (…名录公示): one line alone under the head, or the one inside it.
  else if (below.length > 0 && !titleLike(lines[below[0]! + 1]?.text ?? '。')) title = [below[0]!];
  else if (loose.length > 0) title = [loose[0]!];
  return { start, end, anchor: null, docNumber: page.docNumber, anchorRest: '', title, groups: [], fragment: title.length === 0, page };
}

export function segment(lines: readonly TextLine[], continuation?: Continuation): Layout {
  const sections: Section[] = [];
  const front = continuation === undefined ? frontMatterEnd(lines) : -1;
  const firstBody = continuation === undefined ? front + 1 : continuation.carried;

  // Routing slip: a 批办单 title near the top runs to the document's issuer mark or number.
  let slip: Section | null = null;
  for (let i = 0; continuation === undefined && i < Math.min(lines.length, 30); i++) {
    if (SLIP_TITLE.test(lines[i]!.text)) {
      slip = { kind: 'routing-slip', start: i, end: i + 1 };
      break;
    }
  }

  const anchors: { index: number; docNumber: string; rest: string }[] = [];
  const headings: { index: number; kind: SectionKind }[] = [];
  for (let i = firstBody; i < lines.length; i++) {
    const hit = isAnchor(lines[i]!);
    if (hit) {
      anchors.push({ index: i, docNumber: hit.docNumber, rest: hit.rest });
      continue;
    }
    const kind = sectionKindAt(lines, i);
    if (kind) headings.push({ index: i, kind });
  }

  // Slip ends where the document head starts (issuer mark, or the first anchor below the slip's
  // title: a number above the title must not give the slip an end before its start).
  if (slip !== null) {
    const slipStart = slip.start;
    let end = anchors.find((a) => a.index > slipStart)?.index ?? lines.length;
    for (let i = slip.start + 1; i < end; i++) {
      if (issuerFromMark(lines[i]!.text) !== null) {
        end = i;
        break;
      }
    }
    slip.end = end;
    sections.push(slip);
  }

  // Numbered compilation headings without a 文号 line (…的通知（2024年4月18日）) followed by the
  // recipients open a document too.
  const heads: { index: number; docNumber: string | null; rest: string; title: number[] | null }[] = anchors.map((a) => ({ ...a, title: null }));
  for (let i = firstBody; i < lines.length; i++) {
    const heading = compilationHeadingAt(lines, i);
    if (heading === null) continue;
    const next = lines[heading + 1];
    const numbered = next !== undefined && isAnchor(next) !== null;
    const addressed = next !== undefined && next.text.endsWith('：') && looksLikeAddressees(next.text.slice(0, -1));
    if (!numbered && addressed) heads.push({ index: heading, docNumber: null, rest: '', title: range(i, heading + 1) });
    i = heading;
  }
  heads.sort((x, y) => x.index - y.index);

  const documents: DocumentSpan[] = [];
  const headingStarts = headings.map((h) => h.index);
  let floor = Math.max(firstBody, slip?.end ?? 0);
  for (let a = 0; a < heads.length; a++) {
    const { index, docNumber, rest } = heads[a]!;
    const nextBoundary = heads[a + 1]?.index ?? lines.length;
    const above = heads[a]!.title ?? titleAbove(lines, index, floor);
    const title = above.length > 0 ? above : titleBelow(lines, index, nextBoundary);
    // A number with no title inside a section (a personnel batch's 文号 line) belongs to the section.
    if (title.length === 0 && (headingStarts[firstAfter(headingStarts, floor - 1)] ?? lines.length) < index) continue;
    let start = above.length > 0 ? above[0]! : index;
    // An issuer mark right above the anchor belongs to the document head.
    while (start - 1 >= floor && issuerFromMark(lines[start - 1]!.text) !== null) start--;
    // So do the 份号, 密级 and 紧急程度 marks above it.
    while (start - 1 >= floor && HEAD_MARK.test(lines[start - 1]!.text.trim())) start--;
    // So does a portal page's head right above it (a file of several pages copied one after
    // another): breadcrumbs, the metadata block, 发布时间 lines; the furniture under the page
    // before (【打印本页】) stays with it.
    if (a > 0) while (start - 1 >= floor && isPageHeadLine(lines[start - 1]!)) start--;
    const groups = groupsAbove(lines, start, floor);
    const anchor = docNumber === null ? null : index;
    documents.push({ start: groups[0] ?? start, end: nextBoundary, anchor, docNumber, anchorRest: rest, title, groups, fragment: false });
    floor = index + 1;
  }
  carryGroups(lines, documents, continuation?.carried ?? 0);

  // Each document runs to the next document or section.
  const starts = [...documents.map((d) => d.start), ...headings.map((h) => h.index), ...(slip ? [slip.start] : [])].sort((x, y) => x - y);
  const nextStart = (after: number) => starts[firstAfter(starts, after)] ?? lines.length;
  for (const d of documents) d.end = nextStart(Math.max(d.anchor ?? d.start, ...d.title));
  for (const h of headings) sections.push({ kind: h.kind, start: h.index, end: nextStart(h.index) });

  // Text before the first document that is not front matter or a slip: a document whose head is elsewhere.
  const firstStart = Math.min(documents[0]?.start ?? lines.length, headings[0]?.index ?? lines.length);
  const leadStart = Math.max(firstBody, slip?.end ?? 0);
  // A portal page's head (breadcrumbs, the metadata block, the title repeated, furniture) above
  // the first document belongs to it; its values fill in what the text does not print.
  const page = continuation === undefined ? readWebHead(lines, leadStart) : null;
  const first = documents[0];
  if (page !== null && page.end >= 0 && first !== undefined && first.start <= page.end + 1 && first.start === firstStart) {
    first.start = leadStart;
    first.page = page;
    if (first.docNumber === null) first.docNumber = page.docNumber;
  } else if (page !== null && page.end >= 0 && documents.length === 0 && firstStart > page.end) {
    documents.push(pageDocument(lines, leadStart, firstStart, page));
  } else if (firstStart > leadStart) {
    const lead = lines.slice(leadStart, firstStart);
    const hasBody = lead.some((l) => l.text.length > 0);
    if (hasBody && documents.length + headings.length > 0) {
      documents.unshift({ start: leadStart, end: firstStart, anchor: null, docNumber: null, anchorRest: '', title: [], groups: [], fragment: true });
    } else if (hasBody && documents.length === 0) {
      // No number anywhere: the whole text is one document (a web page, a draft).
      const title: number[] = [];
      for (let i = leadStart; i < Math.min(lines.length, leadStart + 4) && titleLike(lines[i]!.text); i++) {
        title.push(i);
        if (isTitle(title.map((k) => lines[k]!.text).join(''))) break;
      }
      const named = isTitle(title.map((k) => lines[k]!.text).join('')) ? title : [];
      documents.push({ start: leadStart, end: firstStart, anchor: null, docNumber: null, anchorRest: '', title: named, groups: [], fragment: named.length === 0 });
    }
  }
  sections.sort((x, y) => x.start - y.start);
  return { frontEnd: front, documents, sections };
}
