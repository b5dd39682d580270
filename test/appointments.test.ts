// 人事任免: the seeds against gold, and texts of our own in other layouts.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readAppointments } from '../src/parse/appointments.ts';
import { parseText } from '../src/pipeline.ts';
import { prepare } from '../src/parse/prepare.ts';
import type { Appointment, ParseWarning } from '../src/types.ts';

const shared = join(import.meta.dirname, '..', '..', 'shared');
const goldFile = join(shared, 'gold', 'appointments.json');
const gold = existsSync(goldFile)
  ? (JSON.parse(readFileSync(goldFile, 'utf8')) as { files: Record<string, (Omit<Appointment, 'line'> & { line?: number })[]> })
  : null;

function read(text: string): { records: Appointment[]; warnings: ParseWarning[] } {
  const warnings: ParseWarning[] = [];
  const records = readAppointments(prepare(text).lines, warnings);
  return { records, warnings };
}

/** The fields gold compares, in a stable shape. */
const key = (a: Partial<Appointment>) => ({
  batch: a.batch ?? null,
  person: a.person,
  action: a.action,
  post: a.post,
  probation: a.probation ?? false,
  retired: a.retired ?? null,
  years: a.years ?? null,
});

describe.skipIf(gold === null)('seed appointments', () => {
  for (const [file, expected] of Object.entries(gold?.files ?? {})) {
    it(`${file}: every record, in order, with batch, probation, retirement and years`, () => {
      const result = parseText(readFileSync(join(shared, 'seeds', file), 'utf8'), file);
      expect(result.appointments.map(key)).toEqual(expected.map(key));
      expect(result.warnings.filter((w) => w.code.startsWith('appointment'))).toEqual([]);
    });
  }
});

describe('readAppointments on texts of our own', () => {
  it('reads a 盟 gazette: several persons, appoint + remove, retirement, secondment, one batch', () => {
    const { records, warnings } = read(
      [
        '人事任免',
        '（2022年1月至3月）',
        '经盟行政公署研究决定：',
        '巴特尔、乌云其木格同志任盟教育局副局长（试用期一年）；',
        '免去张志远同志盟交通运输局局长职务，退休，退休时间为2022年2月28日；',
        '阿拉坦·仓同志任盟行政公署副秘书长，免去其盟发展和改革委员会副主任职务；',
        '赵春华同志挂职为盟商务局副局长，挂职时间为一年。（兴署任字〔2022〕3号）',
      ].join('\n'),
    );
    expect(warnings).toEqual([]);
    const batch = '兴署任字〔2022〕3号';
    expect(records.map(key)).toEqual([
      { batch, person: '巴特尔', action: 'appoint', post: '盟教育局副局长', probation: true, retired: null, years: null },
      { batch, person: '乌云其木格', action: 'appoint', post: '盟教育局副局长', probation: true, retired: null, years: null },
      { batch, person: '张志远', action: 'remove', post: '盟交通运输局局长', probation: false, retired: '2022-02-28', years: null },
      { batch, person: '阿拉坦·仓', action: 'appoint', post: '盟行政公署副秘书长', probation: false, retired: null, years: null },
      { batch, person: '阿拉坦·仓', action: 'remove', post: '盟发展和改革委员会副主任', probation: false, retired: null, years: null },
      { batch, person: '赵春华', action: 'second', post: '盟商务局副局长', probation: false, retired: null, years: 1 },
    ]);
    expect(records.map((r) => r.line)).toEqual([4, 4, 5, 6, 6, 7]);
  });

  it('joins posts and 文号 broken across lines and pages, and gives each group its own batch', () => {
    const { records, warnings } = read(
      [
        '市政府人事任免',
        '（2021年3月至4月）',
        '经县政府常务会议研究决定：',
        '周海燕同志任县发展和改革局（县粮食和物资储备局）副局',
        '长；',
        '免去郑国强同志县财政局副局长职',
        '# Page 12:',
        '务。（安',
        '政任字[2021]7号）',
        '经县政府常务会议研究决定：',
        '钱晓东同志任县委、县政府信访局局长。（安政任字〔2021〕8号）',
      ].join('\n'),
    );
    expect(warnings).toEqual([]);
    expect(records.map((r) => [r.batch, r.person, r.action, r.post])).toEqual([
      ['安政任字〔2021〕7号', '周海燕', 'appoint', '县发展和改革局（县粮食和物资储备局）副局长'],
      ['安政任字〔2021〕7号', '郑国强', 'remove', '县财政局副局长'],
      // A joint organ (县委、县政府…) is one post, not two.
      ['安政任字〔2021〕8号', '钱晓东', 'appoint', '县委、县政府信访局局长'],
    ]);
  });

  it('splits a list of posts, reads 同志 after each name, and keeps batch notes with their records', () => {
    const { records, warnings } = read(
      [
        '任免事项',
        '孙丽同志、何建军同志任市应急管理局副局长；',
        '冯涛同志挂职为市政府副秘书长、市投资促进局副局长，挂职时间为两年。',
        '以上同志任职时间从2021年5月起计算。',
        '（营政任字〔2021〕11号）',
      ].join('\n'),
    );
    expect(warnings).toEqual([]);
    expect(records.map((r) => [r.person, r.action, r.post, r.years ?? null])).toEqual([
      ['孙丽', 'appoint', '市应急管理局副局长', null],
      ['何建军', 'appoint', '市应急管理局副局长', null],
      ['冯涛', 'second', '市政府副秘书长', 2],
      ['冯涛', 'second', '市投资促进局副局长', 2],
    ]);
    for (const r of records) {
      expect(r.batch).toBe('营政任字〔2021〕11号');
      expect(r.notes).toEqual(['以上同志任职时间从2021年5月起计算']);
    }
  });

  it('reads statements without closing punctuation, one per line, and a 文号 that opens its batch', () => {
    const { records, warnings } = read(
      ['人事任免', '（2020年10月）', '赤政任字〔2020〕21号', '经市政府研究决定', '刘振华同志任市统计局局长', '免去吴敏同志市统计局局长职务'].join('\n'),
    );
    expect(warnings).toEqual([]);
    expect(records.map((r) => [r.batch, r.person, r.action, r.post, r.line])).toEqual([
      ['赤政任字〔2020〕21号', '刘振华', 'appoint', '市统计局局长', 5],
      ['赤政任字〔2020〕21号', '吴敏', 'remove', '市统计局局长', 6],
    ]);
  });

  it('gives a removal split off by a semicolon (免去其…) to the person of the statement before', () => {
    const { records, warnings } = read(['人事任免', '（2022年8月）', '经市政府研究决定：', '宋佳同志任市民政局局长；免去其市残疾人联合会理事长职务。（鄂政任字〔2022〕13号）'].join('\n'));
    expect(warnings).toEqual([]);
    expect(records.map((r) => [r.person, r.action, r.post])).toEqual([
      ['宋佳', 'appoint', '市民政局局长'],
      ['宋佳', 'remove', '市残疾人联合会理事长'],
    ]);
  });

  it('keeps an intro that says why the batch was decided, and a retirement written without 为', () => {
    const { records } = read(
      [
        '人事任免',
        '（2019年6月）',
        '陈红等同志任职试用期已满，经旗政府研究决定：',
        '陈红同志任旗林业和草原局副局长。',
        '免去黄建平同志旗档案馆馆长职务，退休时间2019年5月31日。（扎政任字〔2019〕2号）',
      ].join('\n'),
    );
    expect(records.map((r) => [r.person, r.action, r.post, r.retired ?? null, r.probation ?? false])).toEqual([
      ['陈红', 'appoint', '旗林业和草原局副局长', null, false],
      ['黄建平', 'remove', '旗档案馆馆长', '2019-05-31', false],
    ]);
    expect(records[0]!.notes).toEqual(['陈红等同志任职试用期已满']);
  });

  it('turns a statement it cannot read into a warning with its line, and still reads the rest', () => {
    const { records, warnings } = read(
      ['人事任免', '（2022年4月）', '经市政府研究决定：', '王鹏同志调往市外事办公室工作；', '李娜同志任市外事办公室副主任。（包政任字〔2022〕9号）'].join('\n'),
    );
    expect(records.map((r) => r.person)).toEqual(['李娜']);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatchObject({ code: 'appointment-unread', line: 4 });
    expect(warnings[0]!.message).toContain('王鹏同志调往市外事办公室工作');
  });

  it('warns about records whose batch never comes, and about an unreadable part of a statement', () => {
    const { records, warnings } = read(['人事任免', '（2022年5月）', '经市政府研究决定：', '高翔同志任市审计局副局长，主持日常工作。'].join('\n'));
    expect(records.map((r) => [r.person, r.batch])).toEqual([['高翔', null]]);
    expect(warnings.map((w) => w.code).sort()).toEqual(['appointment-no-batch', 'appointment-unread']);
    expect(warnings.find((w) => w.code === 'appointment-unread')!.message).toContain('主持日常工作');
  });

  it('stays linear on a huge line with no punctuation and on runs of brackets', () => {
    for (const junk of ['免去'.repeat(300_000), '同志、'.repeat(200_000), '（'.repeat(500_000), `${'甲'.repeat(500_000)}同志任`]) {
      // Sized so that a quadratic pass would run far past the test's timeout: a hang fails, speed is the benchmark's job.
      const { records, warnings } = read(`人事任免\n（2022年）\n${junk}`);
      expect(records).toEqual([]);
      expect(warnings.length).toBeGreaterThan(0);
    }
  });

  it('is reached through the whole pipeline in a 盟 gazette, 文号 broken before its year', () => {
    const raw = [
      '兴安盟行政公署公报',
      '2021',
      '第2期（总第74期）',
      '目 录',
      '人事任免 (30)',
      '',
      '人事任免',
      '（2021年4月至6月）',
      '经盟行政公署研究决定：',
      '那仁满都拉同志任盟生态环境局副局长（试用期一年）；',
      '免去孟繁荣同志盟生态环境局副局长职务。（兴署任字',
      '〔2021〕6号）',
    ].join('\n');
    const result = parseText(raw, 'gazette.txt');
    expect(result.appointments.map((a) => [a.batch, a.person, a.action, a.post, a.probation ?? false, a.line])).toEqual([
      ['兴署任字〔2021〕6号', '那仁满都拉', 'appoint', '盟生态环境局副局长', true, 10],
      ['兴署任字〔2021〕6号', '孟繁荣', 'remove', '盟生态环境局副局长', false, 11],
    ]);
  });

  it('never throws on random text of the section\'s alphabet, and every record points at a line of it', () => {
    const alphabet = [...'免去任同志张王李·、，；。：（）〔〕[]通政任字2023号15试用期一年退休时间为4月30日挂职市局长副主任职务经研究决定\n'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...alphabet), { maxLength: 300 }), (chars) => {
        const text = chars.join('');
        const { records, warnings } = read(text);
        const lineCount = text.split('\n').length;
        for (const r of [...records, ...warnings]) expect(r.line === undefined || (r.line >= 1 && r.line <= lineCount)).toBe(true);
        for (const r of records) expect(r.person.length).toBeGreaterThan(1);
      }),
      { numRuns: 300 },
    );
  });
});
