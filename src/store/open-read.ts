// A second, read-only way into a store that is already open and migrated elsewhere: what each
// search worker (search-pool.ts) reads through. SQLite in WAL mode lets any number of readers
// work beside the writer, each on its own connection; PostgreSQL sessions are read-only by
// default, so a bug in a reader cannot write. No migrations run here: the server's openStore
// has brought the schema up to date before a worker starts.
import Sqlite from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect, sql } from 'kysely';
import pg from 'pg';
import { dialectOf, displayTarget } from './dialect.ts';
import { cachingStatements, StoreError, type Store } from './open.ts';
import type { Database } from './schema.ts';

/** Connections of one reader on PostgreSQL: a worker runs a few searches at a time. */
const PG_READER_CONNECTIONS = 4;

function sqliteReader(path: string): SqliteDialect {
  const database = new Sqlite(path, { readonly: true, fileMustExist: true });
  database.pragma('busy_timeout = 10000');
  // The writer's cache size (open.ts): the index's pages stay in memory between searches.
  database.pragma('cache_size = -65536');
  return new SqliteDialect({ database: cachingStatements(database) });
}

function postgresReader(url: string): PostgresDialect {
  const pool = new pg.Pool({ connectionString: url, max: PG_READER_CONNECTIONS, options: '-c default_transaction_read_only=on' });
  pool.on('error', () => {});
  return new PostgresDialect({ pool });
}

/** Opens an existing, migrated store at `target` for reading only. */
export async function openReadOnlyStore(target: string): Promise<Store> {
  const dialect = dialectOf(target);
  const label = displayTarget(target);
  const fail = (e: unknown) => new StoreError(`无法以只读方式打开数据库 ${label}：${e instanceof Error ? e.message : String(e)}`);
  let db: Kysely<Database>;
  try {
    db = new Kysely<Database>({ dialect: dialect === 'sqlite' ? sqliteReader(target) : postgresReader(target) });
  } catch (e) {
    throw fail(e);
  }
  try {
    await sql`SELECT 1`.execute(db);
  } catch (e) {
    await db.destroy();
    throw fail(e);
  }
  return { db, dialect, label, close: () => db.destroy() };
}
