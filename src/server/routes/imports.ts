// Uploading files into the library: one or many files in one multipart request, each imported
// in its own transaction like `duban import` does, each with its outcome. An uploaded file is
// known by its content (store path upload:SHA-256/name), so two people's files of one name never
// replace each other, and the same file twice changes nothing.
import multipart from '@fastify/multipart';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ImportOutcome } from '../../api/admin.ts';
import { ErrorBody } from '../../api/common.ts';
import { fileLabel } from '../../store/duplicates.ts';
import { finishImports, importBytes, uploadPath, type ImportOutcome as StoreOutcome } from '../../store/import.ts';
import { actorOf } from './request-context.ts';

const megabytes = (n: number) => `${Math.round(n / 1024 / 1024)} MB`;

function view(o: StoreOutcome): z.infer<typeof ImportOutcome> {
  return {
    name: o.name,
    status: o.status,
    ...(o.message ? { message: o.message } : {}),
    ...(o.documents !== undefined ? { documents: o.documents, tasks: o.tasks ?? 0, appointments: o.appointments ?? 0, chronicle: o.chronicle ?? 0 } : {}),
    warnings: (o.warnings ?? []).map((w) => ({ code: w.code, message: w.message, ...(w.line !== undefined ? { line: w.line } : {}) })),
    documentIds: o.documentIds ?? [],
    ...(o.duplicates && o.duplicates.length > 0
      ? { duplicates: o.duplicates.map((d) => ({ title: d.title, docNumber: d.docNumber, documentId: d.documentId, file: fileLabel(d.path), matchedBy: d.matchedBy })) }
      : {}),
  };
}

export default async function importRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const { uploadFileLimit, uploadFiles } = app.settings;
  await app.register(multipart, { limits: { fileSize: uploadFileLimit, files: uploadFiles, fields: 10, parts: uploadFiles + 10 }, throwFileSizeLimit: false });

  app.post(
    '/api/imports',
    {
      config: { access: 'library.import' },
      schema: {
        summary: `上传文件导入政策文件库（multipart/form-data，字段 file，可多个；单个文件上限 ${megabytes(uploadFileLimit)}）`,
        tags: ['导入'],
        consumes: ['multipart/form-data'],
        querystring: z.object({ force: z.enum(['true', 'false', '1', '0']).optional().describe('为 true 时，未识别出公文的文件也保存') }),
        response: { 200: z.array(ImportOutcome), 400: ErrorBody },
      },
    },
    async (request, reply) => {
      if (!request.isMultipart()) return reply.status(400).send({ error: '请以 multipart/form-data 上传文件' });
      const actor = actorOf(request);
      const force = request.query.force === 'true' || request.query.force === '1';
      const outcomes: StoreOutcome[] = [];
      for await (const part of request.files()) {
        const name = part.filename || '未命名文件';
        const bytes = await part.toBuffer();
        if (part.file.truncated) {
          outcomes.push({ path: name, name, status: 'failed', message: `文件过大：单个文件不能超过 ${megabytes(uploadFileLimit)}` });
          continue;
        }
        outcomes.push(await importBytes(app.store, { bytes, name, path: uploadPath(bytes, name) }, app.clock, { actor, force }));
      }
      if (outcomes.length === 0) return reply.status(400).send({ error: '没有收到文件' });
      await finishImports(app.store, outcomes);
      return outcomes.map(view);
    },
  );
}
