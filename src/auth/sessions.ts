// Server-side sessions kept in the store. The browser holds a random token in an HttpOnly cookie;
// the store keeps its SHA-256, so a copy of the database opens no session. A session ends when it
// has not been used for the idle timeout, at its absolute end, when its user signs out, is
// disabled, changes password or rights, or when an administrator revokes it; ended sessions stay
// as rows (revoked_at), for the record.
import { createHash, randomBytes } from 'node:crypto';
import { sql, type Kysely, type Selectable, type Transaction } from 'kysely';
import { later } from '../calendar/clock.ts';
import { recordAudit } from '../store/audit.ts';
import type { Database, SessionTable, UserTable } from '../store/schema.ts';
import type { AuthSettings } from './settings.ts';
import type { Change } from './change.ts';

type Db = Kysely<Database> | Transaction<Database>;

/** last_seen_at is written at most this often: a write per request would cost every read. */
const TOUCH_EVERY_MS = 60_000;

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');
const randomToken = (bytes: number) => randomBytes(bytes).toString('base64url');

export interface NewSession {
  /** The cookie's value: shown once, never stored. */
  token: string;
  publicId: string;
  csrfToken: string;
  expiresAt: string;
}

export interface ClientInfo {
  ip: string | null;
  userAgent: string | null;
}

export async function createSession(db: Db, userId: number, now: Date, client: ClientInfo, settings: AuthSettings): Promise<NewSession> {
  const token = randomToken(32);
  const session: NewSession = {
    token,
    publicId: randomToken(9),
    csrfToken: randomToken(24),
    expiresAt: later(now, settings.absoluteHours * 3_600_000).toISOString(),
  };
  await db
    .insertInto('sessions')
    .values({
      token_hash: hashToken(token),
      public_id: session.publicId,
      user_id: userId,
      csrf_token: session.csrfToken,
      created_at: now.toISOString(),
      last_seen_at: now.toISOString(),
      expires_at: session.expiresAt,
      revoked_at: null,
      revoked_reason: null,
      ip: client.ip,
      user_agent: client.userAgent?.slice(0, 300) ?? null,
    })
    .execute();
  return session;
}

const USER_COLUMNS = [
  'id', 'username', 'display_name', 'password_hash', 'roles', 'unit', 'must_change_password', 'disabled',
  'failed_logins', 'locked_until', 'last_login_at', 'password_changed_at', 'created_at', 'updated_at',
] as const satisfies readonly (keyof UserTable)[];

export interface ActiveSession {
  session: Selectable<SessionTable>;
  user: Selectable<UserTable>;
}

/** Why a session is not (or no longer) valid at `now`, or null when it is. */
export function sessionEnd(s: Pick<Selectable<SessionTable>, 'revoked_at' | 'expires_at' | 'last_seen_at'>, now: Date, settings: AuthSettings): 'revoked' | 'expired' | 'idle' | null {
  if (s.revoked_at !== null) return 'revoked';
  if (Date.parse(s.expires_at) <= now.getTime()) return 'expired';
  if (Date.parse(s.last_seen_at) + settings.idleMinutes * 60_000 <= now.getTime()) return 'idle';
  return null;
}

/** The session a cookie's token opens at `now`, or null; its last use is recorded (at most once a minute). */
export async function resolveSession(db: Kysely<Database>, token: string, now: Date, settings: AuthSettings): Promise<ActiveSession | null> {
  if (token.length < 20 || token.length > 100) return null;
  // One query for the session and its user: this runs before every request.
  const row = await db
    .selectFrom('sessions as s')
    .innerJoin('users as u', 'u.id', 's.user_id')
    .selectAll('s')
    .select(USER_COLUMNS.map((c) => `u.${c} as u_${c}` as const))
    .where('s.token_hash', '=', hashToken(token))
    .executeTakeFirst();
  if (!row || sessionEnd(row, now, settings) !== null || row.u_disabled === 1) return null;
  const session: Selectable<SessionTable> = {
    token_hash: row.token_hash,
    public_id: row.public_id,
    user_id: row.user_id,
    csrf_token: row.csrf_token,
    created_at: row.created_at,
    last_seen_at: row.last_seen_at,
    expires_at: row.expires_at,
    revoked_at: row.revoked_at,
    revoked_reason: row.revoked_reason,
    ip: row.ip,
    user_agent: row.user_agent,
  };
  const user = Object.fromEntries(USER_COLUMNS.map((c) => [c, row[`u_${c}`]])) as Selectable<UserTable>;
  if (now.getTime() - Date.parse(session.last_seen_at) >= TOUCH_EVERY_MS) {
    await db.updateTable('sessions').set({ last_seen_at: now.toISOString() }).where('token_hash', '=', session.token_hash).execute();
  }
  return { session, user };
}

/** Ends one session (sign-out, or an administrator's revocation). */
export async function endSession(db: Kysely<Database>, where: { tokenHash: string } | { publicId: string }, reason: 'logout' | 'revoked', change: Change): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    let q = trx.selectFrom('sessions').select(['token_hash', 'public_id', 'user_id', 'revoked_at']);
    q = 'tokenHash' in where ? q.where('token_hash', '=', where.tokenHash) : q.where('public_id', '=', where.publicId);
    const s = await q.executeTakeFirst();
    if (!s || s.revoked_at !== null) return false;
    await trx.updateTable('sessions').set({ revoked_at: change.now.toISOString(), revoked_reason: reason }).where('token_hash', '=', s.token_hash).execute();
    await recordAudit(trx, { at: change.now, actor: change.actor, action: reason === 'logout' ? 'logout' : 'session-revoke', entity: 'session', entityId: s.user_id, after: { session: s.public_id, userId: s.user_id } });
    return true;
  });
}

/** Ends every open session of a user (but `keepTokenHash`, the one making the change). */
export async function revokeUserSessions(db: Db, userId: number, reason: string, change: Change, keepTokenHash?: string): Promise<void> {
  let q = db.updateTable('sessions').set({ revoked_at: change.now.toISOString(), revoked_reason: reason }).where('user_id', '=', userId).where('revoked_at', 'is', null);
  if (keepTokenHash) q = q.where('token_hash', '!=', keepTokenHash);
  await q.execute();
}

export interface SessionView {
  id: string;
  userId: number;
  username: string;
  displayName: string;
  createdAt: string;
  lastSeenAt: string;
  expiresAt: string;
  ip: string | null;
  userAgent: string | null;
}

/** Sessions open at `now`, most recently used first. */
export async function listOpenSessions(db: Kysely<Database>, now: Date, settings: AuthSettings): Promise<SessionView[]> {
  const idleSince = later(now, -settings.idleMinutes * 60_000).toISOString();
  const rows = await db
    .selectFrom('sessions as s')
    .innerJoin('users as u', 'u.id', 's.user_id')
    .select(['s.public_id', 's.user_id', 'u.username', 'u.display_name', 's.created_at', 's.last_seen_at', 's.expires_at', 's.ip', 's.user_agent'])
    .where('s.revoked_at', 'is', null)
    .where('s.expires_at', '>', now.toISOString())
    .where('s.last_seen_at', '>', idleSince)
    .orderBy(sql`s.last_seen_at`, 'desc')
    .execute();
  return rows.map((r) => ({
    id: r.public_id,
    userId: r.user_id,
    username: r.username,
    displayName: r.display_name,
    createdAt: r.created_at,
    lastSeenAt: r.last_seen_at,
    expiresAt: r.expires_at,
    ip: r.ip,
    userAgent: r.user_agent,
  }));
}
