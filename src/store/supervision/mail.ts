// 督办文书 by e-mail: each unit's address for notices (kept as a history, set by the office) and
// the delivery of issued notices to it, each with its .docx. Mail is a copy of what is already in
// the unit's inbox, never the record: a failed send is logged and tried again at the next run, at
// most MAIL_ATTEMPTS times, and a notice is mailed once. A unit's address reaches the notices
// issued after it was set — setting one does not flood a unit with its old notices.
import type { Clock } from '../../calendar/clock.ts';
import { SupervisionError } from '../../workflow/errors.ts';
import { at, audit, inTransaction, type Command, type Db } from './common.ts';
import { noticeDocument } from './notices.ts';

/** Tries per notice: a refused address is not knocked on every day for ever. */
export const MAIL_ATTEMPTS = 3;

/**
 * What delivery needs of a mailer (src/notify/mail.ts makes one from the environment): the store
 * sits beside notify/, not above it, so the shape is restated here.
 */
export interface NoticeSender {
  readonly configured: boolean;
  sendNotice(notice: { to: string; subject: string; text: string; attachments: { filename: string; content: Buffer }[] }): Promise<{ sent: boolean; error?: string }>;
}

// One address, no display name: local part, @, a domain with a dot. Linear: no nested quantifiers.
const ADDRESS = /^[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9-]{1,63}(\.[A-Za-z0-9-]{1,63})+$/;

export interface Mailbox {
  unit: string;
  address: string | null;
  setAt: string;
  setBy: string;
}

/**
 * Sets (or, with null, removes) the address a unit's notices are mailed to. `known` says whether a
 * name is a canonical unit of the directory: an address for a unit no notice can go to is a typo.
 */
export async function setUnitMailbox(db: Db, c: Command, unit: string, address: string | null, known: (unit: string) => boolean): Promise<Mailbox> {
  const name = unit.trim();
  const value = address === null || address.trim() === '' ? null : address.trim();
  if (!known(name)) throw new SupervisionError(`单位“${name}”不在单位名录中：请填写名录中的规范名称`, 400);
  if (value !== null && (value.length > 254 || !ADDRESS.test(value))) throw new SupervisionError(`“${value}”不是有效的邮件地址，应形如 dcs@example.gov.cn`, 400);
  return inTransaction(db, async (trx) => {
    const current = await trx.selectFrom('unit_mailboxes').selectAll().where('unit', '=', name).where('replaced_at', 'is', null).executeTakeFirst();
    const mailbox: Mailbox = { unit: name, address: value, setAt: at(c), setBy: c.actor.name };
    if ((current?.address ?? null) === value) return current ? { unit: name, address: current.address, setAt: current.set_at, setBy: current.set_by } : mailbox;
    if (current) await trx.updateTable('unit_mailboxes').set({ replaced_at: mailbox.setAt }).where('id', '=', current.id).execute();
    const row = await trx.insertInto('unit_mailboxes').values({ unit: name, address: value, set_at: mailbox.setAt, set_by: mailbox.setBy, replaced_at: null }).returning('id').executeTakeFirstOrThrow();
    await audit(trx, c, 'supervision.mailbox.set', 'unit_mailbox', row.id, current ? { unit: name, address: current.address } : null, { unit: name, address: value });
    return mailbox;
  });
}

/** The current address of every unit that has one, by unit name. */
export async function listUnitMailboxes(db: Db): Promise<Mailbox[]> {
  const rows = await db.selectFrom('unit_mailboxes').selectAll().where('replaced_at', 'is', null).where('address', 'is not', null).orderBy('unit').execute();
  return rows.map((r) => ({ unit: r.unit, address: r.address, setAt: r.set_at, setBy: r.set_by }));
}

export interface DeliveryResult {
  sent: { notice: number; number: string; address: string }[];
  failed: { notice: number; number: string; address: string; error: string }[];
}

/** The mail of a notice: what it is, for whom, and that the .docx is the notice itself. */
function mailOf(n: { kind: string; number: string; unit: string; deadline: string; text: string }, office: string) {
  const title = n.text.length > 40 ? `${n.text.slice(0, 40)}…` : n.text;
  return {
    subject: `${n.kind} ${n.number}：${title}`,
    text: `${n.unit}：\n\n${office}向你单位发出${n.kind}（${n.number}），事项：${n.text}\n完成时限：${n.deadline}\n\n正式文书见附件，也可登录督办系统在“督办文书”中查看、阅知。\n\n${office}`,
  };
}

/**
 * Mails every notice not yet mailed whose unit has an address set before the notice was issued,
 * with fewer than MAIL_ATTEMPTS tries. Each attempt is logged in its own transaction, so a crash
 * between two notices loses nothing and a rerun sends no notice twice.
 */
export async function deliverNotices(db: Db, sender: NoticeSender, office: string, clock: Clock): Promise<DeliveryResult> {
  const result: DeliveryResult = { sent: [], failed: [] };
  if (!sender.configured) return result;
  const pending = await db
    .selectFrom('supervision_notices as n')
    .innerJoin('unit_mailboxes as m', (j) => j.onRef('m.unit', '=', 'n.unit').on('m.replaced_at', 'is', null).on('m.address', 'is not', null).onRef('m.set_at', '<=', 'n.issued_at'))
    .innerJoin('supervision_items as i', 'i.id', 'n.item_id')
    .select(['n.id', 'n.item_id', 'n.kind', 'n.number', 'n.unit', 'n.deadline', 'i.text', 'm.address'])
    .where('n.mailed_at', 'is', null)
    .where((eb) => eb(eb.selectFrom('notice_mail as t').select((s) => s.fn.countAll<number | string>().as('c')).whereRef('t.notice_id', '=', 'n.id'), '<', MAIL_ATTEMPTS))
    .orderBy('n.id')
    .execute();
  for (const n of pending) {
    const address = n.address!;
    const doc = await noticeDocument(db, n.id, null, office);
    const mail = mailOf(n, office);
    const outcome = await sender.sendNotice({ to: address, ...mail, attachments: [{ filename: `${doc.kind}-${doc.number}.docx`, content: doc.buffer }] });
    const c: Command = { actor: { name: 'system' }, now: clock.now(), today: clock.today(), unit: null };
    await inTransaction(db, async (trx) => {
      await trx.insertInto('notice_mail').values({ notice_id: n.id, address, attempted_at: at(c), sent: outcome.sent ? 1 : 0, error: outcome.sent ? null : (outcome.error ?? '邮件未发送') }).execute();
      if (!outcome.sent) return;
      await trx.updateTable('supervision_notices').set({ mailed_at: at(c) }).where('id', '=', n.id).where('mailed_at', 'is', null).execute();
      await audit(trx, c, 'supervision.notice.mailed', 'supervision_item', n.item_id, { number: n.number, mailedAt: null }, { number: n.number, mailedAt: at(c), address });
    });
    if (outcome.sent) result.sent.push({ notice: n.id, number: n.number, address });
    else result.failed.push({ notice: n.id, number: n.number, address, error: outcome.error ?? '邮件未发送' });
  }
  return result;
}
