// The public policy library (公开政策文件库): only documents that may be public, without sign-in,
// when `duban serve --public` (or DUBAN_PUBLIC=1) opens it; otherwise every route here is a 404.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ErrorBody, IdParams } from '../../api/common.ts';
import { DocumentPage, DocumentsQuery, DocumentView, OutlineNode, PublicStats, SearchQuery, SearchResult } from '../../api/library.ts';
import { getDocument, getOutline, listDocuments, publicStats } from '../../store/read.ts';
import { searchOptions } from './library.ts';

const CLOSED = { error: '公开政策文件库未开放' };

export default async function publicRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const open = { access: 'public' as const };
  const tags = ['公开政策文件库'];
  app.addHook('preHandler', async (_request, reply) => {
    if (!app.settings.publicLibrary) return reply.status(404).send(CLOSED);
  });

  app.get('/api/public/stats', { config: open, schema: { summary: '公开库首页：数量、主题分布、惠企政策、最新公文', tags, response: { 200: PublicStats, 404: ErrorBody } } }, async () =>
    publicStats(app.store, app.clock.today()),
  );

  app.get('/api/public/search', { config: open, schema: { summary: '检索公开的政策文件', tags, querystring: SearchQuery, response: { 200: SearchResult, 404: ErrorBody } } }, async (request) =>
    app.searcher.searchWithFacets(request.query.q, { ...searchOptions(request.query, app.clock.today()), publicOnly: true }),
  );

  app.get('/api/public/documents', { config: open, schema: { summary: '公开的政策文件（可按主题、惠企政策筛选）', tags, querystring: DocumentsQuery, response: { 200: DocumentPage, 404: ErrorBody } } }, async (request) => {
    const q = request.query;
    return listDocuments(app.store, { year: q.year, issuer: q.issuer, kind: q.type, topic: q.topic, preferential: q.preferential, limit: q.limit, offset: q.offset }, app.clock.today(), 'public');
  });

  app.get('/api/public/documents/:id', { config: open, schema: { summary: '公开的政策文件', tags, params: IdParams, response: { 200: DocumentView, 404: ErrorBody } } }, async (request, reply) => {
    const doc = await getDocument(app.store, request.params.id, app.clock.today(), 'public');
    return doc ?? reply.status(404).send({ error: '未找到该公开文件' });
  });

  app.get('/api/public/documents/:id/outline', { config: open, schema: { summary: '公开文件的提纲', tags, params: IdParams, response: { 200: z.array(OutlineNode), 404: ErrorBody } } }, async (request, reply) => {
    const outline = await getOutline(app.store, request.params.id, 'public');
    return outline ?? reply.status(404).send({ error: '未找到该公开文件' });
  });
}
