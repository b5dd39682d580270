// axe-core on every page (pages.mjs) at 1366×768 and 375×812; prints the violations by impact
// and exits non-zero when one is serious or critical. Needs the app served (vite preview) and,
// for today's routes, the backend on :8091; the routes still to come are answered by mock-api.mjs.
// Run: node web/scripts/axe.mjs [name…]
import { createRequire } from 'node:module';
import { chromium } from 'playwright-core';
import { createMockApi, meFor } from './mock-api.mjs';
import { PAGES, settle } from './pages.mjs';

const require = createRequire(import.meta.url);
const BASE = process.env.WEB_URL ?? 'http://127.0.0.1:4173';
const only = process.argv.slice(2);
const VIEWPORTS = [
  { tag: 'desktop', width: 1366, height: 768 },
  { tag: 'phone', width: 375, height: 812 },
];
const ORDER = ['critical', 'serious', 'moderate', 'minor'];

const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
const totals = Object.fromEntries(ORDER.map((k) => [k, 0]));
const seen = new Map();
for (const vp of VIEWPORTS) {
  for (const def of PAGES.filter((d) => only.length === 0 || only.includes(d.name))) {
    const context = await browser.newContext({ viewport: { width: vp.width, height: vp.height }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
    const page = await context.newPage();
    await page.route('**/api/**', createMockApi({ me: def.me === undefined ? meFor() : def.me, publicOpen: def.publicOpen ?? true }));
    await page.goto(BASE + def.path);
    await settle(page);
    if (def.act) await def.act(page);
    await settle(page);
    await page.addScriptTag({ path: require.resolve('axe-core') });
    const result = await page.evaluate(async () => {
      // eslint-disable-next-line no-undef
      const r = await axe.run(document, { resultTypes: ['violations'] });
      const detail = (n) => {
        const d = n.any?.[0]?.data;
        if (d && d.fgColor) return ` [${d.fgColor} on ${d.bgColor} = ${d.contrastRatio}:1, «${n.html.replace(/<[^>]+>/g, '').slice(0, 20)}»]`;
        return ` ${(n.failureSummary ?? '').split('\n').slice(1, 2).join(' ').trim()}`;
      };
      return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => n.target.join(' ').slice(-60) + detail(n)).slice(0, 12), count: v.nodes.length }));
    });
    const title = await page.title();
    const lang = await page.evaluate(() => document.documentElement.lang);
    const line = result.length === 0 ? 'no violations' : result.map((v) => `${v.impact}:${v.id}×${v.count}`).join(', ');
    console.log(`${def.name.padEnd(20)} ${vp.tag.padEnd(7)} lang=${lang} «${title}»  ${line}`);
    for (const v of result) {
      totals[v.impact] += v.count;
      const key = `${v.impact} ${v.id}`;
      const entry = seen.get(key) ?? { help: v.help, pages: new Set(), nodes: new Set() };
      entry.pages.add(`${def.name}@${vp.tag}`);
      for (const n of v.nodes) entry.nodes.add(n);
      seen.set(key, entry);
    }
    await context.close();
  }
}
await browser.close();

console.log('\nViolations by impact (nodes):', ORDER.map((k) => `${k} ${totals[k]}`).join(' · '));
for (const impact of ORDER)
  for (const [key, e] of seen)
    if (key.startsWith(`${impact} `)) console.log(`\n[${key}] ${e.help}\n  pages: ${[...e.pages].join(', ')}\n  e.g.:
    ${[...e.nodes].slice(0, process.env.AXE_DETAIL ? 40 : 5).join('\n    ')}`);
process.exitCode = totals.critical + totals.serious > 0 ? 1 : 0;
