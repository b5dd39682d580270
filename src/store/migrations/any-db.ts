// Migrations see the database untyped: they describe the tables that ../schema.ts follows, as they
// were at the migration's time.
import type { Kysely } from 'kysely';

export type AnyDb = Kysely<any>; // eslint-disable-line @typescript-eslint/no-explicit-any
