// How the command fails, as a user meets it: real processes, real files, a real lock. A closed
// stdout ends it quietly; a failure nobody handled is one Chinese line, the stack trace only with
// --debug or DUBAN_DEBUG=1; a reading command on a store that is not there creates nothing.
import Sqlite from 'better-sqlite3';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { describeFailure } from '../src/cli/failure.ts';

const root = join(import.meta.dirname, '..');
const bin = join(root, 'bin', 'duban.mjs');
const work = mkdtempSync(join(tmpdir(), 'duban-cli-errors-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const STACK_LINE = /^\s+at /m;

function duban(args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', cwd: work, timeout: 120_000, env: { ...process.env, ...env } });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

/** The same, without blocking this process (several may wait on a lock at once). */
function dubanAsync(args: string[], env: Record<string, string> = {}): Promise<{ code: number | null; out: string; err: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [bin, ...args], { cwd: work, env: { ...process.env, ...env } });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('close', (code) => resolve({ code, out, err }));
  });
}

/** A notice of its own with `n` measures, each naming units: its parse JSON runs to megabytes. */
function notice(name: string, n: number): string {
  const file = join(work, name);
  const measures = Array.from({ length: n }, (_, i) => `${i + 1}、加强第${i + 1}项工作的组织领导，确保各项措施落实到位。（市发展改革委牵头，市财政局、市住房城乡建设局配合）`);
  writeFileSync(file, ['某某市人民政府关于推进重点工作的通知', '', '某政发〔2024〕9号', '', '各区县人民政府，市直各部门：', ...measures, '', '2024年3月2日'].join('\n'));
  return file;
}

describe('duban --version and --help', () => {
  it('prints the version of package.json', () => {
    const version = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string }).version;
    for (const flag of ['--version', '-V']) {
      const r = duban([flag]);
      expect(r.code).toBe(0);
      expect(r.out).toBe(`${version}\n`);
    }
  });

  it('lists every command with --help', () => {
    const r = duban(['--help']);
    expect(r.code).toBe(0);
    for (const command of ['parse', 'tasks', 'import', 'search', 'serve', 'units', 'users', 'incoming']) expect(r.out).toMatch(new RegExp(`^  ${command} `, 'm'));
    expect(r.out).toContain('--debug');
  });
});

describe('a closed stdout', () => {
  it('ends `duban parse FILE --json | head` quietly, exit 0', async () => {
    const file = notice('long.txt', 1500);
    const child = spawn(process.execPath, [bin, 'parse', file, '--json'], { cwd: work });
    let err = '';
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    let read = 0;
    // Like head: read the first piece, then close the pipe while the command is still writing.
    child.stdout.once('data', (d: Buffer) => {
      read = d.length;
      child.stdout.destroy();
    });
    const code = await new Promise<number | null>((resolve) => child.on('close', (c) => resolve(c)));
    expect(read).toBeGreaterThan(0);
    expect(err).toBe('');
    expect(code).toBe(0);
  });
});

describe('a failure nobody handled', () => {
  it('is one Chinese line saying what to do; the stack only with --debug or DUBAN_DEBUG=1', async () => {
    const db = join(work, 'locked.db');
    expect(duban(['--db', db, 'import', notice('first.txt', 3)]).code).toBe(0);
    const second = notice('second.txt', 4);
    // Another program holds the write lock for as long as the commands wait for it.
    const holder = new Sqlite(db);
    holder.exec('BEGIN EXCLUSIVE');
    try {
      const [plain, debug, envDebug, user] = await Promise.all([
        dubanAsync(['--db', db, 'import', second]),
        dubanAsync(['--db', db, '--debug', 'import', second]),
        dubanAsync(['--db', db, 'import', second], { DUBAN_DEBUG: '1' }),
        dubanAsync(['--db', db, 'users', 'add', 'zhangsan', '--roles', 'clerk']),
      ]);
      for (const r of [plain, user]) {
        expect(r.code).not.toBe(0);
        expect(r.err).toContain('正由另一个程序写入');
        expect(r.err).not.toMatch(STACK_LINE);
        expect(r.err).not.toMatch(/SqliteError|database is locked|内部错误/);
        expect(r.err.trim().split('\n').filter((l) => l.startsWith('duban:'))).toHaveLength(1);
      }
      for (const r of [debug, envDebug]) {
        expect(r.code).not.toBe(0);
        expect(r.err).toContain('正由另一个程序写入');
        expect(r.err).toMatch(STACK_LINE);
      }
    } finally {
      holder.exec('ROLLBACK');
      holder.close();
    }
    // Nothing of the failed commands was written.
    const after = duban(['--db', db, 'users', 'list', '--json']);
    expect(JSON.parse(after.out)).toEqual([]);
  }, 120_000);

  it('names the file when the ledger or the logs cannot be written, exit 2', () => {
    const file = notice('ledger.txt', 3);
    const xlsx = duban(['tasks', file, '--xlsx', join(work, 'no-such-folder', 'x.xlsx')]);
    expect(xlsx.code).toBe(2);
    expect(xlsx.err).toBe(`duban: 无法写出 ${join(work, 'no-such-folder', 'x.xlsx')}：所在的文件夹不存在\n`);
    expect(duban(['tasks', file, '--xlsx', work]).err).toContain('这是一个文件夹，不是文件');
    const logs = duban(['--db', join(work, 'logs.db'), 'serve', '--port', '1', '--log-dir', join(file, 'logs')], { DUBAN_ADMIN_PASSWORD: 'Env-Passw0rd!' });
    expect(logs.code).toBe(2);
    expect(logs.err).toContain('无法创建访问日志目录');
    expect(logs.err).not.toMatch(STACK_LINE);
  });

  it('says how to read what search was given wrong', () => {
    const db = join(work, 'locked.db');
    expect(duban(['--db', db, 'search', 'x', '--year', '1e3']).err).toContain('年份应为四位数字');
    expect(duban(['--db', db, 'search', 'x', '--limit', 'abc']).err).toContain('--limit 应为 1–9999 的整数');
  });

  it('describes the store, file and connection failures it knows, and calls any other a defect', () => {
    const withCode = (code: string, extra: object = {}) => Object.assign(new Error('raw'), { code }, extra);
    expect(describeFailure(withCode('SQLITE_BUSY_SNAPSHOT'))).toMatchObject({ exitCode: 1, line: expect.stringContaining('另一个程序写入') });
    expect(describeFailure(withCode('SQLITE_READONLY'))).toMatchObject({ exitCode: 1, line: expect.stringContaining('只读') });
    expect(describeFailure(withCode('SQLITE_FULL')).line).toContain('磁盘已满');
    expect(describeFailure(withCode('SQLITE_NOTADB')).line).toContain('不是督办的数据库');
    expect(describeFailure(withCode('57P01')).line).toContain('与 PostgreSQL 的连接中断');
    expect(describeFailure(withCode('ENOSPC')).line).toContain('磁盘已满');
    expect(describeFailure(withCode('EACCES', { path: '/x/y' })).line).toBe('没有权限：/x/y');
    expect(describeFailure(withCode('ENOENT', { path: '/x/y' })).line).toBe('/x/y：所在的文件夹不存在');
    const defect = describeFailure(new TypeError('x is undefined\nmore'));
    expect(defect.exitCode).toBe(70);
    expect(defect.line).toBe('内部错误（TypeError: x is undefined）：这是督办的缺陷，请加 --debug 重新运行，把输出报告给维护者');
  });
});

describe('a reading command and a store that is not there', () => {
  it('says so with exit 2 and creates no file and no folder', () => {
    const folder = join(work, 'typo');
    const db = join(folder, 'duban.db');
    for (const args of [['search', '通知'], ['search', '通知', '--json'], ['users', 'list'], ['users', 'passwd', 'admin'], ['users', 'disable', 'admin'], ['users', 'unlock', 'admin']]) {
      const r = duban(['--db', db, ...args]);
      expect(r.code).toBe(2);
      expect(r.err).toBe(`duban: 没有找到数据库 ${db}：请检查 --db 或 DUBAN_DB 的路径；新的数据库由 duban import 或 duban serve 创建\n`);
      expect(r.out).toBe('');
    }
    expect(existsSync(folder)).toBe(false);
    // The same through DUBAN_DB, in a folder that exists: no file appears in it.
    mkdirSync(folder);
    expect(duban(['search', '通知'], { DUBAN_DB: db }).code).toBe(2);
    expect(readdirSync(folder)).toEqual([]);
  });

  it('lets a writing command create the store', () => {
    const db = join(work, 'new', 'duban.db');
    expect(duban(['--db', db, 'users', 'add', 'lisi', '--roles', 'clerk']).code).toBe(0);
    expect(existsSync(db)).toBe(true);
    expect(duban(['--db', db, 'search', '通知']).out).toBe('没有找到结果\n');
  });

  it('explains a folder given as the store', () => {
    const r = duban(['--db', work, 'search', '通知']);
    expect(r.code).toBe(2);
    expect(r.err).toContain('是一个文件夹，不是数据库文件');
  });
});
