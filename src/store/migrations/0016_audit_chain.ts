import { sql, type Migration } from 'kysely';
import type { AnyDb } from './any-db.ts';
import { chainHashV1, GENESIS_V1, type ChainedFieldsV1 } from './audit-chain-v1.ts';
import type { Dialect } from './dialect.ts';

/**
 * Audit events are chained: each carries the hash of the event before it (`prev_hash`) and its
 * own `hash` = SHA-256(prev_hash + canonical form), by audit-chain-v1.ts, so that changing,
 * deleting, inserting or reordering an event breaks the chain where it happened. `prev_hash`
 * is unique: two writers can never both extend the chain from the same event (a fork).
 * `audit_chain` holds the chain's head (its last event, hash and length) in one row: writers
 * take it in turn, and an event deleted from the end is missed by the head.
 *
 * The events a store already holds are chained here in id order, as they stand today: the chain
 * vouches for them from this migration on, not for what happened to them before.
 */
export function migration(dialect: Dialect): Migration {
  const up = async (db: AnyDb) => {
    await db.schema.alterTable('audit_events').addColumn('prev_hash', 'text').execute();
    await db.schema.alterTable('audit_events').addColumn('hash', 'text').execute();
    await db.schema
      .createTable('audit_chain')
      .addColumn('id', 'integer', (c) => c.primaryKey())
      .addColumn('last_id', 'integer')
      .addColumn('hash', 'text', (c) => c.notNull())
      .addColumn('length', 'integer', (c) => c.notNull())
      .execute();
    const head = await chainExisting(db, dialect);
    await db.insertInto('audit_chain').values({ id: 1, last_id: head.lastId, hash: head.hash, length: head.length }).execute();
    await db.schema.createIndex('audit_events_prev_hash').on('audit_events').column('prev_hash').unique().execute();
  };
  return {
    // One transaction, so that a process killed while the events are chained leaves the store as
    // before 0016 (PostgreSQL's migrator runs inside one already, which this joins).
    up: (db: AnyDb) => (db.isTransaction ? up(db) : db.transaction().execute(up)),
    async down(db: AnyDb) {
      await db.schema.dropIndex('audit_events_prev_hash').execute();
      await db.schema.dropTable('audit_chain').execute();
      await db.schema.alterTable('audit_events').dropColumn('hash').execute();
      await db.schema.alterTable('audit_events').dropColumn('prev_hash').execute();
    },
  };
}

const BATCH = 1000;

/** Chains the stored events in id order, a batch at a time; the chain's head. */
async function chainExisting(db: AnyDb, dialect: Dialect): Promise<{ lastId: number | null; hash: string; length: number }> {
  let prev = GENESIS_V1;
  let lastId: number | null = null;
  let length = 0;
  for (;;) {
    let q = db.selectFrom('audit_events').select(['id', 'at', 'actor', 'actor_id', 'ip', 'action', 'entity', 'entity_id', 'before', 'after']);
    if (lastId !== null) q = q.where('id', '>', lastId);
    const rows = (await q.orderBy('id').limit(BATCH).execute()) as ChainedFieldsV1[];
    if (rows.length === 0) break;
    const links = rows.map((row) => {
      const hash = chainHashV1(prev, row);
      const link = { id: Number(row.id), prev, hash };
      prev = hash;
      return link;
    });
    if (dialect === 'postgres') {
      const values = sql.join(links.map((l) => sql`(${l.id}::integer, ${l.prev}::text, ${l.hash}::text)`));
      await sql`UPDATE audit_events AS a SET prev_hash = v.prev_hash, hash = v.hash FROM (VALUES ${values}) AS v(id, prev_hash, hash) WHERE a.id = v.id`.execute(db);
    } else {
      // One prepared statement, run per row: SQLite runs it in microseconds inside the transaction.
      for (const l of links) await db.updateTable('audit_events').set({ prev_hash: l.prev, hash: l.hash }).where('id', '=', l.id).execute();
    }
    lastId = links[links.length - 1]!.id;
    length += links.length;
  }
  return { lastId, hash: prev, length };
}
