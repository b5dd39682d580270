// 收文's choosers: the people a clerk may circulate a registration to, the leaders a leader may
// pass a 批示 on to, and the directory's canonical units (a 传阅 to a unit, a leader's 分管单位).
// Read-only; the first two behind the permission of the act they serve. The units are the
// directory's, not GET /api/units (which lists the units the library's documents name): a 传阅 or
// a 分管单位 must be a unit of the directory even when no document names it yet.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { DirectoryUnitChoice, DirectoryUnitsQuery, LeaderChoices, RecipientUsers } from '../../api/incoming.ts';
import { listUnits } from '../../directory/index.ts';
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

  app.get(
    '/api/directory/units',
    { config: { access: 'library.read' }, schema: { summary: '单位目录：按名称或别名检索规范单位（传阅、分管单位的选择）', tags: ['单位'], querystring: DirectoryUnitsQuery, response: { 200: z.array(DirectoryUnitChoice) } } },
    async (request) => {
      const q = request.query.q?.trim() ?? '';
      const seen = new Set<string>();
      const out: z.infer<typeof DirectoryUnitChoice>[] = [];
      for (const u of listUnits(app.directory)) {
        if (seen.has(u.name) || (q !== '' && !u.name.includes(q) && !u.aliases.some((a) => a.includes(q)))) continue;
        seen.add(u.name);
        out.push({ name: u.name, jurisdiction: u.jurisdiction, aliases: u.aliases });
        if (out.length >= request.query.limit) break;
      }
      return out;
    },
  );
}
