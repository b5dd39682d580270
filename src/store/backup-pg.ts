// PostgreSQL backups through the driver's COPY (pg-copy-streams), not pg_dump: pg_dump must be at
// least the server's major version and installed beside Duban, which an office's machine often
// is not; COPY is spoken by every server version the driver speaks to, and the file's manifest
// is ours to check (docs/decisions.md, "Backup and restore"; the file: backup-pg-archive.ts).
//
// One snapshot: every COPY runs in one REPEATABLE READ READ ONLY transaction on one connection,
// so imports that commit while the backup runs are either wholly in it or not at all.
import { createHash } from 'node:crypto';
import { once } from 'node:events';
import { createWriteStream, statSync } from 'node:fs';
import type { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import { Kysely, Migrator, PostgresDialect } from 'kysely';
import pg from 'pg';
import { from as copyFrom, to as copyTo } from 'pg-copy-streams';
import { BackupError, knownLevel, MIGRATION_TABLES, NEW_STORE_TABLES, writeWhole, type BackupResult, type ProgressLine, type RestoredData } from './backup-common.ts';
import { archiveEnd, archiveStart, readArchive, tableEnd, tableStart, type Header, type Manifest } from './backup-pg-archive.ts';
import { dropGinIndexes, rebuildIndexes } from './gin-indexes.ts';
import { migrations as allMigrations } from './migrations/index.ts';

const ROWS_PER_PROGRESS_LINE = 50_000;

export interface PgBackupOptions {
  onProgress?: ProgressLine;
  /** Test hook: runs after the first table is copied (the snapshot is fixed by then). */
  onSnapshot?: () => Promise<void>;
  createdAt: string;
  /** The source as it may be shown (no password). */
  label: string;
}

async function connect(url: string, label: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: url });
  client.on('error', () => {}); // a lost server surfaces as the failed query
  try {
    await client.connect();
  } catch (e) {
    throw new BackupError(`无法连接数据库 ${label}：${e instanceof Error ? e.message : String(e)}`);
  }
  await client.query(`SET client_encoding = 'UTF8'`);
  return client;
}

const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;

async function schemaTables(client: pg.Client): Promise<string[]> {
  const { rows } = await client.query<{ name: string }>(
    `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p') ORDER BY c.relname`,
  );
  return rows.map((r) => r.name);
}

/** The tables holding Duban's rows, parents before the tables that refer to them. */
async function tablesInLoadOrder(client: pg.Client): Promise<string[]> {
  const tables = (await schemaTables(client)).filter((t) => !MIGRATION_TABLES.has(t));
  const { rows } = await client.query<{ child: string; parent: string }>(
    `SELECT c.relname AS child, p.relname AS parent FROM pg_constraint k
       JOIN pg_class c ON c.oid = k.conrelid JOIN pg_class p ON p.oid = k.confrelid
       JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE k.contype = 'f' AND n.nspname = current_schema()`,
  );
  const parents = new Map<string, Set<string>>(tables.map((t) => [t, new Set()]));
  for (const r of rows) if (r.child !== r.parent) parents.get(r.child)?.add(r.parent);
  const ordered: string[] = [];
  const visit = (t: string, path: Set<string>) => {
    if (ordered.includes(t) || path.has(t)) return;
    path.add(t);
    for (const p of parents.get(t) ?? []) visit(p, path);
    path.delete(t);
    ordered.push(t);
  };
  for (const t of tables) visit(t, new Set());
  return ordered;
}

async function columnsOf(client: pg.Client, table: string): Promise<string[]> {
  const { rows } = await client.query<{ name: string }>(
    `SELECT attname AS name FROM pg_attribute WHERE attrelid = $1::regclass AND attnum > 0 AND NOT attisdropped AND attgenerated = '' ORDER BY attnum`,
    [ident(table)],
  );
  return rows.map((r) => r.name);
}

/** The identity (or serial) columns and their sequences. */
async function sequencesOf(client: pg.Client): Promise<{ table: string; column: string; sequence: string }[]> {
  const { rows } = await client.query<{ table: string; column: string; sequence: string }>(
    `SELECT c.relname AS table, a.attname AS column, pg_get_serial_sequence(format('%I', c.relname), a.attname) AS sequence
       FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = current_schema() AND c.relkind = 'r' AND a.attnum > 0 AND NOT a.attisdropped
        AND pg_get_serial_sequence(format('%I', c.relname), a.attname) IS NOT NULL
      ORDER BY 1, 2`,
  );
  return rows;
}

async function appliedMigrations(client: pg.Client): Promise<string[] | null> {
  const exists = await client.query(`SELECT 1 FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = current_schema() AND c.relname = 'kysely_migration'`);
  if (exists.rowCount === 0) return null;
  const { rows } = await client.query<{ name: string }>('SELECT name FROM kysely_migration ORDER BY name');
  return rows.map((r) => r.name);
}

function countLines(chunk: Buffer): number {
  let n = 0;
  for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) n++;
  return n;
}

async function put(out: Writable, data: string | Buffer): Promise<void> {
  if (!out.write(data)) await once(out, 'drain');
}

/** Whether the database at `url` holds a Duban schema (a backup of anything else is refused). */
export async function isDubanDatabase(url: string, label: string): Promise<boolean> {
  const client = await connect(url, label);
  try {
    return (await appliedMigrations(client)) !== null;
  } finally {
    await client.end().catch(() => {});
  }
}

/** Writes the archive into `out`: every table's COPY text, then the manifest (returned). */
async function writeArchive(client: pg.Client, out: Writable, header: Header, options: PgBackupOptions, outFailed: () => unknown): Promise<Manifest> {
  const manifest: Manifest = { tables: [], sequences: [] };
  await put(out, archiveStart(header));
  for (const t of header.tables) {
    await put(out, tableStart(t.name));
    const hash = createHash('sha256');
    let rows = 0;
    let reported = 0;
    const stream = client.query(copyTo(`COPY ${ident(t.name)} (${t.columns.map(ident).join(', ')}) TO STDOUT`));
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      const failure = outFailed();
      if (failure) throw failure;
      hash.update(chunk);
      rows += countLines(chunk);
      await put(out, chunk);
      if (rows - reported >= ROWS_PER_PROGRESS_LINE) {
        reported = rows;
        options.onProgress?.(`备份 ${t.name}：${rows} 行…`);
      }
    }
    await put(out, tableEnd);
    manifest.tables.push({ name: t.name, rows, sha256: hash.digest('hex') });
    options.onProgress?.(`备份 ${t.name}：${rows} 行`);
    if (manifest.tables.length === 1) await options.onSnapshot?.();
  }
  // Sequences are outside the snapshot: their value now is at least what the copied rows used.
  for (const s of await sequencesOf(client)) {
    const r = await client.query<{ last: string | null }>('SELECT pg_sequence_last_value($1::regclass) AS last', [s.sequence]);
    manifest.sequences.push({ table: s.table, column: s.column, last: r.rows[0]!.last === null ? null : Number(r.rows[0]!.last) });
  }
  await put(out, archiveEnd(manifest));
  return manifest;
}

export async function backupPostgres(url: string, file: string, options: PgBackupOptions): Promise<BackupResult> {
  const client = await connect(url, options.label);
  try {
    const migrations = await appliedMigrations(client);
    if (migrations === null) throw new BackupError(`${options.label} 里没有督办的数据（没有数据库结构记录）`);
    knownLevel('postgres', migrations);
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    try {
      // The first statement of the transaction fixes its snapshot.
      const applied = (await appliedMigrations(client))!;
      const migration = knownLevel('postgres', applied);
      const header: Header = {
        createdAt: options.createdAt,
        source: options.label,
        serverVersion: (await client.query<{ v: string }>(`SELECT current_setting('server_version') AS v`)).rows[0]!.v,
        migrations: applied,
        tables: [],
      };
      for (const name of await tablesInLoadOrder(client)) header.tables.push({ name, columns: await columnsOf(client, name) });
      const manifest = await writeWhole(file, async (temporary) => {
        const gzip = createGzip({ level: 6 });
        const written = pipeline(gzip, createWriteStream(temporary));
        // A failure of the file (disk full) ends the copy through this.
        let writeError: unknown = null;
        written.catch((e: unknown) => (writeError = e));
        try {
          const made = await writeArchive(client, gzip, header, options, () => writeError);
          gzip.end();
          await written;
          return made;
        } catch (e) {
          // Wait until the file stream is closed: it may still be opening the file, which would
          // then appear after writeWhole removed it.
          gzip.destroy(e instanceof Error ? e : new Error(String(e)));
          await written.catch(() => {});
          throw e;
        }
      });
      const tables = manifest.tables.map((t) => ({ table: t.name, rows: t.rows }));
      return { engine: 'postgres', file, bytes: statSync(file).size, migration, tables };
    } finally {
      await client.query('COMMIT').catch(() => {});
    }
  } finally {
    await client.end().catch(() => {});
  }
}

/** Checks a backup file whole (frame, checksums, manifest, schema level) without touching a store. */
export async function inspectPgBackup(file: string): Promise<RestoredData & { header: Header; manifest: Manifest }> {
  const { header, manifest } = await readArchive(file);
  const migration = knownLevel('postgres', header.migrations);
  return { engine: 'postgres', migration, createdAt: header.createdAt, tables: manifest.tables.map((t) => ({ table: t.name, rows: t.rows })), header, manifest };
}

/** A COPY FROM stream fed row by row, in batches of about 64 kB, with its first error kept. */
class CopyIn {
  private batch: Buffer[] = [];
  private size = 0;
  private failure: unknown = null;
  private readonly failed: Promise<never>;
  constructor(private readonly stream: Writable) {
    this.failed = new Promise<never>((_, reject) => stream.once('error', (e) => reject((this.failure = e))));
    this.failed.catch(() => {});
  }
  async write(line: Buffer): Promise<void> {
    if (this.failure) throw this.failure;
    this.batch.push(line);
    this.size += line.length;
    if (this.size >= 65536) await this.flush();
  }
  private async flush(): Promise<void> {
    if (this.size === 0) return;
    const data = Buffer.concat(this.batch);
    this.batch = [];
    this.size = 0;
    if (!this.stream.write(data)) await Promise.race([once(this.stream, 'drain'), this.failed]);
  }
  async end(): Promise<void> {
    await this.flush();
    const finished = once(this.stream, 'finish');
    this.stream.end();
    await Promise.race([finished, this.failed]);
    if (this.failure) throw this.failure;
  }
}

/** A Kysely that runs every statement on `client` (inside whatever transaction the client is in). */
function onClient(client: pg.Client): Kysely<any> { // eslint-disable-line @typescript-eslint/no-explicit-any
  const held = Object.assign(client, { release: () => {} });
  return new Kysely({ dialect: new PostgresDialect({ pool: { connect: async () => held, end: async () => {} } }) });
}

/** Refuses a target that holds data, or whose schema is not the backup's; creates the schema in a database that has none. */
async function prepareTarget(url: string, client: pg.Client, label: string, level: string, backupMigrations: readonly string[]): Promise<void> {
  const tables = await schemaTables(client);
  if (tables.length > 0) {
    const applied = await appliedMigrations(client);
    if (applied === null) throw new BackupError(`目标数据库 ${label} 里已有别的表（${tables.slice(0, 5).join('、')}），恢复只能进入空的数据库；请新建一个（createdb）`);
    const withData: string[] = [];
    for (const t of tables) {
      if (MIGRATION_TABLES.has(t) || NEW_STORE_TABLES.has(t)) continue;
      const r = await client.query(`SELECT 1 FROM ${ident(t)} LIMIT 1`);
      if (r.rowCount) withData.push(t);
    }
    if (withData.length > 0) throw new BackupError(`目标数据库 ${label} 已有数据（${withData.join('、')}），恢复只能进入空的数据库；请新建一个（createdb）`);
    if (applied.join(',') !== backupMigrations.join(',')) {
      throw new BackupError(`目标数据库 ${label} 的结构版本（${applied.at(-1) ?? '无'}）与备份（${level}）不同；请新建一个空的数据库（createdb）再恢复`);
    }
    return;
  }
  // An empty database: the schema as it was when the backup was taken, by the same migrations.
  const pool = new pg.Pool({ connectionString: url, max: 2 });
  pool.on('error', () => {});
  const db = new Kysely<any>({ dialect: new PostgresDialect({ pool }) }); // eslint-disable-line @typescript-eslint/no-explicit-any
  try {
    const migrator = new Migrator({ db, provider: { getMigrations: async () => allMigrations('postgres') } });
    const { error } = await migrator.migrateTo(level);
    if (error) throw new BackupError(`无法在目标数据库建立数据库结构：${error instanceof Error ? error.message : String(error)}`);
  } finally {
    await db.destroy();
  }
}

/**
 * Restores a backup into an empty database: the file is checked whole first, then every table is
 * loaded in one transaction (a failure leaves the database without rows), the identity sequences
 * are set past the restored ids, and the full-text indexes are built once at the end.
 */
export async function restorePostgres(file: string, url: string, label: string, onProgress?: ProgressLine): Promise<RestoredData> {
  onProgress?.('检查备份文件…');
  const { header, manifest, ...checked } = await inspectPgBackup(file);
  const client = await connect(url, label);
  try {
    await prepareTarget(url, client, label, checked.migration, header.migrations);
    const db = onClient(client);
    await client.query('BEGIN');
    try {
      // A new store's facts (its index format) give way to the backup's.
      await client.query('DELETE FROM store_meta');
      // And the new store's empty audit chain gives way to the backup's head (stores from 0016 on).
      if ((await schemaTables(client)).includes('audit_chain')) await client.query('DELETE FROM audit_chain');
      const gin = await dropGinIndexes(db);
      await readArchive(file, async (name) => {
        const columns = header.tables.find((t) => t.name === name)!.columns;
        const copy = new CopyIn(client.query(copyFrom(`COPY ${ident(name)} (${columns.map(ident).join(', ')}) FROM STDIN`)));
        let rows = 0;
        return {
          row: async (line) => {
            rows++;
            if (rows % ROWS_PER_PROGRESS_LINE === 0) onProgress?.(`恢复 ${name}：${rows} 行…`);
            await copy.write(line);
          },
          end: async (total) => {
            await copy.end();
            const expected = manifest.tables.find((t) => t.name === name)?.rows;
            if (expected !== total) throw new BackupError(`表 ${name} 恢复了 ${total} 行，清单记录 ${expected ?? 0} 行`);
            onProgress?.(`恢复 ${name}：${total} 行`);
          },
        };
      });
      // Nothing else went in meanwhile (restore never merges): each table holds the backup's rows, no more.
      for (const t of manifest.tables) {
        const r = await client.query<{ n: string }>(`SELECT count(*) AS n FROM ${ident(t.name)}`);
        if (Number(r.rows[0]!.n) !== t.rows) throw new BackupError(`恢复后表 ${t.name} 有 ${r.rows[0]!.n} 行，备份记录 ${t.rows} 行（恢复期间有别的程序写入？）`);
      }
      onProgress?.('重建全文索引…');
      await rebuildIndexes(db, gin);
      for (const s of manifest.sequences) {
        // Past every restored id and past what the source had handed out (ids are never reused).
        await client.query(
          `SELECT setval(pg_get_serial_sequence($1, $2), GREATEST(COALESCE((SELECT max(${ident(s.column)}) FROM ${ident(s.table)}), 0), COALESCE($3::bigint, 0), 1), (SELECT count(*) > 0 FROM ${ident(s.table)}) OR $3::bigint IS NOT NULL)`,
          [ident(s.table), s.column, s.last],
        );
      }
      await client.query('COMMIT');
    } catch (e) {
      await client.query('ROLLBACK').catch(() => {});
      if (e instanceof BackupError) throw new BackupError(`${e.message}；目标数据库未写入任何数据`);
      throw new BackupError(`恢复失败，目标数据库未写入任何数据：${e instanceof Error ? e.message : String(e)}`);
    }
    await client.query('ANALYZE').catch(() => {});
    return checked;
  } finally {
    await client.end().catch(() => {});
  }
}
