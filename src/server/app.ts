// The HTTP API (read side of the library). Requests are validated with zod; the same schemas
// produce the OpenAPI description at /api/openapi.json. Errors are JSON with a Chinese message.
import swagger from '@fastify/swagger';
import Fastify, { type FastifyInstance } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { systemClock, type Clock } from '../calendar/clock.ts';
import type { Store } from '../store/open.ts';
import { getDocument, getOutline, getTasks, listAppointments, listChronicle, listDocuments, listUnits } from '../store/read.ts';
import { search, SEARCH_KINDS } from '../store/search.ts';

const isoDay = z.string().regex(/^(\d{4}|-)-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD');
const limit = (max: number, fallback: number) => z.coerce.number().int().min(1).max(max).default(fallback);
const idParams = z.object({ id: z.coerce.number().int().positive() });
const notFound = { error: '未找到该公文' };

export async function buildServer(store: Store, options: { logger?: boolean; clock?: Clock } = {}): Promise<FastifyInstance> {
  // Validity is judged on the Beijing day of each request.
  const clock = options.clock ?? systemClock;
  const app = Fastify({ logger: options.logger ?? false }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  await app.register(swagger, {
    openapi: { info: { title: '督办 Duban API', version: '0.1.0', description: '政策文件库：公文、提纲、任务、检索、单位、人事任免、大事记' } },
    transform: jsonSchemaTransform,
  });
  app.setErrorHandler((error: { validation?: unknown; statusCode?: number; message: string }, _req, reply) => {
    if (error.validation) return reply.status(400).send({ error: `请求参数有误：${error.message}` });
    const status = error.statusCode && error.statusCode >= 400 ? error.statusCode : 500;
    return reply.status(status).send({ error: status === 500 ? '服务器内部错误' : error.message });
  });

  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  app.get(
    '/api/search',
    {
      schema: {
        summary: '全文检索（公文、任务、任免、大事记）',
        querystring: z.object({
          q: z.string().min(1, '请输入检索词').max(200),
          kind: z.enum(SEARCH_KINDS as [string, ...string[]]).array().or(z.enum(SEARCH_KINDS as [string, ...string[]]).transform((k) => [k])).optional(),
          issuer: z.string().max(50).optional(),
          year: z.coerce.number().int().min(1900).max(2200).optional(),
          type: z.string().max(10).optional(),
          unit: z.string().max(50).optional(),
          validity: z.enum(['valid', 'expired', 'repealed', 'pending']).optional(),
          asOf: isoDay.optional(),
          limit: limit(200, 20),
          offset: z.coerce.number().int().min(0).max(10_000).default(0),
        }),
      },
    },
    async (req) => {
      const q = req.query;
      return search(store, q.q, {
        kinds: q.kind as (typeof SEARCH_KINDS)[number][] | undefined,
        issuer: q.issuer,
        year: q.year,
        docKind: q.type,
        unit: q.unit,
        validity: q.validity,
        asOf: q.asOf ?? clock.today(),
        limit: q.limit,
        offset: q.offset,
      });
    },
  );

  app.get(
    '/api/documents',
    {
      schema: {
        summary: '公文列表',
        querystring: z.object({
          year: z.coerce.number().int().min(1900).max(2200).optional(),
          issuer: z.string().max(50).optional(),
          type: z.string().max(10).optional(),
          limit: limit(500, 50),
          offset: z.coerce.number().int().min(0).default(0),
        }),
      },
    },
    async (req) => listDocuments(store, { year: req.query.year, issuer: req.query.issuer, kind: req.query.type, limit: req.query.limit, offset: req.query.offset, asOf: clock.today() }),
  );

  app.get('/api/documents/:id', { schema: { summary: '公文（要素、效力、引用关系、正文）', params: idParams } }, async (req, reply) => {
    const doc = await getDocument(store, req.params.id, clock.today());
    return doc ?? reply.status(404).send(notFound);
  });

  app.get('/api/documents/:id/outline', { schema: { summary: '公文提纲', params: idParams } }, async (req, reply) => {
    const outline = await getOutline(store, req.params.id);
    return outline ?? reply.status(404).send(notFound);
  });

  app.get('/api/documents/:id/tasks', { schema: { summary: '公文中的任务（牵头、责任、配合单位，时限，目标）', params: idParams } }, async (req, reply) => {
    const tasks = await getTasks(store, req.params.id);
    return tasks ?? reply.status(404).send(notFound);
  });

  app.get(
    '/api/units',
    { schema: { summary: '任务涉及的单位及任务数', querystring: z.object({ q: z.string().max(50).optional(), limit: limit(1000, 100) }) } },
    async (req) => listUnits(store, req.query.q, req.query.limit),
  );

  app.get(
    '/api/appointments',
    { schema: { summary: '人事任免', querystring: z.object({ person: z.string().max(20).optional(), post: z.string().max(50).optional(), limit: limit(1000, 100) }) } },
    async (req) => listAppointments(store, req.query),
  );

  app.get(
    '/api/chronicle',
    {
      schema: {
        summary: '大事记（某日，或起止日期）',
        querystring: z.object({ date: isoDay.optional(), from: isoDay.optional(), to: isoDay.optional(), limit: limit(1000, 100) }),
      },
    },
    async (req) => listChronicle(store, req.query),
  );

  await app.ready();
  return app;
}
