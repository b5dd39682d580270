// 收文: files dropped on the registration page, each registered in its own transactions like
// `duban incoming register` does (src/store/incoming/register.ts), with its 运转号 or why it was
// not registered; the 收文簿, one registration, and 初审; then 拟办 (the draft and its submission),
// 批示 (what waits for the signed-in leader, and their act), 传阅 (sending, 提醒, 收回, and the
// recipient's own list, opening and 已阅). Each write is one command of src/store/incoming/.
import multipart from '@fastify/multipart';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import { ErrorBody, IdParams } from '../../api/common.ts';
import {
  AwaitingList,
  CirculateBody,
  CirculatedList,
  IncomingPage,
  IncomingQuery,
  IncomingView,
  InstructBody,
  ProposalDraftView,
  ProposeBody,
  RecipientParams,
  RegisterQuery,
  RegisterResult,
  ReviewBody,
  VersionBody,
} from '../../api/incoming.ts';
import { actOnRecipient, circulatedTo, circulateIncoming, readCirculated, type Reader } from '../../store/incoming/circulate.ts';
import { awaitingLeader, instructIncoming } from '../../store/incoming/instruct.ts';
import { draftIncomingProposal, submitIncomingProposal } from '../../store/incoming/propose.ts';
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

  const errors = { 400: ErrorBody, 404: ErrorBody, 409: ErrorBody };
  const readerOf = (request: { auth: { user: { username: string; unit: string | null } } | null }): Reader => ({ username: request.auth!.user.username, unit: request.auth!.user.unit });

  app.get(
    '/api/incoming/:id/proposal-draft',
    { config: { access: 'incoming.propose' }, schema: { summary: '拟办：督办起草的拟办意见（呈阅领导、主办与协办单位、办理要求），供收文员修改后提交', tags, params: IdParams, response: { 200: ProposalDraftView, 404: ErrorBody } } },
    async (request, reply) => answer(reply, () => draftIncomingProposal(app.store, request.params.id, app.directory)),
  );

  app.post(
    '/api/incoming/:id/propose',
    { config: { access: 'incoming.propose' }, schema: { summary: '拟办：提交拟办意见，呈领导批示（依次或同时）', tags, params: IdParams, body: ProposeBody, response: { 200: IncomingView, ...errors } } },
    async (request, reply) => {
      const { version, ...submission } = request.body;
      return answer(reply, () => submitIncomingProposal(app.store, request.params.id, submission, { actor: actorOf(request), clock: app.clock, version }));
    },
  );

  app.get(
    '/api/incoming/awaiting-me',
    { config: { access: 'incoming.instruct' }, schema: { summary: '批示：轮到本人批示的收文（先到的在前）', tags, response: { 200: AwaitingList } } },
    async (request) => ({ items: await awaitingLeader(app.store, request.auth!.user.username) }),
  );

  app.post(
    '/api/incoming/:id/instruct',
    {
      config: { access: 'incoming.instruct' },
      schema: { summary: '批示：写批示、圈阅、转其他领导或退回收文员重新拟办（仅轮到本人时）', tags, params: IdParams, body: InstructBody, response: { 200: IncomingView, ...errors } },
    },
    async (request, reply) => {
      const { version, ...act } = request.body;
      return answer(reply, () => instructIncoming(app.store, request.params.id, act, { actor: actorOf(request), clock: app.clock, version }));
    },
  );

  app.post(
    '/api/incoming/:id/circulate',
    { config: { access: 'incoming.circulate' }, schema: { summary: '传阅：分送人员（用户名）或单位', tags, params: IdParams, body: CirculateBody, response: { 200: IncomingView, ...errors } } },
    async (request, reply) => {
      const { version, ...targets } = request.body;
      return answer(reply, () => circulateIncoming(app.store, request.params.id, targets, { actor: actorOf(request), clock: app.clock, version, directory: app.directory }));
    },
  );

  for (const act of ['remind', 'recall'] as const) {
    app.post(
      `/api/incoming/:id/circulation/:rid/${act}`,
      {
        config: { access: 'incoming.circulate' },
        schema: { summary: act === 'remind' ? '传阅：提醒一位尚未阅的传阅对象（记录在案）' : '传阅：从一位传阅对象收回（对方不再看到此件）', tags, params: RecipientParams, body: VersionBody, response: { 200: IncomingView, ...errors } },
      },
      async (request, reply) =>
        answer(reply, () => actOnRecipient(app.store, request.params.id, request.params.rid, act, { actor: actorOf(request), clock: app.clock, version: request.body.version })),
    );
  }

  app.get(
    '/api/incoming/circulated-to-me',
    { config: { access: 'incoming.receive' }, schema: { summary: '传阅给本人或本单位的收文（未收回的），各带本人的阅读状态', tags, response: { 200: CirculatedList } } },
    async (request) => ({ items: await circulatedTo(app.store, readerOf(request)) }),
  );

  for (const act of ['open', 'read'] as const) {
    app.post(
      `/api/incoming/:id/circulation/${act}`,
      {
        config: { access: 'incoming.receive' },
        schema: { summary: act === 'open' ? '传阅：本人打开传阅件（未读 → 已读）' : '传阅：本人标记已阅', tags, params: IdParams, response: { 200: IncomingView, ...errors } },
      },
      async (request, reply) => answer(reply, () => readCirculated(app.store, request.params.id, readerOf(request), act, { actor: actorOf(request), clock: app.clock })),
    );
  }
}
