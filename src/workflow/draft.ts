// 立项: a document's extracted tasks become the draft items of a ledger. Pure: the tasks and a
// unit resolver in, the drafts out; the store writes them.
//
// - Each task is one item, with its units by role, its deadline (the date, and the words as the
//   document wrote them) and its targets; its key is its place in the outline (keys.ts).
// - A collective with known members (各旗县区人民政府) becomes its members, each a unit of the same
//   role: each of them answers for the item. A name the directory does not know, or an open list
//   (各有关部门), stays unresolved: the office names the units before the ledger can be issued.
// - The reporting cycle: a recurring deadline of a month and a day (每月5日前) reports monthly on
//   that day; any other recurring deadline reports on its own dates for a year from today; every
//   other item reports monthly by the 5th (RULES.md: offices collect progress 每月5日前).
import type { IsoDate } from '../calendar/index.ts';
import { addCalendarDays } from '../calendar/index.ts';
import { expandRecurring } from '../extract/recurrence.ts';
import type { Deadline } from '../types.ts';
import { measureKeys } from './keys.ts';
import type { ReportCycle, UnitRole } from './types.ts';

export interface SourceTask {
  id: number;
  text: string;
  path: string[];
  line: number | null;
  deadline: Deadline | null;
  targets: unknown[];
  units: { role: UnitRole; name: string; canonical: string | null }[];
  /** 责任领导 named beside the units. */
  leaders: string[];
}

export interface DraftUnit {
  role: UnitRole;
  name: string;
  canonical: string | null;
}

export interface DraftItem {
  key: string;
  text: string;
  sourcePath: string[];
  sourceLine: number | null;
  sourceTaskId: number | null;
  deadline: IsoDate | null;
  deadlineText: string | null;
  cycle: ReportCycle;
  targets: unknown[];
  units: DraftUnit[];
  /** 责任领导 of the measure, carried from the task (persons, never units). */
  leaders: string[];
}

/** What the directory says a name stands for, as far as 立项 needs it. */
export interface UnitLookup {
  canonical: string | null;
  /** Members of a collective; absent for a single unit. */
  members?: readonly string[];
  /** A name that stands for an open set (各有关部门): never resolved by itself. */
  open?: boolean;
}

export const DEFAULT_REPORT_DAY = 5;

export function draftItems(tasks: readonly SourceTask[], lookup: (name: string) => UnitLookup, today: IsoDate): DraftItem[] {
  const keys = measureKeys(tasks.map((t) => t.path));
  return tasks.map((t, i) => ({
    key: keys[i]!,
    text: t.text,
    sourcePath: t.path,
    sourceLine: t.line,
    sourceTaskId: t.id,
    deadline: deadlineDate(t.deadline),
    deadlineText: t.deadline?.text ?? null,
    cycle: reportCycle(t.deadline, today),
    targets: t.targets,
    units: draftUnits(t.units, lookup),
    leaders: [...t.leaders],
  }));
}

/** The one date an item is due by; null for ongoing and recurring work, and where no date is known. */
export function deadlineDate(deadline: Deadline | null): IsoDate | null {
  if (deadline === null || deadline.kind === 'ongoing' || deadline.kind === 'recurring') return null;
  return deadline.date ?? null;
}

export function reportCycle(deadline: Deadline | null, today: IsoDate): ReportCycle {
  const rule = deadline?.kind === 'recurring' ? deadline.rule : undefined;
  if (rule === undefined || rule.event !== undefined) return { kind: 'monthly', day: DEFAULT_REPORT_DAY };
  if (rule.every === 'month' && typeof rule.day === 'number' && rule.workingDay === undefined) return { kind: 'monthly', day: Math.min(rule.day, 28) };
  const until = addCalendarDays(today, 365);
  let dates: IsoDate[];
  try {
    dates = expandRecurring(deadline!, today, until);
  } catch {
    // Outside the official calendar's years the dates cannot be shifted off rest days: take them as written.
    dates = expandRecurring(deadline!, today, until, { shift: 'none' });
  }
  return dates.length > 0 ? { kind: 'dates', dates } : { kind: 'monthly', day: DEFAULT_REPORT_DAY };
}

/** Units of a draft: collectives expanded to their members, each name once per role. */
export function draftUnits(units: readonly SourceTask['units'][number][], lookup: (name: string) => UnitLookup): DraftUnit[] {
  const out: DraftUnit[] = [];
  const seen = new Set<string>();
  const add = (u: DraftUnit) => {
    const id = `${u.role}|${u.canonical ?? u.name}`;
    if (seen.has(id)) return;
    seen.add(id);
    out.push(u);
  };
  for (const u of units) {
    const found = lookup(u.name);
    if (found.members !== undefined && found.members.length > 0) {
      for (const m of found.members) add({ role: u.role, name: m, canonical: m });
    } else if (found.open) {
      add({ role: u.role, name: u.name, canonical: null });
    } else {
      add({ role: u.role, name: u.name, canonical: found.canonical ?? u.canonical });
    }
  }
  return out;
}
