import { type ColumnDefinitionBuilder, type Migration } from 'kysely';
import type { AnyDb } from './any-db.ts';
import type { Dialect } from './dialect.ts';

/**
 * 收文登记: incoming documents (one row per registration) and the 运转号 counters, one row per
 * series (（党）, （政） …) and year, which a registration bumps in its own transaction so that the
 * numbers of a series neither repeat nor skip. A registration names the stored document by id
 * (document_id, no foreign key: the library may replace the document on re-import) and keeps the
 * slip's fields as registered, later steps changing them only with an audit event. Nothing is
 * deleted: a document sent back at 初审 stays, in state returned. JSON values are text.
 */
export function migration(dialect: Dialect): Migration {
  const id = (c: ColumnDefinitionBuilder) =>
    dialect === 'sqlite' ? c.primaryKey().autoIncrement() : c.primaryKey().generatedByDefaultAsIdentity();
  return {
    async up(db: AnyDb) {
      await db.schema
        .createTable('incoming_serials')
        .addColumn('series', 'text', (c) => c.notNull())
        .addColumn('year', 'integer', (c) => c.notNull())
        .addColumn('last', 'integer', (c) => c.notNull())
        .addPrimaryKeyConstraint('incoming_serials_pk', ['series', 'year'])
        .execute();

      await db.schema
        .createTable('incoming_documents')
        .addColumn('id', 'integer', id)
        .addColumn('series', 'text', (c) => c.notNull())
        .addColumn('year', 'integer', (c) => c.notNull())
        .addColumn('serial', 'integer', (c) => c.notNull())
        .addColumn('serial_label', 'text', (c) => c.notNull())
        .addColumn('channel', 'text')
        .addColumn('from_unit', 'text')
        .addColumn('doc_number', 'text')
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('secrecy', 'text')
        .addColumn('urgency', 'text')
        .addColumn('received_on', 'text', (c) => c.notNull())
        .addColumn('received_at', 'text', (c) => c.notNull())
        .addColumn('signed_on', 'text')
        .addColumn('openness', 'text')
        .addColumn('attachments', 'text', (c) => c.notNull().defaultTo('[]'))
        .addColumn('leader_instruction', 'text')
        .addColumn('office_opinion', 'text')
        .addColumn('handler', 'text')
        .addColumn('reviewer', 'text')
        .addColumn('office', 'text')
        .addColumn('phone', 'text')
        .addColumn('proposal', 'text')
        .addColumn('kind', 'text')
        .addColumn('state', 'text', (c) => c.notNull())
        .addColumn('state_note', 'text')
        .addColumn('document_id', 'integer')
        .addColumn('file_name', 'text', (c) => c.notNull())
        .addColumn('file_hash', 'text', (c) => c.notNull())
        .addColumn('match_key', 'text')
        .addColumn('fingerprint', 'text')
        .addColumn('duplicate_of', 'integer', (c) => c.references('incoming_documents.id'))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('created_by', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
        .addUniqueConstraint('incoming_documents_serial', ['series', 'year', 'serial'])
        .execute();
      await db.schema.createIndex('incoming_documents_match_key').on('incoming_documents').column('match_key').execute();
      await db.schema.createIndex('incoming_documents_fingerprint').on('incoming_documents').column('fingerprint').execute();
      await db.schema.createIndex('incoming_documents_state').on('incoming_documents').column('state').execute();
    },
    async down(db: AnyDb) {
      await db.schema.dropTable('incoming_documents').execute();
      await db.schema.dropTable('incoming_serials').execute();
    },
  };
}
