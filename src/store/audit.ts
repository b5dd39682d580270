// The audit trail: who did what, when, to what, before and after. One writer for every kind of
// event (imports, sign-ins, user changes, reads of non-public documents, and the workflow's
// changes to come), always inside the transaction of the change it records, so that a change and
// its event are written together or not at all. Events are never updated or deleted.
//
// Events form a hash chain (migration 0016): each names the hash of the one before, so that a
// change, deletion, insertion or reordering made behind Duban's back shows (audit-chain.ts
// verifies). The chain has one head, in audit_chain, which writers take in turn: on SQLite every
// write transaction already holds the store's write lock (drivers.ts begins them IMMEDIATE); on
// PostgreSQL the writer takes a transaction-scoped advisory lock before it reads the head, held
// to its commit, so ids and the chain run in the order the events were committed.
import { PostgresAdapter, sql, type Kysely, type Transaction } from 'kysely';
import { chainHashV1 } from './migrations/audit-chain-v1.ts';
import type { Database } from './schema.ts';
import { StoreError } from './store-error.ts';

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

/** The advisory lock of the chain's head (PostgreSQL): the two-key form, a key space of its own (duplicates.ts uses the one-key form). */
const CHAIN_LOCK = sql`pg_advisory_xact_lock(${0x64756261}, 1)`;

/** The form an event's hash is computed by; ../store/migrations/audit-chain-v1.ts. */
export const chainHash = chainHashV1;

const onPostgres = (db: Db) => db.getExecutor().adapter instanceof PostgresAdapter;

export async function recordAudit(db: Db, e: AuditInput): Promise<void> {
  // A caller outside a transaction (a read of a document, a backup) gets one of its own: the head
  // is read and moved in one.
  if (!db.isTransaction) return db.transaction().execute((trx) => recordAudit(trx, e));
  if (onPostgres(db)) await sql`SELECT ${CHAIN_LOCK}`.execute(db);
  const head = await db.selectFrom('audit_chain').select(['hash', 'length']).where('id', '=', 1).executeTakeFirst();
  if (head === undefined) throw new StoreError('审计链的链头记录（audit_chain）不见了，数据库被绕过督办改动过：请运行 duban audit verify 检查，并从备份恢复；本次写入未保存');
  // The hash is computed over the row as the engine returns it, so that it is what a verifier reads.
  const row = await db
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
      prev_hash: head.hash,
    })
    .returning(['id', 'at', 'actor', 'actor_id', 'ip', 'action', 'entity', 'entity_id', 'before', 'after'])
    .executeTakeFirstOrThrow();
  const hash = chainHash(head.hash, row);
  await db.updateTable('audit_events').set({ hash }).where('id', '=', row.id).execute();
  await db.updateTable('audit_chain').set({ last_id: row.id, hash, length: Number(head.length) + 1 }).where('id', '=', 1).execute();
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
