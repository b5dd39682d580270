// Limits on one file (bytes, PDF pages, characters), a PDF cut short, progress lines within a
// large file off a terminal, and the windowed parse (src/parse/windows.ts) giving what the whole
// parse gives — in the parse result and in the store.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS, limitsFromEnvironment } from '../src/input/limits.ts';
import { InputError, readBytes } from '../src/input/read.ts';
import { parseText, parseTextInParts } from '../src/pipeline.ts';
import { importPaths } from '../src/store/import.ts';
import { openStore } from '../src/store/open.ts';
import type { ParseResult } from '../src/types.ts';
import { pdfToolsMissing, printPdfs } from './input-fixture.ts';
import { testClock } from './store-targets.ts';

const root = join(import.meta.dirname, '..');
const seedsDir = join(root, '..', 'shared', 'seeds');
const seeds = readdirSync(seedsDir).filter((n) => n.endsWith('.txt')).sort();
const work = mkdtempSync(join(tmpdir(), 'duban-limits-'));
const file = (name: string) => join(work, name);

function duban(env: Record<string, string>, ...args: string[]) {
  const r = spawnSync(process.execPath, [join(root, 'bin', 'duban.mjs'), ...args], { encoding: 'utf8', cwd: root, timeout: 120_000, env: { ...process.env, ...env } });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

function inParts(raw: string, name: string, windowChars: number): { result: ParseResult; parts: number } {
  const it = parseTextInParts(raw, name, { windowChars });
  let parts = 0;
  for (;;) {
    const step = it.next();
    if (step.done === true) return { result: step.value, parts };
    parts++;
  }
}

const noPdf = pdfToolsMissing();

beforeAll(async () => {
  // Every seed one after another: a volume of many documents, gazettes and sections.
  writeFileSync(file('volume.txt'), seeds.map((s) => readFileSync(join(seedsDir, s), 'utf8')).join('\n\n'));
  if (noPdf === null) {
    const paras = Array.from({ length: 90 }, (_, i) => `<p>第${i + 1}条 各旗县市区人民政府要按照本通知要求认真组织实施，于2024年${(i % 12) + 1}月底前报送进展情况。</p>`).join('');
    await printPdfs([{ html: `<!DOCTYPE html><html><head><meta charset="utf-8"></head><body><h1>关于做好年度工作的通知</h1>${paras}</body></html>`, path: file('notice.pdf') }]);
    const pdf = readFileSync(file('notice.pdf'));
    writeFileSync(file('cut.pdf'), pdf.subarray(0, Math.floor(pdf.length * 0.7)));
  }
}, 120_000);

describe('limits on one file', () => {
  it('are read from the environment, and a bad value is refused with its name', () => {
    expect(limitsFromEnvironment({})).toEqual(DEFAULT_LIMITS);
    expect(limitsFromEnvironment({ DUBAN_MAX_FILE_MB: '1.5', DUBAN_MAX_PDF_PAGES: '10', DUBAN_MAX_CHARS: '1000' })).toEqual({ maxBytes: 1_500_000, maxPdfPages: 10, maxChars: 1000 });
    expect(() => limitsFromEnvironment({ DUBAN_MAX_CHARS: '-3' })).toThrow(/DUBAN_MAX_CHARS.*无效/);
    const r = duban({ DUBAN_MAX_FILE_MB: 'many' }, '--db', file('bad-env.db'), 'import', join(seedsDir, seeds[0]!));
    expect(r.code).toBe(2);
    expect(r.err).toContain('环境变量 DUBAN_MAX_FILE_MB 的值“many”无效');
  });

  it('refuses a file over the size limit before reading it, with what to do', () => {
    const r = duban({ DUBAN_MAX_FILE_MB: '0.05' }, '--db', file('size.db'), 'import', join(seedsDir, seeds[1]!));
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/失败：.*文件过大：0\.2 MB，超过单个文件上限 0\.05 MB；请拆分后再导入，或调高 DUBAN_MAX_FILE_MB/);
    const parse = duban({ DUBAN_MAX_FILE_MB: '0.05' }, 'parse', join(seedsDir, seeds[1]!));
    expect(parse.code).toBe(2);
    expect(parse.err).toContain('文件过大');
  });

  it('refuses text over the character limit', async () => {
    const r = duban({ DUBAN_MAX_CHARS: '20000' }, '--db', file('chars.db'), 'import', join(seedsDir, seeds[0]!));
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/文件文字过多：[\d,]+ 字，超过单个文件上限 20,000 字；请拆分后再导入，或调高 DUBAN_MAX_CHARS/);
    await expect(readBytes(Buffer.from('甲'.repeat(11)), 'a.txt', { ...DEFAULT_LIMITS, maxChars: 10 })).rejects.toThrow(InputError);
  });

  it.skipIf(noPdf !== null)('refuses a PDF over the page limit before extracting its text', async () => {
    const pdf = readFileSync(file('notice.pdf'));
    const e = await readBytes(pdf, 'notice.pdf', { ...DEFAULT_LIMITS, maxPdfPages: 1 }).catch((err: unknown) => err);
    expect(e).toBeInstanceOf(InputError);
    expect((e as Error).message).toMatch(/^PDF 页数过多：\d+ 页，超过上限 1 页；请拆分后再导入，或调高 DUBAN_MAX_PDF_PAGES$/);
    const r = duban({ DUBAN_MAX_PDF_PAGES: '1' }, '--db', file('pages.db'), 'import', file('notice.pdf'));
    expect(r.code).toBe(2);
    expect(r.err).toContain('PDF 页数过多');
    // Within the limit it reads.
    expect((await readBytes(pdf, 'notice.pdf')).text).toContain('关于做好年度工作的通知');
  });

  it.skipIf(noPdf !== null)('refuses a PDF cut short with a clear message, without handing it to pdf.js', () => {
    const r = duban({}, 'parse', file('cut.pdf'));
    expect(r.code).toBe(2);
    expect(r.err).toContain('PDF 文件已损坏或不完整：结尾缺少 %%EOF（可能在下载或复制时被截断），无法读取');
    expect(r.err).not.toMatch(/\n\s+at /);
  });
});

describe('progress within a file', () => {
  it('prints lines off a terminal as the parts of a file are written', () => {
    const r = duban({ DUBAN_IMPORT_WINDOW: '20000' }, '--db', file('progress.db'), 'import', file('volume.txt'));
    expect(r.code).toBe(0);
    const lines = r.err.split('\n').filter((l) => l.startsWith('正在导入 volume.txt：'));
    expect(lines.length).toBeGreaterThanOrEqual(2);
    for (const l of lines) expect(l).toMatch(/^正在导入 volume\.txt：已处理 \d+ MB \/ \d+ MB，公文 [\d,]+ 份$/);
    const counts = lines.map((l) => Number(/公文 ([\d,]+) 份/.exec(l)![1]!.replace(/,/g, '')));
    expect(counts).toEqual([...counts].sort((a, b) => a - b));
    expect(r.err).toMatch(/已导入：.*volume\.txt/);
  });
});

describe('a file parsed in windows', () => {
  it('gives the whole parse result, for every seed and for a volume of them', () => {
    for (const name of [...seeds.map((s) => join(seedsDir, s)), file('volume.txt')]) {
      const raw = readFileSync(name, 'utf8');
      const whole = JSON.stringify(parseText(raw, 'x'));
      for (const windowChars of [2_000, 15_000]) {
        const { result, parts } = inParts(raw, 'x', windowChars);
        expect(JSON.stringify(result), `${name} in windows of ${windowChars}`).toBe(whole);
        if (name.endsWith('volume.txt')) expect(parts).toBeGreaterThan(5);
      }
    }
  });

  it('writes the same store as one window', async () => {
    const rows = async (windowChars: number | undefined, db: string) => {
      const store = await openStore(file(db));
      try {
        const [o] = await importPaths(store, [file('volume.txt')], testClock, {}, { windowChars });
        expect(o!.status).toBe('imported');
        const documents = await store.db.selectFrom('documents').select(['seq', 'title', 'doc_number', 'body', 'outline', 'access', 'access_reason', 'topic', 'valid_from']).orderBy('id').execute();
        const entries = await store.db.selectFrom('search_entries').select(['kind', 'title', 'units', 'public', 'date']).orderBy('id').execute();
        const source = await store.db.selectFrom('source_files').select(['kind', 'warnings', 'routing_slip']).executeTakeFirstOrThrow();
        return { documents, entries, source };
      } finally {
        await store.close();
      }
    };
    const whole = await rows(undefined, 'whole.db');
    const parts = await rows(20_000, 'parts.db');
    expect(whole.documents.length).toBeGreaterThan(20);
    expect(parts).toEqual(whole);
  });
});
