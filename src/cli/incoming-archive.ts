// `duban incoming archive ID [--retention 永久|30年|10年] [--unit 机构] [--pages N] [--note …]`:
// 归档 of one registration, with its 档号; `duban incoming catalogue --year Y [--retention …]
// --xlsx OUT`: the 归档文件目录 of a 年度; `duban incoming archive-settings [--fonds X001 …]`:
// the office's 归档 settings shown, or saved (the old ones stay in the history). Each write is one
// command of src/store/incoming/ with its audit event; a refusal is one Chinese line and exit 2.
import type { Command } from 'commander';
import type { ArchiveSettings } from '../workflow/archive.ts';
import { isRetention, RETENTIONS, type Retention } from '../workflow/archive.ts';
import { commandClock } from './clock-option.ts';
import { openStoreOrFail } from './store-target.ts';
import { writeOutput } from './write-output.ts';

const DEFAULT_ACTOR = 'import';

function badUsage(message: string, setExit: (code: number) => void): void {
  process.stderr.write(`duban: ${message}\n`);
  setExit(2);
}

/** Runs `act` on an existing store; an IncomingError is one line and exit 2. */
async function withStore(command: Command, setExit: (code: number) => void, act: (store: import('../store/open.ts').Store) => Promise<void>): Promise<void> {
  const store = await openStoreOrFail(command, setExit, 'existing');
  if (store === null) return;
  const { IncomingError } = await import('../store/incoming/errors.ts');
  try {
    await act(store);
  } catch (e) {
    if (!(e instanceof IncomingError)) throw e;
    process.stderr.write(`duban: ${e.message}\n`);
    setExit(2);
  } finally {
    await store.close();
  }
}

const retentionUsage = `--retention 应为 ${RETENTIONS.join('、')} 之一`;

/** 机构（问题） given as CODE=名称, comma separated: BGS=办公室,YWK=业务科. */
function parseUnits(raw: string): ArchiveSettings['units'] | null {
  const out: ArchiveSettings['units'] = [];
  for (const part of raw.split(/[,，、]/).map((s) => s.trim()).filter((s) => s !== '')) {
    const m = /^([^=＝]+)[=＝](.+)$/.exec(part);
    if (!m) return null;
    out.push({ code: m[1]!.trim(), name: m[2]!.trim() });
  }
  return out;
}

export function registerIncomingArchiveCommands(incoming: Command, setExit: (code: number) => void): void {
  incoming
    .command('archive')
    .description('归档：编档号（全宗号-WS·年度-保管期限-机构-件号），定保管期限')
    .argument('<id>', '收文的 id')
    .option('--retention <period>', `保管期限：${RETENTIONS.join('、')}（默认：归档设置中该类收文的默认期限）`)
    .option('--unit <unit>', '机构（问题）代码或名称（归档设置中设了机构时必填）')
    .option('--pages <n>', '页数')
    .option('--note <text>', '备注')
    .option('--as <user>', '以哪位收文员的名义（审计日志）', DEFAULT_ACTOR)
    .option('--json', '输出 JSON')
    .action(async (id: string, opts: { retention?: string; unit?: string; pages?: string; note?: string; as: string; json?: boolean }, command: Command) => {
      if (!/^\d{1,12}$/.test(id)) return badUsage('请写明收文的 id（duban incoming list 可查）', setExit);
      if (opts.retention !== undefined && !isRetention(opts.retention)) return badUsage(retentionUsage, setExit);
      if (opts.pages !== undefined && !/^[1-9]\d{0,5}$/.test(opts.pages)) return badUsage('--pages 应为 1 以上的整数', setExit);
      const clock = commandClock(command, setExit);
      if (clock === null) return;
      await withStore(command, setExit, async (store) => {
        const { archiveIncoming } = await import('../store/incoming/archive.ts');
        const v = await archiveIncoming(store, Number(id), { retention: (opts.retention as Retention | undefined) ?? null, unit: opts.unit ?? null, pages: opts.pages === undefined ? null : Number(opts.pages), note: opts.note ?? null }, { actor: { name: opts.as }, clock });
        if (opts.json) process.stdout.write(`${JSON.stringify(v, null, 2)}\n`);
        else process.stdout.write(`${v.serial}　${v.title}　已归档　档号：${v.archive!.code}　保管期限：${v.archive!.retention}\n`);
      });
    });

  incoming
    .command('catalogue')
    .description('归档文件目录：一个年度的 .xlsx，每个保管期限（及机构）一张表')
    .requiredOption('--year <year>', '年度，如 2026')
    .option('--retention <period>', `只导出这一保管期限：${RETENTIONS.join('、')}`)
    .requiredOption('--xlsx <file>', '写出的 .xlsx 文件')
    .action(async (opts: { year: string; retention?: string; xlsx: string }, command: Command) => {
      if (!/^\d{4}$/.test(opts.year)) return badUsage('--year 应为四位年份，如 2026', setExit);
      if (opts.retention !== undefined && !isRetention(opts.retention)) return badUsage(retentionUsage, setExit);
      await withStore(command, setExit, async (store) => {
        const { archiveCatalogue } = await import('../store/incoming/archive.ts');
        const book = await archiveCatalogue(store, { year: Number(opts.year), retention: opts.retention as Retention | undefined });
        if (await writeOutput(opts.xlsx, book, setExit)) process.stderr.write(`已写出归档文件目录：${opts.xlsx}\n`);
      });
    });

  incoming
    .command('archive-settings')
    .description('归档设置：不带选项时显示；带选项时保存（旧设置保留在历史中）')
    .option('--fonds <code>', '全宗号，如 X001')
    .option('--fonds-name <name>', '全宗名称（立档单位全称或规范化简称）')
    .option('--units <list>', '机构（问题）：代码=名称，逗号分隔，如 BGS=办公室,YWK=业务科；写 none 表示不设此级')
    .option('--default-handle <period>', '办件的默认保管期限')
    .option('--default-read <period>', '阅件的默认保管期限')
    .option('--default-returned <period>', '退回件的默认保管期限')
    .option('--as <user>', '以哪位管理员的名义（审计日志）', DEFAULT_ACTOR)
    .option('--json', '输出 JSON')
    .action(async (opts: { fonds?: string; fondsName?: string; units?: string; defaultHandle?: string; defaultRead?: string; defaultReturned?: string; as: string; json?: boolean }, command: Command) => {
      const periods = [opts.defaultHandle, opts.defaultRead, opts.defaultReturned];
      if (periods.some((p) => p !== undefined && !isRetention(p))) return badUsage(`默认保管期限应为 ${RETENTIONS.join('、')} 之一`, setExit);
      const units = opts.units === undefined ? undefined : opts.units.trim() === 'none' ? [] : parseUnits(opts.units);
      if (units === null) return badUsage('--units 应写成 代码=名称，逗号分隔，如 BGS=办公室,YWK=业务科', setExit);
      const saving = [opts.fonds, opts.fondsName, opts.units, ...periods].some((v) => v !== undefined);
      const clock = saving ? commandClock(command, setExit) : null;
      if (saving && clock === null) return;
      await withStore(command, setExit, async (store) => {
        const [{ getArchiveSettings, saveArchiveSettings }, { DEFAULT_RETENTIONS }] = await Promise.all([import('../store/incoming/archive-settings.ts'), import('../workflow/archive.ts')]);
        let current = await getArchiveSettings(store);
        if (saving) {
          const base = current ?? { fondsCode: '', fondsName: '', units: [], defaults: DEFAULT_RETENTIONS };
          current = await saveArchiveSettings(
            store,
            {
              fondsCode: opts.fonds ?? base.fondsCode,
              fondsName: opts.fondsName ?? base.fondsName,
              units: units ?? base.units,
              defaults: { 办件: (opts.defaultHandle as Retention | undefined) ?? base.defaults.办件, 阅件: (opts.defaultRead as Retention | undefined) ?? base.defaults.阅件, 退回: (opts.defaultReturned as Retention | undefined) ?? base.defaults.退回 },
            },
            { actor: { name: opts.as }, clock: clock! },
          );
        }
        if (opts.json) process.stdout.write(`${JSON.stringify({ settings: current, defaults: DEFAULT_RETENTIONS }, null, 2)}\n`);
        else if (current === null) process.stdout.write('尚未设置全宗号：用 --fonds 与 --fonds-name 设置\n');
        else {
          const units = current.units.length === 0 ? '不设' : current.units.map((u) => `${u.code}=${u.name}`).join('、');
          process.stdout.write(`全宗号：${current.fondsCode}　全宗名称：${current.fondsName}\n机构（问题）：${units}\n默认保管期限：办件 ${current.defaults.办件}，阅件 ${current.defaults.阅件}，退回件 ${current.defaults.退回}\n`);
        }
      });
    });
}
