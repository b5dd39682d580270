// `duban tasks FILE [--xlsx OUT] [--json]`: the task ledger of a document, for review.
import type { Command } from 'commander';
import { basename } from 'node:path';
import { DIRECTORY_OPTION, directoryOrFail } from './directory-option.ts';
import { writeOutput } from './write-output.ts';
import { limitsFromEnvironment } from '../input/limits.ts';
import type { ParseResult } from '../types.ts';

/** The ledger's title: the document's own title when there is one document, else the file's name. */
function ledgerTitle(result: ParseResult, file: string): string {
  const withTasks = result.documents.filter((d) => d.tasks.length > 0);
  if (withTasks.length === 1 && withTasks[0]!.title !== '') return `《${withTasks[0]!.title}》任务分解台账`;
  return `${basename(file)} 任务分解台账`;
}

export function registerTasksCommand(program: Command, setExit: (code: number) => void): void {
  program
    .command('tasks')
    .description('从文件中提取任务（牵头、责任、配合单位，时限，目标），输出台账')
    .argument('<file>', '要读取的文件')
    .option('--xlsx <out>', '写出 Excel 台账（.xlsx）')
    .option('--json', '以 JSON 输出任务')
    .option(...DIRECTORY_OPTION)
    .action(async (file: string, opts: { xlsx?: string; json?: boolean; directory?: string[] }) => {
      const directory = await directoryOrFail(opts.directory, setExit);
      if (directory === null) return;
      // Loaded here: the reader, the parser and the ledger (exceljs) are for this command only.
      const [{ InputError, readInput }, { parseText }, { ledgerRows, ledgerWorkbook }] = await Promise.all([
        import('../input/read.ts'),
        import('../pipeline.ts'),
        import('../report/ledger.ts'),
      ]);
      let result: ParseResult;
      try {
        const input = await readInput(file, limitsFromEnvironment(process.env));
        result = parseText(input.text, basename(file), { directory });
      } catch (e) {
        if (!(e instanceof InputError)) throw e;
        process.stderr.write(`duban: ${file}: ${e.message}\n`);
        setExit(2);
        return;
      }
      const documents = result.documents.filter((d) => d.tasks.length > 0 || d.duties.length > 0);
      const count = documents.reduce((n, d) => n + d.tasks.length, 0);
      if (opts.xlsx !== undefined) {
        if (!(await writeOutput(opts.xlsx, await ledgerWorkbook(documents, ledgerTitle(result, file)), setExit))) return;
        process.stderr.write(`已写出 ${count} 项任务：${opts.xlsx}\n`);
      }
      if (opts.json) {
        const tasks = documents.flatMap((d) => d.tasks.map((t) => ({ docNumber: d.docNumber, title: d.title, ...t })));
        process.stdout.write(`${JSON.stringify(tasks, null, 2)}\n`);
      } else if (opts.xlsx === undefined) {
        for (const row of ledgerRows(documents)) {
          process.stdout.write(`${row.序号}. ${row.任务内容}\n   牵头：${row.牵头单位 || '—'}  责任：${row.责任单位 || '—'}  配合：${row.配合单位 || '—'}  时限：${row.完成时限 || '—'}\n   来源：${row.来源文件}\n`);
        }
        process.stdout.write(`共 ${count} 项任务\n`);
      }
      for (const w of result.warnings.filter((w) => /^(clause|table|task)/.test(w.code))) {
        process.stderr.write(`提示：${w.message}${w.line ? `（第${w.line}行）` : ''}\n`);
      }
    });
}
