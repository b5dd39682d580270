// 收文登记 and 初审 on SQLite and PostgreSQL: seed 002 registered fills the slip's fields as the
// gold routing slip has them, a .docx and an .ofd of our own fill them from the document, the
// 运转号 runs without gaps (also across ten processes registering at one instant), the same
// document registered twice is caught, classified documents are refused, and 初审's moves and
// their audit events. The documents other than the seed are written for these tests.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { IncomingError } from '../src/store/incoming/errors.ts';
import { getIncoming, listIncoming } from '../src/store/incoming/read.ts';
import { registerIncoming, type RegisterOptions } from '../src/store/incoming/register.ts';
import { reviewIncoming } from '../src/store/incoming/review.ts';
import type { IncomingView } from '../src/store/incoming/view.ts';
import type { Store } from '../src/store/open.ts';
import { encodeGb18030, noticeText as blocksText, writeDocx, type Block } from './input-fixture.ts';
import { buildOfd } from './ofd-fixture.ts';
import { startChild } from './store-children.ts';
import { noticeText, writeNotices } from './store-documents.ts';
import { DIALECTS, freshStore, testClock, testDay } from './store-targets.ts';

const shared = join(import.meta.dirname, '..', '..', 'shared');
const goldFile = join(shared, 'gold', 'routing_slip.json');
const gold = existsSync(goldFile) ? (JSON.parse(readFileSync(goldFile, 'utf8')) as { file: string; slip: Record<string, unknown> & { proposal: Record<string, unknown> } }) : null;

const work = mkdtempSync(join(tmpdir(), 'duban-incoming-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const clerk = { name: 'clerk' };
const options = (extra: Partial<RegisterOptions> = {}): RegisterOptions => ({ actor: clerk, clock: testClock, ...extra });
const bytesOf = (text: string) => Buffer.from(text, 'utf8');

/** A county bureau's urgent notice with attachments, in the GB/T 9704 order: 紧急程度, 发文机关标志, 文号, title. */
const FLOOD: Block[] = [
  { kind: 'recipients', text: '特急' },
  { kind: 'title', text: '河川县应急管理局文件' },
  { kind: 'number', text: '河应急发〔2026〕21号' },
  { kind: 'title', text: '河川县应急管理局关于做好2026年冬季森林草原防火工作的通知' },
  { kind: 'recipients', text: '各乡镇人民政府，县直有关单位：' },
  { kind: 'para', text: '入冬以来全县降水偏少，森林草原火险等级持续偏高，为坚决防范重特大火灾发生，现将有关事项通知如下。' },
  { kind: 'heading', text: '一、严格火源管控' },
  { kind: 'para', text: '各乡镇要在进山路口设立检查站，严禁携带火种进入林区草原，12月15日前完成重点区域巡护安排。（责任单位：各乡镇人民政府）' },
  { kind: 'heading', text: '二、做好扑火准备' },
  { kind: 'para', text: '县森林消防大队要24小时值守，扑火物资储备不少于上年水平。（责任单位：县应急管理局）' },
  { kind: 'attachment', text: '附件：冬季防火检查站设置表' },
  { kind: 'signature', text: '河川县应急管理局' },
  { kind: 'date', text: '2026年11月28日' },
  { kind: 'publicity', text: '（此件公开发布）' },
];

/** A notice on the same subject from the county's water bureau, set on the exchange system's OFD pages. */
const WATER: Block[] = [
  { kind: 'title', text: '河川县水利局关于开展冬季水利工程安全检查的通知' },
  { kind: 'number', text: '河水发〔2026〕9号' },
  { kind: 'recipients', text: '各灌区管理站，各水库管理所：' },
  { kind: 'para', text: '为确保冬季水利工程安全运行，县水利局决定开展冬季安全检查，有关事项通知如下。' },
  { kind: 'heading', text: '一、检查内容' },
  { kind: 'para', text: '重点检查水库大坝、泵站、渠道闸门的运行状况和防冻措施，发现隐患立即登记整改。（责任单位：各水库管理所）' },
  { kind: 'heading', text: '二、时间安排' },
  { kind: 'para', text: '各单位于12月20日前完成自查，12月31日前将检查报告报县水利局工程股。' },
  { kind: 'attachment', text: '附件：1.水利工程冬季安全检查表' },
  { kind: 'attachment', text: '2.隐患整改台账' },
  { kind: 'signature', text: '河川县水利局' },
  { kind: 'date', text: '2026年12月1日' },
];

/** A notice marked 机密 at its head: not to be stored on this system. */
const CLASSIFIED = `000012\n机密★1年\n\n河川县人民政府办公室关于边境管控工作的通知\n\n河政办发〔2026〕3号\n\n各乡镇人民政府：\n\n现将边境管控有关事项通知如下。\n\n河川县人民政府办公室\n\n2026年11月2日\n`;

async function refusal(p: Promise<unknown>): Promise<IncomingError> {
  const e: unknown = await p.then(
    () => null,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(IncomingError);
  return e as IncomingError;
}

async function auditOf(store: Store, id: number) {
  const rows = await store.db.selectFrom('audit_events').selectAll().where('entity', '=', 'incoming_document').where('entity_id', '=', id).orderBy('id').execute();
  return rows.map((r) => ({ action: r.action, actor: r.actor, before: r.before === null ? null : (JSON.parse(r.before) as IncomingView), after: JSON.parse(r.after!) as IncomingView }));
}

const serialsOf = async (store: Store, series: string) =>
  (await store.db.selectFrom('incoming_documents').select('serial').where('series', '=', series).orderBy('serial').execute()).map((r) => r.serial);

for (const { dialect, available } of DIALECTS) {
  describe.skipIf(!available)(`收文登记 on ${dialect}`, () => {
    const target = freshStore(dialect);

    it.skipIf(gold === null)('seed 002 fills every field of its slip as the gold slip has them, and keeps its 运转号', async () => {
      const { store } = target;
      const bytes = readFileSync(join(shared, 'seeds', gold!.file));
      const { incoming, library } = await registerIncoming(store, { bytes, name: gold!.file }, options());
      expect(library).toBe('imported');
      const { proposal, ...fields } = gold!.slip;
      for (const [field, value] of Object.entries(fields)) expect(incoming[field as keyof IncomingView], field).toEqual(value);
      for (const [field, value] of Object.entries(proposal)) expect(incoming.proposal![field as keyof typeof incoming.proposal], `proposal.${field}`).toEqual(value);
      expect(incoming).toMatchObject({ series: '党', year: 2023, serialNumber: 198, state: 'registered', kind: null, receivedAt: testClock.now().toISOString(), createdBy: 'clerk', version: 1 });
      // The library holds the document the registration names.
      const doc = await store.db.selectFrom('documents').select(['title', 'doc_number']).where('id', '=', incoming.documentId!).executeTakeFirstOrThrow();
      expect(doc.doc_number).toBe(gold!.slip.docNumber);
      expect(await getIncoming(store, incoming.id)).toEqual(incoming);
      const audit = await auditOf(store, incoming.id);
      expect(audit).toEqual([{ action: 'incoming-register', actor: 'clerk', before: null, after: incoming }]);
    });

    it('a .docx of our own: fields from the document, today as 收文日期, the clerk’s series and 来文方式', async () => {
      const { store } = target;
      const path = join(work, `${dialect}-flood.docx`);
      await writeDocx(path, FLOOD);
      const { incoming } = await registerIncoming(store, { bytes: readFileSync(path), name: 'flood.docx' }, options({ series: '（政）', channel: '纸质' }));
      expect(incoming).toMatchObject({
        serial: '（政）1号',
        series: '政',
        year: Number(testDay.slice(0, 4)),
        fromUnit: '河川县应急管理局',
        docNumber: '河应急发〔2026〕21号',
        title: '河川县应急管理局关于做好2026年冬季森林草原防火工作的通知',
        urgency: '特急',
        secrecy: null,
        channel: '纸质',
        receivedOn: testDay,
        signedOn: '2026-11-28',
        openness: '此件公开发布',
        attachments: ['冬季防火检查站设置表'],
        proposal: null,
        handler: null,
      });
      expect(incoming.documentId).not.toBeNull();
    });

    it('an .ofd of our own reads the same fields; the .txt of the same text is then caught as the same document', async () => {
      const { store } = target;
      const { incoming } = await registerIncoming(store, { bytes: Buffer.from(await buildOfd(WATER)), name: 'water.ofd' }, options({ series: '政', channel: '交换系统' }));
      expect(incoming).toMatchObject({
        serial: '（政）2号',
        fromUnit: '河川县水利局',
        docNumber: '河水发〔2026〕9号',
        title: '河川县水利局关于开展冬季水利工程安全检查的通知',
        urgency: null,
        channel: '交换系统',
        signedOn: '2026-12-01',
        attachments: ['水利工程冬季安全检查表', '隐患整改台账'],
      });
      const again = await refusal(registerIncoming(store, { bytes: bytesOf(blocksText(WATER)), name: 'water.txt' }, options({ series: '政' })));
      expect(again.kind).toBe('duplicate');
      expect(again.first?.id).toBe(incoming.id);
      expect(again.message).toContain('（政）2号');
      // No number was spent on the refused one.
      expect(await serialsOf(store, '政')).toEqual([1, 2]);
      // Forced: registered, linked to the first, with the next number.
      const forced = await registerIncoming(store, { bytes: bytesOf(blocksText(WATER)), name: 'water.txt' }, options({ series: '政', force: true }));
      expect(forced.incoming).toMatchObject({ serial: '（政）3号', duplicateOf: incoming.id, documentId: incoming.documentId });
    });

    it('the same text without a 文号, in another encoding, is caught by its content', async () => {
      const { store } = target;
      const text = noticeText(41).replace(/\n\n[^\n]*政办发〔\d+〕\d+号/, '');
      const first = await registerIncoming(store, { bytes: bytesOf(text), name: 'plain.txt' }, options({ series: '政' }));
      expect(first.incoming.docNumber).toBeNull();
      const e = await refusal(registerIncoming(store, { bytes: Buffer.from(encodeGb18030(text)), name: 'plain-gbk.txt' }, options({ series: '政' })));
      expect(e.kind).toBe('duplicate');
      expect(e.first?.serial).toBe(first.incoming.serial);
    });

    it('a classified document is refused as the library refuses it, with nothing registered and no number spent', async () => {
      const { store } = target;
      const before = await serialsOf(store, '政');
      const e = await refusal(registerIncoming(store, { bytes: bytesOf(CLASSIFIED), name: 'secret.txt' }, options({ series: '政' })));
      expect(e.kind).toBe('refused');
      expect(e.message).toMatch(/^不予登记：.*机密/);
      expect(await serialsOf(store, '政')).toEqual(before);
      const stored = await store.db.selectFrom('documents').select('id').where('doc_number', '=', '河政办发〔2026〕3号').execute();
      expect(stored).toEqual([]);
      const next = await registerIncoming(store, { bytes: bytesOf(noticeText(42)), name: 'n42.txt' }, options({ series: '政' }));
      expect(next.incoming.serialNumber).toBe(before[before.length - 1]! + 1);
    });

    it('unreadable files and bad series are Chinese messages, nothing registered', async () => {
      const { store } = target;
      const count = (await listIncoming(store)).total;
      const ofd = await buildOfd(WATER);
      const truncated = await refusal(registerIncoming(store, { bytes: Buffer.from(ofd.subarray(0, ofd.length / 2)), name: 'cut.ofd' }, options()));
      expect(truncated.kind).toBe('unreadable');
      expect(truncated.message).toMatch(/^OFD 文件已损坏/);
      const series = await refusal(registerIncoming(store, { bytes: bytesOf(noticeText(43)), name: 'n43.txt' }, options({ series: 'abc' })));
      expect(series.message).toBe('运转号系列“abc”无效：应为一至六个汉字，如 党、政');
      expect((await listIncoming(store)).total).toBe(count);
    });

    it('初审: 办件, corrected to 阅件, never returned afterwards; 退回 needs a reason and ends it; each move an audit event', async () => {
      const { store } = target;
      const a = (await registerIncoming(store, { bytes: bytesOf(noticeText(44)), name: 'n44.txt' }, options({ series: '政' }))).incoming;
      const handled = await reviewIncoming(store, a.id, { kind: '办件' }, { actor: clerk, clock: testClock, version: 1 });
      expect(handled).toMatchObject({ state: 'reviewed', kind: '办件', version: 2 });
      const stale = await refusal(reviewIncoming(store, a.id, { kind: '阅件' }, { actor: clerk, clock: testClock, version: 1 }));
      expect(stale.kind).toBe('conflict');
      const read = await reviewIncoming(store, a.id, { kind: '阅件', note: '仅供了解' }, { actor: clerk, clock: testClock });
      expect(read).toMatchObject({ state: 'reviewed', kind: '阅件', stateNote: '仅供了解', version: 3 });
      const late = await refusal(reviewIncoming(store, a.id, { returned: true, reason: '缺附件' }, { actor: clerk, clock: testClock }));
      expect(late.message).toContain('已初审，不能再退回');
      const audit = await auditOf(store, a.id);
      expect(audit.map((e) => e.action)).toEqual(['incoming-register', 'incoming-review', 'incoming-review']);
      expect(audit[1]).toMatchObject({ before: { state: 'registered', kind: null, version: 1 }, after: { state: 'reviewed', kind: '办件', version: 2 } });
      expect(audit[2]).toMatchObject({ before: { kind: '办件' }, after: { kind: '阅件' } });

      const b = (await registerIncoming(store, { bytes: bytesOf(noticeText(45)), name: 'n45.txt' }, options({ series: '政' }))).incoming;
      const empty = await refusal(reviewIncoming(store, b.id, { returned: true, reason: '  ' }, { actor: clerk, clock: testClock }));
      expect(empty.message).toContain('退回须写明理由');
      const returned = await reviewIncoming(store, b.id, { returned: true, reason: '附件缺失，请补齐后重新报送' }, { actor: clerk, clock: testClock });
      expect(returned).toMatchObject({ state: 'returned', kind: null, stateNote: '附件缺失，请补齐后重新报送' });
      expect((await refusal(reviewIncoming(store, b.id, { kind: '办件' }, { actor: clerk, clock: testClock }))).message).toContain('已退回');
      expect((await auditOf(store, b.id)).map((e) => e.action)).toEqual(['incoming-register', 'incoming-return']);
      // The sender sends it again: a returned registration does not make it a duplicate.
      const resent = await registerIncoming(store, { bytes: bytesOf(noticeText(45)), name: 'n45.txt' }, options({ series: '政' }));
      expect(resent.incoming.duplicateOf).toBeNull();
      expect((await refusal(reviewIncoming(store, 999_999, { kind: '办件' }, { actor: clerk, clock: testClock }))).kind).toBe('not-found');
    });

    it('lists registrations newest first, by series and state', async () => {
      const { store } = target;
      const all = await listIncoming(store, { series: '政' });
      expect(all.items.map((i) => i.serialNumber)).toEqual([...(await serialsOf(store, '政'))].reverse());
      const returned = await listIncoming(store, { state: 'returned' });
      expect(returned.items.map((i) => i.state)).toEqual(['returned']);
    });
  });

  describe.skipIf(!available)(`运转号 under concurrent registration on ${dialect}`, () => {
    const target = freshStore(dialect);

    it('ten processes registering at one instant get 1..10 with no gap; three registering one document register it once', async () => {
      const files = writeNotices(join(work, `parallel-${dialect}`), Array.from({ length: 10 }, (_, i) => 500 + i));
      const same = writeNotices(join(work, `same-${dialect}`), [600]);
      const copies = [0, 1, 2].map((i) => {
        const p = join(work, `same-${dialect}`, `copy-${i}.txt`);
        writeFileSync(p, readFileSync(same[0]!));
        return p;
      });
      const script = join(import.meta.dirname, 'incoming-register-child.ts');
      const children = [...files, ...copies].map((f) => startChild(target.url, [f, '政'], { script }));
      await Promise.all(children.map((c) => c.line('ready')));
      for (const c of children) c.send();
      const results = await Promise.all(children.map((c) => c.done));
      for (const r of results) {
        expect(r.stderr).toBe('');
        expect(r.code).toBe(0);
      }
      const lines = results.map((r) => r.stdout.split('\n').find((l) => l.startsWith('registered') || l.startsWith('refused'))!);
      expect(lines.slice(0, 10).every((l) => l.startsWith('registered'))).toBe(true);
      const copyLines = lines.slice(10);
      expect(copyLines.filter((l) => l.startsWith('registered'))).toHaveLength(1);
      expect(copyLines.filter((l) => l.startsWith('refused') && l.includes('该公文已登记'))).toHaveLength(2);
      expect(await serialsOf(target.store, '政')).toEqual(Array.from({ length: 11 }, (_, i) => i + 1));
      const counter = await target.store.db.selectFrom('incoming_serials').selectAll().execute();
      expect(counter).toEqual([{ series: '政', year: Number(testDay.slice(0, 4)), last: 11 }]);
      // Thirteen processes each starting TypeScript take their time on a busy machine.
    }, 300_000);
  });
}
