// The supervision workbooks: the 督办台账 (as filtered on screen), the 调度表 (one sheet per lead
// unit) and the annual 考核 (per unit, every point with its reason). Plain input rows: the
// integrator maps ItemFacts (src/workflow/types.ts) onto them, with labels already in Chinese.
import type { IsoDate } from '../calendar/index.ts';
import { chineseDate } from './chinese-date.ts';
import { ReportError, requireText } from './errors.ts';
import { addTableSheet, bookBuffer, newBook, type SheetColumn } from './xlsx-sheet.ts';

export type LightLabel = '绿灯' | '黄灯' | '红灯';
const LIGHT_FILL: Record<LightLabel, string> = { 绿灯: 'FFC6EFCE', 黄灯: 'FFFFEB9C', 红灯: 'FFFFC7CE' };

export interface LedgerExtension {
  asked: IsoDate;
  /** 批准, 驳回, 待审批. */
  decision: '批准' | '驳回' | '待审批';
}

export interface SupervisionLedgerRow {
  text: string;
  leads: readonly string[];
  responsible: readonly string[];
  cooperating: readonly string[];
  /** As the document wrote it (3月底前) and as a date (the current deadline). */
  deadlineText: string | null;
  deadline: IsoDate | null;
  stateLabel: string;
  /** Null for items no longer open (办结, 终止). */
  light: LightLabel | null;
  latestReport: { on: IsoDate; progress: string; percent: number } | null;
  extensions: readonly LedgerExtension[];
  doneOn: IsoDate | null;
  source: string;
}

export interface SupervisionLedgerInput {
  title: string;
  /** The filter as the page shows it (牵头单位：市发展改革委；状态：办理中); empty for all items. */
  filter?: string | null;
  /** The day the ledger is as of. */
  asOf: IsoDate;
  rows: readonly SupervisionLedgerRow[];
}

export const SUPERVISION_LEDGER_COLUMNS = [
  '序号', '任务事项', '牵头单位', '责任单位', '配合单位', '完成时限', '完成日期', '状态', '灯', '最新进展', '延期', '办结日期', '来源',
] as const;

const units = (list: readonly string[]): string => list.join('、');

function extensionCell(list: readonly LedgerExtension[]): string {
  return list.map((e) => `申请延期至${chineseDate(e.asked, '申请延期日期')}（${e.decision}）`).join('；');
}

function reportCell(r: SupervisionLedgerRow['latestReport']): string {
  if (r === null) return '';
  return `${chineseDate(r.on, '报送日期')}：${r.progress}（完成${Math.round(r.percent)}%）`;
}

const lightFill = (row: { light: LightLabel | null }): string | null => (row.light === null ? null : LIGHT_FILL[row.light]);

function ledgerColumns(): SheetColumn<SupervisionLedgerRow>[] {
  const c: SheetColumn<SupervisionLedgerRow>[] = [
    { header: '序号', width: 6, kind: 'number', value: (_r, k) => k + 1 },
    { header: '任务事项', width: 50, value: (r) => r.text },
    { header: '牵头单位', width: 16, value: (r) => units(r.leads) },
    { header: '责任单位', width: 22, value: (r) => units(r.responsible) },
    { header: '配合单位', width: 22, value: (r) => units(r.cooperating) },
    { header: '完成时限', width: 14, value: (r) => r.deadlineText },
    { header: '完成日期', width: 15, kind: 'date', value: (r) => r.deadline },
    { header: '状态', width: 10, value: (r) => r.stateLabel },
    { header: '灯', width: 7, value: (r) => r.light, fill: lightFill },
    { header: '最新进展', width: 40, value: (r) => reportCell(r.latestReport) },
    { header: '延期', width: 24, value: (r) => extensionCell(r.extensions) },
    { header: '办结日期', width: 15, kind: 'date', value: (r) => r.doneOn },
    { header: '来源', width: 30, value: (r) => r.source },
  ];
  return c;
}

/** The 督办台账 .xlsx: one row per item, in the order given (the page's order). */
export async function supervisionLedgerXlsx(input: SupervisionLedgerInput): Promise<Buffer> {
  requireText(input.title, '台账标题');
  const asOf = chineseDate(input.asOf, '台账日期');
  const book = newBook();
  addTableSheet(book, {
    name: '督办台账',
    title: input.title,
    note: `截至${asOf}，共${input.rows.length}项${input.filter ? `；筛选条件：${input.filter}` : ''}`,
    columns: ledgerColumns(),
    rows: input.rows,
  });
  return bookBuffer(book);
}

export interface DispatchRow {
  text: string;
  responsible: readonly string[];
  cooperating: readonly string[];
  deadlineText: string | null;
  deadline: IsoDate | null;
  stateLabel: string;
  light: LightLabel | null;
  /** The latest report, with the fields units fill in. */
  latestReport: { on: IsoDate; unit: string; progress: string; problems: string; coordination: string; nextSteps: string; percent: number } | null;
}

export interface DispatchInput {
  /** 2026年12月上半月调度 … (the round of 调度). */
  period: string;
  asOf: IsoDate;
  /** One sheet per lead unit, in this order. */
  leads: readonly { unit: string; rows: readonly DispatchRow[] }[];
}

export const DISPATCH_COLUMNS = ['序号', '任务事项', '责任单位', '配合单位', '完成时限', '完成日期', '状态', '灯', '最新进展', '问题困难', '需协调事项', '下一步', '报送单位', '报送日期', '完成比例'] as const;

/** The 调度表: a sheet per lead unit with its items, state, latest report and light. */
export async function dispatchXlsx(input: DispatchInput): Promise<Buffer> {
  requireText(input.period, '调度期次');
  const asOf = chineseDate(input.asOf, '调度日期');
  if (input.leads.length === 0) throw new ReportError('调度表没有牵头单位');
  const book = newBook();
  const report = <K extends keyof NonNullable<DispatchRow['latestReport']>>(key: K) => (r: DispatchRow) => r.latestReport?.[key] ?? null;
  for (const lead of input.leads) {
    requireText(lead.unit, '牵头单位');
    addTableSheet<DispatchRow>(book, {
      name: lead.unit,
      title: `${lead.unit}督办事项调度表`,
      note: `${input.period}；截至${asOf}，共${lead.rows.length}项`,
      columns: [
        { header: '序号', width: 6, kind: 'number', value: (_r, k) => k + 1 },
        { header: '任务事项', width: 44, value: (r) => r.text },
        { header: '责任单位', width: 20, value: (r) => units(r.responsible) },
        { header: '配合单位', width: 20, value: (r) => units(r.cooperating) },
        { header: '完成时限', width: 14, value: (r) => r.deadlineText },
        { header: '完成日期', width: 15, kind: 'date', value: (r) => r.deadline },
        { header: '状态', width: 10, value: (r) => r.stateLabel },
        { header: '灯', width: 7, value: (r) => r.light, fill: lightFill },
        { header: '最新进展', width: 32, value: report('progress') },
        { header: '问题困难', width: 24, value: report('problems') },
        { header: '需协调事项', width: 24, value: report('coordination') },
        { header: '下一步', width: 24, value: report('nextSteps') },
        { header: '报送单位', width: 16, value: report('unit') },
        { header: '报送日期', width: 15, kind: 'date', value: report('on') },
        { header: '完成比例', width: 10, kind: 'percent', value: (r) => (r.latestReport === null ? null : r.latestReport.percent / 100) },
      ],
      rows: lead.rows,
    });
  }
  return bookBuffer(book);
}

/** One point of a unit's score, traced to the event that earned or cost it. */
export interface ScorePoint {
  on: IsoDate;
  /** The item it concerns (as the ledger cites it), empty for points not tied to an item. */
  item: string;
  /** 办结（牵头）, 超期（配合）, 督办单 督办〔2026〕3号 … */
  reason: string;
  points: number;
}
export interface UnitScore {
  unit: string;
  points: readonly ScorePoint[];
}
export interface ScoresInput {
  year: number;
  base: number;
  units: readonly UnitScore[];
}

export interface ScoreSummary {
  rank: number;
  unit: string;
  base: number;
  plus: number;
  minus: number;
  score: number;
}

const round2 = (n: number): number => Math.round(n * 100) / 100;

/** Totals and ranks (equal scores share a rank; the next rank skips, 1, 1, 3). */
export function scoreSummaries(input: ScoresInput): ScoreSummary[] {
  const rows = input.units.map((u) => {
    const plus = round2(u.points.filter((p) => p.points > 0).reduce((a, p) => a + p.points, 0));
    const minus = round2(u.points.filter((p) => p.points < 0).reduce((a, p) => a + p.points, 0));
    return { unit: u.unit, base: input.base, plus, minus, score: round2(input.base + plus + minus), rank: 0 };
  });
  const sorted = [...rows].sort((a, b) => b.score - a.score || a.unit.localeCompare(b.unit, 'zh'));
  sorted.forEach((row, k) => {
    row.rank = k > 0 && sorted[k - 1]!.score === row.score ? sorted[k - 1]!.rank : k + 1;
  });
  return sorted;
}

/** The annual assessment: a summary sheet (得分, 排名) and a sheet of every point with its reason. */
export async function scoresXlsx(input: ScoresInput): Promise<Buffer> {
  if (!Number.isInteger(input.year) || input.year < 2000 || input.year > 2999) throw new ReportError(`考核年度有误：${String(input.year)}`);
  if (!Number.isFinite(input.base)) throw new ReportError(`基础分应为数字：${String(input.base)}`);
  for (const u of input.units) {
    requireText(u.unit, '单位名称');
    for (const p of u.points) {
      chineseDate(p.on, '计分日期');
      requireText(p.reason, '计分事由');
      if (!Number.isFinite(p.points)) throw new ReportError(`${u.unit}的分值应为数字：${String(p.points)}`);
    }
  }
  const book = newBook();
  addTableSheet<ScoreSummary>(book, {
    name: '考核汇总',
    title: `${input.year}年度督查督办考核得分`,
    note: `基础分${input.base}分；加减分明细见“计分明细”`,
    columns: [
      { header: '排名', width: 7, kind: 'number', value: (r) => r.rank },
      { header: '单位', width: 26, value: (r) => r.unit },
      { header: '基础分', width: 10, kind: 'score', value: (r) => r.base },
      { header: '加分', width: 10, kind: 'score', value: (r) => r.plus },
      { header: '减分', width: 10, kind: 'score', value: (r) => r.minus },
      { header: '得分', width: 10, kind: 'score', value: (r) => r.score },
    ],
    rows: scoreSummaries(input),
  });
  const details = input.units.flatMap((u) => [...u.points].sort((a, b) => a.on.localeCompare(b.on)).map((p) => ({ unit: u.unit, ...p })));
  addTableSheet(book, {
    name: '计分明细',
    title: `${input.year}年度督查督办考核计分明细`,
    columns: [
      { header: '序号', width: 6, kind: 'number', value: (_r, k) => k + 1 },
      { header: '单位', width: 24, value: (r) => r.unit },
      { header: '日期', width: 15, kind: 'date', value: (r) => r.on },
      { header: '事项', width: 44, value: (r) => r.item },
      { header: '事由', width: 30, value: (r) => r.reason },
      { header: '分值', width: 9, kind: 'score', value: (r) => r.points },
    ],
    rows: details,
  });
  return bookBuffer(book);
}
