// 收文's later steps in the browser, end to end: the built pages (web/dist) served by the real
// server over a real SQLite store, driven in the system's Chromium by playwright-core. The
// registrations are brought to their starting points through the store's own commands (register,
// 初审, 拟办); everything after is done on the pages: the administrator adds a leader in 领导分管表;
// a leader finds the document in 待办 and passes it on (转批) to that leader, who 圈阅s it, and
// sends another back (退回拟办) with a reason; the clerk's 待办 lists what waits for them; the clerk
// circulates to two people and one unit; the recipients see it in 传阅给我 and open it or mark it
// 已阅; the clerk sees the states change, reminds one and recalls another, and the 收文簿 shows
// 传阅中 and who holds it. Screenshots at 1366×768 and 375 px and axe-core on every page touched.
import { existsSync, mkdirSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_AUTH_SETTINGS } from '../src/auth/settings.ts';
import type { Role } from '../src/auth/policy.ts';
import { createUser } from '../src/auth/users.ts';
import { manualClock } from '../src/calendar/clock.ts';
import { buildServer } from '../src/server/app.ts';
import { submitIncomingProposal } from '../src/store/incoming/propose.ts';
import { registerIncoming } from '../src/store/incoming/register.ts';
import { reviewIncoming } from '../src/store/incoming/review.ts';
import { freshStore } from './store-targets.ts';

const root = join(import.meta.dirname, '..');
const dist = join(root, 'web', 'dist');
const shots = join(root, 'test-artifacts', 'screenshots');
const CHROMIUM = '/usr/bin/chromium';
const haveChromium = existsSync(CHROMIUM);
if (!haveChromium) console.warn(`${CHROMIUM} is missing: the 收文 flow web tests are SKIPPED (apt-get install -y chromium fonts-noto-cjk).`);

const PASSWORD = 'Flow-Passw0rd!';
/** The unit circulated to, and the one the recalled person sits in: canonical units of the built-in directory. */
const UNIT = '通辽市交通运输局';
const OTHER_UNIT = '通辽市财政局';

/** A 函 of a banner (盟) office about a theme of its own, numbered n. */
const letter = (n: number, theme: string) =>
  [
    `青原盟行政公署办公室关于开展${theme}专项检查的函`,
    '',
    `青署办函〔2026〕${60 + n}号`,
    '',
    '盟直有关部门：',
    `为推进${theme}工作，请于12月25日前报送自查情况。`,
    '',
    '青原盟行政公署办公室',
    `2026年11月${n + 2}日`,
  ].join('\n');

const VIEWPORTS = [
  { tag: '1366', width: 1366, height: 768 },
  { tag: '375', width: 375, height: 812 },
] as const;

/** The people of the office: user name, display name, roles, unit. */
const PEOPLE: { username: string; name: string; roles: Role[]; unit: string | null }[] = [
  { username: 'clerk', name: '收文员小周', roles: ['clerk'], unit: null },
  { username: 'lead1', name: '甲主任', roles: ['leader'], unit: null },
  { username: 'lead2', name: '乙副主任', roles: ['leader'], unit: null },
  { username: 'reader', name: '丙督查', roles: ['supervisor'], unit: null },
  { username: 'staff', name: '丁科员', roles: ['unit'], unit: OTHER_UNIT },
  { username: 'traffic', name: '戊干事', roles: ['unit'], unit: UNIT },
  { username: 'admin', name: '系统管理员', roles: ['admin'], unit: null },
];

async function settle(page: Page): Promise<void> {
  await page.waitForTimeout(200);
  await page.waitForLoadState('networkidle');
  await page
    .waitForFunction(() => document.querySelector('#root > *') && !document.querySelector('.ant-skeleton, .ant-spin-spinning, .page-loading'), null, { timeout: 10_000 })
    .catch(() => {});
  await page.waitForTimeout(300);
}

/** A button's name ends with its label, which Ant Design spaces out when it has two characters; an icon's name may come first. */
const label = (text: string) => new RegExp(`(^|\\s)${[...text].join('\\s*')}\\s*$`);

interface Recipient {
  id: number;
  kind: 'user' | 'unit';
  recipient: string;
  state: 'unread' | 'opened' | 'read';
  recalledAt: string | null;
  reminders: { at: string }[];
}
interface IncomingJson {
  id: number;
  serial: string;
  state: string;
  holders: string[];
  circulating: boolean;
  circulation: Recipient[];
  instructions: { leader: string; state: string; action: string | null; text: string | null; passedFrom: string | null }[];
}

describe.skipIf(!haveChromium)('收文: 批示, 传阅, 待办 and 领导分管表 in Chromium', () => {
  const fresh = freshStore('sqlite');
  const clock = manualClock('2026-12-04T10:00:00+08:00');
  let app: FastifyInstance;
  let base = '';
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  /** passed: to be passed on and 圈阅; sentBack: to be returned; fresh: waiting for 初审; lead2: waiting for 乙副主任 (the 批示 form's screenshots). */
  const ids = { passed: 0, sentBack: 0, fresh: 0, lead2: 0 };

  beforeAll(async () => {
    if (!existsSync(join(dist, 'index.html'))) {
      const built = spawnSync('npm', ['run', 'build:web'], { cwd: root, encoding: 'utf8', timeout: 300_000 });
      if (built.status !== 0) throw new Error(`npm run build:web failed: ${built.stderr}`);
    }
    const now = clock.now();
    for (const p of PEOPLE)
      await createUser(fresh.store.db, { username: p.username, displayName: p.name, roles: p.roles, unit: p.unit, password: PASSWORD, mustChangePassword: false }, () => true, { actor: { name: 'test' }, now });
    const actor = { name: 'clerk' };
    const register = async (n: number, theme: string) =>
      (await registerIncoming(fresh.store, { bytes: Buffer.from(letter(n, theme)), name: `${theme}.txt` }, { actor, clock, series: '政' })).incoming.id;
    const propose = async (id: number, leader: string) => {
      await reviewIncoming(fresh.store, id, { kind: '办件' }, { actor, clock });
      await submitIncomingProposal(fresh.store, id, { text: '请领导阅示。', leaders: [leader], mode: 'sequence' }, { actor, clock });
    };
    ids.passed = await register(1, '道路运输安全');
    ids.sentBack = await register(2, '公交场站消防');
    ids.fresh = await register(3, '冬季除雪保畅');
    ids.lead2 = await register(4, '客运站安检');
    await propose(ids.passed, 'lead1');
    await propose(ids.sentBack, 'lead1');
    await propose(ids.lead2, 'lead2');

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
  /** The registration as the store has it, read by the clerk's session. */
  let clerkPage: Page;
  const incoming = async (id: number) => (await api<IncomingJson>(clerkPage, `/api/incoming/${id}`)).body;
  /** The option of the open dropdown whose text is exactly this (Ant Design keeps a second, hidden copy for screen readers). */
  const chooseOption = (page: Page, text: string) => page.locator('.ant-select-dropdown:visible .ant-select-item-option-content').getByText(text, { exact: true }).click();
  const confirmDialog = (page: Page) => page.locator('.ant-modal-confirm');
  const menu = (page: Page) => page.getByRole('navigation', { name: '主导航' });
  /** The rows of one 待办 list, by its heading. */
  const todoList = (page: Page, title: string) => page.locator('.inc-todo-section').filter({ has: page.getByRole('heading', { name: new RegExp(`^${title}`) }) });

  it('the administrator adds a leader with areas and units in 领导分管表', async () => {
    clerkPage = await signedIn('clerk');
    const page = await signedIn('admin');
    await menu(page).getByRole('link', { name: '领导分管表' }).click();
    await page.waitForURL(/\/admin\/leaders$/);
    await settle(page);
    expect(await page.locator('main').innerText()).toContain('尚未填写领导分管表');
    await page.getByRole('button', { name: /新增领导/ }).click();
    const dialog = page.getByRole('dialog');
    // Refused without a name, in Chinese.
    await dialog.getByRole('button', { name: label('保存') }).click();
    await expect.poll(async () => dialog.innerText()).toContain('请填写领导姓名');
    await dialog.getByLabel('姓名').fill('乙副主任');
    await dialog.getByLabel('职务').fill('办公室副主任');
    await dialog.getByLabel('分管领域').fill('交通');
    await page.keyboard.press('Enter');
    await dialog.getByLabel('分管领域').fill('安全生产');
    await page.keyboard.press('Enter');
    await dialog.getByLabel('分管单位').fill('交通运输');
    await chooseOption(page, UNIT);
    await dialog.getByRole('button', { name: label('保存') }).click();
    await expect.poll(async () => (await api<{ name: string }[]>(page, '/api/admin/office-leaders')).body.length, { timeout: 10_000 }).toBe(1);
    const [saved] = (await api<{ name: string; title: string; areas: string[]; units: string[] }[]>(page, '/api/admin/office-leaders')).body;
    expect(saved).toMatchObject({ name: '乙副主任', title: '办公室副主任', areas: ['交通', '安全生产'], units: [UNIT] });
    await settle(page);
    const row = await page.locator('.ant-table-tbody .ant-table-row').first().innerText();
    for (const want of ['乙副主任', '办公室副主任', '交通', '安全生产', UNIT]) expect(row).toContain(want);
    await page.screenshot({ path: join(shots, 'incoming-flow-leaders-added-1366.png'), fullPage: true });
  });

  it('a leader finds the document in 待办, passes it on to the second leader (confirmed), and sends another back with a reason', async () => {
    const page = await signedIn('lead1');
    // The menu counts what waits: two turns to 批示.
    await expect.poll(async () => menu(page).getByRole('link', { name: /^待办/ }).textContent(), { timeout: 10_000 }).toBe('待办（2 件）');
    await menu(page).getByRole('link', { name: /^待办/ }).click();
    await page.waitForURL(/\/incoming\/todo$/);
    await settle(page);
    const mine = todoList(page, '待我批示');
    expect(await mine.locator('.ant-list-item').count()).toBe(2);
    // A leader has no clerk's lists.
    expect(await todoList(page, '待初审').count()).toBe(0);
    await mine.getByRole('link', { name: /道路运输安全/ }).click();
    await page.waitForURL(new RegExp(`/incoming/${ids.passed}$`));
    await settle(page);

    const turn = page.locator('section[aria-labelledby="inc-instruct-title"]');
    await turn.getByLabel('批示意见').fill('请乙副主任阅处。');
    // The leaders to pass to: the other one, with the title and areas of 领导分管表; not oneself.
    await turn.getByLabel('转批给领导').click();
    const options = page.locator('.ant-select-dropdown:visible .ant-select-item-option');
    await expect.poll(async () => options.count()).toBe(1);
    expect(await options.first().innerText()).toBe('乙副主任 · 办公室副主任 · 分管交通、安全生产');
    await options.first().click();
    await page.screenshot({ path: join(shots, 'incoming-flow-pass-1366.png'), fullPage: true });
    await turn.getByRole('button', { name: label('转批') }).click();
    // Confirmed first: cancelling changes nothing.
    await expect.poll(async () => confirmDialog(page).innerText()).toContain('转批给乙副主任？');
    await confirmDialog(page).getByRole('button', { name: label('取消') }).click();
    expect((await incoming(ids.passed)).state).toBe('proposed');
    expect((await incoming(ids.passed)).holders).toEqual(['甲主任']);
    await turn.getByRole('button', { name: label('转批') }).click();
    await confirmDialog(page).getByRole('button', { name: label('转批') }).click();
    await expect.poll(async () => (await incoming(ids.passed)).holders, { timeout: 10_000 }).toEqual(['乙副主任']);
    const passed = await incoming(ids.passed);
    expect(passed.state).toBe('proposed');
    expect(passed.instructions.map((s) => [s.leader, s.state, s.action, s.passedFrom])).toEqual([
      ['lead1', 'done', 'pass', null],
      ['lead2', 'pending', null, 'lead1'],
    ]);
    expect(passed.instructions[0]!.text).toBe('请乙副主任阅处。');
    await settle(page);
    expect(await turn.innerText()).toContain('由甲主任转来');
    expect(await turn.getByRole('button', { name: label('圈阅') }).count()).toBe(0);

    // 退回拟办 the other: the reason is required.
    await page.goto(`${base}/incoming/${ids.sentBack}`);
    await settle(page);
    await turn.getByRole('button', { name: /退回拟办/ }).click();
    const back = page.getByRole('dialog');
    await back.getByRole('button', { name: label('退回') }).click();
    await expect.poll(async () => back.innerText()).toContain('退回拟办须写明理由');
    expect((await incoming(ids.sentBack)).state).toBe('proposed');
    await back.getByLabel('退回理由').fill('请补充盟直各部门的分工后再报');
    await back.getByRole('button', { name: label('退回') }).click();
    await expect.poll(async () => (await incoming(ids.sentBack)).state, { timeout: 10_000 }).toBe('sent-back');
    expect((await incoming(ids.sentBack)).instructions[0]).toMatchObject({ action: 'return', text: '请补充盟直各部门的分工后再报' });

    // Nothing waits for this leader any more.
    await page.goto(`${base}/incoming/todo`);
    await settle(page);
    expect(await todoList(page, '待我批示').locator('.ant-list-item').count()).toBe(0);
  });

  it('the second leader finds it in 待办 and 圈阅s it with one click', async () => {
    const page = await signedIn('lead2');
    await page.goto(`${base}/incoming/todo`);
    await settle(page);
    const mine = todoList(page, '待我批示');
    expect(await mine.innerText()).toContain('道路运输安全');
    expect(await mine.innerText()).toContain('客运站安检');
    await mine.getByRole('link', { name: /道路运输安全/ }).click();
    await page.waitForURL(new RegExp(`/incoming/${ids.passed}$`));
    await settle(page);
    await page.locator('section[aria-labelledby="inc-instruct-title"]').getByRole('button', { name: label('圈阅') }).click();
    await expect.poll(async () => (await incoming(ids.passed)).state, { timeout: 10_000 }).toBe('instructed');
    expect((await incoming(ids.passed)).instructions.map((s) => s.action)).toEqual(['pass', 'circle']);
  });

  it("the clerk's 待办 lists the registration to 初审, the 拟办 sent back and the instructed one, each linked to its 收文详情", async () => {
    const page = clerkPage;
    await page.goto(`${base}/incoming/todo`);
    await settle(page);
    const titles = async (title: string) => (await todoList(page, title).locator('.inc-todo-title').allInnerTexts()).map((t) => t.replace(/^青原盟行政公署办公室关于开展|专项检查的函$/g, ''));
    expect(await titles('待初审')).toEqual(['冬季除雪保畅']);
    expect(await titles('退回拟办')).toEqual(['公交场站消防']);
    expect(await titles('已批示，待分办或传阅')).toEqual(['道路运输安全']);
    expect(await todoList(page, '待我批示').count()).toBe(0);
    await page.screenshot({ path: join(shots, 'incoming-flow-todo-clerk-1366.png'), fullPage: true });
    await todoList(page, '退回拟办').getByRole('link', { name: /公交场站消防/ }).click();
    await page.waitForURL(new RegExp(`/incoming/${ids.sentBack}$`));
    await page.goto(`${base}/incoming/todo`);
    await settle(page);
    await todoList(page, '已批示，待分办或传阅').getByRole('link', { name: /道路运输安全/ }).click();
    await page.waitForURL(new RegExp(`/incoming/${ids.passed}$`));
  });

  it('the clerk circulates it to two people and one unit; the panel shows 传阅中 and who holds it', async () => {
    const page = clerkPage;
    await settle(page);
    const panel = page.locator('section[aria-labelledby="inc-circ-title"]');
    const targets = panel.getByLabel('传阅对象');
    const pick = async (typed: string, option: string) => {
      await targets.click();
      await targets.fill(typed);
      await chooseOption(page, option);
    };
    await pick('丙', '丙督查');
    await pick('丁', `丁科员（${OTHER_UNIT}）`);
    await pick('交通运输', UNIT);
    await page.keyboard.press('Escape');
    await panel.getByRole('button', { name: label('传阅') }).click();
    await expect.poll(async () => (await incoming(ids.passed)).circulation.length, { timeout: 10_000 }).toBe(3);
    const sent = await incoming(ids.passed);
    expect(sent.circulation.map((c) => [c.kind, c.recipient, c.state])).toEqual([
      ['user', 'reader', 'unread'],
      ['user', 'staff', 'unread'],
      ['unit', UNIT, 'unread'],
    ]);
    expect(sent.circulating).toBe(true);
    await settle(page);
    const text = await panel.innerText();
    expect(text).toContain('传阅中');
    expect(text).toContain(`现在在：丙督查、丁科员、${UNIT}`);
    expect((await panel.locator('.ant-table-tbody .ant-table-row').allInnerTexts()).map((r) => r.includes('未读'))).toEqual([true, true, true]);
  });

  it('the recipients find it in 传阅给我: opening it records 已读, 已阅 is confirmed; a unit user reads what came to the unit', async () => {
    const reader = await signedIn('reader');
    await expect.poll(async () => menu(reader).getByRole('link', { name: /^传阅给我/ }).textContent(), { timeout: 10_000 }).toBe('传阅给我（1 份未读）');
    await menu(reader).getByRole('link', { name: /^传阅给我/ }).click();
    await reader.waitForURL(/\/incoming\/circulated$/);
    await settle(reader);
    const row = reader.locator('.inc-circ-item').first();
    expect(await row.innerText()).toContain('未读');
    await row.getByRole('link').click();
    await reader.waitForURL(new RegExp(`/incoming/circulated/${ids.passed}$`));
    await expect.poll(async () => (await incoming(ids.passed)).circulation[0]!.state, { timeout: 10_000 }).toBe('opened');
    await settle(reader);
    // The slip with the leaders' acts, and the text, to read.
    expect(await reader.locator('.inc-slip').innerText()).toContain('圈阅');
    expect(await reader.locator('.inc-text-body').innerText()).toContain('道路运输安全');
    await reader.getByRole('button', { name: label('已阅') }).click();
    await confirmDialog(reader).getByRole('button', { name: label('已阅') }).click();
    await expect.poll(async () => (await incoming(ids.passed)).circulation[0]!.state, { timeout: 10_000 }).toBe('read');
    await settle(reader);
    expect(await reader.getByRole('button', { name: label('已阅') }).count()).toBe(0);
    expect(await reader.locator('main').innerText()).toContain('您已于');

    // The unit's user: in 待办 (传阅待阅), then on 传阅给我 as sent to the unit.
    const traffic = await signedIn('traffic');
    await traffic.goto(`${base}/incoming/todo`);
    await settle(traffic);
    expect(await todoList(traffic, '传阅待阅').innerText()).toContain('道路运输安全');
    expect(await todoList(traffic, '待我批示').count()).toBe(0);
    await traffic.screenshot({ path: join(shots, 'incoming-flow-todo-unit-1366.png'), fullPage: true });
    await traffic.goto(`${base}/incoming/circulated`);
    await settle(traffic);
    expect(await traffic.locator('.inc-circ-item').first().innerText()).toContain('传阅给本单位');
    await traffic.locator('.inc-circ-item').first().getByRole('link').click();
    await expect.poll(async () => (await incoming(ids.passed)).circulation[2]!.state, { timeout: 10_000 }).toBe('opened');
    // A unit user has no 收文簿: no link to 收文详情.
    await settle(traffic);
    expect(await traffic.getByRole('link', { name: '收文详情' }).count()).toBe(0);
  });

  it('the clerk sees the states change, reminds the unit and recalls from the other person (both confirmed); the 收文簿 shows 传阅中 and the holder', async () => {
    const page = clerkPage;
    await page.goto(`${base}/incoming/${ids.passed}`);
    await settle(page);
    const panel = page.locator('section[aria-labelledby="inc-circ-title"]');
    const rowOf = (name: string) => panel.locator('.ant-table-tbody .ant-table-row').filter({ hasText: name });
    expect(await rowOf('丙督查').innerText()).toContain('已阅');
    expect(await rowOf(UNIT).innerText()).toContain('已读');
    expect(await rowOf('丁科员').innerText()).toContain('未读');
    // Read through: nothing left to remind or recall.
    expect(await rowOf('丙督查').getByRole('button').count()).toBe(0);

    await rowOf(UNIT).getByRole('button', { name: `提醒${UNIT}` }).click();
    await expect.poll(async () => confirmDialog(page).innerText()).toContain('已提醒 0 次');
    await confirmDialog(page).getByRole('button', { name: label('提醒') }).click();
    await expect.poll(async () => (await incoming(ids.passed)).circulation[2]!.reminders.length, { timeout: 10_000 }).toBe(1);
    await settle(page);
    expect(await rowOf(UNIT).innerText()).toMatch(/1 次，最近 2026-12-04 10:00/);

    await rowOf('丁科员').getByRole('button', { name: '收回丁科员' }).click();
    await confirmDialog(page).getByRole('button', { name: label('取消') }).click();
    expect((await incoming(ids.passed)).circulation[1]!.recalledAt).toBeNull();
    await rowOf('丁科员').getByRole('button', { name: '收回丁科员' }).click();
    await expect.poll(async () => confirmDialog(page).innerText()).toContain('收回不能撤销');
    await confirmDialog(page).getByRole('button', { name: label('收回') }).click();
    await expect.poll(async () => (await incoming(ids.passed)).circulation[1]!.recalledAt, { timeout: 10_000 }).not.toBeNull();
    await settle(page);
    expect(await rowOf('丁科员').innerText()).toContain('已收回');
    const after = await incoming(ids.passed);
    expect(after.holders).toEqual([UNIT]);
    expect(await panel.innerText()).toContain(`现在在：${UNIT}`);
    await page.screenshot({ path: join(shots, 'incoming-flow-circulation-1366.png'), fullPage: true });

    // The recalled person no longer sees it.
    const staff = await signedIn('staff');
    expect((await api<{ items: unknown[] }>(staff, '/api/incoming/circulated-to-me')).body.items).toEqual([]);
    await staff.goto(`${base}/incoming/circulated`);
    await settle(staff);
    expect(await staff.locator('main').innerText()).toContain('没有传阅给您的收文');

    // The 收文簿: 传阅中 and who holds it, on the circulated row only.
    await page.goto(`${base}/incoming`);
    await settle(page);
    const row = page.locator('.ant-table-tbody .ant-table-row').filter({ hasText: '道路运输安全' });
    expect(await row.innerText()).toContain('传阅中');
    expect(await row.innerText()).toContain(UNIT);
    expect(await page.locator('.ant-table-tbody .ant-table-row').filter({ hasText: '传阅中' }).count()).toBe(1);
    expect(await page.locator('.ant-table-tbody .ant-table-row').filter({ hasText: '客运站安检' }).innerText()).toContain('乙副主任');
  });

  it('renders every page of these steps at 1366×768 and 375 px without serious accessibility violations', async () => {
    const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
    const pages: { name: string; path: string; as: string }[] = [
      { name: 'incoming-flow-todo-clerk', path: '/incoming/todo', as: 'clerk' },
      { name: 'incoming-flow-todo-leader', path: '/incoming/todo', as: 'lead2' },
      { name: 'incoming-flow-todo-unit', path: '/incoming/todo', as: 'traffic' },
      { name: 'incoming-flow-detail-circulation', path: `/incoming/${ids.passed}`, as: 'clerk' },
      { name: 'incoming-flow-detail-instruct', path: `/incoming/${ids.lead2}`, as: 'lead2' },
      { name: 'incoming-flow-registry', path: '/incoming', as: 'clerk' },
      { name: 'incoming-flow-circulated', path: '/incoming/circulated', as: 'traffic' },
      { name: 'incoming-flow-circulated-read', path: `/incoming/circulated/${ids.passed}`, as: 'traffic' },
      { name: 'incoming-flow-leaders', path: '/admin/leaders', as: 'admin' },
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
    // The 领导分管表's dialog and the 传阅 chooser open, on a phone.
    const admin = await signedIn('admin', VIEWPORTS[1]);
    await admin.goto(`${base}/admin/leaders`);
    await settle(admin);
    await admin.getByRole('button', { name: /编辑乙副主任/ }).click();
    await settle(admin);
    await admin.screenshot({ path: join(shots, 'incoming-flow-leaders-edit-375.png') });
    expect(findings).toEqual([]);
  }, 480_000);
});
