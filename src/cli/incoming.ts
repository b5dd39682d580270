// `duban incoming register FILE… [--channel 党] [--json]`: 签收 and 登记 of received files, each
// its own registration with the next 运转号 of the series; `duban incoming list`: the 收文簿;
// `duban incoming review ID (--as 办件|阅件 | --return REASON)`: 初审. With --json, stdout holds
// one JSON value, the registrations with the slip's fields named as the routing slip names them.
import { readFile } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import type { Command } from 'commander';
import type { IncomingView } from '../store/incoming/view.ts';
import { INCOMING_STATE_LABELS, INCOMING_STATES, type IncomingState, type ReviewDecision } from '../workflow/incoming.ts';
import { commandClock } from './clock-option.ts';
import { registerIncomingArchiveCommands } from './incoming-archive.ts';
import { registerIncomingWorkflow } from './incoming-workflow.ts';
import { registerIncomingAssign } from './incoming-assign.ts';
import { openStoreOrFail } from './store-target.ts';

/** What the command line acts as in the audit trail (as import does). */
const ACTOR = { name: 'import' };

interface Failed {
  file: string;
  error: string;
  /** unreadable | refused | duplicate | invalid */
  kind: string;
  /** For a duplicate: the first registration. */
  first?: { id: number; serial: string };
}

const line = (v: IncomingView) => `${v.serial}　${v.receivedOn}　${v.fromUnit ?? '（来文单位不详）'}　${v.docNumber ?? '（无文号）'}　${v.title}${v.kind ? `　${v.kind}` : ''}${v.state !== 'registered' && v.state !== 'reviewed' ? `　${INCOMING_STATE_LABELS[v.state]}` : ''}${v.circulating ? '　传阅中' : ''}`;

export function registerIncomingCommand(program: Command, setExit: (code: number) => void): Command {
  const incoming = program.command('incoming').description('收文：签收登记、收文簿、初审、拟办、批示、传阅');

  incoming
    .command('register')
    .description('登记收到的文件（.txt .docx .pdf .html .ofd），按渠道编运转号；文件同时存入文件库')
    .argument('<files...>', '收到的文件')
    .option('--channel <series>', '运转号系列，如 党、政（默认：文件批办单上的系列，否则“收”）')
    .option('--via <way>', '来文方式，如 内网、纸质、交换系统（批办单上写明的优先）')
    .option('--force', '同一公文已登记过也再次登记（关联到第一次登记）')
    .option('--json', '输出 JSON：每份登记的 id、serial（运转号）与批办单各栏')
    .action(async (files: string[], opts: { channel?: string; via?: string; force?: boolean; json?: boolean }, command: Command) => {
      const clock = commandClock(command, setExit);
      if (clock === null) return;
      const store = await openStoreOrFail(command, setExit);
      if (store === null) return;
      const [{ registerIncoming }, { IncomingError }] = await Promise.all([import('../store/incoming/register.ts'), import('../store/incoming/errors.ts')]);
      const done: (IncomingView & { file: string })[] = [];
      const failed: Failed[] = [];
      try {
        for (const file of files) {
          const path = resolve(file);
          let bytes: Buffer;
          try {
            bytes = await readFile(path);
          } catch (e) {
            const code = (e as NodeJS.ErrnoException).code;
            failed.push({ file, kind: 'unreadable', error: code === 'ENOENT' ? '文件不存在' : code === 'EISDIR' ? '是文件夹，不是文件' : `无法读取：${(e as Error).message}` });
            process.stderr.write(`未登记：${file}：${failed[failed.length - 1]!.error}\n`);
            continue;
          }
          try {
            const r = await registerIncoming(store, { bytes, name: basename(path), path }, { actor: ACTOR, clock, series: opts.channel ?? null, channel: opts.via ?? null, force: opts.force === true });
            done.push({ file, ...r.incoming });
            if (!opts.json) process.stdout.write(`${line(r.incoming)}\n`);
            process.stderr.write(`已登记：${file} → ${r.incoming.serial}${r.incoming.duplicateOf !== null ? '（重复登记，已关联第一次登记）' : ''}\n`);
          } catch (e) {
            if (!(e instanceof IncomingError)) throw e;
            failed.push({ file, kind: e.kind, error: e.message, ...(e.first ? { first: { id: e.first.id, serial: e.first.serial } } : {}) });
            process.stderr.write(`未登记：${file}：${e.message}\n`);
          }
        }
      } finally {
        await store.close();
      }
      if (opts.json) process.stdout.write(`${JSON.stringify({ registered: done, failed }, null, 2)}\n`);
      if (failed.length > 0) setExit(done.length === 0 ? 2 : 1);
    });

  incoming
    .command('list')
    .description('收文簿：已登记的收文，新的在前')
    .option('--channel <series>', '只列这一系列（党、政 …）')
    .option('--year <year>', '只列这一年')
    .option('--state <state>', '只列这一状态：registered（已登记）、reviewed（已初审）、returned（已退回）、proposed（待批示）、instructed（已批示）、sent-back（退回拟办）、assigned（已分办）、concluded（已办结）、archived（已归档）')
    .option('--json', '输出 JSON')
    .option('--xlsx <file>', '把收文登记簿（按同样的筛选）写成 .xlsx')
    .action(async (opts: { channel?: string; year?: string; state?: string; json?: boolean; xlsx?: string }, command: Command) => {
      const states: readonly string[] = INCOMING_STATES;
      if (opts.state !== undefined && !states.includes(opts.state)) {
        process.stderr.write(`duban: --state 应为 ${states.join('、')} 之一\n`);
        setExit(2);
        return;
      }
      if (opts.year !== undefined && !/^\d{4}$/.test(opts.year)) {
        process.stderr.write('duban: --year 应为四位年份，如 2026\n');
        setExit(2);
        return;
      }
      const store = await openStoreOrFail(command, setExit, 'existing');
      if (store === null) return;
      const { listIncoming } = await import('../store/incoming/read.ts');
      try {
        const series = opts.channel?.trim().replace(/^[（(]|[）)]$/g, '');
        if (opts.xlsx !== undefined) {
          const clock = commandClock(command, setExit);
          if (clock === null) return;
          const [{ incomingBook }, { writeOutput }] = await Promise.all([import('../store/incoming/print.ts'), import('./write-output.ts')]);
          const filter = { series, year: opts.year === undefined ? undefined : Number(opts.year), state: opts.state as IncomingState | undefined };
          if (await writeOutput(opts.xlsx, await incomingBook(store, filter, clock.today()), setExit)) process.stderr.write(`已写出收文登记簿：${opts.xlsx}\n`);
          return;
        }
        const list = await listIncoming(store, { series, year: opts.year === undefined ? undefined : Number(opts.year), state: opts.state as IncomingState | undefined, limit: 10_000 });
        if (opts.json) process.stdout.write(`${JSON.stringify(list, null, 2)}\n`);
        else {
          for (const v of list.items) process.stdout.write(`${line(v)}\n`);
          process.stderr.write(`共 ${list.total} 份收文\n`);
        }
      } finally {
        await store.close();
      }
    });

  incoming
    .command('review')
    .description('初审：定为办件或阅件，或退回来文单位（写明理由）')
    .argument('<id>', '收文的 id')
    .option('--as <kind>', '办件 或 阅件')
    .option('--return <reason>', '退回来文单位，并写明理由')
    .option('--note <note>', '初审意见')
    .option('--json', '输出 JSON')
    .action(async (id: string, opts: { as?: string; return?: string; note?: string; json?: boolean }, command: Command) => {
      const clock = commandClock(command, setExit);
      if (clock === null) return;
      if (!/^\d+$/.test(id) || (opts.as === undefined) === (opts.return === undefined) || (opts.as !== undefined && opts.as !== '办件' && opts.as !== '阅件')) {
        process.stderr.write('duban: 请写明收文 id，并只用 --as 办件|阅件 或 --return 理由 之一\n');
        setExit(2);
        return;
      }
      const decision: ReviewDecision = opts.return !== undefined ? { returned: true, reason: opts.return } : { kind: opts.as as '办件' | '阅件', note: opts.note ?? null };
      const store = await openStoreOrFail(command, setExit, 'existing');
      if (store === null) return;
      const [{ reviewIncoming }, { IncomingError }] = await Promise.all([import('../store/incoming/review.ts'), import('../store/incoming/errors.ts')]);
      try {
        const v = await reviewIncoming(store, Number(id), decision, { actor: ACTOR, clock });
        process.stdout.write(opts.json ? `${JSON.stringify(v, null, 2)}\n` : `${line(v)}\n`);
      } catch (e) {
        if (!(e instanceof IncomingError)) throw e;
        process.stderr.write(`duban: ${e.message}\n`);
        setExit(2);
      } finally {
        await store.close();
      }
    });

  registerIncomingWorkflow(incoming, setExit);
  registerIncomingArchiveCommands(incoming, setExit);
  registerIncomingAssign(incoming, setExit);
  return incoming;
}
