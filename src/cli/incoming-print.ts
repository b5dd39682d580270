// `duban incoming slip ID --docx OUT [--organ NAME]`: the 文件批办单 of a registration as a one-page
// .docx, to print and put on top of the document. (The 收文登记簿 is `duban incoming list --xlsx`.)
import type { Command } from 'commander';
import { openStoreOrFail } from './store-target.ts';
import { writeOutput } from './write-output.ts';

export function registerIncomingPrintCommands(incoming: Command, setExit: (code: number) => void): void {
  incoming
    .command('slip')
    .description('文件批办单：一页 A4 的 .docx')
    .argument('<id>', '收文的 id')
    .requiredOption('--docx <file>', '写出的 .docx 文件')
    .option('--organ <name>', '批办单上方的机关名称（如 某某区委办公室）')
    .action(async (id: string, opts: { docx: string; organ?: string }, command: Command) => {
      if (!/^\d{1,12}$/.test(id)) {
        process.stderr.write('duban: 请写明收文的 id（duban incoming list 可查）\n');
        setExit(2);
        return;
      }
      const store = await openStoreOrFail(command, setExit, 'existing');
      if (store === null) return;
      const [{ incomingSlip }, { IncomingError }] = await Promise.all([import('../store/incoming/print.ts'), import('../store/incoming/errors.ts')]);
      try {
        const slip = await incomingSlip(store, Number(id), opts.organ?.trim() || null);
        if (await writeOutput(opts.docx, slip.buffer, setExit)) process.stderr.write(`已写出文件批办单 ${slip.serial}：${opts.docx}\n`);
      } catch (e) {
        if (!(e instanceof IncomingError)) throw e;
        process.stderr.write(`duban: ${e.message}\n`);
        setExit(2);
      } finally {
        await store.close();
      }
    });
}
