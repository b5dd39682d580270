// The watched inbox folder on SQLite and PostgreSQL: a file is registered once it has stopped
// changing and moved to 已登记/<day>; a sub-folder names the 运转号 series; a classified
// document, a repeat of one registered before and a file of no readable format go to 未能登记
// with the reason beside them; writers' temporary files are left alone. The documents are
// written for this test.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { listIncoming } from '../src/store/incoming/read.ts';
import { FAILED_FOLDER, InboxWatcher, REGISTERED_FOLDER } from '../src/server/inbox.ts';
import { DIALECTS, freshStore, testClock, testDay } from './store-targets.ts';

const work = mkdtempSync(join(tmpdir(), 'duban-inbox-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** A short notice of a made-up bureau; `n` makes each one a different document. */
const notice = (n: number, head = '') =>
  `${head}北原县交通运输局关于做好第${n}批农村公路养护工作的通知\n\n北交发〔2026〕${30 + n}号\n\n各乡镇人民政府：\n\n为做好农村公路养护，现将有关事项通知如下。\n\n一、各乡镇于12月20日前完成辖区路段巡查。（责任单位：各乡镇人民政府）\n\n北原县交通运输局\n\n2026年11月${10 + n}日\n`;

const ls = (dir: string) => (existsSync(dir) ? readdirSync(dir).sort() : []);

for (const { dialect, available } of DIALECTS) {
  describe.skipIf(!available)(`the watched inbox folder on ${dialect}`, () => {
    const target = freshStore(dialect);
    const dir = join(work, dialect);
    mkdirSync(dir, { recursive: true });
    const lines: string[] = [];
    const watcher = () => new InboxWatcher({ dir, store: target.store, clock: testClock, log: (l) => lines.push(l) });

    it('registers a file once it is unchanged between two polls, and moves it to 已登记', async () => {
      const inbox = watcher();
      writeFileSync(join(dir, '交通局通知.txt'), notice(1));
      expect(await inbox.poll()).toEqual([]); // first seen: the writer may not be done
      expect(ls(dir)).toContain('交通局通知.txt');
      const [outcome, ...rest] = await inbox.poll();
      expect(rest).toEqual([]);
      expect(outcome!.refused).toBeNull();
      expect(outcome!.registered!.incoming.docNumber).toBe('北交发〔2026〕31号');
      expect(ls(dir)).not.toContain('交通局通知.txt');
      expect(ls(join(dir, REGISTERED_FOLDER, testDay))).toEqual(['交通局通知.txt']);
      const listed = await listIncoming(target.store, {});
      expect(listed.items.map((i) => i.title)).toEqual(['北原县交通运输局关于做好第1批农村公路养护工作的通知']);
      expect(lines.at(-1)).toMatch(/交通局通知\.txt 已登记，运转号 /);
    });

    it('waits while a file is still growing', async () => {
      const inbox = watcher();
      const path = join(dir, '扫描中.txt');
      writeFileSync(path, notice(2).slice(0, 20));
      await inbox.poll();
      writeFileSync(path, notice(2)); // the scanner wrote the rest
      expect(await inbox.poll()).toEqual([]);
      const [outcome] = await inbox.poll();
      expect(outcome!.registered!.incoming.docNumber).toBe('北交发〔2026〕32号');
    });

    it('a sub-folder names the series; the same name again does not replace the first document', async () => {
      const inbox = watcher();
      mkdirSync(join(dir, '党'), { recursive: true });
      writeFileSync(join(dir, '党', '交通局通知.txt'), notice(3));
      await inbox.poll();
      const [outcome] = await inbox.poll();
      expect(outcome!.series).toBe('党');
      expect(outcome!.registered!.incoming.serial).toMatch(/^（党）\d+号$/);
      expect(ls(join(dir, REGISTERED_FOLDER, testDay))).toEqual(['交通局通知(2).txt', '交通局通知.txt', '扫描中.txt']);
      const titles = (await listIncoming(target.store, {})).items.map((i) => i.title).sort();
      expect(titles).toHaveLength(3); // 第1批 is still there beside 第2批 and 第3批
    });

    it('refusals go to 未能登记 with the reason beside the file; temporary files stay', async () => {
      const inbox = watcher();
      writeFileSync(join(dir, '机密件.txt'), notice(4, '机密★1年\n\n'));
      writeFileSync(join(dir, '重复.txt'), notice(1));
      writeFileSync(join(dir, '表格.xlsx'), 'not a document');
      writeFileSync(join(dir, '正在传输.pdf.part'), 'half');
      writeFileSync(join(dir, '~$草稿.docx'), 'lock');
      await inbox.poll();
      const outcomes = await inbox.poll();
      expect(outcomes.map((o) => o.file).sort()).toEqual(['机密件.txt', '表格.xlsx', '重复.txt'].sort());
      expect(outcomes.every((o) => o.registered === null)).toBe(true);
      const failed = join(dir, FAILED_FOLDER);
      expect(ls(failed)).toEqual(['机密件.txt', '机密件.txt.原因.txt', '表格.xlsx', '表格.xlsx.原因.txt', '重复.txt', '重复.txt.原因.txt'].sort());
      expect(readFileSync(join(failed, '机密件.txt.原因.txt'), 'utf8')).toMatch(/不予登记.*机密/);
      expect(readFileSync(join(failed, '重复.txt.原因.txt'), 'utf8')).toMatch(/^该公文已登记：运转号 /);
      expect(readFileSync(join(failed, '表格.xlsx.原因.txt'), 'utf8')).toContain('不是可登记的文件格式（.xlsx）');
      expect(ls(dir)).toEqual(expect.arrayContaining(['正在传输.pdf.part', '~$草稿.docx']));
      expect((await listIncoming(target.store, {})).items).toHaveLength(3);
    });

    it('a missing folder is reported once, not at every poll', async () => {
      const said: string[] = [];
      const inbox = new InboxWatcher({ dir: join(dir, '不存在'), store: target.store, clock: testClock, log: (l) => said.push(l) });
      await inbox.poll();
      await inbox.poll();
      expect(said).toEqual([`收文目录 ${join(dir, '不存在')} 无法读取：目录不存在`]);
    });
  });
}
