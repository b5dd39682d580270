// A unit name as written → what it stands for in a jurisdiction. Each step is a map lookup or
// a prefix test against a handful of strings, so a name costs time proportional to its length.
//
// Order: a unit of the directory (as written; after the level prefix; bare), a unit another
// jurisdiction names in full, an open list (X等有关部门), a county-level division (科左中旗),
// a collective of divisions (各旗县市区), a generic collective (市直各单位), else unknown —
// kept with its name, never dropped.
import { divisionCollectiveName, divisionMembers, isGenericCollective, readDivisionCollective } from './collectives.ts';
import { divisionIndex, divisionsNamed, subdivisionsOf, type Division } from './divisions.ts';
import { compileJurisdiction } from './jurisdiction-index.ts';
import { levelPrefixesOf } from './prefixes.ts';
import { normalizeName } from './normalize.ts';
import type { Directory, DirectoryUnit, JurisdictionIndex, UnitResolution } from './types.ts';

const GENERIC_DESCRIPTION = '泛指的一类单位，具体单位需按职责确定';
const OPEN_DESCRIPTION = '列举未尽，另有其他有关单位';
const NO_JURISDICTION = '辖区不明，无法列出成员';
const NO_SUBDIVISIONS = '行政区划数据中没有该辖区的下一级区划，无法列出成员';
/** How a county-level division's government is written after its name. */
const GOVERNMENT_SUFFIXES = ['人民政府', '政府'];

function unitResult(name: string, unit: DirectoryUnit): UnitResolution {
  const out: UnitResolution = { name, canonical: unit.canonical, kind: 'unit', jurisdiction: unit.jurisdiction, category: unit.category };
  if (unit.successor !== undefined) out.successor = unit.successor;
  return out;
}

/** A unit of one jurisdiction: as written in full, after one of its prefixes, or bare. */
function findUnit(text: string, j: JurisdictionIndex): DirectoryUnit | null {
  const exact = j.exact.get(text);
  if (exact !== undefined) return exact;
  for (const p of j.strip) {
    if (!text.startsWith(p.text) || text.length === p.text.length) continue;
    const rest = text.slice(p.text.length);
    // 市委 carried onto a government unit (市委、政府办公室 → 市委政府办公室) still means that unit.
    const found = p.party ? (j.party.get(rest) ?? j.plain.get(rest)) : j.plain.get(rest);
    if (found !== undefined) return found;
  }
  return j.plain.get(text) ?? j.party.get(text) ?? null;
}

const adHoc = new Map<string, JurisdictionIndex>();

/**
 * A jurisdiction the directory has no units for (赤峰市) still has level prefixes, so 全市各旗县区
 * and 市直有关部门 read there as in any city. Cached for real divisions only, so arbitrary input
 * cannot grow the cache.
 */
function jurisdictionIndex(name: string, directory: Directory): JurisdictionIndex | null {
  const known = directory.jurisdictions.get(name) ?? adHoc.get(name);
  if (known !== undefined) return known;
  if (levelPrefixesOf(name) === null) return null;
  const index = compileJurisdiction({ name }, new Map());
  if (divisionsNamed(name).some((d) => d.name === name)) adHoc.set(name, index);
  return index;
}

/** The jurisdiction a name names itself (兴安盟发改委, 中共通辽市委组织部), if the directory has it. */
function ownJurisdiction(text: string, directory: Directory): string | null {
  let best: string | null = null;
  for (const name of directory.jurisdictions.keys()) {
    if ((text.startsWith(name) || text.startsWith(`中共${name}`)) && (best === null || name.length > best.length)) best = name;
  }
  return best;
}

/** A county-level division written by full or short name, with or without 人民政府. */
function findDivision(text: string, j: JurisdictionIndex | null, jurisdiction: string | null, directory: Directory): { division: Division; organ: string | null } | null {
  const variants = [text];
  if (j !== null) for (const p of j.strip) if (!p.party && text.startsWith(p.text)) variants.push(text.slice(p.text.length));
  const within = jurisdiction === null ? null : subdivisionsOf(jurisdiction);
  for (const variant of variants) {
    for (const suffix of [...GOVERNMENT_SUFFIXES, '']) {
      if (!variant.endsWith(suffix) || variant.length - suffix.length < 2) continue;
      const base = variant.slice(0, variant.length - suffix.length);
      const fullNames = [base, ...(directory.countyShort.get(base) ?? [])];
      const candidates = within !== null
        ? within.filter((d) => fullNames.includes(d.name))
        : fullNames.flatMap((n) => (divisionIndex().byName.get(n) ?? []).filter((d) => d.name === n && d.level === 'county'));
      if (candidates.length === 1) return { division: candidates[0]!, organ: suffix === '' ? null : '人民政府' };
    }
  }
  return null;
}

function divisionResult(name: string, division: Division, organ: string | null): UnitResolution {
  const parent = division.parent === null ? null : (divisionIndex().byCode.get(division.parent)?.name ?? null);
  const out: UnitResolution = { name, canonical: division.name, kind: 'unit', jurisdiction: parent, category: 'division' };
  if (organ !== null) out.organ = organ;
  return out;
}

/** X等有关部门 / X、Y等 → the named units, with the list marked as open. */
function openList(name: string, text: string, j: JurisdictionIndex | null, jurisdiction: string | null, directory: Directory): UnitResolution | null {
  const at = text.lastIndexOf('等');
  if (at <= 0) return null;
  const tail = text.slice(at + 1);
  if (tail !== '' && !isGenericCollective(tail, j, directory)) return null;
  const members: string[] = [];
  for (const part of text.slice(0, at).split('、')) {
    if (part === '') continue;
    // No open list inside an open list: 有关部门等有关部门等… would otherwise recurse once per 等.
    const named = resolveText(part, part, jurisdiction, directory, false);
    if (named.kind === 'unit' && named.canonical !== null) members.push(named.canonical);
    else if (named.members !== undefined) members.push(...named.members);
  }
  return { name, canonical: members[0] ?? null, kind: 'open', members, jurisdiction, description: OPEN_DESCRIPTION };
}

function resolveText(name: string, text: string, given: string | null, directory: Directory, allowOpen = true): UnitResolution {
  const jurisdiction = ownJurisdiction(text, directory) ?? given;
  const j = jurisdiction === null ? null : jurisdictionIndex(jurisdiction, directory);

  const unit = j === null ? null : findUnit(text, j);
  if (unit !== null) return unitResult(name, unit);

  // A name another jurisdiction writes in full (国家统计局兴安调查队) is that unit, if only one has it.
  const elsewhere = directory.exactAll.get(text);
  if (elsewhere !== undefined && elsewhere.length === 1) return unitResult(name, elsewhere[0]!);

  const open = allowOpen ? openList(name, text, j, jurisdiction, directory) : null;
  if (open !== null) return open;

  const division = findDivision(text, j, jurisdiction, directory);
  if (division !== null) return divisionResult(name, division.division, division.organ);

  const collective = readDivisionCollective(text, j);
  if (collective !== null) {
    const out: UnitResolution = { name, canonical: divisionCollectiveName(collective), kind: 'collective', jurisdiction };
    const members = divisionMembers(collective, jurisdiction);
    if (members !== null) out.members = members;
    else out.description = jurisdiction === null ? NO_JURISDICTION : NO_SUBDIVISIONS;
    if (collective.organ !== null) out.organ = collective.organ;
    return out;
  }

  if (isGenericCollective(text, j, directory)) {
    return { name, canonical: text, kind: 'collective', jurisdiction, description: GENERIC_DESCRIPTION };
  }
  return { name, canonical: null, kind: 'unknown', jurisdiction };
}

/**
 * What a unit name stands for in a jurisdiction of `directory` (lookup.ts's resolveUnit is this
 * with the built-in directory by default; compiling a directory resolves in the one being built).
 */
export function resolveIn(name: string, jurisdiction: string | null, directory: Directory): UnitResolution {
  const text = normalizeName(name);
  const given = jurisdiction === null ? null : normalizeName(jurisdiction);
  if (text === '') return { name, canonical: null, kind: 'unknown', jurisdiction: given };
  return resolveText(name, text, given, directory);
}
