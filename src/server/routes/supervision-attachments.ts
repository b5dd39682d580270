// A progress report with its attachments (报送进展 with 附件: the photos, scans and tables that
// show the work), sent as one multipart request so the report and its files are one write; and an
// attachment downloaded by whoever may see its item. The report's fields are the same as the JSON
// route's (ReportBody), checked by the same schema.
import { createHash } from 'node:crypto';
import multipart from '@fastify/multipart';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ErrorBody, IdParams } from '../../api/common.ts';
import { ItemView, ReportBody } from '../../api/supervision.ts';
import * as sv from '../../store/supervision/index.ts';
import { ATTACHMENT_LIMITS, attachmentMediaType, attachmentName, attachmentProblem } from '../../api/report-attachments.ts';
import { supervisionContext } from './supervision-context.ts';

const tags = ['督查督办'];
const errors = { 400: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };
const REPORT_FIELDS = ['progress', 'problems', 'coordination', 'nextSteps', 'percent', 'period'] as const;
const FIELD_LABELS: Record<string, string> = { progress: '工作进展', problems: '问题困难', coordination: '需协调事项', nextSteps: '下一步工作', percent: '完成进度', period: '报送期次' };

/** A decimal integer as a form sends it; anything else stays a string, for the schema to refuse. */
const formNumber = (raw: string | undefined): number | string | undefined => (raw !== undefined && /^\d{1,3}$/.test(raw.trim()) ? Number(raw.trim()) : raw);

const attachmentDisposition = (name: string) => `attachment; filename="attachment"; filename*=UTF-8''${encodeURIComponent(name)}`;

export default async function supervisionAttachmentRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const db = app.store.db;
  // One more file than allowed is let in, so that too many files is said as such, not cut silently.
  await app.register(multipart, { limits: { fileSize: ATTACHMENT_LIMITS.fileBytes, files: ATTACHMENT_LIMITS.files + 1, fields: REPORT_FIELDS.length + 2, fieldSize: 16 * 1024 }, throwFileSizeLimit: false });

  const { command, item, scopeOf } = supervisionContext(app);

  app.post(
    '/api/supervision/items/:id/reports/upload',
    {
      config: { access: 'supervision.act' },
      schema: {
        summary: `报送进展并附文件（multipart/form-data：字段 progress、problems、coordination、nextSteps、percent、period，文件字段 file，最多 ${ATTACHMENT_LIMITS.files} 个）`,
        tags,
        consumes: ['multipart/form-data'],
        params: IdParams,
        response: { 200: ItemView, ...errors },
      },
    },
    async (request, reply) => {
      if (!request.isMultipart()) return reply.status(400).send({ error: '请以 multipart/form-data 报送进展和附件' });
      const fields: Record<string, string> = {};
      const files: NonNullable<sv.ReportInput['attachments']> = [];
      let total = 0;
      // Every part is read to its end even after a problem, so the client gets the answer, not a reset.
      let problem: string | null = null;
      for await (const part of request.parts()) {
        if (part.type === 'field') {
          if (typeof part.value === 'string' && (REPORT_FIELDS as readonly string[]).includes(part.fieldname)) fields[part.fieldname] = part.value;
          continue;
        }
        const name = attachmentName(part.filename ?? '');
        const content = await part.toBuffer();
        if (problem !== null) continue;
        const size = part.file.truncated ? ATTACHMENT_LIMITS.fileBytes + 1 : content.byteLength;
        problem = attachmentProblem(name, size, { files: files.length, bytes: total });
        if (problem !== null) continue;
        total += content.byteLength;
        files.push({ name, mediaType: attachmentMediaType(name), content, sha256: createHash('sha256').update(content).digest('hex') });
      }
      if (problem !== null) return reply.status(400).send({ error: problem });
      const parsed = ReportBody.safeParse({ ...fields, percent: formNumber(fields.percent), period: fields.period || undefined });
      if (!parsed.success) {
        const parts = parsed.error.issues.map((i) => `${FIELD_LABELS[String(i.path[0])] ?? String(i.path[0] ?? '')}：${i.message}`);
        return reply.status(400).send({ error: `报送内容有误：${parts.join('；')}` });
      }
      await sv.reportProgress(db, command(request), request.params.id, { ...parsed.data, attachments: files });
      return item(request, request.params.id);
    },
  );

  app.get(
    '/api/supervision/attachments/:id',
    { config: { access: 'supervision.read' }, schema: { summary: '下载进展报告的附件（仅能看到其督办事项的人）', tags, params: IdParams, response: { 200: z.unknown().meta({ description: '附件文件' }), 404: ErrorBody } } },
    async (request, reply) => {
      const file = await sv.attachmentFile(db, request.params.id, scopeOf(request));
      return reply
        .header('content-type', attachmentMediaType(file.name))
        .header('content-disposition', attachmentDisposition(file.name))
        .header('etag', `"${file.sha256}"`)
        .header('cache-control', 'private, no-cache')
        .send(file.content);
    },
  );
}
