// The rows after 初审 read back for the view: each registration's leaders' turns (every round, in
// order) and its 传阅 recipients with their reminders, loaded for many registrations at once (the
// 收文簿's page) in three queries.
import type { Kysely, Selectable, Transaction } from 'kysely';
import type { RecipientKind, RecipientState } from '../../workflow/circulation.ts';
import type { InstructionMode, StepAction, StepState } from '../../workflow/instruct.ts';
import type { Database, IncomingDocumentTable, IncomingInstructionTable } from '../schema.ts';
import { archiveRecordView } from './archive-view.ts';
import { loadAssignments } from './assignments-read.ts';
import { NO_PROGRESS, toView, type CirculationView, type IncomingProgress, type IncomingView, type InstructionStepView } from './view.ts';

type Db = Kysely<Database> | Transaction<Database>;

export function stepView(r: Selectable<IncomingInstructionTable>): InstructionStepView {
  return {
    id: r.id,
    round: r.round,
    seq: r.seq,
    mode: r.mode as InstructionMode,
    leader: r.leader,
    leaderName: r.leader_name,
    state: r.state as StepState,
    action: r.action as StepAction | null,
    text: r.text,
    passedFrom: r.passed_from,
    createdAt: r.created_at,
    actedAt: r.acted_at,
  };
}

export async function loadProgress(db: Db, ids: readonly number[]): Promise<Map<number, IncomingProgress>> {
  const out = new Map<number, IncomingProgress>();
  if (ids.length === 0) return out;
  const steps = await db.selectFrom('incoming_instructions').selectAll().where('incoming_id', 'in', ids).orderBy('incoming_id').orderBy('round').orderBy('seq').orderBy('id').execute();
  const recipients = await db.selectFrom('incoming_circulations').selectAll().where('incoming_id', 'in', ids).orderBy('id').execute();
  const reminders =
    recipients.length === 0
      ? []
      : await db
          .selectFrom('incoming_reminders')
          .selectAll()
          .where(
            'circulation_id',
            'in',
            recipients.map((r) => r.id),
          )
          .orderBy('id')
          .execute();
  const of = (id: number) => {
    let p = out.get(id);
    if (!p) out.set(id, (p = { instructions: [], circulation: [], assignments: [] }));
    return p;
  };
  for (const s of steps) of(s.incoming_id).instructions.push(stepView(s));
  for (const a of await db.selectFrom('incoming_archives').selectAll().where('incoming_id', 'in', ids).execute()) of(a.incoming_id).archive = archiveRecordView(a);
  for (const r of recipients) {
    const view: CirculationView = {
      id: r.id,
      kind: r.recipient_kind as RecipientKind,
      recipient: r.recipient,
      name: r.recipient_name,
      state: r.state as RecipientState,
      sentAt: r.sent_at,
      sentBy: r.sent_by,
      openedAt: r.opened_at,
      openedBy: r.opened_by,
      readAt: r.read_at,
      readBy: r.read_by,
      recalledAt: r.recalled_at,
      recalledBy: r.recalled_by,
      reminders: reminders.filter((m) => m.circulation_id === r.id).map((m) => ({ at: m.at, by: m.by })),
    };
    of(r.incoming_id).circulation.push(view);
  }
  for (const [id, assignments] of await loadAssignments(db, ids)) of(id).assignments = assignments;
  return out;
}

/** Registrations with what happened to them after 初审. */
export async function viewsOf(db: Db, rows: readonly Selectable<IncomingDocumentTable>[]): Promise<IncomingView[]> {
  const progress = await loadProgress(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => toView(r, progress.get(r.id) ?? NO_PROGRESS));
}

export async function viewOf(db: Db, row: Selectable<IncomingDocumentTable>): Promise<IncomingView> {
  return (await viewsOf(db, [row]))[0]!;
}
