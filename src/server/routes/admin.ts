// Administration: users (create, change roles and unit, disable, reset password, unlock),
// sessions (see who is signed in, end a session), and the audit trail.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AuditChainVerdict, AuditPage, AuditQuery, NewUserBody, OfficeLeadersBody, OfficeLeaderView, PasswordResetBody, SessionParams, SessionView, UserPatchBody, UserView } from '../../api/admin.ts';
import { ErrorBody, IdParams, Ok } from '../../api/common.ts';
import { endSession, listOpenSessions } from '../../auth/sessions.ts';
import { createUser, listUsers, setPassword, unlockUser, updateUser, getUser, type User } from '../../auth/users.ts';
import { later, startOfBeijingDay } from '../../calendar/clock.ts';
import { isKnownUnit } from '../../directory/index.ts';
import { auditActions, listAudit } from '../../store/audit.ts';
import { verifyAuditChain } from '../../store/audit-chain.ts';
import { listOfficeLeaders, OfficeLeadersError, saveOfficeLeaders } from '../../store/office-leaders.ts';
import { actorOf } from './request-context.ts';

function userView(u: User): z.infer<typeof UserView> {
  return {
    id: u.id,
    username: u.username,
    displayName: u.displayName,
    roles: u.roles,
    unit: u.unit,
    disabled: u.disabled,
    mustChangePassword: u.mustChangePassword,
    lockedUntil: u.lockedUntil,
    lastLoginAt: u.lastLoginAt,
    createdAt: u.createdAt,
  };
}

/** A Beijing calendar day as the range of ISO instants the audit trail's `at` is compared with. */
const dayStart = (day: string) => startOfBeijingDay(day).toISOString();
const dayEnd = (day: string) => later(startOfBeijingDay(day), 86_400_000).toISOString();

export default async function adminRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const users = { access: 'users.manage' as const };
  const tags = ['管理'];
  const known = (name: string) => isKnownUnit(app.directory, name);
  const change = (request: Parameters<typeof actorOf>[0]) => ({ actor: actorOf(request), now: app.clock.now() });

  app.get('/api/admin/users', { config: users, schema: { summary: '用户列表', tags, response: { 200: z.array(UserView) } } }, async () => (await listUsers(app.store.db)).map(userView));

  app.post(
    '/api/admin/users',
    { config: users, schema: { summary: '新增用户（首次登录须修改初始密码）', tags, body: NewUserBody, response: { 200: UserView, 400: ErrorBody, 409: ErrorBody } } },
    async (request) => userView(await createUser(app.store.db, { ...request.body, mustChangePassword: true }, known, change(request))),
  );

  app.patch(
    '/api/admin/users/:id',
    { config: users, schema: { summary: '修改用户（姓名、角色、所属单位、停用）', tags, params: IdParams, body: UserPatchBody, response: { 200: UserView, 400: ErrorBody, 404: ErrorBody } } },
    async (request) => userView(await updateUser(app.store.db, request.params.id, request.body, known, change(request))),
  );

  app.post(
    '/api/admin/users/:id/password',
    { config: users, schema: { summary: '重置密码（用户下次登录须修改）', tags, params: IdParams, body: PasswordResetBody, response: { 200: Ok, 400: ErrorBody, 404: ErrorBody } } },
    async (request) => {
      await setPassword(app.store.db, request.params.id, request.body.password, { reset: true }, change(request));
      return { ok: true as const };
    },
  );

  app.post(
    '/api/admin/users/:id/unlock',
    { config: users, schema: { summary: '解除锁定', tags, params: IdParams, response: { 200: UserView, 404: ErrorBody } } },
    async (request) => {
      await getUser(app.store.db, request.params.id);
      return userView(await unlockUser(app.store.db, request.params.id, change(request)));
    },
  );

  app.get('/api/admin/sessions', { config: { access: 'sessions.manage' }, schema: { summary: '在线会话', tags, response: { 200: z.array(SessionView) } } }, async (request) => {
    const mine = request.auth?.session.public_id;
    return (await listOpenSessions(app.store.db, app.clock.now(), app.settings.auth)).map((s) => ({ ...s, current: s.id === mine }));
  });

  app.post(
    '/api/admin/sessions/:id/revoke',
    { config: { access: 'sessions.manage' }, schema: { summary: '强制下线', tags, params: SessionParams, response: { 200: Ok, 404: ErrorBody } } },
    async (request, reply) => {
      const ended = await endSession(app.store.db, { publicId: request.params.id }, 'revoked', change(request));
      return ended ? { ok: true as const } : reply.status(404).send({ error: '会话不存在或已结束' });
    },
  );

  app.get('/api/admin/audit', { config: { access: 'audit.read' }, schema: { summary: '审计日志', tags, querystring: AuditQuery, response: { 200: AuditPage } } }, async (request) => {
    const q = request.query;
    const page = await listAudit(app.store.db, {
      actor: q.actor,
      action: q.action,
      entity: q.entity,
      from: q.from ? dayStart(q.from) : undefined,
      to: q.to ? dayEnd(q.to) : undefined,
      limit: q.limit,
      offset: q.offset,
    });
    return { ...page, actions: await auditActions(app.store.db) };
  });

  app.get(
    '/api/admin/audit/verify',
    { config: { access: 'audit.read' }, schema: { summary: '核验审计日志的哈希链', tags, response: { 200: AuditChainVerdict } } },
    async () => verifyAuditChain(app.store.db),
  );

  const leaders = { access: 'leaders.manage' as const };
  app.get('/api/admin/office-leaders', { config: leaders, schema: { summary: '领导分管表', tags, response: { 200: z.array(OfficeLeaderView) } } }, async () => listOfficeLeaders(app.store.db));
  app.put(
    '/api/admin/office-leaders',
    { config: leaders, schema: { summary: '保存领导分管表（整表替换；未列出的领导停用，不删除）', tags, body: OfficeLeadersBody, response: { 200: z.array(OfficeLeaderView), 400: ErrorBody } } },
    async (request, reply) => {
      try {
        return await saveOfficeLeaders(app.store, request.body.leaders, { actor: actorOf(request), clock: app.clock });
      } catch (e) {
        if (e instanceof OfficeLeadersError) return reply.status(400).send({ error: e.message });
        throw e;
      }
    },
  );
}
