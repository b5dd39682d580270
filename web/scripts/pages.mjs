// The pages to look at and to check, each with what to do once it has loaded. Shared by
// shots.mjs (screenshots) and axe.mjs (accessibility).
import { LEADER, meFor } from './mock-api.mjs';

/** Loaded: no request for a while, and no skeleton or spinner left (lazy chunks load in steps). */
const settle = async (page) => {
  await page.waitForLoadState('networkidle');
  await page
    .waitForFunction(() => document.querySelector('#root > *') && !document.querySelector('.ant-skeleton, .ant-spin-spinning, .ant-spin-blur, .page-loading, .full-page-center'), null, { timeout: 10_000 })
    .catch(() => {});
  // Ant Design fades content in after loading.
  await page.waitForTimeout(500);
};

export const PAGES = [
  { name: 'login', path: '/login', me: null },
  { name: 'login-error', path: '/login', me: null, act: async (p) => { await p.fill('#username', 'admin'); await p.fill('#password', 'wrong'); await p.keyboard.press('Enter'); await p.waitForSelector('.ant-alert-error'); } },
  { name: 'forced-password', path: '/', me: meFor({ user: { mustChangePassword: true } }) },
  { name: 'home', path: '/' },
  { name: 'search-empty', path: '/search' },
  { name: 'search', path: '/search?q=%E8%90%A5%E5%95%86%E7%8E%AF%E5%A2%83' },
  { name: 'search-facets', path: '/search?q=%E8%90%A5%E5%95%86%E7%8E%AF%E5%A2%83&kind=task&kind=document&validity=valid' },
  { name: 'search-docnumber', path: `/search?q=${encodeURIComponent('通政办发[2023]65号')}` },
  { name: 'document', path: '/documents/15' },
  { name: 'document-tasks', path: '/documents/18', act: async (p) => { await p.getByRole('tab', { name: /任务清单/ }).click(); await p.waitForTimeout(300); } },
  { name: 'document-untitled', path: '/documents/19' },
  { name: 'print', path: '/documents/18/print' },
  { name: 'appointments', path: '/appointments' },
  { name: 'appointments-drawer', path: '/appointments?post=%E5%89%AF%E5%B1%80%E9%95%BF', act: async (p) => { await p.locator('.ant-table-row .inline-link').first().click(); await p.waitForSelector('.ant-drawer .ant-timeline'); await p.waitForTimeout(400); } },
  { name: 'chronicle', path: '/chronicle' },
  { name: 'chronicle-range', path: '/chronicle?from=2022-03-01&to=2022-04-30' },
  { name: 'units', path: '/units' },
  { name: 'units-collectives', path: '/units?tab=collectives', act: async (p) => { await p.locator('.ant-table-row-expand-icon').first().click(); await p.waitForTimeout(200); } },
  {
    name: 'import',
    path: '/import',
    act: async (p) => {
      await p.setInputFiles('input[type=file]', [
        { name: '001_8e672ddf229b4080.txt', mimeType: 'text/plain', buffer: Buffer.from('通辽市人民政府公报') },
        { name: '2023年第6期公报.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4') },
      ]);
      await p.getByRole('button', { name: /开始导入/ }).click();
      await p.waitForSelector('.outcome-list');
      await p.locator('.outcome .ant-collapse-header').first().click();
      await p.waitForTimeout(300);
    },
  },
  { name: 'users', path: '/admin/users' },
  { name: 'user-modal', path: '/admin/users', act: async (p) => { await p.getByRole('button', { name: '新增用户' }).click(); await p.getByLabel('承办单位').check(); await p.waitForTimeout(400); } },
  { name: 'sessions', path: '/admin/sessions' },
  { name: 'audit', path: '/audit', act: async (p) => { await p.locator('.ant-table-row-expand-icon:not(.ant-table-row-expand-icon-spaced)').first().click(); await p.waitForTimeout(200); } },
  { name: 'forbidden', path: '/admin/users', me: LEADER },
  { name: 'not-found', path: '/no-such-page' },
  { name: 'public', path: '/public', me: null },
  { name: 'public-topic', path: '/public?preferential=true', me: null },
  { name: 'public-search', path: '/public?q=%E5%BB%BA%E7%AD%91%E4%B8%9A', me: null },
  { name: 'public-document', path: '/public/documents/13', me: null },
  { name: 'public-closed', path: '/public', me: null, publicOpen: false },
];

export { settle };
