// Layouts of other places (issue 14): responsibility written on lines of its own, persons named
// beside units, inline clauses with several groups, damaged text. The documents under
// test/fixtures/layouts/ were written by the team in those layouts, for invented cities and
// districts; the expectations are what a supervision office would enter in its ledger.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findClauses } from '../src/extract/clause.ts';
import { splitUnitList } from '../src/extract/unit-list.ts';
import { dropReadings } from '../src/text/chars.ts';
import { parseText } from '../src/pipeline.ts';
import type { Task } from '../src/types.ts';

const dir = join(import.meta.dirname, 'fixtures', 'layouts');
const tasksOf = (file: string): Task[] => parseText(readFileSync(join(dir, file), 'utf8'), file).documents.flatMap((d) => d.tasks);
const names = (units: Task['leads']) => units.map((u) => u.name);
/** A task as the ledger would take it: units by role, persons, deadline words. */
const ledger = (t: Task) => ({
  leads: names(t.leads),
  responsible: names(t.responsible),
  cooperating: names(t.cooperating),
  leaders: t.leaders ?? [],
  deadline: t.deadline?.text ?? null,
});

describe('responsibility on lines of its own after the measure', () => {
  it('reads 牵头单位 / 责任单位 / 配合单位 / 完成时限 lines under one measure as one task', () => {
    const tasks = tasksOf('label-lines.txt');
    expect(tasks.map((t) => t.path)).toEqual([['一、', '1.'], ['一、', '2.'], ['二、', '3.'], ['二、', '4.'], ['三、', '（一）'], ['三、', '（二）'], ['四、'], ['四、']]);
    expect(ledger(tasks[0]!)).toEqual({ leads: ['市发展改革委'], responsible: ['市市场监管局', '市司法局', '各区县人民政府'], cooperating: [], leaders: [], deadline: '2025年6月底前' });
    expect(tasks[0]!.deadline).toMatchObject({ kind: 'date', date: '2025-06-30' });
    expect(ledger(tasks[1]!)).toEqual({ leads: ['市市场监管局'], responsible: [], cooperating: ['市数据局', '市税务局'], leaders: [], deadline: '长期坚持' });
    expect(names(tasks[2]!.responsible)).toEqual(['市金融工作局', '人民银行云岫分行']);
    expect(names(tasks[3]!.responsible)).toEqual(['市财政局', '市金融工作局']);
    // The task's text is the measure alone: no label, no unit list glued to it.
    expect(tasks[0]!.text).toBe('全面落实市场准入负面清单制度，清理妨碍公平竞争的规定和做法。');
    for (const t of tasks) expect(t.text).not.toMatch(/单位[：:]|完成时限/);
  });

  it('takes the units from the line under a label left alone on its line (责任单位：)', () => {
    const [, , , , land] = tasksOf('label-lines.txt');
    expect(names(land!.responsible)).toEqual(['市自然资源局', '各区县人民政府']);
    expect(land!.text.endsWith('优先安排新增建设用地指标。')).toBe(true);
  });

  it('splits labels written on one line with spaces between them', () => {
    const energy = tasksOf('label-lines.txt')[5]!;
    expect(ledger(energy)).toEqual({ leads: ['市发展改革委'], responsible: ['市工业和信息化局', '国网云岫供电公司'], cooperating: [], leaders: [], deadline: '2025年底前' });
  });

  it('closes one task per unnumbered measure when a 责任单位 line follows each', () => {
    const [talk, award] = tasksOf('label-lines.txt').slice(6);
    expect(talk!.text.endsWith('定期召开民营企业家座谈会，听取意见建议。')).toBe(true);
    expect(names(talk!.responsible)).toEqual(['市工商联']);
    expect(award!.text).toBe('开展优秀民营企业评选表彰活动，宣传一批先进典型。');
    expect(ledger(award!)).toMatchObject({ responsible: ['市委宣传部', '市工商联'], deadline: '2025年9月底前' });
  });

  it('keeps hard-wrapped label lines together and the next label apart', () => {
    const tasks = tasksOf('label-lines-wrapped.txt');
    expect(tasks).toHaveLength(4);
    expect(ledger(tasks[0]!)).toEqual({ leads: ['区住建局'], responsible: ['区发展改革委', '区财政局', '区城管局', '各街道办事处'], cooperating: [], leaders: [], deadline: '2025年11月底前' });
    expect(tasks[0]!.text.endsWith('改造后小区物业管理覆盖率达到百分之百。')).toBe(true);
    expect(ledger(tasks[1]!)).toEqual({ leads: ['区住建局'], responsible: [], cooperating: ['区自然资源分局', '区市场监管局', '区消防救援大队'], leaders: [], deadline: '2025年12月底前' });
    expect(names(tasks[2]!.responsible)).toEqual(['区城管局', '区民政局', '区商务局', '各街道办事处']);
    expect(names(tasks[3]!.responsible)).toEqual(['区城管局', '各街道办事处']);
  });
});

describe('clauses that name persons beside units', () => {
  it('keeps 责任领导 and its kin on the task, apart from the units', () => {
    const tasks = tasksOf('leaders.txt');
    expect(tasks).toHaveLength(4);
    expect(ledger(tasks[0]!)).toEqual({
      leads: ['区发改局'],
      responsible: ['区财政局', '区统计局', '各镇人民政府', '街道办事处'],
      cooperating: [],
      leaders: ['王某某', '赵某'],
      deadline: null,
    });
    expect(ledger(tasks[1]!)).toEqual({ leads: ['区投资促进中心'], responsible: [], cooperating: ['区商务局'], leaders: ['孙某'], deadline: '2025年12月底前' });
    for (const t of tasks) for (const u of [...t.leads, ...t.responsible, ...t.cooperating]) expect(u.name).not.toMatch(/某|领导/);
  });

  it('reads a 责任领导 line under the measure with the label lines after it', () => {
    const jobs = tasksOf('leaders.txt')[2]!;
    expect(jobs.text).toBe('新增城镇就业4000人，城镇调查失业率控制在5.5%以内。');
    expect(ledger(jobs)).toEqual({ leads: ['区人社局'], responsible: ['区教育局', '区财政局'], cooperating: [], leaders: ['周某'], deadline: null });
  });

  it('reads inline roles after a person label in the same clause', () => {
    const schools = tasksOf('leaders.txt')[3]!;
    expect(ledger(schools)).toEqual({ leads: ['区教育局'], responsible: [], cooperating: ['区住建局', '区自然资源分局'], leaders: ['吴某', '郑某'], deadline: null });
  });

  it('has no leaders field where the text names none', () => {
    for (const t of tasksOf('label-lines.txt')) expect(t).not.toHaveProperty('leaders');
  });

  it('does not read a sentence about leadership as a person label', () => {
    expect(findClauses('加强组织领导：各单位要高度重视。')).toEqual([]);
  });
});

describe('inline clauses with several groups', () => {
  it('gives groups written before their verb the verb’s role', () => {
    const [toilets, sewage, villages] = tasksOf('inline-groups.txt');
    expect(ledger(toilets!)).toEqual({ leads: ['县农业农村局'], responsible: [], cooperating: ['县卫健局', '县住建局等部门', '各乡镇人民政府'], leaders: [], deadline: '2025年10月底前' });
    expect(ledger(sewage!)).toEqual({
      leads: ['县生态环境局'],
      responsible: [],
      cooperating: ['县水利局', '县财政局', '县住建局', '县自然资源局等部门', '各乡镇人民政府'],
      leaders: [],
      deadline: null,
    });
    expect(ledger(villages!)).toMatchObject({ responsible: ['县农业农村局', '县住建局', '县交通运输局', '县文旅局', '各乡镇人民政府'] });
    expect(sewage!.text).toBe('加快农村生活污水治理。完成15个行政村生活污水治理任务，治理设施正常运行率达到90%以上。');
  });

  it('leaves a bracket alone when names are left without a verb or a part is no unit', () => {
    expect(findClauses('给予补助（县财政局牵头，县农业农村局、县住建局）。')).toEqual([]);
    expect(findClauses('推进试点（县财政局牵头，覆盖全部行政村，各乡镇配合）。')).toEqual([]);
  });
});

describe('damaged text', () => {
  it('reads a deadline inside a labelled clause as the deadline, never as a unit', () => {
    const tasks = tasksOf('damaged.txt');
    expect(tasks).toHaveLength(4);
    expect(ledger(tasks[0]!)).toMatchObject({ responsible: ['市教育局'], deadline: '长期推进' });
    expect(ledger(tasks[1]!)).toMatchObject({ responsible: ['市教育局', '市财政局'], deadline: '6月底完成' });
    expect(tasks[1]!.deadline).toMatchObject({ kind: 'date', date: '2025-06-30' });
    expect(ledger(tasks[3]!)).toMatchObject({ responsible: ['市教育局', '市财政局', '各区县人民政府'], deadline: '持续推进' });
    for (const t of tasks) for (const u of t.responsible) expect(u.name).not.toMatch(/推进|完成|月底/);
    const deadline = (words: string) => findClauses(`甲。（责任单位：市教育局，${words}）`)[0]!;
    for (const words of ['年底前完成', '2025年上半年完成', '第三季度末前完成', '2025—2027年', '长期']) {
      expect(deadline(words)).toMatchObject({ deadline: words, responsible: [expect.objectContaining({ name: '市教育局' })] });
    }
  });

  it('splits units joined by 及, 和, 以及 but never a name with 和 inside', () => {
    const list = (text: string) => splitUnitList(text).map((u) => u.name);
    expect(list('市财政局及市税务局')).toEqual(['市财政局', '市税务局']);
    expect(list('市财政局及税务局')).toEqual(['市财政局', '市税务局']);
    expect(list('各乡镇人民政府以及县直有关部门')).toEqual(['各乡镇人民政府', '县直有关部门']);
    expect(list('住房和城乡建设局、工业和信息化局')).toEqual(['住房和城乡建设局', '工业和信息化局']);
    expect(list('市财政局和工业和信息化局')).toEqual(['市财政局', '市工业和信息化局']);
    expect(list('县文化和旅游局及县体育中心')).toEqual(['县文化和旅游局', '县体育中心']);
    expect(list('各级党委和政府')).toEqual(['各级党委和政府']);
    const [, , industry] = tasksOf('damaged.txt');
    expect(ledger(industry!)).toMatchObject({ leads: ['市教育局'], responsible: ['市人社局', '市工业和信息化局', '云岫经开区管委会'], deadline: '2025年12月底前' });
  });

  it('drops pinyin readings inside words, also in the 文号 and the recipients', () => {
    const doc = parseText(readFileSync(join(dir, 'damaged.txt'), 'utf8'), 'damaged.txt').documents[0]!;
    expect(doc.docNumber).toBe('云政办发〔2025〕12号');
    expect(doc.recipients).toEqual(['各区县人民政府', '云岫经开区管委会', '市政府各部门']);
    expect(doc.tasks[2]!.text).toBe('深化产教融合，推动职业院校与经开区企业共建实训基地。');
    expect(dropReadings('地区生产总值(GDP)增长6%，用好政务服务(app)')).toBe('地区生产总值(GDP)增长6%，用好政务服务(app)');
    expect(dropReadings('區(qū)域 經（jīng）开区 发(fā)')).toBe('區域 經开区 发');
  });
});

describe('role rules written in the text', () => {
  const tasks = () => tasksOf('role-rules.txt');

  it('makes the first unit the lead where a clause says so, and for later tasks after 下同', () => {
    const [first, second] = tasks();
    expect(ledger(first!)).toMatchObject({ leads: ['市数据局'], responsible: ['市司法局', '市人社局'], cooperating: [] });
    expect(ledger(second!)).toMatchObject({ leads: ['市数据局'], responsible: ['市市场监管局'] });
  });

  it('gives each unit of X、Y分别牵头 the lead', () => {
    expect(ledger(tasks()[2]!)).toMatchObject({ leads: ['市司法局', '市市场监管局'], responsible: [], cooperating: ['各区县人民政府'] });
  });

  it('applies a note of its own (注：…排在首位的为牵头单位，其他为配合单位) to the tasks after it, and keeps it out of their text', () => {
    const [, , , supervise] = tasks();
    expect(ledger(supervise!)).toMatchObject({ leads: ['市司法局'], responsible: [], cooperating: ['市公安局', '市市场监管局'] });
    expect(supervise!.text).toBe('开展涉企行政执法专项监督，纠正违规执法行为。');
  });

  it('carries a group followed by 下同 to the later tasks', () => {
    const [, , , , compliance, ip] = tasks();
    expect(ledger(compliance!)).toMatchObject({ leads: ['市检察院'], responsible: [], cooperating: ['市工商联', '各区县人民政府'] });
    expect(ledger(ip!)).toMatchObject({ leads: ['市市场监管局'], responsible: ['各区县人民政府'], cooperating: ['市中级法院'] });
  });

  it('applies a rule noted under a table to its rows, and not to the tasks after the table', () => {
    const [care, market, report] = tasksOf('role-rule-table.txt');
    expect(ledger(care!)).toMatchObject({ leads: ['区卫健局'], responsible: ['区教育局', '各街道办事处'], deadline: '2025年11月底前' });
    expect(ledger(market!)).toMatchObject({ leads: ['区商务局'], responsible: ['区市场监管局'] });
    expect(ledger(report!)).toMatchObject({ leads: [], responsible: ['区政府督查室', '区发改局'] });
    // Text written before the table is no part of the task after it.
    expect(report!.text).toBe('区政府将每季度对项目进展情况进行通报。');
  });

  it('never keeps a rule’s words as a unit', () => {
    for (const t of tasks()) for (const u of [...t.leads, ...t.responsible, ...t.cooperating]) expect(u.name).not.toMatch(/第一|首位|牵头|下同|其他/);
  });
});

describe('clauses stay linear', () => {
  // Not timed (timed assertions do not belong in tests): the lines are long enough that a
  // quadratic reading would not finish, and what is read must still lie inside the line.
  it('reads a long pathological line through, each clause inside it', () => {
    const runs = [
      '（责任单位：' + '市财政局、'.repeat(20_000) + '）',
      '责任单位：' + '牵头'.repeat(50_000),
      '（' + '责任领导：'.repeat(20_000),
      '（X牵头，' + 'Y、'.repeat(30_000) + 'Z配合）',
      '责任单位：市' + '　'.repeat(50_000) + '责任单位：',
      '（责任单位：' + '市财政局和'.repeat(20_000) + '市税务局）',
    ];
    for (const text of runs) {
      for (const c of findClauses(text)) {
        expect(c.start).toBeGreaterThanOrEqual(0);
        expect(c.end).toBeGreaterThan(c.start);
        expect(c.end).toBeLessThanOrEqual(text.length);
      }
    }
    const readings = '发(fā' + '(fā'.repeat(50_000);
    expect(dropReadings(readings).length).toBeLessThanOrEqual(readings.length);
  });
});
