// 大事记: the seeds against gold, and chronicles of our own in other layouts.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readChronicle } from '../src/parse/chronicle.ts';
import { parseText } from '../src/pipeline.ts';
import { prepare } from '../src/parse/prepare.ts';
import { simplifyText } from '../src/text/chars.ts';
import type { ChronicleEntry, ParseWarning } from '../src/types.ts';

const shared = join(import.meta.dirname, '..', '..', 'shared');
const goldFile = join(shared, 'gold', 'chronicle.json');
const gold = existsSync(goldFile)
  ? (JSON.parse(readFileSync(goldFile, 'utf8')) as { files: Record<string, { date: string; endDate?: string; startsWith: string }[]> })
  : null;

const letters = (s: string) => s.normalize('NFKC').replace(/[^\p{Script=Han}A-Za-z0-9%]/gu, '');

function read(text: string, year: number | null = null): { entries: ChronicleEntry[]; warnings: ParseWarning[] } {
  const warnings: ParseWarning[] = [];
  const entries = readChronicle(prepare(text).lines, year, warnings);
  return { entries, warnings };
}

const dates = (entries: ChronicleEntry[]) => entries.map((e) => (e.endDate ? `${e.date}/${e.endDate}` : e.date));

describe.skipIf(gold === null)('seed chronicles', () => {
  for (const [file, expected] of Object.entries(gold?.files ?? {})) {
    it(`${file}: every entry in order, with its date, range and first words`, () => {
      const result = parseText(readFileSync(join(shared, 'seeds', file), 'utf8'), file);
      expect(dates(result.chronicle)).toEqual(expected.map((g) => (g.endDate ? `${g.date}/${g.endDate}` : g.date)));
      for (const [i, g] of expected.entries()) {
        // The gold keeps one traditional character the parser converts (屆 → 届).
        expect(letters(result.chronicle[i]!.text).startsWith(letters(simplifyText(g.startsWith))), `${g.date} ${g.startsWith}`).toBe(true);
      }
      expect(result.warnings.filter((w) => w.code.startsWith('chronicle'))).toEqual([]);
    });
  }

  it('000: text broken by a page header is joined with no space, and entries keep their first line', () => {
    const file = '000_2754e8a7c3ece080.txt';
    const result = parseText(readFileSync(join(shared, 'seeds', file), 'utf8'), file);
    const broken = result.chronicle.find((e) => e.date === '2023-08-22')!;
    expect(broken.text.startsWith('市政府领导奇·达楞太、牛文俊赴海关总署对接')).toBe(true);
    expect(broken.line).toBe(1139);
  });
});

describe('readChronicle on chronicles of our own', () => {
  it('advances the year when the chronicle turns from December to January', () => {
    const { entries, warnings } = read(
      [
        '赤峰市人民政府大事记',
        '（2022年12月至2023年1月）',
        '●12月30日市长主持召开跨年安全生产会议。',
        '●12月31日—1月2日副市长带队检查节日市场供应。',
        '●1月3日市政府第1次常务会议召开。',
        '●1月4—5日全市两会筹备工作会议召开。',
      ].join('\n'),
      2023,
    );
    expect(warnings).toEqual([]);
    expect(dates(entries)).toEqual(['2022-12-30', '2022-12-31/2023-01-02', '2023-01-03', '2023-01-04/2023-01-05']);
  });

  it("takes the gazette's year as the year the chronicle ends in when no period line names one", () => {
    const { entries } = read(['大事记', '●11月28日召开冬季供暖调度会。', '●12月15日召开年终工作会议。', '●1月6日召开经济工作会议。'].join('\n'), 2024);
    expect(dates(entries)).toEqual(['2023-11-28', '2023-12-15', '2024-01-06']);
  });

  it('reads every way of writing a date and a range', () => {
    const { entries, warnings } = read(
      [
        '锡林郭勒盟行政公署大事记',
        '（2021年4月至6月）',
        '●4月2日，盟长调研。',
        '●4月6日—7日 副盟长出席培训。',
        '●4月8—9日召开防火会议。',
        '●4月27日—5月3日开展督查。',
        '●5月11-13日赴自治区汇报。',
        '●5月14日-15日接待考察团。',
        '●5月30日至6月2日参加学习。',
        '●6月3日上午，召开碰头会。',
        '●6月4日上午,召开办公会,研究防汛。',
        '●六月八日，召开常务会议。',
      ].join('\n'),
    );
    expect(warnings).toEqual([]);
    expect(dates(entries)).toEqual([
      '2021-04-02',
      '2021-04-06/2021-04-07',
      '2021-04-08/2021-04-09',
      '2021-04-27/2021-05-03',
      '2021-05-11/2021-05-13',
      '2021-05-14/2021-05-15',
      '2021-05-30/2021-06-02',
      '2021-06-03',
      '2021-06-04',
      '2021-06-08',
    ]);
    expect(entries.map((e) => e.text)).toEqual([
      '盟长调研。',
      '副盟长出席培训。',
      '召开防火会议。',
      '开展督查。',
      '赴自治区汇报。',
      '接待考察团。',
      '参加学习。',
      '上午，召开碰头会。',
      '上午，召开办公会，研究防汛。',
      '召开常务会议。',
    ]);
  });

  it('opens entries at dates without a bullet, joins broken lines and keeps items of one day apart', () => {
    const { entries, warnings } = read(
      [
        '阿拉善盟行政公署大事记',
        '（2021年7月1日至9月30日）',
        '7月1日，盟委书记出席建党百年庆祝大会。',
        '下午，参加全区视频会议；',
        '召开盟长办公会。',
        '7月2日，副盟长赴额济纳旗调研，并与旗',
        '委主要负责同志座谈。',
        '●7月5日上午，召开安全生产会议，研究部署',
        '7月下旬防汛工作。',
      ].join('\n'),
      2021,
    );
    expect(warnings).toEqual([]);
    expect(entries).toEqual([
      { date: '2021-07-01', text: '盟委书记出席建党百年庆祝大会。\n下午，参加全区视频会议；\n召开盟长办公会。', line: 3 },
      { date: '2021-07-02', text: '副盟长赴额济纳旗调研，并与旗委主要负责同志座谈。', line: 6 },
      { date: '2021-07-05', text: '上午，召开安全生产会议，研究部署7月下旬防汛工作。', line: 8 },
    ]);
  });

  it('does not open an entry at a date that continues an unfinished sentence', () => {
    const { entries } = read(['大事记', '（2020年9月）', '●9月3日市政府与某集团签约，项目计划于', '9月10日开工建设。', '●9月11日召开推进会。'].join('\n'));
    expect(dates(entries)).toEqual(['2020-09-03', '2020-09-11']);
    expect(entries[0]!.text).toBe('市政府与某集团签约，项目计划于9月10日开工建设。');
  });

  it('warns about a bullet without a date, an impossible date, text before the first entry, and a missing year', () => {
    const { entries, warnings } = read(['大事记', '本栏目由办公室整理。', '●8月1日召开会议。', '●近日，开展调研。', '●8月32日召开会议。'].join('\n'), null);
    expect(entries).toEqual([{ date: '--08-01', text: '召开会议。\n近日，开展调研。\n8月32日召开会议。', line: 3 }]);
    expect(warnings.map((w) => [w.code, w.line])).toEqual([
      ['chronicle-unread', 2],
      ['chronicle-undated', 4],
      ['chronicle-bad-date', 5],
      ['chronicle-no-year', 3],
    ]);
  });

  it('reports a small step back in the months as a slip in order, without changing the year', () => {
    const { entries, warnings } = read(['大事记', '（2021年5月至6月）', '●6月2日召开会议。', '●5月31日召开座谈会。', '●6月3日召开调度会。'].join('\n'));
    expect(dates(entries)).toEqual(['2021-06-02', '2021-05-31', '2021-06-03']);
    expect(warnings.map((w) => [w.code, w.line])).toEqual([['chronicle-order', 4]]);
  });

  it('reads the year from a heading that carries its period', () => {
    const { entries } = read(['乌海市人民政府大事记（2018年10月至12月）', '●10月9日召开会议。'].join('\n'), 2019);
    expect(dates(entries)).toEqual(['2018-10-09']);
  });

  it('stays linear on a huge single line', () => {
    // Sized so that a quadratic pass would run far past the test's timeout: a hang fails, speed is the benchmark's job.
    const { entries } = read(`大事记\n（2022年）\n●1月1日${'召开会议'.repeat(250_000)}\n${'7月'.repeat(300_000)}`);
    expect(entries).toHaveLength(1);
  });

  it("is reached through the whole pipeline and takes the gazette's year when the period line has none", () => {
    const raw = [
      '兴安盟行政公署公报',
      '2021',
      '第2期（总第74期）',
      '目 录',
      '兴安盟行政公署大事记 (31)',
      '',
      '兴安盟行政公署大事记',
      '（4月1日至6月30日）',
      '●4月2日，参加全盟植树造林动员会。',
      '4月2日，盟长主持召开行署常务会议。',
      '●6月29日—7月1日，参加庆祝建党百年系列活动。',
    ].join('\n');
    const result = parseText(raw, 'gazette.txt');
    expect(result.chronicle).toEqual([
      { date: '2021-04-02', text: '参加全盟植树造林动员会。', line: 9 },
      { date: '2021-04-02', text: '盟长主持召开行署常务会议。', line: 10 },
      { date: '2021-06-29', endDate: '2021-07-01', text: '参加庆祝建党百年系列活动。', line: 11 },
    ]);
  });

  it('never throws on random text, and every date it gives is a real ISO date', () => {
    const alphabet = [...'●1234567890月日—-至，。；上午市政府召开会议（）年大事记\n'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...alphabet), { maxLength: 300 }), fc.constantFrom(2022, 2023, null), (chars, year) => {
        const { entries } = read(chars.join(''), year);
        for (const e of entries) {
          expect(e.date).toMatch(/^(\d{4}|-)-\d{2}-\d{2}$/);
          if (e.endDate !== undefined) expect(e.endDate > e.date || e.date.startsWith('--')).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });
});
