// 立项 and 交办: a ledger opened from a document (its tasks become draft items), or by hand for a
// 领导批示件 or a 会议议定事项; items added by hand; the ledger issued to its units.
import { jurisdictionOf, type Directory } from '../../directory/index.ts';
import type { Deadline } from '../../types.ts';
import { draftItems, draftUnits, type DraftItem, type DraftUnit, type SourceTask } from '../../workflow/draft.ts';
import { notFound, SupervisionError } from '../../workflow/errors.ts';
import { manualKey } from '../../workflow/keys.ts';
import { checkState, leadUnits } from '../../workflow/transitions.ts';
import type { LedgerSource, ReportCycle, UnitRole } from '../../workflow/types.ts';
import { loadItemFacts } from '../supervision-facts.ts';
import { at, audit, inTransaction, itemSnapshot, type Command, type Db, type ResolveUnit, type Trx } from './common.ts';
import { ledgerUnitLookup, unitLookup } from './units.ts';

const json = <T>(text: string | null, fallback: T): T => (text === null || text === '' ? fallback : (JSON.parse(text) as T));

/** The document's tasks as 立项 reads them, in order. */
export async function sourceTasks(trx: Trx, documentId: number): Promise<SourceTask[]> {
  const tasks = await trx.selectFrom('tasks').selectAll().where('document_id', '=', documentId).orderBy('seq').execute();
  if (tasks.length === 0) return [];
  const units = await trx
    .selectFrom('task_units')
    .select(['task_id', 'role', 'name', 'canonical'])
    .where(
      'task_id',
      'in',
      tasks.map((t) => t.id),
    )
    .orderBy('task_id')
    .orderBy('seq')
    .execute();
  const byTask = new Map<number, SourceTask['units']>();
  for (const u of units) {
    const list = byTask.get(u.task_id) ?? [];
    list.push({ role: u.role as UnitRole, name: u.name, canonical: u.canonical });
    byTask.set(u.task_id, list);
  }
  return tasks.map((t) => ({
    id: t.id,
    text: t.text,
    path: json<string[]>(t.path, []),
    line: t.line,
    deadline: json<Deadline | null>(t.deadline, null),
    targets: json<unknown[]>(t.targets, []),
    units: byTask.get(t.id) ?? [],
    leaders: json<string[]>(t.leaders, []),
  }));
}

export async function insertItem(trx: Trx, c: Command, ledgerId: number, seq: number, d: DraftItem, action = 'supervision.item.create'): Promise<number> {
  const row = await trx
    .insertInto('supervision_items')
    .values({
      ledger_id: ledgerId,
      key: d.key,
      seq,
      text: d.text,
      source_text: d.sourceTaskId === null ? null : d.text,
      source_path: JSON.stringify(d.sourcePath),
      source_line: d.sourceLine,
      source_task_id: d.sourceTaskId,
      state: 'draft',
      deadline: d.deadline,
      original_deadline: null,
      deadline_text: d.deadlineText,
      targets: JSON.stringify(d.targets),
      cycle: JSON.stringify(d.cycle),
      leaders: JSON.stringify(d.leaders),
      issued_on: null,
      claimed_on: null,
      done_on: null,
      state_note: null,
      review_note: null,
      created_at: at(c),
      updated_at: at(c),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await writeUnits(trx, row.id, d.units);
  await audit(trx, c, action, 'supervision_item', row.id, null, { ledgerId, key: d.key, text: d.text, deadline: d.deadline, deadlineText: d.deadlineText, cycle: d.cycle, units: d.units, ...(d.leaders.length > 0 ? { leaders: d.leaders } : {}) });
  return row.id;
}

export async function writeUnits(trx: Trx, itemId: number, units: readonly DraftUnit[], signed: ReadonlyMap<string, { at: string; by: string | null }> = new Map()): Promise<void> {
  if (units.length === 0) return;
  await trx
    .insertInto('supervision_item_units')
    .values(
      units.map((u, i) => {
        const s = u.canonical === null ? undefined : signed.get(`${u.role}|${u.canonical}`);
        return { item_id: itemId, role: u.role, seq: i, name: u.name, canonical: u.canonical, signed_at: s?.at ?? null, signed_by: s?.by ?? null };
      }),
    )
    .execute();
}

async function nextSeq(trx: Trx, ledgerId: number): Promise<number> {
  const r = await trx.selectFrom('supervision_items').select((eb) => eb.fn.max('seq').as('m')).where('ledger_id', '=', ledgerId).executeTakeFirst();
  return Number(r?.m ?? 0) + 1;
}

async function ledgerRow(trx: Trx, id: number) {
  const row = await trx.selectFrom('supervision_ledgers').selectAll().where('id', '=', id).executeTakeFirst();
  if (row === undefined) throw notFound('台账');
  return row;
}

/** The ledger a document was 立项 in already (by its identity, so also a re-import of it), or null. */
export async function ledgerOfDocument(trx: Trx, doc: { id: number; identity_key: string | null; text_fingerprint: string | null }): Promise<number | null> {
  const key = doc.identity_key ?? (doc.text_fingerprint === null ? null : `text:${doc.text_fingerprint}`);
  const existing = await trx
    .selectFrom('supervision_ledgers')
    .select('id')
    .where((eb) => (key === null ? eb('document_id', '=', doc.id) : eb.or([eb('document_key', '=', key), eb('document_id', '=', doc.id)])))
    .executeTakeFirst();
  return existing?.id ?? null;
}

/** 立项 from a document: one draft item per extracted task. A document has one ledger. */
export async function openLedgerFromDocument(db: Db | Trx, c: Command, documentId: number, directory: Directory): Promise<number> {
  return inTransaction(db, async (trx) => {
    const doc = await trx.selectFrom('documents').select(['id', 'title', 'doc_number', 'issuers', 'identity_key', 'text_fingerprint']).where('id', '=', documentId).executeTakeFirst();
    if (doc === undefined) throw new SupervisionError('文件不存在', 404);
    const key = doc.identity_key ?? (doc.text_fingerprint === null ? null : `text:${doc.text_fingerprint}`);
    const existing = await ledgerOfDocument(trx, doc).then((id) => (id === null ? undefined : { id }));
    if (existing !== undefined) throw new SupervisionError(`该文件已立项（台账 ${existing.id}），请在台账中继续办理`, 409);
    // The document's units are resolved where the document speaks: its issuer's jurisdiction.
    const jurisdiction = jurisdictionOf(json<string[]>(doc.issuers, []), doc.doc_number, directory);
    const drafts = draftItems(await sourceTasks(trx, doc.id), unitLookup(directory, jurisdiction), c.today);
    const ledger = await trx
      .insertInto('supervision_ledgers')
      .values({ title: doc.title, source_kind: 'document', document_id: doc.id, document_key: key, source_note: doc.doc_number, state: 'draft', created_at: at(c), created_by: c.actor.name, issued_at: null, updated_at: at(c) })
      .returning('id')
      .executeTakeFirstOrThrow();
    await audit(trx, c, 'supervision.ledger.open', 'supervision_ledger', ledger.id, null, { title: doc.title, documentId: doc.id, docNumber: doc.doc_number, items: drafts.length });
    let seq = 1;
    for (const d of drafts) await insertItem(trx, c, ledger.id, seq++, d);
    return ledger.id;
  });
}

/** 立项 of a 领导批示件 or 会议议定事项: an empty ledger whose items the office types in. */
export async function openLedgerByHand(db: Db, c: Command, input: { sourceKind: Exclude<LedgerSource, 'document'>; title: string; sourceNote: string }): Promise<number> {
  return inTransaction(db, async (trx) => {
    const ledger = await trx
      .insertInto('supervision_ledgers')
      .values({ title: input.title, source_kind: input.sourceKind, document_id: null, document_key: null, source_note: input.sourceNote, state: 'draft', created_at: at(c), created_by: c.actor.name, issued_at: null, updated_at: at(c) })
      .returning('id')
      .executeTakeFirstOrThrow();
    await audit(trx, c, 'supervision.ledger.open', 'supervision_ledger', ledger.id, null, input);
    return ledger.id;
  });
}

export interface ItemInput {
  text: string;
  units: { role: UnitRole; name: string }[];
  deadline?: string | null | undefined;
  deadlineText?: string | null | undefined;
  cycle?: ReportCycle | undefined;
}

/** Units typed by a person, resolved against the directory (collectives to their members). */
export function typedUnits(units: ItemInput['units'], resolve: ResolveUnit): DraftUnit[] {
  return draftUnits(
    units.map((u) => ({ role: u.role, name: u.name.trim(), canonical: null })),
    resolve,
  );
}

export async function addItem(db: Db, c: Command, ledgerId: number, input: ItemInput, directory: Directory): Promise<number> {
  return inTransaction(db, async (trx) => {
    await ledgerRow(trx, ledgerId);
    const resolve = await ledgerUnitLookup(trx, directory, ledgerId);
    const seq = await nextSeq(trx, ledgerId);
    return insertItem(trx, c, ledgerId, seq, {
      key: manualKey(seq, c.now),
      text: input.text,
      sourcePath: [],
      sourceLine: null,
      sourceTaskId: null,
      deadline: input.deadline ?? null,
      deadlineText: input.deadlineText ?? null,
      cycle: input.cycle ?? { kind: 'monthly', day: 5 },
      targets: [],
      units: typedUnits(input.units, resolve),
      leaders: [],
    });
  });
}

/** What stops a draft item from being issued, in words; null when nothing does. */
export function issueProblem(units: readonly { role: UnitRole; name: string; canonical: string | null }[]): string | null {
  const unknown = units.filter((u) => u.canonical === null).map((u) => u.name);
  if (unknown.length > 0) return `单位未能对应到单位名录：${[...new Set(unknown)].join('、')}`;
  if (leadUnits(units.map((u) => ({ ...u, signedAt: null }))).length === 0) return '没有牵头单位或责任单位';
  return null;
}

/**
 * 交办: the ledger's draft items (or the chosen ones) go to their units. Every unit must be a unit
 * of the directory and each item needs a unit that leads it; otherwise nothing is issued.
 */
export async function issueLedger(db: Db, c: Command, ledgerId: number, itemIds?: readonly number[]): Promise<number[]> {
  return inTransaction(db, async (trx) => {
    const ledger = await ledgerRow(trx, ledgerId);
    let q = trx.selectFrom('supervision_items').select('id').where('ledger_id', '=', ledgerId);
    q = itemIds === undefined ? q.where('state', '=', 'draft') : q.where('id', 'in', itemIds.length > 0 ? [...itemIds] : [0]);
    const ids = (await q.orderBy('seq').execute()).map((r) => r.id);
    if (itemIds !== undefined && ids.length !== new Set(itemIds).size) throw new SupervisionError('所选事项不属于该台账', 400);
    if (ids.length === 0) throw new SupervisionError('没有待交办的草稿事项', 409);
    const facts = await loadItemFacts(trx, ids);
    const problems: string[] = [];
    for (const f of facts) {
      checkState('issue', f.state);
      const p = issueProblem(f.units);
      if (p !== null) problems.push(`第 ${ids.indexOf(f.id) + 1} 项：${p}`);
    }
    if (problems.length > 0) throw new SupervisionError(`不能交办。${problems.slice(0, 5).join('；')}${problems.length > 5 ? ` 等 ${problems.length} 项` : ''}`, 409);
    for (const f of facts) {
      await trx
        .updateTable('supervision_items')
        .set((eb) => ({ state: 'issued', issued_on: c.today, original_deadline: f.deadline, updated_at: at(c), version: eb('version', '+', 1) }))
        .where('id', '=', f.id)
        .execute();
      await audit(trx, c, 'supervision.item.issue', 'supervision_item', f.id, itemSnapshot(f), { ...itemSnapshot(f), state: 'issued', issuedOn: c.today });
    }
    if (ledger.state !== 'issued') {
      await trx.updateTable('supervision_ledgers').set({ state: 'issued', issued_at: at(c), updated_at: at(c) }).where('id', '=', ledgerId).execute();
      await audit(trx, c, 'supervision.ledger.issue', 'supervision_ledger', ledgerId, { state: ledger.state }, { state: 'issued', items: ids.length });
    }
    return ids;
  });
}
