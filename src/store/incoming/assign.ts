// 分办 and 承办: the clerk assigns an instructed 办件 to own units (one 主办, any 协办) with a
// deadline; when the document has measures the same transaction opens its 督办 ledger (立项,
// src/store/supervision/ledger.ts) and the registration keeps the ledger's id. A unit signs for its
// assignment (签收) and replies (答复); the clerk reminds (催办) and closes it (办结). Each act is one
// command (command.ts: one transaction, version check, audit event); src/workflow/assignment.ts
// decides what is allowed.
import { beijingDay, daysBetween, type Clock } from '../../calendar/index.ts';
import { defaultDirectory, isKnownUnit, type Directory } from '../../directory/index.ts';
import {
  assignAllowed,
  assignmentDeadline,
  autoUrgeDue,
  concludeAllowed,
  DEFAULT_ASSIGN_WORKING_DAYS,
  isOverdue,
  planAssignment,
  unitActOutcome,
  urgeAllowed,
  type DeadlineSource,
  type UnitAct,
} from '../../workflow/assignment.ts';
import { SupervisionError } from '../../workflow/errors.ts';
import type { Actor } from '../audit.ts';
import type { Store } from '../open.ts';
import type { Trx } from '../supervision/common.ts';
import { ledgerOfDocument, openLedgerFromDocument } from '../supervision/ledger.ts';
import { incomingCommand, type CommandOptions } from './command.ts';
import { IncomingError } from './errors.ts';
import { viewsOf } from './progress.ts';
import type { AssignmentView, IncomingView } from './view.ts';

type CommandStore = Pick<Store, 'db' | 'dialect'>;

export interface AssignSettings {
  directory?: Directory;
  /** Working days a 办件 gets when neither the clerk nor the document sets a date (ServerSettings.assignWorkingDays). */
  workingDays?: number;
}

/** The dates the document's measures set (YYYY-MM-DD), as the 拟办 draft reads them. */
async function documentDates(db: Trx | Store['db'], documentId: number | null): Promise<string[]> {
  if (documentId === null) return [];
  const rows = await db.selectFrom('tasks').select('deadline_date').where('document_id', '=', documentId).where('deadline_date', 'is not', null).execute();
  return rows.map((r) => r.deadline_date!);
}

export interface AssignDraft {
  /** From the submitted 拟办 (its lead and cooperating units). */
  lead: string | null;
  cooperating: string[];
  /** Of those, the names that are not units of the directory (the clerk must choose again). */
  unknown: string[];
  /** The deadline a 分办 without a date of the clerk's gets, and where it comes from. */
  deadline: string;
  deadlineSource: DeadlineSource;
  workingDays: number;
  /** The office's day the default was computed on. */
  today: string;
  /** The document has measures: 分办 opens a 督办 ledger (or links the one it has). */
  opensLedger: boolean;
}

/** What the 分办 form starts from. */
export async function assignDraft(store: CommandStore, id: number, clock: Clock, settings: AssignSettings = {}): Promise<AssignDraft> {
  const directory = settings.directory ?? defaultDirectory();
  const workingDays = settings.workingDays ?? DEFAULT_ASSIGN_WORKING_DAYS;
  const row = await store.db.selectFrom('incoming_documents').select(['id', 'submitted_proposal', 'document_id']).where('id', '=', id).executeTakeFirst();
  if (!row) throw new IncomingError('not-found', `没有编号为 ${id} 的收文`);
  const proposal = row.submitted_proposal === null ? null : (JSON.parse(row.submitted_proposal) as { lead: string | null; cooperating: string[] });
  const lead = proposal?.lead ?? null;
  const cooperating = proposal?.cooperating ?? [];
  const today = clock.today();
  const { deadline, source } = assignmentDeadline(today, null, await documentDates(store.db, row.document_id), workingDays);
  const tasks = row.document_id === null ? 0 : Number((await store.db.selectFrom('tasks').select((eb) => eb.fn.countAll<number | string>().as('n')).where('document_id', '=', row.document_id).executeTakeFirstOrThrow()).n);
  return { lead, cooperating, unknown: [lead, ...cooperating].filter((u): u is string => u !== null && !isKnownUnit(directory, u)), deadline, deadlineSource: source, workingDays, today, opensLedger: tasks > 0 };
}

export interface AssignInput {
  lead: string;
  cooperating?: string[];
  /** YYYY-MM-DD; none: the document's date, else the default working days. */
  deadline?: string | null;
}

/** The document's 督办 ledger: the one it was 立项 in already, else a new one from its measures; null when it has none. */
async function ledgerFor(trx: Trx, documentId: number | null, actor: Actor, now: Date, directory: Directory): Promise<number | null> {
  if (documentId === null) return null;
  const doc = await trx.selectFrom('documents').select(['id', 'identity_key', 'text_fingerprint']).where('id', '=', documentId).executeTakeFirst();
  if (doc === undefined) return null;
  const tasks = await trx.selectFrom('tasks').select('id').where('document_id', '=', documentId).limit(1).execute();
  if (tasks.length === 0) return null;
  const existing = await ledgerOfDocument(trx, doc);
  if (existing !== null) return existing;
  try {
    return await openLedgerFromDocument(trx, { actor, now, today: beijingDay(now), unit: null }, documentId, directory);
  } catch (e) {
    if (e instanceof SupervisionError) throw new IncomingError('conflict', `督办立项未成功：${e.message}`);
    throw e;
  }
}

/** 分办: to the 主办 and 协办 units with a deadline; opens the document's 督办 ledger in the same transaction. */
export async function assignIncoming(store: CommandStore, id: number, input: AssignInput, options: CommandOptions & AssignSettings): Promise<IncomingView> {
  const directory = options.directory ?? defaultDirectory();
  return incomingCommand(store, id, options, '分办', async ({ trx, before, now, refuse }) => {
    const blocked = assignAllowed(before.state, before.kind);
    if (blocked !== null) return refuse(blocked);
    const plan = planAssignment(input, {
      today: beijingDay(now),
      isKnown: (u) => isKnownUnit(directory, u),
      documentDates: await documentDates(trx, before.documentId),
      workingDays: options.workingDays ?? DEFAULT_ASSIGN_WORKING_DAYS,
    });
    if ('refused' in plan) return refuse(plan.refused);
    const at = now.toISOString();
    await trx
      .insertInto('incoming_assignments')
      .values(plan.units.map((u, i) => ({ incoming_id: id, seq: i + 1, unit: u.unit, role: u.role, state: 'pending', deadline: plan.deadline, deadline_source: plan.deadlineSource, assigned_at: at, assigned_by: options.actor.name })))
      .execute();
    const ledgerId = await ledgerFor(trx, before.documentId, options.actor, now, directory);
    return { action: 'incoming-assign', set: { state: 'assigned', ledger_id: ledgerId } };
  });
}

function assignmentOf(before: IncomingView, assignmentId: number): AssignmentView {
  const a = before.assignments.find((x) => x.id === assignmentId);
  if (!a) throw new IncomingError('not-found', `收文 ${before.serial} 没有编号为 ${assignmentId} 的承办任务`);
  return a;
}

/** A unit's 签收 or 答复 of its own assignment; `unit` is the unit that acts (a unit user's own). */
export async function actOnAssignment(store: CommandStore, id: number, assignmentId: number, act: UnitAct, input: { unit: string | null; text?: string | null }, options: CommandOptions): Promise<IncomingView> {
  const verb = act === 'accept' ? '签收' : '答复';
  return incomingCommand(store, id, options, verb, async ({ trx, before, now, refuse }) => {
    if (input.unit === null) throw new IncomingError('invalid', `您的账户未绑定承办单位，不能${verb}；请联系管理员`);
    const a = assignmentOf(before, assignmentId);
    // To a unit, another unit's assignment is not theirs to see or answer for.
    if (a.unit !== input.unit) throw new IncomingError('not-found', `收文 ${before.serial} 没有分办给${input.unit}的编号为 ${assignmentId} 的承办任务`);
    if (before.state !== 'assigned') return refuse(before.state === 'concluded' || before.state === 'archived' ? `该收文已办结，不能再${verb}` : `该收文尚未分办，不能${verb}`);
    const outcome = unitActOutcome(a, act, input.text);
    if (outcome === null) return { unchanged: true };
    if ('refused' in outcome) return refuse(outcome.refused);
    const at = now.toISOString();
    const by = options.actor.name;
    const set =
      outcome.state === 'accepted'
        ? { state: outcome.state, accepted_at: at, accepted_by: by }
        : { state: outcome.state, replied_at: at, replied_by: by, reply: outcome.text, ...(a.acceptedAt === null ? { accepted_at: at, accepted_by: by } : {}) };
    await trx.updateTable('incoming_assignments').set(set).where('id', '=', a.id).execute();
    return { action: act === 'accept' ? 'incoming-accept' : 'incoming-reply' };
  });
}

/** 催办 by the office: a reminder row with its time. */
export async function urgeAssignment(store: CommandStore, id: number, assignmentId: number, options: CommandOptions): Promise<IncomingView> {
  return incomingCommand(store, id, options, '催办', async ({ trx, before, now, refuse }) => {
    const a = assignmentOf(before, assignmentId);
    const blocked = urgeAllowed(before.state, a);
    if (blocked !== null) return refuse(blocked);
    await trx.insertInto('incoming_urges').values({ assignment_id: a.id, at: now.toISOString(), by: options.actor.name, auto_key: null }).execute();
    return { action: 'incoming-urge' };
  });
}

/** 办结: once the 主办 unit has replied, with the office's note. */
export async function concludeIncoming(store: CommandStore, id: number, input: { note?: string | null }, options: CommandOptions): Promise<IncomingView> {
  return incomingCommand(store, id, options, '办结', async ({ before, now, refuse }) => {
    const blocked = concludeAllowed(before.state, before.assignments);
    if (blocked !== null) return refuse(blocked);
    return { action: 'incoming-conclude', set: { state: 'concluded', concluded_at: now.toISOString(), concluded_by: options.actor.name, conclusion: input.note?.trim() || null } };
  });
}

export interface AssignedItem {
  incoming: IncomingView;
  /** The unit's own assignment. */
  assignment: AssignmentView;
  overdue: boolean;
  /** Calendar days past the deadline, 0 when not overdue (also once the office concluded it). */
  daysOverdue: number;
}

/** 我的承办: what was assigned to a unit — unanswered first, the nearest deadline first; then answered ones, newest first. */
export async function assignedTo(store: CommandStore, unit: string, today: string): Promise<AssignedItem[]> {
  const rows = await store.db
    .selectFrom('incoming_documents')
    .selectAll()
    .where('id', 'in', (eb) => eb.selectFrom('incoming_assignments').select('incoming_id').where('unit', '=', unit))
    .orderBy('received_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
  const items = (await viewsOf(store.db, rows)).flatMap((incoming) =>
    incoming.assignments
      .filter((a) => a.unit === unit)
      .map((assignment) => {
        // A matter the office closed (办结) is overdue for nobody any more.
        const overdue = incoming.state === 'assigned' && isOverdue(assignment, today);
        return { incoming, assignment, overdue, daysOverdue: overdue ? daysBetween(assignment.deadline, today) : 0 };
      }),
  );
  const open = (i: AssignedItem) => i.assignment.state !== 'replied' && i.incoming.state === 'assigned';
  return items.sort((a, b) => Number(open(b)) - Number(open(a)) || (open(a) ? a.assignment.deadline.localeCompare(b.assignment.deadline) : (b.assignment.repliedAt ?? '').localeCompare(a.assignment.repliedAt ?? '')));
}

const SYSTEM: Actor = { name: 'system' };

/**
 * The scheduler's 催办: on the first working day after an assignment's deadline (or the first run
 * after it, when the server was down), one 催办 of every unanswered assignment of a registration
 * still assigned. Its key (auto:<assignment id>) is unique in the store, and each registration is
 * one command that reads the urges already there: a second run, a restart or a second server adds
 * none. Returns what it urged.
 */
export async function autoUrgeAssignments(store: CommandStore, clock: Clock, actor: Actor = SYSTEM): Promise<{ incomingId: number; serial: string; unit: string }[]> {
  const today = clock.today();
  const candidates = await store.db
    .selectFrom('incoming_assignments as a')
    .innerJoin('incoming_documents as d', 'd.id', 'a.incoming_id')
    .select(['a.id', 'a.incoming_id', 'a.state', 'a.deadline'])
    .where('d.state', '=', 'assigned')
    .where('a.state', '!=', 'replied')
    .where('a.deadline', '<', today)
    .where((eb) => eb.not(eb.exists(eb.selectFrom('incoming_urges as u').select('u.id').whereRef('u.assignment_id', '=', 'a.id').where('u.auto_key', 'is not', null))))
    .orderBy('a.incoming_id')
    .orderBy('a.id')
    .execute();
  const due = new Set(candidates.filter((c) => autoUrgeDue({ state: c.state as AssignmentView['state'], deadline: c.deadline }, false, today)).map((c) => c.incoming_id));
  const urged: { incomingId: number; serial: string; unit: string }[] = [];
  for (const incomingId of due) {
    let done: { serial: string; unit: string }[] = [];
    await incomingCommand(store, incomingId, { actor, clock }, '催办', async ({ trx, before, now }) => {
      if (before.state !== 'assigned') return { unchanged: true };
      const todo = before.assignments.filter((a) => autoUrgeDue(a, a.urges.some((u) => u.auto), today));
      if (todo.length === 0) return { unchanged: true };
      await trx
        .insertInto('incoming_urges')
        .values(todo.map((a) => ({ assignment_id: a.id, at: now.toISOString(), by: actor.name, auto_key: `auto:${a.id}` })))
        .execute();
      done = todo.map((a) => ({ serial: before.serial, unit: a.unit }));
      return { action: 'incoming-auto-urge' };
    });
    urged.push(...done.map((d) => ({ incomingId, ...d })));
  }
  return urged;
}
