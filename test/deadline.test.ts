// Deadlines read from clause and task text: the kinds, the year, the calendar, and the words that
// look like deadlines but are not.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDeadline, parseDeadlines, type DeadlineContext } from '../src/extract/deadline.ts';
import type { Deadline } from '../src/types.ts';

/** A plan signed on 2023-03-09, like 通政办字〔2023〕26号. */
const MARCH_2023: DeadlineContext = { year: 2023, issued: '2023-03-09' };
const read = (text: string, context: DeadlineContext = MARCH_2023) => parseDeadline(text, context);

const goldTasks = join(import.meta.dirname, '..', '..', 'shared', 'gold', 'tasks.json');
if (!existsSync(goldTasks)) console.warn(`deadline: ${goldTasks} not found; the seed comparison is skipped`);

describe.skipIf(!existsSync(goldTasks))('the seeds', () => {
  const seeds = join(import.meta.dirname, '..', '..', 'shared', 'seeds');
  // Read when the test runs: a skipped describe's body still runs while the tests are collected.
  const gold = () =>
    JSON.parse(readFileSync(goldTasks, 'utf8')) as {
      files: Record<string, { deadline: { kind: string; date?: string } | null }[]>;
    };
  const name = '003_54dbbf935ef8a474.part1.txt';

  it('reads every 完成时限 of the 一件事一次办 plan as the gold has it, the clause split over lines included', () => {
    // Wrapped lines join with nothing; the clause extractor hands over the label's value or the clause.
    const text = readFileSync(join(seeds, name), 'utf8').replace(/\n/g, '');
    const clauses = text.match(/（完成时限：[^）]{1,20}）/g) ?? [];
    const expected = gold().files[name]!.filter((t) => t.deadline?.kind === 'date').map((t) => t.deadline);
    expect(clauses.length).toBe(expected.length);
    expect(clauses.map((c) => pick(read(c)))).toEqual(expected);
  });

  it('reads the inline clause that ends in 长期推进, broken over a line', () => {
    const clause = '（市行政审批局牵头，各县〈市、区〉人民政府、市直各单位按职责完成有关工作，长期推\n进）';
    expect(read(clause)).toEqual({ kind: 'ongoing', text: '长期推进' });
  });
});

/** The fields the gold compares. */
function pick(d: Deadline | null): { kind: string; date?: string } | null {
  if (d === null) return null;
  return d.date === undefined ? { kind: d.kind } : { kind: d.kind, date: d.date };
}

describe('dates', () => {
  it.each([
    ['（完成时限：3 月底前）', '2023-03-31', '3月底前'],
    ['完成时限：9月底前', '2023-09-30', '9月底前'],
    ['各地区于12月1日前将自查报告报送市营商办', '2023-12-01', '12月1日前'],
    ['请于2023年8月25日前报送市司法局', '2023-08-25', '2023年8月25日前'],
    ['2024年6月30日前完成平台升级', '2024-06-30', '2024年6月30日前'],
    ['年底前完成全部清理工作', '2023-12-31', '年底前'],
    ['2023 年底前，实现全市通办', '2023-12-31', '2023年底前'],
    ['上半年完成试点', '2023-06-30', '上半年完成'],
    ['下半年前全面推开', '2023-12-31', '下半年前'],
    ['三季度末前完成验收', '2023-09-30', '三季度末前'],
    ['第一季度前建立台账', '2023-03-31', '第一季度前'],
    ['11月中旬前报送工作总结', '2023-11-20', '11月中旬前'],
    ['10月上旬前完成', '2023-10-10', '10月上旬前'],
    ['截至6月底，全面完成摸排', '2023-06-30', '6月底'],
    ['于7月15号报送', '2023-07-15', '7月15号'],
    ['十二月三十一日前报市政府', '2023-12-31', '十二月三十一日前'],
    ['二〇二三年十月底前完成', '2023-10-31', '二〇二三年十月底前'],
    ['２０２３年６月３０日前', '2023-06-30', '2023年6月30日前'],
    ['次年3月底前报送年度总结', '2024-03-31', '次年3月底前'],
    ['明年一季度末前', '2024-03-31', '明年一季度末前'],
    ['本月底前报送名单', '2023-03-31', '本月底前'],
    ['下月10日前反馈意见', '2023-04-10', '下月10日前'],
  ])('%s → %s', (text, date, words) => {
    const d = read(text);
    expect(d).toMatchObject({ kind: 'date', date, text: words });
  });

  it('takes the year the text wrote earlier for later stages, and the latest stage as the deadline', () => {
    const text = '2022年3月底前大乌兰浩特地区要实现全面运行，6月底前基本完成平台升级拓展';
    const all = parseDeadlines(text, { year: 2022, issued: '2022-01-20' });
    expect(all.map((d) => d.date)).toEqual(['2022-03-31', '2022-06-30']);
    expect(read(text, { year: 2022, issued: '2022-01-20' })?.date).toBe('2022-06-30');
  });

  it('puts a yearless month before the document into the next year, and says so', () => {
    const d = read('（完成时限：3月底前）', { year: 2023, issued: '2023-11-04' });
    expect(d).toMatchObject({ kind: 'date', date: '2024-03-31' });
    expect(d?.uncertain).toMatch(/次年/);
  });

  it('keeps a month just before the document in its year, and says the deadline has passed', () => {
    const d = read('3月底前', { year: 2023, issued: '2023-04-10' });
    expect(d).toMatchObject({ date: '2023-03-31' });
    expect(d?.uncertain).toMatch(/早于成文日期/);
  });

  it('uses the document year when the date is unknown, and leaves the date out when there is no year at all', () => {
    expect(read('6月底前', { year: 2021, issued: null })?.date).toBe('2021-06-30');
    const d = read('6月底前', { year: null, issued: null });
    expect(d).toMatchObject({ kind: 'date', text: '6月底前' });
    expect(d?.date).toBeUndefined();
    expect(d?.uncertain).toMatch(/未写年份/);
  });

  it('reads 6月前 as the end of June, marked as a reading', () => {
    const d = read('6月前完成');
    expect(d?.date).toBe('2023-06-30');
    expect(d?.uncertain).toBeDefined();
  });

  it('prefers a labelled deadline to other dates in the text', () => {
    expect(read('12月31日前全面完成；完成时限：6月底前')?.date).toBe('2023-06-30');
  });

  it('reads traditional characters and full-width digits', () => {
    expect(read('（完成時限：４月底前）')).toMatchObject({ kind: 'date', date: '2023-04-30' });
    expect(read('於12月1日前將問題匯總報送')).toMatchObject({ date: '2023-12-01' });
  });

  it('reads a date that is the whole text, as a table cell gives it', () => {
    expect(read('2023年9月')).toMatchObject({ kind: 'date', date: '2023-09-30' });
    expect(read('10月31日')).toMatchObject({ kind: 'date', date: '2023-10-31' });
  });
});

describe('not deadlines', () => {
  it.each([
    ['到2025年，新增电商直播市场主体400家以上'],
    ['从3月12日起，全面实行秸秆禁烧管控工作日报告制度'],
    ['自2023年5月1日起施行，有效期三年'],
    ['基本完成2005年底前建成的老旧小区改造任务'],
    ['2023年7月21日，市政府召开常务会议'],
    ['持续推进科技型企业“双倍增”行动'],
    ['推动各类教育更好服务高质量发展。持续推进“三医”协同发展与治理'],
    ['长期以来，我市营商环境不断改善'],
    ['年底向市委报告完成情况'],
    ['近三年内未发生拖欠工资的企业'],
    ['签订施工合同前一年内承建的工程'],
    ['在本地区公示5个工作日后，按最终确定企业名单兑现'],
    ['每年至少组织一次综合应急预案演练'],
    ['每月按要求参加联席会议'],
    ['每万人高价值发明专利拥有量达到0.6件以上'],
    ['上半年重点工作总结'],
    ['落实“十四五”规划'],
    ['通政办发〔2023〕63号'],
    [''],
  ])('%s', (text) => {
    expect(read(text)).toBeNull();
  });
});

describe('ongoing and within the year', () => {
  it.each([
    ['长期推进', 'ongoing'],
    ['（完成时限：长期坚持）', 'ongoing'],
    ['市直各单位按职责完成有关工作，持续推进', 'ongoing'],
    ['常态化开展', 'ongoing'],
    ['長期推進', 'ongoing'],
  ])('%s → %s', (text, kind) => {
    expect(read(text)?.kind).toBe(kind);
  });

  it.each([
    ['年内完成', '2023-12-31', '年内'],
    ['今年内全部建成', '2023-12-31', '今年内'],
    ['2024年内实现全覆盖', '2024-12-31', '2024年内'],
    ['本年度内完成考核', '2023-12-31', '本年度内'],
  ])('%s → within-year %s', (text, date, words) => {
    expect(read(text)).toEqual({ kind: 'within-year', date, text: words });
  });
});

describe('relative periods', () => {
  it('counts working days on the official calendar from the document date', () => {
    expect(read('5个工作日内')).toEqual({ kind: 'relative', amount: 5, unit: 'working-day', date: '2023-03-16', text: '5个工作日内' });
    // Signed on Friday 2024-02-02: 调休 Sunday 02-04 counts, the Spring Festival does not.
    expect(read('于五个工作日内报送', { year: 2024, issued: '2024-02-02' })?.date).toBe('2024-02-08');
    expect(read('3个工作日内反馈', { year: 2024, issued: '2024-02-07' })?.date).toBe('2024-02-18');
  });

  it('counts calendar days, and a period ending on a rest day ends on the next working day', () => {
    expect(read('十五日内')).toMatchObject({ amount: 15, unit: 'day', date: '2023-03-24' });
    // 2023-09-26 + 5 days = 10-01 (国庆): the period ends on the working Saturday 10-07.
    expect(read('5日内整改到位', { year: 2023, issued: '2023-09-26' })?.date).toBe('2023-10-07');
  });

  it('reads the event a period runs from, and marks the date as counted from the document instead', () => {
    const d = read('收到通知后10个工作日内');
    expect(d).toMatchObject({ kind: 'relative', amount: 10, unit: 'working-day', from: '收到通知', text: '收到通知后10个工作日内', date: '2023-03-23' });
    expect(d?.uncertain).toMatch(/收到通知/);
    expect(read('负责调查的人民政府应当自收到调查报告之日起15个工作日内作出批复')).toMatchObject({
      from: '收到调查报告',
      text: '收到调查报告之日起15个工作日内',
    });
    expect(read('调查组应在火灾事故发生之日起60日内完成调查')?.from).toBe('火灾事故发生');
  });

  it('reads an extension', () => {
    expect(read('60日内，可延长60日')).toMatchObject({ amount: 60, unit: 'day', extension: 60, text: '60日内，可延长60日' });
    expect(read('应在30日内办结，情况复杂的可延长至45日')).toMatchObject({ amount: 30, extension: 15 });
  });

  it('reads months, weeks, years and hours', () => {
    expect(read('三个月内完成整改')).toMatchObject({ amount: 3, unit: 'month', date: '2023-06-09' });
    expect(read('两周内')).toMatchObject({ amount: 2, unit: 'week', date: '2023-03-23' });
    expect(read('半年内')).toMatchObject({ amount: 6, unit: 'month', date: '2023-09-11' }); // 09-09 is a Saturday
    expect(read('一年内')).toMatchObject({ amount: 1, unit: 'year' });
    const hours = read('24小时内上报');
    expect(hours).toMatchObject({ amount: 24, unit: 'hour' });
    expect(hours?.date).toBeUndefined();
  });

  it('leaves the date out without a document date, or when the calendar does not cover the year', () => {
    expect(read('5个工作日内', { year: 2023, issued: null })?.date).toBeUndefined();
    const before = read('5个工作日内', { year: 1999, issued: '1999-03-01' });
    expect(before?.date).toBeUndefined();
    expect(before?.uncertain).toMatch(/收录范围/);
    // Past the official data the calendar is computed (provisional): the date is given.
    expect(read('5个工作日内', { year: 2031, issued: '2031-03-03' })?.date).toBe('2031-03-10');
  });
});

describe('recurring', () => {
  it.each<[string, NonNullable<Deadline['rule']>, string]>([
    ['每月3日前将本行业在建项目清单分送盟发改委', { every: 'month', day: 3 }, '每月3日前'],
    ['每月 5 日前将上年度用能情况分送', { every: 'month', day: 5 }, '每月5日前'],
    ['每季度 25 日前将本季度建筑企业投资情况分送', { every: 'quarter', month: 3, day: 25 }, '每季度25日前'],
    ['每季度10日前报送上季度工作进展', { every: 'quarter', month: 1, day: 10 }, '每季度10日前'],
    ['每季度首月15日前', { every: 'quarter', month: 1, day: 15 }, '每季度首月15日前'],
    ['每季度结束后15日内报送', { every: 'quarter', month: 1, day: 15 }, '每季度结束后15日内'],
    ['每季度末报送', { every: 'quarter', month: 3, day: 'last' }, '每季度末'],
    ['每天上午10时前，各旗县市人民政府报送禁烧情况', { every: 'day', time: '10:00' }, '每天上午10时前'],
    ['每日下午5点半前报送', { every: 'day', time: '17:30' }, '每日下午5点半前'],
    ['每年4月30日前予以兑现', { every: 'year', month: 4, day: 30 }, '每年4月30日前'],
    ['每年 12 月底前审核上报', { every: 'year', month: 12, day: 'last' }, '每年12月底前'],
    ['每年底前报送', { every: 'year', month: 12, day: 'last' }, '每年底前'],
    ['每周五前报送周报', { every: 'week', weekday: 5 }, '每周五前'],
    ['每周一上午9:30前', { every: 'week', weekday: 1, time: '09:30' }, '每周一上午9:30前'],
    ['每月前5个工作日内报送上月数据', { every: 'month', workingDay: 5 }, '每月前5个工作日内'],
    ['每月三日内，数据经审核反馈后撰写分析', { every: 'month', day: 3 }, '每月三日内'],
    ['每月 25 日左右组织召开联席会议', { every: 'month', day: 25, approximate: true }, '每月25日左右'],
    ['每半月调度一次', { every: 'half-month' }, '每半月'],
    ['每半月', { every: 'half-month' }, '每半月'],
    ['每月主动向盟统计局报送相关数据', { every: 'month' }, '每月'],
    ['每月（季、年）在自治区正式反馈统计数据后次日', { every: 'month', event: '自治区正式反馈统计数据' }, '每月（季、年）在自治区正式反馈统计数据后次日'],
    ['每個月10號前報送', { every: 'month', day: 10 }, '每个月10号前'],
  ])('%s', (text, rule, words) => {
    expect(read(text)).toEqual({ kind: 'recurring', rule, text: words });
  });
});

describe('choosing among several', () => {
  it('prefers a date to a period, a period to a rule, a rule to an ongoing clause', () => {
    expect(read('每月3日前报送进展，6月底前全面完成')?.kind).toBe('date');
    expect(read('每月3日前报送进展，收到通知后5个工作日内启动')?.kind).toBe('relative');
    expect(read('长期推进，每月3日前报送进展')?.kind).toBe('recurring');
  });

  it('lists every deadline in reading order', () => {
    expect(parseDeadlines('3月底前完成摸底，每季度25日前报送进展，长期坚持', MARCH_2023).map((d) => d.kind)).toEqual(['date', 'recurring', 'ongoing']);
  });
});

describe('bad input', () => {
  it('never throws on odd contexts or text', () => {
    expect(() => parseDeadline('3月底前', { year: Number.NaN, issued: 'yesterday' })).not.toThrow();
    expect(parseDeadline('3月底前', { year: Number.NaN, issued: 'yesterday' })?.date).toBeUndefined();
    expect(parseDeadline('2月30日前', MARCH_2023)).toBeNull();
    expect(parseDeadline('13月底前', MARCH_2023)).toBeNull();
    expect(() => parseDeadline('（完成时限：', MARCH_2023)).not.toThrow();
    expect(() => parseDeadline('每', MARCH_2023)).not.toThrow();
    expect(() => parseDeadline('99999999999999999999年1月1日前', MARCH_2023)).not.toThrow();
  });
});
