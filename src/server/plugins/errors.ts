// Errors as people read them: JSON with a Chinese message, the right status, and never a stack
// trace, a file path or a library's English text. Unexpected errors are logged in full (the log
// file is the operator's) and answered with a bare 服务器内部错误.
import { IncomingError } from '../../store/incoming/errors.ts';
import fp from 'fastify-plugin';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import type { FastifyError, FastifyInstance } from 'fastify';
import { z } from 'zod';
import { AccountError } from '../../auth/users.ts';
import { FAULT_SUMMARY, StoreError } from '../../store/store-error.ts';
import { SearchBusyError, SearchStoppedError } from '../../store/search-pool.ts';
import { SupervisionError } from '../../workflow/errors.ts';

// zod's own messages in Chinese, where a schema does not give its own.
z.config(z.locales.zhCN());

/** Fastify's and its plugins' client errors, by code, in Chinese. */
const MESSAGES: Record<string, string> = {
  FST_ERR_CTP_EMPTY_JSON_BODY: '请求内容为空',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: '不支持的请求内容类型',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: '请求长度有误',
  FST_ERR_CTP_BODY_TOO_LARGE: '请求内容过大',
  FST_ERR_CTP_EMPTY_TYPE: '缺少请求内容类型',
  FST_INVALID_MULTIPART_CONTENT_TYPE: '请以 multipart/form-data 上传文件',
  FST_REQ_FILE_TOO_LARGE: '文件过大',
  FST_FILES_LIMIT: '一次上传的文件过多',
  FST_PARTS_LIMIT: '一次上传的内容过多',
  FST_ERR_VALIDATION: '请求参数有误',
};

const BY_STATUS: Record<number, string> = {
  400: '请求有误',
  401: '请先登录',
  403: '无权执行此操作',
  404: '未找到',
  405: '不支持的请求方法',
  409: '与现有数据冲突',
  413: '请求内容过大',
  415: '不支持的请求内容类型',
  429: '请求过于频繁，请稍后再试',
};

/** The readable part of a zod validation error: field and message, no English scaffolding. */
function validationMessage(error: FastifyError): string {
  if (hasZodFastifySchemaValidationErrors(error)) {
    const parts = error.validation.map((v) => {
      const field = (v.instancePath ?? '').replace(/^\//, '').replace(/\//g, '.');
      return field ? `${field}：${v.message}` : v.message;
    });
    return `请求参数有误：${parts.join('；')}`;
  }
  return '请求参数有误';
}

async function errors(app: FastifyInstance): Promise<void> {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof AccountError || error instanceof SupervisionError || error instanceof IncomingError) return reply.status(error.status).send({ error: error.message });
    // The world failed under the store (a full disk, a lost connection, another writer's lock):
    // the write was rolled back; say which, without the store's path, and log it in full.
    if (error instanceof StoreError && error.fault) {
      request.log.error({ err: error }, 'store fault');
      return reply.status(503).header('retry-after', '5').send({ error: FAULT_SUMMARY[error.fault] });
    }
    // The search pool's queue is full, or the server is stopping: try again shortly.
    if (error instanceof SearchBusyError || error instanceof SearchStoppedError) return reply.status(503).header('retry-after', '1').send({ error: error.message });
    if (error.validation) return reply.status(400).send({ error: validationMessage(error) });
    const status = error.statusCode && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 500;
    if (status === 500) {
      request.log.error({ err: error }, 'internal error');
      return reply.status(500).send({ error: '服务器内部错误，请稍后再试；如一再出现，请联系管理员查看服务日志' });
    }
    const message = (error.code && MESSAGES[error.code]) || (/[\u4e00-\u9fff]/.test(error.message) ? error.message : BY_STATUS[status] ?? '请求有误');
    return reply.status(status).send({ error: message });
  });
}

export default fp(errors, { name: 'duban-errors' });
