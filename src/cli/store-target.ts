// Where the store is: --db (a SQLite file path or a postgres:// URL), else $DUBAN_DB, else
// duban.db in the current folder — the zero-setup default.
import type { Command } from 'commander';
import { debugWanted, reportFailure } from './failure.ts';
import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { dialectOf } from '../store/dialect.ts';
import type { Store } from '../store/open.ts';

export const DEFAULT_DB = 'duban.db';

export function storeTarget(command: Command): string {
  const opts = command.optsWithGlobals<{ db?: string }>();
  return opts.db ?? process.env.DUBAN_DB ?? DEFAULT_DB;
}

/**
 * `create`: the command writes and may make a new store (import, serve, users add); `existing`:
 * it reads (or changes what must already be there), so a SQLite file that is not there is a
 * mistyped --db, reported, rather than a new empty store and its folders made on the way. A
 * PostgreSQL database is never made here: a wrong name already fails as 数据库不存在.
 */
export type StoreUse = 'create' | 'existing';

/** Opens the command's store, or reports on stderr why it cannot be opened (exit 2) and returns null. */
export async function openStoreOrFail(command: Command, setExit: (code: number) => void, use: StoreUse = 'create'): Promise<Store | null> {
  const target = storeTarget(command);
  if (dialectOf(target) === 'sqlite' && existsSync(resolve(target)) && statSync(resolve(target)).isDirectory()) {
    process.stderr.write(`duban: ${target} 是一个文件夹，不是数据库文件：请在 --db 中写出文件名（如 ${target.replace(/\/+$/, '')}/duban.db）\n`);
    setExit(2);
    return null;
  }
  if (use === 'existing' && dialectOf(target) === 'sqlite' && target !== ':memory:' && !existsSync(resolve(target))) {
    process.stderr.write(`duban: 没有找到数据库 ${target}：请检查 --db 或 DUBAN_DB 的路径；新的数据库由 duban import 或 duban serve 创建\n`);
    setExit(2);
    return null;
  }
  // The store's modules (better-sqlite3, pg, Kysely, the migrations) load only when one is opened.
  const { openStore, StoreError } = await import('../store/open.ts');
  try {
    return await openStore(target);
  } catch (e) {
    if (!(e instanceof StoreError)) throw e;
    setExit(reportFailure(e, debugWanted(command.optsWithGlobals<{ debug?: boolean }>().debug)));
    return null;
  }
}
