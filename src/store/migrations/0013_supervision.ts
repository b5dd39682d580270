import { type ColumnDefinitionBuilder, type Migration } from 'kysely';
import type { AnyDb } from './any-db.ts';
import type { Dialect } from './dialect.ts';

/**
 * 督查督办: ledgers (台账) of items, each item's units, progress reports with their attachments,
 * extension requests, the 三单一函 notices, monthly bulletins, the office's rules and the
 * scheduler's record of the days it ran for; and the table of leaders' areas (for 收文's 拟办).
 *
 * Nothing here is deleted in place: an item ends as dropped or terminated, an extension keeps the
 * deadline it replaced, a bulletin keeps its snapshot. A ledger names its document by id and by
 * the document's identity key (document_key), with no foreign key: a re-import that replaces the
 * document finds its ledger again by key. JSON values are text on both engines.
 */
export function migration(dialect: Dialect): Migration {
  const id = (c: ColumnDefinitionBuilder) =>
    dialect === 'sqlite' ? c.primaryKey().autoIncrement() : c.primaryKey().generatedByDefaultAsIdentity();
  const bytes = dialect === 'sqlite' ? 'blob' : 'bytea';
  return {
    async up(db: AnyDb) {
      await db.schema
        .createTable('supervision_ledgers')
        .addColumn('id', 'integer', id)
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('source_kind', 'text', (c) => c.notNull())
        .addColumn('document_id', 'integer')
        .addColumn('document_key', 'text')
        .addColumn('source_note', 'text')
        .addColumn('state', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('created_by', 'text', (c) => c.notNull())
        .addColumn('issued_at', 'text')
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('supervision_ledgers_document').on('supervision_ledgers').column('document_key').execute();

      await db.schema
        .createTable('supervision_items')
        .addColumn('id', 'integer', id)
        .addColumn('ledger_id', 'integer', (c) => c.notNull().references('supervision_ledgers.id'))
        .addColumn('key', 'text', (c) => c.notNull())
        .addColumn('seq', 'integer', (c) => c.notNull())
        .addColumn('text', 'text', (c) => c.notNull())
        .addColumn('source_text', 'text')
        .addColumn('source_path', 'text', (c) => c.notNull().defaultTo('[]'))
        .addColumn('source_line', 'integer')
        .addColumn('source_task_id', 'integer')
        .addColumn('state', 'text', (c) => c.notNull())
        .addColumn('deadline', 'text')
        .addColumn('original_deadline', 'text')
        .addColumn('deadline_text', 'text')
        .addColumn('targets', 'text', (c) => c.notNull().defaultTo('[]'))
        .addColumn('cycle', 'text', (c) => c.notNull().defaultTo('{"kind":"none"}'))
        .addColumn('issued_on', 'text')
        .addColumn('claimed_on', 'text')
        .addColumn('done_on', 'text')
        .addColumn('state_note', 'text')
        .addColumn('review_note', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
        .addUniqueConstraint('supervision_items_ledger_key', ['ledger_id', 'key'])
        .execute();
      await db.schema.createIndex('supervision_items_state').on('supervision_items').column('state').execute();

      await db.schema
        .createTable('supervision_item_units')
        .addColumn('id', 'integer', id)
        .addColumn('item_id', 'integer', (c) => c.notNull().references('supervision_items.id'))
        .addColumn('role', 'text', (c) => c.notNull())
        .addColumn('seq', 'integer', (c) => c.notNull())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('canonical', 'text')
        .addColumn('signed_at', 'text')
        .addColumn('signed_by', 'text')
        // An edit that takes a unit off an item marks its row, never deletes it.
        .addColumn('removed_at', 'text')
        .execute();
      await db.schema.createIndex('supervision_item_units_item').on('supervision_item_units').column('item_id').execute();
      await db.schema.createIndex('supervision_item_units_canonical').on('supervision_item_units').column('canonical').execute();

      await db.schema
        .createTable('supervision_reports')
        .addColumn('id', 'integer', id)
        .addColumn('item_id', 'integer', (c) => c.notNull().references('supervision_items.id'))
        .addColumn('unit', 'text', (c) => c.notNull())
        .addColumn('period', 'text')
        .addColumn('submitted_at', 'text', (c) => c.notNull())
        .addColumn('submitted_by', 'text', (c) => c.notNull())
        .addColumn('progress', 'text', (c) => c.notNull())
        .addColumn('problems', 'text', (c) => c.notNull())
        .addColumn('coordination', 'text', (c) => c.notNull())
        .addColumn('next_steps', 'text', (c) => c.notNull())
        .addColumn('percent', 'integer', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('supervision_reports_item').on('supervision_reports').column('item_id').execute();

      await db.schema
        .createTable('supervision_attachments')
        .addColumn('id', 'integer', id)
        .addColumn('report_id', 'integer', (c) => c.notNull().references('supervision_reports.id'))
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('media_type', 'text', (c) => c.notNull())
        .addColumn('bytes', 'integer', (c) => c.notNull())
        .addColumn('sha256', 'text', (c) => c.notNull())
        .addColumn('content', bytes, (c) => c.notNull())
        .execute();
      await db.schema.createIndex('supervision_attachments_report').on('supervision_attachments').column('report_id').execute();

      await db.schema
        .createTable('supervision_extensions')
        .addColumn('id', 'integer', id)
        .addColumn('item_id', 'integer', (c) => c.notNull().references('supervision_items.id'))
        .addColumn('unit', 'text', (c) => c.notNull())
        .addColumn('requested_at', 'text', (c) => c.notNull())
        .addColumn('requested_by', 'text', (c) => c.notNull())
        .addColumn('asked', 'text', (c) => c.notNull())
        .addColumn('reason', 'text', (c) => c.notNull())
        .addColumn('previous_deadline', 'text')
        .addColumn('decision', 'text')
        .addColumn('decided_at', 'text')
        .addColumn('decided_by', 'text')
        .addColumn('opinion', 'text')
        .execute();
      await db.schema.createIndex('supervision_extensions_item').on('supervision_extensions').column('item_id').execute();

      await db.schema
        .createTable('supervision_notices')
        .addColumn('id', 'integer', id)
        .addColumn('item_id', 'integer', (c) => c.notNull().references('supervision_items.id'))
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('year', 'integer', (c) => c.notNull())
        .addColumn('seq', 'integer', (c) => c.notNull())
        .addColumn('number', 'text', (c) => c.notNull())
        .addColumn('unit', 'text', (c) => c.notNull())
        .addColumn('date', 'text', (c) => c.notNull())
        .addColumn('deadline', 'text', (c) => c.notNull())
        .addColumn('copied_to', 'text', (c) => c.notNull().defaultTo('[]'))
        .addColumn('issued_at', 'text', (c) => c.notNull())
        .addColumn('read_at', 'text')
        .addColumn('mailed_at', 'text')
        // One notice of a kind per item and deadline: a tick run twice issues nothing new.
        .addUniqueConstraint('supervision_notices_once', ['item_id', 'kind', 'deadline'])
        .addUniqueConstraint('supervision_notices_number', ['kind', 'year', 'seq'])
        .execute();
      await db.schema.createIndex('supervision_notices_unit').on('supervision_notices').column('unit').execute();

      await db.schema
        .createTable('supervision_bulletins')
        .addColumn('id', 'integer', id)
        .addColumn('month', 'text', (c) => c.notNull().unique())
        .addColumn('year', 'integer', (c) => c.notNull())
        .addColumn('seq', 'integer', (c) => c.notNull())
        .addColumn('published_at', 'text', (c) => c.notNull())
        .addColumn('published_by', 'text', (c) => c.notNull())
        .addColumn('snapshot', 'text', (c) => c.notNull())
        .addUniqueConstraint('supervision_bulletins_number', ['year', 'seq'])
        .execute();

      await db.schema
        .createTable('supervision_rules')
        .addColumn('key', 'text', (c) => c.primaryKey())
        .addColumn('value', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addColumn('updated_by', 'text', (c) => c.notNull())
        .execute();

      await db.schema
        .createTable('supervision_ticks')
        .addColumn('day', 'text', (c) => c.primaryKey())
        .addColumn('ran_at', 'text', (c) => c.notNull())
        .addColumn('notices', 'integer', (c) => c.notNull())
        .execute();

      await db.schema
        .createTable('office_leaders')
        .addColumn('id', 'integer', id)
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('seq', 'integer', (c) => c.notNull())
        .addColumn('areas', 'text', (c) => c.notNull().defaultTo('[]'))
        .addColumn('units', 'text', (c) => c.notNull().defaultTo('[]'))
        .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
    },
    async down(db: AnyDb) {
      for (const t of [
        'office_leaders',
        'supervision_ticks',
        'supervision_rules',
        'supervision_bulletins',
        'supervision_notices',
        'supervision_extensions',
        'supervision_attachments',
        'supervision_reports',
        'supervision_item_units',
        'supervision_items',
        'supervision_ledgers',
      ])
        await db.schema.dropTable(t).execute();
    },
  };
}
