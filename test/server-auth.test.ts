// Signing in and staying signed in, through the real routes on a real store, with a manual clock:
// the cookie's attributes, 401 without a session, the idle and absolute timeouts, CSRF on writes,
// the lockout after five wrong passwords, the first password change, sign-out and revocation,
// and an audit event for each.
import { describe, expect, it } from 'vitest';
import { DEFAULT_AUTH_SETTINGS } from '../src/auth/settings.ts';
import { createUser } from '../src/auth/users.ts';
import { cookieOf, PASSWORD, serverHarness, type Session } from './server-harness.ts';

const MINUTE = 60_000;

describe('sign-in and sessions (sqlite)', () => {
  // Many sign-ins in a few seconds: the per-address limit is tested on its own below.
  const h = serverHarness('sqlite', { settings: { auth: { ...DEFAULT_AUTH_SETTINGS, loginsPerMinute: 10_000 } } });
  const me = (session: Session | null) => h.request({ method: 'GET', url: '/api/auth/me', session });
  const newUser = async (username: string, mustChangePassword = false) =>
    createUser(h.store.db, { username, displayName: username, roles: ['leader'], password: PASSWORD, mustChangePassword }, () => true, { actor: { name: 'test' }, now: h.clock.now() });
  const session = async (username: string, password = PASSWORD) => {
    const s = await h.signIn(username, password);
    if (!('cookie' in s)) throw new Error(JSON.stringify(s.body));
    return s;
  };
  const audit = async (action: string) =>
    ((await h.request({ method: 'GET', url: `/api/admin/audit?action=${action}&limit=500`, session: await session('admin') })).body as { items: { actor: string; after: unknown }[] }).items;

  it('sets an HttpOnly, SameSite=Strict session cookie and answers who is signed in', async () => {
    await newUser('cookie-user');
    const r = await h.request({ method: 'POST', url: '/api/auth/login', payload: { username: 'cookie-user', password: PASSWORD } });
    expect(r.status).toBe(200);
    const setCookie = String([r.headers['set-cookie']].flat()[0]);
    expect(setCookie).toMatch(/^duban_session=[\w-]{40,};/);
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Strict/i);
    expect(setCookie).not.toMatch(/Secure/i); // plain HTTP on 127.0.0.1
    const body = r.body as { user: { username: string; roles: string[] }; permissions: string[]; csrfToken: string };
    expect(body.user).toMatchObject({ username: 'cookie-user', roles: ['leader'] });
    expect(body.permissions).toContain('library.read');
    expect(body.permissions).not.toContain('users.manage');
    const again = await me({ cookie: cookieOf(r.headers['set-cookie'])!, csrf: body.csrfToken });
    expect(again.status).toBe(200);
    // The server's clock, injected here, is what the pages take "today" from.
    expect((again.body as { serverTime: string }).serverTime).toBe(h.clock.now().toISOString());
    expect((await audit('login')).some((e) => e.actor === 'cookie-user')).toBe(true);
  });

  it('marks the cookie Secure behind a TLS public address', async () => {
    // A second server on the same store, configured for https.
    const { buildServer } = await import('../src/server/app.ts');
    const tls = await buildServer({ store: h.store, clock: h.clock, settings: { publicUrl: 'https://duban.example.gov.cn', allowedHosts: ['duban.example.gov.cn'] } });
    try {
      const r = await tls.inject({ method: 'POST', url: '/api/auth/login', headers: { host: 'duban.example.gov.cn' }, payload: { username: 'leader', password: PASSWORD } });
      expect(r.statusCode).toBe(200);
      expect(String([r.headers['set-cookie']].flat()[0])).toMatch(/Secure/i);
      expect(r.headers['strict-transport-security']).toBeDefined();
    } finally {
      await tls.close();
    }
  });

  it('answers 401 with a Chinese message without a session, with a wrong one, and for wrong credentials', async () => {
    expect((await me(null)).status).toBe(401);
    expect((await me({ cookie: 'duban_session=not-a-real-token-at-all-xxxxxxxxxxxx', csrf: '' })).status).toBe(401);
    const wrong = await h.request({ method: 'POST', url: '/api/auth/login', payload: { username: 'leader', password: 'Wrong-Passw0rd' } });
    expect(wrong.status).toBe(401);
    expect((wrong.body as { error: string }).error).toMatch(/^用户名或密码错误/);
    const unknown = await h.request({ method: 'POST', url: '/api/auth/login', payload: { username: 'nobody-here', password: 'Wrong-Passw0rd' } });
    expect(unknown.status).toBe(401);
    expect((unknown.body as { error: string }).error).toBe('用户名或密码错误');
    const failures = await audit('login-failed');
    expect(failures.some((e) => e.actor === 'nobody-here')).toBe(true);
    // Nothing of the password reaches the audit trail.
    expect(JSON.stringify(failures)).not.toContain('Wrong-Passw0rd');
  });

  it('ends a session after 30 idle minutes, and a used one after 12 hours at the latest', async () => {
    await newUser('idle-user');
    const s = await session('idle-user');
    h.clock.advance(29 * MINUTE);
    expect((await me(s)).status).toBe(200); // used: the idle time starts again
    h.clock.advance(29 * MINUTE);
    expect((await me(s)).status).toBe(200);
    h.clock.advance(31 * MINUTE);
    expect((await me(s)).status).toBe(401);

    const kept = await session('idle-user');
    // Used every 29 minutes: 24 × 29 minutes = 11.6 hours, still open…
    for (let i = 0; i < 24; i++) {
      h.clock.advance(29 * MINUTE);
      expect((await me(kept)).status).toBe(200);
    }
    // …and past 12 hours it ends, however busy it is.
    h.clock.advance(29 * MINUTE);
    expect((await me(kept)).status).toBe(401);
  });

  it('refuses a write without the session’s CSRF token', async () => {
    const s = await session('leader');
    const without = await h.request({ method: 'POST', url: '/api/auth/password', session: { cookie: s.cookie, csrf: '' }, headers: { 'x-csrf-token': 'forged' }, payload: { currentPassword: PASSWORD, newPassword: 'Other-Passw0rd' } });
    expect(without.status).toBe(403);
    expect((without.body as { error: string }).error).toContain('CSRF');
    const another = await session('clerk');
    const crossed = await h.request({ method: 'POST', url: '/api/auth/logout', headers: { cookie: s.cookie, 'x-csrf-token': another.csrf } });
    expect(crossed.status).toBe(403);
    expect((await me(s)).status).toBe(200); // still signed in
  });

  it('refuses writes sent from another site’s page (Origin)', async () => {
    const s = await session('leader');
    const r = await h.request({ method: 'POST', url: '/api/auth/logout', session: s, headers: { origin: 'https://evil.example' } });
    expect(r.status).toBe(403);
    const ok = await h.request({ method: 'POST', url: '/api/auth/logout', session: s, headers: { origin: 'http://127.0.0.1:8080' } });
    expect(ok.status).toBe(200);
  });

  it('locks an account for 15 minutes after five wrong passwords in a row, and says so', async () => {
    await newUser('lock-user');
    const messages: string[] = [];
    for (let i = 0; i < 5; i++) {
      const r = await h.request({ method: 'POST', url: '/api/auth/login', payload: { username: 'lock-user', password: `Wrong-${i}-Passw0rd` } });
      expect(r.status).toBe(401);
      messages.push((r.body as { error: string }).error);
    }
    expect(messages[3]).toContain('再错 1 次');
    expect(messages[4]).toContain('已锁定 15 分钟');
    // Even the right password is refused while locked.
    const locked = await h.signIn('lock-user');
    expect('status' in locked && locked.status).toBe(401);
    expect(((locked as { body: { error: string } }).body).error).toMatch(/账户已锁定，请于 \d\d:\d\d 后再试/);
    expect((await audit('account-locked')).length).toBeGreaterThan(0);
    h.clock.advance(15 * MINUTE + 1000);
    expect('cookie' in (await h.signIn('lock-user'))).toBe(true);
  });

  it('lets an administrator unlock an account at once', async () => {
    const user = await newUser('unlock-user');
    for (let i = 0; i < 5; i++) await h.request({ method: 'POST', url: '/api/auth/login', payload: { username: 'unlock-user', password: 'Wrong-Passw0rd' } });
    expect('status' in (await h.signIn('unlock-user'))).toBe(true);
    const r = await h.request({ method: 'POST', url: `/api/admin/users/${user.id}/unlock`, session: await session('admin') });
    expect(r.status).toBe(200);
    expect('cookie' in (await h.signIn('unlock-user'))).toBe(true);
  });

  it('lets a person whose password was given to them do nothing before changing it', async () => {
    await newUser('first-user', true);
    const s = await session('first-user');
    const meBody = (await me(s)).body as { user: { mustChangePassword: boolean } };
    expect(meBody.user.mustChangePassword).toBe(true);
    const blocked = await h.request({ method: 'GET', url: '/api/documents', session: s });
    expect(blocked.status).toBe(403);
    expect((blocked.body as { error: string }).error).toBe('请先修改初始密码');
    const weak = await h.request({ method: 'POST', url: '/api/auth/password', session: s, payload: { currentPassword: PASSWORD, newPassword: 'abcdefgh' } });
    expect(weak.status).toBe(400);
    expect((weak.body as { error: string }).error).toContain('至少三种');
    const wrongCurrent = await h.request({ method: 'POST', url: '/api/auth/password', session: s, payload: { currentPassword: 'Not-The-0ne', newPassword: 'Fresh-Passw0rd' } });
    expect(wrongCurrent.status).toBe(400);
    const ok = await h.request({ method: 'POST', url: '/api/auth/password', session: s, payload: { currentPassword: PASSWORD, newPassword: 'Fresh-Passw0rd' } });
    expect(ok.status).toBe(200);
    expect((await h.request({ method: 'GET', url: '/api/documents', session: s })).status).toBe(200);
    expect('cookie' in (await h.signIn('first-user', 'Fresh-Passw0rd'))).toBe(true);
    expect('status' in (await h.signIn('first-user'))).toBe(true); // the old password no longer works
  });

  it('ends the session at sign-out and clears the cookie', async () => {
    const s = await session('supervisor');
    const r = await h.request({ method: 'POST', url: '/api/auth/logout', session: s });
    expect(r.status).toBe(200);
    expect(String([r.headers['set-cookie']].flat()[0])).toMatch(/duban_session=;/);
    expect((await me(s)).status).toBe(401);
    expect((await audit('logout')).some((e) => e.actor === 'supervisor')).toBe(true);
  });

  it('lets an administrator see open sessions and end one', async () => {
    const older = await session('clerk');
    const s = await session('clerk');
    const list = (await h.request({ method: 'GET', url: '/api/admin/sessions', session: await session('admin') })).body as { id: string; username: string; current: boolean }[];
    expect(list.some((x) => x.current)).toBe(true);
    const target = list.find((x) => x.username === 'clerk' && !x.current)!;
    // The newest of clerk's sessions is `s` (sessions are listed most recently used first).
    const r = await h.request({ method: 'POST', url: `/api/admin/sessions/${target.id}/revoke`, session: await session('admin') });
    expect(r.status).toBe(200);
    const statuses = await Promise.all([me(s), me(older)]);
    expect(statuses.filter((x) => x.status === 401).length).toBe(1);
    expect((await audit('session-revoke')).length).toBe(1);
  });

  it('ends the sessions of a disabled account, and refuses its sign-in', async () => {
    const user = await newUser('leaving-user');
    const s = await session('leaving-user');
    const r = await h.request({ method: 'PATCH', url: `/api/admin/users/${user.id}`, session: await session('admin'), payload: { disabled: true } });
    expect(r.status).toBe(200);
    expect((await me(s)).status).toBe(401);
    const again = await h.signIn('leaving-user');
    expect(((again as { body: { error: string } }).body).error).toBe('账户已停用，请联系管理员');
  });

  it('creates users with checked roles, unit and password, and audits the change', async () => {
    const admin = await session('admin');
    const post = (payload: Record<string, unknown>) => h.request({ method: 'POST', url: '/api/admin/users', session: admin, payload });
    expect(((await post({ username: 'u1', displayName: '甲', roles: ['unit'], password: 'Good-Passw0rd' })).body as { error: string }).error).toContain('必须绑定所属单位');
    expect(((await post({ username: 'u1', displayName: '甲', roles: ['unit'], unit: '不存在的局', password: 'Good-Passw0rd' })).body as { error: string }).error).toContain('不在单位目录中');
    expect(((await post({ username: 'u1', displayName: '甲', roles: ['leader'], password: 'short' })).body as { error: string }).error).toContain('密码太短');
    const ok = await post({ username: 'unit-staff', displayName: '乙', roles: ['unit', 'leader'], unit: '通辽市财政局', password: 'Good-Passw0rd' });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ username: 'unit-staff', roles: ['unit', 'leader'], unit: '通辽市财政局', mustChangePassword: true });
    expect((await post({ username: 'unit-staff', displayName: '乙', roles: ['leader'], password: 'Good-Passw0rd' })).status).toBe(409);
    const created = await audit('user-create');
    expect(created.some((e) => JSON.stringify(e.after).includes('unit-staff'))).toBe(true);
    expect(JSON.stringify(created)).not.toContain('Good-Passw0rd');
  });
});

describe('the sign-in rate limit (sqlite)', () => {
  const h = serverHarness('sqlite', { settings: { auth: { ...DEFAULT_AUTH_SETTINGS, loginsPerMinute: 8 } } });

  it('answers 429 with a Chinese message past the attempts one address may make in a minute', async () => {
    // The harness signed in one user per role (5 attempts) before the tests.
    const statuses: number[] = [];
    let last: unknown = null;
    for (let i = 0; i < 5; i++) {
      const r = await h.request({ method: 'POST', url: '/api/auth/login', payload: { username: 'nobody', password: 'Wrong-Passw0rd' } });
      statuses.push(r.status);
      last = r.body;
    }
    expect(statuses).toEqual([401, 401, 401, 429, 429]);
    expect(last).toEqual({ error: '登录尝试过于频繁，请一分钟后再试' });
  });
});
