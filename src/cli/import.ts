// `duban --db … import PATH…`: files and folders into the store, one transaction per file.
// A progress bar on stderr when it is a terminal, one line per file otherwise (logs, tests).
import type { Command } from 'commander';
import type { ImportOutcome } from '../store/import.ts';
import { StoreError } from '../store/store-error.ts';
import { commandClock } from './clock-option.ts';
import { openStoreOrFail } from './store-target.ts';

const STATUS_WORD: Record<ImportOutcome['status'], string> = { imported: '已导入', replaced: '已更新', unchanged: '未变化', duplicate: '重复', failed: '失败', refused: '拒收' };

function describe(o: ImportOutcome): string {
  if (o.status === 'failed' || o.status === 'refused' || o.status === 'unchanged' || o.status === 'duplicate') return `${STATUS_WORD[o.status]}：${o.path}${o.message ? `：${o.message}` : ''}`;
  const parts = [`公文 ${o.documents ?? 0} 份`, `任务 ${o.tasks ?? 0} 项`, `任免 ${o.appointments ?? 0} 条`, `大事记 ${o.chronicle ?? 0} 条`];
  return `${STATUS_WORD[o.status]}：${o.path}（${parts.join('，')}）${o.message ? `：${o.message}` : ''}`;
}

/** Files that did not go in as asked: they count towards the exit code (refused ones too: nothing of them was kept). */
const notImported = (o: ImportOutcome) => o.status === 'failed' || o.status === 'refused';

export function registerImportCommand(program: Command, setExit: (code: number) => void): void {
  program
    .command('import')
    .description('导入文件或文件夹（.txt .docx .pdf .html）到数据库；同一文件重复导入不会重复，文件改动后重新导入会替换旧内容')
    .argument('<paths...>', '文件或文件夹')
    .option('--force', '未识别出公文（没有标题、文号、发文机关和日期）的文件也保存')
    .action(async (paths: string[], opts: { force?: boolean }, command: Command) => {
      const clock = commandClock(command, setExit);
      if (clock === null) return;
      const store = await openStoreOrFail(command, setExit);
      if (store === null) return;
      const [{ importPaths }, { default: cliProgress }] = await Promise.all([import('../store/import.ts'), import('cli-progress')]);
      const tty = process.stderr.isTTY === true;
      const bar = tty ? new cliProgress.SingleBar({ format: '导入 [{bar}] {value}/{total} {file}', stream: process.stderr, hideCursor: true }, cliProgress.Presets.shades_classic) : null;
      const failures: ImportOutcome[] = [];
      try {
        const outcomes = await importPaths(store, paths, clock, {
          onStart: (total) => bar?.start(total, 0, { file: '' }),
          onFile: (o) => {
            if (notImported(o)) failures.push(o);
            if (bar) {
              bar.increment({ file: o.name });
              if (notImported(o)) bar.updateETA();
            } else process.stderr.write(`${describe(o)}\n`);
          },
        }, { force: opts.force === true });
        bar?.stop();
        if (bar) for (const f of failures) process.stderr.write(`${describe(f)}\n`);
        const count = (s: ImportOutcome['status']) => outcomes.filter((o) => o.status === s).length;
        const documents = outcomes.reduce((n, o) => n + (o.documents ?? 0), 0);
        const others = [count('duplicate') > 0 ? `重复 ${count('duplicate')}` : '', count('refused') > 0 ? `拒收 ${count('refused')}` : ''].filter(Boolean);
        process.stderr.write(
          `共 ${outcomes.length} 个文件：导入 ${count('imported')}，更新 ${count('replaced')}，未变化 ${count('unchanged')}，失败 ${count('failed')}；公文 ${documents} 份${others.length > 0 ? `；${others.join('，')}` : ''}（${store.label}）\n`,
        );
        if (failures.length > 0) setExit(outcomes.length === failures.length ? 2 : 1);
      } catch (e) {
        // The store failed under the import (a full disk, a lost connection, another writer's
        // lock): the file being written was rolled back; say so in one line, no stack.
        if (!(e instanceof StoreError)) throw e;
        bar?.stop();
        process.stderr.write(`duban: ${e.message}\n`);
        setExit(2);
      } finally {
        bar?.stop();
        await store.close();
      }
    });
}
