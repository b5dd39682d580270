// What an office prints of its 收文: the 文件批办单 of one registration (.docx, laid out by
// src/report/incoming-docx.ts) and the 收文登记簿 of a filter (.xlsx, src/report/incoming-xlsx.ts).
// The registration's fields go onto the forms as registered; the steps taken since (批示, 传阅 …)
// come in through `SlipSteps`, so the slip prints whatever the workflow has recorded.
import type { IsoDate } from '../../calendar/index.ts';
import { ReportError } from '../../report/errors.ts';
import { routingSlipDocx, type SlipCirculation, type SlipInstruction } from '../../report/incoming-docx.ts';
import { incomingRegisterXlsx, type IncomingRegisterRow } from '../../report/incoming-xlsx.ts';
import { INCOMING_STATE_LABELS } from '../../workflow/incoming.ts';
import type { Store } from '../open.ts';
import { IncomingError } from './errors.ts';
import { getIncoming, listIncoming, type IncomingFilter } from './read.ts';
import type { IncomingView } from './view.ts';

/** The 收文登记簿 holds at most this many rows: a year of a busy office, well within one sheet. */
export const BOOK_ROWS = 20_000;

/** The steps after registration that the slip shows. */
export interface SlipSteps {
  instructions: readonly SlipInstruction[];
  circulation: readonly SlipCirculation[];
}

const CIRCULATION_LABELS = { unread: '未读', opened: '已读', read: '已阅' } as const;

/**
 * The steps the workflow recorded, as the slip prints them: every leader's act in the order they
 * acted (a 圈阅 without words, a 转批 with its note), and the 传阅's recipients not recalled with
 * their state and when they reached it.
 */
export function slipStepsOf(v: IncomingView): SlipSteps {
  const acted = v.instructions.filter((s) => s.state === 'done' && s.actedAt !== null).sort((a, b) => a.actedAt!.localeCompare(b.actedAt!) || a.round - b.round || a.seq - b.seq);
  return {
    instructions: acted.map((s) => ({ leader: s.leaderName, text: s.action === 'circle' ? null : s.text, at: s.actedAt! })),
    circulation: v.circulation
      .filter((c) => c.recalledAt === null)
      .map((c) => ({ recipient: c.name, state: CIRCULATION_LABELS[c.state], at: c.state === 'read' ? c.readAt : c.state === 'opened' ? c.openedAt : null })),
  };
}

/** The registration's 拟办意见 (the one the clerk submitted, else the slip's own), one paragraph per line as written. */
function proposalLines(v: IncomingView): string[] {
  return (v.submittedProposal?.text ?? v.proposal?.text ?? '').split(/\r?\n/).map((l) => l.trim()).filter((l) => l !== '');
}

/** The 文件批办单 of one registration as a .docx. */
export async function incomingSlip(store: Store, id: number, organ: string | null, given?: SlipSteps): Promise<{ buffer: Buffer; serial: string }> {
  const v = await getIncoming(store, id);
  const steps = given ?? slipStepsOf(v);
  if (v.fromUnit === null) throw new IncomingError('conflict', `收文 ${v.serial} 没有登记来文单位，无法打印批办单`);
  try {
    const buffer = await routingSlipDocx({
      organ,
      serial: v.serial,
      fromUnit: v.fromUnit,
      receivedOn: v.receivedOn,
      docNumber: v.docNumber,
      secrecy: v.secrecy,
      urgency: v.urgency,
      channel: v.channel,
      title: v.title,
      proposal: proposalLines(v),
      instructions: steps.instructions,
      instructionNote: v.leaderInstruction,
      officeOpinion: v.officeOpinion,
      circulation: steps.circulation,
      handler: v.handler,
      reviewer: v.reviewer,
      office: v.office,
      phone: v.phone,
    });
    return { buffer, serial: v.serial };
  } catch (e) {
    if (e instanceof ReportError) throw new IncomingError('conflict', `无法生成批办单：${e.message}`);
    throw e;
  }
}

/** One registration as a row of the 收文登记簿. */
export function bookRow(v: IncomingView): IncomingRegisterRow {
  return {
    serial: v.serial,
    receivedOn: v.receivedOn,
    fromUnit: v.fromUnit ?? '',
    docNumber: v.docNumber,
    title: v.title,
    secrecy: v.secrecy,
    urgency: v.urgency,
    channel: v.channel,
    kind: v.kind,
    stateLabel: INCOMING_STATE_LABELS[v.state] ?? v.state,
    holder: v.holders.length > 0 ? v.holders.join('、') : null,
    leadUnit: v.proposal?.lead ?? null,
    dueOn: null,
    archiveNumber: v.archive?.code ?? null,
  };
}

/** How a filter reads on the book's second line: 系列：党；年度：2026；状态：已初审. */
export function filterNote(filter: IncomingFilter): string | null {
  const parts = [
    filter.series !== undefined ? `系列：${filter.series}` : null,
    filter.year !== undefined ? `年度：${filter.year}` : null,
    filter.state !== undefined ? `状态：${INCOMING_STATE_LABELS[filter.state]}` : null,
  ].filter((p): p is string => p !== null);
  return parts.length > 0 ? parts.join('；') : null;
}

/** Year, series, then 运转号: the order in which a paper book is written. */
const bookOrder = (a: IncomingView, b: IncomingView) => a.year - b.year || (a.series < b.series ? -1 : a.series > b.series ? 1 : 0) || a.serialNumber - b.serialNumber;

/** The 收文登记簿 of a filter as .xlsx, oldest first. */
export async function incomingBook(store: Store, filter: Omit<IncomingFilter, 'limit' | 'offset'>, today: IsoDate): Promise<Buffer> {
  const { items, total } = await listIncoming(store, { ...filter, limit: BOOK_ROWS, offset: 0 });
  if (total > BOOK_ROWS) throw new IncomingError('invalid', `符合条件的收文有 ${total} 件，超过登记簿的 ${BOOK_ROWS} 行：请按年度或系列分别导出`);
  const year = filter.year !== undefined ? `${filter.year}年` : '';
  const series = filter.series !== undefined ? `（${filter.series}）` : '';
  return incomingRegisterXlsx({ title: `${year}收文登记簿${series}`, filter: filterNote(filter), asOf: today, rows: items.sort(bookOrder).map(bookRow) });
}
