// Screenshots of every page at 1366×768 and 375×812, into /tmp/web-shots/, and a report of any
// page wider than its window (a table or title pushing the page sideways).
// Run: npm run build -w web && (cd web && npx vite preview &) ; node web/scripts/shots.mjs [name…]
import { mkdirSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { createMockApi, meFor } from './mock-api.mjs';
import { PAGES, settle } from './pages.mjs';

const BASE = process.env.WEB_URL ?? 'http://127.0.0.1:4173';
const OUT = process.env.SHOTS_DIR ?? '/tmp/web-shots';
const only = process.argv.slice(2);
const VIEWPORTS = [
  { tag: 'desktop', width: 1366, height: 768 },
  { tag: 'phone', width: 375, height: 812 },
];

mkdirSync(OUT, { recursive: true });
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
const problems = [];
for (const vp of VIEWPORTS) {
  for (const def of PAGES.filter((d) => only.length === 0 || only.includes(d.name))) {
    const context = await browser.newContext({ viewport: { width: vp.width, height: vp.height }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai', deviceScaleFactor: 1 });
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
    page.on('console', (m) => m.type() === 'error' && errors.push(`console: ${m.text()}`));
    await page.route('**/api/**', createMockApi({ me: def.me === undefined ? meFor() : def.me, publicOpen: def.publicOpen ?? true }));
    await page.goto(BASE + def.path);
    await settle(page);
    if (def.act) await def.act(page);
    await settle(page);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    if (overflow > 0) problems.push(`${def.name} @${vp.tag}: page ${overflow}px wider than the window`);
    const english = await page.evaluate(() => {
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      const out = new Set();
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const t = n.textContent.trim();
        // Data may be Latin (user names, file names, IPs); UI words would be capitalised or spaced English.
        const data = /^[a-z0-9_.@#:\/ -]+$/.test(t) || /^[\w.-]+\.[a-z0-9]{2,4}$/i.test(t);
        if (/[A-Za-z]{3,}/.test(t) && !/[\u4e00-\u9fff]/.test(t) && !data && !n.parentElement.closest('pre')) out.add(t.slice(0, 60));
      }
      return [...out];
    });
    if (english.length > 0) problems.push(`${def.name} @${vp.tag}: Latin text ${JSON.stringify(english.slice(0, 8))}`);
    for (const e of errors) problems.push(`${def.name} @${vp.tag}: ${e}`);
    const title = await page.title();
    // The first screen as a person sees it, and the whole page for what lies below.
    await page.screenshot({ path: `${OUT}/${def.name}-${vp.tag}.png` });
    await page.screenshot({ path: `${OUT}/${def.name}-${vp.tag}-full.png`, fullPage: true });
    console.log(`${def.name}-${vp.tag}.png  «${title}»`);
    await context.close();
  }
}
await browser.close();
console.log(problems.length ? `\nProblems:\n${problems.join('\n')}` : '\nNo overflow, no Latin text, no errors.');
