// Several directory files become one: the built-in data first, then an office's own file,
// which may add jurisdictions, units, names of existing units and receivers. Later files add
// names and may change a unit's category, successor or note; they never remove anything.
import type { DirectoryFile, JurisdictionEntry, ReceiverEntry, UnitEntry } from './types.ts';
import { normalizeName } from './normalize.ts';

function union(a: readonly string[] | undefined, b: readonly string[] | undefined): string[] | undefined {
  if (a === undefined && b === undefined) return undefined;
  return [...new Set([...(a ?? []), ...(b ?? [])])];
}

function mergeUnit(a: UnitEntry, b: UnitEntry): UnitEntry {
  const merged: UnitEntry = { name: a.name, category: b.category };
  const short = union(a.short, b.short);
  const aliases = union(a.aliases, b.aliases);
  if (short !== undefined) merged.short = short;
  if (aliases !== undefined) merged.aliases = aliases;
  const successor = b.successor ?? a.successor;
  const note = b.note ?? a.note;
  if (successor !== undefined) merged.successor = successor;
  if (note !== undefined) merged.note = note;
  return merged;
}

function mergeJurisdiction(a: JurisdictionEntry, b: JurisdictionEntry): JurisdictionEntry {
  const units = new Map<string, UnitEntry>();
  for (const unit of [...(a.units ?? []), ...(b.units ?? [])]) {
    const key = normalizeName(unit.name);
    const seen = units.get(key);
    units.set(key, seen === undefined ? unit : mergeUnit(seen, unit));
  }
  const merged: JurisdictionEntry = { name: a.name, units: [...units.values()] };
  const prefix = b.prefix ?? a.prefix;
  const partyPrefix = b.partyPrefix ?? a.partyPrefix;
  const codes = union(a.docNumberCodes, b.docNumberCodes);
  if (prefix !== undefined) merged.prefix = prefix;
  if (partyPrefix !== undefined) merged.partyPrefix = partyPrefix;
  if (codes !== undefined) merged.docNumberCodes = codes;
  return merged;
}

function mergeReceiver(a: ReceiverEntry, b: ReceiverEntry): ReceiverEntry {
  return { name: a.name, sender: b.sender, units: union(a.units, b.units) ?? [], map: { ...a.map, ...b.map } };
}

function mergeLists(a: Record<string, string[]> | undefined, b: Record<string, string[]> | undefined): Record<string, string[]> | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  const out: Record<string, string[]> = { ...a };
  for (const [key, list] of Object.entries(b)) out[key] = union(out[key], list) ?? [];
  return out;
}

function byName<T extends { name: string }>(lists: (T[] | undefined)[], merge: (a: T, b: T) => T): T[] {
  const out = new Map<string, T>();
  for (const list of lists) {
    for (const item of list ?? []) {
      const key = normalizeName(item.name);
      const seen = out.get(key);
      out.set(key, seen === undefined ? item : merge(seen, item));
    }
  }
  return [...out.values()];
}

/** One file holding everything the given files say, in their order. */
export function mergeDirectoryFiles(files: readonly DirectoryFile[]): DirectoryFile {
  let commonShortNames: Record<string, string[]> | undefined;
  let countyShortNames: Record<string, string[]> | undefined;
  const prefixes: string[] = [];
  const suffixes: string[] = [];
  const names: string[] = [];
  for (const file of files) {
    commonShortNames = mergeLists(commonShortNames, file.commonShortNames);
    countyShortNames = mergeLists(countyShortNames, file.countyShortNames);
    prefixes.push(...(file.genericCollectives?.prefixes ?? []));
    suffixes.push(...(file.genericCollectives?.suffixes ?? []));
    names.push(...(file.genericCollectives?.names ?? []));
  }
  return {
    jurisdictions: byName(files.map((f) => f.jurisdictions), mergeJurisdiction),
    receivers: byName(files.map((f) => f.receivers), mergeReceiver),
    commonShortNames: commonShortNames ?? {},
    countyShortNames: countyShortNames ?? {},
    genericCollectives: { prefixes: [...new Set(prefixes)], suffixes: [...new Set(suffixes)], names: [...new Set(names)] },
  };
}
