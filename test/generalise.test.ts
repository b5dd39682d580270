// Does the parser generalise? New documents written in the seeds' styles but with other content
// (other cities and leagues, other layouts, traditional characters, web-page text, compilations
// whose headings collide with the documents' own numbering, two-column scrambles, a document
// without a date). The expectations state what a correct parse is under the parse contract of
// ../shared/SPEC.md and the conventions of ../shared/gold — not what the parser prints today.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseText } from '../src/pipeline.ts';
import type { Appointment, DocumentRecord, OutlineNode, ParseResult } from '../src/types.ts';

const dir = join(import.meta.dirname, 'fixtures', 'generalise');

interface Loaded {
  raw: string;
  result: ParseResult;
}
const cache = new Map<string, Loaded>();
function load(file: string): Loaded {
  let hit = cache.get(file);
  if (hit === undefined) {
    const raw = readFileSync(join(dir, file), 'utf8');
    hit = { raw, result: parseText(raw, file) };
    cache.set(file, hit);
  }
  return hit;
}

/** 1-based numbers of the input lines equal (after trimming) to `text`. */
function linesEqual(raw: string, text: string): number[] {
  const out: number[] = [];
  raw.split(/\r\n|\n|\r/).forEach((l, i) => {
    if (l.trim() === text) out.push(i + 1);
  });
  return out;
}

/** Non-blank input lines that are neither dropped, inside a region, nor listed as unplaced. */
function unaccounted(raw: string, r: ParseResult): number[] {
  const dropped = new Set(r.accounting.dropped.flatMap((d) => d.lines));
  const unplaced = new Set(r.accounting.unplaced);
  const missing: number[] = [];
  raw.split(/\r\n|\n|\r/).forEach((l, i) => {
    const n = i + 1;
    if (l.trim() === '' || dropped.has(n) || unplaced.has(n)) return;
    if (r.accounting.regions.some((g) => g.line <= n && n <= g.endLine)) return;
    missing.push(n);
  });
  return missing;
}

function droppedLines(r: ParseResult): Set<number> {
  return new Set(r.accounting.dropped.flatMap((d) => d.lines));
}

/** Outline labels at a path of labels ([] = top level). */
function labelsAt(nodes: readonly OutlineNode[], path: readonly string[]): string[] | null {
  let level: readonly OutlineNode[] = nodes;
  for (const label of path) {
    const next = level.find((n) => n.label === label);
    if (next === undefined) return null;
    level = next.children;
  }
  return level.map((n) => n.label);
}

function allNodes(nodes: readonly OutlineNode[]): OutlineNode[] {
  return nodes.flatMap((n) => [n, ...allNodes(n.children)]);
}

/** What a document must hold: the contract's own fields, plus outline labels to check. */
interface ExpectedDoc extends Pick<DocumentRecord, 'docNumber' | 'title' | 'issuer' | 'date' | 'recipients' | 'publicity'>, Partial<Pick<DocumentRecord, 'attachments' | 'groups'>> {
  /** Top-level outline labels. */
  outline: string[];
  /** Labels below a node, keyed by the path of labels joined with "/". */
  children?: Record<string, string[]>;
}

function findDoc(r: ParseResult, e: ExpectedDoc): DocumentRecord | undefined {
  return e.docNumber !== null ? r.documents.find((d) => d.docNumber === e.docNumber) : r.documents.find((d) => d.title === e.title);
}

function checkDocuments(file: string, expected: ExpectedDoc[]): void {
  it(`${file}: finds exactly these documents, in order`, () => {
    const { result } = load(file);
    expect(result.documents.map((d) => d.docNumber ?? d.title)).toEqual(expected.map((e) => e.docNumber ?? e.title));
  });
  for (const e of expected) {
    it(`${file}: ${e.docNumber ?? e.title} — elements and outline`, () => {
      const { result } = load(file);
      const d = findDoc(result, e);
      expect(d, 'document found').toBeDefined();
      if (d === undefined) return;
      expect.soft(d.docNumber, 'docNumber').toBe(e.docNumber);
      expect.soft(d.title, 'title').toBe(e.title);
      expect.soft(d.issuer, 'issuer').toEqual(e.issuer);
      expect.soft(d.date, 'date').toBe(e.date);
      expect.soft(d.recipients, 'recipients').toEqual(e.recipients);
      expect.soft(d.publicity, 'publicity').toBe(e.publicity);
      if (e.attachments !== undefined) expect.soft(d.attachments, 'attachments').toEqual(e.attachments);
      if (e.groups !== undefined) expect.soft(d.groups, 'groups').toEqual(e.groups);
      expect.soft(labelsAt(d.outline, []), 'top-level outline').toEqual(e.outline);
      for (const [path, labels] of Object.entries(e.children ?? {})) {
        expect.soft(labelsAt(d.outline, path.split('/')), `outline under ${path}`).toEqual(labels);
      }
    });
  }
}

function checkClean(file: string): void {
  it(`${file}: no text is left unplaced`, () => {
    const { result } = load(file);
    expect(result.warnings.filter((w) => w.code === 'unplaced-text')).toEqual([]);
    expect(result.accounting.unplaced).toEqual([]);
  });
}

function checkAccounting(file: string): void {
  it(`${file}: every non-blank input line is accounted for`, () => {
    const { raw, result } = load(file);
    expect(result.accounting.lineCount).toBe(raw.split(/\r\n|\n|\r/).length);
    expect(unaccounted(raw, result)).toEqual([]);
  });
}

type ExpectedAppointment = Omit<Appointment, 'line'>;
function checkAppointments(file: string, expected: ExpectedAppointment[]): void {
  it(`${file}: personnel decisions (人事任免)`, () => {
    const { result } = load(file);
    const got = result.appointments.map(({ line: _line, ...rest }) => rest);
    expect(got).toEqual(expected);
  });
}

interface ExpectedEntry {
  date: string;
  endDate?: string;
  startsWith: string;
}
function checkChronicle(file: string, expected: ExpectedEntry[]): void {
  it(`${file}: chronicle (大事记) entries`, () => {
    const { result } = load(file);
    const got = result.chronicle.map((c, i) => ({
      date: c.date,
      endDate: c.endDate,
      startsWith: c.text.slice(0, expected[i]?.startsWith.length ?? 12),
    }));
    expect(got).toEqual(expected.map((e) => ({ date: e.date, endDate: e.endDate, startsWith: e.startsWith })));
  });
}

// ---------------------------------------------------------------------------------------------
// 1. Another city's gazette: masthead, TOC with dotted leaders and wrapped entries, five
//    documents of four kinds, numbers with 〔〕/[] and spaces, dates on the number line, on their
//    own line and after the body, running headers (one inside a sentence), 人事任免, 大事记.
// ---------------------------------------------------------------------------------------------
describe('gazette of another city (赤峰市人民政府公报)', () => {
  const file = 'gazette-chifeng.txt';

  it(`${file}: kind and masthead`, () => {
    const { result } = load(file);
    expect(result.kind).toBe('gazette');
    expect(result.issue).not.toBeNull();
    const { toc: _toc, ...masthead } = result.issue!;
    expect(masthead).toEqual({ title: '赤峰市人民政府公报', year: 2024, number: 3, cumulative: 58, printed: '2024-06-18', publisher: '赤峰市人民政府办公室' });
  });

  it(`${file}: table of contents (wrapped entries, dotted leaders)`, () => {
    const { result } = load(file);
    const toc = result.issue?.toc ?? [];
    expect(toc.map((e) => ({ title: e.title, page: e.page }))).toEqual([
      { title: '赤峰市人民政府关于印发赤峰市2024年城乡供水保障工作方案的通知', page: 1 },
      { title: '赤峰市人民政府关于加快推进冷链物流高质量发展的意见', page: 5 },
      { title: '赤峰市人民政府关于划定中心城区禁止燃放烟花爆竹区域的通告', page: 9 },
      { title: '赤峰市人民政府关于同意设立松山区文旅融合发展示范区的批复', page: 11 },
      { title: '赤峰市人民政府办公室关于做好2024年防汛抗旱工作的通知', page: 12 },
      { title: '人事任免', page: 16 },
      { title: '赤峰市人民政府大事记（2024年3月至4月）', page: 18 },
    ]);
    expect(toc.slice(0, 5).map((e) => e.section)).toEqual(['市政府文件', '市政府文件', '市政府文件', '市政府文件', '市政府办公室文件']);
  });

  it(`${file}: the TOC and the documents agree (no TOC warnings)`, () => {
    const { result } = load(file);
    expect(result.warnings.filter((w) => /toc/.test(w.code))).toEqual([]);
  });

  checkDocuments(file, [
    {
      docNumber: '赤政发〔2024〕15号',
      title: '赤峰市人民政府关于印发赤峰市2024年城乡供水保障工作方案的通知',
      issuer: ['赤峰市人民政府'],
      date: '2024-04-08',
      recipients: ['各旗县区人民政府', '市政府各委办局', '各有关企事业单位'],
      publicity: '此件公开发布',
      attachments: [],
      outline: ['一、', '二、', '三、'],
      children: { '二、': ['（一）', '（二）', '（三）'], '三、': ['（一）', '（二）'] },
    },
    {
      docNumber: '赤政发〔2024〕18号',
      title: '赤峰市人民政府关于加快推进冷链物流高质量发展的意见',
      issuer: ['赤峰市人民政府'],
      date: '2024-04-22',
      recipients: ['各旗县区人民政府', '市政府各委办局'],
      publicity: '此件公开发布',
      attachments: [],
      outline: ['一、', '二、', '三、'],
      children: { '二、': ['（一）', '（二）', '（三）'] },
    },
    {
      // A 通告 is addressed to the public: no 主送 line, so no recipients.
      docNumber: '赤政通告〔2024〕2号',
      title: '赤峰市人民政府关于划定中心城区禁止燃放烟花爆竹区域的通告',
      issuer: ['赤峰市人民政府'],
      date: '2024-04-25',
      recipients: [],
      publicity: '此件公开发布',
      attachments: ['中心城区禁止燃放烟花爆竹区域示意图'],
      outline: ['一、', '二、', '三、', '四、'],
    },
    {
      docNumber: '赤政字〔2024〕31号',
      title: '赤峰市人民政府关于同意设立松山区文旅融合发展示范区的批复',
      issuer: ['赤峰市人民政府'],
      date: '2024-05-06',
      recipients: ['松山区人民政府'],
      publicity: '此件公开发布',
      attachments: [],
      outline: ['一、', '二、', '三、'],
    },
    {
      docNumber: '赤政办发〔2024〕22号',
      title: '赤峰市人民政府办公室关于做好2024年防汛抗旱工作的通知',
      issuer: ['赤峰市人民政府办公室'],
      date: '2024-05-20',
      recipients: ['各旗县区人民政府', '市政府有关部门'],
      publicity: '此件公开发布',
      attachments: ['赤峰市2024年防汛重点部位责任人名单', '防汛值班和信息报送要求'],
      outline: ['一、', '二、', '三、', '四、'],
      // The attachment list (附件：1. … 2. …) is not part of the outline.
      children: { '四、': [] },
    },
  ]);

  it(`${file}: a 文号 quoted inside a sentence (松政呈〔2024〕9号) is not a document`, () => {
    const { result } = load(file);
    expect(result.documents.some((d) => d.docNumber === '松政呈〔2024〕9号')).toBe(false);
  });

  it(`${file}: running headers are dropped as layout, also inside a sentence`, () => {
    const { raw, result } = load(file);
    const dropped = droppedLines(result);
    const gazette = linesEqual(raw, '赤峰市人民政府公报');
    // The first occurrence is the cover title; every later one is a page header.
    for (const n of gazette.slice(1)) expect(dropped.has(n), `line ${n}`).toBe(true);
    for (const n of linesEqual(raw, '市政府大事记')) expect(dropped.has(n), `line ${n}`).toBe(true);
  });

  checkAppointments(file, [
    { batch: '赤政任字〔2024〕6号', person: '王振林', action: 'appoint', post: '市发展和改革委员会副主任', probation: true },
    { batch: '赤政任字〔2024〕6号', person: '赵德明', action: 'remove', post: '市发展和改革委员会副主任' },
    { batch: '赤政任字〔2024〕6号', person: '李晓红', action: 'appoint', post: '市交通运输局副局长' },
    { batch: '赤政任字〔2024〕6号', person: '刘建华', action: 'appoint', post: '市政府副秘书长' },
    { batch: '赤政任字〔2024〕6号', person: '刘建华', action: 'appoint', post: '市政府研究室主任' },
    { batch: '赤政任字〔2024〕6号', person: '孙立新', action: 'remove', post: '市交通运输局副局长', retired: '2024-03-31' },
    { batch: '赤政任字〔2024〕7号', person: '周文涛', action: 'second', post: '市商务局副局长', years: 1 },
    { batch: '赤政任字〔2024〕8号', person: '陈雅琴', action: 'appoint', post: '市统计局副局长', probation: true },
    { batch: '赤政任字〔2024〕8号', person: '马国栋', action: 'remove', post: '市统计局副局长' },
  ]);

  checkChronicle(file, [
    { date: '2024-03-01', startsWith: '全市春季农牧业生产' },
    { date: '2024-03-04', endDate: '2024-03-06', startsWith: '市政府副市长许文博带队' },
    { date: '2024-03-07', startsWith: '市政府召开第5次常务会议' },
    { date: '2024-03-15', startsWith: '市委副书记、市长韩立东主持' },
    { date: '2024-03-29', endDate: '2024-04-02', startsWith: '市政府副市长高子涵赴北京市' },
    { date: '2024-04-10', startsWith: '全市优化营商环境工作推进会' },
    { date: '2024-04-18', endDate: '2024-04-19', startsWith: '市委副书记、市长韩立东带队' },
    { date: '2024-04-26', startsWith: '市政府与北方数智物流集团' },
  ]);

  it(`${file}: a chronicle entry cut by a running header keeps its whole text`, () => {
    const { result } = load(file);
    const entry = result.chronicle.find((c) => c.date === '2024-03-29');
    expect(entry?.text).toContain('供水工程建设情况。');
    expect(entry?.text).not.toContain('大事记');
  });

  checkClean(file);
  checkAccounting(file);
});

// ---------------------------------------------------------------------------------------------
// 2. Web-page text: no page markers, one paragraph per line, leftover 发布时间/来源 lines
//    between the title and the number, number written with （）, 一、（一）1.（1） outline.
// ---------------------------------------------------------------------------------------------
describe('document copied from a government website', () => {
  const file = 'web-page-notice.txt';

  it(`${file}: kind`, () => {
    const { result } = load(file);
    expect(result.kind).toBe('document');
    expect(result.issue).toBeNull();
  });

  checkDocuments(file, [
    {
      docNumber: '呼农牧发〔2024〕9号',
      title: '呼伦贝尔市农牧局关于做好2024年春季动物疫病集中免疫工作的通知',
      issuer: ['呼伦贝尔市农牧局'],
      // 成文日期 is the date under the signature, not the site's 发布时间 (2024-03-12).
      date: '2024-03-11',
      recipients: ['各旗市区农牧和科技局', '市动物疫病预防控制中心'],
      publicity: '此件主动公开',
      attachments: ['2024年春季动物疫病集中免疫任务分解表', '春季集中免疫进度统计表'],
      outline: ['一、', '二、', '三、', '四、'],
      children: {
        '一、': ['（一）', '（二）'],
        '一、/（一）': ['1.', '2.'],
        '一、/（二）': ['1.', '2.'],
        '一、/（二）/2.': ['（1）', '（2）'],
        // The attachment list (附件：1. … 2. …) is not part of the outline.
        '四、': [],
      },
    },
  ]);

  checkClean(file);
  checkAccounting(file);
});

// ---------------------------------------------------------------------------------------------
// 3. Traditional characters (繁體), hard-wrapped at ~40, date in Chinese numerals.
// ---------------------------------------------------------------------------------------------
describe('document in traditional characters', () => {
  const file = 'traditional-notice.txt';

  it(`${file}: kind`, () => {
    expect(load(file).result.kind).toBe('document');
  });

  checkDocuments(file, [
    {
      docNumber: '鄂府办发〔2024〕27号',
      title: '鄂尔多斯市人民政府办公室关于印发鄂尔多斯市2024年优化营商环境重点任务清单的通知',
      issuer: ['鄂尔多斯市人民政府办公室'],
      date: '2024-06-03',
      recipients: ['各旗区人民政府', '市人民政府各部门', '各直属机构'],
      publicity: '此件公开发布',
      attachments: [],
      outline: ['一、', '二、', '三、'],
      children: { '一、': ['（一）', '（二）'], '二、': ['（一）', '（二）'] },
    },
  ]);

  it(`${file}: every string of the output is simplified Chinese`, () => {
    const { result } = load(file);
    const d = result.documents[0];
    expect(d?.outline.map((n) => n.heading)).toEqual(['提升政务服务效能', '优化市场准入环境', '强化法治保障']);
    const traditionalOnly = /[爾辦關於發號區門屬經現將們請實際貫徹點務網開產動規監場礙競爭類營參與設條標問責權暢訴舉損環導]/;
    const { accounting: _accounting, ...output } = result;
    expect(JSON.stringify(output)).not.toMatch(traditionalOnly);
  });

  checkClean(file);
  checkAccounting(file);
});

// ---------------------------------------------------------------------------------------------
// 4. A compilation whose headings (三、华东 / （一）上海 / 1. …（date）) collide with the
//    documents' own 一、（一）1. outline; page markers inside titles and words.
// ---------------------------------------------------------------------------------------------
describe('compilation with regional headings', () => {
  const file = 'compilation-regions.txt';

  it(`${file}: kind`, () => {
    const { result } = load(file);
    expect(result.kind).toBe('compilation');
    expect(result.issue).toBeNull();
  });

  checkDocuments(file, [
    {
      docNumber: '沪府发〔2024〕3号',
      title: '上海市人民政府关于印发《上海市促进低空经济产业高质量发展行动方案（2024—2026年）》的通知',
      issuer: ['上海市人民政府'],
      date: '2024-01-05',
      recipients: ['各区人民政府', '市政府各委、办、局'],
      publicity: '此件公开发布',
      groups: ['三、华东', '（一）上海'],
      outline: ['一、', '二、', '三、'],
      // Numbering of measures runs on across sections: （一）1. 2. （二）3. 4.
      children: { '二、': ['（一）', '（二）'], '二、/（一）': ['1.', '2.'], '二、/（二）': ['3.', '4.'], '三、': ['（一）', '（二）'] },
    },
    {
      docNumber: '沪府办发〔2024〕9号',
      title: '上海市人民政府办公厅关于进一步做好稳就业工作的通知',
      issuer: ['上海市人民政府办公厅'],
      date: '2024-02-08',
      recipients: ['各区人民政府', '市政府各委、办、局'],
      publicity: '此件主动公开',
      groups: ['三、华东', '（一）上海'],
      outline: ['一、', '二、', '三、'],
    },
    {
      docNumber: '苏政发〔2024〕12号',
      title: '江苏省人民政府关于加快建设现代化海洋牧场的意见',
      issuer: ['江苏省人民政府'],
      date: '2024-03-01',
      recipients: ['各设区市人民政府', '省各委办厅局', '省各直属单位'],
      publicity: null,
      groups: ['三、华东', '（二）江苏'],
      outline: ['一、', '二、', '三、'],
      children: { '二、': ['（一）', '（二）'] },
    },
    {
      docNumber: '鄂政办发〔2024〕7号',
      title: '湖北省人民政府办公厅关于印发湖北省县域商业体系建设实施方案的通知',
      issuer: ['湖北省人民政府办公厅'],
      date: '2024-03-15',
      recipients: ['各市、州、县人民政府', '省政府各部门'],
      publicity: null,
      groups: ['四、华中', '（一）湖北'],
      outline: ['一、', '二、', '三、', '四、'],
    },
  ]);

  it(`${file}: compilation headings never enter a document's outline`, () => {
    const { result } = load(file);
    const headings = new Set(['三、华东', '（一）上海', '（二）江苏', '四、华中', '（一）湖北']);
    for (const d of result.documents) {
      const leaked = allNodes(d.outline).filter((n) => headings.has(`${n.label}${n.heading}`) || (/^\d+\.$/.test(n.label) && /关于.*（\d{4}年/.test(n.heading)));
      expect(leaked.map((n) => `${n.label}${n.heading}`), d.docNumber ?? d.title).toEqual([]);
    }
  });

  checkClean(file);
  checkAccounting(file);
});

describe('compilation with an entry that has no 文号', () => {
  const file = 'compilation-unnumbered-item.txt';

  it(`${file}: kind`, () => {
    expect(load(file).result.kind).toBe('compilation');
  });

  checkDocuments(file, [
    {
      docNumber: '陕政发〔2024〕6号',
      title: '陕西省人民政府关于促进民营经济发展壮大的若干措施',
      issuer: ['陕西省人民政府'],
      date: '2024-04-02',
      recipients: ['各设区市人民政府', '省人民政府各工作部门', '各直属机构'],
      publicity: null,
      groups: ['五、西北', '（一）陕西'],
      outline: ['一、', '二、'],
    },
    {
      // The compilation's heading (2. …的通知（date）) is the document's title; the compiler printed no 文号.
      docNumber: null,
      title: '陕西省人民政府办公厅关于做好2024年高校毕业生等青年就业创业工作的通知',
      issuer: ['陕西省人民政府办公厅'],
      date: '2024-04-18',
      recipients: ['各设区市人民政府', '省人民政府各工作部门', '各直属机构'],
      publicity: null,
      groups: ['五、西北', '（一）陕西'],
      outline: ['一、', '二、', '三、'],
    },
    {
      docNumber: '甘政办发〔2024〕21号',
      title: '甘肃省人民政府办公厅关于加强县域医疗卫生服务能力建设的实施意见',
      issuer: ['甘肃省人民政府办公厅'],
      date: '2024-05-10',
      recipients: ['各市州人民政府', '兰州新区管委会', '省政府有关部门'],
      publicity: null,
      groups: ['五、西北', '（二）甘肃'],
      outline: ['一、', '二、', '三、'],
    },
  ]);

  checkClean(file);
  checkAccounting(file);
});

// ---------------------------------------------------------------------------------------------
// 5. Two-column scrambles in document heads, hard-wrapped at ~20 characters: a notice piece
//    after the recipients' colon, on its own line after the recipients, and between the two
//    recipient lines. Also a league gazette masthead and a 大事记 in the 兴安盟 style.
// ---------------------------------------------------------------------------------------------
describe('league gazette with two-column scrambles (锡林郭勒盟行政公署公报)', () => {
  const file = 'gazette-xilingol-scrambled.txt';
  const recipients = ['各旗县市（区）人民政府', '盟直各委、办、局', '各有关企业'];

  it(`${file}: kind and masthead`, () => {
    const { result } = load(file);
    expect(result.kind).toBe('gazette');
    const { toc: _toc, ...masthead } = result.issue!;
    expect(masthead).toEqual({ title: '锡林郭勒盟行政公署公报', year: 2024, number: 2, cumulative: 86, printed: '2024-07-05', publisher: '锡林郭勒盟行政公署办公室' });
  });

  it(`${file}: table of contents`, () => {
    const toc = load(file).result.issue?.toc ?? [];
    expect(toc.slice(0, 3).map((e) => ({ section: e.section, title: e.title, page: e.page }))).toEqual([
      { section: '行政公署文件', title: '锡林郭勒盟行政公署关于印发锡林郭勒盟2024年草原生态保护补助奖励政策实施方案的通知', page: 1 },
      { section: '行政公署办公室文件', title: '锡林郭勒盟行政公署办公室关于印发锡林郭勒盟牧区现代化试点建设工作方案的通知', page: 6 },
      { section: '行政公署办公室文件', title: '锡林郭勒盟行政公署办公室关于印发《关于支持民营企业高质量发展的若干措施》的通知', page: 11 },
    ]);
  });

  checkDocuments(file, [
    {
      // Piece after the colon: "…各有关企业：真抓实干，确保取得实效。"
      docNumber: '锡署发〔2024〕11号',
      title: '锡林郭勒盟行政公署关于印发锡林郭勒盟2024年草原生态保护补助奖励政策实施方案的通知',
      issuer: ['锡林郭勒盟行政公署'],
      date: '2024-03-18',
      recipients,
      publicity: '此件公开发布',
      attachments: [],
      outline: ['一、', '二、', '三、'],
    },
    {
      // Piece on its own line after the recipients; the date comes after the body.
      docNumber: '锡署办发〔2024〕19号',
      title: '锡林郭勒盟行政公署办公室关于印发锡林郭勒盟牧区现代化试点建设工作方案的通知',
      issuer: ['锡林郭勒盟行政公署办公室'],
      date: '2024-04-12',
      recipients,
      publicity: '此件公开发布',
      attachments: [],
      outline: ['一、', '二、', '三、'],
      children: { '二、': ['（一）', '（二）'] },
    },
    {
      // Piece between the two recipient lines.
      docNumber: '锡署办发〔2024〕23号',
      title: '锡林郭勒盟行政公署办公室关于印发《关于支持民营企业高质量发展的若干措施》的通知',
      issuer: ['锡林郭勒盟行政公署办公室'],
      date: '2024-05-09',
      recipients,
      publicity: '此件公开发布',
      attachments: [],
      outline: ['一、', '二、'],
      children: { '一、': ['1.', '2.'], '二、': ['3.', '4.'] },
    },
  ]);

  it(`${file}: running headers are dropped as layout`, () => {
    const { raw, result } = load(file);
    const dropped = droppedLines(result);
    for (const n of linesEqual(raw, '锡林郭勒盟行政公署公报').slice(1)) expect(dropped.has(n), `line ${n}`).toBe(true);
  });

  it(`${file}: no personnel section, no personnel decisions`, () => {
    expect(load(file).result.appointments).toEqual([]);
  });

  checkChronicle(file, [
    // "4月12日前…" at the start of a wrapped line is not a new entry.
    { date: '2024-04-02', startsWith: '上午，参加全区草原保护' },
    { date: '2024-04-03', startsWith: '参加盟委理论学习中心组' },
    // A dated paragraph without the bullet is an entry of its own (as in 兴安盟's 大事记).
    { date: '2024-04-03', startsWith: '盟委副书记、盟长巴特尔' },
    { date: '2024-04-08', endDate: '2024-04-10', startsWith: '带队赴北京市对接中央' },
    { date: '2024-05-06', startsWith: '下午，召开行署2024年' },
    { date: '2024-06-28', startsWith: '全盟防汛抗旱工作会议' },
  ]);

  it(`${file}: an entry keeps its wrapped lines and its undated follow-up paragraph`, () => {
    const { result } = load(file);
    expect(result.chronicle.find((c) => c.date === '2024-04-02')?.text).toContain('研究部署4月12日前的春季防火重点工作');
    expect(result.chronicle.find((c) => c.date === '2024-05-06')?.text).toContain('会后，召开行署党组会议');
  });

  checkClean(file);
  checkAccounting(file);
});

// ---------------------------------------------------------------------------------------------
// 6. A document without a date: date null and a warning; dates inside sentences are not borrowed.
// ---------------------------------------------------------------------------------------------
describe('document without a date', () => {
  const file = 'no-date-notice.txt';

  it(`${file}: kind`, () => {
    expect(load(file).result.kind).toBe('document');
  });

  checkDocuments(file, [
    {
      docNumber: '巴应急发〔2024〕14号',
      title: '巴彦淖尔市应急管理局关于开展2024年度安全生产隐患排查治理专项行动的通知',
      issuer: ['巴彦淖尔市应急管理局'],
      date: null,
      recipients: ['各旗县区应急管理局', '市安委会有关成员单位', '各重点企业'],
      publicity: '此件依申请公开',
      attachments: [],
      outline: ['一、', '二、', '三、'],
      children: { '二、': ['（一）', '（二）', '（三）', '（四）'], '三、': ['（一）', '（二）'] },
    },
  ]);

  it(`${file}: the missing date is reported as a warning on the document`, () => {
    const { result } = load(file);
    const d = result.documents[0]!;
    const dateWarnings = result.warnings.filter((w) => /date/.test(w.code));
    expect(dateWarnings.length).toBeGreaterThan(0);
    expect(dateWarnings.some((w) => w.line !== undefined && w.line >= d.line && w.line <= d.endLine)).toBe(true);
  });

  checkClean(file);
  checkAccounting(file);
});

// ---------------------------------------------------------------------------------------------
// 7. A routed document: a 文件批办单 of the （政） channel in front of a red-header document
//    whose title follows the number (GB/T 9704).
// ---------------------------------------------------------------------------------------------
describe('routed document with a routing slip', () => {
  const file = 'routed-notice.txt';

  it(`${file}: kind`, () => {
    expect(load(file).result.kind).toBe('routed-document');
  });

  it(`${file}: routing slip fields`, () => {
    const slip = load(file).result.routingSlip;
    expect(slip).not.toBeNull();
    if (slip === null) return;
    expect.soft(slip.serial, 'serial').toBe('（政）57号');
    expect.soft(slip.fromUnit, 'fromUnit').toBe('乌海市人民政府办公室');
    expect.soft(slip.receivedOn, 'receivedOn').toBe('2024-04-16');
    expect.soft(slip.urgency, 'urgency').toBe('急');
    expect.soft(slip.docNumber, 'docNumber').toBe('乌海政办发〔2024〕12号');
    expect.soft(slip.secrecy, 'secrecy').toBeNull();
    expect.soft(slip.channel, 'channel').toBe('OA');
    expect.soft(slip.title, 'title').toBe('乌海市人民政府办公室关于印发《乌海市2024年大气污染防治工作要点》的通知');
    expect.soft(slip.leaderInstruction, 'leaderInstruction').toBe('请按拟办意见办理。');
    expect.soft(slip.officeOpinion, 'officeOpinion').toBeNull();
    expect.soft(slip.handler, 'handler').toBe('赵敏');
    expect.soft(slip.reviewer, 'reviewer').toBeNull();
    expect.soft(slip.office, 'office').toBe('综合办公室');
    expect.soft(slip.phone, 'phone').toBe('3126688');
    expect.soft(slip.proposal?.submitTo, 'proposal.submitTo').toEqual(['李国平']);
    expect.soft(slip.proposal?.circulateTo, 'proposal.circulateTo').toEqual(['班子成员']);
    expect.soft(slip.proposal?.lead, 'proposal.lead').toBe('生态环境分局');
    expect.soft(slip.proposal?.cooperating, 'proposal.cooperating').toEqual(['经济发展局', '建设管理局', '应急管理局']);
    expect.soft(slip.proposal?.action, 'proposal.action').toBe('制定工作措施');
  });

  checkDocuments(file, [
    {
      docNumber: '乌海政办发〔2024〕12号',
      title: '乌海市人民政府办公室关于印发《乌海市2024年大气污染防治工作要点》的通知',
      issuer: ['乌海市人民政府办公室'],
      date: '2024-04-10',
      recipients: ['各区人民政府', '市人民政府各部门', '各有关单位'],
      publicity: '此件公开发布',
      attachments: [],
      outline: ['一、', '二、', '三、'],
    },
  ]);

  checkClean(file);
  checkAccounting(file);
});
