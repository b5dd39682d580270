// The task ledger as an office opens it: a real .xlsx written by `duban tasks`, read back with exceljs.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { DUTY_COLUMNS, LEDGER_COLUMNS } from '../src/report/ledger.ts';

const root = join(import.meta.dirname, '..');
const bin = join(root, 'bin', 'duban.mjs');
const fixture = (name: string) => join(root, 'test', 'fixtures', 'tasks', name);
const work = mkdtempSync(join(tmpdir(), 'duban-ledger-'));

function duban(...args: string[]) {
  const r = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', cwd: root, timeout: 60_000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

async function readLedger(path: string): Promise<{ title: string; header: string[]; rows: Record<string, string>[] }> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(path);
  const sheet = book.getWorksheet('任务台账')!;
  const text = (v: ExcelJS.CellValue) => (v === null || v === undefined ? '' : String(v));
  const header = (sheet.getRow(2).values as ExcelJS.CellValue[]).slice(1).map(text);
  const rows: Record<string, string>[] = [];
  for (let n = 3; n <= sheet.rowCount; n++) {
    const values = (sheet.getRow(n).values as ExcelJS.CellValue[]).slice(1);
    rows.push(Object.fromEntries(header.map((h, k) => [h, text(values[k])])));
  }
  return { title: text(sheet.getCell(1, 1).value), header, rows };
}

describe('duban tasks --xlsx', () => {
  it('writes one row per task in the columns offices use', async () => {
    const out = join(work, 'hohhot.xlsx');
    const r = duban('tasks', fixture('plan-hohhot.txt'), '--xlsx', out);
    expect(r.code).toBe(0);
    expect(r.err).toContain('7 项任务');
    const ledger = await readLedger(out);
    expect(ledger.header).toEqual([...LEDGER_COLUMNS]);
    expect(ledger.title).toBe('《呼和浩特市人民政府办公室关于印发呼和浩特市优化营商环境三年行动方案的通知》任务分解台账');
    expect(ledger.rows.map((row) => row['序号'])).toEqual(['1', '2', '3', '4', '5', '6', '7']);
    const first = ledger.rows[0]!;
    expect(first['任务内容']).toMatch(/^推行企业开办一日办结。.*1个工作日以内。$/);
    expect(first['牵头单位']).toBe('市行政审批局');
    expect(first['责任单位']).toBe('市市场监管局、市公安局、市税务局');
    expect(first['来源文件']).toBe('《呼和浩特市人民政府办公室关于印发呼和浩特市优化营商环境三年行动方案的通知》（呼政办发〔2024〕17号）');
    expect(first['备注']).toContain('条目：一、（一）');
    expect(ledger.rows[3]!['配合单位']).toBe('市政务服务和数据管理局、市司法局、市发展改革委');
    expect(ledger.rows[3]!['目标']).toBe('达到98%以上；不低于95%');
    expect(ledger.rows[6]!['完成时限']).toBe('2024-09-30');
    expect(ledger.rows[4]!['完成时限']).toBe('年内（2024-12-31）');
  });

  it('keeps table rows and says where they came from', async () => {
    const out = join(work, 'table.xlsx');
    expect(duban('tasks', fixture('indicator-table.txt'), '--xlsx', out).code).toBe(0);
    const { rows } = await readLedger(out);
    expect(rows).toHaveLength(4);
    expect(rows[1]!['任务内容']).toBe('城市污水处理率');
    expect(rows[1]!['备注']).toContain('来自表格');
  });

  it('prints the tasks without --xlsx and fails clearly on a missing file', () => {
    const r = duban('tasks', fixture('traditional-plan.txt'));
    expect(r.code).toBe(0);
    expect(r.out).toContain('牵头：市商务局');
    expect(r.out).toContain('共 3 项任务');
    const missing = duban('tasks', join(work, 'nope.txt'));
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('nope.txt');
  });

  it('puts standing duties on a second sheet', async () => {
    const out = join(work, 'duties.xlsx');
    expect(duban('tasks', fixture('duty-table.txt'), '--xlsx', out).code).toBe(0);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(out);
    const sheet = book.getWorksheet('职责分工')!;
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual([...DUTY_COLUMNS]);
    expect(sheet.rowCount).toBe(9);
    expect((sheet.getRow(5).values as unknown[]).slice(1, 6)).toEqual([4, '盟统计局', '盟财政局', '配合', '每季度15日前报送财政收支情况。']);
  });

  it('resolves units with an office’s own directory file, and refuses a malformed one', () => {
    const office = join(root, 'test', 'fixtures', 'directory', 'office.json');
    const leadOf = (out: string) => (JSON.parse(out) as { table?: boolean; leads: { name: string; canonical: string | null }[] }[]).find((t) => t.table)!.leads[0]!;
    const builtIn = duban('tasks', fixture('indicator-table.txt'), '--json');
    expect(leadOf(builtIn.out)).toEqual({ name: '市住建局', canonical: null });
    const withOffice = duban('tasks', fixture('indicator-table.txt'), '--json', '--directory', office);
    expect(withOffice.code).toBe(0);
    expect(leadOf(withOffice.out)).toEqual({ name: '市住建局', canonical: '赤峰市住房和城乡建设局' });
    const bad = join(work, 'bad.json');
    writeFileSync(bad, '{"jurisdictions": [ {"name": 3} ]}');
    const refused = duban('tasks', fixture('indicator-table.txt'), '--directory', bad);
    expect(refused.code).toBe(2);
    expect(refused.err).toContain('bad.json');
  });
});

