// Benchmark stores built once and kept: a 100,000-document store takes minutes to fill (SQLite)
// or most of half an hour (PostgreSQL), so bench/search-load.ts builds each size once per
// generator version and schema and reuses it. SQLite: bench/corpus/stores/sqlite-v<version>-
// <newest migration>-<docs>.db (gitignored, under bench/corpus/). PostgreSQL: a database
// duban_bench_v<version>_<migration number>_<docs> on the benchmark's server. The newest
// migration is in the key because a store opened by a newer checkout is migrated by it, and an
// older checkout then refuses to open it. Each is built under a temporary name and renamed when
// complete, so an interrupted build is never taken for a finished one.
import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { migrations } from '../src/store/migrations/index.ts';
import { openStore } from '../src/store/open.ts';
import { corpusDir } from './corpus.ts';
import { fillStore, seedRecords, STORE_GENERATOR_VERSION } from './store-corpus.ts';

const say = (line: string) => process.stderr.write(`${line}\n`);

/** The newest migration's name (both engines have the same list). */
const schema = Object.keys(migrations('sqlite')).sort().at(-1)!;

/** The path of the cached SQLite store of `docs` documents, built first if missing. */
export async function cachedSqliteStore(docs: number): Promise<string> {
  const dir = join(corpusDir, 'stores');
  const path = join(dir, `sqlite-v${STORE_GENERATOR_VERSION}-${schema}-${docs}.db`);
  if (existsSync(path)) return path;
  mkdirSync(dir, { recursive: true });
  const building = `${path}.building`;
  for (const suffix of ['', '-wal', '-shm']) rmSync(`${building}${suffix}`, { force: true });
  say(`  building the SQLite store of ${docs} documents (once; kept in ${path})`);
  const t0 = performance.now();
  const store = await openStore(building);
  try {
    await fillStore(store, seedRecords(), docs);
  } finally {
    await store.close(); // closing the last connection checkpoints the WAL into the file
  }
  renameSync(building, path);
  say(`  built in ${((performance.now() - t0) / 1000).toFixed(0)} s`);
  return path;
}

async function adminQuery(url: string, text: string): Promise<pg.QueryResult> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await client.query(text);
  } finally {
    await client.end();
  }
}

/** The URL of the cached PostgreSQL store of `docs` documents on the server of `adminUrl`, built first if missing. */
export async function cachedPgStore(adminUrl: string, docs: number): Promise<string> {
  const name = `duban_bench_v${STORE_GENERATOR_VERSION}_${schema.slice(0, 4)}_${docs}`;
  const at = (db: string) => {
    const u = new URL(adminUrl);
    u.pathname = `/${db}`;
    return u.toString();
  };
  const found = await adminQuery(adminUrl, `SELECT 1 FROM pg_database WHERE datname = '${name}'`);
  if (found.rowCount) return at(name);
  const building = `${name}_building`;
  await adminQuery(adminUrl, `DROP DATABASE IF EXISTS ${building} WITH (FORCE)`);
  await adminQuery(adminUrl, `CREATE DATABASE ${building}`);
  say(`  building the PostgreSQL store of ${docs} documents (once; kept as database ${name})`);
  const t0 = performance.now();
  const store = await openStore(at(building));
  try {
    await fillStore(store, seedRecords(), docs);
  } finally {
    await store.close();
  }
  await adminQuery(adminUrl, `ALTER DATABASE ${building} RENAME TO ${name}`);
  say(`  built in ${((performance.now() - t0) / 1000).toFixed(0)} s`);
  return at(name);
}
