// The web application: the files Vite built (web/dist), served as they are — compressed copies
// made at build time (.br, .gz) when the browser takes them, hashed assets cached for a year,
// index.html never cached — and index.html for every other page address, so that the browser's
// router takes over (/search?q=…, /documents/12). Under /api, an unknown address is a JSON 404.
import fastifyStatic from '@fastify/static';
import fp from 'fastify-plugin';
import type { FastifyInstance } from 'fastify';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

async function web(app: FastifyInstance): Promise<void> {
  const root = app.settings.webRoot;
  const index = root !== null && existsSync(join(root, 'index.html'));
  if (root !== null && index) {
    await app.register(fastifyStatic, {
      root,
      prefix: '/',
      wildcard: false,
      index: false,
      preCompressed: true,
      cacheControl: false,
      setHeaders(res, path) {
        res.header('cache-control', /[\\/]assets[\\/]/.test(path) ? 'public, max-age=31536000, immutable' : 'no-cache');
      },
    });
  }
  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0]!;
    if (!path.startsWith('/api/') && path !== '/api' && (request.method === 'GET' || request.method === 'HEAD')) {
      if (index) return reply.header('cache-control', 'no-cache').sendFile('index.html');
      return reply.status(404).type('text/plain; charset=utf-8').send('督办的网页尚未构建：请运行 npm run build:web（npm ci 时会自动构建）。');
    }
    return reply.status(404).send({ error: `没有这个接口：${request.method} ${path}` });
  });
}

export default fp(web, { name: 'duban-web' });
