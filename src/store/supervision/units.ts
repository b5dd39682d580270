// Names of units, as people and documents write them, against the directory: a unit's canonical
// name, a collective's members, or nothing (the office must name the unit before 交办).
import { DIVISION_ORGAN, isKnownUnit, jurisdictionOf, resolveUnit, type Directory } from '../../directory/index.ts';
import type { UnitLookup } from '../../workflow/draft.ts';
import type { Db, Trx } from './common.ts';

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
  // A county-level division named as a unit (科尔沁区, 科尔沁区人民政府, 科左中旗) is its government,
  // named as the members of 各旗县市区人民政府 are, so both readings reach the same unit user.
  if (r.kind === 'unit' && r.category === 'division' && r.canonical !== null) return { canonical: `${r.canonical}${DIVISION_ORGAN}` };
  if (r.kind === 'unit') return { canonical: r.canonical };
  // 各旗县市区人民政府 → each division's 人民政府: the directory knows the divisions, and each of
  // their governments answers for the item on its own.
  // A collective that names no organ (各旗县市区) means the governments too.
  if (r.kind === 'collective' && r.members !== undefined && r.members.length > 0) {
    const organ = r.organ ?? DIVISION_ORGAN;
    return { canonical: null, members: r.members.map((m) => (m.endsWith(organ) ? m : m + organ)) };
  }
  if (r.kind === 'open' || r.kind === 'collective') return { canonical: null, open: true };
  return { canonical: null };
}

/**
 * Names typed for a ledger's items are read where its document speaks (市住建局 of a city's
 * notice is that city's); a ledger of an instruction or a meeting takes the directory's own names.
 */
export async function ledgerUnitLookup(db: Db | Trx, directory: Directory, ledgerId: number): Promise<(name: string) => UnitLookup> {
  const doc = await db
    .selectFrom('supervision_ledgers as l')
    .innerJoin('documents as d', 'd.id', 'l.document_id')
    .select(['d.issuers', 'd.doc_number'])
    .where('l.id', '=', ledgerId)
    .executeTakeFirst();
  const jurisdiction = doc === undefined ? null : jurisdictionOf(JSON.parse(doc.issuers) as string[], doc.doc_number, directory);
  return unitLookup(directory, jurisdiction);
}
