// Who and where a request comes from, as the audit trail records it.
import type { FastifyRequest } from 'fastify';
import type { ClientInfo } from '../../auth/sessions.ts';
import type { Actor } from '../../store/audit.ts';

export function clientOf(request: FastifyRequest): ClientInfo {
  const agent = request.headers['user-agent'];
  return { ip: request.ip ?? null, userAgent: typeof agent === 'string' ? agent : null };
}

export function actorOf(request: FastifyRequest): Actor {
  const user = request.auth?.user;
  return user ? { name: user.username, id: user.id, ip: request.ip ?? null } : { name: 'anonymous', ip: request.ip ?? null };
}
