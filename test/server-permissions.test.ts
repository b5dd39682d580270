// The permission matrix: every /api route the server has, called by a visitor without a session
// and by a user of every role, on both engines. What each call may get follows from the policy
// table alone (src/auth/policy.ts): 401 without a session (but for public routes), 403 for a role
// without the route's permission, anything else for a role with it. A route without an example
// request here fails the test, so a new route cannot go untested.
import { describe, expect, it } from 'vitest';
import { allows, ROLES, type Access, type Role } from '../src/auth/policy.ts';
import { PASSWORD, serverHarness, type Harness } from './server-harness.ts';
import { DIALECTS } from './store-targets.ts';

const NOTICE = ['某某市人民政府办公室关于做好冬季供暖工作的通知', '某政办发〔2026〕40号', '各旗县区人民政府：', '一、保障供暖。（责任单位：市住建局）', '某某市人民政府办公室', '2026年11月1日'].join('\n');

function multipart(name: string, text: string): { payload: Buffer; headers: Record<string, string> } {
  const boundary = '----duban-test-boundary';
  const payload = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: text/plain\r\n\r\n`),
    Buffer.from(text),
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

interface Example {
  /** What the route must declare: written here a second time, on purpose, so that a route's access changes only with this table. */
  access: Access;
  url: string;
  payload?: unknown;
  headers?: Record<string, string>;
}

/** One request per route, harmless to repeat for every role, and the access the route must declare. */
const EXAMPLES: Record<string, Example | (() => Example)> = {
  'GET /api/openapi.json': { access: 'signed-in', url: '/api/openapi.json' },
  'POST /api/auth/login': { access: 'public', url: '/api/auth/login', payload: { username: 'leader', password: PASSWORD } },
  'POST /api/auth/logout': { access: 'signed-in', url: '/api/auth/logout' },
  'GET /api/auth/me': { access: 'signed-in', url: '/api/auth/me' },
  'POST /api/auth/password': { access: 'account.self', url: '/api/auth/password', payload: { currentPassword: 'not-the-password', newPassword: 'Another-Passw0rd' } },
  'GET /api/auth/policy': { access: 'signed-in', url: '/api/auth/policy' },
  'GET /api/stats': { access: 'library.read', url: '/api/stats' },
  'GET /api/search': { access: 'library.read', url: `/api/search?q=${encodeURIComponent('供暖')}` },
  'GET /api/documents': { access: 'library.read', url: '/api/documents' },
  'GET /api/documents/:id': { access: 'library.read', url: '/api/documents/1' },
  'GET /api/documents/:id/outline': { access: 'library.read', url: '/api/documents/1/outline' },
  'GET /api/documents/:id/tasks': { access: 'library.read', url: '/api/documents/1/tasks' },
  'GET /api/units': { access: 'library.read', url: '/api/units' },
  'GET /api/collectives': { access: 'library.read', url: '/api/collectives' },
  'GET /api/appointments': { access: 'library.read', url: '/api/appointments' },
  'GET /api/chronicle': { access: 'library.read', url: '/api/chronicle' },
  'POST /api/imports': () => ({ access: 'library.import', url: '/api/imports', ...multipart('供暖通知.txt', NOTICE) }),
  'POST /api/incoming': () => ({ access: 'incoming.register', url: '/api/incoming?channel=政', ...multipart('供暖通知.txt', NOTICE) }),
  'GET /api/incoming': { access: 'incoming.read', url: '/api/incoming' },
  'GET /api/incoming/:id': { access: 'incoming.read', url: '/api/incoming/1' },
  'GET /api/incoming/:id/slip.docx': { access: 'incoming.read', url: '/api/incoming/999999/slip.docx' },
  'GET /api/incoming/book.xlsx': { access: 'incoming.read', url: '/api/incoming/book.xlsx' },
  'POST /api/incoming/:id/review': { access: 'incoming.register', url: '/api/incoming/999999/review', payload: { kind: '办件' } },
  'GET /api/incoming/:id/proposal-draft': { access: 'incoming.propose', url: '/api/incoming/999999/proposal-draft' },
  'POST /api/incoming/:id/propose': { access: 'incoming.propose', url: '/api/incoming/999999/propose', payload: { text: '请阅示。', leaders: ['leader'], mode: 'sequence' } },
  'GET /api/incoming/awaiting-me': { access: 'incoming.instruct', url: '/api/incoming/awaiting-me' },
  'POST /api/incoming/:id/instruct': { access: 'incoming.instruct', url: '/api/incoming/999999/instruct', payload: { action: 'circle' } },
  'POST /api/incoming/:id/circulate': { access: 'incoming.circulate', url: '/api/incoming/999999/circulate', payload: { users: ['leader'] } },
  'POST /api/incoming/:id/circulation/:rid/remind': { access: 'incoming.circulate', url: '/api/incoming/999999/circulation/1/remind', payload: {} },
  'POST /api/incoming/:id/circulation/:rid/recall': { access: 'incoming.circulate', url: '/api/incoming/999999/circulation/1/recall', payload: {} },
  'GET /api/incoming/recipients': { access: 'incoming.circulate', url: '/api/incoming/recipients' },
  'GET /api/incoming/leaders': { access: 'incoming.instruct', url: '/api/incoming/leaders' },
  'GET /api/directory/units': { access: 'library.read', url: `/api/directory/units?q=${encodeURIComponent('住房')}` },
  'GET /api/incoming/circulated-to-me': { access: 'incoming.receive', url: '/api/incoming/circulated-to-me' },
  'POST /api/incoming/:id/circulation/open': { access: 'incoming.receive', url: '/api/incoming/999999/circulation/open' },
  'POST /api/incoming/:id/circulation/read': { access: 'incoming.receive', url: '/api/incoming/999999/circulation/read' },
  'GET /api/incoming/archive/ready': { access: 'incoming.archive', url: '/api/incoming/archive/ready' },
  'POST /api/incoming/:id/archive': { access: 'incoming.archive', url: '/api/incoming/999999/archive', payload: { retention: '10年' } },
  'GET /api/incoming/archive': { access: 'incoming.archive', url: '/api/incoming/archive?year=2026' },
  'GET /api/incoming/archive.xlsx': { access: 'incoming.archive', url: '/api/incoming/archive.xlsx?year=2026' },
  'GET /api/incoming/archive-settings': { access: 'incoming.read', url: '/api/incoming/archive-settings' },
  // Refused (400: the 全宗号 is not one) for the administrator, nothing written for anyone.
  'PUT /api/incoming/archive-settings': { access: 'archive.settings', url: '/api/incoming/archive-settings', payload: { fondsCode: '全宗', fondsName: '某机关', units: [], defaults: { 办件: '30年', 阅件: '10年', 退回: '10年' } } },
  'GET /api/incoming/:id/assign-draft': { access: 'incoming.assign', url: '/api/incoming/999999/assign-draft' },
  'POST /api/incoming/:id/assign': { access: 'incoming.assign', url: '/api/incoming/999999/assign', payload: { lead: '通辽市交通运输局' } },
  'POST /api/incoming/:id/assignments/:aid/urge': { access: 'incoming.assign', url: '/api/incoming/999999/assignments/1/urge', payload: {} },
  'POST /api/incoming/:id/conclude': { access: 'incoming.assign', url: '/api/incoming/999999/conclude', payload: {} },
  'GET /api/incoming/assigned-to-me': { access: 'incoming.handle', url: '/api/incoming/assigned-to-me' },
  'POST /api/incoming/:id/assignments/:aid/accept': { access: 'incoming.handle', url: '/api/incoming/999999/assignments/1/accept', payload: {} },
  'POST /api/incoming/:id/assignments/:aid/reply': { access: 'incoming.handle', url: '/api/incoming/999999/assignments/1/reply', payload: { text: '不存在的收文' } },
  'GET /api/admin/users': { access: 'users.manage', url: '/api/admin/users' },
  'POST /api/admin/users': { access: 'users.manage', url: '/api/admin/users', payload: { username: 'x', displayName: '无效', roles: ['leader'], password: 'short' } },
  'PATCH /api/admin/users/:id': { access: 'users.manage', url: '/api/admin/users/999999', payload: { displayName: '不存在' } },
  'POST /api/admin/users/:id/password': { access: 'users.manage', url: '/api/admin/users/999999/password', payload: { password: 'Another-Passw0rd' } },
  'POST /api/admin/users/:id/unlock': { access: 'users.manage', url: '/api/admin/users/999999/unlock' },
  'GET /api/admin/sessions': { access: 'sessions.manage', url: '/api/admin/sessions' },
  'POST /api/admin/sessions/:id/revoke': { access: 'sessions.manage', url: '/api/admin/sessions/nosuchsession/revoke' },
  'GET /api/admin/audit': { access: 'audit.read', url: '/api/admin/audit' },
  'GET /api/supervision/ledgers': { access: 'supervision.read', url: '/api/supervision/ledgers' },
  'POST /api/supervision/ledgers': { access: 'supervision.manage', url: '/api/supervision/ledgers', payload: { sourceKind: 'document', documentId: 999999 } },
  'GET /api/supervision/ledgers/:id': { access: 'supervision.read', url: '/api/supervision/ledgers/999999' },
  'POST /api/supervision/ledgers/:id/items': { access: 'supervision.manage', url: '/api/supervision/ledgers/999999/items', payload: { text: '不存在的台账', units: [] } },
  'POST /api/supervision/ledgers/:id/merge': { access: 'supervision.manage', url: '/api/supervision/ledgers/999999/merge', payload: { itemIds: [999998, 999999] } },
  'POST /api/supervision/ledgers/:id/issue': { access: 'supervision.manage', url: '/api/supervision/ledgers/999999/issue', payload: {} },
  'GET /api/supervision/ledgers/:id/ledger.xlsx': { access: 'supervision.read', url: '/api/supervision/ledgers/999999/ledger.xlsx' },
  'GET /api/supervision/items': { access: 'supervision.read', url: '/api/supervision/items' },
  'GET /api/supervision/items/:id': { access: 'supervision.read', url: '/api/supervision/items/999999' },
  'PATCH /api/supervision/items/:id': { access: 'supervision.manage', url: '/api/supervision/items/999999', payload: { version: 1, text: '不存在' } },
  'POST /api/supervision/items/:id/split': { access: 'supervision.manage', url: '/api/supervision/items/999999/split', payload: { version: 1, texts: ['一', '二'] } },
  'POST /api/supervision/items/:id/drop': { access: 'supervision.manage', url: '/api/supervision/items/999999/drop', payload: { version: 1, reason: '不存在' } },
  'POST /api/supervision/items/:id/terminate': { access: 'supervision.manage', url: '/api/supervision/items/999999/terminate', payload: { version: 1, reason: '不存在' } },
  'POST /api/supervision/items/:id/sign': { access: 'supervision.act', url: '/api/supervision/items/999999/sign' },
  'POST /api/supervision/items/:id/reports': { access: 'supervision.act', url: '/api/supervision/items/999999/reports', payload: { progress: '不存在', percent: 10 } },
  'POST /api/supervision/items/:id/reports/upload': () => ({ access: 'supervision.act', url: '/api/supervision/items/999999/reports/upload', ...multipart('进展说明.txt', '不存在的事项') }),
  'GET /api/supervision/attachments/:id': { access: 'supervision.read', url: '/api/supervision/attachments/999999' },
  'POST /api/supervision/items/:id/claim': { access: 'supervision.act', url: '/api/supervision/items/999999/claim', payload: { version: 1, summary: '不存在' } },
  'POST /api/supervision/items/:id/verify': { access: 'supervision.manage', url: '/api/supervision/items/999999/verify', payload: { version: 1, accept: true } },
  'POST /api/supervision/items/:id/extensions': { access: 'supervision.act', url: '/api/supervision/items/999999/extensions', payload: { asked: '2027-01-31', reason: '不存在' } },
  'POST /api/supervision/extensions/:id/decide': { access: 'supervision.manage', url: '/api/supervision/extensions/999999/decide', payload: { approve: true } },
  'GET /api/supervision/workbench': { access: 'supervision.act', url: '/api/supervision/workbench' },
  'GET /api/supervision/approvals': { access: 'supervision.manage', url: '/api/supervision/approvals' },
  'GET /api/supervision/notices': { access: 'supervision.read', url: '/api/supervision/notices' },
  'GET /api/supervision/notices/:id.docx': { access: 'supervision.read', url: '/api/supervision/notices/999999.docx' },
  'POST /api/supervision/notices/:id/read': { access: 'supervision.act', url: '/api/supervision/notices/999999/read' },
  'GET /api/supervision/bulletins': { access: 'supervision.read', url: '/api/supervision/bulletins' },
  'GET /api/supervision/bulletins/:month': { access: 'supervision.read', url: '/api/supervision/bulletins/2026-11' },
  'GET /api/supervision/bulletins/:month.docx': { access: 'supervision.read', url: '/api/supervision/bulletins/2026-11.docx' },
  'GET /api/supervision/dispatch': { access: 'supervision.read', url: '/api/supervision/dispatch?period=2026-11' },
  'GET /api/supervision/dispatch.xlsx': { access: 'supervision.read', url: '/api/supervision/dispatch.xlsx?period=2026-11-H2' },
  'GET /api/supervision/scores': { access: 'supervision.read', url: '/api/supervision/scores?year=2026' },
  'GET /api/supervision/scores.xlsx': { access: 'supervision.read', url: '/api/supervision/scores.xlsx?year=2026' },
  'POST /api/supervision/bulletins/:month/publish': { access: 'supervision.manage', url: '/api/supervision/bulletins/2026-11/publish' },
  'GET /api/supervision/rules': { access: 'supervision.read', url: '/api/supervision/rules' },
  'PUT /api/supervision/rules': { access: 'supervision.rules', url: '/api/supervision/rules', payload: { lights: { yellowWithin: 3 } } },
  'GET /api/calendar/years': { access: 'signed-in', url: '/api/calendar/years' },
  // Not a notice: refused (400) for those who may import, nothing written for anyone.
  'POST /api/calendar/notices': { access: 'calendar.manage', url: '/api/calendar/notices', payload: { text: '不是节假日安排通知' } },
  'POST /api/supervision/tick': { access: 'supervision.manage', url: '/api/supervision/tick' },
  'GET /api/admin/office-leaders': { access: 'leaders.manage', url: '/api/admin/office-leaders' },
  'PUT /api/admin/office-leaders': { access: 'leaders.manage', url: '/api/admin/office-leaders', payload: { leaders: [{ name: '', title: '', areas: [], units: [] }] } },
  'GET /api/supervision/mailboxes': { access: 'supervision.rules', url: '/api/supervision/mailboxes' },
  'PUT /api/supervision/mailboxes': { access: 'supervision.rules', url: '/api/supervision/mailboxes', payload: { unit: '不存在的单位', address: 'x@example.gov.cn' } },
  'GET /api/admin/audit/verify': { access: 'audit.read', url: '/api/admin/audit/verify' },
  'GET /api/public/stats': { access: 'public', url: '/api/public/stats' },
  'GET /api/public/search': { access: 'public', url: `/api/public/search?q=${encodeURIComponent('供暖')}` },
  'GET /api/public/documents': { access: 'public', url: '/api/public/documents' },
  'GET /api/public/documents/:id': { access: 'public', url: '/api/public/documents/1' },
  'GET /api/public/documents/:id/outline': { access: 'public', url: '/api/public/documents/1/outline' },
};

/** What a caller may get from a route: 'denied' (401/403 as the case may be) or 'through'. */
function expected(access: Access, role: Role | null): 401 | 403 | 'through' {
  if (access === 'public') return 'through';
  if (role === null) return 401;
  if (access === 'signed-in') return 'through';
  return allows({ roles: [role], unit: null }, access) ? 'through' : 403;
}

async function call(h: Harness, method: string, key: string, role: Role | null): Promise<number> {
  const example = EXAMPLES[key]!;
  const e = typeof example === 'function' ? example() : example;
  // Signing out ends the session it is called with: those calls get a session of their own.
  const session = role === null ? null : key === 'POST /api/auth/logout' ? ((await h.signIn(role)) as { cookie: string; csrf: string }) : h.as(role);
  const r = await h.request({ method: method as 'GET', url: e.url, payload: e.payload as Record<string, unknown>, headers: e.headers, session });
  return r.status;
}

for (const { dialect, available } of DIALECTS) {
  describe.skipIf(!available)(`permission matrix (${dialect})`, () => {
    const h = serverHarness(dialect, { settings: { publicLibrary: true } });

    it('has an example request for every route, and a route for every example', () => {
      const routes = h.app.routeAccess.map((r) => `${r.method} ${r.url}`).sort();
      expect(routes.length).toBeGreaterThan(20);
      expect(routes).toEqual(Object.keys(EXAMPLES).sort());
      for (const r of h.app.routeAccess) {
        const e = EXAMPLES[`${r.method} ${r.url}`]!;
        expect({ route: `${r.method} ${r.url}`, access: r.access }).toEqual({ route: `${r.method} ${r.url}`, access: (typeof e === 'function' ? e() : e).access });
      }
    });

    it('answers every route as the policy table says, for a visitor and for every role', async () => {
      const wrong: string[] = [];
      for (const route of h.app.routeAccess) {
        const key = `${route.method} ${route.url}`;
        for (const role of [null, ...ROLES]) {
          const status = await call(h, route.method, key, role);
          const want = expected(route.access, role);
          const ok = want === 'through' ? status !== 401 && status !== 403 && status < 500 : status === want;
          if (!ok) wrong.push(`${key} as ${role ?? 'visitor'}: ${status}, expected ${want}`);
        }
      }
      expect(wrong).toEqual([]);
    });

    it('denies what the table denies: a unit user gets 403 from the administration routes', async () => {
      for (const url of ['/api/admin/users', '/api/admin/sessions', '/api/admin/audit', '/api/admin/audit/verify']) {
        const r = await h.request({ method: 'GET', url, session: h.as('unit') });
        expect(r.status).toBe(403);
        expect(r.body).toEqual({ error: '无权执行此操作' });
      }
    });
  });
}
