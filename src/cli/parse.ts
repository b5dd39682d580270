// `duban parse FILE [--json]`: what Duban reads in one file — its documents, personnel decisions,
// chronicle and routing slip — as a summary or as the parse contract in JSON.
import type { Command } from 'commander';
import { basename } from 'node:path';
import { limitsFromEnvironment } from '../input/limits.ts';
import { DIRECTORY_OPTION, directoryOrFail } from './directory-option.ts';

export function registerParseCommand(program: Command, setExit: (code: number) => void): void {
  program
    .command('parse')
    .description('读取一个文件（.txt .docx .pdf .html .ofd），输出文件、任免、大事记与批办单')
    .argument('<file>', '要读取的文件')
    .option('--json', '以 JSON 输出（解析契约）')
    .option(...DIRECTORY_OPTION)
    .action(async (file: string, opts: { json?: boolean; directory?: string[] }) => {
      const directory = await directoryOrFail(opts.directory, setExit);
      if (directory === null) return;
      // Loaded here, not at the top: a command that does not parse should not pay for it.
      const [{ readInput, InputError }, { parseText }, { summarize }] = await Promise.all([
        import('../input/read.ts'),
        import('../pipeline.ts'),
        import('./summary.ts'),
      ]);
      try {
        const input = await readInput(file, limitsFromEnvironment(process.env));
        const result = parseText(input.text, basename(file), { directory });
        result.warnings.unshift(...input.warnings);
        if (opts.json) process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
        else process.stdout.write(summarize(result));
        const understood = result.documents.length + result.appointments.length + result.chronicle.length + (result.routingSlip ? 1 : 0);
        if (understood === 0) {
          process.stderr.write(`duban: ${file}: 未识别出任何公文内容（${result.warnings.map((w) => w.message).join('；') || '无可读文字'}）\n`);
          setExit(2);
        }
      } catch (e) {
        if (!(e instanceof InputError)) throw e;
        process.stderr.write(`duban: ${file}: ${e.message}\n`);
        setExit(2);
      }
    });
}
