// What the units do to an item (签收, 报送进展, 申请办结, 申请延期) and how the office answers (核验
// or 退回, 批准 or 驳回 an extension). Each is one transaction with its audit event.
import { addCalendarDays } from '../../calendar/index.ts';
import { SupervisionError } from '../../workflow/errors.ts';
import { checkState, checkUnit, stateAfterReport, stateAfterSigning } from '../../workflow/transitions.ts';
import { at, audit, checkVisible, inTransaction, itemFacts, itemRow, itemSnapshot, updateItem, type Command, type Db } from './common.ts';

/** 签收: the person's unit acknowledges the item; the item is 办理中 once a leading unit has. */
export async function signItem(db: Db, c: Command, id: number): Promise<void> {
  await inTransaction(db, async (trx) => {
    const row = await itemRow(trx, id);
    const before = await itemFacts(trx, id);
    checkVisible(before, c.unit);
    checkState('sign', before.state);
    const mine = checkUnit('sign', before.units, c.unit);
    if (mine.signedAt !== null) throw new SupervisionError('本单位已签收该事项', 409);
    await trx
      .updateTable('supervision_item_units')
      .set({ signed_at: at(c), signed_by: c.actor.name })
      .where('item_id', '=', id)
      .where('canonical', '=', c.unit)
      .where('removed_at', 'is', null)
      .execute();
    const units = before.units.map((u) => (u.canonical === c.unit ? { ...u, signedAt: at(c) } : u));
    const state = stateAfterSigning(before.state, units);
    await updateItem(trx, c, row, state === before.state ? {} : { state });
    await audit(trx, c, 'supervision.item.sign', 'supervision_item', id, itemSnapshot(before), itemSnapshot(await itemFacts(trx, id)));
  });
}

export interface ReportInput {
  progress: string;
  problems: string;
  coordination: string;
  nextSteps: string;
  percent: number;
  period?: string | null | undefined;
  attachments?: { name: string; mediaType: string; content: Uint8Array; sha256: string }[];
}

/** 报送进展: a unit reports on the item; a unit that had not signed signs by reporting. */
export async function reportProgress(db: Db, c: Command, id: number, input: ReportInput): Promise<number> {
  return inTransaction(db, async (trx) => {
    const row = await itemRow(trx, id);
    const before = await itemFacts(trx, id);
    checkVisible(before, c.unit);
    checkState('report', before.state);
    const mine = checkUnit('report', before.units, c.unit);
    const report = await trx
      .insertInto('supervision_reports')
      .values({
        item_id: id,
        unit: mine.canonical!,
        period: input.period ?? null,
        submitted_at: at(c),
        submitted_by: c.actor.name,
        progress: input.progress,
        problems: input.problems,
        coordination: input.coordination,
        next_steps: input.nextSteps,
        percent: input.percent,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    for (const a of input.attachments ?? []) {
      await trx.insertInto('supervision_attachments').values({ report_id: report.id, name: a.name, media_type: a.mediaType, bytes: a.content.byteLength, sha256: a.sha256, content: a.content }).execute();
    }
    if (mine.signedAt === null) {
      await trx.updateTable('supervision_item_units').set({ signed_at: at(c), signed_by: c.actor.name }).where('item_id', '=', id).where('canonical', '=', c.unit).where('removed_at', 'is', null).execute();
    }
    const state = stateAfterReport(before.state);
    await updateItem(trx, c, row, state === before.state ? {} : { state });
    await audit(trx, c, 'supervision.item.report', 'supervision_item', id, null, {
      reportId: report.id,
      unit: mine.canonical,
      period: input.period ?? null,
      percent: input.percent,
      progress: input.progress,
      attachments: (input.attachments ?? []).map((a) => ({ name: a.name, bytes: a.content.byteLength, sha256: a.sha256 })),
    });
    return report.id;
  });
}

/** 申请办结: the lead unit says the work is done, with what was done. */
export async function claimDone(db: Db, c: Command, id: number, version: number, summary: string): Promise<void> {
  await inTransaction(db, async (trx) => {
    const row = await itemRow(trx, id);
    const before = await itemFacts(trx, id);
    checkVisible(before, c.unit);
    checkState('claim', before.state);
    checkUnit('claim', before.units, c.unit);
    await updateItem(trx, c, row, { state: 'claimed', claimed_on: c.today, state_note: summary }, version);
    await audit(trx, c, 'supervision.item.claim', 'supervision_item', id, itemSnapshot(before), { ...itemSnapshot(before), state: 'claimed', claimedOn: c.today, summary });
  });
}

/** 核验: the office accepts the claim (已办结) or returns the item with its opinion (退回). */
export async function verifyDone(db: Db, c: Command, id: number, version: number, accept: boolean, opinion: string): Promise<void> {
  await inTransaction(db, async (trx) => {
    const row = await itemRow(trx, id);
    const before = await itemFacts(trx, id);
    const action = accept ? 'verify' : 'return';
    checkState(action, before.state);
    if (!accept && opinion.trim() === '') throw new SupervisionError('退回时请填写意见', 400);
    // 已办结 counts from the day the unit claimed it: the office's checking does not make it late.
    const patch = accept ? { state: 'done', done_on: before.claimedOn ?? c.today, state_note: opinion || row.state_note } : { state: 'returned', state_note: opinion };
    await updateItem(trx, c, row, patch, version);
    await audit(trx, c, accept ? 'supervision.item.verify' : 'supervision.item.return', 'supervision_item', id, itemSnapshot(before), { ...itemSnapshot(before), state: patch.state, opinion, verifiedOn: c.today });
  });
}

/** 申请延期: the lead unit asks, before the deadline, for a later one, with its reason. */
export async function requestExtension(db: Db, c: Command, id: number, asked: string, reason: string): Promise<number> {
  return inTransaction(db, async (trx) => {
    const before = await itemFacts(trx, id);
    checkVisible(before, c.unit);
    checkState('extend', before.state);
    const mine = checkUnit('extend', before.units, c.unit);
    if (before.deadline === null) throw new SupervisionError('该事项没有办理时限，无需申请延期', 409);
    if (c.today > before.deadline) throw new SupervisionError(`延期应在办理时限（${before.deadline}）前申请；已超期的事项请说明情况并尽快办理`, 409);
    if (asked <= before.deadline) throw new SupervisionError(`申请的日期应晚于现办理时限（${before.deadline}）`, 400);
    if (asked > addCalendarDays(before.deadline, 366)) throw new SupervisionError('一次延期不能超过一年', 400);
    if (before.extensions.some((e) => e.decision === null)) throw new SupervisionError('已有一项延期申请等待审批', 409);
    const row = await trx
      .insertInto('supervision_extensions')
      .values({ item_id: id, unit: mine.canonical!, requested_at: at(c), requested_by: c.actor.name, asked, reason, previous_deadline: before.deadline, decision: null, decided_at: null, decided_by: null, opinion: null })
      .returning('id')
      .executeTakeFirstOrThrow();
    await audit(trx, c, 'supervision.extension.request', 'supervision_item', id, null, { extensionId: row.id, unit: mine.canonical, deadline: before.deadline, asked, reason });
    return row.id;
  });
}

/** 批准 (the item's deadline becomes the date asked; the original stays) or 驳回 an extension. */
export async function decideExtension(db: Db, c: Command, extensionId: number, approve: boolean, opinion: string): Promise<number> {
  return inTransaction(db, async (trx) => {
    const ext = await trx.selectFrom('supervision_extensions').selectAll().where('id', '=', extensionId).executeTakeFirst();
    if (ext === undefined) throw new SupervisionError('延期申请不存在', 404);
    if (ext.decision !== null) throw new SupervisionError('该延期申请已审批', 409);
    if (!approve && opinion.trim() === '') throw new SupervisionError('驳回时请填写意见', 400);
    const row = await itemRow(trx, ext.item_id);
    const before = await itemFacts(trx, ext.item_id);
    checkState('decide', before.state);
    await trx
      .updateTable('supervision_extensions')
      .set({ decision: approve ? 'approved' : 'refused', decided_at: at(c), decided_by: c.actor.name, opinion })
      .where('id', '=', extensionId)
      .where('decision', 'is', null)
      .execute();
    if (approve) await updateItem(trx, c, row, { deadline: ext.asked, original_deadline: row.original_deadline ?? row.deadline });
    await audit(trx, c, approve ? 'supervision.extension.approve' : 'supervision.extension.refuse', 'supervision_item', ext.item_id, { deadline: before.deadline }, {
      extensionId,
      deadline: approve ? ext.asked : before.deadline,
      opinion,
    });
    return ext.item_id;
  });
}
