// 三单一函: which notices fall due for an item on a day. Each notice of a kind is dated against the
// item's current deadline: an approved extension moves the deadline and so starts a new cycle
// (the notices of the old deadline stay where they are; the store's unique key is item, kind and
// deadline). Only open items get notices, and none before the item was issued. Numbers are the
// store's business (they are counted per year and kind across all items).
import { calendarGeneration, type IsoDate } from '../calendar/index.ts';
import { addWorkdays, isWorkday } from './days.ts';
import type { SupervisionRules } from './rules.ts';
import { leadUnits } from './transitions.ts';
import { OPEN_STATES, type ItemFacts, type NoticeKind } from './types.ts';

/** A notice before it is numbered. */
export interface DueNotice {
  kind: NoticeKind;
  itemId: number;
  unit: string;
  date: IsoDate;
  deadline: IsoDate;
  copiedTo: string[];
}

/** The day each notice of a deadline is dated on, by the rules. */
export function noticeSchedule(deadline: IsoDate, rules: SupervisionRules): Record<NoticeKind, IsoDate> {
  // Many items share a deadline, and a catch-up asks for each of them every day: computed once per
  // rules and deadline, and afresh once an imported notice has changed the calendar.
  if (scheduleGeneration !== calendarGeneration()) {
    scheduleGeneration = calendarGeneration();
    schedules = new WeakMap();
  }
  let byDeadline = schedules.get(rules);
  if (byDeadline === undefined) schedules.set(rules, (byDeadline = new Map()));
  let schedule = byDeadline.get(deadline);
  if (schedule === undefined) byDeadline.set(deadline, (schedule = computeSchedule(deadline, rules)));
  return schedule;
}
let schedules = new WeakMap<SupervisionRules, Map<IsoDate, Record<NoticeKind, IsoDate>>>();
let scheduleGeneration = calendarGeneration();
/** Forgets the remembered schedules (with forgetWorkdays: the calendar may have learnt a year). */
export function forgetSchedules(): void {
  schedules = new WeakMap();
}

function computeSchedule(deadline: IsoDate, rules: SupervisionRules): Record<NoticeKind, IsoDate> {
  const n = rules.notices;
  const supervise = addWorkdays(deadline, n.superviseAfter);
  return {
    提醒单: addWorkdays(deadline, -n.reminderBefore),
    催办单: addWorkdays(deadline, n.urgeAfter),
    督办单: supervise,
    移交函: addWorkdays(supervise, n.transferAfter),
  };
}

/** The unit the item's notices go to: its first leading unit (牵头单位, else 责任单位). */
export function noticeUnit(item: Pick<ItemFacts, 'units'>): string | null {
  const lead = leadUnits(item.units)[0];
  return lead ? (lead.canonical ?? lead.name) : null;
}

export interface NoticeContext {
  rules: SupervisionRules;
  /** The 分管领导 of a unit (a 督办单 is copied to them). */
  leadersOf?: (unit: string) => string[];
}

/**
 * The notices due for an item on `day`: those whose scheduled day is `day`, for an open, issued
 * item with a deadline, not issued already for this deadline. A non-working day has none.
 */
export function dueNotices(item: ItemFacts, day: IsoDate, ctx: NoticeContext): DueNotice[] {
  if (!OPEN_STATES.includes(item.state) || item.deadline === null || item.issuedOn === null) return [];
  if (!isWorkday(day) || day < item.issuedOn) return [];
  const unit = noticeUnit(item);
  if (unit === null) return [];
  const deadline = item.deadline;
  const schedule = noticeSchedule(deadline, ctx.rules);
  if (!Object.values(schedule).includes(day)) return [];
  const issued = new Set(item.notices.filter((n) => n.deadline === deadline).map((n) => n.kind));
  const out: DueNotice[] = [];
  for (const kind of Object.keys(schedule) as NoticeKind[]) {
    if (schedule[kind] !== day || issued.has(kind)) continue;
    const copiedTo = kind === '督办单' ? (ctx.leadersOf?.(unit) ?? []) : kind === '移交函' ? [ctx.rules.notices.transferTo] : [];
    out.push({ kind, itemId: item.id, unit, date: day, deadline, copiedTo });
  }
  return out;
}

/** 催办〔2026〕12号 */
export function noticeNumber(word: string, year: number, seq: number): string {
  return `${word}〔${year}〕${seq}号`;
}
