// The office's changes to items: edit, split, merge, drop (a draft), terminate (a live item).
// Nothing is deleted: a split or merged item is kept as 不予立项 with a note naming what replaced it.
import { SupervisionError } from '../../workflow/errors.ts';
import { manualKey } from '../../workflow/keys.ts';
import { checkState } from '../../workflow/transitions.ts';
import type { ReportCycle } from '../../workflow/types.ts';
import { loadItemFacts } from '../supervision-facts.ts';
import { at, audit, inTransaction, itemFacts, itemRow, itemSnapshot, updateItem, type Command, type Db, type Trx } from './common.ts';
import { ledgerUnitLookup } from './units.ts';
import type { Directory } from '../../directory/index.ts';
import { insertItem, typedUnits, writeUnits, type ItemInput } from './ledger.ts';

export interface ItemPatch extends Partial<ItemInput> {
  version: number;
  cycle?: ReportCycle;
}

const json = <T>(text: string | null, fallback: T): T => (text === null || text === '' ? fallback : (JSON.parse(text) as T));

/**
 * Edits an item's text, units, deadline or cycle. On a live item the deadline may be corrected but
 * the deadline it was issued with stays (original_deadline) for assessment; a unit kept keeps its
 * 签收, a new unit has to sign.
 */
export async function editItem(db: Db, c: Command, id: number, patch: ItemPatch, directory: Directory): Promise<void> {
  await inTransaction(db, async (trx) => {
    const row = await itemRow(trx, id);
    const before = await itemFacts(trx, id);
    checkState('edit', before.state);
    if (patch.version !== row.version) throw new SupervisionError('该事项已被他人修改，请刷新后再操作', 409);
    const set: Parameters<typeof updateItem>[3] = {};
    if (patch.text !== undefined) set.text = patch.text;
    if (patch.deadline !== undefined) set.deadline = patch.deadline;
    if (patch.deadlineText !== undefined) set.deadline_text = patch.deadlineText;
    if (patch.cycle !== undefined) set.cycle = JSON.stringify(patch.cycle);
    // A reviewed change of the source: the office's edit settles it.
    if (row.review_note !== null) set.review_note = null;
    await updateItem(trx, c, row, set, patch.version);
    if (patch.units !== undefined) {
      const units = typedUnits(patch.units, await ledgerUnitLookup(trx, directory, row.ledger_id));
      if (units.length === 0 && before.state !== 'draft') throw new SupervisionError('已交办的事项至少要有一个承办单位', 400);
      const signed = new Map(
        (await trx.selectFrom('supervision_item_units').select(['role', 'canonical', 'signed_at', 'signed_by']).where('item_id', '=', id).where('removed_at', 'is', null).execute())
          .filter((u) => u.canonical !== null && u.signed_at !== null)
          .map((u) => [`${u.role}|${u.canonical}`, { at: u.signed_at!, by: u.signed_by }]),
      );
      // The list is replaced as a whole: the old rows are marked removed (never deleted), the new
      // ones carry over the 签收 of a unit that stays.
      await trx.updateTable('supervision_item_units').set({ removed_at: at(c) }).where('item_id', '=', id).where('removed_at', 'is', null).execute();
      await writeUnits(trx, id, units, signed);
    }
    const after = await itemFacts(trx, id);
    await audit(trx, c, 'supervision.item.edit', 'supervision_item', id, itemSnapshot(before), itemSnapshot(after));
  });
}

/** Closes a draft that another item replaces, or one the office does not take on. */
async function dropDraft(trx: Trx, c: Command, id: number, note: string, action: string, expected?: number): Promise<void> {
  const row = await itemRow(trx, id);
  const before = await itemFacts(trx, id);
  checkState('drop', before.state);
  await updateItem(trx, c, row, { state: 'dropped', state_note: note }, expected);
  await audit(trx, c, action, 'supervision_item', id, itemSnapshot(before), { ...itemSnapshot(before), state: 'dropped', note });
}

export async function dropItem(db: Db, c: Command, id: number, version: number, reason: string): Promise<void> {
  await inTransaction(db, (trx) => dropDraft(trx, c, id, reason, 'supervision.item.drop', version));
}

async function nextSeq(trx: Trx, ledgerId: number): Promise<number> {
  const r = await trx.selectFrom('supervision_items').select((eb) => eb.fn.max('seq').as('m')).where('ledger_id', '=', ledgerId).executeTakeFirst();
  return Number(r?.m ?? 0) + 1;
}

/** 拆分: a draft becomes several, each with the draft's units, deadline and cycle. */
export async function splitItem(db: Db, c: Command, id: number, version: number, texts: readonly string[]): Promise<number[]> {
  return inTransaction(db, async (trx) => {
    const row = await itemRow(trx, id);
    const f = await itemFacts(trx, id);
    checkState('split', f.state);
    if (version !== row.version) throw new SupervisionError('该事项已被他人修改，请刷新后再操作', 409);
    let seq = await nextSeq(trx, row.ledger_id);
    const ids: number[] = [];
    for (const text of texts) {
      const s = seq++;
      ids.push(
        await insertItem(
          trx,
          c,
          row.ledger_id,
          s,
          {
            key: manualKey(s, c.now),
            text,
            sourcePath: json<string[]>(row.source_path, []),
            sourceLine: row.source_line,
            sourceTaskId: null,
            deadline: f.deadline,
            deadlineText: f.deadlineText,
            cycle: f.cycle,
            targets: [],
            units: f.units.map((u) => ({ role: u.role, name: u.name, canonical: u.canonical })),
            leaders: json<string[]>(row.leaders, []),
          },
          'supervision.item.split',
        ),
      );
    }
    await dropDraft(trx, c, id, `已拆分为第 ${ids.length} 项新事项`, 'supervision.item.split');
    return ids;
  });
}

/** 合并: drafts of one ledger become one, with all their units and the earliest deadline. */
export async function mergeItems(db: Db, c: Command, ledgerId: number, ids: readonly number[]): Promise<number> {
  return inTransaction(db, async (trx) => {
    const unique = [...new Set(ids)];
    const facts = await loadItemFacts(trx, unique);
    if (facts.length !== unique.length || facts.some((f) => f.ledgerId !== ledgerId)) throw new SupervisionError('所选事项不属于该台账', 400);
    for (const f of facts) checkState('merge', f.state);
    const first = await itemRow(trx, facts[0]!.id);
    // The persons of every merged item, in the items' order, each once.
    const leaderRows = await trx.selectFrom('supervision_items').select(['id', 'leaders']).where('id', 'in', unique).execute();
    leaderRows.sort((a, b) => unique.indexOf(a.id) - unique.indexOf(b.id));
    const units = facts.flatMap((f) => f.units.map((u) => ({ role: u.role, name: u.name, canonical: u.canonical })));
    const seen = new Set<string>();
    const dated = facts.filter((f) => f.deadline !== null).sort((a, b) => a.deadline!.localeCompare(b.deadline!));
    const seq = await nextSeq(trx, ledgerId);
    const merged = await insertItem(
      trx,
      c,
      ledgerId,
      seq,
      {
        key: manualKey(seq, c.now),
        text: facts.map((f) => f.text).join('\n'),
        sourcePath: json<string[]>(first.source_path, []),
        sourceLine: first.source_line,
        sourceTaskId: null,
        deadline: dated[0]?.deadline ?? null,
        deadlineText: dated[0]?.deadlineText ?? null,
        cycle: facts[0]!.cycle,
        targets: [],
        units: units.filter((u) => {
          const k = `${u.role}|${u.canonical ?? u.name}`;
          if (seen.has(k)) return false;
          seen.add(k);
          return true;
        }),
        leaders: [...new Set(leaderRows.flatMap((r) => json<string[]>(r.leaders, [])))],
      },
      'supervision.item.merge',
    );
    for (const f of facts) await dropDraft(trx, c, f.id, '已合并为一项新事项', 'supervision.item.merge');
    return merged;
  });
}

/** 终止: a live item ends before completion, with the reason. */
export async function terminateItem(db: Db, c: Command, id: number, version: number, reason: string): Promise<void> {
  await inTransaction(db, async (trx) => {
    const row = await itemRow(trx, id);
    const before = await itemFacts(trx, id);
    checkState('terminate', before.state);
    await updateItem(trx, c, row, { state: 'terminated', state_note: reason }, version);
    await audit(trx, c, 'supervision.item.terminate', 'supervision_item', id, itemSnapshot(before), { ...itemSnapshot(before), state: 'terminated', reason, on: c.today });
  });
}
