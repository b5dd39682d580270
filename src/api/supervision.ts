// 督查督办's HTTP shapes: ledgers (台账), their items, and what people do to an item (签收, 进展,
// 申请办结, 核验, 延期, 终止). The server validates and serializes with these schemas; the web
// application takes its types from them (web/src/lib/api-types.ts). Pure: zod only.
import { z } from 'zod';
import { DecimalInt, IsoDay, Limit, Offset, page } from './common.ts';

export const LedgerSourceKind = z.enum(['document', 'instruction', 'meeting']);
export const LedgerState = z.enum(['draft', 'issued']);
export const ItemState = z.enum(['draft', 'dropped', 'issued', 'working', 'claimed', 'returned', 'done', 'terminated']);
export const UnitRole = z.enum(['lead', 'responsible', 'cooperating']);
export const Light = z.enum(['green', 'yellow', 'red']);

const Text = (max: number, empty: string) => z.string().trim().min(1, empty).max(max, `不能超过 ${max} 字`);
const Note = (max: number) => z.string().trim().max(max, `不能超过 ${max} 字`);

export const ReportCycle = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('monthly'), day: z.number().int().min(1, '日期应在 1–28 之间').max(28, '日期应在 1–28 之间') }),
  z.object({ kind: z.literal('dates'), dates: z.array(IsoDay).max(366, '日期过多') }),
  z.object({ kind: z.literal('none') }),
]);

export const ItemUnitView = z.object({
  role: UnitRole,
  /** As written in the source. */
  name: z.string(),
  /** The directory's canonical name; null while unresolved (the ledger cannot be issued then). */
  canonical: z.string().nullable(),
  signedAt: z.string().nullable(),
});
export type ItemUnitView = z.infer<typeof ItemUnitView>;

export const ReportView = z.object({
  id: z.number().int(),
  unit: z.string(),
  period: z.string().nullable(),
  submittedAt: z.string(),
  submittedBy: z.string(),
  progress: z.string(),
  problems: z.string(),
  coordination: z.string(),
  nextSteps: z.string(),
  percent: z.number().int(),
  attachments: z.array(z.object({ id: z.number().int(), name: z.string(), bytes: z.number().int() })),
});
export type ReportView = z.infer<typeof ReportView>;

export const ExtensionView = z.object({
  id: z.number().int(),
  itemId: z.number().int(),
  unit: z.string(),
  requestedAt: z.string(),
  requestedBy: z.string(),
  asked: z.string(),
  reason: z.string(),
  previousDeadline: z.string().nullable(),
  decision: z.enum(['approved', 'refused']).nullable(),
  decidedAt: z.string().nullable(),
  decidedBy: z.string().nullable(),
  opinion: z.string().nullable(),
});
export type ExtensionView = z.infer<typeof ExtensionView>;

export const NoticeView = z.object({
  id: z.number().int(),
  kind: z.enum(['提醒单', '催办单', '督办单', '移交函']),
  number: z.string(),
  unit: z.string(),
  date: z.string(),
  deadline: z.string(),
  copiedTo: z.array(z.string()),
  readAt: z.string().nullable(),
});
export type NoticeView = z.infer<typeof NoticeView>;

/** One row of the ledger page. */
export const ItemView = z.object({
  id: z.number().int(),
  ledgerId: z.number().int(),
  ledgerTitle: z.string(),
  seq: z.number().int(),
  text: z.string(),
  state: ItemState,
  units: z.array(ItemUnitView),
  deadline: z.string().nullable(),
  originalDeadline: z.string().nullable(),
  /** The deadline as the document wrote it (3月底前). */
  deadlineText: z.string().nullable(),
  /** 责任领导: the persons the measure names beside its units, as written. */
  leaders: z.array(z.string()),
  cycle: ReportCycle,
  issuedOn: z.string().nullable(),
  claimedOn: z.string().nullable(),
  doneOn: z.string().nullable(),
  /** Why it was returned, dropped or terminated (the latest opinion). */
  stateNote: z.string().nullable(),
  /** Set when the source's measure changed after 立项: the office must review the item. */
  reviewNote: z.string().nullable(),
  /** Computed today: an open item past its deadline. */
  overdue: z.boolean(),
  /** 红黄绿灯 of an open item, null for drafts and closed items. */
  light: Light.nullable(),
  latestReport: ReportView.nullable(),
  pendingExtension: ExtensionView.nullable(),
  source: z.object({ documentId: z.number().int().nullable(), path: z.array(z.string()), line: z.number().int().nullable() }),
  /** Send it back with an edit: a stale version is refused (someone else changed the item). */
  version: z.number().int(),
});
export type ItemView = z.infer<typeof ItemView>;

export const HistoryEvent = z.object({
  at: z.string(),
  actor: z.string(),
  action: z.string(),
  /** 签收, 提交进展 … in Chinese. */
  label: z.string(),
  before: z.unknown().nullable(),
  after: z.unknown().nullable(),
});

export const ItemDetail = ItemView.extend({
  reports: z.array(ReportView),
  extensions: z.array(ExtensionView),
  notices: z.array(NoticeView),
  history: z.array(HistoryEvent),
});
export type ItemDetail = z.infer<typeof ItemDetail>;

export const LedgerSummary = z.object({
  id: z.number().int(),
  title: z.string(),
  sourceKind: LedgerSourceKind,
  documentId: z.number().int().nullable(),
  docNumber: z.string().nullable(),
  sourceNote: z.string().nullable(),
  state: LedgerState,
  createdAt: z.string(),
  createdBy: z.string(),
  issuedAt: z.string().nullable(),
  counts: z.object({ total: z.number().int(), draft: z.number().int(), open: z.number().int(), done: z.number().int(), overdue: z.number().int() }),
});
export type LedgerSummary = z.infer<typeof LedgerSummary>;

export const LedgerDetail = LedgerSummary.extend({
  items: z.array(ItemView),
  /** Units written in the items that the directory does not know: the ledger cannot be issued. */
  unresolvedUnits: z.array(z.string()),
});
export type LedgerDetail = z.infer<typeof LedgerDetail>;

export const OpenLedgerBody = z.discriminatedUnion('sourceKind', [
  z.object({ sourceKind: z.literal('document'), documentId: z.number().int().positive() }),
  z.object({
    sourceKind: z.enum(['instruction', 'meeting']),
    title: Text(200, '请输入标题'),
    /** Who instructed or which meeting decided, and when. */
    sourceNote: Text(500, '请说明来源（批示领导或会议名称、时间）'),
  }),
]);

export const UnitInput = z.object({ role: UnitRole, name: Text(80, '请输入单位名称') });

export const NewItemBody = z.object({
  text: Text(4000, '请输入任务内容'),
  units: z.array(UnitInput).max(60, '单位过多'),
  deadline: IsoDay.nullable().optional(),
  deadlineText: Note(100).nullable().optional(),
  cycle: ReportCycle.optional(),
});

export const ItemPatchBody = z.object({
  version: z.number().int(),
  text: Text(4000, '任务内容不能为空').optional(),
  units: z.array(UnitInput).max(60, '单位过多').optional(),
  deadline: IsoDay.nullable().optional(),
  deadlineText: Note(100).nullable().optional(),
  cycle: ReportCycle.optional(),
});

export const SplitBody = z.object({ version: z.number().int(), texts: z.array(Text(4000, '拆分后的内容不能为空')).min(2, '至少拆成两项').max(20, '一次最多拆成 20 项') });
export const MergeBody = z.object({ itemIds: z.array(z.number().int().positive()).min(2, '至少选择两项').max(50, '一次最多合并 50 项') });
export const IssueBody = z.object({ itemIds: z.array(z.number().int().positive()).max(5000).optional() });
export const ReasonBody = z.object({ version: z.number().int(), reason: Text(1000, '请填写理由') });
export const ReportBody = z.object({
  progress: Text(4000, '请填写工作进展'),
  problems: Note(2000).default(''),
  coordination: Note(2000).default(''),
  nextSteps: Note(2000).default(''),
  percent: z.number().int().min(0, '完成进度应在 0–100 之间').max(100, '完成进度应在 0–100 之间'),
  period: IsoDay.nullable().optional(),
});
export const ClaimBody = z.object({ version: z.number().int(), summary: Text(4000, '请填写办结情况') });
export const VerifyBody = z.object({ version: z.number().int(), accept: z.boolean(), opinion: Note(1000).default('') });
export const ExtensionBody = z.object({ asked: IsoDay, reason: Text(1000, '请填写延期理由') });
export const DecideBody = z.object({ approve: z.boolean(), opinion: Note(1000).default('') });

export const ItemQuery = z.object({
  ledgerId: DecimalInt(1, Number.MAX_SAFE_INTEGER).optional(),
  state: ItemState.optional(),
  unit: z.string().max(80).optional(),
  light: Light.optional(),
  overdue: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
  q: z.string().max(100).optional(),
  limit: Limit(500, 50),
  offset: Offset,
});
export const ItemPage = page(ItemView);

export const Workbench = z.object({
  unit: z.string().nullable(),
  toSign: z.array(ItemView),
  dueSoon: z.array(ItemView),
  overdue: z.array(ItemView),
  returned: z.array(ItemView),
  working: z.array(ItemView),
});

export const Approvals = z.object({
  extensions: z.array(ExtensionView.extend({ item: ItemView })),
  claims: z.array(ItemView),
});
