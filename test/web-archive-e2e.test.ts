// 归档 in the browser, end to end: the built pages (web/dist) served by the real server over a real
// SQLite store, driven in the system's Chromium by playwright-core. The administrator sets the
// 全宗号 on 归档设置; a clerk opens 归档 from the menu, sees the 阅件 and the returned letter ready
// (not the unfinished 办件), files the 阅件 in the dialog with its default 保管期限, finds it under
// 已归档 with its 档号 and downloads the 归档文件目录, opened back here with exceljs; 收文详情 shows
// the 档号. Screenshots of each page at 1366×768 and 375 px, axe-core on each.
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { registerIncoming } from '../src/store/incoming/register.ts';
import { reviewIncoming } from '../src/store/incoming/review.ts';
import { letterText } from './archive-documents.ts';
import { axeViolations, HAVE_CHROMIUM, label, settle, SHOTS as shots, VIEWPORTS, warnWithoutChromium, webHarness } from './web-harness.ts';

warnWithoutChromium('归档');

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

describe.skipIf(!HAVE_CHROMIUM)('归档 in Chromium', () => {
  const ids = { read: 0, handled: 0, returned: 0 };
  const web = webHarness({
    users: [
      { username: 'clerk', roles: ['clerk'] },
      { username: 'admin', roles: ['admin'] },
    ],
    // Three letters registered and sorted as a clerk does it on 收文登记 (tested there).
    setup: async (store, clock) => {
      const options = { actor: { name: 'clerk' }, clock, series: '收' };
      const reg = async (n: number) => (await registerIncoming(store, { bytes: Buffer.from(letterText(n, 2026, 11), 'utf8'), name: `函${n}.txt` }, options)).incoming.id;
      ids.read = await reg(80);
      ids.handled = await reg(81);
      ids.returned = await reg(82);
      await reviewIncoming(store, ids.read, { kind: '阅件' }, options);
      await reviewIncoming(store, ids.handled, { kind: '办件' }, options);
      await reviewIncoming(store, ids.returned, { returned: true, reason: '请径送县档案馆' }, options);
    },
  });
  const signedIn = web.signedIn;

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
    await page.goto(`${web.base}/incoming/${ids.read}`);
    await settle(page);
    const panel = page.locator('.inc-archive-panel');
    expect(await panel.innerText()).toContain('K021-WS·2026-D10-0001');
    expect(await page.locator('main').innerText()).toContain('已归档');
  });

  it('renders the 归档 pages at 1366×768 and 375 px without serious accessibility violations', async () => {
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
        await page.goto(`${web.base}${p.path}`);
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
        for (const v of await axeViolations(page)) findings.push(`${p.name} @${vp.tag}: ${v}`);
      }
    }
    expect(findings).toEqual([]);
  }, 300_000);
});
