// The server's own safety, before anything else sees a request:
// - a Host allow-list: a page on another site that makes its name resolve to 127.0.0.1 (DNS
//   rebinding) would otherwise read the store with the browser of someone at this machine;
// - helmet's headers: a CSP without inline scripts, nosniff, no framing, no referrer;
// - writes from a browser must come from Duban's own pages (Origin checked).
import helmet from '@fastify/helmet';
import fp from 'fastify-plugin';
import type { FastifyInstance, FastifyRequest } from 'fastify';

/** The host name of a Host header, without port or IPv6 brackets, lower-cased. */
export function hostName(header: string | undefined): string | null {
  if (!header) return null;
  const h = header.trim().toLowerCase();
  if (h.startsWith('[')) {
    const end = h.indexOf(']');
    return end > 0 ? h.slice(1, end) : null;
  }
  const colon = h.indexOf(':');
  return colon >= 0 ? h.slice(0, colon) : h;
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** A write whose Origin (when the browser sends one) is not one of the allowed hosts. */
function foreignOrigin(request: FastifyRequest, allowed: ReadonlySet<string>): boolean {
  const origin = request.headers.origin;
  if (!origin || !UNSAFE.has(request.method)) return false;
  try {
    return !allowed.has(new URL(origin).hostname.replace(/^\[|\]$/g, '').toLowerCase());
  } catch {
    return true;
  }
}

async function security(app: FastifyInstance): Promise<void> {
  const allowed = new Set(app.settings.allowedHosts);
  app.addHook('onRequest', async (request, reply) => {
    const host = hostName(request.headers.host);
    if (host === null || !allowed.has(host)) {
      return reply.status(403).send({ error: `拒绝访问：主机名“${host ?? ''}”不在允许列表中（用 --allowed-host 或 --public-url 添加）` });
    }
    if (foreignOrigin(request, allowed)) return reply.status(403).send({ error: '拒绝来自其他网站的请求' });
  });

  const tls = app.settings.publicUrl?.startsWith('https:') ?? false;
  await app.register(helmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        // Ant Design writes its styles at run time (CSS-in-JS): inline styles, never inline scripts.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        ...(tls ? { upgradeInsecureRequests: [] } : {}),
      },
    },
    referrerPolicy: { policy: 'no-referrer' },
    // HSTS only where Duban is reached over TLS; on a local address it would only confuse.
    strictTransportSecurity: tls ? { maxAge: 31_536_000 } : false,
    crossOriginEmbedderPolicy: false,
    frameguard: { action: 'deny' },
  });
}

export default fp(security, { name: 'duban-security' });
