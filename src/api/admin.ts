// Administration: users, sessions, the audit trail; and the outcome of an import.
import { z } from 'zod';
import { Role } from './auth.ts';
import { IsoDay, Limit, Offset, page } from './common.ts';

export const UserView = z.object({
  id: z.number().int(),
  username: z.string(),
  displayName: z.string(),
  roles: z.array(Role),
  unit: z.string().nullable(),
  disabled: z.boolean(),
  mustChangePassword: z.boolean(),
  lockedUntil: z.string().nullable(),
  lastLoginAt: z.string().nullable(),
  createdAt: z.string(),
});
export type UserView = z.infer<typeof UserView>;

export const NewUserBody = z.object({
  username: z.string().min(1, '请输入用户名').max(32, '用户名过长'),
  displayName: z.string().min(1, '请输入姓名').max(40, '姓名过长'),
  roles: z.array(Role).min(1, '至少选择一个角色'),
  unit: z.string().max(80).nullable().optional(),
  password: z.string().min(1, '请输入初始密码').max(256),
});

export const UserPatchBody = z.object({
  displayName: z.string().min(1).max(40).optional(),
  roles: z.array(Role).min(1, '至少选择一个角色').optional(),
  unit: z.string().max(80).nullable().optional(),
  disabled: z.boolean().optional(),
});

export const PasswordResetBody = z.object({ password: z.string().min(1, '请输入新密码').max(256) });

export const SessionView = z.object({
  id: z.string(),
  userId: z.number().int(),
  username: z.string(),
  displayName: z.string(),
  createdAt: z.string(),
  lastSeenAt: z.string(),
  expiresAt: z.string(),
  ip: z.string().nullable(),
  userAgent: z.string().nullable(),
  current: z.boolean(),
});
export type SessionView = z.infer<typeof SessionView>;

export const SessionParams = z.object({ id: z.string().regex(/^[A-Za-z0-9_-]{6,40}$/, '会话编号有误') });

export const AuditEvent = z.object({
  id: z.number().int(),
  at: z.string(),
  actor: z.string(),
  actorId: z.number().int().nullable(),
  action: z.string(),
  entity: z.string(),
  entityId: z.number().int().nullable(),
  before: z.unknown(),
  after: z.unknown(),
  ip: z.string().nullable(),
});
export type AuditEvent = z.infer<typeof AuditEvent>;
export const AuditPage = page(AuditEvent).extend({ actions: z.array(z.string()) });

/** The audit chain's verdict (src/store/audit-chain.ts). */
export const AuditChainVerdict = z.object({
  ok: z.boolean(),
  count: z.number().int(),
  head: z.string(),
  firstBad: z.object({ id: z.number().int().nullable(), kind: z.enum(['changed', 'deleted', 'inserted', 'swapped', 'head']), reason: z.string() }).optional(),
});
export type AuditChainVerdict = z.infer<typeof AuditChainVerdict>;

export const AuditQuery = z.object({
  actor: z.string().max(64).optional(),
  action: z.string().max(40).optional(),
  entity: z.string().max(40).optional(),
  from: IsoDay.optional(),
  to: IsoDay.optional(),
  limit: Limit(500, 50),
  offset: Offset,
});

export const ImportOutcome = z.object({
  name: z.string(),
  status: z.enum(['imported', 'replaced', 'unchanged', 'duplicate', 'failed', 'refused']),
  message: z.string().optional(),
  documents: z.number().int().optional(),
  tasks: z.number().int().optional(),
  appointments: z.number().int().optional(),
  chronicle: z.number().int().optional(),
  warnings: z.array(z.object({ code: z.string(), message: z.string(), line: z.number().int().optional() })),
  documentIds: z.array(z.number().int()),
  /** Documents of the file not stored because the library holds them already: which, and where from. */
  duplicates: z
    .array(
      z.object({
        title: z.string(),
        docNumber: z.string().nullable(),
        documentId: z.number().int(),
        file: z.string(),
        matchedBy: z.enum(['identity', 'text', 'bytes']),
      }),
    )
    .optional(),
});
export type ImportOutcome = z.infer<typeof ImportOutcome>;

/** The leaders' table (领导分管表): what the 拟办 draft matches documents against, whom the 督办单 copies. */
export const OfficeLeaderView = z.object({
  id: z.number().int(),
  name: z.string().meta({ description: '姓名（与督办用户的姓名一致时，拟办起草可直接选中该领导）' }),
  title: z.string(),
  areas: z.array(z.string()).meta({ description: '分管领域，如 教育、供暖；* 表示全部' }),
  units: z.array(z.string()).meta({ description: '分管单位（单位目录中的名称）' }),
});

export const OfficeLeadersBody = z.object({
  leaders: z
    .array(
      z.object({
        id: z.number().int().nullable().optional(),
        name: z.string().max(50),
        title: z.string().max(100),
        areas: z.array(z.string().max(50)).max(50),
        units: z.array(z.string().max(100)).max(100),
      }),
    )
    .max(200),
});
