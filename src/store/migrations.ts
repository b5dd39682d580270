// Versioned migrations, run on every open (Kysely's Migrator records which ran and holds a lock,
// so two processes opening one store do not migrate twice). Migrations are listed here in code,
// not read from a folder, so the order is fixed by review and nothing is loaded from disk.
// The tables are written once through the schema builder; only the full-text index differs by
// dialect (FTS5 virtual table on SQLite, tsvector + GIN on PostgreSQL).
import { sql, type ColumnDefinitionBuilder, type Kysely, type Migration } from 'kysely';
import type { Dialect } from './dialect.ts';
import { RANK_CHARS, rankForm } from './rank.ts';
import { indexTokens } from './tokens.ts';
import { rebuildPgVectors } from './reindex-pg.ts';

// The migrations see the database untyped: they describe tables that the typed schema follows.
type AnyDb = Kysely<any>; // eslint-disable-line @typescript-eslint/no-explicit-any

function library(dialect: Dialect): Migration {
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

/**
 * SQLite: a second, small FTS5 index over documents' titles and 文号. Search ranks a bounded set of
 * candidates (search.ts); the newest body matches alone would leave out an older document whose
 * title matches, so the title index adds the newest title matches to the set. Titles are short,
 * so this index is a fraction of the body index and its lists are quick to walk.
 */
function titleIndex(dialect: Dialect): Migration {
  return {
    async up(db: AnyDb) {
      if (dialect !== 'sqlite') return;
      await sql`CREATE VIRTUAL TABLE title_fts USING fts5(title, content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 0')`.execute(db);
      await sql`CREATE TRIGGER search_entries_delete_title AFTER DELETE ON search_entries WHEN old.kind = 'document' BEGIN DELETE FROM title_fts WHERE rowid = old.id; END`.execute(db);
      // Documents already in the store: the same title text the body index holds for them.
      const rows = await sql<{ id: number; title: string; doc_number: string | null }>`
        SELECT e.id, d.title, d.doc_number FROM search_entries e JOIN documents d ON d.id = e.ref_id WHERE e.kind = 'document'`.execute(db);
      for (const r of rows.rows) {
        await sql`INSERT INTO title_fts(rowid, title) VALUES (${r.id}, ${indexTokens(`${r.title} ${r.doc_number ?? ''}`)})`.execute(db);
      }
    },
    async down(db: AnyDb) {
      if (dialect !== 'sqlite') return;
      await sql`DROP TRIGGER IF EXISTS search_entries_delete_title`.execute(db);
      await sql`DROP TABLE IF EXISTS title_fts`.execute(db);
    },
  };
}

/**
 * PostgreSQL: the GIN index holds the id's bucket (id / 1024, fts-pg.ts ID_BUCKET) beside the
 * tsvector, through the btree_gin extension, so search asks the index for the matches among the
 * newest rows only; and tsvectors are compressed with lz4 (faster to read back than pglz; rows
 * written before keep pglz). Where the extension cannot be created (not installed, no right to
 * create it) the plain index stays and search still works, reading every match's row instead.
 */
function pgRecentIndex(dialect: Dialect): Migration {
  return {
    async up(db: AnyDb) {
      if (dialect !== 'postgres') return;
      await sql`DO $$ BEGIN
          CREATE EXTENSION IF NOT EXISTS btree_gin;
          CREATE INDEX search_entries_tsv_recent ON search_entries USING gin (tsv, (id / 1024));
          DROP INDEX search_entries_tsv;
        EXCEPTION WHEN OTHERS THEN RAISE NOTICE 'search_entries_tsv_recent not created: %', SQLERRM;
        END $$`.execute(db);
      await sql`DO $$ BEGIN
          ALTER TABLE search_entries ALTER COLUMN tsv SET COMPRESSION lz4;
        EXCEPTION WHEN OTHERS THEN RAISE NOTICE 'lz4 not available: %', SQLERRM;
        END $$`.execute(db);
    },
    async down(db: AnyDb) {
      if (dialect !== 'postgres') return;
      await sql`CREATE INDEX IF NOT EXISTS search_entries_tsv ON search_entries USING gin (tsv)`.execute(db);
      await sql`DROP INDEX IF EXISTS search_entries_tsv_recent`.execute(db);
    },
  };
}

/**
 * PostgreSQL: `table`.rank_text stays in the row, uncompressed while the row fits in 8 kB, lz4
 * where it must be compressed (see rankText and rankTexts for why).
 */
async function keepRankTextInRow(db: AnyDb, table: 'search_entries' | 'rank_texts'): Promise<void> {
  await sql`ALTER TABLE ${sql.table(table)} ALTER COLUMN rank_text SET STORAGE MAIN`.execute(db);
  await sql`ALTER TABLE ${sql.table(table)} SET (toast_tuple_target = 8160)`.execute(db);
  await sql.raw(`DO $$ BEGIN
      ALTER TABLE ${table} ALTER COLUMN rank_text SET COMPRESSION lz4;
    EXCEPTION WHEN OTHERS THEN RAISE NOTICE 'lz4 not available: %', SQLERRM;
    END $$`).execute(db);
}

/**
 * Both engines: what search ranks an entry by, kept on the entry in rank.ts's rankForm:
 * `rank_title` (a document's title and 文号, an appointment's person and post, a chronicle
 * entry's title) and `rank_text` (a document's first RANK_CHARS characters, the whole text of the
 * others). The engine counts the query's phrases in them for the candidates (rank.ts): reading
 * the head of 200 documents into JavaScript instead cost 10 ms, and on PostgreSQL reading it from
 * the TOASTed bodies another 7–15 ms.
 */
function rankText(dialect: Dialect): Migration {
  return {
    async up(db: AnyDb) {
      await db.schema.alterTable('search_entries').addColumn('rank_title', 'text', (c) => c.notNull().defaultTo('')).execute();
      await db.schema.alterTable('search_entries').addColumn('rank_text', 'text', (c) => c.notNull().defaultTo('')).execute();
      // PostgreSQL: kept in the row and, up to a row of 8 kB, not compressed. The counts refer to
      // rank_text once per phrase, and PostgreSQL undoes the compression of a value at every
      // reference (three phrases: 20 ms for 200 rows instead of 2). A row is compressed only past
      // toast_tuple_target (2 kB by default); the tsvector, far larger, still goes to the TOAST
      // table first. lz4 for the heads that must be compressed (4-byte characters).
      if (dialect === 'postgres') await keepRankTextInRow(db, 'search_entries');
      // Existing entries: the values the writer gives new ones (writer.ts), made here from their tables.
      const rows = await sql<{ id: number; kind: string; title: string; doc_title: string | null; doc_number: string | null; body: string | null; task: string | null; batch: string | null; chronicle: string | null }>`
        SELECT e.id, e.kind, e.title, d.title AS doc_title, d.doc_number, substr(d.body, 1, ${sql.lit(RANK_CHARS)}) AS body,
            t.text AS task, a.batch, c.text AS chronicle
          FROM search_entries e
          LEFT JOIN documents d ON e.kind = 'document' AND d.id = e.ref_id
          LEFT JOIN tasks t ON e.kind = 'task' AND t.id = e.ref_id
          LEFT JOIN appointments a ON e.kind = 'appointment' AND a.id = e.ref_id
          LEFT JOIN chronicle_entries c ON e.kind = 'chronicle' AND c.id = e.ref_id`.execute(db);
      for (const r of rows.rows) {
        const [title, text] =
          r.kind === 'document' ? [`${r.doc_title ?? ''} ${r.doc_number ?? ''}`, r.body ?? '']
          : r.kind === 'task' ? ['', r.task ?? '']
          : r.kind === 'appointment' ? [r.title, `${r.title}${r.batch ? `（${r.batch}）` : ''}`]
          : [r.title, r.chronicle ?? ''];
        await sql`UPDATE search_entries SET rank_title = ${rankForm(title)}, rank_text = ${rankForm(text)} WHERE id = ${r.id}`.execute(db);
      }
    },
    async down(db: AnyDb) {
      await db.schema.alterTable('search_entries').dropColumn('rank_text').execute();
      await db.schema.alterTable('search_entries').dropColumn('rank_title').execute();
    },
  };
}

/**
 * PostgreSQL: the GIN index also holds id / 16384 (fts-pg.ts COARSE_BUCKET), so a window wider
 * than a few fine buckets is one or two index keys rather than dozens of scans (a query with five
 * matches per thousand entries read 48 fine buckets: 50–100 ms at 100,000 documents). Built anew
 * (a few minutes at 100,000 documents); where btree_gin is missing, nothing changes.
 */
function pgCoarseBuckets(dialect: Dialect): Migration {
  return {
    async up(db: AnyDb) {
      if (dialect !== 'postgres') return;
      await sql`DO $$ BEGIN
          IF EXISTS (SELECT 1 FROM pg_class WHERE relname = 'search_entries_tsv_recent') THEN
            CREATE INDEX search_entries_tsv_windows ON search_entries USING gin (tsv, (id / 1024), (id / 16384));
            DROP INDEX search_entries_tsv_recent;
          END IF;
        END $$`.execute(db);
    },
    async down(db: AnyDb) {
      if (dialect !== 'postgres') return;
      await sql`DO $$ BEGIN
          IF EXISTS (SELECT 1 FROM pg_class WHERE relname = 'search_entries_tsv_windows') THEN
            CREATE INDEX search_entries_tsv_recent ON search_entries USING gin (tsv, (id / 1024));
            DROP INDEX search_entries_tsv_windows;
          END IF;
        END $$`.execute(db);
    },
  };
}

/**
 * Both engines: the ranking texts of migration 0004 move to a table of their own, rank_texts.
 * Kept on search_entries they made each row ~4 kB: on PostgreSQL every match an index window
 * returns is one heap row read before the candidates are chosen, and at 100,000 documents the
 * 1.9 GB table stayed out of shared buffers (a window of 130 matches: 2 ms read from the OS
 * cache against 0.4 ms in buffers). Without them the table is a few hundred bytes a row; the
 * texts are read for the chosen candidates only. PostgreSQL keeps the old values in existing
 * rows until they are rewritten (DROP COLUMN does not rewrite): 0007 rewrites the table.
 */
function rankTexts(dialect: Dialect): Migration {
  return {
    async up(db: AnyDb) {
      await db.schema
        .createTable('rank_texts')
        .addColumn('entry_id', 'integer', (c) => c.primaryKey().references('search_entries.id').onDelete('cascade'))
        .addColumn('rank_title', 'text', (c) => c.notNull())
        .addColumn('rank_text', 'text', (c) => c.notNull())
        .execute();
      // PostgreSQL: in the row and uncompressed up to 8 kB, as migration 0004 kept them (the
      // counts refer to rank_text once per phrase; a compressed value is undone at every reference).
      // search_entries goes back to the default row size (2 kB), past which the tsvector moves
      // to the TOAST table: with 0004's 8 kB, most tsvectors stayed in the row, compressed.
      if (dialect === 'postgres') {
        await sql`ALTER TABLE search_entries RESET (toast_tuple_target)`.execute(db);
        await keepRankTextInRow(db, 'rank_texts');
      }
      await sql`INSERT INTO rank_texts (entry_id, rank_title, rank_text) SELECT id, rank_title, rank_text FROM search_entries`.execute(db);
      await db.schema.alterTable('search_entries').dropColumn('rank_text').execute();
      await db.schema.alterTable('search_entries').dropColumn('rank_title').execute();
    },
    async down(db: AnyDb) {
      await db.schema.alterTable('search_entries').addColumn('rank_title', 'text', (c) => c.notNull().defaultTo('')).execute();
      await db.schema.alterTable('search_entries').addColumn('rank_text', 'text', (c) => c.notNull().defaultTo('')).execute();
      if (dialect === 'postgres') await keepRankTextInRow(db, 'search_entries');
      await sql`UPDATE search_entries SET rank_title = r.rank_title, rank_text = r.rank_text FROM rank_texts r WHERE r.entry_id = search_entries.id`.execute(db);
      await db.schema.dropTable('rank_texts').execute();
    },
  };
}

/**
 * PostgreSQL: every tsvector also holds the adjacency keys of its numbers (adjacency-keys.ts),
 * which the loose query of a phrase with numbers now asks for (tokens.ts toLooseTsQuery). Made
 * again from the stored texts, and the table rewritten compactly (reindex-pg.ts; about 8 minutes
 * at 100,000 documents). Down: the vectors without keys, as 0001–0006 wrote them.
 */
function pgAdjacencyKeys(dialect: Dialect): Migration {
  return {
    async up(db: AnyDb) {
      if (dialect === 'postgres') await rebuildPgVectors(db, true);
    },
    async down(db: AnyDb) {
      if (dialect === 'postgres') await rebuildPgVectors(db, false);
    },
  };
}

/** Every migration, in order. Names sort in the order they run; never rename or edit one that shipped. */
export function migrations(dialect: Dialect): Record<string, Migration> {
  return {
    '0001_library': library(dialect),
    '0002_title_index': titleIndex(dialect),
    '0003_pg_recent_index': pgRecentIndex(dialect),
    '0004_rank_text': rankText(dialect),
    '0005_pg_coarse_buckets': pgCoarseBuckets(dialect),
    '0006_rank_texts': rankTexts(dialect),
    '0007_pg_adjacency_keys': pgAdjacencyKeys(dialect),
  };
}
