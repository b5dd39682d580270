// Writes everything derived from one source file, inside the caller's transaction. Removing a
// file's rows is one DELETE of its source_files row: every derived row hangs off it by a
// cascading foreign key (and the SQLite index follows by trigger), so a replace cannot leave
// orphans behind.
import { sql, type Insertable, type Transaction } from 'kysely';
import { titleKey } from '../links/extract.ts';
import type { Dialect } from './dialect.ts';
import type { IssueInfo, ParseResult } from '../types.ts';
import { chronicleDateText, taskUnits, unitsField, type DerivedDocument, type DerivedFile } from './derive.ts';
import { writeIndex, type IndexRow } from './fts.ts';
import { appointmentTexts, appointmentTitle, chronicleTexts, documentTexts, taskTexts } from './index-text.ts';
import type { Database, TaskUnitTable } from './schema.ts';

export interface SourceMeta {
  path: string;
  name: string;
  hash: string;
  format: string;
  size: number;
  importedAt: string;
}

export interface WriteCounts {
  documents: number;
  tasks: number;
  appointments: number;
  chronicle: number;
  links: number;
  /** Ids of the documents written, in the file's order. */
  documentIds: number[];
}

type Trx = Transaction<Database>;
const json = (v: unknown) => JSON.stringify(v);
const BATCH = 300;

async function insertInBatches<T>(rows: readonly T[], write: (batch: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < rows.length; i += BATCH) await write(rows.slice(i, i + BATCH));
}

/** Removes a source file and everything derived from it. */
export async function deleteSourceFile(trx: Trx, id: number): Promise<void> {
  await trx.deleteFrom('source_files').where('id', '=', id).execute();
}

/** Ids of the directory units named canonically by the tasks, created when missing. */
async function unitIds(trx: Trx, names: ReadonlySet<string>): Promise<Map<string, number>> {
  const list = [...names];
  const ids = new Map<string, number>();
  if (list.length === 0) return ids;
  await insertInBatches(list, (batch) =>
    trx.insertInto('units').values(batch.map((name) => ({ name }))).onConflict((oc) => oc.column('name').doNothing()).execute(),
  );
  for (let i = 0; i < list.length; i += BATCH) {
    const rows = await trx.selectFrom('units').select(['id', 'name']).where('name', 'in', list.slice(i, i + BATCH)).execute();
    for (const r of rows) ids.set(r.name, r.id);
  }
  return ids;
}

/** What a file's documents are written under: its source row, its issue row, and the next document's seq. */
export interface FileRows {
  sourceId: number;
  issueId: number | null;
  fileYear: number | null;
  nextSeq: number;
}

/** The file's head as known before its documents: kind, warnings and routing slip may be written again at the end (finishSource). */
export interface SourceHead {
  kind: ParseResult['kind'];
  warnings: ParseResult['warnings'];
  routingSlip: ParseResult['routingSlip'];
}

/** Inserts the source_files row (and its issue's), for the documents that follow. */
export async function beginSource(trx: Trx, dialect: Dialect, meta: SourceMeta, head: SourceHead, issue: IssueInfo | null): Promise<FileRows> {
  // PostgreSQL: this transaction's commit returns before its WAL reaches the disk (3 ms a commit
  // on the development machine; one commit per file). Atomicity is untouched: a killed importer
  // or a server crash leaves each file's transaction whole or absent; only a server crash may
  // lose the last committed files, which the next import (idempotent by hash) brings back.
  if (dialect === 'postgres') await sql`SET LOCAL synchronous_commit = off`.execute(trx);
  const source = await trx
    .insertInto('source_files')
    .values({
      path: meta.path,
      name: meta.name,
      content_hash: meta.hash,
      format: meta.format,
      kind: head.kind,
      size: meta.size,
      imported_at: meta.importedAt,
      warnings: json(head.warnings),
      routing_slip: head.routingSlip ? json(head.routingSlip) : null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const sourceId = source.id;

  let issueId: number | null = null;
  if (issue) {
    const row = await trx
      .insertInto('issues')
      .values({ source_file_id: sourceId, title: issue.title, year: issue.year, number: issue.number, cumulative: issue.cumulative, printed: issue.printed, publisher: issue.publisher, toc: json(issue.toc) })
      .returning('id')
      .executeTakeFirstOrThrow();
    issueId = row.id;
  }
  return { sourceId, issueId, fileYear: issue?.year ?? null, nextSeq: 0 };
}

/** The file's head once all of it is known (a file written in parts learns its kind and warnings last). */
export async function finishSource(trx: Trx, sourceId: number, head: SourceHead): Promise<void> {
  await trx
    .updateTable('source_files')
    .set({ kind: head.kind, warnings: json(head.warnings), routing_slip: head.routingSlip ? json(head.routingSlip) : null })
    .where('id', '=', sourceId)
    .execute();
}

export async function writeFile(trx: Trx, dialect: Dialect, meta: SourceMeta, file: DerivedFile): Promise<WriteCounts & { sourceId: number }> {
  const { result } = file;
  const rows = await beginSource(trx, dialect, meta, result, result.issue);
  const written = await writeDocuments(trx, dialect, rows, file.documents);
  const entries = await writeFileEntries(trx, dialect, rows, result);
  await resolveLinks(trx, dialect, written.documentIds);
  return { sourceId: rows.sourceId, ...written, ...entries };
}

/** Writes documents (with their tasks, units, links and search entries) after those written before under `rows`. */
export async function writeDocuments(trx: Trx, dialect: Dialect, rows: FileRows, documents: readonly DerivedDocument[]): Promise<Pick<WriteCounts, 'documents' | 'tasks' | 'links' | 'documentIds'>> {
  const { sourceId, issueId } = rows;
  const index: IndexRow[] = [];
  const canonicalNames = new Set<string>();
  const pendingUnits: { taskId: number; units: Omit<Insertable<TaskUnitTable>, 'task_id' | 'unit_id'>[] }[] = [];
  const newDocumentIds: number[] = [];
  let taskCount = 0;
  let linkCount = 0;

  for (const d of documents) {
    const seq = rows.nextSeq++;
    const r = d.record;
    const year = r.date ? Number(r.date.slice(0, 4)) : null;
    const issuerText = r.issuer.join('、');
    const doc = await trx
      .insertInto('documents')
      .values({
        source_file_id: sourceId,
        issue_id: issueId,
        seq,
        doc_number: r.docNumber,
        title: r.title,
        title_key: d.titleKey,
        issued_title_key: d.issuedTitleKey,
        doc_kind: d.docKind,
        issued_kind: d.issuedKind,
        issuers: json(r.issuer),
        issuer_text: issuerText,
        date: r.date,
        year,
        recipients: json(r.recipients),
        publicity: r.publicity,
        attachments: json(r.attachments),
        distribution: json(r.distribution),
        groups: json(r.groups),
        outline: json(r.outline),
        body: d.body,
        line: r.line,
        end_line: r.endLine,
        valid_from: d.validity.validFrom,
        valid_until: d.validity.validUntil,
        provisional: d.validity.provisional ? 1 : 0,
        validity_note: d.validity.note,
        access: d.classification.access,
        access_reason: d.classification.accessReason,
        topic: d.classification.topic,
        topics: json(d.classification.topics),
        preferential: d.classification.preferential ? 1 : 0,
        identity_key: d.identityKey,
        text_fingerprint: d.textFingerprint,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const documentId = doc.id;
    newDocumentIds.push(documentId);
    const filterFields = { source_file_id: sourceId, document_id: documentId, date: r.date, year, doc_kind: d.docKind, issued_kind: d.issuedKind, issuer_text: issuerText, public: d.classification.access === 'public' ? 1 : 0 };

    const allUnits = r.tasks.flatMap(taskUnits);
    index.push({
      entry: { ...filterFields, kind: 'document', ref_id: documentId, title: r.title, units: unitsField(allUnits) },
      ...documentTexts(r.title, r.docNumber, d.body),
    });

    if (r.tasks.length > 0) {
      const taskRows = await (async () => {
        const out: { id: number; seq: number }[] = [];
        await insertInBatches([...r.tasks.entries()], async (batch) => {
          const ids = await trx
            .insertInto('tasks')
            .values(
              batch.map(([k, t]) => ({
                document_id: documentId,
                seq: k,
                text: t.text,
                path: json(t.path),
                deadline_kind: t.deadline?.kind ?? null,
                deadline_date: t.deadline?.date ?? null,
                deadline_text: t.deadline?.text ?? null,
                deadline: t.deadline ? json(t.deadline) : null,
                targets: json(t.targets),
                line: t.line,
                leaders: json(t.leaders ?? []),
              })),
            )
            .returning(['id', 'seq'])
            .execute();
          out.push(...ids);
        });
        return out;
      })();
      const idOfSeq = new Map(taskRows.map((t) => [t.seq, t.id]));
      for (const [k, t] of r.tasks.entries()) {
        const taskId = idOfSeq.get(k)!;
        const roles = [
          ['lead', t.leads],
          ['responsible', t.responsible],
          ['cooperating', t.cooperating],
        ] as const;
        const units = roles.flatMap(([role, list]) => list.map((u, i) => ({ role, seq: i, name: u.name, canonical: u.canonical })));
        for (const u of units) if (u.canonical) canonicalNames.add(u.canonical);
        pendingUnits.push({ taskId, units });
        index.push({
          entry: { ...filterFields, kind: 'task', ref_id: taskId, title: r.title, units: unitsField(taskUnits(t)) },
          ...taskTexts(t.text, t.path, taskUnits(t).map((u) => u.name), t.deadline?.text ?? null),
        });
      }
      taskCount += r.tasks.length;
    }

    if (d.references.length > 0) {
      await insertInBatches([...d.references.entries()], (batch) =>
        trx
          .insertInto('document_links')
          .values(
            batch.map(([k, ref]) => ({
              from_document_id: documentId,
              seq: k,
              relation: ref.relation,
              target_doc_number: ref.docNumber,
              target_title: ref.title,
              target_title_key: ref.title === null ? null : titleKey(ref.title),
              to_document_id: null,
              context: ref.context,
            })),
          )
          .execute(),
      );
      linkCount += d.references.length;
    }
  }

  const ids = await unitIds(trx, canonicalNames);
  const unitRows = pendingUnits.flatMap((p) => p.units.map((u) => ({ ...u, task_id: p.taskId, unit_id: u.canonical ? ids.get(u.canonical) ?? null : null })));
  await insertInBatches(unitRows, (batch) => trx.insertInto('task_units').values(batch).execute());

  await writeIndex(trx, dialect, index);
  return { documents: documents.length, tasks: taskCount, links: linkCount, documentIds: newDocumentIds };
}

/**
 * Writes a file's personnel decisions and chronicle entries, with their search entries.
 * `afterBatch` is called after each batch: a large file's import collects its garbage there now
 * and then, since V8 otherwise lets the index texts of tens of thousands of entries pile up
 * (~150 MB for a 100 MB file).
 */
export async function writeFileEntries(
  trx: Trx,
  dialect: Dialect,
  file: FileRows,
  result: ParseResult,
  afterBatch?: (written: number) => void,
): Promise<Pick<WriteCounts, 'appointments' | 'chronicle'>> {
  let written = 0;
  const { sourceId, fileYear } = file;
  // Appointments and chronicle entries are public when the gazette that printed them is.
  const fileFields = { source_file_id: sourceId, document_id: null, doc_kind: null, issued_kind: null, issuer_text: result.issue?.publisher ?? '', public: result.kind === 'gazette' ? 1 : 0 };
  // Each batch's search entries are written with it: a volume holds tens of thousands of entries,
  // and their index texts all at once took hundreds of MB.
  if (result.appointments.length > 0) {
    const rows = result.appointments.map((a, seq) => ({
      source_file_id: sourceId,
      seq,
      batch: a.batch,
      person: a.person,
      action: a.action,
      post: a.post,
      probation: a.probation ? 1 : 0,
      retired: a.retired ?? null,
      years: a.years ?? null,
      notes: json(a.notes ?? []),
      line: a.line,
    }));
    await insertInBatches(rows, async (batch) => {
      const inserted = await trx.insertInto('appointments').values(batch).returning(['id', 'seq']).execute();
      const index = inserted.map(({ id, seq }): IndexRow => {
        const a = result.appointments[seq]!;
        return { entry: { ...fileFields, kind: 'appointment', ref_id: id, title: appointmentTitle(a), date: null, year: fileYear, units: `|${a.post}|` }, ...appointmentTexts(a) };
      });
      await writeIndex(trx, dialect, index);
      afterBatch?.(++written);
    });
  }
  if (result.chronicle.length > 0) {
    const rows = result.chronicle.map((c, seq) => ({ source_file_id: sourceId, seq, date: c.date, end_date: c.endDate ?? null, text: c.text, line: c.line }));
    await insertInBatches(rows, async (batch) => {
      const inserted = await trx.insertInto('chronicle_entries').values(batch).returning(['id', 'seq']).execute();
      const index = inserted.map(({ id, seq }): IndexRow => {
        const c = result.chronicle[seq]!;
        const dateText = chronicleDateText(c);
        const year = /^\d{4}/.test(c.date) ? Number(c.date.slice(0, 4)) : fileYear;
        const title = `${dateText.split(' ')[0]} ${result.issue?.title ?? ''}大事记`;
        return { entry: { ...fileFields, kind: 'chronicle', ref_id: id, title, date: /^\d{4}/.test(c.date) ? c.date : null, year, units: '' }, ...chronicleTexts(c, title) };
      });
      await writeIndex(trx, dialect, index);
      afterBatch?.(++written);
    });
  }
  return { appointments: result.appointments.length, chronicle: result.chronicle.length };
}

/**
 * Resolves links both ways for newly written documents: their references to documents already in
 * the store, and references waiting in the store for them. A 文号 wins over a title; among equal
 * candidates the earliest imported document is taken.
 */
export async function resolveLinks(trx: Trx, dialect: Dialect, documentIds: readonly number[]): Promise<void> {
  if (documentIds.length === 0) return;
  // A column the engine must not look up by index (see below): `+x` on SQLite; on PostgreSQL an
  // expression of the column (x + 0, x || ''), which no index covers.
  const unindexed = (column: string, type: 'integer' | 'text') =>
    dialect === 'sqlite' ? sql.raw(`+${column}`) : sql.raw(type === 'integer' ? `(${column} + 0)` : `(${column} || '')`);
  // Outgoing, by number then by title (the title of the document itself or of the text it issues).
  // min(d.id + 0), not min(d.id) nor ORDER BY id LIMIT 1: PostgreSQL answers those by walking the
  // primary key and filtering, a full scan of documents per link whose target is not in the store
  // (3 ms a link at 10,000 documents; import time grew with the store). Over an expression it
  // finds the candidates by doc_number or title_key first.
  // `to_document_id IS NULL` unindexed: read through the links_to index, "IS NULL" walks every
  // unresolved link in the store once per file (SQLite has no statistics; PostgreSQL chose it too:
  // 16 ms a file at 10,000 documents); the links of these documents (links_from) or of these
  // numbers and titles (links_target_number, links_target_title) are the few rows to read.
  await sql`UPDATE document_links SET to_document_id = (
      SELECT min(d.id + 0) FROM documents d WHERE d.doc_number = document_links.target_doc_number AND d.id <> document_links.from_document_id)
    WHERE from_document_id IN (${sql.join(documentIds)}) AND target_doc_number IS NOT NULL`.execute(trx);
  await sql`UPDATE document_links SET to_document_id = (
      SELECT min(d.id + 0) FROM documents d WHERE (d.title_key = document_links.target_title_key OR d.issued_title_key = document_links.target_title_key)
        AND d.id <> document_links.from_document_id)
    WHERE from_document_id IN (${sql.join(documentIds)}) AND ${unindexed('to_document_id', 'integer')} IS NULL AND target_title_key IS NOT NULL`.execute(trx);
  // Incoming: links elsewhere that were waiting for one of these documents, by number, then by
  // title for links without a number. Two statements, and the numbers and titles written out:
  // with an OR between them, or with the titles as a subquery, PostgreSQL read every link in the
  // store (22 ms a file at 10,000 documents).
  const keys = await trx.selectFrom('documents').select(['doc_number', 'title_key', 'issued_title_key']).where('id', 'in', documentIds).execute();
  const numbers = [...new Set(keys.flatMap((k) => (k.doc_number ? [k.doc_number] : [])))];
  const titles = [...new Set(keys.flatMap((k) => [k.title_key, k.issued_title_key].filter((t): t is string => Boolean(t))))];
  const incoming = sql`(SELECT min(d.id + 0) FROM documents d WHERE d.id IN (${sql.join(documentIds)}) AND d.id <> document_links.from_document_id
        AND (d.doc_number = document_links.target_doc_number
             OR (document_links.target_doc_number IS NULL AND (d.title_key = document_links.target_title_key OR d.issued_title_key = document_links.target_title_key))))`;
  if (numbers.length > 0) {
    await sql`UPDATE document_links SET to_document_id = ${incoming}
      WHERE ${unindexed('to_document_id', 'integer')} IS NULL AND from_document_id NOT IN (${sql.join(documentIds)})
        AND target_doc_number IN (${sql.join(numbers)})`.execute(trx);
  }
  if (titles.length > 0) {
    await sql`UPDATE document_links SET to_document_id = ${incoming}
      WHERE ${unindexed('to_document_id', 'integer')} IS NULL AND from_document_id NOT IN (${sql.join(documentIds)})
        AND ${unindexed('target_doc_number', 'text')} IS NULL AND target_title_key IN (${sql.join(titles)})`.execute(trx);
  }
}
