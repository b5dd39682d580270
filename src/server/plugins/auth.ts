// Who is asking: the session cookie is read on every request and the signed-in person hung on
// it (request.auth); writes need the session's CSRF token in the x-csrf-token header, on top of
// the cookie's SameSite=Strict (a form on another site can send neither).
import cookie from '@fastify/cookie';
import fp from 'fastify-plugin';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { timingSafeEqual } from 'node:crypto';
import { resolveSession } from '../../auth/sessions.ts';
import { toUser } from '../../auth/users.ts';

export const SESSION_COOKIE = 'duban_session';
const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** Whether the request came over TLS (directly, or through the proxy of the public URL). */
function overTls(app: FastifyInstance, request: FastifyRequest): boolean {
  return request.protocol === 'https' || (app.settings.publicUrl?.startsWith('https:') ?? false);
}

export function setSessionCookie(app: FastifyInstance, request: FastifyRequest, reply: FastifyReply, token: string): void {
  reply.setCookie(SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'strict',
    secure: overTls(app, request),
    // A session cookie (no Max-Age): closing the browser ends it on the client side too.
  });
}

export function clearSessionCookie(app: FastifyInstance, request: FastifyRequest, reply: FastifyReply): void {
  reply.clearCookie(SESSION_COOKIE, { path: '/', httpOnly: true, sameSite: 'strict', secure: overTls(app, request) });
}

async function auth(app: FastifyInstance): Promise<void> {
  await app.register(cookie);
  app.decorateRequest('auth', null);
  app.addHook('onRequest', async (request) => {
    const token = request.cookies[SESSION_COOKIE];
    if (!token || !request.url.startsWith('/api/')) return;
    const found = await resolveSession(app.store.db, token, app.clock.now(), app.settings.auth);
    if (found) request.auth = { user: toUser(found.user), session: found.session };
  });
  // After routing (the route's access is known), before the handler: a signed-in write must
  // carry the session's CSRF token. Sign-in itself has no session yet; the Origin check of the
  // security plugin and the JSON body (which a cross-site form cannot send) cover it.
  app.addHook('preHandler', async (request, reply) => {
    if (!UNSAFE.has(request.method) || request.auth === null) return;
    if (request.routeOptions.config.access === 'public') return;
    const sent = request.headers['x-csrf-token'];
    if (typeof sent !== 'string' || !sameToken(sent, request.auth.session.csrf_token)) {
      return reply.status(403).send({ error: '请求缺少有效的 CSRF 令牌，请刷新页面后重试' });
    }
  });
}

export default fp(auth, { name: 'duban-auth', dependencies: ['duban-security'] });
