// The web application end to end: the built pages (web/dist) served by the real server over a
// real SQLite store holding the seeds, driven in the system's Chromium by playwright-core. What a
// clerk, an administrator and a unit user do; screenshots of every page at 1366×768 and 375 px
// (test-artifacts/screenshots, not committed); axe-core on every page.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_AUTH_SETTINGS } from '../src/auth/settings.ts';
import { createUser } from '../src/auth/users.ts';
import { manualClock } from '../src/calendar/clock.ts';
import { buildServer } from '../src/server/app.ts';
import { importPaths } from '../src/store/import.ts';
import { freshStore } from './store-targets.ts';

const root = join(import.meta.dirname, '..');
const dist = join(root, 'web', 'dist');
const seeds = join(root, '..', 'shared', 'seeds');
const shots = join(root, 'test-artifacts', 'screenshots');
const CHROMIUM = '/usr/bin/chromium';
const haveChromium = existsSync(CHROMIUM);
const haveSeeds = existsSync(seeds);
if (!haveChromium) console.warn(`${CHROMIUM} is missing: the web application tests are SKIPPED (apt-get install -y chromium fonts-noto-cjk).`);
if (!haveSeeds) console.warn('../shared/seeds is missing: the web application tests are SKIPPED.');

const PASSWORD = 'Web-Passw0rd!';
const UNIT = '通辽市住房和城乡建设局';
const NOTICE = [
  '某某市人民政府办公室关于开展城市供热设施安全隐患排查的通知',
  '某政办发〔2026〕77号',
  '各旗县区人民政府，市直各有关部门：',
  '一、全面排查供热管网隐患。2026年12月20日前完成。（牵头单位：市住建局；责任单位：各旗县区人民政府）',
  '',
  '某某市人民政府办公室',
  '2026年11月30日',
  '（此件公开发布）',
].join('\n');

const VIEWPORTS = [
  { tag: '1366', width: 1366, height: 768 },
  { tag: '375', width: 375, height: 812 },
] as const;

/** Loaded: no request for a while, and no skeleton or spinner left. */
async function settle(page: Page): Promise<void> {
  // A lazy page shows its loading state a moment after the address changed: let it appear first.
  await page.waitForTimeout(200);
  await page.waitForLoadState('networkidle');
  await page
    .waitForFunction(() => document.querySelector('#root > *') && !document.querySelector('.ant-skeleton, .ant-spin-spinning, .page-loading'), null, { timeout: 10_000 })
    .catch(() => {});
  await page.waitForTimeout(300);
}

describe.skipIf(!haveChromium || !haveSeeds)('the web application in Chromium', () => {
  const fresh = freshStore('sqlite');
  const clock = manualClock('2026-12-03T09:30:00+08:00');
  let app: FastifyInstance;
  let base = '';
  let browser: Browser;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    if (!existsSync(join(dist, 'index.html'))) {
      const built = spawnSync('npm', ['run', 'build:web'], { cwd: root, encoding: 'utf8', timeout: 300_000 });
      if (built.status !== 0) throw new Error(`npm run build:web failed: ${built.stderr}`);
    }
    await importPaths(fresh.store, [seeds], clock);
    const make = (username: string, roles: ('admin' | 'clerk' | 'unit')[], unit: string | null = null, mustChangePassword = false) =>
      createUser(fresh.store.db, { username, displayName: `${username}用户`, roles, unit, password: PASSWORD, mustChangePassword }, () => true, { actor: { name: 'test' }, now: clock.now() });
    await make('admin', ['admin']);
    await make('clerk', ['clerk']);
    await make('unitstaff', ['unit'], UNIT);
    await make('lockme', ['clerk']);
    await make('newcomer', ['clerk'], null, true);
    app = await buildServer({
      store: fresh.store,
      clock,
      settings: { webRoot: dist, publicLibrary: true, auth: { ...DEFAULT_AUTH_SETTINGS, loginsPerMinute: 1000 } },
    });
    await app.listen({ port: 0, host: '127.0.0.1' });
    base = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
    mkdirSync(shots, { recursive: true });
  }, 300_000);

  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => {});
    await browser?.close();
    await app?.close();
  });

  async function newPage(viewport: { width: number; height: number } = VIEWPORTS[0], options: { bypassCSP?: boolean } = {}): Promise<Page> {
    const context = await browser.newContext({ viewport, locale: 'zh-CN', timezoneId: 'Asia/Shanghai', bypassCSP: options.bypassCSP ?? false });
    contexts.push(context);
    return context.newPage();
  }

  async function signIn(page: Page, username: string, password = PASSWORD): Promise<void> {
    await page.goto(`${base}/login`);
    await page.getByLabel('用户名').fill(username);
    await page.getByLabel('密码').fill(password);
    await page.getByRole('button', { name: /登\s*录/ }).click();
  }

  it('signs in and shows the home page with the seeds', async () => {
    const page = await newPage();
    await page.goto(`${base}/`);
    await page.waitForURL(/\/login/);
    await signIn(page, 'admin');
    await page.waitForURL(`${base}/`);
    await expect.poll(async () => page.locator('main').innerText(), { timeout: 15_000 }).toMatch(/30\s*份/);
    expect(await page.title()).toContain('首页');
  });

  it('can be used by keyboard alone: sign in, skip to the content, search, open a hit', async () => {
    const page = await newPage();
    await page.goto(`${base}/login`);
    await settle(page);
    // The user name field has the focus; Tab goes to the password, Enter signs in.
    await page.keyboard.type('clerk');
    await page.keyboard.press('Tab');
    await page.keyboard.type(PASSWORD);
    await page.keyboard.press('Enter');
    await page.waitForURL(`${base}/`);
    await expect.poll(async () => page.locator('main').innerText(), { timeout: 15_000 }).toMatch(/30\s*份/);
    // The first Tab reaches the skip link, which takes the focus to the main content.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toContain('跳到主要内容');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.closest('main') !== null || document.activeElement?.id === 'main-content')).toBe(true);
    // Tab on to the home page's search box, type, Enter: the search page with its hits.
    for (let i = 0; i < 10 && !(await page.evaluate(() => document.activeElement?.tagName === 'INPUT')); i++) await page.keyboard.press('Tab');
    await page.keyboard.type('知识产权质押融资');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/search\?q=/);
    await settle(page);
    // Focus moves through the hits' links; Enter opens the one focused.
    for (let i = 0; i < 40 && !(await page.evaluate(() => document.activeElement?.closest('.hit-title') !== null)); i++) await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/documents\/\d+/);
  });

  it('searches 知识产权质押融资, opens 通辽办发〔2023〕35号 from the first hit and shows its outline and tasks', async () => {
    const page = await newPage();
    await signIn(page, 'clerk');
    await page.waitForURL(`${base}/`);
    await page.getByRole('link', { name: '检索' }).first().click();
    const box = page.getByRole('searchbox', { name: '检索词' }).or(page.getByLabel('检索词')).first();
    await box.fill('知识产权质押融资');
    await box.press('Enter');
    await page.waitForURL(/\/search\?q=/);
    const first = page.locator('.hit').first();
    await expect.poll(async () => first.innerText(), { timeout: 15_000 }).toContain('通辽办发〔2023〕35号');
    await first.locator('.hit-title a').click();
    await page.waitForURL(/\/documents\/\d+/);
    await settle(page);
    expect(await page.locator('.doc-number').first().innerText()).toBe('通辽办发〔2023〕35号');
    expect(await page.getByRole('tree', { name: '公文提纲' }).count()).toBeGreaterThan(0);
    // Every task of the document is marked in the body, with its units as tags.
    const tasks = page.locator('.task-meta');
    const taskCount = await tasks.count();
    expect(taskCount).toBeGreaterThan(3);
    expect(await page.locator('.doc-para-task').count()).toBeGreaterThan(3);
    expect(await tasks.first().innerText()).toMatch(/牵头|责任|配合/);
    // The print view shows the head once: masthead, 文号 and title, then the body's own text.
    await page.getByRole('button', { name: /打印版式/ }).click();
    await page.waitForURL(/\/print$/);
    await settle(page);
    const sheet = await page.locator('.print-sheet').innerText();
    expect(sheet.split('通辽办发〔2023〕35号').length - 1).toBe(1);
    expect(sheet.split('关于印发金融支持知识产权质押融资若干措施的通知').length - 1).toBe(1);
    expect(await page.locator('.gw-ledger tbody tr').count()).toBe(taskCount);
  });

  it('finds 通政办发[2023]63号 written with square brackets', async () => {
    const page = await newPage();
    await signIn(page, 'clerk');
    await page.waitForURL(`${base}/`);
    await page.goto(`${base}/search?q=${encodeURIComponent('通政办发[2023]63号')}`);
    const first = page.locator('.hit').first();
    await expect.poll(async () => first.innerText(), { timeout: 15_000 }).toContain('通政办发〔2023〕63号');
  });

  it('takes a dropped file, shows its outcome, and finds it in the library', async () => {
    const page = await newPage();
    await signIn(page, 'clerk');
    await page.waitForURL(`${base}/`);
    await page.goto(`${base}/import`);
    await settle(page);
    // A real drop: a DataTransfer holding the file, dropped on the drop zone.
    const transfer = await page.evaluateHandle((text) => {
      const dt = new DataTransfer();
      dt.items.add(new File([text], '供热隐患排查通知.txt', { type: 'text/plain' }));
      return dt;
    }, NOTICE);
    const zone = page.locator('.ant-upload-drag [role=button]');
    await zone.dispatchEvent('dragenter', { dataTransfer: transfer });
    await zone.dispatchEvent('dragover', { dataTransfer: transfer });
    await zone.dispatchEvent('drop', { dataTransfer: transfer });
    await page.getByRole('button', { name: /开始导入/ }).click();
    await expect.poll(async () => page.locator('.outcome-list').innerText().catch(() => ''), { timeout: 30_000 }).toContain('已导入');
    await page.goto(`${base}/search?q=${encodeURIComponent('供热管网隐患')}`);
    await expect.poll(async () => page.locator('.hit').first().innerText().catch(() => ''), { timeout: 15_000 }).toContain('某政办发〔2026〕77号');
  });

  it('refuses a dropped file with no document in it, and stores it when 未识别出公文的文件也保存 is ticked', async () => {
    const page = await newPage();
    await signIn(page, 'clerk');
    await page.waitForURL(`${base}/`);
    await page.goto(`${base}/import`);
    await settle(page);
    const zone = page.locator('.ant-upload-drag [role=button]');
    const drop = async () => {
      const transfer = await page.evaluateHandle(() => {
        const dt = new DataTransfer();
        dt.items.add(new File(['kq7 zx 9w 随 机 p0 v3 字 符 mm4'], '随机字符.txt', { type: 'text/plain' }));
        return dt;
      });
      for (const event of ['dragenter', 'dragover', 'drop']) await zone.dispatchEvent(event, { dataTransfer: transfer });
      await page.getByRole('button', { name: /开始导入/ }).click();
    };
    await drop();
    await expect.poll(async () => page.locator('.outcome-list').innerText().catch(() => ''), { timeout: 30_000 }).toContain('未识别出公文');
    expect(await page.locator('.outcome-list').innerText()).toContain('拒绝');
    await page.getByLabel('未识别出公文的文件也保存').check();
    await drop();
    await expect.poll(async () => page.locator('.outcome-list').innerText().catch(() => ''), { timeout: 30_000 }).toContain('已导入');
    // The link reads 公文 1 until the documents' titles have loaded, then 无标题的公文 1.
    await expect.poll(async () => page.locator('.outcome-list').innerText(), { timeout: 15_000 }).toContain('无标题的公文 1');
  });

  it('shows a unit user no 管理 or 审计, and the server answers their administration calls with 403', async () => {
    const page = await newPage();
    await signIn(page, 'unitstaff');
    await page.waitForURL(`${base}/`);
    await settle(page);
    const menu = await page.getByRole('navigation', { name: '主导航' }).innerText();
    expect(menu).toContain('检索');
    for (const hidden of ['用户管理', '会话管理', '审计日志', '导入']) expect(menu).not.toContain(hidden);
    const statuses = await page.evaluate(async () => Promise.all(['/api/admin/users', '/api/admin/sessions', '/api/admin/audit'].map(async (u) => (await fetch(u)).status)));
    expect(statuses).toEqual([403, 403, 403]);
    await page.goto(`${base}/admin/users`);
    await settle(page);
    expect(await page.locator('main').innerText()).toContain('无权访问');
    await page.screenshot({ path: join(shots, 'forbidden-unit-1366.png') });
  });

  it('locks an account after five wrong passwords and says so', async () => {
    const page = await newPage();
    for (let i = 0; i < 5; i++) {
      await signIn(page, 'lockme', `Wrong-${i}-Passw0rd`);
      await expect.poll(async () => page.locator('.ant-alert-error').innerText().catch(() => ''), { timeout: 10_000 }).toMatch(i < 4 ? /用户名或密码错误/ : /已锁定/);
    }
    await signIn(page, 'lockme');
    await expect.poll(async () => page.locator('.ant-alert-error').innerText().catch(() => ''), { timeout: 10_000 }).toMatch(/账户已锁定，请于 \d\d:\d\d 后再试/);
    expect(page.url()).toContain('/login');
    await page.screenshot({ path: join(shots, 'login-locked-1366.png') });
  });

  it('makes a newcomer change the given password before anything else', async () => {
    const page = await newPage();
    await signIn(page, 'newcomer');
    await expect.poll(async () => page.locator('body').innerText(), { timeout: 15_000 }).toContain('修改');
    await page.screenshot({ path: join(shots, 'forced-password-1366.png') });
    expect(await page.evaluate(async () => (await fetch('/api/documents')).status)).toBe(403);
  });

  it('shows only public documents in the public library, without sign-in', async () => {
    const page = await newPage();
    const internal = (await fresh.store.db.selectFrom('documents').select(['id', 'title']).where('access', '=', 'internal').executeTakeFirstOrThrow());
    const open = (await fresh.store.db.selectFrom('documents').select(['id', 'title']).where('access', '=', 'public').orderBy('id').executeTakeFirstOrThrow());
    await page.goto(`${base}/public`);
    await settle(page);
    const text = await page.locator('body').innerText();
    expect(text).toContain('政策文件库');
    expect(text).not.toContain(internal.title);
    // Every document listed there is marked with its validity.
    const marks = await page.locator('.ant-tag').allInnerTexts();
    expect(marks.some((m) => /现行有效|已废止|已失效|试行|尚未施行/.test(m))).toBe(true);
    await page.goto(`${base}/public/documents/${open.id}`);
    await expect.poll(async () => page.locator('body').innerText(), { timeout: 10_000 }).toContain(open.title.slice(0, 12));
    await page.goto(`${base}/public/documents/${internal.id}`);
    await settle(page);
    expect(await page.locator('body').innerText()).not.toContain(internal.title);
    expect(await page.evaluate(async (id) => (await fetch(`/api/public/documents/${id}`)).status, internal.id)).toBe(404);
  });

  /** Every page, as the role that uses it: each viewport's screenshot, and axe-core's serious and critical findings. */
  it('renders every page at 1366×768 and 375 px without serious accessibility violations', async () => {
    const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
    const docId = (await fresh.store.db.selectFrom('documents').select('id').where('doc_number', '=', '通辽办发〔2023〕35号').executeTakeFirstOrThrow()).id;
    const publicId = (await fresh.store.db.selectFrom('documents').select('id').where('access', '=', 'public').orderBy('id').executeTakeFirstOrThrow()).id;
    const pages: { name: string; path: string; as: string | null }[] = [
      { name: 'login', path: '/login', as: null },
      { name: 'home', path: '/', as: 'admin' },
      { name: 'home-unit', path: '/', as: 'unitstaff' },
      { name: 'search', path: `/search?q=${encodeURIComponent('营商环境')}`, as: 'clerk' },
      { name: 'search-facets', path: `/search?q=${encodeURIComponent('营商环境')}&kind=task&validity=valid`, as: 'clerk' },
      { name: 'document', path: `/documents/${docId}`, as: 'clerk' },
      { name: 'print', path: `/documents/${docId}/print`, as: 'clerk' },
      { name: 'appointments', path: `/appointments?post=${encodeURIComponent('副局长')}`, as: 'clerk' },
      { name: 'chronicle', path: '/chronicle', as: 'clerk' },
      { name: 'units', path: '/units', as: 'unitstaff' },
      { name: 'import', path: '/import', as: 'clerk' },
      { name: 'users', path: '/admin/users', as: 'admin' },
      { name: 'sessions', path: '/admin/sessions', as: 'admin' },
      { name: 'audit', path: '/audit', as: 'admin' },
      { name: 'not-found', path: '/no-such-page', as: 'clerk' },
      { name: 'public', path: '/public', as: null },
      { name: 'public-document', path: `/public/documents/${publicId}`, as: null },
    ];
    const findings: string[] = [];
    for (const vp of VIEWPORTS) {
      const signedIn = new Map<string | null, Page>();
      for (const p of pages) {
        let page = signedIn.get(p.as);
        if (!page) {
          // axe-core is injected as a script: the page's CSP (no inline scripts) is bypassed for it.
          page = await newPage(vp, { bypassCSP: true });
          if (p.as) {
            await signIn(page, p.as);
            await page.waitForURL(`${base}/`);
          }
          signedIn.set(p.as, page);
        }
        await page.goto(`${base}${p.path}`);
        await settle(page);
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        if (overflow > 1 && p.name !== 'print') findings.push(`${p.name} @${vp.tag}: the page is ${overflow}px wider than the window`);
        await page.screenshot({ path: join(shots, `${p.name}-${vp.tag}.png`) });
        await page.screenshot({ path: join(shots, `${p.name}-${vp.tag}-full.png`), fullPage: true });
        await page.addScriptTag({ path: axePath });
        const violations = await page.evaluate(async () => {
          const r = await (window as unknown as { axe: { run: (ctx: Document, opts: unknown) => Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }> } }).axe.run(document, { resultTypes: ['violations'] });
          return r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id} (${v.impact}) at ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
        });
        for (const v of violations) findings.push(`${p.name} @${vp.tag}: ${v}`);
        expect(await page.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
      }
    }
    expect(findings).toEqual([]);
  }, 300_000);
});
