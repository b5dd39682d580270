// A document's measures → tasks. Every responsibility clause closes a task: the text written
// since the previous clause of the same measure (outline node), without the clause, with the
// outline path, units by role, deadline and targets. Table rows that name units are tasks too.
import type { Deadline, Duty, ParseWarning, Task, Target, Unit } from '../types.ts';
import type { Outline, OutlineItem } from '../parse/outline.ts';
import type { Paragraph } from '../text/reflow.ts';
import { lineMarker } from '../text/markers.ts';
import { findClauses, type Clause } from './clause.ts';
import { readDuties } from './duties.ts';
import { ruleNote, type FirstLeads } from './role-rule.ts';
import { readTable, tableFootnoteUnits } from './table.ts';
import type { UnitName } from './unit-list.ts';

/** What extraction needs to know about the document around its measures. */
export interface ExtractContext {
  /** Year of the document, for deadlines that omit it. */
  year: number | null;
  /** Date the document was issued (YYYY-MM-DD), for relative deadlines. */
  issued: string | null;
  /** Turns a name as written into a unit with its canonical name. */
  resolve: (name: string) => Unit;
  /** Reads a deadline from clause words or task text. */
  deadline: (text: string) => Deadline | null;
  /** Reads targets from task text. */
  targets: (text: string) => Target[];
}

interface Placed {
  paragraph: Paragraph;
  /** The outline node the paragraph belongs to (null in the preamble). */
  node: OutlineItem | null;
  path: string[];
}

/** The body's paragraphs in reading order, each with its outline node and path. */
function placeParagraphs(outline: Outline): Placed[] {
  const out: Placed[] = outline.preamble.map((paragraph) => ({ paragraph, node: null, path: [] }));
  const walk = (nodes: readonly OutlineItem[], path: string[]): void => {
    for (const node of nodes) {
      const here = [...path, node.label];
      for (const paragraph of node.paragraphs) out.push({ paragraph, node, path: here });
      walk(node.children, here);
    }
  };
  walk(outline.nodes, []);
  return out;
}

/** The text of a paragraph without its numbering marker. */
function bodyText(p: Paragraph): string {
  const marker = lineMarker(p.lines[0]!);
  return marker === null ? p.text : p.text.slice(marker.textLength).trim();
}

/** The original line a character offset of a paragraph's text came from. */
function lineAt(p: Paragraph, offset: number): number {
  let k = 0;
  while (k + 1 < p.starts.length && p.starts[k + 1]! <= offset) k++;
  return p.lines[k]!.line;
}

function mergeUnits(into: UnitName[], more: readonly UnitName[]): UnitName[] {
  const seen = new Set(into.map((u) => u.name));
  for (const u of more) if (!seen.has(u.name)) {
    seen.add(u.name);
    into.push(u);
  }
  return into;
}

/**
 * Joins the paragraphs of one measure. A heading paragraph (二、全面排查风险隐患) ends without a stop;
 * it gets one, so the heading does not run into the sentence after it.
 */
function joinParts(parts: readonly string[]): string {
  let out = '';
  for (const part of parts) {
    if (part === '') continue;
    if (out !== '' && /[\p{Script=Han}A-Za-z0-9]$/u.test(out)) out += '。';
    out += part;
  }
  return out;
}

/** Trims list punctuation left at the edges of a task's text. */
function tidy(text: string): string {
  return text.replace(/^[，,、；;：:\s]+/, '').replace(/[，,、；;：:\s]+$/, '').trim();
}

/** A short unnumbered line read as a heading, for tasks outside the numbered outline. */
function looksLikeHeading(p: Paragraph): boolean {
  return p.cells === null && p.text.length <= 30 && !/[，。；：]/.test(p.text.slice(0, -1));
}

/** The title printed above a table (重点指标任务分解表), skipping an 附件 line, or null. */
function tableTitle(placed: readonly Placed[], k: number): string | null {
  for (let j = k - 1; j >= Math.max(0, k - 2); j--) {
    const p = placed[j]!.paragraph;
    if (/^附\s*件\s*\d*$/.test(p.text)) continue;
    return p.cells === null && p.text.length <= 60 && !/[，。；]/.test(p.text) && /(表|清单|目录|一览)$/.test(p.text) ? p.text : null;
  }
  return null;
}

interface Roles {
  leads: readonly UnitName[];
  responsible: readonly UnitName[];
  cooperating: readonly UnitName[];
}

/**
 * Units by role under a written rule: when the text names no lead, the first responsible unit
 * leads and the others take the rule's role for them. Without a rule, or with a lead named, the
 * roles are as written.
 */
function applyRule(rule: FirstLeads | null, roles: Roles): Roles {
  if (rule === null || roles.leads.length > 0 || roles.responsible.length === 0) return roles;
  const [first, ...others] = roles.responsible;
  return rule.others === 'cooperating'
    ? { leads: [first!], responsible: [], cooperating: [...others, ...roles.cooperating] }
    : { leads: [first!], responsible: others, cooperating: roles.cooperating };
}

export interface Extracted {
  tasks: Task[];
  duties: Duty[];
}

export function extractTasks(outline: Outline, context: ExtractContext, warnings: ParseWarning[]): Extracted {
  const tasks: Task[] = [];
  const duties: Duty[] = [];
  const standing: UnitName[] = [];
  const placed = placeParagraphs(outline);
  let pending: string[] = [];
  let pendingNode: OutlineItem | null | undefined;
  let lastHeading: string | null = null;

  // A clause's own deadline words win; the task's text gives one only when it says by when the
  // task is done (a date, 年内, 长期推进, 每月…): a period in its text (压缩至1个工作日以内,
  // 15个工作日内作出批复) is a rule the task sets, not its due date.
  const deadlineOf = (clause: Clause, text: string): Deadline | null => {
    const fromClause = clause.deadline === null ? null : context.deadline(clause.deadline);
    if (fromClause !== null) return fromClause;
    const fromText = context.deadline(text);
    return fromText !== null && fromText.kind !== 'relative' ? fromText : null;
  };
  const unitsOf = (names: readonly UnitName[]): Unit[] => names.map((u) => context.resolve(u.name));
  // The task the last clause closed, and the outline node it was closed in: a clause right after
  // it, with no text of a measure in between (the next label line under the same measure:
  // 牵头单位：X / 责任单位：Y / 完成时限：…), adds to that task instead of opening another.
  let last: { task: Task; node: OutlineItem | null } | null = null;
  // Persons named on a clause of their own before the clause that closes their task.
  let held: string[] = [];
  const addLeaders = (task: Task, persons: readonly string[]): void => {
    if (persons.length === 0) return;
    const into = (task.leaders ??= []);
    for (const p of persons) if (!into.includes(p)) into.push(p);
  };
  const addTo = (task: Task, clause: Clause): void => {
    const add = (into: Unit[], names: readonly UnitName[]) => {
      for (const u of unitsOf(names)) if (!into.some((x) => x.name === u.name)) into.push(u);
    };
    add(task.leads, clause.leads);
    add(task.responsible, clause.responsible);
    add(task.cooperating, clause.cooperating);
    add(task.responsible, clause.standing);
    addLeaders(task, clause.leaders);
    if (task.deadline === null && clause.deadline !== null) {
      task.deadline = context.deadline(clause.deadline);
      if (task.deadline?.uncertain) warnings.push({ code: 'deadline-uncertain', message: `完成时限“${task.deadline.text}”：${task.deadline.uncertain}`, line: task.line });
    }
  };
  // A rule written in the text (列第一位的为牵头单位，下同; a note of its own) for the tasks after it.
  let onward: FirstLeads | null = null;
  // The paragraph just under a table, whose rule (a footnote) is for the table's rows alone.
  let tableNote = -1;
  const close = (text: string, path: string[], clause: Clause, line: number): Task => {
    if (clause.firstLeads !== null && clause.onward) onward = clause.firstLeads;
    const roles = applyRule(clause.firstLeads ?? onward, clause);
    // Standing units join the responsible ones unless the clause already gave them a role.
    const named = standing.length === 0 ? null : new Set([...roles.leads, ...roles.cooperating].map((u) => u.name));
    const responsible = named === null ? [...roles.responsible] : mergeUnits([...roles.responsible], standing.filter((u) => !named.has(u.name)));
    const task: Task = {
      text,
      path,
      leads: unitsOf(roles.leads),
      responsible: unitsOf(responsible),
      cooperating: unitsOf(roles.cooperating),
      deadline: deadlineOf(clause, text),
      targets: context.targets(text),
      line,
    };
    if (held.length > 0) {
      addLeaders(task, held);
      held = [];
    }
    addLeaders(task, clause.leaders);
    if (task.deadline?.uncertain) warnings.push({ code: 'deadline-uncertain', message: `完成时限“${task.deadline.text}”：${task.deadline.uncertain}`, line });
    tasks.push(task);
    return task;
  };

  for (let k = 0; k < placed.length; k++) {
    const { paragraph: p, node, path } = placed[k]!;
    if (node !== pendingNode) {
      pending = [];
      held = [];
      pendingNode = node;
    }
    if (p.cells !== null) {
      // A run of table rows.
      let end = k;
      while (end + 1 < placed.length && placed[end + 1]!.paragraph.cells !== null) end++;
      const rows = placed.slice(k, end + 1).map((x) => x.paragraph);
      // A task table (its header names units by role) gives tasks, a duty table duties, others nothing.
      const rowTasks = readTable(rows, context.targets, warnings);
      if (rowTasks.length > 0) {
        const note = placed[end + 1]?.paragraph;
        const footnote = note && note.cells === null ? tableFootnoteUnits(note.text) : [];
        const footRule = note && note.cells === null ? ruleNote(note.text) : null;
        if (footRule !== null) tableNote = end + 1;
        const title = tableTitle(placed, k);
        const tablePath = title !== null ? [title] : path.length > 0 ? path : lastHeading !== null ? [lastHeading] : [];
        for (const row of rowTasks) {
          const roles = applyRule(footRule ?? onward, row);
          const task: Task = {
            text: row.text,
            path: row.category === null ? tablePath : [...tablePath, row.category],
            leads: unitsOf(roles.leads),
            responsible: unitsOf(mergeUnits(mergeUnits([...roles.responsible], footnote), standing)),
            cooperating: unitsOf(roles.cooperating),
            deadline: row.deadline === null ? null : context.deadline(row.deadline),
            targets: row.targets,
            line: row.line,
            table: true,
          };
          if (row.leaders.length > 0) task.leaders = row.leaders;
          tasks.push(task);
        }
      }
      for (const d of readDuties(rows)) {
        duties.push({ lead: unitsOf(d.lead), units: unitsOf(d.units), role: d.role, text: d.text, deadline: context.deadline(d.text), line: d.line });
      }
      k = end;
      // A table ends the measure being written: text before it is no part of a task after it.
      last = null;
      pending = [];
      continue;
    }

    const text = node !== null && p === node.paragraphs[0] ? bodyText(p) : p.text;
    const offset = p.text.length - text.length;
    const clauses = findClauses(text);
    if (clauses.length === 0) {
      // A note that only writes a role rule (注：列在第一位的为牵头单位) is no part of a measure.
      const rule = ruleNote(text);
      if (rule !== null) {
        if (k !== tableNote) onward = rule;
        continue;
      }
      pending.push(text);
      if (node === null && looksLikeHeading(p)) lastHeading = p.text;
      continue;
    }
    let from = 0;
    for (const clause of clauses) {
      const names = clause.leads.length + clause.responsible.length + clause.cooperating.length;
      if (names === 0 && clause.deadline === null && clause.standing.length === 0 && clause.leaders.length > 0) {
        // Persons alone (责任领导：张某 on its own line): they belong to the task just closed, or to
        // the one the next clause closes; the text before them stays part of that measure.
        if (tidy(joinParts([...pending, text.slice(from, clause.start)])) === '' && last !== null && last.node === node) addLeaders(last.task, clause.leaders);
        else {
          pending.push(text.slice(from, clause.start));
          held.push(...clause.leaders);
        }
        from = clause.end;
        continue;
      }
      if (names === 0 && clause.deadline === null) {
        // A standing rule of its own (以下均需…落实，不再列出; （列第一位的为牵头单位）) closes no
        // task: it applies from here on.
        mergeUnits(standing, clause.standing);
        if (clause.firstLeads !== null) onward = clause.firstLeads;
        pending.push(text.slice(from, clause.start));
        from = clause.end;
        continue;
      }
      let taskText = tidy(joinParts([...pending, text.slice(from, clause.start)]));
      pending = [];
      if (taskText === '' && last !== null && last.node === node) {
        mergeUnits(standing, clause.standing);
        addTo(last.task, clause);
        from = clause.end;
        continue;
      }
      if (taskText === '' && node !== null) taskText = node.heading;
      if (!clause.closed) {
        warnings.push({ code: 'clause-unclosed', message: `责任分工缺少右括号：${text.slice(clause.start, clause.start + 40)}`, line: lineAt(p, offset + clause.start) });
      }
      mergeUnits(standing, clause.standing);
      const hasRoles = clause.leads.length + clause.responsible.length + clause.cooperating.length + standing.length > 0;
      if (taskText === '' || (!hasRoles && clause.deadline === null)) {
        if (clause.standing.length === 0) warnings.push({ code: 'clause-without-task', message: `责任分工前没有任务内容：${text.slice(clause.start, clause.start + 40)}`, line: lineAt(p, offset + clause.start) });
      } else {
        const taskPath = path.length > 0 ? path : lastHeading !== null ? [lastHeading] : [];
        last = { task: close(taskText, taskPath, clause, lineAt(p, offset + clause.start)), node };
      }
      from = clause.end;
    }
    const rest = tidy(text.slice(from));
    if (rest !== '') pending.push(rest);
  }
  return { tasks, duties };
}
