// Where the store is: --db (a SQLite file path or a postgres:// URL), else $DUBAN_DB, else
// duban.db in the current folder — the zero-setup default.
import type { Command } from 'commander';

export const DEFAULT_DB = 'duban.db';

export function storeTarget(command: Command): string {
  const opts = command.optsWithGlobals<{ db?: string }>();
  return opts.db ?? process.env.DUBAN_DB ?? DEFAULT_DB;
}
