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
import { readdirSync, readFileSync, rmSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { sql } from 'kysely';
import pg from 'pg';
import { systemClock } from '../src/calendar/clock.ts';
import { parseText } from '../src/pipeline.ts';
import { deriveFile, type DerivedDocument, type DerivedFile } from '../src/store/derive.ts';
import { finishWrites, rawEngineMatch } from '../src/store/fts.ts';
import { dropGinIndexes, rebuildIndexes } from '../src/store/gin-indexes.ts';
import { pgLooseCandidates } from '../src/store/fts-pg.ts';
import { openStore, type Store } from '../src/store/open.ts';
import { CANDIDATES, engineQuery, search } from '../src/store/search.ts';
import { parseQuery } from '../src/store/tokens.ts';
import { queryPhrases } from '../src/store/rank.ts';
import { writeFile } from '../src/store/writer.ts';
import type { ParseResult } from '../src/types.ts';
import { prng, seedsDir } from './corpus.ts';

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
const DOCS_PER_FILE = 50;
const KEEP = option('--keep');
const REUSE = option('--reuse');
/** The day the timed searches judge validity on (none of them filters by validity). */
const AS_OF = '2026-01-01';

const CITIES: [string, string][] = [
  ['通辽市', '通'], ['赤峰市', '赤'], ['呼和浩特市', '呼'], ['包头市', '包'], ['鄂尔多斯市', '鄂'], ['兴安盟', '兴'],
  ['锡林郭勒盟', '锡'], ['乌兰察布市', '乌'], ['巴彦淖尔市', '巴'], ['乌海市', '海'], ['呼伦贝尔市', '伦'], ['阿拉善盟', '阿'],
];

/** The fixed query set: common and rare words, phrases, 文号 in odd spellings, posts, dates, units. */
const QUERIES = [
  '知识产权质押融资', '绿色发展', '应急预案', '营商环境', '安全生产', '装配式建筑', '"城乡建设绿色发展"', '研发经费投入',
  '规范性文件 清理', '电子商务', '秸秆禁烧', '医疗废物', '统计工作', '政务公开', '乡村振兴', '招商引资', '财政事权',
  '突发重大动物疫情', '一件事一次办', '全区通办', '赤政办发〔2019〕1234号', '通政办发[2023]63号', '兴署发（2022）第6号',
  '市水务局副局长', '7月14日', '旗县市区人民政府', '市财政局', '风险补偿资金', '建筑业高质量发展', '国旗法',
];

function seedRecords(): { template: DerivedDocument; paragraphs: string[] }[] {
  const out: { template: DerivedDocument; paragraphs: string[] }[] = [];
  for (const name of readdirSync(seedsDir).filter((n) => n.endsWith('.txt')).sort()) {
    const raw = readFileSync(join(seedsDir, name), 'utf8');
    for (const d of deriveFile(raw, parseText(raw, name)).documents) {
      if (d.record.title === '') continue;
      out.push({ template: d, paragraphs: d.body.split('\n') });
    }
  }
  return out;
}

/** Document `i` of the corpus: a seed document moved to another city, year and serial, with a share of its measures. */
function makeDocument(templates: ReturnType<typeof seedRecords>, i: number): DerivedDocument {
  const rand = prng(i + 1);
  const { template, paragraphs } = templates[i % templates.length]!;
  const [city, abbr] = CITIES[Math.floor(rand() * CITIES.length)]!;
  const short = city.replace(/[市盟]$/, '');
  const move = (s: string) => s.replace(/通辽市|兴安盟|呼和浩特市/g, city).replace(/通辽/g, short);
  const year = 2015 + Math.floor(rand() * 10);
  const month = 1 + Math.floor(rand() * 12);
  const day = 1 + Math.floor(rand() * 28);
  const date = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  const code = template.record.docNumber ? /^(.+?)〔/.exec(template.record.docNumber)?.[1] ?? '政发' : '政发';
  const docNumber = `${abbr}${code.slice(1)}〔${year}〕${1 + (i % 2000)}号`;
  const keepShare = 0.4 + rand() * 0.6;
  const kept = paragraphs.filter((_, k) => k < 5 || rand() < keepShare);
  const body = move(kept.join('\n')).replace(template.record.docNumber ?? '\u0000', docNumber);
  const keptText = kept.join('\n');
  const tasks = template.record.tasks.filter((t) => keptText.includes(t.text.slice(0, 12))).map((t) => ({ ...t, text: move(t.text) }));
  const title = move(template.record.title);
  return {
    ...template,
    record: { ...template.record, docNumber, title, issuer: template.record.issuer.map(move), date, tasks },
    body,
    titleKey: `${template.titleKey}${i}`,
    validity: { ...template.validity, validFrom: date },
    references: template.references.slice(0, 3),
  };
}

function fileOf(documents: DerivedDocument[]): DerivedFile {
  const result: ParseResult = {
    source: 'bench',
    kind: 'compilation',
    issue: null,
    documents: documents.map((d) => d.record),
    appointments: [],
    chronicle: [],
    routingSlip: null,
    warnings: [],
    accounting: { lineCount: 0, dropped: [], regions: [], unplaced: [] },
  };
  return { result, documents };
}

async function importRange(store: Store, templates: ReturnType<typeof seedRecords>, from: number, to: number): Promise<void> {
  for (let start = from; start < to; start += DOCS_PER_FILE) {
    const docs: DerivedDocument[] = [];
    for (let i = start; i < Math.min(to, start + DOCS_PER_FILE); i++) docs.push(makeDocument(templates, i));
    const n = start / DOCS_PER_FILE;
    await store.db.transaction().execute((trx) =>
      writeFile(trx, store.dialect, { path: `/bench/file-${n}.txt`, name: `file-${n}.txt`, hash: `bench-${n}`, format: 'txt', size: 0, importedAt: systemClock.now().toISOString() }, fileOf(docs)),
    );
    if ((start + DOCS_PER_FILE) % 10_000 === 0) process.stderr.write(`  ${store.dialect}: ${start + DOCS_PER_FILE} documents\n`);
  }
}

/** Drops search_entries' GIN index; returns the function that builds it again. */
async function dropFullTextIndex(store: Store): Promise<() => Promise<void>> {
  const definitions = await dropGinIndexes(store.db);
  return async () => {
    const t0 = performance.now();
    await rebuildIndexes(store.db, definitions, '2GB');
    process.stderr.write(`  postgres: full-text index built in ${((performance.now() - t0) / 1000).toFixed(1)} s\n`);
  };
}

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

async function benchDialect(dialect: 'sqlite' | 'postgres', templates: ReturnType<typeof seedRecords>): Promise<Figures> {
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
