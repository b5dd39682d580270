// duban incoming archive-settings / archive / catalogue as an office runs them: a real process, a
// real SQLite file, letters written for this test. The 全宗号 is set (and a bad one refused), a 阅件
// filed with the default 保管期限 and a returned one with 永久, an unfinished 办件 refused in one
// Chinese line with exit 2, and the 归档文件目录 of the year written and opened back.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import type { IncomingView } from '../src/store/incoming/view.ts';
import { letterText } from './archive-documents.ts';

const root = join(import.meta.dirname, '..');
const bin = join(root, 'bin', 'duban.mjs');
const work = mkdtempSync(join(tmpdir(), 'duban-cli-archive-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const db = join(work, 'duban.db');

function duban(...args: string[]) {
  const r = spawnSync(process.execPath, [bin, '--db', db, '--now', '2026-12-04T10:00', ...args], { encoding: 'utf8', cwd: root, timeout: 120_000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}
const json = <T>(r: { code: number | null; out: string; err: string }): T => {
  expect(r.err, r.err).not.toContain('Error');
  expect(r.code, r.err).toBe(0);
  return JSON.parse(r.out) as T;
};

describe('duban incoming archive | catalogue | archive-settings', () => {
  it('sets the 全宗号, files, refuses, and writes the 归档文件目录', async () => {
    const files = [0, 1, 2].map((k) => {
      const p = join(work, `函${k}.txt`);
      writeFileSync(p, letterText(60 + k, 2026));
      return p;
    });
    const reg = json<{ registered: IncomingView[] }>(duban('incoming', 'register', ...files, '--channel', '收', '--json'));
    const [read, handled, returned] = reg.registered.map((v) => String(v.id));
    expect(duban('incoming', 'review', read!, '--as', '阅件').code).toBe(0);
    expect(duban('incoming', 'review', handled!, '--as', '办件').code).toBe(0);
    expect(duban('incoming', 'review', returned!, '--return', '非本机关办理事项').code).toBe(0);

    const none = duban('incoming', 'archive', read!);
    expect(none.code).toBe(2);
    expect(none.err).toBe('duban: 尚未设置全宗号：请管理员先在“归档设置”中填写全宗号与全宗名称，再归档\n');

    const bad = duban('incoming', 'archive-settings', '--fonds', 'X 1', '--fonds-name', '青川县档案室');
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('全宗号“X 1”不合规');
    const set = duban('incoming', 'archive-settings', '--fonds', 'q017', '--fonds-name', '青川县人民政府办公室', '--default-read', '30年');
    expect(set.code, set.err).toBe(0);
    expect(set.out).toContain('全宗号：Q017　全宗名称：青川县人民政府办公室');
    expect(set.out).toContain('阅件 30年');
    expect(json<{ settings: { fondsCode: string; defaults: Record<string, string> } }>(duban('incoming', 'archive-settings', '--json')).settings).toMatchObject({ fondsCode: 'Q017', defaults: { 办件: '30年', 阅件: '30年', 退回: '10年' } });

    const filed = duban('incoming', 'archive', read!, '--pages', '4');
    expect(filed.code, filed.err).toBe(0);
    expect(filed.out).toMatch(/^（收）1号　.+　已归档　档号：Q017-WS·2026-D30-0001　保管期限：30年\n$/);
    const v = json<IncomingView>(duban('incoming', 'archive', returned!, '--retention', '永久', '--note', '退回件存档', '--json'));
    expect(v.archive).toMatchObject({ code: 'Q017-WS·2026-Y-0001', retention: '永久', note: '退回件存档' });

    const refused = duban('incoming', 'archive', handled!);
    expect(refused.code).toBe(2);
    expect(refused.err).toMatch(/^duban: 收文 （收）2号（已初审）：该办件尚未办结.*\n$/);
    expect(duban('incoming', 'archive', read!, '--retention', '5年').err).toBe('duban: --retention 应为 永久、30年、10年 之一\n');

    const out = join(work, '目录.xlsx');
    const cat = duban('incoming', 'catalogue', '--year', '2026', '--xlsx', out);
    expect(cat.code, cat.err).toBe(0);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(out);
    expect(book.worksheets.map((s) => s.name)).toEqual(['2026-永久', '2026-30年']);
    const row = book.getWorksheet('2026-30年')!.getRow(4);
    expect([2, 3, 4, 8, 9].map((c) => row.getCell(c).value)).toEqual(['Q017-WS·2026-D30-0001', reg.registered[0]!.docNumber, reg.registered[0]!.fromUnit, 4, '30年']);
    const empty = duban('incoming', 'catalogue', '--year', '2019', '--xlsx', join(work, 'x.xlsx'));
    expect(empty.code).toBe(2);
    expect(empty.err).toContain('2019年收文尚未归档');
  }, 240_000);
});
