// 文件批办单: seed 002 against gold, and slips of our own with other fields and layouts.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseText } from '../src/pipeline.ts';
import { prepare } from '../src/parse/prepare.ts';
import { readProposal, readRoutingSlip } from '../src/parse/routing-slip.ts';
import type { ParseWarning, RoutingSlip } from '../src/types.ts';

const shared = join(import.meta.dirname, '..', '..', 'shared');
const goldFile = join(shared, 'gold', 'routing_slip.json');
const gold = existsSync(goldFile)
  ? (JSON.parse(readFileSync(goldFile, 'utf8')) as { file: string; slip: Record<string, unknown> & { proposal: Record<string, unknown> } })
  : null;

function read(text: string): { slip: RoutingSlip | null; warnings: ParseWarning[] } {
  const warnings: ParseWarning[] = [];
  const slip = readRoutingSlip(prepare(text).lines, warnings);
  return { slip, warnings };
}

const row = (...cells: string[]) => cells.join('\t');

describe.skipIf(gold === null)('seed routing slip', () => {
  it('002: all fields, the proposal, and the date in front of 承办人', () => {
    const result = parseText(readFileSync(join(shared, 'seeds', gold!.file), 'utf8'), gold!.file);
    const slip = result.routingSlip!;
    const { proposal: goldProposal, ...goldFields } = gold!.slip;
    for (const [field, value] of Object.entries(goldFields)) expect(slip[field as keyof RoutingSlip], field).toEqual(value);
    for (const [field, value] of Object.entries(goldProposal)) expect(slip.proposal![field as keyof typeof slip.proposal], field).toEqual(value);
    expect(slip.proposal!.approveBy).toEqual(['于重洋', '成雷/飞']);
    expect(slip.proposal!.text.startsWith('呈王洪江书记阅示。呈班子成员阅。建议：1.请党政综合办公室牵头')).toBe(true);
    expect(slip.proposal!.text.endsWith('请于重洋副主任、成雷/飞副主任阅批。')).toBe(true);
    expect(slip.handledOn).toBe('2023-07-21');
    expect(slip.line).toBe(3);
    // The one name the slip leaves uncertain is reported, nothing else.
    expect(result.warnings.filter((w) => w.code.startsWith('slip')).map((w) => w.code)).toEqual(['slip-name-uncertain']);
  });
});

describe('readRoutingSlip on slips of our own', () => {
  it('reads a slip with every field filled, labels in any row position and a full date', () => {
    const { slip, warnings } = read(
      [
        '文件处理笺',
        '收文号：（政）45号',
        row('来文机关', '兴安盟行政公署 办公室', '收文日期', '2022年3月8日', '缓急', '特急'),
        row('来文字号', '兴署办发[2022]12号', '密级', '秘密', '来文方式', '纸质'),
        row('文件名称', '关于做好春季 森林草原防火工作的通知', '', ''),
        row('盟委 行署 领导批示', '请按要求落实。'),
        row('办公室意见', '同意拟办意见。'),
        row('拟办意见', '呈李明副盟长阅示。 请应急管理局、林业和草原局牵头，公安局、气象局等单位配合，研究提出落实意见。'),
        row('核稿人', '陈静', '经办人', '刘畅'),
        '综合科',
        '联系电话：0482 8261234',
      ].join('\n'),
    );
    expect(warnings).toEqual([]);
    expect(slip).toMatchObject({
      serial: '（政）45号',
      fromUnit: '兴安盟行政公署办公室',
      receivedOn: '2022-03-08',
      urgency: '特急',
      docNumber: '兴署办发〔2022〕12号',
      secrecy: '秘密',
      channel: '纸质',
      title: '关于做好春季森林草原防火工作的通知',
      leaderInstruction: '请按要求落实。',
      officeOpinion: '同意拟办意见。',
      handler: '刘畅',
      reviewer: '陈静',
      office: '综合科',
      phone: '04828261234',
      line: 1,
    });
    expect(slip!.handledOn).toBeUndefined();
    expect(slip!.proposal).toMatchObject({
      submitTo: ['李明'],
      circulateTo: [],
      approveBy: [],
      lead: '应急管理局',
      coLeads: ['林业和草原局'],
      cooperating: ['公安局', '气象局'],
      action: '研究提出落实意见',
    });
  });

  it('leaves empty cells null and takes a value shifted right by a merged cell', () => {
    const { slip, warnings } = read(
      [
        '文件批办单',
        row('来文单位', '', '来文日期', '2021.11.3', '紧急程度', ''),
        row('文号', '', '密级', '', '来文方式', ''),
        row('审核人', '', '11月4日 承办人', '', '赵敏', ''),
      ].join('\n'),
    );
    expect(warnings).toEqual([]);
    expect(slip).toMatchObject({ fromUnit: null, receivedOn: '2021-11-03', urgency: null, docNumber: null, channel: null, reviewer: null, handler: '赵敏', proposal: null, serial: null });
    expect(slip!.handledOn).toBe('2021-11-04');
  });

  it('reads a slip written as label：value lines, several labels on one line', () => {
    const { slip, warnings } = read(
      [
        '文件阅办单',
        '运转号：（党）7号',
        '来文单位：中共兴安盟委员会 办公室 来文日期：2022.1.5',
        '文号：兴党办发〔2022〕1号 密级：无',
        '文件标题：关于做好元旦春节期间 有关工作的通知',
        '拟办意见：呈班子成员阅。',
        '承办人：孙悦',
      ].join('\n'),
    );
    expect(warnings).toEqual([]);
    expect(slip).toMatchObject({
      serial: '（党）7号',
      fromUnit: '中共兴安盟委员会办公室',
      receivedOn: '2022-01-05',
      docNumber: '兴党办发〔2022〕1号',
      secrecy: '无',
      title: '关于做好元旦春节期间有关工作的通知',
      handler: '孙悦',
      office: null,
      phone: null,
    });
    expect(slip!.proposal).toMatchObject({ circulateTo: ['班子成员'], submitTo: [], lead: null, cooperating: [], action: null });
  });

  it('reports a stray token that is no date, and a date in front of a label other than 承办人', () => {
    const { slip, warnings } = read(['文件批办单', row('来文日期', '2022.6.1', '7.3 审核人', '周宁', '急 承办人', '吴迪')].join('\n'));
    expect(slip).toMatchObject({ reviewer: '周宁', handler: '吴迪' });
    expect(slip!.handledOn).toBeUndefined();
    expect(warnings.map((w) => w.code)).toEqual(['slip-stray-text', 'slip-stray-text']);
    expect(warnings[0]!.message).toContain('7.3');
    expect(warnings[1]!.message).toContain('急');
  });

  it('warns about text it cannot place instead of dropping it', () => {
    const { slip, warnings } = read(['文件批办单', row('来文单位', '市教育局', '附注', '请于周五前反馈'), '张三 7.9 承办人 李四', '（此处盖章）'].join('\n'));
    // 附注 is no label of a slip: it and its value are reported, not glued to 来文单位.
    expect(slip!.fromUnit).toBe('市教育局');
    expect(slip!.handler).toBe('李四');
    expect(warnings[0]!.message).toContain('附注 请于周五前反馈');
    expect(warnings.map((w) => [w.code, w.line])).toEqual([
      ['slip-unread', 2],
      ['slip-unread', 3],
      ['slip-unread', 4],
    ]);
  });
});

describe('readProposal', () => {
  it('expands a bracketed group into its members and keeps a bracketed alias as part of a name', () => {
    const p = readProposal('建议：请财政局牵头，市公共资源交易中心（市政府采购中心）、重点项目专班（发改委、住建局、自然资源局）配合，抓好落实。');
    expect(p.lead).toBe('财政局');
    expect(p.cooperating).toEqual(['市公共资源交易中心（市政府采购中心）', '发改委', '住建局', '自然资源局']);
    expect(p.action).toBe('抓好落实');
  });

  it('reads 会同, names with titles, several readers and numbered items', () => {
    const p = readProposal('呈张伟书记、王芳主任阅示；呈其他领导传阅。\n1.请办公室会同财政局，按照通知要求，拟定工作方案。\n请刘强副主任阅批。');
    expect(p).toMatchObject({ submitTo: ['张伟', '王芳'], circulateTo: ['其他领导'], approveBy: ['刘强'], lead: '办公室', cooperating: ['财政局'], action: '拟定工作方案' });
    expect(p.text).toBe('呈张伟书记、王芳主任阅示；呈其他领导传阅。\n1.请办公室会同财政局，按照通知要求，拟定工作方案。\n请刘强副主任阅批。');
  });

  it('stays linear on a huge proposal', () => {
    // Sized so that a quadratic pass would run far past the test's timeout: a hang fails, speed is the benchmark's job.
    const p = readProposal(`请${'牵头、'.repeat(200_000)}配合，${'（'.repeat(100_000)}`);
    expect(p.lead).toBeNull();
  });

  it('never throws on random rows and lines', () => {
    const alphabet = [...'来文单位日期文号密级拟办意见承办人审核人电话：\t\n 7.21呈阅示请牵头配合、，。（）'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...alphabet), { maxLength: 300 }), (chars) => {
        const { slip } = read(`文件批办单\n${chars.join('')}`);
        expect(slip).not.toBeNull();
        if (slip!.receivedOn !== null) expect(slip!.receivedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      }),
      { numRuns: 300 },
    );
  });
});
