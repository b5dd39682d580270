// 归档 in the browser, end to end: the built pages (web/dist) served by the real server over a real
// SQLite store, driven in the system's Chromium by playwright-core. The administrator sets the
// 全宗号 on 归档设置; a clerk opens 归档 from the menu, sees the 阅件 and the returned letter ready
// (not the unfinished 办件), files the 阅件 in the dialog with its default 保管期限, finds it under
// 已归档 with its 档号 and downloads the 归档文件目录, opened back here with exceljs; 收文详情 shows
// the 档号. Screenshots of each page at 1366×768 and 375 px, axe-core on each.
import { existsSync, mkdirSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_AUTH_SETTINGS } from '../src/auth/settings.ts';
import { createUser } from '../src/auth/users.ts';
import { manualClock } from '../src/calendar/clock.ts';
import { registerIncoming } from '../src/store/incoming/register.ts';
import { reviewIncoming } from '../src/store/incoming/review.ts';
import { buildServer } from '../src/server/app.ts';
import { letterText } from './archive-documents.ts';
import { freshStore } from './store-targets.ts';

const root = join(import.meta.dirname, '..');
const dist = join(root, 'web', 'dist');
const shots = join(root, 'test-artifacts', 'screenshots');
const CHROMIUM = '/usr/bin/chromium';
const haveChromium = existsSync(CHROMIUM);
if (!haveChromium) console.warn(`${CHROMIUM} is missing: the 归档 web tests are SKIPPED (apt-get install -y chromium fonts-noto-cjk).`);

const PASSWORD = 'Web-Passw0rd!';
const VIEWPORTS = [
  { tag: '1366', width: 1366, height: 768 },
  { tag: '375', width: 375, height: 812 },
] as const;

/** Loaded: no request for a while, and no skeleton or spinner left. */
async function settle(page: Page): Promise<void> {
  await page.waitForTimeout(200);
  await page.waitForLoadState('networkidle');
  await page
    .waitForFunction(() => document.querySelector('#root > *') && !document.querySelector('.ant-skeleton, .ant-spin-spinning, .page-loading'), null, { timeout: 10_000 })
    .catch(() => {});
  await page.waitForTimeout(300);
}

/** A button's name ends with its label, which Ant Design spaces out when it has two characters (归 档). */
const label = (text: string) => new RegExp(`(^|\\s)${[...text].join('\\s*')}\\s*$`);

interface View {
  id: number;
  serial: string;
  title: string;
  docNumber: string | null;
  fromUnit: string | null;
  signedOn: string | null;
  state: string;
  archive: { code: string; retention: string; pages: number | null; note: string | null } | null;
}

describe.skipIf(!haveChromium)('归档 in Chromium', () => {
  const fresh = freshStore('sqlite');
  const clock = manualClock('2026-12-03T09:30:00+08:00');
  let app: FastifyInstance;
  let base = '';
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  const ids = { read: 0, handled: 0, returned: 0 };

  beforeAll(async () => {
    if (!existsSync(join(dist, 'index.html'))) {
      const built = spawnSync('npm', ['run', 'build:web'], { cwd: root, encoding: 'utf8', timeout: 300_000 });
      if (built.status !== 0) throw new Error(`npm run build:web failed: ${built.stderr}`);
    }
    const make = (username: string, roles: ('clerk' | 'admin')[]) =>
      createUser(fresh.store.db, { username, displayName: `${username}用户`, roles, unit: null, password: PASSWORD, mustChangePassword: false }, () => true, { actor: { name: 'test' }, now: clock.now() });
    await make('clerk', ['clerk']);
    await make('admin', ['admin']);
    // Three letters registered and sorted as a clerk does it on 收文登记 (tested there).
    const options = { actor: { name: 'clerk' }, clock, series: '收' };
    const reg = async (n: number) => (await registerIncoming(fresh.store, { bytes: Buffer.from(letterText(n, 2026, 11), 'utf8'), name: `函${n}.txt` }, options)).incoming.id;
    ids.read = await reg(80);
    ids.handled = await reg(81);
    ids.returned = await reg(82);
    await reviewIncoming(fresh.store, ids.read, { kind: '阅件' }, options);
    await reviewIncoming(fresh.store, ids.handled, { kind: '办件' }, options);
    await reviewIncoming(fresh.store, ids.returned, { returned: true, reason: '请径送县档案馆' }, options);
    app = await buildServer({ store: fresh.store, clock, settings: { webRoot: dist, auth: { ...DEFAULT_AUTH_SETTINGS, loginsPerMinute: 1000 } } });
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

  async function signedIn(username: string, viewport: { width: number; height: number } = VIEWPORTS[0]): Promise<Page> {
    const context = await browser.newContext({ viewport, locale: 'zh-CN', timezoneId: 'Asia/Shanghai', bypassCSP: true, acceptDownloads: true });
    contexts.push(context);
    const page = await context.newPage();
    await page.goto(`${base}/login`);
    await page.getByLabel('用户名').fill(username);
    await page.getByLabel('密码').fill(PASSWORD);
    await page.getByRole('button', { name: /登\s*录/ }).click();
    await page.waitForURL(`${base}/`);
    return page;
  }

  const view = (page: Page, id: number) =>
    page.evaluate(async (p) => (await (await fetch(p)).json()) as unknown, `/api/incoming/${id}`) as Promise<View>;

  it('the administrator sets the 全宗号 on 归档设置', async () => {
    const page = await signedIn('admin');
    await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '归档设置' }).click();
    await page.waitForURL(/\/incoming\/archive-settings$/);
    await settle(page);
    await page.getByLabel('全宗号').fill('k021');
    await page.getByLabel('全宗名称').fill('北原县人民政府办公室');
    await page.getByRole('button', { name: label('保存') }).click();
    await expect.poll(async () => page.locator('.ant-message').innerText().catch(() => ''), { timeout: 10_000 }).toContain('归档设置已保存');
    await expect.poll(async () => page.locator('main').innerText(), { timeout: 10_000 }).toContain('现行设置由 admin');
  });

  it('a clerk files a 阅件 from the 归档 page and downloads the 归档文件目录', async () => {
    const page = await signedIn('clerk');
    const menu = page.getByRole('navigation', { name: '主导航' });
    expect(await menu.innerText()).not.toContain('归档设置');
    await menu.getByRole('link', { name: '归档', exact: true }).click();
    await page.waitForURL(/\/incoming\/archive$/);
    await settle(page);
    expect(await page.locator('main').innerText()).toContain('北原县人民政府办公室（K021）');

    const read = await view(page, ids.read);
    const handled = await view(page, ids.handled);
    const returned = await view(page, ids.returned);
    const ready = page.getByRole('tabpanel');
    const readyText = await ready.innerText();
    expect(readyText).toContain(read.serial);
    expect(readyText).toContain(returned.serial);
    expect(readyText).not.toContain(handled.serial);

    await page.getByRole('button', { name: `归档 ${read.serial}` }).click();
    const dialog = page.getByRole('dialog', { name: '归档' });
    await dialog.waitFor();
    expect(await dialog.innerText()).toContain('按归档设置，此件默认 10年');
    expect((await dialog.locator('.ant-select').first().innerText()).trim()).toBe('10年');
    await dialog.getByLabel('页数').fill('2');
    await dialog.getByLabel('备注（可不填）').fill('含回执');
    await page.screenshot({ path: join(shots, 'incoming-archive-dialog-1366.png') });
    await dialog.getByRole('button', { name: label('归档') }).click();
    await expect.poll(async () => page.locator('.ant-message').innerText().catch(() => ''), { timeout: 10_000 }).toContain('已归档，档号 K021-WS·2026-D10-0001');
    await expect.poll(async () => (await view(page, ids.read)).state).toBe('archived');
    const filed = await view(page, ids.read);
    expect(filed.archive).toMatchObject({ code: 'K021-WS·2026-D10-0001', retention: '10年', pages: 2, note: '含回执' });
    await expect.poll(async () => ready.innerText()).not.toContain(read.serial);

    await page.getByRole('tab', { name: '已归档' }).click();
    const list = page.getByRole('tabpanel', { name: '已归档' });
    await expect.poll(async () => list.innerText(), { timeout: 10_000 }).toContain('K021-WS·2026-D10-0001');
    await settle(page);
    await page.screenshot({ path: join(shots, 'incoming-archive-filed-1366.png'), fullPage: true });
    const exportLink = list.getByRole('link', { name: /导出归档文件目录/ });
    expect(await exportLink.getAttribute('href')).toBe('/api/incoming/archive.xlsx?year=2026');
    const [download] = await Promise.all([page.waitForEvent('download'), exportLink.click()]);
    expect(download.suggestedFilename()).toBe('归档文件目录-2026.xlsx');
    const saved = join(shots, '..', 'archive-catalogue-2026.xlsx');
    await download.saveAs(saved);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(saved);
    expect(book.worksheets.map((s) => s.name)).toEqual(['2026-10年']);
    const sheet = book.worksheets[0]!;
    expect(sheet.getCell(1, 1).value).toBe('北原县人民政府办公室归档文件目录');
    const row = sheet.getRow(4);
    expect([1, 2, 3, 4, 5, 6, 8, 9, 10].map((c) => row.getCell(c).value)).toEqual([1, 'K021-WS·2026-D10-0001', read.docNumber, read.fromUnit, read.title, read.signedOn!.replaceAll('-', ''), 2, '10年', '含回执']);

    // 收文详情 shows the 档号.
    await page.goto(`${base}/incoming/${ids.read}`);
    await settle(page);
    const panel = page.locator('.inc-archive-panel');
    expect(await panel.innerText()).toContain('K021-WS·2026-D10-0001');
    expect(await page.locator('main').innerText()).toContain('已归档');
  });

  it('renders the 归档 pages at 1366×768 and 375 px without serious accessibility violations', async () => {
    const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
    const pages: { name: string; path: string; as: string; dialog?: boolean; tab?: string }[] = [
      { name: 'incoming-archive', path: '/incoming/archive', as: 'clerk' },
      { name: 'incoming-archive-filed', path: '/incoming/archive', as: 'clerk', tab: '已归档' },
      { name: 'incoming-archive-open-dialog', path: '/incoming/archive', as: 'clerk', dialog: true },
      { name: 'incoming-detail-archived', path: `/incoming/${ids.read}`, as: 'clerk' },
      { name: 'incoming-detail-ready', path: `/incoming/${ids.returned}`, as: 'clerk' },
      { name: 'incoming-archive-settings', path: '/incoming/archive-settings', as: 'admin' },
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
        if (p.tab) {
          await page.getByRole('tab', { name: p.tab }).click();
          await settle(page);
        }
        if (p.dialog) {
          await page.getByRole('button', { name: /^归档 （收）/ }).first().click();
          await page.getByRole('dialog', { name: '归档' }).waitFor();
          await page.waitForTimeout(400);
        }
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        if (overflow > 1) findings.push(`${p.name} @${vp.tag}: the page is ${overflow}px wider than the window`);
        await page.screenshot({ path: join(shots, `${p.name}-${vp.tag}.png`) });
        await page.screenshot({ path: join(shots, `${p.name}-${vp.tag}-full.png`), fullPage: true });
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
