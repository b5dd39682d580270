// What every browser test needs, once: the built pages (web/dist, built if missing) served by the
// real server over a fresh SQLite store with the test's users, Debian's Chromium driven by
// playwright-core, a signed-in page per user and viewport, and the helpers the tests share —
// waiting for a page to settle, a button's label, axe-core's serious violations, a fetch with the
// page's session. A test file calls webHarness() inside its describe block.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import type { Role } from '../src/auth/policy.ts';
import { DEFAULT_AUTH_SETTINGS } from '../src/auth/settings.ts';
import { createUser } from '../src/auth/users.ts';
import { manualClock } from '../src/calendar/clock.ts';
import { buildServer } from '../src/server/app.ts';
import type { ServerSettings } from '../src/server/settings.ts';
import type { Store } from '../src/store/open.ts';
import { freshStore } from './store-targets.ts';

export const ROOT = join(import.meta.dirname, '..');
export const DIST = join(ROOT, 'web', 'dist');
export const SHOTS = join(ROOT, 'test-artifacts', 'screenshots');
const CHROMIUM = '/usr/bin/chromium';
export const HAVE_CHROMIUM = existsSync(CHROMIUM);
export const PASSWORD = 'Web-Passw0rd!';
export const VIEWPORTS = [
  { tag: '1366', width: 1366, height: 768 },
  { tag: '375', width: 375, height: 812 },
] as const;

/** Says, once per file, that its browser tests are skipped on a machine without Chromium. */
export function warnWithoutChromium(what: string): void {
  if (!HAVE_CHROMIUM) console.warn(`${CHROMIUM} is missing: the ${what} web tests are SKIPPED (apt-get install -y chromium fonts-noto-cjk).`);
}

/** Loaded: no request for a while, and no skeleton or spinner left. */
export async function settle(page: Page): Promise<void> {
  await page.waitForTimeout(200);
  await page.waitForLoadState('networkidle');
  await page
    .waitForFunction(() => document.querySelector('#root > *') && !document.querySelector('.ant-skeleton, .ant-spin-spinning, .page-loading'), null, { timeout: 10_000 })
    .catch(() => {});
  await page.waitForTimeout(300);
}

/** A button's name ends with its label, which Ant Design spaces out when it has two characters (办 件); an icon's name may come first. */
export const label = (text: string) => new RegExp(`(^|\\s)${[...text].join('\\s*')}\\s*$`);

/** axe-core on the page as it is: its serious and critical violations, in words. */
export async function axeViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: createRequire(import.meta.url).resolve('axe-core/axe.min.js') });
  return page.evaluate(async () => {
    const r = await (window as unknown as { axe: { run: (ctx: Document, opts: unknown) => Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }> } }).axe.run(document, { resultTypes: ['violations'] });
    return r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id} (${v.impact}) at ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
  });
}

/** A GET with the page's own session, as the page's code would make it. */
export const api = <T,>(page: Page, path: string) =>
  page.evaluate(async (p) => {
    const r = await fetch(p);
    return { status: r.status, body: (await r.json().catch(() => null)) as unknown };
  }, path) as Promise<{ status: number; body: T }>;

export interface WebUser {
  username: string;
  roles: Role[];
  unit?: string | null;
}

export interface WebHarness {
  readonly store: Store;
  readonly clock: ReturnType<typeof manualClock>;
  readonly app: FastifyInstance;
  /** http://127.0.0.1:PORT */
  readonly base: string;
  /** A new browser context signed in as `username` (password PASSWORD), on the home page. */
  signedIn(username: string, viewport?: { width: number; height: number }): Promise<Page>;
}

export function webHarness(options: { now?: string; users: readonly WebUser[]; setup?: (store: Store, clock: ReturnType<typeof manualClock>) => Promise<void>; settings?: Partial<ServerSettings> }): WebHarness {
  const fresh = freshStore('sqlite');
  const clock = manualClock(options.now ?? '2026-12-03T09:30:00+08:00');
  let app: FastifyInstance | undefined;
  let base = '';
  let browser: Browser | undefined;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    if (!existsSync(join(DIST, 'index.html'))) {
      const built = spawnSync('npm', ['run', 'build:web'], { cwd: ROOT, encoding: 'utf8', timeout: 300_000 });
      if (built.status !== 0) throw new Error(`npm run build:web failed: ${built.stderr}`);
    }
    for (const u of options.users) {
      await createUser(fresh.store.db, { username: u.username, displayName: `${u.username}用户`, roles: u.roles, unit: u.unit ?? null, password: PASSWORD, mustChangePassword: false }, () => true, { actor: { name: 'test' }, now: clock.now() });
    }
    await options.setup?.(fresh.store, clock);
    // Sign-ins are many and quick here: the per-minute limit of real use would refuse them.
    app = await buildServer({ store: fresh.store, clock, settings: { webRoot: DIST, ...options.settings, auth: { ...DEFAULT_AUTH_SETTINGS, loginsPerMinute: 100_000, ...options.settings?.auth } } });
    await app.listen({ port: 0, host: '127.0.0.1' });
    base = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
    mkdirSync(SHOTS, { recursive: true });
  }, 300_000);

  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => {});
    await browser?.close();
    await app?.close();
  });

  return {
    get store() {
      return fresh.store;
    },
    clock,
    get app() {
      return app!;
    },
    get base() {
      return base;
    },
    async signedIn(username, viewport = VIEWPORTS[0]) {
      // axe-core is injected as a script: the page's CSP (no inline scripts) is bypassed for it.
      const context = await browser!.newContext({ viewport, locale: 'zh-CN', timezoneId: 'Asia/Shanghai', bypassCSP: true, acceptDownloads: true });
      contexts.push(context);
      const page = await context.newPage();
      await page.goto(`${base}/login`);
      await page.getByLabel('用户名').fill(username);
      await page.getByLabel('密码').fill(PASSWORD);
      await page.getByRole('button', { name: /登\s*录/ }).click();
      await page.waitForURL(`${base}/`);
      return page;
    },
  };
}
