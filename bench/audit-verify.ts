// Audit chain benchmark: a store as before migration 0016 with N events (default 100,000), then
// opened (0016 chains them: timed), then verifyAuditChain over all of them (timed, best of 3).
//
//   node --import tsx bench/audit-verify.ts [--events 100000] [--only sqlite|postgres] [--pg URL]
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import Sqlite from 'better-sqlite3';
import { Kysely, Migrator, PostgresDialect, SqliteDialect, sql } from 'kysely';
import pg from 'pg';
import { verifyAuditChain } from '../src/store/audit-chain.ts';
import { migrations } from '../src/store/migrations/index.ts';
import { openStore } from '../src/store/open.ts';

const args = process.argv.slice(2);
const option = (name: string) => {
  const at = args.indexOf(name);
  return at >= 0 ? args[at + 1] : undefined;
};
const EVENTS = Number(option('--events') ?? 100_000);
const ONLY = option('--only');
const PG = option('--pg') ?? 'postgres://postgres@127.0.0.1:5432/test';

async function run(dialect: 'sqlite' | 'postgres'): Promise<void> {
  let url: string;
  let drop: () => Promise<void>;
  if (dialect === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'duban-audit-bench-'));
    url = join(dir, 'duban.db');
    drop = async () => rmSync(dir, { recursive: true, force: true });
  } else {
    const name = `duban_audit_bench_${process.pid}`;
    const admin = new pg.Client({ connectionString: PG });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const u = new URL(PG);
    u.pathname = `/${name}`;
    url = u.toString();
    drop = async () => {
      const c = new pg.Client({ connectionString: PG });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    };
  }
  try {
    const bare = new Kysely<any>({ dialect: dialect === 'sqlite' ? new SqliteDialect({ database: new Sqlite(url) }) : new PostgresDialect({ pool: new pg.Pool({ connectionString: url, max: 2 }) }) }); // eslint-disable-line @typescript-eslint/no-explicit-any
    const before = Object.fromEntries(Object.entries(migrations(dialect)).filter(([n]) => n < '0016_audit_chain'));
    const up = await new Migrator({ db: bare, provider: { getMigrations: async () => before } }).migrateToLatest();
    if (up.error) throw up.error;
    for (let i = 0; i < EVENTS; i += 1000) {
      const rows = Array.from({ length: Math.min(1000, EVENTS - i) }, (_, k) => {
        const n = i + k;
        return sql`(${new Date(Date.UTC(2026, 0, 1) + n * 1000).toISOString()}, ${`用户${n % 50}`}, ${n % 50}, ${'192.0.2.1'}, ${['import', 'login', 'user-update', 'read'][n % 4]!}, ${'document'}, ${n}, ${null}, ${JSON.stringify({ path: `/data/通知-${n}.docx`, hash: n.toString(16).padStart(64, '0'), documents: 3 })})`;
      });
      await sql`INSERT INTO audit_events (at, actor, actor_id, ip, action, entity, entity_id, before, after) VALUES ${sql.join(rows)}`.execute(bare);
    }
    await bare.destroy();
    let t = performance.now();
    const store = await openStore(url);
    const migrated = performance.now() - t;
    try {
      let best = Infinity;
      let verdict;
      for (let r = 0; r < 3; r++) {
        t = performance.now();
        verdict = await verifyAuditChain(store.db);
        best = Math.min(best, performance.now() - t);
      }
      console.log(`${dialect}: ${EVENTS.toLocaleString('en')} events — migration 0016 (chaining) ${(migrated / 1000).toFixed(2)} s; verifyAuditChain ${(best / 1000).toFixed(2)} s (best of 3), ok=${verdict!.ok} count=${verdict!.count}`);
    } finally {
      await store.close();
    }
  } finally {
    await drop();
  }
}

for (const dialect of ['sqlite', 'postgres'] as const) if (!ONLY || ONLY === dialect) await run(dialect);
