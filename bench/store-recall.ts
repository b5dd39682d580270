// Which segmentation the search index uses is decided here, by recall on a query set over the
// seeds: jieba words (precise mode, and search mode) against overlapping bigrams, all in SQLite
// FTS5 with the same texts. A query's relevant texts are the ones that contain it (after
// removing everything but Han characters, letters and digits); "loose" queries list parts
// that must all occur. Prints recall and precision per method (macro averages over queries).
//
//   node --import tsx bench/store-recall.ts
import Sqlite from 'better-sqlite3';
import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseText } from '../src/pipeline.ts';
import { appointmentText, deriveFile } from '../src/store/derive.ts';
import { indexTokens, parseQuery, toFts5 } from '../src/store/tokens.ts';

const seeds = join(import.meta.dirname, '..', '..', 'shared', 'seeds');

/** Texts a search looks through: document bodies, tasks, appointments, chronicle entries. */
function corpus(): string[] {
  const texts: string[] = [];
  for (const f of readdirSync(seeds).filter((n) => n.endsWith('.txt')).sort()) {
    const raw = readFileSync(join(seeds, f), 'utf8');
    const derived = deriveFile(raw, parseText(raw, f));
    for (const d of derived.documents) {
      texts.push(`${d.record.title}\n${d.body}`);
      for (const t of d.record.tasks) texts.push(t.text);
    }
    for (const a of derived.result.appointments) texts.push(`${appointmentText(a)} ${a.batch ?? ''}`);
    for (const c of derived.result.chronicle) texts.push(c.text);
  }
  return texts;
}

/** Exact queries: strings as a user types them. */
const EXACT = [
  '知识产权质押融资', '市水务局副局长', '绿色发展', '城乡建设', '突发重大动物疫情', '应急预案', '营商环境', '装配式建筑',
  '研发经费投入', '规范性文件', '备案审查', '行政权力事项', '公共服务事项', '火灾事故调查', '电子商务', '国旗法', '秸秆禁烧',
  '医疗废物处置', '统计工作', '军人随军家属', '政务公开', '一件事一次办', '全区通办', '建筑业高质量发展', '邮政业突发事件',
  '财政事权和支出责任', '安全生产', '招商引资', '乡村振兴', '科尔沁沙地', '双月述评会', '副秘书长', '试用期', '挂职',
  '风险补偿资金', '白名单', '知识产权', '融资', '数字化', '碳达峰', '污水处理', '农村牧区', '物业管理', '历史建筑',
  '党校', '专利', '中小企业', '人才', '旗县市区人民政府', '开发区管委会',
];
/** Loose queries: the user leaves words out; relevant texts hold every part. */
const LOOSE: [string, string[]][] = [
  ['知识产权融资', ['知识产权', '融资']],
  ['城乡绿色发展', ['城乡', '绿色发展']],
  ['动物疫情预案', ['动物疫情', '预案']],
  ['建筑业发展措施', ['建筑业', '发展', '措施']],
  ['安全生产督导', ['安全生产', '督导']],
  ['水务局局长', ['水务局', '局长']],
  ['营商环境整治', ['营商环境', '整治']],
  ['规范性文件清理', ['规范性文件', '清理']],
];

const letters = (s: string) => s.replace(/[^\p{Script=Han}0-9A-Za-z]/gu, '').toLowerCase();

const jieba = Jieba.withDict(dict);
const words = (s: string, search: boolean) =>
  (search ? jieba.cutForSearch(s, false) : jieba.cut(s, false)).map((w) => letters(w)).filter((w) => w !== '');

interface Method {
  name: string;
  index: (text: string) => string;
  query: (q: string) => string | null;
}

const quote = (ws: string[]) => ws.map((w) => `"${w}"`).join(' AND ');
const METHODS: Method[] = [
  { name: 'jieba precise, words AND', index: (t) => words(t, false).join(' '), query: (q) => quote(words(q, false)) || null },
  { name: 'jieba search mode, words AND', index: (t) => words(t, true).join(' '), query: (q) => quote(words(q, false)) || null },
  { name: 'bigrams, exact phrase', index: indexTokens, query: (q) => toFts5({ terms: parseQuery(`"${q}"`).terms, docNumbers: [] }) },
  { name: 'bigrams, phrase OR jieba words (chosen)', index: indexTokens, query: (q) => toFts5(parseQuery(q)) },
];

const texts = corpus();
const keyed = texts.map(letters);
const relevantExact = (q: string) => new Set(keyed.flatMap((t, i) => (t.includes(letters(q)) ? [i] : [])));
const relevantLoose = (parts: string[]) => new Set(keyed.flatMap((t, i) => (parts.every((p) => t.includes(letters(p))) ? [i] : [])));

console.log(`recall test: ${texts.length} texts from the seeds, ${EXACT.length} exact + ${LOOSE.length} loose queries`);
for (const m of METHODS) {
  const db = new Sqlite(':memory:');
  db.exec(`CREATE VIRTUAL TABLE f USING fts5(body, tokenize='unicode61 remove_diacritics 0')`);
  const insert = db.prepare('INSERT INTO f(rowid, body) VALUES (?, ?)');
  db.transaction(() => texts.forEach((t, i) => insert.run(i, m.index(t))))();
  const find = db.prepare('SELECT rowid AS id FROM f WHERE f MATCH ?');
  const score = (q: string, relevant: Set<number>) => {
    const expr = m.query(q);
    const found = new Set(expr === null ? [] : (find.all(expr) as { id: number }[]).map((r) => r.id));
    const hit = [...found].filter((i) => relevant.has(i)).length;
    return { recall: relevant.size === 0 ? 1 : hit / relevant.size, precision: found.size === 0 ? (relevant.size === 0 ? 1 : 0) : hit / found.size, missed: relevant.size - hit };
  };
  const exact = EXACT.map((q) => ({ q, ...score(q, relevantExact(q)) }));
  const loose = LOOSE.map(([q, parts]) => ({ q, ...score(q, relevantLoose(parts)) }));
  const avg = (xs: { recall: number; precision: number }[], k: 'recall' | 'precision') => (xs.reduce((n, x) => n + x[k], 0) / xs.length).toFixed(3);
  const worst = exact.filter((x) => x.missed > 0).map((x) => `${x.q}(-${x.missed})`).slice(0, 6).join(' ');
  console.log(
    `${m.name.padEnd(42)} exact: recall ${avg(exact, 'recall')} precision ${avg(exact, 'precision')} | loose: recall ${avg(loose, 'recall')} precision ${avg(loose, 'precision')}${worst ? ` | misses: ${worst}` : ''}`,
  );
  db.close();
}
