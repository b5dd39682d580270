// A real server over a fresh store for the tests of a describe: Fastify's inject (no port), a
// manual clock, and one user per role signed in through the real login route. Nothing is mocked.
import type { FastifyInstance, InjectOptions } from 'fastify';
import { afterAll, beforeAll } from 'vitest';
import { ROLES, type Role } from '../src/auth/policy.ts';
import { createUser } from '../src/auth/users.ts';
import { manualClock } from '../src/calendar/clock.ts';
import { buildServer } from '../src/server/app.ts';
import type { ServerSettings } from '../src/server/settings.ts';
import type { Store } from '../src/store/open.ts';
import { startSearchPool, type SearchPoolOptions } from '../src/store/search-pool.ts';
import { freshStore } from './store-targets.ts';

export const PASSWORD = 'Test-Passw0rd';
/** The unit the unit-role user acts for (a canonical unit of the built-in directory). */
export const TEST_UNIT = '通辽市住房和城乡建设局';

export interface Session {
  cookie: string;
  csrf: string;
}

export interface Response {
  status: number;
  body: unknown;
  headers: Record<string, unknown>;
  text: string;
}

export interface Harness {
  readonly app: FastifyInstance;
  readonly store: Store;
  readonly clock: ReturnType<typeof manualClock>;
  /** The session of the test user holding exactly `role` (user name = role). */
  as(role: Role): Session;
  signIn(username: string, password?: string): Promise<Session | Response>;
  request(options: InjectOptions & { session?: Session | null }): Promise<Response>;
}

export function cookieOf(setCookie: unknown): string | null {
  const header = [setCookie].flat().find((c) => typeof c === 'string' && c.startsWith('duban_session='));
  return typeof header === 'string' ? header.split(';')[0]! : null;
}

/**
 * `setup` runs on the store before the server starts (import the seeds …). Users: one per role,
 * named after the role, with PASSWORD, already past their first sign-in.
 */
export function serverHarness(dialect: 'sqlite' | 'postgres', options: { settings?: Partial<ServerSettings>; setup?: (store: Store) => Promise<void>; now?: string; searchPool?: SearchPoolOptions } = {}): Harness {
  const fresh = freshStore(dialect);
  const clock = manualClock(options.now ?? '2026-12-03T09:00:00+08:00');
  let app: FastifyInstance | undefined;
  const sessions = new Map<Role, Session>();

  const request = async ({ session, ...inject }: InjectOptions & { session?: Session | null }): Promise<Response> => {
    const headers: Record<string, string> = { host: '127.0.0.1:8080', ...(inject.headers as Record<string, string> | undefined) };
    if (session) {
      headers.cookie = session.cookie;
      headers['x-csrf-token'] ??= session.csrf;
    }
    const r = await app!.inject({ ...inject, headers });
    let body: unknown = null;
    try {
      body = r.json();
    } catch {
      body = null;
    }
    return { status: r.statusCode, body, headers: r.headers, text: r.body };
  };

  const signIn = async (username: string, password = PASSWORD): Promise<Session | Response> => {
    const r = await request({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
    if (r.status !== 200) return r;
    return { cookie: cookieOf(r.headers['set-cookie'])!, csrf: (r.body as { csrfToken: string }).csrfToken };
  };

  beforeAll(async () => {
    await options.setup?.(fresh.store);
    for (const role of ROLES) {
      await createUser(
        fresh.store.db,
        { username: role, displayName: `测试${role}`, roles: [role], unit: role === 'unit' ? TEST_UNIT : null, password: PASSWORD, mustChangePassword: false },
        () => true,
        { actor: { name: 'test' }, now: clock.now() },
      );
    }
    // With searchPool, searches run in worker threads over the same store, as in `duban serve`.
    const searcher = options.searchPool ? await startSearchPool(fresh.url, options.searchPool) : undefined;
    app = await buildServer({ store: fresh.store, clock, settings: options.settings, searcher });
    for (const role of ROLES) {
      const s = await signIn(role);
      if (!('cookie' in s)) throw new Error(`sign-in of ${role} failed: ${JSON.stringify(s.body)}`);
      sessions.set(role, s);
    }
  });
  afterAll(async () => {
    await app?.close();
  });

  return {
    get app() {
      return app!;
    },
    get store() {
      return fresh.store;
    },
    clock,
    as: (role) => sessions.get(role)!,
    signIn,
    request,
  };
}
