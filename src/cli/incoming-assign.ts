// `duban incoming assign | accept | reply | urge | conclude | assigned`: 分办 and 承办 from the shell,
// each one command of src/store/incoming/assign.ts (one transaction, its audit event). A unit's
// 签收 and 答复 name the unit (--unit): the command line acts for it, as a unit user does on the page.
import type { Command } from 'commander';
import { ASSIGN_DAYS_OPTION, assignDaysProblem, assignWorkingDays } from './assign-days-option.ts';
import { badUsage, DEFAULT_ACTOR, list, run } from './incoming-workflow.ts';

const isId = (v: string) => /^\d+$/.test(v);

/** The id of the assignment of `unit` on a registration, or a Chinese refusal. */
async function assignmentOfUnit(store: import('../store/open.ts').Store, id: number, unit: string): Promise<number> {
  const [{ getIncoming }, { IncomingError }] = await Promise.all([import('../store/incoming/read.ts'), import('../store/incoming/errors.ts')]);
  const v = await getIncoming(store, id);
  const a = v.assignments.find((x) => x.unit === unit);
  if (!a) throw new IncomingError('not-found', `收文 ${v.serial} 没有分办给${unit}的承办任务${v.assignments.length > 0 ? `（承办单位：${v.assignments.map((x) => x.unit).join('、')}）` : ''}`);
  return a.id;
}

export function registerIncomingAssign(incoming: Command, setExit: (code: number) => void): void {
  incoming
    .command('assign')
    .description('分办：交主办、协办单位承办并定办理期限；来文有工作措施的同时立项督办台账')
    .argument('<id>', '收文的 id')
    .requiredOption('--lead <unit>', '主办单位（单位目录中的名称）')
    .option('--cooperate <units...>', '协办单位（可多个，也可用逗号分隔）')
    .option('--deadline <date>', '办理期限 YYYY-MM-DD（默认：来文要求的日期，否则若干工作日后）')
    .option(...ASSIGN_DAYS_OPTION)
    .option('--as <user>', '以哪位收文员的名义（审计日志）', DEFAULT_ACTOR)
    .option('--json', '输出 JSON')
    .action(async (id: string, opts: { lead: string; cooperate?: string[]; deadline?: string; assignDays?: string; as: string; json?: boolean }, command: Command) => {
      if (!isId(id)) return badUsage('请写明收文 id（数字）', setExit);
      const workingDays = assignWorkingDays(opts.assignDays);
      if (workingDays === null) return badUsage(assignDaysProblem(opts.assignDays), setExit);
      const cooperating = (opts.cooperate ?? []).flatMap((u) => list(u) ?? []);
      await run(command, setExit, opts.json, async (store, clock) =>
        (await import('../store/incoming/assign.ts')).assignIncoming(store, Number(id), { lead: opts.lead, cooperating, deadline: opts.deadline ?? null }, { actor: { name: opts.as }, clock, workingDays }),
      );
    });

  for (const act of ['accept', 'reply'] as const) {
    const cmd = incoming
      .command(act)
      .description(act === 'accept' ? '签收：承办单位签收分办来的收文（待承办 → 承办中）' : '答复：承办单位答复办理结果（未签收的同时签收）')
      .argument('<id>', '收文的 id')
      .requiredOption('--unit <unit>', '承办单位（分办时的名称）');
    if (act === 'reply') cmd.requiredOption('--text <text>', '答复内容');
    cmd
      .option('--as <user>', '经办人（审计日志）', DEFAULT_ACTOR)
      .option('--json', '输出 JSON')
      .action(async (id: string, opts: { unit: string; text?: string; as: string; json?: boolean }, command: Command) => {
        if (!isId(id)) return badUsage('请写明收文 id（数字）', setExit);
        await run(command, setExit, opts.json, async (store, clock) => {
          const aid = await assignmentOfUnit(store, Number(id), opts.unit);
          return (await import('../store/incoming/assign.ts')).actOnAssignment(store, Number(id), aid, act, { unit: opts.unit, text: opts.text ?? null }, { actor: { name: opts.as }, clock });
        });
      });
  }

  incoming
    .command('urge')
    .description('催办：催一个尚未答复的承办单位（记录在案）')
    .argument('<id>', '收文的 id')
    .requiredOption('--unit <unit>', '承办单位')
    .option('--as <user>', '以哪位收文员的名义（审计日志）', DEFAULT_ACTOR)
    .option('--json', '输出 JSON')
    .action(async (id: string, opts: { unit: string; as: string; json?: boolean }, command: Command) => {
      if (!isId(id)) return badUsage('请写明收文 id（数字）', setExit);
      await run(command, setExit, opts.json, async (store, clock) => {
        const aid = await assignmentOfUnit(store, Number(id), opts.unit);
        return (await import('../store/incoming/assign.ts')).urgeAssignment(store, Number(id), aid, { actor: { name: opts.as }, clock });
      });
    });

  incoming
    .command('conclude')
    .description('办结：主办单位答复后办结此件')
    .argument('<id>', '收文的 id')
    .option('--note <text>', '办结意见')
    .option('--as <user>', '以哪位收文员的名义（审计日志）', DEFAULT_ACTOR)
    .option('--json', '输出 JSON')
    .action(async (id: string, opts: { note?: string; as: string; json?: boolean }, command: Command) => {
      if (!isId(id)) return badUsage('请写明收文 id（数字）', setExit);
      await run(command, setExit, opts.json, async (store, clock) => (await import('../store/incoming/assign.ts')).concludeIncoming(store, Number(id), { note: opts.note ?? null }, { actor: { name: opts.as }, clock }));
    });

  incoming
    .command('assigned')
    .description('我的承办：分办给这个单位的收文，各带办理期限与是否逾期')
    .argument('<unit>', '承办单位')
    .option('--json', '输出 JSON')
    .action(async (unit: string, opts: { json?: boolean }, command: Command) => {
      await run(command, setExit, opts.json, async (store, clock) => {
        const items = await (await import('../store/incoming/assign.ts')).assignedTo(store, unit, clock.today());
        if (opts.json) return items;
        const { ASSIGNMENT_STATE_LABELS, ASSIGNMENT_ROLE_LABELS } = await import('../workflow/assignment.ts');
        for (const i of items) {
          const late = i.overdue ? `　逾期 ${i.daysOverdue} 天` : '';
          process.stdout.write(`${i.incoming.serial}　${i.incoming.title}　${ASSIGNMENT_ROLE_LABELS[i.assignment.role]}　${ASSIGNMENT_STATE_LABELS[i.assignment.state]}　期限 ${i.assignment.deadline}${late}\n`);
        }
        return [];
      });
    });
}
