// `duban calendar import` and `duban calendar show` as a user runs them (dist/: npm run build:cli):
// a real process over a real SQLite file. Two stores with the same item due the day before 春节
// 2027: the one that imported the 2027 notice issues its 催办单 after the longer official holiday.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../src/store/open.ts';
import { insertItem, insertLedger } from './supervision-rows.ts';

const root = join(import.meta.dirname, '..');
const bin = join(root, 'bin', 'duban.mjs');
const work = mkdtempSync(join(tmpdir(), 'duban-calendar-'));
const fixture = (name: string) => join(root, 'test', 'fixtures', 'holiday-notices', name);
const withNotice = join(work, 'imported.db');
const withoutNotice = join(work, 'provisional.db');

function duban(db: string, ...args: string[]) {
  const r = spawnSync(process.execPath, [bin, '--db', db, ...args], { encoding: 'utf8', cwd: root, timeout: 60_000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

beforeAll(async () => {
  for (const db of [withNotice, withoutNotice]) {
    const store = await openStore(db);
    try {
      await insertItem(store.db, await insertLedger(store.db), { units: [['lead', '县教育局']], deadline: '2027-02-04', issuedOn: '2027-01-04' });
    } finally {
      await store.close();
    }
  }
});

const urged = (db: string, now: string) =>
  (JSON.parse(duban(db, 'supervise', 'tick', '--now', now, '--json').out).notices as { kind: string; date: string }[]).filter((n) => n.kind === '催办单').map((n) => n.date);

describe('duban calendar', () => {
  it('show: 2027 is provisional before any import', () => {
    const r = duban(withNotice, 'calendar', 'show', '2027', '--json', '--now', '2026-12-03');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toMatchObject({ year: 2027, source: 'provisional', workdays: [], imported: null });
    const all = JSON.parse(duban(withNotice, 'calendar', 'show', '--json', '--now', '2026-12-03').out);
    expect(all.years.map((y: { year: number; source: string }) => [y.year, y.source])).toEqual([
      [2025, 'official'],
      [2026, 'official'],
      [2027, 'provisional'],
    ]);
  });

  it('import FILE makes 2027 official; show prints it; the 催办单 after 春节 moves', () => {
    const r = duban(withNotice, 'calendar', 'import', fixture('2027.txt'), '--now', '2026-12-03T10:00');
    expect(r.code).toBe(0);
    expect(r.err).toContain('已导入 2027年的节假日安排');
    expect(r.out).toContain('2027年  正式（已导入通知）  2026-12-03 10:00 由 import 导入（2027.txt）');
    expect(r.out).toMatch(/调休上班\t.*2027-02-20（周六，春节）/);
    const shown = JSON.parse(duban(withNotice, 'calendar', 'show', '2027', '--json').out);
    expect(shown.source).toBe('imported');
    // First working day after the 2027-02-04 deadline: 02-11 by the 办法, 02-15 by the notice
    // (the scheduler ticked on the deadline day, then catches up the days it was down).
    for (const db of [withNotice, withoutNotice]) expect(urged(db, '2027-02-04')).toEqual([]);
    expect(urged(withoutNotice, '2027-02-15')).toEqual(['2027-02-11']);
    expect(urged(withNotice, '2027-02-15')).toEqual(['2027-02-15']);
  });

  it('a second import replaces the first', () => {
    const r = duban(withNotice, 'calendar', 'import', fixture('2027-corrected.txt'), '--json');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.out);
    expect(out).toMatchObject({ year: 2027, source: 'imported', unchanged: false, imported: { replacedCount: 1 } });
    expect(out.replaced).toEqual(expect.any(Number));
    expect(out.workdays.map((w: { date: string }) => w.date)).toContain('2027-02-27');
    expect(duban(withNotice, 'calendar', 'import', fixture('2027-corrected.txt')).err).toContain('与已导入的相同，未改动');
  });

  it('refuses a file that is not such a notice, in Chinese, exit 2, nothing written', () => {
    const before = duban(withNotice, 'calendar', 'show', '2027', '--json').out;
    const heating = join(work, '供暖通知.txt');
    writeFileSync(heating, '某某市人民政府办公室关于做好冬季供暖工作的通知\n一、保障供暖。（责任单位：市住建局）\n');
    const r = duban(withNotice, 'calendar', 'import', heating);
    expect(r.code).toBe(2);
    expect(r.err).toContain('这不是国务院办公厅的节假日安排通知');
    const wrong = join(work, '有误的通知.txt');
    writeFileSync(wrong, readFileSync(fixture('2027.txt'), 'utf8').replace('共8天', '共6天'));
    const w = duban(withNotice, 'calendar', 'import', wrong);
    expect(w.code).toBe(2);
    expect(w.err).toMatch(/第二项（春节）.*通知写的是共6天/);
    const missing = duban(withNotice, 'calendar', 'import', join(work, '没有这个文件.txt'));
    expect(missing.code).toBe(2);
    expect(missing.err).toMatch(/未导入/);
    expect(duban(withNotice, 'calendar', 'show', '2027', '--json').out).toBe(before);
    expect(duban(withNotice, 'calendar', 'show', '20x7').err).toContain('年份应为四位数字');
  });
});
