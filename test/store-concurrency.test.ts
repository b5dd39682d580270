// Several processes writing one SQLite store at once: writers take their turn (BEGIN IMMEDIATE,
// waiting while another holds the write lock) instead of failing with "database is locked", and
// two commands creating one new store migrate it once, the second finding it up to date. Real
// child processes on real files, started at one instant.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { createUser, findUser } from '../src/auth/users.ts';
import { migrations } from '../src/store/migrations/index.ts';
import { openStore } from '../src/store/open.ts';
import { runTogether, startChild } from './store-children.ts';
import { writeNotices } from './store-documents.ts';
import { testClock } from './store-targets.ts';

const work = mkdtempSync(join(tmpdir(), 'duban-concurrency-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('SQLite writers take their turn', () => {
  it('two imports into one existing store at once both finish, with every file', async () => {
    const db = join(work, 'existing', 'duban.db');
    await (await openStore(db)).close();
    const first = writeNotices(join(work, 'first'), Array.from({ length: 12 }, (_, i) => i));
    const second = writeNotices(join(work, 'second'), Array.from({ length: 12 }, (_, i) => 100 + i));
    const results = await runTogether([
      { target: db, args: first },
      { target: db, args: second },
    ]);
    for (const r of results) {
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
    }
    const store = await openStore(db);
    try {
      const paths = (await store.db.selectFrom('source_files').select('path').execute()).map((r) => r.path).sort();
      expect(paths).toEqual([...first, ...second].sort());
      expect((await store.db.selectFrom('documents').select('id').execute()).length).toBe(24);
      const audit = await sql<{ n: number }>`SELECT count(*) AS n FROM audit_events WHERE action = 'import'`.execute(store.db);
      expect(Number(audit.rows[0]!.n)).toBe(24);
    } finally {
      await store.close();
    }
  });

  it('four commands opening one new store at once migrate it once (three runs)', async () => {
    for (let run = 0; run < 3; run++) {
      const db = join(work, `new-${run}`, 'duban.db');
      const files = writeNotices(join(work, `new-files-${run}`), [200 + run * 10, 201 + run * 10, 202 + run * 10, 203 + run * 10]);
      const results = await runTogether(files.map((f) => ({ target: db, args: [f] })));
      for (const r of results) {
        expect(r.stderr).toBe('');
        expect(r.code).toBe(0);
      }
      const store = await openStore(db);
      try {
        const ran = await sql<{ name: string }>`SELECT name FROM kysely_migration ORDER BY name`.execute(store.db);
        expect(ran.rows.map((r) => r.name)).toEqual(Object.keys(migrations('sqlite')).sort());
        const paths = (await store.db.selectFrom('source_files').select('path').execute()).map((r) => r.path).sort();
        expect(paths).toEqual([...files].sort());
      } finally {
        await store.close();
      }
    }
    // Twelve child processes, each loading the sources through tsx: 90 s on the shared 2-core
    // machine at load 10–14, past the suite's 60 s.
  }, 240_000);

  it('a writer that cannot get the lock within its wait says so in one Chinese line, and writes nothing', async () => {
    const db = join(work, 'held', 'duban.db');
    await (await openStore(db)).close();
    const [held] = writeNotices(join(work, 'held-files'), [300]);
    const [refused] = writeNotices(join(work, 'refused-files'), [301]);
    const holder = startChild(db, [held!, '--pause-on', 'notice-300.txt']);
    await holder.line('inside ');
    const waiter = await startChild(db, [refused!, '--lock-wait', '1500']).done;
    holder.send();
    const finished = await holder.done;
    expect(finished.code).toBe(0);
    expect(waiter.code).toBe(2);
    expect(waiter.stderr).toMatch(/^duban: 数据库 .*duban\.db 正由另一个程序写入，等待 2 秒后仍未轮到；未完成的写入已撤销，数据库保持原样。请等那个程序结束后再试\n$/);
    const store = await openStore(db);
    try {
      expect((await store.db.selectFrom('source_files').select('path').execute()).map((r) => r.path)).toEqual([held]);
    } finally {
      await store.close();
    }
  });

  it('an account written while an import holds the lock waits its turn (every write goes through the same driver)', async () => {
    const db = join(work, 'accounts', 'duban.db');
    const store = await openStore(db);
    try {
      const [held] = writeNotices(join(work, 'accounts-files'), [310]);
      const holder = startChild(db, [held!, '--pause-on', 'notice-310.txt']);
      await holder.line('inside ');
      // createUser reads (is the name taken?) before it writes: the case a deferred transaction
      // could not wait for.
      const created = createUser(
        store.db,
        { username: 'zhangsan', displayName: '张三', roles: ['clerk'], unit: null, password: 'Passw0rd!x', mustChangePassword: false },
        () => true,
        { actor: { name: 'test' }, now: testClock.now() },
      );
      const early = await Promise.race([created.then(() => 'written', () => 'failed'), new Promise((resolve) => setTimeout(() => resolve('waiting'), 300))]);
      expect(early).toBe('waiting');
      holder.send();
      expect((await holder.done).code).toBe(0);
      expect((await created).username).toBe('zhangsan');
      expect(await findUser(store.db, 'zhangsan')).toBeDefined();
      expect((await store.db.selectFrom('source_files').select('path').execute()).map((r) => r.path)).toEqual([held]);
    } finally {
      await store.close();
    }
  });
});
