// `duban supervise tick` and `duban supervise bulletin` as a user runs them: a real process over a
// real SQLite file whose supervision rows the test writes.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../src/store/open.ts';
import { openDocx } from './docx-open.ts';
import { insertItem, insertLedger } from './supervision-rows.ts';

const root = join(import.meta.dirname, '..');
const bin = join(root, 'bin', 'duban.mjs');
const work = mkdtempSync(join(tmpdir(), 'duban-supervise-time-'));
const db = join(work, 'duban.db');
const ids: number[] = [];

function duban(...args: string[]) {
  const r = spawnSync(process.execPath, [bin, '--db', db, ...args], { encoding: 'utf8', cwd: root, timeout: 60_000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

beforeAll(async () => {
  const store = await openStore(db);
  try {
    const ledger = await insertLedger(store.db);
    ids.push(await insertItem(store.db, ledger, { units: [['lead', '县教育局']], deadline: '2026-09-30' }));
    ids.push(await insertItem(store.db, ledger, { units: [['responsible', '县文旅局']], deadline: '2026-09-30', state: 'done', claimedOn: '2026-09-29', doneOn: '2026-09-30' }));
  } finally {
    await store.close();
  }
});

describe('duban supervise tick / bulletin', () => {
  it('tick --json prints the notices this run issued; a second run prints none', () => {
    const r = duban('supervise', 'tick', '--now', '2026-09-24', '--json');
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).notices).toEqual([{ kind: '提醒单', item: ids[0], unit: '县教育局', number: '提醒〔2026〕1号', date: '2026-09-24', deadline: '2026-09-30', copiedTo: [] }]);
    expect(JSON.parse(duban('supervise', 'tick', '--now', '2026-09-24', '--json').out).notices).toEqual([]);
    const caught = duban('supervise', 'tick', '--now', '2026-10-13', '--json');
    expect(JSON.parse(caught.out).notices.map((n: { kind: string; date: string }) => [n.kind, n.date])).toEqual([
      ['催办单', '2026-10-08'],
      ['督办单', '2026-10-13'],
    ]);
    const plain = duban('supervise', 'tick', '--now', '2026-10-27');
    expect(plain.out).toContain('移交〔2026〕1号  移交函');
  });

  it('bulletin --month --json prints the month as of its last day', () => {
    const r = duban('supervise', 'bulletin', '--month', '2026-10', '--json');
    expect(r.code).toBe(0);
    const b = JSON.parse(r.out);
    expect(b).toMatchObject({ month: '2026-10', asOf: '2026-10-31', number: null, totals: { items: 2, done: 1, open: 1, overdue: 1 }, red: ['县文旅局'], black: ['县教育局'] });
    // 县教育局: 100 − 5 (overdue) − 1 (督办单) − 3 (移交函) = 91; 县文旅局: 100 + 2 + 0.5 (early) = 102.5.
    expect(b.rows.map((r: { unit: string; score: number; rank: number }) => [r.rank, r.unit, r.score])).toEqual([
      [1, '县文旅局', 102.5],
      [2, '县教育局', 91],
    ]);
    const text = duban('supervise', 'bulletin', '--month', '2026-10');
    expect(text.out).toContain('红榜：县文旅局');
  });

  it('a bad month is one Chinese line, exit 2', () => {
    const r = duban('supervise', 'bulletin', '--month', '2026-1');
    expect(r.code).toBe(2);
    expect(r.err).toBe('duban: 月份应写作 YYYY-MM（如 2026-10），现为“2026-1”\n');
  });

  it('bulletin --docx writes the month’s 督查通报 and ledger --xlsx the ledger, both opened back', async () => {
    const docx = join(work, 'bulletin.docx');
    const b = duban('supervise', 'bulletin', '--month', '2026-10', '--docx', docx, '--office', '某某县人民政府督查室');
    expect(b.code, b.err).toBe(0);
    const doc = await openDocx(readFileSync(docx));
    expect(doc.text).toContain('督查通报');
    expect(doc.text).toContain('县文旅局');
    expect(doc.text).toContain('县教育局');
    expect(doc.lines).toContain('某某县人民政府督查室');
    const badOffice = duban('supervise', 'bulletin', '--month', '2026-10', '--docx', docx, '--office', 'x');
    expect(badOffice.code).toBe(2);
    expect(badOffice.err).toContain('督查机构名称应为');

    const xlsx = join(work, 'ledger.xlsx');
    const l = duban('--now', '2026-10-27', 'supervise', 'ledger', '--xlsx', xlsx);
    expect(l.code, l.err).toBe(0);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(readFileSync(xlsx) as unknown as ArrayBuffer);
    const cells: string[] = [];
    book.worksheets[0]!.eachRow((row) => row.eachCell((c) => cells.push(String(c.value))));
    expect(cells).toContain('县教育局');
    expect(cells).toContain('县文旅局');
    expect(duban('supervise', 'ledger', 'x1', '--xlsx', xlsx).code).toBe(2);
  });
});
