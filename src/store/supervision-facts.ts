// Rows of the supervision tables → the pure core's ItemFacts (src/workflow/types.ts). Every reader
// of items (commands, the tick, bulletins, scores, the API) loads through here, so a column is
// read one way. Loads in a fixed number of queries whatever the number of items.
import type { Kysely, Transaction } from 'kysely';
import type { Database } from './schema.ts';
import type {
  ExtensionDecision,
  ItemExtension,
  ItemFacts,
  ItemReport,
  ItemState,
  ItemUnit,
  Notice,
  NoticeKind,
  ReportCycle,
  UnitRole,
} from '../workflow/types.ts';

type Db = Kysely<Database> | Transaction<Database>;

const json = <T>(text: string | null, fallback: T): T => (text === null || text === '' ? fallback : (JSON.parse(text) as T));

export interface LoadOptions {
  /**
   * false: the reports come without what they say (progress, problems, coordination and next
   * steps are empty), for the readers that only count and date them — the tick, the bulletin and
   * the scores, over every item — and spare reading the texts of tens of thousands of reports.
   */
  reportTexts?: boolean;
}

/** Items of the given ids, in the order of the ids (unknown ids are left out). */
export async function loadItemFacts(db: Db, ids: readonly number[], options: LoadOptions = {}): Promise<ItemFacts[]> {
  if (ids.length === 0) return [];
  const out: ItemFacts[] = [];
  const texts = options.reportTexts ?? true;
  // SQLite binds at most 32,766 parameters; stay far below it.
  for (let i = 0; i < ids.length; i += 5_000) out.push(...(await loadChunk(db, ids.slice(i, i + 5_000), texts)));
  const byId = new Map(out.map((f) => [f.id, f]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

const REPORT_DATES = ['item_id', 'unit', 'period', 'submitted_at', 'percent'] as const;
const REPORT_TEXTS = ['progress', 'problems', 'coordination', 'next_steps'] as const;

async function loadChunk(db: Db, ids: number[], texts: boolean): Promise<ItemFacts[]> {
  const [items, units, reports, extensions, notices] = await Promise.all([
    db.selectFrom('supervision_items').selectAll().where('id', 'in', ids).execute(),
    db.selectFrom('supervision_item_units').selectAll().where('item_id', 'in', ids).where('removed_at', 'is', null).orderBy('item_id').orderBy('seq').execute(),
    db
      .selectFrom('supervision_reports')
      .select(texts ? [...REPORT_DATES, ...REPORT_TEXTS] : REPORT_DATES)
      .where('item_id', 'in', ids)
      .orderBy('item_id')
      .orderBy('submitted_at')
      .orderBy('id')
      .execute() as Promise<({ [K in (typeof REPORT_DATES)[number]]: Database['supervision_reports'][K] } & Partial<{ [K in (typeof REPORT_TEXTS)[number]]: string }>)[]>,
    db.selectFrom('supervision_extensions').selectAll().where('item_id', 'in', ids).orderBy('item_id').orderBy('id').execute(),
    db.selectFrom('supervision_notices').selectAll().where('item_id', 'in', ids).orderBy('item_id').orderBy('date').orderBy('id').execute(),
  ]);
  const group = <R extends { item_id: number }, V>(rows: R[], map: (r: R) => V) => {
    const m = new Map<number, V[]>();
    for (const r of rows) {
      const list = m.get(r.item_id);
      if (list) list.push(map(r));
      else m.set(r.item_id, [map(r)]);
    }
    return m;
  };
  const unitsBy = group(units, (u): ItemUnit => ({ role: u.role as UnitRole, name: u.name, canonical: u.canonical, signedAt: u.signed_at }));
  const reportsBy = group(
    reports,
    (r): ItemReport => ({
      unit: r.unit,
      period: r.period,
      submittedAt: r.submitted_at,
      progress: r.progress ?? '',
      problems: r.problems ?? '',
      coordination: r.coordination ?? '',
      nextSteps: r.next_steps ?? '',
      percent: r.percent,
      attachments: [],
    }),
  );
  const extensionsBy = group(
    extensions,
    (e): ItemExtension => ({
      id: e.id,
      unit: e.unit,
      requestedAt: e.requested_at,
      asked: e.asked,
      reason: e.reason,
      decision: e.decision as ExtensionDecision | null,
      decidedAt: e.decided_at,
      opinion: e.opinion,
    }),
  );
  const noticesBy = group(
    notices,
    (n): Notice => ({
      kind: n.kind as NoticeKind,
      itemId: n.item_id,
      unit: n.unit,
      number: n.number,
      date: n.date,
      deadline: n.deadline,
      copiedTo: json<string[]>(n.copied_to, []),
    }),
  );
  return items.map((r) => ({
    id: r.id,
    ledgerId: r.ledger_id,
    key: r.key,
    text: r.text,
    state: r.state as ItemState,
    units: unitsBy.get(r.id) ?? [],
    deadline: r.deadline,
    originalDeadline: r.original_deadline,
    deadlineText: r.deadline_text,
    cycle: json<ReportCycle>(r.cycle, { kind: 'none' }),
    issuedOn: r.issued_on,
    doneOn: r.done_on,
    claimedOn: r.claimed_on,
    reports: reportsBy.get(r.id) ?? [],
    extensions: extensionsBy.get(r.id) ?? [],
    notices: noticesBy.get(r.id) ?? [],
  }));
}
