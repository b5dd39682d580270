// Extraction: a parsed document's measures → tasks with units, deadlines and targets.
import type { DocumentRecord, ParseWarning } from '../types.ts';
import type { Outline } from '../parse/outline.ts';
import { jurisdictionOf, unitResolver } from '../directory/index.ts';
import { extractTasks, type ExtractContext, type Extracted } from './tasks.ts';

/** The context extraction reads a document's tasks in: its year, date and jurisdiction. */
export function contextFor(record: DocumentRecord): ExtractContext {
  const year = record.date === null ? null : Number(record.date.slice(0, 4));
  // Units resolve in the issuer's jurisdiction (通辽市人民政府办公室 → 通辽市).
  const resolveInJurisdiction = unitResolver(jurisdictionOf(record.issuer, record.docNumber));
  return {
    year,
    issued: record.date,
    resolve: (name) => ({ name, canonical: resolveInJurisdiction(name).canonical }),
    deadline: () => null,
    targets: () => [],
  };
}

/** The tasks and duties of one document. */
export function documentTasks(record: DocumentRecord, outline: Outline, warnings: ParseWarning[]): Extracted {
  return extractTasks(outline, contextFor(record), warnings);
}
