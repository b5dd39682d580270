import { type ColumnDefinitionBuilder, type Migration } from 'kysely';
import type { AnyDb } from './any-db.ts';
import type { Dialect } from './dialect.ts';

/**
 * 归档 of incoming documents. `incoming_archive_settings` holds the office's 全宗号, 全宗名称,
 * 机构（问题） classes and default 保管期限 as a history: saving new settings marks the current row
 * replaced and adds one, so nothing is deleted and what was in force when a document was filed can
 * be traced. `incoming_archives` is one row per filed registration (unique), with the 档号's parts,
 * the 档号 itself (unique) and what the 归档文件目录 prints, copied as filed. `incoming_archive_counters`
 * is the last 件号 per 全宗, 年度, 保管期限 and 机构 ('' when the office has no 机构 level), bumped in
 * the filing's own transaction so that 件号 neither repeat nor skip. JSON values are text.
 */
export function migration(dialect: Dialect): Migration {
  const id = (c: ColumnDefinitionBuilder) =>
    dialect === 'sqlite' ? c.primaryKey().autoIncrement() : c.primaryKey().generatedByDefaultAsIdentity();
  return {
    async up(db: AnyDb) {
      await db.schema
        .createTable('incoming_archive_settings')
        .addColumn('id', 'integer', id)
        .addColumn('fonds_code', 'text', (c) => c.notNull())
        .addColumn('fonds_name', 'text', (c) => c.notNull())
        .addColumn('units', 'text', (c) => c.notNull().defaultTo('[]'))
        .addColumn('defaults', 'text', (c) => c.notNull())
        .addColumn('set_at', 'text', (c) => c.notNull())
        .addColumn('set_by', 'text', (c) => c.notNull())
        .addColumn('replaced_at', 'text')
        .execute();

      await db.schema
        .createTable('incoming_archive_counters')
        .addColumn('fonds_code', 'text', (c) => c.notNull())
        .addColumn('year', 'integer', (c) => c.notNull())
        .addColumn('retention', 'text', (c) => c.notNull())
        .addColumn('unit_code', 'text', (c) => c.notNull())
        .addColumn('last', 'integer', (c) => c.notNull())
        .addPrimaryKeyConstraint('incoming_archive_counters_pk', ['fonds_code', 'year', 'retention', 'unit_code'])
        .execute();

      await db.schema
        .createTable('incoming_archives')
        .addColumn('id', 'integer', id)
        .addColumn('incoming_id', 'integer', (c) => c.notNull().unique().references('incoming_documents.id'))
        .addColumn('fonds_code', 'text', (c) => c.notNull())
        .addColumn('year', 'integer', (c) => c.notNull())
        .addColumn('retention', 'text', (c) => c.notNull())
        .addColumn('unit_code', 'text', (c) => c.notNull())
        .addColumn('item', 'integer', (c) => c.notNull())
        .addColumn('code', 'text', (c) => c.notNull().unique())
        .addColumn('responsible', 'text')
        .addColumn('doc_number', 'text')
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('doc_date', 'text', (c) => c.notNull())
        .addColumn('secrecy', 'text')
        .addColumn('pages', 'integer')
        .addColumn('note', 'text')
        .addColumn('settings_id', 'integer', (c) => c.notNull().references('incoming_archive_settings.id'))
        .addColumn('archived_at', 'text', (c) => c.notNull())
        .addColumn('archived_by', 'text', (c) => c.notNull())
        .addUniqueConstraint('incoming_archives_item', ['fonds_code', 'year', 'retention', 'unit_code', 'item'])
        .execute();
      await db.schema.createIndex('incoming_archives_year').on('incoming_archives').columns(['year', 'retention']).execute();
    },
    async down(db: AnyDb) {
      await db.schema.dropTable('incoming_archives').execute();
      await db.schema.dropTable('incoming_archive_counters').execute();
      await db.schema.dropTable('incoming_archive_settings').execute();
    },
  };
}
