// Import of files into the store, one transaction per file:
//   - a file whose bytes are already in the store at its path (same SHA-256) changes nothing;
//   - a document already in the store (same 文号, issuer, date and title, or the same normalised
//     text: identity.ts), in whatever file, encoding or format, is not stored again: it is
//     reported as a duplicate and linked to the stored one (duplicates.ts);
//   - a file with no recognisable document (random characters) is refused unless forced;
//   - a file at a path imported before, with new bytes, replaces what was derived from it;
//   - a file that cannot be read or parsed is reported and skipped, the others go on;
//   - reading and parsing happen before the transaction, so a killed process leaves at most one
//     uncommitted transaction, which the engine rolls back: the store is as before that file; a
//     file larger than a parse window is parsed and written a window at a time inside its
//     transaction (import-parts.ts), so memory stays bounded;
//   - a file past a limit (bytes, PDF pages, characters: src/input/limits.ts) is refused, the size
//     before the file is read;
//   - the instant written (imported_at, the audit row's at) comes from the caller's clock, so a
//     demo on a fixed day (--now) and tests see their own time.
import { createHash } from 'node:crypto';
import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, extname, join, resolve } from 'node:path';
import { DEFAULT_LIMITS, checkFileSize, type InputLimits } from '../input/limits.ts';
import { INPUT_EXTENSIONS, InputError, readBytes } from '../input/read.ts';
import type { ParseWarning } from '../types.ts';
import type { Clock } from '../calendar/clock.ts';
import { recordAudit, type Actor } from './audit.ts';
import { deriveFile, type DerivedDocument, type DerivedFile } from './derive.ts';
import { byteCopyViews, duplicateMessage, duplicateViews, findDuplicates, lockIdentities, planCopies, recordDuplicates, recordedCopy, recordWholeCopy, type DuplicateView } from './duplicates.ts';
import { finishWrites } from './fts.ts';
import { FileNotWritten, readAhead, writeParts, type PartProgress, type PartsOptions, type ReadAhead } from './import-parts.ts';
import type { Store } from './open.ts';
import { noDocumentReason } from './recognised.ts';
import { deleteSourceFile, writeFile, type WriteCounts } from './writer.ts';
import { reviewReimportedDocuments } from './supervision/reimport.ts';

/**
 * refused: readable, but not to be kept here (a classified document, or no document at all);
 * duplicate: every document of the file is in the store already, nothing of it was stored.
 */
export type ImportStatus = 'imported' | 'replaced' | 'unchanged' | 'duplicate' | 'failed' | 'refused';

export interface ImportOutcome extends Partial<WriteCounts> {
  path: string;
  name: string;
  status: ImportStatus;
  /** Why a file failed or was refused, or which stored documents a duplicate repeats; Chinese, for the user. */
  message?: string;
  warnings?: ParseWarning[];
  /** The file's documents that were not stored because the store holds them already. */
  duplicates?: DuplicateView[];
}

export interface ImportHooks {
  /** Called inside the file's transaction after all rows are written, before commit (tests use it to die mid-import). */
  beforeCommit?: (path: string) => Promise<void> | void;
}

/** Who imports (the audit trail's actor; the command line's by default), limits, progress within a file, and the test hooks. */
export interface ImportOptions extends ImportHooks, Pick<PartsOptions, 'windowChars'> {
  actor?: Actor;
  /** Store a file even when no document is recognised in it (recognised.ts). */
  force?: boolean;
  limits?: InputLimits;
  /** Called as a large file's documents are written (after each parse window). */
  onProgress?: (path: string, progress: PartProgress) => void;
}

/** What the command line imports as (the audit trail's actor when no one is signed in). */
export const COMMAND_LINE: Actor = { name: 'import' };


/** Extensions picked up when walking a folder; files named explicitly are tried whatever their name. */
const IMPORTABLE = new Set(INPUT_EXTENSIONS);

/** Expands folders (recursively, sorted, hidden entries skipped) into files. */
export async function collectFiles(paths: readonly string[]): Promise<{ files: string[]; errors: ImportOutcome[] }> {
  const files: string[] = [];
  const errors: ImportOutcome[] = [];
  const walk = async (dir: string) => {
    const entries = (await readdir(dir, { withFileTypes: true })).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const e of entries) {
      if (e.name.startsWith('.')) continue;
      const p = join(dir, e.name);
      if (e.isDirectory()) await walk(p);
      else if (e.isFile() && IMPORTABLE.has(extname(e.name).toLowerCase())) files.push(p);
    }
  };
  for (const p of paths) {
    const abs = resolve(p);
    try {
      const info = await stat(abs);
      if (info.isDirectory()) await walk(abs);
      else files.push(abs);
    } catch (e) {
      const missing = (e as NodeJS.ErrnoException).code === 'ENOENT';
      errors.push({ path: abs, name: basename(abs), status: 'failed', message: missing ? '文件或文件夹不存在' : `无法读取：${(e as Error).message}` });
    }
  }
  return { files: [...new Set(files)], errors };
}

function failure(path: string, message: string): ImportOutcome {
  return { path, name: basename(path), status: 'failed', message };
}

/** Imports one file (see the module comment). Never throws for a bad file; store errors do throw. */
export async function importFile(store: Store, filePath: string, clock: Clock, options: ImportOptions = {}): Promise<ImportOutcome> {
  const path = resolve(filePath);
  let bytes: Buffer;
  try {
    checkFileSize((await stat(path)).size, options.limits ?? DEFAULT_LIMITS);
    bytes = await readFile(path);
  } catch (e) {
    if (e instanceof InputError) return failure(path, e.message);
    const code = (e as NodeJS.ErrnoException).code;
    return failure(path, code === 'ENOENT' ? '文件不存在' : code === 'EISDIR' ? '是文件夹，不是文件' : `无法读取：${(e as Error).message}`);
  }
  return importBytes(store, { bytes, name: basename(path), path }, clock, options);
}

/** A file's content, its name, and the path it is known by in the store (an upload's is upload:SHA-256/name). */
export interface IncomingFile {
  bytes: Buffer;
  name: string;
  path: string;
}

/** The store path of an uploaded file: by content, so two uploads of one name never replace each other. */
export function uploadPath(bytes: Buffer, name: string): string {
  return `upload:${createHash('sha256').update(bytes).digest('hex')}/${name}`;
}

/** Imports one file's bytes (see the module comment). Never throws for a bad file; store errors do throw. */
export async function importBytes(store: Store, file: IncomingFile, clock: Clock, options: ImportOptions = {}): Promise<ImportOutcome> {
  const { name, path } = file;
  const size = file.bytes.length;
  const actor = options.actor ?? COMMAND_LINE;
  const hash = createHash('sha256').update(file.bytes).digest('hex');
  const same = await store.db.selectFrom('source_files').select(['id', 'path']).where('content_hash', '=', hash).executeTakeFirst();
  if (same && same.path === path) return { path, name, status: 'unchanged' };
  const recorded = await recordedCopy(store.db, path, hash);
  if (recorded.length > 0) return { path, name, status: 'duplicate', message: duplicateMessage(recorded, true), duplicates: recorded };

  let format: string;
  let ahead: ReadAhead;
  /** The whole file, derived, when it fits one parse window (nearly every file); null for a large one. */
  let derived: DerivedFile | null = null;
  try {
    const input = await readBytes(file.bytes, name, options.limits);
    format = input.format;
    // Classified files are refused and files with nothing recognised fail here (import-parts.ts
    // check), or, for a file larger than a window, at its end inside the transaction.
    ahead = readAhead(input.text, name, input.warnings, { windowChars: options.windowChars });
    if (ahead.result !== null) {
      const nothing = options.force ? null : noDocumentReason(ahead.result);
      if (nothing !== null) return { path, name, status: 'refused', message: nothing, warnings: ahead.result.warnings };
      derived = deriveFile(input.text, ahead.result);
    }
  } catch (e) {
    if (e instanceof InputError) return failure(path, e.message);
    if (e instanceof FileNotWritten) return notWritten(store, e, path, name, hash, clock, actor);
    return failure(path, `解析失败：${e instanceof Error ? e.message : String(e)}`);
  }

  // A file refused or failed inside its transaction (a large file read in parts) rolls it back.
  const notWrittenInside = (e: unknown) => (e instanceof FileNotWritten ? notWritten(store, e, path, name, hash, clock, actor) : Promise.reject(e));
  return store.db
    .transaction()
    .execute(async (trx) => {
      if (derived !== null) await lockIdentities(trx, store.dialect, derived.documents);
      const previous = await trx.selectFrom('source_files').select(['id', 'content_hash']).where('path', '=', path).executeTakeFirst();
      const now = clock.now();
      const copy = { path, name, hash };
      if (same) {
        // The bytes are in the store under another path. The file here now duplicates that one:
        // what this path held before goes, nothing new is written but the link to the original.
        if (previous) {
          await deleteSourceFile(trx, previous.id);
          await recordAudit(trx, { at: now, actor, action: 'remove', entity: 'source_file', entityId: previous.id, before: { path, hash: previous.content_hash }, after: { duplicateOf: same.path } });
        }
        const views = await byteCopyViews(trx, same.id, same.path);
        await recordWholeCopy(trx, copy, views, now, actor, same);
        return { path, name, status: 'duplicate' as const, message: `内容与已导入的 ${same.path} 相同，未重复保存`, duplicates: views };
      }
      if (previous) await deleteSourceFile(trx, previous.id);
      const meta = { path, name, hash, format, size, importedAt: now.toISOString() };
      let written: WriteCounts & { sourceId: number };
      let warnings: ParseWarning[];
      let duplicates: DuplicateView[];
      if (derived !== null) {
        const plan = await planCopies(trx, derived, path);
        if (plan.whole) {
          const views = plan.views([]);
          if (previous) await recordAudit(trx, { at: now, actor, action: 'remove', entity: 'source_file', entityId: previous.id, before: { path, hash: previous.content_hash }, after: { duplicateOf: [...new Set(views.map((v) => v.path))] } });
          await recordWholeCopy(trx, copy, views, now, actor);
          await options.beforeCommit?.(path);
          return { path, name, status: 'duplicate' as const, message: duplicateMessage(views, true), warnings: derived.result.warnings, duplicates: views };
        }
        written = await writeFile(trx, store.dialect, meta, { ...derived, documents: plan.fresh });
        warnings = derived.result.warnings;
        duplicates = plan.views(written.documentIds);
      } else {
        // A large file, a window at a time: each window's copies of stored documents (or of its
        // own earlier windows', written in this transaction) are left out as they come. Such a file
        // is always written, even when every document of it is a copy (decisions.md).
        duplicates = [];
        const { result, ...counts } = await writeParts(trx, store.dialect, meta, ahead, {
          onProgress: (p) => options.onProgress?.(path, p),
          select: (documents, firstSeq) => freshOfWindow(trx, store, documents, firstSeq, path, duplicates),
        });
        const nothing = options.force ? null : noDocumentReason(result);
        if (nothing !== null) throw new FileNotWritten('refused', nothing);
        written = counts;
        warnings = result.warnings;
      }
      const { sourceId, documentIds, ...tally } = written;
      await recordDuplicates(trx, copy, sourceId, duplicates, now.toISOString());
      // A supervised document stored anew (its file replaced): its ledger follows it.
      await reviewReimportedDocuments(trx, { actor, now, today: clock.today(), unit: null }, documentIds);
      await recordAudit(trx, {
        at: now,
        actor,
        action: previous ? 'replace' : 'import',
        entity: 'source_file',
        entityId: sourceId,
        before: previous ? { path, hash: previous.content_hash } : null,
        after: { path, hash, ...tally, ...(duplicates.length > 0 ? { duplicates: duplicates.map(({ seq, documentId, matchedBy }) => ({ seq, documentId, matchedBy })) } : {}) },
      });
      await options.beforeCommit?.(path);
      const status = previous ? ('replaced' as const) : ('imported' as const);
      return { path, name, status, warnings, ...tally, documentIds, ...(duplicates.length > 0 ? { message: duplicateMessage(duplicates, false), duplicates } : {}) };
    })
    .catch(notWrittenInside);
}

/** Which documents of one window of a large file are new; the copies' views are added to `views`. */
async function freshOfWindow(
  trx: Parameters<typeof lockIdentities>[0],
  store: Store,
  documents: DerivedDocument[],
  firstSeq: number,
  path: string,
  views: DuplicateView[],
): Promise<{ fresh: number[]; written: (ids: readonly number[]) => void }> {
  await lockIdentities(trx, store.dialect, documents);
  const matches = await findDuplicates(trx, documents);
  const fresh = matches.flatMap((m, i) => (m === null ? [i] : []));
  return {
    fresh,
    written: (ids) => {
      const byIndex = new Map(fresh.map((i, k) => [i, ids[k]!]));
      views.push(...duplicateViews(documents, matches, byIndex, path).map((v) => ({ ...v, seq: v.seq + firstSeq })));
    },
  };
}

/** A file refused (a 密级 mark: recorded in the audit trail) or failed while it was read. */
async function notWritten(store: Store, e: FileNotWritten, path: string, name: string, hash: string, clock: Clock, actor: Actor): Promise<ImportOutcome> {
  if (e.status === 'failed') return failure(path, e.message);
  await recordAudit(store.db, { at: clock.now(), actor, action: 'import-refused', entity: 'source_file', after: { path, name, hash, reason: e.message } });
  return { path, name, status: 'refused', message: e.message };
}

export interface ImportProgress {
  /** Called once with the number of files found. */
  onStart?: (total: number) => void;
  /** Called after each file (including the ones that failed). */
  onFile?: (outcome: ImportOutcome, done: number, total: number) => void;
}

/** Imports files and folders; returns one outcome per file, failures included. */
export async function importPaths(store: Store, paths: readonly string[], clock: Clock, progress: ImportProgress = {}, options: ImportOptions = {}): Promise<ImportOutcome[]> {
  const { files, errors } = await collectFiles(paths);
  const total = files.length + errors.length;
  progress.onStart?.(total);
  const outcomes: ImportOutcome[] = [];
  for (const e of errors) {
    outcomes.push(e);
    progress.onFile?.(e, outcomes.length, total);
  }
  for (const f of files) {
    const outcome = await importFile(store, f, clock, options);
    outcomes.push(outcome);
    progress.onFile?.(outcome, outcomes.length, total);
  }
  await finishImports(store, outcomes);
  return outcomes;
}

/** After a batch of imports: the engine's index work that waits for the end (fts.ts finishWrites). */
export async function finishImports(store: Store, outcomes: readonly ImportOutcome[]): Promise<void> {
  if (outcomes.some((o) => o.status === 'imported' || o.status === 'replaced')) await finishWrites(store.db, store.dialect);
}
