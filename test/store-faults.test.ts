// Faults under an import, each ending with the store exactly as it was before that write (a full
// dump of every row compared before and after) and, where a person runs the command, one Chinese
// line on stderr and a non-zero exit, no stack trace:
//   - kill -9 at random points of an import (a child that kills itself after N statements, N
//     drawn from a seeded generator, the seed printed: DUBAN_FAULT_SEED=… repeats a run);
//   - a full disk: the command under a file size limit (RLIMIT_FSIZE, `ulimit -f`), so the
//     engine's write fails (Node ignores SIGXFSZ, so the write returns EFBIG); and, where this
//     process may mount (root in a container here), a real full disk: a 4 MB tmpfs filled up, and
//     the same tmpfs remounted read-only;
//   - PostgreSQL restarted in the middle of an import: this import's own backends are ended with
//     pg_terminate_backend from another connection — what a restart does to a connection (FATAL
//     57P01), without restarting the server other suites use at the same time;
//   - a read-only store: a SQLite file of mode 0444 written by a user who may not write it (the
//     command runs as `nobody` when the tests run as root, whom file modes do not stop), and a
//     PostgreSQL database whose transactions are read-only.
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, statfsSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importPaths } from '../src/store/import.ts';
import { openStore } from '../src/store/open.ts';
import { startChild } from './store-children.ts';
import { noticeText, writeNotices } from './store-documents.ts';
import { dumpStore, rowCounts, withoutMigrationTimes, type Dump } from './store-dump.ts';
import { DIALECTS, newTarget, PG_ADMIN_URL, testClock, type TestTarget } from './store-targets.ts';
import { prng } from '../bench/corpus.ts';

const root = join(import.meta.dirname, '..');
const bin = join(root, 'bin', 'duban.mjs');
const work = mkdtempSync(join(tmpdir(), 'duban-faults-'));
chmodSync(work, 0o755); // the read-only test's user must reach the files
afterAll(() => rmSync(work, { recursive: true, force: true }));

const seed = Number(process.env.DUBAN_FAULT_SEED ?? Math.floor(Math.random() * 2 ** 31));
console.log(`store-faults: kill points drawn with DUBAN_FAULT_SEED=${seed}`);
// mulberry32 (bench/corpus.ts): seeded, so a failing run can be repeated exactly.
const random = prng(seed);

async function dumpOf(url: string): Promise<Dump> {
  const store = await openStore(url);
  try {
    return await dumpStore(store);
  } finally {
    await store.close();
  }
}

async function importInto(url: string, files: string[]): Promise<void> {
  const store = await openStore(url);
  try {
    await importPaths(store, files, testClock);
  } finally {
    await store.close();
  }
}

interface Run {
  code: number | null;
  stderr: string;
}

/** `duban --db url import files…`, through bash when `wrap` is given; as `uid` when given. */
function duban(url: string, files: string[], options: { wrap?: string; uid?: number } = {}): Promise<Run> {
  const argv = [bin, '--db', url, 'import', ...files];
  const ids = options.uid === undefined ? {} : { uid: options.uid, gid: options.uid };
  const child = options.wrap
    ? spawn('bash', ['-c', `${options.wrap}; exec "$0" "$@"`, process.execPath, ...argv], { cwd: root, ...ids })
    : spawn(process.execPath, argv, { cwd: root, ...ids });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  child.stdout.resume();
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stderr })));
}

/** One line, `duban: …`, in Chinese, and no stack trace. */
function expectOneChineseLine(stderr: string, says: RegExp): void {
  expect(stderr).toMatch(/^duban: /);
  expect(stderr).toMatch(says);
  expect(stderr).not.toMatch(/\n\s+at |Error:/);
  expect(stderr.trimEnd().split('\n')).toHaveLength(1);
}

for (const [index, { dialect, available }] of DIALECTS.entries()) {
  describe.skipIf(!available)(`kill -9 at random points of an import (${dialect})`, () => {
    // Two stores with the same history: `killed` is where children die; `counted` takes each
    // import once, whole, to count its statements (and, on SQLite, to be what `killed` must
    // become once the import finally runs through: equal row for row, ids included).
    let killed: TestTarget;
    let counted: TestTarget;
    const dir = join(work, `kill-${dialect}`);
    const earlier = writeNotices(dir, [0, 1, 2, 3, 4, 5].map((n) => n + index * 1000));
    beforeAll(async () => {
      killed = await newTarget(dialect);
      counted = await newTarget(dialect);
      await importInto(killed.url, earlier);
      await importInto(counted.url, earlier);
    });
    afterAll(async () => {
      await killed?.drop();
      await counted?.drop();
    });

    const scenarios: [string, () => string][] = [
      ['a new file', () => writeNotices(join(dir, 'new'), [40 + index * 1000])[0]!],
      [
        'a file replaced by new content',
        () => {
          writeFileSync(earlier[2]!, noticeText(2 + index * 1000, 1));
          return earlier[2]!;
        },
      ],
    ];
    for (const [what, prepare] of scenarios) {
      it(`leaves the store as it was, killed inside the import of ${what}; the import then runs through`, async () => {
        const file = prepare();
        const count = await startChild(counted.url, [file, '--count']).done;
        expect(count.code, count.stderr).toBe(0);
        const statements = Number(/statements (\d+)/.exec(count.stdout)?.[1]);
        expect(statements).toBeGreaterThan(5);
        const before = await dumpOf(killed.url);
        for (let k = 0; k < 4; k++) {
          const n = 1 + Math.floor(random() * statements);
          const r = await startChild(killed.url, [file, '--die-after', String(n)]).done;
          expect(r.signal, `killed after statement ${n} of ${statements}: ${r.stdout} ${r.stderr}`).toBe('SIGKILL');
          expect(await dumpOf(killed.url), `killed after statement ${n} of ${statements} (DUBAN_FAULT_SEED=${seed})`).toEqual(before);
        }
        const r = await startChild(killed.url, [file]).done;
        expect(r.code, r.stderr).toBe(0);
        expect(r.stdout).toMatch(/^done (imported|replaced) /);
        if (dialect === 'sqlite') expect(withoutMigrationTimes(await dumpOf(killed.url))).toEqual(withoutMigrationTimes(await dumpOf(counted.url)));
      });
    }
  });
}

for (const [index, { dialect, available }] of DIALECTS.entries()) {
  describe.skipIf(!available)(`kill -9 at a random point of an import of several files (${dialect})`, () => {
    // The kill may fall inside any file's transaction, between files, or after the last: the
    // files the child reported done are in, the one it was inside is not, and importing the batch
    // again finishes the job. `twin` imports each batch once, whole, which `killed` must equal
    // afterwards (row for row on SQLite; table by table in numbers on PostgreSQL, whose ids
    // are drawn from sequences that rolled-back transactions advance).
    let killed: TestTarget;
    let twin: TestTarget;
    const dir = join(work, `batch-${dialect}`);
    beforeAll(async () => {
      killed = await newTarget(dialect);
      twin = await newTarget(dialect);
      const earlier = writeNotices(dir, [0, 1, 2].map((n) => 2000 + n + index * 1000));
      await importInto(killed.url, earlier);
      await importInto(twin.url, earlier);
    });
    afterAll(async () => {
      await killed?.drop();
      await twin?.drop();
    });

    it('keeps the files done, nothing of the one it was inside, and finishes when run again (three batches)', async () => {
      for (let batch = 0; batch < 3; batch++) {
        const files = writeNotices(join(dir, `batch-${batch}`), [0, 1, 2, 3].map((n) => 2100 + batch * 10 + n + index * 1000));
        const count = await startChild(twin.url, [...files, '--count']).done;
        expect(count.code, count.stderr).toBe(0);
        const statements = Number(/^all (\d+)$/m.exec(count.stdout)?.[1]);
        const before = await storePaths(killed.url);
        const n = 1 + Math.floor(random() * statements);
        const r = await startChild(killed.url, [...files, '--die-after', String(n)]).done;
        const why = `killed after statement ${n} of ${statements} (DUBAN_FAULT_SEED=${seed})`;
        expect(r.signal, `${why}: ${r.stdout} ${r.stderr}`).toBe('SIGKILL');
        const done = [...r.stdout.matchAll(/^done imported (.+)$/gm)].map((m) => m[1]!);
        expect(await storePaths(killed.url), why).toEqual([...before, ...done].sort());
        const again = await startChild(killed.url, files).done;
        expect(again.code, again.stderr).toBe(0);
        const [a, b] = [await dumpOf(killed.url), await dumpOf(twin.url)];
        if (dialect === 'sqlite') expect(withoutMigrationTimes(a), why).toEqual(withoutMigrationTimes(b));
        else expect(rowCounts(a), why).toEqual(rowCounts(b));
      }
    });
  });
}

async function storePaths(url: string): Promise<string[]> {
  const store = await openStore(url);
  try {
    return (await store.db.selectFrom('source_files').select('path').execute()).map((r) => r.path).sort();
  } finally {
    await store.close();
  }
}

describe('a full disk (SQLite under a file size limit)', () => {
  it('fails the import with one Chinese line and exit 2, and leaves the store as it was', async () => {
    const target = await newTarget('sqlite');
    try {
      const dir = join(work, 'full');
      await importInto(target.url, writeNotices(dir, [500, 501]));
      const before = await dumpOf(target.url);
      const file = writeNotices(dir, [502])[0]!;
      // 40 blocks of 1 KiB: room for SQLite's 32 KiB shared-memory index, not for a file's
      // transaction in the write-ahead log.
      const r = await duban(target.url, [file], { wrap: 'ulimit -f 40' });
      expect(r.code).toBe(2);
      expectOneChineseLine(r.stderr, /写入失败：磁盘已满或超出了文件大小限制；未完成的写入已撤销，数据库保持原样。请腾出磁盘空间后再试\n/m);
      expect(await dumpOf(target.url)).toEqual(before);
      const again = await duban(target.url, [file]);
      expect(again.code, again.stderr).toBe(0);
    } finally {
      await target.drop();
    }
  });
});

describe.skipIf(!DIALECTS[1]!.available)('PostgreSQL restarted in the middle of an import', () => {
  it('ends the import with a Chinese message and exit 2, and the server keeps nothing of it', async () => {
    const target = await newTarget('postgres');
    try {
      const dir = join(work, 'restart');
      await importInto(target.url, writeNotices(dir, [600, 601]));
      const before = await dumpOf(target.url);
      const file = writeNotices(dir, [602])[0]!;
      const name = `duban_fault_${process.pid}_${Math.floor(random() * 1e9)}`;
      const url = new URL(target.url);
      url.searchParams.set('application_name', name);
      const child = startChild(url.toString(), [file, '--pause-on', 'notice-602.txt']);
      await child.line('inside ');
      const admin = new pg.Client({ connectionString: PG_ADMIN_URL });
      await admin.connect();
      try {
        const ended = await admin.query<{ ended: boolean }>('SELECT pg_terminate_backend(pid) AS ended FROM pg_stat_activity WHERE application_name = $1', [name]);
        expect(ended.rows.length).toBeGreaterThan(0);
        expect(ended.rows.every((r) => r.ended)).toBe(true);
      } finally {
        await admin.end();
      }
      child.send();
      const r = await child.done;
      expect(r.code, r.stderr).toBe(2);
      expectOneChineseLine(r.stderr, /的连接中断（服务器重启、连接被终止或网络断开）；未完成的写入已撤销，数据库保持原样。请确认 PostgreSQL 正常运行后重试\n/m);
      expect(await dumpOf(target.url)).toEqual(before);
    } finally {
      await target.drop();
    }
  });
});

describe('a read-only store', () => {
  it('SQLite: a file of mode 0444, written by a user who may not write it', async () => {
    const target = await newTarget('sqlite');
    try {
      const dir = join(work, 'read-only');
      await importInto(target.url, writeNotices(dir, [700]));
      const before = await dumpOf(target.url);
      const file = writeNotices(dir, [701])[0]!;
      chmodSync(join(target.url, '..'), 0o777); // the folder stays writable: the file is what is read-only
      chmodSync(target.url, 0o444);
      const asRoot = process.getuid?.() === 0;
      const r = await duban(target.url, [file], asRoot ? { uid: 65534 } : {});
      expect(r.code).toBe(2);
      expectOneChineseLine(r.stderr, /是只读的，无法写入；未完成的写入已撤销，数据库保持原样。请检查该文件及其所在文件夹是否允许写入/);
      chmodSync(target.url, 0o644);
      expect(await dumpOf(target.url)).toEqual(before);
    } finally {
      await target.drop();
    }
  });

  it.skipIf(!DIALECTS[1]!.available)('PostgreSQL: a database whose transactions are read-only', async () => {
    const target = await newTarget('postgres');
    try {
      const dir = join(work, 'read-only-pg');
      await importInto(target.url, writeNotices(dir, [710]));
      const before = await dumpOf(target.url);
      const name = new URL(target.url).pathname.slice(1);
      const admin = new pg.Client({ connectionString: PG_ADMIN_URL });
      await admin.connect();
      await admin.query(`ALTER DATABASE ${name} SET default_transaction_read_only = on`);
      await admin.end();
      const r = await duban(target.url, writeNotices(dir, [711]));
      expect(r.code).toBe(2);
      expectOneChineseLine(r.stderr, /是只读的（只读事务或备用服务器），无法写入；未完成的写入已撤销，数据库保持原样\n/m);
      expect(await dumpOf(target.url)).toEqual(before);
    } finally {
      await target.drop();
    }
  });
});

/** Whether this process may mount a tmpfs (tried once, on a folder of its own). */
function canMount(): boolean {
  const probe = mkdtempSync(join(tmpdir(), 'duban-mount-probe-'));
  try {
    if (spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=1m', 'tmpfs', probe]).status !== 0) return false;
    spawnSync('umount', [probe]);
    return true;
  } finally {
    rmSync(probe, { recursive: true, force: true });
  }
}
const mountable = canMount();
if (!mountable) console.warn('store-faults: cannot mount a tmpfs here (needs root with CAP_SYS_ADMIN): the real full-disk and read-only-disk tests are SKIPPED; the file size limit test still runs.');

describe.skipIf(!mountable)('a real disk: a 4 MB tmpfs', () => {
  const disk = join(work, 'disk');
  const url = join(disk, 'store', 'duban.db');
  const files = join(work, 'disk-files');
  let mounted = false;
  beforeAll(async () => {
    mkdirSync(disk, { recursive: true });
    expect(spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=4m', 'tmpfs', disk]).status).toBe(0);
    mounted = true;
    await importInto(url, writeNotices(files, [800, 801]));
  });
  afterAll(() => {
    if (mounted) spawnSync('umount', [disk]);
  });

  it('full: the import fails with one Chinese line and exit 2, the store as it was; with room again it goes in', async () => {
    const before = await dumpOf(url);
    // Leave 48 KiB: room for the 32 KiB shared-memory index, not for the transaction's log.
    const { bavail, bsize } = statfsSync(disk);
    const filler = join(disk, 'filler');
    writeFileSync(filler, Buffer.alloc(bavail * bsize - 48 * 1024));
    const file = writeNotices(files, [802])[0]!;
    const r = await duban(url, [file]);
    expect(r.code).toBe(2);
    expectOneChineseLine(r.stderr, /写入失败：磁盘已满或超出了文件大小限制；未完成的写入已撤销，数据库保持原样。请腾出磁盘空间后再试\n/m);
    rmSync(filler);
    expect(await dumpOf(url)).toEqual(before);
    const again = await duban(url, [file]);
    expect(again.code, again.stderr).toBe(0);
  });

  it('remounted read-only: the command says the store cannot be opened for writing, exit 2, the store as it was', async () => {
    const before = await dumpOf(url);
    expect(spawnSync('mount', ['-o', 'remount,ro', disk]).status).toBe(0);
    try {
      const r = await duban(url, writeNotices(join(work, 'disk-files-ro'), [803]));
      expect(r.code).toBe(2);
      expectOneChineseLine(r.stderr, /无法打开数据库 .*：文件或其所在文件夹不可访问（权限不足、只读挂载或路径不存在）\n/m);
    } finally {
      spawnSync('mount', ['-o', 'remount,rw', disk]);
    }
    expect(await dumpOf(url)).toEqual(before);
  });
});
