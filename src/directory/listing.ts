// The directory as a list of units, for people: the 单位 page, and the units a unit user can be
// bound to (the organs of every jurisdiction and the departments of every receiving office).
import type { Directory, UnitCategory } from './types.ts';

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
  for (const r of directory.receivers.values()) {
    for (const u of r.units) out.push({ name: u, aliases: [], category: 'receiver', jurisdiction: r.name });
  }
  return out;
}

/** True when `name` is a canonical unit of the directory (an organ or a receiving office's department). */
export function isKnownUnit(directory: Directory, name: string): boolean {
  for (const j of directory.jurisdictions.values()) if (j.units.has(name)) return true;
  for (const r of directory.receivers.values()) if (r.units.includes(name)) return true;
  return false;
}
