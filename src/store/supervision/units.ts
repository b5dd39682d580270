// Names of units, as people and documents write them, against the directory: a unit's canonical
// name, a collective's members, or nothing (the office must name the unit before 交办).
import { isKnownUnit, resolveUnit, type Directory } from '../../directory/index.ts';
import type { UnitLookup } from '../../workflow/draft.ts';

export function unitLookup(directory: Directory, jurisdiction: string | null): (name: string) => UnitLookup {
  const seen = new Map<string, UnitLookup>();
  return (name) => {
    let found = seen.get(name);
    if (found === undefined) {
      found = lookupOnce(directory, jurisdiction, name);
      seen.set(name, found);
    }
    return found;
  };
}

function lookupOnce(directory: Directory, jurisdiction: string | null, name: string): UnitLookup {
  // A canonical name typed or picked from the directory's list is itself.
  if (isKnownUnit(directory, name)) return { canonical: name };
  const r = resolveUnit(name, jurisdiction, directory);
  if (r.kind === 'unit') return { canonical: r.canonical };
  if (r.kind === 'collective' && r.members !== undefined && r.members.length > 0) return { canonical: null, members: r.members };
  if (r.kind === 'open' || r.kind === 'collective') return { canonical: null, open: true };
  return { canonical: null };
}
