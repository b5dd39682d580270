// Contract-shaped answers for the routes the server does not have yet, for looking at the pages
// (shots.mjs) and checking them (axe.mjs) before the new server lands. Routes that exist today are
// fetched from the running backend and, where today's shape differs from the contract (arrays for
// pages, fields not yet sent), wrapped or filled in. Not used by the app itself.

export const ALL_PERMISSIONS = ['library.read', 'library.import', 'users.manage', 'sessions.manage', 'audit.read', 'account.self'];

export const meFor = (over = {}) => ({
  user: { id: 1, username: 'admin', displayName: '王晓明', roles: ['admin', 'supervisor'], unit: null, mustChangePassword: false, ...(over.user ?? {}) },
  permissions: over.permissions ?? ALL_PERMISSIONS,
  csrfToken: 'test-csrf-token',
  expiresAt: '2026-11-25T10:00:00.000Z',
  idleMinutes: 30,
  publicLibrary: over.publicLibrary ?? true,
});

export const LEADER = meFor({ user: { id: 7, username: 'lizhong', displayName: '李忠', roles: ['leader'] }, permissions: ['library.read', 'account.self'] });

const TOPICS = [
  ['营商环境', /营商|企业|建筑业|装配式|研发|金融|知识产权/],
  ['应急管理', /应急|突发|疫情|火灾|救援/],
  ['城乡建设', /城乡|建设|历史建筑|城市/],
  ['政务服务', /政务|事项|一件事|通办|规范性文件/],
  ['生态环保', /秸秆|生态|医疗废物/],
];
const topicsOf = (title) => TOPICS.filter(([, re]) => re.test(title ?? '')).map(([t]) => t);
const preferentialOf = (title) => /建筑业|装配式|研发|金融|知识产权|营商/.test(title ?? '');

function withContractFields(doc) {
  const topics = topicsOf(doc.title);
  return {
    provisional: false,
    access: 'public',
    topic: topics[0] ?? null,
    topics,
    preferential: preferentialOf(doc.title),
    repealedBy: [],
    line: doc.line ?? 1,
    endLine: doc.endLine ?? 1,
    ...doc,
  };
}

const count = (values) => {
  const m = new Map();
  for (const v of values) if (v !== null && v !== undefined && v !== '') m.set(String(v), (m.get(String(v)) ?? 0) + 1);
  return [...m].map(([value, c]) => ({ value, count: c })).sort((a, b) => b.count - a.count);
};

export function createMockApi({ backend = 'http://127.0.0.1:8091', me = meFor(), publicOpen = true } = {}) {
  let docs = null;
  const backendJson = async (path) => {
    const r = await fetch(backend + path);
    return { status: r.status, body: await r.json() };
  };
  const allDocs = async () => (docs ??= (await backendJson('/api/documents?limit=500')).body.map(withContractFields));
  const asResult = async (hits, offset, limit) => {
    const all = await allDocs();
    const byId = new Map(all.map((d) => [d.id, d]));
    const hitDocs = hits.map((h) => byId.get(h.documentId)).filter(Boolean);
    return {
      hits,
      total: offset + hits.length,
      totalCapped: hits.length === limit,
      facets: {
        kind: count(hits.map((h) => h.kind)),
        issuer: count(hitDocs.flatMap((d) => d.issuer)),
        year: count(hitDocs.map((d) => d.date?.slice(0, 4))),
        type: count(hitDocs.map((d) => d.kind)),
        unit: [
          { value: '通辽市发展和改革委员会', count: 7 },
          { value: '通辽市住房和城乡建设局', count: 5 },
          { value: '各旗县市区人民政府', count: 9 },
        ],
        validity: count(hitDocs.map((d) => d.validity)),
        topic: count(hitDocs.map((d) => d.topic)),
      },
    };
  };

  const users = [
    { id: 1, username: 'admin', displayName: '王晓明', roles: ['admin', 'supervisor'], unit: null, disabled: false, mustChangePassword: false, lockedUntil: null, lastLoginAt: '2026-11-24T01:12:09.000Z', createdAt: '2026-10-01T02:00:00.000Z' },
    { id: 2, username: 'zhaoli', displayName: '赵丽', roles: ['clerk'], unit: null, disabled: false, mustChangePassword: true, lockedUntil: null, lastLoginAt: null, createdAt: '2026-11-20T02:00:00.000Z' },
    { id: 3, username: 'fgw01', displayName: '孙建国', roles: ['unit'], unit: '通辽市发展和改革委员会', disabled: false, mustChangePassword: false, lockedUntil: '2099-01-01T00:00:00.000Z', lastLoginAt: '2026-11-23T07:40:00.000Z', createdAt: '2026-10-11T02:00:00.000Z' },
    { id: 4, username: 'zjj02', displayName: '钱芳', roles: ['unit'], unit: '通辽市住房和城乡建设局', disabled: true, mustChangePassword: false, lockedUntil: null, lastLoginAt: '2026-09-02T03:00:00.000Z', createdAt: '2026-08-11T02:00:00.000Z' },
    { id: 7, username: 'lizhong', displayName: '李忠', roles: ['leader'], unit: null, disabled: false, mustChangePassword: false, lockedUntil: null, lastLoginAt: '2026-11-24T00:30:00.000Z', createdAt: '2026-10-01T02:00:00.000Z' },
  ];
  const ua = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36';
  const sessions = [
    { id: 's-9f2c', userId: 1, username: 'admin', createdAt: '2026-11-24T01:12:09.000Z', lastSeenAt: '2026-11-24T02:40:00.000Z', expiresAt: '2026-11-24T13:12:09.000Z', ip: '10.1.2.33', userAgent: ua, current: true },
    { id: 's-1ab7', userId: 7, username: 'lizhong', createdAt: '2026-11-24T00:30:00.000Z', lastSeenAt: '2026-11-24T02:10:00.000Z', expiresAt: '2026-11-24T12:30:00.000Z', ip: '10.1.5.8', userAgent: 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 Safari/604.1', current: false },
    { id: 's-77de', userId: 3, username: 'fgw01', createdAt: '2026-11-23T07:40:00.000Z', lastSeenAt: '2026-11-23T09:02:00.000Z', expiresAt: '2026-11-23T19:40:00.000Z', ip: null, userAgent: null, current: false },
  ];
  const audit = Array.from({ length: 45 }, (_, i) => {
    const kinds = ['login', 'user-update', 'import', 'login-failed', 'session-revoke', 'password-reset'];
    const action = kinds[i % kinds.length];
    return {
      id: 1000 - i,
      at: new Date(Date.UTC(2026, 10, 24, 2, 0, 0) - i * 37 * 60_000).toISOString(),
      actor: i % 7 === 3 ? 'system' : ['admin', 'zhaoli', 'lizhong'][i % 3],
      action,
      entity: action === 'import' ? 'source_file' : action.startsWith('login') ? 'session' : 'user',
      entityId: action === 'login-failed' ? null : 10 + i,
      before: action === 'user-update' ? { displayName: '赵丽', roles: ['clerk'], disabled: false } : null,
      after: action === 'user-update' ? { displayName: '赵丽', roles: ['clerk', 'supervisor'], disabled: false } : action === 'import' ? { name: '001_8e672ddf229b4080.txt', documents: 9, tasks: 97 } : null,
      ip: '10.1.2.33',
    };
  });

  const json = (route, body, status = 200) => route.fulfill({ status, contentType: 'application/json; charset=utf-8', body: JSON.stringify(body) });

  return async function handle(route) {
    const req = route.request();
    const url = new URL(req.url());
    const p = url.pathname;
    const q = url.searchParams;
    const limit = Number(q.get('limit') ?? 20);
    const offset = Number(q.get('offset') ?? 0);

    if (p === '/api/auth/me') return me ? json(route, me) : json(route, { error: '未登录' }, 401);
    if (p === '/api/auth/login') {
      const body = JSON.parse(req.postData() ?? '{}');
      if (body.password !== 'Duban#2026') return json(route, { error: '用户名或密码错误，还可尝试 4 次' }, 401);
      return json(route, me ?? meFor());
    }
    if (p === '/api/auth/logout' || p === '/api/auth/password') return json(route, { ok: true });
    if (p === '/api/auth/policy')
      return json(route, {
        roles: [
          { role: 'admin', label: '管理员' },
          { role: 'clerk', label: '收文员' },
          { role: 'leader', label: '领导' },
          { role: 'supervisor', label: '督查室' },
          { role: 'unit', label: '承办单位' },
        ],
        permissions: [
          { permission: 'library.read', label: '查阅文件库', roles: ['admin', 'clerk', 'leader', 'supervisor', 'unit'] },
          { permission: 'library.import', label: '导入文件', roles: ['admin', 'clerk', 'supervisor'] },
          { permission: 'users.manage', label: '管理用户', roles: ['admin'] },
          { permission: 'sessions.manage', label: '管理会话', roles: ['admin'] },
          { permission: 'audit.read', label: '查看审计日志', roles: ['admin'] },
          { permission: 'account.self', label: '维护本人账户', roles: ['admin', 'clerk', 'leader', 'supervisor', 'unit'] },
        ],
      });
    if (p === '/api/stats') {
      const all = await allDocs();
      return json(route, {
        documents: all.length,
        tasks: 153,
        appointments: 59,
        chronicle: 130,
        units: 87,
        byKind: count(all.map((d) => d.kind)),
        byYear: count(all.map((d) => d.date?.slice(0, 4))),
        byIssuer: count(all.flatMap((d) => d.issuer)),
        byTopic: count(all.map((d) => d.topic)),
        latest: all.slice(0, 6),
      });
    }
    if (p === '/api/search' || p === '/api/public/search') {
      if (p.startsWith('/api/public') && !publicOpen) return json(route, { error: '公开政策文件库未开放' }, 404);
      const r = await backendJson(`/api/search${url.search}`);
      if (r.status !== 200) return json(route, r.body, r.status);
      let hits = r.body;
      if (p.startsWith('/api/public')) hits = hits.filter((h) => h.kind === 'document');
      return json(route, await asResult(hits, offset, limit));
    }
    if (p === '/api/documents') {
      const all = await allDocs();
      return json(route, { items: all.slice(offset, offset + limit), total: all.length });
    }
    let m = /^\/api\/(public\/)?documents\/(\d+)$/.exec(p);
    if (m) {
      if (m[1] && !publicOpen) return json(route, { error: '公开政策文件库未开放' }, 404);
      const r = await backendJson(`/api/documents/${m[2]}`);
      return r.status === 200 ? json(route, withContractFields(r.body)) : json(route, r.body, r.status);
    }
    if (p === '/api/units') {
      const r = await backendJson(`/api/units${url.search}`);
      return json(
        route,
        r.body.map((u) => ({
          aliases: u.name.startsWith('通辽市') ? [u.name.replace(/^通辽市/, '市')] : [],
          level: u.name.startsWith('通辽市') ? '市级' : u.name.startsWith('各') ? '县级' : null,
          jurisdiction: u.name.startsWith('通辽市') || u.name.startsWith('各') ? '通辽市' : null,
          category: /政府|管委会/.test(u.name) ? '政府' : '部门',
          ...u,
        })),
      );
    }
    if (p === '/api/collectives')
      return json(route, [
        { name: '各旗县市区人民政府', jurisdiction: '通辽市', members: ['科尔沁区人民政府', '霍林郭勒市人民政府', '开鲁县人民政府', '库伦旗人民政府', '奈曼旗人民政府', '扎鲁特旗人民政府', '科尔沁左翼中旗人民政府', '科尔沁左翼后旗人民政府'] },
        { name: '各旗县市区', jurisdiction: '通辽市', members: ['科尔沁区', '霍林郭勒市', '开鲁县', '库伦旗', '奈曼旗', '扎鲁特旗', '科尔沁左翼中旗', '科尔沁左翼后旗'] },
        { name: '各盟市', jurisdiction: '内蒙古自治区', members: [] },
      ]);
    if (p === '/api/appointments') {
      const r = await backendJson(`/api/appointments${url.search}`);
      return json(route, r.body.map((a) => ({ documentId: null, date: '2023-08-30', ...a })));
    }
    if (p === '/api/imports')
      return json(route, [
        { name: '001_8e672ddf229b4080.txt', status: 'imported', documents: 3, tasks: 21, appointments: 0, chronicle: 0, warnings: [{ code: 'page-break', message: '第 226 页的表格跨页，已按行合并', line: 5120 }, { code: 'unit-unknown', message: '未能识别单位“市直有关部门”的规范名称', line: 5177 }], documentIds: [15, 14, 13] },
        { name: '2023年第6期公报.pdf', status: 'unchanged', message: '与已导入的文件内容相同，未作更改', warnings: [], documentIds: [] },
        { name: '会议纪要（扫描件）.pdf', status: 'failed', message: 'PDF 中没有可提取的文字，可能是扫描图像，请提供文字版', warnings: [], documentIds: [] },
        { name: '照片.jpg', status: 'refused', message: '不支持的文件类型：.jpg', warnings: [], documentIds: [] },
      ]);
    if (p === '/api/admin/users') return json(route, users);
    if (p === '/api/admin/sessions') return json(route, sessions);
    if (p === '/api/admin/audit') {
      const items = audit.filter((e) => (!q.get('action') || e.action === q.get('action')) && (!q.get('actor') || e.actor === q.get('actor')));
      return json(route, { items: items.slice(offset, offset + limit), total: items.length });
    }
    if (p.startsWith('/api/public/')) {
      if (!publicOpen) return json(route, { error: '公开政策文件库未开放' }, 404);
      const all = await allDocs();
      if (p === '/api/public/stats')
        return json(route, { documents: all.length, byTopic: count(all.map((d) => d.topic)), preferential: all.filter((d) => d.preferential).length, latest: all.slice(0, 5) });
      if (p === '/api/public/documents') {
        const items = all.filter((d) => (!q.get('topic') || d.topic === q.get('topic')) && (q.get('preferential') !== 'true' || d.preferential));
        return json(route, { items: items.slice(offset, offset + limit), total: items.length });
      }
    }
    return route.continue();
  };
}
