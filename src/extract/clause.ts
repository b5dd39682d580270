// Responsibility clauses inside a paragraph. Each one closes the measure written before it:
//   （责任单位：市科技局、工信局，各旗县市区人民政府）
//   （牵头单位：X；责任单位：Y）  (牵头部门：X。配合部门：Y)  〔责任单位：各级党委（党组）〕
//   （市行政审批局牵头，各县〈市、区〉人民政府、市直各单位按职责完成有关工作，长期推进）
//   （完成时限：3 月底前）
// and a standing rule inside a clause (以下均需…落实，不再列出) that later measures inherit.
// Scanning is one pass over the text with a bracket stack: no regex runs over unbounded input.
import { CLOSER_OF, splitOutside } from '../text/brackets.ts';
import { DEADLINE_LABEL, PERSON_LABEL, ROLE_LABEL } from '../text/clause-labels.ts';
import { firstLeadsRule, isSameBelow, othersRule, type FirstLeads } from './role-rule.ts';
import { splitUnitList, type UnitName } from './unit-list.ts';

export type Role = 'leads' | 'responsible' | 'cooperating';

export interface Clause {
  /** Offset of the clause's opening bracket (or label) in the paragraph text. */
  start: number;
  /** Offset just past the clause's closing bracket (or the end of the text when it was lost). */
  end: number;
  leads: UnitName[];
  responsible: UnitName[];
  cooperating: UnitName[];
  /** Units a standing rule (以下均需…落实，不再列出) adds to this and every later measure. */
  standing: UnitName[];
  /** Persons the clause names beside the units (责任领导：张某、李某), as written; never units. */
  leaders: string[];
  /** The deadline words of the clause (3月底前, 长期推进), parsed later. */
  deadline: string | null;
  /** A rule the clause writes (列第一位的为牵头单位): its first responsible unit leads. */
  firstLeads: FirstLeads | null;
  /** The rule holds for the later measures too (…，下同). */
  onward: boolean;
  /** False when the closing bracket is missing. */
  closed: boolean;
}

const OPENERS = '（(〔【[';

/** What a clause says, without where it stands. */
type ClauseBody = Omit<Clause, 'start' | 'end' | 'closed'>;
const emptyBody = (): ClauseBody => ({ leads: [], responsible: [], cooperating: [], standing: [], leaders: [], deadline: null, firstLeads: null, onward: false });

/**
 * Reads a part that is a role rule rather than names (列第一位的为牵头单位, 其他为配合单位, 下同) into
 * the clause; true when it was one. `before` are the units of the part before it: 下同 after a
 * group of units (各区县人民政府负责落实，下同) makes that group hold for the later measures.
 */
function readRulePart(clause: ClauseBody, part: string, before: readonly UnitName[], afterRule: boolean): boolean {
  const first = firstLeadsRule(part);
  if (first !== null) {
    clause.firstLeads = first;
    return true;
  }
  const others = othersRule(part);
  if (others !== null && clause.firstLeads !== null) {
    clause.firstLeads = { others };
    return true;
  }
  if (isSameBelow(part)) {
    if (afterRule) clause.onward = true;
    else clause.standing.push(...before);
    return true;
  }
  return false;
}

/** Per UTF-16 code: 1 for a clause's opening bracket, 2 for a mark after which a rule or label may start. */
const SCAN_KIND = (() => {
  const table = new Uint8Array(0x10000);
  for (const ch of OPENERS) table[ch.charCodeAt(0)] = 1;
  for (const ch of '。；）】〕)') table[ch.charCodeAt(0)] = 2;
  return table;
})();

function roleOfLabel(word: string): Role {
  if (/^(牵头|主办|承办)/.test(word)) return 'leads';
  if (/^(配合|协办|协助|参与)/.test(word)) return 'cooperating';
  return 'responsible';
}

/** The opening of a labelled clause at `i` (just after an opener): its label, or null. */
function labelAt(text: string, i: number): RegExpExecArray | null {
  const head = text.slice(i, i + 12).replace(/^\s+/, '');
  return ROLE_LABEL.exec(head) ?? DEADLINE_LABEL.exec(head) ?? PERSON_LABEL.exec(head);
}

const CLAUSE_CLOSERS = '）)〕】]';

/** Per UTF-16 code: 1 for an opening mark, 2 for a closing one (a table, so the scan is a lookup per character). */
const BRACKET_KIND = (() => {
  const table = new Uint8Array(0x10000);
  for (const [open, close] of Object.entries(CLOSER_OF)) {
    table[open.charCodeAt(0)] = 1;
    table[close.charCodeAt(0)] = 2;
  }
  return table;
})();

/**
 * For every opening bracket of `text` that is closed, the offset of its closer, in one pass with
 * a stack, so that a line of a hundred thousand unclosed brackets costs no more than one.
 * A clause opened with （ and closed with 〕 (or the reverse) still pairs: within the clause
 * brackets, a closer that is not the expected one closes the innermost open bracket.
 */
function matchBrackets(text: string): Map<number, number> {
  const match = new Map<number, number>();
  const stack: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const kind = BRACKET_KIND[text.charCodeAt(i)];
    if (kind === 0) continue;
    if (kind === 1) {
      stack.push(i);
      continue;
    }
    const top = stack[stack.length - 1];
    if (top === undefined) continue;
    const ch = text[i]!;
    const expected = CLOSER_OF[text[top]!]!;
    if (ch === expected || (CLAUSE_CLOSERS.includes(ch) && CLAUSE_CLOSERS.includes(expected))) {
      match.set(top, i);
      stack.pop();
    }
  }
  return match;
}

const STANDING = /^以下(各项任务|各项措施|任务|措施|各项)?(均|都)?(需|由|须|要)?(.+?)(推动落实|负责落实|抓好落实|落实|负责|执行)[，,]?(不再列出|不再一一列出|不再单独列出|不再重复列出)?$/;
const STANDING_TAIL = /^(不再列出|不再一一列出|不再单独列出|不再重复列出)$/;

/** Any label, anywhere in a text: where a label run together with the text before it starts (市发改委责任单位：…). */
const ANY_LABEL = new RegExp([ROLE_LABEL, DEADLINE_LABEL, PERSON_LABEL].map((r) => r.source.slice(1)).join('|'), 'g');

/** Splits a part again before every label inside it: a line break or spaces that separated two labels were lost. */
function splitAtLabels(part: string): string[] {
  // Every label ends with a colon: most parts (unit lists) hold none.
  if (!part.includes('：') && !part.includes(':')) return [part];
  const out: string[] = [];
  let from = 0;
  ANY_LABEL.lastIndex = 0;
  for (let m = ANY_LABEL.exec(part); m !== null; m = ANY_LABEL.exec(part)) {
    if (m.index > from) {
      out.push(part.slice(from, m.index));
      from = m.index;
    }
    ANY_LABEL.lastIndex = m.index + m[0].length;
  }
  out.push(part.slice(from));
  return out.map((p) => p.trim()).filter((p) => p !== '');
}

/** Names of persons as the clause writes them (张某、李某), without list noise. */
function splitPersons(text: string): string[] {
  return splitOutside(text, '、，,；;').map((p) => p.replace(/\s+/g, '')).filter((p) => p !== '');
}

/** Reads the inside of a labelled clause: roles, persons, standing rule, deadline. */
function readLabelled(inner: string): ClauseBody {
  const clause = emptyBody();
  let role: Role | 'deadline' | 'leaders' = 'responsible';
  // Labelled parts are separated by ； 。 or ， — a ， that is followed by a label, or a group of
  // the current role otherwise.
  // The units of the part before, and whether it was a rule: what a 下同 refers to.
  let before: UnitName[] = [];
  let afterRule = false;
  const split = splitOutside(inner, '，,；;。');
  // Labels run together are rare: the parts are split again only when one holds a colon inside.
  const parts = split.some((part) => part.includes('：', 1) || part.includes(':', 1)) ? split.flatMap(splitAtLabels) : split;
  for (const part of parts) {
    const label = ROLE_LABEL.exec(part) ?? DEADLINE_LABEL.exec(part) ?? PERSON_LABEL.exec(part);
    let rest = part;
    if (label) {
      role = DEADLINE_LABEL.test(part) ? 'deadline' : PERSON_LABEL.test(part) ? 'leaders' : roleOfLabel(label[1]!);
      rest = part.slice(label[0].length).trim();
    }
    if (rest === '' || STANDING_TAIL.test(rest)) continue;
    if (!label && readRulePart(clause, rest, before, afterRule)) {
      afterRule = clause.firstLeads !== null;
      before = [];
      continue;
    }
    afterRule = false;
    const standing = STANDING.exec(rest);
    if (standing) {
      clause.standing.push(...splitUnitList(standing[4]!));
      continue;
    }
    if (!label) {
      // An unlabelled part may say by when (（责任单位：市教育局，长期推进）) or name units with an
      // inline role (（责任领导：张某，区教育局牵头，区住建局配合）): the label before it does not govern it.
      if (INLINE_DEADLINE.test(rest)) {
        clause.deadline = clause.deadline === null ? rest : `${clause.deadline}，${rest}`;
        continue;
      }
    }
    // An unlabelled part, or the part of a generic 责任单位 label, may name its own role
    // (市发改委牵头 / 区教育局、区民政局分别牵头 / 区住建局配合).
    if (!label || role === 'responsible') {
      const inline = inlineRole(rest);
      if (inline !== null) {
        clause[inline.role].push(...inline.units);
        before = inline.units;
        continue;
      }
    }
    if (role === 'deadline') clause.deadline = clause.deadline === null ? rest : `${clause.deadline}，${rest}`;
    else if (role === 'leaders') clause.leaders.push(...splitPersons(rest));
    else {
      before = splitUnitList(rest);
      clause[role].push(...before);
    }
  }
  return clause;
}

/** One part of an inline clause (市教育局牵头 / 区住建局、区自然资源分局配合): its role and units, or null. */
function inlineRole(part: string): { role: Role; units: UnitName[] } | null {
  // Every inline verb holds one of these characters: most parts (unit lists) hold none.
  if (!INLINE_VERB_CHAR.test(part)) return null;
  const m = INLINE_ROLE.exec(part);
  if (!m || m[1]!.length > 120 || m[3]!.length > 12 || /[。：:]/.test(m[1]!)) return null;
  const verb = m[2]!;
  const role: Role = verb.includes('牵头') ? 'leads' : /^(配合|协助|参与)/.test(verb) ? 'cooperating' : 'responsible';
  const units = splitUnitList(m[1]!);
  if (units.length === 0 || !units.every((u) => looksLikeUnitName(u.name))) return null;
  return { role, units };
}

/** Characters one of which every verb of INLINE_ROLE holds (分别牵头 has 牵, 共同负责 has 负). */
const INLINE_VERB_CHAR = /[牵负配协参按]/;
const INLINE_ROLE = /^(.+?)(分别牵头|共同牵头|牵头负责|牵头|负责|配合|协助|参与|按职责分工负责|按职责完成有关工作|按职责分工落实|按职责落实|按职责抓好落实|分别负责|共同负责)(.*)$/;
const INLINE_DEADLINE = /^(长期推进|持续推进|长期坚持|长期执行|持续开展|持续实施|长期|常态化推进|常态化开展|逐年推进|分年度推进|年内完成|年底前(完成)?|(\d{4}年)?[上下]半年(完成)?|(\d{4}年)?第?[一二三四]季度(末|底)?前?(完成)?|\d{4}[—\-－~至]\d{4}年|\d{4}年.{0,12}(前|底|内)(完成)?|\d{1,2}月(底|末|中旬|上旬|下旬)?(前|内)?(完成)?|.{0,6}(个工作日|日|天|个月)内(完成)?)$/;

/**
 * Reads an unlabelled clause (市行政审批局牵头，各县〈市、区〉人民政府、市直各单位按职责完成有关工作，长期推进),
 * or returns null when the bracket is ordinary text. Every part must be a role or a deadline, and
 * at least one must name a role: a bracket that merely mentions 负责 is not a clause.
 */
function readInline(inner: string): ClauseBody | null {
  if (inner.length > 300) return null;
  const clause = emptyBody();
  let roles = 0;
  // Groups written before their verb (区发改局牵头，区财政局、区商务局等部门，各街道办事处配合): a
  // group of unit names with no verb of its own takes the role of the next part that has one.
  let waiting: UnitName[] = [];
  let before: UnitName[] = [];
  let afterRule = false;
  for (const part of splitOutside(inner, '，,；;')) {
    if (INLINE_DEADLINE.test(part)) {
      clause.deadline = clause.deadline === null ? part : `${clause.deadline}，${part}`;
      continue;
    }
    if (waiting.length === 0 && readRulePart(clause, part, before, afterRule)) {
      afterRule = clause.firstLeads !== null;
      before = [];
      continue;
    }
    afterRule = false;
    const inline = inlineRole(part);
    if (inline === null) {
      const units = splitUnitList(part);
      if (units.length === 0 || !units.every((u) => looksLikeUnitName(u.name))) return null;
      waiting.push(...units);
      continue;
    }
    before = [...waiting, ...inline.units];
    clause[inline.role].push(...before);
    waiting = [];
    roles++;
  }
  // Names left without a verb: the bracket lists units but gives them no role, so it is no clause.
  // A bracket that holds only a role rule (（列第一位的为牵头单位，下同）) is one: it governs tasks.
  return (roles > 0 || clause.firstLeads !== null) && waiting.length === 0 ? clause : null;
}

/** A unit name is short and names an organ, a government or a collective of them. */
function looksLikeUnitName(name: string): boolean {
  return name.length >= 2 && name.length <= 40 && /(局|委|办|院|会|中心|队|所|部|室|厅|社|行|司|政府|单位|部门|机构|党组）|公司|联|团|站|馆|校|处|署|关|组|区|旗|县|市|盟)$/.test(name);
}

/** Words without which a paragraph holds no clause (labels, inline roles, standing rules, deadlines). */
const CLAUSE_WORDS = /单位|部门|牵头|负责|配合|协办|协助|参与|按职责|时限|完成时间|时间节点|以下|领导[：:]|领导同志[：:]|责任人[：:]/;

/** A sentence longer than this is no standing rule (and is not searched for one). */
const MAX_RULE_SENTENCE = 300;

/** All responsibility clauses of a paragraph, in order. One pass; every lookup ahead is amortised. */
export function findClauses(text: string): Clause[] {
  const clauses: Clause[] = [];
  // Most paragraphs name no role at all: one scan for the words every clause form needs.
  if (!CLAUSE_WORDS.test(text)) return clauses;
  const match = matchBrackets(text);
  // The next 。 at or after a position, found again only when the scan has passed the last one.
  let stop = -2;
  const nextStop = (from: number): number => {
    if (stop !== -1 && stop < from) stop = text.indexOf('。', from);
    return stop;
  };
  let i = 0;
  while (i < text.length) {
    const kind = SCAN_KIND[text.charCodeAt(i)]!;
    const afterBreak = i === 0 || SCAN_KIND[text.charCodeAt(i - 1)] === 2;
    if (kind === 0 && !afterBreak) {
      i++;
      continue;
    }
    if (kind === 1) {
      const label = labelAt(text, i + 1);
      const close = match.get(i) ?? -1;
      if (label) {
        // A lost closing bracket: the clause runs to the end of its sentence or of the paragraph.
        let end = close;
        let closed = true;
        if (end < 0) {
          closed = false;
          const s = nextStop(i);
          end = s < 0 ? text.length - 1 : s;
        }
        const inner = text.slice(i + 1, closed ? end : end + 1).replace(/[。]$/, '');
        clauses.push({ start: i, end: end + 1, closed, ...readLabelled(inner.trim()) });
        i = end + 1;
        continue;
      }
      if (close > 0) {
        const inline = readInline(text.slice(i + 1, close));
        if (inline) {
          clauses.push({ start: i, end: close + 1, closed: true, ...inline });
          i = close + 1;
          continue;
        }
        // Ordinary brackets: skip over them so a label inside a quotation is not read.
        i = close + 1;
        continue;
      }
    } else if (afterBreak && text.startsWith('以下', i)) {
      // A standing rule written as a sentence of its own: 以下各项任务均需…落实，不再列出。
      const s = nextStop(i);
      const end = s < 0 ? text.length : s + 1;
      const sentence = text.slice(i, Math.min(end, i + MAX_RULE_SENTENCE)).replace(/[。，,\s]+$/, '');
      const standing = end - i <= MAX_RULE_SENTENCE && /不再/.test(sentence) ? STANDING.exec(sentence) : null;
      if (standing) {
        clauses.push({ start: i, end, closed: true, ...emptyBody(), standing: splitUnitList(standing[4]!) });
        i = end;
        continue;
      }
    } else if ((i === 0 || '。；'.includes(text[i - 1]!)) && labelAt(text, i)) {
      // An unbracketed clause: 责任单位：… at the start of the paragraph or after a sentence.
      clauses.push({ start: i, end: text.length, closed: true, ...readLabelled(text.slice(i).replace(/[。；]$/, '')) });
      break;
    }
    i++;
  }
  return clauses;
}
