// The office's side of 督查督办 over HTTP: a unit's inbox of 三单一函 notices, the 调度表 per lead
// unit, the 月通报 (preview, publish, the published ones), 考核 scores with every point traced, the
// rules as data, and a manual tick. The server validates and serializes with these schemas; the
// web application takes its types from them (web/src/lib/api-types.ts). Pure: zod only.
import { z } from 'zod';
import { Limit, Offset, page } from './common.ts';
import { ItemState, Light } from './supervision.ts';

export const NoticeKind = z.enum(['提醒单', '催办单', '督办单', '移交函']);

/** One notice as the inbox lists it, with the item it is about. */
export const InboxNotice = z.object({
  id: z.number().int(),
  kind: NoticeKind,
  number: z.string(),
  /** The lead unit it was sent to. */
  unit: z.string(),
  date: z.string(),
  deadline: z.string(),
  /** 督办单: the unit's 分管领导; 移交函: the body it is transferred to. */
  copiedTo: z.array(z.string()),
  issuedAt: z.string(),
  /** When the unit opened it (阅知), null while unread. */
  readAt: z.string().nullable(),
  /** When its copy was mailed to the unit's address, null while not (or never) mailed. */
  mailedAt: z.string().nullable(),
  item: z.object({ id: z.number().int(), seq: z.number().int(), text: z.string(), state: ItemState, ledgerTitle: z.string() }),
});
export type InboxNotice = z.infer<typeof InboxNotice>;

export const InboxQuery = z.object({
  kind: NoticeKind.optional(),
  unread: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
  /** The office's view: the notices of one unit. A unit user always sees their own. */
  unit: z.string().max(80).optional(),
  limit: Limit(200, 50),
  offset: Offset,
});
export const Inbox = page(InboxNotice).extend({ unread: z.number().int(), units: z.array(z.string()) });

/** A unit's address for the mail of notices (督办文书邮箱). */
export const UnitMailbox = z.object({ unit: z.string(), address: z.string().nullable(), setAt: z.string(), setBy: z.string() });
export const UnitMailboxBody = z.object({
  unit: z.string().trim().min(2, '请填写单位的规范名称').max(80),
  address: z.string().trim().max(254).nullable().meta({ description: '邮件地址；null 或空表示不再发邮件' }),
});

export const MonthParams = z.object({ month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, '月份应写作 YYYY-MM（如 2026-10）') });
export const YearParams = z.object({
  year: z
    .string()
    .regex(/^\d{4}$/, '年度应为四位数字')
    .transform(Number)
    .refine((y) => y >= 2000 && y <= 2999, '年度应在 2000–2999 之间'),
});

export const DispatchQuery = z.object({
  /** YYYY-MM: the office's monthly round; YYYY-MM-H1 (1–15) / YYYY-MM-H2 (16 to the month's end): the lead unit's half-monthly round. */
  period: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])(-H[12])?$/, '调度期次应写作 YYYY-MM 或 YYYY-MM-H1 / YYYY-MM-H2（如 2026-12-H1）'),
  /** One lead unit; absent: every lead unit (the office). A unit user always gets their own unit. */
  lead: z.string().max(80).optional(),
});

export const DispatchRowView = z.object({
  itemId: z.number().int(),
  seq: z.number().int(),
  ledgerTitle: z.string(),
  text: z.string(),
  responsible: z.array(z.string()),
  cooperating: z.array(z.string()),
  deadline: z.string().nullable(),
  deadlineText: z.string().nullable(),
  state: ItemState,
  overdue: z.boolean(),
  light: Light.nullable(),
  latestReport: z
    .object({ on: z.string(), unit: z.string(), progress: z.string(), problems: z.string(), coordination: z.string(), nextSteps: z.string(), percent: z.number() })
    .nullable(),
});
export type DispatchRowView = z.infer<typeof DispatchRowView>;

export const Dispatch = z.object({
  /** 2026年12月调度, 2026年12月上半月调度 … */
  period: z.string(),
  month: z.string(),
  half: z.number().int().nullable(),
  from: z.string(),
  to: z.string(),
  /** The day the table is as of: the period's last day, or today while it runs. */
  asOf: z.string(),
  leads: z.array(z.object({ unit: z.string(), rows: z.array(DispatchRowView) })),
  /** Every lead unit one may pick. */
  units: z.array(z.string()),
});
export type Dispatch = z.infer<typeof Dispatch>;

const Rate = z.number().nullable();
export const BulletinRowView = z.object({
  unit: z.string(),
  items: z.number().int(),
  done: z.number().int(),
  doneOnTime: z.number().int(),
  overdue: z.number().int(),
  onTimeRate: Rate,
  reportsOwed: z.number().int(),
  reportsOnTime: z.number().int(),
  reportRate: Rate,
  score: z.number(),
  rank: z.number().int(),
});

export const BulletinView = z.object({
  month: z.string(),
  asOf: z.string(),
  totals: z.object({ items: z.number().int(), done: z.number().int(), open: z.number().int(), overdue: z.number().int() }),
  rows: z.array(BulletinRowView),
  red: z.array(z.string()),
  black: z.array(z.string()),
  overdueItems: z.array(z.object({ itemId: z.number().int(), text: z.string(), units: z.array(z.string()), deadline: z.string(), workdaysOver: z.number().int() })),
  /** 督查通报2026年第3期 once published, null for a preview. */
  number: z.string().nullable(),
  year: z.number().int(),
  seq: z.number().int().nullable(),
  publishedAt: z.string().nullable(),
  /** The list lines the rules drew (红榜 ≥ red, 黑榜 < black), as shares. */
  lists: z.object({ red: z.number(), black: z.number() }),
});
export type BulletinView = z.infer<typeof BulletinView>;

export const PublishedBulletin = z.object({
  month: z.string(),
  number: z.string(),
  year: z.number().int(),
  seq: z.number().int(),
  publishedAt: z.string(),
  publishedBy: z.string(),
  totals: BulletinView.shape.totals,
});

export const ScoreEventView = z.object({
  rule: z.enum(['base', 'done', 'early', 'overdue', 'report-late', 'report-missed', 'supervise', 'transfer']),
  /** 基础分, 办结, 超期 … */
  label: z.string(),
  points: z.number(),
  date: z.string(),
  itemId: z.number().int().nullable(),
  itemText: z.string().nullable(),
  detail: z.string(),
});
export const Scores = z.object({
  year: z.number().int(),
  asOf: z.string(),
  base: z.number(),
  units: z.array(z.object({ unit: z.string(), rank: z.number().int(), total: z.number(), plus: z.number(), minus: z.number(), events: z.array(ScoreEventView) })),
});
export type Scores = z.infer<typeof Scores>;

const n = z.number();
export const Rules = z.object({
  notices: z.object({ reminderBefore: n, urgeAfter: n, superviseAfter: n, transferAfter: n, transferTo: z.string() }),
  lights: z.object({ yellowWithin: n }),
  lists: z.object({ red: n, black: n }),
  scores: z.object({ base: n, doneLead: n, doneCooperating: n, early: n, overdueLead: n, overdueCooperating: n, reportLate: n, reportMissed: n, supervise: n, transfer: n }),
});
export type Rules = z.infer<typeof Rules>;

export const RulesView = z.object({ rules: Rules, defaults: Rules, updatedAt: z.string().nullable(), updatedBy: z.string().nullable() });

/** An edit: any sections, any fields of them; the rest stays as in force. The rules' own checks (Chinese) follow. */
export const RulesBody = z.object({
  notices: Rules.shape.notices.partial().optional(),
  lights: Rules.shape.lights.partial().optional(),
  lists: Rules.shape.lists.partial().optional(),
  scores: Rules.shape.scores.partial().optional(),
}).strict();

export const TickView = z.object({
  days: z.array(z.string()),
  notices: z.array(z.object({ kind: NoticeKind, itemId: z.number().int(), unit: z.string(), number: z.string(), date: z.string(), deadline: z.string(), copiedTo: z.array(z.string()) })),
});
