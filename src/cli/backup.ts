// `duban backup FILE` and `duban restore FILE`: the whole store into one file and back, into an
// empty store only. Progress lines and the summary go to stderr (stdout stays free for scripts).
import type { Command } from 'commander';
import { userInfo } from 'node:os';
import { beijingDateTime, instantFrom } from '../calendar/clock.ts';
import type { TableRows } from '../store/backup.ts';
import { displayTarget } from '../store/dialect.ts';
import { commandClock } from './clock-option.ts';
import { storeTarget } from './store-target.ts';

const say = (line: string) => process.stderr.write(`${line}\n`);
const operator = () => ({ name: `cli:${userInfo().username}` });

function size(bytes: number): string {
  if (bytes < 1024) return `${bytes} 字节`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  if (bytes < 1024 ** 3) return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  return `${(bytes / 1024 ** 3).toFixed(2)} GB`;
}

const rowsOf = (tables: readonly TableRows[]) => `${tables.length} 张表，共 ${tables.reduce((n, t) => n + t.rows, 0)} 行`;

/** Runs `work`, reporting a refused or failed backup or restore in one Chinese line (exit 2). */
// The store's backup modules load here, when the command runs, not at every start of duban.
async function refusing(setExit: (code: number) => void, work: (backup: typeof import('../store/backup.ts')) => Promise<void>): Promise<void> {
  const backup = await import('../store/backup.ts');
  try {
    await work(backup);
  } catch (e) {
    if (!(e instanceof backup.BackupError)) throw e;
    say(`duban: ${e.message}`);
    setExit(2);
  }
}

export function registerBackupCommands(program: Command, setExit: (code: number) => void): void {
  program
    .command('backup')
    .description('把整个数据库备份到一个文件（SQLite：数据库文件的副本；PostgreSQL：压缩的归档）；备份期间可照常导入和查询')
    .argument('<file>', '备份文件（不能已存在）')
    .action(async (file: string, _opts: unknown, command: Command) => {
      const clock = commandClock(command, setExit);
      if (clock === null) return;
      const target = storeTarget(command);
      await refusing(setExit, async ({ backupStore }) => {
        const r = await backupStore(target, file, { clock, actor: operator(), onProgress: say });
        say(`备份完成：${displayTarget(target)} → ${r.file}（${rowsOf(r.tables)}，${size(r.bytes)}，数据库结构 ${r.migration}）`);
      });
    });

  program
    .command('restore')
    .description('从备份文件恢复到一个空的数据库（--db 指定；已有数据的数据库不会被覆盖）；较旧的备份恢复后自动升级')
    .argument('<file>', '备份文件（duban backup 生成）')
    .action(async (file: string, _opts: unknown, command: Command) => {
      const clock = commandClock(command, setExit);
      if (clock === null) return;
      const target = storeTarget(command);
      await refusing(setExit, async ({ restoreStore }) => {
        const r = await restoreStore(target, file, { clock, actor: operator(), onProgress: say });
        const when = r.createdAt ? `；备份于 ${beijingDateTime(instantFrom(r.createdAt))}（北京时间）` : '';
        const upgraded = r.upgradedTo !== r.migration ? `，已由 ${r.migration} 升级到 ${r.upgradedTo}` : '';
        say(`恢复完成：${r.file} → ${displayTarget(target)}（${rowsOf(r.tables)}${when}；数据库结构 ${r.migration}${upgraded}）`);
      });
    });
}
