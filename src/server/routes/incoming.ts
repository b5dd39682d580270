// 收文: files dropped on the registration page, each registered in its own transactions like
// `duban incoming register` does (src/store/incoming/register.ts), with its 运转号 or why it was
// not registered; the 收文簿, one registration, and 初审.
import multipart from '@fastify/multipart';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import { ErrorBody, IdParams } from '../../api/common.ts';
import { IncomingPage, IncomingQuery, IncomingView, RegisterQuery, RegisterResult, ReviewBody } from '../../api/incoming.ts';
import { IncomingError } from '../../store/incoming/errors.ts';
import { getIncoming, listIncoming } from '../../store/incoming/read.ts';
import { registerIncoming } from '../../store/incoming/register.ts';
import { reviewIncoming } from '../../store/incoming/review.ts';
import { actorOf } from './request-context.ts';

const megabytes = (n: number) => `${Math.round(n / 1024 / 1024)} MB`;
const tags = ['收文'];

export default async function incomingRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const { uploadFileLimit, uploadFiles } = app.settings;
  await app.register(multipart, { limits: { fileSize: uploadFileLimit, files: uploadFiles, fields: 10, parts: uploadFiles + 10 }, throwFileSizeLimit: false });

  /** An IncomingError is the user's answer, with its status; anything else is the server's. */
  const answer = <T>(reply: { status(code: number): { send(body: unknown): unknown } }, run: () => Promise<T>) =>
    run().catch((e: unknown) => {
      if (e instanceof IncomingError) return reply.status(e.status).send({ error: e.message }) as never;
      throw e;
    });

  app.post(
    '/api/incoming',
    {
      config: { access: 'incoming.register' },
      schema: {
        summary: `上传收到的文件签收登记（multipart/form-data，字段 file，可多个；单个文件上限 ${megabytes(uploadFileLimit)}）`,
        tags,
        consumes: ['multipart/form-data'],
        querystring: RegisterQuery,
        response: { 200: RegisterResult, 400: ErrorBody },
      },
    },
    async (request, reply) => {
      if (!request.isMultipart()) return reply.status(400).send({ error: '请以 multipart/form-data 上传文件' });
      const actor = actorOf(request);
      const force = request.query.force === 'true' || request.query.force === '1';
      const result: z.infer<typeof RegisterResult> = { registered: [], failed: [] };
      let files = 0;
      for await (const part of request.files()) {
        files++;
        const name = part.filename || '未命名文件';
        const bytes = await part.toBuffer();
        if (part.file.truncated) {
          result.failed.push({ name, kind: 'unreadable', error: `文件过大：单个文件不能超过 ${megabytes(uploadFileLimit)}` });
          continue;
        }
        try {
          const r = await registerIncoming(app.store, { bytes, name }, { actor, clock: app.clock, series: request.query.channel ?? null, channel: request.query.via ?? null, force });
          result.registered.push(r.incoming);
        } catch (e) {
          if (!(e instanceof IncomingError)) throw e;
          result.failed.push({ name, kind: e.kind, error: e.message, ...(e.first ? { first: { id: e.first.id, serial: e.first.serial } } : {}) });
        }
      }
      if (files === 0) return reply.status(400).send({ error: '没有收到文件' });
      return result;
    },
  );

  app.get(
    '/api/incoming',
    { config: { access: 'incoming.read' }, schema: { summary: '收文簿（新的在前）', tags, querystring: IncomingQuery, response: { 200: IncomingPage } } },
    async (request) => listIncoming(app.store, request.query),
  );

  app.get(
    '/api/incoming/:id',
    { config: { access: 'incoming.read' }, schema: { summary: '一份收文', tags, params: IdParams, response: { 200: IncomingView, 404: ErrorBody } } },
    async (request, reply) => answer(reply, () => getIncoming(app.store, request.params.id)),
  );

  app.post(
    '/api/incoming/:id/review',
    {
      config: { access: 'incoming.register' },
      schema: { summary: '初审：办件、阅件，或退回来文单位（写明理由）', tags, params: IdParams, body: ReviewBody, response: { 200: IncomingView, 400: ErrorBody, 404: ErrorBody, 409: ErrorBody } },
    },
    async (request, reply) => {
      const body = request.body;
      const decision = 'returned' in body ? { returned: true as const, reason: body.reason } : { kind: body.kind, note: body.note ?? null };
      return answer(reply, () => reviewIncoming(app.store, request.params.id, decision, { actor: actorOf(request), clock: app.clock, version: body.version }));
    },
  );
}
