// The duban command as a user runs it: real process, real files.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..');
const bin = join(root, 'bin', 'duban.mjs');
const seeds = join(root, '..', 'shared', 'seeds');
const seed = join(seeds, '000_2754e8a7c3ece080.txt');

function duban(...args: string[]) {
  const r = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', cwd: root, timeout: 60_000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

const work = mkdtempSync(join(tmpdir(), 'duban-cli-'));

describe('duban parse', () => {
  it.skipIf(!existsSync(seed))('prints one JSON object with the contract fields', () => {
    const r = duban('parse', seed, '--json');
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out) as Record<string, unknown>;
    for (const key of ['source', 'kind', 'issue', 'documents', 'appointments', 'chronicle', 'routingSlip', 'warnings']) expect(json).toHaveProperty(key);
    expect(json.source).toBe('000_2754e8a7c3ece080.txt');
    expect(json.kind).toBe('gazette');
    const docs = json.documents as { docNumber: string; outline: unknown[]; tasks: unknown[] }[];
    expect(docs[0]!.docNumber).toBe('通政发〔2023〕104号');
    expect(Array.isArray(docs[0]!.outline) && Array.isArray(docs[0]!.tasks)).toBe(true);
  });

  it.skipIf(!existsSync(seed))('prints a readable summary without --json', () => {
    const r = duban('parse', seed);
    expect(r.code).toBe(0);
    expect(r.out).toContain('通辽市人民政府公报');
    expect(r.out).toContain('通政发〔2023〕104号');
    expect(r.out).toMatch(/公文 8 份/);
  });

  it('reads a document of its own and reports it', () => {
    const file = join(work, 'notice.txt');
    writeFileSync(file, ['某某市人民政府办公室关于做好春季防火工作的通知', '', '某政办发〔2024〕7号', '', '各区县人民政府：', '一、加强巡查。', '', '2024年3月2日'].join('\n'));
    const r = duban('parse', file, '--json');
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out) as { kind: string; documents: { docNumber: string; date: string; issuer: string[] }[] };
    expect(json.kind).toBe('document');
    expect(json.documents[0]).toMatchObject({ docNumber: '某政办发〔2024〕7号', date: '2024-03-02', issuer: ['某某市人民政府办公室'] });
  });

  it('fails with a clear message for a missing file', () => {
    const r = duban('parse', join(work, 'nope.txt'));
    expect(r.code).toBe(2);
    expect(r.err).toContain('文件不存在');
  });

  it('fails with a clear message for binary input', () => {
    const file = join(work, 'blob.txt');
    writeFileSync(file, Buffer.from([0, 1, 2, 3, 0, 255, 254, 0]));
    const r = duban('parse', file);
    expect(r.code).toBe(2);
    expect(r.err).toContain('二进制');
  });

  it('fails with a clear message when nothing is recognised', () => {
    const file = join(work, 'empty.txt');
    writeFileSync(file, '\n\n   \n');
    const r = duban('parse', file, '--json');
    expect(r.code).toBe(2);
    expect(r.err).toContain('未识别');
    expect(JSON.parse(r.out).warnings.map((w: { code: string }) => w.code)).toContain('empty-input');
  });

  it('fails with usage help for an unknown command', () => {
    const r = duban('frobnicate');
    expect(r.code).not.toBe(0);
    expect(r.err).toMatch(/unknown command|未知/i);
  });
});
