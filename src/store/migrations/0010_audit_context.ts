import { type Migration } from 'kysely';
import type { AnyDb } from './any-db.ts';

/**
 * Audit events say who acted (the user's id beside the name in `actor`) and from where (the
 * client's address); the audit page filters by time and action.
 */
export function migration(): Migration {
  return {
    async up(db: AnyDb) {
      await db.schema.alterTable('audit_events').addColumn('actor_id', 'integer').execute();
      await db.schema.alterTable('audit_events').addColumn('ip', 'text').execute();
      await db.schema.createIndex('audit_at').on('audit_events').column('at').execute();
      await db.schema.createIndex('audit_action').on('audit_events').columns(['action', 'at']).execute();
    },
    async down(db: AnyDb) {
      await db.schema.dropIndex('audit_action').execute();
      await db.schema.dropIndex('audit_at').execute();
      await db.schema.alterTable('audit_events').dropColumn('ip').execute();
      await db.schema.alterTable('audit_events').dropColumn('actor_id').execute();
    },
  };
}
