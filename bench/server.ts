// Server benchmark: `duban serve` in a process of its own over a store holding the seeds, loaded
// from this process with autocannon on 127.0.0.1, signed in as a real user. Prints requests per
// second and latency for document reads (a public document; an internal one, whose every read is
// an audit event), search, and the home page's figures; then, when the web application is built,
// the home page's first contentful paint in Chromium and the size of the main chunk.
//
//   node --import tsx bench/server.ts [--seconds 10] [--connections 10] [--pg URL]
import autocannon from 'autocannon';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { freePort } from '../test/free-port.ts';

const root = join(import.meta.dirname, '..');
const bin = join(root, 'bin', 'duban.mjs');
const seeds = join(root, '..', 'shared', 'seeds');
const args = process.argv.slice(2);
const option = (name: string, fallback: string) => {
  const at = args.indexOf(name);
  return at >= 0 && args[at + 1] !== undefined ? args[at + 1]! : fallback;
};
const seconds = Number(option('--seconds', '10'));
const connections = Number(option('--connections', '10'));
const PASSWORD = 'Bench-Passw0rd!';

const work = mkdtempSync(join(tmpdir(), 'duban-bench-server-'));
const db = option('--pg', join(work, 'bench.db'));
const imported = spawnSync(process.execPath, [bin, '--db', db, 'import', seeds], { encoding: 'utf8' });
if (imported.status !== 0) throw new Error(`import failed: ${imported.stderr}`);

const port = await freePort();
const base = `http://127.0.0.1:${port}`;
const server = spawn(process.execPath, [bin, '--db', db, 'serve', '--port', String(port), '--log-dir', join(work, 'logs')], {
  env: { ...process.env, DUBAN_ADMIN_PASSWORD: PASSWORD },
  stdio: ['ignore', 'ignore', 'pipe'],
});
let said = '';
server.stderr!.on('data', (d: Buffer) => (said += d.toString()));
for (let waited = 0; !said.includes('督办已启动'); waited += 100) {
  if (waited > 60_000 || server.exitCode !== null) throw new Error(`server did not start: ${said}`);
  await new Promise((r) => setTimeout(r, 100));
}

try {
  const login = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'admin', password: PASSWORD }) });
  const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
  const headers = { cookie };
  const list = (await (await fetch(`${base}/api/documents?limit=100`, { headers })).json()) as { items: { id: number; access: string }[] };
  const open = list.items.find((d) => d.access === 'public')!;
  const internal = list.items.find((d) => d.access === 'internal')!;

  const load = async (title: string, path: string) => {
    const r = await autocannon({ url: `${base}${path}`, headers, connections, duration: seconds });
    const bad = r.non2xx + r.errors;
    console.log(`${title.padEnd(44)} ${String(Math.round(r.requests.average)).padStart(6)} req/s   p50 ${r.latency.p50} ms   p99 ${r.latency.p99} ms${bad ? `   (${bad} failed)` : ''}`);
  };
  console.log(`duban serve on ${db.startsWith('postgres') ? 'PostgreSQL' : 'SQLite'}, ${connections} connections, ${seconds} s each, signed in (seeds: ${list.items.length} documents)`);
  await load('GET /api/documents/:id (public document)', `/api/documents/${open.id}`);
  await load('GET /api/documents/:id (internal: read audited)', `/api/documents/${internal.id}`);
  await load('GET /api/documents/:id/tasks', `/api/documents/${open.id}/tasks`);
  await load('GET /api/search?q=营商环境 (with facets)', `/api/search?q=${encodeURIComponent('营商环境')}`);
  await load('GET /api/stats', '/api/stats');

  const dist = join(root, 'web', 'dist');
  if (existsSync(join(dist, 'index.html'))) {
    const assets = readdirSync(join(dist, 'assets'));
    const html = readFileSync(join(dist, 'index.html'), 'utf8');
    const main = /src="\/assets\/([^"]+\.js)"/.exec(html)?.[1];
    if (main) console.log(`main chunk ${main}: ${(gzipSync(readFileSync(join(dist, 'assets', main))).length / 1024).toFixed(1)} KB gzip`);
    const jsTotal = assets.filter((a) => a.endsWith('.js')).reduce((n, a) => n + gzipSync(readFileSync(join(dist, 'assets', a))).length, 0);
    console.log(`all JavaScript chunks: ${(jsTotal / 1024).toFixed(1)} KB gzip in ${assets.filter((a) => a.endsWith('.js')).length} files`);
    const { chromium } = await import('playwright-core');
    const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
    try {
      const paints: number[] = [];
      const ready: number[] = [];
      for (let i = 0; i < 5; i++) {
        // A new context each time: a first visit, nothing cached.
        const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
        await context.addCookies([{ name: 'duban_session', value: cookie.split('=')[1]!, domain: '127.0.0.1', path: '/', httpOnly: true, sameSite: 'Strict' }]);
        const page = await context.newPage();
        await page.goto(`${base}/`);
        // Ready: the figures of the library are on the page (the statistics cards show the count of documents).
        await page.waitForFunction(() => /公文\s*\d+\s*份/.test(document.body.innerText), null, { timeout: 30_000 });
        ready.push(await page.evaluate(() => performance.now()));
        const fcp = await page.evaluate(() => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? -1);
        paints.push(fcp);
        await context.close();
      }
      paints.sort((a, b) => a - b);
      ready.sort((a, b) => a - b);
      console.log(`home page first contentful paint (5 cold visits): median ${paints[2]!.toFixed(0)} ms, worst ${paints[4]!.toFixed(0)} ms`);
      console.log(`home page with its figures shown (same visits): median ${ready[2]!.toFixed(0)} ms, worst ${ready[4]!.toFixed(0)} ms`);
    } finally {
      await browser.close();
    }
  } else {
    console.log('web/dist is not built: no page figures (npm run build:web)');
  }
} finally {
  server.kill('SIGTERM');
  await new Promise((r) => server.once('exit', r));
  if (!db.startsWith('postgres')) rmSync(work, { recursive: true, force: true });
}
