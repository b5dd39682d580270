// `duban users add|list|passwd|disable|enable|unlock`: accounts from the command line, for the
// administrator of the machine (the first account, a forgotten password, scripting). Each change
// is audited with the operating-system user as the actor. A password not given is made at random
// and printed once; the person changes it at the first sign-in.
import type { Command } from 'commander';
import { userInfo } from 'node:os';
import { passwordProblem } from '../auth/password-policy.ts';
import { isRole, ROLE_LABELS, ROLES } from '../auth/policy.ts';
import type { User } from '../auth/users.ts';
import type { Store } from '../store/open.ts';
import { commandClock } from './clock-option.ts';
import { DIRECTORY_OPTION, directoryOrFail } from './directory-option.ts';
import { formatTable } from './units.ts';
import { openStoreOrFail, type StoreUse } from './store-target.ts';

// The accounts' code (argon2, the store) loads when a users command runs, not at every start.
const accounts = () => import('../auth/users.ts');

const say = (line: string) => process.stderr.write(`${line}\n`);
const operator = () => ({ name: `cli:${userInfo().username}` });

function describe(u: User): string[] {
  const state = u.disabled ? '停用' : u.lockedUntil ? '锁定' : '正常';
  return [u.username, u.displayName, u.roles.map((r) => ROLE_LABELS[r]).join('、'), u.unit ?? '', state, u.mustChangePassword ? '须改密码' : ''];
}

/**
 * Runs `work` with the store, reporting an account problem in one Chinese line (exit 2). Only
 * `users add` may make a new store; the others read or change accounts that must be there.
 */
async function withStore(command: Command, setExit: (code: number) => void, use: StoreUse, work: (store: Store, now: Date) => Promise<void>): Promise<void> {
  const clock = commandClock(command, setExit);
  if (clock === null) return;
  const store = await openStoreOrFail(command, setExit, use);
  if (store === null) return;
  const { AccountError } = await accounts();
  try {
    await work(store, clock.now());
  } catch (e) {
    if (!(e instanceof AccountError)) throw e;
    say(`duban: ${e.message}`);
    setExit(2);
  } finally {
    await store.close();
  }
}

async function userNamed(store: Store, username: string): Promise<User> {
  const { AccountError, findUser, toUser } = await accounts();
  const row = await findUser(store.db, username);
  if (!row) throw new AccountError(`没有用户“${username}”`, 404);
  return toUser(row);
}

/** The password given, checked; or a random one (printed by the caller). */
async function chosenPassword(given: string | undefined, username: string): Promise<{ password: string; generated: boolean }> {
  if (given === undefined) return { password: (await import('../auth/passwords.ts')).randomPassword(), generated: true };
  const problem = passwordProblem(given, username);
  if (problem) throw new (await accounts()).AccountError(problem);
  return { password: given, generated: false };
}

export function registerUsersCommand(program: Command, setExit: (code: number) => void): void {
  const users = program.command('users').description(`管理用户账户（角色：${ROLES.map((r) => `${r} ${ROLE_LABELS[r]}`).join('，')}）`);

  users
    .command('add')
    .description('新增用户（首次登录须修改密码）')
    .argument('<username>', '用户名')
    .requiredOption('--roles <roles>', `角色，逗号分隔：${ROLES.join(',')}`)
    .option('--name <姓名>', '姓名（默认同用户名）')
    .option('--unit <单位>', '所属单位（承办单位用户必填，须为单位目录中的规范名称）')
    .option('--password <password>', '初始密码（不给则随机生成并显示一次）')
    .option(...DIRECTORY_OPTION)
    .action(async (username: string, opts: { roles: string; name?: string; unit?: string; password?: string; directory?: string[] }, command: Command) => {
      const directory = await directoryOrFail(opts.directory, setExit);
      if (directory === null) return;
      await withStore(command, setExit, 'create', async (store, now) => {
        const [{ AccountError, createUser }, { isKnownUnit }] = await Promise.all([accounts(), import('../directory/index.ts')]);
        const roles = opts.roles.split(/[,，、\s]+/).filter(Boolean);
        const unknown = roles.filter((r) => !isRole(r));
        if (unknown.length > 0) throw new AccountError(`未知角色：${unknown.join('、')}（可用：${ROLES.join(', ')}）`);
        const { password, generated } = await chosenPassword(opts.password, username);
        const user = await createUser(
          store.db,
          { username, displayName: opts.name ?? username, roles, unit: opts.unit ?? null, password, mustChangePassword: true },
          (name) => isKnownUnit(directory, name),
          { actor: operator(), now },
        );
        say(`已新增用户 ${user.username}（${user.roles.map((r) => ROLE_LABELS[r]).join('、')}${user.unit ? `，${user.unit}` : ''}）`);
        if (generated) say(`初始密码：${password}（只显示这一次，首次登录须修改）`);
      });
    });

  users
    .command('list')
    .description('列出用户')
    .option('--json', '以 JSON 输出')
    .action(async (opts: { json?: boolean }, command: Command) => {
      await withStore(command, setExit, 'existing', async (store) => {
        const all = await (await accounts()).listUsers(store.db);
        if (opts.json) {
          process.stdout.write(`${JSON.stringify(all.map((u) => ({ id: u.id, username: u.username, displayName: u.displayName, roles: u.roles, unit: u.unit, disabled: u.disabled, lockedUntil: u.lockedUntil, mustChangePassword: u.mustChangePassword })), null, 2)}\n`);
        } else {
          process.stdout.write(formatTable(['用户名', '姓名', '角色', '所属单位', '状态', ''], all.map(describe)));
        }
      });
    });

  users
    .command('passwd')
    .description('重置用户密码（用户下次登录须修改；其会话全部结束）')
    .argument('<username>', '用户名')
    .option('--password <password>', '新密码（不给则随机生成并显示一次）')
    .action(async (username: string, opts: { password?: string }, command: Command) => {
      await withStore(command, setExit, 'existing', async (store, now) => {
        const user = await userNamed(store, username);
        const { password, generated } = await chosenPassword(opts.password, username);
        await (await accounts()).setPassword(store.db, user.id, password, { reset: true }, { actor: operator(), now });
        say(`已重置 ${username} 的密码${generated ? `：${password}（只显示这一次）` : ''}；下次登录须修改`);
      });
    });

  for (const [name, disabled, text] of [
    ['disable', true, '停用用户（其会话全部结束；账户与记录保留）'],
    ['enable', false, '恢复已停用的用户'],
  ] as const) {
    users
      .command(name)
      .description(text)
      .argument('<username>', '用户名')
      .action(async (username: string, _opts: unknown, command: Command) => {
        await withStore(command, setExit, 'existing', async (store, now) => {
          const user = await userNamed(store, username);
          await (await accounts()).updateUser(store.db, user.id, { disabled }, () => true, { actor: operator(), now });
          say(`${disabled ? '已停用' : '已恢复'}用户 ${username}`);
        });
      });
  }

  users
    .command('unlock')
    .description('解除因密码连续错误造成的锁定')
    .argument('<username>', '用户名')
    .action(async (username: string, _opts: unknown, command: Command) => {
      await withStore(command, setExit, 'existing', async (store, now) => {
        const user = await userNamed(store, username);
        await (await accounts()).unlockUser(store.db, user.id, { actor: operator(), now });
        say(`已解除 ${username} 的锁定`);
      });
    });
}
