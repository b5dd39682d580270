import { createHash } from 'node:crypto';
import { sql, type ColumnDefinitionBuilder, type Migration } from 'kysely';
import type { AnyDb } from './any-db.ts';
import type { Dialect } from './dialect.ts';

/**
 * What a document is, apart from the file that brought it (docs/decisions.md "One document,
 * stored once"): `identity_key` (文号 | 发文机关 | 成文日期 | 标题, normalised; null for a document
 * with no title, or with neither 文号 nor date) and `text_fingerprint` (SHA-256 of the normalised
 * text; null for an empty text), both indexed. `document_duplicates` links a later copy, which
 * is not stored, to the stored document it repeats, with the copy's file, position and what
 * matched.
 *
 * Existing documents are filled here, from their stored fields, by this file's own copy of the
 * normalisation as it was when the migration shipped (a migration imports no application code):
 * ../identity.ts must compute the same values, which test/store-identity.test.ts checks. A later
 * change of the normalisation needs a migration of its own that recomputes both columns.
 */
export function migration(dialect: Dialect): Migration {
  const id = (c: ColumnDefinitionBuilder) =>
    dialect === 'sqlite' ? c.primaryKey().autoIncrement() : c.primaryKey().generatedByDefaultAsIdentity();
  const up = async (db: AnyDb) => {
    await db.schema.alterTable('documents').addColumn('identity_key', 'text').execute();
    await db.schema.alterTable('documents').addColumn('text_fingerprint', 'text').execute();
    await db.schema.createIndex('documents_identity_key').on('documents').column('identity_key').execute();
    await db.schema.createIndex('documents_text_fingerprint').on('documents').column('text_fingerprint').execute();
    await db.schema
      .createTable('document_duplicates')
      .addColumn('id', 'integer', id)
      .addColumn('document_id', 'integer', (c) => c.notNull().references('documents.id').onDelete('cascade'))
      .addColumn('source_file_id', 'integer', (c) => c.references('source_files.id').onDelete('cascade'))
      .addColumn('path', 'text', (c) => c.notNull())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('content_hash', 'text', (c) => c.notNull())
      .addColumn('seq', 'integer', (c) => c.notNull())
      .addColumn('doc_number', 'text')
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('matched_by', 'text', (c) => c.notNull())
      .addColumn('recorded_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('document_duplicates_document').on('document_duplicates').column('document_id').execute();
    await db.schema.createIndex('document_duplicates_source').on('document_duplicates').column('source_file_id').execute();
    await db.schema.createIndex('document_duplicates_path').on('document_duplicates').columns(['path', 'content_hash']).execute();
    await backfill(db);
  };
  return {
    // One transaction, so that a process killed during the backfill leaves the store as before
    // 0012 (Kysely runs SQLite's migrations outside one, PostgreSQL's inside one, which this joins).
    up: (db: AnyDb) => (db.isTransaction ? up(db) : db.transaction().execute(up)),
    async down(db: AnyDb) {
      await db.schema.dropTable('document_duplicates').execute();
      await db.schema.dropIndex('documents_text_fingerprint').execute();
      await db.schema.dropIndex('documents_identity_key').execute();
      await db.schema.alterTable('documents').dropColumn('text_fingerprint').execute();
      await db.schema.alterTable('documents').dropColumn('identity_key').execute();
    },
  };
}

// The normalisation as of this migration (frozen; ../identity.ts holds the living copy).
const letters = (s: string) => s.normalize('NFKC').toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');

function identityKey(docNumber: string | null, issuers: readonly string[], date: string | null, title: string): string | null {
  const t = letters(title);
  const n = docNumber === null ? '' : letters(docNumber);
  if (t === '' || (n === '' && date === null)) return null;
  const orgs = [...new Set(issuers.map(letters).filter((x) => x !== ''))].sort();
  return [n, orgs.join('、'), date ?? '', t].join('|');
}

function textFingerprint(body: string): string | null {
  const t = letters(body);
  return t === '' ? null : createHash('sha256').update(t).digest('hex');
}

function issuerList(json: string): string[] {
  try {
    const v: unknown = JSON.parse(json);
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
  } catch {
    return [];
  }
}

/** Fills both columns for the documents already stored, a batch of ids at a time. */
async function backfill(db: AnyDb): Promise<void> {
  const BATCH = 500;
  let after = 0;
  for (;;) {
    const rows: { id: number; doc_number: string | null; issuers: string; date: string | null; title: string; body: string }[] = await db
      .selectFrom('documents')
      .select(['id', 'doc_number', 'issuers', 'date', 'title', 'body'])
      .where('id', '>', after)
      .orderBy('id')
      .limit(BATCH)
      .execute();
    if (rows.length === 0) return;
    // One statement a batch (a statement a row took 0.7 ms on SQLite: 70 s for 100,000 documents).
    const values = rows.map((r) => sql`(CAST(${r.id} AS integer), ${identityKey(r.doc_number, issuerList(r.issuers), r.date, r.title)}, ${textFingerprint(r.body)})`);
    await sql`WITH v(id, identity_key, text_fingerprint) AS (VALUES ${sql.join(values)})
      UPDATE documents SET identity_key = v.identity_key, text_fingerprint = v.text_fingerprint FROM v WHERE documents.id = v.id`.execute(db);
    after = rows[rows.length - 1]!.id;
  }
}
