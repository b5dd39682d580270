// What the two engines' backups share: the error a user reads, the counts a summary shows, the
// check that a backup's schema is one this program knows, and writing a file under a temporary
// name that becomes the real name only once the file is whole.
import { closeSync, fsyncSync, openSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { Dialect } from './dialect.ts';
import { migrations } from './migrations/index.ts';

/** A backup or restore that cannot be done; the message is for the user (Chinese). */
export class BackupError extends Error {
  override name = 'BackupError';
}

export interface TableRows {
  table: string;
  rows: number;
}

/** Called with one line of progress at a time (the CLI prints it on stderr). */
export type ProgressLine = (line: string) => void;

export interface BackupResult {
  engine: Dialect;
  file: string;
  bytes: number;
  /** The last migration of the store when it was backed up. */
  migration: string;
  tables: TableRows[];
}

export interface RestoredData {
  engine: Dialect;
  /** The last migration of the backup (the store is brought up to date after). */
  migration: string;
  /** When the backup was taken (ISO instant), where the file says. */
  createdAt: string | null;
  tables: TableRows[];
}

/** Kysely's bookkeeping: the schema's history and lock, made by the migrations themselves. */
export const MIGRATION_TABLES = new Set(['kysely_migration', 'kysely_migration_lock']);
/**
 * Tables a new, empty store already has a row in: its facts (store_meta) and the audit chain's
 * head (audit_chain, an empty chain). They are not data: a restore replaces them.
 */
export const NEW_STORE_TABLES = new Set(['store_meta', 'audit_chain']);

/**
 * The migrations a backup was taken at must all be known to this program (a backup from a newer
 * Duban is refused: its rows may need columns this program does not have). Returns the last one.
 */
export function knownLevel(dialect: Dialect, applied: readonly string[]): string {
  const known = new Set(Object.keys(migrations(dialect)));
  const unknown = applied.filter((m) => !known.has(m));
  if (unknown.length > 0) {
    throw new BackupError(`这个备份来自更新版本的督办（数据库结构 ${unknown.join('、')} 本程序不认识），请先升级督办再恢复`);
  }
  if (applied.length === 0) throw new BackupError('这个备份没有记录数据库结构版本，不是督办的备份');
  return [...applied].sort().at(-1)!;
}

export function totalRows(tables: readonly TableRows[]): number {
  return tables.reduce((n, t) => n + t.rows, 0);
}

/** The temporary name a file is written under, beside it (so that the rename stays on one disk). */
export function partialName(file: string): string {
  return join(dirname(file), `.${basename(file)}.partial-${process.pid}`);
}

/** A partial file, or SQLite's journal beside it (the backup API writes the copy in a transaction). */
const PARTIAL = /^\..+\.partial-(\d+)(-journal|-wal|-shm)?$/;

function running(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as { code?: string }).code === 'EPERM';
  }
}

/**
 * Removes the partial files that killed backups left in `dir` (their process is gone): a backup
 * killed by a signal or a power cut cannot remove its own.
 */
export function removeStalePartials(dir: string): void {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return;
  }
  for (const name of names) {
    const m = PARTIAL.exec(name);
    if (m && !running(Number(m[1]))) rmSync(join(dir, name), { force: true });
  }
}

/**
 * Runs `write(temporary)` and then renames the temporary file to `file`, after flushing it to
 * disk, and returns what `write` returned; on any failure the temporary file is removed, so a
 * failed backup never leaves a file that looks whole.
 */
export async function writeWhole<T>(file: string, write: (temporary: string) => Promise<T>): Promise<T> {
  const temporary = partialName(file);
  removeStalePartials(dirname(file));
  let result: T;
  try {
    result = await write(temporary);
    const fd = openSync(temporary, 'r+');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temporary, file);
  } catch (e) {
    rmSync(temporary, { force: true });
    throw e;
  }
  // The rename itself is durable once the folder is flushed (not possible everywhere; best effort).
  try {
    const dir = openSync(dirname(file), 'r');
    try {
      fsyncSync(dir);
    } finally {
      closeSync(dir);
    }
  } catch {
    /* some file systems refuse fsync on a folder */
  }
  return result;
}
