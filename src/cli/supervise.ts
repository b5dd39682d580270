// `duban supervise …`: 督查督办 from the command line, for scripting and catching up.
//   open DOCNUMBER [--json]  立项 and 交办 of every task of a stored document with its extracted
//                            units, for offices that review afterwards; items whose units the
//                            directory does not know stay 草稿 and are named.
// Other subcommands (tick, bulletin, ledger) attach to the group this returns.
import type { Command } from 'commander';
import { userInfo } from 'node:os';
import { commandClock } from './clock-option.ts';
import { DIRECTORY_OPTION, directoryOrFail } from './directory-option.ts';
import { withSupervisionStore } from './supervision-store.ts';

const say = (line: string) => process.stderr.write(`${line}\n`);

export function registerSuperviseCommand(program: Command, setExit: (code: number) => void): Command {
  const group = program.command('supervise').description('督查督办：立项交办、督办文书、通报');

  group
    .command('open')
    .description('按文号立项并交办该文件的全部任务（单位取自文件，交办后可在台账中调整）')
    .argument('<docnumber>', '文号，如 通政办发〔2026〕88号')
    .option('--json', '以 JSON 输出事项')
    .option(...DIRECTORY_OPTION)
    .action(async (docNumber: string, opts: { json?: boolean; directory?: string[] }, command: Command) => {
      const clock = commandClock(command, setExit);
      if (clock === null) return;
      const directory = await directoryOrFail(opts.directory, setExit);
      if (directory === null) return;
      const [{ SupervisionError }, sv] = await Promise.all([import('../workflow/errors.ts'), import('../store/supervision/index.ts')]);
      await withSupervisionStore(command, setExit, async (store) => {
        const docs = await store.db.selectFrom('documents').select(['id', 'title']).where('doc_number', '=', docNumber.trim()).orderBy('id').execute();
        if (docs.length === 0) throw new SupervisionError(`库中没有文号为“${docNumber}”的文件，请先导入（duban import）`, 404);
        if (docs.length > 1) throw new SupervisionError(`文号“${docNumber}”对应 ${docs.length} 份文件：${docs.map((d) => `${d.id} ${d.title}`).join('；')}`, 409);
        const cmd = { actor: { name: `cli:${userInfo().username}` }, now: clock.now(), today: clock.today(), unit: null };
        const ledgerId = await sv.openLedgerFromDocument(store.db, cmd, docs[0]!.id, directory);
        const [{ loadRules }, { lightsBy }] = await Promise.all([import('../store/supervision-rules.ts'), import('../workflow/lights.ts')]);
        const read = { today: clock.today(), scope: null, lightOf: lightsBy(await loadRules(store.db)) };
        const drafts = (await sv.ledgerDetail(store.db, ledgerId, read)).items;
        const ready = drafts.filter((i) => i.units.length > 0 && i.units.every((u) => u.canonical !== null));
        if (ready.length > 0) await sv.issueLedger(store.db, cmd, ledgerId, ready.map((i) => i.id));
        const items = (await sv.ledgerDetail(store.db, ledgerId, read)).items;
        const names = (i: (typeof items)[number], role: string) => i.units.filter((u) => u.role === role).map((u) => u.canonical ?? u.name);
        if (opts.json) {
          const out = items.map((i) => ({ id: i.id, state: i.state, text: i.text, deadline: i.deadline, deadlineText: i.deadlineText, leads: names(i, 'lead'), responsible: names(i, 'responsible'), cooperating: names(i, 'cooperating') }));
          process.stdout.write(`${JSON.stringify({ ledger: ledgerId, items: out }, null, 2)}\n`);
        } else {
          process.stdout.write(`已立项：台账 ${ledgerId}《${docs[0]!.title}》，交办 ${ready.length} 项\n`);
        }
        const waiting = items.filter((i) => i.state === 'draft');
        if (waiting.length > 0) {
          say(`duban: ${waiting.length} 项的单位未能对应到单位名录，仍为草稿：${waiting.map((i) => `第${i.seq}项（${i.units.filter((u) => u.canonical === null).map((u) => u.name).join('、') || '无承办单位'}）`).join('；')}`);
          setExit(3);
        }
      });
    });
  return group;
}
