// Sign-in, the signed-in person, the policy table.
import { z } from 'zod';
import { PERMISSIONS, ROLES } from '../auth/policy.ts';

export const Role = z.enum(ROLES);
export type Role = z.infer<typeof Role>;
export const Permission = z.enum(PERMISSIONS);
export type Permission = z.infer<typeof Permission>;

export const LoginBody = z.object({
  username: z.string().min(1, '请输入用户名').max(64, '用户名过长'),
  password: z.string().min(1, '请输入密码').max(256, '密码过长'),
});

export const SessionUser = z.object({
  id: z.number().int(),
  username: z.string(),
  displayName: z.string(),
  roles: z.array(Role),
  unit: z.string().nullable().meta({ description: '承办单位用户所属的规范单位名称' }),
  mustChangePassword: z.boolean(),
});
export type SessionUser = z.infer<typeof SessionUser>;

export const Me = z.object({
  user: SessionUser,
  permissions: z.array(Permission),
  csrfToken: z.string().meta({ description: '每个写请求都要在 x-csrf-token 头中带上' }),
  expiresAt: z.string().meta({ description: '会话最迟结束的时刻（ISO）' }),
  idleMinutes: z.number(),
  publicLibrary: z.boolean(),
  serverTime: z.string().meta({ description: '服务器时钟的此刻（ISO）：页面据此取“今天”（演示时钟 --now 亦然）' }),
});
export type Me = z.infer<typeof Me>;

export const PasswordChangeBody = z.object({
  currentPassword: z.string().min(1, '请输入当前密码').max(256),
  newPassword: z.string().min(1, '请输入新密码').max(256),
});

export const PolicyTable = z.object({
  roles: z.array(z.object({ role: Role, label: z.string(), duties: z.string() })),
  permissions: z.array(z.object({ permission: Permission, label: z.string(), roles: z.array(Role) })),
});
export type PolicyTable = z.infer<typeof PolicyTable>;
