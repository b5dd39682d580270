// Opens a store: a SQLite file (the default, zero setup) or a PostgreSQL database (a URL), and
// brings its schema up to date. Everything above this module talks to Kysely only.
import Sqlite from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { Kysely, Migrator, PostgresDialect, SqliteDialect, sql, type Dialect as KyselyDialect } from 'kysely';
import pg from 'pg';
import { dialectOf, displayTarget, type Dialect } from './dialect.ts';
import { faultTranslatingPostgres, SQLITE_BUSY_SLICE_MS, turnTakingSqlite } from './drivers.ts';
import { installCalendar } from './calendar.ts';
import { storeFault } from './faults.ts';
import { ensureIndexFormat } from './index-format.ts';
import { migrations } from './migrations/index.ts';
import type { Database } from './schema.ts';
import { StoreError } from './store-error.ts';

export { StoreError };

export interface Store {
  db: Kysely<Database>;
  dialect: Dialect;
  /** The target as it may be shown (no password). */
  label: string;
  close(): Promise<void>;
}

export interface OpenOptions {
  /**
   * SQLite: how long a writer waits in all for another process's write lock before it gives up
   * with a message (drivers.ts). An import holds the lock for one file's transaction at a time.
   */
  lockWaitMs?: number;
}

/** Long enough for another import's largest file transaction; short enough that a stuck lock is reported. */
export const DEFAULT_LOCK_WAIT_MS = 30_000;

function sqliteDialect(path: string, label: string, lockWaitMs: number): KyselyDialect {
  if (path !== ':memory:') mkdirSync(dirname(resolve(path)), { recursive: true });
  // The whole wait while the file is set up (a new file's WAL switch waits for another process
  // creating it too); once open, SQLite's own busy wait is a short slice and drivers.ts waits
  // between slices without blocking the process.
  const database = new Sqlite(path, { timeout: lockWaitMs });
  // WAL: readers (the server) do not block the importer. synchronous=NORMAL is safe against a
  // killed process (a committed transaction is in the WAL); only a power cut may lose the last
  // commits, never consistency. Foreign keys drive the cascades a re-import relies on.
  // 8 kB pages, for a new file only (a page size is fixed once a file has tables): an index
  // entry keeps the first 2,000 characters of its document (~6 kB), which on 4 kB pages spilled
  // onto overflow pages.
  database.pragma('page_size = 8192');
  database.pragma('journal_mode = WAL');
  database.pragma('synchronous = NORMAL');
  database.pragma('foreign_keys = ON');
  // 64 MiB of page cache (default 2 MiB): the full-text index merges its segments on insert and
  // reads them back; with the default cache an import of 10,000 documents spent most of its time
  // re-reading pages.
  database.pragma('cache_size = -65536');
  database.pragma(`busy_timeout = ${SQLITE_BUSY_SLICE_MS}`);
  const inner = new SqliteDialect({ database: cachingStatements(database) });
  return turnTakingSqlite(inner, database, (e) => storeFault(e, 'sqlite', label, lockWaitMs), lockWaitMs);
}

/**
 * Kysely prepares every statement it runs; an import runs the same few hundred statements
 * thousands of times, and preparing them again was about 5% of its time. Statements are kept by
 * their text (at most STATEMENT_CACHE, least recently used dropped). Safe because Kysely runs one
 * statement at a time on SQLite and Duban never streams (a statement being iterated is busy).
 */
const STATEMENT_CACHE = 256;
export function cachingStatements(database: Sqlite.Database): { prepare: (sql: string) => Sqlite.Statement; close: () => void } {
  const cache = new Map<string, Sqlite.Statement>();
  return {
    prepare(text) {
      let statement = cache.get(text);
      if (statement) cache.delete(text);
      else statement = database.prepare(text);
      cache.set(text, statement);
      if (cache.size > STATEMENT_CACHE) cache.delete(cache.keys().next().value!);
      return statement;
    },
    close() {
      cache.clear();
      database.close();
    },
  };
}

function postgresDialect(url: string, label: string): KyselyDialect {
  const pool = new pg.Pool({ connectionString: url, max: 8 });
  // A client losing its server (a restart, pg_terminate_backend) must not crash the process with
  // an unhandled 'error' event, idle in the pool or checked out between two statements of a
  // transaction; the next statement on it fails, and that error is reported (faults.ts).
  pool.on('error', () => {});
  pool.on('connect', (client) => client.on('error', () => {}));
  return faultTranslatingPostgres(new PostgresDialect({ pool }), (e) => storeFault(e, 'postgres', label));
}

async function migrate(db: Kysely<Database>, dialect: Dialect): Promise<void> {
  const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations(dialect) } });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    if (error instanceof StoreError) throw error;
    const failed = results?.find((r) => r.status === 'Error')?.migrationName;
    throw new StoreError(`数据库结构升级失败${failed ? `（${failed}）` : ''}：${error instanceof Error ? error.message : String(error)}`);
  }
}

/** Opens (and creates, on SQLite) the store at `target` and runs pending migrations. */
export async function openStore(target: string, options: OpenOptions = {}): Promise<Store> {
  const dialect = dialectOf(target);
  const label = displayTarget(target);
  const lockWaitMs = options.lockWaitMs ?? DEFAULT_LOCK_WAIT_MS;
  let db: Kysely<Database>;
  try {
    db = new Kysely<Database>({ dialect: dialect === 'sqlite' ? sqliteDialect(target, label, lockWaitMs) : postgresDialect(target, label) });
  } catch (e) {
    const fault = storeFault(e, dialect, label, lockWaitMs);
    if (fault instanceof StoreError) throw fault;
    throw new StoreError(`无法打开数据库 ${label}：${e instanceof Error ? e.message : String(e)}`);
  }
  try {
    // Reach the database first, so a refused connection reads as one, not as a failed migration.
    await sql`SELECT 1`.execute(db);
    await migrate(db, dialect);
    await ensureIndexFormat(db, dialect);
    // The process has one calendar: the holiday arrangements this store's administrators imported.
    await installCalendar(db);
  } catch (e) {
    await db.destroy();
    if (e instanceof StoreError) throw e;
    const code = (e as { code?: string }).code;
    const why =
      code === 'ECONNREFUSED'
        ? '连接被拒绝（PostgreSQL 是否已启动？）'
        : code === '3D000'
          ? '数据库不存在，请先创建（createdb）'
          : code === '28P01' || code === '28000'
            ? '用户名或密码不对'
            : e instanceof Error
              ? e.message
              : String(e);
    throw new StoreError(`无法打开数据库 ${label}：${why}`);
  }
  return { db, dialect, label, close: () => db.destroy() };
}
