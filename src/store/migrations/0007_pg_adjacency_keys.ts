import { type Migration } from 'kysely';
import type { AnyDb } from './any-db.ts';
import type { Dialect } from './dialect.ts';
import { markIndexStale } from './index-stale.ts';

/**
 * PostgreSQL: every tsvector also holds the adjacency keys of its numbers (../adjacency-keys.ts),
 * which the loose query of a phrase with numbers asks for. Shipped first as a rebuild of every
 * vector inside the migration; it now marks the index stale instead, and the current code makes
 * the vectors again after the migrations (index-stale.ts). Down: nothing to undo in the schema;
 * the index is marked stale so that whatever code opens the store next builds it its own way.
 */
export function migration(dialect: Dialect): Migration {
  return {
    async up(db: AnyDb) {
      if (dialect === 'postgres') await markIndexStale(db);
    },
    async down(db: AnyDb) {
      if (dialect === 'postgres') await markIndexStale(db);
    },
  };
}
