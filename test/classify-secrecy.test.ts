// 密级 marks: found in the 版头 and on the routing slip, never in the body (src/classify/secrecy.ts).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findSecrecyMarks, readSlipSecrecy, secrecyRefusal, type SecrecyMark } from '../src/classify/secrecy.ts';
import { parseText } from '../src/pipeline.ts';
import type { DocumentRecord, ParseResult } from '../src/types.ts';

const fixtures = join(import.meta.dirname, 'fixtures', 'classify');
const seedsDir = join(import.meta.dirname, '..', '..', 'shared', 'seeds');

function marksOf(text: string): { marks: SecrecyMark[]; result: ParseResult } {
  const result = parseText(text, 'input.txt');
  return { marks: findSecrecyMarks(text, result), result };
}

function marksOfFixture(name: string) {
  return marksOf(readFileSync(join(fixtures, name), 'utf8'));
}

describe('secrecy marks in the 版头', () => {
  it('秘密★1年 above the 发文机关标志, with the 份号 on the line before and 特急 below', () => {
    const { marks, result } = marksOfFixture('secret-notice.txt');
    expect(marks).toHaveLength(1);
    const [m] = marks;
    expect(m).toMatchObject({ level: '秘密', period: '1年', text: '秘密★1年', line: 2, copyNumber: '000087', where: 'head' });
    // The mark belongs to the document under it, not to the fragment the parser makes of the head lines.
    expect(result.documents[m!.documentIndex!]!.docNumber).toBe('清政办发〔2024〕12号');
    expect(m!.documentTitle).toBe('清河县人民政府办公室关于做好汛期水库调度工作的通知');
  });

  it('机密 with the 份号 on the same line, no period', () => {
    const { marks } = marksOfFixture('secret-same-line.txt');
    expect(marks).toHaveLength(1);
    expect(marks[0]).toMatchObject({ level: '机密', period: null, copyNumber: '000213', line: 1 });
  });

  it('a full-width 秘密＊６个月 is read with a half-width period', () => {
    const { marks } = marksOfFixture('secret-fullwidth.txt');
    expect(marks).toHaveLength(1);
    expect(marks[0]).toMatchObject({ level: '秘密', period: '6个月', text: '秘密＊６个月' });
  });

  it('a gazette whose second document carries 秘密 ★ 6个月: the mark is that document’s', () => {
    const { marks, result } = marksOfFixture('gazette-inner-secret.txt');
    expect(result.kind).toBe('gazette');
    expect(marks).toHaveLength(1);
    expect(marks[0]).toMatchObject({ level: '秘密', period: '6个月', copyNumber: '000035', where: 'head' });
    expect(result.documents[marks[0]!.documentIndex!]!.docNumber).toBe('北政发〔2024〕5号');
  });

  it.each([
    ['绝密★长期', '绝密', '长期'],
    ['机密★5年', '机密', '5年'],
    ['机密☆10年', '机密', '10年'],
    ['秘密*3年', '秘密', '3年'],
    ['秘密 ★ 6 个月', '秘密', '6个月'],
    ['【机密】', '机密', null],
    ['000045 秘密★2年 特急', '秘密', '2年'],
    ['份号：000012　机密★1年', '机密', '1年'],
    ['密级：秘密', '秘密', null],
    ['秘密（1年）', '秘密', '1年'],
    ['秘密★三年', '秘密', '三年'],
    ['機密★5年', '机密', '5年'],
  ])('the head line %s reads as %s, %s', (line, level, period) => {
    const text = `${line}\n\n东平市人民政府办公室文件\n\n东政办发〔2024〕3号\n\n东平市人民政府办公室关于做好防汛物资储备的通知\n\n各县区人民政府：\n请做好防汛物资储备。\n`;
    const { marks } = marksOf(text);
    expect(marks.map((m) => [m.level, m.period])).toEqual([[level, period]]);
  });

  it('a web page whose paragraphs are <p> cells of one line: the first cell is the mark', () => {
    const text = '<p>000031</p><p>机密★3年</p><p>东平市人民政府办公室文件</p><p>东政办发〔2024〕3号</p><p>东平市人民政府办公室关于做好防汛物资储备的通知</p><p>各县区人民政府：</p><p>请做好防汛物资储备。</p><p>秘密</p>\n';
    const { marks, result } = marksOf(text);
    expect(marks.map((m) => [m.level, m.period, m.copyNumber, m.line])).toEqual([['机密', '3年', '000031', 1]]);
    expect(result.documents[marks[0]!.documentIndex!]!.docNumber).toBe('东政办发〔2024〕3号');
  });

  it('a 保密期限 on the line under a mark gives the period', () => {
    const { marks } = marksOf('密级：机密\n保密期限：5年\n\n南城区人民政府文件\n\n南区政发〔2024〕2号\n\n南城区人民政府关于调整区级储备粮规模的通知\n\n各街道：\n现将有关事项通知如下。\n');
    expect(marks.map((m) => [m.level, m.period])).toEqual([['机密', '5年']]);
  });
});

describe('secrecy marks on the routing slip', () => {
  it('密级 机密 in the slip’s table: one mark, on the line of the 密级 cell', () => {
    const { marks } = marksOfFixture('slip-secret.txt');
    expect(marks).toHaveLength(1);
    expect(marks[0]).toMatchObject({ level: '机密', where: 'routing-slip', line: 6, documentIndex: null });
  });

  it('密级：秘密★1年 on a line of the slip', () => {
    const text = '收文处理单\n\n收文编号：（政）12号\n密级：秘密★1年\n来文单位：南城区人民政府办公室\n\n南城区人民政府办公室文件\n\n南区政办发〔2024〕8号\n\n南城区人民政府办公室关于做好汛期值班的通知\n\n各街道：\n请做好值班。\n';
    const { marks, result } = marksOf(text);
    expect(result.routingSlip?.secrecy).toBe('秘密★1年');
    expect(marks.map((m) => [m.where, m.level, m.period, m.line])).toEqual([['routing-slip', '秘密', '1年', 4]]);
  });

  it.each([null, '无', '非密', '普通', '公开', '—', '-', ' 无 ', '内部'])('a slip’s 密级 of %s means none', (value) => {
    expect(readSlipSecrecy(value)).toBeNull();
  });

  it.each([
    ['机密', '机密', null],
    ['秘密★1年', '秘密', '1年'],
    ['绝 密', '绝密', null],
    ['【秘密】', '秘密', null],
  ])('a slip’s 密级 of %s is %s', (value, level, period) => {
    expect(readSlipSecrecy(value)).toEqual({ level, period });
  });

  it('a slip with 密级：无 and a document on 保密工作 that speaks of 国家秘密 and 内部资料: no mark', () => {
    const { marks, result } = marksOfFixture('slip-none.txt');
    expect(result.routingSlip?.secrecy).toBe('无');
    expect(marks).toEqual([]);
  });
});

describe('no mark where there is none', () => {
  const seeds = existsSync(seedsDir) ? readdirSync(seedsDir).filter((n) => n.endsWith('.txt')).sort() : [];
  it.skipIf(seeds.length === 0).each(seeds)('seed %s has no secrecy mark (its 秘密 and 商业秘密 are body text)', (name) => {
    const text = readFileSync(join(seedsDir, name), 'utf8');
    expect(findSecrecyMarks(text, parseText(text, name))).toEqual([]);
  });

  it('body sentences and a body line that is only 秘密', () => {
    const text = [
      '北山市人民政府办公室关于加强政务信息安全管理的通知',
      '北政办发〔2024〕21号',
      '各县区人民政府，市直各部门：',
      '一、严格保守国家秘密。涉密文件按照机密、秘密等级分类管理，标注“秘密★1年”的文件不得通过互联网传输。',
      '二、各单位要加强保密教育，对涉及商业秘密的数据依法保护，工作人员不得泄露',
      '秘密',
      '机密',
      '和个人信息。',
      '三、本通知自印发之日起施行。',
    ].join('\n');
    const { marks, result } = marksOf(text);
    expect(result.documents.length).toBeGreaterThan(0);
    expect(marks).toEqual([]);
  });

  it('a title about 保密工作, and 内部资料 / 注意保存 at the top: no state secret', () => {
    const text = '内部资料\n注意保存\n\n西川县人民政府办公室\n关于进一步加强保密工作的通知\n\n西政办发〔2024〕2号\n\n各乡镇人民政府：\n请加强保密工作，严防失泄密。\n';
    expect(marksOf(text).marks).toEqual([]);
  });

  it('a TOC entry naming 秘密 is no mark', () => {
    const text = '目录\n关于印发《秘密载体管理规定》的通知 (3)\n机密文件清退工作总结 (5)\n\n南城区人民政府关于印发《秘密载体管理规定》的通知\n南区政发〔2024〕1号\n各街道：\n现印发。\n';
    expect(marksOf(text).marks).toEqual([]);
  });
});

describe('the refusal message', () => {
  it('is null without marks', () => {
    expect(secrecyRefusal([])).toBeNull();
  });

  it('names each mark, its line and document, and why the file is refused', () => {
    const { marks } = marksOfFixture('secret-notice.txt');
    const message = secrecyRefusal(marks)!;
    expect(message).toContain('第2行');
    expect(message).toContain('“秘密★1年”');
    expect(message).toContain('《清河县人民政府办公室关于做好汛期水库调度工作的通知》');
    expect(message).toContain('本系统不是涉密信息系统，不得存储、处理国家秘密；请通过涉密渠道处理');
  });

  it('names the routing slip’s field for a slip mark, and counts marks beyond the first five', () => {
    const slip = marksOfFixture('slip-secret.txt').marks;
    expect(secrecyRefusal(slip)).toContain('文件批办单“密级”栏');
    const many: SecrecyMark[] = Array.from({ length: 7 }, (_, k) => ({ ...slip[0]!, line: k + 1 }));
    const message = secrecyRefusal(many)!;
    expect(message).toContain('第5行');
    expect(message).not.toContain('第6行');
    expect(message).toContain('等7处');
  });
});

describe('properties', () => {
  const markish = fc.constantFrom('秘密', '机密', '绝密', '★', '*', '＊', '☆', '1年', '长期', '6个月', '000123', ' ', '\u3000', '\n', '\r\n', '<p>', '</p>', '\t', '份号', '密级：', '（', '）', '【', '。', '通政发〔2023〕1号', '关于做好保密工作的通知', '文件');
  const textArb = fc.oneof(
    fc.string({ maxLength: 400 }),
    fc.string({ unit: 'binary', maxLength: 400 }),
    fc.array(markish, { maxLength: 120 }).map((p) => p.join('')),
  );

  it('any text: no throw, and every mark is on a line of the text', () => {
    fc.assert(
      fc.property(textArb, (text) => {
        const result = parseText(text, 'x.txt');
        const lines = text.split(/\r\n|\n|\r/).length;
        for (const m of findSecrecyMarks(text, result)) {
          expect(m.line).toBeGreaterThanOrEqual(1);
          expect(m.line).toBeLessThanOrEqual(lines);
          expect(['绝密', '机密', '秘密']).toContain(m.level);
        }
      }),
      { numRuns: 300 },
    );
  });

  /** A parse result with `n` documents of one line each, so the scan is timed alone. */
  function manyDocuments(n: number): ParseResult {
    const doc = (line: number): DocumentRecord => ({
      docNumber: null, title: '标题', issuer: [], date: null, recipients: [], publicity: null, attachments: [], distribution: [], groups: [],
      outline: [], tasks: [], duties: [], line, endLine: line,
    });
    return {
      source: 'x', kind: 'gazette', issue: null, documents: Array.from({ length: n }, (_, k) => doc(k + 1)), appointments: [], chronicle: [], routingSlip: null, warnings: [],
      accounting: { lineCount: n, dropped: [], regions: [], unplaced: [] },
    };
  }

  // Adversarial inputs large enough that a quadratic scan or a backtracking pattern would run for
  // minutes: lines that almost match the grammar, every line a document head, one line of 1 M.
  it('linear on adversarial input', () => {
    const n = 50_000;
    const nearMiss = Array.from({ length: n }, (_, k) => (k % 3 === 0 ? '000123000123秘密★' : k % 3 === 1 ? '秘密秘密秘密秘密秘密秘密秘密秘密秘密★1年★1年★1年x' : '密级：密级：密级：机密★')).join('\n');
    expect(findSecrecyMarks(nearMiss, manyDocuments(n))).toEqual([]);
    const marked = Array.from({ length: n }, () => '秘密★1年').join('\n');
    expect(findSecrecyMarks(marked, manyDocuments(n))).toHaveLength(n);
    const oneLine = '秘密★'.repeat(400_000);
    expect(findSecrecyMarks(oneLine, manyDocuments(1))).toEqual([]);
    // A web page on one line: 100,000 <p> cells, 20,000 documents starting on it, all titled alike.
    const cells = '<p>秘密★1年</p><p>标题</p><p>正文。</p>'.repeat(33_000);
    const onOneLine = manyDocuments(20_000);
    for (const d of onOneLine.documents) d.line = 1;
    expect(findSecrecyMarks(cells, onOneLine).length).toBeGreaterThan(0);
  }, 20_000);
});
