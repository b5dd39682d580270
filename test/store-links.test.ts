// Pure extraction: references between documents and validity, read from text.
import { describe, expect, it } from 'vitest';
import { extractReferences, issuedTitle, titleKey } from '../src/links/extract.ts';
import { readValidity, validityStatus } from '../src/links/validity.ts';

const doc = (body: string, title = '某某市人民政府关于印发某某办法的通知', docNumber: string | null = '某政发〔2024〕1号') => ({ docNumber, title, body });

describe('extractReferences', () => {
  it('reads a repeal with title and number as one reference', () => {
    const refs = extractReferences(doc('本预案自印发之日起施行。《通辽市人民政府办公厅关于印发通辽市突发重大动物疫病应急控制应急预案的通知》（通政办字〔2007〕62号）同时废止。'));
    expect(refs).toEqual([
      {
        relation: 'repeals',
        docNumber: '通政办字〔2007〕62号',
        title: '通辽市人民政府办公厅关于印发通辽市突发重大动物疫病应急控制应急预案的通知',
        context: '《通辽市人民政府办公厅关于印发通辽市突发重大动物疫病应急控制应急预案的通知》（通政办字〔2007〕62号）同时废止',
      },
    ]);
  });

  it('repeals every document of a list closed by 等…同时废止, and 废止《X》', () => {
    const refs = extractReferences(doc('《甲办法》（某政发〔2019〕3号）、《乙办法》等文件同时废止。同时废止《丙规定》。'));
    expect(refs.map((r) => [r.title, r.relation])).toEqual([
      ['甲办法', 'repeals'],
      ['乙办法', 'repeals'],
      ['丙规定', 'repeals'],
    ]);
  });

  it('reads 继续执行 after a number whose title bracket was lost', () => {
    const refs = extractReferences(doc('十一、其他事项。本政策措施自印发之日起施行，通政办字〔2017〕326号）继续执行。'));
    expect(refs).toMatchObject([{ relation: 'continues', docNumber: '通政办字〔2017〕326号', title: null }]);
  });

  it('reads 贯彻落实 as implements for every title of its clause, other mentions as cites', () => {
    const refs = extractReferences(
      doc('各地要深入贯彻落实《甲办法》（自治区人民政府令第191号）、《乙通知》（通政办发〔2021〕10号）规定，严格程序。对照《丙目录》逐项清理，形成继续有效、废止、失效的处理意见。'),
    );
    expect(refs.map((r) => [r.title, r.docNumber, r.relation])).toEqual([
      ['甲办法', null, 'implements'],
      ['乙通知', '通政办发〔2021〕10号', 'implements'],
      ['丙目录', null, 'cites'],
    ]);
  });

  it('does not refer to itself: its own number and the text it issues', () => {
    const refs = extractReferences(
      doc('现将《某某市电子商务发展办法》印发给你们。某政发〔2024〕1号', '某某市人民政府关于印发《某某市电子商务发展办法》的通知', '某政发〔2024〕1号'),
    );
    expect(refs).toEqual([]);
  });

  it('takes the forwarded or implemented document from the title', () => {
    const refs = extractReferences(doc('', '中共通辽市委员会贯彻落实《内蒙古自治区党委关于全方位建设模范自治区的决定》的实施意见', null));
    expect(refs).toMatchObject([{ relation: 'implements', title: '内蒙古自治区党委关于全方位建设模范自治区的决定' }]);
  });

  it('keys titles by their letters and finds the issued title', () => {
    expect(titleKey('关于印发《通辽市“十四五”规划》的通知')).toBe('关于印发通辽市十四五规划的通知');
    expect(issuedTitle('通辽市人民政府办公室关于印发《通辽市推动城乡建设绿色发展实施方案》的通知')).toBe('通辽市推动城乡建设绿色发展实施方案');
    expect(issuedTitle('通辽市人民政府办公室关于印发通辽市电子商务产业高质量发展实施意见的通知')).toBe('通辽市电子商务产业高质量发展实施意见');
    expect(issuedTitle('关于做好春季防火工作的通知')).toBeNull();
  });
});

describe('readValidity', () => {
  const v = (body: string, title = '关于印发某办法的通知', date: string | null = '2023-08-22') => readValidity({ title, date, body });

  it('reads 自印发之日起施行，有效期2年 as two years less a day', () => {
    expect(v('第二十四条 本细则自印发之日起施行，有效期2年。')).toMatchObject({ validFrom: '2023-08-22', validUntil: '2025-08-21', provisional: false });
  });
  it('reads Chinese numerals, months, later starts and end dates', () => {
    expect(v('优惠政策由市商务局负责解释，自发布之日起施行，有效期三年。').validUntil).toBe('2026-08-21');
    expect(v('本办法自印发之日 30 日后施行。').validFrom).toBe('2023-09-21');
    expect(v('本办法自2024年1月1日起施行，有效期6个月。')).toMatchObject({ validFrom: '2024-01-01', validUntil: '2024-06-30' });
    expect(v('本方案有效期至2025年12月31日。').validUntil).toBe('2025-12-31');
  });
  it('reads no start from a count that is no number (a typing slip such as 3十日), and does not throw', () => {
    const r = v('本办法自印发之日3十日后施行，有效期3十年。');
    expect(r.validFrom).toBeNull();
    expect(r.validUntil).toBeNull();
    expect(v('本办法自印发之日三十日后施行。').validFrom).toBe('2023-09-21');
  });

  it('gives a provisional regulation two years when it names no period', () => {
    expect(v('本办法自印发之日起施行。', '某某市政府投资项目管理暂行办法')).toMatchObject({ provisional: true, validUntil: '2025-08-21' });
  });
  it('ignores the validity of things the document talks about', () => {
    expect(v('支持市场主体维持发明专利有效期限，证书有效期3年。')).toMatchObject({ validFrom: null, validUntil: null });
  });
  it('judges the status on a day', () => {
    const r = { validFrom: '2023-08-22', validUntil: '2025-08-21' };
    expect(validityStatus(r, false, '2024-01-01')).toBe('valid');
    expect(validityStatus(r, false, '2025-08-22')).toBe('expired');
    expect(validityStatus(r, false, '2023-08-01')).toBe('pending');
    expect(validityStatus(r, true, '2024-01-01')).toBe('repealed');
  });
});
