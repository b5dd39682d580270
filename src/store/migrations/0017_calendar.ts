import { type ColumnDefinitionBuilder, type Migration } from 'kysely';
import type { AnyDb } from './any-db.ts';
import type { Dialect } from './dialect.ts';

/**
 * The holiday arrangements an administrator imported from the State Council's yearly notice, one
 * row per import. A newer import of the same year replaces the one in force by setting its
 * replaced_at; nothing is deleted, so the history of a year's calendar stays readable. The rest
 * days and the 调休 working days are JSON text as the parser returned them; the notice's text is
 * kept beside them (and the library document's id when it came from one, no foreign key: the
 * library may replace a document on re-import).
 */
export function migration(dialect: Dialect): Migration {
  const id = (c: ColumnDefinitionBuilder) =>
    dialect === 'sqlite' ? c.primaryKey().autoIncrement() : c.primaryKey().generatedByDefaultAsIdentity();
  return {
    async up(db: AnyDb) {
      await db.schema
        .createTable('calendar_arrangements')
        .addColumn('id', 'integer', id)
        .addColumn('year', 'integer', (c) => c.notNull())
        .addColumn('holidays', 'text', (c) => c.notNull())
        .addColumn('workdays', 'text', (c) => c.notNull())
        .addColumn('source_text', 'text', (c) => c.notNull())
        .addColumn('file_name', 'text')
        .addColumn('document_id', 'integer')
        .addColumn('imported_at', 'text', (c) => c.notNull())
        .addColumn('imported_by', 'text', (c) => c.notNull())
        .addColumn('replaced_at', 'text')
        .execute();
      await db.schema.createIndex('calendar_arrangements_year').on('calendar_arrangements').columns(['year', 'replaced_at']).execute();
    },
    async down(db: AnyDb) {
      await db.schema.dropTable('calendar_arrangements').execute();
    },
  };
}
