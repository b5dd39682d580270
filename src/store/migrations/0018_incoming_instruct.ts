import { type ColumnDefinitionBuilder, type Migration } from 'kysely';
import type { AnyDb } from './any-db.ts';
import type { Dialect } from './dialect.ts';

/**
 * 拟办, 批示 and 传阅 of incoming documents. The submitted 拟办意见 is kept on the registration
 * (submitted_proposal, JSON text, beside the slip's own `proposal`). Each leader's turn is a row
 * of incoming_instructions (one round per submitted 拟办: a round sent back to the clerk stays,
 * its open turns cancelled); each recipient of a 传阅 a row of incoming_circulations (a recalled
 * one stays, marked recalled); each 提醒 a row of incoming_reminders. Rows change state, none is
 * deleted; the audit trail holds every change's before and after.
 */
export function migration(dialect: Dialect): Migration {
  const id = (c: ColumnDefinitionBuilder) =>
    dialect === 'sqlite' ? c.primaryKey().autoIncrement() : c.primaryKey().generatedByDefaultAsIdentity();
  return {
    async up(db: AnyDb) {
      await db.schema.alterTable('incoming_documents').addColumn('submitted_proposal', 'text').execute();

      await db.schema
        .createTable('incoming_instructions')
        .addColumn('id', 'integer', id)
        .addColumn('incoming_id', 'integer', (c) => c.notNull().references('incoming_documents.id'))
        .addColumn('round', 'integer', (c) => c.notNull())
        .addColumn('seq', 'integer', (c) => c.notNull())
        .addColumn('mode', 'text', (c) => c.notNull())
        .addColumn('leader', 'text', (c) => c.notNull())
        .addColumn('leader_name', 'text', (c) => c.notNull())
        .addColumn('state', 'text', (c) => c.notNull())
        .addColumn('action', 'text')
        .addColumn('text', 'text')
        .addColumn('passed_from', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('acted_at', 'text')
        .execute();
      await db.schema.createIndex('incoming_instructions_incoming').on('incoming_instructions').columns(['incoming_id', 'round', 'seq']).execute();
      await db.schema.createIndex('incoming_instructions_leader').on('incoming_instructions').columns(['leader', 'state']).execute();

      await db.schema
        .createTable('incoming_circulations')
        .addColumn('id', 'integer', id)
        .addColumn('incoming_id', 'integer', (c) => c.notNull().references('incoming_documents.id'))
        .addColumn('recipient_kind', 'text', (c) => c.notNull())
        .addColumn('recipient', 'text', (c) => c.notNull())
        .addColumn('recipient_name', 'text', (c) => c.notNull())
        .addColumn('state', 'text', (c) => c.notNull())
        .addColumn('sent_at', 'text', (c) => c.notNull())
        .addColumn('sent_by', 'text', (c) => c.notNull())
        .addColumn('opened_at', 'text')
        .addColumn('opened_by', 'text')
        .addColumn('read_at', 'text')
        .addColumn('read_by', 'text')
        .addColumn('recalled_at', 'text')
        .addColumn('recalled_by', 'text')
        .execute();
      await db.schema.createIndex('incoming_circulations_incoming').on('incoming_circulations').column('incoming_id').execute();
      await db.schema.createIndex('incoming_circulations_recipient').on('incoming_circulations').columns(['recipient_kind', 'recipient']).execute();

      await db.schema
        .createTable('incoming_reminders')
        .addColumn('id', 'integer', id)
        .addColumn('circulation_id', 'integer', (c) => c.notNull().references('incoming_circulations.id'))
        .addColumn('at', 'text', (c) => c.notNull())
        .addColumn('by', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('incoming_reminders_circulation').on('incoming_reminders').column('circulation_id').execute();
    },
    async down(db: AnyDb) {
      await db.schema.dropTable('incoming_reminders').execute();
      await db.schema.dropTable('incoming_circulations').execute();
      await db.schema.dropTable('incoming_instructions').execute();
      await db.schema.alterTable('incoming_documents').dropColumn('submitted_proposal').execute();
    },
  };
}
