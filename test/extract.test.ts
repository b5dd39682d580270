// Tasks out of responsibility clauses: unit lists, clause forms, and whole documents written in
// the seeds' styles by the team (other cities, other punctuation, traditional characters, tables,
// standing rules). Expectations are what a supervision office would enter in its ledger.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findClauses } from '../src/extract/clause.ts';
import { splitCellUnits, splitUnitList } from '../src/extract/unit-list.ts';
import { parseText } from '../src/pipeline.ts';
import type { Task } from '../src/types.ts';

const names = (text: string) => splitUnitList(text).map((u) => u.name);

describe('unit lists', () => {
  it('carries the level prefix through a group, 市委 only to party organs', () => {
    expect(names('市委统战部、组织部、教育局')).toEqual(['市委统战部', '市委组织部', '市教育局']);
    expect(names('盟纪委监委、盟委组织部、统战部、巡察办、编办、党校、发改委、工信局')).toEqual([
      '盟纪委监委', '盟委组织部', '盟委统战部', '盟委巡察办', '盟委编办', '盟委党校', '盟发改委', '盟工信局',
    ]);
    expect(names('市工信局、人社局、商务局，市委组织部')).toEqual(['市工信局', '市人社局', '市商务局', '市委组织部']);
  });

  it('starts every group (after ，) afresh', () => {
    expect(names('市科技局、工信局，各旗县市区人民政府、开发区管委会')).toEqual(['市科技局', '市工信局', '各旗县市区人民政府', '开发区管委会']);
    expect(names('住房和城乡建设局、自然资源局')).toEqual(['住房和城乡建设局', '自然资源局']);
    expect(names('市财政局，残疾人联合会')).toEqual(['市财政局', '残疾人联合会']);
  });

  it('does not read 市场 or 市直 as a prefix, and keeps names that stand alone', () => {
    expect(names('市农牧局、市场监督管理部门、供销合作社')).toEqual(['市农牧局', '市市场监督管理部门', '市供销合作社']);
    expect(names('市市场监管局、市直有关部门')).toEqual(['市市场监管局', '市直有关部门']);
    expect(names('市商务局、通辽海关、市财政局')).toEqual(['市商务局', '通辽海关', '市财政局']);
    expect(names('市商务局、团市委、国家统计局兴安调查队、园区管委会')).toEqual(['市商务局', '团市委', '国家统计局兴安调查队', '园区管委会']);
  });

  it('keeps brackets inside a name whole', () => {
    expect(names('各县〈市、区〉人民政府、市直各单位')).toEqual(['各县〈市、区〉人民政府', '市直各单位']);
    expect(names('各级党委（党组）')).toEqual(['各级党委（党组）']);
  });

  it('gives bare division names the suffix of the last name', () => {
    expect(names('红山区、松山区人民政府')).toEqual(['红山区人民政府', '松山区人民政府']);
    expect(names('市委办公室、政府办公室')).toEqual(['市委办公室', '市政府办公室']);
  });

  it('splits table cells at spaces and rejoins a name cut by a wrap', () => {
    expect(splitCellUnits('市住建局 市乡村振兴局 市农牧局').map((u) => u.name)).toEqual(['市住建局', '市乡村振兴局', '市农牧局']);
    expect(splitCellUnits('市综合 执法局').map((u) => u.name)).toEqual(['市综合执法局']);
    expect(splitCellUnits('/')).toEqual([]);
  });
});

describe('clauses', () => {
  const roles = (text: string) =>
    findClauses(text).map((c) => ({
      leads: c.leads.map((u) => u.name),
      responsible: c.responsible.map((u) => u.name),
      cooperating: c.cooperating.map((u) => u.name),
      standing: c.standing.map((u) => u.name),
      deadline: c.deadline,
      closed: c.closed,
    }));

  it('reads labelled clauses with any separator between the labels', () => {
    expect(roles('建立机制。（牵头单位：市住建局；责任单位：市财政局）')[0]).toMatchObject({ leads: ['市住建局'], responsible: ['市财政局'] });
    expect(roles('建立机制。（牵头单位：市住建局，责任单位：市财政局、税务局）')[0]).toMatchObject({ leads: ['市住建局'], responsible: ['市财政局', '市税务局'] });
    expect(roles('完成评估。（牵头部门：盟统计局。配合部门：盟发改委、工信局）')[0]).toMatchObject({ leads: ['盟统计局'], cooperating: ['盟发改委', '盟工信局'] });
    expect(roles('强化落实。（主体责任部门：市应急局，配合单位：市公安局）')[0]).toMatchObject({ responsible: ['市应急局'], cooperating: ['市公安局'] });
    expect(roles('压实责任。〔责任单位：各级党委（党组）〕')[0]).toMatchObject({ responsible: ['各级党委（党组）'] });
    expect(roles('做好兑付。【承办单位：市财政局】')[0]).toMatchObject({ leads: ['市财政局'] });
  });

  it('reads inline roles and deadlines', () => {
    expect(roles('（市行政审批局牵头，各县〈市、区〉人民政府、市直各单位按职责完成有关工作，长期推进）')[0]).toMatchObject({
      leads: ['市行政审批局'],
      responsible: ['各县〈市、区〉人民政府', '市直各单位'],
      deadline: '长期推进',
    });
    expect(roles('（市税务局牵头，市财政局、人社局配合，2024年底前完成）')[0]).toMatchObject({ leads: ['市税务局'], cooperating: ['市财政局', '市人社局'], deadline: '2024年底前完成' });
  });

  it('reads a deadline-only clause', () => {
    expect(roles('实现同源发布。（完成时限：3月底前）')[0]).toMatchObject({ deadline: '3月底前', responsible: [] });
  });

  it('finds several clauses in one paragraph, in order', () => {
    const found = roles('甲项工作。（责任单位：市科技局）乙项工作。（责任单位：市工信局、财政局）');
    expect(found.map((c) => c.responsible)).toEqual([['市科技局'], ['市工信局', '市财政局']]);
  });

  it('ends a clause that lost its closing bracket at its sentence', () => {
    const [c] = roles('力争年内供地3000亩以上（责任单位：市自然资源局、发改委');
    expect(c).toMatchObject({ responsible: ['市自然资源局', '市发改委'], closed: false });
  });

  it('reads standing rules inside a clause and on their own', () => {
    expect(roles('（责任单位：市住建局，以下均需各旗县市区人民政府、开发区管委会推动落实，不再列出）')[0]).toMatchObject({
      responsible: ['市住建局'],
      standing: ['各旗县市区人民政府', '开发区管委会'],
    });
    expect(roles('以下各项任务均需各旗县区人民政府落实，不再列出。')[0]).toMatchObject({ responsible: [], standing: ['各旗县区人民政府'] });
  });

  it('leaves ordinary brackets alone', () => {
    expect(findClauses('对建成（包含租赁）使用面积500平以上（含500平）的项目给予补助。')).toEqual([]);
    expect(findClauses('由统计部门统筹（负责同志另行通知），组织协调有关部门共同完成。')).toEqual([]);
    expect(findClauses('依照《条例》（国务院令第711号）执行，各部门负责落实。')).toEqual([]);
  });
});

describe('tasks of whole documents in other styles', () => {
  const dir = join(import.meta.dirname, 'fixtures', 'tasks');
  const tasksOf = (file: string): Task[] => parseText(readFileSync(join(dir, file), 'utf8'), file).documents.flatMap((d) => d.tasks);
  const unitNames = (units: Task['leads']) => units.map((u) => u.name);

  it('呼和浩特: half-width clauses, 【】, a clause across a page, a lost bracket, a standing sentence, an inline clause', () => {
    const tasks = tasksOf('plan-hohhot.txt');
    expect(tasks).toHaveLength(7);
    const [open, approve, cadres, complaints, land, tax, inspect] = tasks as [Task, Task, Task, Task, Task, Task, Task];
    expect(open.path).toEqual(['一、', '（一）']);
    expect(open.text.startsWith('推行企业开办一日办结。')).toBe(true);
    expect(open.text.endsWith('压缩至1个工作日以内。')).toBe(true);
    expect(unitNames(open.leads)).toEqual(['市行政审批局']);
    expect(unitNames(open.responsible)).toEqual(['市市场监管局', '市公安局', '市税务局']);
    // The standing rule comes after 【…】 of (二): it binds the tasks after it, not (二) itself.
    expect(unitNames(approve.responsible)).toEqual(['市住建局', '市自然资源局', '市行政审批局']);
    const standing = ['各旗县区人民政府', '和林格尔新区管委会'];
    expect(unitNames(cadres.responsible)).toEqual(['市委组织部', '市委编办', '市教育局', '市直各部门', ...standing]);
    expect(unitNames(complaints.leads)).toEqual(['市营商环境局']);
    expect(unitNames(complaints.cooperating)).toEqual(['市政务服务和数据管理局', '市司法局', '市发展改革委']);
    expect(unitNames(land.responsible)).toEqual(['市自然资源局', '市发改委', ...standing]);
    expect(land.text.endsWith('力争年内供地3000亩以上')).toBe(true);
    expect(unitNames(tax.leads)).toEqual(['市税务局']);
    expect(unitNames(tax.cooperating)).toEqual(['市财政局', '市人社局']);
    expect(inspect.path).toEqual(['二、', '（三）']);
    expect(unitNames(inspect.responsible)).toEqual(standing);
    for (const t of tasks) expect(t.text).not.toMatch(/单位[：:]|牵头，|不再列出/);
    // Deadlines: the clause's words first, the task's own date words next; a period the task sets
    // (压缩至1个工作日以内) is a target, not its due date.
    expect(open.deadline).toBeNull();
    expect(open.targets).toContainEqual(expect.objectContaining({ value: 1, unit: '个工作日', op: '<=' }));
    expect(inspect.deadline).toMatchObject({ kind: 'date', date: '2024-09-30' });
    expect(tax.deadline).toMatchObject({ kind: 'date', date: '2024-12-31' });
    expect(land.deadline).toMatchObject({ kind: 'within-year', date: '2024-12-31' });
    expect(complaints.targets).toEqual([
      expect.objectContaining({ value: 98, unit: '%', op: '>=' }),
      expect.objectContaining({ value: 95, unit: '%', op: '>=' }),
    ]);
  });

  it('包头 (traditional characters): clauses across lines are read in simplified Chinese', () => {
    const tasks = tasksOf('traditional-plan.txt');
    expect(tasks.map((t) => t.path)).toEqual([['一、'], ['二、'], ['三、']]);
    expect(unitNames(tasks[0]!.responsible)).toEqual(['市商务局', '市文化旅游体育局', '市财政局', '各旗县区人民政府']);
    expect(unitNames(tasks[1]!.leads)).toEqual(['市商务局']);
    expect(unitNames(tasks[1]!.cooperating)).toEqual(['市财政局', '市公安局']);
    expect(unitNames(tasks[2]!.responsible)).toEqual(['市委宣传部', '市商务局', '稀土高新区管委会']);
  });

  it('赤峰: a clause with three labels and an indicator table with a row split across a page and a footnote', () => {
    const tasks = tasksOf('indicator-table.txt');
    expect(tasks).toHaveLength(4);
    const [text, ...rows] = tasks as [Task, Task, Task, Task];
    expect(unitNames(text.responsible)).toEqual(['市生态环境局']);
    expect(unitNames(text.cooperating)).toEqual(['市水利局', '市自然资源局']);
    expect(rows.map((r) => r.text)).toEqual(['城市污水处理率', '地表水优良水体比例', '农村牧区生活污水治理率（旗县区）']);
    expect(rows.every((r) => r.table === true && r.path[0] === '重点指标任务分解表')).toBe(true);
    const footnote = ['红山区人民政府', '松山区人民政府'];
    expect(unitNames(rows[0]!.leads)).toEqual(['市住建局']);
    expect(unitNames(rows[0]!.responsible)).toEqual(['各旗县区人民政府', ...footnote]);
    expect(unitNames(rows[1]!.responsible)).toEqual(['市水利局', '市住建局', ...footnote]);
    expect(unitNames(rows[2]!.responsible)).toEqual(['市农牧局', '市乡村振兴局', ...footnote]);
    expect(text.deadline).toMatchObject({ kind: 'date', date: '2024-10-31' });
    expect(rows.map((r) => r.deadline?.date)).toEqual(['2024-12-31', '2024-12-31', '2024-11-30']);
    expect(rows[0]!.targets).toEqual([expect.objectContaining({ text: '2024年目标：97%以上', value: 97, unit: '%', op: '>=' })]);
    expect(rows[1]!.targets).toEqual([expect.objectContaining({ value: 80, unit: '%', op: '>=' })]);
  });

  it('never names a task without a unit or a deadline', () => {
    for (const file of ['plan-hohhot.txt', 'traditional-plan.txt', 'indicator-table.txt']) {
      for (const t of tasksOf(file)) expect(t.leads.length + t.responsible.length + t.cooperating.length > 0 || t.deadline !== null).toBe(true);
    }
  });

  it('锡林郭勒: a table of standing duties gives duties, not tasks, with a row split across a page', () => {
    const doc = parseText(readFileSync(join(dir, 'duty-table.txt'), 'utf8'), 'duty-table.txt').documents[0]!;
    expect(doc.tasks).toHaveLength(1);
    const duties = doc.duties.map((d) => ({ lead: unitNames(d.lead), units: unitNames(d.units), role: d.role, text: d.text }));
    expect(duties).toEqual([
      { lead: ['盟统计局'], units: ['盟统计局'], role: 'lead', text: '统筹全盟统计协作工作。' },
      { lead: ['盟统计局'], units: ['盟统计局'], role: 'lead', text: '每月10日前通报上月主要指标。' },
      { lead: ['盟统计局'], units: ['盟发改委'], role: 'cooperating', text: '每月5日前报送重点项目清单。' },
      { lead: ['盟统计局'], units: ['盟财政局'], role: 'cooperating', text: '每季度15日前报送财政收支情况。' },
      { lead: ['盟能源局'], units: ['盟能源局'], role: 'lead', text: '牵头做好能耗监测工作。' },
      { lead: ['盟能源局'], units: ['盟能源局'], role: 'lead', text: '每季度末分析能耗形势。' },
      { lead: ['盟能源局'], units: ['盟统计局'], role: 'cooperating', text: '每月8日前反馈能耗数据。' },
      { lead: ['盟能源局'], units: ['各旗县市人民政府'], role: 'cooperating', text: '每月3日前报送本地区用能情况。' },
    ]);
  });
});

describe('a routed document, as the receiving office takes it up', () => {
  const seed = join(import.meta.dirname, '..', '..', 'shared', 'seeds', '002_8f04a4cc19cf5a4c.txt');
  it.skipIf(!existsSync(seed))('maps the sender’s units onto the receiver the slip belongs to', () => {
    const result = parseText(readFileSync(seed, 'utf8'), 'seed-002');
    const plan = result.routingSlip!.plan!;
    expect(plan.receiver).toBe('通辽经济技术开发区');
    // The clerk's proposal names these; the draft from the tasks must reach them too.
    for (const unit of ['党政综合办公室', '党群工作部', '纪检监察工委', '教育局', '人社局', '卫健委']) expect(plan.units).toContain(unit);
    // Every unit of the draft is one of the receiver's own; city units it has no unit for are listed, not dropped.
    const own = new Set(result.routingSlip!.proposal!.cooperating.concat(result.routingSlip!.proposal!.lead ?? []));
    for (const unit of plan.units) expect(own.has(unit)).toBe(true);
    expect(plan.unmapped).toContain('市公安局');
    const organised = result.documents[0]!.tasks.find((t) => t.responsible.some((u) => u.name === '市委组织部'))!;
    expect(organised.receiverUnits).toContain('党群工作部');
  });
});

