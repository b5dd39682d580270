// The duban command line.
import { Command, CommanderError } from 'commander';
import { basename } from 'node:path';
import { limitsFromEnvironment } from '../input/limits.ts';
import { readInput, InputError } from '../input/read.ts';
import { parseText } from '../pipeline.ts';
import { NOW_OPTION } from './clock-option.ts';
import { DIRECTORY_OPTION, directoryOrFail } from './directory-option.ts';
import { summarize } from './summary.ts';
import { registerTasksCommand } from './tasks.ts';
import { registerImportCommand } from './import.ts';
import { registerSearchCommand } from './search.ts';
import { registerServeCommand } from './serve.ts';
import { registerUnitsCommand } from './units.ts';
import { registerUsersCommand } from './users.ts';

export async function main(argv: string[]): Promise<number> {
  let exitCode = 0;
  const program = new Command();
  program
    .name('duban')
    .description('督办：读取公报、汇编与公文，形成可督办的任务')
    .option('--db <path-or-url>', '数据库：SQLite 文件路径或 postgres:// 地址（默认 $DUBAN_DB 或 ./duban.db）')
    .option(...NOW_OPTION)
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s) });

  program
    .command('parse')
    .description('读取一个文件（.txt .docx .pdf .html），输出文件、任免、大事记与批办单')
    .argument('<file>', '要读取的文件')
    .option('--json', '以 JSON 输出（解析契约）')
    .option(...DIRECTORY_OPTION)
    .action(async (file: string, opts: { json?: boolean; directory?: string[] }) => {
      const directory = directoryOrFail(opts.directory, (code) => (exitCode = code));
      if (directory === null) return;
      try {
        const input = await readInput(file, limitsFromEnvironment(process.env));
        const result = parseText(input.text, basename(file), { directory });
        result.warnings.unshift(...input.warnings);
        if (opts.json) process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
        else process.stdout.write(summarize(result));
        const understood = result.documents.length + result.appointments.length + result.chronicle.length + (result.routingSlip ? 1 : 0);
        if (understood === 0) {
          process.stderr.write(`duban: ${file}: 未识别出任何公文内容（${result.warnings.map((w) => w.message).join('；') || '无可读文字'}）\n`);
          exitCode = 2;
        }
      } catch (e) {
        if (e instanceof InputError) {
          process.stderr.write(`duban: ${file}: ${e.message}\n`);
          exitCode = 2;
          return;
        }
        throw e;
      }
    });

  registerTasksCommand(program, (code) => (exitCode = code));
  registerImportCommand(program, (code) => (exitCode = code));
  registerSearchCommand(program, (code) => (exitCode = code));
  registerServeCommand(program, (code) => (exitCode = code));
  registerUnitsCommand(program, (code) => (exitCode = code));
  registerUsersCommand(program, (code) => (exitCode = code));

  try {
    await program.parseAsync(argv, { from: 'user' });
  } catch (e) {
    if (e instanceof CommanderError) return e.exitCode === 0 ? 0 : 1;
    process.stderr.write(`duban: 内部错误：${e instanceof Error ? e.stack ?? e.message : String(e)}\n`);
    return 70;
  }
  return exitCode;
}
