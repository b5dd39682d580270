// The supervision (督查督办) domain, written down once: a ledger (台账) of items, each with its
// units, deadline, reports, extensions and notices. The pure core (this folder) computes on these
// values; the store (src/store/supervision*.ts) maps its rows to them and back; the API
// (src/api/supervision.ts) and the documents (src/report/) show them. Dates are ISO days
// (YYYY-MM-DD, Beijing time); instants are ISO strings with a zone (toISOString()).
import type { IsoDate } from '../calendar/index.ts';

/** Where a ledger's items come from. */
export type LedgerSource = 'document' | 'instruction' | 'meeting';
export const LEDGER_SOURCE_LABELS: Record<LedgerSource, string> = {
  document: '文件',
  instruction: '领导批示件',
  meeting: '会议议定事项',
};

/** 草稿 while the office reviews the draft items; 已交办 once issued to the units. */
export type LedgerState = 'draft' | 'issued';

/**
 * An item's life. Overdue is not a state: it is computed from the deadline and today.
 * draft (草稿) → issued (已交办, waiting for the units to 签收) → working (办理中) → claimed (申请办结)
 * → done (已办结, verified by the office) or returned (退回, with an opinion; the unit goes on and
 * claims again). dropped (不予立项) ends a draft; terminated (终止, with a reason) ends a live item.
 */
export type ItemState = 'draft' | 'dropped' | 'issued' | 'working' | 'claimed' | 'returned' | 'done' | 'terminated';
export const ITEM_STATE_LABELS: Record<ItemState, string> = {
  draft: '草稿',
  dropped: '不予立项',
  issued: '已交办',
  working: '办理中',
  claimed: '申请办结',
  returned: '退回',
  done: '已办结',
  terminated: '终止',
};
/** States in which the item is still being worked on (notices and lights apply). */
export const OPEN_STATES: readonly ItemState[] = ['issued', 'working', 'claimed', 'returned'];

export type UnitRole = 'lead' | 'responsible' | 'cooperating';
export const UNIT_ROLE_LABELS: Record<UnitRole, string> = { lead: '牵头单位', responsible: '责任单位', cooperating: '配合单位' };

export interface ItemUnit {
  role: UnitRole;
  /** As written in the source. */
  name: string;
  /** The directory's canonical name; null while unresolved (the ledger cannot be issued then). */
  canonical: string | null;
  /** 签收: when the unit acknowledged the item (an instant), null before. */
  signedAt: string | null;
}

/** How often the units report on the item. */
export type ReportCycle =
  /** Every month, by the given day (每月5日前 → 5). */
  | { kind: 'monthly'; day: number }
  /** The dates a recurring deadline of the text expands into. */
  | { kind: 'dates'; dates: IsoDate[] }
  | { kind: 'none' };

export interface ItemReport {
  unit: string;
  /** The due date of the cycle this report answers (null: a report outside the cycle). */
  period: IsoDate | null;
  /** When it was submitted (an instant). */
  submittedAt: string;
  progress: string;
  problems: string;
  coordination: string;
  nextSteps: string;
  percent: number;
  attachments: { name: string; bytes: number }[];
}

export type ExtensionDecision = 'approved' | 'refused';
export interface ItemExtension {
  id: number;
  unit: string;
  /** When it was asked (an instant; must be before the deadline). */
  requestedAt: string;
  asked: IsoDate;
  reason: string;
  decision: ExtensionDecision | null;
  decidedAt: string | null;
  opinion: string | null;
}

export type NoticeKind = '提醒单' | '催办单' | '督办单' | '移交函';
export const NOTICE_KINDS: readonly NoticeKind[] = ['提醒单', '催办单', '督办单', '移交函'];
/** The word of each kind's number: 催办〔2026〕12号. */
export const NOTICE_NUMBER_WORD: Record<NoticeKind, string> = { 提醒单: '提醒', 催办单: '催办', 督办单: '督办', 移交函: '移交' };

export interface Notice {
  kind: NoticeKind;
  itemId: number;
  /** The lead unit it goes to. */
  unit: string;
  /** 催办〔2026〕12号: numbered per year and kind. */
  number: string;
  /** The working day it is dated (ISO day). */
  date: IsoDate;
  /** The deadline it was issued against (an extension makes a new cycle of notices). */
  deadline: IsoDate;
  /** 督办单: the unit's 分管领导; 移交函: the body it is transferred to. */
  copiedTo: string[];
}

/** The light (红黄绿灯) of an open item today. */
export type Light = 'green' | 'yellow' | 'red';
export const LIGHT_LABELS: Record<Light, string> = { green: '绿灯', yellow: '黄灯', red: '红灯' };

/** Everything the pure core knows of one item: the store loads it, the core computes on it. */
export interface ItemFacts {
  id: number;
  ledgerId: number;
  /** Stable across re-imports: the document's identity, the outline path and the measure. */
  key: string;
  text: string;
  state: ItemState;
  units: ItemUnit[];
  /** The current deadline (after approved extensions), null when the source sets none. */
  deadline: IsoDate | null;
  /** The deadline as first set, kept for assessment. */
  originalDeadline: IsoDate | null;
  /** The deadline as the document wrote it (3月底前), beside the date. */
  deadlineText: string | null;
  cycle: ReportCycle;
  /** 交办: when the item was issued (an ISO day), null for drafts. */
  issuedOn: IsoDate | null;
  /** 已办结: the day the office verified completion; claimedOn: the day the unit claimed it. */
  doneOn: IsoDate | null;
  claimedOn: IsoDate | null;
  reports: ItemReport[];
  extensions: ItemExtension[];
  notices: Notice[];
}
