// How a file is cut into front matter, documents and sections.
import { describe, expect, it } from 'vitest';
import { parseText } from '../src/pipeline.ts';

describe('segmentation', () => {
  it('leaves a personnel batch number on its own line to the 人事任免 section', () => {
    const text = [
      '锡林郭勒盟行政公署公报',
      '2021',
      '第2期（总第80期）',
      '目 录',
      '人事任免 (30)',
      '',
      '人事任免',
      '（2021年4月至6月）',
      '锡署任字〔2021〕6号',
      '经盟行政公署研究决定：',
      '巴特尔同志任盟生态环境局副局长；',
      '免去刘文涛同志盟交通运输局副局长职务。',
    ].join('\n');
    const r = parseText(text, 'x.txt');
    expect(r.documents.filter((d) => d.docNumber !== null)).toEqual([]);
    expect(r.appointments.map((a) => [a.batch, a.person, a.action])).toEqual([
      ['锡署任字〔2021〕6号', '巴特尔', 'appoint'],
      ['锡署任字〔2021〕6号', '刘文涛', 'remove'],
    ]);
  });

  it('does not take a number quoted inside a sentence for a document', () => {
    const text = ['某市人民政府关于同意设立某某工业园区的批复', '', '某政复〔2024〕3号', '', '某县人民政府：', '你县《关于设立工业园区的请示》（某政呈〔2024〕9号）收悉。现批复如下：', '同意设立。', '', '2024年2月1日'].join('\n');
    const r = parseText(text, 'x.txt');
    expect(r.documents.map((d) => d.docNumber)).toEqual(['某政复〔2024〕3号']);
    expect(r.documents[0]!.recipients).toEqual(['某县人民政府']);
  });

  it('reads a title below the number when the head follows GB/T 9704 (issuer mark, number, title)', () => {
    const text = ['中共某某县委员会文件', '', '某县发〔2024〕2号', '', '中共某某县委员会关于加强基层治理的实施意见', '（2024年1月8日中国共产党某某县第五届委员会第三次全体会议通过）', '', '为加强基层治理，提出如下意见。', '一、总体要求'].join('\n');
    const r = parseText(text, 'x.txt');
    expect(r.documents[0]).toMatchObject({ docNumber: '某县发〔2024〕2号', title: '中共某某县委员会关于加强基层治理的实施意见', issuer: ['中共某某县委员会'], date: '2024-01-08' });
  });

  it('keeps a title whose second line starts with a word that could open an organ name', () => {
    const text = ['巴彦淖尔市人民政府办公室关于做好2024年度城', '市内涝防治工作的通知', '', '巴政办发〔2024〕31号', '', '各旗县区人民政府：', '现就有关事项通知如下。', '', '2024年5月6日'].join('\n');
    const r = parseText(text, 'x.txt');
    expect(r.documents[0]).toMatchObject({ title: '巴彦淖尔市人民政府办公室关于做好2024年度城市内涝防治工作的通知', issuer: ['巴彦淖尔市人民政府办公室'] });
  });

  it('keeps text without title or number as a fragment, with a warning', () => {
    const r = parseText('随便写的一段话，没有标题也没有文号。\n第二行。', 'x.txt');
    expect(r.warnings.map((w) => w.code)).toContain('document-fragment');
    expect(r.accounting.regions).toContainEqual({ kind: 'document', line: 1, endLine: 2 });
  });
});

describe('routing slip placement', () => {
  it('ends a document that stands above a slip where the slip begins', () => {
    const r = parseText(['某政发〔2024〕5号', '文件批办单', '运转号：（政）12号', '来文单位\t某市人民政府办公室\t来文日期\t2024.3.1'].join('\n'), 'x.txt');
    const regions = r.accounting.regions;
    for (const a of regions) for (const b of regions) if (a !== b) expect(a.endLine < b.line || b.endLine < a.line).toBe(true);
  });
});
