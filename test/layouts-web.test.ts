// Layouts of other places, as web pages give them (issue 14, kinds 5 and 6): task tables that
// arrived flattened (one cell per line, pipe rows, cells that lost the separator between two
// units) and the heads of portal pages. The documents under test/fixtures/layouts/ were written by
// the team in those layouts, for invented cities and districts; the expectations are what a
// supervision office would enter in its ledger.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { splitCellUnits, splitFused } from '../src/extract/unit-list.ts';
import { parseText } from '../src/pipeline.ts';
import { rebuildFlatTables } from '../src/text/flat-tables.ts';
import { isPipeRule, pipeCells } from '../src/text/pipe-rows.ts';
import { splitLines } from '../src/text/lines.ts';
import { isFurniture, metaPairs } from '../src/parse/web-head.ts';
import type { Task } from '../src/types.ts';

const dir = join(import.meta.dirname, 'fixtures', 'layouts');
const parse = (file: string) => parseText(readFileSync(join(dir, file), 'utf8'), file);
const tasksOf = (file: string): Task[] => parse(file).documents.flatMap((d) => d.tasks);
const names = (units: Task['leads']) => units.map((u) => u.name);
/** A task as the ledger would take it: units by role, persons, deadline words, outline parent. */
const ledger = (t: Task) => ({
  path: t.path,
  leads: names(t.leads),
  responsible: names(t.responsible),
  cooperating: names(t.cooperating),
  leaders: t.leaders ?? [],
  deadline: t.deadline?.text ?? null,
});

describe('task tables flattened to one cell per line', () => {
  const title = '岚溪市2025年优化营商环境重点任务分工表';

  it('reads every numbered row as one task under its category row', () => {
    const tasks = tasksOf('table-cells.txt');
    expect(tasks.map((t) => t.text)).toEqual([
      '推行企业开办全程网上办理，开办时间压缩至1个工作日以内。',
      '建设“一件事”集成服务专区，新增高频事项20项。',
      '开展“标准地”出让改革，新增工业用地全部按标准地供应。',
      '设立中小企业应急转贷资金池，单笔转贷期限不超过30天。',
      '组织银企对接活动不少于12场。',
    ]);
    expect(ledger(tasks[0]!)).toEqual({ path: [title, '一、'], leads: ['市市场监管局'], responsible: ['市数据局', '市税务局'], cooperating: [], leaders: [], deadline: '2025年6月底前' });
    expect(tasks[0]!.deadline).toMatchObject({ kind: 'date', date: '2025-06-30' });
    expect(tasks.map((t) => t.path[1])).toEqual(['一、', '一、', '二、', '二、', '二、']);
    for (const t of tasks) expect(t.table).toBe(true);
  });

  it('joins a unit cell written one name per line, and keeps a row without a deadline', () => {
    const [, service, , fund, banks] = tasksOf('table-cells.txt');
    expect(ledger(service!)).toMatchObject({ leads: ['市数据局'], responsible: ['市司法局', '市人社局'], deadline: '2025年9月底前' });
    expect(ledger(fund!)).toMatchObject({ leads: ['市财政局'], responsible: ['市金融工作局', '各县区人民政府'], deadline: null });
    // The last row ends at the note under the table; neither the note nor the sentence after it is a row.
    expect(ledger(banks!)).toMatchObject({ leads: ['市金融工作局'], responsible: ['人民银行岚溪分行'], deadline: '2025年12月底前' });
  });

  it('reads a table without a number column, a row every as many lines as the header has cells', () => {
    const tasks = tasksOf('table-plain-cells.txt');
    expect(tasks.map(ledger)).toEqual([
      { path: ['楠川县2025年农村人居环境整治工作任务清单'], leads: [], responsible: ['县农业农村局'], cooperating: ['县卫健局', '各乡镇人民政府'], leaders: [], deadline: '2025年10月底前' },
      { path: ['楠川县2025年农村人居环境整治工作任务清单'], leads: [], responsible: ['县住建局'], cooperating: ['县财政局', '县生态环境局'], leaders: [], deadline: '2025年11月底前' },
      { path: ['楠川县2025年农村人居环境整治工作任务清单'], leads: [], responsible: ['各乡镇人民政府'], cooperating: ['县农业农村局'], leaders: [], deadline: '长期坚持' },
    ]);
  });

  it('leaves header words in prose alone: no table without a text column and a unit column', () => {
    const lines = splitLines(['序号', '工作任务', '完成时限', '1', '做好宣传。', '2025年底前'].join('\n')).lines;
    expect(rebuildFlatTables(lines).every((l) => l.cells === null)).toBe(true);
  });
});

describe('Markdown and pipe tables', () => {
  it('reads pipe rows with and without the rule line, category rows and a 责任领导 column', () => {
    const tasks = tasksOf('table-pipes.txt');
    expect(tasks).toHaveLength(5);
    const table = '梧岭区2025年民生实事责任分解表';
    expect(ledger(tasks[0]!)).toEqual({ path: [table, '一、'], leads: ['区教育局'], responsible: ['区住建局', '区自然资源分局'], cooperating: [], leaders: ['周某'], deadline: '2025年8月底前' });
    expect(ledger(tasks[1]!)).toMatchObject({ leaders: ['周某', '吴某'], responsible: ['区财政局', '区住建局'] });
    expect(ledger(tasks[2]!)).toEqual({ path: [table, '二、'], leads: ['区住建局'], responsible: ['区城管局', '区民政局', '各街道办事处'], cooperating: [], leaders: ['郑某'], deadline: '2025年11月底前' });
    expect(ledger(tasks[3]!)).toEqual({ path: ['梧岭区2025年重点项目推进表'], leads: ['区住建局'], responsible: [], cooperating: ['区水务局', '区城管局'], leaders: [], deadline: '2025年9月底前' });
    expect(names(tasks[4]!.cooperating)).toEqual(['区公安分局交警大队']);
    for (const t of tasks) for (const u of [...t.leads, ...t.responsible, ...t.cooperating]) expect(u.name).not.toMatch(/某/);
  });

  it('drops the rule line and keeps text with a bar inside as text', () => {
    const split = splitLines('| 序号 | 任务 |\n|---|:---:|\n甲|乙两项');
    expect(split.dropped.map((d) => d.reason)).toEqual(['table-rule']);
    expect(split.lines.map((l) => l.cells)).toEqual([['序号', '任务'], null]);
    expect(pipeCells('| 一、城市更新 |')).toEqual([' 一、城市更新 ']);
    expect(pipeCells('|甲|')).toBeNull();
  });
});

describe('cells that lost the separator between two units', () => {
  it('splits where one name is complete and the next starts with the same level', () => {
    expect(splitFused('市财政局市审计局')).toEqual(['市财政局', '市审计局']);
    expect(splitFused('市委宣传部市委网信办')).toEqual(['市委宣传部', '市委网信办']);
    expect(splitFused('区城管局区民政局各街道办事处')).toEqual(['区城管局', '区民政局', '各街道办事处']);
    expect(splitFused('市发展和改革委员会市统计局')).toEqual(['市发展和改革委员会', '市统计局']);
    expect(splitCellUnits('县财政局县生态环境局 县水利局').map((u) => u.name)).toEqual(['县财政局', '县生态环境局', '县水利局']);
  });

  it('never cuts a single name', () => {
    for (const name of ['市人民政府办公室', '市场监督管理局', '市财政局市场监督管理局', '区公安分局交警大队', '市住房和城乡建设局', '市委政法委员会', '县人民政府']) {
      expect(splitFused(name)).toEqual([name]);
    }
  });
});

describe('flattened tables stay linear', () => {
  it('reads long pathological input in bounded time', () => {
    const timed = (run: () => unknown) => {
      const started = performance.now();
      run();
      return performance.now() - started;
    };
    expect(timed(() => isPipeRule('|' + '-|'.repeat(200_000) + 'x|'))).toBeLessThan(1500);
    expect(timed(() => splitFused('市' + '财政局市'.repeat(50_000)))).toBeLessThan(1500);
    expect(timed(() => splitLines('|' + ' a |'.repeat(100_000)))).toBeLessThan(1500);
    const cells = ['序号', '重点任务', '牵头单位', '责任单位', '完成时限', ...Array.from({ length: 5_000 }, (_, k) => (k % 5 === 0 ? String(k / 5 + 1) : '市财政局'))];
    expect(timed(() => parseText(cells.join('\n'), 'cells.txt'))).toBeLessThan(5000);
    const headers = Array.from({ length: 20_000 }, () => '责任单位').join('\n');
    expect(timed(() => parseText(headers, 'headers.txt'))).toBeLessThan(5000);
  });
});

describe('web page heads', () => {
  const only = (file: string) => {
    const result = parse(file);
    expect(result.documents).toHaveLength(1);
    expect(result.warnings.map((w) => w.code)).not.toContain('document-fragment');
    expect(result.accounting.unplaced).toEqual([]);
    return result.documents[0]!;
  };

  it('finds the document under breadcrumbs, a metadata block one label a line and the title repeated', () => {
    const doc = only('web-meta-lines.txt');
    expect({ docNumber: doc.docNumber, title: doc.title, issuer: doc.issuer, date: doc.date }).toEqual({
      docNumber: '霁政办发〔2025〕23号',
      title: '霁川市人民政府办公室关于印发霁川市2025年数字政府建设工作要点的通知',
      issuer: ['霁川市人民政府办公室'],
      date: '2025-05-12',
    });
    expect(doc.recipients).toEqual(['各县区人民政府', '市政府各部门']);
    expect(doc.tasks.map((t) => ledger(t))).toEqual([
      { path: ['一、', '1.'], leads: ['市数据局'], responsible: ['市财政局', '各县区人民政府'], cooperating: [], leaders: [], deadline: '年底前' },
      { path: ['一、', '2.'], leads: [], responsible: ['市数据局', '市通信发展管理办公室'], cooperating: [], leaders: [], deadline: null },
      { path: ['二、', '3.'], leads: ['市数据局'], responsible: [], cooperating: ['市公安局', '市人社局'], leaders: [], deadline: '年内' },
    ]);
    // The furniture under the text is no part of it.
    expect(JSON.stringify(doc.outline)).not.toMatch(/打印|扫一扫|关闭/);
  });

  it('takes the 文号 from a metadata line of several pairs when the text prints none', () => {
    const doc = only('web-meta-inline.txt');
    expect({ docNumber: doc.docNumber, title: doc.title, issuer: doc.issuer, date: doc.date }).toEqual({
      docNumber: '松建发〔2025〕14号',
      title: '松溆县住房和城乡建设局关于开展2025年城镇燃气安全专项整治的通知',
      issuer: ['松溆县住房和城乡建设局'],
      date: '2025-07-08',
    });
    expect(doc.recipients).toEqual(['各乡镇人民政府', '县直有关单位', '各燃气经营企业']);
    expect(doc.tasks.map((t) => names(t.responsible))).toEqual([['县住建局', '县市场监管局', '各乡镇人民政府'], []]);
    expect(doc.tasks[0]!.text).toBe('全面排查用户端隐患。对餐饮等公共场所燃气使用情况开展全覆盖检查，9月底前完成隐患整改。');
  });

  it('reads a metadata table (文号 无) and takes the issuer from the signature', () => {
    const doc = only('web-meta-table.txt');
    expect({ docNumber: doc.docNumber, title: doc.title, issuer: doc.issuer, date: doc.date }).toEqual({
      docNumber: null,
      title: '关于做好2025年汛期安全防范工作的通知',
      issuer: ['澄湾区应急管理局'],
      date: '2025-06-03',
    });
    expect(doc.recipients).toEqual(['各街道办事处', '区防指各成员单位']);
    expect(doc.tasks.map(ledger)).toEqual([
      { path: ['一、'], leads: [], responsible: ['各街道办事处'], cooperating: [], leaders: [], deadline: '6月10日前' },
      { path: ['二、'], leads: ['区应急管理局'], responsible: [], cooperating: ['区住建局', '区水务局'], leaders: [], deadline: null },
    ]);
  });

  it('keeps a title that names no 文种 to its line, with the issuer only in the signature', () => {
    const doc = only('web-signature.txt');
    expect({ docNumber: doc.docNumber, title: doc.title, issuer: doc.issuer, date: doc.date }).toEqual({
      docNumber: null,
      title: '枫泾区第一批区级非物质文化遗产代表性项目名录公示',
      issuer: ['枫泾区文化和旅游局'],
      date: '2025-03-18',
    });
    expect(doc.recipients).toEqual(['各街道办事处', '区直有关单位']);
    expect(doc.tasks.map((t) => ledger(t).cooperating)).toEqual([[], ['区财政局']]);
  });

  it('gives each page of a file of several pages its own head', () => {
    const result = parse('web-two-pages.txt');
    const docs = result.documents;
    expect(docs.map((d) => [d.docNumber, d.date, d.line, d.endLine])).toEqual([
      ['岚政办发〔2025〕30号', '2025-08-01', 1, 9],
      // The second breadcrumb repeats the first: it is dropped as a running header (line 10).
      ['岚政办发〔2025〕33号', '2025-08-12', 11, 18],
    ]);
    expect(result.accounting.dropped).toContainEqual({ reason: 'running-header', lines: [10] });
    expect(result.accounting.unplaced).toEqual([]);
    expect(docs.map((d) => d.tasks.map((t) => ledger(t).leads.concat(ledger(t).responsible)))).toEqual([[['市教育局']], [['市水务局', '各县区人民政府']]]);
    expect(JSON.stringify(docs[0]!.outline)).not.toMatch(/索引号|首页/);
  });

  it('reads label/value pairs and furniture, and nothing else, as the page’s', () => {
    expect(Object.fromEntries(metaPairs('索引号：MB1/2025-01 主题分类：城乡建设 发文字号：无 有效性：有效')!)).toEqual({ 索引号: 'MB1/2025-01', 主题分类: '城乡建设', 发文字号: '无', 有效性: '有效' });
    expect(metaPairs('加强组织领导：各单位要高度重视。')).toBeNull();
    // The catalogue as a page's grid copied with its bars, inside a line or as a pipe row.
    const barred = splitLines('索引号: | 11341602MB/202504-00328 | 信息分类: | 规范性文件 |\n| 发布机构： | 某区人民政府办公室 | 发文字号： | 无 |').lines;
    expect(barred.map((l) => Object.fromEntries(metaPairs(l.text)!))).toEqual([
      { 索引号: '11341602MB/202504-00328', 信息分类: '规范性文件' },
      { 发布机构: '某区人民政府办公室', 发文字号: '无' },
    ]);
    expect(isFurniture('【字体：大 中 小】 【打印本页】 【关闭窗口】')).toBe(true);
    expect(isFurniture('打印本页　关闭窗口')).toBe(true);
    expect(isFurniture('关闭违规企业12家')).toBe(false);
    const started = performance.now();
    isFurniture('打印'.repeat(40));
    metaPairs('索引号：' + '文号：'.repeat(100_000));
    expect(performance.now() - started).toBeLessThan(1500);
  });
});
