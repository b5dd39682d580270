// Migrations that move data keep it: a store with documents and tasks is taken back before
// 0006_rank_texts (ranking texts on search_entries, as 0004 left them) and forward again, on both
// engines; the ranking texts and what search returns are the same at every step. A stale index
// (a migration marked it so, or a new index format) is made again from the stored rows when the
// store is opened, equal to what the writer made.
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Migrator, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importPaths } from '../src/store/import.ts';
import { migrations } from '../src/store/migrations/index.ts';
import { search } from '../src/store/search.ts';
import { ensureIndexFormat, INDEX_FORMAT } from '../src/store/index-format.ts';
import { openStore } from '../src/store/open.ts';
import { parseQuery, toFts5, toLooseTsQuery } from '../src/store/tokens.ts';
import { DIALECTS, freshStore, testClock, testDay } from './store-targets.ts';

const NOTICES = [
  [
    '某某市人民政府办公室关于印发某某市森林草原火灾应急预案的通知',
    '某政办发〔2024〕12号',
    '各旗县区人民政府，市直各有关部门：',
    '现将《某某市森林草原火灾应急预案》印发给你们，请认真贯彻执行。',
    '一、加强火源管控。严格野外用火审批，落实网格化管理责任。（牵头单位：市林草局；责任单位：各旗县区人民政府）',
    '二、完善应急预案体系。2024年6月底前完成旗县区应急预案修订。（牵头单位：市应急管理局）',
    '',
    '某某市人民政府办公室',
    '2024年3月2日',
  ],
  [
    '某某市人民政府关于进一步优化营商环境的意见',
    '某政发〔2023〕7号',
    '各旗县区人民政府，市直各部门：',
    '一、推行“一件事一次办”。整合部门事项，实现企业开办一日办结。（责任单位：市政务服务局）',
    '二、修订突发事件应急预案，明确企业复工复产的联络机制。（责任单位：市应急管理局、市工信局）',
    '',
    '某某市人民政府',
    '2023年11月20日',
  ],
].map((lines) => lines.join('\n'));

const seedsDir = join(import.meta.dirname, '..', '..', 'shared', 'seeds');
const haveSeeds = existsSync(seedsDir);

type RankRow = { id: number; rank_title: string; rank_text: string };

for (const { dialect, available } of DIALECTS) {
  describe.skipIf(!available)(`migrations 0006 and 0007 (${dialect})`, () => {
    const fresh = freshStore(dialect);
    const dir = mkdtempSync(join(tmpdir(), 'duban-migrations-'));

    beforeAll(async () => {
      const files = NOTICES.map((text, k) => {
        const path = join(dir, `notice-${k}.txt`);
        writeFileSync(path, text);
        return path;
      });
      const outcomes = await importPaths(fresh.store, files, testClock);
      expect(outcomes.map((o) => o.status)).toEqual(['imported', 'imported']);
      // The seeds bring every kind of entry (appointments, chronicle, tasks with cooperating units).
      if (haveSeeds) expect((await importPaths(fresh.store, [seedsDir], testClock)).every((o) => o.status === 'imported')).toBe(true);
    });
    afterAll(async () => {
      rmSync(dir, { recursive: true, force: true });
    });

    const migrator = () => new Migrator({ db: fresh.store.db, provider: { getMigrations: async () => migrations(dialect) } });
    const hits = async () => (await search(fresh.store, '应急预案', { asOf: testDay })).map((h) => [h.kind, h.id, h.score]);
    const rankTexts = async () =>
      (await sql<RankRow>`SELECT entry_id AS id, rank_title, rank_text FROM rank_texts ORDER BY entry_id`.execute(fresh.store.db)).rows.map((r) => ({ ...r, id: Number(r.id) }));

    it('moves the ranking texts back onto search_entries and out again, unchanged', async () => {
      const texts = await rankTexts();
      const before = await hits();
      expect(texts.length).toBeGreaterThanOrEqual(6); // 2 documents and their tasks
      expect(texts.some((t) => t.rank_text.includes('应急预案'))).toBe(true);
      expect(before.length).toBeGreaterThan(0);

      const down = await migrator().migrateTo('0005_pg_coarse_buckets');
      expect(down.error).toBeUndefined();
      const onEntries = (await sql<RankRow>`SELECT id, rank_title, rank_text FROM search_entries ORDER BY id`.execute(fresh.store.db)).rows.map((r) => ({ ...r, id: Number(r.id) }));
      expect(onEntries).toEqual(texts);

      const up = await migrator().migrateToLatest();
      expect(up.error).toBeUndefined();
      expect(await rankTexts()).toEqual(texts);
      expect(await hits()).toEqual(before);
      await expect(sql`SELECT rank_text FROM search_entries`.execute(fresh.store.db)).rejects.toThrow(/rank_text/);
    });

    it('rebuilds a stale index from the stored rows when the store is opened, as the writer made it', async () => {
      const db = fresh.store.db;
      const loose = toLooseTsQuery(parseQuery('"2024年6月底前"'))!;
      const matches = async () =>
        dialect === 'postgres'
          ? Number((await sql<{ n: number | string }>`SELECT count(*) AS n FROM search_entries WHERE tsv @@ CAST(${loose} AS tsquery)`.execute(db)).rows[0]!.n)
          : Number((await sql<{ n: number | string }>`SELECT count(*) AS n FROM search_fts WHERE search_fts MATCH ${toFts5(parseQuery('"2024年6月底前"'))!}`.execute(db)).rows[0]!.n);
      const vectors = async () =>
        dialect === 'postgres' ? (await sql<{ id: number; tsv: string }>`SELECT id, tsv::text AS tsv FROM search_entries ORDER BY id`.execute(db)).rows : [];
      const written = { vectors: await vectors(), texts: await rankTexts(), hits: await hits(), matches: await matches() };
      expect(written.matches).toBeGreaterThanOrEqual(2); // the document and its task
      if (haveSeeds) expect(written.texts.length).toBeGreaterThan(300);

      // Take the index away, as a migration that changes it would leave it, and mark it stale.
      if (dialect === 'postgres') await sql`UPDATE search_entries SET tsv = ''::tsvector`.execute(db);
      else await sql`INSERT INTO search_fts(search_fts) VALUES ('delete-all')`.execute(db);
      await sql`DELETE FROM rank_texts`.execute(db);
      await sql`UPDATE store_meta SET value = 'stale' WHERE key = 'index_format'`.execute(db);
      expect(await matches()).toBe(0);

      const reopened = await openStore(fresh.url);
      try {
        expect((await sql<{ value: string }>`SELECT value FROM store_meta WHERE key = 'index_format'`.execute(db)).rows[0]!.value).toBe(String(INDEX_FORMAT));
        expect(await matches()).toBe(written.matches);
        expect(await vectors()).toEqual(written.vectors);
        expect(await rankTexts()).toEqual(written.texts);
        expect(await hits()).toEqual(written.hits);
        expect((await search(fresh.store, '"2024年6月底前"', { asOf: testDay })).map((h) => h.kind).sort()).toEqual(['document', 'task']);
        // Current: opening again rebuilds nothing.
        expect(await ensureIndexFormat(reopened.db, dialect)).toEqual({ rebuilt: false });
      } finally {
        await reopened.close();
      }
    });

    it('removes an entry’s ranking texts with the entry', async () => {
      const before = (await rankTexts()).length;
      await fresh.store.db.deleteFrom('source_files').where('name', '=', 'notice-1.txt').execute();
      const after = await rankTexts();
      expect(after.length).toBeLessThan(before);
      const orphans = await sql<{ n: number | string }>`SELECT count(*) AS n FROM rank_texts r WHERE NOT EXISTS (SELECT 1 FROM search_entries e WHERE e.id = r.entry_id)`.execute(fresh.store.db);
      expect(Number(orphans.rows[0]!.n)).toBe(0);
    });
  });
}
