// Rows of the supervision tables written directly, for tests of what reads them (the tick, the
// bulletin, scores): a ledger, items with their units, reports and extensions, as the commands of
// src/store/supervision/ would leave them. Values are the tests' own.
import type { Kysely } from 'kysely';
import type { Database } from '../src/store/schema.ts';
import type { ItemState, ReportCycle, UnitRole } from '../src/workflow/types.ts';

const AT = '2026-01-05T01:00:00.000Z';

export async function insertLedger(db: Kysely<Database>, title = '测试台账'): Promise<number> {
  const r = await db
    .insertInto('supervision_ledgers')
    .values({ title, source_kind: 'meeting', document_id: null, document_key: null, source_note: '县政府常务会议', state: 'issued', created_at: AT, created_by: 'test', issued_at: AT, updated_at: AT })
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}

export interface ItemRow {
  units: [UnitRole, string][];
  deadline: string | null;
  state?: ItemState;
  issuedOn?: string;
  originalDeadline?: string | null;
  cycle?: ReportCycle;
  claimedOn?: string | null;
  doneOn?: string | null;
  text?: string;
}

let seq = 0;
export async function insertItem(db: Kysely<Database>, ledgerId: number, row: ItemRow): Promise<number> {
  seq++;
  const r = await db
    .insertInto('supervision_items')
    .values({
      ledger_id: ledgerId,
      key: `test:${seq}`,
      seq,
      text: row.text ?? `测试事项${seq}`,
      source_text: null,
      source_path: '[]',
      source_line: null,
      source_task_id: null,
      state: row.state ?? 'working',
      deadline: row.deadline,
      original_deadline: row.originalDeadline ?? null,
      deadline_text: null,
      targets: '[]',
      cycle: JSON.stringify(row.cycle ?? { kind: 'none' }),
      issued_on: row.issuedOn ?? '2026-03-02',
      claimed_on: row.claimedOn ?? null,
      done_on: row.doneOn ?? null,
      state_note: null,
      review_note: null,
      created_at: AT,
      updated_at: AT,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  let n = 0;
  for (const [role, name] of row.units) {
    await db.insertInto('supervision_item_units').values({ item_id: r.id, role, seq: n++, name, canonical: name, signed_at: AT, signed_by: 'test' }).execute();
  }
  return r.id;
}

/** A report submitted at 10:00 Beijing time on `day`. */
export async function insertReport(db: Kysely<Database>, itemId: number, unit: string, day: string, period: string | null = null): Promise<void> {
  await db
    .insertInto('supervision_reports')
    .values({ item_id: itemId, unit, period, submitted_at: `${day}T02:00:00.000Z`, submitted_by: 'test', progress: '按计划推进', problems: '无', coordination: '无', next_steps: '继续推进', percent: 60 })
    .execute();
}

/** An approved extension: the item's deadline moves, the old one is kept. */
export async function approveExtension(db: Kysely<Database>, itemId: number, unit: string, asked: string, requestedOn: string): Promise<void> {
  const item = await db.selectFrom('supervision_items').select(['deadline', 'original_deadline']).where('id', '=', itemId).executeTakeFirstOrThrow();
  await db
    .insertInto('supervision_extensions')
    .values({ item_id: itemId, unit, requested_at: `${requestedOn}T02:00:00.000Z`, requested_by: 'test', asked, reason: '需协调用地指标', previous_deadline: item.deadline, decision: 'approved', decided_at: `${requestedOn}T06:00:00.000Z`, decided_by: 'test', opinion: '同意' })
    .execute();
  await db.updateTable('supervision_items').set({ deadline: asked, original_deadline: item.original_deadline ?? item.deadline }).where('id', '=', itemId).execute();
}

export async function setState(db: Kysely<Database>, itemId: number, state: ItemState, patch: { claimedOn?: string; doneOn?: string } = {}): Promise<void> {
  await db.updateTable('supervision_items').set({ state, claimed_on: patch.claimedOn, done_on: patch.doneOn }).where('id', '=', itemId).execute();
}
