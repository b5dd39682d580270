// The 收文 API's shapes: a registration as the store's view gives it (the slip's fields named as
// the routing slip names them), the answer to an upload (registered and refused files), the 收文簿
// query and 初审's request. Pure: zod only.
import { z } from 'zod';
import { IsoDay, Limit, Offset, page } from './common.ts';

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

export const IncomingState = z.enum(['registered', 'reviewed', 'returned']).meta({ description: 'registered 已登记，reviewed 已初审，returned 已退回' });
export const IncomingKind = z.enum(['办件', '阅件']);

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
  year: z.coerce.number().int().min(1949).max(2200).optional(),
  state: IncomingState.optional(),
  limit: Limit(500, 50),
  offset: Offset,
});

export const IncomingPage = page(IncomingView);

export const ReviewBody = z.union([
  z.object({ kind: IncomingKind, note: z.string().max(2000).nullable().optional(), version: z.number().int().optional() }),
  z.object({ returned: z.literal(true), reason: z.string().max(2000), version: z.number().int().optional() }),
]);
