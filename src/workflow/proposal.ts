// 拟办: the draft of a 拟办意见 from the document itself, for the clerk to edit and submit.
// Pure: the leaders' areas (a table an administrator keeps), the receiving office and the
// directory come in as arguments; nothing here reads the store.
import { defaultDirectory, jurisdictionOf, mapToReceiver, unitResolver, type Directory } from '../directory/index.ts';
import type { Deadline, Unit } from '../types.ts';

/** What the draft reads of a task: its units and its deadline (a parsed Task, or one read back from the store). */
export interface DraftTask {
  leads: readonly Unit[];
  responsible: readonly Unit[];
  cooperating: readonly Unit[];
  deadline: Pick<Deadline, 'date' | 'text'> | null;
}

/** One row of the leaders' areas: whom a document goes to (呈阅) or who reads it (传阅). */
export interface LeaderArea {
  leader: string;
  /** 呈: the document is submitted to this leader when an area matches; 阅: circulated to. */
  role: '呈' | '阅';
  /** Words of the area (党建, 教育, 全面工作 …); '*' matches every document. */
  areas: string[];
}

export interface DraftInput {
  fromUnit: string | null;
  docNumber: string | null;
  title: string | null;
  documents: readonly { tasks: readonly DraftTask[] }[];
  /**
   * The receiving office (a receiver of the directory: 通辽经济技术开发区 …), or null when the
   * office receives from its own level: the units are then the document's own, as the directory
   * names them.
   */
  receiver: string | null;
  leaders: readonly LeaderArea[];
}

export interface DraftProposal {
  submitTo: string[];
  circulateTo: string[];
  lead: string | null;
  cooperating: string[];
  action: string | null;
  /** The dates the text sets, earliest first (YYYY-MM-DD), with the words as written. */
  dates: { date: string; text: string }[];
  /** Sender's units the receiver has no unit for: left to the clerk. */
  unmapped: string[];
  text: string;
}

function matches(area: LeaderArea, haystack: string): boolean {
  return area.areas.some((a) => a === '*' || (a.trim() !== '' && haystack.includes(a.trim())));
}

/**
 * What to produce: a document that sets measures (意见, 决定, 方案, 规划) asks the receiver for its
 * own 实施方案; a notice with measures asks to carry it out; a document without measures is read.
 */
export function proposedAction(title: string | null, taskCount: number): string | null {
  if (taskCount === 0) return null;
  const t = title ?? '';
  if (/(意见|决定|方案|规划|纲要|计划)[》」]?$/.test(t) || /实施意见|决定/.test(t)) return '制定实施方案';
  return '抓好贯彻落实';
}

export function draftProposal(input: DraftInput, directory: Directory = defaultDirectory()): DraftProposal {
  const jurisdiction = input.fromUnit === null ? null : jurisdictionOf([input.fromUnit], input.docNumber, directory);
  const resolve = unitResolver(jurisdiction, directory);
  // The sender's own office's counterpart leads: a city's 市委办公室 document is led by the zone's 党政综合办公室.
  const senderCanonical = input.fromUnit === null ? null : resolve(input.fromUnit).canonical;
  const onto = (canonical: string): string[] => (input.receiver === null ? [canonical] : mapToReceiver(canonical, input.receiver, directory));
  const senderTargets = senderCanonical === null || input.receiver === null ? [] : onto(senderCanonical);
  const units: string[] = [];
  const unmapped: string[] = [];
  const dates: { date: string; text: string }[] = [];
  let taskCount = 0;
  for (const doc of input.documents) {
    for (const task of doc.tasks) {
      taskCount++;
      if (task.deadline?.date !== undefined && !dates.some((d) => d.date === task.deadline!.date)) dates.push({ date: task.deadline.date, text: task.deadline.text });
      for (const unit of [...task.leads, ...task.responsible, ...task.cooperating]) {
        const targets = unit.canonical === null ? [] : onto(unit.canonical);
        if (targets.length === 0 && !unmapped.includes(unit.name)) unmapped.push(unit.name);
        for (const t of targets) if (!units.includes(t)) units.push(t);
      }
    }
  }
  dates.sort((a, b) => a.date.localeCompare(b.date));
  const lead = senderTargets[0] ?? units[0] ?? null;
  const cooperating = units.filter((u) => u !== lead);
  const haystack = [input.title ?? '', input.fromUnit ?? ''].join(' ');
  const submitTo = input.leaders.filter((l) => l.role === '呈' && matches(l, haystack)).map((l) => l.leader);
  const circulateTo = input.leaders.filter((l) => l.role === '阅' && matches(l, haystack)).map((l) => l.leader);
  const action = proposedAction(input.title, taskCount);
  const parts: string[] = [];
  if (submitTo.length > 0) parts.push(`呈${submitTo.join('、')}阅示。`);
  if (circulateTo.length > 0) parts.push(`呈${circulateTo.join('、')}阅。`);
  if (lead !== null && action !== null) {
    const co = cooperating.length > 0 ? `，${cooperating.join('、')}配合` : '';
    const by = dates.length > 0 ? `，${dates[0]!.text}` : '';
    parts.push(`建议：请${lead}牵头${co}，${action}${by}。`);
  }
  return { submitTo, circulateTo, lead, cooperating, action, dates, unmapped, text: parts.join('') };
}
