// 批示: a leader acts on a registration waiting for them — a written instruction, 圈阅, passing it
// to another leader, or sending it back to the clerk — and the leaders' list of what waits for
// them. The round's turns are loaded, src/workflow/instruct.ts decides, and the turns it changed
// or added are written with the registration's new state and the audit event, in one transaction.
import { actOnRound, type LeaderAct, type Step, type StepAction } from '../../workflow/instruct.ts';
import type { Store } from '../open.ts';
import { incomingCommand, type CommandOptions } from './command.ts';
import { leadersNamed } from './people.ts';
import { viewsOf } from './progress.ts';
import type { IncomingView } from './view.ts';

export interface LeaderActInput {
  action: StepAction;
  text?: string | null;
  /** pass: the user name of the leader it goes to. */
  to?: string | null;
}

export async function instructIncoming(store: Store, id: number, input: LeaderActInput, options: CommandOptions): Promise<IncomingView> {
  return incomingCommand(store, id, options, '批示', async ({ trx, before, now, refuse }) => {
    if (before.state !== 'proposed') return refuse(before.state === 'instructed' ? '批示已完毕' : '该收文没有等待批示的环节');
    const round = before.submittedProposal?.round ?? 0;
    const steps: Step[] = before.instructions.filter((s) => s.round === round);
    const to = input.action === 'pass' && input.to ? (await leadersNamed(trx, [input.to]))[0]! : null;
    const act: LeaderAct = { action: input.action, text: input.text ?? null, to };
    const at = now.toISOString();
    const outcome = actOnRound(steps, options.actor.name, act, at);
    if ('refused' in outcome) return refuse(outcome.refused, outcome.outOfTurn ? 'conflict' : 'invalid');
    const old = new Map(steps.map((s) => [s.id, s]));
    for (const s of outcome.steps) {
      if (s.id === null) {
        await trx
          .insertInto('incoming_instructions')
          .values({ incoming_id: id, round: s.round, seq: s.seq, mode: s.mode, leader: s.leader, leader_name: s.leaderName, state: s.state, action: s.action, text: s.text, passed_from: s.passedFrom, created_at: s.createdAt, acted_at: s.actedAt })
          .execute();
        continue;
      }
      const was = old.get(s.id)!;
      if (was.seq === s.seq && was.state === s.state && was.action === s.action && was.text === s.text && was.actedAt === s.actedAt) continue;
      await trx.updateTable('incoming_instructions').set({ seq: s.seq, state: s.state, action: s.action, text: s.text, acted_at: s.actedAt }).where('id', '=', s.id).execute();
    }
    return { action: `incoming-${input.action === 'circle' ? 'circle' : input.action === 'pass' ? 'pass' : input.action === 'return' ? 'send-back' : 'instruct'}`, set: { state: outcome.state } };
  });
}

/** What waits for a leader's 批示 now (their turn), oldest first. */
export async function awaitingLeader(store: Store, leader: string): Promise<IncomingView[]> {
  const rows = await store.db
    .selectFrom('incoming_documents')
    .selectAll()
    .where('state', '=', 'proposed')
    .where('id', 'in', (eb) => eb.selectFrom('incoming_instructions').select('incoming_id').where('leader', '=', leader).where('state', '=', 'pending'))
    .orderBy('received_at')
    .orderBy('id')
    .execute();
  return viewsOf(store.db, rows);
}
