// Signing in and out, the signed-in person, their password, the policy table.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import rateLimit from '@fastify/rate-limit';
import { LoginBody, Me, PasswordChangeBody, PolicyTable } from '../../api/auth.ts';
import { ErrorBody, Ok } from '../../api/common.ts';
import { login } from '../../auth/login.ts';
import { PERMISSIONS, POLICY, permissionsOf, ROLE_DUTIES, ROLE_LABELS, ROLES } from '../../auth/policy.ts';
import { endSession } from '../../auth/sessions.ts';
import { AccountError, findUser, setPassword, type User } from '../../auth/users.ts';
import { verifyPassword } from '../../auth/passwords.ts';
import type { RequestAuth } from '../fastify-types.ts';
import { clearSessionCookie, setSessionCookie } from '../plugins/auth.ts';
import { actorOf, clientOf } from './request-context.ts';

function meOf(app: FastifyInstance, user: User, session: { csrfToken: string; expiresAt: string }) {
  return {
    user: { id: user.id, username: user.username, displayName: user.displayName, roles: user.roles, unit: user.unit, mustChangePassword: user.mustChangePassword },
    permissions: permissionsOf(user.roles),
    csrfToken: session.csrfToken,
    expiresAt: session.expiresAt,
    idleMinutes: app.settings.auth.idleMinutes,
    publicLibrary: app.settings.publicLibrary,
    serverTime: app.clock.now().toISOString(),
  };
}

const signedIn = (request: FastifyRequest): RequestAuth => request.auth!;

export default async function authRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  await app.register(rateLimit, { global: false });

  app.post(
    '/api/auth/login',
    {
      config: { access: 'public', rateLimit: { max: app.settings.auth.loginsPerMinute, timeWindow: 60_000, errorResponseBuilder: () => ({ statusCode: 429, message: '登录尝试过于频繁，请一分钟后再试' }) } },
      schema: { summary: '登录（成功时设置会话 Cookie）', tags: ['账户'], body: LoginBody, response: { 200: Me, 401: ErrorBody, 429: ErrorBody } },
    },
    async (request, reply) => {
      const result = await login(app.store.db, request.body.username, request.body.password, app.clock.now(), clientOf(request), app.settings.auth);
      if (!result.ok) return reply.status(401).send({ error: result.message });
      setSessionCookie(app, request, reply, result.session.token);
      return meOf(app, result.user, result.session);
    },
  );

  app.post(
    '/api/auth/logout',
    { config: { access: 'signed-in' }, schema: { summary: '退出登录', tags: ['账户'], response: { 200: Ok } } },
    async (request, reply) => {
      const auth = signedIn(request);
      await endSession(app.store.db, { tokenHash: auth.session.token_hash }, 'logout', { actor: actorOf(request), now: app.clock.now() });
      clearSessionCookie(app, request, reply);
      return { ok: true as const };
    },
  );

  app.get('/api/auth/me', { config: { access: 'signed-in' }, schema: { summary: '当前登录用户、权限与 CSRF 令牌', tags: ['账户'], response: { 200: Me } } }, async (request) => {
    const auth = signedIn(request);
    return meOf(app, auth.user, { csrfToken: auth.session.csrf_token, expiresAt: auth.session.expires_at });
  });

  app.post(
    '/api/auth/password',
    { config: { access: 'account.self' }, schema: { summary: '修改本人密码（其他会话随之结束）', tags: ['账户'], body: PasswordChangeBody, response: { 200: Ok, 400: ErrorBody } } },
    async (request) => {
      const auth = signedIn(request);
      const row = await findUser(app.store.db, auth.user.username);
      if (!row || !(await verifyPassword(row.password_hash, request.body.currentPassword))) throw new AccountError('当前密码不正确');
      if (request.body.currentPassword === request.body.newPassword) throw new AccountError('新密码不能与当前密码相同');
      await setPassword(app.store.db, auth.user.id, request.body.newPassword, { reset: false, keepSession: auth.session.token_hash }, { actor: actorOf(request), now: app.clock.now() });
      return { ok: true as const };
    },
  );

  app.get('/api/auth/policy', { config: { access: 'signed-in' }, schema: { summary: '权限表（角色 × 权限）', tags: ['账户'], response: { 200: PolicyTable } } }, async () => ({
    roles: ROLES.map((role) => ({ role, label: ROLE_LABELS[role], duties: ROLE_DUTIES[role] })),
    permissions: PERMISSIONS.map((permission) => ({ permission, label: POLICY[permission].label, roles: [...POLICY[permission].roles] })),
  }));
}
