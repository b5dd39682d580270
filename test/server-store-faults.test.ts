// The server when the store fails under it: PostgreSQL's connections end (a restart) and the
// database turns read-only. Every answer is a 503 with a Chinese message that names no file or
// address, never a 500, and the sign-in that could not be written is not in the store.
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { FAULT_SUMMARY } from '../src/store/store-error.ts';
import { PASSWORD, serverHarness } from './server-harness.ts';
import { DIALECTS, PG_ADMIN_URL } from './store-targets.ts';

describe.skipIf(!DIALECTS[1]!.available)('the server when PostgreSQL fails under it', () => {
  const h = serverHarness('postgres');

  it('answers 503 in Chinese while its connections are ended and the database turns read-only', async () => {
    const name = (await h.store.db.selectNoFrom((eb) => eb.fn<string>('current_database', []).as('name')).executeTakeFirstOrThrow()).name;
    const sessionsBefore = (await h.store.db.selectFrom('sessions').select('token_hash').execute()).length;
    const admin = new pg.Client({ connectionString: PG_ADMIN_URL });
    await admin.connect();
    try {
      await admin.query(`ALTER DATABASE ${name} SET default_transaction_read_only = on`);
      await admin.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()', [name]);
      const seen: string[] = [];
      // Each sign-in meets an ended connection (dropped from the pool) or a new, read-only one.
      for (let attempt = 0; attempt < 12 && seen.at(-1) !== FAULT_SUMMARY['read-only']; attempt++) {
        const r = await h.request({ method: 'POST', url: '/api/auth/login', payload: { username: 'clerk', password: PASSWORD } });
        expect(r.status, r.text).toBe(503);
        const message = (r.body as { error: string }).error;
        expect([FAULT_SUMMARY.unreachable, FAULT_SUMMARY['read-only']]).toContain(message);
        seen.push(message);
      }
      expect(seen.at(-1)).toBe(FAULT_SUMMARY['read-only']);
    } finally {
      await admin.query(`ALTER DATABASE ${name} SET default_transaction_read_only = off`);
      await admin.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()', [name]);
      await admin.end();
    }
    // Reads work again once the connections are new; the refused sign-ins left no session.
    let sessionsAfter: number | null = null;
    for (let attempt = 0; attempt < 12 && sessionsAfter === null; attempt++) {
      sessionsAfter = await h.store.db.selectFrom('sessions').select('token_hash').execute().then((rows) => rows.length, () => null);
    }
    expect(sessionsAfter).toBe(sessionsBefore);
  });
});
