// A gazette's masthead (title, year, issue number, cumulative number, printed date, publisher) and
// its table of contents, read from the front matter.
import type { IssueInfo, TocEntry } from '../types.ts';
import type { TextLine } from '../text/lines.ts';
import { markerAt } from '../text/markers.ts';
import { findDate, isoDate, numberOf, yearOf } from './dates.ts';

const GAZETTE_TITLE = /^(.{2,30}(公报|政报))$/;
const ISSUE_NUMBER = /第\s*([0-9一二三四五六七八九十百〇零]+)\s*期/;
const CUMULATIVE = /总第\s*([0-9一二三四五六七八九十百〇零]+)\s*期/;
const YEAR_ALONE = /^(\d{4})$/;
const YEAR_ISSUE = /^(\d{4})年第/;
const PRINTED = /^(印刷日期|出版日期|印发日期)\s*(.+)$/;
const PUBLISHER = /^(主办单位|主办|编印单位|编辑出版|出版单位|编印)\s*[：:]?\s*(.+)$/;
const MASTHEAD_FIELD = /^(主办单位|主办|编印单位|编辑出版|出版单位|编印|地\s*址|电\s*话|网\s*址|邮\s*编|印刷单位|印刷日期|出版日期|印发日期|传\s*真|电子邮箱)/;

/** True when the opening lines carry a gazette masthead (XX公报 and 第N期). */
export function looksLikeGazette(lines: readonly TextLine[]): boolean {
  const head = lines.slice(0, 40);
  return head.some((l) => GAZETTE_TITLE.test(l.text)) && head.some((l) => ISSUE_NUMBER.test(l.text));
}

function readPrinted(text: string): string | null {
  const full = findDate(text);
  if (full) return full.iso;
  const m = /(\d{4})年(\d{1,2})月/.exec(text);
  return m ? isoDate(Number(m[1]), Number(m[2])) : null;
}

/** Splits "title (12)", "title …… 12" or "title 12" into title and page (read from the right). */
export function pageOf(spaced: string): { title: string; page: number } | null {
  let end = spaced.length;
  const closed = spaced.endsWith('）');
  if (closed) end--;
  let start = end;
  while (start > 0 && start > end - 4 && /\d/.test(spaced[start - 1]!)) start--;
  if (start === end || /\d/.test(spaced[start - 1] ?? '')) return null;
  const page = Number(spaced.slice(start, end));
  let head = start;
  if (closed) {
    if (spaced[head - 1] !== '（') return null;
    head--;
  } else if (!/[\s.…·]/.test(spaced[head - 1] ?? '')) {
    return null; // "2023" at the end of a title is not a page number
  }
  // Drop the leaders and spaces between the title and the page number.
  while (head > 0 && /[\s.…·]/.test(spaced[head - 1]!)) head--;
  return { title: spaced.slice(0, head), page };
}

/**
 * Reads the front matter lines [0, end]. TOC entries are the lines that end in a page number;
 * a line without one either opens a group (市政府文件) or starts an entry wrapped onto the next line.
 */
export function readIssue(lines: readonly TextLine[], end: number): IssueInfo {
  const front = lines.slice(0, Math.max(0, end + 1));
  const issue: IssueInfo = { title: '', year: null, number: null, cumulative: null, printed: null, publisher: null, toc: [] };
  let tocStart = -1;
  for (let i = 0; i < front.length; i++) {
    const l = front[i]!;
    const t = l.text;
    if (issue.title === '' && GAZETTE_TITLE.test(t)) issue.title = t;
    const n = ISSUE_NUMBER.exec(t);
    if (n && issue.number === null) issue.number = numberOf(n[1]!);
    const c = CUMULATIVE.exec(t);
    if (c && issue.cumulative === null) issue.cumulative = numberOf(c[1]!);
    const y = YEAR_ALONE.exec(t) ?? YEAR_ISSUE.exec(t);
    if (y && issue.year === null) issue.year = yearOf(y[1]!);
    const printed = PRINTED.exec(l.spaced);
    if (printed) issue.printed = readPrinted(printed[2]!.replace(/\s/g, ''));
    const publisher = PUBLISHER.exec(l.spaced);
    if (publisher && issue.publisher === null) issue.publisher = publisher[2]!.replace(/\s/g, '');
    if (tocStart < 0 && /^目\s*录$/.test(t)) tocStart = i;
  }
  if (tocStart < 0) return issue;

  let section: string | null = null;
  let pending: TextLine[] = [];
  for (let i = tocStart + 1; i < front.length; i++) {
    const l = front[i]!;
    if (MASTHEAD_FIELD.test(l.spaced)) continue;
    const hit = pageOf(l.spaced);
    if (hit === null) {
      pending.push(l);
      continue;
    }
    // Pending lines before an entry: a short line without 关于 opens a group; the rest wrap the entry.
    const wrapped: TextLine[] = [];
    for (const p of pending) {
      if (p.text.length <= 16 && !p.text.includes('关于') && wrapped.length === 0 && !/[《（]/.test(p.text)) section = p.text;
      else wrapped.push(p);
    }
    pending = [];
    let title = [...wrapped.map((w) => w.text), hit.title.replace(/\s+/g, '')].join('');
    const marker = markerAt(title);
    if (marker !== null && marker.kind === 'num-dot') title = title.slice(marker.length).trim();
    issue.toc.push({ section, title, page: hit.page, line: (wrapped[0] ?? l).line });
  }
  return issue;
}

/** A title's letters, without punctuation and spaces: what sameLetters compares. */
export function titleLetters(s: string): string {
  return s.replace(/[^\p{Script=Han}A-Za-z0-9]/gu, '');
}

/** Loose equality of two titles' letters: equal, or one the start of the other (at least 8 letters). */
export function sameLetters(x: string, y: string): boolean {
  return x.length > 0 && (x === y || (x.length >= 8 && y.startsWith(x)) || (y.length >= 8 && x.startsWith(y)));
}

export type { TocEntry };
