// Accounts: create, change, disable, reset and change passwords, unlock. Each change is one
// transaction with its audit event; nothing is deleted (a user who leaves is disabled, so the
// audit trail keeps naming them). Passwords never reach the audit trail.
import type { Kysely, Selectable, Transaction } from 'kysely';
import { recordAudit } from '../store/audit.ts';
import type { Change } from './change.ts';
import type { Database, UserTable } from '../store/schema.ts';
import { passwordProblem } from './password-policy.ts';
import { hashPassword } from './passwords.ts';
import { isRole, ROLE_LABELS, type Role } from './policy.ts';
import { revokeUserSessions } from './sessions.ts';

type Db = Kysely<Database>;
type Trx = Transaction<Database>;

export interface User {
  id: number;
  username: string;
  displayName: string;
  roles: Role[];
  unit: string | null;
  mustChangePassword: boolean;
  disabled: boolean;
  failedLogins: number;
  lockedUntil: string | null;
  lastLoginAt: string | null;
  createdAt: string;
  updatedAt: string;
}

/** A request about accounts that cannot be done; the message is for the user. */
export class AccountError extends Error {
  override name = 'AccountError';
  constructor(
    message: string,
    readonly status: 400 | 404 | 409 = 400,
  ) {
    super(message);
  }
}

/** Checks a unit name against the directory (the caller's: an office may add its own units). */
export type UnitCheck = (name: string) => boolean;

export function toUser(r: Selectable<UserTable>): User {
  const roles = (JSON.parse(r.roles) as string[]).filter(isRole);
  return {
    id: r.id,
    username: r.username,
    displayName: r.display_name,
    roles,
    unit: r.unit,
    mustChangePassword: r.must_change_password === 1,
    disabled: r.disabled === 1,
    failedLogins: r.failed_logins,
    lockedUntil: r.locked_until,
    lastLoginAt: r.last_login_at,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

const USERNAME = /^[A-Za-z0-9][A-Za-z0-9_.-]{1,31}$/;

function checkUsername(username: string): void {
  if (!USERNAME.test(username)) throw new AccountError('用户名应为 2–32 位字母、数字或 _ . -，以字母或数字开头');
}

function checkDisplayName(name: string): string {
  const trimmed = name.trim();
  if (trimmed.length === 0 || trimmed.length > 40) throw new AccountError('姓名应为 1–40 个字');
  return trimmed;
}

function checkRoles(roles: readonly string[]): Role[] {
  if (roles.length === 0) throw new AccountError('至少选择一个角色');
  const bad = roles.filter((r) => !isRole(r));
  if (bad.length > 0) throw new AccountError(`未知角色：${bad.join('、')}`);
  return [...new Set(roles as Role[])];
}

/** A unit user must be bound to a unit of the directory; other roles carry none. */
function checkUnit(roles: readonly Role[], unit: string | null | undefined, known: UnitCheck): string | null {
  const name = unit?.trim() || null;
  if (roles.includes('unit')) {
    if (name === null) throw new AccountError(`${ROLE_LABELS.unit}用户必须绑定所属单位`);
    if (!known(name)) throw new AccountError(`单位“${name}”不在单位目录中，请选择目录中的规范名称`);
    return name;
  }
  return null;
}

function checkPassword(password: string, username: string): void {
  const problem = passwordProblem(password, username);
  if (problem) throw new AccountError(problem);
}

/** What the audit trail keeps of a user: never the hash. */
function auditView(u: User) {
  return { username: u.username, displayName: u.displayName, roles: u.roles, unit: u.unit, disabled: u.disabled };
}

async function userRow(db: Db | Trx, id: number): Promise<Selectable<UserTable>> {
  const row = await db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw new AccountError('用户不存在', 404);
  return row;
}

export async function listUsers(db: Db): Promise<User[]> {
  return (await db.selectFrom('users').selectAll().orderBy('id').execute()).map(toUser);
}

export async function getUser(db: Db | Trx, id: number): Promise<User> {
  return toUser(await userRow(db, id));
}

export async function findUser(db: Db | Trx, username: string): Promise<Selectable<UserTable> | undefined> {
  return db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirst();
}

export async function countUsers(db: Db): Promise<number> {
  const r = await db.selectFrom('users').select((eb) => eb.fn.countAll<number | string>().as('n')).executeTakeFirstOrThrow();
  return Number(r.n);
}

export interface NewUser {
  username: string;
  displayName: string;
  roles: readonly string[];
  unit?: string | null;
  password: string;
  /** True when the password was given to the person by someone else (first sign-in changes it). */
  mustChangePassword: boolean;
}

export async function createUser(db: Db, input: NewUser, known: UnitCheck, change: Change): Promise<User> {
  const username = input.username.trim();
  checkUsername(username);
  const displayName = checkDisplayName(input.displayName);
  const roles = checkRoles(input.roles);
  const unit = checkUnit(roles, input.unit, known);
  checkPassword(input.password, username);
  const passwordHash = await hashPassword(input.password);
  return db.transaction().execute(async (trx) => {
    if (await findUser(trx, username)) throw new AccountError(`用户名“${username}”已被使用`, 409);
    const at = change.now.toISOString();
    const row = await trx
      .insertInto('users')
      .values({
        username,
        display_name: displayName,
        password_hash: passwordHash,
        roles: JSON.stringify(roles),
        unit,
        must_change_password: input.mustChangePassword ? 1 : 0,
        disabled: 0,
        failed_logins: 0,
        locked_until: null,
        last_login_at: null,
        password_changed_at: at,
        created_at: at,
        updated_at: at,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    const user = toUser(row);
    await recordAudit(trx, { at: change.now, actor: change.actor, action: 'user-create', entity: 'user', entityId: user.id, after: auditView(user) });
    return user;
  });
}

export interface UserPatch {
  displayName?: string;
  roles?: readonly string[];
  unit?: string | null;
  disabled?: boolean;
}

export async function updateUser(db: Db, id: number, patch: UserPatch, known: UnitCheck, change: Change): Promise<User> {
  return db.transaction().execute(async (trx) => {
    const before = toUser(await userRow(trx, id));
    const roles = patch.roles !== undefined ? checkRoles(patch.roles) : before.roles;
    const unit = checkUnit(roles, patch.unit !== undefined ? patch.unit : before.unit, known);
    const displayName = patch.displayName !== undefined ? checkDisplayName(patch.displayName) : before.displayName;
    const disabled = patch.disabled ?? before.disabled;
    if (change.actor.id === id && disabled) throw new AccountError('不能停用自己的账户');
    if (change.actor.id === id && before.roles.includes('admin') && !roles.includes('admin')) throw new AccountError('不能取消自己的管理员角色');
    const row = await trx
      .updateTable('users')
      .set({ display_name: displayName, roles: JSON.stringify(roles), unit, disabled: disabled ? 1 : 0, updated_at: change.now.toISOString() })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
    const after = toUser(row);
    // A disabled account, or one whose roles or unit changed, signs in again: what its open
    // sessions were allowed to do is no longer what the account may do.
    const rightsChanged = disabled !== before.disabled || unit !== before.unit || roles.join() !== before.roles.join();
    if (rightsChanged) await revokeUserSessions(trx, id, disabled ? 'disabled' : 'rights', change);
    await recordAudit(trx, { at: change.now, actor: change.actor, action: 'user-update', entity: 'user', entityId: id, before: auditView(before), after: auditView(after) });
    return after;
  });
}

/**
 * Sets a password. By an administrator (`reset`): the person must change it at the next sign-in,
 * and every session of the account ends. By the person: the other sessions end.
 */
export async function setPassword(db: Db, id: number, password: string, mode: { reset: boolean; keepSession?: string }, change: Change): Promise<void> {
  const user = toUser(await userRow(db, id));
  checkPassword(password, user.username);
  const passwordHash = await hashPassword(password);
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('users')
      .set({
        password_hash: passwordHash,
        must_change_password: mode.reset ? 1 : 0,
        password_changed_at: change.now.toISOString(),
        failed_logins: 0,
        locked_until: null,
        updated_at: change.now.toISOString(),
      })
      .where('id', '=', id)
      .execute();
    await revokeUserSessions(trx, id, 'password', change, mode.keepSession);
    await recordAudit(trx, { at: change.now, actor: change.actor, action: mode.reset ? 'password-reset' : 'password-change', entity: 'user', entityId: id, after: { username: user.username } });
  });
}

export async function unlockUser(db: Db, id: number, change: Change): Promise<User> {
  return db.transaction().execute(async (trx) => {
    const before = toUser(await userRow(trx, id));
    const row = await trx
      .updateTable('users')
      .set({ failed_logins: 0, locked_until: null, updated_at: change.now.toISOString() })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordAudit(trx, { at: change.now, actor: change.actor, action: 'user-unlock', entity: 'user', entityId: id, before: { lockedUntil: before.lockedUntil, failedLogins: before.failedLogins } });
    return toUser(row);
  });
}
