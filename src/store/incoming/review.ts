// 初审: the clerk sorts a registration as 办件 or 阅件, or sends it back to the sender with a
// reason (src/workflow/incoming.ts says which moves are allowed). One transaction: the row, its
// version bumped, and the audit event with the row before and after.
import type { Clock } from '../../calendar/clock.ts';
import { INCOMING_STATE_LABELS, reviewOutcome, type IncomingState, type ReviewDecision } from '../../workflow/incoming.ts';
import { recordAudit, type Actor } from '../audit.ts';
import type { Store } from '../open.ts';
import { IncomingError } from './errors.ts';
import { toView, type IncomingView } from './view.ts';

export interface ReviewOptions {
  actor: Actor;
  clock: Clock;
  /** The version the clerk saw: a registration changed since is not overwritten. */
  version?: number;
}

export async function reviewIncoming(store: Store, id: number, decision: ReviewDecision, options: ReviewOptions): Promise<IncomingView> {
  return store.db.transaction().execute(async (trx) => {
    const row = await trx.selectFrom('incoming_documents').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) throw new IncomingError('not-found', `没有编号为 ${id} 的收文`);
    const before = toView(row);
    if (options.version !== undefined && options.version !== before.version) {
      throw new IncomingError('conflict', `收文 ${before.serial} 已被他人修改（当前为第 ${before.version} 版），请刷新后再初审`);
    }
    const outcome = reviewOutcome(before.state, decision);
    if ('refused' in outcome) throw new IncomingError('invalid', `收文 ${before.serial}（${INCOMING_STATE_LABELS[before.state as IncomingState]}）：${outcome.refused}`);
    const now = options.clock.now();
    const updated = await trx
      .updateTable('incoming_documents')
      .set({ state: outcome.state, kind: outcome.kind, state_note: outcome.note, updated_at: now.toISOString(), version: before.version + 1 })
      .where('id', '=', id)
      .where('version', '=', before.version)
      .returningAll()
      .executeTakeFirst();
    if (!updated) throw new IncomingError('conflict', `收文 ${before.serial} 已被他人修改，请刷新后再初审`);
    const after = toView(updated);
    await recordAudit(trx, {
      at: now,
      actor: options.actor,
      action: outcome.state === 'returned' ? 'incoming-return' : 'incoming-review',
      entity: 'incoming_document',
      entityId: id,
      before,
      after,
    });
    return after;
  });
}
