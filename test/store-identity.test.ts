// One document, stored once: the same notice as UTF-8, GBK, CRLF and .docx is stored the first
// time and reported as a duplicate (linked to the first) every other time; a compilation that
// repeats a stored notice stores only its new documents; text with no recognisable document is
// refused unless forced; migration 0012 fills the identity of documents already stored. On SQLite
// and PostgreSQL. The documents are written for these tests.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Migrator, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readBytes } from '../src/input/read.ts';
import { parseText } from '../src/pipeline.ts';
import { deriveFile } from '../src/store/derive.ts';
import { planCopies } from '../src/store/duplicates.ts';
import { identityKey, textFingerprint } from '../src/store/identity.ts';
import { importBytes, importFile, importPaths, uploadPath } from '../src/store/import.ts';
import { migrations } from '../src/store/migrations/index.ts';
import type { Store } from '../src/store/open.ts';
import { encodeGb18030, writeDocx, type Block } from './input-fixture.ts';
import { DIALECTS, freshStore, testClock } from './store-targets.ts';

/** A county's notice on spring ploughing, in the GB/T 9704 order: title, number, recipients, body, signature, date. */
const SPRING: Block[] = [
  { kind: 'title', text: '河川县人民政府办公室关于做好2025年春耕备耕工作的通知' },
  { kind: 'number', text: '河政办发〔2025〕6号' },
  { kind: 'recipients', text: '各乡镇人民政府，县直有关部门：' },
  { kind: 'para', text: '当前正值春耕备耕关键时期，为确保全年粮食播种面积稳定、农资供应充足，经县政府同意，现将有关事项通知如下。' },
  { kind: 'heading', text: '一、抓好农资储备供应' },
  { kind: 'para', text: '县供销社要会同县农业农村局摸清种子、化肥、农膜需求，3月15日前完成农资储备，严厉打击坑农害农行为。（责任单位：县供销社、县市场监管局）' },
  { kind: 'heading', text: '二、做好农机检修调度' },
  { kind: 'para', text: '各乡镇要组织农机合作社对拖拉机、播种机开展全面检修，建立农机调度台账，确保春播期间机具不误农时。（责任单位：县农业农村局，各乡镇人民政府）' },
  { kind: 'heading', text: '三、强化技术指导服务' },
  { kind: 'para', text: '组织农技人员下沉一线，推广测土配方施肥和病虫害绿色防控技术，每个行政村至少开展1次现场培训。' },
  { kind: 'signature', text: '河川县人民政府办公室' },
  { kind: 'date', text: '2025年2月17日' },
];

const MACHINERY: Block[] = [
  { kind: 'title', text: '河川县农业农村局关于开展农机安全生产大检查的通知' },
  { kind: 'number', text: '河农发〔2025〕11号' },
  { kind: 'recipients', text: '各乡镇农业综合服务站：' },
  { kind: 'para', text: '为防范春季农机作业事故，县农业农村局决定在全县开展农机安全生产大检查，有关事项通知如下。' },
  { kind: 'heading', text: '一、检查范围' },
  { kind: 'para', text: '辖区内登记在册的拖拉机、联合收割机及农机维修网点，重点检查号牌、行驶证和驾驶证持证情况。' },
  { kind: 'heading', text: '二、工作要求' },
  { kind: 'para', text: '各站要于4月10日前将检查情况报县农业农村局农机股，发现隐患的当场督促整改。' },
  { kind: 'signature', text: '河川县农业农村局' },
  { kind: 'date', text: '2025年3月3日' },
];

const WATER: Block[] = [
  { kind: 'title', text: '河川县水利局关于做好春灌用水调度的通知' },
  { kind: 'number', text: '河水发〔2025〕4号' },
  { kind: 'recipients', text: '各灌区管理站：' },
  { kind: 'para', text: '今年入春以来降水偏少，为保障春灌用水，县水利局决定统一调度灌区水源，现通知如下。' },
  { kind: 'heading', text: '一、科学编制配水计划' },
  { kind: 'para', text: '各灌区管理站要按照先远后近、先急后缓的原则编制配水计划，3月25日前报县水利局。' },
  { kind: 'signature', text: '河川县水利局' },
  { kind: 'date', text: '2025年3月6日' },
];

const text = (blocks: readonly Block[]) => `${blocks.map((b) => (b.kind === 'table' ? b.rows.map((r) => r.join('\t')).join('\n') : b.text)).join('\n\n')}\n`;
/** Two notices one after the other, as a county's compilation of the month prints them. */
const compilation = (...docs: Block[][]) => `河川县政府文件汇编（2025年第1辑）\n\n${docs.map(text).join('\n')}`;

/** Another notice of the same shape: its 文号 and title (and date) changed. */
const variant = (blocks: readonly Block[], number: string, title: string, date?: string): Block[] =>
  blocks.map((b) => (b.kind === 'number' ? { ...b, text: number } : b.kind === 'title' ? { ...b, text: title } : b.kind === 'date' && date ? { ...b, text: date } : b));

const GIBBERISH = '嗯啊哦呃唔嘛呗咯哩嗦啰噻呦咧\nqzx 7781 kvv ;;; 乱码乱码 ¥¥ 啦啦啦\n'.repeat(12);

const seedsDir = join(import.meta.dirname, '..', '..', 'shared', 'seeds');

let work: string;
beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'duban-identity-'));
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

async function docs(store: Store) {
  return store.db.selectFrom('documents').select(['id', 'title', 'doc_number', 'identity_key', 'text_fingerprint']).orderBy('id').execute();
}

describe('the identity of a document', () => {
  it('is the same for one notice in UTF-8, GBK, CRLF and .docx, and differs between notices', async () => {
    const dir = join(work, 'renderings');
    mkdirSync(dir, { recursive: true });
    await writeDocx(join(dir, 'spring.docx'), SPRING);
    const renderings: [string, Uint8Array][] = [
      ['utf8.txt', Buffer.from(text(SPRING))],
      ['gbk.txt', encodeGb18030(text(SPRING))],
      ['crlf.txt', Buffer.from(text(SPRING).replace(/\n/g, '\r\n'))],
      ['spring.docx', readFileSync(join(dir, 'spring.docx'))],
    ];
    const identities = await Promise.all(
      renderings.map(async ([name, bytes]) => {
        const input = await readBytes(bytes, name);
        const [d] = deriveFile(input.text, parseText(input.text, name)).documents;
        return { key: d!.identityKey, print: d!.textFingerprint };
      }),
    );
    expect(identities[0]!.key).toBe('河政办发20256号|河川县人民政府办公室|2025-02-17|河川县人民政府办公室关于做好2025年春耕备耕工作的通知');
    for (const i of identities) expect(i.key).toBe(identities[0]!.key);
    for (const i of identities) expect(i.print).toBe(identities[0]!.print);
    const other = deriveFile(text(MACHINERY), parseText(text(MACHINERY), 'm.txt')).documents[0]!;
    expect(other.identityKey).not.toBe(identities[0]!.key);
    expect(other.textFingerprint).not.toBe(identities[0]!.print);
  });

  it('normalises widths, brackets, spaces and line ends; needs a title and a 文号 or a date', () => {
    const a = identityKey({ docNumber: '河政办发〔2025〕6号', issuer: ['河川县人民政府办公室'], date: '2025-02-17', title: '关于做好春耕（备耕）工作的通知' });
    const b = identityKey({ docNumber: '河政办发[2025]6号', issuer: ['河川县人民政府办公室'], date: '2025-02-17', title: '关于做好春耕(备耕) 工作的通知' });
    expect(a).toBe(b);
    expect(identityKey({ docNumber: '河政发〔2025〕1号', issuer: ['乙局', '甲局'], date: null, title: '甲局乙局关于X的通知' })).toBe(
      identityKey({ docNumber: '河政发〔2025〕1号', issuer: ['甲局', '乙局'], date: null, title: '甲局乙局关于X的通知' }),
    );
    expect(identityKey({ docNumber: null, issuer: ['河川县人民政府'], date: null, title: '关于做好春节期间安全工作的通知' })).toBeNull();
    expect(identityKey({ docNumber: '河政发〔2025〕1号', issuer: [], date: null, title: '' })).toBeNull();
    expect(textFingerprint('一、加强 巡查。\r\n二、ＡＢＣ１２３')).toBe(textFingerprint('一，加强巡查.\n二 abc123'));
    expect(textFingerprint(' 。，\n')).toBeNull();
  });
});

for (const { dialect, available } of DIALECTS) {
  describe.skipIf(!available)(`one document stored once (${dialect})`, () => {
    const fresh = freshStore(dialect);
    const dir = () => join(work, dialect);
    const write = (name: string, content: string | Uint8Array) => {
      mkdirSync(dir(), { recursive: true });
      const p = join(dir(), name);
      writeFileSync(p, content);
      return p;
    };

    it('stores the UTF-8 notice once; GBK, CRLF and .docx copies are duplicates linked to it', async () => {
      const utf8 = write('春耕.txt', text(SPRING));
      const gbk = write('春耕-gbk.txt', encodeGb18030(text(SPRING)));
      const crlf = write('春耕-crlf.txt', text(SPRING).replace(/\n/g, '\r\n'));
      const docx = join(dir(), '春耕.docx');
      await writeDocx(docx, SPRING);
      const outcomes = await importPaths(fresh.store, [utf8, gbk, crlf, docx], testClock);
      expect(outcomes.map((o) => o.status)).toEqual(['imported', 'duplicate', 'duplicate', 'duplicate']);
      const stored = await docs(fresh.store);
      expect(stored).toHaveLength(1);
      const original = stored[0]!;
      for (const o of outcomes.slice(1)) {
        expect(o.message).toContain('河川县人民政府办公室关于做好2025年春耕备耕工作的通知');
        expect(o.message).toContain(utf8);
        expect(o.duplicates).toEqual([expect.objectContaining({ documentId: original.id, path: utf8, seq: 0 })]);
      }
      const links = await fresh.store.db.selectFrom('document_duplicates').selectAll().orderBy('id').execute();
      expect(links.map((l) => [l.path, l.document_id, l.source_file_id])).toEqual([gbk, crlf, docx].map((p) => [p, original.id, null]));
      expect(links.map((l) => l.matched_by)).toEqual(['identity', 'identity', 'identity']);
      expect(await fresh.store.db.selectFrom('source_files').select('path').execute()).toEqual([{ path: utf8 }]);
      const audit = await fresh.store.db.selectFrom('audit_events').select(['action', 'after']).where('action', '=', 'import-duplicate').execute();
      expect(audit).toHaveLength(3);
      expect(JSON.parse(audit[0]!.after!)).toMatchObject({ path: gbk, duplicates: [{ seq: 0, documentId: original.id, matchedBy: 'identity' }] });

      // Again: the copies are known, nothing is written twice.
      const again = await importPaths(fresh.store, [utf8, gbk, crlf, docx], testClock);
      expect(again.map((o) => o.status)).toEqual(['unchanged', 'duplicate', 'duplicate', 'duplicate']);
      expect(await fresh.store.db.selectFrom('document_duplicates').select('id').execute()).toHaveLength(3);
      expect(await docs(fresh.store)).toHaveLength(1);
    });

    it('stores one of two copies imported at the same moment', async () => {
      const notice = variant(MACHINERY, '河农发〔2025〕27号', '河川县农业农村局关于做好夏粮收购工作的通知');
      const a = write('夏粮.txt', text(notice));
      const b = write('夏粮-gbk.txt', encodeGb18030(text(notice)));
      const outcomes = await Promise.all([importFile(fresh.store, a, testClock), importFile(fresh.store, b, testClock)]);
      expect(outcomes.map((o) => o.status).sort()).toEqual(['duplicate', 'imported']);
      expect((await docs(fresh.store)).filter((d) => d.doc_number === '河农发〔2025〕27号')).toHaveLength(1);
    });

    it('links a byte-for-byte copy under another path to the documents of the original', async () => {
      const original = write('农机.txt', text(MACHINERY));
      const copy = write('农机-副本.txt', text(MACHINERY));
      expect((await importFile(fresh.store, original, testClock)).status).toBe('imported');
      const o = await importFile(fresh.store, copy, testClock);
      expect(o.status).toBe('duplicate');
      expect(o.message).toContain(original);
      const doc = await fresh.store.db.selectFrom('documents').select('id').where('doc_number', '=', '河农发〔2025〕11号').executeTakeFirstOrThrow();
      const links = await fresh.store.db.selectFrom('document_duplicates').select(['document_id', 'matched_by']).where('path', '=', copy).execute();
      expect(links).toEqual([{ document_id: doc.id, matched_by: 'bytes' }]);
      // Again: known as a copy, nothing more is written.
      expect((await importFile(fresh.store, copy, testClock)).status).toBe('duplicate');
      expect(await fresh.store.db.selectFrom('document_duplicates').select('id').where('path', '=', copy).execute()).toHaveLength(1);
    });

    it('stores only the new documents of a compilation that repeats a stored one, and reports the other', async () => {
      // 农机 is stored by the test before; the compilation prints it again, with 春灌 new.
      const path = write('汇编.txt', compilation(WATER, MACHINERY));
      const o = await importFile(fresh.store, path, testClock);
      expect(o.status).toBe('imported');
      expect(o.documents).toBe(1);
      expect(o.message).toMatch(/其中 1 份公文库中已有，未重复保存/);
      expect(o.message).toContain('河农发〔2025〕11号');
      const numbers = (await docs(fresh.store)).map((d) => d.doc_number);
      expect(numbers.filter((n) => n === '河农发〔2025〕11号')).toHaveLength(1);
      expect(numbers).toContain('河水发〔2025〕4号');
      const source = await fresh.store.db.selectFrom('source_files').select('id').where('path', '=', path).executeTakeFirstOrThrow();
      const links = await fresh.store.db.selectFrom('document_duplicates').select(['source_file_id', 'seq', 'doc_number']).where('path', '=', path).execute();
      expect(links).toEqual([{ source_file_id: source.id, seq: 1, doc_number: '河农发〔2025〕11号' }]);
    });

    it('writes a file whose documents are all stored when it brings appointments of its own, without those documents', async () => {
      // The spring notice is stored (first test); this file holds it and a personnel decision.
      const derived = deriveFile(text(SPRING), parseText(text(SPRING), 'x.txt'));
      const withAppointment = { ...derived, result: { ...derived.result, appointments: [{ batch: null, person: '林海', action: 'appoint' as const, post: '河川县农业农村局副局长', line: 30 }] } };
      await fresh.store.db.transaction().execute(async (trx) => {
        const bare = await planCopies(trx, derived, '/x.txt');
        expect(bare).toMatchObject({ whole: true, fresh: [] });
        const plan = await planCopies(trx, withAppointment, '/x.txt');
        expect(plan).toMatchObject({ whole: false, fresh: [] });
        expect(plan.views([]).map((v) => v.matchedBy)).toEqual(['identity']);
      });
    });

    it('keeps one copy of a document printed twice in one file', async () => {
      const winter = variant(WATER, '河水发〔2025〕14号', '河川县水利局关于做好冬灌用水调度的通知');
      const path = write('重复汇编.txt', compilation(variant(SPRING, '河政办发〔2025〕16号', '河川县人民政府办公室关于做好2025年秋收工作的通知'), winter, winter));
      const o = await importFile(fresh.store, path, testClock);
      expect(o.status).toBe('imported');
      expect(o.documents).toBe(2);
      expect(o.duplicates).toEqual([expect.objectContaining({ seq: 2, path, docNumber: '河水发〔2025〕14号' })]);
      expect((await docs(fresh.store)).filter((d) => d.doc_number === '河水发〔2025〕14号')).toHaveLength(1);
    });

    it('leaves out copies window by window when a large file is written in parts', async () => {
      // Windows of 200 characters: each document comes in a window of its own (import-parts.ts).
      // 农机 is stored by an earlier test; 冬储 is printed twice, in two windows.
      const autumn = variant(SPRING, '河政办发〔2025〕31号', '河川县人民政府办公室关于做好2025年秋播工作的通知');
      const storage = variant(WATER, '河水发〔2025〕33号', '河川县水利局关于做好冬储用水调度的通知');
      const path = write('分段汇编.txt', compilation(autumn, MACHINERY, storage, storage));
      const o = await importFile(fresh.store, path, testClock, { windowChars: 200 });
      expect(o.status).toBe('imported');
      expect(o.documents).toBe(2);
      expect(o.duplicates?.map((d) => [d.seq, d.docNumber])).toEqual([
        [1, '河农发〔2025〕11号'],
        [3, '河水发〔2025〕33号'],
      ]);
      const stored = (await docs(fresh.store)).map((d) => d.doc_number);
      expect(stored.filter((n) => n === '河水发〔2025〕33号')).toHaveLength(1);
      expect(stored.filter((n) => n === '河农发〔2025〕11号')).toHaveLength(1);
      // Who may read each written document was settled from its own place in the file.
      const written = await fresh.store.db.selectFrom('documents').select(['doc_number', 'access', 'access_reason']).where('id', 'in', o.documentIds!).execute();
      expect(written.map((d) => d.doc_number).sort()).toEqual(['河政办发〔2025〕31号', '河水发〔2025〕33号']);
      for (const d of written) expect(d.access_reason).not.toBe('');
    });

    it('replaces a path with new content; a replace by a copy of another file removes what the path held', async () => {
      const reservoir = (date?: string) => text(variant(WATER, '河水发〔2025〕21号', '河川县水利局关于加强水库安全度汛的通知', date));
      const path = write('待替换.txt', reservoir());
      expect((await importFile(fresh.store, path, testClock)).status).toBe('imported');
      // The same path, its notice edited: a replace, not a duplicate of its own old version.
      writeFileSync(path, reservoir('2025年3月8日'));
      expect((await importFile(fresh.store, path, testClock)).status).toBe('replaced');
      expect((await docs(fresh.store)).filter((d) => d.doc_number === '河水发〔2025〕21号')).toHaveLength(1);
      // Now the path holds a GBK copy of the spring notice: what it held goes, the copy is linked.
      writeFileSync(path, encodeGb18030(text(SPRING)));
      const o = await importFile(fresh.store, path, testClock);
      expect(o.status).toBe('duplicate');
      expect((await docs(fresh.store)).filter((d) => d.doc_number === '河水发〔2025〕21号')).toHaveLength(0);
      const removed = await fresh.store.db.selectFrom('audit_events').select('before').where('action', '=', 'remove').execute();
      expect(removed.some((r) => r.before !== null && JSON.parse(r.before).path === path)).toBe(true);
    });

    it('refuses text with no recognisable document, with a reason, and stores it when forced', async () => {
      const path = write('乱码.txt', GIBBERISH);
      const before = (await docs(fresh.store)).length;
      const o = await importFile(fresh.store, path, testClock);
      expect(o.status).toBe('refused');
      expect(o.message).toMatch(/^未识别出公文：没有找到标题、发文字号、发文机关或成文日期/);
      expect((await docs(fresh.store)).length).toBe(before);
      expect(await fresh.store.db.selectFrom('source_files').select('id').where('path', '=', path).execute()).toEqual([]);
      const forced = await importFile(fresh.store, path, testClock, { force: true });
      expect(forced.status).toBe('imported');
      expect((await docs(fresh.store)).length).toBe(before + 1);
      // A fragment has no identity key; a copy of it is known by its text.
      const copy = write('乱码-CRLF.txt', GIBBERISH.replace(/\n/g, '\r\n'));
      const again = await importFile(fresh.store, copy, testClock, { force: true });
      expect(again.status).toBe('duplicate');
      expect(again.duplicates).toEqual([expect.objectContaining({ matchedBy: 'text', path, title: '' })]);
      expect(again.message).toContain(`（无标题）已由 ${path} 导入`);
      expect((await docs(fresh.store)).length).toBe(before + 1);
    });

    it.skipIf(!existsSync(seedsDir))('takes a gazette with CRLF line ends, appointments and chronicle included, as the same gazette', async () => {
      const name = '000_2754e8a7c3ece080.txt';
      const original = join(seedsDir, name);
      expect((await importFile(fresh.store, original, testClock)).status).toBe('imported');
      const count = async (t: 'documents' | 'appointments' | 'chronicle_entries') => (await fresh.store.db.selectFrom(t).select('id').execute()).length;
      const before = [await count('documents'), await count('appointments'), await count('chronicle_entries')];
      const crlf = write(`crlf-${name}`, readFileSync(original, 'utf8').replace(/\r?\n/g, '\r\n'));
      const o = await importFile(fresh.store, crlf, testClock);
      expect(o.status).toBe('duplicate');
      expect(o.duplicates!.every((d) => d.path === original)).toBe(true);
      expect([await count('documents'), await count('appointments'), await count('chronicle_entries')]).toEqual(before);
    });

    it('reports duplicates of uploads by the uploaded name', async () => {
      const bytes = Buffer.from(text(SPRING).replace(/\n/g, '\r\n').replace(/，/g, ','));
      const o = await importBytes(fresh.store, { bytes, name: '春耕（网页另存）.txt', path: uploadPath(bytes, '春耕（网页另存）.txt') }, testClock);
      expect(o.status).toBe('duplicate');
      expect(o.duplicates![0]!.matchedBy).toBe('identity');
    });
  });
}


for (const { dialect, available } of DIALECTS) {
  describe.skipIf(!available)(`migration 0012 fills a store that had no identities (${dialect})`, () => {
    const fresh = freshStore(dialect);

    it('computes what the application computes, from the stored rows (its own frozen copy of the rules)', async () => {
      const dir = join(work, `migration-${dialect}`);
      mkdirSync(dir, { recursive: true });
      const files = [SPRING, MACHINERY, WATER].map((b, k) => {
        const p = join(dir, `${k}.txt`);
        writeFileSync(p, text(b));
        return p;
      });
      writeFileSync(join(dir, 'fragment.txt'), GIBBERISH);
      const outcomes = await importPaths(fresh.store, [...files, ...(existsSync(seedsDir) ? [seedsDir] : [])], testClock);
      expect(outcomes.every((o) => o.status === 'imported')).toBe(true);
      await importFile(fresh.store, join(dir, 'fragment.txt'), testClock, { force: true });
      const written = await docs(fresh.store);
      expect(written.filter((d) => d.identity_key !== null).length).toBeGreaterThanOrEqual(3);
      expect(written.every((d) => d.text_fingerprint !== null)).toBe(true);
      // Back to the store as 0011 left it (no identity columns), then forward: 0012 fills them.
      const migrator = new Migrator({ db: fresh.store.db, provider: { getMigrations: async () => migrations(dialect) } });
      expect((await migrator.migrateTo('0011_document_access')).error).toBeUndefined();
      await expect(sql`SELECT identity_key FROM documents`.execute(fresh.store.db)).rejects.toThrow();
      expect((await migrator.migrateToLatest()).error).toBeUndefined();
      expect(await docs(fresh.store)).toEqual(written);
    });
  });
}
