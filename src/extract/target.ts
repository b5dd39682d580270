// Targets (目标) in a task's text: a number with its unit and the words that say how it bounds
// the result — 达到1%, 不低于95%, 86%以上, 1000户以上, 排名不低于第5位, 累计达到5亿元, 超25亿元,
// 年递增10%以上, 控制在9%以内, 下降10%.
//
// A number is a target when it has a unit and something says it is one: a comparison (不低于,
// 以上 …), a change (增长, 下降 …), a rank, a verb of planned work right before it (新增品牌10个,
// 培训60场), or the number being the whole text (a target cell of a table: 40%, >99%). Dates,
// document numbers (〔2023〕63号), ordinals (第3条) and years (2025年) have no unit here and are
// never targets; a quantity followed by 的 describes something (年销售额达到500万元的企业) and is
// not a target either. Each position is tried once with bounded look-back and look-ahead, so the
// scan is linear in the length of the text.
import type { Target } from '../types.ts';
import { isHan } from '../text/chars.ts';
import { charTable, clauseEnd, isAsciiDigit, isAsciiLetter, isClauseBreak, longestFirst, NUMBER_START, readNumber, scanForm, wordAt, wordBefore, type NumberRead } from './numerals.ts';

type Op = NonNullable<Target['op']>;

/**
 * Comparison words before a number. 以上/以下/以内 include the number itself (《民法典》第一千二百五十九条,
 * and the seeds say so: 本细则所称的"以上"含本数); 超过 and 低于 do not. 达到 and the planned-work
 * verbs are floors: reaching more than the target is done.
 */
const BEFORE_OPS: ReadonlyMap<string, Op> = new Map<string, Op>([
  ['不低于', '>='], ['不少于', '>='], ['不小于', '>='], ['至少', '>='], ['最少', '>='], ['达到', '>='], ['达', '>='],
  ['提高到', '>='], ['提高至', '>='], ['提升到', '>='], ['提升至', '>='], ['增加到', '>='], ['增加至', '>='], ['增长到', '>='], ['增长至', '>='], ['增至', '>='],
  ['≥', '>='], ['>=', '>='],
  ['超过', '>'], ['超出', '>'], ['高于', '>'], ['大于', '>'], ['多于', '>'], ['突破', '>'], ['超', '>'], ['逾', '>'], ['>', '>'], ['＞', '>'],
  ['不超过', '<='], ['不高于', '<='], ['不大于', '<='], ['不多于', '<='], ['最多', '<='], ['最高', '<='], ['控制在', '<='], ['控制到', '<='],
  ['降至', '<='], ['降到', '<='], ['降低到', '<='], ['降低至', '<='], ['下降到', '<='], ['下降至', '<='], ['减少到', '<='], ['减少至', '<='],
  ['压减到', '<='], ['压减至', '<='], ['压缩到', '<='], ['压缩至', '<='], ['≤', '<='], ['<=', '<='],
  ['低于', '<'], ['小于', '<'], ['少于', '<'], ['不足', '<'], ['不到', '<'], ['不满', '<'], ['<', '<'], ['＜', '<'],
  ['保持在', '='], ['稳定在', '='], ['维持在', '='],
]);
const BEFORE_OP_LIST = longestFirst([...BEFORE_OPS.keys()]);
const AFTER_OPS: ReadonlyMap<string, Op> = new Map<string, Op>([
  ['及以上', '>='], ['以上', '>='], ['及以下', '<='], ['以下', '<='], ['以内', '<='], ['之内', '<='], ['左右', '='], ['上下', '='],
]);
const AFTER_OP_LIST = longestFirst([...AFTER_OPS.keys()]);

const INCREASE = ['增长', '增加', '提高', '提升', '增幅', '增速', '递增', '上升'];
const DECREASE = ['下降', '降低', '减少', '压减', '削减', '缩减', '降幅'];
const CHANGES = longestFirst([...INCREASE, ...DECREASE]);
/** Before a change word: the change is per year. */
const PER_YEAR = longestFirst(['年均', '逐年', '每年', '年']);
/** Words in front of a target that belong to its text (累计达到5亿元, 力争达到30%以上). */
const LEADS = longestFirst(['累计', '力争', '确保', '争取', '总计', '合计', '至少']);
const RANK_WORDS = longestFirst(['排名', '位次', '名次', '排位', '位居', '位列', '进入', '跻身', '保持']);
/** Verbs of planned work: the number right after them (within a short object) is a target. */
const PLAN_VERBS = longestFirst([
  '新增', '累计', '培训', '培育', '培养', '建成', '新建', '打造', '举办', '开展', '完成', '实现', '引进', '创建', '认定', '改造', '带动', '吸纳', '新培育',
]);
const PLAN_REACH = 6;
/** Words that mark the year a target is for. */
const HORIZON = longestFirst(['力争到', '力争', '截至', '截止', '到', '至']);

/**
 * Units after a number, longest first. Magnitudes (万, 亿 …) combine with them (5亿元, 4.2万平方米)
 * and may stand alone (达到5万). Time units are here for 优良天数300天以上; 年/月/日/号/时/条 are not
 * units, which is what keeps dates, document numbers and articles out.
 */
const BASE_UNITS = longestFirst([
  '个百分点', '百分点', '%', '‰', '倍',
  '元', '户', '家', '人次', '人', '名', '位', '个', '件', '次', '场', '项', '所', '座', '处', '篇', '部', '台', '套', '辆', '艘', '架', '张', '只', '头', '株', '棵',
  '亩', '公顷', '平方公里', '平方千米', '平方米', '立方米', '公里', '千米', '米', '吨', '千克', '公斤', '千瓦时', '千瓦', '兆瓦', '度', '标准煤', '吨标准煤',
  '个工作日', '工作日', '个月', '天', '小时', '分钟', '层', '张床', '床', '间', '栋', '批', '期', '班', '门', '种', '支', '队', '条线', '家次', '单', '笔', '份', '册', '本',
]);
const MAGNITUDES = longestFirst(['万亿', '十万', '百万', '千万', '亿', '万', '千', '百']);
/** A composite unit: 8.2公里/平方公里, 件/万人. */
const PER_UNIT = '/';

/** What the scan needs to know of a character without a call: a number may start here, a sentence ends here. */
const NUMBER = 1;
const SENTENCE_END = 2;
const CHAR_KIND = (() => {
  const table = charTable(NUMBER_START);
  for (const ch of '。；！？;!?') table[ch.charCodeAt(0)] = SENTENCE_END;
  return table;
})();

export function parseTargets(text: string): Target[] {
  const t = scanForm(typeof text === 'string' ? text : '');
  let coreStart = 0;
  let coreEnd = t.length;
  while (coreStart < coreEnd && isClauseBreak(t[coreStart])) coreStart++;
  while (coreEnd > coreStart && isClauseBreak(t[coreEnd - 1])) coreEnd--;

  const out: Target[] = [];
  let year: number | null = null;
  let i = 0;
  while (i < t.length) {
    const kind = CHAR_KIND[t.charCodeAt(i)];
    if (kind !== NUMBER) {
      if (kind === SENTENCE_END) year = null;
      i++;
      continue;
    }
    const percentWords = t[i] === '百' && t.startsWith('百分之', i);
    const n = percentWords ? readNumber(t, i + 3) : readNumber(t, i);
    if (n === null) {
      i++;
      continue;
    }
    // A year: never a target, but 到2025年 (or 2025年 opening a clause) names the year of the targets after it.
    if (!percentWords && t[n.end] === '年' && n.length === 4) {
      const opens = wordBefore(t, i, HORIZON) !== null || i === 0 || isClauseBreak(t[i - 1]);
      if (opens && n.value >= 1900 && n.value <= 2200) year = n.value;
      i = n.end + 1;
      continue;
    }
    const target = readTarget(t, i, n, percentWords, { coreStart, coreEnd });
    if (target === null) {
      i = Math.max(n.end, i + 1);
      continue;
    }
    if (year !== null) target.target.year = year;
    out.push(target.target);
    i = target.end;
  }
  return out;
}

interface Read {
  target: Target;
  end: number;
}

function readTarget(t: string, i: number, n: NumberRead, percentWords: boolean, core: { coreStart: number; coreEnd: number }): Read | null {
  // PM2.5, 5G, R&D: a number glued to Latin letters is a name.
  if (isAsciiLetter(t[i - 1]) || isAsciiLetter(t[n.end])) return null;
  let p = n.end;
  let upper: number | undefined;
  if (!percentWords && p < t.length && '~～-—至到'.includes(t[p]!)) {
    const m = readNumber(t, p + 1);
    if (m !== null && m.arabic === n.arabic && m.value > n.value) {
      upper = m.value;
      p = m.end;
    }
  }
  const unit = percentWords ? { unit: '%', end: p } : readUnit(t, p);
  if (unit === null) return null;
  p = unit.end;
  // 15天以内 is a period, read as a deadline.
  if ((unit.unit === '天' || unit.unit === '小时' || unit.unit === '分钟') && wordAt(t, p, ['以内', '之内', '内']) !== null) return null;

  let op: Op | undefined;
  const after = wordAt(t, p, AFTER_OP_LIST);
  if (after !== null) {
    op = AFTER_OPS.get(after)!;
    p += after.length;
  }
  // …的企业, …的地区: the quantity describes what it is about; 一次性 is a word.
  if (t[p] === '的' || t[p] === '性' || inCondition(t, p)) return null;

  // Look back: 第 of a rank, a comparison, a change, a rank word, a lead word.
  let start = i;
  let rank = false;
  if (t[start - 1] === '第' || t[start - 1] === '前') {
    if (unit.unit !== '位' && unit.unit !== '名') return null; // 第3条, 前5个: an ordinal, not a target
    rank = true;
    if (t[start - 1] === '前' && op === undefined) op = '<=';
    start--;
  }
  const before = wordBefore(t, start, BEFORE_OP_LIST);
  if (before !== null) {
    // The word after the number says more than the one before (达到175件左右 is about 175); on a
    // rank the comparison turns round: 不低于第5位 means a rank number of at most 5.
    const literal = BEFORE_OPS.get(before)!;
    op ??= rank ? invert(literal) : literal;
    start -= before.length;
  }
  let change: Target['change'];
  let perYear = false;
  const changeWord = wordBefore(t, start, CHANGES);
  if (changeWord !== null) {
    change = DECREASE.includes(changeWord) ? 'decrease' : 'increase';
    start -= changeWord.length;
    const per = wordBefore(t, start, PER_YEAR);
    if (per !== null) {
      perYear = true;
      start -= per.length;
    }
  }
  if (rank) {
    const word = findBefore(t, start, RANK_WORDS, 10);
    if (word === null) return null;
    start = word;
  }
  const compared = before !== null || after !== null || change !== undefined || rank;
  // 实现一次办结, 新增一批: a Chinese 一 after a verb is a manner of speaking, not a quantity.
  const verb = before === null && change === undefined && !rank && (n.arabic || n.value !== 1) ? findBefore(t, i, PLAN_VERBS, PLAN_REACH) : null;
  const planned = verb !== null;
  if (planned && !compared) start = verb;
  // 500万元以上固定资产投资, 规模以上工业: 以上 with a noun right after it names a class of things.
  if (after !== null && before === null && change === undefined && !rank && !planned && isHan(t[p] ?? '')) return null;
  const lead = wordBefore(t, start, LEADS);
  if (lead !== null) start -= lead.length;
  const whole = !compared && !planned && i - core.coreStart <= 3 && onlyQuantity(t, core.coreStart, i, p, core.coreEnd);
  if (!compared && !planned && !whole) return null;
  // Planned work and changes are floors: 新增品牌10个 is done with 12, 下降10% with a fall of 12%.
  if (op === undefined && (planned || change !== undefined)) op = '>=';
  if (op === undefined && rank) op = '=';

  const target: Target = { text: t.slice(start, p), value: n.value, unit: unit.unit };
  if (op !== undefined) target.op = op;
  if (upper !== undefined) target.upper = upper;
  if (change !== undefined) target.change = change;
  if (perYear) target.perYear = true;
  if (rank) target.rank = true;
  return { target, end: p };
}

function invert(op: Op): Op {
  return op === '>=' ? '<=' : op === '<=' ? '>=' : op === '>' ? '<' : op === '<' ? '>' : op;
}

/** A number and its unit: %, 亿元, 万平方米, 公里/平方公里, or a bare magnitude (5万). */
function readUnit(t: string, i: number): { unit: string; end: number } | null {
  let p = i;
  const magnitude = wordAt(t, p, MAGNITUDES);
  if (magnitude !== null) p += magnitude.length;
  const base = wordAt(t, p, BASE_UNITS);
  if (base === null) return magnitude === null ? null : { unit: magnitude, end: p };
  p += base.length;
  if (t[p] === PER_UNIT) {
    const perMagnitude = wordAt(t, p + 1, MAGNITUDES);
    const per = wordAt(t, p + 1 + (perMagnitude?.length ?? 0), BASE_UNITS);
    if (per !== null) p += 1 + (perMagnitude?.length ?? 0) + per.length;
  }
  return { unit: t.slice(i, p), end: p };
}

/**
 * Start of the nearest of `words` ending within `reach` characters before `i`, not across a clause
 * break, a number, or a word that makes what follows a manner rather than an object (新建住宅以6层为主).
 */
function findBefore(t: string, i: number, words: readonly string[], reach: number): number | null {
  for (let k = i; k >= 0 && i - k <= reach; k--) {
    const w = wordBefore(t, k, words);
    if (w !== null) return k - w.length;
    if (k > 0 && (isClauseBreak(t[k - 1]) || isAsciiDigit(t[k - 1]) || NOT_OBJECT.includes(t[k - 1]!))) return null;
  }
  return null;
}

/**
 * True when the clause the quantity stands in ends in 的: it names who a rule applies to
 * (施工合同额低于300万且签订合同前一年内承建的工程未发生拖欠工资的，…可免于存储).
 */
function inCondition(t: string, from: number): boolean {
  const end = clauseEnd(t, from, CONDITION_REACH);
  return end < t.length && end - from < CONDITION_REACH && isClauseBreak(t[end]) && t[end - 1] === '的';
}
const CONDITION_REACH = 40;

/** Characters that do not occur between a verb and the quantity it plans: 以, 按, 为, 的, 占, 比. */
const NOT_OBJECT = '以按为的占比';

/**
 * True when the text around the quantity holds nothing else but a comparison sign or word and a
 * note in brackets: a table cell such as `>99%`, `90%（城镇）`, `60万平方米（2023-2025年）`.
 */
function onlyQuantity(t: string, coreStart: number, start: number, end: number, coreEnd: number): boolean {
  const before = t.slice(coreStart, start);
  if (before !== '' && !BEFORE_OPS.has(before) && !CHANGES.some((w) => before.endsWith(w))) return false;
  if (end === coreEnd) return true;
  const next = t[end] === ' ' ? t[end + 1] : t[end];
  return next === '（' || next === '(';
}
