// `duban supervise tick` and `duban supervise bulletin`: the time side of 督查督办 from the
// command line (the scheduler inside `duban serve` runs the same tick).
//   tick [--now DATE] [--json]          issue the notices due since the last tick up to today
//   bulletin --month YYYY-MM [--json]   the month's bulletin as of its last day (the published
//                                       snapshot once there is one)
import type { Command } from 'commander';
import { commandClock } from './clock-option.ts';
import { OFFICE_OPTION, officeName, officeProblem } from './office-option.ts';
import { openStoreOrFail } from './store-target.ts';
import { writeOutput } from './write-output.ts';
import { withSupervisionStore } from './supervision-store.ts';

const say = (line: string) => process.stderr.write(`${line}\n`);
const percent = (r: number | null) => (r === null ? '—' : `${(r * 100).toFixed(1)}%`);

export function registerSuperviseTimeCommands(group: Command, setExit: (code: number) => void): void {
  group
    .command('tick')
    .description('签发到期的督办文书（提醒单、催办单、督办单、移交函），补发停机期间的工作日')
    .option('--json', '以 JSON 输出本次签发的文书')
    .action(async (opts: { json?: boolean }, command: Command) => {
      const clock = commandClock(command, setExit);
      if (clock === null) return;
      const store = await openStoreOrFail(command, setExit, 'existing');
      if (store === null) return;
      try {
        const { runTick } = await import('../store/supervision-tick.ts');
        const result = await runTick(store, { clock });
        if (opts.json) {
          const notices = result.notices.map((n) => ({ kind: n.kind, item: n.itemId, unit: n.unit, number: n.number, date: n.date, deadline: n.deadline, copiedTo: n.copiedTo }));
          process.stdout.write(`${JSON.stringify({ days: result.days, notices }, null, 2)}\n`);
        } else if (result.notices.length === 0) {
          process.stdout.write(result.days.length === 0 ? `${clock.today()} 无需签发（今日已签发或非工作日）\n` : `已检查 ${result.days.join('、')}，无到期文书\n`);
        } else {
          for (const n of result.notices) process.stdout.write(`${n.date}  ${n.number}  ${n.kind}  事项${n.itemId}  ${n.unit}\n`);
          process.stdout.write(`共签发 ${result.notices.length} 件\n`);
        }
      } finally {
        await store.close();
      }
    });

  group
    .command('bulletin')
    .description('某月的督查通报（截至该月最后一日）：总体情况、各单位办结与得分排名、红黑榜、超期事项')
    .requiredOption('--month <month>', '月份，YYYY-MM')
    .option('--json', '以 JSON 输出通报')
    .option('--docx <file>', '把通报写成 .docx（GB/T 9704 版式；未发布时为预览）')
    .option(...OFFICE_OPTION)
    .action(async (opts: { month: string; json?: boolean; docx?: string; office?: string }, command: Command) => {
      const problem = officeProblem(opts.office);
      if (problem !== null) {
        say(`duban: ${problem}`);
        setExit(2);
        return;
      }
      const clock = commandClock(command, setExit);
      if (clock === null) return;
      const { monthBulletin } = await import('../store/supervision-bulletin.ts');
      await withSupervisionStore(command, setExit, async (store) => {
        if (opts.docx !== undefined) {
          const { bulletinDocument } = await import('../store/supervision-assessment.ts');
          const doc = await bulletinDocument(store.db, opts.month, clock.today(), officeName(opts.office));
          if (await writeOutput(opts.docx, doc.buffer, setExit)) say(`已写出${doc.name.replace(/\.docx$/, '')}：${opts.docx}`);
          return;
        }
        const b = await monthBulletin(store.db, opts.month);
        if (opts.json) {
          process.stdout.write(`${JSON.stringify(b, null, 2)}\n`);
          return;
        }
        const t = b.totals;
        process.stdout.write(`${b.number ?? `${b.month} 通报（未发布）`}  截至 ${b.asOf}\n`);
        process.stdout.write(`事项 ${t.items} 项：已办结 ${t.done}，在办 ${t.open}，超期 ${t.overdue}\n`);
        process.stdout.write('排名\t承办单位\t承办件数\t办结数\t按时办结率\t超期数\t反馈及时率\t得分\n');
        for (const r of b.rows) process.stdout.write(`${r.rank}\t${r.unit}\t${r.items}\t${r.done}\t${percent(r.onTimeRate)}\t${r.overdue}\t${percent(r.reportRate)}\t${r.score}\n`);
        process.stdout.write(`红榜：${b.red.join('、') || '无'}\n黑榜：${b.black.join('、') || '无'}\n`);
        for (const o of b.overdueItems) process.stdout.write(`超期：事项${o.itemId}（${o.units.join('、')}）时限 ${o.deadline}，已超 ${o.workdaysOver} 个工作日\n`);
      });
    });

  group
    .command('ledger')
    .description('督办台账（.xlsx）：各事项的单位、时限、状态、灯、最新进展、延期、办结日期')
    .argument('[id]', '台账的 id（只有一本台账时可省略）')
    .requiredOption('--xlsx <file>', '写出的 .xlsx 文件')
    .action(async (id: string | undefined, opts: { xlsx: string }, command: Command) => {
      if (id !== undefined && !/^\d{1,12}$/.test(id)) {
        say('duban: 台账的 id 应为数字（duban supervise ledger 不带 id 可列出各台账）');
        setExit(2);
        return;
      }
      const clock = commandClock(command, setExit);
      if (clock === null) return;
      const [{ ledgerWorkbook }, { loadRules }, { lightsBy }] = await Promise.all([
        import('../store/supervision/ledger-export.ts'),
        import('../store/supervision-rules.ts'),
        import('../workflow/lights.ts'),
      ]);
      await withSupervisionStore(command, setExit, async (store) => {
        let ledgerId = id === undefined ? null : Number(id);
        if (ledgerId === null) {
          const ledgers = await store.db.selectFrom('supervision_ledgers').select(['id', 'title']).orderBy('id').execute();
          if (ledgers.length !== 1) {
            say(ledgers.length === 0 ? 'duban: 还没有督办台账（duban supervise open 文号 可立项）' : `duban: 有 ${ledgers.length} 本台账，请写明 id：${ledgers.map((l) => `${l.id} ${l.title}`).join('；')}`);
            setExit(2);
            return;
          }
          ledgerId = ledgers[0]!.id;
        }
        const ctx = { today: clock.today(), scope: null, lightOf: lightsBy(await loadRules(store.db)) };
        const { buffer, title } = await ledgerWorkbook(store.db, ledgerId, {}, ctx);
        if (await writeOutput(opts.xlsx, buffer, setExit)) say(`已写出《${title}》督办台账：${opts.xlsx}`);
      });
    });
}
