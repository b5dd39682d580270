// One jurisdiction of the directory → the maps its unit names are looked up in: full names and
// aliases, the names after the level prefix (住建局 for 通辽市住房和城乡建设局), party and
// government units apart, and the prefixes to strip. Used when a directory is compiled, and by
// resolution for a jurisdiction the directory has no units for (赤峰市: prefixes only).
import { divisionsNamed, shortDivisionName } from './divisions.ts';
import { DirectoryError } from './errors.ts';
import { normalizeName } from './normalize.ts';
import { levelPrefixesOf } from './prefixes.ts';
import type { DirectoryUnit, JurisdictionEntry, JurisdictionIndex, StripPrefix, UnitEntry } from './types.ts';

/** Organ words between a jurisdiction and a department (通辽市人民政府国有资产监督管理委员会). */
const ORGAN_HEADS = ['人民政府', '行政公署'];

function put(map: Map<string, DirectoryUnit>, key: string, unit: DirectoryUnit, where: string): void {
  if (key.length < 1) return;
  const seen = map.get(key);
  if (seen !== undefined && seen !== unit) {
    throw new DirectoryError(`单位目录：${where}的名称“${key}”同时指向“${seen.canonical}”和“${unit.canonical}”，请删去其中一处`);
  }
  map.set(key, unit);
}

/**
 * The names a unit answers to after the level prefix: what its canonical name says after the
 * jurisdiction (住房和城乡建设局), the data's short names, and the conventional short names of
 * each (住建局).
 */
function localNames(entry: UnitEntry, canonical: string, jurisdiction: string, common: ReadonlyMap<string, string[]>): string[] {
  const out = new Set<string>();
  const partyHead = `中共${jurisdiction}委`;
  let rest: string | null = null;
  if (entry.category === 'party' && canonical.startsWith(partyHead)) rest = canonical.slice(partyHead.length);
  else if (entry.category !== 'party' && canonical.startsWith(jurisdiction)) rest = canonical.slice(jurisdiction.length);
  if (rest !== null && rest.length >= 2) {
    out.add(rest);
    for (const head of ORGAN_HEADS) {
      const inner = rest.slice(head.length);
      // Only a known organ name is taken without 人民政府: 办公室 alone would be any office.
      if (rest.startsWith(head) && common.has(inner)) out.add(inner);
    }
  }
  for (const short of entry.short ?? []) out.add(normalizeName(short));
  for (const local of [...out]) for (const short of common.get(local) ?? []) out.add(short);
  return [...out];
}

function stripPrefixes(name: string, prefix: string, partyPrefix: string): StripPrefix[] {
  const list: StripPrefix[] = [
    { text: `中共${name}委员会`, party: true },
    { text: `中共${name}委`, party: true },
    { text: `${name}委`, party: true },
    { text: `${name}党委`, party: true },
    { text: partyPrefix, party: true },
    { text: name, party: false },
    { text: prefix, party: false },
  ];
  const level = divisionsNamed(name).find((d) => d.name === name)?.level;
  const short = level === undefined ? null : shortDivisionName(name, level);
  if (short !== null) list.push({ text: short, party: false });
  const seen = new Set<string>();
  return list.filter((p) => p.text !== '' && !seen.has(p.text) && (seen.add(p.text), true)).sort((a, b) => b.text.length - a.text.length);
}

export function compileJurisdiction(entry: JurisdictionEntry, common: ReadonlyMap<string, string[]>): JurisdictionIndex {
  const name = normalizeName(entry.name);
  const derived = levelPrefixesOf(name);
  const prefix = entry.prefix ?? derived?.prefix;
  const partyPrefix = entry.partyPrefix ?? derived?.partyPrefix;
  if (prefix === undefined || partyPrefix === undefined) {
    throw new DirectoryError(`单位目录：辖区“${name}”的名称看不出级别（市、盟、旗、县……），请写明 prefix 与 partyPrefix`);
  }
  const index: JurisdictionIndex = {
    name,
    prefix,
    partyPrefix,
    direct: entry.prefix === undefined && derived !== null ? derived.direct : `${prefix}直`,
    docNumberCodes: (entry.docNumberCodes ?? []).map(normalizeName),
    units: new Map(),
    exact: new Map(),
    plain: new Map(),
    party: new Map(),
    strip: stripPrefixes(name, prefix, partyPrefix),
  };
  for (const unitEntry of entry.units ?? []) {
    const canonical = normalizeName(unitEntry.name);
    const unit: DirectoryUnit = { canonical, category: unitEntry.category, jurisdiction: name };
    if (unitEntry.note !== undefined) unit.note = unitEntry.note;
    index.units.set(canonical, unit);
    put(index.exact, canonical, unit, `${name} `);
    for (const alias of unitEntry.aliases ?? []) put(index.exact, normalizeName(alias), unit, `${name} `);
    const local = unitEntry.category === 'party' ? index.party : index.plain;
    for (const short of localNames(unitEntry, canonical, name, common)) put(local, short, unit, `${name} `);
  }
  for (const unitEntry of entry.units ?? []) {
    if (unitEntry.successor === undefined) continue;
    const successor = normalizeName(unitEntry.successor);
    if (!index.units.has(successor)) {
      throw new DirectoryError(`单位目录：${name} 的“${unitEntry.name}”的承继单位“${successor}”不在该辖区的单位中`);
    }
    index.units.get(normalizeName(unitEntry.name))!.successor = successor;
  }
  return index;
}
