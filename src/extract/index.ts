// Extraction: a parsed document's measures → tasks with units, deadlines and targets.
import type { DocumentRecord, ParseWarning, ReceiverAssignment, RoutingSlip } from '../types.ts';
import type { Outline } from '../parse/outline.ts';
import { defaultDirectory, jurisdictionOf, mapToReceiver, receiverOfSlip, unitResolver, type Directory } from '../directory/index.ts';
import { parseDeadline } from './deadline.ts';
import { parseTargets } from './target.ts';
import { extractTasks, type ExtractContext, type Extracted } from './tasks.ts';

/** The context extraction reads a document's tasks in: its year, date and jurisdiction. */
export function contextFor(record: DocumentRecord, directory: Directory = defaultDirectory()): ExtractContext {
  const year = record.date === null ? null : Number(record.date.slice(0, 4));
  // Units resolve in the issuer's jurisdiction (通辽市人民政府办公室 → 通辽市).
  const resolveInJurisdiction = unitResolver(jurisdictionOf(record.issuer, record.docNumber, directory), directory);
  return {
    year,
    issued: record.date,
    resolve: (name) => ({ name, canonical: resolveInJurisdiction(name).canonical }),
    deadline: (text) => parseDeadline(text, { year, issued: record.date }),
    targets: (text) => parseTargets(text),
  };
}

/** The tasks and duties of one document. */
export function documentTasks(record: DocumentRecord, outline: Outline, warnings: ParseWarning[], directory?: Directory): Extracted {
  return extractTasks(outline, contextFor(record, directory), warnings);
}

/**
 * For a routed document: which of the receiving office's own units take up each task, and the
 * whole draft assignment for the slip. The receiver is the one whose units the slip names.
 */
export function assignToReceiver(slip: RoutingSlip, documents: readonly DocumentRecord[], directory: Directory = defaultDirectory()): ReceiverAssignment | null {
  const named = [slip.office, slip.proposal?.lead ?? null, ...(slip.proposal?.cooperating ?? [])].filter((n): n is string => n !== null);
  const receiver = receiverOfSlip(named, directory);
  if (receiver === null) return null;
  const units: string[] = [];
  const unmapped: string[] = [];
  for (const doc of documents) {
    for (const task of doc.tasks) {
      const mine: string[] = [];
      for (const unit of [...task.leads, ...task.responsible, ...task.cooperating]) {
        const targets = unit.canonical === null ? [] : mapToReceiver(unit.canonical, receiver, directory);
        if (targets.length === 0 && !unmapped.includes(unit.name)) unmapped.push(unit.name);
        for (const t of targets) if (!mine.includes(t)) mine.push(t);
      }
      task.receiverUnits = mine;
      for (const t of mine) if (!units.includes(t)) units.push(t);
    }
  }
  return { receiver, units, unmapped };
}
