// 三单一函 as printed: a 提醒单, 催办单, 督办单 or 移交函 for one supervised item, in the GB/T 9704
// layout (gbt9704.ts). The supervision core decides when a notice is due and numbers it; this file
// only lays out what it is given. The input mirrors src/workflow/types.ts's Notice (kind, number,
// date, unit, deadline, copiedTo) plus the item's facts, in plain values, so the report stage does
// not depend on the workflow: the integrator maps ItemFacts onto NoticeItem.
//
// Who it goes to: 提醒单, 催办单 and 督办单 go to the lead unit (主送), a 督办单 copied to its 分管领导
// (copiedTo). A 移交函 goes to the body the item is transferred to (纪检监察, or the unit the office
// names: Notice.copiedTo), and the lead unit is copied, since it is the one the letter is about.
import type { IsoDate } from '../calendar/index.ts';
import { chineseDate } from './chinese-date.ts';
import { ReportError, requireText } from './errors.ts';
import { addressee, body, heading1, imprint, leadIn, numberLine, officialDocument, redHead, signature, title } from './gbt9704.ts';

export type NoticeDocKind = '提醒单' | '催办单' | '督办单' | '移交函';
const KINDS: readonly NoticeDocKind[] = ['提醒单', '催办单', '督办单', '移交函'];

/** The item a notice is about, as the ledger holds it. */
export interface NoticeItem {
  /** The measure's text. */
  text: string;
  /** Where it comes from: 《title》（文号）, a leader's instruction, a meeting (as the ledger shows it). */
  source: string;
  responsible: readonly string[];
  cooperating: readonly string[];
  /** The deadline as first set (kept for assessment), the current one, and the document's words. */
  originalDeadline: IsoDate | null;
  deadline: IsoDate | null;
  deadlineText: string | null;
  /** 办理中, 退回 … as the ledger shows it. */
  stateLabel: string;
  /** The latest progress report, if any: its day and its text. */
  latestReport?: { on: IsoDate; progress: string } | null;
}

/** A notice issued earlier for the same item (a 督办单 cites the 催办单 before it). */
export interface EarlierNotice {
  kind: NoticeDocKind;
  number: string;
  date: IsoDate;
}

export interface NoticeDocInput {
  /** The supervising office, as it signs: 某某区人民政府督查室. */
  office: string;
  kind: NoticeDocKind;
  /** 催办〔2026〕12号. */
  number: string;
  /** The day it is dated. */
  date: IsoDate;
  /** The lead unit. */
  unit: string;
  /** The deadline it was issued against. */
  deadline: IsoDate;
  /** 督办单: the lead unit's 分管领导; 移交函: the body it goes to (the first one is 主送). */
  copiedTo: readonly string[];
  item: NoticeItem;
  /** Working days past the deadline on the notice's date (催办单, 督办单, 移交函), when known. */
  overdueWorkingDays?: number;
  /** The day the office wants an answer by. */
  replyBy?: IsoDate | null;
  earlier?: readonly EarlierNotice[];
  /** Who to call at the office. */
  contact?: { person: string; phone: string } | null;
}

const TITLES: Record<NoticeDocKind, string> = {
  提醒单: '督办事项到期提醒单',
  催办单: '督办事项催办单',
  督办单: '督办事项督办单',
  移交函: '关于移交督办事项办理情况的函',
};

/** What the notice asks of its addressee, by kind (our wording, after RULES.md's ladders). */
export function noticeRequests(input: NoticeDocInput): string[] {
  const due = chineseDate(input.deadline, '到期日期');
  const reply = input.replyBy ? chineseDate(input.replyBy, '回复日期') : null;
  const late = input.overdueWorkingDays !== undefined && input.overdueWorkingDays > 0 ? `已超期${input.overdueWorkingDays}个工作日，` : '';
  switch (input.kind) {
    case '提醒单':
      return [
        `该事项将于${due}到期。请对照时限要求抓紧推进，确保按期办结。`,
        `如确有困难不能按期完成，请在到期前提出延期申请，说明理由和预计完成日期。${reply ? `请于${reply}前报送办理进展。` : ''}`,
      ];
    case '催办单':
      return [
        `该事项已于${due}到期，至今尚未办结，${late}现予催办。`,
        `请即组织办理，${reply ? `于${reply}前` : '在3个工作日内'}书面报送办理情况、未按期完成的原因和下一步措施。`,
      ];
    case '督办单':
      return [
        `该事项已于${due}到期，经催办仍未办结，${late}现予督办。`,
        `请单位主要负责同志亲自过问、限期办结，${reply ? `于${reply}前` : '在5个工作日内'}书面报告超期原因、责任落实和整改措施。逾期未办结的，将按规定移交处理，并在年度考核中扣分。`,
      ];
    case '移交函':
      return [
        `该事项已于${due}到期，经提醒、催办、督办，${input.unit}仍未办结，${late}现将有关情况移交你单位。`,
        `请依规依纪依法调查处理，并将处理结果函告${selfName(input.office)}。`,
      ];
  }
}

function validate(input: NoticeDocInput): void {
  if (!KINDS.includes(input.kind)) throw new ReportError(`文书种类应为提醒单、催办单、督办单或移交函：${String(input.kind)}`);
  requireText(input.office, '督查机关名称');
  requireText(input.number, '文书编号');
  requireText(input.unit, '牵头单位');
  requireText(input.item?.text, '督办事项内容');
  chineseDate(input.date, '成文日期');
  chineseDate(input.deadline, '到期日期');
  if (input.kind === '移交函' && (input.copiedTo.length === 0 || input.copiedTo.every((u) => u.trim() === ''))) {
    throw new ReportError('移交函须写明移交单位（如纪检监察机关）');
  }
  if (input.kind === '督办单' && input.copiedTo.length === 0) throw new ReportError('督办单须抄送牵头单位分管领导');
}

/** How the office calls itself: 督查室 → 我室, 营商办 → 我办; otherwise 我单位. */
export function selfName(office: string): string {
  const last = [...office.trim()].at(-1) ?? '';
  return '室办局委厅部处组'.includes(last) && last !== '' ? `我${last}` : '我单位';
}

const listOrNone = (units: readonly string[]): string => (units.length === 0 ? '无' : units.join('、'));
const dayOrNone = (day: IsoDate | null, field: string): string => (day === null ? '未设定' : chineseDate(day, field));

/** The notice as a .docx in the GB/T 9704 layout. */
export async function noticeDocx(input: NoticeDocInput): Promise<Buffer> {
  validate(input);
  const { item } = input;
  const transfer = input.kind === '移交函';
  const to = transfer ? input.copiedTo[0]!.trim() : input.unit;
  const copied = transfer ? [...input.copiedTo.slice(1), input.unit] : [...input.copiedTo];
  const deadlineWords =
    item.deadlineText !== null && item.deadlineText.trim() !== '' ? `（原文：${item.deadlineText.trim()}）` : '';
  const extended = item.originalDeadline !== null && item.deadline !== null && item.originalDeadline !== item.deadline;
  const facts = [
    leadIn('（一）事项内容。', item.text),
    leadIn('（二）事项来源。', item.source.trim() === '' ? '未注明' : item.source),
    leadIn('（三）承办单位。', `牵头单位：${input.unit}；责任单位：${listOrNone(item.responsible)}；配合单位：${listOrNone(item.cooperating)}。`),
    leadIn(
      '（四）完成时限。',
      extended
        ? `原定${dayOrNone(item.originalDeadline, '原定时限')}${deadlineWords}，经批准延期至${dayOrNone(item.deadline, '现行时限')}。`
        : `${dayOrNone(item.deadline ?? item.originalDeadline, '完成时限')}${deadlineWords}。`,
    ),
    leadIn(
      '（五）办理情况。',
      item.latestReport
        ? `目前状态：${item.stateLabel}。最近一次报送（${chineseDate(item.latestReport.on, '报送日期')}）：${item.latestReport.progress}`
        : `目前状态：${item.stateLabel}。尚未报送办理进展。`,
    ),
  ];
  const earlier = (input.earlier ?? []).map((n) => `${chineseDate(n.date, '前次文书日期')}发出${n.kind}（${n.number}）`);
  const requests = noticeRequests(input);
  const children = [
    redHead(`${input.office}${input.kind}`),
    numberLine(input.number),
    title(TITLES[input.kind]),
    addressee(to),
    body(
      transfer
        ? `${input.unit}承办的下列督办事项，${earlier.length > 0 ? `${selfName(input.office)}已先后于${earlier.join('、')}，` : ''}至今仍未办结。有关情况如下：`
        : earlier.length > 0
          ? `你单位牵头承办的下列事项，${selfName(input.office)}已于${earlier.join('、')}。现将有关情况通知如下：`
          : '现将你单位牵头承办的下列事项有关情况通知如下：',
    ),
    heading1('一、督办事项'),
    ...facts,
    heading1(transfer ? '二、移交事由' : '二、办理要求'),
    ...requests.map(body),
    ...(input.contact ? [body(`联系人：${input.contact.person}，联系电话：${input.contact.phone}。`)] : []),
    ...signature(input.office, chineseDate(input.date, '成文日期')),
    ...imprint(copied, input.office, chineseDate(input.date, '成文日期')),
  ];
  return officialDocument({ title: `${input.kind} ${input.number}`, creator: input.office, children });
}
