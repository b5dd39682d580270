import type { Migration } from 'kysely';
import type { AnyDb } from './any-db.ts';

/**
 * 责任领导 (issue 14): the persons a measure names beside its units (责任领导：张某、李某; a 责任领导
 * column of a task table) are kept on the task and carried into the supervision item drafted from
 * it, as a JSON array of names as written. Rows stored before have none ('[]'): the library's
 * tasks get them when their file is imported again, existing items keep none until edited.
 */
export function migration(): Migration {
  return {
    async up(db: AnyDb) {
      await db.schema.alterTable('tasks').addColumn('leaders', 'text', (c) => c.notNull().defaultTo('[]')).execute();
      await db.schema.alterTable('supervision_items').addColumn('leaders', 'text', (c) => c.notNull().defaultTo('[]')).execute();
    },
    async down(db: AnyDb) {
      await db.schema.alterTable('supervision_items').dropColumn('leaders').execute();
      await db.schema.alterTable('tasks').dropColumn('leaders').execute();
    },
  };
}
