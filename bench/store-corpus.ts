// The 100,000-document benchmark store, made from the parsed seeds with variations (issuer city,
// year, date, serial, a share of the measures; see bench/store.ts for the corpus), and the fixed
// query set. bench/store.ts times import and search on it; bench/search-load.ts serves it.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { systemClock } from '../src/calendar/clock.ts';
import { parseText } from '../src/pipeline.ts';
import { deriveFile, type DerivedDocument, type DerivedFile } from '../src/store/derive.ts';
import { sql } from 'kysely';
import { finishWrites } from '../src/store/fts.ts';
import { dropGinIndexes, rebuildIndexes } from '../src/store/gin-indexes.ts';
import type { Store } from '../src/store/open.ts';
import { writeFile } from '../src/store/writer.ts';
import type { ParseResult } from '../src/types.ts';
import { prng, seedsDir } from './corpus.ts';

/** Bump when makeDocument, the query set's meaning or the way a store is filled changes: cached stores (bench/search-load.ts) are keyed by it. */
export const STORE_GENERATOR_VERSION = 1;
export const DOCS_PER_FILE = 50;

const CITIES: [string, string][] = [
  ['通辽市', '通'], ['赤峰市', '赤'], ['呼和浩特市', '呼'], ['包头市', '包'], ['鄂尔多斯市', '鄂'], ['兴安盟', '兴'],
  ['锡林郭勒盟', '锡'], ['乌兰察布市', '乌'], ['巴彦淖尔市', '巴'], ['乌海市', '海'], ['呼伦贝尔市', '伦'], ['阿拉善盟', '阿'],
];

/** The fixed query set: common and rare words, phrases, 文号 in odd spellings, posts, dates, units. */
export const QUERIES = [
  '知识产权质押融资', '绿色发展', '应急预案', '营商环境', '安全生产', '装配式建筑', '"城乡建设绿色发展"', '研发经费投入',
  '规范性文件 清理', '电子商务', '秸秆禁烧', '医疗废物', '统计工作', '政务公开', '乡村振兴', '招商引资', '财政事权',
  '突发重大动物疫情', '一件事一次办', '全区通办', '赤政办发〔2019〕1234号', '通政办发[2023]63号', '兴署发（2022）第6号',
  '市水务局副局长', '7月14日', '旗县市区人民政府', '市财政局', '风险补偿资金', '建筑业高质量发展', '国旗法',
];

export type Templates = { template: DerivedDocument; paragraphs: string[] }[];

export function seedRecords(): { template: DerivedDocument; paragraphs: string[] }[] {
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
function makeDocument(templates: Templates, i: number): DerivedDocument {
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

export async function importRange(store: Store, templates: Templates, from: number, to: number): Promise<void> {
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
export async function dropFullTextIndex(store: Store): Promise<() => Promise<void>> {
  const definitions = await dropGinIndexes(store.db);
  return async () => {
    const t0 = performance.now();
    await rebuildIndexes(store.db, definitions, '2GB');
    process.stderr.write(`  postgres: full-text index built in ${((performance.now() - t0) / 1000).toFixed(1)} s\n`);
  };
}


/**
 * Fills an empty store with `total` documents: the first 10,000 with every index kept up to date,
 * the rest on PostgreSQL the way a bulk load is (full-text index dropped and built again), then
 * the pending GIN list merged and, on PostgreSQL, fresh statistics.
 */
export async function fillStore(store: Store, templates: Templates, total: number): Promise<void> {
  const first = Math.min(10_000, total);
  await importRange(store, templates, 0, first);
  await finishWrites(store.db, store.dialect);
  const rebuild = store.dialect === 'postgres' && total > first ? await dropFullTextIndex(store) : null;
  await importRange(store, templates, first, total);
  if (rebuild) await rebuild();
  await finishWrites(store.db, store.dialect);
  if (store.dialect === 'postgres') await sql`VACUUM ANALYZE`.execute(store.db);
}
