// 归档 of incoming documents on SQLite and PostgreSQL: the settings kept as an audited history,
// which registrations may be filed (and the Chinese refusals otherwise), the 档号 with its 件号
// running per 全宗, 年度, 保管期限 and 机构 without gaps — also ten filings at one instant from ten
// connections — the audit event of each filing, a failed filing leaving the store as it was, and
// the 归档文件目录 (.xlsx) opened back and read field by field.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { createUser } from '../src/auth/users.ts';
import { archiveCatalogue, archiveIncoming, listArchived, readyToArchive } from '../src/store/incoming/archive.ts';
import { getArchiveSettings, saveArchiveSettings } from '../src/store/incoming/archive-settings.ts';
import { circulateIncoming, readCirculated } from '../src/store/incoming/circulate.ts';
import { IncomingError } from '../src/store/incoming/errors.ts';
import { getIncoming } from '../src/store/incoming/read.ts';
import { registerIncoming } from '../src/store/incoming/register.ts';
import { reviewIncoming } from '../src/store/incoming/review.ts';
import { listAudit } from '../src/store/audit.ts';
import { openStore, type Store } from '../src/store/open.ts';
import type { ArchiveSettings } from '../src/workflow/archive.ts';
import { letterText } from './archive-documents.ts';
import { DIALECTS, freshStore, testClock } from './store-targets.ts';

const clerk = { name: 'clerk' };
const admin = { name: 'admin' };
const opts = { actor: clerk, clock: testClock };
const SETTINGS: ArchiveSettings = { fondsCode: 'x001', fondsName: '松河县人民政府办公室', units: [], defaults: { 办件: '30年', 阅件: '10年', 退回: '10年' } };

let counter = 0;
/** A registered letter made in `year`, sorted at 初审 as `kind` (or returned, or left unreviewed). */
async function letter(store: Store, year: number, kind: '办件' | '阅件' | 'returned' | null = '阅件'): Promise<number> {
  const n = counter++;
  const r = await registerIncoming(store, { bytes: Buffer.from(letterText(n, year), 'utf8'), name: `函-${n}.txt` }, { ...opts, series: '收' });
  const id = r.incoming.id;
  if (kind === 'returned') await reviewIncoming(store, id, { returned: true, reason: '非本机关职责范围' }, opts);
  else if (kind !== null) await reviewIncoming(store, id, { kind }, opts);
  return id;
}

async function refusal(p: Promise<unknown>): Promise<IncomingError> {
  const e = await p.then(
    () => null,
    (x: unknown) => x,
  );
  expect(e).toBeInstanceOf(IncomingError);
  return e as IncomingError;
}

/** Everything 归档 writes, to compare before and after a refused or failed filing. */
async function snapshot(store: Store) {
  return {
    archives: await store.db.selectFrom('incoming_archives').selectAll().orderBy('id').execute(),
    counters: await store.db.selectFrom('incoming_archive_counters').selectAll().orderBy('fonds_code').orderBy('year').orderBy('retention').orderBy('unit_code').execute(),
    documents: await store.db.selectFrom('incoming_documents').select(['id', 'state', 'version']).orderBy('id').execute(),
    audit: (await listAudit(store.db, { limit: 1000, offset: 0 })).total,
  };
}

for (const { dialect, available } of DIALECTS) {
  describe.skipIf(!available)(`归档 on ${dialect}`, () => {
    const target = freshStore(dialect);

    it('refuses to file before the 全宗号 is set, and leaves the store as it was', async () => {
      const { store } = target;
      const id = await letter(store, 2025);
      const before = await snapshot(store);
      const e = await refusal(archiveIncoming(store, id, {}, opts));
      expect(e.message).toContain('尚未设置全宗号');
      expect(await snapshot(store)).toEqual(before);
      expect(await getArchiveSettings(store)).toBeNull();
    });

    it('keeps the settings as a history with an audit event for each change; bad settings are refused in Chinese', async () => {
      const { store } = target;
      expect((await refusal(saveArchiveSettings(store, { ...SETTINGS, fondsCode: '全宗一' }, { actor: admin, clock: testClock }))).message).toContain('全宗号“全宗一”不合规');
      expect((await refusal(saveArchiveSettings(store, { ...SETTINGS, fondsName: '  ' }, { actor: admin, clock: testClock }))).message).toContain('请填写全宗名称');
      expect((await refusal(saveArchiveSettings(store, { ...SETTINGS, units: [{ code: 'BGS', name: '办公室' }, { code: 'bgs', name: '秘书科' }] }, { actor: admin, clock: testClock }))).message).toContain('BGS 重复');
      const first = await saveArchiveSettings(store, { ...SETTINGS, fondsCode: 'Z009' }, { actor: admin, clock: testClock });
      expect(first.fondsCode).toBe('Z009');
      const second = await saveArchiveSettings(store, SETTINGS, { actor: admin, clock: testClock });
      expect(second.fondsCode).toBe('X001');
      // The same settings again are no change and no event.
      expect((await saveArchiveSettings(store, SETTINGS, { actor: admin, clock: testClock })).id).toBe(second.id);
      const rows = await store.db.selectFrom('incoming_archive_settings').selectAll().orderBy('id').execute();
      expect(rows.map((r) => [r.fonds_code, r.replaced_at === null])).toEqual([
        ['Z009', false],
        ['X001', true],
      ]);
      const events = (await listAudit(store.db, { action: 'archive-settings', limit: 10, offset: 0 })).items;
      expect(events).toHaveLength(2);
      const latest = events.find((e) => e.entityId === second.id)!;
      expect(latest.actor).toBe('admin');
      expect((latest.before as { fondsCode: string }).fondsCode).toBe('Z009');
      expect((latest.after as { fondsCode: string }).fondsCode).toBe('X001');
    });

    it('files a 阅件 with its 档号, 保管期限 by default, and the catalogue fields; the audit event holds before and after', async () => {
      const { store } = target;
      const id = await letter(store, 2025);
      const ready = await readyToArchive(store);
      expect(ready.find((r) => r.incoming.id === id)).toMatchObject({ retention: '10年', year: 2025 });
      const v = await archiveIncoming(store, id, { pages: 3, note: '  附回执一份  ' }, opts);
      expect(v.state).toBe('archived');
      expect(v.archive).toMatchObject({ code: 'X001-WS·2025-D10-0001', fondsCode: 'X001', year: 2025, retention: '10年', unitCode: null, item: 1, pages: 3, note: '附回执一份', archivedBy: 'clerk' });
      expect(v.archive!.responsible).toBe(v.fromUnit);
      expect(v.archive!.docNumber).toBe(v.docNumber);
      expect(v.archive!.title).toBe(v.title);
      expect(v.archive!.date).toBe(v.signedOn);
      expect(v.fromUnit).not.toBeNull();
      expect(v.docNumber).toMatch(/〔2025〕/);
      expect((await getIncoming(store, id)).archive).toEqual(v.archive);
      expect((await readyToArchive(store)).some((r) => r.incoming.id === id)).toBe(false);
      const event = (await listAudit(store.db, { action: 'incoming-archive', limit: 10, offset: 0 })).items.find((e) => e.entityId === id)!;
      expect(event.actor).toBe('clerk');
      expect(event.before).toMatchObject({ state: 'reviewed', archive: null });
      expect(event.after).toMatchObject({ state: 'archived', archive: { code: 'X001-WS·2025-D10-0001' } });
      const again = await refusal(archiveIncoming(store, id, {}, opts));
      expect(again.kind).toBe('conflict');
      expect(again.message).toContain('已归档，不能重复归档（档号 X001-WS·2025-D10-0001）');
    });

    it('runs the 件号 per 年度 and 保管期限: the year is the 成文日期’s, the clerk may choose the period', async () => {
      const { store } = target;
      const a = await archiveIncoming(store, await letter(store, 2025), {}, opts);
      const b = await archiveIncoming(store, await letter(store, 2025, '办件').then(async (id) => {
        // 分办 and 办结 are built elsewhere; a 办件 reaches 已办结 here the way those commands will leave it.
        await store.db.updateTable('incoming_documents').set({ state: 'concluded' }).where('id', '=', id).execute();
        return id;
      }), {}, opts);
      const c = await archiveIncoming(store, await letter(store, 2025), { retention: '30年' }, opts);
      const d = await archiveIncoming(store, await letter(store, 2024), {}, opts);
      const e = await archiveIncoming(store, await letter(store, 2025, 'returned'), {}, opts);
      const f = await archiveIncoming(store, await letter(store, 2025), { retention: '永久' }, opts);
      expect([a, b, c, d, e, f].map((v) => v.archive!.code)).toEqual([
        'X001-WS·2025-D10-0002',
        'X001-WS·2025-D30-0001',
        'X001-WS·2025-D30-0002',
        'X001-WS·2024-D10-0001',
        'X001-WS·2025-D10-0003',
        'X001-WS·2025-Y-0001',
      ]);
      const list = await listArchived(store, { year: 2025 });
      expect(list.items.map((i) => i.code)).toEqual(['X001-WS·2025-Y-0001', 'X001-WS·2025-D30-0001', 'X001-WS·2025-D30-0002', 'X001-WS·2025-D10-0001', 'X001-WS·2025-D10-0002', 'X001-WS·2025-D10-0003']);
      expect((await listArchived(store, { year: 2025, retention: '30年' })).items.map((i) => i.serial)).toEqual([b.serial, c.serial]);
    });

    it('refuses what is not finished, in Chinese, and writes nothing', async () => {
      const { store } = target;
      const unreviewed = await letter(store, 2025, null);
      const handled = await letter(store, 2025, '办件');
      const assigned = await letter(store, 2025, '办件');
      await store.db.updateTable('incoming_documents').set({ state: 'assigned' }).where('id', '=', assigned).execute();
      const read = await letter(store, 2025);
      const before = await snapshot(store);
      expect((await refusal(archiveIncoming(store, unreviewed, {}, opts))).message).toMatch(/^收文 （收）\d+号（已登记）：该收文尚未初审，初审后才能归档$/);
      expect((await refusal(archiveIncoming(store, handled, {}, opts))).message).toContain('（已初审）：该办件尚未办结');
      expect((await refusal(archiveIncoming(store, assigned, {}, opts))).message).toContain('（已分办）：该办件已分办，正在承办，办结后才能归档');
      expect((await refusal(archiveIncoming(store, read, { pages: 0 }, opts))).message).toContain('页数应为 1 以上的整数');
      expect((await refusal(archiveIncoming(store, read, { unit: 'BGS' }, opts))).message).toContain('本机关未设置机构（问题）分类');
      expect((await refusal(archiveIncoming(store, 999_999, {}, opts))).kind).toBe('not-found');
      expect(await snapshot(store)).toEqual(before);
    });

    it('waits while a 阅件 is being circulated, and files it once everyone has read it', async () => {
      const { store } = target;
      await createUser(store.db, { username: 'reader1', displayName: '周科长', roles: ['leader'], unit: null, password: 'Test-Passw0rd', mustChangePassword: false }, () => true, { actor: admin, now: testClock.now() });
      const id = await letter(store, 2023);
      await circulateIncoming(store, id, { users: ['reader1'] }, opts);
      expect((await refusal(archiveIncoming(store, id, {}, opts))).message).toContain('正在传阅中');
      expect((await readyToArchive(store)).some((r) => r.incoming.id === id)).toBe(false);
      await readCirculated(store, id, { username: 'reader1', unit: null }, 'read', { actor: { name: 'reader1' }, clock: testClock });
      expect((await archiveIncoming(store, id, {}, opts)).archive!.code).toBe('X001-WS·2023-D10-0001');
    });

    it('a filing that fails after its writes gives its 件号 back: the store is as it was, the next filing takes the number', async () => {
      const { store } = target;
      const id = await letter(store, 2022);
      const before = await snapshot(store);
      const failing = archiveIncoming(store, id, {}, { ...opts, beforeAudit: () => Promise.reject(new Error('磁盘已满（测试）')) });
      await expect(failing).rejects.toThrow('磁盘已满（测试）');
      expect(await snapshot(store)).toEqual(before);
      expect((await archiveIncoming(store, id, {}, opts)).archive!.code).toBe('X001-WS·2022-D10-0001');
    });

    it('with 机构（问题） set, a filing names one and its 件号 run per 机构', async () => {
      const { store } = target;
      const next = await saveArchiveSettings(store, { ...SETTINGS, units: [{ code: 'bgs', name: '办公室' }, { code: 'ZHK', name: '综合科' }] }, { actor: admin, clock: testClock });
      expect(next.units).toEqual([{ code: 'BGS', name: '办公室' }, { code: 'ZHK', name: '综合科' }]);
      const id = await letter(store, 2021);
      expect((await refusal(archiveIncoming(store, id, {}, opts))).message).toContain('请选择机构（问题）：BGS 办公室、ZHK 综合科');
      expect((await refusal(archiveIncoming(store, id, { unit: '人事科' }, opts))).message).toContain('“人事科”不在归档设置中');
      const a = await archiveIncoming(store, id, { unit: '综合科' }, opts);
      const b = await archiveIncoming(store, await letter(store, 2021), { unit: 'bgs' }, opts);
      const c = await archiveIncoming(store, await letter(store, 2021), { unit: 'ZHK' }, opts);
      expect([a, b, c].map((v) => v.archive!.code)).toEqual(['X001-WS·2021-D10-ZHK-0001', 'X001-WS·2021-D10-BGS-0001', 'X001-WS·2021-D10-ZHK-0002']);
      await saveArchiveSettings(store, SETTINGS, { actor: admin, clock: testClock });
    });

    it('ten filings at one instant, from ten connections, get 件号 1 to 10 with no gap or repeat', async () => {
      const { store, url } = target;
      const ids: number[] = [];
      for (let k = 0; k < 10; k++) ids.push(await letter(store, 2019));
      const stores = await Promise.all(ids.map(() => openStore(url)));
      try {
        const views = await Promise.all(ids.map((id, k) => archiveIncoming(stores[k]!, id, { retention: '30年' }, opts)));
        expect(views.map((v) => v.archive!.item).sort((x, y) => x - y)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
        expect(new Set(views.map((v) => v.archive!.code)).size).toBe(10);
      } finally {
        await Promise.all(stores.map((s) => s.close()));
      }
      const counter = await store.db.selectFrom('incoming_archive_counters').selectAll().where('year', '=', 2019).execute();
      expect(counter).toEqual([{ fonds_code: 'X001', year: 2019, retention: '30年', unit_code: '', last: 10 }]);
    }, 120_000);

    it('writes the 归档文件目录 of a year: one sheet per 保管期限, A4 landscape, header repeated, every field as filed', async () => {
      const { store } = target;
      const book = new ExcelJS.Workbook();
      await book.xlsx.load((await archiveCatalogue(store, { year: 2025 })) as unknown as ArrayBuffer);
      expect(book.worksheets.map((s) => s.name)).toEqual(['2025-永久', '2025-30年', '2025-10年']);
      const filed = (await listArchived(store, { year: 2025 })).items;
      for (const sheet of book.worksheets) {
        const retention = sheet.name.slice(5);
        const rows = filed.filter((i) => i.retention === retention);
        expect(sheet.getCell(1, 1).value).toBe('松河县人民政府办公室归档文件目录');
        expect(sheet.getCell(2, 1).value).toBe(`全宗号：X001　年度：2025　保管期限：${retention}　共${rows.length}件`);
        expect(sheet.getRow(3).values).toEqual([undefined, '序号', '档号', '文号', '责任者', '题名', '日期', '密级', '页数', '保管期限', '备注']);
        expect(sheet.pageSetup.orientation).toBe('landscape');
        expect(sheet.pageSetup.paperSize).toBe(9);
        expect(sheet.pageSetup.printTitlesRow).toBe('3:3');
        expect(sheet.rowCount).toBe(3 + rows.length);
        rows.forEach((r, k) => {
          const line = sheet.getRow(4 + k);
          const cell = (c: number) => line.getCell(c).value ?? null;
          expect([cell(1), cell(2), cell(3), cell(4), cell(5), cell(6), cell(7), cell(8), cell(9), cell(10)]).toEqual([
            k + 1,
            r.code,
            r.docNumber,
            r.responsible,
            r.title,
            r.date.replaceAll('-', ''),
            r.secrecy,
            r.pages,
            retention,
            r.note,
          ]);
        });
      }
      const first = book.getWorksheet('2025-10年')!.getRow(4);
      expect(first.getCell(8).value).toBe(3);
      expect(first.getCell(10).value).toBe('附回执一份');
      expect(String(first.getCell(6).value)).toMatch(/^2025\d{4}$/);
      const only = new ExcelJS.Workbook();
      await only.xlsx.load((await archiveCatalogue(store, { year: 2025, retention: '30年' })) as unknown as ArrayBuffer);
      expect(only.worksheets.map((s) => s.name)).toEqual(['2025-30年']);
      expect((await refusal(archiveCatalogue(store, { year: 2018 }))).message).toContain('2018年收文尚未归档');
    });

    it('a new 全宗号 starts its own 件号 and its own catalogue; what was filed under the old one keeps its 档号', async () => {
      const { store } = target;
      await saveArchiveSettings(store, { ...SETTINGS, fondsCode: 'Z009', fondsName: '松河县政府办（新全宗）' }, { actor: admin, clock: testClock });
      const v = await archiveIncoming(store, await letter(store, 2025), {}, opts);
      expect(v.archive!.code).toBe('Z009-WS·2025-D10-0001');
      const book = new ExcelJS.Workbook();
      await book.xlsx.load((await archiveCatalogue(store, { year: 2025 })) as unknown as ArrayBuffer);
      expect(book.worksheets.map((s) => [s.name, s.getCell(1, 1).value, s.rowCount - 3])).toEqual([['2025-10年', '松河县政府办（新全宗）归档文件目录', 1]]);
      expect((await listArchived(store, { year: 2025, retention: '10年' })).items.filter((i) => i.fondsCode === 'X001')).toHaveLength(3);
    });
  });
}
