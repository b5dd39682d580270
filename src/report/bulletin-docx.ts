// 督查通报 第N期 (月通报, 亮晒比评) as printed, in the GB/T 9704 layout: a 简报-style 版头 (red
// 督查通报, 第N期, the office and the date over the red line), then 一、总体情况 (totals), 二、各单位
// 办理情况 (the table per unit), 三、红榜和黑榜, 四、超期事项, 五、工作要求. The figures come from the
// supervision core's bulletin (a published snapshot); this file only lays them out.
import type { IsoDate } from '../calendar/index.ts';
import { chineseDate, chineseMonth } from './chinese-date.ts';
import { borderedTable, type CellSpec } from './docx-table.ts';
import { ReportError, requireText } from './errors.ts';
import { FONTS, SIZES, body, centredLine, heading1, officialDocument, redHead, signature, splitLine, title, TYPE_AREA_TWIPS } from './gbt9704.ts';

export interface BulletinUnitRow {
  unit: string;
  /** 承办件数, 办结数, 超期数. */
  assigned: number;
  done: number;
  overdue: number;
  /** 按时办结率 and 反馈及时率 as fractions (0.923); null when there is nothing to rate. */
  onTimeRate: number | null;
  feedbackRate: number | null;
  score: number;
  rank: number;
}

export interface BulletinOverdueItem {
  /** The item's number in the ledger (序号 or id), as the bulletin cites it. */
  ref: string;
  text: string;
  lead: string;
  deadline: IsoDate;
  /** Working days overdue as of the bulletin's day. */
  overdueWorkingDays: number;
}

export interface BulletinDocInput {
  office: string;
  /** 第N期. */
  issue: number;
  /** The month reported on (YYYY-MM) and the day the figures are as of (its last day). */
  month: string;
  asOf: IsoDate;
  /** 成文日期. */
  date: IsoDate;
  totals: { total: number; done: number; working: number; overdue: number };
  units: readonly BulletinUnitRow[];
  redList: readonly string[];
  blackList: readonly string[];
  /** How the lists were drawn, in words: 按时办结率≥90%. */
  redRule: string;
  blackRule: string;
  overdueItems: readonly BulletinOverdueItem[];
  /** 五、工作要求: the office's own paragraphs; a default paragraph when absent. */
  requirements?: readonly string[];
  /** 主送 (e.g. 各承办单位), shown before the text when given. */
  to?: string | null;
}

/** 0.9231 → '92.3%'; null → '—'. */
export function percent(rate: number | null): string {
  if (rate === null) return '—';
  return `${(Math.round(rate * 1000) / 10).toFixed(1)}%`;
}
const share = (n: number, total: number): string => (total === 0 ? '0%' : percent(n / total));

function validate(input: BulletinDocInput): void {
  requireText(input.office, '督查机关名称');
  if (!Number.isInteger(input.issue) || input.issue < 1) throw new ReportError(`通报期数应为正整数：${String(input.issue)}`);
  chineseMonth(input.month, '通报月份');
  chineseDate(input.asOf, '统计截止日期');
  chineseDate(input.date, '成文日期');
  const t = input.totals;
  for (const [k, v] of Object.entries(t)) {
    if (!Number.isInteger(v) || v < 0) throw new ReportError(`总体情况中的数字应为非负整数：${k}=${String(v)}`);
  }
  if (t.done + t.working !== t.total) throw new ReportError(`总体情况不一致：已办结${t.done}件加在办${t.working}件不等于总数${t.total}件`);
  if (t.overdue > t.working) throw new ReportError(`总体情况不一致：超期${t.overdue}件多于在办${t.working}件`);
  for (const u of input.units) {
    requireText(u.unit, '承办单位名称');
    if (u.done > u.assigned) throw new ReportError(`${u.unit}的办结数（${u.done}）多于承办件数（${u.assigned}）`);
    for (const r of [u.onTimeRate, u.feedbackRate]) {
      if (r !== null && !(r >= 0 && r <= 1)) throw new ReportError(`${u.unit}的比率应在0到1之间：${String(r)}`);
    }
  }
}

/** The unit column takes what the seven figure columns leave of the type area. */
const FIGURES = [800, 800, 1000, 800, 1000, 1000, 1000];
const WIDTHS = [TYPE_AREA_TWIPS.width - FIGURES.reduce((a, b) => a + b, 0), ...FIGURES];

function unitTable(units: readonly BulletinUnitRow[]) {
  const head: CellSpec[] = ['承办单位', '承办件数', '办结数', '按时办结率', '超期数', '反馈及时率', '得分', '排名'].map((text) => ({
    text,
    bold: true,
    font: FONTS.heading1,
    align: 'center',
  }));
  const rows = [...units]
    .sort((a, b) => a.rank - b.rank || a.unit.localeCompare(b.unit, 'zh'))
    .map((u) => ({
      cells: [
        { text: u.unit },
        ...[String(u.assigned), String(u.done), percent(u.onTimeRate), String(u.overdue), percent(u.feedbackRate), u.score.toFixed(1), String(u.rank)].map(
          (text): CellSpec => ({ text, align: 'center' }),
        ),
      ],
    }));
  return borderedTable({ widths: WIDTHS, pt: SIZES.五号 + 1.5, rows: [{ cells: head, header: true }, ...rows] });
}

/** The bulletin as a .docx. */
export async function bulletinDocx(input: BulletinDocInput): Promise<Buffer> {
  validate(input);
  const t = input.totals;
  const month = chineseMonth(input.month, '通报月份');
  const asOf = chineseDate(input.asOf, '统计截止日期');
  const date = chineseDate(input.date, '成文日期');
  const listed = (names: readonly string[]) => (names.length === 0 ? '本期无' : names.join('、'));
  const children = [
    redHead('督查通报'),
    centredLine(`第${input.issue}期`),
    splitLine(input.office, date),
    title(`关于${month}督查督办事项办理情况的通报`),
    ...(input.to ? [body(`${input.to}：`)] : []),
    heading1('一、总体情况'),
    body(
      `截至${asOf}，共有督办事项${t.total}件，已办结${t.done}件（${share(t.done, t.total)}），在办${t.working}件（${share(t.working, t.total)}），其中超期未办结${t.overdue}件。各单位办理情况如下表。`,
    ),
    heading1('二、各单位办理情况'),
    unitTable(input.units),
    heading1('三、红榜和黑榜'),
    body(`红榜（${input.redRule}）：${listed(input.redList)}。`),
    body(`黑榜（${input.blackRule}）：${listed(input.blackList)}。`),
    heading1('四、超期未办结事项'),
    ...(input.overdueItems.length === 0
      ? [body('本期无超期未办结事项。')]
      : input.overdueItems.map((item, k) =>
          body(`${k + 1}. 第${item.ref}项：${item.text}（牵头单位：${item.lead}；完成时限：${chineseDate(item.deadline, '完成时限')}；已超期${item.overdueWorkingDays}个工作日）。`),
        )),
    heading1('五、工作要求'),
    ...(input.requirements && input.requirements.length > 0
      ? input.requirements.map(body)
      : [body('请各承办单位对照本通报，逐项梳理在办事项，超期事项须明确整改时限和责任人，确保按期办结；上榜黑榜的单位要深入分析原因，切实改进工作。')]),
    ...signature(input.office, date),
  ];
  return officialDocument({ title: `督查通报 第${input.issue}期`, creator: input.office, children });
}
