// What people see of supervision: the ledgers, the ledger page (filtered, paged), an item with its
// history, a unit's workbench, the office's approvals. A unit user (scope = their unit) sees only
// items that name their unit; to them other items do not exist.
import { sql, type SelectQueryBuilder, type Selectable } from 'kysely';
import type { IsoDate } from '../../calendar/index.ts';
import { addWorkingDays } from '../../calendar/index.ts';
import { notFound } from '../../workflow/errors.ts';
import { ITEM_ACTIONS } from '../../workflow/transitions.ts';
import { OPEN_STATES, type ItemFacts, type ItemState, type Light, type LedgerSource, type LedgerState, type ReportCycle, type UnitRole } from '../../workflow/types.ts';
import { likeText } from '../like.ts';
import type { Database, SupervisionItemTable, SupervisionLedgerTable } from '../schema.ts';
import { loadItemFacts } from '../supervision-facts.ts';
import type { Db } from './common.ts';
import { issueProblem } from './ledger.ts';

const json = <T>(text: string | null, fallback: T): T => (text === null || text === '' ? fallback : (JSON.parse(text) as T));

export interface ReportRow {
  id: number;
  unit: string;
  period: string | null;
  submittedAt: string;
  submittedBy: string;
  progress: string;
  problems: string;
  coordination: string;
  nextSteps: string;
  percent: number;
  attachments: { id: number; name: string; bytes: number }[];
}

export interface ExtensionRow {
  id: number;
  itemId: number;
  unit: string;
  requestedAt: string;
  requestedBy: string;
  asked: string;
  reason: string;
  previousDeadline: string | null;
  decision: 'approved' | 'refused' | null;
  decidedAt: string | null;
  decidedBy: string | null;
  opinion: string | null;
}

export interface ItemRead {
  id: number;
  ledgerId: number;
  ledgerTitle: string;
  seq: number;
  text: string;
  state: ItemState;
  units: { role: UnitRole; name: string; canonical: string | null; signedAt: string | null }[];
  deadline: string | null;
  originalDeadline: string | null;
  deadlineText: string | null;
  /** 责任领导 carried from the measure. */
  leaders: string[];
  cycle: ReportCycle;
  issuedOn: string | null;
  claimedOn: string | null;
  doneOn: string | null;
  stateNote: string | null;
  reviewNote: string | null;
  overdue: boolean;
  light: Light | null;
  latestReport: ReportRow | null;
  pendingExtension: ExtensionRow | null;
  source: { documentId: number | null; path: string[]; line: number | null };
  version: number;
}

/** How the pages light an item: the pure core's rules (src/workflow), given by the caller. */
export type LightOf = (facts: ItemFacts, today: IsoDate) => Light | null;

export interface ReadContext {
  today: IsoDate;
  /** A unit user's unit; null for people who see every unit. */
  scope: string | null;
  lightOf: LightOf;
}

/** An open item past its deadline. Not a state: computed from the deadline and today. */
export function isOverdue(f: Pick<ItemFacts, 'state' | 'deadline'>, today: IsoDate): boolean {
  return OPEN_STATES.includes(f.state) && f.deadline !== null && today > f.deadline;
}

/**
 * A query over many ids in chunks: SQLite binds at most 32,766 parameters, and a ledger's or a
 * light's items (thousands, with tens of thousands of reports) would pass that in one IN list.
 */
async function inChunks<T>(ids: readonly number[], query: (chunk: number[]) => Promise<T[]>): Promise<T[]> {
  const out: T[] = [];
  for (let i = 0; i < ids.length; i += 5_000) out.push(...(await query(ids.slice(i, i + 5_000))));
  return out;
}

async function reportRows(db: Db, itemIds: readonly number[]): Promise<Map<number, ReportRow[]>> {
  const out = new Map<number, ReportRow[]>();
  if (itemIds.length === 0) return out;
  const rows = (await inChunks(itemIds, (ids) => db.selectFrom('supervision_reports').selectAll().where('item_id', 'in', ids).execute())).sort((a, b) => (a.submitted_at < b.submitted_at ? -1 : a.submitted_at > b.submitted_at ? 1 : a.id - b.id));
  const files = await inChunks(
    rows.map((r) => r.id),
    (ids) => db.selectFrom('supervision_attachments').select(['id', 'report_id', 'name', 'bytes']).where('report_id', 'in', ids).orderBy('id').execute(),
  );
  const filesBy = new Map<number, { id: number; name: string; bytes: number }[]>();
  for (const f of files) filesBy.set(f.report_id, [...(filesBy.get(f.report_id) ?? []), { id: f.id, name: f.name, bytes: f.bytes }]);
  for (const r of rows) {
    const list = out.get(r.item_id) ?? [];
    list.push({
      id: r.id,
      unit: r.unit,
      period: r.period,
      submittedAt: r.submitted_at,
      submittedBy: r.submitted_by,
      progress: r.progress,
      problems: r.problems,
      coordination: r.coordination,
      nextSteps: r.next_steps,
      percent: r.percent,
      attachments: filesBy.get(r.id) ?? [],
    });
    out.set(r.item_id, list);
  }
  return out;
}

async function extensionRows(db: Db, itemIds: readonly number[]): Promise<Map<number, ExtensionRow[]>> {
  const out = new Map<number, ExtensionRow[]>();
  if (itemIds.length === 0) return out;
  const rows = (await inChunks(itemIds, (ids) => db.selectFrom('supervision_extensions').selectAll().where('item_id', 'in', ids).execute())).sort((a, b) => a.id - b.id);
  for (const e of rows) {
    const list = out.get(e.item_id) ?? [];
    list.push({
      id: e.id,
      itemId: e.item_id,
      unit: e.unit,
      requestedAt: e.requested_at,
      requestedBy: e.requested_by,
      asked: e.asked,
      reason: e.reason,
      previousDeadline: e.previous_deadline,
      decision: e.decision as ExtensionRow['decision'],
      decidedAt: e.decided_at,
      decidedBy: e.decided_by,
      opinion: e.opinion,
    });
    out.set(e.item_id, list);
  }
  return out;
}

/** Views of the given item rows, in their order. */
async function itemReads(db: Db, rows: readonly Selectable<SupervisionItemTable>[], ctx: ReadContext): Promise<(ItemRead & { facts: ItemFacts; reports: ReportRow[]; extensions: ExtensionRow[] })[]> {
  const ids = rows.map((r) => r.id);
  const [facts, reports, extensions, ledgers] = await Promise.all([
    loadItemFacts(db, ids),
    reportRows(db, ids),
    extensionRows(db, ids),
    ids.length === 0 ? [] : db.selectFrom('supervision_ledgers').select(['id', 'title', 'document_id']).where('id', 'in', [...new Set(rows.map((r) => r.ledger_id))]).execute(),
  ]);
  const factsBy = new Map(facts.map((f) => [f.id, f]));
  const ledgerBy = new Map(ledgers.map((l) => [l.id, l]));
  return rows.map((r) => {
    const f = factsBy.get(r.id)!;
    const rs = reports.get(r.id) ?? [];
    const es = extensions.get(r.id) ?? [];
    const ledger = ledgerBy.get(r.ledger_id);
    return {
      id: r.id,
      ledgerId: r.ledger_id,
      ledgerTitle: ledger?.title ?? '',
      seq: r.seq,
      text: r.text,
      state: f.state,
      units: f.units,
      deadline: r.deadline,
      originalDeadline: r.original_deadline,
      deadlineText: r.deadline_text,
      leaders: json<unknown>(r.leaders, []) instanceof Array ? json<unknown[]>(r.leaders, []).filter((x): x is string => typeof x === 'string') : [],
      cycle: f.cycle,
      issuedOn: r.issued_on,
      claimedOn: r.claimed_on,
      doneOn: r.done_on,
      stateNote: r.state_note,
      reviewNote: r.review_note,
      overdue: isOverdue(f, ctx.today),
      light: OPEN_STATES.includes(f.state) ? ctx.lightOf(f, ctx.today) : null,
      latestReport: rs.at(-1) ?? null,
      pendingExtension: es.find((e) => e.decision === null) ?? null,
      source: { documentId: ledger?.document_id ?? null, path: json<string[]>(r.source_path, []), line: r.source_line },
      version: r.version,
      facts: f,
      reports: rs,
      extensions: es,
    };
  });
}

const strip = ({ facts: _f, reports: _r, extensions: _e, ...view }: ItemRead & { facts: ItemFacts; reports: ReportRow[]; extensions: ExtensionRow[] }): ItemRead => view;

type ItemQuery = SelectQueryBuilder<Database, 'supervision_items', object>;

/** Items that name the unit (a unit still on the item). */
function namingUnit(q: ItemQuery, unit: string): ItemQuery {
  // Not correlated: the unit's items are found once by the canonical index (SQLite ran a
  // correlated EXISTS per item, 0.3 s at 10,000 items).
  return q.where('supervision_items.id', 'in', (eb) => eb.selectFrom('supervision_item_units as u').select('u.item_id').where('u.canonical', '=', unit).where('u.removed_at', 'is', null));
}

export interface ItemFilter {
  ledgerId?: number | undefined;
  state?: ItemState | undefined;
  unit?: string | undefined;
  light?: Light | undefined;
  overdue?: boolean | undefined;
  q?: string | undefined;
  limit: number;
  offset: number;
}

const OPEN = [...OPEN_STATES];

/** The ledger page: filtered in SQL (the light after it, since it is computed), ordered by deadline. */
export async function listItems(db: Db, filter: ItemFilter, ctx: ReadContext): Promise<{ items: ItemRead[]; total: number }> {
  let q: ItemQuery = db.selectFrom('supervision_items');
  if (ctx.scope !== null) q = namingUnit(q, ctx.scope).where('state', 'not in', ['draft', 'dropped']);
  if (filter.ledgerId !== undefined) q = q.where('ledger_id', '=', filter.ledgerId);
  if (filter.state !== undefined) q = q.where('state', '=', filter.state);
  if (filter.unit !== undefined && filter.unit !== '') q = namingUnit(q, filter.unit);
  if (filter.q !== undefined && filter.q.trim() !== '') q = q.where(likeText('text', filter.q.trim()));
  // Red is overdue (src/workflow/lights.ts): that light is a filter SQL can apply itself.
  if (filter.overdue === true || filter.light === 'red') q = q.where('state', 'in', OPEN).where('deadline', 'is not', null).where('deadline', '<', ctx.today);
  if (filter.overdue === false) q = q.where((eb) => eb.or([eb('state', 'not in', OPEN), eb('deadline', 'is', null), eb('deadline', '>=', ctx.today)]));
  // Deadline first (none last), then the ledger's order.
  const ordered = q.selectAll().orderBy(sql`case when deadline is null then 1 else 0 end`).orderBy('deadline').orderBy('ledger_id').orderBy('seq');
  if (filter.light === undefined || filter.light === 'red') {
    const total = await q.select((eb) => eb.fn.countAll<number | string>().as('n')).executeTakeFirstOrThrow();
    const rows = await ordered.limit(filter.limit).offset(filter.offset).execute();
    return { total: Number(total.n), items: (await itemReads(db, rows, ctx)).map(strip) };
  }
  // The light is computed from the facts (dates of reports, not their texts): every open item's
  // facts are read for it, and only the page's rows are read in full.
  // Yellow or green: open and not overdue; which of the two needs the item's reports.
  const open = await ordered.where('state', 'in', OPEN).where((eb) => eb.or([eb('deadline', 'is', null), eb('deadline', '>=', ctx.today)])).execute();
  const factsBy = new Map((await loadItemFacts(db, open.map((r) => r.id), { reportTexts: false })).map((f) => [f.id, f]));
  const lit = open.filter((r) => ctx.lightOf(factsBy.get(r.id)!, ctx.today) === filter.light);
  return { total: lit.length, items: (await itemReads(db, lit.slice(filter.offset, filter.offset + filter.limit), ctx)).map(strip) };
}

export interface HistoryEntry {
  at: string;
  actor: string;
  action: string;
  label: string;
  before: unknown;
  after: unknown;
}

const ACTION_LABELS: Record<string, string> = {
  'supervision.item.create': '立项',
  'supervision.item.split': '拆分',
  'supervision.item.merge': '合并',
  'supervision.item.edit': ITEM_ACTIONS.edit.label,
  'supervision.item.drop': ITEM_ACTIONS.drop.label,
  'supervision.item.issue': ITEM_ACTIONS.issue.label,
  'supervision.item.sign': ITEM_ACTIONS.sign.label,
  'supervision.item.report': ITEM_ACTIONS.report.label,
  'supervision.item.claim': ITEM_ACTIONS.claim.label,
  'supervision.item.verify': ITEM_ACTIONS.verify.label,
  'supervision.item.return': ITEM_ACTIONS.return.label,
  'supervision.item.terminate': ITEM_ACTIONS.terminate.label,
  'supervision.item.review': '来源文件变更，待复核',
  'supervision.extension.request': ITEM_ACTIONS.extend.label,
  'supervision.extension.approve': '批准延期',
  'supervision.extension.refuse': '驳回延期',
  'supervision.notice.issue': '发出督办文书',
  'supervision.notice.read': '阅知督办文书',
};

const parsed = (text: string | null): unknown => (text === null ? null : JSON.parse(text));

export async function itemDetail(db: Db, id: number, ctx: ReadContext) {
  const row = await db.selectFrom('supervision_items').selectAll().where('id', '=', id).executeTakeFirst();
  if (row === undefined) throw notFound();
  const [view] = await itemReads(db, [row], ctx);
  if (ctx.scope !== null && (!view!.units.some((u) => u.canonical === ctx.scope) || view!.state === 'draft' || view!.state === 'dropped')) throw notFound();
  const [notices, events] = await Promise.all([
    db.selectFrom('supervision_notices').selectAll().where('item_id', '=', id).orderBy('date').orderBy('id').execute(),
    db.selectFrom('audit_events').selectAll().where('entity', '=', 'supervision_item').where('entity_id', '=', id).orderBy('id').execute(),
  ]);
  return {
    ...strip(view!),
    reports: view!.reports,
    extensions: view!.extensions,
    notices: notices.map((n) => ({ id: n.id, kind: n.kind as '提醒单' | '催办单' | '督办单' | '移交函', number: n.number, unit: n.unit, date: n.date, deadline: n.deadline, copiedTo: json<string[]>(n.copied_to, []), readAt: n.read_at })),
    history: events.map((e) => ({ at: e.at, actor: e.actor, action: e.action, label: ACTION_LABELS[e.action] ?? e.action, before: parsed(e.before), after: parsed(e.after) })),
  };
}

export interface LedgerRead {
  id: number;
  title: string;
  sourceKind: LedgerSource;
  documentId: number | null;
  docNumber: string | null;
  sourceNote: string | null;
  state: LedgerState;
  createdAt: string;
  createdBy: string;
  issuedAt: string | null;
  counts: { total: number; draft: number; open: number; done: number; overdue: number };
}

function ledgerRead(l: Selectable<SupervisionLedgerTable>, docNumber: string | null, counts: LedgerRead['counts']): LedgerRead {
  return {
    id: l.id,
    title: l.title,
    sourceKind: l.source_kind as LedgerSource,
    documentId: l.document_id,
    docNumber,
    sourceNote: l.source_note,
    state: l.state as LedgerState,
    createdAt: l.created_at,
    createdBy: l.created_by,
    issuedAt: l.issued_at,
    counts,
  };
}

async function ledgerCounts(db: Db, ids: readonly number[], today: IsoDate): Promise<Map<number, LedgerRead['counts']>> {
  const out = new Map<number, LedgerRead['counts']>();
  if (ids.length === 0) return out;
  const rows = await db
    .selectFrom('supervision_items')
    .select((eb) => ['ledger_id', 'state', eb.fn.countAll<number | string>().as('n'), eb.fn.sum<number | string>(sql`case when deadline is not null and deadline < ${today} then 1 else 0 end`).as('late')])
    .where('ledger_id', 'in', [...ids])
    .groupBy(['ledger_id', 'state'])
    .execute();
  for (const id of ids) out.set(id, { total: 0, draft: 0, open: 0, done: 0, overdue: 0 });
  for (const r of rows) {
    const c = out.get(r.ledger_id)!;
    const n = Number(r.n);
    if (r.state === 'dropped') continue;
    c.total += n;
    if (r.state === 'draft') c.draft += n;
    else if (r.state === 'done') c.done += n;
    else if ((OPEN as string[]).includes(r.state)) {
      c.open += n;
      c.overdue += Number(r.late ?? 0);
    }
  }
  return out;
}

export async function listLedgers(db: Db, today: IsoDate): Promise<LedgerRead[]> {
  const ledgers = await db.selectFrom('supervision_ledgers').selectAll().orderBy('id', 'desc').execute();
  const counts = await ledgerCounts(db, ledgers.map((l) => l.id), today);
  const docIds = ledgers.flatMap((l) => (l.document_id === null ? [] : [l.document_id]));
  const docs = docIds.length === 0 ? [] : await db.selectFrom('documents').select(['id', 'doc_number']).where('id', 'in', docIds).execute();
  const numberBy = new Map(docs.map((d) => [d.id, d.doc_number]));
  return ledgers.map((l) => ledgerRead(l, l.document_id === null ? null : (numberBy.get(l.document_id) ?? null), counts.get(l.id)!));
}

/** A ledger with all its items (立项 works on the whole ledger), and the units it cannot issue to. */
export async function ledgerDetail(db: Db, id: number, ctx: ReadContext) {
  const l = await db.selectFrom('supervision_ledgers').selectAll().where('id', '=', id).executeTakeFirst();
  if (l === undefined) throw notFound('台账');
  const doc = l.document_id === null ? undefined : await db.selectFrom('documents').select('doc_number').where('id', '=', l.document_id).executeTakeFirst();
  const counts = await ledgerCounts(db, [id], ctx.today);
  const rows = await db.selectFrom('supervision_items').selectAll().where('ledger_id', '=', id).orderBy('seq').execute();
  const items = (await itemReads(db, rows, ctx)).map(strip);
  const unresolved = new Set<string>();
  for (const i of items) if (i.state === 'draft' && issueProblem(i.units) !== null) for (const u of i.units) if (u.canonical === null) unresolved.add(u.name);
  return { ...ledgerRead(l, doc?.doc_number ?? null, counts.get(id)!), items, unresolvedUnits: [...unresolved] };
}

/** 我的任务: a unit's open items by what they ask of it now. */
export async function workbench(db: Db, unit: string | null, ctx: ReadContext) {
  const empty = { unit, toSign: [], dueSoon: [], overdue: [], returned: [], working: [] };
  if (unit === null) return empty;
  const rows = await namingUnit(db.selectFrom('supervision_items'), unit).selectAll().where('state', 'in', OPEN).orderBy('deadline').orderBy('id').execute();
  const views = (await itemReads(db, rows, { ...ctx, scope: unit })).map(strip);
  // 即将到期: due within 5 working days (the 提醒单 comes 3 working days before).
  let soon: IsoDate;
  try {
    soon = addWorkingDays(ctx.today, 5);
  } catch {
    soon = ctx.today;
  }
  return {
    unit,
    toSign: views.filter((v) => v.units.some((u) => u.canonical === unit && u.signedAt === null)),
    overdue: views.filter((v) => v.overdue),
    dueSoon: views.filter((v) => !v.overdue && v.deadline !== null && v.deadline <= soon && v.state !== 'claimed'),
    returned: views.filter((v) => v.state === 'returned'),
    working: views.filter((v) => v.state === 'working' || v.state === 'claimed'),
  };
}

/** 审批: extensions waiting for a decision, claims waiting for 核验. */
export async function approvals(db: Db, ctx: ReadContext) {
  const pending = await db.selectFrom('supervision_extensions').select('item_id').where('decision', 'is', null).execute();
  const itemIds = [...new Set(pending.map((p) => p.item_id))];
  const extRows = itemIds.length === 0 ? [] : await db.selectFrom('supervision_items').selectAll().where('id', 'in', itemIds).execute();
  const withExt = await itemReads(db, extRows, ctx);
  const claimed = await db.selectFrom('supervision_items').selectAll().where('state', '=', 'claimed').orderBy('claimed_on').orderBy('id').execute();
  return {
    extensions: withExt.flatMap((v) => (v.pendingExtension === null ? [] : [{ ...v.pendingExtension, item: strip(v) }])),
    claims: (await itemReads(db, claimed, ctx)).map(strip),
  };
}
