// A list of responsible units as documents write it: 、 between units of one group, ， or ；
// between groups, and a level prefix (市/盟/市委/盟委…) written once for the units after it:
//   市科技局、工信局、财政局，各旗县市区人民政府、开发区管委会
//   市委统战部、组织部、教育局   → 市委统战部 市委组织部 市教育局
// Names come out as written, with the prefix the list implies; resolving them is the directory's job.
import { regionPrefix } from '../directory/regions.ts';
import { splitOutside } from '../text/brackets.ts';
import { endsLikeUnit } from '../text/table-columns.ts';

export { endsLikeUnit };

/** Levels a prefix can name, longest first so 市委 wins over 市. */
const LEVELS = ['自治区党委', '省委', '市委', '盟委', '州委', '县委', '自治区', '省', '市', '盟', '州', '县'] as const;

/** Words that start with a level character but are no prefix: 市场监督管理局, 市直各单位, 市级各部门, 县域…. */
const NOT_A_PREFIX = /^(市场|市直|市级|盟直|盟级|省直|省级|县级|县域|州级)/;

/**
 * Party organs: the units a party-level prefix (市委) carries to. Everything else in the same
 * group takes the government level (市), so 市委统战部、教育局 is 市委统战部, 市教育局.
 */
const PARTY_ORGAN = /^(组织部|宣传部|统战部|统一战线工作部|政法委|政法委员会|网信办|网络安全和信息化委员会办公室|编办|机构编制委员会办公室|巡察办|巡察工作领导小组办公室|党校|党史|国安办|政研室|政策研究室|改革办|深改办|全面深化改革委员会办公室|老干部局|直属机关工委|机关工委|保密办|机要局|台办|农办|农村牧区工作领导小组办公室|财经办|外办|依法治[市盟州县区]办|党建办)/;

/** Units that stand on their own and never take a carried prefix: collectives, central units, named places. */
function standsAlone(name: string): boolean {
  return regionPrefix(name) !== null || /^(各|全|有关|相关|其他|国家|中国|中华|国网|人民银行|团|驻|市直|市级|盟直|盟级|省直|省级|县级|州级)/.test(name) || /管委会$|管理委员会$/.test(name);
}

export interface UnitName {
  /** The name with the prefix the list implies. */
  name: string;
  /** The name exactly as the text writes it. */
  written: string;
}

/** The level prefix a name starts with, or null. */
export function levelPrefix(name: string): string | null {
  if (NOT_A_PREFIX.test(name)) {
    // 市市场监管局: the first 市 is the level, 市场 the word after it.
    return /^(市|省|县|盟|州)(市场|市直)/.test(name) ? name[0]! : null;
  }
  for (const level of LEVELS) if (name.startsWith(level) && name.length > level.length + 1) return level;
  return null;
}

/** The government level of a prefix: 市委 → 市, 自治区党委 → 自治区. */
function baseLevel(level: string): string {
  if (level === '自治区党委') return '自治区';
  return level.endsWith('委') ? level.slice(0, -1) : level;
}

function partyLevel(base: string): string {
  return base === '自治区' ? '自治区党委' : `${base}委`;
}

/** Removes list noise around one unit: spaces, stray punctuation, a leading 由. */
function cleanUnit(text: string): string {
  return text
    .replace(/\s+/g, '')
    .replace(/^[、，,；;：:。]+|[、，,；;：:。]+$/g, '')
    .replace(/^(由|请)(?=.{2})/, '')
    .trim();
}

/**
 * Splits a name at 和, 及 or 以及 where both sides are units (市财政局及市税务局, 区委和区政府), and
 * never inside a name (住房和城乡建设局, 工业和信息化局: the text before 和 is no unit). The part after
 * the last word must be three characters or more, so 各级党委和政府 stays one collective.
 */
function splitJoined(part: string): string[] {
  if (!part.includes('和') && !part.includes('及')) return [part];
  const pieces = part.split(/(以及|及|和)/);
  // Every rest ends where the part ends, so whether it ends like a unit is asked once.
  const endsAsUnit = endsLikeUnit(part);
  const out: string[] = [];
  let current = pieces[0]!;
  let offset = current.length;
  for (let k = 1; k < pieces.length; k += 2) {
    const word = pieces[k]!;
    const next = pieces[k + 1]!;
    offset += word.length;
    const restLength = part.length - offset;
    if (endsAsUnit && current.length >= 2 && endsLikeUnit(current) && restLength >= 3 && !/^[等的]/.test(next)) {
      out.push(current);
      current = next;
    } else current += word + next;
    offset += next.length;
  }
  out.push(current);
  return out;
}

/** The parts of a group, each split again at 和 / 及 where it joins two units (most hold neither: no copy then). */
function joinedParts(parts: string[]): string[] {
  if (!parts.some((p) => p.includes('和') || p.includes('及'))) return parts;
  return parts.flatMap(splitJoined);
}

/** Splits one group (units joined by 、) and carries its level prefix. */
function splitGroup(group: string): UnitName[] {
  const out: UnitName[] = [];
  let base: string | null = null;
  let last: string | null = null;
  for (const part of joinedParts(splitOutside(group, '、'))) {
    const written = cleanUnit(part);
    if (written === '') continue;
    const own = levelPrefix(written);
    if (own !== null) {
      base = baseLevel(own);
      last = own;
      out.push({ name: written, written });
      continue;
    }
    if (base === null || standsAlone(written)) {
      out.push({ name: written, written });
      continue;
    }
    // 办公室 alone could be the party's or the government's: it follows the unit before it.
    const prefix = PARTY_ORGAN.test(written) ? partyLevel(base) : written === '办公室' && last !== null ? last : base;
    out.push({ name: `${prefix}${written}`, written });
  }
  return shareSuffix(out);
}

const SHARED_SUFFIX = /(人民政府|政府|党委|管委会)$/;
const BARE_DIVISION = /^[^各局委办]{1,8}(区|县|旗|市|盟)$/;

/** 红山区、松山区人民政府: the suffix of the last name belongs to the bare division names before it. */
function shareSuffix(units: UnitName[]): UnitName[] {
  const last = units[units.length - 1];
  const suffix = last === undefined ? null : SHARED_SUFFIX.exec(last.name);
  if (suffix === null || units.length < 2) return units;
  const bare = units.slice(0, -1);
  if (!bare.every((u) => BARE_DIVISION.test(u.name))) return units;
  return [...bare.map((u) => ({ ...u, name: u.name + suffix[1]! })), last!];
}

/**
 * Splits a unit list into names. Groups are separated by ， ； or a line break; brackets inside a
 * name (各县〈市、区〉人民政府, 各级党委（党组）) are kept whole.
 */
export function splitUnitList(text: string): UnitName[] {
  const out: UnitName[] = [];
  for (const group of splitOutside(text.replace(/[,;]/g, '，'), '，；\n')) out.push(...splitGroup(group));
  return out;
}

/** Splits the units of a table cell, where spaces separate units and a wrap may split one (市综合 执法局). */
export function splitCellUnits(cell: string): UnitName[] {
  const pieces = cell.split(/[\s、，,；;]+/).filter((p) => p !== '' && !/^[\/／—\-－]+$/.test(p));
  const joined: string[] = [];
  for (const piece of pieces) {
    const prev = joined[joined.length - 1];
    if (prev !== undefined && !endsLikeUnit(prev)) joined[joined.length - 1] = prev + piece;
    else joined.push(piece);
  }
  return joined.flatMap((name) => splitGroup(splitFused(name).join('、')));
}

/** Endings after which a unit's name is complete (a shorter list than endsLikeUnit: no 区, 市, 县 …). */
/** Levels below the county that levelPrefix does not carry but that start names all the same. */
const FUSED_LEVEL = /^(区委|旗委|区|旗)(?=.{2})/;
const COMPLETE_END = /(局|委|办|院|部|厅|署|中心|政府|管委会|委员会|工会|公司|集团|站|所|队|馆|社|行)$/;

/**
 * A cell that lost the separator between two units (市财政局市审计局): it is split only where one
 * name is complete (it ends in 局, 委, 办, 中心, 政府 …) and the next starts with the same level
 * prefix the cell starts with (市, 区, 市委 …) or with 各 (a collective), each side three characters
 * at least. A name that holds a prefix character after such an ending (市公安局市区分局) would be
 * cut; the rule takes that risk only in table cells, where names stand without separators.
 * One pass over the characters, a few characters looked at each (linear on any input).
 */
export function splitFused(name: string): string[] {
  const level = levelPrefix(name) ?? FUSED_LEVEL.exec(name)?.[1] ?? null;
  if (level === null || name.length < 6) return [name];
  const base = level.endsWith('委') && level.length > 1 ? level.slice(0, -1) : level;
  const prefixed = (rest: string) => levelPrefix(rest) !== null || (FUSED_LEVEL.test(rest) && !NOT_A_PREFIX.test(rest));
  const out: string[] = [];
  let from = 0;
  for (let p = from + 3; p <= name.length - 3; p++) {
    const c = name[p]!;
    if (c !== base[0] && c !== '各') continue;
    if (c !== '各' && !name.startsWith(base, p)) continue;
    if (c !== '各' && !prefixed(name.slice(p, p + 12))) continue;
    if (!COMPLETE_END.test(name.slice(Math.max(from, p - 3), p))) continue;
    out.push(name.slice(from, p));
    from = p;
    p = from + 2;
  }
  out.push(name.slice(from));
  return out;
}

