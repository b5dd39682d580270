// `duban incoming propose | instruct | awaiting | circulate`: 拟办, 批示 and 传阅 from the shell,
// each one command of src/store/incoming/ (one transaction, its audit event). The command line
// names who acts (--as USERNAME): a leader's 批示 is theirs alone, so instruct requires it.
import type { Command } from 'commander';
import type { IncomingView } from '../store/incoming/view.ts';
import { INCOMING_STATE_LABELS } from '../workflow/incoming.ts';
import { commandClock } from './clock-option.ts';
import { openStoreOrFail } from './store-target.ts';

/** The command line's actor when --as is not given (as registration's). */
export const DEFAULT_ACTOR = 'import';

export const list = (v: string | undefined) => (v === undefined ? undefined : v.split(/[,，、]/).map((s) => s.trim()).filter((s) => s !== ''));

function summary(v: IncomingView): string {
  const holders = v.holders.length > 0 ? `　在：${v.holders.join('、')}` : '';
  return `${v.serial}　${v.title}　${INCOMING_STATE_LABELS[v.state]}${v.circulating ? '　传阅中' : ''}${holders}`;
}

/** Runs one command on an existing store: a refusal is one Chinese line and exit 2. */
export async function run(command: Command, setExit: (code: number) => void, json: boolean | undefined, act: (store: import('../store/open.ts').Store, clock: import('../calendar/clock.ts').Clock) => Promise<unknown>): Promise<void> {
  const clock = commandClock(command, setExit);
  if (clock === null) return;
  const store = await openStoreOrFail(command, setExit, 'existing');
  if (store === null) return;
  const { IncomingError } = await import('../store/incoming/errors.ts');
  try {
    const out = await act(store, clock);
    if (json) process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
    else if (Array.isArray(out)) for (const v of out as IncomingView[]) process.stdout.write(`${summary(v)}\n`);
    else if (out !== null && typeof out === 'object' && 'serial' in out) process.stdout.write(`${summary(out as IncomingView)}\n`);
    else process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
  } catch (e) {
    if (!(e instanceof IncomingError)) throw e;
    process.stderr.write(`duban: ${e.message}\n`);
    setExit(2);
  } finally {
    await store.close();
  }
}

export function badUsage(message: string, setExit: (code: number) => void): void {
  process.stderr.write(`duban: ${message}\n`);
  setExit(2);
}

export function registerIncomingWorkflow(incoming: Command, setExit: (code: number) => void): void {
  incoming
    .command('propose')
    .description('拟办：显示督办起草的拟办意见（--draft），或提交拟办意见呈领导批示')
    .argument('<id>', '收文的 id')
    .option('--draft', '只显示起草的拟办意见，不提交')
    .option('--text <text>', '拟办意见（默认：起草的意见）')
    .option('--leaders <users>', '呈批领导的用户名，逗号分隔，依次批示时按此顺序（默认：领导分管表匹配到的领导）')
    .option('--parallel', '各位领导同时批示（默认依次批示）')
    .option('--lead <unit>', '主办单位（默认：起草的主办单位）')
    .option('--cooperating <units>', '协办单位，逗号分隔（默认：起草的协办单位）')
    .option('--as <user>', '以哪位收文员的名义（审计日志）', DEFAULT_ACTOR)
    .option('--json', '输出 JSON')
    .action(async (id: string, opts: { draft?: boolean; text?: string; leaders?: string; parallel?: boolean; lead?: string; cooperating?: string; as: string; json?: boolean }, command: Command) => {
      if (!/^\d+$/.test(id)) return badUsage('请写明收文 id（数字）', setExit);
      await run(command, setExit, opts.json, async (store, clock) => {
        const { draftIncomingProposal, submitIncomingProposal } = await import('../store/incoming/propose.ts');
        const draft = await draftIncomingProposal(store, Number(id));
        if (opts.draft) return draft;
        return submitIncomingProposal(
          store,
          Number(id),
          {
            text: opts.text ?? draft.text,
            leaders: list(opts.leaders) ?? draft.leaders.map((l) => l.username),
            mode: opts.parallel ? 'parallel' : 'sequence',
            lead: opts.lead ?? draft.lead,
            cooperating: list(opts.cooperating) ?? draft.cooperating,
          },
          { actor: { name: opts.as }, clock },
        );
      });
    });

  incoming
    .command('awaiting')
    .description('批示：轮到这位领导批示的收文')
    .argument('<leader>', '领导的用户名')
    .option('--json', '输出 JSON')
    .action(async (leader: string, opts: { json?: boolean }, command: Command) => {
      await run(command, setExit, opts.json, async (store) => (await import('../store/incoming/instruct.ts')).awaitingLeader(store, leader));
    });

  incoming
    .command('instruct')
    .description('批示：写批示、圈阅、转其他领导，或退回收文员重新拟办（仅轮到本人时）')
    .argument('<id>', '收文的 id')
    .requiredOption('--as <leader>', '批示的领导的用户名')
    .option('--text <text>', '批示意见（转批、退回时为附言、理由）')
    .option('--circle', '圈阅')
    .option('--pass-to <leader>', '转给另一位领导批示（用户名）')
    .option('--return', '退回收文员重新拟办（须有 --text 理由）')
    .option('--json', '输出 JSON')
    .action(async (id: string, opts: { as: string; text?: string; circle?: boolean; passTo?: string; return?: boolean; json?: boolean }, command: Command) => {
      const chosen = [opts.circle === true, opts.passTo !== undefined, opts.return === true].filter(Boolean).length;
      if (!/^\d+$/.test(id) || chosen > 1 || (chosen === 0 && opts.text === undefined)) return badUsage('请写明收文 id，并用 --text 批示、--circle、--pass-to 领导 或 --return 之一', setExit);
      const action = opts.circle ? 'circle' : opts.passTo !== undefined ? 'pass' : opts.return ? 'return' : 'instruct';
      await run(command, setExit, opts.json, async (store, clock) =>
        (await import('../store/incoming/instruct.ts')).instructIncoming(store, Number(id), { action, text: opts.text ?? null, to: opts.passTo ?? null }, { actor: { name: opts.as }, clock }),
      );
    });

  incoming
    .command('circulate')
    .description('传阅：分送人员或单位；或提醒、收回一位传阅对象')
    .argument('<id>', '收文的 id')
    .option('--users <users>', '传阅给这些用户（用户名，逗号分隔）')
    .option('--units <units>', '传阅给这些单位（单位目录中的名称，逗号分隔）')
    .option('--remind <recipient>', '提醒这位传阅对象（传阅对象的 id，见 --json 的 circulation）')
    .option('--recall <recipient>', '从这位传阅对象收回')
    .option('--as <user>', '以哪位收文员的名义（审计日志）', DEFAULT_ACTOR)
    .option('--json', '输出 JSON')
    .action(async (id: string, opts: { users?: string; units?: string; remind?: string; recall?: string; as: string; json?: boolean }, command: Command) => {
      const sending = opts.users !== undefined || opts.units !== undefined;
      const chosen = [sending, opts.remind !== undefined, opts.recall !== undefined].filter(Boolean).length;
      const recipient = opts.remind ?? opts.recall;
      if (!/^\d+$/.test(id) || chosen !== 1 || (recipient !== undefined && !/^\d+$/.test(recipient))) return badUsage('请写明收文 id，并只用 --users/--units、--remind 对象id 或 --recall 对象id 之一', setExit);
      await run(command, setExit, opts.json, async (store, clock) => {
        const { actOnRecipient, circulateIncoming } = await import('../store/incoming/circulate.ts');
        const options = { actor: { name: opts.as }, clock };
        if (sending) return circulateIncoming(store, Number(id), { users: list(opts.users) ?? [], units: list(opts.units) ?? [] }, options);
        return actOnRecipient(store, Number(id), Number(recipient), opts.remind !== undefined ? 'remind' : 'recall', options);
      });
    });
}
