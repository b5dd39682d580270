// The office's report pages in the browser: 分级调度, 月通报 and 考核, built (web/dist), served by
// the real server over a real SQLite store, driven in the system's Chromium by playwright-core.
// November 2026 is lived through the real routes on a manual clock: a document's four measures
// are issued; the housing bureau signs, reports and finishes on time; the education bureau
// finishes one item and lets the other run past its deadline. On 3 December the bulletin page
// ranks the units with their figures, names the overdue item and is published by the office; a
// unit user has no 发布 button and the API answers 403. Every page at 1366×768 and 375 px (no
// sideways scroll, axe-core), and the README's pictures (docs/images/supervision-*.png).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_AUTH_SETTINGS } from '../src/auth/settings.ts';
import { createUser } from '../src/auth/users.ts';
import { manualClock } from '../src/calendar/clock.ts';
import { buildServer } from '../src/server/app.ts';
import { importPaths } from '../src/store/import.ts';
import { cookieOf } from './server-harness.ts';
import { freshStore } from './store-targets.ts';

const root = join(import.meta.dirname, '..');
const dist = join(root, 'web', 'dist');
const shots = process.env.DUBAN_SHOTS ?? join(root, 'test-artifacts', 'screenshots');
/** The README's pictures are written only when asked (DUBAN_README_IMAGES=1), never by a plain test run. */
const readmeImages = process.env.DUBAN_README_IMAGES === '1' ? join(root, 'docs', 'images') : null;
const CHROMIUM = '/usr/bin/chromium';
const haveChromium = existsSync(CHROMIUM);
if (!haveChromium) console.warn(`${CHROMIUM} is missing: the supervision office web tests are SKIPPED (apt-get install -y chromium fonts-noto-cjk).`);

const PASSWORD = 'Web-Passw0rd!';
const HOUSING = '通辽市住房和城乡建设局';
const EDUCATION = '通辽市教育局';
const DOC_NUMBER = '通政办发〔2026〕77号';
const NOTICE = [
  '通辽市人民政府办公室关于做好城市冬季运行保障工作的通知',
  DOC_NUMBER,
  '各旗县市区人民政府，市直各有关部门：',
  '为做好城市冬季运行保障工作，现将有关事项通知如下。',
  '一、完成城区老旧供热管网改造，确保按时供暖。2026年11月20日前完成。（牵头单位：市住建局）',
  '二、开展校园冬季消防安全大检查，建立隐患台账。2026年11月13日前完成。（牵头单位：市教育局）',
  '三、组织中小学校冬季供暖设施检修，逐校签字确认。2026年11月27日前完成。（牵头单位：市教育局）',
  '四、推进住宅小区二次供水设施改造，分批完成验收。2026年12月31日前完成。（牵头单位：市住建局；责任单位：市发改委）',
  '',
  '通辽市人民政府办公室',
  '2026年11月2日',
].join('\n');

const VIEWPORTS = [
  { tag: '1366', width: 1366, height: 768 },
  { tag: '375', width: 375, height: 812 },
] as const;

async function settle(page: Page): Promise<void> {
  await page.waitForTimeout(200);
  await page.waitForLoadState('networkidle');
  await page
    .waitForFunction(() => document.querySelector('#root > *') && !document.querySelector('.ant-skeleton, .ant-spin-spinning, .page-loading'), null, { timeout: 10_000 })
    .catch(() => {});
  await page.waitForTimeout(300);
}

const label = (text: string) => new RegExp(`(^|\\s)${[...text].join('\\s*')}\\s*$`);

interface ItemJson {
  id: number;
  text: string;
  state: string;
  version: number;
}
interface BulletinJson {
  number: string | null;
  totals: { items: number; done: number; open: number; overdue: number };
  rows: { unit: string; items: number; done: number; overdue: number; onTimeRate: number | null; score: number; rank: number }[];
  overdueItems: { itemId: number; text: string }[];
}

describe.skipIf(!haveChromium)('督查督办 调度、通报、考核 in Chromium', () => {
  const fresh = freshStore('sqlite');
  const clock = manualClock('2026-11-02T09:00:00+08:00');
  let app: FastifyInstance;
  let base = '';
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  let ledgerId = 0;
  const items: Record<'pipes' | 'fire' | 'heating' | 'water', number> = { pipes: 0, fire: 0, heating: 0, water: 0 };

  /** One request through the real routes as a user; a session the clock has outlived is signed in again. */
  const sessions = new Map<string, Record<string, string>>();
  async function call<T>(username: string, method: 'GET' | 'POST', url: string, payload?: Record<string, unknown>): Promise<T> {
    const headers = { host: '127.0.0.1:8080' };
    const send = (session: Record<string, string>) => app.inject({ method, url, headers: { ...headers, ...session }, ...(payload ? { payload } : {}) });
    let session = sessions.get(username);
    let r = session ? await send(session) : null;
    if (!r || r.statusCode === 401) {
      const login = await app.inject({ method: 'POST', url: '/api/auth/login', headers, payload: { username, password: PASSWORD } });
      if (login.statusCode !== 200) throw new Error(`sign-in of ${username}: ${login.body}`);
      session = { cookie: cookieOf(login.headers['set-cookie'])!, 'x-csrf-token': (login.json() as { csrfToken: string }).csrfToken };
      sessions.set(username, session);
      r = await send(session);
    }
    if (r.statusCode !== 200) throw new Error(`${method} ${url} as ${username}: ${r.statusCode} ${r.body}`);
    return r.json() as T;
  }
  const item = (id: number) => call<ItemJson>('office', 'GET', `/api/supervision/items/${id}`);
  const on = (day: string) => clock.set(`${day}T10:00:00+08:00`);
  const report = (username: string, id: number, progress: string, percent: number) =>
    call(username, 'POST', `/api/supervision/items/${id}/reports`, { progress, problems: '无', coordination: '无', nextSteps: '按计划推进', percent });
  async function finish(username: string, id: number, claimDay: string, verifyDay: string) {
    on(claimDay);
    await call(username, 'POST', `/api/supervision/items/${id}/claim`, { version: (await item(id)).version, summary: '已按要求全部完成，资料已归档。' });
    on(verifyDay);
    await call('office', 'POST', `/api/supervision/items/${id}/verify`, { version: (await item(id)).version, accept: true, opinion: '经核查，完成到位。' });
  }

  beforeAll(async () => {
    if (!existsSync(join(dist, 'index.html'))) {
      const built = spawnSync('npm', ['run', 'build:web'], { cwd: root, encoding: 'utf8', timeout: 300_000 });
      if (built.status !== 0) throw new Error(`npm run build:web failed: ${built.stderr}`);
    }
    const dir = mkdtempSync(join(tmpdir(), 'duban-sv-office-web-'));
    writeFileSync(join(dir, '冬季运行保障通知.txt'), NOTICE);
    await importPaths(fresh.store, [dir], clock);
    const documentId = (await fresh.store.db.selectFrom('documents').select('id').where('doc_number', '=', DOC_NUMBER).executeTakeFirstOrThrow()).id;
    const make = (username: string, roles: ('supervisor' | 'unit' | 'leader')[], unit: string | null = null) =>
      createUser(fresh.store.db, { username, displayName: `${username}用户`, roles, unit, password: PASSWORD, mustChangePassword: false }, () => true, { actor: { name: 'test' }, now: clock.now() });
    await make('office', ['supervisor']);
    await make('housing', ['unit'], HOUSING);
    await make('education', ['unit'], EDUCATION);
    await make('leader', ['leader']);
    app = await buildServer({ store: fresh.store, clock, settings: { webRoot: dist, auth: { ...DEFAULT_AUTH_SETTINGS, loginsPerMinute: 100_000 } } });
    await app.listen({ port: 0, host: '127.0.0.1' });
    base = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;

    // November, through the real routes.
    const ledger = await call<{ id: number; items: ItemJson[] }>('office', 'POST', '/api/supervision/ledgers', { sourceKind: 'document', documentId });
    ledgerId = ledger.id;
    const find = (needle: string) => ledger.items.find((i) => i.text.includes(needle))!.id;
    items.pipes = find('供热管网');
    items.fire = find('消防安全');
    items.heating = find('供暖设施');
    items.water = find('二次供水');
    await call('office', 'POST', `/api/supervision/ledgers/${ledgerId}/issue`, {});
    on('2026-11-03');
    for (const id of [items.pipes, items.water]) await call('housing', 'POST', `/api/supervision/items/${id}/sign`);
    for (const id of [items.fire, items.heating]) await call('education', 'POST', `/api/supervision/items/${id}/sign`);
    on('2026-11-16');
    await report('housing', items.pipes, '已完成城区老旧供热管网改造42公里，剩余3公里本周完工。', 90);
    await report('education', items.fire, '已检查学校86所，发现隐患23处，正在建立台账。', 60);
    await finish('housing', items.pipes, '2026-11-18', '2026-11-19');
    await finish('education', items.heating, '2026-11-26', '2026-11-27');
    on('2026-11-30');
    await report('housing', items.water, '二次供水设施改造已完成第一批12个小区的验收。', 40);
    on('2026-12-02');
    await report('housing', items.water, '第二批9个小区已进场施工，预计12月下旬验收。', 65);
    clock.set('2026-12-03T09:30:00+08:00');

    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
    mkdirSync(shots, { recursive: true });
  }, 300_000);

  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => {});
    await browser?.close();
    await app?.close();
  });

  async function signedIn(username: string, viewport: { width: number; height: number } = VIEWPORTS[0]): Promise<Page> {
    const context = await browser.newContext({ viewport, locale: 'zh-CN', timezoneId: 'Asia/Shanghai', bypassCSP: true });
    contexts.push(context);
    const page = await context.newPage();
    await page.goto(`${base}/login`);
    await page.getByLabel('用户名').fill(username);
    await page.getByLabel('密码').fill(PASSWORD);
    await page.getByRole('button', { name: /登\s*录/ }).click();
    await page.waitForURL(`${base}/`);
    return page;
  }

  /** A request from the page, as its own scripts would send it (the session cookie, the CSRF token). */
  const api = <T,>(page: Page, method: string, path: string) =>
    page.evaluate(
      async ({ method, path }) => {
        const me = (await (await fetch('/api/auth/me')).json()) as { csrfToken: string };
        const r = await fetch(path, { method, headers: { 'x-csrf-token': me.csrfToken } });
        return { status: r.status, body: (await r.json().catch(() => null)) as unknown };
      },
      { method, path },
    ) as Promise<{ status: number; body: T }>;

  it('the November bulletin ranks the units with their figures and names the overdue item', async () => {
    const page = await signedIn('office');
    const menu = await page.getByRole('navigation', { name: '主导航' }).innerText();
    for (const entry of ['分级调度', '月通报', '考核']) expect(menu).toContain(entry);
    await page.getByRole('link', { name: '月通报' }).click();
    // Without a month the page shows the last month that is over (the browser's own calendar).
    await page.waitForURL(/\/supervision\/bulletins$/);
    await page.goto(`${base}/supervision/bulletins/2026-11`);
    await settle(page);
    const main = page.locator('main');
    expect(await main.innerText()).toContain('预览（未发布）');

    const { body } = await api<BulletinJson>(page, 'GET', '/api/supervision/bulletins/2026-11');
    // What November was: four items, two done, one overdue, one open; the housing bureau without a miss.
    expect(body.totals).toEqual({ items: 4, done: 2, open: 2, overdue: 1 });
    const housing = body.rows.find((r) => r.unit === HOUSING)!;
    const education = body.rows.find((r) => r.unit === EDUCATION)!;
    expect([housing.items, housing.done, housing.overdue, housing.onTimeRate]).toEqual([2, 1, 0, 1]);
    expect([education.items, education.done, education.overdue, education.onTimeRate]).toEqual([2, 1, 1, 0.5]);
    expect(housing.rank).toBeLessThan(education.rank);

    // The page's table: one row per unit in rank order, each with the unit's figures.
    const rows = page.locator('.sv-bulletin-table .ant-table-row');
    expect(await rows.count()).toBe(body.rows.length);
    for (const [i, r] of [...body.rows].sort((a, b) => a.rank - b.rank).entries()) {
      const cells = (await rows.nth(i).locator('td').allInnerTexts()).map((t) => t.trim());
      expect(cells[0]).toBe(String(r.rank));
      expect(cells[1]).toContain(r.unit);
      expect(cells.slice(2, 4)).toEqual([String(r.items), String(r.done)]);
      expect(cells[4]).toBe(r.onTimeRate === null ? '—' : `${Math.round(r.onTimeRate * 1000) / 10}%`);
      expect(cells[5]).toBe(String(r.overdue));
      expect(cells[7]).toBe(String(r.score));
    }
    const totals = (await main.locator('.sv-totals .ant-statistic').allInnerTexts()).map((t) => t.replace(/\s+/g, ''));
    expect(totals).toEqual(['督办事项4项', '已办结2项', '在办2项', '超期1项']);
    // 红榜: the unit that finished on time; the chart draws one bar per unit.
    expect(await page.locator('.sv-list-red').innerText()).toContain(HOUSING);
    expect(await page.locator('.echart svg path, .echart svg rect').count()).toBeGreaterThan(0);
    expect(await page.locator('.echart').getAttribute('aria-label')).toContain(`第${housing.rank}名 ${HOUSING}`);
    // The overdue item by name, a link to it.
    const overdue = main.getByRole('link', { name: /校园冬季消防安全大检查/ });
    expect(await overdue.getAttribute('href')).toBe(`/supervision/items/${items.fire}`);
    expect(body.overdueItems.map((i) => i.itemId)).toEqual([items.fire]);
    await page.screenshot({ path: join(shots, 'supervision-bulletin-preview-1366.png'), fullPage: true });
  });

  it('a unit user sees the bulletin but cannot publish it: no button, and the API answers 403', async () => {
    const page = await signedIn('housing');
    await page.goto(`${base}/supervision/bulletins/2026-11`);
    await settle(page);
    expect(await page.locator('.sv-bulletin-table').innerText()).toContain(HOUSING);
    expect(await page.getByRole('button', { name: /发布通报/ }).count()).toBe(0);
    const refused = await api<{ error: string }>(page, 'POST', '/api/supervision/bulletins/2026-11/publish');
    expect(refused.status).toBe(403);
    expect(refused.body.error).toMatch(/[\u4e00-\u9fff]/);
    expect((await api<BulletinJson>(page, 'GET', '/api/supervision/bulletins/2026-11')).body.number).toBeNull();
  });

  it('the office publishes November as 第1期 after confirming; it is listed, and a download of 第1期', async () => {
    const page = await signedIn('office');
    await page.goto(`${base}/supervision/bulletins/2026-11`);
    await settle(page);
    await page.getByRole('button', { name: /发布通报/ }).click();
    const confirm = page.locator('.ant-popover');
    expect(await confirm.innerText()).toContain('不再随事项变化');
    await confirm.getByRole('button', { name: label('发布') }).click();
    await expect.poll(async () => page.locator('main').innerText(), { timeout: 10_000 }).toContain('督查通报2026年第1期');
    await settle(page);
    expect(await page.getByRole('button', { name: /发布通报/ }).isDisabled()).toBe(true);
    const listed = page.locator('main').getByRole('link', { name: '督查通报2026年第1期', exact: true });
    expect(await listed.getAttribute('href')).toBe('/supervision/bulletins/2026-11');
    expect(await page.getByRole('link', { name: /下载督查通报2026年第1期/ }).getAttribute('href')).toBe('/api/supervision/bulletins/2026-11.docx');
    // December is not over: its page offers no publishing yet.
    await page.goto(`${base}/supervision/bulletins/2026-12`);
    await settle(page);
    expect(await page.getByRole('button', { name: /发布通报/ }).isDisabled()).toBe(true);
  });

  it('分级调度: the office sees every lead unit for the month, a unit its own half-month with its latest report', async () => {
    const office = await signedIn('office');
    await office.goto(`${base}/supervision/dispatch?period=2026-12`);
    await settle(office);
    const leads = await office.locator('.sv-dispatch-lead .card-title').allInnerTexts();
    expect(leads).toEqual(expect.arrayContaining([HOUSING, EDUCATION]));
    expect(await office.getByRole('link', { name: /导出调度表/ }).getAttribute('href')).toBe('/api/supervision/dispatch.xlsx?period=2026-12');

    const unit = await signedIn('housing');
    await unit.goto(`${base}/supervision/dispatch?period=2026-12-H1`);
    await settle(unit);
    expect(await unit.locator('.sv-dispatch-lead .card-title').allInnerTexts()).toEqual([HOUSING]);
    const text = await unit.locator('main').innerText();
    expect(text).toContain('2026年12月上半月调度');
    expect(text).toContain('第二批9个小区已进场施工');
    expect(text).toContain('通辽市发展和改革委员会'); // the unit responsible with the lead, as the half-monthly round follows it
    expect(text).not.toContain('消防安全');
  });

  it('考核: each unit’s score opens into the events it came from, the overdue one linked to its item', async () => {
    const page = await signedIn('office');
    await page.goto(`${base}/supervision/scores?year=2026`);
    await settle(page);
    const scores = (await api<{ units: { unit: string; total: number; events: { points: number; label: string; itemId: number | null }[] }[] }>(page, 'GET', '/api/supervision/scores?year=2026')).body;
    const education = scores.units.find((u) => u.unit === EDUCATION)!;
    // Every point traced: the events sum to the total.
    for (const u of scores.units) expect(Math.round(u.events.reduce((s, e) => s + e.points, 0) * 100) / 100).toBe(u.total);
    const row = page.locator('.ant-table-row').filter({ hasText: EDUCATION });
    expect(await row.innerText()).toContain(String(education.total));
    await row.getByRole('button').first().click();
    const events = page.getByRole('region', { name: `${EDUCATION}的计分明细` });
    await expect.poll(async () => events.innerText(), { timeout: 5000 }).toContain('超期');
    const link = events.getByRole('link', { name: /校园冬季消防安全大检查/ }).first();
    expect(await link.getAttribute('href')).toBe(`/supervision/items/${items.fire}`);
    expect(await page.getByRole('link', { name: /导出考核表/ }).getAttribute('href')).toBe('/api/supervision/scores.xlsx?year=2026');
  });

  it('renders the pages at 1366×768 and 375 px without sideways scroll or serious accessibility violations', async () => {
    const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
    const pages: { name: string; path: string; as: string; expand?: string }[] = [
      { name: 'supervision-dispatch', path: '/supervision/dispatch?period=2026-12', as: 'office' },
      { name: 'supervision-dispatch-unit', path: '/supervision/dispatch?period=2026-12-H1', as: 'housing' },
      { name: 'supervision-bulletin', path: '/supervision/bulletins/2026-11', as: 'office' },
      { name: 'supervision-bulletin-unit', path: '/supervision/bulletins/2026-11', as: 'education' },
      { name: 'supervision-scores', path: '/supervision/scores?year=2026', as: 'office', expand: EDUCATION },
      { name: 'supervision-ledger', path: `/supervision?ledger=${ledgerId}`, as: 'office' },
      { name: 'supervision-item', path: `/supervision/items/${items.pipes}`, as: 'office' },
    ];
    const findings: string[] = [];
    for (const vp of VIEWPORTS) {
      const sessions = new Map<string, Page>();
      for (const p of pages) {
        let page = sessions.get(p.as);
        if (!page) {
          page = await signedIn(p.as, vp);
          sessions.set(p.as, page);
        }
        await page.goto(`${base}${p.path}`);
        await settle(page);
        if (p.expand) {
          await page.locator('.ant-table-row').filter({ hasText: p.expand }).getByRole('button').first().click();
          await settle(page);
        }
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        if (overflow > 1) findings.push(`${p.name} @${vp.tag}: the page is ${overflow}px wider than the window`);
        await page.screenshot({ path: join(shots, `${p.name}-${vp.tag}.png`) });
        await page.screenshot({ path: join(shots, `${p.name}-${vp.tag}-full.png`), fullPage: true });
        if (readmeImages && vp.tag === '1366' && ['supervision-ledger', 'supervision-item', 'supervision-bulletin', 'supervision-scores'].includes(p.name))
          await page.screenshot({ path: join(readmeImages, `${p.name}.png`) });
        await page.addScriptTag({ path: axePath });
        const violations = await page.evaluate(async () => {
          const r = await (window as unknown as { axe: { run: (ctx: Document, opts: unknown) => Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }> } }).axe.run(document, { resultTypes: ['violations'] });
          return r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id} (${v.impact}) at ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
        });
        for (const v of violations) findings.push(`${p.name} @${vp.tag}: ${v}`);
      }
    }
    expect(findings).toEqual([]);
  }, 300_000);
});
