// The OpenAPI description at /api/openapi.json, made from the routes' zod schemas (requests and
// responses), with each route's access written into its description.
import swagger from '@fastify/swagger';
import fp from 'fastify-plugin';
import type { FastifyInstance } from 'fastify';
import { jsonSchemaTransform } from 'fastify-type-provider-zod';
import { POLICY, ROLE_LABELS, type Access } from '../../auth/policy.ts';

function accessText(access: Access): string {
  if (access === 'public') return '无需登录';
  if (access === 'signed-in') return '需登录';
  return `需权限 ${access}（${POLICY[access].roles.map((r) => ROLE_LABELS[r]).join('、')}）`;
}

async function openapi(app: FastifyInstance): Promise<void> {
  await app.register(swagger, {
    openapi: {
      info: { title: '督办 Duban API', version: '0.2.0', description: '政策文件库、账户与权限。会话以 duban_session Cookie 保持；写请求须带 x-csrf-token 头（见 /api/auth/me）。' },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'duban_session' } } },
    },
    transform: (input) => {
      const out = jsonSchemaTransform(input);
      const access = (input.route.config as { access?: Access } | undefined)?.access;
      if (access) out.schema = { ...out.schema, description: [out.schema.description, accessText(access)].filter(Boolean).join('。') };
      return out;
    },
  });
  app.get('/api/openapi.json', { config: { access: 'signed-in' }, schema: { hide: true } }, async () => app.swagger());
}

export default fp(openapi, { name: 'duban-openapi' });
