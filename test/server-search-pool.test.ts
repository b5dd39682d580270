// Search through the worker pool (src/store/search-pool.ts), on both engines, over the imported
// seeds: many searches at once answer what the same searches one at a time answer (and what
// search in the server's own thread answers); past the pool's queue a search is refused with 503
// and a Chinese message, not queued without limit; the pool stops with the server, and
// `duban serve` with its workers ends on SIGTERM.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { importPaths } from '../src/store/import.ts';
import { openStore } from '../src/store/open.ts';
import { searchWithFacets } from '../src/store/search.ts';
import { SearchBusyError, SearchStoppedError, startSearchPool } from '../src/store/search-pool.ts';
import { serverHarness } from './server-harness.ts';
import { DIALECTS, freshStore, testClock, testDay } from './store-targets.ts';

const root = join(import.meta.dirname, '..');
const seedsDir = join(root, '..', 'shared', 'seeds');
const haveSeeds = existsSync(join(seedsDir, '000_2754e8a7c3ece080.txt'));
const importSeeds = async (store: Parameters<typeof importPaths>[0]) => void (await importPaths(store, [seedsDir], testClock));

/** Queries of every shape search reads: words, phrases, quoted, several terms, a 文号 in odd spellings, a date, filters, pages. */
const QUERIES = [
  '知识产权质押融资', '营商环境', '安全生产', '"城乡建设绿色发展"', '规范性文件 清理', '乡村振兴', '突发重大动物疫情',
  '通政办发[2023]63号', '兴署发（2022）第6号', '7月14日', '市财政局', '风险补偿资金', '建筑业高质量发展', '没有这个词语的检索',
];
const URLS = [
  ...QUERIES.map((text) => `/api/search?q=${encodeURIComponent(text)}`),
  `/api/search?q=${encodeURIComponent('发展')}&kind=task&limit=5`,
  `/api/search?q=${encodeURIComponent('通知')}&offset=20&limit=10`,
];

for (const { dialect, available } of DIALECTS) {
  describe.skipIf(!available || !haveSeeds)(`search through the worker pool on ${dialect}`, () => {
    const h = serverHarness(dialect, { setup: importSeeds, searchPool: { workers: 2 }, settings: { publicLibrary: true } });
    const get = (url: string) => h.request({ method: 'GET', url, session: h.as('leader') });

    it('answers many searches at once as it answers them one at a time, and as search in the server thread does', async () => {
      const sequential: Awaited<ReturnType<typeof get>>[] = [];
      for (const url of URLS) sequential.push(await get(url));
      for (const r of sequential) expect(r.status).toBe(200);
      // The checks see something: most queries find hits.
      expect(sequential.filter((r) => (r.body as { hits: unknown[] }).hits.length > 0).length).toBeGreaterThan(URLS.length / 2);

      // Every query four times, all at once (more than the workers, so some wait in the queue).
      const together = await Promise.all([...URLS, ...URLS, ...URLS, ...URLS].map(get));
      together.forEach((r, k) => {
        expect(r.status).toBe(200);
        expect(r.body).toEqual(sequential[k % URLS.length]!.body);
      });

      for (const text of QUERIES) {
        const here = JSON.parse(JSON.stringify(await searchWithFacets(h.store, text, { asOf: h.clock.today() })));
        expect((await get(`/api/search?q=${encodeURIComponent(text)}`)).body).toEqual(here);
      }
    });

    it('answers the public library through the pool too, public documents only', async () => {
      const text = '营商环境';
      const r = await h.request({ method: 'GET', url: `/api/public/search?q=${encodeURIComponent(text)}` });
      expect(r.status).toBe(200);
      expect(r.body).toEqual(JSON.parse(JSON.stringify(await searchWithFacets(h.store, text, { asOf: h.clock.today(), publicOnly: true }))));
    });
  });

  describe.skipIf(!available || !haveSeeds)(`an overloaded search pool on ${dialect}`, () => {
    const h = serverHarness(dialect, { setup: importSeeds, searchPool: { workers: 1, maxQueue: 1 } });

    it('refuses searches past its queue with 503 and a Chinese message, and answers the rest', async () => {
      const url = `/api/search?q=${encodeURIComponent('知识产权质押融资')}`;
      const all = await Promise.all(Array.from({ length: 60 }, () => h.request({ method: 'GET', url, session: h.as('leader') })));
      const refused = all.filter((r) => r.status === 503);
      expect(refused.length).toBeGreaterThan(0);
      expect(all.filter((r) => r.status !== 503).every((r) => r.status === 200)).toBe(true);
      for (const r of refused) {
        expect((r.body as { error: string }).error).toBe(new SearchBusyError().message);
        expect(r.headers['retry-after']).toBe('1');
      }
      // Once the queue has drained, searches are answered again.
      expect((await h.request({ method: 'GET', url, session: h.as('leader') })).status).toBe(200);
    });
  });

  describe.skipIf(!available || !haveSeeds)(`the search pool after a write on ${dialect}`, () => {
    const fresh = freshStore(dialect);

    it('answers from the store as it is now: what an import adds is found by the next search', async () => {
      const pool = await startSearchPool(fresh.url, { workers: 1 });
      try {
        const before = await pool.searchWithFacets('营商环境', { asOf: testDay });
        expect(before.hits).toEqual([]);
        expect(await pool.searchWithFacets('营商环境', { asOf: testDay })).toEqual(before); // asked again: the same
        await importSeeds(fresh.store); // through the store's own connection, as the server imports
        const after = await pool.searchWithFacets('营商环境', { asOf: testDay });
        expect(after.hits.length).toBeGreaterThan(0);
        expect(after).toEqual(await searchWithFacets(fresh.store, '营商环境', { asOf: testDay }));
      } finally {
        await pool.close();
      }
    });
  });

  describe.skipIf(!available || !haveSeeds)(`the search pool itself on ${dialect}`, () => {
    const fresh = freshStore(dialect);

    it('takes what its workers and queue hold, refuses the rest at once, and stops: later searches are refused, its workers end', async () => {
      await importSeeds(fresh.store);
      const pool = await startSearchPool(fresh.url, { workers: 1, maxQueue: 2 });
      // One tick: nothing has been answered yet, so exactly the running and queued searches are taken.
      const running = dialect === 'sqlite' ? 1 : 4;
      const asked = Array.from({ length: running + 2 + 5 }, () => pool.searchWithFacets('营商环境', { asOf: testDay }).then((r) => r, (e: unknown) => e));
      const settled = await Promise.all(asked);
      const busy = settled.filter((r) => r instanceof SearchBusyError);
      expect(busy.length).toBe(5);
      for (const r of settled.filter((x) => !(x instanceof Error))) expect(r).toEqual(await searchWithFacets(fresh.store, '营商环境', { asOf: testDay }));
      await pool.close();
      await expect(pool.searchWithFacets('营商环境', { asOf: testDay })).rejects.toBeInstanceOf(SearchStoppedError);
      await pool.close(); // closing twice is harmless
    });

    it('says why when the store cannot be opened for reading', async () => {
      const missing = dialect === 'sqlite' ? join(tmpdir(), `duban-no-such-${process.pid}`, 'none.db') : fresh.url.replace(/\/[^/]+$/, '/duban_no_such_database');
      await expect(startSearchPool(missing, { workers: 1 })).rejects.toThrow(/无法以只读方式打开数据库/);
    });
  });
}

describe.skipIf(!haveSeeds)('duban serve with search workers', () => {
  const work = mkdtempSync(join(tmpdir(), 'duban-serve-pool-'));
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('searches through its workers and stops on SIGTERM, workers and all', async () => {
    const db = join(work, 'duban.db');
    const store = await openStore(db);
    await importSeeds(store);
    await store.close();
    const port = await new Promise<number>((resolve) => {
      const s = createServer();
      s.listen(0, '127.0.0.1', () => {
        const p = (s.address() as { port: number }).port;
        s.close(() => resolve(p));
      });
    });
    const child = spawn(process.execPath, [join(root, 'bin', 'duban.mjs'), '--db', db, 'serve', '--port', String(port), '--log-dir', join(work, 'logs')], {
      cwd: root,
      env: { ...process.env, DUBAN_ADMIN_PASSWORD: 'Pool-Passw0rd!', DUBAN_SEARCH_WORKERS: '2' },
    });
    let said = '';
    child.stderr!.on('data', (d: Buffer) => (said += d.toString()));
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    try {
      while (!said.includes('督办已启动') && child.exitCode === null) await new Promise((r) => setTimeout(r, 100));
      expect(said).toContain('督办已启动');
      const login = await fetch(`http://127.0.0.1:${port}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'admin', password: 'Pool-Passw0rd!' }) });
      const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
      const answers = await Promise.all(['营商环境', '安全生产', '乡村振兴', '知识产权质押融资'].map((text) => fetch(`http://127.0.0.1:${port}/api/search?q=${encodeURIComponent(text)}`, { headers: { cookie } })));
      for (const r of answers) expect(r.status).toBe(200);
    } finally {
      child.kill('SIGTERM');
    }
    // The test's timeout is the hang check: a worker left running would keep the process alive.
    expect(await exited).toBe(0);
  }, 120_000);

  it('refuses a DUBAN_SEARCH_WORKERS that is not a small number, in one Chinese line', async () => {
    const child = spawn(process.execPath, [join(root, 'bin', 'duban.mjs'), '--db', join(work, 'other.db'), 'serve', '--port', '18089'], { cwd: root, env: { ...process.env, DUBAN_SEARCH_WORKERS: 'many' } });
    let said = '';
    child.stderr!.on('data', (d: Buffer) => (said += d.toString()));
    const code = await new Promise<number | null>((resolve) => child.once('exit', (c) => resolve(c)));
    expect(code).toBe(2);
    expect(said.trim()).toBe('duban: DUBAN_SEARCH_WORKERS 应为 0–16 的整数（0：在主进程中检索），现为“many”');
  }, 60_000);
});
