// Access is decided here and nowhere else. Every /api route declares what it asks of the caller
// (`config.access`: a permission of the policy table, 'signed-in' or 'public'); a route that
// declares nothing stops the server from starting, so none can be forgotten. The check runs
// before every handler: no session → 401, a permission the person's roles lack → 403.
// A person whose password must be changed (first sign-in, or reset by an administrator) may do
// only that, see who they are, and sign out.
import fp from 'fastify-plugin';
import type { FastifyInstance } from 'fastify';
import { allows, type Access } from '../../auth/policy.ts';

/** Routes a person who must change their password can still use. */
const BEFORE_PASSWORD_CHANGE = new Set(['/api/auth/me', '/api/auth/logout', '/api/auth/password', '/api/auth/policy']);

async function permissions(app: FastifyInstance): Promise<void> {
  app.decorate('routeAccess', []);
  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api/')) return;
    const access = (route.config as { access?: Access } | undefined)?.access;
    if (access === undefined) throw new Error(`路由 ${String(route.method)} ${route.url} 没有声明访问权限（config.access）`);
    for (const method of [route.method].flat()) if (method !== 'HEAD') app.routeAccess.push({ method, url: route.url, access });
  });
  app.addHook('preHandler', async (request, reply) => {
    const access = request.routeOptions.config.access;
    if (access === undefined || access === 'public') return;
    const auth = request.auth;
    if (auth === null) return reply.status(401).send({ error: '请先登录' });
    if (auth.user.mustChangePassword && !BEFORE_PASSWORD_CHANGE.has(request.routeOptions.url ?? '')) {
      return reply.status(403).send({ error: '请先修改初始密码' });
    }
    if (access === 'signed-in') return;
    if (!allows(auth.user, access)) return reply.status(403).send({ error: '无权执行此操作' });
  });
}

export default fp(permissions, { name: 'duban-permissions', dependencies: ['duban-auth'] });
