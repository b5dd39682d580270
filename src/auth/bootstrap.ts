// The first administrator. With no users in the store, `duban serve` creates `admin`: with the
// password in DUBAN_ADMIN_PASSWORD (the operator chose it), or with a random one printed once on
// the terminal, which must be changed at the first sign-in.
import type { Kysely } from 'kysely';
import type { Database } from '../store/schema.ts';
import { passwordProblem } from './password-policy.ts';
import { randomPassword } from './passwords.ts';
import { countUsers, createUser, type User } from './users.ts';

export const FIRST_ADMIN = 'admin';

export interface FirstAdmin {
  user: User;
  /** The random password when one was made (to print once), null when it came from the environment. */
  generatedPassword: string | null;
}

/** Creates the first administrator when the store has no users; null when it has. */
export async function ensureFirstAdmin(db: Kysely<Database>, envPassword: string | undefined, now: Date): Promise<FirstAdmin | null> {
  if ((await countUsers(db)) > 0) return null;
  if (envPassword !== undefined && envPassword !== '') {
    const problem = passwordProblem(envPassword, FIRST_ADMIN);
    if (problem) throw new RangeError(`DUBAN_ADMIN_PASSWORD 不符合密码规则：${problem}`);
  }
  const generated = envPassword ? null : randomPassword();
  const user = await createUser(
    db,
    { username: FIRST_ADMIN, displayName: '系统管理员', roles: ['admin'], password: envPassword || generated!, mustChangePassword: generated !== null },
    () => true,
    { actor: { name: 'system' }, now },
  );
  return { user, generatedPassword: generated };
}
