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

  it('reports a copy in other line ends as a duplicate, refuses text with no document, and --force stores it', () => {
    const notice = ['河川县应急管理局关于做好森林防火期值守工作的通知', '河应急发〔2025〕9号', '各乡镇人民政府：', '一、防火期内实行24小时值班。（责任单位：各乡镇人民政府）', '', '河川县应急管理局', '2025年3月20日', ''].join('\n');
    const first = join(work, '防火值守.txt');
    const copy = join(work, '防火值守-CRLF.txt');
    const noise = join(work, '乱码.txt');
    writeFileSync(first, notice);
    writeFileSync(copy, notice.replace(/\n/g, '\r\n'));
    writeFileSync(noise, 'zzq 8 kk 呃呃 ~~ 哦\n'.repeat(40));
    const r = duban('import', first, copy, noise);
    expect(r.code).toBe(1);
    expect(r.err).toContain(`重复：${copy}：与库中已有公文重复，未重复保存（《河川县应急管理局关于做好森林防火期值守工作的通知》（河应急发〔2025〕9号）已由 ${first} 导入）`);
    expect(r.err).toContain(`拒收：${noise}：未识别出公文`);
    expect(r.err).toMatch(/导入 1，更新 0，未变化 0，失败 0；公文 1 份；重复 1，拒收 1/);
    const forced = duban('import', '--force', noise);
    expect(forced.code).toBe(0);
    expect(forced.err).toContain(`已导入：${noise}（公文 1 份`);
  });

  it('explains a store it cannot open', () => {
    const r = spawnSync(process.execPath, [bin, '--db', 'postgres://nobody@127.0.0.1:1/none', 'search', 'x'], { encoding: 'utf8', cwd: root, timeout: 60_000 });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('无法打开数据库');
  });
});
