// The read side of the library for the API: documents with their elements, outline, tasks,
// links and validity; units; appointments; the chronicle. JSON columns are parsed here, so
// callers get the contract's shapes back.
import { sql } from 'kysely';
import type { IsoDate } from '../calendar/iso-date.ts';
import type { OutlineNode } from '../types.ts';
import { validitySql } from './fts.ts';
import type { Store } from './open.ts';

export interface DocumentSummary {
  id: number;
  docNumber: string | null;
  title: string;
  issuer: string[];
  date: string | null;
  kind: string | null;
  validity: string;
  source: string;
}

/** Documents, newest first; `validity` is judged on `asOf` (the caller's today, Beijing time). */
export async function listDocuments(store: Store, f: { year?: number; issuer?: string; kind?: string; limit: number; offset: number; asOf: IsoDate }): Promise<DocumentSummary[]> {
  let q = store.db
    .selectFrom('documents as d')
    .innerJoin('source_files as f', 'f.id', 'd.source_file_id')
    .select(['d.id', 'd.doc_number', 'd.title', 'd.issuers', 'd.date', 'd.doc_kind', 'f.name'])
    .select(validitySql('d', f.asOf).as('validity'));
  if (f.year !== undefined) q = q.where('d.year', '=', f.year);
  if (f.issuer) q = q.where('d.issuer_text', 'like', `%${f.issuer}%`);
  if (f.kind) q = q.where((eb) => eb.or([eb('d.doc_kind', '=', f.kind!), eb('d.issued_kind', '=', f.kind!)]));
  const rows = await q.orderBy('d.date', 'desc').orderBy('d.id').limit(f.limit).offset(f.offset).execute();
  return rows.map((r) => ({ id: r.id, docNumber: r.doc_number, title: r.title, issuer: JSON.parse(r.issuers) as string[], date: r.date, kind: r.doc_kind, validity: r.validity, source: r.name }));
}

export interface LinkView {
  relation: string;
  docNumber: string | null;
  title: string | null;
  documentId: number | null;
  context: string;
}

export interface DocumentView extends DocumentSummary {
  recipients: string[];
  publicity: string | null;
  attachments: string[];
  distribution: string[];
  groups: string[];
  validFrom: string | null;
  validUntil: string | null;
  provisional: boolean;
  validityNote: string | null;
  body: string;
  links: LinkView[];
  /** Documents in the store that refer to this one. */
  referencedBy: LinkView[];
}

/** One document; `validity` is judged on `asOf` (the caller's today, Beijing time). */
export async function getDocument(store: Store, id: number, asOf: IsoDate): Promise<DocumentView | null> {
  const d = await store.db
    .selectFrom('documents as d')
    .innerJoin('source_files as f', 'f.id', 'd.source_file_id')
    .selectAll('d')
    .select(['f.name'])
    .select(validitySql('d', asOf).as('validity'))
    .where('d.id', '=', id)
    .executeTakeFirst();
  if (!d) return null;
  const out = await store.db.selectFrom('document_links').selectAll().where('from_document_id', '=', id).orderBy('seq').execute();
  const inbound = await store.db
    .selectFrom('document_links as l')
    .innerJoin('documents as s', 's.id', 'l.from_document_id')
    .select(['l.relation', 'l.context', 's.id', 's.doc_number', 's.title'])
    .where('l.to_document_id', '=', id)
    .execute();
  return {
    id: d.id,
    docNumber: d.doc_number,
    title: d.title,
    issuer: JSON.parse(d.issuers) as string[],
    date: d.date,
    kind: d.doc_kind,
    validity: d.validity,
    source: d.name,
    recipients: JSON.parse(d.recipients) as string[],
    publicity: d.publicity,
    attachments: JSON.parse(d.attachments) as string[],
    distribution: JSON.parse(d.distribution) as string[],
    groups: JSON.parse(d.groups) as string[],
    validFrom: d.valid_from,
    validUntil: d.valid_until,
    provisional: d.provisional === 1,
    validityNote: d.validity_note,
    body: d.body,
    links: out.map((l) => ({ relation: l.relation, docNumber: l.target_doc_number, title: l.target_title, documentId: l.to_document_id, context: l.context })),
    referencedBy: inbound.map((l) => ({ relation: l.relation, docNumber: l.doc_number, title: l.title, documentId: l.id, context: l.context })),
  };
}

export async function getOutline(store: Store, id: number): Promise<OutlineNode[] | null> {
  const d = await store.db.selectFrom('documents').select('outline').where('id', '=', id).executeTakeFirst();
  return d ? (JSON.parse(d.outline) as OutlineNode[]) : null;
}

export interface TaskView {
  id: number;
  text: string;
  path: string[];
  leads: { name: string; canonical: string | null }[];
  responsible: { name: string; canonical: string | null }[];
  cooperating: { name: string; canonical: string | null }[];
  deadline: unknown;
  targets: unknown[];
  status: string;
}

export async function getTasks(store: Store, documentId: number): Promise<TaskView[] | null> {
  const exists = await store.db.selectFrom('documents').select('id').where('id', '=', documentId).executeTakeFirst();
  if (!exists) return null;
  const tasks = await store.db.selectFrom('tasks').selectAll().where('document_id', '=', documentId).orderBy('seq').execute();
  if (tasks.length === 0) return [];
  const units = await store.db
    .selectFrom('task_units')
    .select(['task_id', 'role', 'name', 'canonical'])
    .where('task_id', 'in', tasks.map((t) => t.id))
    .orderBy('task_id')
    .orderBy('role')
    .orderBy('seq')
    .execute();
  return tasks.map((t) => {
    const mine = units.filter((u) => u.task_id === t.id);
    const role = (r: string) => mine.filter((u) => u.role === r).map((u) => ({ name: u.name, canonical: u.canonical }));
    return {
      id: t.id,
      text: t.text,
      path: JSON.parse(t.path) as string[],
      leads: role('lead'),
      responsible: role('responsible'),
      cooperating: role('cooperating'),
      deadline: t.deadline ? (JSON.parse(t.deadline) as unknown) : null,
      targets: JSON.parse(t.targets) as unknown[],
      status: t.status,
    };
  });
}

export async function listUnits(store: Store, q: string | undefined, limit: number): Promise<{ name: string; tasks: number }[]> {
  let query = store.db
    .selectFrom('task_units as u')
    .select((eb) => [sql<string>`coalesce(u.canonical, u.name)`.as('name'), eb.fn.count<number | string>('u.task_id').distinct().as('tasks')])
    .groupBy(sql`coalesce(u.canonical, u.name)`);
  if (q) query = query.where((eb) => eb.or([eb('u.name', 'like', `%${q}%`), eb('u.canonical', 'like', `%${q}%`)]));
  const rows = await query.orderBy('tasks', 'desc').limit(limit).execute();
  return rows.map((r) => ({ name: r.name, tasks: Number(r.tasks) }));
}

export async function listAppointments(store: Store, f: { person?: string; post?: string; limit: number }) {
  let q = store.db
    .selectFrom('appointments as a')
    .innerJoin('source_files as s', 's.id', 'a.source_file_id')
    .select(['a.id', 'a.batch', 'a.person', 'a.action', 'a.post', 'a.probation', 'a.retired', 'a.years', 'a.notes', 's.name']);
  if (f.person) q = q.where('a.person', '=', f.person);
  if (f.post) q = q.where('a.post', 'like', `%${f.post}%`);
  const rows = await q.orderBy('a.id').limit(f.limit).execute();
  return rows.map((a) => ({
    id: a.id,
    batch: a.batch,
    person: a.person,
    action: a.action,
    post: a.post,
    probation: a.probation === 1,
    retired: a.retired,
    years: a.years,
    notes: JSON.parse(a.notes) as string[],
    source: a.name,
  }));
}

/** Chronicle entries on a day (YYYY-MM-DD, or --MM-DD for any year) or in a range; ranges that cover the day count. */
export async function listChronicle(store: Store, f: { date?: string; from?: string; to?: string; limit: number }) {
  let q = store.db.selectFrom('chronicle_entries as c').innerJoin('source_files as s', 's.id', 'c.source_file_id').select(['c.id', 'c.date', 'c.end_date', 'c.text', 's.name']);
  if (f.date) {
    const day = f.date;
    if (day.startsWith('--')) q = q.where(sql`substr(c.date, 6)`, '=', day.slice(2));
    else q = q.where((eb) => eb.or([eb('c.date', '=', day), eb.and([eb('c.date', '<=', day), eb('c.end_date', '>=', day)])]));
  }
  if (f.from) q = q.where((eb) => eb.or([eb('c.date', '>=', f.from!), eb('c.end_date', '>=', f.from!)]));
  if (f.to) q = q.where('c.date', '<=', f.to);
  const rows = await q.orderBy('c.date').orderBy('c.id').limit(f.limit).execute();
  return rows.map((c) => ({ id: c.id, date: c.date, endDate: c.end_date, text: c.text, source: c.name }));
}
