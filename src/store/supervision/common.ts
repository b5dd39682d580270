// What every supervision command shares: who acts and when, the audit event, the version check
// that stops a stale edit, and resolving a unit's name against the directory.
import type { Kysely, Selectable, Transaction } from 'kysely';
import type { IsoDate } from '../../calendar/index.ts';
import { notFound, staleVersion } from '../../workflow/errors.ts';
import type { UnitLookup } from '../../workflow/draft.ts';
import type { ItemFacts } from '../../workflow/types.ts';
import { recordAudit, type Actor } from '../audit.ts';
import type { Database, SupervisionItemTable } from '../schema.ts';
import { loadItemFacts } from '../supervision-facts.ts';

export type Db = Kysely<Database>;
export type Trx = Transaction<Database>;

/** Who acts, when, and for which unit (a unit user acts for one unit; the office for none). */
export interface Command {
  actor: Actor;
  now: Date;
  /** Today in Beijing (the clock's day). */
  today: IsoDate;
  /** The canonical unit of a unit user; null for everyone who sees every unit. */
  unit: string | null;
}

/** A unit's name resolved against the directory (units.ts). */
export type ResolveUnit = (name: string) => UnitLookup;

export const at = (c: Command) => c.now.toISOString();

export async function audit(trx: Trx, c: Command, action: string, entity: string, entityId: number, before: unknown, after: unknown): Promise<void> {
  await recordAudit(trx, { at: c.now, actor: c.actor, action, entity, entityId, before, after });
}

export async function itemRow(trx: Trx | Db, id: number): Promise<Selectable<SupervisionItemTable>> {
  const row = await trx.selectFrom('supervision_items').selectAll().where('id', '=', id).executeTakeFirst();
  if (row === undefined) throw notFound();
  return row;
}

export async function itemFacts(trx: Trx | Db, id: number): Promise<ItemFacts> {
  const [facts] = await loadItemFacts(trx, [id]);
  if (facts === undefined) throw notFound();
  return facts;
}

/** A unit user may touch only items that name their unit; to them another unit's item does not exist. */
export function checkVisible(facts: ItemFacts, unit: string | null): void {
  if (unit !== null && !facts.units.some((u) => u.canonical === unit)) throw notFound();
}

/**
 * Writes an item's changed columns, bumping its version. With `expected`, a version other than
 * the one the person saw is refused: someone changed the item in between.
 */
export async function updateItem(trx: Trx, c: Command, row: Selectable<SupervisionItemTable>, patch: Partial<Selectable<SupervisionItemTable>>, expected?: number): Promise<void> {
  if (expected !== undefined && expected !== row.version) throw staleVersion();
  const result = await trx
    .updateTable('supervision_items')
    .set({ ...patch, updated_at: at(c), version: row.version + 1 })
    .where('id', '=', row.id)
    .where('version', '=', row.version)
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) !== 1) throw staleVersion();
}

/** What an item's audit events record of it before and after a change. */
export function itemSnapshot(f: ItemFacts): Record<string, unknown> {
  return {
    text: f.text,
    state: f.state,
    deadline: f.deadline,
    originalDeadline: f.originalDeadline,
    deadlineText: f.deadlineText,
    cycle: f.cycle,
    units: f.units.map((u) => ({ role: u.role, name: u.name, canonical: u.canonical, signedAt: u.signedAt })),
  };
}

/**
 * A change, one transaction: load, check, apply, write, audit; or nothing at all. Called inside a
 * transaction already (分办 of a 收文 opens its ledger in its own transaction), it joins that one.
 */
export function inTransaction<T>(db: Db | Trx, work: (trx: Trx) => Promise<T>): Promise<T> {
  if (db.isTransaction) return work(db as Trx);
  return db.transaction().execute(work);
}
