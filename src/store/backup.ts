// Backup and restore of a whole store, on either engine (backup-sqlite.ts, backup-pg.ts say how
// each is made). A backup is one consistent snapshot, written under a temporary name and renamed
// when whole; a restore goes into an empty store only, checks the file whole first, and brings an
// older backup up to date by the normal migrations. Both are audit events: a backup in the store
// it was taken of, a restore in the store it made.
import { sql } from 'kysely';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Clock } from '../calendar/clock.ts';
import { recordAudit, type Actor } from './audit.ts';
import { BackupError, totalRows, type BackupResult, type ProgressLine, type RestoredData } from './backup-common.ts';
import { backupPostgres, isDubanDatabase, restorePostgres } from './backup-pg.ts';
import { backupSqlite, restoreSqlite } from './backup-sqlite.ts';
import { dialectOf, displayTarget } from './dialect.ts';
import { openStore, StoreError, type Store } from './open.ts';

export { BackupError, totalRows, type BackupResult, type RestoredData, type TableRows } from './backup-common.ts';

export interface BackupOptions {
  clock: Clock;
  actor: Actor;
  onProgress?: ProgressLine;
  /** Test hook: runs once the snapshot is fixed and before the copy is finished (see the engines' modules). */
  onSnapshot?: () => Promise<void>;
}

export interface RestoreResult extends RestoredData {
  file: string;
  /** The store's last migration after the restore (later than the backup's when it was older). */
  upgradedTo: string;
}

async function openOrExplain(target: string) {
  try {
    return await openStore(target);
  } catch (e) {
    if (e instanceof StoreError) throw new BackupError(e.message);
    throw e;
  }
}

async function lastMigration(store: Store): Promise<string> {
  const r = await sql<{ name: string }>`SELECT name FROM kysely_migration ORDER BY name DESC LIMIT 1`.execute(store.db);
  return r.rows[0]?.name ?? '';
}

/**
 * Backs up the store at `target` into `file` (which must not exist: a backup never overwrites a
 * file). The store is opened as every command opens it (brought up to date first).
 */
export async function backupStore(target: string, file: string, options: BackupOptions): Promise<BackupResult> {
  const dialect = dialectOf(target);
  const label = displayTarget(target);
  const path = resolve(file);
  if (existsSync(path)) throw new BackupError(`备份文件已存在：${path}；备份不覆盖已有的文件，请换一个文件名`);
  if (dialect === 'sqlite' && !existsSync(target)) throw new BackupError(`数据库文件不存在：${target}`);
  if (dialect === 'postgres' && !(await isDubanDatabase(target, label))) throw new BackupError(`${label} 里没有督办的数据（没有数据库结构记录）`);
  const store = await openOrExplain(target);
  try {
    const createdAt = options.clock.now().toISOString();
    const result =
      dialect === 'sqlite'
        ? await backupSqlite(target, path, { createdAt, onProgress: options.onProgress, onSnapshot: options.onSnapshot })
        : await backupPostgres(target, path, { createdAt, label, onProgress: options.onProgress, onSnapshot: options.onSnapshot });
    await recordAudit(store.db, {
      at: options.clock.now(),
      actor: options.actor,
      action: 'backup',
      entity: 'store',
      after: { file: path, bytes: result.bytes, migration: result.migration, rows: totalRows(result.tables) },
    });
    return result;
  } finally {
    await store.close();
  }
}

/**
 * Restores `file` into the empty store at `target`, then opens it as every command does: an older
 * backup is migrated to this program's schema and its search index rebuilt where its format is
 * older.
 */
export async function restoreStore(target: string, file: string, options: Omit<BackupOptions, 'onSnapshot'>): Promise<RestoreResult> {
  const path = resolve(file);
  const data = dialectOf(target) === 'sqlite' ? await restoreSqlite(path, target, options.onProgress) : await restorePostgres(path, target, displayTarget(target), options.onProgress);
  options.onProgress?.('升级数据库结构并检查搜索索引…');
  const store = await openOrExplain(target);
  try {
    const upgradedTo = await lastMigration(store);
    await recordAudit(store.db, {
      at: options.clock.now(),
      actor: options.actor,
      action: 'restore',
      entity: 'store',
      after: { file: path, createdAt: data.createdAt, migration: data.migration, upgradedTo, rows: totalRows(data.tables) },
    });
    return { ...data, file: path, upgradedTo };
  } finally {
    await store.close();
  }
}
