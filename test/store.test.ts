// The store on both engines, one run of the same suite per dialect: migrations, import
// (idempotent, replace on change, bad files skipped, rollback, a killed process), search,
// links and validity. Real SQLite files and real PostgreSQL databases; nothing is mocked.
import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importFile, importPaths } from '../src/store/import.ts';
import { migrations } from '../src/store/migrations/index.ts';
import { openStore, type Store } from '../src/store/open.ts';
import { search } from '../src/store/search.ts';
import { DIALECTS, freshStore, newTarget, testClock, testDay } from './store-targets.ts';

const root = join(import.meta.dirname, '..');
const seedsDir = join(root, '..', 'shared', 'seeds');
const haveSeeds = existsSync(join(seedsDir, '000_2754e8a7c3ece080.txt'));

const TABLES = ['source_files', 'issues', 'documents', 'tasks', 'task_units', 'appointments', 'chronicle_entries', 'document_links', 'search_entries', 'rank_texts'] as const;

async function counts(store: Store): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const t of TABLES) {
    const r = await sql<{ n: number | string }>`SELECT count(*) AS n FROM ${sql.table(t)}`.execute(store.db);
    out[t] = Number(r.rows[0]!.n);
  }
  return out;
}

function notice(title: string, number: string, body: string, date = '2024年3月2日'): string {
  return [title, '', number, '', '各区县人民政府，市政府各部门：', body, '', '某某市人民政府办公室', date].join('\n');
}

const work = mkdtempSync(join(tmpdir(), 'duban-store-files-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
let fileCounter = 0;
function file(content: string | Buffer, name = `f${fileCounter++}.txt`): string {
  const dir = join(work, `d${fileCounter++}`);
  mkdirSync(dir, { recursive: true });
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

/** Runs the crash child and kills it with SIGKILL once it is inside the transaction of `hangOn`. */
function killInside(url: string, files: string[], hangOn: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'store-import-child.ts'), url, ...files, '--hang-on', hangOn], { cwd: root });
    let out = '';
    let err = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`child never reached the transaction: ${out} ${err}`));
    }, 60_000);
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      if (out.includes('inside ')) child.kill('SIGKILL');
    });
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('exit', (_code, signal) => {
      clearTimeout(timer);
      if (signal === 'SIGKILL') resolve(out);
      else reject(new Error(`child exited by itself (${_code}): ${out} ${err}`));
    });
  });
}

for (const { dialect, available } of DIALECTS) {
  const suite = available ? describe : describe.skip;
  suite(`store on ${dialect}`, () => {
    const fresh = freshStore(dialect);

    it('runs its migrations once: a second open finds the schema in place', async () => {
      const again = await openStore(fresh.url);
      const r = await sql<{ n: number | string }>`SELECT count(*) AS n FROM kysely_migration`.execute(again.db);
      expect(Number(r.rows[0]!.n)).toBe(Object.keys(migrations(dialect)).length);
      await again.close();
    });

    describe.skipIf(!haveSeeds)('the seeds', () => {
      beforeAll(async () => {
        const outcomes = await importPaths(fresh.store, [seedsDir], testClock);
        expect(outcomes.map((o) => o.status)).toEqual(['imported', 'imported', 'imported', 'imported', 'imported']);
      });

      it('keeps documents, appointments, chronicle and issues of every seed', async () => {
        const c = await counts(fresh.store);
        expect(c.source_files).toBe(5);
        expect(c.documents).toBe(30);
        expect(c.issues).toBe(3);
        expect(c.appointments).toBeGreaterThan(80);
        expect(c.chronicle_entries).toBeGreaterThan(200);
        const doc = await fresh.store.db.selectFrom('documents').selectAll().where('doc_number', '=', '通政发〔2023〕125号').executeTakeFirstOrThrow();
        expect(doc.title).toContain('火灾事故责任调查处理实施细则');
        expect(JSON.parse(doc.outline).length).toBeGreaterThan(0);
        expect(doc.body).toContain('本细则自印发之日起施行');
      });

      it('puts 通辽办发〔2023〕35号 first for 知识产权质押融资', async () => {
        const hits = await search(fresh.store, '知识产权质押融资', { asOf: testDay });
        expect(hits[0]).toMatchObject({ kind: 'document', docNumber: '通辽办发〔2023〕35号' });
        expect(hits[0]!.snippet).toContain('<mark>知识产权质押融资</mark>');
        expect(hits.map((h) => h.score)).toEqual([...hits.map((h) => h.score)].sort((a, b) => b - a));
      });

      it('finds a 文号 in any spelling', async () => {
        for (const q of ['通政办发〔2023〕63号', '通政办发[2023]63号', '通政办发〔2023〕63 号', '通政办发（2023）第63号']) {
          const hits = await search(fresh.store, q, { asOf: testDay });
          expect(hits[0], q).toMatchObject({ kind: 'document', docNumber: '通政办发〔2023〕63号' });
          expect(hits[0]!.snippet, q).toContain('<mark>通政办发〔2023〕63号</mark>');
        }
      });

      it('answers who held 市水务局副局长 from the appointments', async () => {
        const hits = await search(fresh.store, '市水务局副局长', { asOf: testDay, kinds: ['appointment'] });
        const people = hits.map((h) => h.title);
        expect(people.some((t) => t.startsWith('马力蛟 任 市水务局副局长'))).toBe(true);
        expect(people.some((t) => t.startsWith('李建国 免去 市水务局副局长'))).toBe(true);
        const all = await search(fresh.store, '市水务局副局长', { asOf: testDay });
        expect(all[0]!.kind).toBe('appointment');
      });

      it('answers what the chronicle recorded on 7月14日', async () => {
        const hits = await search(fresh.store, '7月14日', { asOf: testDay, kinds: ['chronicle'] });
        const days = hits.map((h) => h.date);
        expect(days).toContain('2023-07-14');
        const exact = hits.find((h) => h.date === '2023-07-14')!;
        expect(exact.snippet).toContain('双月述评会');
      });

      it('matches a quoted phrase exactly and an unquoted term by its words', async () => {
        const phrase = await search(fresh.store, '"知识产权融资"', { asOf: testDay });
        expect(phrase.length).toBeGreaterThan(0);
        for (const h of phrase) expect(h.snippet.replace(/<\/?mark>/g, '')).toContain('知识产权融资');
        const loose = await search(fresh.store, '知识产权 风险补偿', { asOf: testDay });
        expect(loose.length).toBeGreaterThan(0);
        expect(loose[0]!.docNumber).toBe('通辽办发〔2023〕35号');
      });

      it('filters by year, issuer, kind of document and unit', async () => {
        const y2022 = await search(fresh.store, '统计', { asOf: testDay, year: 2022 });
        expect(y2022.length).toBeGreaterThan(0);
        for (const h of y2022) expect(h.source).toBe('004_50af7b231d7ea85e.txt');
        const byIssuer = await search(fresh.store, '应急预案', { asOf: testDay, issuer: '兴安盟', kinds: ['document'] });
        expect(byIssuer.length).toBeGreaterThan(0);
        for (const h of byIssuer) expect(h.docNumber).toMatch(/^兴署/);
        const plans = await search(fresh.store, '应急', { asOf: testDay, docKind: '预案', kinds: ['document'] });
        expect(plans.length).toBeGreaterThan(0);
        for (const h of plans) expect(h.title).toMatch(/预案/);
        const unitTasks = await fresh.store.db.selectFrom('task_units').select('name').limit(1).executeTakeFirst();
        if (unitTasks) {
          const byUnit = await search(fresh.store, '工作', { asOf: testDay, unit: unitTasks.name, kinds: ['task'] });
          expect(byUnit.length).toBeGreaterThan(0);
        }
      });

      it('links documents and reads their validity', async () => {
        const links = await fresh.store.db
          .selectFrom('document_links as l')
          .innerJoin('documents as d', 'd.id', 'l.from_document_id')
          .select(['d.doc_number', 'l.relation', 'l.target_doc_number', 'l.to_document_id'])
          .execute();
        expect(links).toContainEqual({ doc_number: '通政发〔2023〕191号', relation: 'repeals', target_doc_number: '通政办字〔2007〕62号', to_document_id: null });
        expect(links).toContainEqual({ doc_number: '通政办发〔2023〕64号', relation: 'continues', target_doc_number: '通政办字〔2017〕326号', to_document_id: null });
        const rule = await fresh.store.db.selectFrom('documents').select(['valid_from', 'valid_until']).where('doc_number', '=', '通政发〔2023〕125号').executeTakeFirstOrThrow();
        expect(rule).toEqual({ valid_from: '2023-08-22', valid_until: '2025-08-21' });
        const expired = await search(fresh.store, '火灾事故', { kinds: ['document'], validity: 'expired', asOf: '2026-01-01' });
        expect(expired.map((h) => h.docNumber)).toContain('通政发〔2023〕125号');
        const valid = await search(fresh.store, '火灾事故', { kinds: ['document'], validity: 'valid', asOf: '2024-01-01' });
        expect(valid.map((h) => h.docNumber)).toContain('通政发〔2023〕125号');
      });

      it('resolves a waiting link when its target arrives, and the target becomes repealed', async () => {
        const path = file(notice('通辽市人民政府办公厅关于印发通辽市突发重大动物疫病应急控制应急预案的通知', '通政办字〔2007〕62号', '一、做好动物疫病应急控制工作。', '2007年6月1日'));
        expect((await importFile(fresh.store, path, testClock)).status).toBe('imported');
        const target = await fresh.store.db.selectFrom('documents').select('id').where('doc_number', '=', '通政办字〔2007〕62号').executeTakeFirstOrThrow();
        const link = await fresh.store.db.selectFrom('document_links').select(['to_document_id']).where('target_doc_number', '=', '通政办字〔2007〕62号').executeTakeFirstOrThrow();
        expect(link.to_document_id).toBe(target.id);
        const repealed = await search(fresh.store, '动物疫病应急控制', { asOf: testDay, kinds: ['document'], validity: 'repealed' });
        expect(repealed.map((h) => h.docNumber)).toEqual(['通政办字〔2007〕62号']);
      });

      it('imports the same file twice without changing anything', async () => {
        const before = await counts(fresh.store);
        const outcomes = await importPaths(fresh.store, [seedsDir], testClock);
        expect(outcomes.every((o) => o.status === 'unchanged')).toBe(true);
        expect(await counts(fresh.store)).toEqual(before);
        // A copy under another name is the same content: nothing new either, but a duplicate
        // linked to the original (store-identity.test.ts).
        const copy = join(work, 'copy-of-000.txt');
        copyFileSync(join(seedsDir, '000_2754e8a7c3ece080.txt'), copy);
        const o = await importFile(fresh.store, copy, testClock);
        expect(o.status).toBe('duplicate');
        expect(o.message).toContain('000_2754e8a7c3ece080.txt');
        expect(await counts(fresh.store)).toEqual(before);
      });
    });

    it('finds an older document by its title when newer documents match in their text', async () => {
      // Search ranks a bounded set of candidates (here the 2 newest matches); on SQLite the title
      // index adds documents whose title matches, however old.
      const older = file(notice('某某市人民政府办公室关于加强城乡供热保障的通知', '某政办发〔2024〕41号', '一、做好冬季供热准备。'));
      expect((await importFile(fresh.store, older, testClock)).status).toBe('imported');
      for (let k = 0; k < 4; k++) {
        const newer = file(notice(`某某市人民政府办公室关于做好第${k + 1}批项目建设的通知`, `某政办发〔2024〕${50 + k}号`, '一、统筹城乡供热保障和燃气安全。'));
        expect((await importFile(fresh.store, newer, testClock)).status).toBe('imported');
      }
      const bounded = await search(fresh.store, '城乡供热保障', { asOf: testDay, candidates: 2, limit: 2, kinds: ['document'] });
      if (dialect === 'sqlite') expect(bounded[0]!.docNumber).toBe('某政办发〔2024〕41号');
      // With room for every match, the title match ranks first on both engines.
      const all = await search(fresh.store, '城乡供热保障', { asOf: testDay, limit: 5, kinds: ['document'] });
      expect(all[0]!.docNumber).toBe('某政办发〔2024〕41号');
      expect(all).toHaveLength(5);
    });

    it('replaces what a changed file held, in one step, index included', async () => {
      const path = file(notice('某某市人民政府办公室关于做好春季防火工作的通知', '某政办发〔2024〕7号', '一、加强春季森林草原巡查防火。'));
      expect((await importFile(fresh.store, path, testClock)).status).toBe('imported');
      expect((await search(fresh.store, '春季森林草原巡查', { asOf: testDay })).map((h) => h.docNumber)).toContain('某政办发〔2024〕7号');
      const before = await counts(fresh.store);

      writeFileSync(path, notice('某某市人民政府办公室关于做好秋季防汛工作的通知', '某政办发〔2024〕9号', '一、加强秋季河道堤防巡查。'));
      const o = await importFile(fresh.store, path, testClock);
      expect(o.status).toBe('replaced');
      expect(await search(fresh.store, '春季森林草原巡查', { asOf: testDay })).toEqual([]);
      expect((await search(fresh.store, '秋季河道堤防', { asOf: testDay })).map((h) => h.docNumber)).toContain('某政办发〔2024〕9号');
      expect(await counts(fresh.store)).toEqual(before);
      const audit = await fresh.store.db.selectFrom('audit_events').select(['action']).where('action', '=', 'replace').execute();
      expect(audit.length).toBeGreaterThan(0);
    });

    it('reports a bad file and imports the others', async () => {
      const dir = join(work, `mixed-${dialect}`);
      mkdirSync(dir, { recursive: true });
      writeFileSync(join(dir, 'a-good.txt'), notice('某某市人民政府办公室关于加强城市供水保障的通知', '某政办发〔2024〕21号', '一、保障城市供水安全。'));
      writeFileSync(join(dir, 'b-binary.txt'), Buffer.from([0, 1, 2, 3, 0, 255, 0, 7]));
      writeFileSync(join(dir, 'c-empty.txt'), '');
      writeFileSync(join(dir, 'd-old.doc'), 'not imported: .doc is not picked up from folders');
      const outcomes = await importPaths(fresh.store, [dir, join(dir, 'missing.txt')], testClock);
      const byName = Object.fromEntries(outcomes.map((o) => [o.name, o]));
      expect(byName['a-good.txt']!.status).toBe('imported');
      expect(byName['b-binary.txt']).toMatchObject({ status: 'failed', message: '文件内容是二进制数据，不是文本' });
      expect(byName['c-empty.txt']!.status).toBe('failed');
      expect(byName['c-empty.txt']!.message).toContain('未识别出任何公文内容');
      expect(byName['missing.txt']).toMatchObject({ status: 'failed', message: '文件或文件夹不存在' });
      expect(byName['d-old.doc']).toBeUndefined();
      expect((await search(fresh.store, '某政办发〔2024〕21号', { asOf: testDay }))[0]?.docNumber).toBe('某政办发〔2024〕21号');
    });

    it('leaves the store as it was when the transaction of a file fails', async () => {
      const path = file(notice('某某市人民政府办公室关于开展安全生产检查的通知', '某政办发〔2024〕31号', '一、全面开展安全生产检查。'));
      expect((await importFile(fresh.store, path, testClock)).status).toBe('imported');
      const before = await counts(fresh.store);
      writeFileSync(path, notice('某某市人民政府办公室关于开展消防安全检查的通知', '某政办发〔2024〕32号', '一、全面开展消防安全检查。'));
      await expect(
        importFile(fresh.store, path, testClock, {
          beforeCommit: () => {
            throw new Error('disk full (simulated)');
          },
        }),
      ).rejects.toThrow('disk full');
      expect(await counts(fresh.store)).toEqual(before);
      expect((await search(fresh.store, '某政办发〔2024〕31号', { asOf: testDay }))[0]?.docNumber).toBe('某政办发〔2024〕31号');
      expect(await search(fresh.store, '"消防安全检查"', { asOf: testDay })).toEqual([]);
    });

    it('survives a process killed in the middle of a file: that file is absent, the one before is whole', async () => {
      const kt = await newTarget(dialect);
      try {
        const first = file(notice('某某市人民政府办公室关于做好汛期值班工作的通知', '某政办发〔2024〕41号', '一、严格执行汛期值班制度。'), 'first.txt');
        const second = file(notice('某某市人民政府办公室关于做好冬季供暖工作的通知', '某政办发〔2024〕42号', '一、确保冬季供暖稳定。'), 'second.txt');
        const out = await killInside(kt.url, [first, second], 'second.txt');
        expect(out).toContain(`done imported ${first}`);
        expect(out).toContain(`inside ${second}`);

        const reopened = await openStore(kt.url);
        try {
          const c = await counts(reopened);
          expect(c.source_files).toBe(1);
          expect(c.documents).toBe(1);
          expect((await search(reopened, '汛期值班', { asOf: testDay }))[0]?.docNumber).toBe('某政办发〔2024〕41号');
          expect(await search(reopened, '冬季供暖', { asOf: testDay })).toEqual([]);
          // Importing again finishes the job and repeats nothing.
          const again = await importPaths(reopened, [first, second], testClock);
          expect(again.map((o) => o.status)).toEqual(['unchanged', 'imported']);
          expect((await counts(reopened)).documents).toBe(2);
        } finally {
          await reopened.close();
        }
      } finally {
        await kt.drop();
      }
    });
  });
}
