// 三单一函 and the 督查通报 as Word files: written, opened back (mammoth for the text, jszip for the
// XML) and checked field by field, with the GB/T 9704 page: A4, the margins of a 156 × 225 mm type
// area, 方正小标宋简体 二号 title, 仿宋_GB2312 三号 body, 黑体 and 楷体_GB2312 headings, red 版头.
import { describe, expect, it } from 'vitest';
import { bulletinDocx, percent, type BulletinDocInput } from '../src/report/bulletin-docx.ts';
import { ReportError } from '../src/report/errors.ts';
import { noticeDocx, selfName, type NoticeDocInput } from '../src/report/notice-docx.ts';
import { openDocx, runWith, type OpenedDocx } from './docx-open.ts';

const OFFICE = '青禾县人民政府督查室';

function notice(over: Partial<NoticeDocInput> = {}): NoticeDocInput {
  return {
    office: OFFICE,
    kind: '催办单',
    number: '催办〔2026〕12号',
    date: '2026-10-08',
    unit: '县农业农村局',
    deadline: '2026-09-30',
    copiedTo: [],
    item: {
      text: '完成东坝片区高标准农田建设1.2万亩，同步配套灌排设施。',
      source: '《青禾县2026年乡村振兴重点任务清单》（青政办发〔2026〕4号）',
      responsible: ['县水利局'],
      cooperating: ['县财政局', '东坝镇人民政府'],
      originalDeadline: '2026-09-30',
      deadline: '2026-09-30',
      deadlineText: '9月底前',
      stateLabel: '办理中',
      latestReport: { on: '2026-09-05', progress: '已完成招标，施工进度约六成。' },
    },
    overdueWorkingDays: 1,
    ...over,
  };
}

/** Both GB/T 9704 checks every form shares: the page and the faces. */
function expectGbt9704Page(doc: OpenedDocx): void {
  expect(doc.page.width).toBe(11906);
  expect(doc.page.height).toBe(16838);
  const mm = (twips: number) => (twips * 25.4) / 1440;
  expect(mm(doc.page.top)).toBeCloseTo(37, 0);
  expect(mm(doc.page.left)).toBeCloseTo(28, 0);
  // The type area is what the standard fixes: 156 × 225 mm.
  expect(mm(doc.page.width - doc.page.left - doc.page.right)).toBeCloseTo(156, 1);
  expect(mm(doc.page.height - doc.page.top - doc.page.bottom)).toBeCloseTo(225, 1);
}

async function expectFallbacks(doc: OpenedDocx): Promise<void> {
  const table = await doc.part('word/fontTable.xml');
  expect(table).toMatch(/<w:font w:name="方正小标宋简体"><w:altName w:val="宋体"\/>/);
  expect(table).toMatch(/<w:font w:name="仿宋_GB2312"><w:altName w:val="仿宋"\/>/);
  expect(table).toMatch(/<w:font w:name="楷体_GB2312"><w:altName w:val="楷体"\/>/);
  const styles = await doc.part('word/styles.xml');
  expect(styles).toMatch(/<w:rPrDefault><w:rPr><w:rFonts[^>]*w:eastAsia="仿宋_GB2312"/);
}

describe('三单一函 .docx', () => {
  it('a 催办单 carries its 版头, number, addressee, item, deadlines, request, signature and date', async () => {
    const doc = await openDocx(await noticeDocx(notice()));
    expectGbt9704Page(doc);
    await expectFallbacks(doc);
    expect(doc.lines[0]).toBe('青禾县人民政府督查室催办单');
    expect(doc.lines[1]).toBe('催办〔2026〕12号');
    expect(doc.lines).toContain('县农业农村局：');
    expect(doc.text).toContain('完成东坝片区高标准农田建设1.2万亩，同步配套灌排设施。');
    expect(doc.text).toContain('《青禾县2026年乡村振兴重点任务清单》（青政办发〔2026〕4号）');
    expect(doc.text).toContain('牵头单位：县农业农村局；责任单位：县水利局；配合单位：县财政局、东坝镇人民政府。');
    expect(doc.text).toContain('2026年9月30日（原文：9月底前）');
    expect(doc.text).toContain('已于2026年9月30日到期，至今尚未办结，已超期1个工作日，现予催办');
    expect(doc.text).toContain('最近一次报送（2026年9月5日）：已完成招标');
    // 落款 then 成文日期, at the right, the last two lines before the 版记.
    const sign = doc.lines.lastIndexOf(OFFICE);
    expect(doc.lines[sign + 1]).toBe('2026年10月8日');
    expect(doc.documentXml).toMatch(/<w:ind w:right="1280"\/><w:jc w:val="right"\/><\/w:pPr><w:r><w:rPr><w:rFonts[^>]*\/><w:sz w:val="32"\/><w:szCs w:val="32"\/><\/w:rPr><w:t xml:space="preserve">2026年10月8日/);
    expect(doc.lines).toContain('现将你单位牵头承办的下列事项有关情况通知如下：');
    expect(doc.text).not.toContain('抄送');

    const head = runWith(doc, '青禾县人民政府督查室催办单');
    expect(head.font).toBe('方正小标宋简体');
    expect(head.color).toBe('FF0000');
    const title = runWith(doc, '督办事项催办单');
    expect(title).toMatchObject({ font: '方正小标宋简体', pt: 22 });
    expect(runWith(doc, '县农业农村局：')).toMatchObject({ font: '仿宋_GB2312', pt: 16 });
    expect(runWith(doc, '一、督办事项')).toMatchObject({ font: '黑体', pt: 16 });
    expect(runWith(doc, '（一）事项内容。')).toMatchObject({ font: '楷体_GB2312', pt: 16 });
    // The red separator under the number line.
    expect(doc.documentXml).toMatch(/<w:pBdr><w:bottom w:val="single" w:color="FF0000"[^>]*\/><\/w:pBdr>[\s\S]{0,600}催办〔2026〕12号/);
  });

  it('numbers pages "— n —" in 宋体 四号, odd at the right and even at the left', async () => {
    const doc = await openDocx(await noticeDocx(notice()));
    const settings = await doc.part('word/settings.xml');
    expect(settings).toContain('<w:evenAndOddHeaders/>');
    const footers = [await doc.part('word/footer1.xml'), await doc.part('word/footer2.xml')];
    for (const f of footers) {
      expect(f).toContain('— ');
      expect(f).toContain(' —');
      expect(f).toMatch(/<w:instrText[^>]*>PAGE<\/w:instrText>/);
      expect(f).toMatch(/w:eastAsia="宋体"/);
      expect(f).toContain('<w:sz w:val="28"/>');
    }
    expect(footers.map((f) => /<w:jc w:val="(\w+)"/.exec(f)?.[1]).sort()).toEqual(['left', 'right']);
  });

  it('a 督办单 cites the earlier notices and is copied to the 分管领导', async () => {
    const doc = await openDocx(
      await noticeDocx(
        notice({
          kind: '督办单',
          number: '督办〔2026〕3号',
          date: '2026-10-13',
          copiedTo: ['县政府副县长 林知远'],
          overdueWorkingDays: 6,
          earlier: [
            { kind: '提醒单', number: '提醒〔2026〕40号', date: '2026-09-24' },
            { kind: '催办单', number: '催办〔2026〕12号', date: '2026-10-08' },
          ],
        }),
      ),
    );
    expect(doc.lines[0]).toBe('青禾县人民政府督查室督办单');
    expect(doc.lines[1]).toBe('督办〔2026〕3号');
    expect(doc.text).toContain('我室已于2026年9月24日发出提醒单（提醒〔2026〕40号）、2026年10月8日发出催办单（催办〔2026〕12号）');
    expect(doc.text).toContain('经催办仍未办结，已超期6个工作日，现予督办');
    expect(doc.text).toContain('请单位主要负责同志亲自过问');
    expect(doc.lines).toContain('抄送：县政府副县长 林知远。');
    expect(doc.text).toContain('2026年10月13日印发');
  });

  it('a 移交函 goes to the body it transfers to and copies the lead unit', async () => {
    const doc = await openDocx(
      await noticeDocx(notice({ kind: '移交函', number: '移交〔2026〕1号', date: '2026-10-27', copiedTo: ['县纪委监委'] })),
    );
    expect(doc.lines[0]).toBe('青禾县人民政府督查室移交函');
    expect(doc.lines).toContain('县纪委监委：');
    expect(doc.lines).not.toContain('县农业农村局：');
    expect(doc.text).toContain('经提醒、催办、督办，县农业农村局仍未办结');
    expect(doc.text).toContain('二、移交事由');
    expect(doc.lines).toContain('抄送：县农业农村局。');
  });

  it('a 提醒单 before the deadline, and an extended deadline shows both dates', async () => {
    const item = { ...notice().item, deadline: '2026-12-31', deadlineText: null, latestReport: null };
    const doc = await openDocx(
      await noticeDocx(notice({ kind: '提醒单', number: '提醒〔2026〕77号', date: '2026-12-28', deadline: '2026-12-31', item, overdueWorkingDays: 0, replyBy: '2026-12-30' })),
    );
    expect(doc.text).toContain('该事项将于2026年12月31日到期');
    expect(doc.text).toContain('原定2026年9月30日，经批准延期至2026年12月31日。');
    expect(doc.text).toContain('尚未报送办理进展');
    expect(doc.text).toContain('请于2026年12月30日前报送办理进展');
    expect(doc.text).not.toContain('超期');
  });

  it('refuses incomplete input with a Chinese message', async () => {
    await expect(noticeDocx(notice({ unit: ' ' }))).rejects.toThrow(new ReportError('牵头单位不能为空'));
    await expect(noticeDocx(notice({ date: '2026-02-30' }))).rejects.toThrow(/成文日期应为 YYYY-MM-DD 格式的有效日期/);
    await expect(noticeDocx(notice({ kind: '移交函', copiedTo: [] }))).rejects.toThrow('移交函须写明移交单位');
    await expect(noticeDocx(notice({ kind: '督办单', copiedTo: [] }))).rejects.toThrow('督办单须抄送牵头单位分管领导');
    await expect(noticeDocx(notice({ kind: '通知单' as never }))).rejects.toBeInstanceOf(ReportError);
  });

  it('calls the office by its last character', () => {
    expect(selfName('青禾县人民政府督查室')).toBe('我室');
    expect(selfName('县营商办')).toBe('我办');
    expect(selfName('某某中心')).toBe('我单位');
  });
});

function bulletin(over: Partial<BulletinDocInput> = {}): BulletinDocInput {
  return {
    office: OFFICE,
    issue: 10,
    month: '2026-10',
    asOf: '2026-10-31',
    date: '2026-11-03',
    totals: { total: 40, done: 25, working: 15, overdue: 3 },
    units: [
      { unit: '县水利局', assigned: 8, done: 6, overdue: 1, onTimeRate: 0.8, feedbackRate: 0.875, score: 96.5, rank: 3 },
      { unit: '县农业农村局', assigned: 12, done: 10, overdue: 0, onTimeRate: 0.95, feedbackRate: 1, score: 104, rank: 1 },
      { unit: '县教育体育局', assigned: 5, done: 3, overdue: 0, onTimeRate: 0.875, feedbackRate: 0.6, score: 99.6, rank: 2 },
      { unit: '县应急管理局', assigned: 0, done: 0, overdue: 0, onTimeRate: null, feedbackRate: null, score: 100, rank: 4 },
    ],
    redList: ['县农业农村局'],
    blackList: ['县水利局'],
    redRule: '按时办结率≥90%',
    blackRule: '按时办结率<85%',
    overdueItems: [{ ref: '17', text: '改造西干渠渠首闸门。', lead: '县水利局', deadline: '2026-10-15', overdueWorkingDays: 12 }],
    ...over,
  };
}

describe('督查通报 .docx', () => {
  it('holds the totals, the table per unit by rank, the lists and the overdue items', async () => {
    const doc = await openDocx(await bulletinDocx(bulletin()));
    expectGbt9704Page(doc);
    await expectFallbacks(doc);
    expect(doc.lines.slice(0, 2)).toEqual(['督查通报', '第10期']);
    expect(runWith(doc, '督查通报').color).toBe('FF0000');
    expect(runWith(doc, '关于2026年10月督查督办事项办理情况的通报')).toMatchObject({ font: '方正小标宋简体', pt: 22 });
    expect(doc.text).toContain('截至2026年10月31日，共有督办事项40件，已办结25件（62.5%），在办15件（37.5%），其中超期未办结3件。');
    // The table: header, then one row per unit in rank order; mammoth gives each cell its own line.
    const start = doc.lines.indexOf('承办单位');
    expect(doc.lines.slice(start, start + 8)).toEqual(['承办单位', '承办件数', '办结数', '按时办结率', '超期数', '反馈及时率', '得分', '排名']);
    const rows = Array.from({ length: 4 }, (_, k) => doc.lines.slice(start + 8 * (k + 1), start + 8 * (k + 2)));
    expect(rows[0]).toEqual(['县农业农村局', '12', '10', '95.0%', '0', '100.0%', '104.0', '1']);
    expect(rows[1]).toEqual(['县教育体育局', '5', '3', '87.5%', '0', '60.0%', '99.6', '2']);
    expect(rows[2]).toEqual(['县水利局', '8', '6', '80.0%', '1', '87.5%', '96.5', '3']);
    expect(rows[3]).toEqual(['县应急管理局', '0', '0', '—', '0', '—', '100.0', '4']);
    expect(doc.lines).toContain('红榜（按时办结率≥90%）：县农业农村局。');
    expect(doc.lines).toContain('黑榜（按时办结率<85%）：县水利局。');
    expect(doc.text).toContain('1. 第17项：改造西干渠渠首闸门。（牵头单位：县水利局；完成时限：2026年10月15日；已超期12个工作日）。');
    expect(doc.lines.at(-2)).toBe(OFFICE);
    expect(doc.lines.at(-1)).toBe('2026年11月3日');
    // The table lies inside the type area, with fixed widths.
    const grid = [...doc.documentXml.matchAll(/<w:gridCol w:w="(\d+)"\/>/g)].map((m) => Number(m[1]));
    expect(grid).toHaveLength(8);
    expect(grid.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(11906 - 1587 - 1475);
  });

  it('says so when no unit is listed and nothing is overdue', async () => {
    const doc = await openDocx(
      await bulletinDocx(bulletin({ redList: [], blackList: [], overdueItems: [], totals: { total: 4, done: 4, working: 0, overdue: 0 } })),
    );
    expect(doc.lines).toContain('红榜（按时办结率≥90%）：本期无。');
    expect(doc.lines).toContain('本期无超期未办结事项。');
    expect(doc.text).toContain('已办结4件（100.0%），在办0件（0.0%）');
  });

  it('refuses figures that do not add up', async () => {
    await expect(bulletinDocx(bulletin({ totals: { total: 40, done: 25, working: 14, overdue: 3 } }))).rejects.toThrow(
      '总体情况不一致：已办结25件加在办14件不等于总数40件',
    );
    await expect(bulletinDocx(bulletin({ issue: 0 }))).rejects.toThrow('通报期数应为正整数');
    await expect(bulletinDocx(bulletin({ month: '2026-13' }))).rejects.toThrow('通报月份应为 YYYY-MM 格式');
    const units = [{ unit: '县水利局', assigned: 2, done: 3, overdue: 0, onTimeRate: 1, feedbackRate: 1, score: 100, rank: 1 }];
    await expect(bulletinDocx(bulletin({ units }))).rejects.toThrow('县水利局的办结数（3）多于承办件数（2）');
  });

  it('writes rates to one decimal', () => {
    expect(percent(0.9231)).toBe('92.3%');
    expect(percent(1)).toBe('100.0%');
    expect(percent(null)).toBe('—');
  });
});
