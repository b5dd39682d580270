// Bad input never crashes a reader: it is an InputError with a clear message, or text with warnings.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Document, Packer } from 'docx';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { InputError, readBytes, readInput } from '../src/input/read.ts';
import { NOTICE, encryptedPdf, gazettePage, linksOnlyPage, noticeText, writeDocx } from './input-fixture.ts';
import { buildOfd } from './ofd-fixture.ts';

const root = join(import.meta.dirname, '..');
const work = mkdtempSync(join(tmpdir(), 'duban-input-bad-'));
const file = (name: string) => join(work, name);

function duban(...args: string[]) {
  const r = spawnSync(process.execPath, [join(root, 'bin', 'duban.mjs'), ...args], { encoding: 'utf8', cwd: root, timeout: 60_000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

/** The InputError a read rejects with (failing the test when it resolves or throws anything else). */
async function inputError(path: string): Promise<string> {
  const e: unknown = await readInput(path).then(
    () => null,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(InputError);
  return (e as InputError).message;
}

beforeAll(async () => {
  writeFileSync(file('empty.docx'), await Packer.toBuffer(new Document({ sections: [{ children: [] }] })));
  await writeDocx(file('notice.docx'));
  const docx = readFileSync(file('notice.docx'));
  writeFileSync(file('truncated.docx'), docx.subarray(0, Math.floor(docx.length / 2)));
  writeFileSync(file('word-named.txt'), docx);
  writeFileSync(file('corrupt.pdf'), Buffer.concat([Buffer.from('%PDF-1.7\n1 0 obj\n<< /Type /Catalog'), Buffer.from(Array.from({ length: 4000 }, (_, i) => (i * 7919) & 0xff))]));
  writeFileSync(file('encrypted.pdf'), encryptedPdf());
  writeFileSync(file('blob.txt'), Buffer.from(Array.from({ length: 2048 }, (_, i) => (i * 31) & 0xff)));
  writeFileSync(file('links.html'), linksOnlyPage());
  writeFileSync(file('legacy.doc'), Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Array(504).fill(0)]));
  writeFileSync(file('page-saved-as.doc'), gazettePage());
  writeFileSync(file('photo.pdf'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]));
  writeFileSync(file('notes.xyz'), noticeText());
  writeFileSync(file('nothing.pdf'), '');
  mkdirSync(file('folder.txt'));
  const ofd = await buildOfd(NOTICE);
  writeFileSync(file('truncated.ofd'), ofd.subarray(0, Math.floor(ofd.length / 2)));
  writeFileSync(file('no-root.ofd'), await buildOfd(NOTICE, { noDocRoot: true }));
  writeFileSync(file('plain-zip.ofd'), readFileSync(file('notice.docx')).subarray(0, 4));
});

describe('bad input', () => {
  it('an empty Word file gives a warning, and the CLI says there is nothing to read', async () => {
    const input = await readInput(file('empty.docx'));
    expect(input.text).toBe('');
    expect(input.warnings).toEqual([{ code: 'docx-empty', message: 'Word 文件中没有文字' }]);
    const r = duban('parse', file('empty.docx'));
    expect(r.code).toBe(2);
    expect(r.err).toContain('Word 文件中没有文字');
  });

  it('a truncated Word file is an InputError', async () => {
    expect(await inputError(file('truncated.docx'))).toMatch(/^Word 文件已损坏/);
  });

  it('a corrupt PDF is an InputError, also through the CLI', async () => {
    // Its header and then noise, no %%EOF: refused from its last bytes, before pdf.js reads it.
    expect(await inputError(file('corrupt.pdf'))).toBe('PDF 文件已损坏或不完整：结尾缺少 %%EOF（可能在下载或复制时被截断），无法读取；请重新获取完整的文件');
    const r = duban('parse', file('corrupt.pdf'), '--json');
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toContain('PDF 文件已损坏');
  });

  it('a password-protected PDF is an InputError that says so', async () => {
    expect(await inputError(file('encrypted.pdf'))).toBe('PDF 文件已加密，需要密码才能打开，无法读取');
  });

  it('a truncated or incomplete OFD file is an InputError that says what is wrong, also through the CLI', async () => {
    expect(await inputError(file('truncated.ofd'))).toBe('OFD 文件已损坏或不完整（可能在下载或复制时被截断），无法读取；请重新获取完整的文件');
    expect(await inputError(file('no-root.ofd'))).toBe('OFD 文件已损坏：OFD.xml 中没有 DocBody/DocRoot（文档入口）');
    const r = duban('parse', file('truncated.ofd'), '--json');
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toContain('OFD 文件已损坏');
  });

  it('a binary file named .txt is an InputError', async () => {
    expect(await inputError(file('blob.txt'))).toBe('文件内容是二进制数据，不是文本');
  });

  it('a web page without an article gives a warning and no text', async () => {
    const input = await readInput(file('links.html'));
    expect(input.text).toBe('');
    expect(input.warnings.map((w) => w.code)).toEqual(['html-no-article']);
    const r = duban('parse', file('links.html'));
    expect(r.code).toBe(2);
    expect(r.err).toContain('网页中没有找到正文');
  });

  it('formats it cannot read are named: old Word, images, unknown extensions, empty files, folders', async () => {
    expect(await inputError(file('legacy.doc'))).toContain('不支持旧版 Word/WPS 文档（.doc）');
    expect(await inputError(file('photo.pdf'))).toContain('图片');
    expect(await inputError(file('notes.xyz'))).toBe('不支持的文件类型 .xyz（支持 .txt .docx .pdf .html .ofd）');
    expect(await inputError(file('nothing.pdf'))).toBe('文件是空的');
    expect(await inputError(file('folder.txt'))).toBe('不是文件');
    expect(await inputError(file('missing.docx'))).toBe('无法读取：文件不存在');
  });

  it('the content decides the reader when the extension is wrong, with a warning', async () => {
    const word = await readInput(file('word-named.txt'));
    expect(word.format).toBe('docx');
    expect(word.warnings.map((w) => w.code)).toEqual(['format-mismatch']);
    const page = await readInput(file('page-saved-as.doc'));
    expect(page.format).toBe('html');
    expect(page.warnings[0]).toEqual({ code: 'format-mismatch', message: '文件扩展名为 .doc，内容实际是网页（HTML），已按网页（HTML）读取' });
    expect(page.text).toContain('青政办发〔2024〕12号');
  });

  it('a 1 MB line of markup and unbalanced tags are read without a crash', async () => {
    const long = `<html><body><div class="article"><p>${'关于做好防汛工作的通知，'.repeat(80_000)}</p><p><b><i>未闭合的标签。<table><tr><td>单元格</div></body>`;
    const input = await readBytes(new TextEncoder().encode(long), 'long.html');
    expect(input.text.length).toBeGreaterThan(900_000);
  });

  it('hostile nesting (100 000 divs, 20 000 nested tables) is read in linear time without overflowing the stack', async () => {
    const sentence = '<p>为做好防汛工作，保障人民群众生命财产安全，现就有关事项通知如下。</p>';
    const divs = `<html><body>${'<div>'.repeat(100_000)}${sentence}${'</div>'.repeat(100_000)}</body></html>`;
    const tables = `<html><body>${'<table><tr><td>格</td><td>'.repeat(20_000)}${sentence}${'</td></tr></table>'.repeat(20_000)}</body></html>`;
    // Sized so that a quadratic pass would run far past the test's timeout: a hang fails, speed is the benchmark's job.
    for (const html of [divs, tables]) {
      const input = await readBytes(new TextEncoder().encode(html), 'deep.html');
      expect(input.text).toContain('现就有关事项通知如下。');
    }
  });

  it('random bytes under every name resolve or reject with an InputError, nothing else', async () => {
    const prefixes = ['', '%PDF-1.4\n', 'PK\u0003\u0004word/document.xml', '<!doctype html><html><body>', '\ufeff'];
    const names = ['a.txt', 'a.docx', 'a.pdf', 'a.html', 'a', 'a.doc'];
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...prefixes), fc.uint8Array({ maxLength: 3000 }), fc.constantFrom(...names), async (prefix, body, name) => {
        const bytes = new Uint8Array([...new TextEncoder().encode(prefix), ...body]);
        try {
          const input = await readBytes(bytes, name);
          expect(typeof input.text).toBe('string');
        } catch (e) {
          expect(e).toBeInstanceOf(InputError);
        }
      }),
      { numRuns: 150 },
    );
  });
});
