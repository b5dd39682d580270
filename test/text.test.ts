// The text layer: characters, lines, running headers, numbering markers, reflow.
import { describe, expect, it } from 'vitest';
import { closeSpaces, endsSentence, normalizeLine, widenPunctuation } from '../src/text/chars.ts';
import { dropRunningHeaders } from '../src/text/headers.ts';
import { splitLines } from '../src/text/lines.ts';
import { markerAt } from '../src/text/markers.ts';
import { reflow, wordSpansBreak } from '../src/text/reflow.ts';

const paragraphsOf = (text: string) => reflow(dropRunningHeaders(splitLines(text).lines).lines).map((p) => p.text);

describe('characters', () => {
  it('removes the spaces PDF extraction puts into Chinese text, keeps them between ASCII words', () => {
    expect(closeSpaces('2024 年3 月 5 日')).toBe('2024年3月5日');
    expect(closeSpaces('赤峰市人民政府 关于 印发')).toBe('赤峰市人民政府关于印发');
    expect(closeSpaces('12345 与110 对接')).toBe('12345与110对接');
    expect(closeSpaces('R&D  经费 and   GDP growth')).toBe('R&D经费and GDP growth');
  });

  it('widens ASCII punctuation inside Chinese text, pair by pair', () => {
    expect(widenPunctuation('(责任单位:市科技局,财政局)')).toBe('（责任单位：市科技局，财政局）');
    expect(widenPunctuation('(3) 加强调度')).toBe('（3） 加强调度');
    expect(widenPunctuation('网址 http://www.example.gov.cn/a,b')).toBe('网址 http://www.example.gov.cn/a,b');
    expect(widenPunctuation('城市信息模型(CIM)平台')).toBe('城市信息模型（CIM）平台');
  });

  it('converts traditional characters and full-width digits, drops typesetting codes', () => {
    expect(normalizeLine('關於印發《錫林郭勒盟〔JP2〕節能實施方案》的通知')).toBe('关于印发《锡林郭勒盟节能实施方案》的通知');
    expect(normalizeLine('２０２４年　５月')).toBe('2024年5月');
  });

  it('knows when a line ends a sentence', () => {
    expect(endsSentence('按职责抓好落实。')).toBe(true);
    expect(endsSentence('（责任单位：市科技局；')).toBe(true);
    expect(endsSentence('提出如下意见：')).toBe(true);
    expect(endsSentence('现将《方案》印发给你们，请结')).toBe(false);
  });
});

describe('lines', () => {
  it('drops page markers, the foreign-script cover line and table rules, and records them', () => {
    const split = splitLines('赤峰市人民政府公报\nᠬᠣᠷᠢᠶ᠎ᠠ ᠬᠣᠲᠠ ᠶᠢᠨ\n# Page 12:\n正文\n--\t---\n序号\t事项');
    expect(split.lines.map((l) => l.text)).toEqual(['赤峰市人民政府公报', '正文', '序号事项']);
    expect(split.dropped.map((d) => [d.line, d.reason])).toEqual([
      [2, 'foreign-script'],
      [3, 'page-marker'],
      [5, 'table-rule'],
    ]);
    expect(split.lines[1]!.page).toBe(12);
    expect(split.lines[2]!.cells).toEqual(['序号', '事项']);
  });

  it('splits <p> cells outside a table into lines of their own', () => {
    const split = splitLines('<p>1 总则</p> <p>1.1 目的</p>');
    expect(split.lines.map((l) => l.text)).toEqual(['1总则', '1.1目的']);
    expect(split.lines.every((l) => l.line === 1)).toBe(true);
  });
});

describe('running headers', () => {
  it('drops a repeated gazette or section name, also inside a sentence, but keeps section headings', () => {
    const text = ['呼伦贝尔市人民政府公报', '目录', '市政府文件 (1)', '市政府大事记', '（2024年1月至2月）', '●1月3日 市长出席全市', '市政府大事记', '工作会议。', '●1月4日 召开会议。', '市政府大事记'].join('\n');
    const { lines, dropped } = dropRunningHeaders(splitLines(text).lines);
    expect(lines.map((l) => l.text)).toContain('市政府大事记');
    expect(dropped.map((d) => d.line)).toEqual([7, 10]);
    expect(paragraphsOf(text)).toContain('●1月3日市长出席全市工作会议。');
  });
});

describe('numbering markers', () => {
  it('recognises the numbering of Chinese official documents', () => {
    const labels = ['一、总体要求', '（二）加强领导', '3. 明确分工', '（4）按月调度', '第五章 附则', '第十二条 本办法', '1.2.3 报告', '②落实', '一是压实责任', '重点任务：'].map((t) => markerAt(t)?.label);
    expect(labels).toEqual(['一、', '（二）', '3.', '（4）', '第五章', '第十二条', '1.2.3', '②', '一是', '重点任务']);
  });

  it('does not take years, amounts or plain numbers for numbering', () => {
    for (const t of ['2024年起实施', '1.5亿元资金', '3个工作日内', '12345热线']) expect(markerAt(t)).toBeNull();
  });
});

describe('reflow', () => {
  it('joins hard-wrapped lines and words split across lines', () => {
    expect(paragraphsOf('各旗县区要加快推进项目建设，确保\n按期完成。')).toEqual(['各旗县区要加快推进项目建设，确保按期完成。']);
    expect(wordSpansBreak('加强部门对', '接联动')).toBe(true);
    expect(wordSpansBreak('一、总体要求', '以习近平')).toBe(false);
  });

  it('joins across a page marker but keeps headings apart from their paragraph', () => {
    expect(paragraphsOf('一、总体要求\n坚持问题导向。\n二、主要任务\n（一）\n完善机制。')).toEqual(['一、总体要求', '坚持问题导向。', '二、主要任务', '（一）完善机制。']);
    expect(paragraphsOf('为了加\n# Page 9:\n强管理，制定本办法。')).toEqual(['为了加强管理，制定本办法。']);
  });

  it('does not let a lost closing bracket swallow the text', () => {
    const lines = ['（责任单位：市发展改革委', '二、保障措施', '（一）加强组织领导。'];
    expect(paragraphsOf(lines.join('\n'))).toEqual(lines);
    const unclosed = ['《关于进一步加强', '档案管理', '工作制度', '资料室', '会议室', '档案库房', '办公区域', '阅览区'];
    expect(paragraphsOf(unclosed.join('\n')).length).toBeGreaterThan(1);
  });
});
