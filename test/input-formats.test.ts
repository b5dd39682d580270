// The same document as .txt, .docx, .html (two portal layouts, UTF-8 and GB2312) and .pdf (one and
// two columns), each built by a real tool at test time, must parse to the same document.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseText } from '../src/pipeline.ts';
import { readInput } from '../src/input/read.ts';
import type { DocumentRecord, OutlineNode } from '../src/types.ts';
import { DOC_NUMBER, NOTICE, TITLE, encodeGb18030, gazettePage, noticeText, pdfToolsMissing, portalPage, printPdfs, printableHtml, scannedHtml, shortNoticePage, writeDocx } from './input-fixture.ts';

const root = join(import.meta.dirname, '..');
const work = mkdtempSync(join(tmpdir(), 'duban-input-'));
const file = (name: string) => join(work, name);

/** What must agree across formats: the document's elements and the shape of its outline. */
function view(d: DocumentRecord) {
  const labels = (nodes: readonly OutlineNode[]): unknown[] => nodes.map((n) => (n.children.length > 0 ? [n.label, labels(n.children)] : n.label));
  return {
    docNumber: d.docNumber,
    title: d.title,
    issuer: d.issuer,
    date: d.date,
    recipients: d.recipients,
    publicity: d.publicity,
    attachments: d.attachments,
    outline: labels(d.outline),
  };
}

async function parseFile(path: string) {
  const input = await readInput(path);
  const result = parseText(input.text, basename(path));
  return { input, result, documents: result.documents.map(view) };
}

const EXPECTED = {
  docNumber: DOC_NUMBER,
  title: TITLE,
  issuer: ['青山市人民政府办公室'],
  date: '2024-03-18',
  recipients: ['各区县人民政府', '市政府各部门'],
  publicity: '此件公开发布',
  attachments: ['城市内涝隐患排查登记表'],
  outline: ['一、', ['二、', [['（一）', ['1.', '2.']], ['（二）', ['1.', '2.']]]], ['三、', ['（一）', '（二）']]],
};

function duban(...args: string[]) {
  const r = spawnSync(process.execPath, [join(root, 'bin', 'duban.mjs'), ...args], { encoding: 'utf8', cwd: root, timeout: 60_000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

beforeAll(async () => {
  writeFileSync(file('notice.txt'), noticeText());
  await writeDocx(file('notice.docx'));
  writeFileSync(file('portal.html'), portalPage());
  writeFileSync(file('gazette.html'), gazettePage());
  writeFileSync(file('portal-gb2312.html'), encodeGb18030(portalPage(NOTICE, 'gb2312')));
  writeFileSync(file('short-gbk.htm'), encodeGb18030(shortNoticePage('GBK')));
});

describe('one document, every format', () => {
  it('reads the .txt version as the reference', async () => {
    const { documents, input } = await parseFile(file('notice.txt'));
    expect(input.format).toBe('txt');
    expect(documents).toEqual([EXPECTED]);
  });

  it('reads the Word version (built with docx) the same, tables as tab rows and without the page header and footer', async () => {
    const { documents, input } = await parseFile(file('notice.docx'));
    expect(input.format).toBe('docx');
    expect(input.warnings).toEqual([]);
    expect(input.text).toContain('序号\t任务\t责任单位\t完成时限');
    expect(input.text).not.toContain('—');
    expect(documents).toEqual([EXPECTED]);
  });

  for (const name of ['portal.html', 'gazette.html', 'portal-gb2312.html']) {
    it(`reads the web page ${name} the same, without the portal around the article`, async () => {
      const { documents, input } = await parseFile(file(name));
      expect(input.format).toBe('html');
      expect(documents).toEqual([EXPECTED]);
      for (const chrome of ['首页', '当前位置', '分享到', '打印', '网站标识码', 'ICP', '热点信息', '相关文件', '浏览次数', '_hmt', '主办单位']) expect(input.text).not.toContain(chrome);
      expect(input.text).toContain('1\t易涝点排查\t市住建局\t4月底前');
    });
  }

  it('tells where the portal page’s 文号 came from', async () => {
    const { input } = await parseFile(file('portal.html'));
    expect(input.warnings.map((w) => w.code)).toEqual(['html-metadata']);
    expect(input.text.split('\n').slice(0, 2)).toEqual([TITLE, DOC_NUMBER]);
  });

  it('reads a short GBK notice whose footer is as long as the article', async () => {
    const { input } = await parseFile(file('short-gbk.htm'));
    expect(input.text.split('\n')).toEqual([
      '关于调整市民服务中心办公时间的通知',
      '各位市民：',
      '自2024年7月1日起，市民服务中心夏季办公时间调整为上午9:00—12:00，下午14:30—17:30。',
      '特此通知。',
      '青山市政务服务局',
      '2024年6月28日',
    ]);
  });

  it('reads a Word cell of several paragraphs as <p> cells and warns about automatic numbering', async () => {
    const { AlignmentType, Document, LevelFormat, Packer, Paragraph, Table, TableCell, TableRow } = await import('docx');
    const cell = (...paras: string[]) => new TableCell({ children: paras.map((t) => new Paragraph(t)) });
    const doc = new Document({
      numbering: { config: [{ reference: 'cn', levels: [{ level: 0, format: LevelFormat.CHINESE_COUNTING, text: '%1、', alignment: AlignmentType.LEFT }] }] },
      sections: [
        {
          children: [
            new Paragraph({ text: '总体要求', numbering: { reference: 'cn', level: 0 } }),
            new Table({ rows: [new TableRow({ children: [cell('1'), cell('市统计局'), cell('1. 发挥牵头作用。', '2. 加强数据共享。')] })] }),
          ],
        },
      ],
    });
    writeFileSync(file('numbered.docx'), await Packer.toBuffer(doc));
    const input = await readInput(file('numbered.docx'));
    expect(input.text.split('\n')).toEqual(['总体要求', '1\t市统计局\t<p>1. 发挥牵头作用。</p> <p>2. 加强数据共享。</p>']);
    expect(input.warnings.map((w) => w.code)).toEqual(['docx-auto-numbering']);
  });

  it('runs end to end through the CLI for .docx and .html', () => {
    for (const name of ['notice.docx', 'portal.html']) {
      const r = duban('parse', file(name), '--json');
      expect(r.code, r.err).toBe(0);
      const json = JSON.parse(r.out) as { source: string; documents: DocumentRecord[] };
      expect(json.source).toBe(name);
      expect(json.documents.map(view)).toEqual([EXPECTED]);
    }
  });
});

const pdfMissing = pdfToolsMissing();
if (pdfMissing !== null) console.warn(`[input-formats] SKIPPING the PDF tests: ${pdfMissing}. Install with: apt-get install -y chromium fonts-noto-cjk (.ci/run does this in CI).`);

describe.skipIf(pdfMissing !== null)('PDF printed by Chromium', () => {
  beforeAll(async () => {
    await printPdfs([
      { html: printableHtml(), path: file('notice.pdf'), footer: true },
      { html: printableHtml(NOTICE, { columns: 2 }), path: file('two-columns.pdf') },
      { html: scannedHtml(), path: file('scanned.pdf') },
    ]);
  });

  it('reads the printed document the same, with a page marker before each page and no page numbers', async () => {
    const { documents, input } = await parseFile(file('notice.pdf'));
    expect(input.format).toBe('pdf');
    expect(documents).toEqual([EXPECTED]);
    const lines = input.text.split('\n');
    expect(lines[0]).toBe('# Page 1:');
    expect(lines).toContain('# Page 2:');
    expect(lines[1]).toBe(TITLE);
    expect(lines).toContain('1\t易涝点排查\t市住建局\t4月底前');
    expect(input.text).not.toMatch(/— \d+ —/);
    // Chromium's PDF names some ideographs by their radicals (⼈ for 人); they come back as ideographs.
    expect(input.text).not.toMatch(/[\u2E80-\u2FDF]/);
  });

  it('reads a two-column page column by column', async () => {
    const { documents } = await parseFile(file('two-columns.pdf'));
    expect(documents).toEqual([EXPECTED]);
  });

  it('warns that a scanned PDF has no text layer and is not OCRed', async () => {
    const { input, result } = await parseFile(file('scanned.pdf'));
    expect(input.text.replace(/# Page \d+:\n?/g, '').trim()).toBe('');
    expect(input.warnings.map((w) => w.code)).toContain('pdf-no-text');
    expect(input.warnings.find((w) => w.code === 'pdf-no-text')!.message).toContain('OCR');
    expect(result.documents).toEqual([]);
  });

  it('runs end to end through the CLI', () => {
    const r = duban('parse', file('notice.pdf'), '--json');
    expect(r.code, r.err).toBe(0);
    expect((JSON.parse(r.out) as { documents: DocumentRecord[] }).documents.map(view)).toEqual([EXPECTED]);
    const scanned = duban('parse', file('scanned.pdf'));
    expect(scanned.code).toBe(2);
    expect(scanned.err).toContain('OCR');
  });
});
