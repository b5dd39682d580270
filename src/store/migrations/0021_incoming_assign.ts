import { type ColumnDefinitionBuilder, type Migration } from 'kysely';
import type { AnyDb } from './any-db.ts';
import type { Dialect } from './dialect.ts';

/**
 * 分办, 承办, 催办, 答复 and 办结 of incoming documents. Each unit a registration is assigned to is a
 * row of incoming_assignments (主办 or 协办, its deadline and where the deadline came from, 签收 and
 * 答复 with who and when); each 催办 a row of incoming_urges — the scheduler's one automatic 催办
 * per assignment carries auto_key, unique, so no restart or second server issues it twice. The
 * registration keeps the 督办 ledger its 分办 opened (ledger_id) and who closed it (办结). Rows
 * change state, none is deleted; the audit trail holds every change's before and after.
 */
export function migration(dialect: Dialect): Migration {
  const id = (c: ColumnDefinitionBuilder) =>
    dialect === 'sqlite' ? c.primaryKey().autoIncrement() : c.primaryKey().generatedByDefaultAsIdentity();
  return {
    async up(db: AnyDb) {
      await db.schema.alterTable('incoming_documents').addColumn('ledger_id', 'integer').execute();
      await db.schema.alterTable('incoming_documents').addColumn('concluded_at', 'text').execute();
      await db.schema.alterTable('incoming_documents').addColumn('concluded_by', 'text').execute();
      await db.schema.alterTable('incoming_documents').addColumn('conclusion', 'text').execute();

      await db.schema
        .createTable('incoming_assignments')
        .addColumn('id', 'integer', id)
        .addColumn('incoming_id', 'integer', (c) => c.notNull().references('incoming_documents.id'))
        .addColumn('seq', 'integer', (c) => c.notNull())
        .addColumn('unit', 'text', (c) => c.notNull())
        .addColumn('role', 'text', (c) => c.notNull())
        .addColumn('state', 'text', (c) => c.notNull())
        .addColumn('deadline', 'text', (c) => c.notNull())
        .addColumn('deadline_source', 'text', (c) => c.notNull())
        .addColumn('assigned_at', 'text', (c) => c.notNull())
        .addColumn('assigned_by', 'text', (c) => c.notNull())
        .addColumn('accepted_at', 'text')
        .addColumn('accepted_by', 'text')
        .addColumn('replied_at', 'text')
        .addColumn('replied_by', 'text')
        .addColumn('reply', 'text')
        .execute();
      await db.schema.createIndex('incoming_assignments_incoming').on('incoming_assignments').columns(['incoming_id', 'seq']).execute();
      await db.schema.createIndex('incoming_assignments_unit').on('incoming_assignments').columns(['unit', 'state']).execute();

      await db.schema
        .createTable('incoming_urges')
        .addColumn('id', 'integer', id)
        .addColumn('assignment_id', 'integer', (c) => c.notNull().references('incoming_assignments.id'))
        .addColumn('at', 'text', (c) => c.notNull())
        .addColumn('by', 'text', (c) => c.notNull())
        .addColumn('auto_key', 'text')
        .execute();
      await db.schema.createIndex('incoming_urges_assignment').on('incoming_urges').column('assignment_id').execute();
      await db.schema.createIndex('incoming_urges_auto').on('incoming_urges').column('auto_key').unique().execute();
    },
    async down(db: AnyDb) {
      await db.schema.dropTable('incoming_urges').execute();
      await db.schema.dropTable('incoming_assignments').execute();
      for (const c of ['conclusion', 'concluded_by', 'concluded_at', 'ledger_id']) await db.schema.alterTable('incoming_documents').dropColumn(c).execute();
    },
  };
}
