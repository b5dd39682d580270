// Running headers: the gazette's name or the section's name printed at the top of every page
// (通辽市人民政府公报, 市政府大事记, 人事任免). After text extraction they sit between lines, often in
// the middle of a sentence. They are recognised by shape and repetition, never by their exact text.
import type { DroppedLine, TextLine } from './lines.ts';

/** Words a gazette or compilation prints as a page header. */
const HEADER_ENDING = /(公报|大事记|任免|文件|汇编|选编)$/;
/** A line naming the period a section covers: （2023年7月至8月） (1月1日至3月31日). */
export const PERIOD_LINE = /^（[^（）]{0,40}[年月日][^（）]{0,40}）$/;
/** A table-of-contents entry: a title ending in a page number, (12) or … 12. */
export const TOC_ENTRY = /(（\d{1,4}）|[.…·]{2}\s?（?\d{1,4}）?|\D\s\d{1,4})$/;

export function isHeaderShape(text: string): boolean {
  return text.length >= 3 && text.length <= 24 && HEADER_ENDING.test(text) && !/[，。；：、！？（）《》“”\d]/.test(text);
}

/**
 * Index (into `lines`) of the last line of the front matter — cover, masthead and table of
 * contents — or -1 when the text opens directly with a document.
 */
export function frontMatterEnd(lines: readonly TextLine[]): number {
  const limit = Math.min(lines.length, 400);
  let tocStart = -1;
  for (let i = 0; i < limit; i++) {
    if (/^目\s*录$/.test(lines[i]!.text)) {
      tocStart = i;
      break;
    }
  }
  if (tocStart < 0) return -1;
  let last = tocStart;
  let gap = 0;
  for (let i = tocStart + 1; i < limit && gap < 12; i++) {
    const line = lines[i]!;
    if (TOC_ENTRY.test(line.spaced) && line.text.length <= 120) {
      last = i;
      gap = 0;
    } else {
      gap++;
    }
  }
  return last;
}

/**
 * Removes running headers from `lines`, returning the kept lines and the dropped ones.
 * A repeated header-shaped line is structural — kept — at its first appearance in the front
 * matter and wherever a period line follows it (a section heading); everywhere else it is a
 * page header and goes. The line after a dropped header is marked `afterBreak`.
 */
export interface HeaderOptions {
  /** The header-shaped texts repeated in the whole file, when `lines` are a part of it (src/parse/windows.ts). */
  repeated?: ReadonlySet<string>;
  /** The lines are a later part of the file: no front matter in them. */
  continuation?: boolean;
}

/** The header-shaped texts that appear at least twice among `lines`. */
export function repeatedHeaderShapes(lines: readonly TextLine[]): Set<string> {
  const counts = new Map<string, number>();
  for (const l of lines) if (l.cells === null && isHeaderShape(l.text)) counts.set(l.text, (counts.get(l.text) ?? 0) + 1);
  return new Set([...counts].filter(([, n]) => n >= 2).map(([t]) => t));
}

export function dropRunningHeaders(lines: readonly TextLine[], options: HeaderOptions = {}): { lines: TextLine[]; dropped: DroppedLine[] } {
  const repeated = options.repeated ?? repeatedHeaderShapes(lines);
  if (repeated.size === 0) return { lines: [...lines], dropped: [] };

  const continuation = options.continuation === true;
  const front = continuation ? -1 : frontMatterEnd(lines);
  const kept: TextLine[] = [];
  const dropped: DroppedLine[] = [];
  const seenInFront = new Set<string>();
  let breakPending = false;
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!;
    if (repeated.has(l.text)) {
      const next = lines[i + 1];
      const inFront = !continuation && (i <= front || (front < 0 && kept.length === 0));
      const heading = next !== undefined && PERIOD_LINE.test(next.text);
      const firstInFront = inFront && !seenInFront.has(l.text);
      if (inFront) seenInFront.add(l.text);
      if (!heading && !firstInFront) {
        dropped.push({ line: l.line, reason: 'running-header', text: l.original });
        breakPending = true;
        continue;
      }
    }
    kept.push(breakPending ? { ...l, afterBreak: true } : l);
    breakPending = false;
  }
  return { lines: kept, dropped };
}
