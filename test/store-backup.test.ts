// Backup and restore on both engines, with real stores, files and processes: a store holding the
// seeds, users, sessions and audit rows goes through `backupStore` and `restoreStore` into a fresh
// empty store, and every table comes back row for row (full dumps, table by table, from the
// engine's own list of tables), search answers the same, and new imports get new ids. Refusals:
// a target with data, a file that is not a backup, a truncated or altered one, one from a newer
// schema. An older backup is brought up to date by the migrations, its index rebuilt. A backup
// taken while another process imports holds exactly the files committed before its snapshot.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, truncateSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import Sqlite from 'better-sqlite3';
import { Kysely, Migrator, PostgresDialect, SqliteDialect, sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_AUTH_SETTINGS } from '../src/auth/settings.ts';
import { createSession } from '../src/auth/sessions.ts';
import { createUser } from '../src/auth/users.ts';
import { recordAudit } from '../src/store/audit.ts';
import { backupPostgres } from '../src/store/backup-pg.ts';
import { backupSqlite } from '../src/store/backup-sqlite.ts';
import { BackupError, backupStore, restoreStore } from '../src/store/backup.ts';
import { importFile, importPaths } from '../src/store/import.ts';
import { migrations } from '../src/store/migrations/index.ts';
import { verifyAuditChain } from '../src/store/audit-chain.ts';
import { openStore, type Store } from '../src/store/open.ts';
import { search, type SearchOptions } from '../src/store/search.ts';
import { DIALECTS, freshStore, newTarget, testClock, testDay, type TestTarget } from './store-targets.ts';

const root = join(import.meta.dirname, '..');
const seedsDir = join(root, '..', 'shared', 'seeds');
const haveSeeds = existsSync(seedsDir) && readdirSync(seedsDir).some((f) => f.endsWith('.txt'));
const actor = { name: 'test' };
const LATEST = Object.keys(migrations('sqlite')).sort().at(-1)!;

const work = mkdtempSync(join(tmpdir(), 'duban-backup-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
let counter = 0;
const fileIn = (name: string) => join(work, `${counter++}-${name}`);

function notice(title: string, number: string, body: string): string {
  return [title, '', number, '', '各区县人民政府，市政府各部门：', body, '', '某某市人民政府办公室', '2024年3月2日'].join('\n');
}
function noticeFile(word: string): string {
  const dir = join(work, `n${counter++}`);
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `${word}.txt`);
  writeFileSync(path, notice(`某某市人民政府办公室关于做好${word}工作的通知`, `某政办发〔2024〕${counter}号`, `一、各地要抓好${word}工作，市发展改革委牵头，2024年6月30日前完成。`));
  return path;
}

/** The tables a full dump compares: every table the engine lists, but Kysely's bookkeeping on PostgreSQL (see below). */
async function tableNames(store: Store): Promise<string[]> {
  if (store.dialect === 'sqlite') {
    const r = await sql<{ name: string }>`SELECT name FROM sqlite_schema WHERE type = 'table' AND (name NOT LIKE 'sqlite%' OR name = 'sqlite_sequence') ORDER BY name`.execute(store.db);
    // Virtual tables hold nothing of their own (their shadow tables, listed too, hold the index).
    const virtual = await sql<{ name: string }>`SELECT name FROM sqlite_schema WHERE sql LIKE 'CREATE VIRTUAL TABLE%'`.execute(store.db);
    return r.rows.map((x) => x.name).filter((n) => !virtual.rows.some((v) => v.name === n));
  }
  // The restored schema is made by running the migrations, so kysely_migration holds the
  // restore's timestamps, not the source's.
  const r = await sql<{ name: string }>`SELECT relname AS name FROM pg_class WHERE relkind = 'r' AND relnamespace = current_schema()::regnamespace AND relname NOT LIKE 'kysely%' ORDER BY relname`.execute(store.db);
  return r.rows.map((x) => x.name);
}

/** Every row of `table` as text, sorted: JSON of the row on SQLite, the row's text form (tsvectors included) on PostgreSQL. */
async function dumpTable(store: Store, table: string): Promise<string[]> {
  if (store.dialect === 'sqlite') {
    const r = await sql<Record<string, unknown>>`SELECT * FROM ${sql.table(table)}`.execute(store.db);
    return r.rows.map((row) => JSON.stringify(row)).sort();
  }
  const r = await sql<{ r: string }>`SELECT t::text AS r FROM ${sql.table(table)} t`.execute(store.db);
  return r.rows.map((x) => x.r).sort();
}

async function dump(store: Store): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  for (const t of await tableNames(store)) out.set(t, await dumpTable(store, t));
  return out;
}

async function maxId(store: Store, table: 'source_files' | 'documents' | 'audit_events' | 'search_entries'): Promise<number> {
  const r = await sql<{ m: number | string | null }>`SELECT max(id) AS m FROM ${sql.table(table)}`.execute(store.db);
  return Number(r.rows[0]!.m ?? 0);
}

const QUERIES: [string, SearchOptions][] = [
  ['知识产权质押融资', { asOf: testDay }],
  ['火灾事故', { asOf: testDay }],
  ['通政办发[2023]63号', { asOf: testDay }],
  ['市水务局副局长', { asOf: testDay, kinds: ['appointment'] }],
  ['7月14日', { asOf: testDay, kinds: ['chronicle'] }],
  ['营商环境', { asOf: testDay, limit: 50 }],
];

async function answers(store: Store): Promise<unknown[]> {
  const out: unknown[] = [];
  for (const [q, o] of QUERIES) out.push(await search(store, q, o));
  return out;
}

/** Whether a store holds any row of library or account data. */
async function rowsIn(url: string): Promise<number> {
  const store = await openStore(url);
  try {
    let n = 0;
    for (const t of ['source_files', 'documents', 'users', 'audit_events'] as const) {
      const r = await sql<{ n: number | string }>`SELECT count(*) AS n FROM ${sql.table(t)}`.execute(store.db);
      n += Number(r.rows[0]!.n);
    }
    return n;
  } finally {
    await store.close();
  }
}

async function refusal(work: Promise<unknown>): Promise<string> {
  try {
    await work;
  } catch (e) {
    expect(e).toBeInstanceOf(BackupError);
    return (e as Error).message;
  }
  throw new Error('expected a refusal');
}

/** Rewrites a PostgreSQL backup's header (its second line) through `edit`. */
function editPgHeader(file: string, edit: (header: { migrations: string[] }) => void): string {
  const text = gunzipSync(readFileSync(file)).toString('utf8');
  const first = text.indexOf('\n');
  const second = text.indexOf('\n', first + 1);
  const header = JSON.parse(text.slice(first + 1, second)) as { migrations: string[] };
  edit(header);
  const out = fileIn('edited.gz');
  writeFileSync(out, gzipSync(Buffer.from(`${text.slice(0, first + 1)}${JSON.stringify(header)}${text.slice(second)}`)));
  return out;
}

const targets: TestTarget[] = [];
async function target(dialect: 'sqlite' | 'postgres'): Promise<TestTarget> {
  const t = await newTarget(dialect);
  targets.push(t);
  return t;
}
afterAll(async () => {
  for (const t of targets) await t.drop();
});

for (const { dialect, available } of DIALECTS) {
  const suite = available && haveSeeds ? describe : describe.skip;
  suite(`backup and restore on ${dialect}`, () => {
    const source = freshStore(dialect);
    let before: Map<string, string[]>;
    let backupFile: string;

    beforeAll(async () => {
      const outcomes = await importPaths(source.store, [seedsDir], testClock);
      expect(outcomes.every((o) => o.status === 'imported')).toBe(true);
      // A document far longer than a read chunk: its row is one line of many chunks in the archive.
      const long = join(work, `long-${dialect}.txt`);
      const paragraphs = Array.from({ length: 1500 }, (_, i) => `${i + 1}. 各地要加强农田水利设施建设管护，落实第${i + 1}项管护责任，做到有人管、有钱管、管得好。`);
      writeFileSync(long, notice('某某市人民政府关于加强农田水利设施管护的意见', '某政发〔2024〕9号', paragraphs.join('\n')));
      expect((await importFile(source.store, long, testClock)).status).toBe('imported');
      const change = { actor, now: testClock.now() };
      const leader = await createUser(source.store.db, { username: 'wang', displayName: '王主任', roles: ['leader'], password: 'Chun-Feng-2026!', mustChangePassword: false }, () => true, change);
      await createUser(source.store.db, { username: 'li', displayName: '李科长', roles: ['clerk'], password: 'Xia-Yu-2026!x', mustChangePassword: true }, () => true, change);
      const session = await createSession(source.store.db, leader.id, testClock.now(), { ip: '127.0.0.1', userAgent: 'test' }, DEFAULT_AUTH_SETTINGS);
      await recordAudit(source.store.db, { at: testClock.now(), actor: { name: 'wang', id: leader.id, ip: '127.0.0.1' }, action: 'login', entity: 'user', entityId: leader.id, after: { session: session.publicId } });
      before = await dump(source.store);
      backupFile = fileIn(dialect === 'sqlite' ? 'backup.db' : 'backup.gz');
    }, 300_000);

    describe('a round trip into a fresh empty store', () => {
      let restoredTarget: TestTarget;
      let restored: Store;
      beforeAll(async () => {
        const lines: string[] = [];
        const result = await backupStore(source.url, backupFile, { clock: testClock, actor, onProgress: (l) => lines.push(l) });
        expect(result.migration).toBe(LATEST);
        expect(lines.length).toBeGreaterThan(0);
        restoredTarget = await target(dialect);
        const r = await restoreStore(restoredTarget.url, backupFile, { clock: testClock, actor });
        expect(r.upgradedTo).toBe(LATEST);
        restored = await openStore(restoredTarget.url);
      }, 300_000);
      afterAll(async () => restored?.close());

      it('brings back every table row for row', async () => {
        const after = await dump(restored);
        expect([...after.keys()]).toEqual([...before.keys()]);
        const restoreEvents = await sql<{ id: number }>`SELECT id FROM audit_events WHERE action = 'restore'`.execute(restored.db);
        expect(restoreEvents.rows).toHaveLength(1);
        // The chain came back whole, and the restore event extends it.
        const chain = await verifyAuditChain(restored.db);
        expect(chain).toMatchObject({ ok: true, count: after.get('audit_events')!.length });
        for (const [table, rows] of before) {
          if (table === 'audit_events') {
            // The restore is an event of the restored store; everything else is the source's.
            const theirs = await sql<Record<string, unknown>>`SELECT * FROM audit_events WHERE action <> 'restore'`.execute(restored.db);
            const mine = await sql<Record<string, unknown>>`SELECT * FROM audit_events`.execute(source.store.db);
            expect(theirs.rows.map((x) => JSON.stringify(x)).sort(), table).toEqual(mine.rows.filter((x) => x.action !== 'backup').map((x) => JSON.stringify(x)).sort());
            expect(after.get(table)).toHaveLength(rows.length + 1);
          } else if (table === 'audit_chain') {
            // The chain's head moved on by the restore event (the source's by its backup event).
            expect(after.get(table), table).toHaveLength(1);
          } else if (table === 'sqlite_sequence') {
            const without = (list: string[]) => list.filter((x) => !x.includes('"audit_events"'));
            expect(without(after.get(table)!), table).toEqual(without(rows));
          } else {
            expect(after.get(table), table).toEqual(rows);
          }
          if (['documents', 'search_entries', 'users', 'sessions', 'audit_events'].includes(table)) expect(rows.length, table).toBeGreaterThan(0);
        }
      });

      it('answers searches as the source does', async () => {
        const mine = await answers(source.store);
        expect((mine[0] as unknown[]).length).toBeGreaterThan(0);
        expect(await answers(restored)).toEqual(mine);
      });

      it('takes new imports with ids past every restored one', async () => {
        const docs = await maxId(restored, 'documents');
        const files = await maxId(restored, 'source_files');
        const entries = await maxId(restored, 'search_entries');
        const o = await importFile(restored, noticeFile('冬季供暖保障'), testClock);
        expect(o.status).toBe('imported');
        const row = await restored.db.selectFrom('source_files').select('id').where('path', '=', o.path).executeTakeFirstOrThrow();
        expect(row.id).toBeGreaterThan(files);
        expect(await maxId(restored, 'documents')).toBeGreaterThan(docs);
        expect(await maxId(restored, 'search_entries')).toBeGreaterThan(entries);
        const hits = await search(restored, '冬季供暖保障', { asOf: testDay });
        expect(hits[0]?.title).toContain('冬季供暖保障');
      });

      it('records the backup in the source and the restore in the new store', async () => {
        const b = await restored.db.selectFrom('audit_events').selectAll().where('action', '=', 'restore').executeTakeFirstOrThrow();
        expect(JSON.parse(b.after!)).toMatchObject({ file: backupFile, migration: LATEST });
        const a = await source.store.db.selectFrom('audit_events').selectAll().where('action', '=', 'backup').executeTakeFirstOrThrow();
        expect(JSON.parse(a.after!)).toMatchObject({ file: backupFile, migration: LATEST });
      });
    });

    describe('refusals', () => {
      it('never overwrites a file, and leaves no partial file behind', async () => {
        const message = await refusal(backupStore(source.url, backupFile, { clock: testClock, actor }));
        expect(message).toContain('已存在');
        const inWork = readdirSync(work).filter((f) => f.includes('.partial-'));
        expect(inWork).toEqual([]);
      });

      it('leaves no file under the backup name when a backup fails part-way', async () => {
        const file = fileIn(dialect === 'sqlite' ? 'failed.db' : 'failed.gz');
        const failing = backupStore(source.url, file, {
          clock: testClock,
          actor,
          onSnapshot: async () => {
            throw new Error('磁盘已满（测试）');
          },
        });
        await expect(failing).rejects.toThrow('磁盘已满');
        expect(existsSync(file)).toBe(false);
        expect(readdirSync(work).filter((f) => f.includes('.partial-'))).toEqual([]);
      });

      it('leaves only a hidden partial file when killed mid-copy, which the next backup removes', async () => {
        const dir = join(work, `killed-${dialect}`);
        mkdirSync(dir);
        const file = join(dir, dialect === 'sqlite' ? 'nightly.db' : 'nightly.gz');
        const child = spawn(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'backup-child.ts'), source.url, file], { cwd: root });
        let err = '';
        child.stderr.on('data', (d: Buffer) => (err += d.toString()));
        const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, signal) => resolve(signal)));
        await new Promise<void>((resolve, reject) => {
          let out = '';
          child.stdout.on('data', (d: Buffer) => {
            out += d.toString();
            if (out.includes('inside')) resolve();
          });
          void exited.then(() => reject(new Error(`backup child ended by itself: ${out} ${err}`)));
        });
        // Nothing in the folder but the hidden partial file (and, on SQLite, its journal).
        const left = () => readdirSync(dir).filter((f) => !/^\.nightly\.(db|gz)\.partial-\d+(-journal)?$/.test(f));
        expect(readdirSync(dir).length).toBeGreaterThan(0);
        expect(left()).toEqual([]);
        child.kill('SIGKILL');
        expect(await exited).toBe('SIGKILL');
        expect(existsSync(file)).toBe(false);
        expect(left()).toEqual([]);
        await backupStore(source.url, join(dir, dialect === 'sqlite' ? 'next.db' : 'next.gz'), { clock: testClock, actor });
        expect(readdirSync(dir).sort()).toEqual([dialect === 'sqlite' ? 'next.db' : 'next.gz']);
      }, 120_000);

      it('restores into an empty store that Duban has already opened', async () => {
        const t = await target(dialect);
        const empty = await openStore(t.url);
        await empty.close();
        await restoreStore(t.url, backupFile, { clock: testClock, actor });
        const again = await openStore(t.url);
        try {
          expect(await dumpTable(again, 'documents')).toEqual(before.get('documents'));
          expect((await search(again, '知识产权质押融资', { asOf: testDay })).length).toBeGreaterThan(0);
        } finally {
          await again.close();
        }
      });

      it('refuses a target that holds data, and leaves it as it was', async () => {
        const message = await refusal(restoreStore(source.url, backupFile, { clock: testClock, actor }));
        expect(message).toMatch(/已有数据/);
        expect(await dumpTable(source.store, 'documents')).toEqual(before.get('documents'));
      });

      it('refuses a file that is not a backup', async () => {
        const t = await target(dialect);
        const text = fileIn('notes.txt');
        writeFileSync(text, '这不是备份文件\n');
        expect(await refusal(restoreStore(t.url, text, { clock: testClock, actor }))).toMatch(/不是督办的/);
        const missing = fileIn('missing.bak');
        expect(await refusal(restoreStore(t.url, missing, { clock: testClock, actor }))).toMatch(/不存在/);
        expect(await rowsIn(t.url)).toBe(0);
      });

      it('refuses a truncated backup', async () => {
        const t = await target(dialect);
        for (const keep of [0.5, 0.97]) {
          const cut = fileIn('cut');
          copyFileSync(backupFile, cut);
          truncateSync(cut, Math.floor(statSync(cut).size * keep));
          expect(await refusal(restoreStore(t.url, cut, { clock: testClock, actor }))).toMatch(/不完整|损坏/);
        }
        expect(await rowsIn(t.url)).toBe(0);
      });

      it('refuses a backup from a newer schema than this program knows', async () => {
        const t = await target(dialect);
        let newer: string;
        if (dialect === 'sqlite') {
          newer = fileIn('newer.db');
          copyFileSync(backupFile, newer);
          const db = new Sqlite(newer);
          db.prepare(`INSERT INTO kysely_migration (name, timestamp) VALUES ('9999_from_the_future', '2030-01-01T00:00:00.000Z')`).run();
          db.close();
        } else {
          newer = editPgHeader(backupFile, (h) => h.migrations.push('9999_from_the_future'));
        }
        expect(await refusal(restoreStore(t.url, newer, { clock: testClock, actor }))).toMatch(/更新版本/);
        expect(await rowsIn(t.url)).toBe(0);
      });

      it.runIf(dialect === 'postgres')('refuses a backup whose rows were altered (checksums)', async () => {
        const t = await target(dialect);
        const text = gunzipSync(readFileSync(backupFile)).toString('utf8');
        const at = text.indexOf('通辽');
        expect(at).toBeGreaterThan(0);
        const altered = fileIn('altered.gz');
        writeFileSync(altered, gzipSync(Buffer.from(`${text.slice(0, at)}赤峰${text.slice(at + 2)}`)));
        expect(await refusal(restoreStore(t.url, altered, { clock: testClock, actor }))).toMatch(/校验和/);
        expect(await rowsIn(t.url)).toBe(0);
      });

      it('refuses a backup of the other engine', async () => {
        const t = await target(dialect);
        const other = fileIn('other');
        if (dialect === 'sqlite') writeFileSync(other, gzipSync(Buffer.from('DUBAN-BACKUP postgres 1\n')));
        else {
          const db = new Sqlite(other);
          db.exec('CREATE TABLE t (x)');
          db.close();
        }
        expect(await refusal(restoreStore(t.url, other, { clock: testClock, actor }))).toMatch(dialect === 'sqlite' ? /PostgreSQL/ : /SQLite/);
      });
    });

    it('restores an older backup and brings it up to date, index rebuilt', async () => {
      // A store at 0010 (before documents' access and topics), with one document written as that
      // schema had it; its index rows are left empty, as a migration that marks the index stale
      // leaves them for the current code to fill.
      const old = await target(dialect);
      const db: Kysely<any> = // eslint-disable-line @typescript-eslint/no-explicit-any
        dialect === 'sqlite' ? new Kysely({ dialect: new SqliteDialect({ database: new Sqlite(old.url) }) }) : new Kysely({ dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: old.url }) }) });
      const { error } = await new Migrator({ db, provider: { getMigrations: async () => migrations(dialect) } }).migrateTo('0010_audit_context');
      expect(error).toBeUndefined();
      const file = await db.insertInto('source_files').values({ path: '/old/a.txt', name: 'a.txt', content_hash: 'h', format: 'txt', kind: 'document', size: 1, imported_at: '2026-01-01T00:00:00.000Z', warnings: '[]' }).returning('id').executeTakeFirstOrThrow();
      const body = '一、各地要做好秸秆禁烧工作，2024年6月30日前完成。';
      const doc = await db
        .insertInto('documents')
        .values({ source_file_id: file.id, seq: 0, doc_number: '某政办发〔2024〕1号', title: '关于做好秸秆禁烧工作的通知', title_key: '关于做好秸秆禁烧工作的通知', issuers: '[]', issuer_text: '', recipients: '[]', attachments: '[]', distribution: '[]', groups: '[]', outline: '[]', body, line: 1, end_line: 3 })
        .returning('id')
        .executeTakeFirstOrThrow();
      const entry = await db
        .insertInto('search_entries')
        .values({ kind: 'document', source_file_id: file.id, document_id: doc.id, ref_id: doc.id, title: '关于做好秸秆禁烧工作的通知', issuer_text: '', units: '||', ...(dialect === 'postgres' ? { tsv: sql`''::tsvector` } : {}) })
        .returning('id')
        .executeTakeFirstOrThrow();
      await db.insertInto('rank_texts').values({ entry_id: entry.id, rank_title: '', rank_text: '' }).execute();
      await db.destroy();
      const oldBackup = fileIn(dialect === 'sqlite' ? 'old.db' : 'old.gz');
      if (dialect === 'sqlite') await backupSqlite(old.url, oldBackup, { createdAt: '2026-01-01T00:00:00.000Z' });
      else await backupPostgres(old.url, oldBackup, { createdAt: '2026-01-01T00:00:00.000Z', label: 'old' });

      const fresh = await target(dialect);
      const r = await restoreStore(fresh.url, oldBackup, { clock: testClock, actor });
      expect(r.migration).toBe('0010_audit_context');
      expect(r.upgradedTo).toBe(LATEST);
      const up = await openStore(fresh.url);
      try {
        const d = await up.db.selectFrom('documents').selectAll().executeTakeFirstOrThrow();
        expect(d.access).toMatch(/public|internal/);
        const hits = await search(up, '秸秆禁烧', { asOf: testDay });
        expect(hits.map((h) => h.title)).toContain('关于做好秸秆禁烧工作的通知');
        const o = await importFile(up, noticeFile('防汛抗旱'), testClock);
        expect(o.status).toBe('imported');
      } finally {
        await up.close();
      }
    }, 120_000);

    it('takes a backup while another process imports: exactly the files committed before its snapshot, each whole', async () => {
      const files = Array.from({ length: 6 }, (_, i) => noticeFile(`并发导入${'甲乙丙丁戊己'[i]}`));
      const waitBefore = files[2]!;
      const child: ChildProcessWithoutNullStreams = spawn(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'backup-import-child.ts'), source.url, ...files, '--wait-before', waitBefore], { cwd: root });
      let out = '';
      let err = '';
      const waiters: { text: string; resolve: () => void }[] = [];
      child.stdout.on('data', (d: Buffer) => {
        out += d.toString();
        for (const w of waiters.filter((x) => out.includes(x.text))) w.resolve();
      });
      child.stderr.on('data', (d: Buffer) => (err += d.toString()));
      const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
      const seen = (text: string) => new Promise<void>((resolve) => (out.includes(text) ? resolve() : waiters.push({ text, resolve })));
      await Promise.race([seen('ready'), exited.then(() => Promise.reject(new Error(`child ended early: ${out} ${err}`)))]);

      const file = fileIn(dialect === 'sqlite' ? 'during.db' : 'during.gz');
      await backupStore(source.url, file, {
        clock: testClock,
        actor,
        // The third file is committed after the snapshot was fixed and before the copy is done;
        // the rest follow while the copy runs.
        onSnapshot: async () => {
          child.stdin.write('go\n');
          await seen(`done imported ${waitBefore}`);
        },
      });
      expect(await exited, err).toBe(0);

      const t = await target(dialect);
      await restoreStore(t.url, file, { clock: testClock, actor });
      const copy = await openStore(t.url);
      try {
        const paths = (await copy.db.selectFrom('source_files').select('path').execute()).map((r) => r.path);
        expect(paths.filter((p) => files.includes(p)).sort()).toEqual(files.slice(0, 2).sort());
        // Each file whole: the same rows hang off it as in the source, and its import event is there.
        for (const p of paths) {
          const per = async (s: Store) => {
            const id = (await s.db.selectFrom('source_files').select('id').where('path', '=', p).executeTakeFirstOrThrow()).id;
            const c = async (t: 'documents' | 'search_entries' | 'appointments' | 'chronicle_entries') => Number((await sql<{ n: string | number }>`SELECT count(*) AS n FROM ${sql.table(t)} WHERE source_file_id = ${id}`.execute(s.db)).rows[0]!.n);
            const tasks = Number((await sql<{ n: string | number }>`SELECT count(*) AS n FROM tasks t JOIN documents d ON d.id = t.document_id WHERE d.source_file_id = ${id}`.execute(s.db)).rows[0]!.n);
            const events = Number((await sql<{ n: string | number }>`SELECT count(*) AS n FROM audit_events WHERE action = 'import' AND entity_id = ${id}`.execute(s.db)).rows[0]!.n);
            return [await c('documents'), await c('search_entries'), await c('appointments'), await c('chronicle_entries'), tasks, events];
          };
          expect(await per(copy), p).toEqual(await per(source.store));
        }
      } finally {
        await copy.close();
      }
    }, 300_000);
  });
}
