// Search under load: `duban serve` in a process of its own over the benchmark stores of
// bench/store-corpus.ts (1,200 and 100,000 documents, SQLite and PostgreSQL; built once and cached,
// bench/store-cache.ts), loaded with autocannon on 127.0.0.1 by 1, 10 and 50 concurrent clients,
// signed in as a real user, each client cycling through the 30 queries of bench/store.ts. Prints
// requests per second and p50/p99 latency for each. On SQLite each store is loaded twice: as
// served (search workers keep their recent answers while the store is unchanged, and these 30
// queries repeat) and with DUBAN_SEARCH_CACHE=0, every search computed: what a search costs.
//
//   node --import tsx bench/search-load.ts [--quick] [--only sqlite|postgres] [--seconds 10]
//     [--clients 1,10,50] [--sizes 1200,100000] [--pg URL] [--bin PATH]
//   --quick         the 1,200-document stores only (the 100,000-document ones take minutes to
//                   build the first time: SQLite about 10, PostgreSQL about 30)
//   --bin PATH      the duban command to serve with (e.g. another checkout's bin/duban.mjs, for a
//                   before/after on the same stores)
//   --no-cache-run  SQLite: only the run as served
//   --store PATH    load this store (a SQLite file or a PostgreSQL URL) instead, as served
//   DUBAN_SEARCH_WORKERS is passed on to the server (0: search in the server's thread).
import autocannon from 'autocannon';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { cachedPgStore, cachedSqliteStore } from './store-cache.ts';
import { QUERIES } from './store-corpus.ts';
import { freePort } from '../test/free-port.ts';

const args = process.argv.slice(2);
const option = (name: string, fallback: string) => {
  const at = args.indexOf(name);
  return at >= 0 && args[at + 1] !== undefined ? args[at + 1]! : fallback;
};
const seconds = Number(option('--seconds', '10'));
const clients = option('--clients', '1,10,50').split(',').map(Number);
const sizes = args.includes('--quick') ? [1200] : option('--sizes', '1200,100000').split(',').map(Number);
const only = option('--only', '');
const pgUrl = option('--pg', process.env.DUBAN_BENCH_PG ?? 'postgres://postgres@127.0.0.1:5432/test');
const bin = option('--bin', join(import.meta.dirname, '..', 'bin', 'duban.mjs'));
const PASSWORD = 'Bench-Passw0rd!';

async function serve(db: string, logs: string, env: Record<string, string>): Promise<{ server: ChildProcess; base: string }> {
  const port = await freePort();
  const server = spawn(process.execPath, [bin, '--db', db, 'serve', '--port', String(port), '--log-dir', logs], {
    env: { ...process.env, ...env, DUBAN_ADMIN_PASSWORD: PASSWORD },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let said = '';
  server.stderr!.on('data', (d: Buffer) => (said += d.toString()));
  for (let waited = 0; !said.includes('督办已启动'); waited += 100) {
    if (waited > 120_000 || server.exitCode !== null) throw new Error(`server did not start: ${said}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return { server, base: `http://127.0.0.1:${port}` };
}

async function stop(server: ChildProcess): Promise<void> {
  if (server.exitCode !== null) return;
  const exited = new Promise((r) => server.once('exit', r));
  server.kill('SIGTERM');
  await exited;
}

async function pgReachable(): Promise<boolean> {
  const client = new pg.Client({ connectionString: pgUrl, connectionTimeoutMillis: 3000 });
  return client.connect().then(
    () => (void client.end(), true),
    () => false,
  );
}

const paths = QUERIES.map((q) => ({ path: `/api/search?q=${encodeURIComponent(q)}` }));

async function loadStore(label: string, db: string, env: Record<string, string> = {}): Promise<void> {
  const work = mkdtempSync(join(tmpdir(), 'duban-bench-search-'));
  const { server, base } = await serve(db, join(work, 'logs'), env);
  try {
    const login = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'admin', password: PASSWORD }) });
    if (!login.ok) throw new Error(`sign-in failed: ${login.status} ${await login.text()}`);
    const headers = { cookie: login.headers.get('set-cookie')!.split(';')[0]! };
    // Warm-up, not reported: the page cache, the jieba dictionary, each worker's statements.
    await autocannon({ url: base, headers, requests: paths, connections: 10, duration: 3 });
    for (const connections of clients) {
      const r = await autocannon({ url: base, headers, requests: paths, connections, duration: seconds });
      const bad = r.non2xx + r.errors + r.timeouts;
      console.log(
        `${label.padEnd(48)} ${String(connections).padStart(3)} clients ${String(Math.round(r.requests.average)).padStart(6)} req/s   p50 ${String(r.latency.p50).padStart(4)} ms   p99 ${String(r.latency.p99).padStart(4)} ms${bad ? `   (${bad} failed)` : ''}`,
      );
    }
  } finally {
    await stop(server);
    rmSync(work, { recursive: true, force: true });
  }
}

console.log(`search under load — node ${process.version}, ${QUERIES.length} queries in turn, ${seconds} s per line, server ${bin}${process.env.DUBAN_SEARCH_WORKERS !== undefined ? `, DUBAN_SEARCH_WORKERS=${process.env.DUBAN_SEARCH_WORKERS}` : ''}`);
const own = option('--store', '');
if (own) await loadStore(own.startsWith('postgres') ? 'the PostgreSQL store given' : 'the SQLite store given', own);
for (const dialect of own ? [] : (['sqlite', 'postgres'] as const)) {
  if (only && only !== dialect) continue;
  if (dialect === 'postgres' && !(await pgReachable())) {
    console.log(`PostgreSQL not reachable at ${pgUrl}: skipped`);
    continue;
  }
  for (const docs of sizes) {
    const db = dialect === 'sqlite' ? await cachedSqliteStore(docs) : await cachedPgStore(pgUrl, docs);
    const label = `${dialect === 'sqlite' ? 'SQLite' : 'PostgreSQL'} ${docs.toLocaleString('en')} documents`;
    if (dialect === 'postgres') {
      await loadStore(label, db);
      continue;
    }
    await loadStore(`${label}, answers kept`, db);
    if (!args.includes('--no-cache-run')) await loadStore(`${label}, every search computed`, db, { DUBAN_SEARCH_CACHE: '0' });
  }
}
