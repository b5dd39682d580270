// `duban units` as a user runs it: a real process.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { UnitResolution } from '../src/directory/index.ts';

const root = join(import.meta.dirname, '..');
const bin = join(root, 'bin', 'duban.mjs');
const officeFile = join(import.meta.dirname, 'fixtures', 'directory', 'office.json');
const work = mkdtempSync(join(tmpdir(), 'duban-units-cli-'));

function duban(...args: string[]) {
  const r = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', cwd: root, timeout: 60_000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('duban units resolve', () => {
  it('prints each name as JSON with --json', () => {
    const r = duban('units', 'resolve', '市住建局', '各旗县市区', '市金融办等有关部门', '某某局', '--in', '通辽市', '--json');
    expect(r.code).toBe(0);
    const results = JSON.parse(r.out) as UnitResolution[];
    expect(results.map((x) => x.name)).toEqual(['市住建局', '各旗县市区', '市金融办等有关部门', '某某局']);
    expect(results[0]).toMatchObject({ canonical: '通辽市住房和城乡建设局', kind: 'unit', jurisdiction: '通辽市' });
    expect(results[1]!.kind).toBe('collective');
    expect(results[1]!.members).toHaveLength(8);
    expect(results[1]!.members).toContain('科尔沁左翼中旗');
    expect(results[2]).toMatchObject({ kind: 'open', canonical: '通辽市金融工作办公室' });
    expect(results[3]).toMatchObject({ kind: 'unknown', canonical: null });
  });

  it('prints a readable table without --json', () => {
    const r = duban('units', 'resolve', '盟交通局', '各旗县市人民政府', '--in', '兴安盟');
    expect(r.code).toBe(0);
    expect(r.out).toContain('辖区：兴安盟');
    expect(r.out).toMatch(/名称\s+规范名称\s+类型/);
    expect(r.out).toMatch(/盟交通局\s+兴安盟交通运输局\s+单位/);
    expect(r.out).toContain('乌兰浩特市');
    expect(r.out).toContain('（6个）');
  });

  it('adds the receiving office units with --receiver', () => {
    const r = duban('units', 'resolve', '市委组织部', '市教育局', '--in', '通辽市', '--receiver', '通辽经济技术开发区', '--json');
    expect(r.code).toBe(0);
    const results = JSON.parse(r.out) as (UnitResolution & { receiver: string[] })[];
    expect(results.map((x) => x.receiver)).toEqual([['党群工作部'], ['教育局']]);
  });

  it('reads an office file with --directory', () => {
    const r = duban('units', 'resolve', '市营商局', '--in', '赤峰市', '--directory', officeFile, '--json');
    expect(r.code).toBe(0);
    expect((JSON.parse(r.out) as UnitResolution[])[0]!.canonical).toBe('赤峰市营商环境建设局');
  });

  it('exits 2 with a clear message for an unknown jurisdiction', () => {
    const r = duban('units', 'resolve', '市住建局', '--in', '火星市', '--json');
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toContain('未知的辖区“火星市”');
  });

  it('exits 2 with the problem for a malformed office file', () => {
    const file = join(work, 'bad.json');
    writeFileSync(file, JSON.stringify({ jurisdictions: [{ name: '赤峰市', units: [{ name: '赤峰市财政局' }] }] }));
    const r = duban('units', 'resolve', '市财政局', '--in', '赤峰市', '--directory', file);
    expect(r.code).toBe(2);
    expect(r.err).toContain(file);
    expect(r.err).toContain('category');
  });
});

describe('duban units list', () => {
  it('lists the units of a jurisdiction with the names they answer to', () => {
    const r = duban('units', 'list', '--in', '通辽市', '--json');
    expect(r.code).toBe(0);
    const rows = JSON.parse(r.out) as { canonical: string; names: string[] }[];
    const housing = rows.find((x) => x.canonical === '通辽市住房和城乡建设局');
    expect(housing?.names).toEqual(expect.arrayContaining(['市住建局', '市住房和城乡建设局']));
  });
});
