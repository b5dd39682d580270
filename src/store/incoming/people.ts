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

/** Every user not disabled, for the clerk's 传阅 (by name; the unit says where they sit). */
export async function activeUsers(db: Db): Promise<{ username: string; name: string; unit: string | null }[]> {
  const rows = await db.selectFrom('users').select(['username', 'display_name', 'unit']).where('disabled', '=', 0).orderBy('username').execute();
  return rows.map((r) => ({ username: r.username, name: r.display_name, unit: r.unit }));
}

/**
 * The leaders a leader may pass a 批示 on to, each with the title and areas of the 领导分管表's
 * row of the same name (the table is matched by name, as the 拟办 draft matches it).
 */
export async function leaderChoices(db: Db): Promise<{ username: string; name: string; title: string | null; areas: string[] }[]> {
  const table = await db.selectFrom('office_leaders').select(['name', 'title', 'areas']).where('active', '=', 1).execute();
  const byName = new Map(table.map((t) => [t.name, t]));
  return (await activeLeaders(db)).map((l) => {
    const row = byName.get(l.name);
    return { ...l, title: row?.title || null, areas: row ? (JSON.parse(row.areas) as string[]) : [] };
  });
}
