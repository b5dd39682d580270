// The pure pipeline: the stages in order, each taking what the one before returns. A stage never
// calls the next; this module is the one place that says what follows what.
//
//   bytes ─ src/input (readBytes, async: the caller's edge) ─► text
//   text  ─ src/text + src/parse  (parseDocuments)  ─► documents, outlines, sections; tasks empty
//         ─ src/extract           (extractDocuments) ─► every document's tasks and duties
//         ─ src/extract, src/directory (planReceiver) ─► a routed document's receiving units
//
// No disk, no database: callers bring the text. The store and the CLI call parseText; the
// parser benchmark times the parse and extraction stages apart (parseDocuments, then extractAll).
// parseTextInParts runs the same stages a window of the text at a time (src/parse/windows.ts), for
// callers that write each part's documents and let them go (the importer): same result.
import type { Directory } from './directory/index.ts';
import { assignToReceiver, documentTasks } from './extract/index.ts';
import { parseDocuments, type ParsedText } from './parse/index.ts';
import { parseInWindows, type ParsedPart, type WindowOptions } from './parse/windows.ts';
import type { ParseResult, ParseWarning } from './types.ts';

export type { ParsedText, ParsedPart, WindowOptions };
export { parseDocuments };

export interface ExtractOptions {
  /** The unit directory to resolve names in (default: the built-in one; an office adds its own files). */
  directory?: Directory;
}

/** Extraction: fills each document's tasks and duties from its measures. */
export function extractDocuments({ result, parsed }: ParsedText, options: ExtractOptions = {}): void {
  for (const p of parsed) {
    const { tasks, duties } = documentTasks(p.record, p.outline, result.warnings, options.directory);
    p.record.tasks = tasks;
    p.record.duties = duties;
  }
}

/** For a routed document, after extraction: which of the receiving office's units take up each task. */
export function planReceiver(result: ParseResult, options: ExtractOptions = {}): void {
  if (result.routingSlip !== null) result.routingSlip.plan = assignToReceiver(result.routingSlip, result.documents, options.directory);
}

/** The stages after parsing: extraction, then the receiver plan. */
export function extractAll(parsed: ParsedText, options: ExtractOptions = {}): ParseResult {
  extractDocuments(parsed, options);
  planReceiver(parsed.result, options);
  return parsed.result;
}

/** text → ParseResult: every stage, parsing and extraction. */
export function parseText(raw: string, source: string, options: ExtractOptions = {}): ParseResult {
  return extractAll(parseDocuments(raw, source), options);
}

/**
 * text → ParseResult as parseText gives it, yielding each window's documents once their tasks are
 * extracted. The extraction warnings follow the parse warnings, as in parseText.
 */
export function* parseTextInParts(raw: string, source: string, options: ExtractOptions & WindowOptions = {}): Generator<ParsedPart, ParseResult, void> {
  const extractionWarnings: ParseWarning[] = [];
  const parts = parseInWindows(raw, source, options);
  for (;;) {
    const step = parts.next();
    if (step.done === true) {
      const result = step.value;
      result.warnings.push(...extractionWarnings);
      planReceiver(result, options);
      return result;
    }
    for (const p of step.value.parsed) {
      const { tasks, duties } = documentTasks(p.record, p.outline, extractionWarnings, options.directory);
      p.record.tasks = tasks;
      p.record.duties = duties;
    }
    yield step.value;
  }
}
