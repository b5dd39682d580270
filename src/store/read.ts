// The read side of the library for the API: documents with their elements, outline, tasks,
// links and validity; units; appointments; the chronicle; the figures of the home page. JSON
// columns are parsed here, so callers get the contract's shapes back. "Today" (validity is
// judged on a day) always comes from the caller's clock.
import { sql, type SelectQueryBuilder } from 'kysely';
import type { IsoDate } from '../calendar/iso-date.ts';
import type { OutlineNode } from '../types.ts';
import { validitySql } from './fts.ts';
import { likeText } from './like.ts';
import type { Store } from './open.ts';
import type { Database } from './schema.ts';

export type Validity = 'valid' | 'expired' | 'repealed' | 'pending';

export interface DocumentSummary {
  id: number;
  docNumber: string | null;
  title: string;
  issuer: string[];
  date: string | null;
  kind: string | null;
  validity: Validity;
  provisional: boolean;
  topic: string | null;
  access: 'public' | 'internal';
  source: string;
}

/** Which documents a reader may see: every one, or only those that may be public. */
export type Audience = 'signed-in' | 'public';

export interface DocumentFilter {
  year?: number;
  issuer?: string;
  kind?: string;
  topic?: string;
  preferential?: boolean;
  limit: number;
  offset: number;
}


const summaryColumns = ['d.id', 'd.doc_number', 'd.title', 'd.issuers', 'd.date', 'd.doc_kind', 'd.provisional', 'd.topic', 'd.access', 'f.name'] as const;

interface SummaryRow {
  id: number;
  doc_number: string | null;
  title: string;
  issuers: string;
  date: string | null;
  doc_kind: string | null;
  provisional: number;
  topic: string | null;
  access: string;
  name: string;
  validity: string;
}

function toSummary(r: SummaryRow): DocumentSummary {
  return {
    id: r.id,
    docNumber: r.doc_number,
    title: r.title,
    issuer: JSON.parse(r.issuers) as string[],
    date: r.date,
    kind: r.doc_kind,
    validity: r.validity as Validity,
    provisional: r.provisional === 1,
    topic: r.topic,
    access: r.access === 'public' ? 'public' : 'internal',
    source: r.name,
  };
}

function documentsQuery(store: Store, audience: Audience) {
  let q = store.db.selectFrom('documents as d').innerJoin('source_files as f', 'f.id', 'd.source_file_id');
  if (audience === 'public') q = q.where('d.access', '=', 'public');
  return q;
}

function filtered<O>(q: SelectQueryBuilder<Database & { d: Database['documents']; f: Database['source_files'] }, 'd' | 'f', O>, f: DocumentFilter) {
  if (f.year !== undefined) q = q.where('d.year', '=', f.year);
  if (f.issuer) q = q.where(likeText('d.issuer_text', f.issuer));
  if (f.kind) q = q.where((eb) => eb.or([eb('d.doc_kind', '=', f.kind!), eb('d.issued_kind', '=', f.kind!)]));
  if (f.topic) q = q.where('d.topic', '=', f.topic);
  if (f.preferential !== undefined) q = q.where('d.preferential', '=', f.preferential ? 1 : 0);
  return q;
}

export async function listDocuments(store: Store, f: DocumentFilter, asOf: IsoDate, audience: Audience = 'signed-in'): Promise<{ items: DocumentSummary[]; total: number }> {
  const base = filtered(documentsQuery(store, audience), f);
  const total = await base.select((eb) => eb.fn.countAll<number | string>().as('n')).executeTakeFirstOrThrow();
  const rows = await base
    .select(summaryColumns)
    .select(validitySql('d', asOf).as('validity'))
    .orderBy('d.date', 'desc')
    .orderBy('d.id', 'desc')
    .limit(f.limit)
    .offset(f.offset)
    .execute();
  return { items: rows.map((r) => toSummary(r as SummaryRow)), total: Number(total.n) };
}

export interface LinkView {
  relation: 'cites' | 'implements' | 'repeals' | 'continues';
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
  validityNote: string | null;
  repealedBy: { documentId: number; docNumber: string | null; title: string }[];
  topics: string[];
  preferential: boolean;
  body: string;
  line: number;
  endLine: number;
  links: LinkView[];
  /** Documents in the store that refer to this one. */
  referencedBy: LinkView[];
}

export async function getDocument(store: Store, id: number, asOf: IsoDate, audience: Audience = 'signed-in'): Promise<DocumentView | null> {
  const d = await documentsQuery(store, audience)
    .selectAll('d')
    .select(['f.name'])
    .select(validitySql('d', asOf).as('validity'))
    .where('d.id', '=', id)
    .executeTakeFirst();
  if (!d) return null;
  const out = await store.db.selectFrom('document_links').selectAll().where('from_document_id', '=', id).orderBy('seq').execute();
  let inbound = store.db
    .selectFrom('document_links as l')
    .innerJoin('documents as s', 's.id', 'l.from_document_id')
    .select(['l.relation', 'l.context', 's.id', 's.doc_number', 's.title'])
    .where('l.to_document_id', '=', id);
  // A public reader learns nothing of internal documents, not even that they cite this one.
  if (audience === 'public') inbound = inbound.where('s.access', '=', 'public');
  const referencedBy = (await inbound.orderBy('s.id').execute()).map((l) => ({ relation: l.relation as LinkView['relation'], docNumber: l.doc_number, title: l.title, documentId: l.id, context: l.context }));
  return {
    ...toSummary({ ...d, name: d.name, validity: d.validity } as SummaryRow),
    recipients: JSON.parse(d.recipients) as string[],
    publicity: d.publicity,
    attachments: JSON.parse(d.attachments) as string[],
    distribution: JSON.parse(d.distribution) as string[],
    groups: JSON.parse(d.groups) as string[],
    validFrom: d.valid_from,
    validUntil: d.valid_until,
    validityNote: d.validity_note,
    repealedBy: referencedBy.filter((l) => l.relation === 'repeals').map((l) => ({ documentId: l.documentId, docNumber: l.docNumber, title: l.title ?? '' })),
    topics: JSON.parse(d.topics) as string[],
    preferential: d.preferential === 1,
    body: d.body,
    line: d.line,
    endLine: d.end_line,
    links: out.map((l) => ({ relation: l.relation as LinkView['relation'], docNumber: l.target_doc_number, title: l.target_title, documentId: audience === 'public' ? null : l.to_document_id, context: l.context })),
    referencedBy,
  };
}

export async function getOutline(store: Store, id: number, audience: Audience = 'signed-in'): Promise<OutlineNode[] | null> {
  const d = await documentsQuery(store, audience).select('d.outline').where('d.id', '=', id).executeTakeFirst();
  return d ? (JSON.parse(d.outline) as OutlineNode[]) : null;
}

interface UnitRef {
  name: string;
  canonical: string | null;
}

export interface TaskView {
  id: number;
  text: string;
  path: string[];
  line: number | null;
  leads: UnitRef[];
  responsible: UnitRef[];
  cooperating: UnitRef[];
  deadline: { kind: 'date' | 'ongoing' | 'relative' | 'recurring' | 'within-year'; date?: string; text: string } | null;
  targets: { text: string }[];
  /** 责任领导: persons named beside the units, as written. */
  leaders: string[];
  status: string;
}

/** A stored JSON list of names; anything else (a damaged row) reads as none. */
function names(stored: string): string[] {
  const parsed: unknown = JSON.parse(stored);
  return Array.isArray(parsed) ? parsed.filter((x): x is string => typeof x === 'string') : [];
}

export async function getTasks(store: Store, documentId: number, audience: Audience = 'signed-in'): Promise<TaskView[] | null> {
  const exists = await documentsQuery(store, audience).select('d.id').where('d.id', '=', documentId).executeTakeFirst();
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
  const byTask = new Map<number, typeof units>();
  for (const u of units) {
    const list = byTask.get(u.task_id) ?? [];
    list.push(u);
    byTask.set(u.task_id, list);
  }
  return tasks.map((t) => {
    const mine = byTask.get(t.id) ?? [];
    const role = (r: string) => mine.filter((u) => u.role === r).map((u) => ({ name: u.name, canonical: u.canonical }));
    return {
      id: t.id,
      text: t.text,
      path: JSON.parse(t.path) as string[],
      line: t.line,
      leads: role('lead'),
      responsible: role('responsible'),
      cooperating: role('cooperating'),
      deadline: t.deadline ? (JSON.parse(t.deadline) as TaskView['deadline']) : null,
      targets: JSON.parse(t.targets) as TaskView['targets'],
      leaders: names(t.leaders),
      status: t.status,
    };
  });
}

/** Units the store's tasks name (canonical name where known, else as written) and how many tasks name each. */
export async function unitTaskCounts(store: Store, q: string | undefined, limit: number): Promise<{ name: string; tasks: number }[]> {
  let query = store.db
    .selectFrom('task_units as u')
    .select((eb) => [sql<string>`coalesce(u.canonical, u.name)`.as('name'), eb.fn.count<number | string>('u.task_id').distinct().as('tasks')])
    .groupBy(sql`coalesce(u.canonical, u.name)`);
  if (q) query = query.where((eb) => eb.or([likeText('u.name', q), likeText('u.canonical', q)]));
  const rows = await query.orderBy('tasks', 'desc').limit(limit).execute();
  return rows.map((r) => ({ name: r.name, tasks: Number(r.tasks) }));
}

/** Names of units as the store's tasks write them, with the issuers of the documents that do. */
export async function unitNamesInUse(store: Store): Promise<{ name: string; issuers: string[]; docNumber: string | null }[]> {
  const rows = await store.db
    .selectFrom('task_units as u')
    .innerJoin('tasks as t', 't.id', 'u.task_id')
    .innerJoin('documents as d', 'd.id', 't.document_id')
    .select(['u.name', 'd.issuers', 'd.doc_number'])
    .distinct()
    .execute();
  return rows.map((r) => ({ name: r.name, issuers: JSON.parse(r.issuers) as string[], docNumber: r.doc_number }));
}

export async function listAppointments(store: Store, f: { person?: string; post?: string; limit: number }) {
  let q = store.db
    .selectFrom('appointments as a')
    .innerJoin('source_files as s', 's.id', 'a.source_file_id')
    .leftJoin('documents as d', (j) => j.onRef('d.source_file_id', '=', 'a.source_file_id').onRef('d.doc_number', '=', 'a.batch'))
    .select(['a.id', 'a.batch', 'a.person', 'a.action', 'a.post', 'a.probation', 'a.retired', 'a.years', 'a.notes', 's.name', 'd.id as document_id', 'd.date']);
  if (f.person) q = q.where('a.person', '=', f.person);
  if (f.post) q = q.where(likeText('a.post', f.post));
  const rows = await q.orderBy('a.id').limit(f.limit).execute();
  return rows.map((a) => ({
    id: a.id,
    batch: a.batch,
    person: a.person,
    action: a.action as 'appoint' | 'remove' | 'second',
    post: a.post,
    probation: a.probation === 1,
    retired: a.retired,
    years: a.years,
    notes: JSON.parse(a.notes) as string[],
    source: a.name,
    documentId: a.document_id,
    date: a.date,
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

interface Facet {
  value: string;
  count: number;
}

async function countBy(store: Store, audience: Audience, column: 'd.doc_kind' | 'd.year' | 'd.issuer_text' | 'd.topic', limit: number): Promise<Facet[]> {
  const rows = await documentsQuery(store, audience)
    .select((eb) => [sql<string | number | null>`${sql.ref(column)}`.as('value'), eb.fn.countAll<number | string>().as('n')])
    .where(sql.ref(column), 'is not', null)
    .groupBy(sql.ref(column))
    .orderBy('n', 'desc')
    .limit(limit)
    .execute();
  return rows.filter((r) => r.value !== null && r.value !== '').map((r) => ({ value: String(r.value), count: Number(r.n) }));
}

const count = async (store: Store, table: 'documents' | 'tasks' | 'appointments' | 'chronicle_entries') =>
  Number((await store.db.selectFrom(table).select((eb) => eb.fn.countAll<number | string>().as('n')).executeTakeFirstOrThrow()).n);

/** The figures of the home page. */
export async function libraryStats(store: Store, asOf: IsoDate) {
  const [documents, tasks, appointments, chronicle] = await Promise.all([count(store, 'documents'), count(store, 'tasks'), count(store, 'appointments'), count(store, 'chronicle_entries')]);
  const units = Number(
    (await store.db.selectFrom('task_units').select(sql<number | string>`count(DISTINCT coalesce(canonical, name))`.as('n')).executeTakeFirstOrThrow()).n,
  );
  const byYear = (await countBy(store, 'signed-in', 'd.year', 30)).sort((a, b) => a.value.localeCompare(b.value));
  return {
    documents,
    tasks,
    appointments,
    chronicle,
    units,
    byKind: await countBy(store, 'signed-in', 'd.doc_kind', 12),
    byYear,
    byIssuer: await countBy(store, 'signed-in', 'd.issuer_text', 12),
    byTopic: await countBy(store, 'signed-in', 'd.topic', 30),
    latest: (await listDocuments(store, { limit: 8, offset: 0 }, asOf)).items,
  };
}

/** The figures of the public library's front page: public documents only. */
export async function publicStats(store: Store, asOf: IsoDate) {
  const documents = Number((await documentsQuery(store, 'public').select((eb) => eb.fn.countAll<number | string>().as('n')).executeTakeFirstOrThrow()).n);
  const preferential = Number(
    (await documentsQuery(store, 'public').select((eb) => eb.fn.countAll<number | string>().as('n')).where('d.preferential', '=', 1).executeTakeFirstOrThrow()).n,
  );
  return {
    documents,
    byTopic: await countBy(store, 'public', 'd.topic', 30),
    preferential,
    latest: (await listDocuments(store, { limit: 10, offset: 0 }, asOf, 'public')).items,
  };
}
