// The audit chain on both engines: events written by the store's own callers (imports, accounts)
// and by recordAudit directly are chained; each way of tampering with them through SQL — a
// changed, deleted, inserted or reordered event, a changed or missing head — is found at the
// event where it happened, and the store is whole again once the tampering is rolled back;
// migration 0016 chains the events an older store holds; two processes writing at once keep one
// chain; and `duban audit verify` says so on the command line.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Migrator, sql, type Kysely, type Transaction } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser, updateUser } from '../src/auth/users.ts';
import { chainHash, recordAudit } from '../src/store/audit.ts';
import { verifyAuditChain, type ChainVerdict } from '../src/store/audit-chain.ts';
import { importPaths } from '../src/store/import.ts';
import { canonicalV1, chainHashV1, GENESIS_V1 } from '../src/store/migrations/audit-chain-v1.ts';
import { migrations } from '../src/store/migrations/index.ts';
import { openStore, type Store } from '../src/store/open.ts';
import type { Database } from '../src/store/schema.ts';
import { serverHarness } from './server-harness.ts';
import { startChild } from './store-children.ts';
import { writeNotices } from './store-documents.ts';
import { DIALECTS, freshStore, newTarget, testClock } from './store-targets.ts';

const root = join(import.meta.dirname, '..');
const work = mkdtempSync(join(tmpdir(), 'duban-audit-chain-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

type Db = Kysely<Database> | Transaction<Database>;
type EventRow = { id: number; at: string; actor: string; actor_id: number | null; ip: string | null; action: string; entity: string; entity_id: number | null; before: string | null; after: string | null; prev_hash: string | null; hash: string | null };

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');
const admin = { actor: { name: 'admin', id: 1, ip: '127.0.0.1' }, now: testClock.now() };

async function events(db: Db): Promise<EventRow[]> {
  const rows = await db.selectFrom('audit_events').selectAll().orderBy('id').execute();
  return rows.map((r) => ({ ...r, id: Number(r.id), actor_id: r.actor_id === null ? null : Number(r.actor_id), entity_id: r.entity_id === null ? null : Number(r.entity_id) }));
}

async function head(db: Db) {
  const h = await db.selectFrom('audit_chain').selectAll().executeTakeFirstOrThrow();
  return { lastId: h.last_id === null ? null : Number(h.last_id), hash: h.hash, length: Number(h.length) };
}

/** Every link checked by hand: the first names GENESIS, each names the one before, each hash is SHA-256(prev_hash + canonical). */
function expectChained(rows: readonly EventRow[]): void {
  let prev = GENESIS_V1;
  for (const r of rows) {
    expect(r.prev_hash, `event ${r.id}`).toBe(prev);
    expect(r.hash, `event ${r.id}`).toBe(sha256(prev + canonicalV1(r)));
    prev = r.hash!;
  }
}

class Rollback extends Error {}

/** Runs `tamper` inside a transaction, verifies the chain there, and rolls it all back. */
async function tampered(store: Store, tamper: (trx: Transaction<Database>, rows: EventRow[]) => Promise<void>): Promise<ChainVerdict> {
  let verdict: ChainVerdict | undefined;
  await expect(
    store.db.transaction().execute(async (trx) => {
      await tamper(trx, await events(trx));
      verdict = await verifyAuditChain(trx);
      throw new Rollback();
    }),
  ).rejects.toBeInstanceOf(Rollback);
  return verdict!;
}

/** Ids the next events get are `n` further on (a sequence moved, as a rolled-back write leaves it on PostgreSQL): a gap, no event touched. */
async function skipIds(store: Store, db: Db, n: number): Promise<void> {
  if (store.dialect === 'sqlite') await sql`UPDATE sqlite_sequence SET seq = seq + ${n} WHERE name = 'audit_events'`.execute(db);
  else await sql`SELECT setval(pg_get_serial_sequence('audit_events', 'id'), (SELECT max(id) FROM audit_events) + ${n})`.execute(db);
}

/** A row written straight into the table, as someone with the database's password could. */
async function insertRaw(db: Db, row: Omit<EventRow, 'hash' | 'prev_hash'> & { prev_hash?: string | null; hash?: string | null }): Promise<void> {
  await db.insertInto('audit_events').values(row).execute();
}

const forged = (id: number, prev: string) => {
  const row = { id, at: '2026-12-04T02:00:00.000Z', actor: 'admin', actor_id: 1, ip: null, action: 'user-update', entity: 'user', entity_id: 1, before: null, after: '{"roles":["admin"]}' };
  return { ...row, prev_hash: prev, hash: chainHash(prev, row) };
};

for (const { dialect, available } of DIALECTS) {
  describe.skipIf(!available)(`the audit chain (${dialect})`, () => {
    const fresh = freshStore(dialect);

    beforeAll(async () => {
      const store = fresh.store;
      const files = writeNotices(join(work, `notices-${dialect}`), [1, 2, 3]);
      const outcomes = await importPaths(store, files, testClock, {}, {});
      expect(outcomes.map((o) => o.status)).toEqual(['imported', 'imported', 'imported']);
      const user = await createUser(store.db, { username: 'zhangsan', displayName: '张三', roles: ['leader'], password: 'Test-Passw0rd', mustChangePassword: true }, () => true, admin);
      await updateUser(store.db, user.id, { displayName: '张三丰' }, () => true, admin);
      // Several events in one transaction, and text that no engine may change on the way: CJK, an
      // emoji, a lone surrogate (a name cut in half), quotes and a line break.
      await store.db.transaction().execute(async (trx) => {
        await recordAudit(trx, { at: testClock.now(), actor: { name: '李四😀' }, action: 'note', entity: 'test', entityId: 7, before: { 说明: '改前"引号"\n换行' }, after: { 说明: '改后' } });
        await recordAudit(trx, { at: testClock.now(), actor: { name: `王${'\ud83d'}` }, action: 'note', entity: 'test', after: [1, 2, 3] });
      });
      await recordAudit(store.db, { at: testClock.now(), actor: { name: 'system' }, action: 'note', entity: 'test' });
    });

    it('chains every event as written: each names the one before, and the head is the last', async () => {
      const rows = await events(fresh.store.db);
      expect(rows.length).toBeGreaterThanOrEqual(8); // 3 imports, a user created and changed, 3 notes
      expect(new Set(rows.map((r) => r.action))).toEqual(new Set(['import', 'user-create', 'user-update', 'note']));
      expectChained(rows);
      expect(await head(fresh.store.db)).toEqual({ lastId: rows.at(-1)!.id, hash: rows.at(-1)!.hash, length: rows.length });
      expect(await verifyAuditChain(fresh.store.db)).toEqual({ ok: true, count: rows.length, head: rows.at(-1)!.hash });
    });

    it('leaves the chain as it was when the change it records is rolled back', async () => {
      const before = await head(fresh.store.db);
      await expect(
        fresh.store.db.transaction().execute(async (trx) => {
          await recordAudit(trx, { at: testClock.now(), actor: { name: 'admin' }, action: 'note', entity: 'test' });
          throw new Rollback();
        }),
      ).rejects.toBeInstanceOf(Rollback);
      expect(await head(fresh.store.db)).toEqual(before);
      // The next event links to the head, past the id the rolled-back one took on PostgreSQL.
      await recordAudit(fresh.store.db, { at: testClock.now(), actor: { name: 'admin' }, action: 'note', entity: 'test', entityId: 99 });
      const rows = await events(fresh.store.db);
      expect(rows.at(-1)!.prev_hash).toBe(before.hash);
      expect((await verifyAuditChain(fresh.store.db)).ok).toBe(true);
    });

    describe('finds tampering through SQL, at the event where it happened', () => {
      it('an event whose content was changed', async () => {
        const v = await tampered(fresh.store, async (trx, rows) => {
          await trx.updateTable('audit_events').set({ after: '{"roles":["admin"]}' }).where('id', '=', rows[3]!.id).execute();
        });
        const rows = await events(fresh.store.db);
        expect(v).toMatchObject({ ok: false, count: 3, firstBad: { id: rows[3]!.id, kind: 'changed' } });
        expect(v.firstBad!.reason).toContain(`第 ${rows[3]!.id} 号事件`);
        expect(v.firstBad!.reason).toContain('被改动');
      });

      it('an event whose time or actor was changed, each column on its own', async () => {
        const rows = await events(fresh.store.db);
        const k = rows[2]!;
        for (const set of [{ at: '2020-01-01T00:00:00.000Z' }, { actor: 'someone-else' }, { actor_id: 42 }, { ip: '10.0.0.9' }, { action: 'login' }, { entity: 'document' }, { entity_id: 12345 }, { before: '{}' }]) {
          const v = await tampered(fresh.store, async (trx) => {
            await trx.updateTable('audit_events').set(set).where('id', '=', k.id).execute();
          });
          expect(v.firstBad, JSON.stringify(set)).toMatchObject({ id: k.id, kind: 'changed' });
        }
      });

      it('an event changed and its hash recomputed: the next event no longer links to it', async () => {
        const rows = await events(fresh.store.db);
        const k = rows[4]!;
        const v = await tampered(fresh.store, async (trx) => {
          const changed = { ...k, actor: 'nobody' };
          await trx.updateTable('audit_events').set({ actor: 'nobody', hash: chainHash(k.prev_hash!, changed) }).where('id', '=', k.id).execute();
        });
        expect(v).toMatchObject({ ok: false, count: 5, firstBad: { id: k.id, kind: 'changed' } });
      });

      it('an event deleted from the middle, from the start and from the end', async () => {
        const rows = await events(fresh.store.db);
        const middle = await tampered(fresh.store, async (trx) => {
          await trx.deleteFrom('audit_events').where('id', '=', rows[3]!.id).execute();
        });
        expect(middle).toMatchObject({ ok: false, count: 3, firstBad: { id: rows[4]!.id, kind: 'deleted' } });
        expect(middle.firstBad!.reason).toContain('被删除');
        const first = await tampered(fresh.store, async (trx) => {
          await trx.deleteFrom('audit_events').where('id', '=', rows[0]!.id).execute();
        });
        expect(first).toMatchObject({ ok: false, count: 0, firstBad: { id: rows[1]!.id, kind: 'deleted' } });
        const last = await tampered(fresh.store, async (trx) => {
          await trx.deleteFrom('audit_events').where('id', '=', rows.at(-1)!.id).execute();
        });
        expect(last).toMatchObject({ ok: false, count: rows.length - 1, firstBad: { id: rows.at(-1)!.id, kind: 'deleted' } });
        expect(last.firstBad!.reason).toContain('链尾');
      });

      it('the last events deleted and a new one written after: the new one does not link', async () => {
        const rows = await events(fresh.store.db);
        const v = await tampered(fresh.store, async (trx) => {
          await trx.deleteFrom('audit_events').where('id', '>=', rows.at(-2)!.id).execute();
          await recordAudit(trx, { at: testClock.now(), actor: { name: 'admin' }, action: 'note', entity: 'test' });
        });
        expect(v.firstBad).toMatchObject({ kind: 'deleted' });
        expect(v.count).toBe(rows.length - 2);
      });

      it('an event inserted without a hash, at the end or in a gap', async () => {
        const rows = await events(fresh.store.db);
        const plain = { at: '2026-12-04T02:00:00.000Z', actor: 'admin', actor_id: 1, ip: null, action: 'user-update', entity: 'user', entity_id: 1, before: null, after: null };
        const atEnd = await tampered(fresh.store, async (trx) => {
          await insertRaw(trx, { id: rows.at(-1)!.id + 1, ...plain });
        });
        expect(atEnd).toMatchObject({ ok: false, count: rows.length, firstBad: { id: rows.at(-1)!.id + 1, kind: 'inserted' } });
        expect(atEnd.firstBad!.reason).toContain('插入');
        const inGap = await tampered(fresh.store, async (trx) => {
          await skipIds(fresh.store, trx, 5);
          await recordAudit(trx, { at: testClock.now(), actor: { name: 'admin' }, action: 'note', entity: 'test' });
          await insertRaw(trx, { id: rows.at(-1)!.id + 2, ...plain });
        });
        expect(inGap).toMatchObject({ ok: false, count: rows.length, firstBad: { id: rows.at(-1)!.id + 2, kind: 'inserted' } });
      });

      it('an event inserted with a hash made to fit, in a gap, before the first and after the head', async () => {
        const rows = await events(fresh.store.db);
        const last = rows.at(-1)!;
        // The unique prev_hash refuses a second event after the same one, as a fork would be.
        await expect(fresh.store.db.transaction().execute((trx) => insertRaw(trx, forged(last.id + 50, rows[2]!.hash!)))).rejects.toThrow(/unique|UNIQUE/);
        const dropIndex = (trx: Db) => sql`DROP INDEX audit_events_prev_hash`.execute(trx);
        const inGap = await tampered(fresh.store, async (trx) => {
          await skipIds(fresh.store, trx, 5);
          await recordAudit(trx, { at: testClock.now(), actor: { name: 'admin' }, action: 'note', entity: 'test' });
          await dropIndex(trx);
          await insertRaw(trx, forged(last.id + 2, last.hash!));
        });
        expect(inGap).toMatchObject({ ok: false, count: rows.length + 1, firstBad: { id: last.id + 2, kind: 'inserted' } });
        const beforeFirst = await tampered(fresh.store, async (trx) => {
          await dropIndex(trx);
          await insertRaw(trx, forged(0, GENESIS_V1));
        });
        expect(beforeFirst).toMatchObject({ ok: false, count: 1, firstBad: { id: 0, kind: 'inserted' } });
        const afterHead = await tampered(fresh.store, async (trx) => {
          await insertRaw(trx, forged(last.id + 1, last.hash!));
        });
        expect(afterHead).toMatchObject({ ok: false, count: rows.length, firstBad: { id: last.id + 1, kind: 'inserted' } });
        expect(afterHead.firstBad!.reason).toContain('链头之后');
      });

      it('two events that changed places, side by side or apart', async () => {
        const rows = await events(fresh.store.db);
        for (const [a, b] of [
          [2, 3],
          [1, 5],
        ] as const) {
          const v = await tampered(fresh.store, async (trx) => {
            await trx.updateTable('audit_events').set({ id: -1 }).where('id', '=', rows[a]!.id).execute();
            await trx.updateTable('audit_events').set({ id: rows[a]!.id }).where('id', '=', rows[b]!.id).execute();
            await trx.updateTable('audit_events').set({ id: rows[b]!.id }).where('id', '=', -1).execute();
          });
          expect(v, `${a} ↔ ${b}`).toMatchObject({ ok: false, count: a, firstBad: { id: rows[a]!.id, kind: 'swapped' } });
          expect(v.firstBad!.reason).toContain('次序被调换');
        }
      });

      it('a head changed or gone', async () => {
        const rows = await events(fresh.store.db);
        const gone = await tampered(fresh.store, async (trx) => {
          await trx.deleteFrom('audit_chain').execute();
        });
        expect(gone).toMatchObject({ ok: false, firstBad: { id: null, kind: 'head' } });
        const shorter = await tampered(fresh.store, async (trx) => {
          await trx.updateTable('audit_chain').set({ length: rows.length + 3 }).execute();
        });
        expect(shorter).toMatchObject({ ok: false, firstBad: { kind: 'head' } });
        // Without a head, nothing more is written: the change that would be recorded fails whole.
        await expect(
          fresh.store.db.transaction().execute(async (trx) => {
            await trx.deleteFrom('audit_chain').execute();
            await recordAudit(trx, { at: testClock.now(), actor: { name: 'admin' }, action: 'note', entity: 'test' });
          }),
        ).rejects.toThrow(/审计链的链头记录/);
      });

      it('is whole again after every tampering was rolled back', async () => {
        const rows = await events(fresh.store.db);
        expectChained(rows);
        expect(await verifyAuditChain(fresh.store.db)).toEqual({ ok: true, count: rows.length, head: rows.at(-1)!.hash });
      });
    });
  });

  describe.skipIf(!available)(`migration 0016 chains the events of an older store (${dialect})`, () => {
    const before = Object.keys(migrations(dialect)).filter((name) => name < '0016_audit_chain');
    const older = (db: Kysely<Database>) =>
      new Migrator({ db, provider: { getMigrations: async () => Object.fromEntries(Object.entries(migrations(dialect)).filter(([name]) => before.includes(name))) } });

    it('chains 2,500 stored events in id order, which then verify, and new events follow them', async () => {
      const target = await newTarget(dialect);
      try {
        // A store as the release before 0016 left it, with its events written there.
        const bare = await openBare(target.url);
        const up = await older(bare).migrateToLatest();
        expect(up.error).toBeUndefined();
        expect(up.results!.at(-1)!.migrationName).toBe(before.at(-1));
        const old = Array.from({ length: 2500 }, (_, i) => ({
          at: new Date(Date.UTC(2025, 0, 1) + i * 60_000).toISOString(),
          actor: i % 7 === 0 ? 'import' : `用户${i % 5}`,
          actor_id: i % 7 === 0 ? null : i % 5,
          ip: i % 3 === 0 ? null : `192.0.2.${i % 250}`,
          action: ['import', 'login', 'user-update', 'read'][i % 4]!,
          entity: ['source_file', 'user', 'user', 'document'][i % 4]!,
          entity_id: i % 11 === 0 ? null : i,
          before: i % 2 === 0 ? null : JSON.stringify({ 名称: `旧值${i}` }),
          after: JSON.stringify({ 名称: `新值${i}`, n: i }),
        }));
        for (let i = 0; i < old.length; i += 500) await sql`INSERT INTO audit_events (at, actor, actor_id, ip, action, entity, entity_id, before, after) VALUES ${sql.join(old.slice(i, i + 500).map((r) => sql`(${r.at}, ${r.actor}, ${r.actor_id}, ${r.ip}, ${r.action}, ${r.entity}, ${r.entity_id}, ${r.before}, ${r.after})`))}`.execute(bare);
        // A gap, as deleted test rows or PostgreSQL's rolled-back writes leave.
        await sql`DELETE FROM audit_events WHERE id IN (10, 11, 1200)`.execute(bare);
        await bare.destroy();

        const store = await openStore(target.url);
        try {
          const rows = await events(store.db);
          expect(rows).toHaveLength(2497);
          expect(rows.map(({ prev_hash: _p, hash: _h, id: _i, ...r }) => r)).toEqual(old.filter((_, i) => ![9, 10, 1199].includes(i)));
          expectChained(rows);
          expect(await head(store.db)).toEqual({ lastId: rows.at(-1)!.id, hash: rows.at(-1)!.hash, length: 2497 });
          expect(await verifyAuditChain(store.db)).toEqual({ ok: true, count: 2497, head: rows.at(-1)!.hash });

          await createUser(store.db, { username: 'lisi', displayName: '李四', roles: ['clerk'], password: 'Test-Passw0rd', mustChangePassword: true }, () => true, admin);
          const after = await events(store.db);
          expect(after.at(-1)!.prev_hash).toBe(rows.at(-1)!.hash);
          expect(await verifyAuditChain(store.db)).toMatchObject({ ok: true, count: 2498 });

          // Down and up again: the same hashes (the migration is a function of the stored rows).
          const migrator = new Migrator({ db: store.db, provider: { getMigrations: async () => migrations(dialect) } });
          expect((await migrator.migrateTo(before.at(-1)!)).error).toBeUndefined();
          expect((await migrator.migrateToLatest()).error).toBeUndefined();
          expect((await events(store.db)).map((r) => r.hash)).toEqual(after.map((r) => r.hash));
        } finally {
          await store.close();
        }
      } finally {
        await target.drop();
      }
    });

    it('starts an empty store with an empty chain', async () => {
      const target = await newTarget(dialect);
      try {
        const store = await openStore(target.url);
        try {
          expect(await head(store.db)).toEqual({ lastId: null, hash: GENESIS_V1, length: 0 });
          expect(await verifyAuditChain(store.db)).toEqual({ ok: true, count: 0, head: GENESIS_V1 });
        } finally {
          await store.close();
        }
      } finally {
        await target.drop();
      }
    });
  });

  describe.skipIf(!available)(`two processes writing at once keep one chain (${dialect})`, () => {
    const fresh = freshStore(dialect);

    it('chains every event of both, with no fork', async () => {
      const per = 150;
      const children = ['a', 'b'].map((tag) => startAuditChild(fresh.url, tag, per));
      await Promise.all(children.map((c) => c.line('ready')));
      for (const c of children) c.send();
      const results = await Promise.all(children.map((c) => c.done));
      for (const r of results) expect({ code: r.code, stderr: r.stderr }).toEqual({ code: 0, stderr: '' });
      const rows = await events(fresh.store.db);
      expect(rows.filter((r) => r.action === 'test-write')).toHaveLength(2 * per);
      for (const tag of ['a', 'b']) expect(rows.filter((r) => r.actor === `writer-${tag}`).map((r) => r.entity_id).sort((x, y) => x! - y!)).toEqual(Array.from({ length: per }, (_, i) => i));
      // Both processes' events are interleaved in one chain.
      const switches = rows.filter((r, i) => i > 0 && r.actor !== rows[i - 1]!.actor).length;
      expect(switches).toBeGreaterThan(2);
      expectChained(rows);
      expect(await verifyAuditChain(fresh.store.db)).toEqual({ ok: true, count: rows.length, head: rows.at(-1)!.hash });
    }, 120_000);
  });

  describe.skipIf(!available)(`GET /api/admin/audit/verify (${dialect})`, () => {
    const h = serverHarness(dialect);

    it('gives the administrator the verdict, whole and then broken', async () => {
      const whole = await h.request({ method: 'GET', url: '/api/admin/audit/verify', session: h.as('admin') });
      const rows = await events(h.store.db);
      expect(rows.length).toBeGreaterThan(0); // the harness's users and sign-ins
      expect(whole).toMatchObject({ status: 200, body: { ok: true, count: rows.length, head: rows.at(-1)!.hash } });
      const victim = rows[0]!;
      await h.store.db.updateTable('audit_events').set({ after: null }).where('id', '=', victim.id).execute();
      const broken = await h.request({ method: 'GET', url: '/api/admin/audit/verify', session: h.as('admin') });
      expect(broken).toMatchObject({ status: 200, body: { ok: false, count: 0, firstBad: { id: victim.id, kind: 'changed' } } });
      expect((broken.body as ChainVerdict).firstBad!.reason).toContain('被改动');
    });
  });

  describe.skipIf(!available)(`duban audit verify (${dialect})`, () => {
    const fresh = freshStore(dialect);
    const duban = (...args: string[]) => {
      const r = spawnSync(process.execPath, [join(root, 'bin', 'duban.mjs'), '--db', fresh.url, ...args], { encoding: 'utf8', cwd: root, timeout: 120_000 });
      return { code: r.status, out: r.stdout, err: r.stderr.replace(/^duban: dist\/.*\n/m, '') };
    };

    beforeAll(async () => {
      for (let i = 0; i < 4; i++) await recordAudit(fresh.store.db, { at: testClock.now(), actor: { name: 'admin' }, action: 'note', entity: 'test', entityId: i });
    });

    it('says the chain is whole, as text and as JSON', async () => {
      const last = (await events(fresh.store.db)).at(-1)!;
      const text = duban('audit', 'verify');
      expect(text).toMatchObject({ code: 0, err: '' });
      expect(text.out).toBe(`审计链完整：共 4 条事件，链头 ${last.hash}\n`);
      const json = duban('audit', 'verify', '--json');
      expect(json.code).toBe(0);
      expect(JSON.parse(json.out)).toEqual({ ok: true, count: 4, head: last.hash });
    }, 60_000);

    it('exits 1 with one Chinese line when the chain is broken', async () => {
      const rows = await events(fresh.store.db);
      await fresh.store.db.updateTable('audit_events').set({ actor: 'someone' }).where('id', '=', rows[1]!.id).execute();
      const text = duban('audit', 'verify');
      expect(text.code).toBe(1);
      expect(text.out).toBe('');
      expect(text.err).toBe(`duban: 审计链已被破坏：第 ${rows[1]!.id} 号事件（${rows[1]!.at} someone note）的内容与其哈希不符：事件被改动过（此前的 1 条事件完好）\n`);
      const json = duban('audit', 'verify', '--json');
      expect(json.code).toBe(1);
      expect(json.err).toBe(text.err);
      expect(JSON.parse(json.out)).toMatchObject({ ok: false, count: 1, firstBad: { id: rows[1]!.id, kind: 'changed' } });
    }, 60_000);

    it('names a store that is not there instead of making one', () => {
      const missing = join(work, 'nowhere', 'duban.db');
      const r = spawnSync(process.execPath, [join(root, 'bin', 'duban.mjs'), '--db', missing, 'audit', 'verify'], { encoding: 'utf8', cwd: root, timeout: 60_000 });
      expect(r.status).toBe(2);
      expect(r.stderr).toContain('没有找到数据库');
    }, 60_000);
  });
}

it('keeps the frozen form: audit.ts hashes with the v1 function, and v1 writes an event as it did when it shipped', () => {
  expect(chainHash).toBe(chainHashV1);
  const e = { id: 12, at: '2026-12-04T01:00:00.000Z', actor: '张三', actor_id: 3, ip: null, action: 'user-update', entity: 'user', entity_id: '5', before: '{"a":1}', after: null };
  expect(canonicalV1(e)).toBe('["duban-audit-v1",12,"2026-12-04T01:00:00.000Z","张三",3,null,"user-update","user",5,"{\\"a\\":1}",null]');
  expect(chainHashV1(GENESIS_V1, e)).toBe(sha256(GENESIS_V1 + canonicalV1(e)));
  expect(chainHashV1('f'.repeat(64), e)).not.toBe(chainHashV1(GENESIS_V1, e));
});

/** A store's database without running the migrations (openStore would run them all). */
async function openBare(url: string): Promise<Kysely<Database>> {
  const { Kysely: K, PostgresDialect, SqliteDialect } = await import('kysely');
  if (url.startsWith('postgres')) {
    const pg = (await import('pg')).default;
    return new K<Database>({ dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: url, max: 2 }) }) });
  }
  const Sqlite = (await import('better-sqlite3')).default;
  return new K<Database>({ dialect: new SqliteDialect({ database: new Sqlite(url) }) });
}

function startAuditChild(target: string, tag: string, count: number) {
  return startChild(target, [tag, String(count)], { script: join(import.meta.dirname, 'audit-chain-child.ts') });
}
