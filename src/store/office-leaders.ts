// The leaders' table an administrator keeps (office_leaders, migration 0013): each leader's name
// as Duban users know them, title, the areas of work they oversee (分管领域: what the 拟办 draft
// matches a document against) and the units they oversee (分管单位: whom the 督办单 copies). Saving
// replaces the table as a whole, in one transaction with its audit event: a leader left out is
// marked inactive, never deleted.
import type { Transaction } from 'kysely';
import type { Clock } from '../calendar/clock.ts';
import { recordAudit, type Actor } from './audit.ts';
import type { Store } from './open.ts';
import type { Database } from './schema.ts';

export interface OfficeLeader {
  id: number;
  name: string;
  title: string;
  areas: string[];
  units: string[];
}

export type OfficeLeaderInput = Omit<OfficeLeader, 'id'> & { id?: number | null };

type Db = Store['db'];

/** A table the administrator sent that cannot be saved, for them to read (Chinese). */
export class OfficeLeadersError extends Error {
  override name = 'OfficeLeadersError';
}

export async function listOfficeLeaders(db: Db | Transaction<Database>): Promise<OfficeLeader[]> {
  const rows = await db.selectFrom('office_leaders').selectAll().where('active', '=', 1).orderBy('seq').orderBy('id').execute();
  return rows.map((r) => ({ id: r.id, name: r.name, title: r.title, areas: JSON.parse(r.areas) as string[], units: JSON.parse(r.units) as string[] }));
}

const clean = (list: readonly string[]) => [...new Set(list.map((s) => s.trim()).filter((s) => s !== ''))];

/** The table as the administrator saved it, in their order; refused (Chinese) for a nameless or repeated leader. */
export async function saveOfficeLeaders(store: Store, leaders: readonly OfficeLeaderInput[], options: { actor: Actor; clock: Clock }): Promise<OfficeLeader[]> {
  const seen = new Set<string>();
  for (const l of leaders) {
    const name = l.name.trim();
    if (name === '') throw new OfficeLeadersError('领导姓名不能为空');
    if (seen.has(name)) throw new OfficeLeadersError(`领导“${name}”写了两次`);
    seen.add(name);
  }
  return store.db.transaction().execute(async (trx) => {
    const before = await listOfficeLeaders(trx);
    const at = options.clock.now().toISOString();
    const kept = new Set<number>();
    for (const [i, l] of leaders.entries()) {
      const values = { name: l.name.trim(), title: l.title.trim(), seq: i + 1, areas: JSON.stringify(clean(l.areas)), units: JSON.stringify(clean(l.units)), active: 1, updated_at: at };
      const existing = l.id === undefined || l.id === null ? undefined : await trx.selectFrom('office_leaders').select('id').where('id', '=', l.id).executeTakeFirst();
      if (l.id !== undefined && l.id !== null && existing === undefined) throw new OfficeLeadersError(`没有编号为 ${l.id} 的领导`);
      if (existing) {
        await trx.updateTable('office_leaders').set(values).where('id', '=', existing.id).execute();
        kept.add(existing.id);
      } else {
        const row = await trx.insertInto('office_leaders').values(values).returning('id').executeTakeFirstOrThrow();
        kept.add(row.id);
      }
    }
    for (const b of before) if (!kept.has(b.id)) await trx.updateTable('office_leaders').set({ active: 0, updated_at: at }).where('id', '=', b.id).execute();
    const after = await listOfficeLeaders(trx);
    await recordAudit(trx, { at: options.clock.now(), actor: options.actor, action: 'office-leaders-save', entity: 'office_leaders', before, after });
    return after;
  });
}
