// 传阅: the clerk sends a registration round to people (users) and units, reminds a recipient
// (each 提醒 a row), and recalls it from one (收回: the recipient no longer sees it); a recipient
// opens it (已读) and marks it read (已阅). Each act is one transaction with the registration's
// version bumped and its audit event; src/workflow/circulation.ts decides what is allowed.
import { defaultDirectory, isKnownUnit, type Directory } from '../../directory/index.ts';
import { circulationAllowed, newRecipients, recipientOutcome, type Recipient, type RecipientAct } from '../../workflow/circulation.ts';
import type { Store } from '../open.ts';
import { incomingCommand, type CommandOptions } from './command.ts';
import { IncomingError } from './errors.ts';
import { usersNamed } from './people.ts';
import { viewsOf } from './progress.ts';
import type { CirculationView, IncomingView } from './view.ts';

export interface CirculationTargets {
  /** User names. */
  users?: string[];
  /** Canonical units of the directory: every user bound to the unit sees it. */
  units?: string[];
}

export async function circulateIncoming(store: Store, id: number, targets: CirculationTargets, options: CommandOptions & { directory?: Directory }): Promise<IncomingView> {
  const directory = options.directory ?? defaultDirectory();
  return incomingCommand(store, id, options, '传阅', async ({ trx, before, now, refuse }) => {
    const blocked = circulationAllowed(before.state, before.kind);
    if (blocked !== null) return refuse(blocked);
    const users = await usersNamed(trx, targets.users ?? []);
    for (const u of targets.units ?? []) if (!isKnownUnit(directory, u)) throw new IncomingError('invalid', `单位“${u}”不在单位目录中，请从目录中选择`);
    const wanted = [...users.map((u) => ({ kind: 'user' as const, recipient: u.username, name: u.name })), ...(targets.units ?? []).map((u) => ({ kind: 'unit' as const, recipient: u, name: u }))];
    const outcome = newRecipients(before.circulation, wanted);
    if ('refused' in outcome) return refuse(outcome.refused);
    const at = now.toISOString();
    await trx
      .insertInto('incoming_circulations')
      .values(outcome.add.map((r) => ({ incoming_id: id, recipient_kind: r.kind, recipient: r.recipient, recipient_name: r.name, state: 'unread', sent_at: at, sent_by: options.actor.name })))
      .execute();
    return { action: 'incoming-circulate' };
  });
}

/** The office's acts on one recipient: 提醒 and 收回. */
export async function actOnRecipient(store: Store, id: number, recipientId: number, act: 'remind' | 'recall', options: CommandOptions): Promise<IncomingView> {
  return incomingCommand(store, id, options, act === 'remind' ? '提醒' : '收回', async ({ trx, before, now, refuse }) => {
    const r = before.circulation.find((c) => c.id === recipientId);
    if (!r) throw new IncomingError('not-found', `收文 ${before.serial} 没有编号为 ${recipientId} 的传阅对象`);
    const outcome = recipientOutcome(r, act);
    if (outcome === null) return { unchanged: true };
    if ('refused' in outcome) return refuse(outcome.refused);
    const at = now.toISOString();
    if (act === 'remind') await trx.insertInto('incoming_reminders').values({ circulation_id: r.id, at, by: options.actor.name }).execute();
    else await trx.updateTable('incoming_circulations').set({ recalled_at: at, recalled_by: options.actor.name }).where('id', '=', r.id).execute();
    return { action: act === 'remind' ? 'incoming-remind' : 'incoming-recall' };
  });
}

/** Who reads: a user, and the unit they are bound to (a unit's recipients are read by its users). */
export interface Reader {
  username: string;
  unit: string | null;
}

/** The reader's recipient row of a document, not recalled: their own first, else their unit's. */
function recipientOf(circulation: readonly CirculationView[], reader: Reader): CirculationView | undefined {
  const active = circulation.filter((c) => c.recalledAt === null);
  return active.find((c) => c.kind === 'user' && c.recipient === reader.username) ?? (reader.unit === null ? undefined : active.find((c) => c.kind === 'unit' && c.recipient === reader.unit));
}

/** A recipient opens it (未读 → 已读) or marks it read (→ 已阅). */
export async function readCirculated(store: Store, id: number, reader: Reader, act: Extract<RecipientAct, 'open' | 'read'>, options: CommandOptions): Promise<IncomingView> {
  return incomingCommand(store, id, options, act === 'open' ? '阅读' : '标记已阅', async ({ trx, before, now, refuse }) => {
    const r = recipientOf(before.circulation, reader);
    if (!r) throw new IncomingError('not-found', `收文 ${before.serial} 未传阅给您，或已收回`);
    const outcome = recipientOutcome(r as Recipient, act);
    if (outcome === null) return { unchanged: true };
    if ('refused' in outcome) return refuse(outcome.refused);
    const at = now.toISOString();
    const set =
      act === 'open'
        ? { state: outcome.state, opened_at: at, opened_by: reader.username }
        : { state: outcome.state, read_at: at, read_by: reader.username, ...(r.openedAt === null ? { opened_at: at, opened_by: reader.username } : {}) };
    await trx.updateTable('incoming_circulations').set(set).where('id', '=', r.id).execute();
    return { action: act === 'open' ? 'incoming-open' : 'incoming-read' };
  });
}

export interface CirculatedItem {
  incoming: IncomingView;
  /** The reader's own recipient row (theirs, or their unit's). */
  recipient: CirculationView;
}

/** What is circulated to the reader or their unit and not recalled, newest first. */
export async function circulatedTo(store: Store, reader: Reader): Promise<CirculatedItem[]> {
  const rows = await store.db
    .selectFrom('incoming_documents')
    .selectAll()
    .where('id', 'in', (eb) =>
      eb
        .selectFrom('incoming_circulations')
        .select('incoming_id')
        .where('recalled_at', 'is', null)
        .where((w) => w.or([w.and([w('recipient_kind', '=', 'user'), w('recipient', '=', reader.username)]), ...(reader.unit === null ? [] : [w.and([w('recipient_kind', '=', 'unit'), w('recipient', '=', reader.unit)])])])),
    )
    .orderBy('received_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
  const views = await viewsOf(store.db, rows);
  return views.flatMap((incoming) => {
    const recipient = recipientOf(incoming.circulation, reader);
    return recipient ? [{ incoming, recipient }] : [];
  });
}
