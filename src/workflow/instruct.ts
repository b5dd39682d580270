// 拟办 and 批示, pure: what a submitted 拟办意见 holds, the leaders' turns it opens, and what one
// leader's act does to the turns of the round. The store (src/store/incoming/instruct.ts) loads
// the round, calls these, and writes what they return; nothing here reads a clock or a database.
import type { IncomingKind, IncomingState } from './incoming.ts';

/** sequence: one leader after another, in the order the clerk gave; parallel: all at once. */
export type InstructionMode = 'sequence' | 'parallel';
export const INSTRUCTION_MODE_LABELS: Record<InstructionMode, string> = { sequence: '依次批示', parallel: '同时批示' };

/** A leader as the proposal names them: the user name signs in, the name is printed. */
export interface LeaderRef {
  username: string;
  name: string;
}

/** The 拟办意见 as the clerk submitted it. */
export interface SubmittedProposal {
  text: string;
  leaders: LeaderRef[];
  mode: InstructionMode;
  lead: string | null;
  cooperating: string[];
  submittedAt: string;
  submittedBy: string;
  /** The round of 批示 it opened, from 1 (a 拟办 sent back and submitted again opens the next). */
  round: number;
}

/**
 * waiting: a later leader of a sequence, not yet their turn; pending: their turn now; done: they
 * acted; cancelled: the round ended without them (sent back to the clerk).
 */
export type StepState = 'waiting' | 'pending' | 'done' | 'cancelled';
export const STEP_STATE_LABELS: Record<StepState, string> = { waiting: '未轮到', pending: '待批示', done: '已办理', cancelled: '已取消' };

/** instruct: a written 批示; circle: 圈阅 (read, nothing to add); pass: on to another leader; return: back to the clerk. */
export type StepAction = 'instruct' | 'circle' | 'pass' | 'return';
export const STEP_ACTIONS: readonly StepAction[] = ['instruct', 'circle', 'pass', 'return'];
export const STEP_ACTION_LABELS: Record<StepAction, string> = { instruct: '批示', circle: '圈阅', pass: '转批', return: '退回拟办' };

export interface Step {
  /** null for a turn this act creates. */
  id: number | null;
  round: number;
  seq: number;
  mode: InstructionMode;
  leader: string;
  leaderName: string;
  state: StepState;
  action: StepAction | null;
  text: string | null;
  passedFrom: string | null;
  createdAt: string;
  actedAt: string | null;
}

export interface ProposalInput {
  text: string;
  leaders: LeaderRef[];
  mode: InstructionMode;
  lead: string | null;
  cooperating: string[];
}

/** Whether a 拟办 may be submitted in this state, and the proposal cleaned; or why not (Chinese). */
export function proposalOutcome(state: IncomingState, kind: IncomingKind | null, input: ProposalInput): { proposal: ProposalInput } | { refused: string } {
  if (state === 'registered') return { refused: '该收文尚未初审，请先初审为办件或阅件再拟办' };
  if (state === 'returned') return { refused: '该收文已退回来文单位，不能拟办' };
  if (state === 'proposed') return { refused: '拟办意见已提交，正在等待领导批示' };
  if (state === 'instructed') return { refused: '该收文已批示完毕，不能再拟办' };
  if (kind === null) return { refused: '该收文尚未分为办件或阅件' };
  const text = input.text.trim();
  if (text === '') return { refused: '拟办意见不能为空' };
  if (input.leaders.length === 0) return { refused: '请至少选择一位呈批的领导' };
  const seen = new Set<string>();
  for (const l of input.leaders) {
    if (seen.has(l.username)) return { refused: `领导“${l.name}”选了两次` };
    seen.add(l.username);
  }
  const lead = input.lead?.trim() || null;
  const cooperating = [...new Set(input.cooperating.map((u) => u.trim()).filter((u) => u !== '' && u !== lead))];
  return { proposal: { text, leaders: input.leaders, mode: input.mode, lead, cooperating } };
}

/** The turns a submitted 拟办 opens: in sequence the first leader's is pending, the others wait; in parallel all are pending. */
export function openRound(leaders: readonly LeaderRef[], mode: InstructionMode, round: number, at: string): Step[] {
  return leaders.map((l, i) => ({
    id: null,
    round,
    seq: i + 1,
    mode,
    leader: l.username,
    leaderName: l.name,
    state: mode === 'parallel' || i === 0 ? 'pending' : 'waiting',
    action: null,
    text: null,
    passedFrom: null,
    createdAt: at,
    actedAt: null,
  }));
}

export interface LeaderAct {
  action: StepAction;
  text?: string | null;
  /** pass: the leader it goes to. */
  to?: LeaderRef | null;
}

export interface ActOutcome {
  /** The round's turns after the act, in order (new ones with id null). */
  steps: Step[];
  /** The document's state after the act. */
  state: IncomingState;
}

const names = (steps: readonly Step[]) => steps.map((s) => s.leaderName).join('、');

/**
 * One leader's act on the current round. Refused (Chinese) when it is not the leader's turn
 * (outOfTurn: a later leader of a sequence waits for the ones before, a leader acts once per
 * turn), or when the act itself is incomplete (an empty 批示, a pass to nobody).
 */
export function actOnRound(round: readonly Step[], leader: string, act: LeaderAct, at: string): ActOutcome | { refused: string; outOfTurn?: true } {
  const mine = round.find((s) => s.leader === leader && s.state === 'pending');
  if (mine === undefined) {
    const pending = round.filter((s) => s.state === 'pending');
    if (round.some((s) => s.leader === leader && s.state === 'waiting')) return { refused: `还没有轮到您批示：请等待${names(pending)}批示后再办理`, outOfTurn: true };
    if (round.some((s) => s.leader === leader && s.state === 'done')) return { refused: '您已办理过此件，不能重复批示', outOfTurn: true };
    return { refused: '此件不在您的待批示中', outOfTurn: true };
  }
  const text = act.text?.trim() || null;
  if (act.action === 'instruct' && text === null) return { refused: '批示意见不能为空；只表示已阅请用“圈阅”' };
  if (act.action === 'return' && text === null) return { refused: '退回拟办须写明理由' };
  let to: LeaderRef | null = null;
  if (act.action === 'pass') {
    to = act.to ?? null;
    if (to === null) return { refused: '转批须选择一位领导' };
    if (to.username === leader) return { refused: '不能转批给自己' };
    const open = round.find((s) => s.leader === to!.username && (s.state === 'pending' || s.state === 'waiting'));
    if (open) return { refused: `“${to.name}”已在本件的批示流程中，不必再转` };
  }

  const done: Step = { ...mine, state: 'done', action: act.action, text: act.action === 'circle' ? null : text, actedAt: at };
  let steps = round.map((s) => (s === mine ? done : { ...s }));
  if (act.action === 'return') {
    steps = steps.map((s) => (s.state === 'pending' || s.state === 'waiting' ? { ...s, state: 'cancelled' as const } : s));
    return { steps, state: 'sent-back' };
  }
  if (to !== null) {
    // The leader passed to takes the turn at once, right after the one who passed it (a sequence
    // goes on after them with the leaders who were waiting).
    const passed: Step = { id: null, round: mine.round, seq: 0, mode: mine.mode, leader: to.username, leaderName: to.name, state: 'pending', action: null, text: null, passedFrom: leader, createdAt: at, actedAt: null };
    const at_ = steps.indexOf(done);
    steps.splice(at_ + 1, 0, passed);
  }
  if (!steps.some((s) => s.state === 'pending')) {
    const next = steps.find((s) => s.state === 'waiting');
    if (next) steps = steps.map((s) => (s === next ? { ...s, state: 'pending' as const } : s));
  }
  steps = steps.map((s, i) => ({ ...s, seq: i + 1 }));
  const open = steps.some((s) => s.state === 'pending' || s.state === 'waiting');
  return { steps, state: open ? 'proposed' : 'instructed' };
}

/** The leaders who hold the document now (their turn), by name. */
export function pendingLeaders(round: readonly Step[]): string[] {
  return round.filter((s) => s.state === 'pending').map((s) => s.leaderName);
}
