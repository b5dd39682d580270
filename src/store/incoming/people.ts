// The people a 拟办 names and a 传阅 reaches, read from the accounts: leaders (users holding the
// leader role, not disabled) and recipients (any user not disabled, or a unit of the directory).
import type { Kysely, Transaction } from 'kysely';
import type { LeaderRef } from '../../workflow/instruct.ts';
import type { Database } from '../schema.ts';
import { IncomingError } from './errors.ts';

type Db = Kysely<Database> | Transaction<Database>;

interface Person {
  username: string;
  name: string;
  roles: string[];
  disabled: boolean;
}

async function people(db: Db, usernames: readonly string[]): Promise<Map<string, Person>> {
  if (usernames.length === 0) return new Map();
  const rows = await db.selectFrom('users').select(['username', 'display_name', 'roles', 'disabled']).where('username', 'in', [...usernames]).execute();
  return new Map(rows.map((r) => [r.username, { username: r.username, name: r.display_name, roles: JSON.parse(r.roles) as string[], disabled: r.disabled !== 0 }]));
}

/** The leaders named by user name, in the order given; refused (Chinese) for one who is not a leader of Duban. */
export async function leadersNamed(db: Db, usernames: readonly string[]): Promise<LeaderRef[]> {
  const found = await people(db, usernames);
  return usernames.map((u) => {
    const p = found.get(u);
    if (!p) throw new IncomingError('invalid', `没有用户名为“${u}”的用户`);
    if (p.disabled) throw new IncomingError('invalid', `用户“${p.name}”已停用，不能呈批`);
    if (!p.roles.includes('leader')) throw new IncomingError('invalid', `“${p.name}”不是领导，不能呈批`);
    return { username: p.username, name: p.name };
  });
}

/** Users to circulate to, by user name; refused for one who does not exist or is disabled. */
export async function usersNamed(db: Db, usernames: readonly string[]): Promise<{ username: string; name: string }[]> {
  const found = await people(db, usernames);
  return usernames.map((u) => {
    const p = found.get(u);
    if (!p) throw new IncomingError('invalid', `没有用户名为“${u}”的用户`);
    if (p.disabled) throw new IncomingError('invalid', `用户“${p.name}”已停用，不能传阅给他`);
    return { username: p.username, name: p.name };
  });
}

/** Every active leader, for the clerk to choose from, with the display names the leaders' table is matched by. */
export async function activeLeaders(db: Db): Promise<LeaderRef[]> {
  const rows = await db.selectFrom('users').select(['username', 'display_name', 'roles']).where('disabled', '=', 0).orderBy('username').execute();
  return rows.filter((r) => (JSON.parse(r.roles) as string[]).includes('leader')).map((r) => ({ username: r.username, name: r.display_name }));
}
