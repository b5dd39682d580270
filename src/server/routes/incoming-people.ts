// 收文's choosers: the people a clerk may circulate a registration to, and the leaders a leader
// may pass a 批示 on to. Read-only; each behind the permission of the act it serves, so a page
// shows the list only to the one who can use it (units come from the directory, GET /api/units).
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { LeaderChoices, RecipientUsers } from '../../api/incoming.ts';
import { activeUsers, leaderChoices } from '../../store/incoming/people.ts';

const tags = ['收文'];

export default async function incomingPeopleRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/api/incoming/recipients',
    { config: { access: 'incoming.circulate' }, schema: { summary: '传阅：可选的人员（未停用的用户）', tags, response: { 200: RecipientUsers } } },
    async () => ({ users: await activeUsers(app.store.db) }),
  );

  app.get(
    '/api/incoming/leaders',
    { config: { access: 'incoming.instruct' }, schema: { summary: '转批：可选的领导（及领导分管表中的职务、分管领域）', tags, response: { 200: LeaderChoices } } },
    async () => ({ leaders: await leaderChoices(app.store.db) }),
  );
}
