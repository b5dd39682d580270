// Where the store is: --db (a SQLite file path or a postgres:// URL), else $DUBAN_DB, else
// duban.db in the current folder — the zero-setup default.
import type { Command } from 'commander';
import { openStore, StoreError, type Store } from '../store/open.ts';

export const DEFAULT_DB = 'duban.db';

export function storeTarget(command: Command): string {
  const opts = command.optsWithGlobals<{ db?: string }>();
  return opts.db ?? process.env.DUBAN_DB ?? DEFAULT_DB;
}

/** Opens the command's store, or reports on stderr why it cannot be opened (exit 2) and returns null. */
export async function openStoreOrFail(command: Command, setExit: (code: number) => void): Promise<Store | null> {
  try {
    return await openStore(storeTarget(command));
  } catch (e) {
    if (!(e instanceof StoreError)) throw e;
    process.stderr.write(`duban: ${e.message}\n`);
    setExit(2);
    return null;
  }
}
