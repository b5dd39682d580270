// What the engines say when the world fails under a store — another process holding the write
// lock, a full disk, a file or folder that may not be written, an I/O error, a lost connection to
// PostgreSQL — turned into a StoreError a person can act on. The store's drivers (drivers.ts) pass
// every error of the engine through `storeFault`; errors that are the program's own (a constraint,
// a syntax error) are returned unchanged, so they still read as the bugs they are.
//
// A write that fails this way is one whole transaction that did not happen: the engine rolls it
// back (SQLite on the next open, from its WAL or journal; PostgreSQL at once, on the server), so
// every message can say that the store is as it was.
import { StoreError, type StoreFault } from './store-error.ts';

const UNCHANGED = '未完成的写入已撤销，数据库保持原样';

/** An engine error's code: better-sqlite3's SQLITE_… (extended), pg's SQLSTATE, or node's errno name. */
function codeOf(e: unknown): string {
  const code = (e as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : '';
}

const messageOf = (e: unknown) => (e instanceof Error ? e.message : String(e));

/** True for SQLite's "another connection holds the lock": the statement did nothing and may be run again. */
export function isSqliteBusy(e: unknown): boolean {
  return /^SQLITE_BUSY/.test(codeOf(e));
}

/** The StoreError for a SQLite fault, or null when `e` is not one. */
function sqliteFault(e: unknown, label: string, lockWaitMs: number): StoreError | null {
  const code = codeOf(e);
  if (!code.startsWith('SQLITE_')) return null;
  if (/^SQLITE_(BUSY|LOCKED)/.test(code))
    return new StoreError(`数据库 ${label} 正由另一个程序写入，等待 ${Math.round(lockWaitMs / 1000)} 秒后仍未轮到；${UNCHANGED}。请等那个程序结束后再试`, { cause: e, fault: 'busy' });
  if (code === 'SQLITE_FULL' || code === 'SQLITE_IOERR_WRITE' || code === 'SQLITE_IOERR_FSYNC' || code === 'SQLITE_IOERR_TRUNCATE')
    return new StoreError(`数据库 ${label} 写入失败：磁盘已满或超出了文件大小限制；${UNCHANGED}。请腾出磁盘空间后再试`, { cause: e, fault: 'full' });
  if (code.startsWith('SQLITE_READONLY'))
    return new StoreError(`数据库 ${label} 是只读的，无法写入；${UNCHANGED}。请检查该文件及其所在文件夹是否允许写入（只读文件、只读挂载的磁盘）`, { cause: e, fault: 'read-only' });
  if (code.startsWith('SQLITE_CANTOPEN'))
    return new StoreError(`无法打开数据库 ${label}：文件或其所在文件夹不可访问（权限不足、只读挂载或路径不存在）`, { cause: e, fault: 'read-only' });
  if (code === 'SQLITE_NOTADB' || code.startsWith('SQLITE_CORRUPT'))
    return new StoreError(`数据库 ${label} 不是督办的 SQLite 数据库，或文件已损坏：${messageOf(e)}。请从备份恢复`, { cause: e, fault: 'damaged' });
  if (code.startsWith('SQLITE_IOERR'))
    return new StoreError(`读写数据库 ${label} 时出错（${code}）；${UNCHANGED}。请检查磁盘后再试`, { cause: e, fault: 'io' });
  return null;
}

// SQLSTATE classes and codes of a server gone away (57P01 admin_shutdown is what a restart or
// pg_terminate_backend gives a connection), of a full disk, and of a read-only server (a standby).
const PG_GONE = /^(08|57P0)/;
const PG_GONE_ERRNO = new Set(['ECONNRESET', 'EPIPE', 'ETIMEDOUT']);

/** The StoreError for a PostgreSQL fault, or null when `e` is not one. */
function postgresFault(e: unknown, label: string): StoreError | null {
  const code = codeOf(e);
  const message = messageOf(e);
  if (code === 'ECONNREFUSED') return new StoreError(`无法打开数据库 ${label}：连接被拒绝（PostgreSQL 是否已启动？）`, { cause: e, fault: 'unreachable' });
  // pg reports a connection that ended under it without a code.
  const gone = PG_GONE.test(code) || PG_GONE_ERRNO.has(code) || /Connection terminated|not queryable|terminating connection/i.test(message);
  if (gone)
    return new StoreError(`与数据库 ${label} 的连接中断（服务器重启、连接被终止或网络断开）；${UNCHANGED}。请确认 PostgreSQL 正常运行后重试`, { cause: e, fault: 'unreachable' });
  if (code === '53100')
    return new StoreError(`数据库 ${label} 写入失败：服务器磁盘已满；${UNCHANGED}。请腾出空间后再试`, { cause: e, fault: 'full' });
  if (code === '25006')
    return new StoreError(`数据库 ${label} 是只读的（只读事务或备用服务器），无法写入；${UNCHANGED}`, { cause: e, fault: 'read-only' });
  return null;
}

/** `e` as a StoreError when it is a fault of the engine under the store, else `e` itself. */
export function storeFault(e: unknown, dialect: 'sqlite' | 'postgres', label: string, lockWaitMs = 0): unknown {
  if (e instanceof StoreError) return e;
  return (dialect === 'sqlite' ? sqliteFault(e, label, lockWaitMs) : postgresFault(e, label)) ?? e;
}
