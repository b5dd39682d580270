// 分办 and 承办 over HTTP: the 分办 form's starting values and the 分办 itself (which opens the
// document's 督办 ledger), 催办 and 办结 for the clerk; 我的承办, 签收 and 答复 for a unit user, who
// acts for the unit their account is bound to and for no other. Each write is one command of
// src/store/incoming/assign.ts.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ErrorBody, IdParams } from '../../api/common.ts';
import { AssignBody, AssignDraftView, AssignedList, AssignmentParams, AssignVersionBody, ConcludeBody, ReplyBody } from '../../api/incoming-assign.ts';
import { IncomingView } from '../../api/incoming.ts';
import { actOnAssignment, assignDraft, assignedTo, assignIncoming, concludeIncoming, urgeAssignment } from '../../store/incoming/assign.ts';
import { IncomingError } from '../../store/incoming/errors.ts';
import { actorOf } from './request-context.ts';

const tags = ['收文'];
const errors = { 400: ErrorBody, 404: ErrorBody, 409: ErrorBody };

export default async function incomingAssignRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const settings = () => ({ directory: app.directory, workingDays: app.settings.assignWorkingDays });

  /** An IncomingError is the user's answer, with its status; anything else is the server's. */
  const answer = <T>(reply: { status(code: number): { send(body: unknown): unknown } }, run: () => Promise<T>) =>
    run().catch((e: unknown) => {
      if (e instanceof IncomingError) return reply.status(e.status).send({ error: e.message }) as never;
      throw e;
    });

  app.get(
    '/api/incoming/:id/assign-draft',
    {
      config: { access: 'incoming.assign' },
      schema: { summary: '分办：拟办意见中的主办、协办单位与默认办理期限（来文要求的日期，否则若干工作日）', tags, params: IdParams, response: { 200: AssignDraftView, 404: ErrorBody } },
    },
    async (request, reply) => answer(reply, () => assignDraft(app.store, request.params.id, app.clock, settings())),
  );

  app.post(
    '/api/incoming/:id/assign',
    {
      config: { access: 'incoming.assign' },
      schema: { summary: '分办：交主办、协办单位承办，定办理期限；来文有工作措施的同时立项督办台账（ledgerId）', tags, params: IdParams, body: AssignBody, response: { 200: IncomingView, ...errors } },
    },
    async (request, reply) => {
      const { version, ...input } = request.body;
      return answer(reply, () => assignIncoming(app.store, request.params.id, input, { actor: actorOf(request), clock: app.clock, version, ...settings() }));
    },
  );

  app.post(
    '/api/incoming/:id/assignments/:aid/urge',
    { config: { access: 'incoming.assign' }, schema: { summary: '催办：催一个尚未答复的承办单位（记录在案）', tags, params: AssignmentParams, body: AssignVersionBody, response: { 200: IncomingView, ...errors } } },
    async (request, reply) => answer(reply, () => urgeAssignment(app.store, request.params.id, request.params.aid, { actor: actorOf(request), clock: app.clock, version: request.body.version })),
  );

  app.post(
    '/api/incoming/:id/conclude',
    { config: { access: 'incoming.assign' }, schema: { summary: '办结：主办单位答复后由收文员办结', tags, params: IdParams, body: ConcludeBody, response: { 200: IncomingView, ...errors } } },
    async (request, reply) =>
      answer(reply, () => concludeIncoming(app.store, request.params.id, { note: request.body.note ?? null }, { actor: actorOf(request), clock: app.clock, version: request.body.version })),
  );

  app.get(
    '/api/incoming/assigned-to-me',
    { config: { access: 'incoming.handle' }, schema: { summary: '我的承办：分办给本单位的收文（待承办、承办中在前，按期限），各带是否逾期', tags, response: { 200: AssignedList } } },
    async (request) => {
      const unit = request.auth!.user.unit;
      const today = app.clock.today();
      return { items: unit === null ? [] : await assignedTo(app.store, unit, today), today };
    },
  );

  app.post(
    '/api/incoming/:id/assignments/:aid/accept',
    { config: { access: 'incoming.handle' }, schema: { summary: '签收：本单位签收分办来的收文（待承办 → 承办中）', tags, params: AssignmentParams, body: AssignVersionBody, response: { 200: IncomingView, ...errors } } },
    async (request, reply) =>
      answer(reply, () => actOnAssignment(app.store, request.params.id, request.params.aid, 'accept', { unit: request.auth!.user.unit }, { actor: actorOf(request), clock: app.clock, version: request.body.version })),
  );

  app.post(
    '/api/incoming/:id/assignments/:aid/reply',
    { config: { access: 'incoming.handle' }, schema: { summary: '答复：本单位答复办理结果（未签收的同时签收）', tags, params: AssignmentParams, body: ReplyBody, response: { 200: IncomingView, ...errors } } },
    async (request, reply) =>
      answer(reply, () =>
        actOnAssignment(app.store, request.params.id, request.params.aid, 'reply', { unit: request.auth!.user.unit, text: request.body.text }, { actor: actorOf(request), clock: app.clock, version: request.body.version }),
      ),
  );
}
