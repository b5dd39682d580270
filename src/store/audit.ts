// The audit trail: who did what, when, to what, before and after. One writer for every kind of
// event (imports, sign-ins, user changes, reads of non-public documents, and the workflow's
// changes to come), always inside the transaction of the change it records, so that a change and
// its event are written together or not at all. Events are never updated or deleted.
import type { Kysely, Transaction } from 'kysely';
import type { Database } from './schema.ts';

type Db = Kysely<Database> | Transaction<Database>;

export interface Actor {
  /** The user name, or `import` (the command line), `system`. */
  name: string;
  id?: number | null;
  ip?: string | null;
}

export interface AuditInput {
  at: Date;
  actor: Actor;
  action: string;
  entity: string;
  entityId?: number | null;
  before?: unknown;
  after?: unknown;
}

const asJson = (v: unknown) => (v === undefined || v === null ? null : JSON.stringify(v));

export async function recordAudit(db: Db, e: AuditInput): Promise<void> {
  await db
    .insertInto('audit_events')
    .values({
      at: e.at.toISOString(),
      actor: e.actor.name,
      actor_id: e.actor.id ?? null,
      ip: e.actor.ip ?? null,
      action: e.action,
      entity: e.entity,
      entity_id: e.entityId ?? null,
      before: asJson(e.before),
      after: asJson(e.after),
    })
    .execute();
}

export interface AuditFilter {
  actor?: string;
  action?: string;
  entity?: string;
  /** ISO instants: from inclusive, to exclusive. */
  from?: string;
  to?: string;
  limit: number;
  offset: number;
}

export interface AuditView {
  id: number;
  at: string;
  actor: string;
  actorId: number | null;
  action: string;
  entity: string;
  entityId: number | null;
  before: unknown;
  after: unknown;
  ip: string | null;
}

const parsed = (v: string | null): unknown => (v === null ? null : (JSON.parse(v) as unknown));

export async function listAudit(db: Db, f: AuditFilter): Promise<{ items: AuditView[]; total: number }> {
  let q = db.selectFrom('audit_events');
  if (f.actor) q = q.where('actor', '=', f.actor);
  if (f.action) q = q.where('action', '=', f.action);
  if (f.entity) q = q.where('entity', '=', f.entity);
  if (f.from) q = q.where('at', '>=', f.from);
  if (f.to) q = q.where('at', '<', f.to);
  const total = await q.select((eb) => eb.fn.countAll<number | string>().as('n')).executeTakeFirstOrThrow();
  const rows = await q.selectAll().orderBy('id', 'desc').limit(f.limit).offset(f.offset).execute();
  return {
    total: Number(total.n),
    items: rows.map((r) => ({
      id: r.id,
      at: r.at,
      actor: r.actor,
      actorId: r.actor_id,
      action: r.action,
      entity: r.entity,
      entityId: r.entity_id,
      before: parsed(r.before),
      after: parsed(r.after),
      ip: r.ip,
    })),
  };
}

/** The actions recorded so far, for the audit page's filter. */
export async function auditActions(db: Db): Promise<string[]> {
  const rows = await db.selectFrom('audit_events').select('action').distinct().orderBy('action').execute();
  return rows.map((r) => r.action);
}
