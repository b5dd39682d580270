// Kysely's drivers, wrapped for the store in two ways:
//   - every error of the engine passes through storeFault (faults.ts), so a full disk, a read-only
//     file or a lost PostgreSQL connection reaches the user as a StoreError in Chinese;
//   - on SQLite, writers take their turn. Kysely's SQLite driver begins transactions DEFERRED: the
//     transaction reads first and asks for the write lock at its first write, and when another
//     process wrote meanwhile SQLite cannot wait (its snapshot is stale) and answers "database is
//     locked" at once. Here every transaction begins IMMEDIATE — it takes the write lock before
//     it reads — and a statement refused with SQLITE_BUSY while no transaction is open (BEGIN
//     IMMEDIATE itself, or a single write outside a transaction) is tried again, with pauses, up
//     to a total wait; only then does it fail, with a message that says who holds the lock.
//     The pauses are asynchronous (the engine's own busy handler sleeps with the process blocked),
//     so a server waiting for an importer's lock still answers other requests meanwhile.
// Every transaction is a write transaction on SQLite: Duban opens transactions only to write.
// Readers in WAL mode never wait for the write lock, so they run outside transactions.
import type Sqlite from 'better-sqlite3';
import {
  CompiledQuery,
  SqliteAdapter,
  type DatabaseConnection,
  type Dialect as KyselyDialect,
  type DialectAdapter,
  type Driver,
  type QueryCompiler,
  type QueryResult,
  type TransactionSettings,
} from 'kysely';
import { isSqliteBusy } from './faults.ts';

type Translate = (e: unknown) => unknown;

/** A connection that hands every statement to `inner`, through `run` (retries, translation). */
class GuardedConnection implements DatabaseConnection {
  constructor(
    readonly inner: DatabaseConnection,
    private readonly run: <T>(attempt: () => Promise<T>) => Promise<T>,
    private readonly translate: Translate,
  ) {}

  executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    // inner.executeQuery may throw before it returns a promise (better-sqlite3 is synchronous).
    return this.run(async () => this.inner.executeQuery<R>(query));
  }

  async *streamQuery<R>(query: CompiledQuery, chunkSize?: number): AsyncIterableIterator<QueryResult<R>> {
    try {
      yield* this.inner.streamQuery<R>(query, chunkSize);
    } catch (e) {
      throw this.translate(e);
    }
  }
}

const innerOf = (connection: DatabaseConnection) => (connection as GuardedConnection).inner;

/** Passes every call to `inner`, with the engine's errors translated. */
class FaultTranslatingDriver implements Driver {
  constructor(
    protected readonly inner: Driver,
    protected readonly translate: Translate,
  ) {}

  protected async guard<T>(attempt: () => Promise<T>): Promise<T> {
    try {
      return await attempt();
    } catch (e) {
      throw this.translate(e);
    }
  }

  protected wrap(connection: DatabaseConnection): GuardedConnection {
    return new GuardedConnection(connection, (attempt) => this.guard(attempt), this.translate);
  }

  init(): Promise<void> {
    return this.guard(() => this.inner.init());
  }
  async acquireConnection(): Promise<DatabaseConnection> {
    return this.wrap(await this.guard(() => this.inner.acquireConnection()));
  }
  beginTransaction(connection: DatabaseConnection, settings: TransactionSettings): Promise<void> {
    return this.guard(() => this.inner.beginTransaction(innerOf(connection), settings));
  }
  commitTransaction(connection: DatabaseConnection): Promise<void> {
    return this.guard(() => this.inner.commitTransaction(innerOf(connection)));
  }
  rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    return this.guard(() => this.inner.rollbackTransaction(innerOf(connection)));
  }
  savepoint(connection: DatabaseConnection, name: string, compile: QueryCompiler['compileQuery']): Promise<void> {
    return this.guard(async () => this.inner.savepoint?.(innerOf(connection), name, compile));
  }
  rollbackToSavepoint(connection: DatabaseConnection, name: string, compile: QueryCompiler['compileQuery']): Promise<void> {
    return this.guard(async () => this.inner.rollbackToSavepoint?.(innerOf(connection), name, compile));
  }
  releaseSavepoint(connection: DatabaseConnection, name: string, compile: QueryCompiler['compileQuery']): Promise<void> {
    return this.guard(async () => this.inner.releaseSavepoint?.(innerOf(connection), name, compile));
  }
  releaseConnection(connection: DatabaseConnection): Promise<void> {
    return this.inner.releaseConnection(innerOf(connection));
  }
  destroy(): Promise<void> {
    return this.inner.destroy();
  }
}

/** How long SQLite's own busy handler waits before a statement comes back to the retry loop (it blocks the process). */
export const SQLITE_BUSY_SLICE_MS = 50;
const FIRST_PAUSE_MS = 5;
const LONGEST_PAUSE_MS = 200;
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The SQLite driver: BEGIN IMMEDIATE, and statements refused for the lock tried again up to `lockWaitMs` in all. */
class TurnTakingSqliteDriver extends FaultTranslatingDriver {
  constructor(
    inner: Driver,
    translate: Translate,
    private readonly database: Sqlite.Database,
    private readonly lockWaitMs: number,
  ) {
    super(inner, translate);
  }

  /**
   * Runs `attempt`, again while it is refused for the lock and no transaction is open (so it did
   * nothing and may be repeated; inside a transaction begun IMMEDIATE the lock is already held).
   * The wait is counted, not timed: each refusal costs the engine's slice plus the pause after it.
   */
  private async takingTurns<T>(attempt: () => Promise<T>): Promise<T> {
    let waited = 0;
    let next = FIRST_PAUSE_MS;
    for (;;) {
      try {
        return await attempt();
      } catch (e) {
        waited += SQLITE_BUSY_SLICE_MS;
        if (!isSqliteBusy(e) || this.database.inTransaction || waited + next > this.lockWaitMs) throw e;
        const ms = next / 2 + Math.random() * next; // jittered, so waiting processes do not knock in step
        await pause(ms);
        waited += ms;
        next = Math.min(next * 2, LONGEST_PAUSE_MS);
      }
    }
  }

  protected override wrap(connection: DatabaseConnection): GuardedConnection {
    return new GuardedConnection(connection, (attempt) => this.guard(() => this.takingTurns(attempt)), this.translate);
  }

  override beginTransaction(connection: DatabaseConnection): Promise<void> {
    return connection.executeQuery(CompiledQuery.raw('BEGIN IMMEDIATE')).then(() => undefined);
  }

  override rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    // SQLite rolls back by itself on some errors (a full disk, an I/O error); a second ROLLBACK
    // would fail and hide the error that matters.
    if (!this.database.inTransaction) return Promise.resolve();
    return super.rollbackTransaction(connection);
  }
}

/**
 * SQLite runs DDL inside transactions, so the migrator may run all pending migrations in one; its
 * BEGIN IMMEDIATE is then the migration lock Kysely's SQLite adapter does not take (it assumes one
 * connection in one process): of two processes creating one store, the second waits for the
 * first's migrations to commit and finds nothing left to run. A crash mid-migration also leaves
 * the schema as it was, not half upgraded.
 */
class TransactionalDdlSqliteAdapter extends SqliteAdapter {
  override get supportsTransactionalDdl(): boolean {
    return true;
  }
}

function withDriver(inner: KyselyDialect, driver: (d: Driver) => Driver, adapter?: () => DialectAdapter): KyselyDialect {
  return {
    createDriver: () => driver(inner.createDriver()),
    createQueryCompiler: () => inner.createQueryCompiler(),
    createAdapter: adapter ?? (() => inner.createAdapter()),
    createIntrospector: (db) => inner.createIntrospector(db),
  };
}

/** `inner` (Kysely's SqliteDialect over `database`) with writers taking turns and faults translated. */
export function turnTakingSqlite(inner: KyselyDialect, database: Sqlite.Database, translate: Translate, lockWaitMs: number): KyselyDialect {
  return withDriver(inner, (d) => new TurnTakingSqliteDriver(d, translate, database, lockWaitMs), () => new TransactionalDdlSqliteAdapter());
}

/** `inner` (Kysely's PostgresDialect) with faults translated. */
export function faultTranslatingPostgres(inner: KyselyDialect, translate: Translate): KyselyDialect {
  return withDriver(inner, (d) => new FaultTranslatingDriver(d, translate));
}
