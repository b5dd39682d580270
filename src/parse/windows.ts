// The parse stage for a large file, a window of lines at a time, with the result parseDocuments
// gives for the whole text. Only one or two windows are held at once (their lines, layouts and
// parsed documents), so memory follows the window size, not the file's: a 100 MB gazette volume
// is parsed in pieces of a few MB, and each piece's documents can be written and let go.
//
// Why the result is the same (test/windows.test.ts checks it on every seed, whole against windows
// of a few thousand characters):
//   - the stages that look at the whole file are given what they need from it: the header
//     shapes repeated anywhere (running headers), the front matter, masthead, routing slip and
//     kind from the first window (they are read from the top of a file), the TOC checked at the
//     end against every document, the chronicle's year from the first document;
//   - a window ends at the start of a document at least MARGIN lines before its last line (every
//     stage looks at most a few lines past a document's end), and the next window starts there,
//     with the line state of that point (page, blank lines, a pending break) and the compilation
//     headings that still hold;
//   - the seam is checked: the next window must find that document again, with the same lines for
//     its head; when it does not (or a document of the window runs past the seam), the window
//     grows and the seam moves, up to the end of the file.
import type { Appointment, ChronicleEntry, DocumentRecord, FileKind, ParseResult, ParseWarning, RoutingSlip } from '../types.ts';
import { isHeaderShape } from '../text/headers.ts';
import { splitLines, type DroppedLine, type LineStart, type TextLine } from '../text/lines.ts';
import { readAppointments } from './appointments.ts';
import { readChronicle } from './chronicle.ts';
import { readDocument, type ParsedDocument } from './document.ts';
import { compiledDocument, crossCheckToc, droppedByReason, unplacedWarning, yearOfDate } from './index.ts';
import { looksLikeGazette, readIssue } from './issue.ts';
import { prepare } from './prepare.ts';
import { readRoutingSlip } from './routing-slip.ts';
import { segment, type DocumentSpan, type Layout } from './segment.ts';

/** Characters a window holds before it ends at a document (about 3 MB of UTF-8 Chinese): a few seconds of work. */
export const DEFAULT_WINDOW_CHARS = 1_000_000;
/** Lines a window keeps past its last document's start: every stage reads at most a few lines ahead. */
const MARGIN = 50;
/** Lines the first window holds at least: the front matter is looked for in the first 400. */
const FIRST_WINDOW_LINES = 400 + MARGIN;

export interface WindowOptions {
  /** Characters per window (tests make it small to cross many seams). */
  windowChars?: number;
}

/** One window's documents, parsed (tasks still empty), with the lines they were read from. */
export interface ParsedPart {
  parsed: ParsedDocument[];
  /** The window's lines: a document's body is rebuilt from the lines between its line and endLine. */
  lines: readonly TextLine[];
  /** The gazette's masthead and TOC (read from the first window): the documents' issue. */
  issue: ParseResult['issue'];
  /** The file opens with a routing slip (its plan is made from every document's tasks at the end). */
  routed: boolean;
  /** Characters of the file behind this part, and in all. */
  done: number;
  total: number;
}

/** Offsets of the start of every line (the breaks splitLines splits on: \r\n, \n, \r). */
function lineOffsets(raw: string): Uint32Array {
  const starts: number[] = [0];
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    if (c === 10) starts.push(i + 1);
    else if (c === 13) {
      if (raw.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    }
  }
  return Uint32Array.from(starts);
}

/** A line may hold a running header only if it has a header word's last character (either script) and no sentence in it. */
const HEADER_LAST_CHAR = /[报報记記免件编編\uf900-\ufaff]/;
const SENTENCE_MARK = /[。，]/;

/**
 * The header-shaped texts that appear at least twice in the whole file (what dropRunningHeaders
 * counts), from the few lines that can be one, each read as splitLines reads it.
 */
function repeatedHeaders(raw: string, starts: Uint32Array): Set<string> {
  const counts = new Map<string, number>();
  for (let k = 0; k < starts.length; k++) {
    const line = raw.slice(starts[k], k + 1 < starts.length ? starts[k + 1] : raw.length).replace(/\r?\n$|\r$/, '');
    if (!HEADER_LAST_CHAR.test(line) || (SENTENCE_MARK.test(line) && !line.includes('<p>'))) continue;
    const start: LineStart | undefined = k === 0 ? undefined : { line: k + 1, page: null, blankBefore: 0, afterBreak: false };
    for (const l of splitLines(line, start).lines) if (l.cells === null && isHeaderShape(l.text)) counts.set(l.text, (counts.get(l.text) ?? 0) + 1);
  }
  return new Set([...counts].filter(([, n]) => n >= 2).map(([t]) => t));
}

interface Window {
  /** Raw line index (0-based) of the window's first line, and one past its last. */
  first: number;
  end: number;
  atEnd: boolean;
  /** The line state the window was opened with. */
  start: LineStart;
  /** Carried compilation headings, then the window's own lines. */
  lines: TextLine[];
  carried: number;
  dropped: DroppedLine[];
  layout: Layout;
}

/** Where a window is cut: the index of the document that starts the next window. */
interface Cut {
  next: number;
}

/** A document's head by original line numbers: what the next window must find again at the seam. */
function headKey(lines: readonly TextLine[], d: DocumentSpan): string {
  const at = (i: number | null) => (i === null ? null : lines[i]!.line);
  return JSON.stringify([at(d.start), at(d.anchor), d.docNumber, d.anchorRest, d.title.map(at), d.groups.map(at), d.fragment]);
}

/**
 * text → the ParseResult parseDocuments gives, yielding the documents a window at a time (their
 * `tasks` still empty; extraction is the pipeline's next stage, src/pipeline.ts).
 */
export function* parseInWindows(raw: string, source: string, options: WindowOptions = {}): Generator<ParsedPart, ParseResult, void> {
  const windowChars = Math.max(1, options.windowChars ?? DEFAULT_WINDOW_CHARS);
  const starts = lineOffsets(raw);
  const total = starts.length;
  const repeated = repeatedHeaders(raw, starts);
  const offset = (line: number) => (line < total ? starts[line]! : raw.length);

  const open = (first: number, chars: number, start: LineStart, carriedLines: readonly TextLine[]): Window => {
    let end = first + 1;
    while (end < total && starts[end]! - starts[first]! < chars) end++;
    const prepared = prepare(raw.slice(offset(first), offset(end)), { start, repeated });
    const lines = [...carriedLines, ...prepared.lines];
    const layout = segment(lines, first === 0 ? undefined : { carried: carriedLines.length });
    return { first, end, atEnd: end >= total, start, lines, carried: carriedLines.length, dropped: prepared.dropped, layout };
  };

  /** The seam of a window that does not reach the end of the file, or null when it holds none (it must grow). */
  const cutOf = (w: Window): Cut | null => {
    if (w.first === 0 && w.lines.length < FIRST_WINDOW_LINES) return null;
    const docs = w.layout.documents;
    let next = -1;
    for (let k = docs.length - 1; k >= 1; k--) {
      if (docs[k]!.start <= w.lines.length - MARGIN) {
        next = k;
        break;
      }
    }
    if (next < 1) return null;
    const seam = docs[next]!.start;
    if (docs.slice(0, next).some((d) => d.end > seam)) return null;
    if (w.layout.sections.some((s) => s.start < seam && s.end > seam)) return null;
    return { next };
  };

  /** The window after `w`'s seam, when the seam holds (the document there is found again, the same). */
  const after = (w: Window, cut: Cut, chars: number): Window | null => {
    const d = w.layout.documents[cut.next]!;
    const at = w.lines[d.start]!;
    const carried = w.layout.documents[cut.next - 1]!.groups.map((g) => w.lines[g]!);
    const start: LineStart = { line: at.line, page: at.page, blankBefore: at.blankBefore, afterBreak: at.afterBreak };
    const next = open(at.line - 1, chars, start, carried);
    const again = next.layout.documents[0];
    return again !== undefined && again.start === next.carried && headKey(next.lines, again) === headKey(w.lines, d) ? next : null;
  };

  const docWarnings: ParseWarning[] = [];
  const appointmentWarnings: ParseWarning[] = [];
  const chronicleWarnings: ParseWarning[] = [];
  const slipWarnings: ParseWarning[] = [];
  const documents: DocumentRecord[] = [];
  const appointments: Appointment[] = [];
  const chronicle: ChronicleEntry[] = [];
  let routingSlip: RoutingSlip | null = null;
  // Only the line and the reason: a dropped line's text is a slice of its window's text and would keep all of it.
  const dropped: Pick<DroppedLine, 'line' | 'reason'>[] = [];
  const sectionRegions: ParseResult['accounting']['regions'] = [];
  const documentRegions: ParseResult['accounting']['regions'] = [];
  const unplaced: number[] = [];
  let frontRegion: ParseResult['accounting']['regions'] = [];
  let keptLines = 0;
  let kind: FileKind = 'document';
  let issue: ParseResult['issue'] = null;
  let compiled = false;

  let current = open(0, windowChars, { line: 1, page: null, blankBefore: 0, afterBreak: false }, []);
  for (;;) {
    let w = current;
    let cut: Cut | null = null;
    let next: Window | null = null;
    // Grow the window until it has a seam that holds, or reaches the end of the file.
    for (let chars = windowChars; !w.atEnd; ) {
      cut = cutOf(w);
      next = cut === null ? null : after(w, cut, windowChars);
      if (next !== null) break;
      chars *= 2;
      w = open(w.first, chars, w.start, w.lines.slice(0, w.carried));
      cut = null;
    }

    const { lines, layout, carried } = w;
    if (w.first === 0) {
      // The top of the file: routing slip, masthead, front matter (the first window, grown to its final size).
      const slip = layout.sections.some((s) => s.kind === 'routing-slip');
      kind = slip ? 'routed-document' : looksLikeGazette(lines) ? 'gazette' : 'document';
      if (kind === 'gazette') issue = readIssue(lines, layout.frontEnd);
      if (layout.frontEnd >= 0) frontRegion = [{ kind: 'front-matter', line: lines[0]!.line, endLine: lines[layout.frontEnd]!.line }];
    }
    const taken = cut === null ? layout.documents.length : cut.next;
    const seam = cut === null ? lines.length : layout.documents[cut.next]!.start;
    const seamLine = seam < lines.length ? lines[seam]!.line : Infinity;

    const spans = layout.documents.slice(0, taken);
    const parsed = spans.map((span) => readDocument(lines, span, docWarnings));
    for (const p of parsed) documents.push(p.record);
    compiled ||= spans.some((d) => compiledDocument(lines, d));

    const issueYear = issue?.year ?? null;
    for (const s of layout.sections) {
      if (s.start >= seam) continue;
      const part = lines.slice(s.start, s.end);
      // Copied (structuredClone): their strings are slices of the window's text and would keep all of it to the end.
      if (s.kind === 'appointments') appointments.push(...structuredClone(readAppointments(part, appointmentWarnings)));
      else if (s.kind === 'chronicle') chronicle.push(...structuredClone(readChronicle(part, issueYear ?? yearOfDate(documents[0]?.date ?? null), chronicleWarnings)));
      else routingSlip = readRoutingSlip(part, slipWarnings);
      sectionRegions.push({ kind: s.kind, line: lines[s.start]!.line, endLine: lines[s.end - 1]!.line });
    }
    for (const d of spans) documentRegions.push({ kind: 'document', line: lines[d.start]!.line, endLine: lines[d.end - 1]!.line });
    for (const l of w.dropped) if (l.line < seamLine) dropped.push({ line: l.line, reason: l.reason });

    const covered = new Uint8Array(seam);
    const cover = (from: number, to: number) => covered.fill(1, Math.max(0, from), Math.min(seam, to));
    cover(0, carried);
    cover(0, layout.frontEnd + 1);
    for (const d of spans) cover(d.start, d.end);
    for (const s of layout.sections) if (s.start < seam) cover(s.start, s.end);
    for (let i = 0; i < seam; i++) if (!covered[i]) unplaced.push(lines[i]!.line);
    keptLines += seam - carried;

    yield { parsed, lines, issue, routed: kind === 'routed-document', done: next === null ? raw.length : offset(next.first), total: raw.length };
    if (next === null) break;
    current = next;
  }

  if (kind === 'document' && compiled) kind = 'compilation';
  if (issue !== null) crossCheckToc(issue, documents, docWarnings);
  const warnings = [...docWarnings, ...appointmentWarnings, ...chronicleWarnings, ...slipWarnings];
  if (keptLines === 0) warnings.push({ code: 'empty-input', message: '输入中没有可读的文字' });
  else if (documents.length === 0 && appointments.length === 0 && chronicle.length === 0 && routingSlip === null) {
    warnings.push({ code: 'nothing-recognised', message: '未识别出公文、人事任免、大事记或批办单' });
  }
  if (unplaced.length > 0) warnings.push(unplacedWarning(unplaced));
  return {
    source,
    kind,
    issue,
    documents,
    appointments,
    chronicle,
    routingSlip,
    warnings,
    accounting: {
      lineCount: total,
      dropped: droppedByReason(dropped),
      regions: [...frontRegion, ...sectionRegions, ...documentRegions],
      unplaced,
    },
  };
}
