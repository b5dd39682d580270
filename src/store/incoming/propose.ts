// 拟办: Duban drafts the 拟办意见 of a reviewed registration (src/workflow/proposal.ts, from the
// document's tasks in the library and the leaders' areas in office_leaders), the clerk edits it and
// submits it: the text, the leaders to 呈批 (in sequence or in parallel), the lead and cooperating
// units. Submitting opens the leaders' round of 批示 (src/workflow/instruct.ts) in the same
// transaction as the registration's change and its audit event.
import type { Directory } from '../../directory/index.ts';
import { receiverOfSlip } from '../../directory/index.ts';
import { openRound, proposalOutcome, type InstructionMode, type LeaderRef, type SubmittedProposal } from '../../workflow/instruct.ts';
import { draftProposal, type DraftTask, type LeaderArea } from '../../workflow/proposal.ts';
import type { Unit } from '../../types.ts';
import type { Store } from '../open.ts';
import { incomingCommand, type CommandOptions } from './command.ts';
import { IncomingError } from './errors.ts';
import { activeLeaders, leadersNamed } from './people.ts';
import type { IncomingView } from './view.ts';

export interface ProposalDraft {
  text: string;
  /** Duban users with the leader role whose names the leaders' table matched (呈阅), in its order. */
  leaders: LeaderRef[];
  /** The leaders' table's names to 呈阅 and 传阅, as the table writes them. */
  submitTo: string[];
  circulateTo: string[];
  lead: string | null;
  cooperating: string[];
  action: string | null;
  dates: { date: string; text: string }[];
  unmapped: string[];
  /** Every leader the clerk may choose from. */
  choices: LeaderRef[];
}

async function storedTasks(store: Store, documentId: number | null): Promise<DraftTask[]> {
  if (documentId === null) return [];
  const tasks = await store.db.selectFrom('tasks').select(['id', 'deadline_date', 'deadline_text']).where('document_id', '=', documentId).orderBy('seq').execute();
  if (tasks.length === 0) return [];
  const units = await store.db
    .selectFrom('task_units')
    .select(['task_id', 'role', 'name', 'canonical'])
    .where(
      'task_id',
      'in',
      tasks.map((t) => t.id),
    )
    .orderBy('task_id')
    .orderBy('seq')
    .execute();
  const of = (id: number, role: string): Unit[] => units.filter((u) => u.task_id === id && u.role === role).map((u) => ({ name: u.name, canonical: u.canonical }));
  return tasks.map((t) => ({
    leads: of(t.id, 'lead'),
    responsible: of(t.id, 'responsible'),
    cooperating: of(t.id, 'cooperating'),
    deadline: t.deadline_text === null ? null : { text: t.deadline_text, ...(t.deadline_date === null ? {} : { date: t.deadline_date }) },
  }));
}

export async function draftIncomingProposal(store: Store, id: number, directory?: Directory): Promise<ProposalDraft> {
  const row = await store.db.selectFrom('incoming_documents').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw new IncomingError('not-found', `没有编号为 ${id} 的收文`);
  const areas: LeaderArea[] = (await store.db.selectFrom('office_leaders').select(['name', 'areas']).where('active', '=', 1).orderBy('seq').execute()).map((l) => ({
    leader: l.name,
    role: '呈',
    areas: JSON.parse(l.areas) as string[],
  }));
  // The receiving office is known from the slip a routed document carries; without one, the
  // document's own units are this office's.
  const slipNames = [row.office, row.handler, row.reviewer].filter((n): n is string => n !== null);
  const receiver = slipNames.length === 0 ? null : receiverOfSlip(slipNames, directory);
  const draft = draftProposal({ fromUnit: row.from_unit, docNumber: row.doc_number, title: row.title, documents: [{ tasks: await storedTasks(store, row.document_id) }], receiver, leaders: areas }, directory);
  const choices = await activeLeaders(store.db);
  const leaders = draft.submitTo.flatMap((name) => choices.filter((c) => c.name === name));
  return { text: draft.text, leaders, submitTo: draft.submitTo, circulateTo: draft.circulateTo, lead: draft.lead, cooperating: draft.cooperating, action: draft.action, dates: draft.dates, unmapped: draft.unmapped, choices };
}

export interface ProposalSubmission {
  text: string;
  /** The leaders' user names, in the order they instruct (sequence). */
  leaders: string[];
  mode: InstructionMode;
  lead?: string | null;
  cooperating?: string[];
}

export async function submitIncomingProposal(store: Store, id: number, submission: ProposalSubmission, options: CommandOptions): Promise<IncomingView> {
  return incomingCommand(store, id, options, '拟办', async ({ trx, before, now, refuse }) => {
    const leaders = await leadersNamed(trx, submission.leaders);
    const outcome = proposalOutcome(before.state, before.kind, { text: submission.text, leaders, mode: submission.mode, lead: submission.lead ?? null, cooperating: submission.cooperating ?? [] });
    if ('refused' in outcome) return refuse(outcome.refused);
    const last = await trx.selectFrom('incoming_instructions').select((eb) => eb.fn.max('round').as('round')).where('incoming_id', '=', id).executeTakeFirst();
    const round = Number(last?.round ?? 0) + 1;
    const at = now.toISOString();
    const steps = openRound(outcome.proposal.leaders, outcome.proposal.mode, round, at);
    await trx
      .insertInto('incoming_instructions')
      .values(steps.map((s) => ({ incoming_id: id, round, seq: s.seq, mode: s.mode, leader: s.leader, leader_name: s.leaderName, state: s.state, action: null, text: null, passed_from: null, created_at: at, acted_at: null })))
      .execute();
    const proposal: SubmittedProposal = { ...outcome.proposal, submittedAt: at, submittedBy: options.actor.name, round };
    return { action: 'incoming-propose', set: { state: 'proposed', submitted_proposal: JSON.stringify(proposal) } };
  });
}
