// SQLite backups: the backup is a SQLite file, a page-by-page copy made by SQLite's online backup
// API (better-sqlite3's db.backup), so it can be opened, searched and checked like any store.
//
// One snapshot: the copy runs while the source connection holds a read transaction open. The
// backup API uses that transaction instead of opening one per step, so writers in other processes
// (WAL: they never wait for a reader) commit freely and the copy keeps seeing the store as it was
// when the backup began. Without it the API starts the copy again after every commit it notices,
// and a backup taken during a long import might never finish.
import Sqlite from 'better-sqlite3';
import { closeSync, existsSync, mkdirSync, openSync, readSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { BackupError, knownLevel, MIGRATION_TABLES, NEW_STORE_TABLES, writeWhole, type BackupResult, type ProgressLine, type RestoredData, type TableRows } from './backup-common.ts';

const SQLITE_MAGIC = Buffer.from('SQLite format 3\0', 'latin1');
const GZIP_MAGIC = Buffer.from([0x1f, 0x8b]);
/** Pages copied per step of the backup API: 8 MB with Duban's 8 kB pages, a progress line at most every 10%. */
const PAGES_PER_STEP = 1024;

export interface SqliteBackupOptions {
  onProgress?: ProgressLine;
  /** Test hook: runs once the snapshot is fixed, before any page is copied. */
  onSnapshot?: () => Promise<void>;
  createdAt: string;
}

function head(path: string, n: number): Buffer {
  const fd = openSync(path, 'r');
  try {
    const b = Buffer.alloc(n);
    const got = readSync(fd, b, 0, n, 0);
    return b.subarray(0, got);
  } finally {
    closeSync(fd);
  }
}

/** The tables that hold rows: not SQLite's own, not the full-text index (virtual tables and their shadow tables). */
function dataTables(db: Sqlite.Database): string[] {
  const rows = db.prepare(`SELECT name, sql FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name`).all() as { name: string; sql: string | null }[];
  const virtual = rows.filter((r) => /^CREATE VIRTUAL TABLE/i.test(r.sql ?? '')).map((r) => r.name);
  return rows.map((r) => r.name).filter((n) => !virtual.includes(n) && !virtual.some((v) => n.startsWith(`${v}_`)));
}

function hasTable(db: Sqlite.Database, name: string): boolean {
  return db.prepare(`SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = ?`).get(name) !== undefined;
}

function countRows(db: Sqlite.Database, tables: readonly string[]): TableRows[] {
  return tables.filter((t) => !MIGRATION_TABLES.has(t)).map((t) => ({ table: t, rows: Number((db.prepare(`SELECT count(*) AS n FROM "${t.replace(/"/g, '""')}"`).get() as { n: number }).n) }));
}

function appliedMigrations(db: Sqlite.Database): string[] {
  return (db.prepare('SELECT name FROM kysely_migration ORDER BY name').all() as { name: string }[]).map((r) => r.name);
}

/** A progress reporter that says a line when another tenth of the pages is copied. */
function pageProgress(say: ProgressLine | undefined, verb: string): (p: { totalPages: number; remainingPages: number }) => number {
  let lastTenth = -1;
  return ({ totalPages, remainingPages }) => {
    const tenth = Math.floor(((totalPages - remainingPages) * 10) / Math.max(totalPages, 1));
    if (say && tenth !== lastTenth) {
      lastTenth = tenth;
      say(`${verb}：已复制 ${totalPages - remainingPages}/${totalPages} 页（${tenth * 10}%）`);
    }
    return PAGES_PER_STEP;
  };
}

function openStoreFile(path: string): Sqlite.Database {
  try {
    const db = new Sqlite(path, { fileMustExist: true });
    db.pragma('busy_timeout = 10000');
    return db;
  } catch (e) {
    throw new BackupError(`无法打开数据库 ${path}：${e instanceof Error ? e.message : String(e)}`);
  }
}

export async function backupSqlite(source: string, file: string, options: SqliteBackupOptions): Promise<BackupResult> {
  if (!existsSync(source)) throw new BackupError(`数据库文件不存在：${source}`);
  const db = openStoreFile(source);
  try {
    if (!hasTable(db, 'kysely_migration')) throw new BackupError(`${source} 不是督办的数据库（没有数据库结构记录）`);
    // The read transaction that fixes the snapshot: everything below, the copy included, sees it.
    db.exec('BEGIN');
    try {
      const migrations = appliedMigrations(db);
      const migration = knownLevel('sqlite', migrations);
      const tables = countRows(db, dataTables(db));
      await options.onSnapshot?.();
      await writeWhole(file, async (temporary) => {
        const done = await db.backup(temporary, { progress: pageProgress(options.onProgress, '备份') });
        options.onProgress?.(`备份：已复制 ${done.totalPages} 页（100%）`);
        // The copy carries the source's WAL mode; a backup is one self-contained file, so it is
        // switched to a rollback journal (no -wal beside it), and checked before it gets its name.
        const copy = new Sqlite(temporary);
        try {
          copy.pragma('journal_mode = DELETE');
          const check = copy.pragma('quick_check', { simple: true });
          if (check !== 'ok') throw new BackupError(`备份文件检查未通过：${String(check)}`);
        } finally {
          copy.close();
        }
      });
      return { engine: 'sqlite', file, bytes: statSync(file).size, migration, tables };
    } finally {
      db.exec('COMMIT');
    }
  } finally {
    db.close();
  }
}

/** What a SQLite backup file holds, after checking that it is a whole Duban store this program can read. */
export function inspectSqliteBackup(file: string): RestoredData & { db: Sqlite.Database } {
  if (!existsSync(file)) throw new BackupError(`备份文件不存在：${file}`);
  const start = head(file, 100);
  if (start.subarray(0, 2).equals(GZIP_MAGIC)) throw new BackupError('这是 PostgreSQL 数据库的备份，只能恢复到 PostgreSQL 数据库（--db postgres://…）');
  if (!start.subarray(0, 16).equals(SQLITE_MAGIC)) throw new BackupError(`${file} 不是督办的备份文件`);
  if (start.length < 100) throw new BackupError('备份文件不完整（被截断）');
  // The header says how many pages the file has; a shorter file was cut off.
  const rawPageSize = start.readUInt16BE(16);
  const pageSize = rawPageSize === 1 ? 65536 : rawPageSize;
  const pages = start.readUInt32BE(28);
  const size = statSync(file).size;
  if (size % pageSize !== 0 || size < pages * pageSize) throw new BackupError('备份文件不完整（被截断），请换一份备份');
  let db: Sqlite.Database;
  try {
    db = new Sqlite(file, { readonly: true, fileMustExist: true });
  } catch (e) {
    throw new BackupError(`无法读取备份文件：${e instanceof Error ? e.message : String(e)}`);
  }
  try {
    const check = db.pragma('quick_check', { simple: true });
    if (check !== 'ok') throw new BackupError(`备份文件已损坏：${String(check)}`);
    if (!hasTable(db, 'kysely_migration')) throw new BackupError(`${file} 不是督办的备份（没有数据库结构记录）`);
    const migration = knownLevel('sqlite', appliedMigrations(db));
    return { engine: 'sqlite', migration, createdAt: null, tables: countRows(db, dataTables(db)), db };
  } catch (e) {
    db.close();
    if (e instanceof BackupError) throw e;
    throw new BackupError(`备份文件已损坏：${e instanceof Error ? e.message : String(e)}`);
  }
}

/** Refuses a target that holds any data: restore never mixes a backup with rows already there. */
function checkEmptyTarget(target: string): void {
  if (!existsSync(target) || statSync(target).size === 0) return;
  let db: Sqlite.Database;
  try {
    db = new Sqlite(target, { fileMustExist: true });
  } catch (e) {
    throw new BackupError(`无法打开目标数据库 ${target}：${e instanceof Error ? e.message : String(e)}`);
  }
  try {
    db.pragma('busy_timeout = 10000');
    const withData = countRows(db, dataTables(db)).filter((t) => !NEW_STORE_TABLES.has(t.table) && t.rows > 0);
    if (withData.length > 0) {
      throw new BackupError(`目标数据库 ${target} 已有数据（${withData.slice(0, 3).map((t) => `${t.table} ${t.rows} 行`).join('，')}${withData.length > 3 ? ' 等' : ''}），恢复只能进入空的数据库；请换一个新的文件名`);
    }
  } catch (e) {
    if (e instanceof BackupError) throw e;
    throw new BackupError(`目标 ${target} 不是可用的 SQLite 数据库：${e instanceof Error ? e.message : String(e)}`);
  } finally {
    db.close();
  }
}

/**
 * Copies the backup into `target` (a new file, or an empty store) with the backup API: the target
 * is written in one transaction of its own, so a failed or killed restore leaves it as it was.
 */
export async function restoreSqlite(file: string, target: string, onProgress?: ProgressLine): Promise<RestoredData> {
  const backup = inspectSqliteBackup(file);
  try {
    checkEmptyTarget(target);
    mkdirSync(dirname(resolve(target)), { recursive: true });
    try {
      const done = await backup.db.backup(target, { progress: pageProgress(onProgress, '恢复') });
      onProgress?.(`恢复：已复制 ${done.totalPages} 页（100%）`);
    } catch (e) {
      throw new BackupError(`恢复失败，目标数据库未改变：${e instanceof Error ? e.message : String(e)}`);
    }
    const { db: _db, ...data } = backup;
    return data;
  } finally {
    backup.db.close();
  }
}
