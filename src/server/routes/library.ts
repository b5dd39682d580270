// The policy library for signed-in users: search, documents, outline, tasks, units, personnel
// decisions, the chronicle, the home page's figures. Reading a document that is not public is an
// audit event (who read what, when).
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ErrorBody, IdParams } from '../../api/common.ts';
import {
  Appointment, AppointmentsQuery, ChronicleEntry, ChronicleQuery, Collective, DirectoryUnit, DocumentPage, DocumentsQuery, DocumentView, OutlineNode,
  SearchQuery, SearchResult, Stats, TaskView, UnitsQuery,
} from '../../api/library.ts';
import { recordAudit } from '../../store/audit.ts';
import { getDocument, getOutline, getTasks, libraryStats, listAppointments, listChronicle, listDocuments } from '../../store/read.ts';
import type { SearchKind } from '../../store/search.ts';
import { collectivesInUse, unitsWithCounts } from '../units-view.ts';
import { actorOf } from './request-context.ts';

const notFound = { error: '未找到该公文' };

/** The search options of a query string, for the signed-in and the public library alike. */
export function searchOptions(q: z.infer<typeof SearchQuery>, asOf: string) {
  return {
    kinds: q.kind as SearchKind[] | undefined,
    issuer: q.issuer,
    year: q.year,
    docKind: q.type,
    unit: q.unit,
    validity: q.validity,
    topic: q.topic,
    asOf: q.asOf ?? asOf,
    limit: q.limit,
    offset: q.offset,
  };
}

export default async function libraryRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const read = { access: 'library.read' as const };
  const tags = ['政策文件库'];

  /** Records that a signed-in user read a document that is not public. */
  const auditRead = async (request: FastifyRequest, doc: { id: number; access: 'public' | 'internal' }, what: string) => {
    if (doc.access !== 'internal') return;
    await recordAudit(app.store.db, { at: app.clock.now(), actor: actorOf(request), action: 'read', entity: 'document', entityId: doc.id, after: { what } });
  };

  app.get('/api/stats', { config: read, schema: { summary: '首页统计：数量、按文种/年份/发文机关/主题分布、最新公文', tags, response: { 200: Stats } } }, async () =>
    libraryStats(app.store, app.clock.today()),
  );

  app.get('/api/search', { config: read, schema: { summary: '全文检索（公文、任务、任免、大事记），含分面统计', tags, querystring: SearchQuery, response: { 200: SearchResult } } }, async (request) =>
    app.searcher.searchWithFacets(request.query.q, searchOptions(request.query, app.clock.today())),
  );

  app.get('/api/documents', { config: read, schema: { summary: '公文列表', tags, querystring: DocumentsQuery, response: { 200: DocumentPage } } }, async (request) => {
    const q = request.query;
    return listDocuments(app.store, { year: q.year, issuer: q.issuer, kind: q.type, topic: q.topic, preferential: q.preferential, limit: q.limit, offset: q.offset }, app.clock.today());
  });

  app.get(
    '/api/documents/:id',
    { config: read, schema: { summary: '公文（要素、效力、引用关系、正文）', tags, params: IdParams, response: { 200: DocumentView, 404: ErrorBody } } },
    async (request, reply) => {
      const doc = await getDocument(app.store, request.params.id, app.clock.today());
      if (!doc) return reply.status(404).send(notFound);
      await auditRead(request, doc, 'document');
      return doc;
    },
  );

  app.get('/api/documents/:id/outline', { config: read, schema: { summary: '公文提纲', tags, params: IdParams, response: { 200: z.array(OutlineNode), 404: ErrorBody } } }, async (request, reply) => {
    const outline = await getOutline(app.store, request.params.id);
    return outline ?? reply.status(404).send(notFound);
  });

  app.get(
    '/api/documents/:id/tasks',
    { config: read, schema: { summary: '公文中的任务（牵头、责任、配合单位，时限，目标）', tags, params: IdParams, response: { 200: z.array(TaskView), 404: ErrorBody } } },
    async (request, reply) => {
      const tasks = await getTasks(app.store, request.params.id);
      return tasks ?? reply.status(404).send(notFound);
    },
  );

  app.get('/api/units', { config: read, schema: { summary: '单位：规范名称、别名、层级、辖区与任务数', tags, querystring: UnitsQuery, response: { 200: z.array(DirectoryUnit) } } }, async (request) =>
    unitsWithCounts(app.store, app.directory, request.query.q, request.query.limit),
  );

  app.get('/api/collectives', { config: read, schema: { summary: '公文中出现的集合单位（各旗县市区等）及其成员', tags, response: { 200: z.array(Collective) } } }, async () =>
    collectivesInUse(app.store, app.directory),
  );

  app.get('/api/appointments', { config: read, schema: { summary: '人事任免（按姓名或职务）', tags, querystring: AppointmentsQuery, response: { 200: z.array(Appointment) } } }, async (request) =>
    listAppointments(app.store, request.query),
  );

  app.get('/api/chronicle', { config: read, schema: { summary: '大事记（某日，或起止日期）', tags, querystring: ChronicleQuery, response: { 200: z.array(ChronicleEntry) } } }, async (request) =>
    listChronicle(app.store, request.query),
  );
}
