// Store benchmark: import time and search latency on SQLite and PostgreSQL.
//
// Corpus: the seeds are parsed once (parseText + the store's derive step), and 100,000 documents
// are made from those records with variations — issuer city (12 cities of Inner Mongolia, their
// names and 文号 codes), year (2015–2024), date, serial, and measures (each document keeps its
// head and a pseudo-random 40–100% of its paragraphs; tasks follow their paragraphs). The parser
// is not timed here (bench/run.ts measures it); this measures what the store adds: derived rows,
// tokenising, the index, one transaction per file of 50 documents (a gazette's worth).
//
// Figures: time to import the first 10,000 documents; p50/p95/p99 of Duban's search() over a
// fixed query set at 100,000 documents; the same queries straight on the engine's full-text
// index (ids and rank only) in the same run, and the ratio of the two; also the index
// query inside Duban's search alone (the newest matches, which Duban ranks itself, see rank.ts;
// on PostgreSQL fts-pg.ts).
//
//   node --import tsx bench/store.ts [--docs 100000] [--only sqlite|postgres] [--pg URL] [--repeat 5]
//     [--keep PATH]   build the SQLite database at PATH and leave it there; with --only postgres,
//                     PATH is a database name on the --pg server (created, never dropped)
//     [--reuse PATH]  time the searches on a database built with --keep, no import
//     [--per-query]   also each query's median
//     [--no-bulk]     PostgreSQL: keep the full-text index while loading past the first 10,000
import { rmSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { sql } from 'kysely';
import pg from 'pg';
import { finishWrites, rawEngineMatch } from '../src/store/fts.ts';
import { pgLooseCandidates } from '../src/store/fts-pg.ts';
import { openStore } from '../src/store/open.ts';
import { CANDIDATES, engineQuery, search } from '../src/store/search.ts';
import { parseQuery } from '../src/store/tokens.ts';
import { queryPhrases } from '../src/store/rank.ts';
import { DOCS_PER_FILE, dropFullTextIndex, importRange, QUERIES, seedRecords, type Templates } from './store-corpus.ts';

const args = process.argv.slice(2);
const option = (name: string) => {
  const at = args.indexOf(name);
  return at >= 0 ? args[at + 1] : undefined;
};
const TOTAL = Number(option('--docs') ?? 100_000);
const FIRST = Math.min(10_000, TOTAL);
const REPEAT = Number(option('--repeat') ?? 5);
const ONLY = option('--only');
const PG_URL = option('--pg') ?? process.env.DUBAN_BENCH_PG ?? 'postgres://postgres@127.0.0.1:5432/test';
const KEEP = option('--keep');
const REUSE = option('--reuse');
/** The day the timed searches judge validity on (none of them filters by validity). */
const AS_OF = '2026-01-01';

const fmt = (n: number, d = 1) => n.toFixed(d);

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

async function timeQueries(run: (q: string) => Promise<unknown>): Promise<number[]> {
  for (const q of QUERIES) await run(q); // warm-up: caches, the jieba dictionary
  const times: number[] = [];
  for (let r = 0; r < REPEAT; r++) {
    for (const q of QUERIES) {
      const t0 = performance.now();
      await run(q);
      times.push(performance.now() - t0);
    }
  }
  return times.sort((a, b) => a - b);
}

interface Figures {
  dialect: string;
  import10k: number;
  importAll: number;
  duban: number[];
  raw: number[];
  candidates: number[] | null;
}

async function benchDialect(dialect: 'sqlite' | 'postgres', templates: Templates): Promise<Figures> {
  let target: string;
  let cleanup: () => Promise<void>;
  const kept = KEEP ?? REUSE;
  if (dialect === 'sqlite' && kept) {
    target = kept;
    cleanup = async () => {};
  } else if (dialect === 'sqlite') {
    const dir = join(tmpdir(), `duban-bench-${process.pid}`);
    mkdirSync(dir, { recursive: true });
    target = join(dir, 'bench.db');
    cleanup = async () => rmSync(dir, { recursive: true, force: true });
  } else {
    const name = kept ?? `duban_bench_${process.pid}`;
    if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`--keep/--reuse on PostgreSQL takes a database name, not ${name}`);
    const admin = async (text: string) => {
      const c = new pg.Client({ connectionString: PG_URL });
      await c.connect();
      await c.query(text);
      await c.end();
    };
    if (!REUSE) await admin(`CREATE DATABASE ${name}`);
    const url = new URL(PG_URL);
    url.pathname = `/${name}`;
    target = url.toString();
    cleanup = kept ? async () => {} : () => admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  }
  const store = await openStore(target);
  try {
    let import10k = NaN;
    let importAll = NaN;
    if (!REUSE) {
      const t0 = performance.now();
      await importRange(store, templates, 0, FIRST);
      await finishWrites(store.db, store.dialect);
      import10k = (performance.now() - t0) / 1000;
      // PostgreSQL, past the first 10,000: the store is filled the way a bulk load is (pg_restore
      // does the same), with the full-text index dropped and built again at the end, because
      // keeping a GIN index of bigrams up to date row by row runs at ~40 documents/s on this
      // machine and would take most of an hour. The index built is the one the migrations made.
      const rebuild = dialect === 'postgres' && TOTAL > FIRST && !args.includes('--no-bulk') ? await dropFullTextIndex(store) : null;
      await importRange(store, templates, FIRST, TOTAL);
      if (rebuild) await rebuild();
      await finishWrites(store.db, store.dialect);
      importAll = (performance.now() - t0) / 1000;
      // Fresh statistics, as autovacuum would have them on a store that has been running a while.
      if (dialect === 'postgres') await sql`VACUUM ANALYZE`.execute(store.db);
    }

    const duban = await timeQueries((q) => search(store, q, { asOf: AS_OF, limit: 10 }));
    if (args.includes('--per-query')) {
      for (const q of QUERIES) {
        const ts: number[] = [];
        for (let r = 0; r < REPEAT; r++) {
          const t0 = performance.now();
          await search(store, q, { asOf: AS_OF, limit: 10 });
          ts.push(performance.now() - t0);
        }
        ts.sort((a, b) => a - b);
        console.log(`  ${dialect} ${q}: median ${fmt(percentile(ts, 50), 1)} ms, max ${fmt(ts[ts.length - 1]!, 1)} ms`);
      }
    }
    const engineText = new Map(QUERIES.map((q) => [q, engineQuery(store, parseQuery(q))]));
    const raw = await timeQueries(async (q) => {
      const text = engineText.get(q);
      if (text) await rawEngineMatch(store.db, store.dialect, text, 10);
    });
    // SQLite: the index query inside Duban's search (the CANDIDATES newest matches, unranked), to
    // show what Duban adds on top of the engine now that it ranks the candidates itself.
    // PostgreSQL: the same for fts-pg.ts (the newest entries holding every token of the query).
    const candidates =
      dialect === 'sqlite'
        ? await timeQueries(async (q) => {
            const text = engineText.get(q);
            if (text) await sql`SELECT rowid FROM search_fts WHERE search_fts MATCH ${text} ORDER BY rowid DESC LIMIT ${CANDIDATES}`.execute(store.db);
          })
        : await timeQueries(async (q) => {
            const text = engineText.get(q);
            if (text) await pgLooseCandidates(store.db, text, { asOf: AS_OF }, CANDIDATES, queryPhrases(parseQuery(q).terms));
          });
    return { dialect, import10k, importAll, duban, raw, candidates };
  } finally {
    await store.close();
    await cleanup();
  }
}

console.log(`duban store benchmark — node ${process.version}, ${TOTAL} documents (${DOCS_PER_FILE} per file/transaction), ${QUERIES.length} queries × ${REPEAT}`);
const templates = seedRecords();
console.log(`templates: ${templates.length} parsed seed documents, ${templates.reduce((n, t) => n + t.template.record.tasks.length, 0)} tasks`);
const results: Figures[] = [];
for (const dialect of ['sqlite', 'postgres'] as const) {
  if (ONLY && ONLY !== dialect) continue;
  if ((KEEP || REUSE) && !ONLY) {
    console.log('--keep and --reuse name one database: give --only sqlite or --only postgres');
    break;
  }
  if (dialect === 'postgres') {
    const ok = await new pg.Client({ connectionString: PG_URL, connectionTimeoutMillis: 3000 }).connect().then(
      (c) => (void c.end(), true),
      () => false,
    );
    if (!ok) {
      console.log(`PostgreSQL not reachable at ${PG_URL}: skipped`);
      continue;
    }
  }
  results.push(await benchDialect(dialect, templates));
}
for (const r of results) {
  const p = (xs: number[], k: number) => percentile(xs, k);
  console.log();
  console.log(`${r.dialect}:`);
  if (REUSE) console.log(`  import: not run (--reuse ${REUSE})`);
  else console.log(`  import ${FIRST} documents: ${fmt(r.import10k)} s (${fmt(FIRST / r.import10k, 0)} documents/s); all ${TOTAL}: ${fmt(r.importAll)} s`);
  console.log(`  search at ${TOTAL} documents   p50 ${fmt(p(r.duban, 50), 2)} ms  p95 ${fmt(p(r.duban, 95), 2)} ms  p99 ${fmt(p(r.duban, 99), 2)} ms`);
  console.log(`  raw engine, same queries     p50 ${fmt(p(r.raw, 50), 2)} ms  p95 ${fmt(p(r.raw, 95), 2)} ms  p99 ${fmt(p(r.raw, 99), 2)} ms`);
  console.log(`  ratio duban/raw              p50 ${fmt(p(r.duban, 50) / p(r.raw, 50), 2)}×  p95 ${fmt(p(r.duban, 95) / p(r.raw, 95), 2)}×`);
  if (r.candidates) {
    const c = r.candidates;
    console.log(`  index query alone (newest ${CANDIDATES} matches)  p50 ${fmt(p(c, 50), 2)} ms  p95 ${fmt(p(c, 95), 2)} ms  p99 ${fmt(p(c, 99), 2)} ms`);
  }
}
