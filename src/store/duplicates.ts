// Finding and recording the documents of an incoming file that the store already holds
// (identity.ts says when two documents are one; docs/decisions.md "One document, stored once"
// says what happens to them). Runs inside the file's transaction, after the previous version of
// the same path is gone, so a replace is never a duplicate of itself.
import { createHash } from 'node:crypto';
import { sql, type Kysely, type Transaction } from 'kysely';
import { recordAudit, type Actor } from './audit.ts';
import type { DerivedDocument, DerivedFile } from './derive.ts';
import type { Dialect } from './dialect.ts';
import type { Database } from './schema.ts';

type Trx = Transaction<Database>;
type Db = Trx | Kysely<Database>;

export type MatchedBy = 'identity' | 'text' | 'bytes';

/** A stored document that an incoming one repeats. */
export interface StoredDocument {
  documentId: number;
  sourceFileId: number;
  path: string;
  title: string;
  docNumber: string | null;
}

/** What an incoming document (its position in the file) repeats: a stored document, or an earlier one of the same file. */
export type Match = { seq: number; matchedBy: MatchedBy } & ({ stored: StoredDocument } | { earlierSeq: number });

/** One duplicate as the import outcome reports it. */
export interface DuplicateView {
  /** Position of the copy among the documents of its file, from 0. */
  seq: number;
  title: string;
  docNumber: string | null;
  /** The stored document it repeats, and the file that brought that one. */
  documentId: number;
  path: string;
  matchedBy: MatchedBy;
}

/** The copy's file, as the link rows name it. */
export interface CopyFile {
  path: string;
  name: string;
  hash: string;
}

const BATCH = 300;

/**
 * PostgreSQL runs imports side by side: two copies of one document imported at the same moment
 * would each find the other absent and both be stored. Each import first takes a lock for every
 * identity key and fingerprint of its documents (transaction-scoped advisory locks, in one
 * order so that two imports cannot wait on each other), at the start of its transaction, before
 * any row lock; the second one then reads the first one's documents. SQLite has one writer at a
 * time.
 */
export async function lockIdentities(trx: Trx, dialect: Dialect, documents: readonly DerivedDocument[]): Promise<void> {
  if (dialect !== 'postgres') return;
  const values = new Set(documents.flatMap((d) => [d.identityKey, d.textFingerprint].filter((v): v is string => v !== null)));
  if (values.size === 0) return;
  const locks = [...values].map((v) => BigInt.asIntN(64, BigInt(`0x${createHash('sha256').update(v).digest('hex').slice(0, 16)}`)));
  const ordered = [...new Set(locks)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)).map(String);
  await sql`SELECT pg_advisory_xact_lock(k) FROM (SELECT k FROM unnest(${ordered}::bigint[]) AS k ORDER BY k) AS ordered`.execute(trx);
}

async function storedBy(trx: Db, column: 'identity_key' | 'text_fingerprint', values: readonly string[]): Promise<Map<string, StoredDocument>> {
  const found = new Map<string, StoredDocument>();
  const list = [...new Set(values)];
  for (let i = 0; i < list.length; i += BATCH) {
    const rows = await trx
      .selectFrom('documents as d')
      .innerJoin('source_files as s', 's.id', 'd.source_file_id')
      .select(['d.id', 'd.source_file_id', 'd.title', 'd.doc_number', 's.path', `d.${column} as value`])
      .where(`d.${column}`, 'in', list.slice(i, i + BATCH))
      .orderBy('d.id')
      .execute();
    // The first stored copy is the original: the earliest id wins.
    for (const r of rows) {
      if (r.value !== null && !found.has(r.value)) found.set(r.value, { documentId: r.id, sourceFileId: r.source_file_id, path: r.path, title: r.title, docNumber: r.doc_number });
    }
  }
  return found;
}

/** For each document of the file, what it repeats (by identity key first, then by text), or null when it is new. */
export async function findDuplicates(trx: Db, documents: readonly DerivedDocument[]): Promise<(Match | null)[]> {
  const keys = documents.flatMap((d) => (d.identityKey === null ? [] : [d.identityKey]));
  const prints = documents.flatMap((d) => (d.textFingerprint === null ? [] : [d.textFingerprint]));
  const byKey = keys.length > 0 ? await storedBy(trx, 'identity_key', keys) : new Map<string, StoredDocument>();
  const byPrint = prints.length > 0 ? await storedBy(trx, 'text_fingerprint', prints) : new Map<string, StoredDocument>();
  const firstKey = new Map<string, number>();
  const firstPrint = new Map<string, number>();
  return documents.map((d, seq): Match | null => {
    const k = d.identityKey;
    const p = d.textFingerprint;
    let match: Match | null = null;
    if (k !== null && byKey.has(k)) match = { seq, matchedBy: 'identity', stored: byKey.get(k)! };
    else if (p !== null && byPrint.has(p)) match = { seq, matchedBy: 'text', stored: byPrint.get(p)! };
    else if (k !== null && firstKey.has(k)) match = { seq, matchedBy: 'identity', earlierSeq: firstKey.get(k)! };
    else if (p !== null && firstPrint.has(p)) match = { seq, matchedBy: 'text', earlierSeq: firstPrint.get(p)! };
    if (match === null) {
      if (k !== null) firstKey.set(k, seq);
      if (p !== null) firstPrint.set(p, seq);
    }
    return match;
  });
}

/**
 * Whether the file as a whole is another copy of what is stored, so nothing of it is written:
 * every document of it is stored already, and what it holds besides documents (a gazette's
 * appointments and chronicle, a routing slip) is what the one stored file its documents come
 * from holds too. A file whose documents are all stored but which brings appointments or a
 * chronicle of its own is written without those documents.
 */
export async function isWholeCopy(trx: Db, file: DerivedFile, matches: readonly (Match | null)[]): Promise<boolean> {
  if (matches.length === 0 || matches.some((m) => m === null)) return false;
  const { result } = file;
  const extras = result.appointments.length + result.chronicle.length + (result.routingSlip ? 1 : 0);
  if (extras === 0) return true;
  const sources = new Set(matches.flatMap((m) => (m !== null && 'stored' in m ? [m.stored.sourceFileId] : [])));
  if (sources.size !== 1) return false;
  const [sourceId] = [...sources] as [number];
  const count = async (table: 'appointments' | 'chronicle_entries') =>
    Number((await trx.selectFrom(table).select((eb) => eb.fn.countAll<number | string>().as('n')).where('source_file_id', '=', sourceId).executeTakeFirstOrThrow()).n);
  const slip = await trx.selectFrom('source_files').select('routing_slip').where('id', '=', sourceId).executeTakeFirstOrThrow();
  return (await count('appointments')) === result.appointments.length && (await count('chronicle_entries')) === result.chronicle.length && (slip.routing_slip !== null) === (result.routingSlip !== null);
}

/** The duplicates as the outcome reports them, given the ids of the documents this file wrote (by their position in the file). */
export function duplicateViews(documents: readonly DerivedDocument[], matches: readonly (Match | null)[], writtenIds: ReadonlyMap<number, number>, path: string): DuplicateView[] {
  return matches.flatMap((m): DuplicateView[] => {
    if (m === null) return [];
    const d = documents[m.seq]!.record;
    const base = { seq: m.seq, title: d.title, docNumber: d.docNumber, matchedBy: m.matchedBy };
    if ('stored' in m) return [{ ...base, documentId: m.stored.documentId, path: m.stored.path }];
    const id = writtenIds.get(m.earlierSeq);
    return id === undefined ? [] : [{ ...base, documentId: id, path }];
  });
}

/** Writes the link rows of a copy's duplicates (sourceFileId: the copy's file when it is stored). */
export async function recordDuplicates(trx: Trx, copy: CopyFile, sourceFileId: number | null, views: readonly DuplicateView[], at: string): Promise<void> {
  for (let i = 0; i < views.length; i += BATCH) {
    await trx
      .insertInto('document_duplicates')
      .values(
        views.slice(i, i + BATCH).map((v) => ({
          document_id: v.documentId,
          source_file_id: sourceFileId,
          path: copy.path,
          name: copy.name,
          content_hash: copy.hash,
          seq: v.seq,
          doc_number: v.docNumber,
          title: v.title,
          matched_by: v.matchedBy,
          recorded_at: at,
        })),
      )
      .execute();
  }
}

/** What an import does with a file's documents: write the new ones, link the others. */
export interface CopyPlan {
  /** The file is another copy of what is stored: nothing of it is written (isWholeCopy). */
  whole: boolean;
  /** The documents to write, in file order. */
  fresh: DerivedDocument[];
  /** The duplicates, given the ids writeFile returned for `fresh` (none for a whole copy). */
  views(writtenIds: readonly number[]): DuplicateView[];
}

/** Decides, inside the file's transaction, which documents of the file are new (path: the file's own, for copies inside it). */
export async function planCopies(trx: Db, file: DerivedFile, path: string): Promise<CopyPlan> {
  const matches = await findDuplicates(trx, file.documents);
  const whole = await isWholeCopy(trx, file, matches);
  const freshSeqs = matches.flatMap((m, seq) => (m === null ? [seq] : []));
  return {
    whole,
    fresh: freshSeqs.map((seq) => file.documents[seq]!),
    views: (ids) => duplicateViews(file.documents, matches, new Map(freshSeqs.map((seq, k) => [seq, ids[k]!])), path),
  };
}

/** Records a copy of which nothing is stored: its links and the audit event. */
export async function recordWholeCopy(trx: Trx, copy: CopyFile, views: readonly DuplicateView[], at: Date, actor: Actor, bytesOf?: { id: number; path: string }): Promise<void> {
  await recordDuplicates(trx, copy, null, views, at.toISOString());
  const duplicates = views.map(({ seq, documentId, matchedBy }) => ({ seq, documentId, matchedBy }));
  await recordAudit(trx, {
    at,
    actor,
    action: 'import-duplicate',
    entity: 'source_file',
    entityId: bytesOf?.id ?? null,
    after: { path: copy.path, name: copy.name, hash: copy.hash, ...(bytesOf ? { duplicateOf: bytesOf.path } : {}), duplicates },
  });
}

/** A file (not stored) already recorded as a copy, by its path and bytes: its duplicates as recorded. */
export async function recordedCopy(db: Db, path: string, hash: string): Promise<DuplicateView[]> {
  const rows = await db
    .selectFrom('document_duplicates as x')
    .innerJoin('documents as d', 'd.id', 'x.document_id')
    .innerJoin('source_files as s', 's.id', 'd.source_file_id')
    .select(['x.seq', 'x.title', 'x.doc_number', 'x.document_id', 'x.matched_by', 's.path'])
    .where('x.path', '=', path)
    .where('x.content_hash', '=', hash)
    .where('x.source_file_id', 'is', null)
    .orderBy('x.seq')
    .execute();
  return rows.map((r) => ({ seq: r.seq, title: r.title, docNumber: r.doc_number, documentId: r.document_id, path: r.path, matchedBy: r.matched_by as MatchedBy }));
}

/** The documents of a stored file, as the duplicates of a byte-for-byte copy of it. */
export async function byteCopyViews(db: Db, sourceFileId: number, path: string): Promise<DuplicateView[]> {
  const rows = await db.selectFrom('documents').select(['id', 'seq', 'title', 'doc_number']).where('source_file_id', '=', sourceFileId).orderBy('seq').execute();
  return rows.map((r, seq) => ({ seq, title: r.title, docNumber: r.doc_number, documentId: r.id, path, matchedBy: 'bytes' as const }));
}

const LISTED = 3;

/** A stored file as a person knows it: its path, or for an upload (upload:SHA-256/name) its name. */
export function fileLabel(path: string): string {
  const upload = /^upload:[0-9a-f]{64}\/(.*)$/s.exec(path);
  return upload ? `上传的 ${upload[1]}` : path;
}

function named(v: DuplicateView): string {
  const title = v.title === '' ? '（无标题）' : `《${v.title}》`;
  return `${title}${v.docNumber ? `（${v.docNumber}）` : ''}已由 ${fileLabel(v.path)} 导入`;
}

/** What the user reads about a file's duplicates, in Chinese: which documents, stored from which files. */
export function duplicateMessage(views: readonly DuplicateView[], wholeFile: boolean): string {
  const listed = views.slice(0, LISTED).map(named).join('；');
  const more = views.length > LISTED ? `；另有 ${views.length - LISTED} 份` : '';
  return wholeFile
    ? `与库中已有公文重复，未重复保存（${listed}${more}）`
    : `其中 ${views.length} 份公文库中已有，未重复保存（${listed}${more}）`;
}
