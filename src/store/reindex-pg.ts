// PostgreSQL: every entry's tsvector made again from the stored rows, for a migration that changes
// what the index holds (0007 added the adjacency keys). The texts come from index-text.ts, as the
// writer makes them; a long text's rows (chunks) are matched to its chunks in id order.
//
// The GIN indexes on search_entries are dropped first and built again at the end (gin-indexes.ts):
// updating every row under a GIN index of bigrams costs what importing the store again would. In between, the
// table is written again compactly (below).
import { sql, type Kysely } from 'kysely';
import type { Appointment, ChronicleEntry } from '../types.ts';
import { pgVectors } from './fts.ts';
import { dropGinIndexes, rebuildIndexes } from './gin-indexes.ts';
import { appointmentIndexText, chronicleIndexText, documentIndexText, taskIndexText, type IndexText } from './index-text.ts';

type AnyDb = Kysely<any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const BATCH = 500;
const ROLE_ORDER: Record<string, number> = { lead: 0, responsible: 1, cooperating: 2 };

interface EntryRow {
  id: number;
  kind: string;
  ref_id: number;
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

/** The index text of a stored entry, as the writer made it. */
function textOf(r: EntryRow, unitNames: ReadonlyMap<number, string[]>): IndexText {
  switch (r.kind) {
    case 'document':
      return documentIndexText(r.d_title ?? '', r.doc_number, r.body ?? '');
    case 'task':
      return taskIndexText(r.t_text ?? '', JSON.parse(r.path ?? '[]') as string[], unitNames.get(r.ref_id) ?? [], r.deadline_text);
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
      return appointmentIndexText(a);
    }
    default: {
      const c: ChronicleEntry = { date: r.c_date ?? '', ...(r.end_date ? { endDate: r.end_date } : {}), text: r.c_text ?? '', line: 0 };
      return chronicleIndexText(c);
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

/** Rewrites every tsvector of search_entries from the stored texts, with or without adjacency keys. */
export async function rebuildPgVectors(db: AnyDb, withKeys: boolean): Promise<void> {
  const indexes = await dropGinIndexes(db);

  // Which chunk of its entry each row is: rows of one entry in id order.
  const chunkOf = new Map<string, number>();
  let last = 0;
  for (;;) {
    const batch = await sql<EntryRow>`
      SELECT e.id, e.kind, e.ref_id, d.title AS d_title, d.doc_number, d.body,
          t.text AS t_text, t.path, t.deadline_text,
          a.person, a.action, a.post, a.probation, a.retired, a.years, a.notes, a.batch,
          c.date AS c_date, c.end_date, c.text AS c_text
        FROM search_entries e
        LEFT JOIN documents d ON e.kind = 'document' AND d.id = e.ref_id
        LEFT JOIN tasks t ON e.kind = 'task' AND t.id = e.ref_id
        LEFT JOIN appointments a ON e.kind = 'appointment' AND a.id = e.ref_id
        LEFT JOIN chronicle_entries c ON e.kind = 'chronicle' AND c.id = e.ref_id
        WHERE e.id > ${last} ORDER BY e.id LIMIT ${BATCH}`.execute(db);
    if (batch.rows.length === 0) break;
    const units = await unitNamesOf(db, batch.rows.filter((r) => r.kind === 'task').map((r) => r.ref_id));
    const values = batch.rows.map((r) => {
      const key = `${r.kind}:${r.ref_id}`;
      const chunk = chunkOf.get(key) ?? 0;
      chunkOf.set(key, chunk + 1);
      const vectors = pgVectors(textOf(r, units), withKeys);
      // A row past the text's chunks (it cannot be, unless the tokens changed) keeps the last one.
      return sql`(${r.id}::integer, ${vectors[Math.min(chunk, vectors.length - 1)]!}::tsvector)`;
    });
    await sql`UPDATE search_entries SET tsv = v.tsv FROM (VALUES ${sql.join(values)}) AS v(id, tsv) WHERE search_entries.id = v.id`.execute(db);
    last = batch.rows[batch.rows.length - 1]!.id;
  }

  // Every row was updated: the table is twice its size, half of it dead versions. CLUSTER
  // writes it again in id order without them (and without the columns 0006 dropped, moving
  // large tsvectors to the TOAST table as the row size now says); VACUUM cannot run inside the
  // migration's transaction, CLUSTER of a named table can.
  await sql`SET LOCAL maintenance_work_mem = '256MB'`.execute(db);
  const primary = await sql<{ name: string }>`SELECT i.relname AS name FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid
      WHERE x.indrelid = 'search_entries'::regclass AND x.indisprimary`.execute(db);
  await sql`CLUSTER search_entries USING ${sql.id(primary.rows[0]!.name)}`.execute(db);
  await rebuildIndexes(db, indexes);
  await sql`ANALYZE search_entries`.execute(db);
}
