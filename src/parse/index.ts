// The parse stage: text → the file's kind, masthead, documents with their outlines, personnel
// decisions, chronicle and routing slip, with every document's tasks still empty (extraction is
// the next stage; src/pipeline.ts runs them in order). No disk, no database: callers bring the text.
import type { DocumentRecord, FileKind, IssueInfo, ParseResult, ParseWarning } from '../types.ts';
import type { TextLine } from '../text/lines.ts';
import { readAppointments } from './appointments.ts';
import { readChronicle } from './chronicle.ts';
import { readDocument, type ParsedDocument } from './document.ts';
import { looksLikeGazette, readIssue, sameLetters, titleLetters } from './issue.ts';
import { prepare } from './prepare.ts';
import { readRoutingSlip } from './routing-slip.ts';
import { segment, TRAILING_DATE, type DocumentSpan, type Layout } from './segment.ts';

/** A document that marks its file as a compilation: under a compilation heading, or with a numbered, dated heading of its own. */
export function compiledDocument(lines: readonly TextLine[], d: DocumentSpan): boolean {
  if (d.title.length > 0 && d.groups.length > 0) return true;
  const first = d.title[0];
  return first !== undefined && /^\d{1,3}[.．、]/.test(lines[first]!.text) && TRAILING_DATE.test(d.title.map((i) => lines[i]!.text).join(''));
}

function detectKind(lines: readonly TextLine[], layout: Layout): FileKind {
  if (layout.sections.some((s) => s.kind === 'routing-slip')) return 'routed-document';
  if (looksLikeGazette(lines)) return 'gazette';
  if (layout.documents.some((d) => compiledDocument(lines, d))) return 'compilation';
  return 'document';
}

/** The warning for lines that belong to no document or section (the first ten named). */
export function unplacedWarning(unplaced: readonly number[]): ParseWarning {
  return { code: 'unplaced-text', message: `${unplaced.length} 行文字不属于任何文件或栏目：第 ${unplaced.slice(0, 10).join('、')}${unplaced.length > 10 ? '…' : ''} 行`, line: unplaced[0] };
}

/** The lines the reader dropped, grouped by why, in the order the reasons first occur. */
export function droppedByReason(dropped: readonly { reason: string; line: number }[]): { reason: string; lines: number[] }[] {
  const byReason = new Map<string, number[]>();
  for (const d of dropped) {
    const list = byReason.get(d.reason);
    if (list) list.push(d.line);
    else byReason.set(d.reason, [d.line]);
  }
  return [...byReason].map(([reason, lines]) => ({ reason, lines }));
}

/** Warnings for TOC entries without a document and documents missing from the TOC. */
export function crossCheckToc(issue: IssueInfo, documents: readonly DocumentRecord[], warnings: ParseWarning[]): void {
  const docEntries = issue.toc.filter((e) => !/(人事任免|大事记|任免事项)/.test(e.title));
  // Every entry is compared with every document: extract each title's letters once, not per pair
  // (per pair, a long TOC and thousands of documents took seconds).
  const entryLetters = docEntries.map((e) => titleLetters(e.title));
  const docLetters = documents.map((d) => titleLetters(d.title));
  for (const [k, e] of docEntries.entries()) {
    if (!docLetters.some((d) => sameLetters(d, entryLetters[k]!))) {
      warnings.push({ code: 'toc-unmatched', message: `目录中的“${e.title}”（第${e.page ?? '?'}页）在正文中未找到`, line: e.line });
    }
  }
  for (const [k, d] of documents.entries()) {
    if (d.docNumber !== null && !entryLetters.some((e) => sameLetters(docLetters[k]!, e))) {
      warnings.push({ code: 'document-not-in-toc', message: `正文中的“${d.title}”不在目录中`, line: d.line });
    }
  }
  let last = 0;
  for (const e of docEntries) {
    if (e.page !== null && e.page < last) warnings.push({ code: 'toc-page-order', message: `目录页码倒序：“${e.title}”（第${e.page}页）`, line: e.line });
    if (e.page !== null) last = e.page;
  }
}

/** The year of an ISO date, or null. */
export function yearOfDate(date: string | null): number | null {
  return date === null ? null : Number(date.slice(0, 4));
}

/** The parse result with every document's body and outline, before tasks are extracted. */
export interface ParsedText {
  result: ParseResult;
  parsed: ParsedDocument[];
}

/** text → ParseResult and the parsed documents, with every document's `tasks` still empty. */
export function parseDocuments(raw: string, source: string): ParsedText {
  const warnings: ParseWarning[] = [];
  const prepared = prepare(raw);
  const { lines } = prepared;
  const layout = segment(lines);
  const kind = detectKind(lines, layout);

  const issue = kind === 'gazette' ? readIssue(lines, layout.frontEnd) : null;
  const parsed = layout.documents.map((span) => readDocument(lines, span, warnings));
  const documents = parsed.map((p) => p.record);
  if (issue !== null) crossCheckToc(issue, documents, warnings);

  const issueYear = issue?.year ?? null;
  const appointments = layout.sections
    .filter((s) => s.kind === 'appointments')
    .flatMap((s) => readAppointments(lines.slice(s.start, s.end), warnings));
  const chronicle = layout.sections
    .filter((s) => s.kind === 'chronicle')
    .flatMap((s) => readChronicle(lines.slice(s.start, s.end), issueYear ?? yearOfDate(documents[0]?.date ?? null), warnings));
  const slipSection = layout.sections.find((s) => s.kind === 'routing-slip');
  const routingSlip = slipSection ? readRoutingSlip(lines.slice(slipSection.start, slipSection.end), warnings) : null;

  if (lines.length === 0) warnings.push({ code: 'empty-input', message: '输入中没有可读的文字' });
  else if (documents.length === 0 && appointments.length === 0 && chronicle.length === 0 && routingSlip === null) {
    warnings.push({ code: 'nothing-recognised', message: '未识别出公文、人事任免、大事记或批办单' });
  }

  // Every line that is in no region is reported, so nothing the parser skipped goes unnoticed.
  const covered = new Uint8Array(lines.length);
  const cover = (from: number, to: number) => covered.fill(1, Math.max(0, from), Math.min(lines.length, to));
  cover(0, layout.frontEnd + 1);
  for (const d of layout.documents) cover(d.start, d.end);
  for (const s of layout.sections) cover(s.start, s.end);
  const unplaced: number[] = [];
  for (let i = 0; i < lines.length; i++) if (!covered[i]) unplaced.push(lines[i]!.line);
  if (unplaced.length > 0) warnings.push(unplacedWarning(unplaced));

  const result: ParseResult = {
    source,
    kind,
    issue,
    documents,
    appointments,
    chronicle,
    routingSlip,
    warnings,
    accounting: {
      lineCount: prepared.lineCount,
      dropped: droppedByReason(prepared.dropped),
      regions: [
        ...(layout.frontEnd >= 0 ? [{ kind: 'front-matter', line: lines[0]!.line, endLine: lines[layout.frontEnd]!.line }] : []),
        ...layout.sections.map((s) => ({ kind: s.kind, line: lines[s.start]!.line, endLine: lines[s.end - 1]!.line })),
        ...layout.documents.map((d) => ({ kind: 'document', line: lines[d.start]!.line, endLine: lines[d.end - 1]!.line })),
      ],
      unplaced,
    },
  };
  return { result, parsed };
}
