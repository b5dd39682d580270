// What a person reads when a command fails in a way no command handled: one Chinese line that
// says what to do — a busy, read-only, full or damaged store, a lost database connection, a
// missing permission — or, for a true defect, that it is one. The stack trace is for whoever
// debugs: only with --debug (or DUBAN_DEBUG=1). A StoreError already says it in Chinese
// (src/store/faults.ts turns the engines' errors into one): its message is the line.
import { StoreError } from '../store/store-error.ts';

export interface Failure {
  /** One line, without the leading "duban: ". */
  line: string;
  /** 1: the environment stopped the command (retry after fixing it); 2: the store refused it (StoreError); 70: a defect in Duban. */
  exitCode: number;
}

/** SQLite's result codes (better-sqlite3 puts them in `code`, extended codes included). */
const SQLITE_LINES: [RegExp, string][] = [
  [/^SQLITE_(BUSY|LOCKED)/, '数据库正被另一个程序写入，等待后仍未轮到：请等它完成后再试（本次未写入的内容没有保存）'],
  [/^SQLITE_READONLY/, '数据库文件是只读的：请检查该文件及其所在文件夹的写权限'],
  [/^SQLITE_FULL/, '磁盘已满：请腾出空间后再试（本次未完成的写入没有保存）'],
  [/^SQLITE_(CORRUPT|NOTADB)/, '数据库文件已损坏，或不是督办的数据库：请检查 --db，或从备份恢复'],
  [/^SQLITE_CANTOPEN/, '无法打开数据库文件：请检查 --db 的路径与权限'],
  [/^SQLITE_IOERR/, '读写数据库文件时出错：请检查磁盘后再试'],
];

/** Node's system error codes. */
const ERRNO_LINES: Record<string, string> = {
  ENOSPC: '磁盘已满：请腾出空间后再试（本次未完成的写入没有保存）',
  EROFS: '文件系统是只读的：请换一个可写的位置',
  EACCES: '没有权限',
  EPERM: '没有权限',
  ENOMEM: '内存不足：请关闭其他程序，或分批处理后再试',
  ECONNREFUSED: '连接数据库被拒绝：请确认 PostgreSQL 正在运行',
  ECONNRESET: '与数据库的连接中断：请确认数据库服务正常后再试',
  ETIMEDOUT: '连接数据库超时：请检查网络与数据库服务后再试',
};

/** What went wrong with a file or folder a person named, by its errno code; null for another error. */
export function fileProblem(e: unknown): string | null {
  const code = typeof e === 'object' && e !== null ? (e as { code?: unknown }).code : undefined;
  switch (code) {
    case 'ENOENT': return '所在的文件夹不存在';
    case 'ENOTDIR': return '路径中有一段是文件而不是文件夹';
    case 'EISDIR': return '这是一个文件夹，不是文件';
    case 'EACCES': case 'EPERM': return '没有权限';
    case 'EROFS': return '文件系统是只读的';
    case 'ENOSPC': return '磁盘已满';
    default: return null;
  }
}

/** PostgreSQL's SQLSTATE codes for a server that went away or cannot take work now. */
const PG_LINES: [RegExp, string][] = [
  [/^(57P01|57P02|57P03|08\w{3})$/, '与 PostgreSQL 的连接中断（服务器重启或关闭）：请确认数据库服务正常后再试（本次未完成的写入没有保存）'],
  [/^53\w{3}$/, 'PostgreSQL 资源不足（磁盘、内存或连接数）：请联系数据库管理员'],
  [/^25006$/, 'PostgreSQL 数据库处于只读状态：请连接可写的主库'],
];

function firstLine(text: string): string {
  const line = text.split('\n', 1)[0] ?? '';
  return line.length > 200 ? `${line.slice(0, 200)}…` : line;
}

export function describeFailure(e: unknown): Failure {
  if (e instanceof StoreError) return { line: e.message, exitCode: 2 };
  const code = typeof e === 'object' && e !== null && typeof (e as { code?: unknown }).code === 'string' ? (e as { code: string }).code : '';
  const path = typeof e === 'object' && e !== null && typeof (e as { path?: unknown }).path === 'string' ? (e as { path: string }).path : '';
  for (const [pattern, line] of SQLITE_LINES) if (pattern.test(code)) return { line, exitCode: 1 };
  for (const [pattern, line] of PG_LINES) if (pattern.test(code)) return { line, exitCode: 1 };
  const errno = ERRNO_LINES[code];
  if (errno !== undefined) return { line: path && (code === 'EACCES' || code === 'EPERM') ? `${errno}：${path}` : errno, exitCode: 1 };
  const file = fileProblem(e);
  if (file !== null && path) return { line: `${path}：${file}`, exitCode: 1 };
  const what = e instanceof Error ? `${e.name}: ${firstLine(e.message)}` : firstLine(String(e));
  return { line: `内部错误（${what}）：这是督办的缺陷，请加 --debug 重新运行，把输出报告给维护者`, exitCode: 70 };
}

/** Whether the stack trace is wanted: --debug, or DUBAN_DEBUG=1. */
export function debugWanted(flag: boolean | undefined): boolean {
  return flag === true || process.env.DUBAN_DEBUG === '1';
}

/** Reports a failure on stderr: its line, and with `debug` the whole stack (causes included). */
export function reportFailure(e: unknown, debug: boolean): number {
  const failure = describeFailure(e);
  process.stderr.write(`duban: ${failure.line}\n`);
  if (debug) {
    for (let cause: unknown = e, depth = 0; cause !== undefined && depth < 5; cause = (cause as { cause?: unknown }).cause, depth++) {
      process.stderr.write(`${depth > 0 ? '原因：' : ''}${cause instanceof Error ? (cause.stack ?? cause.message) : String(cause)}\n`);
      if (!(cause instanceof Error)) break;
    }
  }
  return failure.exitCode;
}
