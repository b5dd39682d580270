// 分办 and 承办 of a 办件, pure: who may be assigned, the units and the deadline an assignment
// gets, what a unit's 签收 and 答复 do to its assignment, when the office may 办结, what is
// overdue and when the automatic 催办 is due. The store (src/store/incoming/assign.ts) loads the
// rows, calls these, and writes what they return; nothing here reads a clock or a database — the
// day is given, the calendar is the official one (src/calendar).
import { addWorkingDays, isIsoDate, type IsoDate } from '../calendar/index.ts';
import type { IncomingKind, IncomingState } from './incoming.ts';

/** lead: 主办 (one per 分办); cooperate: 协办. */
export type AssignmentRole = 'lead' | 'cooperate';
export const ASSIGNMENT_ROLES: readonly AssignmentRole[] = ['lead', 'cooperate'];
export const ASSIGNMENT_ROLE_LABELS: Record<AssignmentRole, string> = { lead: '主办', cooperate: '协办' };

/** pending: 待承办 (not signed for yet); accepted: 承办中 (the unit signed, 签收); replied: 已答复. */
export type AssignmentState = 'pending' | 'accepted' | 'replied';
export const ASSIGNMENT_STATES: readonly AssignmentState[] = ['pending', 'accepted', 'replied'];
export const ASSIGNMENT_STATE_LABELS: Record<AssignmentState, string> = { pending: '待承办', accepted: '承办中', replied: '已答复' };

/** Where an assignment's deadline came from: the clerk's date, the date the document sets, or the default number of working days. */
export type DeadlineSource = 'given' | 'document' | 'default';
export const DEADLINE_SOURCE_LABELS: Record<DeadlineSource, string> = { given: '收文员指定', document: '来文要求', default: '默认办理期限' };

/** 15 working days: the time limit offices give a 领导批示件 of normal urgency when the document sets none (RULES.md). */
export const DEFAULT_ASSIGN_WORKING_DAYS = 15;

/**
 * Whether a registration may be assigned now, or why not (Chinese). Only a 办件 whose 批示 is
 * complete: 分办 carries out what the leaders instructed (docs/decisions.md, "分办 only after 批示").
 */
export function assignAllowed(state: IncomingState, kind: IncomingKind | null): string | null {
  if (kind === '阅件') return '阅件只传阅，不分办';
  if (state === 'assigned') return '该收文已分办';
  if (state === 'concluded' || state === 'archived') return '该收文已办结';
  if (state === 'proposed') return '该收文正在等待领导批示，批示完毕后再分办';
  if (state !== 'instructed') return '该收文尚未经领导批示：请先拟办并呈领导批示后再分办';
  return null;
}

/**
 * The deadline of a 分办: the clerk's date, else the earliest date the document's text sets that
 * has not passed (the 拟办 draft cites the same dates), else `workingDays` working days after today.
 */
export function assignmentDeadline(today: IsoDate, given: string | null | undefined, documentDates: readonly string[], workingDays: number): { deadline: IsoDate; source: DeadlineSource } {
  if (given !== null && given !== undefined && given.trim() !== '') return { deadline: given.trim(), source: 'given' };
  const set = documentDates.filter((d) => isIsoDate(d) && d >= today).sort()[0];
  if (set !== undefined) return { deadline: set, source: 'document' };
  return { deadline: addWorkingDays(today, workingDays), source: 'default' };
}

export interface AssignInput {
  lead: string | null | undefined;
  cooperating?: readonly string[];
  deadline?: string | null;
}

export interface AssignPlan {
  units: { unit: string; role: AssignmentRole }[];
  deadline: IsoDate;
  deadlineSource: DeadlineSource;
}

/** The units and deadline of a 分办, cleaned; or why it is refused (an unknown unit, no lead, a deadline that passed). */
export function planAssignment(
  input: AssignInput,
  context: { today: IsoDate; isKnown: (unit: string) => boolean; documentDates: readonly string[]; workingDays: number },
): AssignPlan | { refused: string } {
  const lead = input.lead?.trim() || null;
  if (lead === null) return { refused: '请选择主办单位' };
  const cooperating = [...new Set((input.cooperating ?? []).map((u) => u.trim()).filter((u) => u !== '' && u !== lead))];
  const unknown = [lead, ...cooperating].filter((u) => !context.isKnown(u));
  if (unknown.length > 0) return { refused: `单位“${unknown.join('”“')}”不在单位目录中，请从目录中选择` };
  const given = input.deadline?.trim() || null;
  if (given !== null) {
    if (!isIsoDate(given)) return { refused: `办理期限应为 YYYY-MM-DD 格式的日期，现为“${given}”` };
    if (given < context.today) return { refused: `办理期限 ${given} 已过，不能早于今天（${context.today}）` };
  }
  const { deadline, source } = assignmentDeadline(context.today, given, context.documentDates, context.workingDays);
  return { units: [{ unit: lead, role: 'lead' }, ...cooperating.map((unit) => ({ unit, role: 'cooperate' as const }))], deadline, deadlineSource: source };
}

/** An assignment as the rules see it. */
export interface Assignment {
  unit: string;
  role: AssignmentRole;
  state: AssignmentState;
  deadline: IsoDate;
}

export type UnitAct = 'accept' | 'reply';

/**
 * A unit's act on its assignment: 签收 (待承办 → 承办中) or 答复 (→ 已答复, with the reply's text;
 * a reply to an assignment not yet signed for signs it too). null: nothing to do (签收 twice).
 */
export function unitActOutcome(a: Assignment, act: UnitAct, text?: string | null): { state: AssignmentState; text: string | null } | { refused: string } | null {
  if (a.state === 'replied') return { refused: `${a.unit}已答复，不能再${act === 'accept' ? '签收' : '答复'}` };
  if (act === 'accept') return a.state === 'accepted' ? null : { state: 'accepted', text: null };
  const reply = text?.trim() || null;
  if (reply === null) return { refused: '答复内容不能为空' };
  return { state: 'replied', text: reply };
}

/**
 * Whether the office may 办结 now, or why not. The 主办 unit's 答复 answers for the matter; the
 * 协办 units feed into it, so their own replies are not waited for (docs/decisions.md).
 */
export function concludeAllowed(state: IncomingState, assignments: readonly Assignment[]): string | null {
  if (state === 'concluded' || state === 'archived') return '该收文已办结';
  if (state !== 'assigned') return '该收文尚未分办，不能办结';
  const lead = assignments.find((a) => a.role === 'lead');
  if (lead === undefined) return '该收文没有主办单位';
  if (lead.state !== 'replied') return `主办单位${lead.unit}尚未答复，答复后才能办结`;
  return null;
}

/** 催办 by the office: not of an assignment already answered. */
export function urgeAllowed(state: IncomingState, a: Assignment): string | null {
  if (state !== 'assigned') return state === 'concluded' || state === 'archived' ? '该收文已办结，不必催办' : '该收文尚未分办';
  if (a.state === 'replied') return `${a.unit}已答复，不必催办`;
  return null;
}

/** Overdue: not answered and the deadline has passed (a computed flag, never a state). */
export function isOverdue(a: Pick<Assignment, 'state' | 'deadline'>, today: IsoDate): boolean {
  return a.state !== 'replied' && a.deadline < today;
}

/** The day the automatic 催办 falls due: the first working day after the deadline (the deadline itself is still in time). */
export function autoUrgeDay(deadline: IsoDate): IsoDate {
  return addWorkingDays(deadline, 1);
}

/** Whether the scheduler's 催办 is due today for an assignment: unanswered, past its first working day after the deadline, not urged automatically before. */
export function autoUrgeDue(a: Pick<Assignment, 'state' | 'deadline'>, autoUrged: boolean, today: IsoDate): boolean {
  return a.state !== 'replied' && !autoUrged && today >= autoUrgeDay(a.deadline);
}
