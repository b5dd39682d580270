// `duban backup` and `duban restore` as a user runs them: real processes, a real SQLite file;
// progress and a Chinese summary on stderr, a refusal as one Chinese line with exit 2.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..');
const bin = join(root, 'bin', 'duban.mjs');
const work = mkdtempSync(join(tmpdir(), 'duban-cli-backup-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function duban(...args: string[]) {
  const r = spawnSync(process.execPath, [bin, '--now', '2026-12-04T09:00', ...args], { encoding: 'utf8', cwd: work, timeout: 120_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function oneChineseLine(stderr: string): void {
  const lines = stderr.trim().split('\n');
  expect(lines, stderr).toHaveLength(1);
  expect(lines[0]).toMatch(/^duban: .*[\u4e00-\u9fff]/);
  expect(stderr).not.toMatch(/\n\s+at /);
}

describe('duban backup and restore', () => {
  const store = join(work, 'office.db');
  const backup = join(work, 'backups', 'office-1.db');
  const restored = join(work, 'scratch.db');

  it('backs up a store with progress lines and a summary', () => {
    const dir = join(work, 'in');
    mkdirSync(dir);
    writeFileSync(join(dir, 'a.txt'), ['某某市人民政府办公室关于做好秋冬季森林防火工作的通知', '', '某政办发〔2024〕7号', '', '各区县人民政府：', '一、各地要落实森林防火责任，2024年10月31日前完成排查。', '', '某某市人民政府办公室', '2024年9月2日'].join('\n'));
    expect(duban('--db', store, 'import', dir).code).toBe(0);
    mkdirSync(join(work, 'backups'));
    const r = duban('--db', store, 'backup', backup);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/备份：已复制 \d+\/\d+ 页/);
    expect(r.stderr).toMatch(/备份完成：.*office\.db → .*office-1\.db（\d+ 张表，共 \d+ 行，/);
    expect(existsSync(backup)).toBe(true);
  });

  it('refuses to overwrite a backup, in one line', () => {
    const r = duban('--db', store, 'backup', backup);
    expect(r.code).toBe(2);
    oneChineseLine(r.stderr);
    expect(r.stderr).toContain('已存在');
  });

  it('refuses to back up a store that does not exist, and creates nothing', () => {
    const r = duban('--db', join(work, 'typo.db'), 'backup', join(work, 'x.db'));
    expect(r.code).toBe(2);
    oneChineseLine(r.stderr);
    expect(existsSync(join(work, 'typo.db'))).toBe(false);
    expect(existsSync(join(work, 'x.db'))).toBe(false);
  });

  it('restores into a new store that then searches like the old one', () => {
    const r = duban('--db', restored, 'restore', backup);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/恢复完成：.*office-1\.db → .*scratch\.db/);
    const hits = duban('--db', restored, 'search', '森林防火');
    expect(hits.code).toBe(0);
    expect(hits.stdout).toContain('秋冬季森林防火');
  });

  it('refuses to restore over data, or from a file that is not a backup, in one line', () => {
    const over = duban('--db', store, 'restore', backup);
    expect(over.code).toBe(2);
    oneChineseLine(over.stderr);
    expect(over.stderr).toContain('已有数据');
    const text = join(work, 'notes.txt');
    writeFileSync(text, 'not a backup');
    const wrong = duban('--db', join(work, 'other.db'), 'restore', text);
    expect(wrong.code).toBe(2);
    oneChineseLine(wrong.stderr);
  });
});
