// The stores a store test runs against: a fresh SQLite file, and a fresh PostgreSQL database on
// the server named by $DUBAN_TEST_PG (default: the local one). Each call makes its own database,
// so parallel runs never share one; drop() removes it. Without a reachable server the
// PostgreSQL suites are skipped with a visible warning, never silently passed.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll } from 'vitest';
import { manualClock } from '../src/calendar/clock.ts';
import { openStore, type Store } from '../src/store/open.ts';

/** The store suites' clock: fixed, so what an import writes does not depend on the day the tests run. */
export const testClock = manualClock('2026-12-04T09:00');
/** The day a search judges validity on where a test names none. */
export const testDay = testClock.today();

export const PG_ADMIN_URL = process.env.DUBAN_TEST_PG ?? 'postgres://postgres@127.0.0.1:5432/test';

export interface TestTarget {
  url: string;
  drop(): Promise<void>;
}

async function adminQuery(text: string): Promise<void> {
  const client = new pg.Client({ connectionString: PG_ADMIN_URL, connectionTimeoutMillis: 3000 });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

export async function postgresAvailable(): Promise<boolean> {
  try {
    await adminQuery('SELECT 1');
    return true;
  } catch {
    return false;
  }
}

let counter = 0;
export async function newTarget(dialect: 'sqlite' | 'postgres'): Promise<TestTarget> {
  if (dialect === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'duban-store-'));
    return { url: join(dir, 'duban.db'), drop: async () => rmSync(dir, { recursive: true, force: true }) };
  }
  const name = `duban_test_${process.pid}_${Date.now().toString(36)}_${counter++}`;
  await adminQuery(`CREATE DATABASE ${name}`);
  const url = new URL(PG_ADMIN_URL);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}

const pgUp = await postgresAvailable();
if (!pgUp) console.warn(`PostgreSQL is not reachable at ${PG_ADMIN_URL}: the PostgreSQL store tests are SKIPPED (set DUBAN_TEST_PG or start the server).`);

/** The dialects to run a suite on, each with whether it can run here. */
export const DIALECTS: { dialect: 'sqlite' | 'postgres'; available: boolean }[] = [
  { dialect: 'sqlite', available: true },
  { dialect: 'postgres', available: pgUp },
];

/**
 * A fresh store on `dialect` for the tests of the enclosing describe: a new target opened before
 * them (before the describe's own beforeAll hooks, which are registered after this call), closed
 * and dropped after them. `store` and `url` are read inside hooks and tests.
 */
export function freshStore(dialect: 'sqlite' | 'postgres'): { readonly store: Store; readonly url: string } {
  let target: TestTarget | undefined;
  let store: Store | undefined;
  beforeAll(async () => {
    target = await newTarget(dialect);
    store = await openStore(target.url);
  });
  afterAll(async () => {
    await store?.close();
    await target?.drop();
  });
  const opened = () => {
    if (!store || !target) throw new Error('freshStore: the store is opened in beforeAll; read it inside hooks and tests');
    return { store, target };
  };
  return {
    get store() {
      return opened().store;
    },
    get url() {
      return opened().target.url;
    },
  };
}
