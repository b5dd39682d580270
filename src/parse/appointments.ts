// 人事任免: a gazette's personnel decisions → one record per person and post.
//
// The section is a run of statements ("X同志任P；", "免去X同志P职务；", "X同志挂职为P1、P2，挂职时间
// 为2年。") in groups; each group is opened by an intro ("经市政府党组研究决定：") and closed by the
// 文号 of its decision in brackets ("（通政任字〔2023〕15号）"). Lines are hard-wrapped anywhere, even
// inside a post or the 文号, so the section's lines are joined into one stream first and split into
// statements by punctuation, never by line.
import { CLOSER_OF, splitOutside } from '../text/brackets.ts';
import { PERIOD_LINE } from '../text/headers.ts';
import type { TextLine } from '../text/lines.ts';
import type { Appointment, AppointmentAction, ParseWarning } from '../types.ts';
import { findDate, isoDate, numberOf, yearOf } from './dates.ts';
import { docNumberAtStart } from './doc-number.ts';

/** The section heading (人事任免, 任免事项, 市政府人事任免 …). */
const HEADING = /^.{0,24}(人事任免|任免事项)$/;
/** A statement longer than this is not one decision; it is reported unread instead of parsed. */
const MAX_STATEMENT = 400;
/** Lines that open a new statement even when the line above lacks its closing punctuation. */
const STATEMENT_START = /^(免去|任命|经[^，；。]{0,30}决定|根据|[\u4e00-\u9fff·]{2,16}同志(任|挂职|兼任|不再担任))/;
/** Line ends after which the text must go on (a word or a bracket is unfinished). */
const UNFINISHED_END = /(免去|任命|任|其|为|和|及|与|的|同志|[，、（(〔【《“：—-])$/;
/** An intro before a colon: 经市政府党组研究决定：, 现将任免事项通知如下：. */
const INTRO_END = /(决定|研究|通知如下|如下|批准|同意)$/;
const INTRO_PLAIN = /^经[^，；。：]{0,30}?(决定|同意|批准)[，]?/;
/** Post titles: a list "P1、P2" is split only when every part but the last ends like a post. */
const TITLE_END = /(长|主任|书记|委员|主席|员|人|师|官|监|理|事|编辑|代表|秘书|干事|主编|政委|校长|院长)$/;
/** Remarks that follow a decision and are kept with it. */
const REMARK = /^(另有任用|另有安排|保留.{1,20}待遇|按.{1,30}办理|不再保留.{1,30})$/;
/** Statements that comment on the batch rather than decide anything. */
const NOTE_SHAPE = /^(以上|上述|其中|注[：:]?)|待履行|对外公布|起计算|起算|另行|公示/;
/** Words that show a statement meant to decide something. */
const DECISION_WORDS = /同志|免去|任命|挂职|任职/;


interface Stream {
  text: string;
  /** Offset in `text` at which each joined line starts. */
  offsets: number[];
  /** Original line number of each joined line (parallel to `offsets`). */
  lineNos: number[];
}

/**
 * Joins the section's lines into one text. A line that visibly starts a new statement after a
 * finished line gets a '\n' before it, which ends a statement like a full stop does; every other
 * break is joined with nothing (a wrap inside Chinese text).
 */
function joinSection(lines: readonly TextLine[]): Stream {
  const parts: string[] = [];
  const offsets: number[] = [];
  const lineNos: number[] = [];
  let length = 0;
  let prev = '';
  for (const l of lines) {
    const t = l.text;
    if (t === '') continue;
    if (parts.length > 0 && STATEMENT_START.test(t) && !UNFINISHED_END.test(prev)) {
      parts.push('\n');
      length += 1;
    }
    offsets.push(length);
    lineNos.push(l.line);
    parts.push(t);
    length += t.length;
    prev = t;
  }
  return { text: parts.join(''), offsets, lineNos };
}

/** Original line of the character at `offset` (binary search: the stream can be long). */
function lineOf(s: Stream, offset: number): number {
  let lo = 0;
  let hi = s.offsets.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (s.offsets[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return s.lineNos[lo] ?? 0;
}

/**
 * The 文号 in the bracket that opens at `at` (（通政任字〔2023〕15号）), or null. The bracket is
 * looked at over a bounded distance, so scanning stays linear.
 */
function batchAt(text: string, at: number): { docNumber: string; end: number } | null {
  const stack: string[] = [CLOSER_OF[text[at]!]!];
  const limit = Math.min(text.length, at + 48);
  for (let j = at + 1; j < limit; j++) {
    const ch = text[j]!;
    if (ch === '；' || ch === '。' || ch === '\n') return null;
    const closer = CLOSER_OF[ch];
    if (closer !== undefined) stack.push(closer);
    else if (ch === stack[stack.length - 1]) {
      stack.pop();
      if (stack.length === 0) {
        const hit = docNumberAtStart(text.slice(at + 1, j));
        return hit !== null && hit.rest === '' ? { docNumber: hit.docNumber, end: j } : null;
      }
    }
  }
  return null;
}

function isName(name: string): boolean {
  if (name.length < 2 || name.length > 20 || name.endsWith('等')) return false;
  let han = 0;
  for (let i = 0; i < name.length; i++) {
    const ch = name[i]!;
    if (ch === '·' || ch === '•') {
      // A middle dot joins two parts of a name (奇·达楞太); it never starts or ends one.
      if (i === 0 || i === name.length - 1) return false;
    } else if (/[\u4e00-\u9fff]/.test(ch)) han++;
    else return false;
  }
  return name.includes('·') || name.includes('•') ? true : han <= 8;
}

/** "X、Y" (each possibly followed by 同志) → names, or null when one of them is not a name. */
function readNames(text: string): string[] | null {
  const names = text.split('、').map((n) => (n.endsWith('同志') ? n.slice(0, -2) : n).trim());
  return names.length > 0 && names.every(isName) ? names : null;
}

/** The end of the persons part: the first 同志 that is not followed by another name (X同志、Y同志任…). */
function personsEnd(text: string, from: number): number {
  let i = text.indexOf('同志', from);
  while (i >= 0 && text[i + 2] === '、') i = text.indexOf('同志', i + 3);
  return i;
}

interface Posts {
  posts: string[];
  probation: boolean;
}

/** "P1、P2（试用期一年）" or "P职务" → the posts as the text names them. */
function readPosts(raw: string, dropDuty: boolean): Posts | null {
  let text = raw.trim();
  let probation = false;
  const trial = /[（(]试用期[^）)]{0,12}[）)]/.exec(text);
  if (trial) {
    probation = true;
    text = (text.slice(0, trial.index) + text.slice(trial.index + trial[0].length)).trim();
  }
  if (dropDuty) text = text.replace(/^的/, '').replace(/的?职务$/, '');
  if (text === '' || text.length > 80 || text.includes('同志')) return null;
  const parts = splitOutside(text, '、');
  // "市委、市政府信访局局长" is one post of a joint organ, "市政府副秘书长、市乡村振兴局副局长" two posts.
  const list = parts.length > 1 && parts.slice(0, -1).every((p) => TITLE_END.test(p)) ? parts : [text];
  return { posts: list, probation };
}

interface Decision {
  action: AppointmentAction;
  persons: string[];
  posts: Posts;
}

/**
 * The first clause of a statement: who, what, which posts. `previous` are the persons of the
 * statement before, for a removal split off by a semicolon (X同志任P；免去其Q职务).
 */
function readHead(clause: string, previous: readonly string[]): Decision | null {
  if (clause.startsWith('免去其') && previous.length > 0) {
    const posts = readPosts(clause.slice(3), true);
    return posts ? { action: 'remove', persons: [...previous], posts } : null;
  }
  if (clause.startsWith('免去')) {
    const end = personsEnd(clause, 2);
    if (end < 0) return null;
    const persons = readNames(clause.slice(2, end));
    const posts = readPosts(clause.slice(end + 2), true);
    return persons && posts ? { action: 'remove', persons, posts } : null;
  }
  if (clause.startsWith('任命')) {
    const m = /^任命([^为]{2,60}?)(?:同志)?为(.+)$/.exec(clause);
    const persons = m ? readNames(m[1]!) : null;
    const posts = m ? readPosts(m[2]!, false) : null;
    return persons && posts ? { action: 'appoint', persons, posts } : null;
  }
  const end = personsEnd(clause, 0);
  if (end < 0) return null;
  const persons = readNames(clause.slice(0, end));
  if (persons === null) return null;
  const rest = clause.slice(end + 2);
  const verb = /^(挂职为|挂职任|挂任|挂职|不再担任|兼任|任)/.exec(rest);
  // 任职 (任职试用期已满, 任职时间…) speaks about an appointment, it does not make one.
  if (!verb || rest.startsWith('任职')) return null;
  const action: AppointmentAction = verb[1]!.startsWith('挂') ? 'second' : verb[1] === '不再担任' ? 'remove' : 'appoint';
  const posts = readPosts(rest.slice(verb[1]!.length), action === 'remove');
  return posts ? { action, persons, posts } : null;
}

/** A retirement date: 2023年4月30日, or 2023年4月when the day is not given. */
function retirementDate(text: string): string | null {
  const full = findDate(text);
  if (full) return full.iso;
  const m = /(\d{4}|[〇○零一二三四五六七八九]{4})年(\d{1,2}|[一二三四五六七八九十]{1,3})月/.exec(text);
  return m ? isoDate(yearOf(m[1]!), numberOf(m[2]!)) : null;
}

interface StatementResult {
  records: Omit<Appointment, 'batch' | 'line'>[];
  /** Clauses of the statement that could not be read. */
  unread: string[];
}

/** One statement → its records, or null when it is not a decision the grammar knows. */
function readStatement(statement: string, previous: readonly string[]): StatementResult | null {
  const clauses = splitOutside(statement, '，');
  const head = readHead(clauses[0] ?? '', previous);
  if (head === null) return null;
  const records: StatementResult['records'] = [];
  const unread: string[] = [];
  const add = (action: AppointmentAction, posts: Posts) => {
    for (const person of head.persons) {
      for (const post of posts.posts) records.push({ person, action, post, ...(posts.probation && action !== 'remove' ? { probation: true as const } : {}) });
    }
  };
  add(head.action, head.posts);
  let retired: string | null = null;
  let years: number | null = null;
  let probation = false;
  const remarks: string[] = [];
  for (const clause of clauses.slice(1)) {
    let m: RegExpExecArray | null;
    if ((m = /^(?:同时)?免去其(.+)$/.exec(clause)) || (m = /^(?:同时)?不再担任(.+)$/.exec(clause))) {
      const posts = readPosts(m[1]!, true);
      if (posts) add('remove', posts);
      else unread.push(clause);
    } else if ((m = /^(?:同时)?兼任(.+)$/.exec(clause))) {
      const posts = readPosts(m[1]!, false);
      if (posts) add('appoint', posts);
      else unread.push(clause);
    } else if (clause === '退休' || clause === '已退休') {
      // The date, when given, follows in its own clause.
    } else if (clause.startsWith('退休')) {
      retired = retirementDate(clause);
      if (retired === null) unread.push(clause);
    } else if ((m = /^(?:挂职(?:时间|期限)?|为期|期限)(?:为|是)?([0-9一二三四五六七八九十两]{1,3})年$/.exec(clause))) {
      years = numberOf(m[1]!);
    } else if (/^[（(]?试用期[^）)]{0,12}[）)]?$/.test(clause)) {
      probation = true;
    } else if (REMARK.test(clause)) {
      remarks.push(clause);
    } else unread.push(clause);
  }
  const pick = (action: AppointmentAction) => {
    const some = records.filter((r) => r.action === action);
    return some.length > 0 ? some : records;
  };
  if (retired !== null) for (const r of pick('remove')) r.retired = retired;
  if (years !== null && Number.isFinite(years)) for (const r of pick('second')) r.years = years;
  if (probation) for (const r of records) if (r.action !== 'remove') r.probation = true;
  if (remarks.length > 0) for (const r of records) r.notes = [...remarks];
  return { records, unread };
}

export function readAppointments(lines: readonly TextLine[], warnings: ParseWarning[]): Appointment[] {
  // The heading and the period line (（2023年7月至8月）) carry no decision.
  let first = 0;
  while (first < lines.length && first < 3 && (HEADING.test(lines[first]!.text) || PERIOD_LINE.test(lines[first]!.text))) first++;
  const stream = joinSection(lines.slice(first));
  const { text } = stream;

  const out: Appointment[] = [];
  let group: Appointment[] = [];
  let notes: string[] = [];
  let noteLine = 0;
  // A 文号 standing before its statements (兴署任字〔2022〕1号 on a line of its own) opens a batch.
  let opener: string | null = null;
  let lastPersons: string[] = [];

  const closeGroup = (batch: string | null, line: number) => {
    for (const r of group) {
      if (batch !== null) r.batch = batch;
      if (notes.length > 0) r.notes = [...(r.notes ?? []), ...notes];
    }
    if (group.length === 0 && notes.length > 0) {
      warnings.push({ code: 'appointment-note', message: `任免说明没有对应的任免记录：${notes.join('；')}`, line: noteLine });
    }
    if (group.length > 0 && group.every((r) => r.batch === null)) {
      warnings.push({ code: 'appointment-no-batch', message: `${group.length} 条任免记录没有找到文号`, line: group[0]!.line });
    }
    if (batch !== null && group.length === 0 && notes.length === 0) {
      warnings.push({ code: 'appointment-unread', message: `文号${batch}前没有可识别的任免记录`, line });
    }
    group = [];
    notes = [];
  };

  const addNote = (note: string, line: number) => {
    if (notes.length === 0) noteLine = line;
    notes.push(note);
  };

  const statement = (from: number, to: number) => {
    const raw = text.slice(from, to);
    let s = raw.trim();
    if (s === '') return;
    let line = lineOf(stream, from + raw.length - raw.trimStart().length);
    if (s.length > MAX_STATEMENT) {
      warnings.push({ code: 'appointment-unread', message: `无法识别的任免表述（过长）：${s.slice(0, 40)}…`, line });
      return;
    }
    const bare = docNumberAtStart(s);
    if (bare !== null && bare.rest === '') {
      if (group.length > 0 || notes.length > 0) closeGroup(null, line);
      opener = bare.docNumber;
      return;
    }
    // The intro: everything before a colon that ends like a decision (经…研究决定：).
    const colon = s.indexOf('：');
    if (colon >= 0 && INTRO_END.test(s.slice(0, colon))) {
      for (const clause of splitOutside(s.slice(0, colon), '，')) {
        // 原超俊等同志任职试用期已满 says why the batch was decided: keep it with the batch.
        if (!/^(经|根据|现|按照)/.test(clause)) addNote(clause, line);
      }
      s = s.slice(colon + 1);
    } else {
      s = s.replace(INTRO_PLAIN, '');
    }
    s = s.trim();
    if (s === '') return;
    // Records point at the line where the decision itself starts, not at its intro.
    line = lineOf(stream, from + raw.trimEnd().length - s.length);
    const read = readStatement(s, lastPersons);
    lastPersons = read === null ? [] : [...new Set(read.records.map((r) => r.person))];
    if (read !== null) {
      for (const r of read.records) {
        const record: Appointment = { batch: opener, ...r, line };
        group.push(record);
        out.push(record);
      }
      for (const clause of read.unread) {
        warnings.push({ code: 'appointment-unread', message: `任免表述中无法识别的部分：“${clause}”（${s}）`, line });
      }
      return;
    }
    if (NOTE_SHAPE.test(s) || !DECISION_WORDS.test(s)) addNote(s, line);
    else warnings.push({ code: 'appointment-unread', message: `无法识别的任免表述：${s}`, line });
  };

  let start = 0;
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === '\n' || ch === '；' || ch === '。') {
      statement(start, i);
      start = i + 1;
      // A lost closing bracket must not swallow the next statement.
      depth = 0;
      continue;
    }
    if (depth === 0 && (ch === '（' || ch === '(')) {
      const batch = batchAt(text, i);
      if (batch !== null) {
        statement(start, i);
        closeGroup(batch.docNumber, lineOf(stream, i));
        opener = null;
        i = batch.end;
        start = i + 1;
        continue;
      }
    }
    if (CLOSER_OF[ch] !== undefined) depth++;
    else if (depth > 0 && /[）)〕\]】》〉”]/.test(ch)) depth--;
  }
  statement(start, text.length);
  if (group.length > 0 || notes.length > 0) closeGroup(null, lineOf(stream, text.length));
  return out;
}
