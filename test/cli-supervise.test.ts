// `duban supervise open` as a user runs it: a real process over a real SQLite file.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..');
const bin = join(root, 'bin', 'duban.mjs');
const work = mkdtempSync(join(tmpdir(), 'duban-supervise-'));
const db = join(work, 'duban.db');

function duban(...args: string[]) {
  const r = spawnSync(process.execPath, [bin, '--db', db, '--now', '2026-12-07T09:00', ...args], { encoding: 'utf8', cwd: root, timeout: 60_000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

const NOTICE = [
  '通辽市人民政府办公室关于加强冬季农村道路交通安全管理的通知',
  '通政办发〔2026〕93号',
  '各旗县市区人民政府，市直有关部门：',
  '一、开展重点路段隐患排查。2026年12月25日前完成。（牵头单位：市交通运输局；责任单位：市公安局）',
  '二、加强农村客运车辆检查。每月5日前报送检查情况。（责任单位：市农村客运服务站）',
  '',
  '通辽市人民政府办公室',
  '2026年12月1日',
].join('\n');

describe('duban supervise open', () => {
  it('opens and issues the tasks whose units are known, names the rest, and refuses a second ledger', () => {
    const file = join(work, 'notice.txt');
    writeFileSync(file, NOTICE);
    expect(duban('import', file).code).toBe(0);
    const r = duban('supervise', 'open', '通政办发〔2026〕93号', '--json');
    expect(r.code).toBe(3);
    expect(r.err).toContain('市农村客运服务站');
    const json = JSON.parse(r.out) as { ledger: number; items: { id: number; state: string; deadline: string | null; leads: string[]; responsible: string[]; cooperating: string[] }[] };
    expect(json.items).toHaveLength(2);
    expect(json.items[0]).toMatchObject({ state: 'issued', deadline: '2026-12-25', leads: ['通辽市交通运输局'], responsible: ['通辽市公安局'], cooperating: [] });
    expect(json.items[1]).toMatchObject({ state: 'draft', deadline: null, responsible: ['市农村客运服务站'] });

    const again = duban('supervise', 'open', '通政办发〔2026〕93号');
    expect(again.code).toBe(2);
    expect(again.err).toContain('已立项');
    expect(again.err).not.toMatch(/\n\s+at /);
  });

  it('says which document number it could not find', () => {
    const r = duban('supervise', 'open', '通政办发〔2026〕999号');
    expect(r.code).toBe(2);
    expect(r.err).toContain('没有文号为“通政办发〔2026〕999号”的文件');
  });
});
