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
import type { Directory } from './directory/index.ts';
import { assignToReceiver, documentTasks } from './extract/index.ts';
import { parseDocuments, type ParsedText } from './parse/index.ts';
import type { ParseResult } from './types.ts';

export type { ParsedText };
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
