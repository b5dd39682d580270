// 收文批办 in the browser, end to end: the built pages (web/dist) served by the real server over a
// real SQLite store, driven in the system's Chromium by playwright-core. A clerk drops seed 002
// and a classified notice on 收文登记 and sees the prefilled slip beside the text and the refusal;
// uploads a notice of their own in the 政 series with seed 002 again (reported as registered
// before, linked to the first registration); opens the registration from the 收文簿; does 初审
// 办件 by keyboard; returns the other with a reason. A leader reads but sees no 初审 buttons.
// Screenshots of every 收文 page at 1366×768 and 375 px, axe-core on each; the slip printed to PDF
// and read back.
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_AUTH_SETTINGS } from '../src/auth/settings.ts';
import { createUser } from '../src/auth/users.ts';
import { manualClock } from '../src/calendar/clock.ts';
import { addWorkingDays } from '../src/calendar/index.ts';
import { readBytes } from '../src/input/read.ts';
import { buildServer } from '../src/server/app.ts';
import { openDocx } from './docx-open.ts';
import { addPeople, instructedIncoming, MEASURES_NOTICE } from './incoming-assign-fixture.ts';
import { freshStore } from './store-targets.ts';

const root = join(import.meta.dirname, '..');
const dist = join(root, 'web', 'dist');
const shots = join(root, 'test-artifacts', 'screenshots');
const seed = join(root, '..', 'shared', 'seeds', '002_8f04a4cc19cf5a4c.txt');
const CHROMIUM = '/usr/bin/chromium';
const haveChromium = existsSync(CHROMIUM);
if (!haveChromium) console.warn(`${CHROMIUM} is missing: the 收文 web tests are SKIPPED (apt-get install -y chromium fonts-noto-cjk).`);

const PASSWORD = 'Web-Passw0rd!';

/** A notice of a county bureau, numbered n; head goes above it (a 密级 or 紧急程度 mark). */
const notice = (n: number, head = '') =>
  [
    `${head}北原县交通运输局关于做好第${n}批农村公路养护工作的通知`,
    '',
    `北交发〔2026〕${30 + n}号`,
    '',
    '各乡镇人民政府：',
    '为做好农村公路养护，现将有关事项通知如下。',
    '一、各乡镇于12月20日前完成辖区路段巡查。（责任单位：各乡镇人民政府）',
    '',
    '北原县交通运输局',
    `2026年11月${10 + n}日`,
  ].join('\n');

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

/** A button's name ends with its label, which Ant Design spaces out when it has two characters (办 件); an icon's name may come first. */
const label = (text: string) => new RegExp(`(^|\\s)${[...text].join('\\s*')}\\s*$`);

/** axe-core on the page as it is: its serious and critical violations, in words. */
async function axeViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: createRequire(import.meta.url).resolve('axe-core/axe.min.js') });
  return page.evaluate(async () => {
    const r = await (window as unknown as { axe: { run: (ctx: Document, opts: unknown) => Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }> } }).axe.run(document, { resultTypes: ['violations'] });
    return r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id} (${v.impact}) at ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
  });
}

interface IncomingJson {
  id: number;
  serial: string;
  state: string;
  kind: string | null;
  stateNote: string | null;
  channel: string | null;
}

/** Files dropped on the drop zone as a person drops them: a DataTransfer through dragenter, dragover, drop. */
async function drop(page: Page, files: { name: string; text: string }[]): Promise<void> {
  const transfer = await page.evaluateHandle((list) => {
    const dt = new DataTransfer();
    for (const f of list) dt.items.add(new File([f.text], f.name, { type: 'text/plain' }));
    return dt;
  }, files);
  const zone = page.locator('.ant-upload-drag [role=button]');
  for (const event of ['dragenter', 'dragover', 'drop']) await zone.dispatchEvent(event, { dataTransfer: transfer });
}

describe.skipIf(!haveChromium || !existsSync(seed))('收文批办 in Chromium', () => {
  const fresh = freshStore('sqlite');
  const clock = manualClock('2026-12-03T09:30:00+08:00');
  const seedText = existsSync(seed) ? readFileSync(seed, 'utf8') : '';
  let app: FastifyInstance;
  let base = '';
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  const ids = { seed: 0, own: 0 };

  beforeAll(async () => {
    if (!existsSync(join(dist, 'index.html'))) {
      const built = spawnSync('npm', ['run', 'build:web'], { cwd: root, encoding: 'utf8', timeout: 300_000 });
      if (built.status !== 0) throw new Error(`npm run build:web failed: ${built.stderr}`);
    }
    const make = (username: string, roles: ('clerk' | 'leader')[]) =>
      createUser(fresh.store.db, { username, displayName: `${username}用户`, roles, unit: null, password: PASSWORD, mustChangePassword: false }, () => true, { actor: { name: 'test' }, now: clock.now() });
    await make('clerk', ['clerk']);
    await make('leader', ['leader']);
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
    // axe-core is injected as a script: the page's CSP (no inline scripts) is bypassed for it.
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

  const api = <T,>(page: Page, path: string) =>
    page.evaluate(async (p) => {
      const r = await fetch(p);
      return { status: r.status, body: (await r.json().catch(() => null)) as unknown };
    }, path) as Promise<{ status: number; body: T }>;
  const incoming = async (page: Page, id: number) => (await api<IncomingJson>(page, `/api/incoming/${id}`)).body;

  it('a clerk drops seed 002 and a classified notice: the slip beside the text, and the refusal with its reason', async () => {
    const page = await signedIn('clerk');
    const menu = await page.getByRole('navigation', { name: '主导航' }).innerText();
    expect(menu).toContain('收文批办');
    expect(menu).toContain('收文登记');
    expect(menu).toContain('收文簿');
    await page.getByRole('link', { name: '收文登记' }).click();
    await page.waitForURL(/\/incoming\/register$/);
    await settle(page);

    await drop(page, [
      { name: '市委实施意见.txt', text: seedText },
      { name: '机密件.txt', text: notice(1, '机密★1年\n\n') },
    ]);
    await page.getByRole('button', { name: /签收登记（2 个文件）/ }).click();
    const results = page.getByRole('region', { name: '登记结果' });
    await expect.poll(async () => results.innerText().catch(() => ''), { timeout: 30_000 }).toContain('登记 1 份');

    // The slip Duban filled, as the routed document's own slip has it.
    const slip = results.locator('.inc-slip');
    expect(await slip.count()).toBe(1);
    const slipText = await slip.innerText();
    expect(slipText).toContain('（党）198号');
    expect(slipText).toContain('中共通辽市委员会办公室');
    expect(slipText).toContain('通党发〔2023〕8号');
    expect(slipText).toContain('内网');
    expect(slipText).toContain('王雪');
    const fromUnitCell = slip.locator('th', { hasText: '来文单位' }).locator('xpath=following-sibling::td[1]');
    expect((await fromUnitCell.innerText()).trim()).toBe('中共通辽市委员会办公室');
    // The document's text is beside it, from the library.
    await expect.poll(async () => results.locator('.inc-text-body').innerText().catch(() => ''), { timeout: 15_000 }).toContain('全方位建设模范自治区');

    // The classified file: refused, with the reason in Chinese.
    const refused = results.getByRole('listitem').filter({ hasText: '机密件.txt' });
    expect(await refused.innerText()).toMatch(/机密/);
    expect(await refused.innerText()).toContain('拒收');
    await page.screenshot({ path: join(shots, 'incoming-register-result-1366.png'), fullPage: true });

    const listed = await api<{ items: IncomingJson[]; total: number }>(page, '/api/incoming');
    expect(listed.body.total).toBe(1);
    ids.seed = listed.body.items[0]!.id;
  });

  it('a second upload in the 政 series: the new notice numbered there, seed 002 reported with a link to its first registration', async () => {
    const page = await signedIn('clerk');
    await page.goto(`${base}/incoming/register`);
    await settle(page);
    await page.getByLabel('渠道').fill('政');
    await page.getByLabel('来文方式').fill('纸质');
    // The file chooser behind the drop zone, as a keyboard user reaches it.
    await page.locator('.ant-upload-drag input[type=file]').setInputFiles([
      { name: '交通局通知.txt', mimeType: 'text/plain', buffer: Buffer.from(notice(2, '特急\n\n')) },
      { name: '再次收到的实施意见.txt', mimeType: 'text/plain', buffer: Buffer.from(seedText) },
    ]);
    await page.getByRole('button', { name: /签收登记（2 个文件）/ }).click();
    const results = page.getByRole('region', { name: '登记结果' });
    await expect.poll(async () => results.innerText().catch(() => ''), { timeout: 30_000 }).toContain('登记 1 份');
    const slip = await results.locator('.inc-slip').innerText();
    expect(slip).toContain('（政）1号');
    expect(slip).toContain('纸质');
    expect(slip).toContain('北交发〔2026〕32号');
    expect(slip).toContain('特急');

    const repeat = results.getByRole('listitem').filter({ hasText: '再次收到的实施意见.txt' });
    expect(await repeat.innerText()).toContain('已登记过');
    const first = repeat.getByRole('link', { name: '（党）198号' });
    await first.click();
    await page.waitForURL(new RegExp(`/incoming/${ids.seed}$`));
    await settle(page);
    expect(await page.locator('h1').innerText()).toContain('（党）198号');
    const listed = await api<{ items: IncomingJson[] }>(page, '/api/incoming?series=政');
    ids.own = listed.body.items[0]!.id;
    expect(listed.body.items[0]!.channel).toBe('纸质');
  });

  it('the clerk opens the registration from the 收文簿 and does 初审 办件 by keyboard; 退回 wants a reason', async () => {
    const page = await signedIn('clerk');
    await page.getByRole('link', { name: '收文簿' }).click();
    await page.waitForURL(/\/incoming$/);
    await settle(page);
    const rows = page.locator('.ant-table-tbody .ant-table-row');
    expect(await rows.count()).toBe(2);

    // 系列 党: one row left, and the address keeps the filter.
    await page.getByLabel('系列').click();
    await page.locator('.ant-select-dropdown').getByText('（党）', { exact: true }).click();
    await page.waitForURL(/series=/);
    await settle(page);
    expect(await rows.count()).toBe(1);
    // 导出登记簿 exports what the filters show.
    expect(await page.getByRole('link', { name: /导出登记簿/ }).getAttribute('href')).toBe(`/api/incoming/book.xlsx?series=${encodeURIComponent('党')}`);
    const row = await rows.first().innerText();
    for (const want of ['（党）198号', '2023年7月21日', '中共通辽市委员会办公室', '通党发〔2023〕8号', '已登记']) expect(row).toContain(want);

    // A click on the row (not its link) opens the registration.
    await rows.first().locator('td').nth(4).click();
    await page.waitForURL(new RegExp(`/incoming/${ids.seed}$`));
    await settle(page);
    expect(await page.locator('.inc-slip').innerText()).toContain('通党发〔2023〕8号');
    expect(await page.locator('.inc-text-body').innerText()).toContain('全方位建设模范自治区');

    // 办件 by keyboard: focus, Enter, type the note, Tab to 确定, Enter.
    await page.getByRole('button', { name: label('办件') }).focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog');
    await expect.poll(async () => dialog.isVisible()).toBe(true);
    await page.keyboard.type('按文件要求制定实施方案');
    await dialog.getByRole('button', { name: label('确定') }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await incoming(page, ids.seed)).state, { timeout: 10_000 }).toBe('reviewed');
    const after = await incoming(page, ids.seed);
    expect(after.kind).toBe('办件');
    expect(after.stateNote).toBe('按文件要求制定实施方案');
    await settle(page);
    expect(await page.locator('main').innerText()).toContain('初审为办件');
    // Once sorted: no 退回, the sorting may be corrected.
    expect(await page.getByRole('button', { name: label('退回') }).count()).toBe(0);
    expect(await page.getByRole('button', { name: '改为阅件' }).count()).toBe(1);

    // 退回 the other: refused without a reason, done with one.
    await page.goto(`${base}/incoming/${ids.own}`);
    await settle(page);
    await page.getByRole('button', { name: label('退回') }).click();
    const back = page.getByRole('dialog');
    await back.getByRole('button', { name: label('退回') }).click();
    await expect.poll(async () => back.innerText()).toContain('退回须写明理由');
    expect((await incoming(page, ids.own)).state).toBe('registered');
    await back.getByLabel('退回理由').fill('文号与正文不符，请更正后重新报送');
    await back.getByRole('button', { name: label('退回') }).click();
    await expect.poll(async () => (await incoming(page, ids.own)).state, { timeout: 10_000 }).toBe('returned');
    await settle(page);
    expect(await page.locator('main').innerText()).toContain('退回理由：文号与正文不符');
    expect(await page.getByRole('button', { name: label('办件') }).count()).toBe(0);
  });

  it('a leader reads the 收文簿 and the slip but has no 初审 and no 收文登记', async () => {
    const page = await signedIn('leader');
    const menu = await page.getByRole('navigation', { name: '主导航' }).innerText();
    expect(menu).toContain('收文簿');
    expect(menu).not.toContain('收文登记');
    await page.goto(`${base}/incoming/${ids.own}`);
    await settle(page);
    expect(await page.locator('.inc-slip').innerText()).toContain('（政）1号');
    await page.goto(`${base}/incoming`);
    await settle(page);
    await page.getByRole('link', { name: /（党）198号/ }).click();
    await page.waitForURL(new RegExp(`/incoming/${ids.seed}$`));
    await settle(page);
    expect(await page.locator('.inc-slip').innerText()).toContain('（党）198号');
    for (const b of ['办件', '阅件', '退回']) expect(await page.getByRole('button', { name: label(b) }).count()).toBe(0);
    expect(await page.getByRole('button', { name: /改为/ }).count()).toBe(0);
    expect(await page.getByRole('button', { name: /打印批办单/ }).count()).toBe(1);
    // 下载批办单 gives the server's .docx of this slip, opened back here.
    const href = await page.getByRole('link', { name: /下载批办单/ }).getAttribute('href');
    expect(href).toBe(`/api/incoming/${ids.seed}/slip.docx`);
    const docx = await page.evaluate(async (p) => Array.from(new Uint8Array(await (await fetch(p)).arrayBuffer())), href!);
    expect((await openDocx(Buffer.from(docx))).text).toContain('（党）198号');
    await page.goto(`${base}/incoming/register`);
    await settle(page);
    expect(await page.locator('main').innerText()).toContain('无权访问');
  });

  /** Every 收文 page, as the role that uses it: screenshots at both sizes, no sideways scroll, axe-core; the slip as printed. */
  it('the clerk submits the 拟办 Duban drafted; the leader instructs in their turn and the slip carries it', async () => {
    const page = await signedIn('clerk');
    await page.goto(`${base}/incoming/${ids.seed}`);
    await settle(page);
    const panel = page.locator('section[aria-labelledby="inc-propose-title"]');
    // The draft is there to edit: the proposal's text and its lead unit, read from the document.
    await expect.poll(async () => (await panel.getByLabel('拟办意见').inputValue()).length, { timeout: 10_000 }).toBeGreaterThan(10);
    await panel.getByLabel('呈批领导').click();
    await page.locator('.ant-select-dropdown').getByText('leader用户', { exact: true }).click();
    await page.keyboard.press('Escape');
    await panel.screenshot({ path: join(shots, 'incoming-propose-form-1366.png') });
    await panel.getByRole('button', { name: label('提交拟办') }).click();
    await expect.poll(async () => (await incoming(page, ids.seed)).state, { timeout: 10_000 }).toBe('proposed');
    await settle(page);
    expect(await page.locator('main').innerText()).toContain('已拟办，待领导批示');
    await page.screenshot({ path: join(shots, 'incoming-proposed-1366.png'), fullPage: true });

    const leader = await signedIn('leader');
    await leader.goto(`${base}/incoming/${ids.seed}`);
    await settle(leader);
    const turn = leader.locator('section[aria-labelledby="inc-instruct-title"]');
    await turn.getByRole('button', { name: label('批示') }).click();
    await expect.poll(async () => turn.innerText()).toContain('请写批示');
    await turn.getByLabel('批示意见').fill('同意拟办意见，请抓紧制定实施方案。');
    await turn.getByRole('button', { name: label('批示') }).click();
    await expect.poll(async () => (await incoming(leader, ids.seed)).state, { timeout: 10_000 }).toBe('instructed');
    await settle(leader);
    expect(await turn.innerText()).toContain('同意拟办意见，请抓紧制定实施方案。');
    // The slip on screen carries the instruction in its 领导批示 row, with the leader's name.
    expect(await leader.locator('.inc-slip').innerText()).toMatch(/同意拟办意见，请抓紧制定实施方案。\s*leader用户/);
    await leader.screenshot({ path: join(shots, 'incoming-instructed-1366.png'), fullPage: true });
    const slip = await leader.request.get(`${base}/api/incoming/${ids.seed}/slip.docx`);
    expect((await openDocx(await slip.body())).text).toContain('同意拟办意见，请抓紧制定实施方案。');
  });

  it('renders every 收文 page at 1366×768 and 375 px without serious accessibility violations', async () => {
    const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
    const pages: { name: string; path: string; as: string; drop?: number }[] = [
      { name: 'incoming-register', path: '/incoming/register', as: 'clerk' },
      { name: 'incoming-register-done', path: '/incoming/register', as: 'clerk', drop: 3 },
      { name: 'incoming-registry', path: '/incoming', as: 'clerk' },
      { name: 'incoming-registry-filtered', path: '/incoming?series=%E6%94%BF&state=returned', as: 'clerk' },
      { name: 'incoming-detail-reviewed', path: `/incoming/${ids.seed}`, as: 'clerk' },
      { name: 'incoming-detail-returned', path: `/incoming/${ids.own}`, as: 'clerk' },
      { name: 'incoming-detail-leader', path: `/incoming/${ids.seed}`, as: 'leader' },
    ];
    const findings: string[] = [];
    let n = 0;
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
        if (p.drop !== undefined) {
          await drop(page, [{ name: `第${p.drop + n}批养护通知.txt`, text: notice(p.drop + n++) }]);
          await page.getByRole('button', { name: /签收登记（1 个文件）/ }).click();
          await expect.poll(async () => page.getByRole('region', { name: '登记结果' }).innerText().catch(() => ''), { timeout: 30_000 }).toContain('登记 1 份');
          await settle(page);
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
    // On paper: the slip without the menu, the buttons or the steps.
    const page = await signedIn('clerk');
    await page.goto(`${base}/incoming/${ids.seed}`);
    await settle(page);
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.app-sider').isVisible()).toBe(false);
    expect(await page.getByRole('button', { name: /打印批办单/ }).isVisible()).toBe(false);
    expect(await page.locator('.inc-slip').isVisible()).toBe(true);
    await page.screenshot({ path: join(shots, 'incoming-detail-print.png'), fullPage: true });
    // Printed to A4 and read back with the library's own PDF reader: the slip whole on the first
    // sheet, the document from the second.
    const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true });
    const sheets = (await readBytes(pdf, 'slip.pdf')).text.split(/^# Page \d+:.*$/m).map((t) => t.replace(/\s+/g, ''));
    const first = sheets.find((t) => t.includes('文件批办单'))!;
    for (const want of ['运转号：（党）198号', '来文单位', '拟办意见', '承办人王雪', '电话：8628022']) expect(first).toContain(want);
    expect(first).not.toContain('公文原文');
    expect(sheets[sheets.indexOf(first) + 1]).toMatch(/^公文原文/);
    expect(findings).toEqual([]);
    // Fourteen pages with axe-core took 140–230 s on a shared two-core machine: room to spare.
  }, 480_000);
  it('the clerk assigns to two units from the detail page; the unit signs and replies under 我的承办; the clerk urges and concludes', async () => {
    const TRANSPORT = '通辽市交通运输局';
    const EMERGENCY = '通辽市应急管理局';
    await createUser(fresh.store.db, { username: 'jtj', displayName: '交通局经办人', roles: ['unit'], unit: TRANSPORT, password: PASSWORD, mustChangePassword: false }, () => true, { actor: { name: 'test' }, now: clock.now() });
    await addPeople(fresh.store, clock);
    const id = (await instructedIncoming(fresh.store, clock, MEASURES_NOTICE, '桥梁隐患排查通知.txt', { lead: TRANSPORT, cooperating: [EMERGENCY] })).id;
    const findings: string[] = [];
    const check = async (page: Page, name: string) => {
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      if (overflow > 1) findings.push(`${name}: the page is ${overflow}px wider than the window`);
      for (const v of await axeViolations(page)) findings.push(`${name}: ${v}`);
    };

    // 分办 on 收文详情: the units of the 拟办 and the computed deadline are there to keep.
    const page = await signedIn('clerk');
    const draft = (await api<{ deadline: string; deadlineSource: string; workingDays: number }>(page, `/api/incoming/${id}/assign-draft`)).body;
    // The document's own date (20 October) has passed on 3 December: the default working days apply.
    expect([draft.deadlineSource, draft.workingDays]).toEqual(['default', 15]);
    await page.goto(`${base}/incoming/${id}`);
    await settle(page);
    const panel = page.locator('section[aria-labelledby="inc-assign-title"]');
    await expect.poll(async () => panel.getByLabel('办理期限').inputValue(), { timeout: 10_000 }).toBe(draft.deadline);
    const fields = await panel.innerText();
    expect(fields).toContain(TRANSPORT);
    expect(fields).toContain(EMERGENCY);
    expect(fields).toContain('将同时立项督办台账');
    await panel.screenshot({ path: join(shots, 'incoming-assign-form-1366.png') });
    await check(page, 'incoming-assign-form @1366');
    await panel.getByRole('button', { name: label('分办') }).click();
    await expect.poll(async () => (await incoming(page, id)).state, { timeout: 10_000 }).toBe('assigned');
    await settle(page);
    const list = page.locator('section[aria-labelledby="inc-assignments-title"]');
    const ledgerId = (await api<{ ledgerId: number | null }>(page, `/api/incoming/${id}`)).body.ledgerId;
    expect(ledgerId).toEqual(expect.any(Number));
    expect(await list.innerText()).toContain(`已立项督办台账（第 ${ledgerId} 号）`);
    expect(await list.innerText()).toMatch(new RegExp(`${TRANSPORT}\\s*主办\\s*待承办\\s*办理期限 ${draft.deadline}`));
    expect(await list.innerText()).toContain('主办单位答复后可办结');
    await page.screenshot({ path: join(shots, 'incoming-assigned-1366.png'), fullPage: true });

    // The first working day after the deadline: overdue, and the unit opens 我的承办 from the menu.
    clock.set(`${addWorkingDays(draft.deadline, 1)}T09:30:00+08:00`);
    for (const vp of VIEWPORTS) {
      const unit = await signedIn('jtj', vp);
      if (vp.tag === '1366') await unit.locator('.app-sider').getByRole('link', { name: '我的承办' }).click();
      else await unit.goto(`${base}/incoming/handling`);
      await unit.waitForURL(`${base}/incoming/handling`);
      await settle(unit);
      const text = await unit.locator('main').innerText();
      expect(text).toContain('桥梁安全隐患排查');
      expect(text).toContain('已逾期');
      expect(text).not.toContain(EMERGENCY);
      await unit.screenshot({ path: join(shots, `incoming-handling-${vp.tag}.png`), fullPage: true });
      await check(unit, `incoming-handling @${vp.tag}`);
      if (vp.tag !== '375') continue;
      // On the phone: 签收, then 答复 with the reply form.
      await unit.getByRole('button', { name: label('签收') }).click();
      await expect.poll(async () => unit.getByRole('radio', { name: /承办中（1）/ }).count(), { timeout: 10_000 }).toBe(1);
      await unit.locator('.inc-handling-switch').getByText(/承办中/).click();
      await unit.getByRole('button', { name: label('答复') }).click();
      const dialog = unit.getByRole('dialog');
      await dialog.getByLabel('答复内容').fill('已完成全市桥梁逐座排查，发现隐患 3 处，均已限期整改。');
      await unit.screenshot({ path: join(shots, 'incoming-reply-375.png') });
      await dialog.getByRole('button', { name: /提交答复/ }).click();
      await expect.poll(async () => unit.getByRole('radio', { name: /已答复（1）/ }).count(), { timeout: 10_000 }).toBe(1);
    }

    // The clerk (signed in again: weeks have passed) sees the reply and the overdue 协办 unit, urges it and concludes the matter.
    const clerk = await signedIn('clerk');
    await clerk.goto(`${base}/incoming/${id}`);
    await settle(clerk);
    const done = clerk.locator('section[aria-labelledby="inc-assignments-title"]');
    expect(await done.innerText()).toContain('已完成全市桥梁逐座排查，发现隐患 3 处，均已限期整改。');
    expect(await done.innerText()).toMatch(new RegExp(`${EMERGENCY}\\s*协办\\s*待承办\\s*已逾期`));
    await done.getByRole('button', { name: label('催办') }).click();
    await expect.poll(async () => (await api<{ assignments: { urges: unknown[] }[] }>(clerk, `/api/incoming/${id}`)).body.assignments[1]!.urges.length, { timeout: 10_000 }).toBe(1);
    await settle(clerk);
    await done.getByLabel('办结意见').fill('排查完成，整改转入督办台账跟踪。');
    await done.getByRole('button', { name: label('办结') }).click();
    await clerk.locator('.ant-popconfirm').getByRole('button', { name: label('办结') }).click();
    await expect.poll(async () => (await incoming(clerk, id)).state, { timeout: 10_000 }).toBe('concluded');
    await settle(clerk);
    expect(await done.innerText()).toContain('排查完成，整改转入督办台账跟踪。');
    // Closed: nobody is overdue any more, nothing to urge.
    expect(await done.innerText()).not.toContain('已逾期');
    expect(await done.getByRole('button', { name: label('催办') }).count()).toBe(0);
    for (const vp of VIEWPORTS) {
      await clerk.setViewportSize({ width: vp.width, height: vp.height });
      await settle(clerk);
      await clerk.screenshot({ path: join(shots, `incoming-concluded-${vp.tag}.png`), fullPage: true });
      await check(clerk, `incoming-concluded @${vp.tag}`);
    }
    expect(findings).toEqual([]);
  }, 300_000);
});
