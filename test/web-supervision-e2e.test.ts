// 督查督办 in the browser, end to end: the built pages (web/dist) served by the real server over a
// real SQLite store, driven in the system's Chromium by playwright-core. The office opens a ledger
// from an imported document, names the unit the directory did not know and issues it; a unit
// signs, reports and claims completion; the office verifies; another unit cannot open the item.
// Screenshots of every supervision page at 1366×768 and 375 px (test-artifacts/screenshots, not
// committed); axe-core on each.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { importPaths } from '../src/store/import.ts';
import { api, checkPage, HAVE_CHROMIUM, label, settle, SHOTS as shots, VIEWPORTS, warnWithoutChromium, webHarness } from './web-harness.ts';

warnWithoutChromium('supervision');

const HOUSING = '通辽市住房和城乡建设局';
const EDUCATION = '通辽市教育局';
const DOC_NUMBER = '通政办发〔2026〕90号';
/** Three measures: two name units the directory knows (by their short names), one a unit it does not. */
const NOTICE = [
  '通辽市人民政府办公室关于做好今冬明春供热保障工作的通知',
  DOC_NUMBER,
  '各旗县市区人民政府，市直各有关部门：',
  '为做好今冬明春供热保障工作，现将有关事项通知如下。',
  '一、全面排查供热管网隐患，对老旧管网逐段登记、限期整改。2026年12月20日前完成。（责任领导：王某；牵头单位：市住建局；责任单位：市发改委）',
  '二、做好中小学校冬季供暖安全检查，确保师生温暖过冬。2027年1月15日前完成。（牵头单位：市教育局）',
  '三、建立供热投诉快速响应机制，畅通群众诉求渠道。2026年12月31日前完成。（牵头单位：市供热服务保障中心）',
  '',
  '通辽市人民政府办公室',
  '2026年12月1日',
].join('\n');

interface ItemJson {
  id: number;
  seq: number;
  text: string;
  state: string;
  units: { role: string; name: string; canonical: string | null; signedAt: string | null }[];
}

describe.skipIf(!HAVE_CHROMIUM)('督查督办 in Chromium', () => {
  let documentId = 0;
  let ledgerId = 0;
  const items: Record<'housing' | 'education' | 'service', number> = { housing: 0, education: 0, service: 0 };
  const web = webHarness({
    users: [
      { username: 'office', roles: ['supervisor'] },
      { username: 'housing', roles: ['unit'], unit: HOUSING },
      { username: 'education', roles: ['unit'], unit: EDUCATION },
      { username: 'leader', roles: ['leader'] },
    ],
    setup: async (store, clock) => {
      const dir = mkdtempSync(join(tmpdir(), 'duban-sv-web-'));
      writeFileSync(join(dir, '供热保障通知.txt'), NOTICE);
      await importPaths(store, [dir], clock);
      documentId = (await store.db.selectFrom('documents').select('id').where('doc_number', '=', DOC_NUMBER).executeTakeFirstOrThrow()).id;
    },
  });
  const signedIn = web.signedIn;

  const ledgerItems = async (page: Page) => (await api<{ items: ItemJson[] }>(page, `/api/supervision/ledgers/${ledgerId}`)).body.items;

  it('the office opens a ledger from the document, names the unknown unit, and issues it', async () => {
    const page = await signedIn('office');
    const menu = await page.getByRole('navigation', { name: '主导航' }).innerText();
    expect(menu).toContain('督办台账');
    expect(menu).toContain('审批');
    expect(menu).not.toContain('我的任务');

    await page.goto(`${web.base}/documents/${documentId}`);
    await settle(page);
    await page.getByRole('button', { name: /立项督办/ }).click();
    await page.waitForURL(/\/supervision\/ledgers\/\d+$/);
    ledgerId = Number(/ledgers\/(\d+)$/.exec(page.url())![1]);
    await settle(page);

    // The document's text is beside its three draft items; the unknown unit is flagged and blocks 交办.
    expect(await page.locator('.sv-source-body').innerText()).toContain('全面排查供热管网隐患');
    const cards = page.locator('.sv-draft');
    expect(await cards.count()).toBe(3);
    expect(await page.locator('.ant-alert-error').innerText()).toContain('市供热服务保障中心');
    expect(await page.locator('.sv-unit-unresolved').innerText()).toContain('市供热服务保障中心');
    // The persons the measure names beside its units come along as the item's 责任领导.
    expect(await cards.filter({ hasText: '全面排查供热管网隐患' }).locator('.sv-draft-meta').innerText()).toContain('责任领导：王某');
    const issue = page.getByRole('button', { name: label('交办') });
    expect(await issue.isDisabled()).toBe(true);
    await page.screenshot({ path: join(shots, 'supervision-ledger-unresolved-1366.png'), fullPage: true });

    const seen = await ledgerItems(page);
    const find = (needle: string) => seen.find((i) => i.text.includes(needle))!.id;
    items.housing = find('供热管网');
    items.education = find('中小学校');
    items.service = find('投诉快速响应');
    expect(seen.find((i) => i.id === items.housing)!.units.map((u) => [u.role, u.canonical])).toEqual([
      ['lead', HOUSING],
      ['responsible', '通辽市发展和改革委员会'],
    ]);

    // Looking at an item tints its text in the document.
    const service = cards.filter({ hasText: '投诉快速响应' });
    await service.getByRole('button', { name: /原文位置/ }).click();
    await expect.poll(async () => page.locator('.sv-para-hit').innerText().catch(() => '')).toContain('投诉快速响应');

    // 编辑: the unit becomes one the directory knows.
    await service.getByRole('button', { name: label('编辑') }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('第 1 个单位的名称').fill('通辽市财政局');
    // A click on the dialog's title closes the suggestions (Escape would close the dialog when none are open).
    await dialog.locator('.ant-modal-title').click();
    await dialog.getByRole('button', { name: label('保存') }).click();
    await expect.poll(async () => page.locator('.ant-alert-error').count(), { timeout: 10_000 }).toBe(0);
    expect((await ledgerItems(page)).find((i) => i.id === items.service)!.units[0]!.canonical).toBe('通辽市财政局');

    await issue.click();
    await page.locator('.ant-popover').getByRole('button', { name: label('交办') }).click();
    await expect.poll(async () => (await ledgerItems(page)).map((i) => i.state), { timeout: 10_000 }).toEqual(['issued', 'issued', 'issued']);
    await settle(page);
    expect(await cards.filter({ hasText: '供热管网' }).innerText()).toContain('已交办');
  });

  it('a unit signs, reports and claims completion of its item', async () => {
    const page = await signedIn('housing');
    const menu = await page.getByRole('navigation', { name: '主导航' }).innerText();
    expect(menu).toContain('我的任务');
    expect(menu).not.toContain('审批');
    await page.getByRole('link', { name: '我的任务' }).click();
    await page.waitForURL(/\/supervision\/mine/);
    await settle(page);
    // Only the unit's own item waits for its 签收.
    const rows = page.getByRole('tabpanel').locator('.ant-table-row');
    expect(await rows.count()).toBe(1);
    expect(await rows.first().innerText()).toContain('全面排查供热管网隐患');
    await page.screenshot({ path: join(shots, 'supervision-mine-to-sign-1366.png') });
    await rows.first().getByRole('link').click();
    await page.waitForURL(new RegExp(`/supervision/items/${items.housing}$`));
    await settle(page);

    await page.getByRole('button', { name: label('签收') }).click();
    await page.locator('.ant-popover').getByRole('button', { name: label('签收') }).click();
    await expect.poll(async () => (await api<ItemJson>(page, `/api/supervision/items/${items.housing}`)).body.state, { timeout: 10_000 }).toBe('working');
    await settle(page);

    await page.getByRole('button', { name: /报送进展/ }).click();
    const report = page.getByRole('dialog');
    await report.getByLabel('工作进展').fill('已完成全市老旧管网逐段登记，共排查管网126公里，发现隐患17处，已整改15处。');
    await report.getByLabel('问题困难').fill('两处隐患涉及道路开挖，需冬季过后施工。');
    await report.getByLabel('完成百分比').fill('90');
    // Attachments: a file the rule refuses is named at once and not taken; two good ones are.
    const picker = report.locator('input[type=file]');
    await picker.setInputFiles({ name: '整改说明.exe', mimeType: 'application/octet-stream', buffer: Buffer.from('MZ') });
    expect(await report.locator('.ant-form-item-explain-error').innerText()).toContain('“整改说明.exe”的类型不能上传');
    const photo = Buffer.from(Array.from({ length: 2048 }, (_, i) => (i * 31 + 7) % 256));
    await picker.setInputFiles([
      { name: '管网排查照片.jpg', mimeType: 'image/jpeg', buffer: photo },
      { name: '隐患整改清单.xlsx', mimeType: 'application/octet-stream', buffer: Buffer.from('清单') },
    ]);
    await expect.poll(async () => report.locator('.ant-upload-list-item').count(), { timeout: 10_000 }).toBe(2);
    await expect.poll(async () => report.locator('.ant-form-item-explain-error').count(), { timeout: 10_000 }).toBe(0);
    await report.screenshot({ path: join(shots, 'supervision-report-attachments-1366.png') });
    await report.getByRole('button', { name: label('报送') }).click();
    await expect.poll(async () => page.locator('.sv-report').count(), { timeout: 10_000 }).toBe(1);
    const shown = await page.locator('.sv-report').innerText();
    expect(shown).toContain('发现隐患17处');
    expect(shown).toContain('管网排查照片.jpg');
    expect(shown).toContain('隐患整改清单.xlsx');
    // The link downloads the very bytes that were attached.
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('.sv-attachments a', { hasText: '管网排查照片.jpg' }).click()]);
    expect(download.suggestedFilename()).toBe('管网排查照片.jpg');
    const saved = join(shots, '..', 'downloaded-attachment.jpg');
    await download.saveAs(saved);
    expect(Buffer.compare(readFileSync(saved), photo)).toBe(0);

    await page.getByRole('button', { name: /申请办结/ }).click();
    const claim = page.getByRole('dialog');
    await claim.getByLabel('办结情况').fill('隐患已全部登记，可整改的均已整改，余下两处已列入明年计划。');
    await claim.getByRole('button', { name: /提交申请/ }).click();
    await expect.poll(async () => (await api<ItemJson>(page, `/api/supervision/items/${items.housing}`)).body.state, { timeout: 10_000 }).toBe('claimed');
    await settle(page);
    expect(await page.locator('main').innerText()).toContain('申请办结');
    // The timeline holds the history: 交办, 签收, 报送进展, 申请办结, in that order.
    const timeline = await page.locator('.ant-timeline').innerText();
    const order = ['交办', '签收', '报送进展', '申请办结'].map((w) => timeline.indexOf(w));
    expect(order.every((at) => at >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
  });

  it('another unit asks for more time on its own item', async () => {
    const page = await signedIn('education');
    await page.goto(`${web.base}/supervision/items/${items.education}`);
    await settle(page);
    await page.getByRole('button', { name: label('签收') }).click();
    await page.locator('.ant-popover').getByRole('button', { name: label('签收') }).click();
    await expect.poll(async () => (await api<ItemJson>(page, `/api/supervision/items/${items.education}`)).body.state, { timeout: 10_000 }).toBe('working');
    await settle(page);
    await page.getByRole('button', { name: /申请延期/ }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('申请延至').fill('2027-02-26');
    await dialog.getByLabel('申请延至').press('Enter');
    await dialog.getByLabel('延期理由').fill('寒假期间学校停课，检查须待开学后完成。');
    await dialog.getByRole('button', { name: /提交申请/ }).click();
    await expect.poll(async () => page.locator('main').innerText(), { timeout: 10_000 }).toContain('已申请延期至 2027年2月26日');
  });

  it('the office verifies the claim on the 审批 page', async () => {
    const page = await signedIn('office');
    await page.getByRole('link', { name: '审批' }).click();
    await page.waitForURL(/\/supervision\/approvals/);
    await settle(page);
    expect(await page.locator('main').innerText()).toContain('寒假期间学校停课');
    await page.getByRole('tab', { name: /办结核验/ }).click();
    const row = page.getByRole('tabpanel').locator('.ant-table-row').filter({ hasText: '供热管网' });
    await row.getByRole('button', { name: label('核验') }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('核验意见').fill('经核查，整改到位。');
    await dialog.getByRole('button', { name: label('提交') }).click();
    await expect.poll(async () => (await api<ItemJson>(page, `/api/supervision/items/${items.housing}`)).body.state, { timeout: 10_000 }).toBe('done');
    await page.goto(`${web.base}/supervision/items/${items.housing}`);
    await settle(page);
    expect(await page.locator('main').innerText()).toContain('已办结');
    expect(await page.locator('.sv-item-desc').innerText()).toMatch(/责任领导\s*王某/);
  });

  it('the office sets a unit’s 文书邮箱 on the notices page; a unit user has no such button', async () => {
    const page = await signedIn('office');
    await page.goto(`${web.base}/supervision/notices`);
    await settle(page);
    await page.getByRole('button', { name: /文书邮箱/ }).click();
    const dialog = page.getByRole('dialog', { name: '文书邮箱' });
    await dialog.getByLabel('单位').fill(HOUSING);
    await dialog.getByLabel('邮箱').fill('not-an-address');
    await dialog.getByRole('button', { name: label('保存') }).click();
    await expect.poll(async () => dialog.innerText()).toContain('邮件地址应形如');
    await dialog.getByLabel('邮箱').fill('zjj@tongliao.example');
    await dialog.getByRole('button', { name: label('保存') }).click();
    await expect.poll(async () => dialog.locator('.ant-table-row').allInnerTexts(), { timeout: 10_000 }).toEqual([expect.stringContaining('zjj@tongliao.example')]);
    await page.screenshot({ path: join(shots, 'supervision-mailboxes-1366.png') });
    const listed = await api<{ unit: string; address: string }[]>(page, '/api/supervision/mailboxes');
    expect(listed.body).toMatchObject([{ unit: HOUSING, address: 'zjj@tongliao.example' }]);
    const unit = await signedIn('housing');
    await unit.goto(`${web.base}/supervision/notices`);
    await settle(unit);
    expect(await unit.getByRole('button', { name: /文书邮箱/ }).count()).toBe(0);
  });

  it("a unit user cannot open another unit's item: the page says 未找到 and the API answers 404", async () => {
    const page = await signedIn('housing');
    await page.goto(`${web.base}/supervision/items/${items.education}`);
    await settle(page);
    const main = await page.locator('main').innerText();
    expect(main).toContain('未找到');
    expect(main).not.toContain('中小学校');
    expect((await api(page, `/api/supervision/items/${items.education}`)).status).toBe(404);
    // The ledger list shows the unit its own items only.
    await page.goto(`${web.base}/supervision`);
    await settle(page);
    const list = await page.locator('.ant-table-tbody').innerText();
    expect(list).toContain('供热管网');
    expect(list).not.toContain('中小学校');
    await page.screenshot({ path: join(shots, 'supervision-forbidden-item-1366.png') });
  });

  /** Every supervision page, as the role that uses it: screenshots at both sizes, no sideways scroll, axe-core. */
  it('renders every supervision page at 1366×768 and 375 px without serious accessibility violations', async () => {
    const pages: { name: string; path: string; as: string }[] = [
      { name: 'supervision-list', path: '/supervision', as: 'office' },
      { name: 'supervision-list-filtered', path: `/supervision?ledger=${ledgerId}&state=working`, as: 'office' },
      { name: 'supervision-ledger', path: `/supervision/ledgers/${ledgerId}`, as: 'office' },
      { name: 'supervision-item-done', path: `/supervision/items/${items.housing}`, as: 'office' },
      { name: 'supervision-item-extension', path: `/supervision/items/${items.education}`, as: 'office' },
      { name: 'supervision-approvals', path: '/supervision/approvals', as: 'office' },
      { name: 'supervision-document', path: `/documents/${documentId}`, as: 'office' },
      { name: 'supervision-mine', path: '/supervision/mine?tab=working', as: 'education' },
      { name: 'supervision-item-unit', path: `/supervision/items/${items.education}`, as: 'education' },
      { name: 'supervision-list-leader', path: '/supervision', as: 'leader' },
      { name: 'supervision-rules', path: '/supervision/rules', as: 'office' },
      { name: 'supervision-calendar', path: '/supervision/rules?tab=calendar', as: 'office' },
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
        await page.goto(`${web.base}${p.path}`);
        await settle(page);
        findings.push(...(await checkPage(page, p.name, vp.tag)));
      }
    }
    expect(findings).toEqual([]);
  }, 300_000);
});
