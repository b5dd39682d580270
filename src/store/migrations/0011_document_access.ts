import { type Migration } from 'kysely';
import type { AnyDb } from './any-db.ts';
import { markIndexStale } from './index-stale.ts';

/**
 * What a document may be shown to and what it is about, read from its text at import
 * (src/classify): `access` (public: may appear in the public library; internal: signed-in users
 * only) and why (`access_reason`), `topic` and `topics` (JSON list), `preferential` (惠企政策);
 * search entries carry
 * `public` so that the public library searches only what may be public; tasks keep the line their
 * clause stands on. Existing rows are filled by the index rebuild (index-stale.ts), which runs the
 * current classification over the stored texts (access_reason stays null there: access decided
 * from what was stored, not from the whole file, which only an import reads).
 */
export function migration(): Migration {
  return {
    async up(db: AnyDb) {
      await db.schema.alterTable('documents').addColumn('access', 'text', (c) => c.notNull().defaultTo('internal')).execute();
      await db.schema.alterTable('documents').addColumn('access_reason', 'text').execute();
      await db.schema.alterTable('documents').addColumn('topic', 'text').execute();
      await db.schema.alterTable('documents').addColumn('topics', 'text', (c) => c.notNull().defaultTo('[]')).execute();
      await db.schema.alterTable('documents').addColumn('preferential', 'integer', (c) => c.notNull().defaultTo(0)).execute();
      await db.schema.alterTable('search_entries').addColumn('public', 'integer', (c) => c.notNull().defaultTo(0)).execute();
      await db.schema.alterTable('tasks').addColumn('line', 'integer').execute();
      await db.schema.createIndex('documents_topic').on('documents').column('topic').execute();
      await markIndexStale(db);
    },
    async down(db: AnyDb) {
      await db.schema.dropIndex('documents_topic').execute();
      await db.schema.alterTable('tasks').dropColumn('line').execute();
      await db.schema.alterTable('search_entries').dropColumn('public').execute();
      for (const c of ['preferential', 'topics', 'topic', 'access_reason', 'access']) await db.schema.alterTable('documents').dropColumn(c).execute();
    },
  };
}
