// The one error the store throws for a person to read: a store that cannot be opened, migrated or
// written. Callers print its message as it is (Chinese, says what happened and what to do) and
// never its stack; `cause` keeps the engine's error for --debug.
/** What failed under the store, when it was the world's fault (faults.ts), for answers that may not name the store. */
export type StoreFault = 'busy' | 'full' | 'read-only' | 'unreachable' | 'damaged' | 'io';

export class StoreError extends Error {
  override name = 'StoreError';
  readonly fault: StoreFault | null;

  constructor(message: string, options: { cause?: unknown; fault?: StoreFault } = {}) {
    super(message, { cause: options.cause });
    this.fault = options.fault ?? null;
  }
}

/** The fault said without the store's path or address (the server's answers name no files). */
export const FAULT_SUMMARY: Record<StoreFault, string> = {
  busy: '数据库正由另一个程序写入，请稍后再试',
  full: '数据库所在磁盘已满，本次写入未保存；请联系管理员腾出空间',
  'read-only': '数据库是只读的，本次写入未保存；请联系管理员检查',
  unreachable: '暂时无法连接数据库，本次写入未保存；请稍后再试',
  damaged: '数据库文件已损坏；请联系管理员从备份恢复',
  io: '读写数据库时出错，本次写入未保存；请联系管理员检查磁盘',
};
