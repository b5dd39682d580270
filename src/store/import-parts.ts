// One file's text into the store a window of documents at a time (src/pipeline.ts
// parseTextInParts): each window is parsed, extracted, derived and written, then let go, so an
// import's memory follows the window size and not the file's (a 100 MB file took 2 GB whole).
// Still one transaction per file: a killed import leaves the store as it was.
//
// What can only be known once the whole file is read is settled at the end, in the same
// transaction: the file's kind and warnings, who may read each document (a 版头 mark may belong to
// the next document's head, and the file's kind decides the rest), and whether the file is to be
// refused at all (a 密级 mark anywhere): then the transaction is rolled back.
//
// A file that fits in one window (nearly every file) is parsed completely before the transaction
// opens, as before: only a larger file keeps its transaction open while it is parsed.
import { classifiedRefusal, documentAccess, storedTopics } from '../classify/index.ts';
import { parseTextInParts, type ParsedPart } from '../pipeline.ts';
import type { DocumentRecord, ParseResult } from '../types.ts';
import type { Dialect } from './dialect.ts';
import { collectGarbage } from './heap.ts';
import { bodiesFromLines, deriveDocument, type DerivedDocument } from './derive.ts';
import type { Database } from './schema.ts';
import { beginSource, finishSource, resolveLinks, writeDocuments, writeFileEntries, type FileRows, type SourceMeta, type WriteCounts } from './writer.ts';
import type { Transaction } from 'kysely';
import type { ParseWarning } from '../types.ts';

/** How far an import has come through one file: characters of its text, documents written. */
export interface PartProgress {
  done: number;
  total: number;
  documents: number;
}

export interface PartsOptions {
  /** Characters per window (src/parse/windows.ts; tests make it small). */
  windowChars?: number;
  onProgress?: (progress: PartProgress) => void;
  /**
   * Which of a window's documents to write, by their index in it (the others are copies of stored
   * ones: duplicates.ts); `firstSeq` is the first one's position in the file, and `written` gets
   * the ids of the ones written. All of them by default.
   */
  select?: (documents: DerivedDocument[], firstSeq: number) => Promise<{ fresh: number[]; written: (ids: readonly number[]) => void }>;
}

/** Why a file is not written, found while reading it (the transaction is rolled back). */
export class FileNotWritten extends Error {
  constructor(
    readonly status: 'refused' | 'failed',
    message: string,
  ) {
    super(message);
  }
}

/** A parse that failed on a file (not the store): the file is reported, the import goes on. */
function parseFailure(e: unknown): FileNotWritten {
  return e instanceof FileNotWritten ? e : new FileNotWritten('failed', `解析失败：${e instanceof Error ? e.message : String(e)}`);
}

function understood(r: ParseResult): number {
  return r.documents.length + r.appointments.length + r.chronicle.length + (r.routingSlip ? 1 : 0);
}

/** Refuses a file with a 密级 mark, fails one with nothing recognised (the importer's checks, on the whole result). */
function check(text: string, result: ParseResult): void {
  // Classified documents (绝密, 机密, 秘密) are refused: a system that is not a classified system
  // must not hold state secrets. The marks are looked for at the top of the file too, so a file
  // whose documents were not recognised is refused as well.
  const refusal = classifiedRefusal(text, result);
  if (refusal !== null) throw new FileNotWritten('refused', refusal);
  if (understood(result) === 0) throw new FileNotWritten('failed', `未识别出任何公文内容（${result.warnings.map((w) => w.message).join('；') || '无可读文字'}）`);
}

/** A file's text, parsed as far as can be before the transaction: all of it when it fits one window. */
export interface ReadAhead {
  text: string;
  inputWarnings: ParseWarning[];
  parts: Generator<ParsedPart, ParseResult, void>;
  first: ParsedPart;
  /** The whole result when the first window was the whole file. */
  result: ParseResult | null;
}

/** Parses the first window of `text` (and finishes a file that fits in it, checks included). Throws FileNotWritten. */
export function readAhead(text: string, name: string, inputWarnings: ParseWarning[], options: PartsOptions = {}): ReadAhead {
  try {
    const parts = parseTextInParts(text, name, { windowChars: options.windowChars });
    const step = parts.next();
    if (step.done === true) throw new Error('no window');
    let result: ParseResult | null = null;
    if (step.value.done === step.value.total) {
      const last = parts.next();
      if (last.done !== true) throw new Error('a window after the end');
      result = withInput(last.value, inputWarnings);
      check(text, result);
    }
    return { text, inputWarnings, parts, first: step.value, result };
  } catch (e) {
    throw parseFailure(e);
  }
}

function withInput(result: ParseResult, inputWarnings: readonly ParseWarning[]): ParseResult {
  result.warnings.unshift(...inputWarnings);
  return result;
}

/** How often a large file's entries stop for a collection: ~6,000 entries, a full GC of ~150 ms each. */
const GC_EVERY_BATCHES = 20;

function collectEvery(n: number): (batches: number) => void {
  return (batches) => {
    if (batches % n === 0) collectGarbage();
  };
}

/** A window's documents ready to write; who may read them is settled at the end (settleAccess). */
function derivePart(part: ParsedPart): DerivedDocument[] {
  const records = part.parsed.map((p) => p.record);
  const bodies = bodiesFromLines(part.lines, records);
  return records.map((record, i) => {
    const body = bodies[i] ?? '';
    return deriveDocument(record, body, { access: 'internal', accessReason: '', ...storedTopics({ title: record.title, docNumber: record.docNumber, body }) });
  });
}

/**
 * A written document's record as far as the end of the file still reads it (title, head, lines,
 * publicity): its outline, tasks and duties are in the store, and its strings are copied, since
 * as slices of the window's text they would keep all of it until the file is done. A routed
 * document keeps its tasks: the receiver's plan is made from them at the end.
 */
function lighten(record: DocumentRecord): void {
  Object.assign(record, structuredClone({ ...record, outline: [], tasks: [], duties: [] }));
}

/** Who may read each document, from the whole file, written over what the parts wrote (internal, no reason). */
async function settleAccess(trx: Transaction<Database>, text: string, result: ParseResult, documentIds: readonly number[], seqs: readonly number[]): Promise<void> {
  const access = documentAccess(text, result);
  const open: number[] = [];
  for (const [k, id] of documentIds.entries()) {
    const a = access[seqs[k]!]!;
    await trx.updateTable('documents').set({ access: a.access, access_reason: a.reason }).where('id', '=', id).execute();
    if (a.access === 'public') open.push(id);
  }
  for (let i = 0; i < open.length; i += 500) {
    await trx.updateTable('search_entries').set({ public: 1 }).where('document_id', 'in', open.slice(i, i + 500)).execute();
  }
}

/**
 * Writes the file read ahead, inside the caller's transaction, reading and writing the windows
 * that are left. Throws FileNotWritten (the caller rolls back) for a file to refuse or that fails.
 */
export async function writeParts(
  trx: Transaction<Database>,
  dialect: Dialect,
  meta: SourceMeta,
  ahead: ReadAhead,
  options: PartsOptions = {},
): Promise<WriteCounts & { sourceId: number; result: ParseResult }> {
  const { text, parts } = ahead;
  const provisional = { kind: ahead.result?.kind ?? 'document', warnings: ahead.result?.warnings ?? [], routingSlip: ahead.result?.routingSlip ?? null };
  const rows: FileRows = await beginSource(trx, dialect, meta, provisional, ahead.first.issue);
  const documentIds: number[] = [];
  let tasks = 0;
  let links = 0;
  /** Each written document's position in the file, for settleAccess. */
  const writtenSeqs: number[] = [];
  let seen = 0;
  const write = async (part: ParsedPart) => {
    let derived: DerivedDocument[];
    try {
      derived = derivePart(part);
    } catch (e) {
      throw parseFailure(e);
    }
    const chosen = options.select ? await options.select(derived, seen) : null;
    const fresh = chosen?.fresh ?? derived.map((_, i) => i);
    writtenSeqs.push(...fresh.map((i) => seen + i));
    seen += derived.length;
    const written = await writeDocuments(trx, dialect, rows, fresh.map((i) => derived[i]!));
    chosen?.written(written.documentIds);
    if (!part.routed) for (const p of part.parsed) lighten(p.record);
    documentIds.push(...written.documentIds);
    tasks += written.tasks;
    links += written.links;
    if (ahead.result === null) collectGarbage();
    options.onProgress?.({ done: part.done, total: part.total, documents: documentIds.length });
  };

  await write(ahead.first);
  let result = ahead.result;
  while (result === null) {
    let step: IteratorResult<ParsedPart, ParseResult>;
    try {
      step = parts.next();
    } catch (e) {
      throw parseFailure(e);
    }
    if (step.done === true) {
      collectGarbage();
      result = withInput(step.value, ahead.inputWarnings);
      check(text, result);
    } else await write(step.value);
  }

  await settleAccess(trx, text, result, documentIds, writtenSeqs);
  const large = ahead.result === null;
  if (large) collectGarbage();
  const entries = await writeFileEntries(trx, dialect, rows, result, large ? collectEvery(GC_EVERY_BATCHES) : undefined);
  await finishSource(trx, rows.sourceId, result);
  await resolveLinks(trx, dialect, documentIds);
  return { sourceId: rows.sourceId, documents: documentIds.length, tasks, links, ...entries, documentIds, result };
}
