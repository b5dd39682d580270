// Unit lookups as callers use them: in the built-in directory unless they pass one. Apart from
// resolve.ts because compiling a directory resolves names too (a receiver's mapping, in the
// directory being compiled), and the built-in directory is compiled: resolution itself must not
// depend on loading it.
import { defaultDirectory } from './load.ts';
import { resolveIn } from './resolve.ts';
import type { Directory, UnitResolution } from './types.ts';

/**
 * What a unit name stands for in a jurisdiction (通辽市, 兴安盟 …; null when unknown). The name
 * is taken as written, with the level prefix its list implies (市住建局, 盟委组织部,
 * 各旗县市区人民政府); traditional characters are converted first.
 */
export function resolveUnit(name: string, jurisdiction: string | null, directory: Directory = defaultDirectory()): UnitResolution {
  return resolveIn(name, jurisdiction, directory);
}

/**
 * resolveUnit for one document's jurisdiction, remembering each name: a document names the same
 * few dozen units over and over, and extraction should not pay for them again.
 */
export function unitResolver(jurisdiction: string | null, directory: Directory = defaultDirectory()): (name: string) => UnitResolution {
  const seen = new Map<string, UnitResolution>();
  return (name) => {
    let found = seen.get(name);
    if (found === undefined) {
      found = resolveIn(name, jurisdiction, directory);
      seen.set(name, found);
    }
    return { ...found, ...(found.members === undefined ? {} : { members: [...found.members] }) };
  };
}
