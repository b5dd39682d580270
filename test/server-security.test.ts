// The server's own safety, through real requests: only the allowed host names are answered (DNS
// rebinding), every response carries the security headers, errors never show a stack trace, a
// path or English, bodies have limits, and the web application is served with its caching rules.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { serverHarness } from './server-harness.ts';

function webRootFixture(): string {
  const dir = mkdtempSync(join(tmpdir(), 'duban-web-'));
  mkdirSync(join(dir, 'assets'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><html lang="zh-CN"><head><title>督办</title><script type="module" src="/assets/app-abc123.js"></script></head><body><div id="root"></div></body></html>');
  const script = `console.log(${JSON.stringify('督办'.repeat(2000))});`;
  writeFileSync(join(dir, 'assets', 'app-abc123.js'), script);
  writeFileSync(join(dir, 'assets', 'app-abc123.js.gz'), gzipSync(script));
  return dir;
}

describe('server safety (sqlite)', () => {
  const h = serverHarness('sqlite', { settings: { webRoot: webRootFixture(), bodyLimit: 10_000 } });

  it('refuses a request naming a host that is not allowed', async () => {
    for (const host of ['evil.example', 'evil.example:8080', '127.0.0.1.evil.example', '127.0.0.1@evil.example']) {
      const r = await h.request({ method: 'GET', url: '/api/auth/me', headers: { host }, session: h.as('admin') });
      expect(r.status).toBe(403);
      expect((r.body as { error: string }).error).toContain('不在允许列表中');
    }
    for (const host of ['127.0.0.1:8080', 'localhost:8080', 'LOCALHOST', '[::1]:8080']) {
      expect((await h.request({ method: 'GET', url: '/api/auth/me', headers: { host }, session: h.as('admin') })).status).toBe(200);
    }
  });

  it('sends a CSP without inline scripts, nosniff, no framing and no referrer on every response', async () => {
    for (const url of ['/api/auth/me', '/api/documents', '/', '/search?q=x', '/api/nothing-here']) {
      const r = await h.request({ method: 'GET', url, session: url === '/api/documents' ? null : h.as('leader') });
      const csp = String(r.headers['content-security-policy']);
      expect(csp).toContain("script-src 'self'");
      expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
      expect(csp).toContain("frame-ancestors 'none'");
      expect(r.headers['x-content-type-options']).toBe('nosniff');
      expect(r.headers['referrer-policy']).toBe('no-referrer');
      expect(r.headers['x-frame-options']).toBe('DENY');
    }
  });

  it('answers unknown API addresses and bad bodies in Chinese, without stack traces or paths', async () => {
    const checks = [
      await h.request({ method: 'GET', url: '/api/nothing-here', session: h.as('leader') }),
      await h.request({ method: 'POST', url: '/api/auth/login', headers: { 'content-type': 'application/json' }, payload: '{"username": ' }),
      await h.request({ method: 'POST', url: '/api/auth/login', headers: { 'content-type': 'text/xml' }, payload: '<a/>' }),
      await h.request({ method: 'POST', url: '/api/auth/login', payload: { username: 'x'.repeat(20_000), password: 'y' } }),
      await h.request({ method: 'POST', url: '/api/auth/login', payload: { username: 42 } }),
      await h.request({ method: 'GET', url: '/api/search?q=x&limit=abc', session: h.as('leader') }),
    ];
    expect(checks.map((r) => r.status)).toEqual([404, 400, 415, 413, 400, 400]);
    for (const r of checks) {
      const error = (r.body as { error: string }).error;
      expect(error).toMatch(/[\u4e00-\u9fff]/);
      expect(r.text).not.toMatch(/at \w+ \(|node_modules|\/work\/|\.ts:\d+|Error:/);
    }
  });

  it('serves the web application: index.html for page addresses, hashed files compressed and cached', async () => {
    for (const url of ['/', '/search?q=%E8%90%A5%E5%95%86', '/documents/12', '/login']) {
      const r = await h.request({ method: 'GET', url });
      expect(r.status).toBe(200);
      expect(r.text).toContain('<div id="root">');
      expect(r.headers['cache-control']).toBe('no-cache');
    }
    const asset = await h.request({ method: 'GET', url: '/assets/app-abc123.js', headers: { 'accept-encoding': 'gzip' } });
    expect(asset.status).toBe(200);
    expect(asset.headers['content-encoding']).toBe('gzip');
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    // An API address is never the web page.
    expect((await h.request({ method: 'GET', url: '/api/unknown' })).status).toBe(404);
  });

  it('compresses large JSON answers', async () => {
    const r = await h.request({ method: 'GET', url: '/api/openapi.json', headers: { 'accept-encoding': 'br, gzip' }, session: h.as('leader') });
    expect(r.status).toBe(200);
    expect(['br', 'gzip']).toContain(r.headers['content-encoding']);
  });
});
