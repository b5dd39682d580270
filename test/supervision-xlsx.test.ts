// The supervision workbooks opened back with exceljs, cell by cell: the 督办台账, the 调度表 and the
// annual 考核; each sheet with its header frozen and an autofilter over header and rows.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { ReportError } from '../src/report/errors.ts';
import {
  SUPERVISION_LEDGER_COLUMNS,
  DISPATCH_COLUMNS,
  dispatchXlsx,
  scoreSummaries,
  scoresXlsx,
  supervisionLedgerXlsx,
  type SupervisionLedgerRow,
} from '../src/report/supervision-xlsx.ts';
import { CHINESE_DATE_FORMAT, sheetName } from '../src/report/xlsx-sheet.ts';

async function open(buffer: Buffer): Promise<ExcelJS.Workbook> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(buffer as unknown as ArrayBuffer);
  return book;
}

/** A cell as the test compares it: text, number, or an ISO day for a date cell. */
function read(cell: ExcelJS.Cell): string | number | null {
  const v = cell.value;
  if (v === null || v === undefined) return null;
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  return typeof v === 'number' ? v : String(v);
}

function rowValues(sheet: ExcelJS.Worksheet, n: number, width: number): (string | number | null)[] {
  return Array.from({ length: width }, (_, k) => read(sheet.getRow(n).getCell(k + 1)));
}

function expectFrozenAndFiltered(sheet: ExcelJS.Worksheet, headerRow: number, lastRow: number, width: number): void {
  expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: headerRow });
  const filter = sheet.autoFilter as { from: { row: number; column: number }; to: { row: number; column: number } } | string;
  // exceljs reads an autofilter back as the range it was written with ("A3:M5").
  const range = typeof filter === 'string' ? filter : `${sheet.getRow(filter.from.row).getCell(filter.from.column).address}:${sheet.getRow(filter.to.row).getCell(filter.to.column).address}`;
  expect(range).toBe(`A${headerRow}:${sheet.getRow(lastRow).getCell(width).address}`);
  const head = sheet.getRow(headerRow).getCell(1);
  expect(head.font?.name).toBe('黑体');
  expect(head.font?.bold).toBe(true);
}

const rows: SupervisionLedgerRow[] = [
  {
    text: '建成城南污水处理厂二期并通水试运行。',
    leads: ['市住房城乡建设局'],
    responsible: ['市城投集团'],
    cooperating: ['市生态环境局', '市自然资源局'],
    deadlineText: '三季度末',
    deadline: '2026-09-30',
    stateLabel: '办理中',
    light: '红灯',
    latestReport: { on: '2026-11-05', progress: '主体设备安装完毕，待联调。', percent: 85 },
    extensions: [{ asked: '2026-12-20', decision: '驳回' }],
    doneOn: null,
    source: '《市政府2026年民生实事项目分工方案》',
  },
  {
    text: '出台老旧小区加装电梯补助办法。',
    leads: ['市住房城乡建设局'],
    responsible: [],
    cooperating: ['市财政局'],
    deadlineText: null,
    deadline: '2026-06-30',
    stateLabel: '已办结',
    light: null,
    latestReport: null,
    extensions: [],
    doneOn: '2026-06-18',
    source: '市长办公会议议定事项',
  },
];

describe('督办台账 .xlsx', () => {
  it('writes one row per item in the office columns, with status, light, progress, extension and the deadline as written', async () => {
    const book = await open(await supervisionLedgerXlsx({ title: '2026年民生实事督办台账', filter: '牵头单位：市住房城乡建设局', asOf: '2026-12-03', rows }));
    const sheet = book.getWorksheet('督办台账')!;
    expect(read(sheet.getCell('A1'))).toBe('2026年民生实事督办台账');
    expect(read(sheet.getCell('A2'))).toBe('截至2026年12月3日，共2项；筛选条件：牵头单位：市住房城乡建设局');
    const width = SUPERVISION_LEDGER_COLUMNS.length;
    expect(rowValues(sheet, 3, width)).toEqual([...SUPERVISION_LEDGER_COLUMNS]);
    expect(rowValues(sheet, 4, width)).toEqual([
      1,
      '建成城南污水处理厂二期并通水试运行。',
      '市住房城乡建设局',
      '市城投集团',
      '市生态环境局、市自然资源局',
      '三季度末',
      '2026-09-30',
      '办理中',
      '红灯',
      '2026年11月5日：主体设备安装完毕，待联调。（完成85%）',
      '申请延期至2026年12月20日（驳回）',
      null,
      '《市政府2026年民生实事项目分工方案》',
    ]);
    expect(rowValues(sheet, 5, width)).toEqual([
      2, '出台老旧小区加装电梯补助办法。', '市住房城乡建设局', null, '市财政局', null, '2026-06-30', '已办结', null, null, null, '2026-06-18', '市长办公会议议定事项',
    ]);
    // Dates are Excel dates shown the Chinese way; the red light is filled red.
    expect(sheet.getCell('G4').numFmt).toBe(CHINESE_DATE_FORMAT);
    expect(sheet.getCell('L5').numFmt).toBe(CHINESE_DATE_FORMAT);
    expect((sheet.getCell('I4').fill as ExcelJS.FillPattern).fgColor?.argb).toBe('FFFFC7CE');
    expect(sheet.getColumn(2).width).toBe(50);
    expectFrozenAndFiltered(sheet, 3, 5, width);
  });

  it('refuses a bad date with the column named', async () => {
    const bad = [{ ...rows[0]!, deadline: '2026-9-30' }];
    await expect(supervisionLedgerXlsx({ title: '台账', asOf: '2026-12-03', rows: bad })).rejects.toThrow(new ReportError('“完成日期”应为 YYYY-MM-DD 格式的日期：2026-9-30'));
    await expect(supervisionLedgerXlsx({ title: '', asOf: '2026-12-03', rows })).rejects.toThrow('台账标题不能为空');
  });
});

describe('调度表 .xlsx', () => {
  it('has a sheet per lead unit with the latest report in its fields', async () => {
    const report = { on: '2026-12-01', unit: '市城投集团', progress: '联调完成七成。', problems: '电力增容未批复。', coordination: '请供电公司加快审批。', nextSteps: '12月中旬试运行。', percent: 90 };
    const book = await open(
      await dispatchXlsx({
        period: '2026年12月上半月调度',
        asOf: '2026-12-03',
        leads: [
          { unit: '市住房城乡建设局', rows: [{ ...rows[0]!, latestReport: report }] },
          { unit: '市交通运输局', rows: [] },
        ],
      }),
    );
    expect(book.worksheets.map((s) => s.name)).toEqual(['市住房城乡建设局', '市交通运输局']);
    const sheet = book.getWorksheet('市住房城乡建设局')!;
    expect(read(sheet.getCell('A1'))).toBe('市住房城乡建设局督办事项调度表');
    expect(read(sheet.getCell('A2'))).toBe('2026年12月上半月调度；截至2026年12月3日，共1项');
    const width = DISPATCH_COLUMNS.length;
    expect(rowValues(sheet, 3, width)).toEqual([...DISPATCH_COLUMNS]);
    expect(rowValues(sheet, 4, width)).toEqual([
      1, '建成城南污水处理厂二期并通水试运行。', '市城投集团', '市生态环境局、市自然资源局', '三季度末', '2026-09-30', '办理中', '红灯',
      '联调完成七成。', '电力增容未批复。', '请供电公司加快审批。', '12月中旬试运行。', '市城投集团', '2026-12-01', 0.9,
    ]);
    expect(sheet.getCell('O4').numFmt).toBe('0.0%');
    expectFrozenAndFiltered(sheet, 3, 4, width);
    expect(book.getWorksheet('市交通运输局')!.rowCount).toBe(3);
  });

  it('refuses an empty dispatch', async () => {
    await expect(dispatchXlsx({ period: '12月', asOf: '2026-12-03', leads: [] })).rejects.toThrow('调度表没有牵头单位');
  });
});

describe('考核 .xlsx', () => {
  const input = {
    year: 2026,
    base: 100,
    units: [
      {
        unit: '市住房城乡建设局',
        points: [
          { on: '2026-06-18', item: '出台老旧小区加装电梯补助办法。', reason: '办结（牵头）', points: 2 },
          { on: '2026-06-18', item: '出台老旧小区加装电梯补助办法。', reason: '提前办结', points: 0.5 },
          { on: '2026-10-13', item: '建成城南污水处理厂二期并通水试运行。', reason: '督办单 督办〔2026〕3号', points: -1 },
          { on: '2026-10-01', item: '建成城南污水处理厂二期并通水试运行。', reason: '超期（牵头）', points: -5 },
        ],
      },
      { unit: '市财政局', points: [{ on: '2026-06-18', item: '出台老旧小区加装电梯补助办法。', reason: '办结（配合）', points: 1 }] },
      { unit: '市交通运输局', points: [{ on: '2026-03-06', item: '', reason: '进展报送迟报', points: -0.1 }, { on: '2026-04-06', item: '', reason: '进展报送迟报', points: 1.1 }] },
    ],
  };

  it('totals and ranks by score, equal scores sharing a rank (then in pinyin order)', () => {
    expect(scoreSummaries(input).map((s) => [s.rank, s.unit, s.plus, s.minus, s.score])).toEqual([
      [1, '市财政局', 1, 0, 101],
      [1, '市交通运输局', 1.1, -0.1, 101],
      [3, '市住房城乡建设局', 2.5, -6, 96.5],
    ]);
  });

  it('writes the summary and every point with its reason, by date', async () => {
    const book = await open(await scoresXlsx(input));
    const summary = book.getWorksheet('考核汇总')!;
    expect(read(summary.getCell('A1'))).toBe('2026年度督查督办考核得分');
    expect(rowValues(summary, 3, 6)).toEqual(['排名', '单位', '基础分', '加分', '减分', '得分']);
    expect(rowValues(summary, 6, 6)).toEqual([3, '市住房城乡建设局', 100, 2.5, -6, 96.5]);
    expectFrozenAndFiltered(summary, 3, 6, 6);
    const detail = book.getWorksheet('计分明细')!;
    expect(rowValues(detail, 2, 6)).toEqual(['序号', '单位', '日期', '事项', '事由', '分值']);
    const points = Array.from({ length: 7 }, (_, k) => rowValues(detail, 3 + k, 6));
    expect(points.map((p) => p[4])).toEqual(['办结（牵头）', '提前办结', '超期（牵头）', '督办单 督办〔2026〕3号', '办结（配合）', '进展报送迟报', '进展报送迟报']);
    expect(points[2]).toEqual([3, '市住房城乡建设局', '2026-10-01', '建成城南污水处理厂二期并通水试运行。', '超期（牵头）', -5]);
    // Every unit's points add up to its score in the summary.
    const byUnit = new Map<string, number>();
    for (const p of points) byUnit.set(String(p[1]), (byUnit.get(String(p[1])) ?? 0) + Number(p[5]));
    for (let r = 4; r <= 6; r++) {
      const [, unit, base, , , score] = rowValues(summary, r, 6);
      expect(Number(base) + byUnit.get(String(unit))!).toBeCloseTo(Number(score), 6);
    }
    expectFrozenAndFiltered(detail, 2, 9, 6);
  });

  it('refuses a point without a reason', async () => {
    const bad = { ...input, units: [{ unit: '市财政局', points: [{ on: '2026-06-18', item: 'x', reason: ' ', points: 1 }] }] };
    await expect(scoresXlsx(bad)).rejects.toThrow('计分事由不能为空');
  });
});

describe('sheet names', () => {
  it('cleans forbidden characters, cuts to 31 and keeps names unique', () => {
    const book = new ExcelJS.Workbook();
    expect(sheetName(book, '办公室/综合科[一]')).toBe('办公室_综合科_一_');
    book.addWorksheet('市局');
    expect(sheetName(book, '市局')).toBe('市局_2');
    expect(sheetName(book, 'x'.repeat(40))).toHaveLength(31);
  });
});
