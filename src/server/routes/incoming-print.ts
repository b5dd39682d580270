// 收文's printed forms: the 文件批办单 of one registration (.docx) and the 收文登记簿 of the 收文簿's
// filter (.xlsx), as src/store/incoming/print.ts lays them out. Read access, like the 收文簿.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ErrorBody, IdParams } from '../../api/common.ts';
import { IncomingQuery } from '../../api/incoming.ts';
import { incomingBook, incomingSlip } from '../../store/incoming/print.ts';

const tags = ['收文'];
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const attachment = (name: string, fallback: string) => `attachment; filename="${fallback}"; filename*=UTF-8''${encodeURIComponent(name)}`;
const BookQuery = IncomingQuery.omit({ limit: true, offset: true });

export default async function incomingPrintRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/api/incoming/:id/slip.docx',
    { config: { access: 'incoming.read' }, schema: { summary: '文件批办单（.docx，一页 A4）', tags, params: IdParams, response: { 200: z.unknown().meta({ description: '.docx 文件' }), 404: ErrorBody, 409: ErrorBody } } },
    async (request, reply) => {
      const slip = await incomingSlip(app.store, request.params.id, null);
      return reply.header('content-type', DOCX).header('content-disposition', attachment(`文件批办单${slip.serial}.docx`, 'slip.docx')).send(slip.buffer);
    },
  );

  app.get(
    '/api/incoming/book.xlsx',
    { config: { access: 'incoming.read' }, schema: { summary: '收文登记簿（.xlsx，按收文簿的筛选条件）', tags, querystring: BookQuery, response: { 200: z.unknown().meta({ description: '.xlsx 文件' }), 400: ErrorBody } } },
    async (request, reply) => {
      const book = await incomingBook(app.store, request.query, app.clock.today());
      return reply.header('content-type', XLSX).header('content-disposition', attachment(`收文登记簿-${app.clock.today()}.xlsx`, 'incoming-book.xlsx')).send(book);
    },
  );
}
