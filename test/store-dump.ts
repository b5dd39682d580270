// Every row of every table of a store, as sorted JSON lines per table: two dumps are equal when
// the stores hold the same data (the SQLite full-text index's own tables included; PostgreSQL's
// sequences, which are not transactional, are not rows and are left out).
import { sql } from 'kysely';
import type { Store } from '../src/store/open.ts';

export type Dump = Record<string, string[]>;

async function tableNames(store: Store): Promise<string[]> {
  if (store.dialect === 'sqlite') {
    // Virtual tables are read through their shadow tables, which hold what they store.
    const r = await sql<{ name: string }>`SELECT name FROM sqlite_master WHERE type = 'table' AND sql NOT LIKE 'CREATE VIRTUAL TABLE%' ORDER BY name`.execute(store.db);
    return r.rows.map((t) => t.name);
  }
  const r = await sql<{ name: string }>`SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name`.execute(store.db);
  return r.rows.map((t) => t.name);
}

export async function dumpStore(store: Store): Promise<Dump> {
  const out: Dump = {};
  for (const name of await tableNames(store)) {
    const rows = await sql<Record<string, unknown>>`SELECT * FROM ${sql.table(name)}`.execute(store.db);
    out[name] = rows.rows.map((row) => JSON.stringify(row, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v))).sort();
  }
  return out;
}

/** The number of rows per table, for a short failure message. */
export function rowCounts(dump: Dump): Record<string, number> {
  return Object.fromEntries(Object.entries(dump).map(([t, rows]) => [t, rows.length]));
}

/** The dump without the times the migrations ran at: for comparing two stores, not one store before and after. */
export function withoutMigrationTimes(dump: Dump): Dump {
  const { kysely_migration: _ran, ...rest } = dump;
  return rest;
}
