// The library: source files, issues, documents, tasks and their units, appointments, the
// chronicle, links between documents, audit events and the search index. Frozen.
import { sql, type ColumnDefinitionBuilder, type Migration } from 'kysely';
import type { AnyDb } from './any-db.ts';
import type { Dialect } from './dialect.ts';

export function migration(dialect: Dialect): Migration {
  // SQLite: AUTOINCREMENT so an id is never reused after a re-import deleted its row (ids leave
  // the store through the API). PostgreSQL: identity columns.
  const id = (c: ColumnDefinitionBuilder) =>
    dialect === 'sqlite' ? c.primaryKey().autoIncrement() : c.primaryKey().generatedByDefaultAsIdentity();
  const idType = 'integer' as const;
  return {
    async up(db: AnyDb) {
      await db.schema
        .createTable('source_files')
        .addColumn('id', idType, id)
        .addColumn('path', 'text', (c) => c.notNull().unique())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('content_hash', 'text', (c) => c.notNull().unique())
        .addColumn('format', 'text', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('size', 'integer', (c) => c.notNull())
        .addColumn('imported_at', 'text', (c) => c.notNull())
        .addColumn('warnings', 'text', (c) => c.notNull())
        .addColumn('routing_slip', 'text')
        .execute();

      await db.schema
        .createTable('issues')
        .addColumn('id', idType, id)
        .addColumn('source_file_id', 'integer', (c) => c.notNull().unique().references('source_files.id').onDelete('cascade'))
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('year', 'integer')
        .addColumn('number', 'integer')
        .addColumn('cumulative', 'integer')
        .addColumn('printed', 'text')
        .addColumn('publisher', 'text')
        .addColumn('toc', 'text', (c) => c.notNull())
        .execute();

      await db.schema
        .createTable('documents')
        .addColumn('id', idType, id)
        .addColumn('source_file_id', 'integer', (c) => c.notNull().references('source_files.id').onDelete('cascade'))
        .addColumn('issue_id', 'integer', (c) => c.references('issues.id').onDelete('cascade'))
        .addColumn('seq', 'integer', (c) => c.notNull())
        .addColumn('doc_number', 'text')
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('title_key', 'text', (c) => c.notNull())
        .addColumn('issued_title_key', 'text')
        .addColumn('doc_kind', 'text')
        .addColumn('issued_kind', 'text')
        .addColumn('issuers', 'text', (c) => c.notNull())
        .addColumn('issuer_text', 'text', (c) => c.notNull())
        .addColumn('date', 'text')
        .addColumn('year', 'integer')
        .addColumn('recipients', 'text', (c) => c.notNull())
        .addColumn('publicity', 'text')
        .addColumn('attachments', 'text', (c) => c.notNull())
        .addColumn('distribution', 'text', (c) => c.notNull())
        .addColumn('groups', 'text', (c) => c.notNull())
        .addColumn('outline', 'text', (c) => c.notNull())
        .addColumn('body', 'text', (c) => c.notNull())
        .addColumn('line', 'integer', (c) => c.notNull())
        .addColumn('end_line', 'integer', (c) => c.notNull())
        .addColumn('valid_from', 'text')
        .addColumn('valid_until', 'text')
        .addColumn('provisional', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('validity_note', 'text')
        .addUniqueConstraint('documents_file_seq', ['source_file_id', 'seq'])
        .execute();
      await db.schema.createIndex('documents_doc_number').on('documents').column('doc_number').execute();
      await db.schema.createIndex('documents_title_key').on('documents').column('title_key').execute();
      await db.schema.createIndex('documents_issued_title_key').on('documents').column('issued_title_key').execute();

      await db.schema
        .createTable('tasks')
        .addColumn('id', idType, id)
        .addColumn('document_id', 'integer', (c) => c.notNull().references('documents.id').onDelete('cascade'))
        .addColumn('seq', 'integer', (c) => c.notNull())
        .addColumn('text', 'text', (c) => c.notNull())
        .addColumn('path', 'text', (c) => c.notNull())
        .addColumn('deadline_kind', 'text')
        .addColumn('deadline_date', 'text')
        .addColumn('deadline_text', 'text')
        // The whole Deadline of the contract (amount, rule of a recurring one …); the three
        // columns above are what queries filter and sort on.
        .addColumn('deadline', 'text')
        .addColumn('targets', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull().defaultTo('extracted'))
        .addUniqueConstraint('tasks_document_seq', ['document_id', 'seq'])
        .execute();

      await db.schema
        .createTable('units')
        .addColumn('id', idType, id)
        .addColumn('name', 'text', (c) => c.notNull().unique())
        .addColumn('level', 'text')
        .addColumn('parent_id', 'integer', (c) => c.references('units.id').onDelete('set null'))
        .addColumn('jurisdiction', 'text')
        .execute();

      await db.schema
        .createTable('unit_aliases')
        .addColumn('id', idType, id)
        .addColumn('unit_id', 'integer', (c) => c.notNull().references('units.id').onDelete('cascade'))
        .addColumn('alias', 'text', (c) => c.notNull().unique())
        .execute();

      await db.schema
        .createTable('task_units')
        .addColumn('id', idType, id)
        .addColumn('task_id', 'integer', (c) => c.notNull().references('tasks.id').onDelete('cascade'))
        .addColumn('role', 'text', (c) => c.notNull())
        .addColumn('seq', 'integer', (c) => c.notNull())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('canonical', 'text')
        .addColumn('unit_id', 'integer', (c) => c.references('units.id').onDelete('set null'))
        .execute();
      await db.schema.createIndex('task_units_task').on('task_units').column('task_id').execute();
      await db.schema.createIndex('task_units_unit').on('task_units').column('unit_id').execute();

      await db.schema
        .createTable('appointments')
        .addColumn('id', idType, id)
        .addColumn('source_file_id', 'integer', (c) => c.notNull().references('source_files.id').onDelete('cascade'))
        .addColumn('seq', 'integer', (c) => c.notNull())
        .addColumn('batch', 'text')
        .addColumn('person', 'text', (c) => c.notNull())
        .addColumn('action', 'text', (c) => c.notNull())
        .addColumn('post', 'text', (c) => c.notNull())
        .addColumn('probation', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('retired', 'text')
        .addColumn('years', 'integer')
        .addColumn('notes', 'text', (c) => c.notNull())
        .addColumn('line', 'integer', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('appointments_file').on('appointments').column('source_file_id').execute();
      await db.schema.createIndex('appointments_person').on('appointments').column('person').execute();

      await db.schema
        .createTable('chronicle_entries')
        .addColumn('id', idType, id)
        .addColumn('source_file_id', 'integer', (c) => c.notNull().references('source_files.id').onDelete('cascade'))
        .addColumn('seq', 'integer', (c) => c.notNull())
        .addColumn('date', 'text', (c) => c.notNull())
        .addColumn('end_date', 'text')
        .addColumn('text', 'text', (c) => c.notNull())
        .addColumn('line', 'integer', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('chronicle_file').on('chronicle_entries').column('source_file_id').execute();
      await db.schema.createIndex('chronicle_date').on('chronicle_entries').column('date').execute();

      await db.schema
        .createTable('document_links')
        .addColumn('id', idType, id)
        .addColumn('from_document_id', 'integer', (c) => c.notNull().references('documents.id').onDelete('cascade'))
        .addColumn('seq', 'integer', (c) => c.notNull())
        .addColumn('relation', 'text', (c) => c.notNull())
        .addColumn('target_doc_number', 'text')
        .addColumn('target_title', 'text')
        .addColumn('target_title_key', 'text')
        // A target that is re-imported goes away for a moment: the link falls back to unresolved.
        .addColumn('to_document_id', 'integer', (c) => c.references('documents.id').onDelete('set null'))
        .addColumn('context', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('links_from').on('document_links').column('from_document_id').execute();
      await db.schema.createIndex('links_to').on('document_links').column('to_document_id').execute();
      await db.schema.createIndex('links_target_number').on('document_links').column('target_doc_number').execute();
      await db.schema.createIndex('links_target_title').on('document_links').column('target_title_key').execute();

      await db.schema
        .createTable('audit_events')
        .addColumn('id', idType, id)
        .addColumn('at', 'text', (c) => c.notNull())
        .addColumn('actor', 'text', (c) => c.notNull())
        .addColumn('action', 'text', (c) => c.notNull())
        .addColumn('entity', 'text', (c) => c.notNull())
        .addColumn('entity_id', 'integer')
        .addColumn('before', 'text')
        .addColumn('after', 'text')
        .execute();
      await db.schema.createIndex('audit_entity').on('audit_events').columns(['entity', 'entity_id']).execute();

      await db.schema
        .createTable('search_entries')
        .addColumn('id', idType, id)
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('source_file_id', 'integer', (c) => c.notNull().references('source_files.id').onDelete('cascade'))
        .addColumn('document_id', 'integer', (c) => c.references('documents.id').onDelete('cascade'))
        .addColumn('ref_id', 'integer', (c) => c.notNull())
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('date', 'text')
        .addColumn('year', 'integer')
        .addColumn('doc_kind', 'text')
        .addColumn('issued_kind', 'text')
        .addColumn('issuer_text', 'text', (c) => c.notNull())
        .addColumn('units', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('search_entries_file').on('search_entries').column('source_file_id').execute();
      await db.schema.createIndex('search_entries_document').on('search_entries').column('document_id').execute();

      if (dialect === 'sqlite') {
        // Contentless: the tokens live only in the index (the text is in the tables already);
        // contentless_delete lets a re-import remove rows by rowid. The tokens are segmented by
        // the application (src/store/tokens.ts) and separated by spaces, which unicode61 splits on.
        await sql`CREATE VIRTUAL TABLE search_fts USING fts5(title, body, content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 0')`.execute(db);
        // Merge index segments in larger steps (default 4): about a fifth less import time for
        // the same query time, measured on 5,000 seed-made documents (bench/store.ts).
        await sql`INSERT INTO search_fts(search_fts, rank) VALUES ('automerge', 16)`.execute(db);
        // Rows leave search_entries by cascade from their source file; the index follows.
        await sql`CREATE TRIGGER search_entries_delete AFTER DELETE ON search_entries BEGIN DELETE FROM search_fts WHERE rowid = old.id; END`.execute(db);
      } else {
        await sql`ALTER TABLE search_entries ADD COLUMN tsv tsvector NOT NULL`.execute(db);
        await sql`CREATE INDEX search_entries_tsv ON search_entries USING gin (tsv)`.execute(db);
      }
    },
    async down(db: AnyDb) {
      for (const table of ['search_entries', 'audit_events', 'document_links', 'chronicle_entries', 'appointments', 'task_units', 'unit_aliases', 'units', 'tasks', 'documents', 'issues', 'source_files']) {
        await db.schema.dropTable(table).ifExists().execute();
      }
      if (dialect === 'sqlite') await sql`DROP TABLE IF EXISTS search_fts`.execute(db);
    },
  };
}
