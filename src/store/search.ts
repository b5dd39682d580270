// Search over documents, tasks, appointments and the chronicle: a 文号 in the query finds its
// document first (any bracket style, spaces, 第); the rest is full text, ranked by BM25 over the
// newest matches (rank.ts; on PostgreSQL the newest matches come from fts-pg.ts), with a
// highlighted snippet from the stored text.
import { sql } from 'kysely';
import { candidateEntries, titleCandidates, TITLE_WEIGHT, type MatchFilters, type MatchRow } from './fts.ts';
import type { Store } from './open.ts';
import { bm25Scores } from './rank.ts';
import { pgCandidateEntries } from './fts-pg.ts';
import { makeSnippet } from './snippet.ts';
import { parseQuery, toFts5, toTsQuery, type ParsedQuery } from './tokens.ts';

export type SearchKind = 'document' | 'task' | 'appointment' | 'chronicle';
export const SEARCH_KINDS: readonly SearchKind[] = ['document', 'task', 'appointment', 'chronicle'];

export interface SearchOptions {
  kinds?: readonly SearchKind[];
  issuer?: string;
  year?: number;
  /** 文种: 通知, 意见, 方案, 通告 … (of the document or of the text it issues). */
  docKind?: string;
  unit?: string;
  validity?: MatchFilters['validity'];
  /** The day validity is judged on, YYYY-MM-DD; today by default. */
  asOf?: string;
  limit?: number;
  offset?: number;
  /** SQLite: how many of the newest matches are ranked (default CANDIDATES); more is slower on common words. */
  candidates?: number;
}

export interface SearchHit {
  kind: SearchKind;
  /** Id of the document, task, appointment or chronicle entry. */
  id: number;
  documentId: number | null;
  /** The document's 文号; for an appointment the batch 文号. */
  docNumber: string | null;
  title: string;
  date: string | null;
  /** Higher is better. An exact 文号 match scores above every full-text hit. */
  score: number;
  /** HTML-escaped text with <mark> around matches. */
  snippet: string;
  /** The file the hit came from. */
  source: string;
}

interface Detail {
  docNumber: string | null;
  title: string;
  date: string | null;
  text: string;
  source: string;
}

/** The engine's query text for this store, or null when the query holds nothing searchable. */
export function engineQuery(store: Store, parsed: ParsedQuery): string | null {
  return store.dialect === 'sqlite' ? toFts5(parsed) : toTsQuery(parsed);
}

/** Details of hits; `bodyChars` cuts a document's text to its first characters (ranking needs no more). */
async function details(store: Store, rows: readonly { kind: string; ref_id: number }[], bodyChars?: number): Promise<Map<string, Detail>> {
  const ids = (kind: string) => rows.filter((r) => r.kind === kind).map((r) => r.ref_id);
  const out = new Map<string, Detail>();
  const db = store.db;
  const docIds = ids('document');
  if (docIds.length > 0) {
    const docs = await db
      .selectFrom('documents as d')
      .innerJoin('source_files as f', 'f.id', 'd.source_file_id')
      .select(['d.id', 'd.doc_number', 'd.title', 'd.date', 'f.name'])
      .select(bodyChars === undefined ? sql<string>`d.body`.as('body') : sql<string>`substr(d.body, 1, ${bodyChars})`.as('body'))
      .where('d.id', 'in', docIds)
      .execute();
    for (const d of docs) out.set(`document:${d.id}`, { docNumber: d.doc_number, title: d.title, date: d.date, text: d.body, source: d.name });
  }
  const taskIds = ids('task');
  if (taskIds.length > 0) {
    const tasks = await db
      .selectFrom('tasks as t')
      .innerJoin('documents as d', 'd.id', 't.document_id')
      .innerJoin('source_files as f', 'f.id', 'd.source_file_id')
      .select(['t.id', 't.text', 'd.doc_number', 'd.title', 'd.date', 'f.name'])
      .where('t.id', 'in', taskIds)
      .execute();
    for (const t of tasks) out.set(`task:${t.id}`, { docNumber: t.doc_number, title: t.title, date: t.date, text: t.text, source: t.name });
  }
  const appointmentIds = ids('appointment');
  if (appointmentIds.length > 0) {
    const rowsA = await db
      .selectFrom('appointments as a')
      .innerJoin('source_files as f', 'f.id', 'a.source_file_id')
      .leftJoin('search_entries as e', (j) => j.onRef('e.ref_id', '=', 'a.id').on('e.kind', '=', 'appointment'))
      .select(['a.id', 'a.batch', 'a.notes', 'e.title', 'f.name'])
      .where('a.id', 'in', appointmentIds)
      .execute();
    for (const a of rowsA) {
      const title = a.title ?? '';
      out.set(`appointment:${a.id}`, { docNumber: a.batch, title, date: null, text: `${title}${a.batch ? `（${a.batch}）` : ''}`, source: a.name });
    }
  }
  const chronicleIds = ids('chronicle');
  if (chronicleIds.length > 0) {
    const rowsC = await db
      .selectFrom('chronicle_entries as c')
      .innerJoin('source_files as f', 'f.id', 'c.source_file_id')
      .leftJoin('search_entries as e', (j) => j.onRef('e.ref_id', '=', 'c.id').on('e.kind', '=', 'chronicle'))
      .select(['c.id', 'c.date', 'c.text', 'e.title', 'f.name'])
      .where('c.id', 'in', chronicleIds)
      .execute();
    for (const c of rowsC) out.set(`chronicle:${c.id}`, { docNumber: null, title: c.title ?? '大事记', date: c.date, text: c.text, source: c.name });
  }
  return out;
}

/** Documents whose own 文号 the query names (the most specific spelling that exists). */
async function exactNumberHits(store: Store, parsed: ParsedQuery, options: SearchOptions): Promise<MatchRow[]> {
  if (parsed.docNumbers.length === 0 || (options.kinds && !options.kinds.includes('document'))) return [];
  let q = store.db
    .selectFrom('documents as d')
    .select(['d.id', 'd.id as ref_id', 'd.id as document_id', 'd.source_file_id', 'd.title', 'd.date', 'd.doc_number'])
    .where('d.doc_number', 'in', parsed.docNumbers);
  if (options.year !== undefined) q = q.where('d.year', '=', options.year);
  if (options.issuer) q = q.where('d.issuer_text', 'like', `%${options.issuer}%`);
  if (options.docKind) q = q.where((eb) => eb.or([eb('d.doc_kind', '=', options.docKind!), eb('d.issued_kind', '=', options.docKind!)]));
  const rows = await q.orderBy('d.id').execute();
  const best = parsed.docNumbers.find((n) => rows.some((r) => r.doc_number === n));
  return rows.filter((r) => r.doc_number === best).map((r) => ({ ...r, kind: 'document', score: 0 }));
}

/** SQLite ranks at most this many matches of a query: the most recently indexed ones… */
export const CANDIDATES = 200;
/** …and up to this many more: the most recent documents whose title or 文号 matches. */
export const TITLE_CANDIDATES = 20;
/**
 * Ranking reads a document's first this many characters (its title always counts). Reading the
 * whole text of 200 long documents (2.3 million characters for 突发重大动物疫情) took 30 ms; the
 * head of a government document states its subject (purpose, scope, principles). Lucene capped a
 * field at 10,000 tokens by default for the same reason. 3,000 characters: p95 22 ms at 100,000
 * documents, 2,000: 18 ms (bench/store.ts).
 */
export const RANK_CHARS = 2000;

/** The most recent matches (CANDIDATES, or offset + limit if more), ranked by BM25 among themselves (rank.ts); both engines. */
async function rankedCandidates(store: Store, parsed: ParsedQuery, text: string, filters: MatchFilters, limit: number, offset: number, cap = CANDIDATES): Promise<MatchRow[]> {
  const newest = store.dialect === 'sqlite' ? await candidateEntries(store.db, text, filters, Math.max(cap, offset + limit)) : await pgCandidateEntries(store.db, text, filters, Math.max(cap, offset + limit));
  // Documents whose title matches are candidates however old they are (up to TITLE_CANDIDATES).
  // When fewer than `cap` entries match, every match is a candidate already.
  const full = newest.length >= Math.max(cap, offset + limit);
  const byTitle = store.dialect === 'sqlite' && full ? await titleCandidates(store.db, text, filters, TITLE_CANDIDATES) : [];
  const seen = new Set(newest.map((c) => c.id));
  const candidates = [...newest, ...byTitle.filter((c) => !seen.has(c.id))];
  const detail = await details(store, candidates, RANK_CHARS);
  const present = candidates.filter((c) => detail.has(`${c.kind}:${c.ref_id}`));
  const scores = bm25Scores(
    present.map((c) => {
      const d = detail.get(`${c.kind}:${c.ref_id}`)!;
      // What the index holds as the entry's title (writer.ts): a document's title and 文号, an
      // appointment's person and post, a chronicle entry's date; tasks have none.
      const title = c.kind === 'document' ? `${d.title} ${d.docNumber ?? ''}` : c.kind === 'task' ? '' : d.title;
      return { title, body: d.text };
    }),
    parsed.terms,
    TITLE_WEIGHT,
  );
  return present
    .map((c, k) => ({ ...c, score: scores[k]! }))
    .sort((a, b) => b.score - a.score || b.id - a.id)
    .slice(offset, offset + limit);
}

export async function search(store: Store, query: string, options: SearchOptions = {}): Promise<SearchHit[]> {
  const limit = Math.max(1, Math.min(options.limit ?? 20, 200));
  const offset = Math.max(0, options.offset ?? 0);
  const parsed = parseQuery(query);
  const filters: MatchFilters = {
    kinds: options.kinds,
    issuer: options.issuer,
    year: options.year,
    docKind: options.docKind,
    unit: options.unit,
    validity: options.validity,
    asOf: options.asOf ?? new Date().toISOString().slice(0, 10),
  };
  const exact = offset === 0 && !options.unit && !options.validity ? await exactNumberHits(store, parsed, options) : [];
  const text = engineQuery(store, parsed);
  const matched = text === null ? [] : await rankedCandidates(store, parsed, text, filters, limit, offset, options.candidates);

  const top = Math.max(0, ...matched.map((m) => m.score));
  const exactKeys = new Set(exact.map((e) => `document:${e.ref_id}`));
  const rows = [
    ...exact.map((e) => ({ ...e, score: top + 1 })),
    ...matched.filter((m) => !exactKeys.has(`${m.kind}:${m.ref_id}`)),
  ].slice(0, limit);

  const detail = await details(store, rows);
  const hits: SearchHit[] = [];
  for (const r of rows) {
    const d = detail.get(`${r.kind}:${r.ref_id}`);
    if (!d) continue; // removed by a concurrent re-import between the two queries
    hits.push({
      kind: r.kind as SearchKind,
      id: r.ref_id,
      documentId: r.document_id,
      docNumber: d.docNumber,
      title: d.title,
      date: d.date,
      score: Math.round(r.score * 1e4) / 1e4,
      snippet: makeSnippet(d.text, parsed.terms),
      source: d.source,
    });
  }
  return hits;
}

/** Number of rows in the index (documents, tasks, appointments, chronicle entries). */
export async function indexedCount(store: Store): Promise<number> {
  const r = await sql<{ n: number | string }>`SELECT count(*) AS n FROM search_entries`.execute(store.db);
  return Number(r.rows[0]?.n ?? 0);
}
