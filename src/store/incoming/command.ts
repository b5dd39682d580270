// The shape of every 收文 command after 初审 (拟办, 批示, 传阅), one transaction each: load the
// registration → check the version the caller saw → apply (the command's own checks, from the pure
// rules of src/workflow/, and its rows) → write the registration with its version bumped →
// the audit event with the view before and after. A refusal or a failure anywhere rolls the
// whole command back, so the store is as it was.
import type { Selectable, Transaction, Updateable } from 'kysely';
import type { Clock } from '../../calendar/clock.ts';
import { INCOMING_STATE_LABELS, type IncomingState } from '../../workflow/incoming.ts';
import { recordAudit, type Actor } from '../audit.ts';
import type { Store } from '../open.ts';
import type { Database, IncomingDocumentTable } from '../schema.ts';
import { IncomingError } from './errors.ts';
import { viewOf } from './progress.ts';
import type { IncomingView } from './view.ts';

export interface CommandOptions {
  actor: Actor;
  clock: Clock;
  /** The version the caller saw: a registration changed since is not overwritten. */
  version?: number;
  /** Test hook: runs after the command's writes, before its audit event; a throw rolls it all back. */
  beforeAudit?: () => void | Promise<void>;
}

export interface CommandContext {
  trx: Transaction<Database>;
  row: Selectable<IncomingDocumentTable>;
  before: IncomingView;
  now: Date;
  /** Refused, with the registration's 运转号 and state in front of the reason. */
  refuse(reason: string, kind?: 'invalid' | 'conflict'): never;
}

export type Applied = Changed | { unchanged: true };

interface Changed {
  unchanged?: false;
  /** The audit event's action (incoming-propose …). */
  action: string;
  /** The registration's own columns to change (its state …), besides version and updated_at. */
  set?: Omit<Updateable<IncomingDocumentTable>, 'id' | 'version' | 'updated_at'>;
}

export async function incomingCommand(store: Pick<Store, 'db' | 'dialect'>, id: number, options: CommandOptions, verb: string, apply: (ctx: CommandContext) => Promise<Applied>): Promise<IncomingView> {
  return store.db.transaction().execute(async (trx) => {
    // On PostgreSQL the row is locked as it is read, so two commands on one registration at once
    // (two leaders of a parallel round) take turns and the second sees the first's write; SQLite's
    // write transactions already take turns (drivers.ts begins them IMMEDIATE).
    const load = trx.selectFrom('incoming_documents').selectAll().where('id', '=', id);
    const row = await (store.dialect === 'postgres' ? load.forUpdate() : load).executeTakeFirst();
    if (!row) throw new IncomingError('not-found', `没有编号为 ${id} 的收文`);
    const before = await viewOf(trx, row);
    if (options.version !== undefined && options.version !== before.version) {
      throw new IncomingError('conflict', `收文 ${before.serial} 已被他人修改（当前为第 ${before.version} 版），请刷新后再${verb}`);
    }
    const now = options.clock.now();
    const refuse = (reason: string, kind: 'invalid' | 'conflict' = 'invalid'): never => {
      throw new IncomingError(kind, `收文 ${before.serial}（${INCOMING_STATE_LABELS[before.state as IncomingState] ?? before.state}）：${reason}`);
    };
    const applied = await apply({ trx, row, before, now, refuse });
    // An act that changes nothing (opening a document again) writes nothing and is no event.
    if (applied.unchanged === true) return before;
    const updated = await trx
      .updateTable('incoming_documents')
      .set({ ...applied.set, updated_at: now.toISOString(), version: before.version + 1 })
      .where('id', '=', id)
      .where('version', '=', before.version)
      .returningAll()
      .executeTakeFirst();
    if (!updated) throw new IncomingError('conflict', `收文 ${before.serial} 已被他人修改，请刷新后再${verb}`);
    const after = await viewOf(trx, updated);
    await options.beforeAudit?.();
    await recordAudit(trx, { at: now, actor: options.actor, action: applied.action, entity: 'incoming_document', entityId: id, before, after });
    return after;
  });
}
