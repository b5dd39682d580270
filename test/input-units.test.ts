// The pieces of the input readers on their own: PDF line rebuilding, radicals, format sniffing,
// HTML to lines and page charsets.
import { describe, expect, it } from 'vitest';
import { decodeHtml, extractArticle } from '../src/input/html.ts';
import { htmlLines, parseHtml } from '../src/input/html-text.ts';
import { pageLines, type TextPiece } from '../src/input/pdf-lines.ts';
import { normalizeRadicals } from '../src/input/radicals.ts';
import { decodeText, looksBinary } from '../src/input/read.ts';
import { sniffFormat } from '../src/input/sniff.ts';
import { encodeGb18030 } from './input-fixture.ts';

/** Pieces of one line of text set glyph by glyph, as Chromium and Word write CJK text. */
function glyphs(text: string, x: number, y: number, size = 16, advance = size): TextPiece[] {
  return Array.from(text).map((ch, i) => ({ text: ch, x: x + i * advance, y, width: advance, size }));
}

describe('pageLines', () => {
  it('rebuilds lines from pieces by their baseline, top to bottom, whatever their order in the file', () => {
    const pieces = [...glyphs('第二行文字', 80, 700), ...glyphs('第一行文字', 80, 728)].reverse();
    expect(pageLines(pieces).lines).toEqual(['第一行文字', '第二行文字']);
  });

  it('keeps pieces a little off the baseline in their line and drops fake-bold duplicates', () => {
    const pieces = [...glyphs('一、总体', 80, 700), { text: '要', x: 144, y: 701.5, width: 16, size: 16 }, ...glyphs('一、总体', 80.3, 700.2), ...glyphs('求', 160, 700)];
    expect(pageLines(pieces).lines).toEqual(['一、总体要求']);
  });

  it('writes wide gaps as tabs (table cells) and puts a space between Latin words', () => {
    const row = [...glyphs('序号', 80, 500), ...glyphs('任务', 140, 500), ...glyphs('责任单位', 220, 500)];
    const words = [
      { text: 'GDP', x: 80, y: 470, width: 30, size: 16 },
      { text: 'R&D', x: 115, y: 470, width: 30, size: 16 },
    ];
    expect(pageLines([...row, ...words]).lines).toEqual(['序号\t任务\t责任单位', 'GDP R&D']);
  });

  it('reads a letter-spaced heading as one word, not as cells', () => {
    expect(pageLines([...glyphs('目', 250, 700), ...glyphs('录', 300, 700)]).lines).toEqual(['目 录']);
  });

  it('drops the printed page number at the foot of the page, but not a cover year', () => {
    const body = glyphs('正文内容。', 80, 700);
    expect(pageLines([...body, ...glyphs('— 3 —', 280, 60, 14, 8)])).toEqual({ lines: ['正文内容。'], droppedPageNumbers: ['— 3 —'] });
    expect(pageLines([...body, { text: '2022', x: 280, y: 60, width: 40, size: 16 }]).lines).toEqual(['正文内容。', '2022']);
  });

  it('joins a title set larger than the body and wrapped over two lines', () => {
    const pieces = [...glyphs('某市人民政府关于加强', 90, 760, 22), ...glyphs('防汛工作的通知', 120, 726, 22), ...glyphs('各区县人民政府：', 80, 680), ...glyphs('为做好防汛工作，现通知如下。', 80, 652)];
    expect(pageLines(pieces).lines).toEqual(['某市人民政府关于加强防汛工作的通知', '各区县人民政府：', '为做好防汛工作，现通知如下。']);
  });

  it('reads a two-column page column by column, below a title that spans both', () => {
    const pieces: TextPiece[] = [...glyphs('青山市人民政府公报', 200, 780, 22)];
    for (let i = 0; i < 10; i++) {
      pieces.push(...glyphs(`左栏第${'一二三四五六七八九十'[i]}行的正文文字内容`, 60, 740 - i * 20, 12));
      pieces.push(...glyphs(`右栏第${'一二三四五六七八九十'[i]}行的正文文字内容`, 320, 740 - i * 20, 12));
    }
    const lines = pageLines(pieces).lines;
    expect(lines[0]).toBe('青山市人民政府公报');
    expect(lines.slice(1, 11).every((l) => l.startsWith('左栏'))).toBe(true);
    expect(lines.slice(11).every((l) => l.startsWith('右栏'))).toBe(true);
  });

  it('does not split a full-page table into columns', () => {
    const pieces: TextPiece[] = [];
    for (let i = 0; i < 15; i++) {
      const y = 740 - i * 24;
      pieces.push(...glyphs(String(i + 1), 60, y), ...glyphs('某某任务', 120, y), ...glyphs('市住建局', 330, y), ...glyphs('6月底前', 450, y));
    }
    const lines = pageLines(pieces).lines;
    expect(lines).toHaveLength(15);
    expect(lines[0]).toBe('1\t某某任务\t市住建局\t6月底前');
  });

  it('ignores empty pieces and returns nothing for an empty page', () => {
    expect(pageLines([{ text: ' ', x: 0, y: 0, width: 1, size: 12 }])).toEqual({ lines: [], droppedPageNumbers: [] });
  });
});

describe('normalizeRadicals', () => {
  it('replaces Kangxi and supplement radicals that PDF fonts map instead of ideographs', () => {
    expect(normalizeRadicals('⻘⼭市⼈⺠政府⼀、⻔户（⼯作）')).toEqual({ text: '青山市人民政府一、门户（工作）', count: 7 });
  });

  it('leaves ordinary text, full-width punctuation and unified compatibility ideographs alone', () => {
    const text = '通辽市人民政府，（一）：１２３﨑';
    expect(normalizeRadicals(text)).toEqual({ text, count: 0 });
  });
});

describe('sniffFormat', () => {
  const bytes = (s: string) => new TextEncoder().encode(s);
  it('tells formats by their first bytes', () => {
    expect(sniffFormat(bytes('%PDF-1.7\n…'))).toBe('pdf');
    expect(sniffFormat(bytes('\ufeff  <!DOCTYPE html><html>'))).toBe('html');
    expect(sniffFormat(bytes('<!-- saved from url --><html lang="zh">'))).toBe('html');
    expect(sniffFormat(bytes('<meta http-equiv="Content-Type" content="text/html; charset=gb2312"><p>…'))).toBe('html');
    expect(sniffFormat(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]))).toBe('ole');
    expect(sniffFormat(bytes('{\\rtf1\\ansi'))).toBe('rtf');
    expect(sniffFormat(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a]))).toBe('image');
    expect(sniffFormat(bytes('PK\u0003\u0004....word/document.xml....'))).toBe('docx');
    expect(sniffFormat(bytes('PK\u0003\u0004....OFD.xml....'))).toBe('ofd');
    expect(sniffFormat(bytes('PK\u0003\u0004....xl/workbook.xml....'))).toBe('zip');
  });

  it('does not take plain text, or a seed-style line of <p> cells, for a known format', () => {
    expect(sniffFormat(bytes('青山市人民政府公报\n2024年第1期'))).toBeNull();
    expect(sniffFormat(bytes('<p>1 总则</p> <p>1.1 编制目的</p>'))).toBeNull();
    expect(sniffFormat(new Uint8Array())).toBeNull();
  });
});

describe('decodeText and looksBinary', () => {
  it('reads UTF-16 text with a byte-order mark (Notepad’s “Unicode”)', () => {
    const le = new Uint8Array([0xff, 0xfe, ...Array.from('通知').flatMap((c) => [c.charCodeAt(0) & 0xff, c.charCodeAt(0) >> 8])]);
    expect(looksBinary(le)).toBe(false);
    expect(decodeText(le).text).toBe('通知');
  });

  it('falls back to GB18030 with a warning', () => {
    const r = decodeText(encodeGb18030('关于做好春季防火工作的通知'));
    expect(r.text).toBe('关于做好春季防火工作的通知');
    expect(r.warnings.map((w) => w.code)).toEqual(['encoding-gb18030']);
  });
});

describe('htmlLines', () => {
  it('writes paragraphs as lines and data tables as tab-separated rows', () => {
    const root = parseHtml(`<div><p>&nbsp;&nbsp;一、总体要求</p><p>坚持<strong>人民</strong>至上。<br>第二行</p>
<table><tr><td>序号</td><td colspan="2">任务</td></tr><tr><td>1</td><td><p>排查</p><p>整改</p></td><td>市住建局</td></tr></table></div>`);
    expect(htmlLines(root)).toEqual(['一、总体要求', '坚持人民至上。', '第二行', '序号\t任务\t', '1\t<p>排查</p> <p>整改</p>\t市住建局']);
  });

  it('reads a layout table (one cell per row) as blocks, and skips scripts, styles and hidden elements', () => {
    const root = parseHtml(`<table><tr><td><p>第一段。</p><p>第二段。</p></td></tr></table><script>var a = "<p>x</p>";</script><style>p{}</style><div style="display:none">隐藏</div>`);
    expect(htmlLines(root)).toEqual(['第一段。', '第二段。']);
  });

  it('survives hostile nesting without overflowing the stack', () => {
    const html = `${'<div>'.repeat(20000)}深处的文字。${'</div>'.repeat(20000)}`;
    expect(htmlLines(parseHtml(html)).join('')).toContain('深处的文字。');
  });
});

describe('decodeHtml', () => {
  it('decodes a page declared as gb2312 as GB18030', () => {
    const page = '<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312"></head><body><p>关于做好防汛工作的通知</p></body></html>';
    const r = decodeHtml(encodeGb18030(page));
    expect(r.text).toBe(page);
    expect(r.warnings).toEqual([]);
  });

  it('trusts the bytes over a stale declaration, with a warning', () => {
    const page = '<html><head><meta charset="gbk"></head><body><p>关于做好防汛工作的通知</p></body></html>';
    const r = decodeHtml(new TextEncoder().encode(page));
    expect(r.text).toBe(page);
    expect(r.warnings.map((w) => w.code)).toEqual(['html-charset-mismatch']);
  });

  it('decodes an undeclared GBK page', () => {
    const page = '<html><body><p>关于做好防汛工作的通知</p></body></html>';
    expect(decodeHtml(encodeGb18030(page)).text).toBe(page);
  });
});

describe('extractArticle', () => {
  it('keeps a short article that an ASP.NET page wraps, with its menus, in one <form>', () => {
    const menu = Array.from({ length: 30 }, (_, i) => `<li><a href="/${i}">栏目名称第${i}项链接</a></li>`).join('');
    const html = `<html><head><title>关于做好防汛工作的通知_青山市</title></head><body><form id="form1" method="post" action="./show.aspx">
<input type="hidden" name="__VIEWSTATE" value="xyz"><div class="topnav"><ul>${menu}</ul></div>
<div class="mainbox"><div class="zw"><p>各区县人民政府：</p><p>为做好今年防汛工作，现就有关事项通知如下。</p></div></div>
<div class="bottom">版权所有：青山市人民政府　地址：市府大街1号　电话：0475-1234567　邮编：028000</div></form></body></html>`;
    expect(extractArticle(html).lines).toEqual(['关于做好防汛工作的通知', '各区县人民政府：', '为做好今年防汛工作，现就有关事项通知如下。']);
  });

  it('keeps attachment links and drops lists of related links', () => {
    const html = `<html><head><title>关于做好防汛工作的通知_青山市人民政府</title></head><body>
<div class="content"><p>各区县人民政府：</p><p>为做好今年防汛工作，保障人民群众生命财产安全，现就有关事项通知如下。</p>
<p>附件：<a href="/f/1.docx">防汛责任人名单.docx</a></p></div>
<ul><li><a href="/1">关于做好2023年防汛工作的通知</a></li><li><a href="/2">青山市防汛抗旱应急预案</a></li></ul></body></html>`;
    const { lines } = extractArticle(html);
    expect(lines[0]).toBe('关于做好防汛工作的通知');
    expect(lines).toContain('附件：防汛责任人名单.docx');
    expect(lines.join('\n')).not.toContain('应急预案');
  });
});
