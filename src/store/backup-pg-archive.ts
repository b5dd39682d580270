// The PostgreSQL backup file (backup-pg.ts writes and loads it): gzip of
//   DUBAN-BACKUP postgres 1
//   {header: when, from where, the server's version, the migrations applied, each table's columns}
//   @table NAME            then the table's COPY text, one line a row, then \.
//   …                      (tables in foreign-key order, parents first)
//   @end {manifest: each table's rows and SHA-256 of its COPY text, each identity's last value}
// A COPY text line never is `\.` alone (a backslash in data is written `\\`), so a table ends
// unambiguously. A file cut short fails in gzip or lacks @end; a changed byte fails a checksum.
import { createHash } from 'node:crypto';
import { closeSync, createReadStream, existsSync, openSync, readSync } from 'node:fs';
import type { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { z } from 'zod';
import { BackupError } from './backup-common.ts';

const MAGIC = 'DUBAN-BACKUP postgres 1';
const END_OF_TABLE = '\\.';

export const headerSchema = z.object({
  createdAt: z.string(),
  source: z.string(),
  serverVersion: z.string(),
  migrations: z.array(z.string()),
  tables: z.array(z.object({ name: z.string(), columns: z.array(z.string()).min(1) })),
});
export type Header = z.infer<typeof headerSchema>;

const manifestSchema = z.object({
  tables: z.array(z.object({ name: z.string(), rows: z.number().int().nonnegative(), sha256: z.string() })),
  sequences: z.array(z.object({ table: z.string(), column: z.string(), last: z.number().int().nullable() })),
});
export type Manifest = z.infer<typeof manifestSchema>;

/** The lines of a stream, as bytes without their \n (a last line without \n is returned too). */
async function* lines(stream: Readable): AsyncGenerator<Buffer> {
  // The pieces of a line that spans chunks (a long document body), joined once its end arrives.
  let pending: Buffer[] = [];
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    let start = 0;
    for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, start)) {
      const piece = chunk.subarray(start, i);
      if (pending.length > 0) {
        yield Buffer.concat([...pending, piece]);
        pending = [];
      } else yield piece;
      start = i + 1;
    }
    if (start < chunk.length) pending.push(chunk.subarray(start));
  }
  if (pending.length > 0) yield Buffer.concat(pending);
}

/** What takes a table's rows as the archive is read (the restore's COPY). */
export interface TableSink {
  /** Each row's line, with its \n. */
  row(line: Buffer): Promise<void>;
  /** After the table's last row, with the number of rows read. */
  end(rows: number): Promise<void>;
}

/** The archive's opening lines, a table's first line, the line after its rows, the closing line. */
export const archiveStart = (header: Header) => `${MAGIC}\n${JSON.stringify(header)}\n`;
export const tableStart = (name: string) => `@table ${name}\n`;
export const tableEnd = `${END_OF_TABLE}\n`;
export const archiveEnd = (manifest: Manifest) => `@end ${JSON.stringify(manifest)}\n`;

/**
 * Reads a backup from start to end, checking its frame, each table's row count and checksum and
 * the manifest; `forTable` may take the rows of each table as they go by (the restore's COPY).
 */
export async function readArchive(file: string, forTable?: (name: string) => Promise<TableSink>): Promise<{ header: Header; manifest: Manifest }> {
  if (!existsSync(file)) throw new BackupError(`备份文件不存在：${file}`);
  const input = createReadStream(file);
  const gunzip = createGunzip();
  input.pipe(gunzip);
  input.on('error', (e) => gunzip.destroy(e));
  let header: Header | null = null;
  let manifest: Manifest | null = null;
  const seen: { name: string; rows: number; sha256: string }[] = [];
  let n = 0;
  let table: { name: string; hash: ReturnType<typeof createHash>; rows: number; sink?: TableSink } | null = null;
  try {
    for await (const line of lines(gunzip)) {
      n++;
      if (manifest) throw new BackupError('备份文件在结尾清单之后还有内容，不是完整的督办备份');
      if (n === 1) {
        if (line.toString('latin1') !== MAGIC) throw new BackupError(`${file} 不是督办的 PostgreSQL 备份文件`);
        continue;
      }
      if (n === 2) {
        header = parseJson(line, headerSchema, '文件头');
        continue;
      }
      if (table) {
        if (line.length === 2 && line[0] === 0x5c && line[1] === 0x2e) {
          seen.push({ name: table.name, rows: table.rows, sha256: table.hash.digest('hex') });
          await table.sink?.end(table.rows);
          table = null;
          continue;
        }
        const withNewline = Buffer.concat([line, Buffer.from('\n')]);
        table.hash.update(withNewline);
        table.rows++;
        await table.sink?.row(withNewline);
        continue;
      }
      const text = line.toString('utf8');
      if (text.startsWith('@table ')) {
        const name = text.slice('@table '.length);
        if (!header!.tables.some((t) => t.name === name)) throw new BackupError(`备份文件中的表 ${name} 不在文件头里，文件已损坏`);
        const sink = forTable ? await forTable(name) : undefined;
        table = { name, hash: createHash('sha256'), rows: 0, sink };
      } else if (text.startsWith('@end ')) {
        manifest = parseJson(Buffer.from(text.slice('@end '.length)), manifestSchema, '结尾清单');
      } else {
        throw new BackupError(`备份文件第 ${n} 行无法识别，文件已损坏`);
      }
    }
  } catch (e) {
    input.destroy();
    if (e instanceof BackupError) throw e;
    const code = (e as { code?: string }).code;
    if (n === 0 && code === 'Z_DATA_ERROR') {
      if (fileStart(file, 16).toString('latin1') === 'SQLite format 3\0') throw new BackupError('这是 SQLite 数据库的备份，只能恢复到 SQLite 数据库（--db 文件路径）');
      throw new BackupError(`${file} 不是督办的备份文件`);
    }
    if (code === 'Z_BUF_ERROR' || code === 'Z_DATA_ERROR') throw new BackupError('备份文件不完整或已损坏（解压失败），请换一份备份');
    throw e;
  }
  if (n === 0) throw new BackupError(`${file} 是空文件，不是督办的备份`);
  if (!header || !manifest || table) throw new BackupError('备份文件不完整（缺少结尾的清单，可能被截断），请换一份备份');
  for (const t of manifest.tables) {
    const got = seen.find((s) => s.name === t.name);
    if (!got) throw new BackupError(`备份文件缺少表 ${t.name}，文件已损坏`);
    if (got.rows !== t.rows || got.sha256 !== t.sha256) throw new BackupError(`备份文件已损坏：表 ${t.name} 的行数或校验和与清单不符`);
  }
  if (seen.length !== manifest.tables.length) throw new BackupError('备份文件的表与清单不符，文件已损坏');
  return { header, manifest };
}

function fileStart(file: string, n: number): Buffer {
  const fd = openSync(file, 'r');
  try {
    const b = Buffer.alloc(n);
    return b.subarray(0, readSync(fd, b, 0, n, 0));
  } finally {
    closeSync(fd);
  }
}

function parseJson<T>(line: Buffer, schema: z.ZodType<T>, what: string): T {
  let value: unknown;
  try {
    value = JSON.parse(line.toString('utf8'));
  } catch {
    throw new BackupError(`备份文件的${what}无法读取，文件已损坏`);
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new BackupError(`备份文件的${what}不完整，文件已损坏`);
  return parsed.data;
}
