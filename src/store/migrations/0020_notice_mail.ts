import { type ColumnDefinitionBuilder, type Migration } from 'kysely';
import type { AnyDb } from './any-db.ts';
import type { Dialect } from './dialect.ts';

/**
 * Mail of 督办文书. `unit_mailboxes` holds each unit's address for notices as a history: setting a
 * new one (or none) marks the current row replaced and adds a row, so nothing is deleted and the
 * address a notice went to can be traced. `notice_mail` logs every attempt to mail a notice (the
 * address, when, sent or the server's refusal); supervision_notices.mailed_at (0013) marks the
 * notice delivered.
 */
export function migration(dialect: Dialect): Migration {
  const id = (c: ColumnDefinitionBuilder) =>
    dialect === 'sqlite' ? c.primaryKey().autoIncrement() : c.primaryKey().generatedByDefaultAsIdentity();
  return {
    async up(db: AnyDb) {
      await db.schema
        .createTable('unit_mailboxes')
        .addColumn('id', 'integer', id)
        .addColumn('unit', 'text', (c) => c.notNull())
        .addColumn('address', 'text')
        .addColumn('set_at', 'text', (c) => c.notNull())
        .addColumn('set_by', 'text', (c) => c.notNull())
        .addColumn('replaced_at', 'text')
        .execute();
      await db.schema.createIndex('unit_mailboxes_unit').on('unit_mailboxes').columns(['unit', 'replaced_at']).execute();

      await db.schema
        .createTable('notice_mail')
        .addColumn('id', 'integer', id)
        .addColumn('notice_id', 'integer', (c) => c.notNull().references('supervision_notices.id'))
        .addColumn('address', 'text', (c) => c.notNull())
        .addColumn('attempted_at', 'text', (c) => c.notNull())
        .addColumn('sent', 'integer', (c) => c.notNull())
        .addColumn('error', 'text')
        .execute();
      await db.schema.createIndex('notice_mail_notice').on('notice_mail').column('notice_id').execute();
    },
    async down(db: AnyDb) {
      await db.schema.dropTable('notice_mail').execute();
      await db.schema.dropTable('unit_mailboxes').execute();
    },
  };
}
