// 收文批办: the 文件批办单 as a one-page bordered .docx, and the 收文登记簿 as .xlsx, opened back and
// checked field by field; seed 002's own slip, as the parser reads it, printed again.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { parseText } from '../src/pipeline.ts';
import { routingSlipDocx, slipInputFromParsed, slipTextSize, type RoutingSlipInput } from '../src/report/incoming-docx.ts';
import { INCOMING_REGISTER_COLUMNS, incomingRegisterXlsx, type IncomingRegisterRow } from '../src/report/incoming-xlsx.ts';
import { CHINESE_DATE_FORMAT } from '../src/report/xlsx-sheet.ts';
import { openDocx, runWith } from './docx-open.ts';

function slip(over: Partial<RoutingSlipInput> = {}): RoutingSlipInput {
  return {
    organ: '松岭经济开发区管委会办公室',
    serial: '（政）57号',
    fromUnit: '松岭市人民政府办公室',
    receivedOn: '2026-11-16',
    docNumber: '松政办发〔2026〕31号',
    secrecy: null,
    urgency: '加急',
    channel: '公文交换',
    title: '松岭市人民政府办公室关于做好今冬明春安全生产工作的通知',
    proposal: ['呈周明远主任阅示。', '建议：请应急管理局牵头，建设管理局、消防救援站配合，制定工作方案，于12月10日前报送。'],
    instructions: [
      { leader: '周明远', text: '同意拟办意见，请应急管理局抓紧落实。', at: '2026-11-17T01:20:00Z' },
      { leader: '韩青', text: null, at: '2026-11-17T14:05:00+08:00' },
    ],
    officeOpinion: '请按主任批示办理。',
    circulation: [
      { recipient: '应急管理局', state: '已阅', at: '2026-11-18T09:00:00+08:00' },
      { recipient: '建设管理局', state: '已读', at: '2026-11-18T10:30:00+08:00' },
      { recipient: '消防救援站', state: '未读', at: null },
    ],
    handler: '孙悦',
    reviewer: '冯立',
    handledOn: '2026-11-16',
    office: '党政综合办公室',
    phone: '6612345',
    ...over,
  };
}

/** mammoth puts each table cell on its own line: the line after a label is its value. */
const after = (lines: string[], label: string, n = 1): string[] => {
  const k = lines.indexOf(label);
  expect(k, label).toBeGreaterThanOrEqual(0);
  return lines.slice(k + 1, k + 1 + n);
};

describe('文件批办单 .docx', () => {
  it('prints every field in one bordered table on an A4 page', async () => {
    const doc = await openDocx(await routingSlipDocx(slip()));
    expect(doc.page).toMatchObject({ width: 11906, height: 16838 });
    expect(doc.lines.slice(0, 3)).toEqual(['松岭经济开发区管委会办公室', '文件批办单', '运转号：（政）57号']);
    expect(runWith(doc, '文件批办单')).toMatchObject({ font: '方正小标宋简体', pt: 22 });
    expect(after(doc.lines, '来文单位')).toEqual(['松岭市人民政府办公室']);
    expect(after(doc.lines, '来文日期')).toEqual(['2026年11月16日']);
    expect(after(doc.lines, '紧急程度')).toEqual(['加急']);
    expect(after(doc.lines, '文号')).toEqual(['松政办发〔2026〕31号']);
    expect(after(doc.lines, '来文方式')).toEqual(['公文交换']);
    expect(after(doc.lines, '文件标题')).toEqual(['松岭市人民政府办公室关于做好今冬明春安全生产工作的通知']);
    // Instructions in order, with the leader and the time in Beijing time; a read mark as 圈阅.
    expect(after(doc.lines, '领导批示', 2)).toEqual(['同意拟办意见，请应急管理局抓紧落实。　周明远　2026年11月17日 09:20', '圈阅　韩青　2026年11月17日 14:05']);
    expect(after(doc.lines, '办公室意见')).toEqual(['请按主任批示办理。']);
    expect(after(doc.lines, '拟办意见', 2)).toEqual(slip().proposal);
    expect(after(doc.lines, '传阅情况', 3)).toEqual(['应急管理局：已阅（2026年11月18日 09:00）', '建设管理局：已读（2026年11月18日 10:30）', '消防救援站：未读']);
    expect(after(doc.lines, '审核人')).toEqual(['冯立']);
    expect(after(doc.lines, '承办人')).toEqual(['2026年11月16日　孙悦']);
    expect(doc.lines.at(-1)).toBe('党政综合办公室　　电话：6612345');
    // One table, bordered, fixed widths within the type area; no page numbers on a one-page form.
    expect(doc.documentXml.match(/<w:tbl>/g)).toHaveLength(1);
    expect(doc.documentXml).toMatch(/<w:tblBorders><w:top w:val="single"/);
    const grid = [...doc.documentXml.matchAll(/<w:gridCol w:w="(\d+)"\/>/g)].map((m) => Number(m[1]));
    expect(grid.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(11906 - doc.page.left - doc.page.right);
    expect(doc.documentXml).not.toContain('footerReference');
    expect(doc.documentXml).not.toMatch(/<w:br w:type="page"\/>/);
    expect(runWith(doc, '松岭市人民政府办公室')).toMatchObject({ font: '仿宋_GB2312', pt: 14 });
    expect(runWith(doc, '拟办意见').font).toBe('黑体');
  });

  it('steps the text size down as the slip fills, to stay on one page', () => {
    expect(slipTextSize(slip())).toBe(14);
    const line = (k: number) => `建议${k + 1}：请各相关单位按照职责分工抓紧研究落实，形成工作台账并按月报送进展情况。`;
    const sizes = Array.from({ length: 30 }, (_, n) => slipTextSize(slip({ proposal: Array.from({ length: n }, (_, k) => line(k)) })));
    // More text never makes the type larger, and all three sizes are used on the way.
    for (let n = 1; n < sizes.length; n++) expect(sizes[n]!).toBeLessThanOrEqual(sizes[n - 1]!);
    expect(new Set(sizes)).toEqual(new Set([14, 12, 10.5]));
  });

  it('refuses a slip without its serial or with a bad state', async () => {
    await expect(routingSlipDocx(slip({ serial: '' }))).rejects.toThrow('运转号不能为空');
    await expect(routingSlipDocx(slip({ receivedOn: '2026/11/16' }))).rejects.toThrow('收文日期应为 YYYY-MM-DD 格式的有效日期');
    await expect(routingSlipDocx(slip({ circulation: [{ recipient: '应急管理局', state: '已办' as never, at: null }] }))).rejects.toThrow('传阅状态应为未读、已读或已阅');
    await expect(routingSlipDocx(slip({ instructions: [{ leader: '周明远', text: '阅', at: '昨天' }] }))).rejects.toThrow('批示时间不是有效的时间');
  });

  const shared = join(import.meta.dirname, '..', '..', 'shared');
  const goldFile = join(shared, 'gold', 'routing_slip.json');
  const gold = existsSync(goldFile) ? (JSON.parse(readFileSync(goldFile, 'utf8')) as { file: string; slip: Record<string, unknown> }) : null;

  it.skipIf(gold === null)('prints seed 002\'s own slip, as the parser reads it, with every gold field', async () => {
    const parsed = parseText(readFileSync(join(shared, 'seeds', gold!.file), 'utf8'), gold!.file).routingSlip!;
    const doc = await openDocx(await routingSlipDocx(slipInputFromParsed(parsed)));
    const g = gold!.slip as Record<string, string | null>;
    expect(doc.lines).toContain(`运转号：${g.serial}`);
    for (const field of ['fromUnit', 'docNumber', 'channel', 'title', 'handler', 'office'] as const) {
      expect(doc.text, field).toContain(g[field]!);
    }
    const [y, m, d] = g.receivedOn!.split('-').map(Number);
    expect(after(doc.lines, '来文日期')).toEqual([`${y}年${m}月${d}日`]);
    expect(doc.text).toContain(`电话：${g.phone}`);
    expect(after(doc.lines, '拟办意见')[0]).toBe(parsed.proposal!.text);
    // Empty on the paper slip, empty on ours.
    expect(after(doc.lines, '紧急程度')).toEqual(['文号']);
  });
});

describe('收文登记簿 .xlsx', () => {
  const rows: IncomingRegisterRow[] = [
    {
      serial: '（政）57号', receivedOn: '2026-11-16', fromUnit: '松岭市人民政府办公室', docNumber: '松政办发〔2026〕31号',
      title: '松岭市人民政府办公室关于做好今冬明春安全生产工作的通知', secrecy: null, urgency: '加急', channel: '公文交换',
      kind: '办件', stateLabel: '承办中', holder: '应急管理局', leadUnit: '应急管理局', dueOn: '2026-12-10', archiveNumber: null,
    },
    {
      serial: '（党）12号', receivedOn: '2026-11-20', fromUnit: '中共松岭市委组织部', docNumber: null, title: '关于报送年度干部教育培训计划的函',
      secrecy: null, urgency: null, channel: '纸质', kind: '阅件', stateLabel: '已归档', holder: null, leadUnit: null, dueOn: null, archiveNumber: '2026-10年-0031',
    },
  ];

  it('writes one row per registration with dates, state and holder, header frozen and filtered', async () => {
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await incomingRegisterXlsx({ title: '2026年收文登记簿', asOf: '2026-12-03', filter: '收文日期：2026年11月', rows })) as unknown as ArrayBuffer);
    const sheet = book.getWorksheet('收文登记簿')!;
    const read = (c: ExcelJS.Cell) => (c.value instanceof Date ? c.value.toISOString().slice(0, 10) : (c.value ?? null));
    const row = (n: number) => Array.from({ length: INCOMING_REGISTER_COLUMNS.length }, (_, k) => read(sheet.getRow(n).getCell(k + 1)));
    expect(sheet.getCell('A1').value).toBe('2026年收文登记簿');
    expect(sheet.getCell('A2').value).toBe('截至2026年12月3日，共2件；筛选条件：收文日期：2026年11月');
    expect(row(3)).toEqual([...INCOMING_REGISTER_COLUMNS]);
    expect(row(4)).toEqual([
      1, '（政）57号', '2026-11-16', '松岭市人民政府办公室', '松政办发〔2026〕31号', '松岭市人民政府办公室关于做好今冬明春安全生产工作的通知',
      null, '加急', '公文交换', '办件', '承办中', '应急管理局', '应急管理局', '2026-12-10', null,
    ]);
    expect(row(5)).toEqual([
      2, '（党）12号', '2026-11-20', '中共松岭市委组织部', null, '关于报送年度干部教育培训计划的函', null, null, '纸质', '阅件', '已归档', null, null, null, '2026-10年-0031',
    ]);
    expect(sheet.getCell('C4').numFmt).toBe(CHINESE_DATE_FORMAT);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 3 });
    expect(sheet.autoFilter).toBe('A3:O5');
  });

  it('refuses a registration without a serial', async () => {
    await expect(incomingRegisterXlsx({ title: '收文簿', asOf: '2026-12-03', rows: [{ ...rows[0]!, serial: ' ' }] })).rejects.toThrow('运转号不能为空');
  });
});
