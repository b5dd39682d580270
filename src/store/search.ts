// Search over documents, tasks, appointments and the chronicle: a 文号 in the query finds its
// document first (any bracket style, spaces, 第); the rest is full text, ranked by BM25 over the
// newest matches (rank.ts; on PostgreSQL the newest matches come from fts-pg.ts), with a
// highlighted snippet from the stored text.
import { sql, type RawBuilder } from 'kysely';
import type { IsoDate } from '../calendar/iso-date.ts';
import { candidateEntries, titleCandidates, TITLE_WEIGHT, validitySql, type Candidate, type MatchFilters, type MatchRow } from './fts.ts';
import type { Store } from './open.ts';
import { bm25FromCounts, queryPhrases, shownByCounts } from './rank.ts';
import { pgConfirmed, pgLooseCandidates } from './fts-pg.ts';
import { makeSnippet } from './snippet.ts';
import { likeText } from './like.ts';
import { parseQuery, toFts5, toLooseTsQuery, toTsQuery, type ParsedQuery } from './tokens.ts';

import type { SearchKind } from './search-kinds.ts';
export { SEARCH_KINDS, type SearchKind } from './search-kinds.ts';

export interface SearchOptions {
  kinds?: readonly SearchKind[];
  issuer?: string;
  year?: number;
  /** 文种: 通知, 意见, 方案, 通告 … (of the document or of the text it issues). */
  docKind?: string;
  unit?: string;
  validity?: MatchFilters['validity'];
  topic?: string;
  /** Only what may appear in the public library. */
  publicOnly?: boolean;
  /** The day validity is judged on: the caller's today (Beijing time, from its clock) or a day asked for. */
  asOf: IsoDate;
  limit?: number;
  offset?: number;
  /** How many of the newest matches are ranked (default CANDIDATES); more is slower on common words. */
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

/** Details of hits, for what search returns. */
async function details(store: Store, rows: readonly { kind: string; ref_id: number }[]): Promise<Map<string, Detail>> {
  const ids = (kind: string) => rows.filter((r) => r.kind === kind).map((r) => r.ref_id);
  const out = new Map<string, Detail>();
  const db = store.db;
  const docIds = ids('document');
  if (docIds.length > 0) {
    const docs = await db
      .selectFrom('documents as d')
      .innerJoin('source_files as f', 'f.id', 'd.source_file_id')
      .select(['d.id', 'd.doc_number', 'd.title', 'd.date', 'd.body', 'f.name'])
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
  if (options.issuer) q = q.where(likeText('d.issuer_text', options.issuer));
  if (options.docKind) q = q.where((eb) => eb.or([eb('d.doc_kind', '=', options.docKind!), eb('d.issued_kind', '=', options.docKind!)]));
  if (options.topic) q = q.where('d.topic', '=', options.topic);
  if (options.publicOnly) q = q.where('d.access', '=', 'public');
  const rows = await q.orderBy('d.id').execute();
  const best = parsed.docNumbers.find((n) => rows.some((r) => r.doc_number === n));
  return rows.filter((r) => r.doc_number === best).map((r) => ({ ...r, kind: 'document', score: 0 }));
}

/** Search ranks this many matches of a query at a time: the most recently indexed ones… */
export const CANDIDATES = 200;
/** …and on SQLite up to this many more: the most recent documents whose title or 文号 matches. */
export const TITLE_CANDIDATES = 20;

/** `rows` ranked by BM25 among themselves (rank.ts), best first. */
function ranked<T extends Candidate>(rows: readonly T[]): T[] {
  const scores = bm25FromCounts(rows.map((c) => c.counts), TITLE_WEIGHT);
  return rows.map((c, k) => ({ ...c, score: scores[k]! })).sort((a, b) => b.score - a.score || b.id - a.id);
}

/** SQLite: the most recent matches (CANDIDATES, or offset + limit if more) and the newest title matches, ranked. */
async function sqliteRanked(store: Store, text: string, phrases: string[], filters: MatchFilters, limit: number, offset: number, cap: number): Promise<MatchRow[]> {
  const wanted = Math.max(cap, offset + limit);
  const newest = await candidateEntries(store.db, text, filters, wanted, phrases);
  // Documents whose title matches are candidates however old they are (up to TITLE_CANDIDATES).
  // When fewer than `cap` entries match, every match is a candidate already.
  const byTitle = newest.length >= wanted ? await titleCandidates(store.db, text, filters, TITLE_CANDIDATES, phrases) : [];
  const seen = new Set(newest.map((c) => c.id));
  return ranked([...newest, ...byTitle.filter((c) => !seen.has(c.id))]).slice(offset, offset + limit);
}

/**
 * PostgreSQL: the most recent entries holding every token of the query (fts-pg.ts), ranked; then,
 * best first, only those the exact query matches: an entry whose kept text shows the query is one
 * (rank.ts shownByCounts), the others are asked of the engine a few at a time. When the set holds
 * too few, the next older set is ranked after it.
 */
async function pgRanked(store: Store, parsed: ParsedQuery, text: string, phrases: string[], filters: MatchFilters, limit: number, offset: number, cap: number): Promise<MatchRow[]> {
  const wanted = offset + limit;
  const loose = toLooseTsQuery(parsed)!;
  // Without phrases or prefixes the loose query is the query: nothing to confirm.
  const confirm = loose !== text;
  const out: MatchRow[] = [];
  const taken = new Set<string>();
  let below: number | undefined;
  for (;;) {
    const batch = await pgLooseCandidates(store.db, loose, filters, Math.max(cap, wanted), phrases, below);
    const order = ranked(batch.rows.filter((c) => !taken.has(`${c.kind}:${c.ref_id}`)));
    // The next few, as many as are still wanted (at least 8: a phrase check is one query), more
    // at a time while few of them hold the phrases.
    let step = 8;
    for (let at = 0; at < order.length && out.length < wanted; ) {
      const slice = order.slice(at, at + Math.max(step, wanted - out.length));
      at += slice.length;
      const before = out.length;
      const unsure = confirm ? slice.filter((c) => !shownByCounts(parsed.terms, phrases, c.counts, c.kind)) : [];
      const exact = await pgConfirmed(store.db, text, unsure);
      const asked = new Set(unsure.map((c) => c.id));
      for (const c of slice) {
        const key = `${c.kind}:${c.ref_id}`;
        taken.add(key);
        if (asked.has(c.id) && !exact.has(key)) continue;
        if (out.length < wanted) out.push(c);
      }
      if ((out.length - before) * 2 < slice.length) step *= 4;
    }
    if (out.length >= wanted || batch.next === null) return out.slice(offset, offset + limit);
    below = batch.next;
  }
}

/** The matches of a query, best first: exact 文号 hits, then the ranked full-text matches. */
async function rankedMatches(store: Store, query: string, options: SearchOptions, limit: number, offset: number): Promise<{ rows: MatchRow[]; parsed: ParsedQuery; exactCount: number }> {
  const parsed = parseQuery(query);
  const filters: MatchFilters = {
    kinds: options.kinds,
    issuer: options.issuer,
    year: options.year,
    docKind: options.docKind,
    unit: options.unit,
    validity: options.validity,
    topic: options.topic,
    publicOnly: options.publicOnly,
    asOf: options.asOf,
  };
  const exact = offset === 0 && !options.unit && !options.validity ? await exactNumberHits(store, parsed, options) : [];
  const text = engineQuery(store, parsed);
  const cap = options.candidates ?? CANDIDATES;
  const phrases = queryPhrases(parsed.terms);
  const matched =
    text === null ? [] : store.dialect === 'sqlite' ? await sqliteRanked(store, text, phrases, filters, limit, offset, cap) : await pgRanked(store, parsed, text, phrases, filters, limit, offset, cap);

  const top = Math.max(0, ...matched.map((m) => m.score));
  const exactKeys = new Set(exact.map((e) => `document:${e.ref_id}`));
  const rows = [
    ...exact.map((e) => ({ ...e, score: top + 1 })),
    ...matched.filter((m) => !exactKeys.has(`${m.kind}:${m.ref_id}`)),
  ];
  return { rows, parsed, exactCount: exact.length };
}

/** The hits of `rows`, with their details and snippets. */
async function presented(store: Store, rows: readonly MatchRow[], parsed: ParsedQuery): Promise<SearchHit[]> {
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

export async function search(store: Store, query: string, options: SearchOptions): Promise<SearchHit[]> {
  const limit = Math.max(1, Math.min(options.limit ?? 20, 200));
  const offset = Math.max(0, options.offset ?? 0);
  const { rows, parsed } = await rankedMatches(store, query, options, limit, offset);
  return presented(store, rows.slice(0, limit), parsed);
}

export interface Facet {
  value: string;
  count: number;
}

export interface FacetedSearch {
  hits: SearchHit[];
  /** How many matches were ranked (at most the candidate cap, plus exact 文号 hits). */
  total: number;
  /** True when more entries match than were ranked. */
  totalCapped: boolean;
  facets: Record<'kind' | 'issuer' | 'year' | 'type' | 'unit' | 'validity' | 'topic', Facet[]>;
}

const FACET_VALUES = 12;

function topValues(counts: Map<string, number>): Facet[] {
  return [...counts]
    .map(([value, count]) => ({ value, count }))
    .sort((a, b) => b.count - a.count || a.value.localeCompare(b.value))
    .slice(0, FACET_VALUES);
}

/**
 * Counts of the ranked matches by kind, issuer, year, 文种, unit, validity and topic. Search ranks
 * a bounded set (the newest CANDIDATES matches and, on SQLite, the newest title matches), so the
 * facets count that set: what the pages of hits show, not every match of a very common word.
 */
async function facetsOf(store: Store, rows: readonly MatchRow[], exactCount: number, asOf: string): Promise<FacetedSearch['facets']> {
  const out = { kind: new Map<string, number>(), issuer: new Map<string, number>(), year: new Map<string, number>(), type: new Map<string, number>(), unit: new Map<string, number>(), validity: new Map<string, number>(), topic: new Map<string, number>() };
  const keys = [...new Set(rows.map((r) => `${r.kind}:${r.ref_id}`))];
  const add = (m: Map<string, number>, v: string | number | null | undefined) => {
    if (v === null || v === undefined || v === '') return;
    m.set(String(v), (m.get(String(v)) ?? 0) + 1);
  };
  // The entries are found by their ids (the full-text matches are search_entries rows) and, for
  // the exact 文号 hits (documents rows), by their document: both indexed. Found by (kind, ref_id),
  // which no index covers, SQLite read the whole table: 600,000 rows at 100,000 documents. A long
  // text indexed in chunks (PostgreSQL) is several entries with the same fields, counted once.
  const entryIds = rows.slice(exactCount).map((r) => r.id);
  const exactIds = rows.slice(0, exactCount).map((r) => r.ref_id);
  const parts: RawBuilder<unknown>[] = [];
  for (let i = 0; i < entryIds.length; i += 300) parts.push(sql`e.id IN (${sql.join(entryIds.slice(i, i + 300))})`);
  if (exactIds.length > 0) parts.push(sql`(e.kind = 'document' AND e.document_id IN (${sql.join(exactIds)}) AND e.ref_id = e.document_id)`);
  for (const where of parts) {
    const found = await sql<{ kind: string; ref_id: number; year: number | null; doc_kind: string | null; issued_kind: string | null; issuer_text: string; units: string; topic: string | null; validity: string | null }>`
      SELECT DISTINCT e.kind, e.ref_id, e.year, e.doc_kind, e.issued_kind, e.issuer_text, e.units, d.topic,
          CASE WHEN d.id IS NULL THEN NULL ELSE ${validitySql('d', asOf)} END AS validity
        FROM search_entries e LEFT JOIN documents d ON d.id = e.document_id
        WHERE ${where}`.execute(store.db);
    for (const r of found.rows) {
      add(out.kind, r.kind);
      add(out.year, r.year);
      add(out.type, r.issued_kind ?? r.doc_kind);
      for (const issuer of r.issuer_text.split('、')) add(out.issuer, issuer.trim());
      add(out.topic, r.topic);
      add(out.validity, r.validity);
    }
  }
  // Units by their canonical names (the entries' unit field holds names as written too).
  const units = await unitsOfEntries(store, keys);
  for (const list of units.values()) for (const unit of list) add(out.unit, unit);
  return { kind: topValues(out.kind), issuer: topValues(out.issuer), year: topValues(out.year), type: topValues(out.type), unit: topValues(out.unit), validity: topValues(out.validity), topic: topValues(out.topic) };
}

/** Entry key (kind:ref_id) → the units it names, canonical where known: a task's own, a document's tasks'. */
async function unitsOfEntries(store: Store, keys: readonly string[]): Promise<Map<string, Set<string>>> {
  const taskIds = keys.filter((k) => k.startsWith('task:')).map((k) => Number(k.slice(5)));
  const docIds = keys.filter((k) => k.startsWith('document:')).map((k) => Number(k.slice(9)));
  const out = new Map<string, Set<string>>();
  const put = (key: string, unit: string) => {
    const set = out.get(key) ?? new Set<string>();
    set.add(unit);
    out.set(key, set);
  };
  for (let i = 0; i < taskIds.length; i += 500) {
    const rows = await store.db.selectFrom('task_units').select(['task_id', sql<string>`coalesce(canonical, name)`.as('unit')]).distinct().where('task_id', 'in', taskIds.slice(i, i + 500)).execute();
    for (const r of rows) put(`task:${r.task_id}`, r.unit);
  }
  for (let i = 0; i < docIds.length; i += 500) {
    const rows = await store.db
      .selectFrom('task_units as u')
      .innerJoin('tasks as t', 't.id', 'u.task_id')
      .select(['t.document_id', sql<string>`coalesce(u.canonical, u.name)`.as('unit')])
      // Each unit once per document (a document's tasks name the same units again and again):
      // the set is the same, the rows brought into JavaScript a fraction.
      .distinct()
      .where('t.document_id', 'in', docIds.slice(i, i + 500))
      .execute();
    for (const r of rows) put(`document:${r.document_id}`, r.unit);
  }
  return out;
}

/** Search with the counts a search page shows beside the hits: the ranked set is taken whole (up to the cap), then paged. */
export async function searchWithFacets(store: Store, query: string, options: SearchOptions): Promise<FacetedSearch> {
  const limit = Math.max(1, Math.min(options.limit ?? 20, 200));
  const offset = Math.max(0, options.offset ?? 0);
  const cap = options.candidates ?? CANDIDATES;
  const { rows, parsed, exactCount } = await rankedMatches(store, query, options, Math.max(cap, offset + limit), 0);
  const unique = new Set(rows.map((r) => `${r.kind}:${r.ref_id}`));
  return {
    hits: await presented(store, rows.slice(offset, offset + limit), parsed),
    total: unique.size,
    totalCapped: rows.length >= cap,
    facets: await facetsOf(store, rows, exactCount, options.asOf),
  };
}

/** Number of rows in the index (documents, tasks, appointments, chronicle entries). */
export async function indexedCount(store: Store): Promise<number> {
  const r = await sql<{ n: number | string }>`SELECT count(*) AS n FROM search_entries`.execute(store.db);
  return Number(r.rows[0]?.n ?? 0);
}
