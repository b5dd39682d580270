// Signing in: a name and a password against the store, with the account locked for a while
// after too many wrong passwords in a row. Every attempt is an audit event, failures included.
// A wrong name and a wrong password get the same answer and take the same time.
import type { Kysely } from 'kysely';
import { beijingDateTime, instantFrom, later } from '../calendar/clock.ts';
import { recordAudit, type Actor } from '../store/audit.ts';
import type { Database } from '../store/schema.ts';
import { decoyHash, verifyPassword } from './passwords.ts';
import { createSession, type ClientInfo, type NewSession } from './sessions.ts';
import type { AuthSettings } from './settings.ts';
import { findUser, toUser, type User } from './users.ts';

export type LoginResult = { ok: true; user: User; session: NewSession } | { ok: false; message: string };

const WRONG = '用户名或密码错误';

export async function login(db: Kysely<Database>, username: string, password: string, now: Date, client: ClientInfo, settings: AuthSettings): Promise<LoginResult> {
  const name = username.trim().slice(0, 64);
  const row = await findUser(db, name);
  const actor: Actor = { name: name || '（空）', id: row?.id ?? null, ip: client.ip };
  const fail = async (reason: string, message: string, extra: Record<string, unknown> = {}): Promise<LoginResult> => {
    await recordAudit(db, { at: now, actor, action: 'login-failed', entity: 'user', entityId: row?.id ?? null, after: { reason, ...extra } });
    return { ok: false, message };
  };

  if (!row) {
    await verifyPassword(await decoyHash(), password);
    return fail('unknown-user', WRONG);
  }
  if (row.locked_until !== null && Date.parse(row.locked_until) > now.getTime()) {
    return fail('locked', `账户已锁定，请于 ${beijingDateTime(instantFrom(row.locked_until)).slice(11, 16)} 后再试，或请管理员解锁`);
  }
  const right = await verifyPassword(row.password_hash, password);
  if (!right) {
    const failures = row.failed_logins + 1;
    const lock = failures >= settings.maxFailures;
    const lockedUntil = lock ? later(now, settings.lockMinutes * 60_000).toISOString() : null;
    await db.transaction().execute(async (trx) => {
      await trx.updateTable('users').set({ failed_logins: failures, locked_until: lockedUntil }).where('id', '=', row.id).execute();
      if (lock) await recordAudit(trx, { at: now, actor: { name: 'system' }, action: 'account-locked', entity: 'user', entityId: row.id, after: { username: row.username, failures, lockedUntil } });
    });
    if (lock) return fail('wrong-password', `密码连续错误 ${failures} 次，账户已锁定 ${settings.lockMinutes} 分钟`, { failures });
    const left = settings.maxFailures - failures;
    return fail('wrong-password', `${WRONG}（再错 ${left} 次账户将被锁定 ${settings.lockMinutes} 分钟）`, { failures });
  }
  if (row.disabled === 1) return fail('disabled', '账户已停用，请联系管理员');

  return db.transaction().execute(async (trx) => {
    await trx.updateTable('users').set({ failed_logins: 0, locked_until: null, last_login_at: now.toISOString() }).where('id', '=', row.id).execute();
    const session = await createSession(trx, row.id, now, client, settings);
    await recordAudit(trx, { at: now, actor, action: 'login', entity: 'user', entityId: row.id, after: { session: session.publicId } });
    return { ok: true as const, user: toUser({ ...row, failed_logins: 0, locked_until: null, last_login_at: now.toISOString() }), session };
  });
}
