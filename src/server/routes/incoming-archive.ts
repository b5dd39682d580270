// 归档 of 收文: the registrations ready to file, filing one (its 档号 from the office's settings),
// the filed ones by 年度 and 保管期限, the 归档文件目录 (.xlsx), and the office's 归档 settings
// (read by whoever reads the 收文簿, saved by the administrator). Each write is one command of
// src/store/incoming/ with its audit event.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ErrorBody, IdParams } from '../../api/common.ts';
import { IncomingView } from '../../api/incoming.ts';
import { ArchiveBody, ArchivedPage, ArchiveQuery, ArchiveSettingsBody, ArchiveSettingsView, CatalogueQuery, ReadyList } from '../../api/incoming-archive.ts';
import { archiveCatalogue, archiveIncoming, listArchived, readyToArchive } from '../../store/incoming/archive.ts';
import { getArchiveSettings, saveArchiveSettings } from '../../store/incoming/archive-settings.ts';
import { IncomingError } from '../../store/incoming/errors.ts';
import { DEFAULT_RETENTIONS } from '../../workflow/archive.ts';
import { actorOf } from './request-context.ts';

const tags = ['收文归档'];
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const attachment = (name: string, fallback: string) => `attachment; filename="${fallback}"; filename*=UTF-8''${encodeURIComponent(name)}`;
const errors = { 400: ErrorBody, 404: ErrorBody, 409: ErrorBody };

export default async function incomingArchiveRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  /** An IncomingError is the user's answer, with its status; anything else is the server's. */
  const answer = <T>(reply: { status(code: number): { send(body: unknown): unknown } }, run: () => Promise<T>) =>
    run().catch((e: unknown) => {
      if (e instanceof IncomingError) return reply.status(e.status).send({ error: e.message }) as never;
      throw e;
    });

  app.get(
    '/api/incoming/archive/ready',
    { config: { access: 'incoming.archive' }, schema: { summary: '归档：可以归档的收文（已办结的办件、已初审或已批示的阅件、已退回的），各带建议的保管期限', tags, response: { 200: ReadyList } } },
    async () => ({ items: await readyToArchive(app.store) }),
  );

  app.post(
    '/api/incoming/:id/archive',
    { config: { access: 'incoming.archive' }, schema: { summary: '归档：编档号（全宗号-WS·年度-保管期限-机构-件号），定保管期限', tags, params: IdParams, body: ArchiveBody, response: { 200: IncomingView, ...errors } } },
    async (request, reply) => {
      const { version, ...input } = request.body;
      return answer(reply, () => archiveIncoming(app.store, request.params.id, input, { actor: actorOf(request), clock: app.clock, version }));
    },
  );

  app.get(
    '/api/incoming/archive',
    { config: { access: 'incoming.archive' }, schema: { summary: '已归档的收文（按年度、保管期限、机构、件号）', tags, querystring: ArchiveQuery, response: { 200: ArchivedPage } } },
    async (request) => listArchived(app.store, request.query),
  );

  app.get(
    '/api/incoming/archive.xlsx',
    { config: { access: 'incoming.archive' }, schema: { summary: '归档文件目录（.xlsx，一个年度，每个保管期限一张表）', tags, querystring: CatalogueQuery, response: { 200: z.unknown().meta({ description: '.xlsx 文件' }), ...errors } } },
    async (request, reply) =>
      answer(reply, async () => {
        const book = await archiveCatalogue(app.store, request.query);
        const name = `归档文件目录-${request.query.year}${request.query.retention ? `-${request.query.retention}` : ''}.xlsx`;
        return reply.header('content-type', XLSX).header('content-disposition', attachment(name, 'archive-catalogue.xlsx')).send(book);
      }),
  );

  app.get(
    '/api/incoming/archive-settings',
    { config: { access: 'incoming.read' }, schema: { summary: '归档设置：全宗号、全宗名称、机构（问题）、默认保管期限', tags, response: { 200: ArchiveSettingsView } } },
    async () => ({ settings: await getArchiveSettings(app.store), defaults: DEFAULT_RETENTIONS }),
  );

  app.put(
    '/api/incoming/archive-settings',
    { config: { access: 'archive.settings' }, schema: { summary: '归档设置：保存（旧设置保留在历史中，记入审计日志）', tags, body: ArchiveSettingsBody, response: { 200: ArchiveSettingsView, 400: ErrorBody } } },
    async (request, reply) => answer(reply, async () => ({ settings: await saveArchiveSettings(app.store, request.body, { actor: actorOf(request), clock: app.clock }), defaults: DEFAULT_RETENTIONS })),
  );
}
