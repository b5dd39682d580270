// duban import / search as a user runs them: a real process, a real SQLite file.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..');
const bin = join(root, 'bin', 'duban.mjs');
const seeds = join(root, '..', 'shared', 'seeds');
const work = mkdtempSync(join(tmpdir(), 'duban-store-cli-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const db = join(work, 'duban.db');

function duban(...args: string[]) {
  const r = spawnSync(process.execPath, [bin, '--db', db, ...args], { encoding: 'utf8', cwd: root, timeout: 120_000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe.skipIf(!existsSync(seeds))('duban import and search', () => {
  it('imports a folder, reports each file, and a second run changes nothing', () => {
    const bad = join(work, 'bad.txt');
    writeFileSync(bad, Buffer.from([0, 1, 2, 0]));
    const first = duban('import', seeds, bad);
    expect(first.code).toBe(1);
    expect(first.err).toContain('已导入：');
    expect(first.err).toContain(`失败：${bad}：文件内容是二进制数据，不是文本`);
    expect(first.err).toMatch(/导入 5，更新 0，未变化 0，失败 1；公文 30 份/);
    const second = duban('import', seeds);
    expect(second.code).toBe(0);
    expect(second.err).toMatch(/导入 0，更新 0，未变化 5，失败 0/);
  });

  it('prints hits best first as JSON', () => {
    const r = duban('search', '知识产权质押融资', '--json');
    expect(r.code).toBe(0);
    const hits = JSON.parse(r.out) as { docNumber: string; title: string; date: string; score: number; snippet: string }[];
    expect(hits[0]).toMatchObject({ docNumber: '通辽办发〔2023〕35号', date: '2023-07-21' });
    for (const key of ['docNumber', 'title', 'date', 'score', 'snippet']) expect(hits[0]).toHaveProperty(key);
  });

  it('prints readable hits and says so when there are none', () => {
    const r = duban('search', '通政办发[2023]63号');
    expect(r.out).toContain('1. [公文] 通政办发〔2023〕63号');
    expect(r.out).toContain('【通政办发〔2023〕63号】');
    expect(duban('search', '"完全不存在的检索词组"').out).toBe('没有找到结果\n');
    const bad = duban('search', 'x', '--kind', 'nonsense');
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('未知的类别');
  });

  it('explains a store it cannot open', () => {
    const r = spawnSync(process.execPath, [bin, '--db', 'postgres://nobody@127.0.0.1:1/none', 'search', 'x'], { encoding: 'utf8', cwd: root, timeout: 60_000 });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('无法打开数据库');
  });
});
