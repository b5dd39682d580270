// The 收文 API's shapes: a registration as the store's view gives it (the slip's fields named as
// the routing slip names them), the answer to an upload (registered and refused files), the 收文簿
// query and 初审's request. Pure: zod only.
import { z } from 'zod';
import { ArchiveRecordView } from './archive-record.ts';
import { Id, IsoDay, Limit, Offset, page, Year } from './common.ts';

export const RoutingProposalView = z.object({
  submitTo: z.array(z.string()),
  circulateTo: z.array(z.string()),
  approveBy: z.array(z.string()),
  lead: z.string().nullable(),
  cooperating: z.array(z.string()),
  action: z.string().nullable(),
  coLeads: z.array(z.string()).optional(),
  text: z.string(),
});

export const IncomingState = z
  .enum(['registered', 'reviewed', 'returned', 'proposed', 'instructed', 'sent-back', 'assigned', 'concluded', 'archived'])
  .meta({ description: 'registered 已登记，reviewed 已初审，returned 已退回，proposed 待批示，instructed 已批示，sent-back 退回拟办，assigned 已分办，concluded 已办结，archived 已归档' });
export const IncomingKind = z.enum(['办件', '阅件']);

export const InstructionMode = z.enum(['sequence', 'parallel']).meta({ description: 'sequence 依次批示，parallel 同时批示' });
export const StepAction = z.enum(['instruct', 'circle', 'pass', 'return']).meta({ description: 'instruct 批示，circle 圈阅，pass 转其他领导，return 退回拟办（收文员）' });
export const StepState = z.enum(['waiting', 'pending', 'done', 'cancelled']).meta({ description: 'waiting 未轮到，pending 待批示，done 已办理，cancelled 已取消' });
export const RecipientState = z.enum(['unread', 'opened', 'read']).meta({ description: 'unread 未读，opened 已读（已打开），read 已阅' });

export const LeaderRef = z.object({ username: z.string(), name: z.string() });

export const SubmittedProposalView = z.object({
  text: z.string(),
  leaders: z.array(LeaderRef),
  mode: InstructionMode,
  lead: z.string().nullable(),
  cooperating: z.array(z.string()),
  submittedAt: z.string(),
  submittedBy: z.string(),
  round: z.number().int(),
});

export const InstructionStepView = z.object({
  id: z.number().int(),
  round: z.number().int(),
  seq: z.number().int(),
  mode: InstructionMode,
  leader: z.string().meta({ description: '领导的用户名' }),
  leaderName: z.string(),
  state: StepState,
  action: StepAction.nullable(),
  text: z.string().nullable(),
  passedFrom: z.string().nullable().meta({ description: '由哪位领导转来（用户名）' }),
  createdAt: z.string(),
  actedAt: z.string().nullable(),
});

export const CirculationView = z.object({
  id: z.number().int(),
  kind: z.enum(['user', 'unit']),
  recipient: z.string().meta({ description: '用户名或单位名称' }),
  name: z.string(),
  state: RecipientState,
  sentAt: z.string(),
  sentBy: z.string(),
  openedAt: z.string().nullable(),
  openedBy: z.string().nullable(),
  readAt: z.string().nullable(),
  readBy: z.string().nullable(),
  recalledAt: z.string().nullable(),
  recalledBy: z.string().nullable(),
  reminders: z.array(z.object({ at: z.string(), by: z.string() })),
});

export const AssignmentRole = z.enum(['lead', 'cooperate']).meta({ description: 'lead 主办，cooperate 协办' });
export const AssignmentState = z.enum(['pending', 'accepted', 'replied']).meta({ description: 'pending 待承办，accepted 承办中（已签收），replied 已答复' });
export const DeadlineSource = z.enum(['given', 'document', 'default']).meta({ description: 'given 收文员指定，document 来文要求的日期，default 默认工作日数' });

export const AssignmentView = z.object({
  id: z.number().int(),
  unit: z.string().meta({ description: '承办单位（单位目录中的规范名称）' }),
  role: AssignmentRole,
  state: AssignmentState,
  deadline: IsoDay.meta({ description: '办理期限' }),
  deadlineSource: DeadlineSource,
  assignedAt: z.string(),
  assignedBy: z.string(),
  acceptedAt: z.string().nullable(),
  acceptedBy: z.string().nullable(),
  repliedAt: z.string().nullable(),
  repliedBy: z.string().nullable(),
  reply: z.string().nullable().meta({ description: '答复内容' }),
  urges: z.array(z.object({ at: z.string(), by: z.string(), auto: z.boolean().meta({ description: '逾期后由系统自动催办' }) })).meta({ description: '催办记录' }),
});

export const IncomingView = z.object({
  id: z.number().int(),
  serial: z.string().meta({ description: '运转号，如（党）198号' }),
  series: z.string(),
  year: z.number().int(),
  serialNumber: z.number().int(),
  fromUnit: z.string().nullable(),
  receivedOn: IsoDay,
  urgency: z.string().nullable(),
  docNumber: z.string().nullable(),
  secrecy: z.string().nullable(),
  channel: z.string().nullable().meta({ description: '来文方式' }),
  title: z.string(),
  leaderInstruction: z.string().nullable(),
  officeOpinion: z.string().nullable(),
  handler: z.string().nullable(),
  reviewer: z.string().nullable(),
  office: z.string().nullable(),
  phone: z.string().nullable(),
  proposal: RoutingProposalView.nullable(),
  signedOn: z.string().nullable().meta({ description: '成文日期' }),
  openness: z.string().nullable().meta({ description: '公开属性' }),
  attachments: z.array(z.string()),
  kind: IncomingKind.nullable(),
  state: IncomingState,
  stateNote: z.string().nullable(),
  documentId: z.number().int().nullable(),
  fileName: z.string(),
  duplicateOf: z.number().int().nullable(),
  receivedAt: z.string(),
  createdBy: z.string(),
  updatedAt: z.string(),
  version: z.number().int(),
  submittedProposal: SubmittedProposalView.nullable().meta({ description: '收文员提交的拟办意见' }),
  instructions: z.array(InstructionStepView).meta({ description: '各位领导的批示环节（各轮，按顺序）' }),
  circulation: z.array(CirculationView).meta({ description: '传阅对象及其状态（含已收回的）' }),
  circulating: z.boolean().meta({ description: '传阅中：尚有未收回的传阅对象未阅' }),
  holders: z.array(z.string()).meta({ description: '此件现在在谁手上：待批示的领导，或尚未阅的传阅对象，分办后尚未答复的承办单位' }),
  archive: ArchiveRecordView.nullable().meta({ description: '归档：档号与保管期限等；未归档时为 null' }),
  assignments: z.array(AssignmentView).meta({ description: '分办的承办单位（主办在前），各带办理期限、状态与催办' }),
  ledgerId: z.number().int().nullable().meta({ description: '分办时由来文的工作措施立项的督办台账' }),
  concludedAt: z.string().nullable(),
  concludedBy: z.string().nullable(),
  conclusion: z.string().nullable().meta({ description: '办结意见' }),
});

export const RegisterFailure = z.object({
  name: z.string(),
  error: z.string(),
  kind: z.enum(['unreadable', 'refused', 'duplicate', 'invalid', 'not-found', 'conflict']),
  first: z.object({ id: z.number().int(), serial: z.string() }).optional().meta({ description: '重复登记时：第一次登记' }),
});

export const RegisterResult = z.object({ registered: z.array(IncomingView), failed: z.array(RegisterFailure) });

export const RegisterQuery = z.object({
  channel: z.string().max(12).optional().describe('运转号系列，如 党、政'),
  via: z.string().max(30).optional().describe('来文方式，如 内网、纸质'),
  force: z.enum(['true', 'false', '1', '0']).optional().describe('为 true 时，已登记过的公文也再次登记'),
});

export const IncomingQuery = z.object({
  series: z.string().max(12).optional(),
  year: Year(1949, 2200),
  state: IncomingState.optional(),
  circulating: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional()
    .describe('true：只列传阅中的；false：只列不在传阅中的'),
  limit: Limit(500, 50),
  offset: Offset,
});

export const IncomingPage = page(IncomingView);

export const ReviewBody = z.union([
  z.object({ kind: IncomingKind, note: z.string().max(2000).nullable().optional(), version: z.number().int().optional() }),
  z.object({ returned: z.literal(true), reason: z.string().max(2000), version: z.number().int().optional() }),
]);

const Version = z.number().int().optional().meta({ description: '调用方看到的版本；已被他人修改时拒绝（409）' });

export const ProposalDraftView = z.object({
  text: z.string(),
  leaders: z.array(LeaderRef).meta({ description: '领导分管表匹配到的领导（督办用户）' }),
  submitTo: z.array(z.string()),
  circulateTo: z.array(z.string()),
  lead: z.string().nullable(),
  cooperating: z.array(z.string()),
  action: z.string().nullable(),
  dates: z.array(z.object({ date: z.string(), text: z.string() })),
  unmapped: z.array(z.string()),
  choices: z.array(LeaderRef).meta({ description: '可选的全部领导' }),
});

export const ProposeBody = z.object({
  text: z.string().max(4000),
  leaders: z.array(z.string().max(100)).max(20).meta({ description: '呈批领导的用户名（依次批示时按此顺序）' }),
  mode: InstructionMode.default('sequence'),
  lead: z.string().max(200).nullable().optional(),
  cooperating: z.array(z.string().max(200)).max(200).optional(),
  version: Version,
});

export const InstructBody = z.object({
  action: StepAction,
  text: z.string().max(4000).nullable().optional(),
  to: z.string().max(100).nullable().optional().meta({ description: '转批：领导的用户名' }),
  version: Version,
});

export const CirculateBody = z.object({
  users: z.array(z.string().max(100)).max(200).optional(),
  units: z.array(z.string().max(200)).max(200).optional(),
  version: Version,
});

export const RecipientParams = z.object({ id: Id(), rid: Id() });
export const VersionBody = z.object({ version: Version });

export const CirculatedItem = z.object({ incoming: IncomingView, recipient: CirculationView });
export const CirculatedList = z.object({ items: z.array(CirculatedItem) });
export const AwaitingList = z.object({ items: z.array(IncomingView) });

// Who the pages offer to choose from: the clerk's 传阅 recipients (people; units come from the
// directory, GET /api/units) and the leader's 转批 targets (the leaders, with their areas from the
// 领导分管表 where a row of it carries the same name).
export const RecipientUser = z.object({ username: z.string(), name: z.string(), unit: z.string().nullable() });
export const RecipientUsers = z.object({ users: z.array(RecipientUser) });
export const LeaderChoice = z.object({
  username: z.string(),
  name: z.string(),
  title: z.string().nullable().meta({ description: '领导分管表中的职务（姓名对上时）' }),
  areas: z.array(z.string()).meta({ description: '分管领域（领导分管表）' }),
});
export const LeaderChoices = z.object({ leaders: z.array(LeaderChoice) });
export const DirectoryUnitChoice = z.object({ name: z.string().meta({ description: '单位目录中的规范名称' }), jurisdiction: z.string(), aliases: z.array(z.string()) });
export const DirectoryUnitsQuery = z.object({ q: z.string().max(50).optional(), limit: Limit(200, 30) });
