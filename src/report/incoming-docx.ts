// The 文件批办单 (routing slip) of a registered incoming document, laid out like the slip on top of
// seed 002: the title, 运转号 at the right, then one bordered table — 来文单位 | 来文日期 | 紧急程度,
// 文号 | 密级 | 来文方式, 文件标题, 领导批示, 办公室意见, 拟办意见, 传阅情况, 审核人 | 承办人 —
// and the office and its telephone under it. Field names follow ../shared/gold/routing_slip.json.
//
// One A4 page: the slip is a form that travels on top of the document. The text size starts at
// 四号 and steps down (小四, 五号) until the estimated height of the table fits the type area;
// slipTextSize() is that estimate, pure, so it can be tested on its own.
import { AlignmentType, LineRuleType, Paragraph } from 'docx';
import type { IsoDate } from '../calendar/index.ts';
import type { RoutingSlip } from '../types.ts';
import { chineseDate, chineseDayOrTime } from './chinese-date.ts';
import { borderedTable, type CellSpec } from './docx-table.ts';
import { ReportError, requireText } from './errors.ts';
import { FONTS, LINE_PITCH_TWIPS, SIZES, TYPE_AREA_TWIPS, officialDocument, run } from './gbt9704.ts';

/** One leader's instruction (批示), or a read mark (圈阅) with no words. */
export interface SlipInstruction {
  leader: string;
  text: string | null;
  /** An instant (ISO with a zone) or a day. */
  at: string;
}
export type CirculationState = '未读' | '已读' | '已阅';
export interface SlipCirculation {
  recipient: string;
  state: CirculationState;
  /** When the state was reached (null for 未读). */
  at: string | null;
}

export interface RoutingSlipInput {
  /** The receiving office's heading above 文件批办单 (optional: seed 002's slip has none). */
  organ?: string | null;
  serial: string;
  fromUnit: string;
  receivedOn: IsoDate;
  docNumber: string | null;
  secrecy: string | null;
  urgency: string | null;
  /** 来文方式 (内网, 公文交换, 纸质 …). */
  channel: string | null;
  title: string;
  /** 拟办意见 as submitted, one paragraph per entry. */
  proposal: readonly string[];
  instructions: readonly SlipInstruction[];
  /** An instruction already written on a paper slip that came with the document (no name or time known). */
  instructionNote?: string | null;
  officeOpinion: string | null;
  circulation: readonly SlipCirculation[];
  handler: string | null;
  reviewer: string | null;
  /** The day the handler signed the slip (seed 002: 7.21). */
  handledOn?: IsoDate | null;
  office: string | null;
  phone: string | null;
}

/** The slip's title: 二号 with half a line after it. */
const SLIP_TITLE_TWIPS = Math.round(SIZES.二号 * 20 * 1.3) + Math.round(LINE_PITCH_TWIPS / 2);
/** Label, value, label, value, label, value: the first value (来文单位, 文号) widest, the last (紧急程度, 来文方式) narrowest. */
const LABEL_TWIPS = 1250;
const COLUMNS = (() => {
  const rest = TYPE_AREA_TWIPS.width - 3 * LABEL_TWIPS;
  const middle = 1700;
  const last = 1100;
  return [LABEL_TWIPS, rest - middle - last, LABEL_TWIPS, middle, LABEL_TWIPS, last];
})();

function instructionLines(input: RoutingSlipInput): string[] {
  const note = input.instructionNote?.trim() ? [input.instructionNote.trim()] : [];
  return note.concat(input.instructions.map((i) => {
    requireText(i.leader, '批示领导');
    const words = i.text === null || i.text.trim() === '' ? '圈阅' : i.text.trim();
    return `${words}　${i.leader}　${chineseDayOrTime(i.at, '批示时间')}`;
  }));
}

function circulationLines(input: RoutingSlipInput): string[] {
  return input.circulation.map((c) => {
    requireText(c.recipient, '传阅对象');
    if (!['未读', '已读', '已阅'].includes(c.state)) throw new ReportError(`传阅状态应为未读、已读或已阅：${String(c.state)}`);
    return c.at === null ? `${c.recipient}：${c.state}` : `${c.recipient}：${c.state}（${chineseDayOrTime(c.at, '传阅时间')}）`;
  });
}

/** How wide a line is in ems: CJK and full-width characters one, ASCII (digits, Latin, spaces) half. */
const ems = (line: string): number => [...line].reduce((n, c) => n + (c.charCodeAt(0) < 0x80 ? 0.5 : 1), 0);

/** Rows of text a block of lines takes in a cell `widthTwips` wide (less its margins) at `pt`. */
function rowsOf(lines: readonly string[], widthTwips: number, pt: number): number {
  const perLine = Math.max(1, Math.floor((widthTwips - 160) / (pt * 20)));
  return lines.reduce((n, line) => n + Math.max(1, Math.ceil(ems(line) / perLine)), 0);
}

/** Minimum heights (twips) of the big cells, so that a slip with little in it still has room to write. */
const MIN_HEIGHT = { instructions: 2200, opinion: 800, proposal: 2000, circulation: 700 } as const;

/**
 * The largest of 四号, 小四, 五号 at which the slip's table fits the type area (estimated: every
 * cell's text wrapped at its width, line height 1.3 × the size); 五号 when nothing fits.
 */
export function slipTextSize(input: RoutingSlipInput): number {
  const wide = COLUMNS.slice(1).reduce((a, b) => a + b, 0);
  const blocks = {
    instructions: instructionLines(input),
    opinion: input.officeOpinion ? [input.officeOpinion] : [],
    proposal: input.proposal,
    circulation: circulationLines(input),
  };
  // Outside the table: the organ's line, the title (二号 with a half line after), 运转号, the office line.
  const outside = LINE_PITCH_TWIPS + SLIP_TITLE_TWIPS + 2 * LINE_PITCH_TWIPS + (input.organ ? LINE_PITCH_TWIPS : 0);
  for (const pt of [SIZES.四号, SIZES.小四, SIZES.五号]) {
    const line = pt * 20 * 1.3 + 10;
    // The 来文单位 and 文号 rows are as tall as their tallest cell; then 审核人 and the title row.
    const tallest = (texts: readonly string[]) => Math.max(...texts.map((t, k) => rowsOf([t], COLUMNS[2 * k + 1]!, pt)));
    const first = tallest([input.fromUnit, chineseDate(input.receivedOn, '收文日期'), v(input.urgency)]);
    const second = tallest([v(input.docNumber), v(input.secrecy), v(input.channel)]);
    const fixed = (first + second + 1) * line + 3 * 80 + rowsOf([input.title], wide, pt) * line + 80;
    const big = (Object.keys(blocks) as (keyof typeof blocks)[]).reduce(
      (h, k) => h + Math.max(MIN_HEIGHT[k], rowsOf(blocks[k], wide, pt) * line + 80),
      0,
    );
    if (fixed + big + outside <= TYPE_AREA_TWIPS.height) return pt;
  }
  return SIZES.五号;
}

function validate(input: RoutingSlipInput): void {
  requireText(input.serial, '运转号');
  requireText(input.fromUnit, '来文单位');
  requireText(input.title, '文件标题');
  chineseDate(input.receivedOn, '收文日期');
  if (input.handledOn) chineseDate(input.handledOn, '承办日期');
}

const v = (s: string | null | undefined): string => (s === null || s === undefined ? '' : s.trim());
const label = (text: string): CellSpec => ({ text, align: 'center', font: FONTS.heading1 });

/** The 文件批办单 as a one-page .docx. */
export async function routingSlipDocx(input: RoutingSlipInput): Promise<Buffer> {
  validate(input);
  const pt = slipTextSize(input);
  const wide = 5;
  const instructions = instructionLines(input);
  const circulation = circulationLines(input);
  const handledOn = input.handledOn ? chineseDate(input.handledOn, '承办日期') : '';
  const multi = (lines: readonly string[]): CellSpec => ({ text: lines[0] ?? '', lines: lines.slice(1) });
  const table = borderedTable({
    widths: COLUMNS,
    pt,
    rows: [
      { cells: [label('来文单位'), { text: input.fromUnit }, label('来文日期'), { text: chineseDate(input.receivedOn, '收文日期') }, label('紧急程度'), { text: v(input.urgency) }] },
      { cells: [label('文号'), { text: v(input.docNumber) }, label('密级'), { text: v(input.secrecy) }, label('来文方式'), { text: v(input.channel) }] },
      { cells: [label('文件标题'), { text: input.title, span: wide }] },
      { cells: [label('领导批示'), { ...multi(instructions), span: wide }], height: MIN_HEIGHT.instructions },
      { cells: [label('办公室意见'), { text: v(input.officeOpinion), span: wide }], height: MIN_HEIGHT.opinion },
      { cells: [label('拟办意见'), { ...multi(input.proposal), span: wide }], height: MIN_HEIGHT.proposal },
      { cells: [label('传阅情况'), { ...multi(circulation), span: wide }], height: MIN_HEIGHT.circulation },
      {
        cells: [
          label('审核人'),
          { text: v(input.reviewer), span: 2 },
          label('承办人'),
          { text: [handledOn, v(input.handler)].filter((s) => s !== '').join('　'), span: 2 },
        ],
      },
    ],
  });
  const small = { font: FONTS.body, pt };
  const children = [
    ...(input.organ ? [new Paragraph({ alignment: AlignmentType.CENTER, children: [run(input.organ, { font: FONTS.title, pt: SIZES.三号 })] })] : []),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { line: Math.round(SIZES.二号 * 20 * 1.3), lineRule: LineRuleType.AT_LEAST, before: 0, after: Math.round(LINE_PITCH_TWIPS / 2) },
      children: [run('文件批办单', { font: FONTS.title, pt: SIZES.二号 })],
    }),
    new Paragraph({ alignment: AlignmentType.RIGHT, children: [run(`运转号：${input.serial}`, small)] }),
    table,
    ...(input.office || input.phone
      ? [
          new Paragraph({
            alignment: AlignmentType.LEFT,
            children: [run([v(input.office), input.phone ? `电话：${input.phone}` : ''].filter((s) => s !== '').join('　　'), small)],
          }),
        ]
      : []),
  ];
  return officialDocument({ title: `文件批办单 ${input.serial}`, creator: input.office ?? input.fromUnit, children, pageNumbers: false });
}

/** What Duban adds to a registration beyond the slip it parsed: the steps taken since. */
export interface SlipProgress {
  serial?: string;
  receivedOn?: IsoDate;
  /** The 拟办意见 as submitted; the parsed one when absent. */
  proposal?: readonly string[];
  instructions?: readonly SlipInstruction[];
  circulation?: readonly SlipCirculation[];
  organ?: string | null;
}

/**
 * The slip input from a routing slip the parser read off a routed document (src/parse/routing-slip.ts),
 * with what happened since. A field the parser could not read stays empty on the form, and the
 * required ones (运转号, 来文单位, 收文日期, 文件标题) must then come from `progress`.
 */
export function slipInputFromParsed(slip: RoutingSlip, progress: SlipProgress = {}): RoutingSlipInput {
  const serial = progress.serial ?? slip.serial;
  const receivedOn = progress.receivedOn ?? slip.receivedOn;
  if (serial === null || serial === undefined) throw new ReportError('批办单缺少运转号');
  if (receivedOn === null || receivedOn === undefined) throw new ReportError('批办单缺少收文日期');
  if (slip.fromUnit === null) throw new ReportError('批办单缺少来文单位');
  if (slip.title === null) throw new ReportError('批办单缺少文件标题');
  return {
    organ: progress.organ ?? null,
    serial,
    fromUnit: slip.fromUnit,
    receivedOn,
    docNumber: slip.docNumber,
    secrecy: slip.secrecy,
    urgency: slip.urgency,
    channel: slip.channel,
    title: slip.title,
    proposal: progress.proposal ?? (slip.proposal ? [slip.proposal.text] : []),
    instructions: progress.instructions ?? [],
    instructionNote: slip.leaderInstruction,
    officeOpinion: slip.officeOpinion,
    circulation: progress.circulation ?? [],
    handler: slip.handler,
    reviewer: slip.reviewer,
    handledOn: slip.handledOn ?? null,
    office: slip.office,
    phone: slip.phone,
  };
}
