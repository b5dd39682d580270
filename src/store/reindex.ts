// Every index row made again from the stored rows, by the current code: the full-text index
// (SQLite: search_fts and title_fts; PostgreSQL: the tsvectors) and the ranking texts
// (rank_texts). Run when the index's format changed (index-format.ts), never for an import. The
// texts come from index-text.ts, as the writer makes them.
//
// PostgreSQL: a long text is indexed as several rows (chunks); rows of one entry are matched to
// its chunks in id order, and chunks a text has grown since are added as new rows. The GIN
// indexes are dropped first and built again at the end (gin-indexes.ts): updating every row under
// a GIN index of bigrams costs what importing the store again would. In between, the table is
// written again compactly (below).
import { sql, type Kysely } from 'kysely';
import { storedAccess, storedTopics } from '../classify/index.ts';
import type { Appointment, ChronicleEntry, FileKind } from '../types.ts';
import type { Dialect } from './dialect.ts';
import { pgVectors } from './fts.ts';
import { dropGinIndexes, rebuildIndexes } from './gin-indexes.ts';
import { appointmentTexts, chronicleTexts, documentTexts, taskTexts, type EntryTexts } from './index-text.ts';
import { indexTokens } from './tokens.ts';

type AnyDb = Kysely<any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const BATCH = 500;
const ROLE_ORDER: Record<string, number> = { lead: 0, responsible: 1, cooperating: 2 };

interface EntryRow {
  id: number;
  kind: string;
  ref_id: number;
  e_title: string;
  d_title: string | null;
  doc_number: string | null;
  body: string | null;
  t_text: string | null;
  path: string | null;
  deadline_text: string | null;
  person: string | null;
  action: string | null;
  post: string | null;
  probation: number | null;
  retired: string | null;
  years: number | null;
  notes: string | null;
  batch: string | null;
  c_date: string | null;
  end_date: string | null;
  c_text: string | null;
}

/** The texts of a stored entry, as the writer made them. */
function textsOf(r: EntryRow, unitNames: ReadonlyMap<number, string[]>): EntryTexts {
  switch (r.kind) {
    case 'document':
      return documentTexts(r.d_title ?? '', r.doc_number, r.body ?? '');
    case 'task':
      return taskTexts(r.t_text ?? '', JSON.parse(r.path ?? '[]') as string[], unitNames.get(r.ref_id) ?? [], r.deadline_text);
    case 'appointment': {
      const a: Appointment = {
        batch: r.batch,
        person: r.person ?? '',
        action: (r.action ?? 'appoint') as Appointment['action'],
        post: r.post ?? '',
        ...(r.probation ? { probation: true as const } : {}),
        ...(r.retired ? { retired: r.retired } : {}),
        ...(r.years ? { years: r.years } : {}),
        notes: JSON.parse(r.notes ?? '[]') as string[],
        line: 0,
      };
      return appointmentTexts(a);
    }
    default: {
      const c: ChronicleEntry = { date: r.c_date ?? '', ...(r.end_date ? { endDate: r.end_date } : {}), text: r.c_text ?? '', line: 0 };
      return chronicleTexts(c, r.e_title);
    }
  }
}

/** Task id → the names of its units, leads first, as taskUnits lists them. */
async function unitNamesOf(db: AnyDb, taskIds: readonly number[]): Promise<Map<number, string[]>> {
  const out = new Map<number, string[]>();
  if (taskIds.length === 0) return out;
  const rows = await sql<{ task_id: number; role: string; seq: number; name: string }>`
    SELECT task_id, role, seq, name FROM task_units WHERE task_id IN (${sql.join(taskIds)})`.execute(db);
  const sorted = [...rows.rows].sort((a, b) => a.task_id - b.task_id || (ROLE_ORDER[a.role] ?? 9) - (ROLE_ORDER[b.role] ?? 9) || a.seq - b.seq);
  for (const r of sorted) {
    const list = out.get(r.task_id) ?? [];
    list.push(r.name);
    out.set(r.task_id, list);
  }
  return out;
}

/** Calls `each` with the stored entries in id order, BATCH at a time, with their texts. */
async function forEachBatch(db: AnyDb, each: (rows: { row: EntryRow; texts: EntryTexts }[]) => Promise<void>): Promise<void> {
  let last = 0;
  for (;;) {
    const batch = await sql<EntryRow>`
      SELECT e.id, e.kind, e.ref_id, e.title AS e_title, d.title AS d_title, d.doc_number, d.body,
          t.text AS t_text, t.path, t.deadline_text,
          a.person, a.action, a.post, a.probation, a.retired, a.years, a.notes, a.batch,
          c.date AS c_date, c.end_date, c.text AS c_text
        FROM search_entries e
        LEFT JOIN documents d ON e.kind = 'document' AND d.id = e.ref_id
        LEFT JOIN tasks t ON e.kind = 'task' AND t.id = e.ref_id
        LEFT JOIN appointments a ON e.kind = 'appointment' AND a.id = e.ref_id
        LEFT JOIN chronicle_entries c ON e.kind = 'chronicle' AND c.id = e.ref_id
        WHERE e.id > ${last} ORDER BY e.id LIMIT ${BATCH}`.execute(db);
    if (batch.rows.length === 0) return;
    const units = await unitNamesOf(db, batch.rows.filter((r) => r.kind === 'task').map((r) => r.ref_id));
    await each(batch.rows.map((row) => ({ row, texts: textsOf(row, units) })));
    last = batch.rows[batch.rows.length - 1]!.id;
  }
}

async function writeRankTexts(db: AnyDb, rows: readonly { id: number; texts: EntryTexts }[]): Promise<void> {
  if (rows.length === 0) return;
  await db
    .insertInto('rank_texts')
    .values(rows.map((r) => ({ entry_id: r.id, rank_title: r.texts.rank.title, rank_text: r.texts.rank.text })))
    .execute();
}

async function rebuildSqlite(db: AnyDb): Promise<void> {
  await sql`INSERT INTO search_fts(search_fts) VALUES ('delete-all')`.execute(db);
  await sql`INSERT INTO title_fts(title_fts) VALUES ('delete-all')`.execute(db);
  await sql`DELETE FROM rank_texts`.execute(db);
  await forEachBatch(db, async (rows) => {
    await sql`INSERT INTO search_fts(rowid, title, body) VALUES ${sql.join(rows.map(({ row, texts }) => sql`(${row.id}, ${indexTokens(texts.title)}, ${indexTokens(texts.body)})`))}`.execute(db);
    const titled = rows.filter(({ row, texts }) => row.kind === 'document' && texts.title.trim() !== '');
    if (titled.length > 0) await sql`INSERT INTO title_fts(rowid, title) VALUES ${sql.join(titled.map(({ row, texts }) => sql`(${row.id}, ${indexTokens(texts.title)})`))}`.execute(db);
    await writeRankTexts(db, rows.map(({ row, texts }) => ({ id: row.id, texts })));
  });
}

async function rebuildPostgres(db: AnyDb): Promise<void> {
  const indexes = await dropGinIndexes(db);
  await sql`DELETE FROM rank_texts`.execute(db);

  // Which chunk of its entry each row is (rows of one entry in id order); entries of several
  // chunks are remembered, so that chunks a text has grown since become rows of their own.
  const chunkOf = new Map<string, number>();
  const longer = new Map<string, { firstId: number; rows: number; texts: EntryTexts }>();
  await forEachBatch(db, async (rows) => {
    const values = rows.map(({ row, texts }) => {
      const key = `${row.kind}:${row.ref_id}`;
      const chunk = chunkOf.get(key) ?? 0;
      chunkOf.set(key, chunk + 1);
      const vectors = pgVectors(texts);
      if (vectors.length > 1) longer.set(key, { firstId: longer.get(key)?.firstId ?? row.id, rows: chunk + 1, texts });
      // A row past the text's chunks (a text that shrank) keeps its last chunk again.
      return sql`(${row.id}::integer, ${vectors[Math.min(chunk, vectors.length - 1)]!}::tsvector)`;
    });
    await sql`UPDATE search_entries SET tsv = v.tsv FROM (VALUES ${sql.join(values)}) AS v(id, tsv) WHERE search_entries.id = v.id`.execute(db);
    await writeRankTexts(db, rows.map(({ row, texts }) => ({ id: row.id, texts })));
  });
  for (const { firstId, rows, texts } of longer.values()) {
    for (const tsv of pgVectors(texts).slice(rows)) {
      const added = await sql<{ id: number }>`
        INSERT INTO search_entries (kind, source_file_id, document_id, ref_id, title, date, year, doc_kind, issued_kind, issuer_text, units, tsv)
          SELECT kind, source_file_id, document_id, ref_id, title, date, year, doc_kind, issued_kind, issuer_text, units, ${tsv}::tsvector
            FROM search_entries WHERE id = ${firstId} RETURNING id`.execute(db);
      await writeRankTexts(db, added.rows.map((r) => ({ id: r.id, texts })));
    }
  }

  // Every row was updated: the table is twice its size, half of it dead versions. CLUSTER
  // writes it again in id order without them; VACUUM cannot run inside a transaction, CLUSTER of
  // a named table can.
  await sql`SET LOCAL maintenance_work_mem = '256MB'`.execute(db);
  const primary = await sql<{ name: string }>`SELECT i.relname AS name FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid
      WHERE x.indrelid = 'search_entries'::regclass AND x.indisprimary`.execute(db);
  await sql`CLUSTER search_entries USING ${sql.id(primary.rows[0]!.name)}`.execute(db);
  await rebuildIndexes(db, indexes);
  await sql`ANALYZE search_entries`.execute(db);
}

/**
 * Each document's topics and 惠企 mark made again from its stored text (src/classify), its access
 * where import did not decide it, and each search entry's public mark from them: an entry of a document is public when the
 * document is, an appointment or chronicle entry when the gazette that printed it is.
 */
async function reclassify(db: AnyDb): Promise<void> {
  let last = 0;
  for (;;) {
    const rows = await sql<{ id: number; title: string; doc_number: string | null; body: string; publicity: string | null; kind: string; access_reason: string | null }>`
      SELECT d.id, d.title, d.doc_number, d.body, d.publicity, f.kind, d.access_reason FROM documents d JOIN source_files f ON f.id = d.source_file_id
        WHERE d.id > ${last} ORDER BY d.id LIMIT ${BATCH}`.execute(db);
    if (rows.rows.length === 0) break;
    for (const r of rows.rows) {
      const t = storedTopics({ title: r.title, docNumber: r.doc_number, body: r.body });
      // Access decided at import (from the whole file) stands; rows from before have none.
      const a = r.access_reason === null ? storedAccess(r.publicity, r.kind as FileKind) : null;
      await db
        .updateTable('documents')
        .set({ topic: t.topic, topics: JSON.stringify(t.topics), preferential: t.preferential ? 1 : 0, ...(a ? { access: a.access } : {}) })
        .where('id', '=', r.id)
        .execute();
    }
    last = rows.rows[rows.rows.length - 1]!.id;
  }
  await sql`UPDATE search_entries SET public = CASE
      WHEN document_id IS NOT NULL THEN (SELECT CASE WHEN d.access = 'public' THEN 1 ELSE 0 END FROM documents d WHERE d.id = search_entries.document_id)
      ELSE (SELECT CASE WHEN f.kind = 'gazette' THEN 1 ELSE 0 END FROM source_files f WHERE f.id = search_entries.source_file_id) END`.execute(db);
}

/** Makes every index row again from the stored rows, inside the caller's transaction. */
export async function rebuildSearchIndex(db: AnyDb, dialect: Dialect): Promise<void> {
  await reclassify(db);
  if (dialect === 'sqlite') await rebuildSqlite(db);
  else await rebuildPostgres(db);
}
