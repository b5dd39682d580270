// `duban --db … import PATH…`: files and folders into the store, one transaction per file.
// A progress bar on stderr when it is a terminal, one line per file otherwise (logs, tests), and
// within a large file a line after each part of it is written (a 100 MB file takes a minute).
// Limits on one file come from the environment (src/input/limits.ts).
import { statSync } from 'node:fs';
import { basename } from 'node:path';
import type { Command } from 'commander';
import { InputError } from '../input/errors.ts';
import { limitsFromEnvironment, type InputLimits } from '../input/limits.ts';
import type { PartProgress } from '../store/import-parts.ts';
import type { ImportOutcome } from '../store/import.ts';
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

const megabytes = (chars: number, total: number, bytes: number) => ((chars / Math.max(1, total)) * bytes) / 1_000_000;

/** 正在导入 X：已处理 12 MB / 100 MB，公文 3,400 份 — the file's size in MB, the share of its text behind. */
export function progressLine(name: string, p: PartProgress, bytes: number): string {
  const mb = (n: number) => n.toLocaleString('zh-CN', { maximumFractionDigits: 0 });
  return `正在导入 ${name}：已处理 ${mb(megabytes(p.done, p.total, bytes))} MB / ${mb(bytes / 1_000_000)} MB，公文 ${p.documents.toLocaleString('zh-CN')} 份`;
}

export function registerImportCommand(program: Command, setExit: (code: number) => void): void {
  program
    .command('import')
    .description('导入文件或文件夹（.txt .docx .pdf .html .ofd）到数据库；同一文件重复导入不会重复，文件改动后重新导入会替换旧内容')
    .argument('<paths...>', '文件或文件夹')
    .option('--force', '未识别出公文（没有标题、文号、发文机关和日期）的文件也保存')
    .action(async (paths: string[], opts: { force?: boolean }, command: Command) => {
      const clock = commandClock(command, setExit);
      if (clock === null) return;
      let limits: InputLimits;
      try {
        limits = limitsFromEnvironment(process.env);
      } catch (e) {
        if (!(e instanceof InputError)) throw e;
        process.stderr.write(`${e.message}\n`);
        setExit(2);
        return;
      }
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
        }, {
          force: opts.force === true,
          limits,
          windowChars: windowOption(),
          onProgress: (path, p) => {
            if (p.done >= p.total) return; // the file's own line follows
            const line = progressLine(basename(path), p, sizeOf(path));
            if (bar) bar.update({ file: line });
            else process.stderr.write(`${line}\n`);
          },
        });
        bar?.stop();
        if (bar) for (const f of failures) process.stderr.write(`${describe(f)}\n`);
        const count = (s: ImportOutcome['status']) => outcomes.filter((o) => o.status === s).length;
        const documents = outcomes.reduce((n, o) => n + (o.documents ?? 0), 0);
        const others = [count('duplicate') > 0 ? `重复 ${count('duplicate')}` : '', count('refused') > 0 ? `拒收 ${count('refused')}` : ''].filter(Boolean);
        process.stderr.write(
          `共 ${outcomes.length} 个文件：导入 ${count('imported')}，更新 ${count('replaced')}，未变化 ${count('unchanged')}，失败 ${count('failed')}；公文 ${documents} 份${others.length > 0 ? `；${others.join('，')}` : ''}（${store.label}）\n`,
        );
        if (failures.length > 0) setExit(outcomes.length === failures.length ? 2 : 1);
      } finally {
        bar?.stop();
        await store.close();
      }
    });
}

function sizeOf(path: string): number {
  try {
    return statSync(path).size;
  } catch {
    return 0;
  }
}

/** DUBAN_IMPORT_WINDOW: characters per parse window (src/parse/windows.ts), for tests that want many parts of a small file. */
function windowOption(): number | undefined {
  const raw = process.env.DUBAN_IMPORT_WINDOW;
  const n = raw === undefined ? NaN : Number(raw);
  return Number.isFinite(n) && n > 0 ? n : undefined;
}
