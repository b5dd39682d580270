// `duban calendar`: the working-day calendar from the command line.
//   import FILE [--json]        read the State Council's yearly notice (any format the library
//                               reads) and make it the year's arrangement; a newer import replaces
//                               the one in force, which is kept
//   show [YEAR] [--json]        the years around today (or one year): where the holidays come from
//                               (official, imported, provisional), the holidays, the 调休 days
import { basename, resolve } from 'node:path';
import type { Command } from 'commander';
import type { YearView } from '../store/calendar.ts';
import { commandClock } from './clock-option.ts';
import { openStoreOrFail } from './store-target.ts';

/** What the command line acts as in the audit trail (as import does). */
const ACTOR = { name: 'import' };
const SOURCE_LABEL = { official: '正式（随程序发布）', imported: '正式（已导入通知）', provisional: '暂定（按放假办法推算，待国务院通知）' } as const;
const WEEKDAY = '一二三四五六日';

const say = (line: string) => process.stderr.write(`${line}\n`);

function span(days: readonly string[]): string {
  const first = days[0]!;
  const last = days[days.length - 1]!;
  return days.length === 1 ? `${first}（1天）` : `${first} 至 ${last}（${days.length}天）`;
}

/** The year as lines of text: its source, each holiday, the 调休 working days. */
async function describe(y: YearView): Promise<string> {
  const [{ weekday }, { beijingDateTime, instantFrom }] = await Promise.all([import('../calendar/iso-date.ts'), import('../calendar/clock.ts')]);
  const lines = [`${y.year}年  ${SOURCE_LABEL[y.source]}${y.imported ? `  ${beijingDateTime(instantFrom(y.imported.importedAt)).slice(0, 16)} 由 ${y.imported.importedBy} 导入${y.imported.fileName ? `（${y.imported.fileName}）` : ''}` : ''}`];
  for (const h of y.holidays) lines.push(`  ${h.name}\t${span(h.days)}`);
  lines.push(`  调休上班\t${y.workdays.length === 0 ? '无' : y.workdays.map((w) => `${w.date}（周${WEEKDAY[weekday(w.date) - 1]}，${w.name}）`).join('、')}`);
  return lines.join('\n');
}

export function registerCalendarCommand(program: Command, setExit: (code: number) => void): void {
  const calendar = program.command('calendar').description('工作日历：导入国务院办公厅节假日安排通知，查看各年节假日与调休');

  calendar
    .command('import')
    .description('导入国务院办公厅关于某年部分节假日安排的通知（.txt .docx .pdf .html .ofd）；同一年份再次导入即替换，旧的保留')
    .argument('<file>', '通知文件')
    .option('--json', '输出 JSON：导入后的年份（来源、节假日、调休上班日）')
    .action(async (file: string, opts: { json?: boolean }, command: Command) => {
      const clock = commandClock(command, setExit);
      if (clock === null) return;
      const [{ readInput, InputError }, { HolidayNoticeError }] = await Promise.all([import('../input/read.ts'), import('../calendar/holiday-notice.ts')]);
      let text: string;
      try {
        text = (await readInput(resolve(file))).text;
      } catch (e) {
        if (!(e instanceof InputError)) throw e;
        say(`duban: 未导入：${file}：${e.message}`);
        setExit(2);
        return;
      }
      const store = await openStoreOrFail(command, setExit);
      if (store === null) return;
      try {
        const { importHolidayNotice, loadArrangements, yearView } = await import('../store/calendar.ts');
        const result = await importHolidayNotice(store.db, { actor: ACTOR, now: clock.now() }, { text, fileName: basename(file) });
        const view = yearView(result.arrangement.year, await loadArrangements(store.db));
        if (opts.json) process.stdout.write(`${JSON.stringify({ ...view, replaced: result.replaced, unchanged: result.unchanged }, null, 2)}\n`);
        else process.stdout.write(`${await describe(view)}\n`);
        say(result.unchanged ? `${view.year}年的安排与已导入的相同，未改动` : result.replaced === null ? `已导入 ${view.year}年的节假日安排` : `已导入 ${view.year}年的节假日安排，替换了之前导入的（保留在记录中）`);
      } catch (e) {
        if (!(e instanceof HolidayNoticeError)) throw e;
        say(`duban: 未导入：${file}：`);
        for (const p of e.problems) say(`  ${p}`);
        setExit(2);
      } finally {
        await store.close();
      }
    });

  calendar
    .command('show')
    .description('各年节假日与调休上班日（默认去年、今年、明年及导入过的年份）及其来源：正式、已导入、暂定')
    .argument('[year]', '只看这一年，如 2027')
    .option('--json', '输出 JSON')
    .action(async (year: string | undefined, opts: { json?: boolean }, command: Command) => {
      if (year !== undefined && !/^\d{4}$/.test(year)) {
        say(`duban: 年份应为四位数字，如 2027：${year}`);
        setExit(2);
        return;
      }
      const clock = commandClock(command, setExit);
      if (clock === null) return;
      const store = await openStoreOrFail(command, setExit, 'existing');
      if (store === null) return;
      try {
        const { loadArrangements, yearView, yearViews } = await import('../store/calendar.ts');
        const views = year === undefined ? await yearViews(store.db, Number(clock.today().slice(0, 4))) : [yearView(Number(year), await loadArrangements(store.db))];
        if (opts.json) process.stdout.write(`${JSON.stringify(year === undefined ? { years: views } : views[0], null, 2)}\n`);
        else for (const v of views) process.stdout.write(`${await describe(v)}\n`);
      } finally {
        await store.close();
      }
    });
}
