// `duban serve` and `duban users` as an operator runs them: real processes, a real SQLite file,
// a real port. The first start creates the administrator and says how to sign in; the server
// answers 401 to a visitor; SIGTERM stops it cleanly; mistakes get one Chinese line.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort } from './free-port.ts';

const root = join(import.meta.dirname, '..');
const bin = join(root, 'bin', 'duban.mjs');
const work = mkdtempSync(join(tmpdir(), 'duban-serve-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function duban(db: string, args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [bin, '--db', db, ...args], { encoding: 'utf8', cwd: root, timeout: 120_000, env: { ...process.env, ...env } });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

/** Starts `duban serve` and waits for its line saying where to go; returns the process and what it printed. */
async function serve(db: string, port: number, env: Record<string, string> = {}, extra: string[] = []): Promise<{ child: ChildProcess; output: () => string }> {
  const child = spawn(process.execPath, [bin, '--db', db, 'serve', '--port', String(port), '--log-dir', join(work, 'logs'), ...extra], { cwd: root, env: { ...process.env, ...env } });
  let text = '';
  child.stderr!.on('data', (d: Buffer) => (text += d.toString()));
  child.stdout!.on('data', (d: Buffer) => (text += d.toString()));
  const started = Date.now();
  while (!text.includes('督办已启动') && Date.now() - started < 60_000) {
    if (child.exitCode !== null) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  return { child, output: () => text };
}

async function stopped(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null) return child.exitCode;
  return new Promise((resolve) => child.once('exit', (code) => resolve(code)));
}

describe('duban serve', () => {
  it('creates the first administrator with a password printed once, serves behind sign-in, and stops on SIGTERM', async () => {
    const db = join(work, 'first.db');
    const port = await freePort();
    const secrets: string[] = [];
    const { child, output } = await serve(db, port);
    try {
      const text = output();
      const password = /初始密码 (\S+)/.exec(text)?.[1];
      expect(password).toBeDefined();
      expect(text).toContain(`请在浏览器打开 http://127.0.0.1:${port}/ 登录（用户名 admin，密码见上方）`);
      const visitor = await fetch(`http://127.0.0.1:${port}/api/documents`);
      expect(visitor.status).toBe(401);
      expect(visitor.headers.get('content-security-policy')).toContain("default-src 'self'");
      expect(visitor.headers.get('x-content-type-options')).toBe('nosniff');
      // fetch will not send another Host header; a raw request will, as a rebinding page's would.
      const evil = await new Promise<number>((resolve, reject) => {
        request({ host: '127.0.0.1', port, path: '/api/documents', headers: { host: `evil.example:${port}` } }, (res) => resolve(res.statusCode ?? 0))
          .on('error', reject)
          .end();
      });
      expect(evil).toBe(403);
      const login = await fetch(`http://127.0.0.1:${port}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'admin', password }) });
      expect(login.status).toBe(200);
      const me = (await login.json()) as { user: { mustChangePassword: boolean }; csrfToken: string };
      expect(me.user.mustChangePassword).toBe(true);
      const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
      expect((await fetch(`http://127.0.0.1:${port}/api/auth/me`, { headers: { cookie } })).status).toBe(200);
      secrets.push(password!, cookie.split('=')[1]!, me.csrfToken);
    } finally {
      child.kill('SIGTERM');
    }
    expect(await stopped(child)).toBe(0);
    // The request log has the requests, and none of the secrets that went through them.
    const log = readFileSync(join(work, 'logs', 'duban.log'), 'utf8');
    expect(log).toContain('/api/auth/login');
    expect(log).toContain('/api/auth/me');
    for (const secret of secrets) expect(log).not.toContain(secret);

    // A second start finds the administrator and prints no password.
    const again = await serve(db, port);
    try {
      expect(again.output()).not.toContain('初始密码');
      expect(again.output()).toContain('用已有账户登录');
    } finally {
      again.child.kill('SIGINT');
    }
    expect(await stopped(again.child)).toBe(0);
  });

  it('takes the first password from DUBAN_ADMIN_PASSWORD, and refuses a weak one', async () => {
    const weak = duban(join(work, 'weak.db'), ['serve', '--port', String(await freePort())], { DUBAN_ADMIN_PASSWORD: 'password' });
    expect(weak.code).toBe(2);
    expect(weak.err).toContain('DUBAN_ADMIN_PASSWORD 不符合密码规则');
    expect(weak.err).not.toMatch(/at \w+ \(/);

    const db = join(work, 'env.db');
    const port = await freePort();
    const { child, output } = await serve(db, port, { DUBAN_ADMIN_PASSWORD: 'Env-Passw0rd!' });
    try {
      expect(output()).toContain('密码为 DUBAN_ADMIN_PASSWORD 所设');
      const login = await fetch(`http://127.0.0.1:${port}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'admin', password: 'Env-Passw0rd!' }) });
      expect(((await login.json()) as { user: { mustChangePassword: boolean } }).user.mustChangePassword).toBe(false);
    } finally {
      child.kill('SIGTERM');
    }
    expect(await stopped(child)).toBe(0);
  });

  it('stops when the npx that started it is stopped by its PID', async () => {
    const db = join(work, 'npx.db');
    const port = await freePort();
    const npx = spawn('npx', ['duban', '--db', db, 'serve', '--port', String(port), '--log-dir', join(work, 'logs')], { cwd: root, env: { ...process.env, DUBAN_ADMIN_PASSWORD: 'Env-Passw0rd!' } });
    let text = '';
    npx.stderr!.on('data', (d: Buffer) => (text += d.toString()));
    for (let waited = 0; !text.includes('督办已启动') && waited < 60_000; waited += 100) await new Promise((r) => setTimeout(r, 100));
    expect(text).toContain('督办已启动');
    expect((await fetch(`http://127.0.0.1:${port}/api/auth/me`)).status).toBe(401);
    npx.kill('SIGTERM');
    await stopped(npx);
    let up = true;
    for (let waited = 0; up && waited < 10_000; waited += 250) {
      await new Promise((r) => setTimeout(r, 250));
      up = await fetch(`http://127.0.0.1:${port}/api/auth/me`).then(() => true, () => false);
    }
    expect(up).toBe(false);
  });

  it('explains in one line a port in use, a bad port, and a public address without a host name', async () => {
    const port = await freePort();
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(port, '127.0.0.1', resolve));
    try {
      const busy = duban(join(work, 'busy.db'), ['serve', '--port', String(port)], { DUBAN_ADMIN_PASSWORD: 'Env-Passw0rd!' });
      expect(busy.code).toBe(2);
      expect(busy.err).toContain(`端口 ${port} 已被占用`);
      expect(busy.err).not.toMatch(/at \w+ \(|EADDRINUSE/);
    } finally {
      blocker.close();
    }
    const bad = duban(join(work, 'bad.db'), ['serve', '--port', 'eighty']);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('端口应为 1–65535 的整数');
    const office = duban(join(work, 'office.db'), ['serve', '--office', '督查室\n<script>']);
    expect(office.code).toBe(2);
    expect(office.err).toContain('督查机构名称应为');
    const open = duban(join(work, 'open.db'), ['serve', '--host', '0.0.0.0']);
    expect(open.code).toBe(2);
    expect(open.err).toContain('须用 --public-url');
  });
});

describe('duban users', () => {
  const db = join(work, 'users.db');

  it('adds, lists, resets, disables and unlocks accounts, with Chinese messages for mistakes', () => {
    const add = duban(db, ['users', 'add', 'zhangsan', '--roles', 'clerk,leader', '--name', '张三']);
    expect(add.code).toBe(0);
    expect(add.err).toContain('已新增用户 zhangsan（收文员、领导）');
    expect(add.err).toMatch(/初始密码：\S+（只显示这一次/);
    const unit = duban(db, ['users', 'add', 'lisi', '--roles', 'unit', '--unit', '通辽市财政局', '--password', 'Given-Passw0rd']);
    expect(unit.code).toBe(0);
    expect(unit.err).not.toContain('初始密码');
    expect(duban(db, ['users', 'add', 'wangwu', '--roles', 'unit']).err).toContain('必须绑定所属单位');
    expect(duban(db, ['users', 'add', 'wangwu', '--roles', 'boss']).err).toContain('未知角色：boss');
    expect(duban(db, ['users', 'add', 'zhangsan', '--roles', 'clerk']).err).toContain('已被使用');

    const list = JSON.parse(duban(db, ['users', 'list', '--json']).out) as { username: string; roles: string[]; unit: string | null; disabled: boolean }[];
    expect(list.map((u) => u.username)).toEqual(['zhangsan', 'lisi']);
    expect(list[1]).toMatchObject({ roles: ['unit'], unit: '通辽市财政局' });
    expect(duban(db, ['users', 'list']).out).toContain('张三');

    const reset = duban(db, ['users', 'passwd', 'lisi']);
    expect(reset.code).toBe(0);
    expect(reset.err).toMatch(/已重置 lisi 的密码：\S+/);
    expect(duban(db, ['users', 'disable', 'lisi']).err).toContain('已停用用户 lisi');
    expect((JSON.parse(duban(db, ['users', 'list', '--json']).out) as { disabled: boolean }[])[1]!.disabled).toBe(true);
    expect(duban(db, ['users', 'enable', 'lisi']).code).toBe(0);
    expect(duban(db, ['users', 'unlock', 'lisi']).err).toContain('已解除 lisi 的锁定');
    const missing = duban(db, ['users', 'passwd', 'nobody']);
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('没有用户“nobody”');
  }, 240_000);
});
